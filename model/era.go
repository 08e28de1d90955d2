package model

import (
	"fmt"
	"time"
)

// eraSpan is a Japanese era: its name and its first day (whose year is the era's 元年).
type eraSpan struct {
	name  string
	start Date
}

// eras lists the eras the desk needs, newest first.
var eras = []eraSpan{
	{"令和", Date{2019, time.May, 1}},
	{"平成", Date{1989, time.January, 8}},
	{"昭和", Date{1926, time.December, 25}},
}

// eraOf returns the era in force on d, or ok=false before 昭和.
func eraOf(d Date) (eraSpan, bool) {
	for _, e := range eras {
		if !d.Before(e.start) {
			return e, true
		}
	}
	return eraSpan{}, false
}

// Wareki returns the era and era year of d (令和7 for 2025-11-25); before 昭和 the era is "" and
// the year is the Gregorian year.
func Wareki(d Date) (era string, year int) {
	e, ok := eraOf(d)
	if !ok {
		return "", d.Year
	}
	return e.name, d.Year - e.start.Year + 1
}

// FormatWarekiYear writes an era year as 令和7年, with 元年 for the first year, or 1925年 when era is "".
func FormatWarekiYear(year int, era string) string {
	switch {
	case era == "":
		return fmt.Sprintf("%d年", year)
	case year == 1:
		return era + "元年"
	default:
		return fmt.Sprintf("%s%d年", era, year)
	}
}

// FormatWareki writes d as 令和7年11月25日 (令和元年5月1日 in the first year), or "" for the zero date.
func FormatWareki(d Date) string {
	if d.IsZero() {
		return ""
	}
	e, y := Wareki(d)
	return fmt.Sprintf("%s%d月%d日", FormatWarekiYear(y, e), int(d.Month), d.Day)
}

// FiscalYear returns the 年度 of d: April to March, named by the year it starts in.
func FiscalYear(d Date) int {
	if d.Month < time.April {
		return d.Year - 1
	}
	return d.Year
}

// FiscalYearOf returns the 年度 of the day t falls on in Tokyo.
func FiscalYearOf(t time.Time) int { return FiscalYear(DateOf(t)) }

// FiscalYearRange returns the first and last day (inclusive) of 年度 fy: April 1 to March 31.
func FiscalYearRange(fy int) (from, to Date) {
	return NewDate(fy, time.April, 1), NewDate(fy+1, time.March, 31)
}

// FormatFiscalYear writes 年度 fy as 令和7年度 in Japanese or FY2025 in English; the era is the one
// in force on the last day of the year, as the town writes it (FY2019 is 令和元年度), counted from
// fy itself.
func FormatFiscalYear(fy int, l Lang) string {
	if l == EN {
		return fmt.Sprintf("FY%d", fy)
	}
	first, last := FiscalYearRange(fy)
	e, ok := eraOf(last)
	if ok && e.start.Year > fy {
		// The era began in the January–March of the year (平成, 1989-01-08): FY1988 was
		// still 昭和63年度, not "平成0年度".
		e, ok = eraOf(first)
	}
	if !ok {
		return fmt.Sprintf("%d年度", fy)
	}
	return FormatWarekiYear(fy-e.start.Year+1, e.name) + "度"
}

// FormatDateLong writes d with its weekday: 令和7年11月25日（火） in Japanese, Tue 25 Nov 2025 in
// English; "" for the zero date.
func FormatDateLong(d Date, l Lang) string {
	if d.IsZero() {
		return ""
	}
	if l == EN {
		return d.Start().Format("Mon 2 Jan 2006")
	}
	return FormatWareki(d) + "（" + WeekdayJA(d.Weekday()) + "）"
}

// WeekdayJA returns the one-character Japanese weekday: 日, 月, 火, 水, 木, 金, 土.
func WeekdayJA(w time.Weekday) string {
	if w < time.Sunday || w > time.Saturday {
		return ""
	}
	return weekdaysJA[w]
}

var weekdaysJA = [...]string{"日", "月", "火", "水", "木", "金", "土"}
