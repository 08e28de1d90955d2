package model

import (
	"fmt"
	"strings"
	"time"
)

// ChildcareSlot is a キッズスペース枠: a period of a day with a capacity and caregivers on duty.
type ChildcareSlot struct {
	ID         uint64    `json:"id"`
	Date       Date      `json:"date"`
	Start      ClockTime `json:"start"`
	End        ClockTime `json:"end"`
	Capacity   int       `json:"capacity"`   // 定員
	Caregivers int       `json:"caregivers"` // 保育スタッフ数
	Note       string    `json:"note,omitempty"`
}

// SlotInput is what staff type for a slot.
type SlotInput struct {
	Date, Start, End     string
	Capacity, Caregivers int
	Note                 string
}

// NewSlot validates a slot.
func NewSlot(in SlotInput) (ChildcareSlot, error) {
	var errs FieldErrors
	var s ChildcareSlot
	if d, err := ParseDate(in.Date); err != nil {
		errs.add(asError(err))
	} else {
		s.Date = d
	}
	st, err1 := ParseClock(in.Start)
	en, err2 := ParseClock(in.End)
	if err1 != nil {
		errs.add(Invalid("start", "開始時刻は 9:30 の形で入力してください", "Enter the start as H:MM"))
	}
	if err2 != nil {
		errs.add(Invalid("end", "終了時刻は 12:30 の形で入力してください", "Enter the end as H:MM"))
	}
	if err1 == nil && err2 == nil && en <= st {
		errs.add(Invalid("end", "終了時刻は開始時刻より後にしてください", "The end must be after the start"))
	}
	s.Start, s.End = st, en
	if in.Capacity < 1 || in.Capacity > 100 {
		errs.add(Invalid("capacity", "定員は1〜100人で入力してください", "Capacity must be 1 to 100"))
	}
	if in.Caregivers < 0 || in.Caregivers > 50 {
		errs.add(Invalid("caregivers", "保育スタッフ数は0〜50人で入力してください", "Caregivers must be 0 to 50"))
	}
	s.Capacity, s.Caregivers = in.Capacity, in.Caregivers
	s.Note = strings.TrimSpace(in.Note)
	return s, errs.Err()
}

// Overlaps reports whether two slots share any minute on the same day.
func (s ChildcareSlot) Overlaps(o ChildcareSlot) bool {
	return s.Date == o.Date && s.Start < o.End && o.Start < s.End
}

// StartTime and EndTime are the slot's instants.
func (s ChildcareSlot) StartTime() time.Time { return s.Date.At(s.Start) }

// EndTime is the instant the slot ends.
func (s ChildcareSlot) EndTime() time.Time { return s.Date.At(s.End) }

// Span writes 9:30-12:30 (ASCII hyphen: the en dash is East Asian ambiguous width).
func (s ChildcareSlot) Span() string { return s.Start.String() + "-" + s.End.String() }

// BookingStatus is where a booking stands.
type BookingStatus string

// The booking statuses of DOMAIN.md.
const (
	BookingBooked     BookingStatus = "booked"      // 予約
	BookingWaitlisted BookingStatus = "waitlisted"  // 空き待ち
	BookingCancelled  BookingStatus = "cancelled"   // 取消
	BookingDroppedOff BookingStatus = "dropped_off" // 利用中
	BookingPickedUp   BookingStatus = "picked_up"   // お迎え済
	BookingNoShow     BookingStatus = "no_show"     // 無断欠席
)

var bookingLabels = map[BookingStatus]Text{
	BookingBooked:     T("予約", "booked"),
	BookingWaitlisted: T("空き待ち", "waitlisted"),
	BookingCancelled:  T("取消", "cancelled"),
	BookingDroppedOff: T("利用中", "in care"),
	BookingPickedUp:   T("お迎え済", "picked up"),
	BookingNoShow:     T("無断欠席", "no-show"),
}

// Label returns the status as staff call it.
func (s BookingStatus) Label(l Lang) string {
	if t, ok := bookingLabels[s]; ok {
		return t.In(l)
	}
	return string(s)
}

// Occupies reports whether a booking in this status takes a place in the slot.
func (s BookingStatus) Occupies() bool {
	return s == BookingBooked || s == BookingDroppedOff || s == BookingPickedUp
}

// Collector records who collected a child at pick-up.
type Collector struct {
	Name     string `json:"name"`
	Relation string `json:"relation"`
	Override bool   `json:"override,omitempty"` // not an authorised person: staff override
	Reason   string `json:"reason,omitempty"`
}

// Booking is a 予約 of a child into a slot.
type Booking struct {
	ID          uint64        `json:"id"`
	SlotID      uint64        `json:"slot_id"`
	ChildID     uint64        `json:"child_id"`
	BookedBy    uint64        `json:"booked_by"` // the guardian (person id) who asked
	Status      BookingStatus `json:"status"`
	Created     time.Time     `json:"created"`
	DroppedOff  time.Time     `json:"dropped_off,omitzero"`
	PickedUp    time.Time     `json:"picked_up,omitzero"`
	CollectedBy *Collector    `json:"collected_by,omitempty"`
	Note        string        `json:"note,omitempty"`
}

// AgeBand is a childcare ratio band.
type AgeBand int

// The bands of the national nursery standard.
const (
	Band0    AgeBand = iota // 0歳
	Band1to2                // 1・2歳
	Band3                   // 3歳
	Band4up                 // 4歳以上
)

// AgeBands lists the bands in order.
var AgeBands = []AgeBand{Band0, Band1to2, Band3, Band4up}

// BandOf returns the band of a child born on birth, on the day of care.
func BandOf(birth, on Date) AgeBand {
	switch age := birth.AgeOn(on); {
	case age <= 0:
		return Band0
	case age <= 2:
		return Band1to2
	case age == 3:
		return Band3
	default:
		return Band4up
	}
}

// Label returns the band as staff call it.
func (b AgeBand) Label(l Lang) string {
	return [...]Text{T("0歳", "age 0"), T("1・2歳", "age 1-2"), T("3歳", "age 3"), T("4歳以上", "age 4+")}[b].In(l)
}

// Ratio is children per caregiver for each band, and the minimum caregivers whenever a child is
// present.
type Ratio struct {
	PerCaregiver  [4]int `json:"per_caregiver"`
	MinCaregivers int    `json:"min_caregivers"`
}

// DefaultRatio is the national standard for nurseries: 0歳 3:1, 1–2歳 6:1, 3歳 20:1, 4歳以上 30:1,
// and never fewer than 2 caregivers when a child is present.
var DefaultRatio = Ratio{PerCaregiver: [4]int{3, 6, 20, 30}, MinCaregivers: 2}

// Validate checks the ratio settings.
func (r Ratio) Validate() error {
	for _, n := range r.PerCaregiver {
		if n < 1 || n > 60 {
			return Invalid("ratio", "保育の比率は1〜60人で入力してください", "Children per caregiver must be 1 to 60")
		}
	}
	if r.MinCaregivers < 0 || r.MinCaregivers > 20 {
		return Invalid("min_caregivers", "最低保育スタッフ数は0〜20人です", "Minimum caregivers must be 0 to 20")
	}
	return nil
}

// Required returns the caregivers required for the children counted per band:
// ceil(Σ n_band / ratio_band), computed exactly, and never fewer than MinCaregivers when any child
// is present. No children need no caregivers.
func (r Ratio) Required(perBand [4]int) int {
	total := 0
	for _, n := range perBand {
		total += n
	}
	if total == 0 {
		return 0
	}
	// Exact: Σ n_b/r_b = Σ n_b·(L/r_b) / L with L the lcm of the ratios.
	l := 1
	for _, x := range r.PerCaregiver {
		l = lcm(l, max(x, 1))
	}
	num := 0
	for b, n := range perBand {
		num += n * (l / max(r.PerCaregiver[b], 1))
	}
	need := (num + l - 1) / l
	return max(need, r.MinCaregivers)
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func lcm(a, b int) int { return a / gcd(a, b) * b }

// SlotLoad is the children counted in a slot, by band.
type SlotLoad struct {
	Booked, Waitlisted int
	PerBand            [4]int
}

// Admit decides whether one more child of the given band fits the slot: capacity first, then the
// ratio with the caregivers on duty. It returns a reason in both languages when it does not.
func Admit(s ChildcareSlot, load SlotLoad, band AgeBand, r Ratio) (bool, Text) {
	if load.Booked+1 > s.Capacity {
		return false, T(fmt.Sprintf("定員%d人に達しています", s.Capacity), fmt.Sprintf("the slot is full (capacity %d)", s.Capacity))
	}
	pb := load.PerBand
	pb[band]++
	if need := r.Required(pb); need > s.Caregivers {
		return false, T(fmt.Sprintf("保育スタッフが%d人必要です（配置%d人）", need, s.Caregivers),
			fmt.Sprintf("%d caregivers would be needed (%d on duty)", need, s.Caregivers))
	}
	return true, Text{}
}

// AuthorisedCollector reports whether name is the guardian or one of the child's authorised
// pick-up people (names compared after normalisation, spaces ignored).
func AuthorisedCollector(c Child, guardian Person, name string) (PickupPerson, bool) {
	key := func(s string) string { return strings.ReplaceAll(NormalizeName(s), " ", "") }
	n := key(name)
	if n == "" {
		return PickupPerson{}, false
	}
	if n == key(guardian.Name) {
		return PickupPerson{Name: guardian.Name, Relation: "保護者"}, true
	}
	for _, p := range c.Pickups {
		if n == key(p.Name) {
			return p, true
		}
	}
	return PickupPerson{}, false
}

// NewCollector validates who collected a child: an authorised person, or anyone else with an
// override reason.
func NewCollector(c Child, guardian Person, name, relation string, override bool, reason string) (Collector, error) {
	if NormalizeName(name) == "" {
		return Collector{}, Invalid("collector", "お迎えに来た方の氏名を入力してください", "Enter who collected the child")
	}
	if p, ok := AuthorisedCollector(c, guardian, name); ok {
		return Collector{Name: p.Name, Relation: p.Relation}, nil
	}
	if !override {
		return Collector{}, Conflict("この方はお迎え可能者に登録されていません。引き渡すには理由を入力して上書きしてください",
			"This person is not authorised to collect the child; an override with a reason is needed")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Collector{}, Invalid("reason", "上書きの理由を入力してください", "Give a reason for the override")
	}
	return Collector{Name: NormalizeName(name), Relation: NormalizeName(relation), Override: true, Reason: reason}, nil
}

// CanMoveBooking checks a booking status change.
func CanMoveBooking(from, to BookingStatus) error {
	ok := false
	switch to {
	case BookingCancelled:
		ok = from == BookingBooked || from == BookingWaitlisted
	case BookingDroppedOff:
		ok = from == BookingBooked
	case BookingPickedUp:
		ok = from == BookingDroppedOff
	case BookingNoShow:
		ok = from == BookingBooked
	case BookingBooked:
		ok = from == BookingWaitlisted || from == BookingNoShow || from == BookingDroppedOff
	}
	if !ok {
		return Conflict(fmt.Sprintf("「%s」から「%s」には変更できません", from.Label(JA), to.Label(JA)),
			fmt.Sprintf("A booking cannot go from %s to %s", from.Label(EN), to.Label(EN)))
	}
	return nil
}

// SlotFullError says a child does not fit a slot, why, and where they would stand on the
// waitlist; the counter offers the waitlist with that position.
type SlotFullError struct {
	Reason   Text
	Position int // 1-based position the child would take on the waitlist
}

// Error returns the English message.
func (e *SlotFullError) Error() string {
	return fmt.Sprintf("%s; waitlist position %d is free", e.Reason.EN, e.Position)
}

// Message returns the reason and the offer in the given language.
func (e *SlotFullError) Message(l Lang) string {
	return l.Pick(fmt.Sprintf("%s。空き待ち%d番目で登録できます", e.Reason.JA, e.Position),
		fmt.Sprintf("%s; the child can go on the waitlist at position %d", e.Reason.EN, e.Position))
}

// Unwrap makes errors.Is(err, ErrConflict) true.
func (e *SlotFullError) Unwrap() error { return ErrConflict }
