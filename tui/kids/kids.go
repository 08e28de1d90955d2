// Package kids is キッズ: the kids space (キッズスペース) at the counter. A day view of the slots
// with their rosters (ratio, waitlist, allergy notes), and the counter's actions on them: book
// (guardian, child, slot), cancel, drop-off, pick-up (only to the guardian or an authorised
// person, anyone else with an override and a reason), no-show, and slots made one by one or a
// month at a time from a weekly template. The rules live in model; this package only asks.
package kids

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// mode is what the screen is doing.
type mode int

const (
	modeDay      mode = iota // the day view
	modeGuardian             // booking, step 1: find the guardian
	modeChild                // booking, step 2: pick the child
	modeSlot                 // booking, step 3: pick the slot
	modePickup               // who collected the child
	modeForm                 // a form (see formKind)
)

// formKind is which form is open.
type formKind int

const (
	formJump formKind = iota
	formSlot
	formTemplate
	formChild
	formOverride
)

// askKind is the question a confirmation asks.
type askKind int

const (
	askWaitlist askKind = iota + 1
	askCancel
	askNoShow
	askUndo
	askDeleteSlot
	askCheckIn
)

// ask is a yes/no question shown under the current view.
type ask struct {
	kind      askKind
	text      string
	bookingID uint64
	slot      model.ChildcareSlot
	childID   uint64
	bookedBy  uint64
	position  int
	person    model.Person
}

// row is one line of the day list: a slot's header (line -1) or one of its bookings.
type row struct{ slot, line int }

// Model is the kids screen.
type Model struct {
	ctx         common.Context
	store       Store
	keys        KeyMap
	confirmKeys ConfirmKeys

	date    model.Date
	day     store.KidsDay
	loaded  bool
	loadErr error
	rows    []row
	cursor  int
	offset  int
	// the row to highlight after the next load
	wantBooking, wantSlot uint64

	mode  mode
	ask   *ask
	flash string

	// booking
	picker   components.PersonPicker
	guardian model.Person
	children []model.Child
	childCur int
	child    model.Child
	slotCur  int
	prefSlot uint64

	// pick-up
	pick     store.RosterLine
	pickSlot model.ChildcareSlot
	choices  []model.PickupPerson
	pickCur  int

	// forms
	form     components.Form
	formKind formKind
	editSlot model.ChildcareSlot
	back     mode

	pendingPickup uint64
	// openedFor: the booking whose pick-up another screen (the review, a check-out) opened;
	// recording that pick-up or leaving it returns there. highlightOnly: the located booking is
	// only highlighted.
	openedFor     uint64
	highlightOnly bool
}

// New returns the kids screen on today.
func New(ctx common.Context, s Store) Model {
	return Model{ctx: ctx, store: s, keys: DefaultKeyMap(ctx.Lang), confirmKeys: DefaultConfirmKeys(ctx.Lang), date: ctx.Today()}
}

func (m Model) tick() tea.Cmd {
	return m.ctx.After(time.Minute, func(time.Time) tea.Msg { return tickMsg{} })
}

// Init loads today.
func (m Model) Init() tea.Cmd { return tea.Batch(loadDay(m.store, m.date), m.tick()) }

// Date returns the day shown.
func (m Model) Date() model.Date { return m.date }

// Day returns what the screen shows (for tests).
func (m Model) Day() store.KidsDay { return m.day }

// Mode names what the screen is doing: day, guardian, child, slot, pickup, form (for tests).
func (m Model) Mode() string {
	return [...]string{"day", "guardian", "child", "slot", "pickup", "form"}[m.mode]
}

// Row returns the index of the highlighted row of the day list (for tests).
func (m Model) Row() int { return m.cursor }

// Asking returns the open question, or "".
func (m Model) Asking() string {
	if m.ask == nil {
		return ""
	}
	return m.ask.text
}

// Selected returns the highlighted booking line, if the cursor is on one.
func (m Model) Selected() (store.RosterLine, model.ChildcareSlot, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return store.RosterLine{}, model.ChildcareSlot{}, false
	}
	r := m.rows[m.cursor]
	if r.slot >= len(m.day.Slots) || r.line >= len(m.day.Slots[r.slot].Bookings) {
		return store.RosterLine{}, model.ChildcareSlot{}, false
	}
	sl := m.day.Slots[r.slot]
	if r.line < 0 {
		return store.RosterLine{}, sl.Slot, false
	}
	return sl.Bookings[r.line], sl.Slot, true
}

// selectedSlot returns the slot of the highlighted row.
func (m Model) selectedSlot() (store.SlotRoster, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) || m.rows[m.cursor].slot >= len(m.day.Slots) {
		return store.SlotRoster{}, false
	}
	return m.day.Slots[m.rows[m.cursor].slot], true
}

// rank orders a slot's bookings: children holding a place, then the waitlist in queue order,
// then no-shows. Cancelled bookings are not listed.
func rank(st model.BookingStatus) int {
	switch {
	case st.Occupies():
		return 0
	case st == model.BookingWaitlisted:
		return 1
	case st == model.BookingNoShow:
		return 2
	}
	return -1
}

// remember notes the highlighted row, unless another is already wanted, so a reload keeps it.
func (m *Model) remember() {
	if m.wantBooking != 0 || m.wantSlot != 0 {
		return
	}
	if l, sl, ok := m.Selected(); ok {
		m.wantBooking = l.Booking.ID
	} else if sl.ID != 0 {
		m.wantSlot = sl.ID
	}
}

// rebuild lists the rows of the loaded day and puts the cursor back on the wanted row.
func (m *Model) rebuild() {
	m.rows = nil
	for i, r := range m.day.Slots {
		m.rows = append(m.rows, row{slot: i, line: -1})
		idx := make([]int, 0, len(r.Bookings))
		for j, b := range r.Bookings {
			if rank(b.Booking.Status) >= 0 {
				idx = append(idx, j)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool {
			return rank(r.Bookings[idx[a]].Booking.Status) < rank(r.Bookings[idx[b]].Booking.Status)
		})
		for _, j := range idx {
			m.rows = append(m.rows, row{slot: i, line: j})
		}
	}
	found := false
	for i, r := range m.rows {
		sl := m.day.Slots[r.slot]
		if (m.wantBooking != 0 && r.line >= 0 && sl.Bookings[r.line].Booking.ID == m.wantBooking) ||
			(m.wantBooking == 0 && m.wantSlot != 0 && r.line < 0 && sl.Slot.ID == m.wantSlot) {
			m.cursor, found = i, true
			break
		}
	}
	if !found {
		m.cursor = max(0, min(m.cursor, len(m.rows)-1))
	}
	m.wantBooking, m.wantSlot = 0, 0
	m.fixScroll()
}

// changeDay shows another day; the list is cleared until it loads.
func (m Model) changeDay(d model.Date) (Model, tea.Cmd) {
	m.date, m.day, m.rows, m.cursor, m.offset, m.loaded = d, store.KidsDay{Date: d}, nil, 0, 0, false
	return m, loadDay(m.store, d)
}

// Update handles data, results and keys.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	c := m.ctx
	switch msg := msg.(type) {
	case DayLoadedMsg:
		if msg.Date != m.date {
			return m, nil // a slower load of a day no longer shown
		}
		m.remember()
		m.loaded, m.loadErr = true, msg.Err
		if msg.Err == nil {
			m.day = msg.Day
		}
		m.rebuild()
		if id := m.pendingPickup; id != 0 {
			m.pendingPickup = 0
			return m.openPickupOf(id)
		}
		if m.mode == modeSlot {
			m.slotCur = max(0, min(m.slotCur, len(m.day.Slots)-1))
		}
		return m, nil
	case tickMsg:
		return m, tea.Batch(loadDay(m.store, m.date), m.tick())
	case common.DataChangedMsg:
		return m, loadDay(m.store, m.date)
	case common.GotoMsg:
		switch p := msg.Payload.(type) {
		case common.PickupPayload:
			m.mode, m.ask, m.flash, m.openedFor, m.highlightOnly = modeDay, nil, "", p.BookingID, false
			return m, locate(m.store, p.BookingID)
		case common.BookingPayload:
			m.mode, m.ask, m.flash, m.openedFor, m.highlightOnly = modeDay, nil, "", 0, true
			return m, locate(m.store, p.BookingID)
		}
		return m, nil
	case LocatedMsg:
		if msg.Err != nil {
			m.flash = model.Message(msg.Err, c.Lang)
			return m, common.Fail(msg.Err)
		}
		pending := msg.Booking.ID
		if m.highlightOnly {
			pending, m.highlightOnly = 0, false
		}
		m.pendingPickup, m.wantBooking = pending, msg.Booking.ID
		if msg.Slot.Date == m.date {
			return m, loadDay(m.store, m.date)
		}
		m, cmd := m.changeDay(msg.Slot.Date)
		m.pendingPickup, m.wantBooking = pending, msg.Booking.ID
		return m, cmd
	case PeopleLoadedMsg:
		if msg.Err != nil {
			m.flash = model.Message(msg.Err, c.Lang)
			return m, nil
		}
		marks := map[uint64]string{}
		for id := range msg.In {
			marks[id] = c.T("在館", "in")
		}
		m.picker.SetPeople(msg.People)
		m.picker.SetMarks(marks)
		return m, nil
	case ChildrenLoadedMsg:
		if msg.Err != nil {
			m.flash = model.Message(msg.Err, c.Lang)
			return m, nil
		}
		m.children = m.children[:0]
		for _, ch := range msg.Children {
			if !ch.Archived && !ch.Forgotten {
				m.children = append(m.children, ch)
			}
		}
		m.childCur = 0
		for i, ch := range m.children {
			if ch.ID == msg.Select {
				m.childCur = i
			}
		}
		if m.mode == modeGuardian {
			m.mode = modeChild
		}
		return m, nil
	case BookedMsg:
		m.mode, m.wantBooking = modeDay, msg.Booking.ID
		name := m.child.Name
		sl := m.slotByID(msg.Booking.SlotID)
		text := c.T(fmt.Sprintf("予約しました: %s %s %s", name, sl.Date, sl.Span()), fmt.Sprintf("Booked: %s %s %s", name, sl.Date, sl.Span()))
		if msg.Booking.Status == model.BookingWaitlisted {
			text = c.T(fmt.Sprintf("空き待ち%d番目で登録しました: %s %s %s", msg.Position, name, sl.Date, sl.Span()),
				fmt.Sprintf("On the waitlist at position %d: %s %s %s", msg.Position, name, sl.Date, sl.Span()))
		}
		return m, tea.Batch(common.Status(text), common.Changed(model.KindBooking))
	case SlotFullMsg:
		m.ask = &ask{kind: askWaitlist, slot: m.slotByID(msg.SlotID), childID: msg.ChildID, bookedBy: msg.BookedBy, position: msg.Full.Position,
			text: sentence(msg.Full.Message(c.Lang)) + c.T("。空き待ちに登録しますか？", ". Put the child on the waitlist?")}
		return m, nil
	case CancelledMsg:
		text := c.T("予約を取り消しました", "Booking cancelled") + m.promotedText(msg.Promoted)
		return m, tea.Batch(promotedStatus(text, msg.Promoted), common.Changed(model.KindBooking))
	case DroppedOffMsg:
		name := m.childName(msg.Booking.ChildID)
		text := c.T(fmt.Sprintf("お預かりしました: %s %s", name, model.HHMM(msg.Booking.DroppedOff)),
			fmt.Sprintf("Dropped off: %s at %s", name, model.HHMM(msg.Booking.DroppedOff)))
		if !msg.GuardianIn {
			m.ask = &ask{kind: askCheckIn, person: msg.Guardian, text: c.T(
				fmt.Sprintf("保護者の %sさんはチェックインしていません。コワーキングでチェックインしますか？", msg.Guardian.Name),
				fmt.Sprintf("The guardian %s is not checked in. Check them in (coworking)?", msg.Guardian.Name))}
		}
		return m, tea.Batch(common.Status(text), common.Changed(model.KindBooking))
	case CheckedInMsg:
		text := c.T(fmt.Sprintf("%sさんをチェックインしました（%s）", msg.Person.Name, model.HHMM(msg.Visit.In)),
			fmt.Sprintf("Checked in %s at %s", msg.Person.Name, model.HHMM(msg.Visit.In)))
		return m, tea.Batch(common.Status(text), common.Changed(model.KindVisit))
	case PickedUpMsg:
		m.mode = modeDay
		b := msg.Booking
		who := ""
		if b.CollectedBy != nil {
			who = m.collector(b.CollectedBy.Name, b.CollectedBy.Relation)
		}
		name := m.childName(b.ChildID)
		text := c.T(fmt.Sprintf("お迎え済 %s: %s を %sへ", model.HHMM(b.PickedUp), name, who),
			fmt.Sprintf("Picked up at %s: %s, by %s", model.HHMM(b.PickedUp), name, who))
		if b.CollectedBy != nil && b.CollectedBy.Override {
			text += c.T("（例外・履歴に記録）", " (override, logged)")
		}
		cmds := []tea.Cmd{common.Status(text), common.Changed(model.KindBooking)}
		if m.openedFor == b.ID { // back to the review or the check-out that sent staff here
			m.openedFor = 0
			cmds = append(cmds, common.Return())
		}
		return m, tea.Batch(cmds...)
	case NoShowMsg:
		name := m.childName(msg.Booking.ChildID)
		text := c.T("無断欠席にしました: "+name, "Marked no-show: "+name) + m.promotedText(msg.Promoted)
		return m, tea.Batch(promotedStatus(text, msg.Promoted), common.Changed(model.KindBooking))
	case UndoneMsg:
		name := m.childName(msg.Booking.ChildID)
		return m, tea.Batch(common.Status(c.T("予約に戻しました: "+name, "Back to booked: "+name)), common.Changed(model.KindBooking))
	case SlotSavedMsg:
		m.mode, m.wantSlot = modeDay, msg.Slot.ID
		sl := msg.Slot
		text := c.T(fmt.Sprintf("枠を保存しました: %s %s", sl.Date, sl.Span()), fmt.Sprintf("Slot saved: %s %s", sl.Date, sl.Span()))
		if msg.Created {
			text = c.T(fmt.Sprintf("枠を追加しました: %s %s", sl.Date, sl.Span()), fmt.Sprintf("Slot added: %s %s", sl.Date, sl.Span()))
		}
		text += m.promotedText(msg.Promoted)
		cmds := []tea.Cmd{promotedStatus(text, msg.Promoted), common.Changed(model.KindSlot)}
		if sl.Date != m.date {
			var cmd tea.Cmd
			m, cmd = m.changeDay(sl.Date)
			m.wantSlot = sl.ID
			cmds = append(cmds, cmd)
		}
		return m, tea.Batch(cmds...)
	case SlotDeletedMsg:
		sl := msg.Slot
		return m, tea.Batch(common.Status(c.T(fmt.Sprintf("枠を削除しました: %s %s", sl.Date, sl.Span()), fmt.Sprintf("Slot deleted: %s %s", sl.Date, sl.Span()))),
			common.Changed(model.KindSlot))
	case TemplateDoneMsg:
		m.mode = modeDay
		text := c.T(fmt.Sprintf("%d枠を作成しました", len(msg.Created)), fmt.Sprintf("%d %s created", len(msg.Created), plural(len(msg.Created), "slot", "slots")))
		if len(msg.Skipped) > 0 {
			text += c.T(fmt.Sprintf("（同じ時間の枠がすでにある%d件は作りませんでした）", len(msg.Skipped)),
				fmt.Sprintf(" (%d skipped: a slot at the same time already exists)", len(msg.Skipped)))
		}
		return m, tea.Batch(common.Status(text), common.Changed(model.KindSlot))
	case ChildSavedMsg:
		m.mode = modeChild
		return m, tea.Batch(common.Status(c.T("登録しました: "+msg.Child.DisplayName(), "Registered: "+msg.Child.DisplayName())),
			loadChildren(m.store, msg.Child.GuardianID, msg.Child.ID), common.Changed(model.KindChild))
	case common.ErrorMsg:
		if m.mode == modeForm {
			var rest string
			m.form, rest = m.form.SetErrors(msg.Err)
			m.flash = rest
		} else {
			m.flash = model.Message(msg.Err, c.Lang)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	if m.mode == modeGuardian {
		var cmd tea.Cmd
		m.picker, cmd = m.picker.Update(msg)
		return m, cmd
	}
	if m.mode == modeForm {
		var cmd tea.Cmd
		m.form, _, cmd = m.form.Update(msg)
		return m, cmd
	}
	return m, nil
}

// sentence starts a message with a capital letter (English messages from model start small).
func sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// promotedStatus shows text; when children were promoted from the waitlist it stays until esc,
// since staff have their guardians to call.
func promotedStatus(text string, promoted []model.Booking) tea.Cmd {
	if len(promoted) > 0 {
		return common.KeepStatus(text)
	}
	return common.Status(text)
}

// promotedText names the children promoted from the waitlist, for the status line.
func (m Model) promotedText(ps []model.Booking) string {
	if len(ps) == 0 {
		return ""
	}
	var names []string
	for _, p := range ps {
		names = append(names, m.childName(p.ChildID))
	}
	return m.ctx.T("。空き待ちから繰り上げ: "+strings.Join(names, "、"), ". Promoted from the waitlist: "+strings.Join(names, ", "))
}

// childName finds a child's name in the day's rosters (or the booking flow).
func (m Model) childName(id uint64) string {
	for _, r := range m.day.Slots {
		for _, l := range r.Bookings {
			if l.Child.ID == id {
				return l.Child.DisplayName()
			}
		}
	}
	if m.child.ID == id {
		return m.child.Name
	}
	if m.pick.Child.ID == id {
		return m.pick.Child.DisplayName()
	}
	return fmt.Sprintf("#%d", id)
}

func (m Model) slotByID(id uint64) model.ChildcareSlot {
	for _, r := range m.day.Slots {
		if r.Slot.ID == id {
			return r.Slot
		}
	}
	return model.ChildcareSlot{ID: id}
}

// key handles a key press in the current mode.
func (m Model) key(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	m.flash = ""
	if m.ask != nil {
		return m.answer(k)
	}
	switch m.mode {
	case modeGuardian:
		return m.keyGuardian(k)
	case modeChild:
		return m.keyChild(k)
	case modeSlot:
		return m.keySlot(k)
	case modePickup:
		return m.keyPickup(k)
	case modeForm:
		return m.keyForm(k)
	}
	return m.keyDay(k)
}

func (m Model) keyDay(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	c := m.ctx
	keys := m.dayKeys()
	line, sl, onBooking := m.Selected()
	switch {
	case key.Matches(k, keys.Up):
		m.cursor = max(0, m.cursor-1)
		m.fixScroll()
	case key.Matches(k, keys.Down):
		m.cursor = max(0, min(len(m.rows)-1, m.cursor+1))
		m.fixScroll()
	case key.Matches(k, keys.PrevDay):
		return m.changeDay(m.date.AddDays(-1))
	case key.Matches(k, keys.NextDay):
		return m.changeDay(m.date.AddDays(1))
	case key.Matches(k, keys.Today):
		return m.changeDay(c.Today())
	case key.Matches(k, keys.Refresh):
		return m, loadDay(m.store, m.date)
	case key.Matches(k, keys.Jump):
		return m.openForm(formJump, components.NewForm(c.Lang, hinted(components.NewField("date", c.T("日付", "Date"), m.date.String(), 12),
			c.T("2026-12-01 / 12/1 / +7", "2026-12-01 / 12/1 / +7"))))
	case key.Matches(k, keys.Book):
		m.mode, m.prefSlot = modeGuardian, sl.ID
		m.picker = components.NewPersonPicker(c.Lang, c.T("検索 > ", "Search > "))
		m.guardian, m.child, m.children = model.Person{}, model.Child{}, nil
		return m, loadPeople(m.store)
	case key.Matches(k, keys.DropOff) && onBooking:
		return m, dropOff(m.store, line.Booking.ID, line.Guardian)
	case key.Matches(k, keys.PickUp) && onBooking:
		return m.openPickup(line, sl)
	case key.Matches(k, keys.Cancel) && onBooking:
		m.ask = &ask{kind: askCancel, bookingID: line.Booking.ID, text: c.T(
			fmt.Sprintf("%s の予約（%s %s）を取り消しますか？", line.Child.DisplayName(), sl.Date, sl.Span()),
			fmt.Sprintf("Cancel %s's booking (%s %s)?", line.Child.DisplayName(), sl.Date, sl.Span()))}
	case key.Matches(k, keys.NoShow) && onBooking:
		// before the slot starts the answer is no: say so now, not after the question
		if err := model.CanMarkNoShow(sl, c.Clock.Now()); err != nil {
			m.flash = model.Message(err, c.Lang)
			return m, nil
		}
		m.ask = &ask{kind: askNoShow, bookingID: line.Booking.ID, text: c.T(
			fmt.Sprintf("%s を無断欠席にしますか？（%s）", line.Child.DisplayName(), sl.Span()),
			fmt.Sprintf("Mark %s as a no-show (%s)?", line.Child.DisplayName(), sl.Span()))}
	case key.Matches(k, keys.Undo) && onBooking:
		m.ask = &ask{kind: askUndo, bookingID: line.Booking.ID, text: c.T(
			fmt.Sprintf("%s の「%s」を取り消して予約に戻しますか？", line.Child.DisplayName(), line.Booking.Status.Label(model.JA)),
			fmt.Sprintf("Undo %s's %s and put the booking back to booked?", line.Child.DisplayName(), line.Booking.Status.Label(model.EN)))}
	case key.Matches(k, keys.NewSlot):
		m.editSlot = model.ChildcareSlot{}
		return m.openForm(formSlot, m.slotForm(model.SlotText{Date: m.date.String(), Start: "9:30", End: "12:30", Capacity: "6", Caregivers: "2"}))
	case key.Matches(k, keys.EditSlot) && sl.ID != 0:
		m.editSlot = sl
		return m.openForm(formSlot, m.slotForm(model.SlotText{Date: sl.Date.String(), Start: sl.Start.String(), End: sl.End.String(),
			Capacity: fmt.Sprint(sl.Capacity), Caregivers: fmt.Sprint(sl.Caregivers), Note: sl.Note}))
	case key.Matches(k, m.keys.DeleteSlot) && sl.ID != 0:
		// x is off in the help bar unless nobody is booked in the slot, but a press still says
		// why at once, not after a question. The store refuses again should a booking come in
		// between the question and the answer.
		if r, _ := m.selectedSlot(); liveBookings(r) > 0 {
			m.flash = m.cannotDelete(r)
			return m, nil
		}
		m.ask = &ask{kind: askDeleteSlot, slot: sl, text: c.T(fmt.Sprintf("%s %s の枠を削除しますか？", sl.Date, sl.Span()),
			fmt.Sprintf("Delete the slot %s %s?", sl.Date, sl.Span()))}
	case key.Matches(k, keys.Template):
		return m.openForm(formTemplate, m.templateForm())
	}
	return m, nil
}

// answer handles y / n on an open question.
func (m Model) answer(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	a := m.ask
	switch {
	case key.Matches(k, m.confirmKeys.No):
		m.ask = nil
		return m, nil
	case key.Matches(k, m.confirmKeys.Yes):
		m.ask = nil
		switch a.kind {
		case askWaitlist:
			return m, book(m.store, a.slot.ID, a.childID, a.bookedBy, true, a.position)
		case askCancel:
			return m, cancelBooking(m.store, a.bookingID)
		case askNoShow:
			return m, noShow(m.store, a.bookingID)
		case askUndo:
			return m, undo(m.store, a.bookingID)
		case askDeleteSlot:
			return m, deleteSlot(m.store, a.slot)
		case askCheckIn:
			return m, checkIn(m.store, a.person)
		}
	}
	return m, nil
}

// ---- booking ----

func (m Model) keyGuardian(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	lk := m.listKeys()
	switch {
	case key.Matches(k, lk.Back):
		m.mode = modeDay
		return m, nil
	case key.Matches(k, lk.Choose):
		p, ok := m.picker.Selected()
		if !ok {
			return m, nil
		}
		m.guardian = p
		return m, loadChildren(m.store, p.ID, 0)
	}
	var cmd tea.Cmd
	m.picker, cmd = m.picker.Update(k)
	return m, cmd
}

func (m Model) keyChild(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	lk := m.listKeys()
	c := m.ctx
	switch {
	case key.Matches(k, lk.Back):
		m.mode = modeGuardian
	case key.Matches(k, lk.Up):
		m.childCur = max(0, m.childCur-1)
	case key.Matches(k, lk.Down):
		m.childCur = max(0, min(len(m.children)-1, m.childCur+1))
	case key.Matches(k, lk.AddChild):
		m.back = modeChild
		return m.openForm(formChild, components.NewForm(c.Lang,
			components.NewField("name", c.T("氏名", "Name"), "", model.MaxNameRunes),
			hinted(components.NewField("reading", c.T("ふりがな", "Reading"), "", 40), c.T("ひらがな・カタカナ", "in kana")),
			hinted(components.NewField("birth_date", c.T("生年月日", "Birth date"), "", 12), "2023-04-01"),
			hinted(components.NewField("allergies", c.T("アレルギー", "Allergies"), "", 200), c.T("なければ空欄", "blank if none")),
			hinted(components.NewField("care_notes", c.T("配慮事項", "Care notes"), "", 200), c.T("午睡・ミルクなど", "naps, milk, ...")),
			hinted(components.NewField("pickups", c.T("お迎え可能者", "Pick-up people"), "", 200), c.T("山田 和子（祖母）、田中 誠（父）", "Name (relation), Name (relation)")),
		))
	case key.Matches(k, lk.Choose):
		if m.childCur >= len(m.children) {
			return m, nil
		}
		m.child = m.children[m.childCur]
		m.mode = modeSlot
		m.slotCur = 0
		for i, r := range m.day.Slots {
			if r.Slot.ID == m.prefSlot {
				m.slotCur = i
			}
		}
	}
	return m, nil
}

func (m Model) keySlot(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	lk := m.listKeys()
	switch {
	case key.Matches(k, lk.Back):
		m.mode = modeChild
	case key.Matches(k, lk.Up):
		m.slotCur = max(0, m.slotCur-1)
	case key.Matches(k, lk.Down):
		m.slotCur = max(0, min(len(m.day.Slots)-1, m.slotCur+1))
	case key.Matches(k, lk.PrevDay), key.Matches(k, lk.NextDay):
		d := m.date.AddDays(1)
		if key.Matches(k, lk.PrevDay) {
			d = m.date.AddDays(-1)
		}
		m.slotCur = 0
		return m.changeDay(d)
	case key.Matches(k, lk.Choose):
		if m.slotCur >= len(m.day.Slots) {
			return m, nil
		}
		sl := m.day.Slots[m.slotCur]
		return m, book(m.store, sl.Slot.ID, m.child.ID, m.guardian.ID, false, 0)
	}
	return m, nil
}

// ---- pick-up ----

// openPickupOf opens the pick-up of a booking of the loaded day (from a GotoMsg).
func (m Model) openPickupOf(bookingID uint64) (common.Screen, tea.Cmd) {
	for _, r := range m.day.Slots {
		for _, l := range r.Bookings {
			if l.Booking.ID == bookingID {
				if l.Booking.Status != model.BookingDroppedOff {
					m.openedFor = 0 // no pick-up opened: nothing to return from
					m.flash = m.ctx.T(fmt.Sprintf("%s は「%s」です。お迎えの記録はできません", l.Child.DisplayName(), l.Booking.Status.Label(model.JA)),
						fmt.Sprintf("%s is %s; there is no pick-up to record", l.Child.DisplayName(), l.Booking.Status.Label(model.EN)))
					return m, common.Status(m.flash)
				}
				return m.openPickup(l, r.Slot)
			}
		}
	}
	m.openedFor = 0
	return m, nil
}

func (m Model) openPickup(l store.RosterLine, sl model.ChildcareSlot) (common.Screen, tea.Cmd) {
	m.mode, m.pick, m.pickSlot, m.pickCur = modePickup, l, sl, 0
	m.choices = model.PickupChoices(l.Child, l.Guardian)
	return m, nil
}

func (m Model) keyPickup(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	lk := m.listKeys()
	c := m.ctx
	switch {
	case key.Matches(k, lk.Back):
		m.mode = modeDay
		if m.openedFor != 0 && m.openedFor == m.pick.Booking.ID {
			m.openedFor = 0
			return m, common.Return()
		}
	case key.Matches(k, lk.Up):
		m.pickCur = max(0, m.pickCur-1)
	case key.Matches(k, lk.Down):
		m.pickCur = min(len(m.choices), m.pickCur+1)
	case key.Matches(k, lk.Choose):
		if m.pickCur < len(m.choices) {
			p := m.choices[m.pickCur]
			who, err := model.NewCollector(m.pick.Child, m.pick.Guardian, p.Name, p.Relation, false, "")
			if err != nil {
				m.flash = model.Message(err, c.Lang)
				return m, nil
			}
			return m, pickUp(m.store, m.pick.Booking.ID, who)
		}
		m.back = modePickup
		return m.openForm(formOverride, components.NewForm(c.Lang,
			components.NewField("collector", c.T("氏名", "Name"), "", model.MaxNameRunes),
			hinted(components.NewField("relation", c.T("続柄・関係", "Relation"), "", 20), c.T("例: 叔母、近所の方", "e.g. aunt, neighbour")),
			hinted(components.NewField("reason", c.T("理由", "Reason"), "", 200), c.T("例: 保護者から電話で依頼あり", "e.g. the guardian phoned to ask")),
		))
	}
	return m, nil
}

// ---- forms ----

// hinted sets a field's hint.
func hinted(f components.Field, hint string) components.Field {
	f.Hint = " " + hint
	return f
}

func (m Model) openForm(kind formKind, f components.Form) (common.Screen, tea.Cmd) {
	if kind != formChild && kind != formOverride {
		m.back = modeDay
	}
	m.mode, m.formKind, m.form = modeForm, kind, f
	return m, nil
}

func (m Model) slotForm(in model.SlotText) components.Form {
	c := m.ctx
	return components.NewForm(c.Lang,
		hinted(components.NewField("date", c.T("日付", "Date"), in.Date, 12), "2026-12-01"),
		hinted(components.NewField("start", c.T("開始", "Start"), in.Start, 5), "9:30"),
		hinted(components.NewField("end", c.T("終了", "End"), in.End, 5), "12:30"),
		components.NewField("capacity", c.T("定員", "Capacity"), in.Capacity, 3),
		components.NewField("caregivers", c.T("保育スタッフ数", "Caregivers"), in.Caregivers, 2),
		components.NewField("note", c.T("メモ", "Note"), in.Note, 200),
	)
}

func (m Model) templateForm() components.Form {
	c := m.ctx
	from := m.date
	if today := c.Today(); from.Before(today) {
		from = today
	}
	all := [7]bool{false, true, true, true, true, true, false}
	return components.NewForm(c.Lang,
		components.NewField("from", c.T("開始日", "First day"), from.String(), 12),
		components.NewField("to", c.T("終了日", "Last day"), model.MonthFrom(from).String(), 12),
		hinted(components.NewField("weekdays", c.T("曜日", "Weekdays"), model.FormatWeekdays(all, c.Lang), 30), c.T("月火水木金 / 月-金 / 平日", "mon-fri / mon,wed,fri")),
		hinted(components.NewField("periods", c.T("時間帯", "Periods"), "9:30-12:30, 13:00-16:00", 80), "9:30-12:30, 13:00-16:00"),
		components.NewField("capacity", c.T("定員", "Capacity"), "6", 3),
		components.NewField("caregivers", c.T("保育スタッフ数", "Caregivers"), "2", 2),
	)
}

func (m Model) keyForm(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	var res components.FormResult
	var cmd tea.Cmd
	m.form, res, cmd = m.form.Update(k)
	switch res {
	case components.FormCancelled:
		m.mode = m.back
		return m, nil
	case components.FormSubmitted:
		return m.submit()
	}
	return m, cmd
}

// submit validates the open form in model and sends it to the store; a rejected form writes
// nothing and shows each reason under its field.
func (m Model) submit() (common.Screen, tea.Cmd) {
	c, v := m.ctx, m.form.Value
	fail := func(err error) (common.Screen, tea.Cmd) {
		m.form, m.flash = m.form.SetErrors(err)
		return m, nil
	}
	switch m.formKind {
	case formJump:
		d, err := model.ParseJumpDate(v("date"), c.Today())
		if err != nil {
			return fail(err)
		}
		m.mode = modeDay
		return m.changeDay(d)
	case formSlot:
		sl, err := model.NewSlotText(model.SlotText{Date: v("date"), Start: v("start"), End: v("end"), Capacity: v("capacity"), Caregivers: v("caregivers"), Note: v("note")})
		if err != nil {
			return fail(err)
		}
		sl.ID = m.editSlot.ID
		return m, saveSlot(m.store, sl)
	case formTemplate:
		tpl, err := model.NewTemplate(model.TemplateInput{From: v("from"), To: v("to"), Weekdays: v("weekdays"), Periods: v("periods"), Capacity: v("capacity"), Caregivers: v("caregivers")})
		if err != nil {
			return fail(err)
		}
		slots := tpl.Expand()
		if len(slots) == 0 {
			return fail(model.Invalid("weekdays", "この期間にその曜日はありません", "No such weekday in that span"))
		}
		return m, applyTemplate(m.store, slots)
	case formChild:
		pickups, perr := model.ParsePickups(v("pickups"))
		ch, err := model.NewChild(model.ChildInput{GuardianID: m.guardian.ID, Name: v("name"), Reading: v("reading"), BirthDate: v("birth_date"),
			Allergies: v("allergies"), CareNotes: v("care_notes"), Pickups: pickups}, c.Today())
		var errs model.FieldErrors
		if fe, ok := err.(model.FieldErrors); ok {
			errs = append(errs, fe...)
		}
		if pe, ok := perr.(*model.Error); ok {
			errs = append(errs, pe)
		}
		if len(errs) > 0 {
			return fail(errs)
		}
		return m, saveChild(m.store, ch)
	case formOverride:
		who, err := model.NewCollector(m.pick.Child, m.pick.Guardian, v("collector"), v("relation"), true, v("reason"))
		if err != nil {
			return fail(err)
		}
		return m, pickUp(m.store, m.pick.Booking.ID, who)
	}
	return m, nil
}

// ---- the rest of common.Screen ----

// SetContext applies a new size or language.
func (m Model) SetContext(c common.Context) common.Screen {
	lang := m.ctx.Lang
	m.ctx = c
	m.keys, m.confirmKeys = DefaultKeyMap(c.Lang), DefaultConfirmKeys(c.Lang)
	if lang != c.Lang && m.mode == modeForm {
		m.mode = modeDay // labels are in the old language; start the form again
	}
	m.fixScroll()
	return m
}

// dayKeys are the day keys for the highlighted row.
func (m Model) dayKeys() KeyMap {
	l, sl, onBooking := m.Selected()
	r, _ := m.selectedSlot()
	return m.keys.forRow(l.Booking.Status, onBooking, !onBooking && sl.ID != 0, liveBookings(r) == 0)
}

// liveBookings counts a slot's bookings that keep it from being deleted: all but the cancelled.
func liveBookings(r store.SlotRoster) int {
	n := 0
	for _, l := range r.Bookings {
		if l.Booking.Status != model.BookingCancelled {
			n++
		}
	}
	return n
}

// cannotDelete says why a slot with bookings cannot be deleted, and what to do: cancel them
// first, unless some already hold a record of care (drop-off, pick-up, no-show).
func (m Model) cannotDelete(r store.SlotRoster) string {
	n, kept := liveBookings(r), false
	for _, l := range r.Bookings {
		switch l.Booking.Status {
		case model.BookingDroppedOff, model.BookingPickedUp, model.BookingNoShow:
			kept = true
		}
	}
	if kept {
		return m.ctx.T(fmt.Sprintf("予約が%d件ある枠は削除できません（利用の記録がある枠は残します）", n),
			fmt.Sprintf("The slot has %d %s and cannot be deleted (it holds a record of care)", n, plural(n, "booking", "bookings")))
	}
	return m.ctx.T(fmt.Sprintf("予約が%d件ある枠は削除できません。先に予約を取り消してください", n),
		fmt.Sprintf("The slot has %d %s; cancel %s first to delete it", n, plural(n, "booking", "bookings"), plural(n, "it", "them")))
}

// listKeys are the keys of the current list step.
func (m Model) listKeys() ListKeys {
	c := m.ctx
	switch m.mode {
	case modeChild:
		k := DefaultListKeys(c.Lang, c.T("選ぶ", "choose"))
		k.AddChild.SetEnabled(true)
		return k
	case modeSlot:
		k := DefaultListKeys(c.Lang, c.T("予約する", "book"))
		k.PrevDay.SetEnabled(true)
		k.NextDay.SetEnabled(true)
		return k
	case modePickup:
		return DefaultListKeys(c.Lang, c.T("引き渡す", "hand over"))
	}
	return DefaultListKeys(c.Lang, c.T("選ぶ", "choose"))
}

// Keys returns the help bar's keys for what the screen is doing.
func (m Model) Keys() help.KeyMap {
	switch {
	case m.ask != nil:
		return m.confirmKeys
	case m.mode == modeForm:
		return m.form.Keys()
	case m.mode == modeDay:
		return m.dayKeys()
	}
	return m.listKeys()
}

// Capturing is true whenever a step, form or question is open: keys stay on the screen (no tab
// switch or quit half-way through a pick-up).
func (m Model) Capturing() bool { return m.mode != modeDay || m.ask != nil }

// Cursor places the real cursor in the focused text field (for the IME).
func (m Model) Cursor() *tea.Cursor {
	switch m.mode {
	case modeGuardian:
		c := m.picker.Cursor()
		if c != nil {
			c.Y += pickerTop
		}
		return c
	case modeForm:
		c := m.form.Cursor()
		if c != nil {
			c.Y += formTop
		}
		return c
	}
	return nil
}
