package store

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// A 年度 report must cost the same whether the database holds that year alone or ten years of
// history: it reads through the day indexes, never a whole bucket. This benchmark generates both
// databases with Generate (the same seed, so the year's days are the same), then times the full
// report (ReportRecords + BuildReport) of 年度 2025 on each, alternating in one loop so that noise
// from a busy machine falls on both alike.
//
//	go test -run '^$' -bench ReportFiscalYear10Years -benchtime 20x ./store/
//
// ns/op is the ten-year figure; ns/op-1year the one-year figure; ratio their quotient.
// Targets: at most 50 ms, and a ratio of at most 1.5.

// rbYear is the year reported: 令和7年度, complete in both databases.
var rbYear = model.FiscalYearPeriod(2025)

// rbStore generates a history ending at end into a fresh file and opens it.
func rbStore(b *testing.B, name string, years, months int, end time.Time) *Store {
	b.Helper()
	path := filepath.Join(b.TempDir(), name)
	var st GenStats
	if err := Generate(path, GenOptions{Years: years, Months: months, Seed: 1, Now: end, Stats: &st}); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: %s", name, st)
	s, err := Open(path, Options{Clock: model.FixedClock{T: end}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkReportFiscalYear10Years(b *testing.B) {
	// Ten years ending 2026-11-25 (history before 令和7年度 and after it), and 令和7年度 alone.
	years := rbStore(b, "ten-years.db", 10, 0, time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo))
	alone := rbStore(b, "one-year.db", 0, 12, time.Date(2026, 3, 31, 23, 0, 0, 0, model.Tokyo))
	report := func(s *Store) model.Report {
		r, err := s.Report(rbYear)
		if err != nil {
			b.Fatal(err)
		}
		return r
	}
	ry, ra := report(years), report(alone)
	if ry.Visits < 5000 || ra.Visits < 5000 || ry.Sessions == nil || ry.JobsAccepted < 50 {
		b.Fatalf("the generated year is too thin: ten years %d visits %d jobs, alone %d visits", ry.Visits, ry.JobsAccepted, ra.Visits)
	}
	b.Logf("令和7年度 on ten years: %d visits, %d uses, %d sessions, %d jobs accepted, %d paid; alone: %d visits, %d jobs",
		ry.Visits, ry.ChildcareUses, len(ry.Sessions), ry.JobsAccepted, ry.Income.Jobs, ra.Visits, ra.JobsAccepted)
	var tYears, tAlone time.Duration
	n := 0
	for b.Loop() {
		t0 := time.Now()
		report(years)
		t1 := time.Now()
		report(alone)
		tAlone += time.Since(t1)
		tYears += t1.Sub(t0)
		n++
	}
	perYears := float64(tYears.Nanoseconds()) / float64(n)
	perAlone := float64(tAlone.Nanoseconds()) / float64(n)
	b.ReportMetric(perYears, "ns/op")
	b.ReportMetric(perAlone, "ns/op-1year")
	b.ReportMetric(perYears/perAlone, "ratio")
}

// TestScanVisitMatchesJSON holds the report's fast visit reader to json.Unmarshal, on visits as
// the store writes them and on bytes it must refuse (and leave to json).
func TestScanVisitMatchesJSON(t *testing.T) {
	in := time.Date(2025, 4, 1, 0, 30, 0, 0, time.UTC)
	for _, v := range []model.Visit{
		{ID: 1, PersonID: 7, In: in, Purpose: model.PurposeCoworking},
		{ID: 1 << 40, PersonID: 123456789012, In: in, Out: in.Add(time.Hour), Purpose: model.PurposeTour, ClosedAtClosing: true},
		{ID: 3, PersonID: 0, In: in, Purpose: model.PurposeOther},
	} {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var want visitFields
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		got, ok := scanVisit(data)
		if !ok || got != want {
			t.Errorf("%s: scanned %+v %v, json %+v", data, got, ok, want)
		}
	}
	for _, bad := range []string{`{}`, `{"person_id":"7","purpose":"coworking"}`, `{"person_id":7,"purpose":"nap"}`,
		`{"person_id":7}`, `{"purpose":"coworking","person_id":}`, `{"person_id":12345678901234567890,"purpose":"coworking"}`} {
		if f, ok := scanVisit([]byte(bad)); ok {
			t.Errorf("%s accepted as %+v", bad, f)
		}
	}
}
