package store

import (
	"fmt"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// SlotRoster is a slot with its bookings (all statuses, in booking order) and the children and
// guardians they refer to, everything a day view needs in one read.
type SlotRoster struct {
	Slot     model.ChildcareSlot
	Bookings []RosterLine
}

// RosterLine is one booking with its child and guardian.
type RosterLine struct {
	Booking  model.Booking
	Child    model.Child
	Guardian model.Person
}

// Load counts the children in the slot by band, on the slot's day.
func (r SlotRoster) Load() model.SlotLoad {
	var l model.SlotLoad
	for _, b := range r.Bookings {
		switch {
		case b.Booking.Status.Occupies():
			l.Booked++
			l.PerBand[model.BandOf(b.Child.BirthDate, r.Slot.Date)]++
		case b.Booking.Status == model.BookingWaitlisted:
			l.Waitlisted++
		}
	}
	return l
}

// CreateSlot stores a validated slot.
func (s *Store) CreateSlot(sl model.ChildcareSlot) (model.ChildcareSlot, error) {
	err := s.update(func(t *tx) error {
		var err error
		sl, err = t.createSlot(sl)
		return err
	})
	return sl, err
}

func (t *tx) createSlot(sl model.ChildcareSlot) (model.ChildcareSlot, error) {
	n, err := t.nextID(bSlots)
	if err != nil {
		return sl, err
	}
	sl.ID = n
	if err := t.put(bSlots, u64(n), sl); err != nil {
		return sl, err
	}
	if err := t.mark(iSlotDay, slotDayKey(sl)); err != nil {
		return sl, err
	}
	return sl, t.audit("create", model.KindSlot, ref(n), "", summary(sl))
}

// CreateSlots stores many slots in one transaction (the weekly template).
func (s *Store) CreateSlots(slots []model.ChildcareSlot) ([]model.ChildcareSlot, error) {
	out := make([]model.ChildcareSlot, 0, len(slots))
	err := s.update(func(t *tx) error {
		for _, sl := range slots {
			sl, err := t.createSlot(sl)
			if err != nil {
				return err
			}
			out = append(out, sl)
		}
		return nil
	})
	return out, err
}

func slotDayKey(sl model.ChildcareSlot) []byte {
	return join(dayKey(sl.Date), u16(int(sl.Start)), u64(sl.ID))
}

// UpdateSlot changes a slot; when capacity or caregivers grow, waitlisted children who now fit
// are promoted, and returned. The capacity cannot go below the children booked (model.CheckSlotEdit),
// a slot with children already dropped off cannot move to another day, and a new time may not
// make a booked child overlap their own booking in another slot.
func (s *Store) UpdateSlot(sl model.ChildcareSlot) ([]model.Booking, error) {
	var promoted []model.Booking
	err := s.update(func(t *tx) error {
		r, err := t.roster(sl.ID)
		if err != nil {
			return err
		}
		old := r.Slot
		if err := model.CheckSlotEdit(sl, r.Load()); err != nil {
			return err
		}
		if !old.SameTime(sl) {
			if err := t.checkMove(r, sl); err != nil {
				return err
			}
		}
		if err := t.unmark(iSlotDay, slotDayKey(old)); err != nil {
			return err
		}
		if err := t.put(bSlots, u64(sl.ID), sl); err != nil {
			return err
		}
		if err := t.mark(iSlotDay, slotDayKey(sl)); err != nil {
			return err
		}
		if err := t.audit("update", model.KindSlot, ref(sl.ID), summary(old), summary(sl)); err != nil {
			return err
		}
		promoted, err = t.promote(sl.ID)
		return err
	})
	return promoted, err
}

// checkMove refuses moving a slot (r) to the day and times of sl when a child in it would then
// overlap another booking of theirs, or when children were already dropped off on its old day.
func (t *tx) checkMove(r SlotRoster, sl model.ChildcareSlot) error {
	others, err := t.slotsOn(sl.Date)
	if err != nil {
		return err
	}
	for _, line := range r.Bookings {
		st := line.Booking.Status
		if sl.Date != r.Slot.Date && (st == model.BookingDroppedOff || st == model.BookingPickedUp) {
			return model.Conflict("お預かりの記録がある枠は、別の日に移せません", "Children were already dropped off in this slot; it cannot move to another day")
		}
		if !activeBooking(st) {
			continue
		}
		for _, o := range others {
			if o.Slot.ID == sl.ID || !o.Slot.Overlaps(sl) {
				continue
			}
			for _, ol := range o.Bookings {
				if ol.Booking.ChildID == line.Booking.ChildID && activeBooking(ol.Booking.Status) {
					return model.Conflict(
						fmt.Sprintf("%sちゃんの別の予約（%s）と時間が重なるため変更できません", line.Child.Name, o.Slot.Span()),
						fmt.Sprintf("%s would overlap their booking in another slot (%s)", line.Child.Name, o.Slot.Span()))
				}
			}
		}
	}
	return nil
}

// activeBooking reports whether a booking still holds the child's time (not cancelled and not a
// no-show).
func activeBooking(st model.BookingStatus) bool {
	return st != model.BookingCancelled && st != model.BookingNoShow
}

// DeleteSlot removes a slot that has no bookings left (cancelled ones are kept with it).
func (s *Store) DeleteSlot(slotID uint64) error {
	return s.update(func(t *tx) error {
		r, err := t.roster(slotID)
		if err != nil {
			return err
		}
		for _, b := range r.Bookings {
			if b.Booking.Status != model.BookingCancelled {
				return model.Conflict("予約が残っている枠は削除できません", "The slot still has bookings; cancel them first")
			}
		}
		for _, b := range r.Bookings {
			if err := t.unmark(iBookingSlot, pair(slotID, b.Booking.ID)); err != nil {
				return err
			}
			if err := t.unmark(iBookingChild, pair(b.Booking.ChildID, b.Booking.ID)); err != nil {
				return err
			}
			if err := t.b(bBookings).Delete(u64(b.Booking.ID)); err != nil {
				return err
			}
		}
		if err := t.unmark(iSlotDay, slotDayKey(r.Slot)); err != nil {
			return err
		}
		if err := t.b(bSlots).Delete(u64(slotID)); err != nil {
			return err
		}
		return t.audit("delete", model.KindSlot, ref(slotID), summary(r.Slot), "")
	})
}

// Slot returns one slot.
func (s *Store) Slot(slotID uint64) (model.ChildcareSlot, error) {
	var sl model.ChildcareSlot
	err := s.view(func(t *tx) error {
		ok, err := t.get(bSlots, u64(slotID), &sl)
		if err == nil && !ok {
			return model.NotFound(model.KindSlot, slotID)
		}
		return err
	})
	return sl, err
}

// SlotsOn returns a day's slots with their rosters, in start order: a range scan of the day
// index, so the cost follows the day, not the years of history.
func (s *Store) SlotsOn(d model.Date) ([]SlotRoster, error) {
	return viewValue(s, func(t *tx) ([]SlotRoster, error) { return t.slotsOn(d) })
}

func (t *tx) slotsOn(d model.Date) ([]SlotRoster, error) {
	var out []SlotRoster
	for _, sid := range t.prefixIDs(iSlotDay, dayKey(d)) {
		r, err := t.roster(sid)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (t *tx) roster(slotID uint64) (SlotRoster, error) {
	var r SlotRoster
	if ok, err := t.get(bSlots, u64(slotID), &r.Slot); err != nil {
		return r, err
	} else if !ok {
		return r, model.NotFound(model.KindSlot, slotID)
	}
	for _, bid := range t.prefixIDs(iBookingSlot, u64(slotID)) {
		var line RosterLine
		if _, err := t.get(bBookings, u64(bid), &line.Booking); err != nil {
			return r, err
		}
		if _, err := t.get(bChildren, u64(line.Booking.ChildID), &line.Child); err != nil {
			return r, err
		}
		if _, err := t.get(bPeople, u64(line.Child.GuardianID), &line.Guardian); err != nil {
			return r, err
		}
		r.Bookings = append(r.Bookings, line)
	}
	return r, nil
}

// Book books a child into a slot for the guardian who asked. When the slot is full or the ratio
// would break, it returns *model.SlotFullError with the waitlist position, unless waitlist is
// true, in which case the child goes on the waitlist. The same child cannot be booked into
// overlapping slots.
func (s *Store) Book(slotID, childID, bookedBy uint64, waitlist bool) (model.Booking, error) {
	return updateValue(s, func(t *tx) (model.Booking, error) { return t.book(slotID, childID, bookedBy, waitlist) })
}

func (t *tx) book(slotID, childID, bookedBy uint64, waitlist bool) (model.Booking, error) {
	var b model.Booking
	settings, err := t.settings()
	if err != nil {
		return b, err
	}
	r, err := t.roster(slotID)
	if err != nil {
		return b, err
	}
	var c model.Child
	if ok, err := t.get(bChildren, u64(childID), &c); err != nil {
		return b, err
	} else if !ok {
		return b, model.NotFound(model.KindChild, childID)
	}
	if c.Archived || c.Forgotten {
		return b, model.Conflict("この子どもはアーカイブされています", "This child is archived")
	}
	if err := model.CanBook(r.Slot, t.now); err != nil {
		return b, err
	}
	// overlapping slots of the same day (day-bounded, not history-bounded)
	others, err := t.slotsOn(r.Slot.Date)
	if err != nil {
		return b, err
	}
	for _, o := range others {
		if !o.Slot.Overlaps(r.Slot) {
			continue
		}
		for _, line := range o.Bookings {
			if line.Booking.ChildID == childID && activeBooking(line.Booking.Status) {
				return b, model.Conflict(
					fmt.Sprintf("%sちゃんは同じ時間帯（%s）にすでに予約があります", c.Name, o.Slot.Span()),
					fmt.Sprintf("%s is already booked into an overlapping slot (%s)", c.Name, o.Slot.Span()))
			}
		}
	}
	load := r.Load()
	ok, reason := model.Admit(r.Slot, load, model.BandOf(c.BirthDate, r.Slot.Date), settings.Ratio)
	status := model.BookingBooked
	if !ok {
		if !waitlist {
			return b, &model.SlotFullError{Reason: reason, Position: load.Waitlisted + 1}
		}
		status = model.BookingWaitlisted
	}
	n, err := t.nextID(bBookings)
	if err != nil {
		return b, err
	}
	b = model.Booking{ID: n, SlotID: slotID, ChildID: childID, BookedBy: bookedBy, Status: status, Created: t.now}
	if err := t.put(bBookings, u64(n), b); err != nil {
		return b, err
	}
	if err := t.mark(iBookingSlot, pair(slotID, n)); err != nil {
		return b, err
	}
	if err := t.mark(iBookingChild, pair(childID, n)); err != nil {
		return b, err
	}
	return b, t.audit("book", model.KindBooking, ref(n), "", summary(b))
}

// WaitlistPosition returns a waitlisted booking's 1-based place in its slot's queue.
func (s *Store) WaitlistPosition(bookingID uint64) (int, error) {
	pos := 0
	err := s.view(func(t *tx) error {
		var b model.Booking
		if ok, err := t.get(bBookings, u64(bookingID), &b); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindBooking, bookingID)
		}
		r, err := t.roster(b.SlotID)
		if err != nil {
			return err
		}
		for _, l := range r.Bookings {
			if l.Booking.Status == model.BookingWaitlisted {
				pos++
				if l.Booking.ID == bookingID {
					return nil
				}
			}
		}
		pos = 0
		return nil
	})
	return pos, err
}

// promote moves waitlisted children who now fit into the slot, first come first served, by
// model.Promotions: the first waitlisted child who fits is promoted, then the next, until none fits.
func (t *tx) promote(slotID uint64) ([]model.Booking, error) {
	settings, err := t.settings()
	if err != nil {
		return nil, err
	}
	r, err := t.roster(slotID)
	if err != nil {
		return nil, err
	}
	var queue []model.Booking
	var bands []model.AgeBand
	for _, l := range r.Bookings {
		if l.Booking.Status == model.BookingWaitlisted {
			queue = append(queue, l.Booking)
			bands = append(bands, model.BandOf(l.Child.BirthDate, r.Slot.Date))
		}
	}
	var promoted []model.Booking
	for _, i := range model.Promotions(r.Slot, r.Load(), bands, settings.Ratio) {
		b := queue[i]
		b.Status = model.BookingBooked
		if err := t.put(bBookings, u64(b.ID), b); err != nil {
			return nil, err
		}
		if err := t.audit("promote", model.KindBooking, ref(b.ID), string(model.BookingWaitlisted), string(model.BookingBooked)); err != nil {
			return nil, err
		}
		promoted = append(promoted, b)
	}
	return promoted, nil
}

// setBooking moves a booking to a new status after checking the move, stamping times.
func (t *tx) setBooking(bookingID uint64, to model.BookingStatus, edit func(*model.Booking)) (model.Booking, model.Booking, error) {
	var b model.Booking
	if ok, err := t.get(bBookings, u64(bookingID), &b); err != nil {
		return b, b, err
	} else if !ok {
		return b, b, model.NotFound(model.KindBooking, bookingID)
	}
	old := b
	if err := model.CanMoveBooking(b.Status, to); err != nil {
		return old, b, err
	}
	b.Status = to
	if edit != nil {
		edit(&b)
	}
	if err := t.put(bBookings, u64(bookingID), b); err != nil {
		return old, b, err
	}
	if to == model.BookingDroppedOff {
		if err := t.mark(iBookingInCare, u64(bookingID)); err != nil {
			return old, b, err
		}
	} else if old.Status == model.BookingDroppedOff {
		if err := t.unmark(iBookingInCare, u64(bookingID)); err != nil {
			return old, b, err
		}
	}
	return old, b, nil
}

// CancelBooking cancels a booking; the first waitlisted child who now fits is promoted and
// returned so staff see who it was.
func (s *Store) CancelBooking(bookingID uint64) ([]model.Booking, error) {
	return updateValue(s, func(t *tx) ([]model.Booking, error) { return t.cancelBooking(bookingID) })
}

func (t *tx) cancelBooking(bookingID uint64) ([]model.Booking, error) {
	var promoted []model.Booking
	old, b, err := t.setBooking(bookingID, model.BookingCancelled, nil)
	if err != nil {
		return promoted, err
	}
	if err := t.audit("cancel", model.KindBooking, ref(bookingID), string(old.Status), string(b.Status)); err != nil {
		return promoted, err
	}
	if old.Status.Occupies() {
		promoted, err = t.promote(b.SlotID)
	}
	return promoted, err
}

// DropOff marks a child as dropped off (利用中) now; only on the slot's own day
// (model.CanDropOff).
func (s *Store) DropOff(bookingID uint64) (model.Booking, error) {
	return updateValue(s, func(t *tx) (model.Booking, error) { return t.dropOff(bookingID) })
}

func (t *tx) dropOff(bookingID uint64) (model.Booking, error) {
	var b model.Booking
	sl, err := t.slotOf(bookingID)
	if err != nil {
		return b, err
	}
	if err := model.CanDropOff(sl, t.now); err != nil {
		return b, err
	}
	_, b, err = t.setBooking(bookingID, model.BookingDroppedOff, func(b *model.Booking) { b.DroppedOff = t.now })
	if err != nil {
		return b, err
	}
	return b, t.audit("drop_off", model.KindBooking, ref(bookingID), "", model.HHMM(b.DroppedOff))
}

// slotOf reads the slot of a booking.
func (t *tx) slotOf(bookingID uint64) (model.ChildcareSlot, error) {
	var b model.Booking
	var sl model.ChildcareSlot
	if ok, err := t.get(bBookings, u64(bookingID), &b); err != nil {
		return sl, err
	} else if !ok {
		return sl, model.NotFound(model.KindBooking, bookingID)
	}
	if ok, err := t.get(bSlots, u64(b.SlotID), &sl); err != nil {
		return sl, err
	} else if !ok {
		return sl, model.NotFound(model.KindSlot, b.SlotID)
	}
	return sl, nil
}

// PickUp marks a child as picked up (お迎え済) now by the collector. The collector is checked
// again here against the child's guardian and authorised pick-up people (model.NewCollector), so
// no caller can hand a child to someone else without an override and a reason; an override is
// written to the audit log with its reason.
func (s *Store) PickUp(bookingID uint64, who model.Collector) (model.Booking, error) {
	return updateValue(s, func(t *tx) (model.Booking, error) { return t.pickUp(bookingID, who) })
}

func (t *tx) pickUp(bookingID uint64, who model.Collector) (model.Booking, error) {
	var b model.Booking
	var cur model.Booking
	if ok, err := t.get(bBookings, u64(bookingID), &cur); err != nil {
		return b, err
	} else if !ok {
		return b, model.NotFound(model.KindBooking, bookingID)
	}
	var c model.Child
	if _, err := t.get(bChildren, u64(cur.ChildID), &c); err != nil {
		return b, err
	}
	var g model.Person
	if _, err := t.get(bPeople, u64(c.GuardianID), &g); err != nil {
		return b, err
	}
	checked, err := model.NewCollector(c, g, who.Name, who.Relation, who.Override, who.Reason)
	if err != nil {
		return b, err
	}
	who = checked
	_, b, err = t.setBooking(bookingID, model.BookingPickedUp, func(b *model.Booking) {
		b.PickedUp = t.now
		b.CollectedBy = &who
	})
	if err != nil {
		return b, err
	}
	action, after := "pick_up", who.Name+"（"+who.Relation+"）"
	if who.Override {
		action = "pick_up_override"
		after += " 理由: " + who.Reason
	}
	return b, t.audit(action, model.KindBooking, ref(bookingID), "", after)
}

// NoShow marks a booked child who never came (無断欠席), once the slot has started
// (model.CanMarkNoShow); the place goes to the waitlist.
func (s *Store) NoShow(bookingID uint64) (model.Booking, error) {
	b, _, err := s.MarkNoShow(bookingID)
	return b, err
}

// MarkNoShow is NoShow that also returns the waitlisted children promoted into the freed place,
// so staff see who it was.
func (s *Store) MarkNoShow(bookingID uint64) (model.Booking, []model.Booking, error) {
	var b model.Booking
	var promoted []model.Booking
	err := s.update(func(t *tx) error {
		var err error
		b, promoted, err = t.markNoShow(bookingID)
		return err
	})
	return b, promoted, err
}

func (t *tx) markNoShow(bookingID uint64) (model.Booking, []model.Booking, error) {
	var b model.Booking
	var promoted []model.Booking
	sl, err := t.slotOf(bookingID)
	if err != nil {
		return b, promoted, err
	}
	if err := model.CanMarkNoShow(sl, t.now); err != nil {
		return b, promoted, err
	}
	var old model.Booking
	old, b, err = t.setBooking(bookingID, model.BookingNoShow, nil)
	if err != nil {
		return b, promoted, err
	}
	if err := t.audit("no_show", model.KindBooking, ref(bookingID), string(old.Status), string(b.Status)); err != nil {
		return b, promoted, err
	}
	promoted, err = t.promote(b.SlotID)
	return b, promoted, err
}

// UndoBooking puts a booking marked by mistake back to 予約: a drop-off (利用中, the stamp is
// cleared) or a no-show (無断欠席, only while the child still fits the slot: the place may have gone
// to the waitlist).
func (s *Store) UndoBooking(bookingID uint64) (model.Booking, error) {
	var b model.Booking
	err := s.update(func(t *tx) error {
		var cur model.Booking
		if ok, err := t.get(bBookings, u64(bookingID), &cur); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindBooking, bookingID)
		}
		switch cur.Status {
		case model.BookingDroppedOff:
		case model.BookingNoShow:
			settings, err := t.settings()
			if err != nil {
				return err
			}
			r, err := t.roster(cur.SlotID)
			if err != nil {
				return err
			}
			var c model.Child
			if _, err := t.get(bChildren, u64(cur.ChildID), &c); err != nil {
				return err
			}
			if ok, why := model.Admit(r.Slot, r.Load(), model.BandOf(c.BirthDate, r.Slot.Date), settings.Ratio); !ok {
				return model.Conflict("元に戻せません: "+why.JA, "Cannot undo: "+why.EN)
			}
		default:
			return model.Conflict(fmt.Sprintf("「%s」の予約は元に戻せません", cur.Status.Label(model.JA)),
				fmt.Sprintf("A booking that is %s cannot be undone", cur.Status.Label(model.EN)))
		}
		var old model.Booking
		var err error
		old, b, err = t.setBooking(bookingID, model.BookingBooked, func(b *model.Booking) { b.DroppedOff = time.Time{} })
		if err != nil {
			return err
		}
		return t.audit("undo", model.KindBooking, ref(bookingID), string(old.Status), string(b.Status))
	})
	return b, err
}

// Booking returns one booking.
func (s *Store) Booking(bookingID uint64) (model.Booking, error) {
	var b model.Booking
	err := s.view(func(t *tx) error {
		ok, err := t.get(bBookings, u64(bookingID), &b)
		if err == nil && !ok {
			return model.NotFound(model.KindBooking, bookingID)
		}
		return err
	})
	return b, err
}

// InCare returns the children in the kids space right now (利用中), with their slots.
func (s *Store) InCare() ([]InCareLine, error) {
	return viewValue(s, func(t *tx) ([]InCareLine, error) { return t.inCare() })
}

// InCareLine is a child in the kids space now.
type InCareLine struct {
	RosterLine
	Slot model.ChildcareSlot
}

func (t *tx) inCare() ([]InCareLine, error) {
	var out []InCareLine
	c := t.b(iBookingInCare).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		var l InCareLine
		if _, err := t.get(bBookings, k, &l.Booking); err != nil {
			return nil, err
		}
		if _, err := t.get(bSlots, u64(l.Booking.SlotID), &l.Slot); err != nil {
			return nil, err
		}
		if _, err := t.get(bChildren, u64(l.Booking.ChildID), &l.Child); err != nil {
			return nil, err
		}
		if _, err := t.get(bPeople, u64(l.Child.GuardianID), &l.Guardian); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

func (t *tx) settings() (model.Settings, error) {
	var st model.Settings
	_, err := t.get(bMeta, kSettings, &st)
	return st.WithDefaults(), err
}

// KidsDay is what the kids screen shows for a day, read in one transaction: the day's slots with
// their rosters, the ratio in force, which of the day's guardians are checked in now, and every
// child in care now (any day, for the not-picked-up alert).
type KidsDay struct {
	Date        model.Date
	Slots       []SlotRoster
	Ratio       model.Ratio
	GuardiansIn map[uint64]bool
	InCare      []InCareLine
}

// KidsDay reads a day for the kids screen. Every read is a range scan of a day or open-item
// index, or a point lookup, so its cost follows the day, not the years of history.
func (s *Store) KidsDay(d model.Date) (KidsDay, error) {
	out := KidsDay{Date: d, GuardiansIn: map[uint64]bool{}}
	err := s.view(func(t *tx) error {
		settings, err := t.settings()
		if err != nil {
			return err
		}
		out.Ratio = settings.Ratio
		if out.Slots, err = t.slotsOn(d); err != nil {
			return err
		}
		for _, r := range out.Slots {
			for _, l := range r.Bookings {
				if t.b(iVisitOpen).Get(u64(l.Guardian.ID)) != nil {
					out.GuardiansIn[l.Guardian.ID] = true
				}
			}
		}
		out.InCare, err = t.inCare()
		return err
	})
	return out, err
}

// GuardianIn reports whether a person is checked in now (one index lookup): dropping off a child
// whose guardian is not in offers to check the guardian in.
func (s *Store) GuardianIn(personID uint64) (bool, error) {
	in := false
	err := s.view(func(t *tx) error {
		in = t.b(iVisitOpen).Get(u64(personID)) != nil
		return nil
	})
	return in, err
}

// CreateNewSlots stores the slots of a weekly template in one transaction, skipping any slot
// whose day already has a slot at the same start and end (so running a template twice makes no
// duplicates). It returns the slots created and those skipped.
func (s *Store) CreateNewSlots(slots []model.ChildcareSlot) (created, skipped []model.ChildcareSlot, err error) {
	err = s.update(func(t *tx) error {
		created, skipped = nil, nil
		for _, sl := range slots {
			dup := false
			for _, sid := range t.prefixIDs(iSlotDay, dayKey(sl.Date)) {
				var o model.ChildcareSlot
				if _, err := t.get(bSlots, u64(sid), &o); err != nil {
					return err
				}
				if o.SameTime(sl) {
					dup = true
					break
				}
			}
			if dup {
				skipped = append(skipped, sl)
				continue
			}
			sl, err := t.createSlot(sl)
			if err != nil {
				return err
			}
			created = append(created, sl)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return created, skipped, nil
}
