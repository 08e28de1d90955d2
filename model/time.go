package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Tokyo is Japan Standard Time. Japan has had no daylight saving since 1951, so a fixed zone is
// exact and needs no tzdata on the site PC (Windows has none by default).
var Tokyo = time.FixedZone("JST", 9*60*60)

// Clock tells the time. It is injected everywhere (never a package variable) so tests are exact.
type Clock interface {
	Now() time.Time
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns time.Now.
func (SystemClock) Now() time.Time { return time.Now() }

// FixedClock is a clock stopped at T, for tests and the demo.
type FixedClock struct{ T time.Time }

// Now returns the fixed time.
func (c FixedClock) Now() time.Time { return c.T }

// Date is a calendar day in Japan, with no time and no zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the day t falls on in Tokyo.
func DateOf(t time.Time) Date {
	y, m, d := t.In(Tokyo).Date()
	return Date{y, m, d}
}

// NewDate builds a Date, normalising overflow (Feb 30 → Mar 2) as time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, Tokyo))
}

// ParseDate reads YYYY-MM-DD (also YYYY/MM/DD, full-width digits folded).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(foldASCII(s))
	s = strings.ReplaceAll(s, "/", "-")
	parts := strings.Split(s, "-")
	bad := Invalid("date", "日付は 2025-04-01 の形で入力してください", "Enter the date as YYYY-MM-DD, e.g. 2025-04-01")
	if len(parts) != 3 {
		return Date{}, bad
	}
	y, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	d, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || len(parts[0]) != 4 || !isDigits(parts[0]) || !isDigits(parts[1]) || !isDigits(parts[2]) {
		return Date{}, bad
	}
	if y < 1900 || y > 2200 {
		return Date{}, Invalid("date", "年は1900〜2200年で入力してください", "The year must be 1900 to 2200")
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, Invalid("date", fmt.Sprintf("%s という日付はありません", s), fmt.Sprintf("There is no date %s", s))
	}
	dt := NewDate(y, time.Month(m), d)
	if dt.Day != d {
		return Date{}, Invalid("date", fmt.Sprintf("%d月%d日はありません", m, d), fmt.Sprintf("%s has no day %d", time.Month(m), d))
	}
	return dt, nil
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// String returns YYYY-MM-DD.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Key returns the 8-byte sortable key YYYYMMDD used in store indexes.
func (d Date) Key() []byte { return []byte(fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)) }

// At returns the instant at hh:mm (a Clock value) on this day in Tokyo.
func (d Date) At(c ClockTime) time.Time {
	return time.Date(d.Year, d.Month, d.Day, int(c)/60, int(c)%60, 0, 0, Tokyo)
}

// Start returns midnight at the start of the day in Tokyo.
func (d Date) Start() time.Time { return d.At(0) }

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return NewDate(d.Year, d.Month, d.Day+n) }

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	default:
		return cmpInt(d.Day, o.Day)
	}
}

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.Start().Weekday() }

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; empty is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// AgeOn returns the age in whole years of someone born on d, on day on.
func (d Date) AgeOn(on Date) int {
	age := on.Year - d.Year
	if on.Month < d.Month || (on.Month == d.Month && on.Day < d.Day) {
		age--
	}
	return age
}

// isDigits reports whether s is non-empty and only ASCII digits (no signs, no spaces).
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// ClockTime is a time of day in minutes after midnight (9:30 → 570).
type ClockTime int

// ParseClock reads H:MM or HH:MM (full-width digits and colon folded; "930" and "0930" too).
func ParseClock(s string) (ClockTime, error) {
	s = strings.TrimSpace(foldASCII(s))
	bad := Invalid("time", "時刻は 9:30 の形で入力してください", "Enter the time as H:MM, e.g. 9:30")
	var hs, ms string
	if i := strings.IndexByte(s, ':'); i >= 0 {
		hs, ms = s[:i], s[i+1:]
	} else if len(s) == 3 || len(s) == 4 {
		hs, ms = s[:len(s)-2], s[len(s)-2:]
	} else {
		return 0, bad
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || !isDigits(hs) || !isDigits(ms) || len(ms) != 2 || len(hs) == 0 || len(hs) > 2 || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0) {
		return 0, bad
	}
	return ClockTime(h*60 + m), nil
}

// parseSpan reads a start and end time of day for a form (slots, sessions), adding a field error
// for each bad one and for an end not after the start; ex are the example times in the messages.
func parseSpan(start, end, exStart, exEnd string, errs *FieldErrors) (ClockTime, ClockTime) {
	st, err1 := ParseClock(start)
	en, err2 := ParseClock(end)
	if err1 != nil {
		errs.add(Invalid("start", "開始時刻は "+exStart+" の形で入力してください", "Enter the start as H:MM"))
	}
	if err2 != nil {
		errs.add(Invalid("end", "終了時刻は "+exEnd+" の形で入力してください", "Enter the end as H:MM"))
	}
	if err1 == nil && err2 == nil && en <= st {
		errs.add(Invalid("end", "終了時刻は開始時刻より後にしてください", "The end must be after the start"))
	}
	return st, en
}

// ClockOf returns the time of day of t in Tokyo.
func ClockOf(t time.Time) ClockTime {
	t = t.In(Tokyo)
	return ClockTime(t.Hour()*60 + t.Minute())
}

// String returns H:MM.
func (c ClockTime) String() string { return fmt.Sprintf("%d:%02d", int(c)/60, int(c)%60) }

// foldASCII turns full-width digits and punctuation into ASCII, for dates, times and amounts.
func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～':
			b.WriteRune(r - '！' + '!')
		case r == '　':
			b.WriteRune(' ')
		case r == '－' || r == '−' || r == 'ー':
			b.WriteRune('-')
		case r == '：':
			b.WriteRune(':')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// HHMM formats an instant as H:MM in Tokyo, or "" for the zero time.
func HHMM(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return ClockOf(t).String()
}

// FormatDuration writes a duration as 2時間05分 / 2h05m, rounded down to the minute.
func FormatDuration(d time.Duration, l Lang) string {
	if d < 0 {
		d = 0
	}
	h := int(d / time.Hour)
	m := int(d%time.Hour) / int(time.Minute)
	if l == EN {
		if h == 0 {
			return fmt.Sprintf("%dm", m)
		}
		return fmt.Sprintf("%dh%02dm", h, m)
	}
	if h == 0 {
		return fmt.Sprintf("%d分", m)
	}
	return fmt.Sprintf("%d時間%02d分", h, m)
}
