package model_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nagawaka/madoguchi/model"
)

// Fuzz targets for the remaining forms staff type into: a child (names, readings, birth date,
// allergy notes, pick-up people), the pick-up line, the staff name, the date to jump to, and a
// kids-space slot typed as text. Each either accepts a value inside its bounds that validates
// again to itself, or returns errors that name a field in both languages. (Names, readings,
// romaji, dates, times, yen, percentages, minutes and the roster have their own targets in
// fuzz_test.go, kana_test.go, era_test.go, roster_test.go and roster_fuzz_test.go; settings in
// settings_fuzz_test.go.)

var fuzzToday = model.NewDate(2026, 11, 25)

// fieldErrs checks that err names fields with both messages.
func fieldErrs(t *testing.T, err error) {
	t.Helper()
	var fe model.FieldErrors
	var me *model.Error
	switch {
	case errors.As(err, &fe):
		if len(fe) == 0 {
			t.Fatal("empty FieldErrors")
		}
		for _, e := range fe {
			if e.Field == "" || e.Msg.JA == "" || e.Msg.EN == "" {
				t.Fatalf("field error %+v lacks a field or a message", e)
			}
		}
	case errors.As(err, &me):
		if me.Msg.JA == "" || me.Msg.EN == "" || !errors.Is(err, model.ErrInvalid) {
			t.Fatalf("error %+v", me)
		}
	default:
		t.Fatalf("error %v (%T) is not a validation error", err, err)
	}
}

func FuzzNewChild(f *testing.F) {
	f.Add("山田 陽翔", "やまだ はると", "2022-05-01", "卵アレルギー", "", "山田 和子", "祖母")
	f.Add("ﾔﾏﾀﾞ ﾊﾙﾄ", "yamada haruto", "２０２６－１１－２５", "", "午睡は11時", "", "")
	f.Add("", "", "2013-11-25", "", "", "名前だけ", "")
	f.Add("子", "こ", "2026-11-26", strings.Repeat("注", 2001), "", "", "父")
	f.Add("\t", "ゔぁ", "2014-11-26", "", "\x00", " ", " ")
	f.Fuzz(func(t *testing.T, name, reading, birth, allergies, notes, pickName, pickRel string) {
		in := model.ChildInput{GuardianID: 1, Name: name, Reading: reading, BirthDate: birth, Allergies: allergies, CareNotes: notes,
			Pickups: []model.PickupPerson{{Name: pickName, Relation: pickRel}}}
		c, err := model.NewChild(in, fuzzToday)
		if err != nil {
			fieldErrs(t, err)
			return
		}
		if c.Name == "" || c.Reading == "" || c.BirthDate.After(fuzzToday) || c.BirthDate.AgeOn(fuzzToday) >= 13 {
			t.Fatalf("accepted %+v", c)
		}
		if utf8.RuneCountInString(c.Allergies) > model.MaxNoteRunes || utf8.RuneCountInString(c.CareNotes) > model.MaxNoteRunes {
			t.Fatal("accepted overlong notes")
		}
		for _, p := range c.Pickups {
			if p.Name == "" || p.Relation == "" {
				t.Fatalf("accepted pick-up %+v", p)
			}
		}
		again, err := model.NewChild(model.ChildInput{GuardianID: 1, Name: c.Name, Reading: c.Reading, BirthDate: c.BirthDate.String(),
			Allergies: c.Allergies, CareNotes: c.CareNotes, Pickups: c.Pickups}, fuzzToday)
		if err != nil || !reflect.DeepEqual(again, c) {
			t.Fatalf("re-validating %+v gave %+v, %v", c, again, err)
		}
	})
}

func FuzzParsePickups(f *testing.F) {
	for _, s := range []string{"山田 和子（祖母）、田中 誠(父)", "", "名前だけ", "(父)", "a(b)c(d)", "山田（祖母", "（）", "x(y),,z(w);",
		strings.Repeat("a(b)、", 11), "山田 和子（祖母）（叔母）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := model.ParsePickups(s)
		if err != nil {
			fieldErrs(t, err)
			return
		}
		if len(ps) > 10 {
			t.Fatalf("accepted %d pick-up people", len(ps))
		}
		for _, p := range ps {
			if p.Name == "" || p.Relation == "" || model.NormalizeName(p.Name) != p.Name {
				t.Fatalf("accepted %+v from %q", p, s)
			}
		}
		// The form shows them as FormatPickups writes them; saving again changes nothing.
		again, err := model.ParsePickups(model.FormatPickups(ps))
		if err != nil || !reflect.DeepEqual(again, ps) {
			t.Fatalf("%q -> %+v -> %q -> %+v, %v", s, ps, model.FormatPickups(ps), again, err)
		}
	})
}

func FuzzNewStaff(f *testing.F) {
	for _, s := range []string{"佐藤 由美", "", "　", "ｻﾄｳ", strings.Repeat("佐", 41), "\x1b[2J"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := model.NewStaff(s)
		if err != nil {
			fieldErrs(t, err)
			return
		}
		if st.Name == "" || model.NormalizeName(st.Name) != st.Name || utf8.RuneCountInString(st.Name) > model.MaxNameRunes {
			t.Fatalf("accepted %q from %q", st.Name, s)
		}
	})
}

func FuzzParseJumpDate(f *testing.F) {
	for _, s := range []string{"2026-12-01", "12-1", "12/1", "12月1日", "+7", "-7", "+9999", "-", "2/30", "１２／１", "13/1", "0/0", "+", "12月"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := model.ParseJumpDate(s, fuzzToday)
		if err != nil {
			fieldErrs(t, err)
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseJumpDate(%q) = zero date", s)
		}
		if back, err := model.ParseJumpDate(d.String(), fuzzToday); err != nil || back != d {
			t.Fatalf("ParseJumpDate(%q) = %s, but %s reads as %s, %v", s, d, d, back, err)
		}
	})
}

func FuzzNewSlotText(f *testing.F) {
	f.Add("2026-11-25", "9:00", "12:00", "6", "2", "")
	f.Add("２０２６－１１－２５", "９：３０", "１２：３０", "６", "２", "メモ")
	f.Add("2026-11-25", "12:00", "9:00", "-1", "x", strings.Repeat("長", 201))
	f.Add("", "", "", "", "", "")
	f.Add("2026-11-25", "0:00", "24:00", "99999", "0001", "\n")
	f.Fuzz(func(t *testing.T, date, start, end, capacity, caregivers, note string) {
		sl, err := model.NewSlotText(model.SlotText{Date: date, Start: start, End: end, Capacity: capacity, Caregivers: caregivers, Note: note})
		if err != nil {
			fieldErrs(t, err)
			return
		}
		if sl.Date.IsZero() || sl.End <= sl.Start || sl.Start < 0 || sl.End > 24*60 || sl.Capacity < 0 || sl.Caregivers < 0 {
			t.Fatalf("accepted %+v", sl)
		}
	})
}
