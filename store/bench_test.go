package store

// The store's benchmarks for issue 9, on generated histories (gen.go) of ten years, one year and
// one month ending at the same moment. `make bench` runs them with the TUI and SQLite benchmarks
// and prints the summary table (bench/summary), which holds the targets.
//
// Each measured operation is timed call by call, alternating with its baseline (the same query on
// a smaller history, or a bare bbolt write), and the benchmark reports both medians and their
// ratio: on a noisy shared machine, interleaving slows both alike and medians ignore the spikes.
// Metrics: op-ns (median of the operation), base-ns (median of its baseline), ratio (op ÷ base).

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

// benchSeed and benchNow pin the generated histories; bench/bench.go uses the same, so `make bench`
// generates each one once (MADOGUCHI_BENCH_DIR).
const benchSeed = 1

var benchNow = time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)

// benchDay is the last full open day before benchNow; benchToday is benchNow's day.
var (
	benchDay   = model.NewDate(2026, time.November, 24)
	benchToday = model.DateOf(benchNow)
)

// benchDir is where generated histories are kept for the run: MADOGUCHI_BENCH_DIR (the Makefile
// makes one per run and removes it), or a temporary folder removed when the benchmark ends.
func benchDir(b *testing.B) string {
	if d := os.Getenv("MADOGUCHI_BENCH_DIR"); d != "" {
		return d
	}
	d, err := os.MkdirTemp("", "madoguchi-bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(d) })
	return d
}

// benchDB returns the generated history of years and months in dir, generating it when missing
// (not timed). The name matches bench.DB's.
func benchDB(b *testing.B, dir string, years, months int) string {
	path := filepath.Join(dir, fmt.Sprintf("gen-s%d-%dy%dm-%s.db", benchSeed, years, months, benchNow.Format("20060102T1504")))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	var st GenStats
	began := time.Now()
	if err := Generate(path, GenOptions{Years: years, Months: months, Seed: benchSeed, Now: benchNow, Stats: &st}); err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "bench: generated %dy%dm in %s: %s\n", years, months, time.Since(began).Round(time.Millisecond), st)
	return path
}

func benchOpen(b *testing.B, path string, readOnly bool) *Store {
	s, err := Open(path, Options{Clock: model.FixedClock{T: benchNow}, ReadOnly: readOnly})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func benchCopy(b *testing.B, src, dst string) {
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

func benchMedian(ds []time.Duration) float64 {
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

// benchPair times op and base alternately b.N times (after one untimed call of each) and
// reports their medians and ratio.
func benchPair(b *testing.B, op, base func() error) { benchPairPrepared(b, nil, op, base) }

// benchPairPrepared is benchPair with prepare run, untimed, before every call of op.
func benchPairPrepared(b *testing.B, prepare, op, base func() error) {
	b.Helper()
	if prepare == nil {
		prepare = func() error { return nil }
	}
	if err := prepare(); err != nil {
		b.Fatal(err)
	}
	if err := op(); err != nil {
		b.Fatal(err)
	}
	if err := base(); err != nil {
		b.Fatal(err)
	}
	ops, bases := make([]time.Duration, 0, b.N), make([]time.Duration, 0, b.N)
	timed := func(f func() error, into *[]time.Duration) {
		t0 := time.Now()
		err := f()
		*into = append(*into, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := prepare(); err != nil {
			b.Fatal(err)
		}
		if i%2 == 0 {
			timed(op, &ops)
			timed(base, &bases)
		} else {
			timed(base, &bases)
			timed(op, &ops)
		}
	}
	b.StopTimer()
	o, bs := benchMedian(ops), benchMedian(bases)
	b.ReportMetric(o, "op-ns")
	b.ReportMetric(bs, "base-ns")
	if bs > 0 {
		b.ReportMetric(o/bs, "ratio")
	}
}

// BenchmarkStore measures the store on the ten-year history against issue 9's targets (the
// summary table says which): a check-in against a bare bbolt write, the day queries and the
// end-of-day review against the same queries on a one-month history, and the 年度 report against
// the same report on a one-year history.
func BenchmarkStore(b *testing.B) {
	dir := benchDir(b)
	tenPath := benchDB(b, dir, 10, 0)
	yearPath := benchDB(b, dir, 1, 0)
	monthPath := benchDB(b, dir, 0, 1)

	b.Run("checkin", func(b *testing.B) { benchCheckIn(b, dir, tenPath) })
	b.Run("checkin_floor_file", func(b *testing.B) { benchFloor(b, dir, tenPath, false) })
	b.Run("checkin_floor_record", func(b *testing.B) { benchFloor(b, dir, tenPath, true) })

	ten, year, month := benchOpen(b, tenPath, true), benchOpen(b, yearPath, true), benchOpen(b, monthPath, true)
	pair := func(name string, q func(s *Store) error, big, small *Store) {
		b.Run(name, func(b *testing.B) {
			benchPair(b, func() error { return q(big) }, func() error { return q(small) })
		})
	}
	nonEmpty := func(n int, what string) error {
		if n == 0 {
			return fmt.Errorf("no %s on the day measured", what)
		}
		return nil
	}
	pair("visits_day", func(s *Store) error {
		vs, err := s.VisitsOn(benchDay)
		if err == nil {
			err = nonEmpty(len(vs), "visits")
		}
		return err
	}, ten, month)
	pair("slots_day", func(s *Store) error {
		rs, err := s.SlotsOn(benchDay)
		if err == nil {
			err = nonEmpty(len(rs), "slots")
		}
		return err
	}, ten, month)

	// the roll of the day's 育成講座 session (its id differs between the histories)
	rollOf := map[*Store]uint64{}
	for _, s := range []*Store{ten, month} {
		ss, err := s.SessionsOn(benchDay)
		if err != nil || len(ss) == 0 {
			b.Fatalf("no session on %s: %v", benchDay, err)
		}
		rollOf[s] = ss[0].ID
	}
	pair("roll", func(s *Store) error {
		r, err := s.Roll(rollOf[s])
		if err == nil {
			err = nonEmpty(len(r.Lines), "roll lines")
		}
		return err
	}, ten, month)
	pair("review", func(s *Store) error { _, err := s.Review(benchToday); return err }, ten, month)
	pair("home", func(s *Store) error {
		t, err := s.Today(benchToday)
		if err == nil {
			err = nonEmpty(len(t.Here), "people in")
		}
		return err
	}, ten, month)

	fy := model.FiscalYear(benchToday)
	pair("kpi_fy", func(s *Store) error {
		r, err := s.Report(model.FiscalYearPeriod(fy))
		_ = r
		return err
	}, ten, year)
	pair("fy_visits", func(s *Store) error {
		n, people, err := benchFYVisits(s, fy)
		if err == nil {
			err = nonEmpty(n*people, "visits in the 年度")
		}
		return err
	}, ten, year)
}

// benchFYVisits counts a 年度's visits and distinct visitors with one range scan of
// idx_visits_day, decoding each visit: the reading a KPI built on visits does.
func benchFYVisits(s *Store, fy int) (visits, people int, err error) {
	from, to := model.FiscalYearRange(fy)
	end := dayKey(to.AddDays(1))
	seen := map[uint64]bool{}
	err = s.view(func(t *tx) error {
		c := t.b(iVisitDay).Cursor()
		for k, _ := c.Seek(dayKey(from)); k != nil && bytes.Compare(k[:8], end) < 0; k, _ = c.Next() {
			var v model.Visit
			if _, err := t.get(bVisits, k[8:], &v); err != nil {
				return err
			}
			visits++
			seen[v.PersonID] = true
		}
		return nil
	})
	return visits, len(seen), err
}

// benchCheckIn times CheckIn on a copy of the ten-year history (fsync on, default options)
// against a bare bbolt Update putting one 300-byte value into a fresh file in the same folder.
// People are checked in in turn; when all are in, everyone is checked out, untimed.
func benchCheckIn(b *testing.B, dir, tenPath string) {
	path := filepath.Join(dir, fmt.Sprintf("checkin-%d.db", os.Getpid()))
	benchCopy(b, tenPath, path)
	b.Cleanup(func() { os.Remove(path) })
	s := benchOpen(b, path, false)
	s.SetStaff("佐藤 由美")
	people, err := s.People()
	if err != nil {
		b.Fatal(err)
	}

	base := benchBarePut(b, dir)

	in := map[uint64]bool{}
	open, err := s.OpenVisits()
	if err != nil {
		b.Fatal(err)
	}
	for _, v := range open {
		in[v.PersonID] = true
	}
	next := 0
	var who uint64
	prepare := func() error { // untimed: pick someone who is out; when all are in, check all out
		if len(in) == len(people) {
			if _, err := s.CheckOutAll(benchNow); err != nil {
				return err
			}
			clear(in)
		}
		for ; in[people[next%len(people)].ID]; next++ {
		}
		who = people[next%len(people)].ID
		return nil
	}
	op := func() error {
		_, err := s.CheckIn(who, model.PurposeCoworking)
		in[who] = true
		return err
	}
	benchPairPrepared(b, prepare, op, base)
}

// benchBarePut opens a fresh bbolt file in dir with default options and returns issue 9's
// baseline: one db.Update putting a 300-byte value under the next key of one bucket.
func benchBarePut(b *testing.B, dir string) func() error {
	barePath := filepath.Join(dir, fmt.Sprintf("bare-%d.db", os.Getpid()))
	bare, err := bolt.Open(barePath, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { bare.Close(); os.Remove(barePath) })
	return barePutInto(bare, []byte("bench"))
}

// barePutInto returns an Update putting a 300-byte value under the next key of bucket.
func barePutInto(db *bolt.DB, bucket []byte) func() error {
	value := bytes.Repeat([]byte("x"), 300)
	return func() error {
		return db.Update(func(tx *bolt.Tx) error {
			bk, err := tx.CreateBucketIfNotExists(bucket)
			if err != nil {
				return err
			}
			n, err := bk.NextSequence()
			if err != nil {
				return err
			}
			return bk.Put(u64(n), value)
		})
	}
}

// benchFloor measures what the ten-year file itself costs, against the same baseline as the
// check-in: the same bare put into a copy of the ten-year file (a new bucket of its own), or,
// with record, the 300-byte put into the ten-year visits bucket with no index and no audit entry,
// which is the least any check-in that keeps its record there can write. Shown, not judged: they
// say how much of the check-in's ratio is the file rather than the store's work.
func benchFloor(b *testing.B, dir, tenPath string, record bool) {
	path := filepath.Join(dir, fmt.Sprintf("floor-%d.db", os.Getpid()))
	benchCopy(b, tenPath, path)
	b.Cleanup(func() { os.Remove(path) })
	ten, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ten.Close() })
	bucket := []byte("bench")
	if record {
		bucket = bVisits
	}
	benchPair(b, barePutInto(ten, bucket), benchBarePut(b, dir))
}
