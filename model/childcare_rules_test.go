package model_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// The rules the kids screen leans on: the ratio by age band on the day of care, the waitlist,
// pick-up, and the weekly template. model/childcare_test.go tests the building blocks; these
// tables test the rules as the counter meets them.

func crDate(t *testing.T, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

func crAt(t *testing.T, d, hhmm string) time.Time {
	t.Helper()
	c, err := model.ParseClock(hhmm)
	if err != nil {
		t.Fatal(err)
	}
	return crDate(t, d).At(c)
}

// crField fails unless err is a validation error about field, in both languages.
func crField(t *testing.T, err error, field string) {
	t.Helper()
	var fe model.FieldErrors
	var e *model.Error
	switch {
	case errors.As(err, &fe):
		e = fe.For(field)
	case errors.As(err, &e):
		if e.Field != field {
			e = nil
		}
	}
	if e == nil {
		t.Fatalf("error %v has no message for field %q", err, field)
	}
	if e.Msg.JA == "" || e.Msg.EN == "" || e.Msg.JA == e.Msg.EN {
		t.Errorf("field %q message not in both languages: %+v", field, e.Msg)
	}
	if !errors.Is(err, model.ErrInvalid) {
		t.Errorf("field error %v is not ErrInvalid", err)
	}
}

// TestSlotRatioByAgeOnTheDay counts children by band on the day of care, as the day view does,
// and asks how many caregivers the slot needs and whether it is short.
func TestSlotRatioByAgeOnTheDay(t *testing.T) {
	const day = "2026-11-25"
	tests := []struct {
		name       string
		births     []string
		caregivers int
		ratio      model.Ratio
		need       int
		short      bool
	}{
		{"empty slot needs nobody, even with none on duty", nil, 0, model.DefaultRatio, 0, false},
		{"one 4-year-old: the minimum of two", []string{"2022-04-01"}, 2, model.DefaultRatio, 2, false},
		{"one 4-year-old with one caregiver is short of the minimum", []string{"2022-04-01"}, 1, model.DefaultRatio, 2, true},
		{"minimum 0: one older child needs one", []string{"2022-04-01"}, 1, model.Ratio{PerCaregiver: [4]int{3, 6, 20, 30}}, 1, false},
		{"minimum 3 on a quiet day", []string{"2022-04-01"}, 2, model.Ratio{PerCaregiver: [4]int{3, 6, 20, 30}, MinCaregivers: 3}, 3, true},
		// a child turning 1 on the day of care is in the 1-2 band that day
		{"7 babies, one turning 1 today: 6/3 + 1/6 = 13/6 -> 3", []string{
			"2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2025-11-25"}, 3, model.DefaultRatio, 3, false},
		{"7 babies, the last turning 1 tomorrow: 7/3 -> 3", []string{
			"2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2025-11-26"}, 3, model.DefaultRatio, 3, false},
		{"the same seven with two caregivers are short", []string{
			"2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2025-11-25"}, 2, model.DefaultRatio, 3, true},
		{"5 babies and a child turning 1 today: 5/3 + 1/6 = 11/6 -> 2", []string{
			"2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2025-11-25"}, 2, model.DefaultRatio, 2, false},
		{"a child turning 3 today moves from 1-2 (6:1) to 3 (20:1)", []string{
			"2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01", "2023-11-25"}, 2, model.DefaultRatio, 2, false},
		{"the same seven a day earlier: 7 in 1-2 -> 2", []string{
			"2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01", "2023-11-26"}, 2, model.DefaultRatio, 2, false},
		{"thirteen toddlers need three", slices.Repeat([]string{"2024-06-01"}, 13), 2, model.DefaultRatio, 3, true},
		// mixed ages: exact sums, no per-band rounding
		{"mixed: 2 babies, 3 toddlers, 1 three, 1 five = 2/3+3/6+1/20+1/30 = 1.25 -> 2",
			[]string{"2026-03-01", "2026-05-01", "2025-06-01", "2024-06-01", "2024-09-01", "2023-01-01", "2021-01-01"}, 2, model.DefaultRatio, 2, false},
		{"mixed: 4 babies, 4 toddlers = 4/3+4/6 = 2 exactly", []string{
			"2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"}, 2, model.DefaultRatio, 2, false},
		{"mixed: 4 babies, 5 toddlers = 4/3+5/6 > 2 -> 3", []string{
			"2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2024-04-01"}, 2, model.DefaultRatio, 3, true},
		{"leap-day child: 1 on 1 March of a common year, 0 on the day before", []string{"2024-02-29"}, 2, model.DefaultRatio, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			on := crDate(t, day)
			slot := model.ChildcareSlot{Date: on, Capacity: 20, Caregivers: tt.caregivers}
			var load model.SlotLoad
			for _, b := range tt.births {
				load.Booked++
				load.PerBand[model.BandOf(crDate(t, b), on)]++
			}
			if got := load.Required(tt.ratio); got != tt.need {
				t.Errorf("Required = %d, want %d (bands %v)", got, tt.need, load.PerBand)
			}
			if got := load.Short(slot, tt.ratio); got != tt.short {
				t.Errorf("Short = %v, want %v", got, tt.short)
			}
		})
	}
}

// TestAdmitChildTurningOne: the same child is refused the day before her first birthday and
// admitted on it, because the band is computed on the day of care. Five babies and a toddler with
// two caregivers is 5/3 + 1/6 = 11/6: one more baby makes 13/6 (three needed), one more toddler
// makes exactly 2.
func TestAdmitChildTurningOne(t *testing.T) {
	birth := crDate(t, "2025-11-25")
	load := model.SlotLoad{Booked: 6, PerBand: [4]int{5, 1, 0, 0}}
	for _, tt := range []struct {
		on string
		ok bool
	}{{"2026-11-24", false}, {"2026-11-25", true}, {"2026-11-26", true}} {
		s := model.ChildcareSlot{Date: crDate(t, tt.on), Capacity: 10, Caregivers: 2}
		ok, why := model.Admit(s, load, model.BandOf(birth, s.Date), model.DefaultRatio)
		if ok != tt.ok {
			t.Errorf("child born %s on %s: Admit = %v (%s)", birth, tt.on, ok, why.EN)
		}
	}
}

func TestPromotions(t *testing.T) {
	b0, b12, b3, b4 := model.Band0, model.Band1to2, model.Band3, model.Band4up
	tests := []struct {
		name    string
		slot    model.ChildcareSlot
		load    model.SlotLoad
		waiting []model.AgeBand
		want    []int
	}{
		{"nobody waits", model.ChildcareSlot{Capacity: 3, Caregivers: 2}, model.SlotLoad{Booked: 2}, nil, nil},
		{"one place: the first in the queue", model.ChildcareSlot{Capacity: 3, Caregivers: 2},
			model.SlotLoad{Booked: 2, Waitlisted: 3, PerBand: [4]int{0, 0, 0, 2}}, []model.AgeBand{b4, b4, b4}, []int{0}},
		{"two places: first come first served", model.ChildcareSlot{Capacity: 4, Caregivers: 2},
			model.SlotLoad{Booked: 2, Waitlisted: 3, PerBand: [4]int{0, 0, 0, 2}}, []model.AgeBand{b3, b12, b4}, []int{0, 1}},
		{"six babies with two caregivers: nobody more fits", model.ChildcareSlot{Capacity: 10, Caregivers: 2},
			model.SlotLoad{Booked: 6, Waitlisted: 2, PerBand: [4]int{6, 0, 0, 0}}, []model.AgeBand{b0, b4}, nil},
		{"the first (a baby) does not fit the ratio; the toddler behind her does", model.ChildcareSlot{Capacity: 10, Caregivers: 2},
			model.SlotLoad{Booked: 6, Waitlisted: 2, PerBand: [4]int{5, 1, 0, 0}}, []model.AgeBand{b0, b12}, []int{1}},
		{"after the first promotion the rest are re-checked", model.ChildcareSlot{Capacity: 10, Caregivers: 2},
			model.SlotLoad{Booked: 4, Waitlisted: 3, PerBand: [4]int{4, 0, 0, 0}}, []model.AgeBand{b0, b0, b12}, []int{0, 1}},
		{"a skipped baby keeps her place; the next baby does not jump her", model.ChildcareSlot{Capacity: 10, Caregivers: 2},
			model.SlotLoad{Booked: 6, Waitlisted: 3, PerBand: [4]int{5, 1, 0, 0}}, []model.AgeBand{b0, b4, b0}, []int{1}},
		{"more caregivers promote the whole queue", model.ChildcareSlot{Capacity: 10, Caregivers: 4},
			model.SlotLoad{Booked: 6, Waitlisted: 3, PerBand: [4]int{6, 0, 0, 0}}, []model.AgeBand{b0, b0, b4}, []int{0, 1, 2}},
		{"capacity bounds the queue", model.ChildcareSlot{Capacity: 7, Caregivers: 4},
			model.SlotLoad{Booked: 6, Waitlisted: 3, PerBand: [4]int{0, 0, 0, 6}}, []model.AgeBand{b4, b4, b4}, []int{0}},
		{"no caregivers: nobody", model.ChildcareSlot{Capacity: 7, Caregivers: 0},
			model.SlotLoad{Waitlisted: 1}, []model.AgeBand{b4}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := model.Promotions(tt.slot, tt.load, tt.waiting, model.DefaultRatio)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Promotions = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBookingTimeRules(t *testing.T) {
	slot := model.ChildcareSlot{Date: crDate(t, "2026-11-25"), Start: 9 * 60, End: 12 * 60, Capacity: 6, Caregivers: 2}
	tests := []struct {
		at                    string // "YYYY-MM-DD H:MM"
		book, dropOff, noShow bool   // allowed?
		overdueIfInCare       bool
	}{
		{"2026-11-20 10:00", true, false, false, false},
		{"2026-11-25 6:59", true, false, false, false},
		{"2026-11-25 7:00", true, true, false, false}, // two hours early
		{"2026-11-25 8:00", true, true, false, false},
		{"2026-11-25 9:00", true, true, true, false},
		{"2026-11-25 11:59", true, true, true, false},
		{"2026-11-25 12:00", false, true, true, true},
		{"2026-11-25 23:59", false, true, true, true},
		{"2026-11-26 0:00", false, false, true, true},
	}
	// A slot just after midnight takes a drop-off late the evening before.
	night := model.ChildcareSlot{Date: crDate(t, "2026-11-26"), Start: 30, End: 180, Capacity: 1, Caregivers: 2}
	if err := model.CanDropOff(night, crAt(t, "2026-11-25", "23:00")); err != nil {
		t.Errorf("drop-off at 23:00 for a 0:30 slot: %v", err)
	}
	for _, tt := range tests {
		d, hm, _ := strings.Cut(tt.at, " ")
		now := crAt(t, d, hm).UTC() // rules compare instants; the zone must not matter
		if err := model.CanBook(slot, now); (err == nil) != tt.book {
			t.Errorf("%s CanBook = %v", tt.at, err)
		} else if err != nil && !errors.Is(err, model.ErrConflict) {
			t.Errorf("%s CanBook error kind %v", tt.at, err)
		}
		if err := model.CanDropOff(slot, now); (err == nil) != tt.dropOff {
			t.Errorf("%s CanDropOff = %v", tt.at, err)
		}
		if err := model.CanMarkNoShow(slot, now); (err == nil) != tt.noShow {
			t.Errorf("%s CanMarkNoShow = %v", tt.at, err)
		}
		for _, st := range []model.BookingStatus{model.BookingBooked, model.BookingDroppedOff, model.BookingPickedUp, model.BookingWaitlisted} {
			want := tt.overdueIfInCare && st == model.BookingDroppedOff
			if got := (model.Booking{Status: st}).Overdue(slot, now); got != want {
				t.Errorf("%s %s Overdue = %v", tt.at, st, got)
			}
		}
	}
}

func TestCheckSlotEdit(t *testing.T) {
	s := model.ChildcareSlot{Capacity: 3, Caregivers: 1}
	if err := model.CheckSlotEdit(s, model.SlotLoad{Booked: 3, Waitlisted: 4}); err != nil {
		t.Errorf("capacity equal to the booked: %v", err)
	}
	if err := model.CheckSlotEdit(s, model.SlotLoad{Booked: 4}); err == nil {
		t.Error("capacity below the children booked was accepted")
	} else {
		crField(t, err, "capacity")
	}
	// fewer caregivers than the ratio needs is recorded as it is (the view marks it short)
	if err := model.CheckSlotEdit(model.ChildcareSlot{Capacity: 10, Caregivers: 0}, model.SlotLoad{Booked: 6, PerBand: [4]int{6}}); err != nil {
		t.Errorf("short of caregivers: %v", err)
	}
}

// TestPickUpAuthorisation walks the pick-up choices the screen offers through NewCollector: each
// offered person is accepted as is; anyone else needs an override with a reason.
func TestPickUpAuthorisation(t *testing.T) {
	mother := model.Person{ID: 1, Name: "山田 花子"}
	child := model.Child{ID: 2, GuardianID: 1, Name: "山田 陽翔", Pickups: []model.PickupPerson{
		{Name: "山田 和子", Relation: "祖母"}, {Name: "山田 誠", Relation: "父"}}}
	choices := model.PickupChoices(child, mother)
	want := []model.PickupPerson{{Name: "山田 花子", Relation: "保護者"}, {Name: "山田 和子", Relation: "祖母"}, {Name: "山田 誠", Relation: "父"}}
	if !slices.Equal(choices, want) {
		t.Fatalf("PickupChoices = %+v", choices)
	}
	if got := model.PickupChoices(model.Child{}, mother); len(got) != 1 || got[0].Relation != model.GuardianRelation {
		t.Errorf("no pick-up people: %+v", got)
	}
	for _, c := range choices {
		got, err := model.NewCollector(child, mother, c.Name, c.Relation, false, "")
		if err != nil || got.Override || got.Name != c.Name || got.Relation != c.Relation {
			t.Errorf("choice %+v: %+v, %v", c, got, err)
		}
	}
	tests := []struct {
		name, who, rel string
		override       bool
		reason         string
		kind           error // nil: accepted
		wantOverride   bool
	}{
		{"grandmother typed with a full-width space", "山田　和子", "", false, "", nil, false},
		{"grandmother typed without a space", "山田和子", "", false, "", nil, false},
		{"an authorised person needs no override even if staff ticked it", "山田 誠", "父", true, "念のため", nil, false},
		{"a neighbour without override", "鈴木 一郎", "近所の人", false, "", model.ErrConflict, false},
		{"a neighbour with override but no reason", "鈴木 一郎", "近所の人", true, "  ", model.ErrInvalid, false},
		{"a neighbour with override and reason", "鈴木 一郎", "近所の人", true, "母から電話で依頼（10:05 佐藤受）", nil, true},
		{"nobody named", " ", "", true, "理由", model.ErrInvalid, false},
		{"a namesake's surname alone is not enough", "山田", "", false, "", model.ErrConflict, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := model.NewCollector(child, mother, tt.who, tt.rel, tt.override, tt.reason)
			if tt.kind != nil {
				if !errors.Is(err, tt.kind) {
					t.Fatalf("err = %v, want %v", err, tt.kind)
				}
				if m := model.Message(err, model.JA); m == "" || m == model.Message(err, model.EN) {
					t.Errorf("message not in both languages: %q", m)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Override != tt.wantOverride || (tt.wantOverride && got.Reason == "") {
				t.Errorf("collector %+v", got)
			}
		})
	}
}

func TestNewSlotText(t *testing.T) {
	ok, err := model.NewSlotText(model.SlotText{Date: "２０２６-１２-０１", Start: "９：３０", End: "12:30", Capacity: "６", Caregivers: "2", Note: " 午前 "})
	if err != nil {
		t.Fatal(err)
	}
	if ok.Date.String() != "2026-12-01" || ok.Start != 570 || ok.End != 750 || ok.Capacity != 6 || ok.Caregivers != 2 || ok.Note != "午前" {
		t.Errorf("slot %+v", ok)
	}
	tests := []struct {
		in     model.SlotText
		fields []string
	}{
		{model.SlotText{Date: "2026-12-01", Start: "9:30", End: "12:30", Capacity: "six", Caregivers: "2"}, []string{"capacity"}},
		{model.SlotText{Date: "2026-12-01", Start: "9:30", End: "12:30", Capacity: "", Caregivers: "-1"}, []string{"capacity", "caregivers"}},
		{model.SlotText{Date: "2026-12-01", Start: "9:30", End: "12:30", Capacity: "0", Caregivers: "2"}, []string{"capacity"}},
		{model.SlotText{Date: "2026-12-01", Start: "9:30", End: "12:30", Capacity: "101", Caregivers: "2"}, []string{"capacity"}},
		{model.SlotText{Date: "12/1", Start: "12:30", End: "9:30", Capacity: "6", Caregivers: "51"}, []string{"date", "end", "caregivers"}},
		{model.SlotText{Date: "2026-12-01", Start: "25:00", End: "", Capacity: "6", Caregivers: "2"}, []string{"start", "end"}},
		{model.SlotText{Date: "2026-12-01", Start: "9:30", End: "12:30", Capacity: "6", Caregivers: "2", Note: strings.Repeat("あ", 201)}, []string{"note"}},
	}
	for _, tt := range tests {
		_, err := model.NewSlotText(tt.in)
		var fe model.FieldErrors
		if !errors.As(err, &fe) {
			t.Errorf("%+v: %v is not FieldErrors", tt.in, err)
			continue
		}
		var got []string
		for _, e := range fe {
			got = append(got, e.Field)
		}
		if !slices.Equal(got, tt.fields) {
			t.Errorf("%+v: fields %v, want %v (%v)", tt.in, got, tt.fields, err)
		}
		for _, f := range tt.fields {
			crField(t, err, f)
		}
	}
}

func TestParseWeekdays(t *testing.T) {
	M, Tu, W, Th, F, Sa, Su := time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday
	tests := []struct {
		in   string
		want []time.Weekday // nil: refused
	}{
		{"月火水木金", []time.Weekday{M, Tu, W, Th, F}},
		{"月-金", []time.Weekday{M, Tu, W, Th, F}},
		{"月〜金", []time.Weekday{M, Tu, W, Th, F}},
		{"月曜〜金曜", []time.Weekday{M, Tu, W, Th, F}},
		{"平日", []time.Weekday{M, Tu, W, Th, F}},
		{"mon-fri", []time.Weekday{M, Tu, W, Th, F}},
		{"Mon-Fri", []time.Weekday{M, Tu, W, Th, F}},
		{"ｍｏｎ－ｆｒｉ", []time.Weekday{M, Tu, W, Th, F}},
		{"weekdays", []time.Weekday{M, Tu, W, Th, F}},
		{"月、水、金", []time.Weekday{M, W, F}},
		{"mon,wed,fri", []time.Weekday{M, W, F}},
		{"mon wed fri", []time.Weekday{M, W, F}},
		{"土日", []time.Weekday{Sa, Su}},
		{"金-月", []time.Weekday{F, Sa, Su, M}},
		{"毎日", []time.Weekday{Su, M, Tu, W, Th, F, Sa}},
		{"火木", []time.Weekday{Tu, Th}},
		{"", nil},
		{"月-", nil},
		{"-金", nil},
		{"月曜から", nil},
		{"monday", nil},
		{"xyz", nil},
	}
	for _, tt := range tests {
		got, err := model.ParseWeekdays(tt.in)
		if tt.want == nil {
			if err == nil {
				t.Errorf("ParseWeekdays(%q) = %v, want refused", tt.in, got)
			} else {
				crField(t, err, "weekdays")
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseWeekdays(%q): %v", tt.in, err)
			continue
		}
		var want [7]bool
		for _, d := range tt.want {
			want[d] = true
		}
		if got != want {
			t.Errorf("ParseWeekdays(%q) = %v, want %v", tt.in, got, want)
		}
		// what FormatWeekdays writes reads back the same, in both languages
		for _, l := range []model.Lang{model.JA, model.EN} {
			if back, err := model.ParseWeekdays(model.FormatWeekdays(got, l)); err != nil || back != got {
				t.Errorf("round trip of %q in %v: %v, %v", model.FormatWeekdays(got, l), l, back, err)
			}
		}
	}
	if got := model.FormatWeekdays([7]bool{true, true, false, true, false, true, false}, model.JA); got != "月水金日" {
		t.Errorf("FormatWeekdays JA = %q", got)
	}
}

func TestParsePeriods(t *testing.T) {
	tests := []struct {
		in   string
		want string // FormatPeriods of the result; "" refused
	}{
		{"9:30-12:30, 13:00-16:00", "9:30-12:30, 13:00-16:00"},
		{"13:00-16:00、9:30-12:30", "9:30-12:30, 13:00-16:00"},
		{"９：３０〜１２：３０", "9:30-12:30"},
		{"9:30~12:30 13:00~16:00", "9:30-12:30, 13:00-16:00"},
		{"930-1230", "9:30-12:30"},
		{"9:30-12:30, 12:30-16:00", "9:30-12:30, 12:30-16:00"}, // back to back is fine
		{"9:30-12:30, 12:00-16:00", ""},                        // overlapping
		{"12:30-9:30", ""},
		{"9:30", ""},
		{"", ""},
		{"9:30-25:00", ""},
		{"8-9,9-10,10-11,11-12,12-13,13-14,14-15", ""},
	}
	for _, tt := range tests {
		got, err := model.ParsePeriods(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParsePeriods(%q) = %v, want refused", tt.in, got)
			} else {
				crField(t, err, "periods")
			}
			continue
		}
		if err != nil || model.FormatPeriods(got) != tt.want {
			t.Errorf("ParsePeriods(%q) = %q, %v; want %q", tt.in, model.FormatPeriods(got), err, tt.want)
		}
	}
}

// TestTemplateExpand: the example, weekdays 9:30-12:30 and 13:00-16:00, capacity 6 with
// 2 caregivers, for December 2026.
func TestTemplateExpand(t *testing.T) {
	tpl, err := model.NewTemplate(model.TemplateInput{From: "2026-12-01", To: "2026-12-31", Weekdays: "月-金", Periods: "9:30-12:30, 13:00-16:00", Capacity: "6", Caregivers: "2"})
	if err != nil {
		t.Fatal(err)
	}
	slots := tpl.Expand()
	// December 2026 has 23 weekdays (Tue 1st .. Thu 31st).
	if len(slots) != 46 {
		t.Fatalf("%d slots, want 46", len(slots))
	}
	if s := slots[0]; s.Date.String() != "2026-12-01" || s.Span() != "9:30-12:30" || s.Capacity != 6 || s.Caregivers != 2 || s.ID != 0 {
		t.Errorf("first slot %+v", s)
	}
	if s := slots[1]; s.Date.String() != "2026-12-01" || s.Span() != "13:00-16:00" {
		t.Errorf("second slot %+v", s)
	}
	if s := slots[45]; s.Date.String() != "2026-12-31" || s.Span() != "13:00-16:00" {
		t.Errorf("last slot %+v", s)
	}
	for _, s := range slots {
		if w := s.Date.Weekday(); w == time.Saturday || w == time.Sunday {
			t.Errorf("slot on a %s: %+v", w, s)
		}
		// every expanded slot is one NewSlot accepts
		if _, err := model.NewSlot(model.SlotInput{Date: s.Date.String(), Start: s.Start.String(), End: s.End.String(), Capacity: s.Capacity, Caregivers: s.Caregivers}); err != nil {
			t.Errorf("expanded slot %+v is not valid: %v", s, err)
		}
	}
	// Expand is pure: the same template gives the same slots again.
	if again := tpl.Expand(); !slices.Equal(again, slots) {
		t.Error("Expand is not repeatable")
	}
	// One day, Saturday only: nothing.
	sat, err := model.NewTemplate(model.TemplateInput{From: "2026-12-01", To: "2026-12-04", Weekdays: "土", Periods: "9:00-10:00", Capacity: "1", Caregivers: "0"})
	if err != nil {
		t.Fatal(err)
	}
	if got := sat.Expand(); len(got) != 0 {
		t.Errorf("Saturday template over Tue-Fri made %v", got)
	}
	if got := (model.SlotTemplate{}).Expand(); got != nil {
		t.Errorf("zero template made %v", got)
	}
}

func TestNewTemplateRefuses(t *testing.T) {
	good := model.TemplateInput{From: "2026-12-01", To: "2026-12-31", Weekdays: "平日", Periods: "9:30-12:30", Capacity: "6", Caregivers: "2"}
	tests := []struct {
		name  string
		edit  func(*model.TemplateInput)
		field string
	}{
		{"bad first day", func(in *model.TemplateInput) { in.From = "12月" }, "from"},
		{"bad last day", func(in *model.TemplateInput) { in.To = "2026-02-30" }, "to"},
		{"backwards", func(in *model.TemplateInput) { in.To = "2026-11-30" }, "to"},
		{"too long", func(in *model.TemplateInput) { in.To = "2027-12-31" }, "to"},
		{"no weekdays", func(in *model.TemplateInput) { in.Weekdays = "" }, "weekdays"},
		{"no periods", func(in *model.TemplateInput) { in.Periods = "午前" }, "periods"},
		{"capacity 0", func(in *model.TemplateInput) { in.Capacity = "0" }, "capacity"},
		{"capacity words", func(in *model.TemplateInput) { in.Capacity = "六" }, "capacity"},
		{"caregivers 51", func(in *model.TemplateInput) { in.Caregivers = "51" }, "caregivers"},
	}
	if _, err := model.NewTemplate(good); err != nil {
		t.Fatal(err)
	}
	long := good
	long.To = "2027-03-03" // 93 days is the most
	if _, err := model.NewTemplate(long); err != nil {
		t.Errorf("92 days: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := good
			tt.edit(&in)
			_, err := model.NewTemplate(in)
			crField(t, err, tt.field)
		})
	}
}

func TestMonthFrom(t *testing.T) {
	for _, tt := range [][2]string{
		{"2026-12-01", "2026-12-31"},
		{"2026-11-25", "2026-12-24"},
		{"2026-01-31", "2026-02-28"},
		{"2028-01-31", "2028-02-29"},
		{"2028-01-29", "2028-02-28"},
		{"2026-12-15", "2027-01-14"},
		{"2026-02-01", "2026-02-28"},
	} {
		if got := model.MonthFrom(crDate(t, tt[0])).String(); got != tt[1] {
			t.Errorf("MonthFrom(%s) = %s, want %s", tt[0], got, tt[1])
		}
	}
}

func TestParseJumpDate(t *testing.T) {
	today := crDate(t, "2026-11-25")
	for _, tt := range []struct{ in, want string }{
		{"2026-12-01", "2026-12-01"},
		{"2027/1/5", "2027-01-05"},
		{"12-1", "2026-12-01"},
		{"12/1", "2026-12-01"},
		{"１２／１", "2026-12-01"},
		{"12月1日", "2026-12-01"},
		{"+7", "2026-12-02"},
		{"-1", "2026-11-24"},
		{"+0", "2026-11-25"},
		{"2/30", ""},
		{"13/1", ""},
		{"", ""},
		{"あした", ""},
		{"+99999", ""},
	} {
		got, err := model.ParseJumpDate(tt.in, today)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseJumpDate(%q) = %s, want refused", tt.in, got)
			} else {
				crField(t, err, "date")
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseJumpDate(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestParsePickups(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []model.PickupPerson
		bad  bool
	}{
		{"", nil, false},
		{"山田 和子（祖母）", []model.PickupPerson{{Name: "山田 和子", Relation: "祖母"}}, false},
		{"山田　和子(祖母)、田中 誠（父）", []model.PickupPerson{{Name: "山田 和子", Relation: "祖母"}, {Name: "田中 誠", Relation: "父"}}, false},
		{"Kazuko Yamada (grandmother), Makoto Tanaka (father)", []model.PickupPerson{{Name: "Kazuko Yamada", Relation: "grandmother"}, {Name: "Makoto Tanaka", Relation: "father"}}, false},
		{"山田 和子", nil, true},
		{"（祖母）", nil, true},
		{"山田 和子（）", nil, true},
		{strings.Repeat("山田 和子（祖母）、", 11), nil, true},
	} {
		got, err := model.ParsePickups(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParsePickups(%q) = %v, want refused", tt.in, got)
			} else {
				crField(t, err, "pickups")
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("ParsePickups(%q) = %+v, %v", tt.in, got, err)
		}
		if back, err := model.ParsePickups(model.FormatPickups(got)); err != nil || !slices.Equal(back, got) {
			t.Errorf("round trip %q: %+v, %v", model.FormatPickups(got), back, err)
		}
	}
}

func TestSlotLoadFreeAndSameTime(t *testing.T) {
	s := model.ChildcareSlot{Date: model.NewDate(2026, 11, 25), Start: 540, End: 720, Capacity: 3}
	for booked, want := range []int{3, 2, 1, 0, 0} {
		if got := (model.SlotLoad{Booked: booked}).Free(s); got != want {
			t.Errorf("Free with %d booked = %d, want %d", booked, got, want)
		}
	}
	o := s
	o.ID, o.Capacity = 9, 6
	if !s.SameTime(o) {
		t.Error("same day and times, other capacity: not SameTime")
	}
	for i, edit := range []func(*model.ChildcareSlot){
		func(x *model.ChildcareSlot) { x.Start = 541 },
		func(x *model.ChildcareSlot) { x.End = 719 },
		func(x *model.ChildcareSlot) { x.Date = x.Date.AddDays(7) },
	} {
		x := s
		edit(&x)
		if s.SameTime(x) {
			t.Errorf("edit %d still SameTime", i)
		}
	}
}
