package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

func init() {
	register(command{"gen", "build a big realistic database for benchmarks / ベンチマーク用の大きなデータベースを作る", cmdGen})
}

// cmdGen writes a generated history (store.Generate) into a new file named by --db.
func cmdGen(c *cli, args []string) int {
	var opts store.GenOptions
	var now string
	ok, code, fs := c.parse("gen", args, func(fs *flag.FlagSet) {
		fs.IntVar(&opts.Years, "years", 10, "years of history")
		fs.IntVar(&opts.Months, "months", 0, "months of history, added to --years (--years 0 --months 1: one month)")
		fs.Uint64Var(&opts.Seed, "seed", 1, "random seed: the same seed and --now give the same database")
		fs.StringVar(&now, "now", "", `the end of the history in Japan time, "2026-11-25 10:30" (default: now)`)
		fs.IntVar(&opts.People, "people", 300, "how many people the programme has had")
	})
	if !ok {
		return code
	}
	dbGiven := false
	fs.Visit(func(f *flag.Flag) { dbGiven = dbGiven || f.Name == "db" })
	if !dbGiven {
		// MADOGUCHI_DB or the default path may be the site's real database: never generate there.
		fmt.Fprintln(c.errw, "madoguchi gen: "+c.lang.Pick(
			"--db で新しいファイル名を指定してください（実際のデータベースには書き込みません）",
			"give a new file with --db (gen never writes into the real database)"))
		return 2
	}
	opts.Now = c.clock.Now().Truncate(time.Minute)
	if now != "" {
		t, err := parseGenNow(now)
		if err != nil {
			fmt.Fprintln(c.errw, "madoguchi gen: "+c.lang.Pick(`--now は "2026-11-25 10:30" の形で指定してください: `, `give --now as "2026-11-25 10:30": `)+now)
			return 2
		}
		opts.Now = t
	}
	var st store.GenStats
	opts.Stats = &st
	began := time.Now()
	if err := store.Generate(c.g.db, opts); err != nil {
		fmt.Fprintln(c.errw, "madoguchi gen: "+model.Message(err, c.lang))
		return 1
	}
	took := time.Since(began).Round(100 * time.Millisecond)
	span := fmt.Sprintf("%s - %s %s", st.From, st.To, model.HHMM(opts.Now))
	fmt.Fprintf(c.out, c.lang.Pick(
		"%s に %s の履歴を作りました（%s、%.1f MB）\n  利用者 %d人、子ども %d人、来館 %d件、キッズ枠 %d、予約 %d件、講座 %d、回 %d、出欠 %d件、案件 %d件（履歴 %d件）、日次締め %d日、操作履歴 %d件\n",
		"%s: wrote the history %s (%s, %.1f MB)\n  %d people, %d children, %d visits, %d kids-space slots, %d bookings, %d courses, %d sessions, %d marks, %d jobs (%d events), %d day closes, %d audit entries\n"),
		c.g.db, span, took, float64(st.Bytes)/1e6,
		st.People, st.Children, st.Visits, st.Slots, st.Bookings, st.Courses, st.Sessions, st.Marks, st.Jobs, st.JobEvents, st.DayClose, st.Audit)
	return 0
}

// parseGenNow reads "YYYY-MM-DD HH:MM" (or a T between them) in Japan time; a date alone means
// 10:30 that day, mid-morning at the desk.
func parseGenNow(s string) (time.Time, error) {
	s = strings.TrimSpace(strings.Replace(s, "T", " ", 1))
	date, clock, _ := strings.Cut(s, " ")
	d, err := model.ParseDate(date)
	if err != nil {
		return time.Time{}, err
	}
	c := model.ClockTime(10*60 + 30)
	if clock = strings.TrimSpace(clock); clock != "" {
		if c, err = model.ParseClock(clock); err != nil {
			return time.Time{}, err
		}
	}
	return d.At(c), nil
}
