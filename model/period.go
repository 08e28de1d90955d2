package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is how a report period was chosen: a 年度, a calendar month, or any range of days.
type PeriodKind int

// The kinds of report period, in the order the picker offers them.
const (
	PeriodFiscalYear PeriodKind = iota // 年度: April to March
	PeriodMonth                        // one calendar month
	PeriodRange                        // any range of days
)

// ReportPeriod is the span a report covers: From and To are both included. Build one with
// FiscalYearPeriod, MonthPeriod or NewRangePeriod, never by hand.
type ReportPeriod struct {
	Kind     PeriodKind `json:"kind"`
	From, To Date
}

// MaxPeriodYears bounds a range, so a typo in a year cannot ask for a century of records.
const MaxPeriodYears = 10

// FiscalYearPeriod is 年度 fy: April 1 of fy to March 31 of fy+1.
func FiscalYearPeriod(fy int) ReportPeriod {
	from, to := FiscalYearRange(fy)
	return ReportPeriod{Kind: PeriodFiscalYear, From: from, To: to}
}

// MonthPeriod is one calendar month.
func MonthPeriod(y int, m time.Month) ReportPeriod {
	first := NewDate(y, m, 1) // normalised: month 13 is January of the next year
	return ReportPeriod{Kind: PeriodMonth, From: first, To: monthLast(MonthOf(first))}
}

// NewRangePeriod validates a range of days (both included, at most MaxPeriodYears long).
func NewRangePeriod(from, to Date) (ReportPeriod, error) {
	var errs FieldErrors
	if from.IsZero() {
		errs.add(Invalid("from", "開始日を入力してください", "Enter the first day"))
	}
	if to.IsZero() {
		errs.add(Invalid("to", "終了日を入力してください", "Enter the last day"))
	}
	if len(errs) == 0 {
		switch {
		case to.Before(from):
			errs.add(Invalid("to", "終了日は開始日以降にしてください", "The last day must not be before the first"))
		case !to.Before(NewDate(from.Year+MaxPeriodYears, from.Month, from.Day)):
			errs.add(Invalid("to", fmt.Sprintf("期間は%d年までです", MaxPeriodYears), fmt.Sprintf("A period can be at most %d years long", MaxPeriodYears)))
		}
	}
	return ReportPeriod{Kind: PeriodRange, From: from, To: to}, errs.Err()
}

// CurrentFiscalYear is the 年度 that today falls in: the report's default.
func CurrentFiscalYear(today Date) ReportPeriod { return FiscalYearPeriod(FiscalYear(today)) }

// ParsePeriod reads a period as typed on the command line or in the range form: a 年度 ("2025",
// "R7", "令和7"), a month ("2025-11"), or a first and last day; at most one of the three. With
// none it is the current 年度 (of today).
func ParsePeriod(fy, month, from, to string, today Date) (ReportPeriod, error) {
	fy, month = strings.TrimSpace(fy), strings.TrimSpace(month)
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	given := 0
	for _, s := range []bool{fy != "", month != "", from != "" || to != ""} {
		if s {
			given++
		}
	}
	if given > 1 {
		return ReportPeriod{}, Invalid("period", "年度・月・期間はどれか一つだけ指定してください", "Give only one of a fiscal year, a month or a range")
	}
	switch {
	case fy != "":
		y, err := ParseFiscalYear(fy)
		if err != nil {
			return ReportPeriod{}, err
		}
		return FiscalYearPeriod(y), nil
	case month != "":
		ym, err := ParseMonth(month)
		if err != nil {
			return ReportPeriod{}, err
		}
		return MonthPeriod(ym.Year, ym.Month), nil
	case from != "" || to != "":
		var errs FieldErrors
		f, err1 := ParseDate(from)
		t, err2 := ParseDate(to)
		if from == "" {
			errs.add(Invalid("from", "開始日を入力してください（例: 2025-04-01）", "Enter the first day, e.g. 2025-04-01"))
		} else if err1 != nil {
			errs.add(Invalid("from", "開始日は 2025-04-01 の形で入力してください", "Enter the first day as YYYY-MM-DD"))
		}
		if to == "" {
			errs.add(Invalid("to", "終了日を入力してください（例: 2026-03-31）", "Enter the last day, e.g. 2026-03-31"))
		} else if err2 != nil {
			errs.add(Invalid("to", "終了日は 2026-03-31 の形で入力してください", "Enter the last day as YYYY-MM-DD"))
		}
		if len(errs) > 0 {
			return ReportPeriod{}, errs
		}
		return NewRangePeriod(f, t)
	}
	return CurrentFiscalYear(today), nil
}

// ParseFiscalYear reads a 年度 as a Western year ("2025") or a 令和 year ("R7", "令和7", "令和7年度",
// "令和元年度").
func ParseFiscalYear(s string) (int, error) {
	t := strings.TrimSpace(foldASCII(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "度"), "年")
	bad := Invalid("fiscal_year", "年度は 2025 か 令和7 の形で入力してください", "Enter the fiscal year as 2025 or R7")
	reiwa := false
	for _, p := range []string{"令和", "R", "r"} {
		if strings.HasPrefix(t, p) {
			t, reiwa = strings.TrimPrefix(t, p), true
			break
		}
	}
	if reiwa && t == "元" {
		t = "1"
	}
	if !isDigits(t) || len(t) > 4 {
		return 0, bad
	}
	n, _ := strconv.Atoi(t)
	if reiwa {
		if n < 1 || n > 180 {
			return 0, bad
		}
		n += 2018
	}
	if n < 2000 || n > 2200 {
		return 0, bad
	}
	return n, nil
}

// Label names the period as the town writes it: 令和8年度, 令和8年11月, or
// 令和8年4月1日〜令和8年6月30日; FY2026, Nov 2026, or 1 Apr 2026 - 30 Jun 2026 in English.
func (p ReportPeriod) Label(l Lang) string {
	switch p.Kind {
	case PeriodFiscalYear:
		return FormatFiscalYear(FiscalYear(p.From), l)
	case PeriodMonth:
		return FormatMonth(MonthOf(p.From), l)
	}
	if l == EN {
		return p.From.Start().Format("2 Jan 2006") + " - " + p.To.Start().Format("2 Jan 2006")
	}
	return FormatWareki(p.From) + "〜" + FormatWareki(p.To)
}

// Span writes the ISO days: 2026-04-01〜2027-03-31 (2026-04-01 to 2027-03-31 in English).
func (p ReportPeriod) Span(l Lang) string {
	return p.From.String() + l.Pick("〜", " to ") + p.To.String()
}

// Slug is an ASCII name for files: FY2026, 2026-11, or 2026-04-01_2026-06-30.
func (p ReportPeriod) Slug() string {
	switch p.Kind {
	case PeriodFiscalYear:
		return fmt.Sprintf("FY%d", FiscalYear(p.From))
	case PeriodMonth:
		return MonthOf(p.From).String()
	}
	return p.From.String() + "_" + p.To.String()
}

// Contains reports whether day d is in the period.
func (p ReportPeriod) Contains(d Date) bool { return !d.Before(p.From) && !d.After(p.To) }

// ContainsTime reports whether instant t falls on a day of the period (in Tokyo).
func (p ReportPeriod) ContainsTime(t time.Time) bool { return !t.IsZero() && p.Contains(DateOf(t)) }

// Days is the number of days in the period.
func (p ReportPeriod) Days() int { return int(p.To.Start().Sub(p.From.Start()).Hours()+12)/24 + 1 }

// Months lists the calendar months the period touches, in order.
func (p ReportPeriod) Months() []Month {
	var out []Month
	if p.From.IsZero() || p.To.Before(p.From) {
		return nil
	}
	last := MonthOf(p.To)
	for m := MonthOf(p.From); !monthBefore(last, m); m = monthNext(m) {
		out = append(out, m)
	}
	return out
}

// Step returns the period n steps later (earlier when n < 0): the next 年度, the next month, or
// the range moved by its own length.
func (p ReportPeriod) Step(n int) ReportPeriod {
	switch p.Kind {
	case PeriodFiscalYear:
		return FiscalYearPeriod(FiscalYear(p.From) + n)
	case PeriodMonth:
		return MonthPeriod(p.From.Year, p.From.Month+time.Month(n))
	}
	d := p.Days() * n
	return ReportPeriod{Kind: PeriodRange, From: p.From.AddDays(d), To: p.To.AddDays(d)}
}

// ParseMonth reads 2025-11 (also 2025/11, full-width digits folded).
func ParseMonth(s string) (Month, error) {
	t := strings.ReplaceAll(strings.TrimSpace(foldASCII(s)), "/", "-")
	bad := Invalid("month", "月は 2025-11 の形で入力してください", "Enter the month as YYYY-MM, e.g. 2025-11")
	y, m, ok := strings.Cut(t, "-")
	if !ok || len(y) != 4 || !isDigits(y) || !isDigits(m) || len(m) > 2 {
		return Month{}, bad
	}
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	if yy < 1900 || yy > 2200 || mm < 1 || mm > 12 {
		return Month{}, bad
	}
	return Month{Year: yy, Month: time.Month(mm)}, nil
}

// monthFirst and monthLast are a month's first and last days; monthNext the month after.
func monthFirst(m Month) Date     { return NewDate(m.Year, m.Month, 1) }
func monthLast(m Month) Date      { return NewDate(m.Year, m.Month+1, 0) }
func monthNext(m Month) Month     { return MonthOf(NewDate(m.Year, m.Month+1, 1)) }
func monthBefore(a, b Month) bool { return a.Compare(b) < 0 }

// FormatMonth writes a month as official documents do: 令和8年11月 (Nov 2026 in English).
func FormatMonth(m Month, l Lang) string {
	if l == EN {
		return monthFirst(m).Start().Format("Jan 2006")
	}
	e, y := Wareki(monthLast(m))
	return fmt.Sprintf("%s%d月", FormatWarekiYear(y, e), int(m.Month))
}

// FormatMonthShort writes 11月 (Nov in English), for chart rows.
func FormatMonthShort(m Month, l Lang) string {
	if l == EN {
		return monthFirst(m).Start().Format("Jan")
	}
	return fmt.Sprintf("%d月", int(m.Month))
}
