package model_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for an error
		ja   string // exact Japanese message for "no such day" errors
	}{
		{"2025-04-01", "2025-04-01", ""},
		{"2025/4/1", "2025-04-01", ""},
		{"2025/04/01", "2025-04-01", ""},
		{"2025-4-1", "2025-04-01", ""},
		{" 2025-04-01 ", "2025-04-01", ""},
		{"２０２５－０４－０１", "2025-04-01", ""},
		{"２０２５-４-１", "2025-04-01", ""},
		{"　２０２５－０４－０１　", "2025-04-01", ""},
		{"2025−04−01", "2025-04-01", ""}, // minus sign
		{"2025ー04ー01", "2025-04-01", ""}, // katakana long mark typed as a dash
		{"2024-02-29", "2024-02-29", ""},
		{"2000-02-29", "2000-02-29", ""},
		{"1900-01-01", "1900-01-01", ""},
		{"2200-12-31", "2200-12-31", ""},
		{"2025-12-31", "2025-12-31", ""},

		{"2025-02-29", "", "2月29日はありません"},
		{"2023-02-30", "", "2月30日はありません"},
		{"2025-04-31", "", "4月31日はありません"},
		{"2025-06-31", "", "6月31日はありません"},
		{"1900-02-29", "", "2月29日はありません"},

		{"", "", ""},
		{"　", "", ""},
		{"garbage", "", ""},
		{"2025-04", "", ""},
		{"2025-04-01-01", "", ""},
		{"25-04-01", "", ""},
		{"02025-04-01", "", ""},
		{"2025-13-01", "", ""},
		{"2025-00-10", "", ""},
		{"2025-04-00", "", ""},
		{"2025-04-32", "", ""},
		{"1899-12-31", "", ""},
		{"2201-01-01", "", ""},
		{"令和7年4月1日", "", ""},
		{"2025年4月1日", "", ""},
		{"20250401", "", ""},
		{"2025.04.01", "", ""},
		{"2025-04-01T09:00", "", ""},
		{"2025--01", "", ""},
		{"-2025-04-01", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := model.ParseDate(tt.in)
			if tt.want != "" {
				if err != nil || d.String() != tt.want {
					t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, d, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, want an error", tt.in, d)
			}
			me := recErrorField(t, err, "date", model.ErrInvalid)
			if tt.ja != "" && me.Msg.JA != tt.ja {
				t.Errorf("message = %q, want %q", me.Msg.JA, tt.ja)
			}
			if !d.IsZero() {
				t.Errorf("date %v returned with the error", d)
			}
		})
	}
	if _, err := model.ParseDate("2025-02-29"); model.Message(err, model.EN) != "February has no day 29" {
		t.Errorf("EN message = %q", model.Message(err, model.EN))
	}
}

// Japanese IMEs in full-width mode type ／ ％ ． ， as full-width forms. foldASCII only folds
// U+FF10 (０) to U+FF5E (～), so the full-width punctuation just below ０ (！ to ／: ＋ ， － ． ／ ％)
// is left as is and these inputs are refused. (－ alone is special-cased.)
func TestFullWidthPunctuation(t *testing.T) {
	tests := []struct {
		name  string
		parse func() (int64, error)
		want  int64
	}{
		{"ParseDate ２０２５／０４／０１", func() (int64, error) {
			d, err := model.ParseDate("２０２５／０４／０１")
			return int64(d.Year*10000 + int(d.Month)*100 + d.Day), err
		}, 20250401},
		{"ParsePercentBP ２０％", func() (int64, error) { return model.ParsePercentBP("２０％") }, 2000},
		{"ParsePercentBP ５．５", func() (int64, error) { return model.ParsePercentBP("５．５") }, 550},
		{"ParseYen １２，０００", func() (int64, error) { return model.ParseYen("１２，０００") }, 12000},
		{"ParseYen ￥１２，０００円", func() (int64, error) { return model.ParseYen("￥１２，０００円") }, 12000},
		{"ParseMinutes ２．５", func() (int64, error) { return model.ParseMinutes("２．５") }, 150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse()
			if err != nil || got != tt.want {
				t.Fatal("regression: see the bug this test was written for:", tt.name, got, err, tt.want)
			}
		})
	}
}

// A "+" inside a number is not a digit; strconv.Atoi/ParseInt accept it, so "9:+5" is read as
// 9:05 and "2025-+4-01" as 1 April.
func TestSignInsideNumbers(t *testing.T) {
	tests := []struct {
		name string
		err  func() error
	}{
		{"ParseClock 9:+5", func() error { _, err := model.ParseClock("9:+5"); return err }},
		{"ParseClock +9:30", func() error { _, err := model.ParseClock("+9:30"); return err }},
		{"ParseDate 2025-+4-01", func() error { _, err := model.ParseDate("2025-+4-01"); return err }},
		{"ParseMinutes +2:30", func() error { _, err := model.ParseMinutes("+2:30"); return err }},
		{"ParseMinutes 2:+5", func() error { _, err := model.ParseMinutes("2:+5"); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err() == nil {
				t.Fatal("regression: see the bug this test was written for:", tt.name)
			}
		})
	}
}

func TestDateAddDays(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2025-04-01", 0, "2025-04-01"},
		{"2025-01-31", 1, "2025-02-01"},
		{"2025-02-28", 1, "2025-03-01"},
		{"2024-02-28", 1, "2024-02-29"},
		{"2024-02-29", 1, "2024-03-01"},
		{"2025-03-01", -1, "2025-02-28"},
		{"2024-03-01", -1, "2024-02-29"},
		{"2024-12-31", 1, "2025-01-01"},
		{"2025-01-01", -1, "2024-12-31"},
		{"2025-04-01", 365, "2026-04-01"},
		{"2025-03-01", -366, "2024-02-29"},
		{"2025-04-30", 31, "2025-05-31"},
		{"2025-03-31", 1, "2025-04-01"}, // new fiscal year
		{"2025-11-25", 1000, "2028-08-21"},
		{"2025-11-25", -1000, "2023-03-01"},
	}
	for _, tt := range tests {
		if got := recDate(t, tt.from).AddDays(tt.n); got.String() != tt.want {
			t.Errorf("%s.AddDays(%d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
	if got := model.NewDate(2025, time.February, 30); got.String() != "2025-03-02" {
		t.Errorf("NewDate(2025-02-30) = %s", got)
	}
}

func TestAgeOn(t *testing.T) {
	tests := []struct {
		birth, on string
		want      int
	}{
		{"2000-04-01", "2025-03-31", 24},
		{"2000-04-01", "2025-04-01", 25},
		{"2000-04-02", "2025-04-01", 24},
		{"2000-02-29", "2025-02-28", 24},
		{"2000-02-29", "2025-03-01", 25},
		{"2000-02-29", "2024-02-29", 24},
		{"2000-02-29", "2024-02-28", 23},
		{"2024-11-25", "2024-11-25", 0},
		{"2024-11-25", "2025-11-24", 0},
		{"2024-11-25", "2025-11-25", 1},
		{"2024-12-31", "2025-01-01", 0},
		{"2025-01-01", "2024-12-31", -1}, // not yet born
	}
	for _, tt := range tests {
		if got := recDate(t, tt.birth).AgeOn(recDate(t, tt.on)); got != tt.want {
			t.Errorf("%s.AgeOn(%s) = %d, want %d", tt.birth, tt.on, got, tt.want)
		}
	}
}

func TestDateCompareAndFormat(t *testing.T) {
	a, b := recDate(t, "2025-03-31"), recDate(t, "2025-04-01")
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Error("Compare wrong across a month")
	}
	if !recDate(t, "2024-12-31").Before(recDate(t, "2025-01-01")) || !recDate(t, "2025-04-02").After(recDate(t, "2025-04-01")) {
		t.Error("Compare wrong across a year or a day")
	}
	if got := string(b.Key()); got != "20250401" {
		t.Errorf("Key = %q", got)
	}
	if b.Weekday() != time.Tuesday {
		t.Errorf("2025-04-01 is a %v", b.Weekday())
	}
	if got := b.At(9*60 + 30); !got.Equal(time.Date(2025, 4, 1, 0, 30, 0, 0, time.UTC)) {
		t.Errorf("At(9:30) = %v", got)
	}
	if got := b.Start(); !got.Equal(time.Date(2025, 3, 31, 15, 0, 0, 0, time.UTC)) {
		t.Errorf("Start = %v", got)
	}
	var zero model.Date
	if !zero.IsZero() || zero.String() != "" || b.IsZero() {
		t.Error("IsZero/String of the zero date")
	}
}

func TestDateJSON(t *testing.T) {
	type rec struct {
		D model.Date `json:"d"`
	}
	for _, d := range []model.Date{recDate(t, "2024-02-29"), {}} {
		b, err := json.Marshal(rec{d})
		if err != nil {
			t.Fatal(err)
		}
		var back rec
		if err := json.Unmarshal(b, &back); err != nil || back.D != d {
			t.Errorf("round trip of %v via %s = %v, %v", d, b, back.D, err)
		}
	}
	var back rec
	if err := json.Unmarshal([]byte(`{"d":"2025-02-29"}`), &back); err == nil {
		t.Error("impossible date decoded")
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want model.ClockTime
		ok   bool
	}{
		{"9:30", 570, true},
		{"09:30", 570, true},
		{"930", 570, true},
		{"0930", 570, true},
		{" 9:30 ", 570, true},
		{"９：３０", 570, true},
		{"９３０", 570, true},
		{"　１２：３０　", 750, true},
		{"0:00", 0, true},
		{"00:00", 0, true},
		{"000", 0, true},
		{"23:59", 1439, true},
		{"２４：００", 1440, true},
		{"24:00", 1440, true},
		{"2400", 1440, true},
		{"24:01", 0, false},
		{"9:60", 0, false},
		{"25:00", 0, false},
		{"9:5", 0, false},
		{"9", 0, false},
		{"12345", 0, false},
		{"", 0, false},
		{"　", 0, false},
		{"abc", 0, false},
		{"9時30分", 0, false},
		{"-1:30", 0, false},
		{"9:30am", 0, false},
		{":30", 0, false},
		{"9:", 0, false},
		{"123:00", 0, false},
		{"9.30", 0, false},
		{"9:30:00", 0, false},
		{"あい", 0, false}, // 6 bytes, not 3 or 4
		{"あ", 0, false},  // 3 bytes: split inside a rune
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := model.ParseClock(tt.in)
			if !tt.ok {
				if err == nil {
					t.Fatalf("ParseClock(%q) = %v, want an error", tt.in, got)
				}
				recErrorField(t, err, "time", model.ErrInvalid)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseClock(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
	for c, want := range map[model.ClockTime]string{0: "0:00", 5: "0:05", 570: "9:30", 1439: "23:59", 1440: "24:00"} {
		if got := c.String(); got != want {
			t.Errorf("ClockTime(%d).String() = %q, want %q", int(c), got, want)
		}
		if back, err := model.ParseClock(c.String()); err != nil || back != c {
			t.Errorf("ParseClock(%q) = %v, %v", c.String(), back, err)
		}
	}
}

func TestDateOfAndClockOf(t *testing.T) {
	tests := []struct {
		at    time.Time
		date  string
		clock string
	}{
		{time.Date(2025, 3, 31, 15, 0, 0, 0, time.UTC), "2025-04-01", "0:00"},
		{time.Date(2025, 3, 31, 14, 59, 59, 0, time.UTC), "2025-03-31", "23:59"},
		{time.Date(2024, 12, 31, 15, 0, 0, 0, time.UTC), "2025-01-01", "0:00"},
		{time.Date(2025, 4, 1, 0, 30, 0, 0, time.UTC), "2025-04-01", "9:30"},
		{time.Date(2025, 4, 1, 9, 30, 0, 0, model.Tokyo), "2025-04-01", "9:30"},
		{time.Date(2025, 3, 31, 10, 0, 0, 0, time.FixedZone("PDT", -7*3600)), "2025-04-01", "2:00"},
	}
	for _, tt := range tests {
		if got := model.DateOf(tt.at); got.String() != tt.date {
			t.Errorf("DateOf(%v) = %s, want %s", tt.at, got, tt.date)
		}
		if got := model.ClockOf(tt.at).String(); got != tt.clock {
			t.Errorf("ClockOf(%v) = %s, want %s", tt.at, got, tt.clock)
		}
		if got := model.HHMM(tt.at); got != tt.clock {
			t.Errorf("HHMM(%v) = %s, want %s", tt.at, got, tt.clock)
		}
	}
	if got := model.HHMM(time.Time{}); got != "" {
		t.Errorf("HHMM(zero) = %q", got)
	}
	fixed := model.FixedClock{T: time.Date(2025, 3, 31, 15, 0, 0, 0, time.UTC)}
	if model.DateOf(fixed.Now()) != recDate(t, "2025-04-01") {
		t.Error("FixedClock")
	}
	if (model.SystemClock{}).Now().IsZero() {
		t.Error("SystemClock returned zero")
	}
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		d      time.Duration
		ja, en string
	}{
		{0, "0分", "0m"},
		{59 * time.Second, "0分", "0m"},
		{5 * time.Minute, "5分", "5m"},
		{59*time.Minute + 59*time.Second, "59分", "59m"},
		{time.Hour, "1時間00分", "1h00m"},
		{2*time.Hour + 5*time.Minute, "2時間05分", "2h05m"},
		{2*time.Hour + 5*time.Minute + 59*time.Second, "2時間05分", "2h05m"},
		{10*time.Hour + 30*time.Minute, "10時間30分", "10h30m"},
		{25 * time.Hour, "25時間00分", "25h00m"},
		{-time.Hour, "0分", "0m"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.d), func(t *testing.T) {
			if got := model.FormatDuration(tt.d, model.JA); got != tt.ja {
				t.Errorf("JA = %q, want %q", got, tt.ja)
			}
			if got := model.FormatDuration(tt.d, model.EN); got != tt.en {
				t.Errorf("EN = %q, want %q", got, tt.en)
			}
		})
	}
}

func TestLang(t *testing.T) {
	tests := []struct {
		in   string
		want model.Lang
	}{
		{"en", model.EN}, {"EN", model.EN}, {"en_US.UTF-8", model.EN}, {" en-GB ", model.EN},
		{"ja", model.JA}, {"ja_JP.UTF-8", model.JA}, {"", model.JA}, {"C", model.JA}, {"fr", model.JA},
	}
	for _, tt := range tests {
		if got := model.ParseLang(tt.in); got != tt.want {
			t.Errorf("ParseLang(%q) = %v", tt.in, got)
		}
	}
	if model.JA.String() != "ja" || model.EN.String() != "en" || model.EN.Pick("あ", "a") != "a" || model.JA.Pick("あ", "a") != "あ" {
		t.Error("Lang String/Pick")
	}
	if model.T("あ", "a").In(model.EN) != "a" {
		t.Error("Text.In")
	}
}
