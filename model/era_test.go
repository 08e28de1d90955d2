package model

import (
	"testing"
	"time"
	_ "time/tzdata" // Asia/Tokyo for the cross-check, even on a PC without a zone database
)

func TestWareki(t *testing.T) {
	tests := []struct {
		d    Date
		era  string
		year int
		long string
	}{
		{NewDate(2025, time.November, 25), "令和", 7, "令和7年11月25日"},
		{NewDate(2019, time.April, 30), "平成", 31, "平成31年4月30日"},
		{NewDate(2019, time.May, 1), "令和", 1, "令和元年5月1日"},
		{NewDate(2019, time.December, 31), "令和", 1, "令和元年12月31日"},
		{NewDate(2020, time.January, 1), "令和", 2, "令和2年1月1日"},
		{NewDate(1989, time.January, 7), "昭和", 64, "昭和64年1月7日"},
		{NewDate(1989, time.January, 8), "平成", 1, "平成元年1月8日"},
		{NewDate(1926, time.December, 24), "", 1926, "1926年12月24日"},
		{NewDate(1926, time.December, 25), "昭和", 1, "昭和元年12月25日"},
		{NewDate(1927, time.January, 1), "昭和", 2, "昭和2年1月1日"},
		{NewDate(1900, time.January, 1), "", 1900, "1900年1月1日"},
	}
	for _, tt := range tests {
		era, year := Wareki(tt.d)
		if era != tt.era || year != tt.year {
			t.Errorf("Wareki(%s) = %s%d, want %s%d", tt.d, era, year, tt.era, tt.year)
		}
		if got := FormatWareki(tt.d); got != tt.long {
			t.Errorf("FormatWareki(%s) = %q, want %q", tt.d, got, tt.long)
		}
	}
	if got := FormatWareki(Date{}); got != "" {
		t.Errorf("FormatWareki(zero) = %q, want empty", got)
	}
}

func TestFormatWarekiYear(t *testing.T) {
	tests := []struct {
		year int
		era  string
		want string
	}{
		{1, "令和", "令和元年"},
		{7, "令和", "令和7年"},
		{31, "平成", "平成31年"},
		{1925, "", "1925年"},
	}
	for _, tt := range tests {
		if got := FormatWarekiYear(tt.year, tt.era); got != tt.want {
			t.Errorf("FormatWarekiYear(%d, %q) = %q, want %q", tt.year, tt.era, got, tt.want)
		}
	}
}

// TestWarekiTokyo checks the era changes at midnight in Japan, not in UTC.
func TestWarekiTokyo(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Date(2019, time.April, 30, 23, 59, 59, 0, loc), "平成31年4月30日"},
		{time.Date(2019, time.May, 1, 0, 0, 0, 0, loc), "令和元年5月1日"},
		{time.Date(2019, time.April, 30, 15, 0, 0, 0, time.UTC), "令和元年5月1日"},
		{time.Date(2019, time.April, 30, 14, 59, 59, 0, time.UTC), "平成31年4月30日"},
		{time.Date(1989, time.January, 7, 23, 59, 0, 0, loc), "昭和64年1月7日"},
		{time.Date(1989, time.January, 8, 0, 0, 0, 0, loc), "平成元年1月8日"},
		{time.Date(2020, time.January, 1, 0, 0, 0, 0, loc), "令和2年1月1日"},
	}
	for _, tt := range tests {
		if got := FormatWareki(DateOf(tt.t)); got != tt.want {
			t.Errorf("FormatWareki(DateOf(%s)) = %q, want %q", tt.t, got, tt.want)
		}
		// The fixed JST zone agrees with the zone database.
		if a, b := DateOf(tt.t), DateOf(tt.t.In(loc)); a != b {
			t.Errorf("DateOf(%s) = %s, in Asia/Tokyo %s", tt.t, a, b)
		}
	}
}

func TestFiscalYear(t *testing.T) {
	tests := []struct {
		d    Date
		want int
	}{
		{NewDate(2026, time.March, 31), 2025},
		{NewDate(2026, time.April, 1), 2026},
		{NewDate(2025, time.April, 1), 2025},
		{NewDate(2025, time.March, 31), 2024},
		{NewDate(2025, time.December, 31), 2025},
		{NewDate(2026, time.January, 1), 2025},
	}
	for _, tt := range tests {
		if got := FiscalYear(tt.d); got != tt.want {
			t.Errorf("FiscalYear(%s) = %d, want %d", tt.d, got, tt.want)
		}
	}
}

func TestFiscalYearOf(t *testing.T) {
	tests := []struct {
		t    time.Time
		date string
		want int
	}{
		// 15:30 UTC on March 31 is 00:30 on April 1 in Japan.
		{time.Date(2025, time.March, 31, 15, 30, 0, 0, time.UTC), "2025-04-01", 2025},
		{time.Date(2025, time.March, 31, 14, 59, 0, 0, time.UTC), "2025-03-31", 2024},
		{time.Date(2026, time.April, 1, 0, 0, 0, 0, Tokyo), "2026-04-01", 2026},
	}
	for _, tt := range tests {
		if got := DateOf(tt.t).String(); got != tt.date {
			t.Errorf("DateOf(%s) = %s, want %s", tt.t, got, tt.date)
		}
		if got := FiscalYearOf(tt.t); got != tt.want {
			t.Errorf("FiscalYearOf(%s) = %d, want %d", tt.t, got, tt.want)
		}
	}
}

func TestFiscalYearRange(t *testing.T) {
	from, to := FiscalYearRange(2025)
	if from != NewDate(2025, time.April, 1) || to != NewDate(2026, time.March, 31) {
		t.Errorf("FiscalYearRange(2025) = %s, %s", from, to)
	}
	if FiscalYear(from) != 2025 || FiscalYear(to) != 2025 || FiscalYear(from.AddDays(-1)) != 2024 || FiscalYear(to.AddDays(1)) != 2026 {
		t.Errorf("FiscalYearRange(2025) = %s, %s: ends not in FY2025", from, to)
	}
	// 2027-2028 spans a leap day: still 366 days, still April 1 to March 31.
	from, to = FiscalYearRange(2027)
	if days := int(to.Start().Sub(from.Start()).Hours()/24) + 1; days != 366 {
		t.Errorf("FY2027 has %d days, want 366", days)
	}
}

func TestFormatFiscalYear(t *testing.T) {
	tests := []struct {
		fy     int
		ja, en string
	}{
		{2018, "平成30年度", "FY2018"},
		{2019, "令和元年度", "FY2019"},
		{2020, "令和2年度", "FY2020"},
		{2025, "令和7年度", "FY2025"},
		{1988, "昭和63年度", "FY1988"}, // ends 1989-03-31 in 平成, but 平成 began in 1989
		{1989, "平成元年度", "FY1989"},
		{1926, "昭和元年度", "FY1926"},
		{1925, "1925年度", "FY1925"},
	}
	for _, tt := range tests {
		if got := FormatFiscalYear(tt.fy, JA); got != tt.ja {
			t.Errorf("FormatFiscalYear(%d, JA) = %q, want %q", tt.fy, got, tt.ja)
		}
		if got := FormatFiscalYear(tt.fy, EN); got != tt.en {
			t.Errorf("FormatFiscalYear(%d, EN) = %q, want %q", tt.fy, got, tt.en)
		}
	}
}

func TestFormatDateLong(t *testing.T) {
	d := NewDate(2025, time.November, 25)
	if got := FormatDateLong(d, JA); got != "令和7年11月25日（火）" {
		t.Errorf("FormatDateLong(JA) = %q", got)
	}
	if got := FormatDateLong(d, EN); got != "Tue 25 Nov 2025" {
		t.Errorf("FormatDateLong(EN) = %q", got)
	}
	if got := FormatDateLong(NewDate(2019, time.May, 1), JA); got != "令和元年5月1日（水）" {
		t.Errorf("FormatDateLong(2019-05-01, JA) = %q", got)
	}
	if got := FormatDateLong(Date{}, JA); got != "" {
		t.Errorf("FormatDateLong(zero) = %q", got)
	}
}

func TestWeekdayJA(t *testing.T) {
	want := []string{"日", "月", "火", "水", "木", "金", "土"}
	for w := time.Sunday; w <= time.Saturday; w++ {
		if got := WeekdayJA(w); got != want[w] {
			t.Errorf("WeekdayJA(%s) = %q, want %q", w, got, want[w])
		}
	}
	if got := WeekdayJA(time.Weekday(7)); got != "" {
		t.Errorf("WeekdayJA(7) = %q, want empty", got)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-04-01", "2025/4/1", "２０２５－０４－０１", "2024-02-29", "2025-02-29", "1899-12-31", "", "--", "+2025-01-01", "2025-1-1 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %s, but ParseDate(%q) = %v, %v", s, d, d.String(), back, err)
		}
		FormatWareki(d)
		FormatDateLong(d, JA)
		if fy := FiscalYear(d); fy != d.Year && fy != d.Year-1 {
			t.Fatalf("FiscalYear(%s) = %d", d, fy)
		}
	})
}
