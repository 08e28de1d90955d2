package model

import (
	"fmt"
	"math/bits"
	"slices"
	"time"
)

// Income figures per teleworker and month. The rules, stated once:
//
//   - A job belongs to the month it was paid (入金, PaidOn). Jobs not yet paid count in no month;
//     delivered or invoiced ones are shown apart as pending (入金待ち), cancelled ones nowhere.
//   - Income is net: amount (単価 × 数量) − platform fee, the fee rounded down to the yen
//     (Job.Net). The amount actually received (PaidAmount) is summed beside it.
//   - Average unit price (平均単価) is the month's total amount ÷ the number of jobs, rounded down:
//     the price of a job, because unit prices in 件, 文字 and 時間 cannot be averaged together.
//   - Hours are the hours logged on the month's jobs. The effective hourly rate is the net of
//     the jobs that have hours ÷ those hours, rounded down; it exists only when hours do.

// Month is a calendar month in Japan.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month a day falls in.
func MonthOf(d Date) Month { return Month{Year: d.Year, Month: d.Month} }

// IsZero reports whether the month is unset.
func (m Month) IsZero() bool { return m.Year == 0 }

// String returns YYYY-MM.
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month))
}

// Label returns the month as staff read it: 2026年11月 / Nov 2026.
func (m Month) Label(l Lang) string {
	if m.IsZero() {
		return ""
	}
	return l.Pick(fmt.Sprintf("%d年%d月", m.Year, int(m.Month)), fmt.Sprintf("%s %d", m.Month.String()[:3], m.Year))
}

// Compare returns -1, 0 or +1.
func (m Month) Compare(o Month) int {
	if m.Year != o.Year {
		return cmpInt(m.Year, o.Year)
	}
	return cmpInt(int(m.Month), int(o.Month))
}

// Income is a teleworker's figures for one month (or, in a total, for all months).
type Income struct {
	Month    Month // zero in a total
	Jobs     int   // jobs paid in the month
	Amount   int64 // Σ 単価 × 数量
	Fee      int64 // Σ platform fee (each rounded down)
	Net      int64 // Σ amount − fee: the income
	Received int64 // Σ amount actually received
	Minutes  int64 // Σ hours logged, in minutes
	// RatedNet is the net of the jobs with hours logged: the numerator of HourlyRate.
	RatedNet int64
}

// add counts one paid job.
func (in *Income) add(j *Job) {
	amount, _ := MulYen(j.UnitPrice, j.Quantity)
	fee := FeeOf(amount, j.FeeBP)
	in.Jobs++
	in.Amount += amount
	in.Fee += fee
	in.Net += amount - fee
	in.Received += j.PaidAmount
	if j.Minutes > 0 {
		in.Minutes += j.Minutes
		in.RatedNet += amount - fee
	}
}

// plus returns the sum of two incomes (the month of in is kept).
func (in Income) plus(o Income) Income {
	in.Jobs += o.Jobs
	in.Amount += o.Amount
	in.Fee += o.Fee
	in.Net += o.Net
	in.Received += o.Received
	in.Minutes += o.Minutes
	in.RatedNet += o.RatedNet
	return in
}

// AverageUnitPrice is the average amount per job, rounded down; 0 with no jobs.
func (in Income) AverageUnitPrice() int64 {
	if in.Jobs == 0 {
		return 0
	}
	return in.Amount / int64(in.Jobs)
}

// HourlyRate is the net of the jobs with hours ÷ those hours, rounded down; ok is false when no
// hours were logged.
func (in Income) HourlyRate() (int64, bool) {
	if in.Minutes <= 0 || in.RatedNet < 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(in.RatedNet), 60)
	if hi >= uint64(in.Minutes) { // the quotient would not fit: far beyond any real figure
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, uint64(in.Minutes))
	return int64(q), true
}

// IncomeSummary is a teleworker's income by month, with totals and what is still to come.
type IncomeSummary struct {
	Months  []Income // oldest first, only months with a paid job
	Total   Income   // every paid job
	Pending Income   // delivered or invoiced, not yet paid (Received is 0)
	Open    int      // jobs still ahead of delivery (打診 … 差戻し)
}

// IncomeOf sums the jobs of one teleworker (personID 0: everyone's) by the month they were paid.
// It is a pure function of the jobs; their order does not matter.
func IncomeOf(jobs []Job, personID uint64) IncomeSummary {
	var s IncomeSummary
	byMonth := map[Month]*Income{}
	for i := range jobs {
		j := &jobs[i]
		if personID != 0 && j.PersonID != personID {
			continue
		}
		switch {
		case j.Status == JobPaid && !j.PaidOn.IsZero():
			m := MonthOf(j.PaidOn)
			in := byMonth[m]
			if in == nil {
				in = &Income{Month: m}
				byMonth[m] = in
			}
			in.add(j)
		case j.Status == JobDelivered || j.Status == JobInvoiced:
			s.Pending.add(j)
		case j.Open():
			s.Open++
		}
	}
	for _, in := range byMonth {
		s.Months = append(s.Months, *in)
		s.Total = s.Total.plus(*in)
	}
	s.Total.Month = Month{}
	slices.SortFunc(s.Months, func(a, b Income) int { return a.Month.Compare(b.Month) })
	return s
}

// Month returns the figures of one month (zero figures when nothing was paid in it).
func (s IncomeSummary) Month(m Month) Income {
	for _, in := range s.Months {
		if in.Month == m {
			return in
		}
	}
	return Income{Month: m}
}

// LocalShare counts the jobs whose client is a local business (地域内企業) among the jobs given,
// cancelled ones left out: the programme wants this share to rise.
func LocalShare(jobs []Job, clients []Client) (local, total int) {
	isLocal := make(map[uint64]bool, len(clients))
	for _, c := range clients {
		isLocal[c.ID] = c.Local
	}
	for _, j := range jobs {
		if j.Status == JobCancelled {
			continue
		}
		total++
		if isLocal[j.ClientID] {
			local++
		}
	}
	return local, total
}
