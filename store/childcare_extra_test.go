package store

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// Tests of the kids screen's store methods and rules: the day read, the template, slot edits
// that re-check the ratio, waitlist order, pick-up authorisation, and the time rules of drop-off,
// no-show and booking. Helpers are prefixed kx so they never meet the other test files' names.

// kxDay is Wednesday 25 November 2026.
var kxDay = model.NewDate(2026, time.November, 25)

// kxClock is a settable clock.
type kxClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *kxClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *kxClock) set(d model.Date, hhmm string) {
	c.mu.Lock()
	c.t = d.At(kxClk(hhmm))
	c.mu.Unlock()
}

func kxClk(hhmm string) model.ClockTime {
	c, err := model.ParseClock(hhmm)
	if err != nil {
		panic(err)
	}
	return c
}

func kxOpen(t *testing.T, d model.Date, hhmm string) (*Store, *kxClock) {
	t.Helper()
	c := &kxClock{}
	c.set(d, hhmm)
	s, err := Open(filepath.Join(t.TempDir(), "kids.db"), Options{Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetStaff("受付 佐藤")
	return s, c
}

func kxMust[T any](t *testing.T) func(v T, err error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func kxPerson(t *testing.T, s *Store, name, reading string) model.Person {
	t.Helper()
	p, err := model.NewPerson(model.PersonInput{Name: name, Reading: reading})
	if err != nil {
		t.Fatal(err)
	}
	return kxMust[model.Person](t)(s.CreatePerson(p))
}

func kxChild(t *testing.T, s *Store, guardian uint64, name, birth string, pickups ...model.PickupPerson) model.Child {
	t.Helper()
	c, err := model.NewChild(model.ChildInput{GuardianID: guardian, Name: name, Reading: "こども", BirthDate: birth, Pickups: pickups}, kxDay)
	if err != nil {
		t.Fatal(err)
	}
	return kxMust[model.Child](t)(s.CreateChild(c))
}

func kxSlot(t *testing.T, s *Store, d model.Date, start, end string, capacity, caregivers int) model.ChildcareSlot {
	t.Helper()
	sl := model.ChildcareSlot{Date: d, Start: kxClk(start), End: kxClk(end), Capacity: capacity, Caregivers: caregivers}
	return kxMust[model.ChildcareSlot](t)(s.CreateSlot(sl))
}

// kxAudit returns the audit actions about a record, oldest first.
func kxAudit(t *testing.T, s *Store, kind model.Kind, id uint64) []string {
	t.Helper()
	es, err := s.Audit(AuditFilter{Kind: kind, Ref: ref(id)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := len(es) - 1; i >= 0; i-- {
		out = append(out, es[i].Action)
	}
	return out
}

// kxRefused runs op, wants an error of the kind, and checks nothing was written (no new audit
// entry: every change writes one).
func kxRefused(t *testing.T, s *Store, kind error, op func() error) error {
	t.Helper()
	before, _ := s.Audit(AuditFilter{Limit: 1 << 20})
	err := op()
	if !errors.Is(err, kind) {
		t.Fatalf("err = %v, want %v", err, kind)
	}
	if m := model.Message(err, model.JA); m == "" || m == model.Message(err, model.EN) {
		t.Errorf("message not in both languages: %q", m)
	}
	after, _ := s.Audit(AuditFilter{Limit: 1 << 20})
	if len(after) != len(before) {
		t.Errorf("a refused change wrote %d audit entries", len(after)-len(before))
	}
	return err
}

func kxStatus(t *testing.T, s *Store, id uint64) model.BookingStatus {
	t.Helper()
	return kxMust[model.Booking](t)(s.Booking(id)).Status
}

func TestKidsDay(t *testing.T) {
	s, _ := kxOpen(t, kxDay, "9:00")
	in := kxPerson(t, s, "山田 花子", "やまだ はなこ")
	out := kxPerson(t, s, "高橋 恵子", "たかはし けいこ")
	a := kxChild(t, s, in.ID, "山田 陽翔", "2024-10-01")
	b := kxChild(t, s, out.ID, "高橋 芽依", "2025-04-01")
	pm := kxSlot(t, s, kxDay, "13:00", "16:00", 6, 2)
	am := kxSlot(t, s, kxDay, "9:30", "12:30", 6, 2)
	kxSlot(t, s, kxDay.AddDays(1), "9:30", "12:30", 6, 2)
	ba := kxMust[model.Booking](t)(s.Book(am.ID, a.ID, in.ID, false))
	kxMust[model.Booking](t)(s.Book(pm.ID, b.ID, out.ID, false))
	kxMust[model.Visit](t)(s.CheckIn(in.ID, model.PurposeCoworking))
	kxMust[model.Booking](t)(s.DropOff(ba.ID))
	st := kxMust[model.Settings](t)(s.Settings())
	st.Ratio.PerCaregiver[model.Band1to2] = 5
	if err := s.SaveSettings(st); err != nil {
		t.Fatal(err)
	}

	d, err := s.KidsDay(kxDay)
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != kxDay || len(d.Slots) != 2 || d.Slots[0].Slot.ID != am.ID || d.Slots[1].Slot.ID != pm.ID {
		t.Fatalf("slots %+v", d.Slots)
	}
	if d.Ratio.PerCaregiver[model.Band1to2] != 5 {
		t.Errorf("ratio %+v, want the saved setting", d.Ratio)
	}
	if !d.GuardiansIn[in.ID] || d.GuardiansIn[out.ID] {
		t.Errorf("GuardiansIn = %v", d.GuardiansIn)
	}
	if len(d.InCare) != 1 || d.InCare[0].Booking.ID != ba.ID || d.InCare[0].Slot.ID != am.ID {
		t.Errorf("InCare = %+v", d.InCare)
	}
	empty, err := s.KidsDay(kxDay.AddDays(2))
	if err != nil || len(empty.Slots) != 0 || len(empty.InCare) != 1 {
		t.Errorf("a day without slots: %+v, %v", empty, err)
	}

	if ok, err := s.GuardianIn(in.ID); err != nil || !ok {
		t.Errorf("GuardianIn(checked in) = %v, %v", ok, err)
	}
	if ok, err := s.GuardianIn(out.ID); err != nil || ok {
		t.Errorf("GuardianIn(not in) = %v, %v", ok, err)
	}
}

// TestCreateNewSlotsFromTemplate: the weekly template makes a month of slots at once, and
// running it again makes no duplicates.
func TestCreateNewSlotsFromTemplate(t *testing.T) {
	s, _ := kxOpen(t, kxDay, "9:00")
	existing := kxSlot(t, s, model.NewDate(2026, 12, 1), "9:30", "12:30", 3, 1)
	kxSlot(t, s, model.NewDate(2026, 12, 2), "9:00", "12:00", 3, 1) // other times: kept beside
	tpl, err := model.NewTemplate(model.TemplateInput{From: "2026-12-01", To: "2026-12-31", Weekdays: "平日", Periods: "9:30-12:30, 13:00-16:00", Capacity: "6", Caregivers: "2"})
	if err != nil {
		t.Fatal(err)
	}
	created, skipped, err := s.CreateNewSlots(tpl.Expand())
	if err != nil {
		t.Fatal(err)
	}
	if len(created) != 45 || len(skipped) != 1 || !skipped[0].SameTime(existing) {
		t.Fatalf("created %d, skipped %+v", len(created), skipped)
	}
	for _, sl := range created {
		if sl.ID == 0 {
			t.Fatalf("created slot without an id: %+v", sl)
		}
		if got := kxAudit(t, s, model.KindSlot, sl.ID); !slices.Equal(got, []string{"create"}) {
			t.Fatalf("audit of slot %d: %v", sl.ID, got)
		}
	}
	dec2, _ := s.SlotsOn(model.NewDate(2026, 12, 2))
	if len(dec2) != 3 {
		t.Errorf("2 Dec has %d slots, want 3", len(dec2))
	}
	again, skipped, err := s.CreateNewSlots(tpl.Expand())
	if err != nil || len(again) != 0 || len(skipped) != 46 {
		t.Errorf("second run created %d, skipped %d, %v", len(again), len(skipped), err)
	}
	// Duplicates inside one batch are skipped too.
	one := model.ChildcareSlot{Date: model.NewDate(2027, 1, 4), Start: 600, End: 660, Capacity: 1, Caregivers: 2}
	created, skipped, err = s.CreateNewSlots([]model.ChildcareSlot{one, one})
	if err != nil || len(created) != 1 || len(skipped) != 1 {
		t.Errorf("batch with a duplicate: %d created, %d skipped, %v", len(created), len(skipped), err)
	}
}

// TestUpdateSlotRechecksTheRatio: changing the caregivers on duty promotes waitlisted children who
// now fit, in queue order, and says who; fewer caregivers is recorded and the slot shows short.
func TestUpdateSlotRechecksTheRatio(t *testing.T) {
	s, _ := kxOpen(t, kxDay, "8:00")
	m := kxPerson(t, s, "中村 優子", "なかむら ゆうこ")
	sl := kxSlot(t, s, kxDay, "9:30", "12:30", 10, 2)
	var babies []model.Booking
	for i := 0; i < 9; i++ {
		k := kxChild(t, s, m.ID, "赤ちゃん", "2026-0"+string(rune('1'+i))+"-01")
		babies = append(babies, kxMust[model.Booking](t)(s.Book(sl.ID, k.ID, m.ID, true)))
	}
	older := kxChild(t, s, m.ID, "年長さん", "2020-06-01")
	olderB := kxMust[model.Booking](t)(s.Book(sl.ID, older.ID, m.ID, true))
	for i, b := range babies {
		want := model.BookingBooked
		if i >= 6 {
			want = model.BookingWaitlisted
		}
		if b.Status != want {
			t.Fatalf("baby %d is %s", i+1, b.Status)
		}
	}
	if olderB.Status != model.BookingWaitlisted {
		t.Fatalf("the 4-year-old behind six babies is %s", olderB.Status)
	}

	// A third caregiver: 9/3, so the three waiting babies fit, in queue order.
	up := sl
	up.Caregivers = 3
	promoted, err := s.UpdateSlot(up)
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for _, b := range promoted {
		ids = append(ids, b.ID)
		if b.Status != model.BookingBooked {
			t.Errorf("promoted booking %+v", b)
		}
	}
	if !slices.Equal(ids, []uint64{babies[6].ID, babies[7].ID, babies[8].ID}) {
		t.Fatalf("promoted %v, want the three waiting babies in queue order", ids)
	}
	// 9/3 + 1/30 > 3: the older child still waits, now first.
	if pos, _ := s.WaitlistPosition(olderB.ID); pos != 1 {
		t.Errorf("older child at %d", pos)
	}
	if got := kxAudit(t, s, model.KindBooking, babies[6].ID); !slices.Equal(got, []string{"book", "promote"}) {
		t.Errorf("audit of a promoted booking: %v", got)
	}

	// Back to two caregivers (one went home): allowed, and the slot is short.
	down := up
	down.Caregivers = 2
	if p, err := s.UpdateSlot(down); err != nil || len(p) != 0 {
		t.Fatalf("fewer caregivers: %v, %v", p, err)
	}
	r, _ := s.SlotsOn(kxDay)
	st := kxMust[model.Settings](t)(s.Settings())
	if !r[0].Load().Short(r[0].Slot, st.Ratio) || r[0].Load().Required(st.Ratio) != 3 {
		t.Errorf("load %+v is not short with 2 caregivers", r[0].Load())
	}

	// The capacity cannot go below the nine children booked; nothing is written.
	small := down
	small.Capacity = 8
	err = kxRefused(t, s, model.ErrInvalid, func() error { _, err := s.UpdateSlot(small); return err })
	var fe *model.Error
	if !errors.As(err, &fe) || fe.Field != "capacity" {
		t.Errorf("capacity refusal %v is not about the capacity field", err)
	}
	if got := kxMust[model.ChildcareSlot](t)(s.Slot(sl.ID)); got.Capacity != 10 {
		t.Errorf("capacity after a refused edit: %d", got.Capacity)
	}
}

func TestUpdateSlotMoveRules(t *testing.T) {
	s, c := kxOpen(t, kxDay, "8:00")
	m := kxPerson(t, s, "田中 由美", "たなか ゆみ")
	k := kxChild(t, s, m.ID, "田中 湊", "2023-06-01")
	am := kxSlot(t, s, kxDay, "9:00", "11:00", 6, 2)
	pm := kxSlot(t, s, kxDay, "13:00", "15:00", 6, 2)
	bAM := kxMust[model.Booking](t)(s.Book(am.ID, k.ID, m.ID, false))
	kxMust[model.Booking](t)(s.Book(pm.ID, k.ID, m.ID, false))

	// Stretching the morning over the afternoon would double-book the child.
	long := am
	long.End = kxClk("14:00")
	err := kxRefused(t, s, model.ErrConflict, func() error { _, err := s.UpdateSlot(long); return err })
	if !strings.Contains(model.Message(err, model.JA), "田中 湊") {
		t.Errorf("refusal does not name the child: %v", err)
	}
	// Up to the afternoon's start is fine; so is another day.
	long.End = kxClk("13:00")
	if _, err := s.UpdateSlot(long); err != nil {
		t.Fatal(err)
	}
	// Once the child is dropped off, the slot stays on its day (the time may still change).
	c.set(kxDay, "9:05")
	kxMust[model.Booking](t)(s.DropOff(bAM.ID))
	moved := long
	moved.Date = kxDay.AddDays(1)
	kxRefused(t, s, model.ErrConflict, func() error { _, err := s.UpdateSlot(moved); return err })
	later := long
	later.End = kxClk("12:00")
	if _, err := s.UpdateSlot(later); err != nil {
		t.Errorf("shortening a slot with a child in care: %v", err)
	}
	ghost := later
	ghost.ID = 999
	kxRefused(t, s, model.ErrNotFound, func() error { _, err := s.UpdateSlot(ghost); return err })
}

// TestWaitlistOrderAndPromotionOnCancel: the queue is booking order; a cancellation promotes the
// first waitlisted child who fits, who need not be the first in the queue.
func TestWaitlistOrderAndPromotionOnCancel(t *testing.T) {
	s, _ := kxOpen(t, kxDay, "8:00")
	m := kxPerson(t, s, "小林 愛", "こばやし あい")
	sl := kxSlot(t, s, kxDay, "9:30", "12:30", 7, 2)
	// Five babies and a toddler: 11/6 with two caregivers, one place left by capacity.
	var in []model.Booking
	for i, birth := range []string{"2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2025-05-01"} {
		k := kxChild(t, s, m.ID, "子"+string(rune('A'+i)), birth)
		in = append(in, kxMust[model.Booking](t)(s.Book(sl.ID, k.ID, m.ID, false)))
	}
	baby := kxChild(t, s, m.ID, "赤ちゃん", "2026-06-01")
	toddler := kxChild(t, s, m.ID, "よちよち", "2025-06-01")
	big := kxChild(t, s, m.ID, "年長", "2020-06-01")
	// The baby does not fit the ratio: refused with position 1, then queued.
	err := kxRefused(t, s, model.ErrConflict, func() error { _, err := s.Book(sl.ID, baby.ID, m.ID, false); return err })
	var full *model.SlotFullError
	if !errors.As(err, &full) || full.Position != 1 || !strings.Contains(full.Reason.JA, "保育スタッフが3人必要") {
		t.Fatalf("baby refused with %v", err)
	}
	wBaby := kxMust[model.Booking](t)(s.Book(sl.ID, baby.ID, m.ID, true))
	// The toddler does fit (5/3 + 2/6 = 2) and takes the last place although the baby waits.
	if b := kxMust[model.Booking](t)(s.Book(sl.ID, toddler.ID, m.ID, false)); b.Status != model.BookingBooked {
		t.Fatalf("toddler %s", b.Status)
	}
	// Now full by capacity: the 5-year-old queues second.
	err = kxRefused(t, s, model.ErrConflict, func() error { _, err := s.Book(sl.ID, big.ID, m.ID, false); return err })
	if !errors.As(err, &full) || full.Position != 2 {
		t.Fatalf("5-year-old refused with %v", err)
	}
	wBig := kxMust[model.Booking](t)(s.Book(sl.ID, big.ID, m.ID, true))

	// Cancel a baby: capacity frees one place. The baby first in the queue now fits the ratio
	// (4 babies + her = 5/3 + 2/6 = 2) and is promoted; the older child keeps waiting.
	promoted := kxMust[[]model.Booking](t)(s.CancelBooking(in[0].ID))
	if len(promoted) != 1 || promoted[0].ID != wBaby.ID {
		t.Fatalf("promoted %+v, want the baby", promoted)
	}
	if pos, _ := s.WaitlistPosition(wBig.ID); pos != 1 {
		t.Errorf("the 5-year-old is at %d", pos)
	}
	// Cancel the toddler: a place, and 5/3 + 1/6 + 1/30 ≤ 2, so the 5-year-old goes in.
	promoted = kxMust[[]model.Booking](t)(s.CancelBooking(in[5].ID))
	if len(promoted) != 1 || promoted[0].ID != wBig.ID {
		t.Errorf("promoted %+v, want the 5-year-old", promoted)
	}
}

func TestPickUpChecksTheCollector(t *testing.T) {
	s, c := kxOpen(t, kxDay, "9:00")
	m := kxPerson(t, s, "山田 花子", "やまだ はなこ")
	sl := kxSlot(t, s, kxDay, "9:30", "12:30", 6, 2)
	var bs []model.Booking
	for _, name := range []string{"山田 陽翔", "山田 結衣", "山田 蓮"} {
		k := kxChild(t, s, m.ID, name, "2024-06-01", model.PickupPerson{Name: "山田 和子", Relation: "祖母"})
		bs = append(bs, kxMust[model.Booking](t)(s.Book(sl.ID, k.ID, m.ID, false)))
	}
	for _, b := range bs {
		kxMust[model.Booking](t)(s.DropOff(b.ID))
	}
	c.set(kxDay, "12:25")
	// A stranger without an override, an empty name, an override without a reason: refused.
	kxRefused(t, s, model.ErrConflict, func() error {
		_, err := s.PickUp(bs[0].ID, model.Collector{Name: "鈴木 一郎", Relation: "近所の人"})
		return err
	})
	kxRefused(t, s, model.ErrInvalid, func() error { _, err := s.PickUp(bs[0].ID, model.Collector{}); return err })
	kxRefused(t, s, model.ErrInvalid, func() error {
		_, err := s.PickUp(bs[0].ID, model.Collector{Name: "鈴木 一郎", Override: true})
		return err
	})
	if kxStatus(t, s, bs[0].ID) != model.BookingDroppedOff {
		t.Fatal("a refused pick-up changed the booking")
	}
	// The grandmother, typed loosely, is recorded as the guardian registered her.
	b := kxMust[model.Booking](t)(s.PickUp(bs[0].ID, model.Collector{Name: "山田和子"}))
	if b.CollectedBy == nil || *b.CollectedBy != (model.Collector{Name: "山田 和子", Relation: "祖母"}) || !b.PickedUp.Equal(kxDay.At(kxClk("12:25"))) {
		t.Errorf("picked up %+v by %+v", b, b.CollectedBy)
	}
	// The guardian.
	b = kxMust[model.Booking](t)(s.PickUp(bs[1].ID, model.Collector{Name: "山田 花子", Relation: model.GuardianRelation}))
	if b.CollectedBy.Override || b.CollectedBy.Relation != "保護者" {
		t.Errorf("guardian pick-up %+v", b.CollectedBy)
	}
	// Anyone else with an override and a reason: recorded, and the audit keeps the reason.
	b = kxMust[model.Booking](t)(s.PickUp(bs[2].ID, model.Collector{Name: "鈴木 一郎", Relation: "近所の人", Override: true, Reason: "母から電話で依頼"}))
	if !b.CollectedBy.Override || b.CollectedBy.Reason != "母から電話で依頼" {
		t.Errorf("override %+v", b.CollectedBy)
	}
	es, _ := s.Audit(AuditFilter{Ref: ref(bs[2].ID), Kind: model.KindBooking, Limit: 1})
	if len(es) != 1 || es[0].Action != "pick_up_override" || !strings.Contains(es[0].After, "母から電話で依頼") || es[0].Staff != "受付 佐藤" {
		t.Errorf("override audit %+v", es)
	}
	if care, _ := s.InCare(); len(care) != 0 {
		t.Errorf("still in care: %+v", care)
	}
}

func TestBookingTimeRules(t *testing.T) {
	s, c := kxOpen(t, kxDay, "8:00")
	m := kxPerson(t, s, "伊藤 さくら", "いとう さくら")
	k := kxChild(t, s, m.ID, "伊藤 凛", "2021-06-01")
	k2 := kxChild(t, s, m.ID, "伊藤 葵", "2021-06-01")
	today := kxSlot(t, s, kxDay, "9:00", "12:00", 6, 2)
	tomorrow := kxSlot(t, s, kxDay.AddDays(1), "9:00", "12:00", 6, 2)
	bt := kxMust[model.Booking](t)(s.Book(today.ID, k.ID, m.ID, false))
	bn := kxMust[model.Booking](t)(s.Book(tomorrow.ID, k.ID, m.ID, false))
	b2 := kxMust[model.Booking](t)(s.Book(today.ID, k2.ID, m.ID, false))

	// Tomorrow's booking cannot be dropped off today, nor marked a no-show.
	kxRefused(t, s, model.ErrConflict, func() error { _, err := s.DropOff(bn.ID); return err })
	kxRefused(t, s, model.ErrConflict, func() error { _, err := s.NoShow(bn.ID); return err })
	// Before the slot starts, no-show is refused (cancel instead); drop-off is fine.
	kxRefused(t, s, model.ErrConflict, func() error { _, err := s.NoShow(b2.ID); return err })
	kxMust[model.Booking](t)(s.DropOff(bt.ID))
	c.set(kxDay, "9:40")
	kxMust[model.Booking](t)(s.NoShow(b2.ID))
	// After the slot ends, it takes no more bookings.
	c.set(kxDay, "12:00")
	late := kxChild(t, s, m.ID, "伊藤 遅", "2021-06-01")
	kxRefused(t, s, model.ErrConflict, func() error { _, err := s.Book(today.ID, late.ID, m.ID, true); return err })
	// The next day, yesterday's slot takes no drop-off either.
	c.set(kxDay.AddDays(1), "8:30")
	if _, err := s.DropOff(bn.ID); err != nil {
		t.Errorf("drop-off on the slot's day: %v", err)
	}
}

func TestUndoBooking(t *testing.T) {
	s, c := kxOpen(t, kxDay, "8:00")
	m := kxPerson(t, s, "渡辺 真理", "わたなべ まり")
	sl := kxSlot(t, s, kxDay, "9:00", "12:00", 2, 2)
	a := kxMust[model.Booking](t)(s.Book(sl.ID, kxChild(t, s, m.ID, "渡辺 蒼", "2024-06-01").ID, m.ID, false))
	b := kxMust[model.Booking](t)(s.Book(sl.ID, kxChild(t, s, m.ID, "渡辺 空", "2024-06-01").ID, m.ID, false))
	w := kxMust[model.Booking](t)(s.Book(sl.ID, kxChild(t, s, m.ID, "渡辺 海", "2024-06-01").ID, m.ID, true))
	c.set(kxDay, "9:10")
	kxMust[model.Booking](t)(s.DropOff(a.ID))

	// A drop-off pressed by mistake goes back to 予約, stamp cleared, out of the in-care list.
	u := kxMust[model.Booking](t)(s.UndoBooking(a.ID))
	if u.Status != model.BookingBooked || !u.DroppedOff.IsZero() {
		t.Errorf("undone %+v", u)
	}
	if care, _ := s.InCare(); len(care) != 0 {
		t.Errorf("InCare after undo: %+v", care)
	}
	if got := kxAudit(t, s, model.KindBooking, a.ID); !slices.Equal(got, []string{"book", "drop_off", "undo"}) {
		t.Errorf("audit %v", got)
	}
	// A no-show undone while the place is free; refused once the waitlist took it.
	kxMust[model.Booking](t)(s.NoShow(b.ID))
	if kxStatus(t, s, w.ID) != model.BookingBooked {
		t.Fatal("the waitlisted child was not promoted by the no-show")
	}
	kxRefused(t, s, model.ErrConflict, func() error { _, err := s.UndoBooking(b.ID); return err })
	kxMust[[]model.Booking](t)(s.CancelBooking(w.ID))
	if u := kxMust[model.Booking](t)(s.UndoBooking(b.ID)); u.Status != model.BookingBooked {
		t.Errorf("undone no-show %+v", u)
	}
	// Nothing else can be undone.
	kxRefused(t, s, model.ErrConflict, func() error { _, err := s.UndoBooking(w.ID); return err })
	kxRefused(t, s, model.ErrConflict, func() error { _, err := s.UndoBooking(a.ID); return err })
	kxRefused(t, s, model.ErrNotFound, func() error { _, err := s.UndoBooking(999); return err })
}

// TestOverlapHeldByWaitlist: a waitlisted booking holds the child's time too, so a promotion can
// never double-book a child.
func TestOverlapHeldByWaitlist(t *testing.T) {
	s, _ := kxOpen(t, kxDay, "8:00")
	m := kxPerson(t, s, "松本 彩", "まつもと あや")
	k := kxChild(t, s, m.ID, "松本 結", "2022-06-01")
	other := kxChild(t, s, m.ID, "松本 陸", "2022-06-01")
	full := kxSlot(t, s, kxDay, "9:00", "12:00", 1, 2)
	alt := kxSlot(t, s, kxDay, "10:00", "13:00", 6, 2)
	kxMust[model.Booking](t)(s.Book(full.ID, other.ID, m.ID, false))
	w := kxMust[model.Booking](t)(s.Book(full.ID, k.ID, m.ID, true))
	kxRefused(t, s, model.ErrConflict, func() error { _, err := s.Book(alt.ID, k.ID, m.ID, false); return err })
	kxMust[[]model.Booking](t)(s.CancelBooking(w.ID))
	if _, err := s.Book(alt.ID, k.ID, m.ID, false); err != nil {
		t.Errorf("after leaving the waitlist: %v", err)
	}
}
