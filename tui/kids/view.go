package kids

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// Where text fields sit in the body, for the real cursor.
const (
	pickerTop = 1 // the search field is under the step's title
	formTop   = 2 // forms start under a title and a blank line
)

// View draws what the screen is doing at the context's size.
func (m Model) View() string {
	c := m.ctx
	var body string
	switch {
	case !m.loaded && m.mode == modeDay:
		body = m.titleLine() + "\n\n" + c.Styles.Muted.Render(c.T("読み込み中", "Loading"))
	case m.mode == modeGuardian:
		body = m.viewGuardian()
	case m.mode == modeChild:
		body = m.viewChild()
	case m.mode == modeSlot:
		body = m.viewSlots()
	case m.mode == modePickup:
		body = m.viewPickup()
	case m.mode == modeForm:
		body = m.viewForm()
	default:
		body = m.viewDay()
	}
	if m.mode != modeDay {
		body = common.Lines(body, c.Width, c.Height-len(m.footer()))
		if f := m.footer(); len(f) > 0 {
			body += "\n" + strings.Join(f, "\n")
		}
	}
	return common.Lines(body, c.Width, c.Height)
}

// titleLine is the day's title.
func (m Model) titleLine() string {
	c, st := m.ctx, m.ctx.Styles
	left := st.Title.Render(c.T("キッズスペース", "Kids space")) + "  " + model.FormatDateLong(m.date, c.Lang) + " " + m.date.String()
	if m.date == c.Today() {
		left += " " + st.OK.Render(c.T("（今日）", "(today)"))
	}
	return left
}

// summaryLine is the day's totals.
func (m Model) summaryLine() string {
	c, st := m.ctx, m.ctx.Styles
	booked, inCare, waiting, short := 0, 0, 0, 0
	for _, r := range m.day.Slots {
		if r.Load().Short(r.Slot, m.day.Ratio) {
			short++
		}
		for _, l := range r.Bookings {
			switch l.Booking.Status {
			case model.BookingBooked, model.BookingPickedUp:
				booked++
			case model.BookingDroppedOff:
				booked++
				inCare++
			case model.BookingWaitlisted:
				waiting++
			}
		}
	}
	line := st.Muted.Render(c.T(fmt.Sprintf("枠%d  予約%d  利用中%d  空き待ち%d", len(m.day.Slots), booked, inCare, waiting),
		fmt.Sprintf("%d %s, %d booked, %d in care, %d waiting", len(m.day.Slots), plural(len(m.day.Slots), "slot", "slots"), booked, inCare, waiting)))
	if short > 0 {
		line += "  " + st.Danger.Render(c.T(fmt.Sprintf("！保育スタッフ不足の枠 %d", short), fmt.Sprintf("! %d short of caregivers", short)))
	}
	return line
}

// alerts are the red lines for children still in care after their slot ended, any day.
func (m Model) alerts() []string {
	c, st := m.ctx, m.ctx.Styles
	now := c.Clock.Now()
	var out []string
	n := 0
	for _, l := range m.day.InCare {
		if !l.Booking.Overdue(l.Slot, now) {
			continue
		}
		n++
		if n > 3 {
			continue
		}
		day := l.Slot.Date.String()[5:]
		out = append(out, st.Alert.Render(common.Fit(c.T(
			fmt.Sprintf(" ！お迎え未完了: %s（%s %s 終了の枠）保護者 %s", l.Child.DisplayName(), day, l.Slot.End, l.Guardian.Name),
			fmt.Sprintf(" ! Not picked up: %s (slot ended %s %s) guardian %s", l.Child.DisplayName(), day, l.Slot.End, l.Guardian.Name)), c.Width)))
	}
	if n > 3 {
		out = append(out, st.Alert.Render(common.Fit(c.T(fmt.Sprintf(" ほか%d人", n-3), fmt.Sprintf(" and %d more", n-3)), c.Width)))
	}
	return out
}

// footer is the open question, or the last message, under the view.
func (m Model) footer() []string {
	c, st := m.ctx, m.ctx.Styles
	if m.ask != nil {
		lines := strings.Split(m.wrap(m.ask.text, c.Width), "\n")
		if len(lines) > 2 {
			lines = lines[:2]
		}
		for i, l := range lines {
			lines[i] = st.Warn.Render(common.Cut(l, c.Width))
		}
		return append(lines, st.Label.Render(c.T("y: はい    n: いいえ", "y: yes    n: no")))
	}
	if m.flash != "" {
		return []string{st.Danger.Render(common.Cut(m.flash, c.Width))}
	}
	return nil
}

func (m Model) headerLines() []string {
	return append(append([]string{m.titleLine(), m.summaryLine()}, m.alerts()...), "")
}

// listHeight is the number of lines the day list may use.
func (m Model) listHeight() int {
	return max(1, m.ctx.Height-len(m.headerLines())-len(m.footer()))
}

// viewDay draws the day: title, alerts, the slots with their rosters, and any question.
func (m Model) viewDay() string {
	c, st := m.ctx, m.ctx.Styles
	head := m.headerLines()
	if m.loadErr != nil {
		return strings.Join(head, "\n") + "\n" + st.Danger.Render(model.Message(m.loadErr, c.Lang))
	}
	var lines []string
	if len(m.day.Slots) == 0 {
		lines = append(lines, st.Muted.Render(c.T("この日の枠はありません。a で枠を追加、w で週間テンプレートから作成できます",
			"No slots on this day. a adds one; w makes a month of them from a weekly template.")))
	} else {
		list, starts, ends := m.list()
		h, lw := m.listHeight(), m.listWidth()
		off := clampOffset(m.offset, starts, ends, m.cursor, h, len(list))
		w := window(list, starts, ends, off, h)
		lines = w.lines
		if w.above > 0 {
			lines[w.aboveAt] = st.Muted.Render(common.Fit(c.T(fmt.Sprintf("  ...上に%d行", w.above), fmt.Sprintf("  ...%d more above", w.above)), lw))
		}
		if w.below > 0 {
			lines[w.belowAt] = st.Muted.Render(common.Fit(c.T(fmt.Sprintf("  ...下に%d行", w.below), fmt.Sprintf("  ...%d more below", w.below)), lw))
		}
		if pw := c.Width - lw - panelGap; pw > 0 {
			panel := m.detail(pw)
			if len(panel) > h {
				panel = panel[:h]
			}
			lines = strings.Split(common.Columns(panelGap, []int{lw, pw}, strings.Join(lines, "\n"), strings.Join(panel, "\n")), "\n")
		}
	}
	body := common.Lines(strings.Join(append(head, lines...), "\n"), c.Width, c.Height-len(m.footer()))
	if f := m.footer(); len(f) > 0 {
		body += "\n" + strings.Join(f, "\n")
	}
	return body
}

// shown is the part of the day list in view: its lines, and how many lines are hidden above
// and below, to be said on the lines at aboveAt and belowAt.
type shown struct {
	lines                          []string
	above, aboveAt, below, belowAt int
}

// window is the h lines of the list from off, keeping a line for "more above" when lines are
// hidden above and one for "more below" when lines are hidden below. A row is never shown in
// part: the notes of a child scrolled off the top, or a child whose notes would be cut off at the
// bottom, are left out (blank), so an allergy note is never seen apart from its child's name, nor
// a name without its note. The cursor's row is always whole (clampOffset).
func window(list []string, starts, ends []int, off, h int) shown {
	w := shown{lines: append([]string(nil), list[off:min(len(list), off+h)]...)}
	first, last := off, off+len(w.lines)-1 // the lines left for rows
	if off > 0 {
		first++
	}
	if off+h < len(list) {
		last--
	}
	top, bottom := first, last+1 // the first line shown, and the first line hidden below
	for i := range starts {
		if starts[i] < first && ends[i] >= first {
			top = max(top, ends[i]+1)
		}
		if starts[i] >= first && starts[i] <= last && ends[i] > last {
			bottom = min(bottom, starts[i])
		}
	}
	for j := off; j < top; j++ {
		w.lines[j-off] = ""
	}
	for j := bottom; j < off+len(w.lines); j++ {
		w.lines[j-off] = ""
	}
	if off > 0 {
		w.above, w.aboveAt = top, top-1-off // lines 0..top-1: the marker's own line is hidden too
	}
	if bottom < len(list) {
		w.below, w.belowAt = len(list)-bottom, bottom-off
	}
	return w
}

// clampOffset keeps the cursor's row (with its note lines) inside a window of h lines.
func clampOffset(off int, starts, ends []int, cursor, h, total int) int {
	if cursor >= 0 && cursor < len(starts) {
		if starts[cursor] < off {
			off = starts[cursor]
		}
		if ends[cursor] >= off+h {
			off = ends[cursor] - h + 1
		}
		if off > 0 && starts[cursor] == off && h > 2 {
			off-- // leave room for the "more above" line
		}
		if ends[cursor] >= off+h-1 && off+h < total && h > 2 {
			off = min(off+1, starts[cursor])
		}
	}
	return max(0, min(off, total-h))
}

// fixScroll moves the remembered offset so the cursor stays in view.
func (m *Model) fixScroll() {
	list, starts, ends := m.list()
	m.offset = clampOffset(m.offset, starts, ends, m.cursor, m.listHeight(), len(list))
}

// panelGap is the space between the day list and the detail panel of a wide terminal, and
// panelFrom the terminal width from which the panel is shown.
const (
	panelGap  = 2
	panelFrom = 110
)

// minPanel is the room the detail panel keeps when the day list grows past 80 cells.
const minPanel = 30

// listWidth is the width of the day list: the whole body, or, when the terminal is wide enough
// for the detail panel beside it, what the list's lines need (at least 80 cells) and the rest for
// the panel.
func (m Model) listWidth() int {
	if m.ctx.Width < panelFrom {
		return m.ctx.Width
	}
	// what the rows need, free text aside (a slot's note, the children's notes, an override's
	// reason can be any length: they are cut, and the panel shows them whole)
	cols, need := m.columns(), 0
	for _, r := range m.day.Slots {
		plain, _ := m.slotHeader(r)
		if r.Slot.Note != "" {
			plain = strings.TrimSuffix(plain, "  "+r.Slot.Note)
		}
		need = max(need, 2+ansi.StringWidth(plain))
		for _, l := range r.Bookings {
			if rank(l.Booking.Status) >= 0 {
				plain, _ := m.bookingLine(r, l, 1, cols)
				need = max(need, 2+ansi.StringWidth(plain))
			}
		}
	}
	return max(80, min(need, m.ctx.Width-panelGap-minPanel))
}

// list renders every row of the day at the list's width, with the lines each occupies.
func (m Model) list() (lines []string, starts, ends []int) {
	st := m.ctx.Styles
	w := m.listWidth()
	selected := func(s string) string { return st.Selected.Render(common.Fit(s, w)) }
	cols := m.columns()
	pos := map[uint64]int{}
	for _, r := range m.day.Slots {
		n := 0
		for _, l := range r.Bookings {
			if l.Booking.Status == model.BookingWaitlisted {
				n++
				pos[l.Booking.ID] = n
			}
		}
	}
	for i, rw := range m.rows {
		r := m.day.Slots[rw.slot]
		isCursor := i == m.cursor
		if rw.line < 0 && rw.slot > 0 {
			lines = append(lines, "")
		}
		starts = append(starts, len(lines))
		if rw.line < 0 {
			plain, styled := m.slotHeader(r)
			if isCursor {
				lines = append(lines, selected("> "+plain))
			} else {
				lines = append(lines, "  "+styled)
			}
			ends = append(ends, len(lines)-1)
			continue
		}
		l := r.Bookings[rw.line]
		plain, styled := m.bookingLine(r, l, pos[l.Booking.ID], cols)
		if isCursor {
			lines = append(lines, selected("> "+plain))
		} else {
			lines = append(lines, "  "+styled)
		}
		// The notes have their own line, in the allergy style, on the highlighted row too.
		if note := m.notes(l.Child); note != "" {
			lines = append(lines, "      "+st.Allergy.Render(common.Cut(note, w-6)))
		}
		if o := l.Booking.CollectedBy; o != nil && o.Override {
			lines = append(lines, "      "+st.Warn.Render(common.Cut(m.ctx.T(
				fmt.Sprintf(" ！例外の引き渡し: %s（%s） 理由: %s ", o.Name, o.Relation, oneLine(o.Reason)),
				fmt.Sprintf(" ! Override: handed to %s (%s), reason: %s ", o.Name, o.Relation, oneLine(o.Reason))), w-6)))
		}
		ends = append(ends, len(lines)-1)
	}
	for i, l := range lines {
		lines[i] = common.Cut(l, w)
	}
	return lines, starts, ends
}

// columns are the widths of the day list's name columns.
type columns struct{ child, guardian int }

// columns sizes the name columns by display width: wide enough for the day's longest names (at
// least the usual 12 cells, at most 20). When the longest line would then not fit the room the
// list has, the guardian's column gives way, down to 12 cells; the child's never does (the
// child's name is what the row and its allergy note are about).
func (m Model) columns() columns {
	c := columns{child: 12, guardian: 12}
	tail := 0
	for _, r := range m.day.Slots {
		for _, l := range r.Bookings {
			if rank(l.Booking.Status) < 0 {
				continue
			}
			c.child = max(c.child, min(20, ansi.StringWidth(l.Child.DisplayName())+1))
			c.guardian = max(c.guardian, min(20, ansi.StringWidth(l.Guardian.DisplayName())+1))
			plain, _ := m.bookingTail(r, l, 1)
			tail = max(tail, ansi.StringWidth(plain))
		}
	}
	room := m.ctx.Width
	if room >= panelFrom {
		room -= panelGap + minPanel
	}
	// "> " + "  " + child + " " + band + " " + guardian + " " + tail
	for 4+c.child+1+bandW+1+c.guardian+1+tail > room && c.guardian > 12 {
		c.guardian--
	}
	return c
}

// slotHeader is a slot's line: time, capacity, booked and waitlisted, caregivers on duty and
// required, and a mark when short.
func (m Model) slotHeader(r store.SlotRoster) (plain, styled string) {
	c, st := m.ctx, m.ctx.Styles
	load := r.Load()
	need := load.Required(m.day.Ratio)
	s := r.Slot
	plain = c.T(fmt.Sprintf("%-11s 定員%d  予約%d  空き待ち%d  保育%d人（必要%d人）", s.Span(), s.Capacity, load.Booked, load.Waitlisted, s.Caregivers, need),
		fmt.Sprintf("%-11s cap %d  booked %d  waiting %d  caregivers %d (need %d)", s.Span(), s.Capacity, load.Booked, load.Waitlisted, s.Caregivers, need))
	styled = st.Heading.Render(plain)
	if load.Short(s, m.day.Ratio) {
		short := c.T(" ！保育スタッフ不足", " ! short")
		plain += short
		styled += st.Danger.Render(short)
	}
	if s.Note != "" {
		plain += "  " + s.Note
		styled += "  " + st.Muted.Render(s.Note)
	}
	return plain, styled
}

// bookingLine is a booking's line: child, age band on the day, guardian, status with times and
// who collected the child.
func (m Model) bookingLine(r store.SlotRoster, l store.RosterLine, pos int, cols columns) (plain, styled string) {
	band := model.BandOf(l.Child.BirthDate, r.Slot.Date).Label(m.ctx.Lang)
	lead := "  " + common.Fit(l.Child.DisplayName(), cols.child) + " " + common.Fit(band, bandW) + " " + common.Fit(l.Guardian.DisplayName(), cols.guardian) + " "
	plain, styled = m.bookingTail(r, l, pos)
	return lead + plain, lead + styled
}

// bandW is the width of the age band column.
const bandW = 8

// bookingTail is the part of a booking's line after the names: status, times, who collected.
func (m Model) bookingTail(r store.SlotRoster, l store.RosterLine, pos int) (plain, styled string) {
	c, st := m.ctx, m.ctx.Styles
	b := l.Booking
	status := b.Status.Label(c.Lang)
	statusW := 9
	if c.Lang == model.EN {
		statusW = 11
	}
	if b.Status == model.BookingWaitlisted {
		status = c.T(fmt.Sprintf("空き待ち%d", pos), fmt.Sprintf("waiting #%d", pos))
	}
	times := ""
	switch b.Status {
	case model.BookingDroppedOff:
		times = model.HHMM(b.DroppedOff) + "-"
	case model.BookingPickedUp:
		times = model.HHMM(b.DroppedOff) + "-" + model.HHMM(b.PickedUp)
	}
	tail := common.Fit(status, statusW) + " " + times
	plain = tail
	styledTail := tail
	switch b.Status {
	case model.BookingDroppedOff:
		styledTail = st.OK.Render(tail)
		if b.Overdue(r.Slot, m.ctx.Clock.Now()) {
			warn := c.T(" ！お迎え時刻超過", " ! overdue")
			plain += warn
			styledTail = st.Danger.Render(tail + warn)
		}
	case model.BookingWaitlisted:
		styledTail = st.Warn.Render(tail)
	case model.BookingNoShow, model.BookingPickedUp:
		styledTail = st.Muted.Render(tail)
	}
	if w := b.CollectedBy; w != nil {
		if w.Override {
			plain += c.T(" ！例外", " ! override")
			styledTail += st.Warn.Render(c.T(" ！例外", " ! override"))
		} else {
			// the guardian is named on the line already
			who := " " + m.collector(w.Name, w.Relation)
			if w.Relation == model.GuardianRelation && w.Name == l.Guardian.Name {
				who = " " + c.T("保護者", "guardian")
			}
			plain += who
			styledTail += st.Muted.Render(who)
		}
	}
	return plain, styledTail
}

// notes is a child's allergy and care notes on one line, or "".
func (m Model) notes(ch model.Child) string {
	c := m.ctx
	var parts []string
	if ch.Allergies != "" {
		parts = append(parts, c.T("！アレルギー: ", "! Allergy: ")+oneLine(ch.Allergies))
	}
	if ch.CareNotes != "" {
		parts = append(parts, c.T("配慮: ", "Care: ")+oneLine(ch.CareNotes))
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, "  ") + " "
}

// wrap folds text to w cells: English at spaces, Japanese where a phrase ends when a line has
// such a place (components.WrapPhrases), so a question never breaks inside a word.
func (m Model) wrap(s string, w int) string {
	return strings.Join(components.WrapPhrases(s, w), "\n")
}

// paren puts s in brackets: full-width in Japanese, ASCII after a space in English.
func (m Model) paren(s string) string { return m.ctx.T("（"+s+"）", " ("+s+")") }

// collector is a person with their relation to the child: 山田 和子（祖母）, the guardian as
// 保護者 / guardian.
func (m Model) collector(name, relation string) string {
	if relation == model.GuardianRelation {
		relation = m.ctx.T("保護者", "guardian")
	}
	return name + m.paren(relation)
}

// pickups lists a child's authorised pick-up people in the language.
func (m Model) pickups(ps []model.PickupPerson) string {
	if m.ctx.Lang == model.JA {
		return model.FormatPickups(ps)
	}
	var s []string
	for _, p := range ps {
		s = append(s, m.collector(p.Name, p.Relation))
	}
	return strings.Join(s, ", ")
}

// plural picks the English word for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// oneLine folds line breaks in free text into spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// ---- the booking steps ----

func (m Model) viewGuardian() string {
	c, st := m.ctx, m.ctx.Styles
	title := st.Title.Render(c.T("予約 1/3: 保護者を探す", "Book 1/3: find the guardian")) + "  " + st.Muted.Render(model.FormatDateLong(m.date, c.Lang))
	p := m.picker
	return title + "\n" + p.View(st, c.Width, c.Height-1-len(m.footer()))
}

func (m Model) viewChild() string {
	c, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(c.T("予約 2/3: 子どもを選ぶ", "Book 2/3: choose the child")) + "  " + c.T("保護者 ", "guardian ") + m.guardian.DisplayName())
	b.WriteString("\n")
	if len(m.children) == 0 {
		b.WriteString("\n" + st.Muted.Render(c.T("子どもが登録されていません。a で登録できます", "No children registered. a registers one.")))
	}
	for i, ch := range m.children {
		line := common.Fit(ch.Name, 14) + " " + common.Fit(model.BandOf(ch.BirthDate, m.date).Label(c.Lang), 8) + " " +
			c.T(ch.BirthDate.String()+"生", "born "+ch.BirthDate.String())
		if len(ch.Pickups) > 0 {
			line += "  " + c.T("お迎え: ", "pick-up: ") + m.pickups(ch.Pickups)
		}
		if i == m.childCur {
			b.WriteString("\n" + st.Selected.Render(common.Fit("> "+line, c.Width)))
		} else {
			b.WriteString("\n  " + common.Cut(line, c.Width-2))
		}
		if n := m.notes(ch); n != "" {
			b.WriteString("\n      " + st.Allergy.Render(common.Cut(n, c.Width-6)))
		}
	}
	return b.String()
}

func (m Model) viewSlots() string {
	c, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	band := model.BandOf(m.child.BirthDate, m.date)
	b.WriteString(st.Title.Render(c.T("予約 3/3: 枠を選ぶ", "Book 3/3: choose the slot")) + "  " + m.child.Name + m.paren(band.Label(c.Lang)) +
		c.T("  保護者 ", "  guardian ") + m.guardian.DisplayName())
	b.WriteString("\n" + model.FormatDateLong(m.date, c.Lang) + " " + m.date.String() + "  " + st.Muted.Render(c.T("left/right で日を変更", "left/right: another day")))
	if n := m.notes(m.child); n != "" {
		b.WriteString("\n" + st.Allergy.Render(common.Cut(n, c.Width)))
	}
	b.WriteString("\n")
	if !m.loaded {
		b.WriteString("\n" + st.Muted.Render(c.T("読み込み中", "Loading")))
	} else if len(m.day.Slots) == 0 {
		b.WriteString("\n" + st.Muted.Render(c.T("この日の枠はありません", "No slots on this day")))
	}
	// the slot's figures in a column as wide as the widest, then what booking would do
	infos := make([]string, len(m.day.Slots))
	infoW := 0
	for i, r := range m.day.Slots {
		load := r.Load()
		s := r.Slot
		infos[i] = c.T(fmt.Sprintf("%-11s 定員%d 予約%d 空き待ち%d", s.Span(), s.Capacity, load.Booked, load.Waitlisted),
			fmt.Sprintf("%-11s booked %d/%d, %d waiting", s.Span(), load.Booked, s.Capacity, load.Waitlisted))
		infoW = max(infoW, ansi.StringWidth(infos[i]))
	}
	for i, r := range m.day.Slots {
		load := r.Load()
		s := r.Slot
		verdict, style := m.verdict(r), st.OK
		if ok, _ := model.Admit(s, load, model.BandOf(m.child.BirthDate, s.Date), m.day.Ratio); !ok || model.CanBook(s, m.ctx.Clock.Now()) != nil {
			style = st.Warn
		}
		info := common.Fit(infos[i], infoW)
		if i == m.slotCur {
			b.WriteString("\n" + st.Selected.Render(common.Fit("> "+info+"  "+verdict, c.Width)))
		} else {
			b.WriteString("\n  " + info + "  " + style.Render(common.Cut(verdict, c.Width-4-infoW)))
		}
	}
	return b.String()
}

// verdict says what booking the chosen child into a slot would do.
func (m Model) verdict(r store.SlotRoster) string {
	c := m.ctx
	for _, l := range r.Bookings {
		if l.Child.ID == m.child.ID && l.Booking.Status != model.BookingCancelled && l.Booking.Status != model.BookingNoShow {
			return c.T("この枠は予約済み", "already in this slot") + m.paren(l.Booking.Status.Label(c.Lang))
		}
	}
	if err := model.CanBook(r.Slot, c.Clock.Now()); err != nil {
		return c.T("終了した枠", "ended")
	}
	load := r.Load()
	ok, why := model.Admit(r.Slot, load, model.BandOf(m.child.BirthDate, r.Slot.Date), m.day.Ratio)
	if ok {
		return c.T("予約できます", "can book")
	}
	return c.T(fmt.Sprintf("空き待ち%d番目（%s）", load.Waitlisted+1, why.JA), fmt.Sprintf("waitlist #%d: %s", load.Waitlisted+1, why.EN))
}

// ---- pick-up ----

func (m Model) viewPickup() string {
	c, st := m.ctx, m.ctx.Styles
	l, s := m.pick, m.pickSlot
	var b strings.Builder
	b.WriteString(st.Title.Render(c.T("お迎え: ", "Pick-up: ")+l.Child.DisplayName()) + m.paren(model.BandOf(l.Child.BirthDate, s.Date).Label(c.Lang)) + "  " +
		s.Span() + "  " + c.T("お預かり ", "dropped off ") + model.HHMM(l.Booking.DroppedOff))
	if n := m.notes(l.Child); n != "" {
		b.WriteString("\n" + st.Allergy.Render(common.Cut(n, c.Width)))
	}
	in := c.T("（未チェックイン）", " (not checked in)")
	if m.day.GuardiansIn[l.Guardian.ID] {
		in = c.T("（在館中）", " (checked in)")
	}
	b.WriteString("\n" + c.T("保護者: ", "Guardian: ") + l.Guardian.DisplayName() + st.Muted.Render(in))
	b.WriteString("\n\n" + st.Label.Render(c.T("どなたがお迎えに来ましたか？", "Who has come to collect the child?")))
	for i := 0; i <= len(m.choices); i++ {
		var line string
		if i < len(m.choices) {
			line = m.collector(m.choices[i].Name, m.choices[i].Relation)
		} else {
			line = c.T("その他の方（理由を記録して引き渡す）", "Someone else (override, with a reason)")
		}
		if i == m.pickCur {
			b.WriteString("\n" + st.Selected.Render(common.Fit("> "+line, c.Width)))
		} else if i == len(m.choices) {
			b.WriteString("\n  " + st.Warn.Render(line))
		} else {
			b.WriteString("\n  " + line)
		}
	}
	return b.String()
}

// ---- forms ----

func (m Model) viewForm() string {
	c, st := m.ctx, m.ctx.Styles
	var title, hint string
	r := m.day.Ratio
	switch m.formKind {
	case formJump:
		title = c.T("日付へ移動", "Go to a date")
		hint = c.T("2026-12-01、12/1、12月1日、+7（7日後）、-1（前日）が使えます。ctrl+s で移動", "2026-12-01, 12/1, +7 (a week on) or -1 (the day before). ctrl+s goes there.")
	case formSlot:
		title = c.T("枠を追加", "Add a slot")
		if m.editSlot.ID != 0 {
			title = c.T("枠を編集: ", "Edit slot: ") + m.editSlot.Date.String() + " " + m.editSlot.Span()
		}
		hint = c.T(fmt.Sprintf("保育比率: スタッフ1人に 0歳%d人・1・2歳%d人・3歳%d人・4歳以上%d人、最低%d人",
			r.PerCaregiver[0], r.PerCaregiver[1], r.PerCaregiver[2], r.PerCaregiver[3], r.MinCaregivers),
			fmt.Sprintf("Ratio: a caregiver per %d age 0, %d age 1-2, %d age 3, %d age 4+; at least %d",
				r.PerCaregiver[0], r.PerCaregiver[1], r.PerCaregiver[2], r.PerCaregiver[3], r.MinCaregivers))
		if m.editSlot.ID != 0 {
			hint += "\n" + c.T("保育スタッフや定員を増やすと、入れるようになった空き待ちの子が繰り上がります",
				"More caregivers or places promote waitlisted children who now fit")
		}
	case formTemplate:
		title = c.T("週間テンプレートから枠を作成", "Make slots from a weekly template")
		hint = c.T("指定した曜日ごとに、時間帯の数だけ枠を作ります（最長93日）。\n同じ日・同じ時間の枠がすでにあれば作りません。\n祝日や休館日の枠は、作成後に x で削除してください",
			"Makes one slot per period on each chosen weekday (up to 93 days). Slots that already exist are skipped.\nDelete holiday slots afterwards with x.")
	case formChild:
		title = c.T("子どもを登録", "Register a child") + "  " + c.T("保護者 ", "guardian ") + m.guardian.DisplayName()
		hint = c.T("お迎え可能者は、保護者のほかにお迎えに来られる方です（氏名と続柄）", "Pick-up people are those besides the guardian who may collect the child (name and relation)")
	case formOverride:
		title = c.T("お迎え: ", "Pick-up: ") + m.pick.Child.DisplayName() + c.T(" を登録されていない方に引き渡す", ": handing over to someone not authorised")
		hint = c.T("保護者・お迎え可能者ではない方です。氏名・続柄・理由は操作履歴に記録されます",
			"This person is neither the guardian nor an authorised pick-up person. Name, relation and reason go into the audit log.")
		if len(m.pick.Child.Pickups) > 0 {
			hint += "\n" + c.T("お迎え可能者: ", "Authorised: ") + m.pickups(m.pick.Child.Pickups)
		}
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(common.Cut(title, c.Width)) + "\n\n")
	b.WriteString(m.form.View(st))
	b.WriteString("\n\n")
	for _, h := range strings.Split(hint, "\n") {
		b.WriteString(st.Muted.Render(m.wrap(h, c.Width)) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// detail is the wide terminal's panel beside the day list: everything about the highlighted
// booking (the child's notes in full, the guardian's phone, who may collect the child) or slot
// (children by age band, and what the ratio requires).
func (m Model) detail(w int) []string {
	c, st := m.ctx, m.ctx.Styles
	var out []string
	add := func(style func(...string) string, s string) {
		for _, l := range strings.Split(m.wrap(s, w), "\n") {
			out = append(out, style(l))
		}
	}
	plain := func(s ...string) string { return strings.Join(s, "") }
	l, sl, onBooking := m.Selected()
	if !onBooking {
		r, ok := m.selectedSlot()
		if !ok {
			return nil
		}
		load := r.Load()
		add(st.Heading.Render, c.T(sl.Date.String()+" "+sl.Span()+" の枠", "Slot "+sl.Date.String()+" "+sl.Span()))
		add(plain, c.T(fmt.Sprintf("定員%d  予約%d  空き%d  空き待ち%d", sl.Capacity, load.Booked, load.Free(sl), load.Waitlisted),
			fmt.Sprintf("cap %d, booked %d, free %d, waiting %d", sl.Capacity, load.Booked, load.Free(sl), load.Waitlisted)))
		out = append(out, "")
		add(st.Label.Render, c.T("年齢別（当日の年齢）", "By age on the day"))
		for _, b := range model.AgeBands {
			add(plain, fmt.Sprintf("  %s %d  (%s)", common.Fit(b.Label(c.Lang), 8), load.PerBand[b],
				c.T(fmt.Sprintf("%d人に1人", m.day.Ratio.PerCaregiver[b]), fmt.Sprintf("1 per %d", m.day.Ratio.PerCaregiver[b]))))
		}
		need := load.Required(m.day.Ratio)
		style := plain
		if load.Short(sl, m.day.Ratio) {
			style = st.Danger.Render
		}
		add(style, c.T(fmt.Sprintf("必要な保育スタッフ %d人（最低%d人）", need, m.day.Ratio.MinCaregivers),
			fmt.Sprintf("caregivers needed: %d (at least %d)", need, m.day.Ratio.MinCaregivers)))
		add(style, c.T(fmt.Sprintf("配置 %d人", sl.Caregivers), fmt.Sprintf("on duty: %d", sl.Caregivers)))
		if sl.Note != "" {
			out = append(out, "")
			add(plain, c.T("メモ: ", "Note: ")+sl.Note)
		}
		return out
	}
	ch, g, b := l.Child, l.Guardian, l.Booking
	add(st.Heading.Render, ch.Name+m.paren(ch.Reading))
	add(plain, model.BandOf(ch.BirthDate, sl.Date).Label(c.Lang)+"  "+c.T(ch.BirthDate.String()+"生", "born "+ch.BirthDate.String()))
	if ch.Allergies != "" {
		add(st.Allergy.Render, c.T("！アレルギー: ", "! Allergy: ")+oneLine(ch.Allergies))
	}
	if ch.CareNotes != "" {
		add(st.Allergy.Render, c.T("配慮: ", "Care: ")+oneLine(ch.CareNotes))
	}
	out = append(out, "")
	in := c.T("（未チェックイン）", " (not checked in)")
	if m.day.GuardiansIn[g.ID] {
		in = c.T("（在館中）", " (checked in)")
	}
	add(plain, c.T("保護者: ", "Guardian: ")+g.DisplayName()+in)
	if g.Phone != "" {
		add(plain, c.T("電話: ", "Phone: ")+g.Phone)
	}
	add(st.Label.Render, c.T("お迎え可能者", "May collect"))
	add(plain, "  "+m.collector(g.DisplayName(), model.GuardianRelation))
	for _, p := range ch.Pickups {
		add(plain, "  "+m.collector(p.Name, p.Relation))
	}
	out = append(out, "")
	add(plain, c.T("状態: ", "Status: ")+b.Status.Label(c.Lang))
	if !b.Created.IsZero() {
		add(plain, c.T("受付: ", "Booked: ")+model.DateOf(b.Created).String()+" "+model.HHMM(b.Created))
	}
	if !b.DroppedOff.IsZero() {
		add(plain, c.T("お預かり: ", "Dropped off: ")+model.HHMM(b.DroppedOff))
	}
	if !b.PickedUp.IsZero() {
		add(plain, c.T("お迎え: ", "Picked up: ")+model.HHMM(b.PickedUp))
	}
	if o := b.CollectedBy; o != nil {
		add(plain, c.T("引き渡し: ", "Handed to: ")+m.collector(o.Name, o.Relation))
		if o.Override {
			add(st.Warn.Render, c.T("例外の理由: ", "Override reason: ")+o.Reason)
		}
	}
	return out
}
