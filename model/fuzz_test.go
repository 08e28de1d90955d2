package model_test

import (
	"errors"
	"fmt"
	"net/mail"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nagawaka/madoguchi/model"
)

// fuzzCheckErr checks a parse error is a readable validation error.
func fuzzCheckErr(t *testing.T, in string, err error) {
	t.Helper()
	var me *model.Error
	if !errors.As(err, &me) || !errors.Is(err, model.ErrInvalid) || me.Msg.JA == "" || me.Msg.EN == "" {
		t.Fatalf("%q: error %v (%T) is not a validation *model.Error with both messages", in, err, err)
	}
}

func FuzzParseYen(f *testing.F) {
	for _, s := range []string{"12,000", "￥12000", "¥12,000円", "12000円", "１２０００", "-1", "1.5", "", "abc",
		"1000000000000", "1000000000001", "9223372036854775808", "+5", "-0", "1,2,3", "１２，０００", "\x00", "円円"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := model.ParseYen(s)
		if err != nil {
			fuzzCheckErr(t, s, err)
			if n != 0 {
				t.Fatalf("ParseYen(%q) = %d with an error", s, n)
			}
			return
		}
		if n < 0 || n > model.MaxYen {
			t.Fatalf("ParseYen(%q) = %d, out of 0..MaxYen", s, n)
		}
		formatted := model.FormatYen(n)
		for _, form := range []string{strings.TrimPrefix(formatted, "¥"), formatted, formatted + "円", fmt.Sprint(n)} {
			back, err := model.ParseYen(form)
			if err != nil || back != n {
				t.Fatalf("ParseYen(%q) = %d but ParseYen(%q) = %d, %v", s, n, form, back, err)
			}
		}
	})
}

func FuzzParsePercentBP(f *testing.F) {
	for _, s := range []string{"10", "5.5", "5.55", "5.555", "100", "100.01", "-1", "", "２０％", "20%", "0.01",
		"-0.5", ".5", "5.", "5.+1", "1e2", "%", "１００"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		bp, err := model.ParsePercentBP(s)
		if err != nil {
			fuzzCheckErr(t, s, err)
			return
		}
		if bp < 0 || bp > 10000 {
			t.Fatalf("ParsePercentBP(%q) = %d, out of 0..10000", s, bp)
		}
		// The form the settings screen writes reads back to the same value.
		form := fmt.Sprintf("%d.%02d", bp/100, bp%100)
		if back, err := model.ParsePercentBP(form); err != nil || back != bp {
			t.Fatalf("ParsePercentBP(%q) = %d but ParsePercentBP(%q) = %d, %v", s, bp, form, back, err)
		}
		if fee := model.FeeOf(model.MaxYen, bp); fee < 0 || fee > model.MaxYen {
			t.Fatalf("FeeOf(MaxYen, %d) = %d", bp, fee)
		}
	})
}

func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"9:30", "09:30", "930", "0930", "２４：００", "24:01", "9:60", "", "あ", "9:+5", "-1:00", "24:00", "0:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := model.ParseClock(s)
		if err != nil {
			fuzzCheckErr(t, s, err)
			return
		}
		if c < 0 || c > 24*60 {
			t.Fatalf("ParseClock(%q) = %d, out of 0..1440", s, int(c))
		}
		if back, err := model.ParseClock(c.String()); err != nil || back != c {
			t.Fatalf("ParseClock(%q) = %v but ParseClock(%q) = %v, %v", s, c, c.String(), back, err)
		}
	})
}

func FuzzParseMinutes(f *testing.F) {
	for _, s := range []string{"2.5", "2:30", "150分", "2:60", "", "NaN", "Inf", "-1", "1e308", "100000", "100000:59",
		"２：３０", "0x1p-2", "-0:30", "1.999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := model.ParseMinutes(s)
		if err != nil {
			fuzzCheckErr(t, s, err)
			return
		}
		if m < 0 || m > 100000*60+59 {
			t.Fatalf("ParseMinutes(%q) = %d, out of range", s, m)
		}
		for _, form := range []string{fmt.Sprintf("%d:%02d", m/60, m%60), fmt.Sprintf("%d分", m)} {
			if back, err := model.ParseMinutes(form); err != nil || back != m {
				// "100000:59" is accepted but its minute form is over the 分 limit.
				if m <= 100000*60 {
					t.Fatalf("ParseMinutes(%q) = %d but ParseMinutes(%q) = %d, %v", s, m, form, back, err)
				}
			}
		}
	})
}

func FuzzNewPerson(f *testing.F) {
	f.Add("山田 花子", "やまだ はなこ", "0494-75-1234", "hanako@example.jp", "")
	f.Add("ﾔﾏﾀﾞ ﾊﾅｺ", "ﾔﾏﾀﾞ ﾊﾅｺ", "０４９４−７５−１２３４", "", "メモ")
	f.Add("　", "yamada hanako", "abc", "bad@", "")
	f.Add(strings.Repeat("山", 41), "Satō", "+81 (494) 75-1234", "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ", "\t")
	f.Add("山田\t花子", "ゆーき", "", "", "")
	f.Add("\x1b[31m", "n'", "(((((((((((", "a@b", "\xff")
	f.Fuzz(func(t *testing.T, name, reading, phone, email, notes string) {
		p, err := model.NewPerson(model.PersonInput{Name: name, Reading: reading, Phone: phone, Email: email, Notes: notes})
		if err != nil {
			var fe model.FieldErrors
			if !errors.As(err, &fe) || len(fe) == 0 || !errors.Is(err, model.ErrInvalid) {
				t.Fatalf("error %v (%T) is not non-empty FieldErrors", err, err)
			}
			for _, e := range fe {
				if e.Field == "" || e.Msg.JA == "" || e.Msg.EN == "" {
					t.Fatalf("field error %+v lacks a field or a message", e)
				}
			}
			return
		}
		if p.Name == "" || utf8.RuneCountInString(p.Name) > model.MaxNameRunes || model.NormalizeName(p.Name) != p.Name {
			t.Fatalf("accepted name %q from %q", p.Name, name)
		}
		if p.Reading == "" || strings.TrimSpace(p.Reading) != p.Reading {
			t.Fatalf("accepted reading %q from %q", p.Reading, reading)
		}
		for _, r := range p.Reading {
			if !(r >= 0x3041 && r <= 0x3096) && r != 'ー' && r != ' ' {
				t.Fatalf("accepted reading %q from %q has %q", p.Reading, reading, r)
			}
		}
		if p.Phone != "" {
			digits := 0
			for _, r := range p.Phone {
				switch {
				case r >= '0' && r <= '9':
					digits++
				case strings.ContainsRune("-+()", r):
				default:
					t.Fatalf("accepted phone %q from %q", p.Phone, phone)
				}
			}
			if digits < 10 || digits > 13 {
				t.Fatalf("accepted phone %q with %d digits", p.Phone, digits)
			}
		}
		if p.Email != "" {
			if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email {
				t.Fatalf("accepted email %q from %q", p.Email, email)
			}
		}
		if utf8.RuneCountInString(p.Notes) > model.MaxNoteRunes || strings.TrimSpace(p.Notes) != p.Notes {
			t.Fatalf("accepted notes of %d runes", utf8.RuneCountInString(p.Notes))
		}
		if !reflect.DeepEqual(p.Roles, []model.Role{model.RoleMember}) {
			t.Fatalf("roles = %v", p.Roles)
		}
		// What was stored validates again to itself (editing and saving changes nothing).
		again, err := model.NewPerson(model.PersonInput{Name: p.Name, Reading: p.Reading, Phone: p.Phone, Email: p.Email, Notes: p.Notes})
		if err != nil || !reflect.DeepEqual(again, p) {
			t.Fatalf("re-validating %+v gave %+v, %v", p, again, err)
		}
	})
}
