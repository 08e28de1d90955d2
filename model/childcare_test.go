package model_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

func TestBandOf(t *testing.T) {
	tests := []struct {
		birth, on string
		want      model.AgeBand
	}{
		// turning 1 on the day of care counts as 1 that day
		{"2024-11-25", "2025-11-25", model.Band1to2},
		{"2024-11-25", "2025-11-24", model.Band0},
		{"2024-11-25", "2024-11-25", model.Band0}, // born today
		{"2024-11-25", "2024-11-01", model.Band0}, // before birth: never below Band0
		{"2024-11-25", "2025-12-01", model.Band1to2},
		// 2, 3 and 4 on and around their birthdays
		{"2023-11-25", "2025-11-25", model.Band1to2}, // 2
		{"2022-11-25", "2025-11-24", model.Band1to2}, // 2, 3 tomorrow
		{"2022-11-25", "2025-11-25", model.Band3},    // 3
		{"2021-11-26", "2025-11-25", model.Band3},    // 3, 4 tomorrow
		{"2021-11-25", "2025-11-25", model.Band4up},  // 4
		{"2013-11-26", "2025-11-25", model.Band4up},  // 11
		// leap-day birthdays: the birthday is 1 March in common years
		{"2024-02-29", "2025-02-28", model.Band0},
		{"2024-02-29", "2025-03-01", model.Band1to2},
		{"2024-02-29", "2027-02-28", model.Band1to2}, // still 2
		{"2024-02-29", "2027-03-01", model.Band3},
		{"2024-02-29", "2028-02-28", model.Band3}, // 3 the day before the leap birthday
		{"2024-02-29", "2028-02-29", model.Band4up},
		// year boundaries
		{"2024-12-31", "2025-12-31", model.Band1to2},
		{"2024-12-31", "2025-12-30", model.Band0},
		{"2025-01-01", "2025-12-31", model.Band0},
	}
	for _, tt := range tests {
		t.Run(tt.birth+"@"+tt.on, func(t *testing.T) {
			if got := model.BandOf(recDate(t, tt.birth), recDate(t, tt.on)); got != tt.want {
				t.Errorf("BandOf(%s, %s) = %v, want %v", tt.birth, tt.on, got.Label(model.EN), tt.want.Label(model.EN))
			}
		})
	}
	want := [][2]string{{"0歳", "age 0"}, {"1・2歳", "age 1-2"}, {"3歳", "age 3"}, {"4歳以上", "age 4+"}}
	for i, b := range model.AgeBands {
		if b.Label(model.JA) != want[i][0] || b.Label(model.EN) != want[i][1] {
			t.Errorf("band %d labels %q/%q", b, b.Label(model.JA), b.Label(model.EN))
		}
	}
}

func TestRatioRequired(t *testing.T) {
	custom := model.Ratio{PerCaregiver: [4]int{2, 4, 10, 15}, MinCaregivers: 1}
	noMin := model.Ratio{PerCaregiver: [4]int{3, 6, 20, 30}, MinCaregivers: 0}
	tests := []struct {
		name    string
		r       model.Ratio
		perBand [4]int
		want    int
	}{
		{"no children", model.DefaultRatio, [4]int{}, 0},
		{"one 4-year-old: the minimum", model.DefaultRatio, [4]int{0, 0, 0, 1}, 2},
		{"one baby: the minimum", model.DefaultRatio, [4]int{1, 0, 0, 0}, 2},
		{"3 age-0: min 2", model.DefaultRatio, [4]int{3, 0, 0, 0}, 2},
		{"4 age-0", model.DefaultRatio, [4]int{4, 0, 0, 0}, 2},
		{"6 age-0", model.DefaultRatio, [4]int{6, 0, 0, 0}, 2},
		{"7 age-0", model.DefaultRatio, [4]int{7, 0, 0, 0}, 3},
		{"9 age-0", model.DefaultRatio, [4]int{9, 0, 0, 0}, 3},
		{"10 age-0", model.DefaultRatio, [4]int{10, 0, 0, 0}, 4},
		{"2 age-0 + 3 age-1: 2/3+3/6 = 7/6", model.DefaultRatio, [4]int{2, 3, 0, 0}, 2},
		{"6 age-0 + 6 age-1-2: 2+1", model.DefaultRatio, [4]int{6, 6, 0, 0}, 3},
		{"6 age-0 + 1 age-4: 2+1/30", model.DefaultRatio, [4]int{6, 0, 0, 1}, 3},
		{"12 age-1-2", model.DefaultRatio, [4]int{0, 12, 0, 0}, 2},
		{"13 age-1-2", model.DefaultRatio, [4]int{0, 13, 0, 0}, 3},
		{"20 age-3 + 30 age-4: exactly 2", model.DefaultRatio, [4]int{0, 0, 20, 30}, 2},
		{"41 age-3", model.DefaultRatio, [4]int{0, 0, 41, 0}, 3},
		{"one of each: 1/3+1/6+1/20+1/30 = 7/12", model.DefaultRatio, [4]int{1, 1, 1, 1}, 2},
		{"MinCaregivers 0: one child needs one", noMin, [4]int{0, 0, 0, 1}, 1},
		{"MinCaregivers 0: 3 babies need one", noMin, [4]int{3, 0, 0, 0}, 1},
		{"MinCaregivers 0: 4 babies need two", noMin, [4]int{4, 0, 0, 0}, 2},
		{"MinCaregivers 0: nobody needs none", noMin, [4]int{}, 0},
		{"custom 2/4/10/15 min 1: one baby", custom, [4]int{1, 0, 0, 0}, 1},
		{"custom: 3 babies", custom, [4]int{3, 0, 0, 0}, 2},
		{"custom: 2 babies + 4 toddlers", custom, [4]int{2, 4, 0, 0}, 2},
		{"custom: 2 babies + 5 toddlers", custom, [4]int{2, 5, 0, 0}, 3},
		{"one-to-one", model.Ratio{PerCaregiver: [4]int{1, 1, 1, 1}}, [4]int{1, 2, 3, 4}, 10},
		{"high minimum wins", model.Ratio{PerCaregiver: [4]int{3, 6, 20, 30}, MinCaregivers: 5}, [4]int{1, 0, 0, 0}, 5},
		{"coprime ratios: 1/7+1/11+1/13+1/17 < 1", model.Ratio{PerCaregiver: [4]int{7, 11, 13, 17}}, [4]int{1, 1, 1, 1}, 1},
		{"coprime ratios exact: 7/7+11/11", model.Ratio{PerCaregiver: [4]int{7, 11, 13, 17}}, [4]int{7, 11, 0, 0}, 2},
		{"zero ratio treated as 1, no panic", model.Ratio{PerCaregiver: [4]int{0, 6, 20, 30}}, [4]int{2, 0, 0, 0}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Required(tt.perBand); got != tt.want {
				t.Errorf("%+v.Required(%v) = %d, want %d", tt.r, tt.perBand, got, tt.want)
			}
		})
	}
	if model.DefaultRatio != (model.Ratio{PerCaregiver: [4]int{3, 6, 20, 30}, MinCaregivers: 2}) {
		t.Errorf("DefaultRatio = %+v", model.DefaultRatio)
	}
}

func TestRatioValidate(t *testing.T) {
	tests := []struct {
		name  string
		r     model.Ratio
		field string
	}{
		{"default", model.DefaultRatio, ""},
		{"limits", model.Ratio{PerCaregiver: [4]int{1, 60, 1, 60}, MinCaregivers: 20}, ""},
		{"min 0", model.Ratio{PerCaregiver: [4]int{3, 6, 20, 30}}, ""},
		{"zero ratio", model.Ratio{PerCaregiver: [4]int{0, 6, 20, 30}, MinCaregivers: 2}, "ratio"},
		{"ratio 61", model.Ratio{PerCaregiver: [4]int{3, 6, 20, 61}, MinCaregivers: 2}, "ratio"},
		{"negative ratio", model.Ratio{PerCaregiver: [4]int{3, -6, 20, 30}, MinCaregivers: 2}, "ratio"},
		{"negative min", model.Ratio{PerCaregiver: [4]int{3, 6, 20, 30}, MinCaregivers: -1}, "min_caregivers"},
		{"min 21", model.Ratio{PerCaregiver: [4]int{3, 6, 20, 30}, MinCaregivers: 21}, "min_caregivers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			if tt.field == "" {
				if err != nil {
					t.Errorf("Validate = %v", err)
				}
				return
			}
			recErrorField(t, err, tt.field, model.ErrInvalid)
		})
	}
}

func TestAdmit(t *testing.T) {
	slot := func(capacity, caregivers int) model.ChildcareSlot {
		return model.ChildcareSlot{Capacity: capacity, Caregivers: caregivers}
	}
	tests := []struct {
		name   string
		slot   model.ChildcareSlot
		load   model.SlotLoad
		band   model.AgeBand
		r      model.Ratio
		ok     bool
		reason string // substring of the Japanese reason
	}{
		{"empty slot, first baby", slot(10, 2), model.SlotLoad{}, model.Band0, model.DefaultRatio, true, ""},
		{"empty slot, one caregiver short of the minimum", slot(10, 1), model.SlotLoad{}, model.Band4up, model.DefaultRatio, false, "保育スタッフが2人必要です（配置1人）"},
		{"no caregivers at all", slot(10, 0), model.SlotLoad{}, model.Band4up, model.DefaultRatio, false, "保育スタッフが2人必要です（配置0人）"},
		{"no caregivers, no minimum still needs one", slot(10, 0), model.SlotLoad{}, model.Band4up, model.Ratio{PerCaregiver: [4]int{3, 6, 20, 30}}, false, "保育スタッフが1人必要です（配置0人）"},
		{"last place", slot(3, 2), model.SlotLoad{Booked: 2, PerBand: [4]int{0, 2, 0, 0}}, model.Band1to2, model.DefaultRatio, true, ""},
		{"full", slot(3, 2), model.SlotLoad{Booked: 3, PerBand: [4]int{0, 3, 0, 0}}, model.Band1to2, model.DefaultRatio, false, "定員3人に達しています"},
		{"capacity is checked before the ratio", slot(6, 2), model.SlotLoad{Booked: 6, PerBand: [4]int{6, 0, 0, 0}}, model.Band0, model.DefaultRatio, false, "定員6人"},
		{"over capacity already", slot(2, 5), model.SlotLoad{Booked: 4}, model.Band4up, model.DefaultRatio, false, "定員2人"},
		{"capacity 0", slot(0, 5), model.SlotLoad{}, model.Band4up, model.DefaultRatio, false, "定員0人"},
		{"6th baby fits two caregivers", slot(10, 2), model.SlotLoad{Booked: 5, PerBand: [4]int{5, 0, 0, 0}}, model.Band0, model.DefaultRatio, true, ""},
		{"7th baby needs a third", slot(10, 2), model.SlotLoad{Booked: 6, PerBand: [4]int{6, 0, 0, 0}}, model.Band0, model.DefaultRatio, false, "保育スタッフが3人必要です（配置2人）"},
		{"even a 4-year-old tips 6 babies over", slot(10, 2), model.SlotLoad{Booked: 6, PerBand: [4]int{6, 0, 0, 0}}, model.Band4up, model.DefaultRatio, false, "3人必要"},
		{"7th baby with three caregivers", slot(10, 3), model.SlotLoad{Booked: 6, PerBand: [4]int{6, 0, 0, 0}}, model.Band0, model.DefaultRatio, true, ""},
		{"waitlisted children do not count", slot(3, 2), model.SlotLoad{Booked: 2, Waitlisted: 10, PerBand: [4]int{2, 0, 0, 0}}, model.Band0, model.DefaultRatio, true, ""},
		{"custom 1:1 ratio", slot(10, 2), model.SlotLoad{Booked: 2, PerBand: [4]int{0, 0, 1, 1}}, model.Band3, model.Ratio{PerCaregiver: [4]int{1, 1, 1, 1}}, false, "保育スタッフが3人必要です"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, why := model.Admit(tt.slot, tt.load, tt.band, tt.r)
			if ok != tt.ok {
				t.Fatalf("Admit = %v (%+v), want %v", ok, why, tt.ok)
			}
			if ok {
				if why != (model.Text{}) {
					t.Errorf("admitted with a reason %+v", why)
				}
				return
			}
			recCheckText(t, why)
			if !strings.Contains(why.JA, tt.reason) {
				t.Errorf("reason JA = %q, want it to contain %q", why.JA, tt.reason)
			}
		})
	}
}

func TestAuthorisedCollector(t *testing.T) {
	guardian := model.Person{ID: 1, Name: "山田 花子", Reading: "やまだ はなこ"}
	child := model.Child{ID: 2, GuardianID: 1, Name: "山田 太郎", Pickups: []model.PickupPerson{
		{Name: "山田 和子", Relation: "祖母"},
		{Name: "ヤマダ ケン", Relation: "父"},
	}}
	gp := model.PickupPerson{Name: "山田 花子", Relation: "保護者"}
	tests := []struct {
		name string
		in   string
		want model.PickupPerson
		ok   bool
	}{
		{"guardian as registered", "山田 花子", gp, true},
		{"guardian without the space", "山田花子", gp, true},
		{"guardian with a full-width space", "山田　花子", gp, true},
		{"guardian padded with spaces", "  山田  花子　", gp, true},
		{"guardian with a tab", "山田\t花子", gp, true},
		{"grandmother without the space", "山田和子", model.PickupPerson{Name: "山田 和子", Relation: "祖母"}, true},
		{"father in half-width kana", "ﾔﾏﾀﾞ ｹﾝ", model.PickupPerson{Name: "ヤマダ ケン", Relation: "父"}, true},
		{"father in half-width kana, no space", "ﾔﾏﾀﾞｹﾝ", model.PickupPerson{Name: "ヤマダ ケン", Relation: "父"}, true},
		{"stranger", "佐藤 一郎", model.PickupPerson{}, false},
		{"family name only", "山田", model.PickupPerson{}, false},
		{"the child", "山田 太郎", model.PickupPerson{}, false},
		{"guardian's reading is not her name", "やまだ はなこ", model.PickupPerson{}, false},
		{"empty", "", model.PickupPerson{}, false},
		{"only spaces", "　 ", model.PickupPerson{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := model.AuthorisedCollector(child, guardian, tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("AuthorisedCollector(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
	// A guardian with no name on file is never matched by an empty name.
	if _, ok := model.AuthorisedCollector(model.Child{}, model.Person{}, ""); ok {
		t.Error("empty name matched an empty guardian")
	}
}

func TestNewCollector(t *testing.T) {
	guardian := model.Person{ID: 1, Name: "山田 花子"}
	child := model.Child{ID: 2, GuardianID: 1, Pickups: []model.PickupPerson{{Name: "山田 和子", Relation: "祖母"}}}
	tests := []struct {
		name          string
		who, relation string
		override      bool
		reason        string
		want          model.Collector
		kind          error  // nil: ok
		field         string // for ErrInvalid
	}{
		{"guardian", "山田花子", "", false, "", model.Collector{Name: "山田 花子", Relation: "保護者"}, nil, ""},
		{"guardian, relation typed is ignored", "山田　花子", "母", false, "", model.Collector{Name: "山田 花子", Relation: "保護者"}, nil, ""},
		{"authorised grandmother", "山田 和子", "", false, "", model.Collector{Name: "山田 和子", Relation: "祖母"}, nil, ""},
		{"authorised person with a needless override", "山田和子", "祖母", true, "念のため", model.Collector{Name: "山田 和子", Relation: "祖母"}, nil, ""},
		{"stranger refused", "佐藤 一郎", "叔父", false, "", model.Collector{}, model.ErrConflict, ""},
		{"stranger refused even with a reason but no override", "佐藤 一郎", "叔父", false, "母から電話", model.Collector{}, model.ErrConflict, ""},
		{"override without a reason", "佐藤 一郎", "叔父", true, "", model.Collector{}, model.ErrInvalid, "reason"},
		{"override with a blank reason", "佐藤 一郎", "叔父", true, "　 ", model.Collector{}, model.ErrInvalid, "reason"},
		{"override with a reason", "佐藤　一郎", " 叔父 ", true, " 母から電話で依頼あり ",
			model.Collector{Name: "佐藤 一郎", Relation: "叔父", Override: true, Reason: "母から電話で依頼あり"}, nil, ""},
		{"override, half-width kana", "ｻﾄｳ ｲﾁﾛｳ", "ｵｼﾞ", true, "保護者の依頼",
			model.Collector{Name: "サトウ イチロウ", Relation: "オジ", Override: true, Reason: "保護者の依頼"}, nil, ""},
		{"no name", "", "", false, "", model.Collector{}, model.ErrInvalid, "collector"},
		{"no name even with override", "　", "", true, "理由", model.Collector{}, model.ErrInvalid, "collector"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := model.NewCollector(child, guardian, tt.who, tt.relation, tt.override, tt.reason)
			switch tt.kind {
			case nil:
				if err != nil || got != tt.want {
					t.Errorf("NewCollector = %+v, %v; want %+v", got, err, tt.want)
				}
			case model.ErrConflict:
				recErrorField(t, err, "", model.ErrConflict)
				if errors.Is(err, model.ErrInvalid) {
					t.Error("a refusal is a conflict, not invalid input")
				}
			default:
				recErrorField(t, err, tt.field, tt.kind)
			}
		})
	}
}

var allBookingStatuses = []model.BookingStatus{
	model.BookingBooked, model.BookingWaitlisted, model.BookingCancelled,
	model.BookingDroppedOff, model.BookingPickedUp, model.BookingNoShow,
}

func TestCanMoveBooking(t *testing.T) {
	// Exactly the legal moves; every other pair over all statuses is refused.
	legal := map[[2]model.BookingStatus]bool{
		{model.BookingBooked, model.BookingCancelled}:     true, // 取消
		{model.BookingWaitlisted, model.BookingCancelled}: true, // 空き待ちの取消
		{model.BookingBooked, model.BookingDroppedOff}:    true, // 預かり
		{model.BookingDroppedOff, model.BookingPickedUp}:  true, // お迎え
		{model.BookingBooked, model.BookingNoShow}:        true, // 無断欠席
		{model.BookingWaitlisted, model.BookingBooked}:    true, // 繰り上げ
		{model.BookingNoShow, model.BookingBooked}:        true, // 無断欠席の取り消し
		{model.BookingDroppedOff, model.BookingBooked}:    true, // 預かりの取り消し
	}
	n := 0
	for _, from := range allBookingStatuses {
		for _, to := range allBookingStatuses {
			err := model.CanMoveBooking(from, to)
			if legal[[2]model.BookingStatus{from, to}] {
				n++
				if err != nil {
					t.Errorf("CanMoveBooking(%s, %s) = %v, want legal", from, to, err)
				}
				continue
			}
			if err == nil {
				t.Errorf("CanMoveBooking(%s, %s) allowed, want refused", from, to)
				continue
			}
			me := recErrorField(t, err, "", model.ErrConflict)
			if !strings.Contains(me.Msg.JA, from.Label(model.JA)) || !strings.Contains(me.Msg.EN, from.Label(model.EN)) {
				t.Errorf("CanMoveBooking(%s, %s) message %+v does not name the status", from, to, me.Msg)
			}
		}
	}
	if n != len(legal) {
		t.Errorf("checked %d legal moves, table has %d", n, len(legal))
	}
	// Unknown statuses never move.
	for _, s := range allBookingStatuses {
		if model.CanMoveBooking("", s) == nil || model.CanMoveBooking(s, "bogus") == nil {
			t.Errorf("move with an unknown status allowed around %s", s)
		}
	}
}

func TestBookingStatusOccupiesAndLabels(t *testing.T) {
	occupies := map[model.BookingStatus]bool{
		model.BookingBooked: true, model.BookingDroppedOff: true, model.BookingPickedUp: true,
	}
	ja := map[string]bool{}
	for _, s := range allBookingStatuses {
		if got := s.Occupies(); got != occupies[s] {
			t.Errorf("%s.Occupies() = %v", s, got)
		}
		if s.Label(model.JA) == string(s) || s.Label(model.EN) == "" || ja[s.Label(model.JA)] {
			t.Errorf("%s labels %q/%q", s, s.Label(model.JA), s.Label(model.EN))
		}
		ja[s.Label(model.JA)] = true
	}
	if got := model.BookingStatus("bogus").Label(model.JA); got != "bogus" {
		t.Errorf("unknown label = %q", got)
	}
}

func TestNewSlot(t *testing.T) {
	ok := model.SlotInput{Date: "2025-04-01", Start: "9:30", End: "12:30", Capacity: 10, Caregivers: 2}
	tests := []struct {
		name string
		mod  func(*model.SlotInput)
		errs []string
	}{
		{"valid", func(*model.SlotInput) {}, nil},
		{"full-width times", func(in *model.SlotInput) { in.Start, in.End = "９：３０", "１２：３０" }, nil},
		{"full-width date", func(in *model.SlotInput) { in.Date = "２０２５－０４－０１" }, nil},
		{"slashes", func(in *model.SlotInput) { in.Date = "2025/4/1" }, nil},
		{"compact and padded times", func(in *model.SlotInput) { in.Start, in.End = " 0930 ", "1230" }, nil},
		{"no caregivers yet", func(in *model.SlotInput) { in.Caregivers = 0 }, nil},
		{"limits", func(in *model.SlotInput) { in.Capacity, in.Caregivers = 100, 50 }, nil},
		{"capacity 1", func(in *model.SlotInput) { in.Capacity = 1 }, nil},

		{"end before start", func(in *model.SlotInput) { in.Start, in.End = "12:30", "9:30" }, []string{"end"}},
		{"end equals start", func(in *model.SlotInput) { in.End = "9:30" }, []string{"end"}},
		{"capacity 0", func(in *model.SlotInput) { in.Capacity = 0 }, []string{"capacity"}},
		{"capacity negative", func(in *model.SlotInput) { in.Capacity = -3 }, []string{"capacity"}},
		{"capacity 101", func(in *model.SlotInput) { in.Capacity = 101 }, []string{"capacity"}},
		{"caregivers negative", func(in *model.SlotInput) { in.Caregivers = -1 }, []string{"caregivers"}},
		{"caregivers 51", func(in *model.SlotInput) { in.Caregivers = 51 }, []string{"caregivers"}},
		{"bad date", func(in *model.SlotInput) { in.Date = "4月1日" }, []string{"date"}},
		{"no such date", func(in *model.SlotInput) { in.Date = "2025-04-31" }, []string{"date"}},
		{"Japanese start", func(in *model.SlotInput) { in.Start = "9時半" }, []string{"start"}},
		{"minutes out of range", func(in *model.SlotInput) { in.End = "12:60" }, []string{"end"}},
		{"empty", func(in *model.SlotInput) { *in = model.SlotInput{} }, []string{"date", "start", "end", "capacity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.mod(&in)
			s, err := model.NewSlot(in)
			recCheckFields(t, err, tt.errs)
			if len(tt.errs) > 0 {
				return
			}
			if s.Date != recDate(t, "2025-04-01") || s.Capacity != in.Capacity || s.Caregivers != in.Caregivers {
				t.Errorf("slot = %+v", s)
			}
			if in.Start != "12:30" && (s.Start != 9*60+30 || s.End != 12*60+30 || s.Span() != "9:30-12:30") {
				t.Errorf("times = %v–%v (%s)", s.Start, s.End, s.Span())
			}
		})
	}
}

func TestSlotTimesAndOverlap(t *testing.T) {
	d := recDate(t, "2025-04-01")
	s := model.ChildcareSlot{Date: d, Start: 9*60 + 30, End: 12*60 + 30}
	if got := s.StartTime(); !got.Equal(time.Date(2025, 4, 1, 0, 30, 0, 0, time.UTC)) {
		t.Errorf("StartTime = %v", got)
	}
	if got := s.EndTime(); !got.Equal(time.Date(2025, 4, 1, 3, 30, 0, 0, time.UTC)) {
		t.Errorf("EndTime = %v", got)
	}
	tests := []struct {
		o    model.ChildcareSlot
		want bool
	}{
		{model.ChildcareSlot{Date: d, Start: 12*60 + 30, End: 15 * 60}, false}, // back to back
		{model.ChildcareSlot{Date: d, Start: 8 * 60, End: 9*60 + 30}, false},
		{model.ChildcareSlot{Date: d, Start: 12 * 60, End: 13 * 60}, true},
		{model.ChildcareSlot{Date: d, Start: 10 * 60, End: 11 * 60}, true},
		{model.ChildcareSlot{Date: d, Start: 8 * 60, End: 18 * 60}, true},
		{model.ChildcareSlot{Date: d.AddDays(1), Start: 10 * 60, End: 11 * 60}, false},
	}
	for _, tt := range tests {
		if got := s.Overlaps(tt.o); got != tt.want {
			t.Errorf("Overlaps(%s %s) = %v", tt.o.Date, tt.o.Span(), got)
		}
		if got := tt.o.Overlaps(s); got != tt.want {
			t.Errorf("Overlaps is not symmetric for %s %s", tt.o.Date, tt.o.Span())
		}
	}
}

func TestSlotFullError(t *testing.T) {
	e := &model.SlotFullError{Reason: model.T("定員3人に達しています", "the slot is full (capacity 3)"), Position: 2}
	var err error = fmt.Errorf("book: %w", e)
	if !errors.Is(err, model.ErrConflict) {
		t.Error("SlotFullError is not a conflict")
	}
	var sf *model.SlotFullError
	if !errors.As(err, &sf) || sf.Position != 2 {
		t.Fatal("errors.As lost the SlotFullError")
	}
	if got := sf.Message(model.JA); got != "定員3人に達しています。空き待ち2番目で登録できます" {
		t.Errorf("Message(JA) = %q", got)
	}
	if got := sf.Message(model.EN); !strings.Contains(got, "position 2") || !strings.Contains(got, "capacity 3") {
		t.Errorf("Message(EN) = %q", got)
	}
	if !strings.Contains(e.Error(), "position 2") {
		t.Errorf("Error() = %q", e.Error())
	}
}
