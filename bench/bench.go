// Package bench is madoguchi's performance harness (issue 9), used only by `make bench`; nothing
// in the app imports it. It holds what the benchmarks share: the generated histories (made once
// per run and kept in MADOGUCHI_BENCH_DIR), interleaved timing with medians, and a synchronous
// command drain for the TUI. Beside it: the TUI benchmarks (tui_test.go), bench/rss (peak memory
// measured in a subprocess), bench/summary (the table `make bench` prints, with the targets) and
// bench/sqlite (the SQLite peer, a nested module so the app never links SQLite).
//
// Benchmarks report op-ns (median of the measured operation), base-ns (median of its baseline)
// and ratio (op ÷ base); bench/summary reads those.
package bench

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// Seed and Now pin the generated histories: ten years, one year and one month, all ending on
// Wednesday 2026-11-25 at 10:30 in Tokyo (the screens' test clock), with people in and children
// in care. store/bench_test.go uses the same values and file names.
const Seed = 1

// Now is the end of every generated history and the clock of every benchmark.
var Now = time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)

// Day is the last full open day before Now (a Tuesday, with a 育成講座 session).
var Day = model.NewDate(2026, time.November, 24)

// Clock is the benchmarks' clock, stopped at Now.
var Clock = model.FixedClock{T: Now}

// Staff is the staff member on duty in the benchmarks.
const Staff = "佐藤 由美"

// Dir returns the folder generated histories are kept in for this run: MADOGUCHI_BENCH_DIR when
// set (the Makefile makes one per run and removes it), else a new temporary folder that cleanup
// removes.
func Dir() (dir string, cleanup func(), err error) {
	if d := os.Getenv("MADOGUCHI_BENCH_DIR"); d != "" {
		return d, func() {}, nil
	}
	d, err := os.MkdirTemp("", "madoguchi-bench-")
	if err != nil {
		return "", nil, err
	}
	return d, func() { os.RemoveAll(d) }, nil
}

// DB returns the generated history of years and months (ending at Now, seed Seed) in dir,
// generating it when it is not there yet. Generation is atomic (a temporary file renamed), so a
// file that exists is complete.
func DB(dir string, years, months int) (string, error) {
	path := filepath.Join(dir, fmt.Sprintf("gen-s%d-%dy%dm-%s.db", Seed, years, months, Now.Format("20060102T1504")))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	var st store.GenStats
	began := time.Now()
	if err := store.Generate(path, store.GenOptions{Years: years, Months: months, Seed: Seed, Now: Now, Stats: &st}); err != nil {
		return "", err
	}
	fmt.Fprintf(os.Stderr, "bench: generated %dy%dm in %s: %s\n", years, months, time.Since(began).Round(time.Millisecond), st)
	return path, nil
}

// Copy copies a database file (benchmarks that write work on a copy of a generated history).
func Copy(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Median returns the median of ds in nanoseconds (0 when empty).
func Median(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if len(s)%2 == 1 {
		return float64(s[len(s)/2])
	}
	return float64(s[len(s)/2-1]+s[len(s)/2]) / 2
}

// Time runs f and returns how long it took; a failure stops the benchmark.
func Time(b *testing.B, f func() error) time.Duration {
	t0 := time.Now()
	err := f()
	d := time.Since(t0)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// Pair times op and base alternately b.N times (after one untimed call of each) and reports
// their medians (op-ns, base-ns) and ratio (op ÷ base).
func Pair(b *testing.B, op, base func() error) {
	b.Helper()
	Time(b, op)
	Time(b, base)
	ops, bases := make([]time.Duration, 0, b.N), make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			ops = append(ops, Time(b, op))
			bases = append(bases, Time(b, base))
		} else {
			bases = append(bases, Time(b, base))
			ops = append(ops, Time(b, op))
		}
	}
	b.StopTimer()
	o, bs := Median(ops), Median(bases)
	b.ReportMetric(o, "op-ns")
	b.ReportMetric(bs, "base-ns")
	if bs > 0 {
		b.ReportMetric(o/bs, "ratio")
	}
}

// Single times op b.N times (after one untimed call) and reports its median (op-ns).
func Single(b *testing.B, op func() error) {
	b.Helper()
	Time(b, op)
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ds = append(ds, Time(b, op))
	}
	b.StopTimer()
	b.ReportMetric(Median(ds), "op-ns")
}

// NoTick never fires, so Drain never waits for a timer.
func NoTick(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }

// Drain runs cmd and every command its messages produce, feeding each message to m, until none
// is left (as tuitest.Drain does, without importing testing helpers into bench/rss).
func Drain(m tea.Model, cmd tea.Cmd) tea.Model {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 100000 {
			panic("bench: commands did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil, tea.QuitMsg:
			continue
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}

// Key is the key press of one printable key.
func Key(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }
