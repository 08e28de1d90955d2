package kids

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
)

// Store is what the kids screen needs from the database.
type Store interface {
	KidsDay(d model.Date) (store.KidsDay, error)
	People() ([]model.Person, error)
	OpenVisits() ([]model.Visit, error)
	ChildrenOf(guardianID uint64) ([]model.Child, error)
	CreateChild(c model.Child) (model.Child, error)
	Book(slotID, childID, bookedBy uint64, waitlist bool) (model.Booking, error)
	CancelBooking(bookingID uint64) ([]model.Booking, error)
	DropOff(bookingID uint64) (model.Booking, error)
	PickUp(bookingID uint64, who model.Collector) (model.Booking, error)
	MarkNoShow(bookingID uint64) (model.Booking, []model.Booking, error)
	UndoBooking(bookingID uint64) (model.Booking, error)
	GuardianIn(personID uint64) (bool, error)
	CheckIn(personID uint64, purpose model.Purpose) (model.Visit, error)
	CreateSlot(sl model.ChildcareSlot) (model.ChildcareSlot, error)
	UpdateSlot(sl model.ChildcareSlot) ([]model.Booking, error)
	DeleteSlot(slotID uint64) error
	CreateNewSlots(slots []model.ChildcareSlot) (created, skipped []model.ChildcareSlot, err error)
	Booking(bookingID uint64) (model.Booking, error)
	Slot(slotID uint64) (model.ChildcareSlot, error)
}

var _ Store = (*store.Store)(nil)

// DayLoadedMsg carries a day's slots and rosters.
type DayLoadedMsg struct {
	Date model.Date
	Day  store.KidsDay
	Err  error
}

// PeopleLoadedMsg carries the people to search for a guardian, and who is checked in.
type PeopleLoadedMsg struct {
	People []model.Person
	In     map[uint64]bool
	Err    error
}

// ChildrenLoadedMsg carries a guardian's children; Select is a child to highlight (a new one).
type ChildrenLoadedMsg struct {
	GuardianID uint64
	Children   []model.Child
	Select     uint64
	Err        error
}

// BookedMsg says a booking was made (booked, or waitlisted at Position).
type BookedMsg struct {
	Booking  model.Booking
	Position int
}

// SlotFullMsg says a slot cannot take the child now; the counter offers the waitlist.
type SlotFullMsg struct {
	Full                      *model.SlotFullError
	SlotID, ChildID, BookedBy uint64
}

// CancelledMsg says a booking was cancelled, and who was promoted into the place.
type CancelledMsg struct {
	BookingID uint64
	Promoted  []model.Booking
}

// DroppedOffMsg says a child was dropped off; GuardianIn tells whether the guardian is checked in.
type DroppedOffMsg struct {
	Booking    model.Booking
	Guardian   model.Person
	GuardianIn bool
}

// PickedUpMsg says a child was picked up.
type PickedUpMsg struct{ Booking model.Booking }

// NoShowMsg says a booking was marked 無断欠席, and who was promoted into the place.
type NoShowMsg struct {
	Booking  model.Booking
	Promoted []model.Booking
}

// UndoneMsg says a drop-off or no-show was put back to 予約.
type UndoneMsg struct{ Booking model.Booking }

// CheckedInMsg says the guardian was checked in.
type CheckedInMsg struct {
	Visit  model.Visit
	Person model.Person
}

// SlotSavedMsg says a slot was created or changed, and who was promoted by the change.
type SlotSavedMsg struct {
	Slot     model.ChildcareSlot
	Created  bool
	Promoted []model.Booking
}

// SlotDeletedMsg says a slot was deleted.
type SlotDeletedMsg struct{ Slot model.ChildcareSlot }

// TemplateDoneMsg says a weekly template made slots.
type TemplateDoneMsg struct {
	Created, Skipped []model.ChildcareSlot
}

// ChildSavedMsg says a child was registered.
type ChildSavedMsg struct{ Child model.Child }

// LocatedMsg answers a GotoMsg: the booking to open and its slot.
type LocatedMsg struct {
	Booking model.Booking
	Slot    model.ChildcareSlot
	Err     error
}

// tickMsg refreshes the day once a minute (the not-picked-up marks follow the clock).
type tickMsg struct{}

// Commands. Each copies what it needs in; none captures the model.

func loadDay(s Store, d model.Date) tea.Cmd {
	return func() tea.Msg {
		day, err := s.KidsDay(d)
		return DayLoadedMsg{Date: d, Day: day, Err: err}
	}
}

func loadPeople(s Store) tea.Cmd {
	return func() tea.Msg {
		ps, err := s.People()
		if err != nil {
			return PeopleLoadedMsg{Err: err}
		}
		vs, err := s.OpenVisits()
		in := map[uint64]bool{}
		for _, v := range vs {
			in[v.PersonID] = true
		}
		return PeopleLoadedMsg{People: ps, In: in, Err: err}
	}
}

func loadChildren(s Store, guardianID, sel uint64) tea.Cmd {
	return func() tea.Msg {
		cs, err := s.ChildrenOf(guardianID)
		return ChildrenLoadedMsg{GuardianID: guardianID, Children: cs, Select: sel, Err: err}
	}
}

func book(s Store, slotID, childID, guardianID uint64, waitlist bool, position int) tea.Cmd {
	return func() tea.Msg {
		b, err := s.Book(slotID, childID, guardianID, waitlist)
		var full *model.SlotFullError
		if errors.As(err, &full) {
			return SlotFullMsg{Full: full, SlotID: slotID, ChildID: childID, BookedBy: guardianID}
		}
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return BookedMsg{Booking: b, Position: position}
	}
}

func cancelBooking(s Store, id uint64) tea.Cmd {
	return func() tea.Msg {
		p, err := s.CancelBooking(id)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return CancelledMsg{BookingID: id, Promoted: p}
	}
}

func dropOff(s Store, id uint64, guardian model.Person) tea.Cmd {
	return func() tea.Msg {
		b, err := s.DropOff(id)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		in, err := s.GuardianIn(guardian.ID)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return DroppedOffMsg{Booking: b, Guardian: guardian, GuardianIn: in}
	}
}

func pickUp(s Store, id uint64, who model.Collector) tea.Cmd {
	return func() tea.Msg {
		b, err := s.PickUp(id, who)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return PickedUpMsg{Booking: b}
	}
}

func noShow(s Store, id uint64) tea.Cmd {
	return func() tea.Msg {
		b, p, err := s.MarkNoShow(id)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return NoShowMsg{Booking: b, Promoted: p}
	}
}

func undo(s Store, id uint64) tea.Cmd {
	return func() tea.Msg {
		b, err := s.UndoBooking(id)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return UndoneMsg{Booking: b}
	}
}

func checkIn(s Store, p model.Person) tea.Cmd {
	return func() tea.Msg {
		v, err := s.CheckIn(p.ID, model.PurposeCoworking)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return CheckedInMsg{Visit: v, Person: p}
	}
}

func saveSlot(s Store, sl model.ChildcareSlot) tea.Cmd {
	return func() tea.Msg {
		if sl.ID == 0 {
			out, err := s.CreateSlot(sl)
			if err != nil {
				return common.ErrorMsg{Err: err}
			}
			return SlotSavedMsg{Slot: out, Created: true}
		}
		p, err := s.UpdateSlot(sl)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return SlotSavedMsg{Slot: sl, Promoted: p}
	}
}

func deleteSlot(s Store, sl model.ChildcareSlot) tea.Cmd {
	return func() tea.Msg {
		if err := s.DeleteSlot(sl.ID); err != nil {
			return common.ErrorMsg{Err: err}
		}
		return SlotDeletedMsg{Slot: sl}
	}
}

func applyTemplate(s Store, slots []model.ChildcareSlot) tea.Cmd {
	return func() tea.Msg {
		c, sk, err := s.CreateNewSlots(slots)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return TemplateDoneMsg{Created: c, Skipped: sk}
	}
}

func saveChild(s Store, c model.Child) tea.Cmd {
	return func() tea.Msg {
		out, err := s.CreateChild(c)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return ChildSavedMsg{Child: out}
	}
}

func locate(s Store, bookingID uint64) tea.Cmd {
	return func() tea.Msg {
		b, err := s.Booking(bookingID)
		if err != nil {
			return LocatedMsg{Err: err}
		}
		sl, err := s.Slot(b.SlotID)
		return LocatedMsg{Booking: b, Slot: sl, Err: err}
	}
}
