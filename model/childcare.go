package model

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
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
	s.Start, s.End = parseSpan(in.Start, in.End, "9:30", "12:30", &errs)
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

// Code is the band's stable code for exports: "0", "1-2", "3", "4+".
func (b AgeBand) Code() string { return [...]string{"0", "1-2", "3", "4+"}[b] }

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
		return Collector{}, Conflict("この方はお迎え可能者に登録されていません。引き渡すには理由を入力して例外として記録してください",
			"This person is not authorised to collect the child; an override with a reason is needed")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Collector{}, Invalid("reason", "例外として引き渡す理由を入力してください", "Give a reason for the override")
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

// ---- rules the kids screen and the store share ----

// Required returns the caregivers the ratio requires for the children counted in the load.
func (l SlotLoad) Required(r Ratio) int { return r.Required(l.PerBand) }

// Short reports whether the caregivers on duty are fewer than the ratio requires for the
// children booked: the day view marks such a slot.
func (l SlotLoad) Short(s ChildcareSlot, r Ratio) bool { return l.Required(r) > s.Caregivers }

// Free returns the places left under the capacity (never negative).
func (l SlotLoad) Free(s ChildcareSlot) int { return max(s.Capacity-l.Booked, 0) }

// Promotions decides who leaves the waitlist when places open: waiting holds the age bands of the
// waitlisted children in queue order (first booked first). Each is admitted in turn when they fit
// the slot with the children already admitted, so the first waitlisted child who fits goes first
// and a baby who needs a caregiver more does not hold up an older child behind. It returns the
// indexes into waiting, in promotion order.
func Promotions(s ChildcareSlot, load SlotLoad, waiting []AgeBand, r Ratio) []int {
	var out []int
	for i, band := range waiting {
		if ok, _ := Admit(s, load, band, r); ok {
			load.Booked++
			load.Waitlisted--
			load.PerBand[band]++
			out = append(out, i)
		}
	}
	return out
}

// CanBook refuses a booking into a slot that has already ended.
func CanBook(s ChildcareSlot, now time.Time) error {
	if !now.Before(s.EndTime()) {
		return Conflict(fmt.Sprintf("%s %s の枠はすでに終わっています", s.Date, s.Span()),
			fmt.Sprintf("The slot %s %s has already ended", s.Date, s.Span()))
	}
	return nil
}

// DropOffLead is how long before a slot starts a child may be dropped off.
const DropOffLead = 2 * time.Hour

// CanDropOff allows a drop-off from DropOffLead before the slot starts until the end of the
// slot's day: a child dropped off on the wrong day would show as in care (and not picked up) when
// they are not there.
func CanDropOff(s ChildcareSlot, now time.Time) error {
	if now.Before(s.StartTime().Add(-DropOffLead)) || DateOf(now).After(s.Date) {
		return Conflict(fmt.Sprintf("お預かりは枠（%s %s）の開始2時間前から当日中に記録できます", s.Date, s.Span()),
			fmt.Sprintf("A drop-off can be recorded from 2 hours before the slot (%s %s) starts until the end of its day", s.Date, s.Span()))
	}
	return nil
}

// CanMarkNoShow allows 無断欠席 only once the slot has started; before that, the booking is
// cancelled instead.
func CanMarkNoShow(s ChildcareSlot, now time.Time) error {
	if now.Before(s.StartTime()) {
		return Conflict("枠が始まる前は無断欠席にできません。取消にしてください",
			"A booking cannot be a no-show before the slot starts; cancel it instead")
	}
	return nil
}

// CheckSlotEdit checks a changed slot against the children already in it: the capacity cannot go
// below the children booked. (Fewer caregivers than the ratio needs is allowed, since it records
// who is really on duty; the day view marks the slot short.)
func CheckSlotEdit(s ChildcareSlot, load SlotLoad) error {
	if s.Capacity < load.Booked {
		return Invalid("capacity", fmt.Sprintf("予約が%d人あるため、定員を%d人より少なくできません", load.Booked, load.Booked),
			fmt.Sprintf("%d children are booked; the capacity cannot be below %d", load.Booked, load.Booked))
	}
	return nil
}

// Overdue reports whether a child is still in care after the slot's end: the red alert on ホーム.
func (b Booking) Overdue(s ChildcareSlot, now time.Time) bool {
	return b.Status == BookingDroppedOff && !now.Before(s.EndTime())
}

// SameTime reports whether two slots are on the same day at the same start and end.
func (s ChildcareSlot) SameTime(o ChildcareSlot) bool {
	return s.Date == o.Date && s.Start == o.Start && s.End == o.End
}

// GuardianRelation is the relation written for the guardian at pick-up.
const GuardianRelation = "保護者"

// PickupChoices lists who may collect the child without an override: the guardian first, then
// the authorised pick-up people in the order the guardian gave them.
func PickupChoices(c Child, guardian Person) []PickupPerson {
	out := []PickupPerson{{Name: guardian.Name, Relation: GuardianRelation}}
	return append(out, c.Pickups...)
}

// SlotText is a slot as typed in the form: every field a string, numbers included.
type SlotText struct {
	Date, Start, End, Capacity, Caregivers, Note string
}

// NewSlotText validates a slot typed as text (full-width digits are folded), reporting a number
// that is not one beside its field.
func NewSlotText(in SlotText) (ChildcareSlot, error) {
	var errs FieldErrors
	capacity, cerr := atoiField(in.Capacity, "capacity", "定員は数字で入力してください", "Capacity must be a number")
	caregivers, gerr := atoiField(in.Caregivers, "caregivers", "保育スタッフ数は数字で入力してください", "Caregivers must be a number")
	if cerr != nil {
		capacity = 1 // checked; keep NewSlot from adding a second message
	}
	if gerr != nil {
		caregivers = 0
	}
	s, err := NewSlot(SlotInput{Date: in.Date, Start: in.Start, End: in.End, Capacity: capacity, Caregivers: caregivers, Note: in.Note})
	errs.add(cerr)
	errs.add(gerr)
	if fe, ok := err.(FieldErrors); ok {
		errs = append(errs, fe...)
	}
	if len(errs) > 0 {
		return s, sortFields(errs, "date", "start", "end", "capacity", "caregivers")
	}
	if utf8.RuneCountInString(s.Note) > 200 {
		return s, FieldErrors{Invalid("note", "メモは200文字までです", "A note can be at most 200 characters")}
	}
	return s, nil
}

// atoiField reads a small whole number typed by a person.
func atoiField(s, field, ja, en string) (int, *Error) {
	s = strings.TrimSpace(foldASCII(s))
	if !isDigits(s) || len(s) > 4 {
		return 0, Invalid(field, ja, en)
	}
	n, _ := strconv.Atoi(s)
	return n, nil
}

// sortFields orders field errors as the form shows its fields.
func sortFields(errs FieldErrors, order ...string) FieldErrors {
	rank := func(f string) int {
		for i, o := range order {
			if o == f {
				return i
			}
		}
		return len(order)
	}
	sort.SliceStable(errs, func(i, j int) bool { return rank(errs[i].Field) < rank(errs[j].Field) })
	return errs
}

// Period is a start and end time of day, one line of a weekly template.
type Period struct {
	Start, End ClockTime
}

// SlotTemplate is the weekly pattern that makes a month of slots at once: on the chosen
// weekdays between From and To (inclusive), one slot per period.
type SlotTemplate struct {
	From, To   Date
	Weekdays   [7]bool // indexed by time.Weekday
	Periods    []Period
	Capacity   int
	Caregivers int
}

// TemplateInput is the template form as typed.
type TemplateInput struct {
	From, To, Weekdays, Periods, Capacity, Caregivers string
}

// MaxTemplateDays bounds a template's span, so a typo in a year cannot make years of slots.
const MaxTemplateDays = 93

// NewTemplate validates the template form.
func NewTemplate(in TemplateInput) (SlotTemplate, error) {
	var errs FieldErrors
	var t SlotTemplate
	from, err1 := ParseDate(in.From)
	to, err2 := ParseDate(in.To)
	if err1 != nil {
		errs.add(Invalid("from", "開始日は 2026-12-01 の形で入力してください", "Enter the first day as YYYY-MM-DD"))
	}
	if err2 != nil {
		errs.add(Invalid("to", "終了日は 2026-12-31 の形で入力してください", "Enter the last day as YYYY-MM-DD"))
	}
	if err1 == nil && err2 == nil {
		switch {
		case to.Before(from):
			errs.add(Invalid("to", "終了日は開始日以降にしてください", "The last day must not be before the first"))
		case daysBetween(from, to) >= MaxTemplateDays:
			errs.add(Invalid("to", fmt.Sprintf("一度に作れるのは%d日分までです", MaxTemplateDays), fmt.Sprintf("A template can cover at most %d days", MaxTemplateDays)))
		}
	}
	t.From, t.To = from, to
	if wd, err := ParseWeekdays(in.Weekdays); err != nil {
		errs.add(asError(err))
	} else {
		t.Weekdays = wd
	}
	if ps, err := ParsePeriods(in.Periods); err != nil {
		errs.add(asError(err))
	} else {
		t.Periods = ps
	}
	var e *Error
	if t.Capacity, e = atoiField(in.Capacity, "capacity", "定員は数字で入力してください", "Capacity must be a number"); e != nil {
		errs.add(e)
	} else if t.Capacity < 1 || t.Capacity > 100 {
		errs.add(Invalid("capacity", "定員は1〜100人で入力してください", "Capacity must be 1 to 100"))
	}
	if t.Caregivers, e = atoiField(in.Caregivers, "caregivers", "保育スタッフ数は数字で入力してください", "Caregivers must be a number"); e != nil {
		errs.add(e)
	} else if t.Caregivers > 50 {
		errs.add(Invalid("caregivers", "保育スタッフ数は0〜50人で入力してください", "Caregivers must be 0 to 50"))
	}
	return t, errs.Err()
}

func daysBetween(a, b Date) int {
	return int(b.Start().Sub(a.Start()).Hours()+12) / 24
}

// Expand lists the template's slots, day by day and period by period in order. It is pure: the
// store decides which already exist.
func (t SlotTemplate) Expand() []ChildcareSlot {
	var out []ChildcareSlot
	if t.From.IsZero() || t.To.IsZero() {
		return nil
	}
	for d := t.From; !d.After(t.To); d = d.AddDays(1) {
		if !t.Weekdays[d.Weekday()] {
			continue
		}
		for _, p := range t.Periods {
			out = append(out, ChildcareSlot{Date: d, Start: p.Start, End: p.End, Capacity: t.Capacity, Caregivers: t.Caregivers})
		}
	}
	return out
}

var weekdayNames = []struct {
	ja, en string
	day    time.Weekday
}{
	{"日", "sun", time.Sunday}, {"月", "mon", time.Monday}, {"火", "tue", time.Tuesday}, {"水", "wed", time.Wednesday},
	{"木", "thu", time.Thursday}, {"金", "fri", time.Friday}, {"土", "sat", time.Saturday},
}

// ParseWeekdays reads the weekdays of a template: 月火水木金, 月-金, 平日, 土日, 毎日, or
// mon-fri, mon,wed,fri, weekdays, daily. Ranges run forward (金-月 is Friday to Monday).
func ParseWeekdays(s string) ([7]bool, error) {
	var out [7]bool
	bad := Invalid("weekdays", "曜日は「月火水木金」「月-金」「平日」の形で入力してください", "Enter the weekdays as mon-fri, mon,wed,fri or weekdays")
	s = strings.ToLower(strings.TrimSpace(foldASCII(NormalizeName(s))))
	s = strings.NewReplacer("曜日", "", "曜", "", "〜", "-", "~", "-", "－", "-", "ー", "-").Replace(s)
	switch s {
	case "":
		return out, bad
	case "平日", "weekdays", "weekday":
		s = "mon-fri"
	case "毎日", "daily", "everyday", "all":
		s = "sun-sat"
	case "週末", "土日", "weekend", "weekends":
		s = "sat,sun"
	}
	// tokens: a Japanese day is one character; English days are three letters
	var toks []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '、' || r == ' ' || r == '・' || r == '/' }) {
		for part != "" {
			if part[0] == '-' {
				toks = append(toks, "-")
				part = part[1:]
				continue
			}
			if len(part) >= 3 && part[0] < 0x80 {
				toks = append(toks, part[:3])
				part = part[3:]
				continue
			}
			r, n := utf8.DecodeRuneInString(part)
			toks = append(toks, string(r))
			part = part[n:]
		}
		toks = append(toks, ",")
	}
	lookup := func(tok string) (time.Weekday, bool) {
		for _, w := range weekdayNames {
			if tok == w.ja || tok == w.en {
				return w.day, true
			}
		}
		return 0, false
	}
	prev := -1
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		switch tok {
		case ",":
			prev = -1
			continue
		case "-":
			if prev < 0 || i+1 >= len(toks) {
				return out, bad
			}
			end, ok := lookup(toks[i+1])
			if !ok {
				return out, bad
			}
			for d := time.Weekday(prev); ; d = (d + 1) % 7 {
				out[d] = true
				if d == end {
					break
				}
			}
			i++
			prev = -1
			continue
		}
		d, ok := lookup(tok)
		if !ok {
			return out, bad
		}
		out[d] = true
		prev = int(d)
	}
	if out == [7]bool{} {
		return out, bad
	}
	return out, nil
}

// FormatWeekdays writes weekdays as 月火水木金 or mon,tue,wed,thu,fri (Monday first).
func FormatWeekdays(w [7]bool, l Lang) string {
	var ja strings.Builder
	var en []string
	for _, i := range []int{1, 2, 3, 4, 5, 6, 0} {
		if w[i] {
			ja.WriteString(weekdayNames[i].ja)
			en = append(en, weekdayNames[i].en)
		}
	}
	return l.Pick(ja.String(), strings.Join(en, ","))
}

// ParsePeriods reads a template's periods: "9:30-12:30, 13:00-16:00" (、 or spaces between them;
// 〜 or ~ between start and end). Each must end after it starts, and they may not overlap.
func ParsePeriods(s string) ([]Period, error) {
	bad := Invalid("periods", "時間帯は「9:30-12:30, 13:00-16:00」の形で入力してください", "Enter the periods as 9:30-12:30, 13:00-16:00")
	s = strings.NewReplacer("〜", "-", "~", "-", "～", "-", "－", "-", "−", "-", "ー", "-").Replace(foldASCII(s))
	var out []Period
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '、' || r == ' ' || r == ';' }) {
		a, b, ok := strings.Cut(part, "-")
		if !ok {
			return nil, bad
		}
		st, err1 := ParseClock(a)
		en, err2 := ParseClock(b)
		if err1 != nil || err2 != nil {
			return nil, bad
		}
		if en <= st {
			return nil, Invalid("periods", fmt.Sprintf("%s の終了は開始より後にしてください", part), fmt.Sprintf("%s: the end must be after the start", part))
		}
		out = append(out, Period{Start: st, End: en})
	}
	if len(out) == 0 {
		return nil, bad
	}
	if len(out) > 6 {
		return nil, Invalid("periods", "時間帯は6つまでです", "At most 6 periods")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	for i := 1; i < len(out); i++ {
		if out[i].Start < out[i-1].End {
			return nil, Invalid("periods", "時間帯が重なっています", "The periods overlap")
		}
	}
	return out, nil
}

// FormatPeriods writes periods as ParsePeriods reads them.
func FormatPeriods(ps []Period) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Start.String()+"-"+p.End.String())
	}
	return strings.Join(s, ", ")
}

// MonthFrom returns the last day of the month-long span starting on d: the day before the same
// day of the next month (12/1 gives 12/31; 1/31 gives the last day of February).
func MonthFrom(d Date) Date {
	lastNext := NewDate(d.Year, d.Month+2, 0) // the last day of the next month
	if d.Day > lastNext.Day {
		return lastNext
	}
	return NewDate(d.Year, d.Month+1, d.Day).AddDays(-1)
}

// ParseJumpDate reads the date staff type to jump to: 2026-12-01, 12-1, 12/1 or 12月1日 (the
// month and day in today's year), or +7 / -7 days from today.
func ParseJumpDate(s string, today Date) (Date, error) {
	s = strings.TrimSpace(foldASCII(s))
	bad := Invalid("date", "日付は 2026-12-01 か 12/1 の形で入力してください", "Enter the date as YYYY-MM-DD or M/D")
	if s == "" {
		return Date{}, bad
	}
	if (s[0] == '+' || s[0] == '-') && isDigits(s[1:]) && len(s) <= 4 {
		n, _ := strconv.Atoi(s[1:])
		if s[0] == '-' {
			n = -n
		}
		return today.AddDays(n), nil
	}
	if d, err := ParseDate(s); err == nil {
		return d, nil
	}
	s = strings.NewReplacer("月", "-", "日", "", "/", "-").Replace(s)
	m, d, ok := strings.Cut(s, "-")
	if !ok || !isDigits(m) || !isDigits(d) || len(m) > 2 || len(d) > 2 {
		return Date{}, bad
	}
	return ParseDate(fmt.Sprintf("%04d-%s-%s", today.Year, m, d))
}

// ParsePickups reads authorised pick-up people typed on one line: "山田 和子（祖母）、田中 誠(父)".
// Each needs a name and a relation in brackets.
func ParsePickups(s string) ([]PickupPerson, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	bad := Invalid("pickups", "「氏名（続柄）」を、で区切って入力してください", "Enter Name (relation), separated by commas")
	s = strings.NewReplacer("（", "(", "）", ")").Replace(s)
	sep := func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' }
	var out []PickupPerson
	for _, part := range strings.FieldsFunc(s, sep) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		open := strings.IndexByte(part, '(')
		if open <= 0 || !strings.HasSuffix(part, ")") {
			return nil, bad
		}
		name := NormalizeName(part[:open])
		rel := NormalizeName(part[open+1 : len(part)-1])
		if name == "" || rel == "" || utf8.RuneCountInString(name) > MaxNameRunes || utf8.RuneCountInString(rel) > 20 ||
			strings.ContainsFunc(name+rel, func(r rune) bool { return sep(r) || r == '(' || r == ')' || r == utf8.RuneError }) {
			return nil, bad // normalising must not make a separator or a bracket, nor keep broken text
		}
		out = append(out, PickupPerson{Name: name, Relation: rel})
	}
	if len(out) > 10 {
		return nil, Invalid("pickups", "お迎え可能者は10人までです", "At most 10 pick-up people")
	}
	return out, nil
}

// FormatPickups writes pick-up people as ParsePickups reads them.
func FormatPickups(ps []PickupPerson) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Name+"（"+p.Relation+"）")
	}
	return strings.Join(s, "、")
}
