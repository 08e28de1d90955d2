package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// The end-of-day review must cost the same after ten years of history as after one month: it
// reads only day indexes and open-item indexes. This benchmark generates both databases with
// Generate (same seed, same end: the last day is alike in both, with people still in, children in
// care, today's sessions and jobs due), then times Review of that day on each, alternating in one
// loop so noise from a busy machine falls on both alike.
//
//	go test -run '^$' -bench Review10Years ./store/
//
// ns/op is the ten-year figure; ns/op-1month the one-month figure; ratio their quotient.
// Targets: at most 1 ms, and a ratio of at most 1.3.

// rvwEnd is the end of both histories: a Wednesday afternoon, the day not yet closed.
var rvwEnd = time.Date(2026, 11, 25, 15, 0, 0, 0, model.Tokyo)

// rvwStore generates a history ending at rvwEnd into a fresh file and opens it.
func rvwStore(b *testing.B, name string, years, months int) *Store {
	b.Helper()
	path := filepath.Join(b.TempDir(), name)
	var st GenStats
	if err := Generate(path, GenOptions{Years: years, Months: months, Seed: 1, Now: rvwEnd, Stats: &st}); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: %s", name, st)
	s, err := Open(path, Options{Clock: model.FixedClock{T: rvwEnd}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkReview10Years(b *testing.B) {
	years := rvwStore(b, "ten-years.db", 10, 0)
	month := rvwStore(b, "one-month.db", 0, 1)
	day := model.DateOf(rvwEnd)
	review := func(s *Store) model.DayReview {
		r, err := s.Review(day)
		if err != nil {
			b.Fatal(err)
		}
		return r
	}
	ry, rm := review(years), review(month)
	count := func(r model.DayReview) string {
		return fmt.Sprintf("%d sessions open, %d here, %d in care, %d not arrived, %d jobs due",
			len(r.Sessions), len(r.Here), len(r.InCare), len(r.NotArrived), len(r.Jobs))
	}
	b.Logf("review on ten years: %s; on one month: %s", count(ry), count(rm))
	if len(ry.Here) == 0 || len(ry.InCare)+len(ry.NotArrived) == 0 {
		b.Fatalf("the generated day is too quiet to measure: %s", count(ry))
	}
	var tYears, tMonth time.Duration
	n := 0
	for b.Loop() {
		t0 := time.Now()
		review(years)
		t1 := time.Now()
		review(month)
		tMonth += time.Since(t1)
		tYears += t1.Sub(t0)
		n++
	}
	perYears := float64(tYears.Nanoseconds()) / float64(n)
	perMonth := float64(tMonth.Nanoseconds()) / float64(n)
	b.ReportMetric(perYears, "ns/op")
	b.ReportMetric(perMonth, "ns/op-1month")
	b.ReportMetric(perYears/perMonth, "ratio")
}
