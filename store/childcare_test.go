package store_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

func slotIDs(rs []store.SlotRoster) []uint64 {
	var out []uint64
	for _, r := range rs {
		out = append(out, r.Slot.ID)
	}
	return out
}

func booking(t *testing.T, s *store.Store, id uint64) model.Booking {
	t.Helper()
	b, err := s.Booking(id)
	must(t, err)
	return b
}

func TestSlots(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "8:30")))
	w := watchAudit(t, s)

	one, err := s.CreateSlot(slotOf(t, day, "13:00", "15:00", 5, 2))
	must(t, err)
	w.expect(want{"create", model.KindSlot, ref(one.ID)})
	got, err := s.Slot(one.ID)
	must(t, err)
	equal(t, "Slot", got, one)

	// The weekly template, in one transaction, out of order.
	many, err := s.CreateSlots([]model.ChildcareSlot{
		slotOf(t, day.AddDays(1), "9:30", "12:30", 6, 2),
		slotOf(t, day, "9:30", "12:30", 6, 2),
		slotOf(t, day, "16:00", "17:00", 3, 2),
	})
	must(t, err)
	if len(many) != 3 {
		t.Fatalf("CreateSlots returned %d", len(many))
	}
	w.expect(want{"create", model.KindSlot, ref(many[0].ID)}, want{"create", model.KindSlot, ref(many[1].ID)}, want{"create", model.KindSlot, ref(many[2].ID)})
	on, err := s.SlotsOn(day)
	must(t, err)
	equal(t, "SlotsOn in start order", slotIDs(on), []uint64{many[1].ID, one.ID, many[2].ID})
	next, _ := s.SlotsOn(day.AddDays(1))
	equal(t, "SlotsOn(next day)", slotIDs(next), []uint64{many[0].ID})

	// UpdateSlot moves it in the day index (earlier start, then another day).
	edit := slotOf(t, day, "8:00", "9:00", 4, 3)
	edit.ID = many[2].ID
	edit.Note = "早朝枠"
	_, err = s.UpdateSlot(edit)
	must(t, err)
	w.expect(want{"update", model.KindSlot, ref(edit.ID)})
	got, _ = s.Slot(edit.ID)
	equal(t, "Slot after update", got, edit)
	on, _ = s.SlotsOn(day)
	equal(t, "SlotsOn after moving a slot earlier", slotIDs(on), []uint64{edit.ID, many[1].ID, one.ID})
	edit.Date = day.AddDays(2)
	_, err = s.UpdateSlot(edit)
	must(t, err)
	w.expect(want{"update", model.KindSlot, ref(edit.ID)})
	on, _ = s.SlotsOn(day)
	equal(t, "SlotsOn after moving a slot away", slotIDs(on), []uint64{many[1].ID, one.ID})
	later, _ := s.SlotsOn(day.AddDays(2))
	equal(t, "SlotsOn(new day)", slotIDs(later), []uint64{edit.ID})
	ghost := edit
	ghost.ID = 999
	refused(t, s, model.ErrNotFound, func() error { _, err := s.UpdateSlot(ghost); return err })

	// A slot with bookings cannot be deleted; once they are cancelled it can.
	mother := newPerson(t, s, "山田 花子", "やまだ はなこ")
	kid := newChild(t, s, mother.ID, "山田 ひかり", "やまだ ひかり", "2020-04-10")
	b, err := s.Book(one.ID, kid.ID, mother.ID, false)
	must(t, err)
	w.expect(want{"create", model.KindPerson, ref(mother.ID)}, want{"create", model.KindChild, ref(kid.ID)}, want{"book", model.KindBooking, ref(b.ID)})
	refused(t, s, model.ErrConflict, func() error { return s.DeleteSlot(one.ID) })
	_, err = s.CancelBooking(b.ID)
	must(t, err)
	w.expect(want{"cancel", model.KindBooking, ref(b.ID)})
	must(t, s.DeleteSlot(one.ID))
	w.expect(want{"delete", model.KindSlot, ref(one.ID)})
	if _, err := s.Slot(one.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Slot after delete = %v", err)
	}
	if _, err := s.Booking(b.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("the cancelled booking outlived its slot: %v", err)
	}
	on, _ = s.SlotsOn(day)
	equal(t, "SlotsOn after delete", slotIDs(on), []uint64{many[1].ID})
	refused(t, s, model.ErrNotFound, func() error { return s.DeleteSlot(one.ID) })

	// The constructor checks what staff type.
	if _, err := model.NewSlot(model.SlotInput{Date: "2025-06-02", Start: "12:00", End: "9:00", Capacity: 0, Caregivers: 2}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("NewSlot with end before start and no capacity: %v", err)
	}
}

// TestBookingCapacityAndWaitlist fills a slot of two, waitlists two more, cancels and watches the
// first waitlisted child take the place.
func TestBookingCapacityAndWaitlist(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "8:30")))
	sl := newSlot(t, s, day, "9:30", "12:30", 2, 2)
	var kids []model.Child
	var mothers []model.Person
	for i, n := range []string{"あおい", "いつき", "うみ", "えま"} {
		m := newPerson(t, s, "母 "+n, "はは "+n)
		mothers = append(mothers, m)
		kids = append(kids, newChild(t, s, m.ID, "子 "+n, "こ "+n, []string{"2020-04-10", "2020-05-10", "2020-06-10", "2020-07-10"}[i]))
	}
	w := watchAudit(t, s)

	var booked []model.Booking
	for i := 0; i < 2; i++ {
		b, err := s.Book(sl.ID, kids[i].ID, mothers[i].ID, false)
		must(t, err)
		w.expect(want{"book", model.KindBooking, ref(b.ID)})
		if b.Status != model.BookingBooked || b.SlotID != sl.ID || b.ChildID != kids[i].ID || b.BookedBy != mothers[i].ID || !b.Created.Equal(at(day, "8:30")) {
			t.Errorf("booking %+v", b)
		}
		equal(t, "Booking", booking(t, s, b.ID), b)
		booked = append(booked, b)
	}
	// Full: refused without the waitlist flag, nothing written.
	refused(t, s, model.ErrConflict, func() error { _, err := s.Book(sl.ID, kids[2].ID, mothers[2].ID, false); return err })
	// With it, the child queues.
	var waiting []model.Booking
	for i := 2; i < 4; i++ {
		b, err := s.Book(sl.ID, kids[i].ID, mothers[i].ID, true)
		must(t, err)
		w.expect(want{"book", model.KindBooking, ref(b.ID)})
		if b.Status != model.BookingWaitlisted {
			t.Errorf("booking into a full slot with waitlist=true: %+v", b)
		}
		if pos, err := s.WaitlistPosition(b.ID); err != nil || pos != i-1 {
			t.Errorf("WaitlistPosition = %d, %v; want %d", pos, err, i-1)
		}
		waiting = append(waiting, b)
	}
	rs, err := s.SlotsOn(day)
	must(t, err)
	if l := rs[0].Load(); l.Booked != 2 || l.Waitlisted != 2 || l.PerBand[model.Band4up] != 2 {
		t.Errorf("Load = %+v", l)
	}
	if len(rs[0].Bookings) != 4 || rs[0].Bookings[0].Guardian.ID != mothers[0].ID || rs[0].Bookings[3].Child.ID != kids[3].ID {
		t.Errorf("roster %+v", rs[0].Bookings)
	}

	// Cancel a place: the first waitlisted child is promoted and returned.
	promoted, err := s.CancelBooking(booked[0].ID)
	must(t, err)
	w.expect(want{"cancel", model.KindBooking, ref(booked[0].ID)}, want{"promote", model.KindBooking, ref(waiting[0].ID)})
	if len(promoted) != 1 || promoted[0].ID != waiting[0].ID || promoted[0].Status != model.BookingBooked {
		t.Fatalf("promoted %+v, want booking %d", promoted, waiting[0].ID)
	}
	if got := booking(t, s, booked[0].ID); got.Status != model.BookingCancelled {
		t.Errorf("cancelled booking %+v", got)
	}
	equal(t, "promoted booking as stored", booking(t, s, waiting[0].ID), promoted[0])
	if pos, _ := s.WaitlistPosition(waiting[1].ID); pos != 1 {
		t.Errorf("the second in the queue is now at %d, want 1", pos)
	}
	if pos, _ := s.WaitlistPosition(waiting[0].ID); pos != 0 {
		t.Errorf("a promoted booking has waitlist position %d, want 0", pos)
	}
	// Cancelling a waitlisted booking frees no place: nobody is promoted.
	promoted, err = s.CancelBooking(waiting[1].ID)
	must(t, err)
	w.expect(want{"cancel", model.KindBooking, ref(waiting[1].ID)})
	if len(promoted) != 0 {
		t.Errorf("cancelling a waitlisted booking promoted %+v", promoted)
	}
	// Cancelled twice, or unknown: refused.
	refused(t, s, model.ErrConflict, func() error { _, err := s.CancelBooking(booked[0].ID); return err })
	refused(t, s, model.ErrNotFound, func() error { _, err := s.CancelBooking(999); return err })
	refused(t, s, model.ErrNotFound, func() error { _, err := s.Book(999, kids[0].ID, mothers[0].ID, false); return err })
	refused(t, s, model.ErrNotFound, func() error { _, err := s.Book(sl.ID, 999, mothers[0].ID, false); return err })

	// Growing the slot promotes whoever waits (here, a child booked again after cancelling).
	again, err := s.Book(sl.ID, kids[3].ID, mothers[3].ID, true)
	must(t, err)
	w.expect(want{"book", model.KindBooking, ref(again.ID)})
	if again.Status != model.BookingWaitlisted {
		t.Fatalf("rebooked %+v", again)
	}
	bigger := sl
	bigger.Capacity = 3
	promoted, err = s.UpdateSlot(bigger)
	must(t, err)
	w.expect(want{"update", model.KindSlot, ref(sl.ID)}, want{"promote", model.KindBooking, ref(again.ID)})
	if len(promoted) != 1 || promoted[0].ID != again.ID {
		t.Errorf("UpdateSlot promoted %+v", promoted)
	}
}

// TestBookingFullIsSlotFullError: the counter offers the waitlist with the position from the error.
func TestBookingFullIsSlotFullError(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "8:30")))
	sl := newSlot(t, s, day, "9:30", "12:30", 1, 2)
	m := newPerson(t, s, "山田 花子", "やまだ はなこ")
	a := newChild(t, s, m.ID, "山田 あおい", "やまだ あおい", "2020-04-10")
	b := newChild(t, s, m.ID, "山田 いつき", "やまだ いつき", "2020-05-10")
	c := newChild(t, s, m.ID, "山田 うみ", "やまだ うみ", "2020-06-10")
	_, err := s.Book(sl.ID, a.ID, m.ID, false)
	must(t, err)
	err = refused(t, s, model.ErrConflict, func() error { _, err := s.Book(sl.ID, b.ID, m.ID, false); return err })
	var full *model.SlotFullError
	if !errors.As(err, &full) || full.Position != 1 || !strings.Contains(full.Reason.EN, "capacity 1") {
		t.Fatalf("Book into a full slot: %v (%T), want *model.SlotFullError at position 1", err, err)
	}
	_, err = s.Book(sl.ID, b.ID, m.ID, true)
	must(t, err)
	err = refused(t, s, model.ErrConflict, func() error { _, err := s.Book(sl.ID, c.ID, m.ID, false); return err })
	if !errors.As(err, &full) || full.Position != 2 {
		t.Errorf("with one waiting: %v, want position 2", err)
	}

	// The ratio: a baby with one caregiver on duty.
	thin := newSlot(t, s, day, "13:00", "15:00", 10, 1)
	baby := newChild(t, s, m.ID, "山田 えま", "やまだ えま", "2025-01-10")
	err = refused(t, s, model.ErrConflict, func() error { _, err := s.Book(thin.ID, baby.ID, m.ID, false); return err })
	if !errors.As(err, &full) || full.Position != 1 || !strings.Contains(full.Reason.EN, "caregivers") {
		t.Errorf("ratio breach: %v, want *model.SlotFullError about caregivers", err)
	}
}

func TestBookingRatio(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "8:30")))
	m := newPerson(t, s, "山田 花子", "やまだ はなこ")
	baby := newChild(t, s, m.ID, "山田 えま", "やまだ えま", "2025-01-10") // age 0 on the day
	w := watchAudit(t, s)

	// One caregiver on duty: an age-0 child needs two (3:1, never fewer than 2).
	thin := newSlot(t, s, day, "9:30", "12:30", 10, 1)
	w.expect(want{"create", model.KindSlot, ref(thin.ID)})
	refused(t, s, model.ErrConflict, func() error { _, err := s.Book(thin.ID, baby.ID, m.ID, false); return err })
	wl, err := s.Book(thin.ID, baby.ID, m.ID, true)
	must(t, err)
	w.expect(want{"book", model.KindBooking, ref(wl.ID)})
	if wl.Status != model.BookingWaitlisted {
		t.Errorf("ratio breach with waitlist=true: %+v", wl)
	}

	// Two caregivers: six babies fit (3:1), the seventh does not, though places remain.
	two := newSlot(t, s, day, "13:00", "16:00", 10, 2)
	for i := 0; i < 6; i++ {
		k := newChild(t, s, m.ID, "赤ちゃん", "あかちゃん", "2025-01-1"+string(rune('0'+i)))
		if _, err := s.Book(two.ID, k.ID, m.ID, false); err != nil {
			t.Fatalf("baby %d: %v", i+1, err)
		}
	}
	seventh := newChild(t, s, m.ID, "赤ちゃん", "あかちゃん", "2025-02-01")
	refused(t, s, model.ErrConflict, func() error { _, err := s.Book(two.ID, seventh.ID, m.ID, false); return err })
	// A four-year-old does not fit either: 6/3 + 1/30 rounds up to 3 caregivers.
	big := newChild(t, s, m.ID, "山田 ひかり", "やまだ ひかり", "2020-04-10")
	refused(t, s, model.ErrConflict, func() error { _, err := s.Book(two.ID, big.ID, m.ID, false); return err })

	// Settings change the ratio: with 7 babies per caregiver the seventh fits.
	st, err := s.Settings()
	must(t, err)
	st.Ratio.PerCaregiver[model.Band0] = 7
	must(t, s.SaveSettings(st))
	if _, err := s.Book(two.ID, seventh.ID, m.ID, false); err != nil {
		t.Errorf("with a 7:1 ratio the seventh baby was refused: %v", err)
	}
}

func TestBookingOverlap(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "8:30")))
	m := newPerson(t, s, "山田 花子", "やまだ はなこ")
	k := newChild(t, s, m.ID, "山田 ひかり", "やまだ ひかり", "2020-04-10")
	morning := newSlot(t, s, day, "9:30", "12:30", 5, 2)
	lunch := newSlot(t, s, day, "11:00", "13:00", 5, 2)
	afternoon := newSlot(t, s, day, "12:30", "15:00", 5, 2)
	tomorrow := newSlot(t, s, day.AddDays(1), "9:30", "12:30", 5, 2)
	w := watchAudit(t, s)

	b, err := s.Book(morning.ID, k.ID, m.ID, false)
	must(t, err)
	w.expect(want{"book", model.KindBooking, ref(b.ID)})
	refused(t, s, model.ErrConflict, func() error { _, err := s.Book(morning.ID, k.ID, m.ID, false); return err })
	refused(t, s, model.ErrConflict, func() error { _, err := s.Book(lunch.ID, k.ID, m.ID, true); return err })
	// Back to back is not overlapping; the same time on another day is not either.
	var pm model.Booking
	for i, sl := range []model.ChildcareSlot{afternoon, tomorrow} {
		b, err := s.Book(sl.ID, k.ID, m.ID, false)
		if err != nil {
			t.Fatalf("booking %s %s: %v", sl.Date, sl.Span(), err)
		}
		w.expect(want{"book", model.KindBooking, ref(b.ID)})
		if i == 0 {
			pm = b
		}
	}
	// Cancelled bookings free their time: lunch still overlaps the afternoon (12:30–13:00) after
	// the morning is cancelled, and fits once the afternoon is cancelled too.
	_, err = s.CancelBooking(b.ID)
	must(t, err)
	w.expect(want{"cancel", model.KindBooking, ref(b.ID)})
	refused(t, s, model.ErrConflict, func() error { _, err := s.Book(lunch.ID, k.ID, m.ID, false); return err })
	_, err = s.CancelBooking(pm.ID)
	must(t, err)
	w.expect(want{"cancel", model.KindBooking, ref(pm.ID)})
	lb, err := s.Book(lunch.ID, k.ID, m.ID, false)
	must(t, err)
	w.expect(want{"book", model.KindBooking, ref(lb.ID)})
}

func TestDropOffPickUpNoShow(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:00"))
	s := openTest(t, c)
	m := newPerson(t, s, "山田 花子", "やまだ はなこ")
	k := newChild(t, s, m.ID, "山田 ひかり", "やまだ ひかり", "2020-04-10", model.PickupPerson{Name: "山田 よし子", Relation: "祖母"})
	k2 := newChild(t, s, m.ID, "山田 あおい", "やまだ あおい", "2021-04-10")
	k3 := newChild(t, s, m.ID, "山田 いつき", "やまだ いつき", "2022-04-10")
	sl := newSlot(t, s, day, "9:30", "12:30", 2, 2)
	b, err := s.Book(sl.ID, k.ID, m.ID, false)
	must(t, err)
	b2, err := s.Book(sl.ID, k2.ID, m.ID, false)
	must(t, err)
	wl, err := s.Book(sl.ID, k3.ID, m.ID, true)
	must(t, err)
	w := watchAudit(t, s)

	// Illegal moves from 予約 and 空き待ち.
	refused(t, s, model.ErrConflict, func() error { _, err := s.DropOff(wl.ID); return err })
	who, err := model.NewCollector(k, m, "山田　よし子", "", false, "")
	must(t, err)
	refused(t, s, model.ErrConflict, func() error { _, err := s.PickUp(b.ID, who); return err })
	refused(t, s, model.ErrNotFound, func() error { _, err := s.DropOff(999); return err })

	c.Set(at(day, "9:35"))
	in, err := s.DropOff(b.ID)
	must(t, err)
	w.expect(want{"drop_off", model.KindBooking, ref(b.ID)})
	if in.Status != model.BookingDroppedOff || !in.DroppedOff.Equal(at(day, "9:35")) {
		t.Errorf("dropped off %+v", in)
	}
	care, err := s.InCare()
	must(t, err)
	if len(care) != 1 || care[0].Booking.ID != b.ID || care[0].Child.ID != k.ID || care[0].Guardian.ID != m.ID || care[0].Slot.ID != sl.ID {
		t.Fatalf("InCare = %+v", care)
	}
	refused(t, s, model.ErrConflict, func() error { _, err := s.DropOff(b.ID); return err })
	refused(t, s, model.ErrConflict, func() error { _, err := s.NoShow(b.ID); return err })
	refused(t, s, model.ErrConflict, func() error { _, err := s.CancelBooking(b.ID); return err })

	// Picked up by the grandmother, an authorised person.
	c.Set(at(day, "12:20"))
	out, err := s.PickUp(b.ID, who)
	must(t, err)
	es := w.expect(want{"pick_up", model.KindBooking, ref(b.ID)})
	if !strings.Contains(es[0].After, "山田 よし子") {
		t.Errorf("pick-up audit %+v does not name the collector", es[0])
	}
	if out.Status != model.BookingPickedUp || !out.PickedUp.Equal(at(day, "12:20")) || out.CollectedBy == nil || *out.CollectedBy != who {
		t.Errorf("picked up %+v", out)
	}
	equal(t, "picked-up booking as stored", booking(t, s, b.ID), out)
	if care, _ := s.InCare(); len(care) != 0 {
		t.Errorf("InCare after pick-up = %+v", care)
	}
	refused(t, s, model.ErrConflict, func() error { _, err := s.PickUp(b.ID, who); return err })
	refused(t, s, model.ErrConflict, func() error { _, err := s.CancelBooking(b.ID); return err })

	// The other child never came: 無断欠席 frees the place and the waitlisted child takes it.
	ns, err := s.NoShow(b2.ID)
	must(t, err)
	w.expect(want{"no_show", model.KindBooking, ref(b2.ID)}, want{"promote", model.KindBooking, ref(wl.ID)})
	if ns.Status != model.BookingNoShow {
		t.Errorf("no-show %+v", ns)
	}
	if got := booking(t, s, wl.ID); got.Status != model.BookingBooked {
		t.Errorf("after a no-show the waitlisted child is %s", got.Status)
	}
	refused(t, s, model.ErrConflict, func() error { _, err := s.DropOff(b2.ID); return err })

	// Anyone else needs an override with a reason, which the audit log keeps.
	if _, err := model.NewCollector(k3, m, "近所の人", "知人", false, ""); !errors.Is(err, model.ErrConflict) {
		t.Errorf("an unauthorised collector without override: %v", err)
	}
	if _, err := model.NewCollector(k3, m, "近所の人", "知人", true, " "); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("an override without a reason: %v", err)
	}
	over, err := model.NewCollector(k3, m, "近所の人", "知人", true, "母から電話で依頼")
	must(t, err)
	_, err = s.DropOff(wl.ID)
	must(t, err)
	w.expect(want{"drop_off", model.KindBooking, ref(wl.ID)})
	_, err = s.PickUp(wl.ID, over)
	must(t, err)
	es = w.expect(want{"pick_up_override", model.KindBooking, ref(wl.ID)})
	if !strings.Contains(es[0].After, "母から電話で依頼") {
		t.Errorf("override audit %+v does not keep the reason", es[0])
	}
}

// The store hands a child to whatever Collector it is given; the rule "only the guardian or an
// authorised person, anyone else with an override and a reason" is enforced only if every caller
// remembers model.NewCollector.
func TestPickUpRefusesUnauthorisedCollector(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	m := newPerson(t, s, "山田 花子", "やまだ はなこ")
	k := newChild(t, s, m.ID, "山田 ひかり", "やまだ ひかり", "2020-04-10")
	sl := newSlot(t, s, day, "9:30", "12:30", 2, 2)
	b, err := s.Book(sl.ID, k.ID, m.ID, false)
	must(t, err)
	_, err = s.DropOff(b.ID)
	must(t, err)
	refused(t, s, model.ErrConflict, func() error {
		_, err := s.PickUp(b.ID, model.Collector{Name: "知らない人", Relation: "知人"})
		return err
	})
	refused(t, s, model.ErrInvalid, func() error { _, err := s.PickUp(b.ID, model.Collector{}); return err })
}

func TestBookArchivedChildRefused(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	m := newPerson(t, s, "山田 花子", "やまだ はなこ")
	k := newChild(t, s, m.ID, "山田 ひかり", "やまだ ひかり", "2020-04-10")
	sl := newSlot(t, s, day, "9:30", "12:30", 2, 2)
	k.Archived = true
	_, err := s.UpdateChild(k)
	must(t, err)
	refused(t, s, model.ErrConflict, func() error { _, err := s.Book(sl.ID, k.ID, m.ID, false); return err })
}
