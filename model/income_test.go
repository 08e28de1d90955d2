package model_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// paidJob is a job of person paid on the given day.
func paidJob(person uint64, price, qty, bp, minutes int64, paid model.Date, received int64) model.Job {
	return model.Job{PersonID: person, UnitPrice: price, Quantity: qty, FeeBP: bp, Minutes: minutes,
		Status: model.JobPaid, PaidOn: paid, PaidAmount: received, Invoiced: price * qty}
}

func TestIncomeOf(t *testing.T) {
	d := func(y int, m time.Month, day int) model.Date { return model.NewDate(y, m, day) }
	nov, dec := model.Month{Year: 2026, Month: time.November}, model.Month{Year: 2026, Month: time.December}
	jan := model.Month{Year: 2027, Month: time.January}
	jobs := []model.Job{
		// 山田 (1): two jobs paid in November, one in January; one awaiting payment; one open; one cancelled
		paidJob(1, 4000, 3, 2000, 150, d(2026, 11, 30), 12000), // 12,000 − 2,400 = 9,600 over 2:30
		paidJob(1, 999, 1, 1000, 0, d(2026, 11, 1), 999),       // 999 − 99 = 900, no hours
		paidJob(1, 1, 8000, 0, 240, d(2027, 1, 5), 7560),       // 8,000, 4:00, received less
		{PersonID: 1, UnitPrice: 5000, Quantity: 1, FeeBP: 2000, Status: model.JobInvoiced, Invoiced: 5000},
		{PersonID: 1, UnitPrice: 3000, Quantity: 1, Status: model.JobInProgress},
		{PersonID: 1, UnitPrice: 9999, Quantity: 1, Status: model.JobCancelled},
		// 佐々木 (2): one paid in December
		paidJob(2, 1500, 12, 0, 540, d(2026, 12, 10), 18000),
		// a paid job with no date (a damaged record) counts in no month
		{PersonID: 2, UnitPrice: 100, Quantity: 1, Status: model.JobPaid},
	}
	tests := []struct {
		name   string
		person uint64
		want   model.IncomeSummary
	}{
		{"山田", 1, model.IncomeSummary{
			Months: []model.Income{
				{Month: nov, Jobs: 2, Amount: 12999, Fee: 2499, Net: 10500, Received: 12999, Minutes: 150, RatedNet: 9600},
				{Month: jan, Jobs: 1, Amount: 8000, Fee: 0, Net: 8000, Received: 7560, Minutes: 240, RatedNet: 8000},
			},
			Total:   model.Income{Jobs: 3, Amount: 20999, Fee: 2499, Net: 18500, Received: 20559, Minutes: 390, RatedNet: 17600},
			Pending: model.Income{Jobs: 1, Amount: 5000, Fee: 1000, Net: 4000},
			Open:    1,
		}},
		{"佐々木", 2, model.IncomeSummary{
			Months: []model.Income{{Month: dec, Jobs: 1, Amount: 18000, Net: 18000, Received: 18000, Minutes: 540, RatedNet: 18000}},
			Total:  model.Income{Jobs: 1, Amount: 18000, Net: 18000, Received: 18000, Minutes: 540, RatedNet: 18000},
		}},
		{"nobody", 3, model.IncomeSummary{}},
		{"everyone", 0, model.IncomeSummary{
			Months: []model.Income{
				{Month: nov, Jobs: 2, Amount: 12999, Fee: 2499, Net: 10500, Received: 12999, Minutes: 150, RatedNet: 9600},
				{Month: dec, Jobs: 1, Amount: 18000, Net: 18000, Received: 18000, Minutes: 540, RatedNet: 18000},
				{Month: jan, Jobs: 1, Amount: 8000, Fee: 0, Net: 8000, Received: 7560, Minutes: 240, RatedNet: 8000},
			},
			Total:   model.Income{Jobs: 4, Amount: 38999, Fee: 2499, Net: 36500, Received: 38559, Minutes: 930, RatedNet: 35600},
			Pending: model.Income{Jobs: 1, Amount: 5000, Fee: 1000, Net: 4000},
			Open:    1,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := model.IncomeOf(jobs, tt.person)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("IncomeOf\n got %+v\nwant %+v", got, tt.want)
			}
			// order does not matter
			rev := append([]model.Job(nil), jobs...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			if again := model.IncomeOf(rev, tt.person); !reflect.DeepEqual(again, got) {
				t.Errorf("IncomeOf depends on the order of the jobs")
			}
		})
	}
	s := model.IncomeOf(jobs, 1)
	if got := s.Month(nov); got.Net != 10500 {
		t.Errorf("Month(nov) = %+v", got)
	}
	if got := s.Month(dec); got != (model.Income{Month: dec}) {
		t.Errorf("Month(dec) = %+v, want zero figures", got)
	}
}

func TestIncomeAveragesAndRate(t *testing.T) {
	tests := []struct {
		name     string
		in       model.Income
		avg      int64
		rate     int64
		rateOK   bool
		rateNote string
	}{
		{"nothing", model.Income{}, 0, 0, false, "no jobs, no hours"},
		{"rounded down", model.Income{Jobs: 3, Amount: 10000, Minutes: 90, RatedNet: 10000}, 3333, 6666, true, "10,000 over 1:30"},
		{"hours only on some jobs", model.Income{Jobs: 2, Amount: 12999, Net: 10500, Minutes: 150, RatedNet: 9600}, 6499, 3840, true, "9,600 over 2:30, not 10,500"},
		{"no hours", model.Income{Jobs: 1, Amount: 999, Net: 900}, 999, 0, false, ""},
		{"zero net with hours", model.Income{Jobs: 1, Minutes: 60}, 0, 0, true, "¥0 an hour is a figure"},
		{"a trillion yen in a minute", model.Income{Jobs: 1, Amount: model.MaxYen, Minutes: 1, RatedNet: model.MaxYen}, model.MaxYen, 60 * model.MaxYen, true, ""},
		{"beyond int64 is refused, not wrapped", model.Income{Jobs: 1, Minutes: 1, RatedNet: 1 << 62}, 0, 0, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.AverageUnitPrice(); got != tt.avg {
				t.Errorf("AverageUnitPrice = %d, want %d", got, tt.avg)
			}
			got, ok := tt.in.HourlyRate()
			if got != tt.rate || ok != tt.rateOK {
				t.Errorf("HourlyRate = %d, %v; want %d, %v (%s)", got, ok, tt.rate, tt.rateOK, tt.rateNote)
			}
		})
	}
}

func TestMonth(t *testing.T) {
	m := model.MonthOf(model.NewDate(2026, 11, 30))
	if m.String() != "2026-11" || m.Label(model.JA) != "2026年11月" || m.Label(model.EN) != "Nov 2026" {
		t.Errorf("month %q %q %q", m.String(), m.Label(model.JA), m.Label(model.EN))
	}
	if (model.Month{}).String() != "" || (model.Month{}).Label(model.JA) != "" || !(model.Month{}).IsZero() {
		t.Error("zero month")
	}
	a, b := model.Month{Year: 2026, Month: 12}, model.Month{Year: 2027, Month: 1}
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Error("Compare")
	}
	// the month of a payment is the month in Japan: 2026-11-30 23:30 JST is November
	late := time.Date(2026, 11, 30, 14, 30, 0, 0, time.UTC)
	if got := model.MonthOf(model.DateOf(late)); got != (model.Month{Year: 2026, Month: 11}) {
		t.Errorf("MonthOf(%v) = %v", late, got)
	}
}

func TestLocalShare(t *testing.T) {
	clients := []model.Client{{ID: 1, Local: true}, {ID: 2}, {ID: 3, Local: true}}
	jobs := []model.Job{
		{ClientID: 1, Status: model.JobPaid}, {ClientID: 1, Status: model.JobOffered}, {ClientID: 2, Status: model.JobQA},
		{ClientID: 3, Status: model.JobCancelled}, {ClientID: 9, Status: model.JobAccepted}, // an unknown client is not local
	}
	if l, n := model.LocalShare(jobs, clients); l != 2 || n != 4 {
		t.Errorf("LocalShare = %d/%d, want 2/4", l, n)
	}
	if l, n := model.LocalShare(nil, clients); l != 0 || n != 0 {
		t.Errorf("LocalShare(nil) = %d/%d", l, n)
	}
}

// BenchmarkIncomeOf sums ten years of a busy programme: 20,000 jobs.
func BenchmarkIncomeOf(b *testing.B) {
	jobs := make([]model.Job, 20000)
	for i := range jobs {
		jobs[i] = paidJob(uint64(i%50+1), int64(1000+i%7000), int64(1+i%20), 2000, int64(i%300), model.NewDate(2016, 4, 1).AddDays(i/6), 0)
	}
	b.ReportAllocs()
	for b.Loop() {
		model.IncomeOf(jobs, 7)
		model.IncomeOf(jobs, 0)
	}
}
