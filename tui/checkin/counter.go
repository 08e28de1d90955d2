package checkin

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// Layout of the counter: a header line, then the search field (row 1) with its matches on the
// left and the here-now panel on the right, and a footer line.
const (
	counterSearchRow = 1
	gap              = 2
)

// columns splits the body width between the search list and the here-now panel.
func columns(width int) (int, int) {
	lw := (width - gap) * 3 / 5
	return lw, max(width-gap-lw, 0)
}

// loadedData takes in a load; the pickers keep their query and, where it still matches, their
// highlighted person.
func (m Model) loadedData(msg LoadedMsg) Model {
	m.loaded = true
	m.loadErr = msg.Err
	if msg.Err != nil {
		return m
	}
	m.people, m.today, m.settings = msg.People, msg.Today, msg.Settings
	in := map[uint64]string{}
	dirMarks := map[uint64]string{}
	for _, h := range m.today.Here {
		in[h.Person.ID] = m.ctx.T("在館", "IN")
		dirMarks[h.Person.ID] = in[h.Person.ID]
	}
	for _, p := range m.people {
		if p.Archived {
			dirMarks[p.ID] = m.ctx.T("保管", "ARC")
		}
	}
	m.picker.SetPeople(m.people)
	m.picker.SetMarks(in)
	m.dir.SetPeople(everyone(m.people))
	m.dir.SetMarks(dirMarks)
	return m.highlightPending()
}

// everyone returns the people with archived ones made visible to components.Filter (which
// leaves them out at the counter), for the directory, where they can be found and brought back.
func everyone(people []model.Person) []model.Person {
	out := make([]model.Person, len(people))
	for i, p := range people {
		p.Archived = false
		out[i] = p
	}
	return out
}

// highlightPending searches for the person a PersonPayload asked for and highlights them.
func (m Model) highlightPending() Model {
	if m.pending == 0 || !m.loaded {
		return m
	}
	id := m.pending
	m.pending = 0
	for _, p := range m.people {
		if p.ID != id || p.Archived || p.Forgotten {
			continue
		}
		m.picker.Input.SetValue(p.Name)
		m.picker.SetPeople(m.people)
		for range m.picker.Count() {
			if sel, ok := m.picker.Selected(); !ok || sel.ID == id {
				break
			}
			m.picker, _ = m.picker.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		}
	}
	return m
}

// clearSearch empties the counter's search and moves the highlight back to the top, ready for the
// next person at the counter.
func (m Model) clearSearch() Model {
	marks := map[uint64]string{}
	for _, h := range m.today.Here {
		marks[h.Person.ID] = m.ctx.T("在館", "IN")
	}
	m.picker = components.NewPersonPicker(m.ctx.Lang, searchPrompt(m.ctx.Lang))
	if !m.searching {
		m.picker.Input.Blur()
	}
	m.picker.SetPeople(m.people)
	m.picker.SetMarks(marks)
	return m
}

// toCounter returns to the counter with the search focused.
func (m Model) toCounter() Model {
	m.view = viewCounter
	m.searching = true
	m.picker.Input.Focus()
	m.form, m.formErr = m.form.SetErrors(nil)
	return m
}

// hereNow returns the person's line in the here-now panel, if they are in.
func (m Model) hereNow(personID uint64) (store.HereNow, bool) {
	for _, h := range m.today.Here {
		if h.Person.ID == personID {
			return h, true
		}
	}
	return store.HereNow{}, false
}

func (m Model) isIn(personID uint64) bool { _, ok := m.hereNow(personID); return ok }

// canUndo reports whether there is a check-in or check-out younger than UndoWindow.
func (m Model) canUndo() bool {
	return m.last != nil && m.ctx.Clock.Now().Sub(m.last.At) <= UndoWindow
}

func goTo(tab int, payload any) tea.Cmd {
	return func() tea.Msg { return common.GotoMsg{Tab: tab, Payload: payload} }
}

// counterKey handles a key at the counter. While searching, letters go to the search field;
// enter and the ctrl keys act.
func (m Model) counterKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	km := m.keys
	switch {
	case key.Matches(k, km.Toggle):
		return m.toggleSelected()
	case key.Matches(k, km.Purpose):
		m.purpose = m.purpose.Next()
		return m, nil
	case key.Matches(k, km.WalkIn):
		return m.openWalkIn(), nil
	case key.Matches(k, km.Undo):
		return m.undoLast()
	case key.Matches(k, km.Closing):
		return m.openClosing()
	case key.Matches(k, km.Visits):
		m.view, m.day, m.visits, m.visitCursor = viewVisits, m.ctx.Today(), nil, 0
		return m, loadDay(m.store, m.day)
	case key.Matches(k, km.People):
		m.view = viewDirectory
		m.dir.Input.Focus()
		return m, nil
	}
	if m.searching {
		switch {
		case key.Matches(k, km.Leave):
			if m.picker.Query() != "" {
				m.picker.Reset()
			} else {
				m.searching = false
				m.picker.Input.Blur()
			}
			return m, nil
		}
		var cmd tea.Cmd
		m.picker, cmd = m.picker.Update(k)
		m.picker = foldSearch(m.picker, m.people)
		return m, cmd
	}
	// The search is left: the root has the global keys; "/" or any other printable key comes
	// back to the search (and is typed, so typing a name just works).
	if key.Matches(k, km.Search) {
		m.searching = true
		return m, m.picker.Input.Focus()
	}
	if k.Text != "" {
		m.searching = true
		m.picker.Input.Focus()
	}
	var cmd tea.Cmd
	m.picker, cmd = m.picker.Update(k)
	m.picker = foldSearch(m.picker, m.people)
	return m, cmd
}

// foldSearch rewrites half-width katakana typed into a search as full width (ﾔﾏﾀﾞ becomes ヤマダ).
// The search matches either way, but terminals draw the half-width voiced mark ﾞ in a cell of its
// own while the width measure joins it to the letter before, so the cursor would drift.
func foldSearch(p components.PersonPicker, people []model.Person) components.PersonPicker {
	v := p.Input.Value()
	if !strings.ContainsFunc(v, func(r rune) bool { return r >= 0xFF61 && r <= 0xFF9F }) {
		return p
	}
	p.Input.SetValue(norm.NFC.String(width.Fold.String(v)))
	p.SetPeople(people)
	return p
}

// toggleSelected checks the highlighted person in or out; a guardian whose child is still in the
// kids space gets the pick-up dialog first.
func (m Model) toggleSelected() (common.Screen, tea.Cmd) {
	p, ok := m.picker.Selected()
	if !ok {
		return m, common.Fail(model.Invalid("", "該当する人がいません。ctrl+r で新規登録できます", "Nobody matches; ctrl+r registers a new person"))
	}
	if h, in := m.hereNow(p.ID); in && len(h.Children) > 0 {
		m.view, m.leaving = viewGuardian, h
		return m, nil
	}
	return m, toggle(m.store, p, m.purpose)
}

func (m Model) toggled(msg ToggledMsg) (common.Screen, tea.Cmd) {
	if m.view == viewGuardian {
		m = m.toCounter()
	}
	if msg.Err != nil {
		return m, common.Fail(msg.Err)
	}
	c := m.ctx
	name := msg.Person.DisplayName()
	v := msg.Visit
	m.last = &lastAction{VisitID: v.ID, CheckedIn: msg.CheckedIn, Name: name, At: c.Clock.Now()}
	var text string
	if msg.CheckedIn {
		text = c.T(fmt.Sprintf("%s %sさん 入館（%s）", model.HHMM(v.In), name, v.Purpose.Label(c.Lang)),
			fmt.Sprintf("%s %s checked in (%s)", model.HHMM(v.In), name, v.Purpose.Label(c.Lang)))
		m.purpose = model.PurposeCoworking
	} else {
		text = c.T(fmt.Sprintf("%s %sさん 退館（滞在 %s）", model.HHMM(v.Out), name, model.FormatDuration(v.Out.Sub(v.In), c.Lang)),
			fmt.Sprintf("%s %s checked out (stayed %s)", model.HHMM(v.Out), name, model.FormatDuration(v.Out.Sub(v.In), c.Lang)))
	}
	m = m.clearSearch()
	return m, tea.Batch(common.Status(text), common.Changed(model.KindVisit))
}

func (m Model) undoLast() (common.Screen, tea.Cmd) {
	if m.last == nil {
		return m, common.Fail(model.Conflict("取り消せる入館・退館はありません", "There is no check-in or check-out to undo"))
	}
	if !m.canUndo() {
		m.last = nil
		return m, common.Fail(model.Conflict("5分を過ぎたため取り消せません。時刻の訂正は ctrl+l の来館記録からできます",
			"More than five minutes have passed; correct the times from the visit list (ctrl+l)"))
	}
	return m, undo(m.store, *m.last)
}

func (m Model) undone(msg UndoneMsg) (common.Screen, tea.Cmd) {
	if msg.Err != nil {
		m.last = nil
		return m, common.Fail(msg.Err)
	}
	m.last = nil
	c, a := m.ctx, msg.Undone
	text := c.T(fmt.Sprintf("取り消しました: %sさんの入館", a.Name), fmt.Sprintf("Undone: %s's check-in", a.Name))
	if !a.CheckedIn {
		text = c.T(fmt.Sprintf("取り消しました: %sさんの退館（在館中に戻しました）", a.Name), fmt.Sprintf("Undone: %s's check-out (back in)", a.Name))
	}
	return m, tea.Batch(common.Status(text), common.Changed(model.KindVisit))
}

// closingStamp is the time "check out everyone" stamps: the settings' closing time today when
// now is later than it, else now (closing early).
func closingStamp(now time.Time, today model.Date, closing model.ClockTime) time.Time {
	if c := today.At(closing); now.After(c) {
		return c
	}
	return now.Truncate(time.Second)
}

func (m Model) openClosing() (common.Screen, tea.Cmd) {
	if len(m.today.Here) == 0 {
		return m, common.Status(m.ctx.T("在館中の方はいません", "Nobody is checked in"))
	}
	m.closingAt = closingStamp(m.ctx.Clock.Now(), m.ctx.Today(), m.settings.Closing)
	m.view = viewClosing
	return m, nil
}

func (m Model) closingKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Confirm):
		return m, closeAll(m.store, m.closingAt)
	case key.Matches(k, m.keys.PickUp) && m.closingKids() > 0:
		// record the pick-ups first: to Kids, at the pick-up when there is only one, on the first
		// child still in care when there are several
		var payload any
		if ks := m.closingChildren(); len(ks) == 1 {
			payload = common.PickupPayload{BookingID: ks[0].Booking.ID}
		} else if len(ks) > 1 {
			payload = common.BookingPayload{BookingID: ks[0].Booking.ID}
		}
		return m.toCounter(), goTo(tabKids, payload)
	case key.Matches(k, m.keys.Cancel):
		return m.toCounter(), nil
	}
	return m, nil
}

// closingKids counts the people still here whose child is in the kids space.
func (m Model) closingKids() int {
	n := 0
	for _, h := range m.today.Here {
		if len(h.Children) > 0 {
			n++
		}
	}
	return n
}

// closingChildren lists the children in the kids space of the people still here.
func (m Model) closingChildren() []store.InCareLine {
	var out []store.InCareLine
	for _, h := range m.today.Here {
		out = append(out, h.Children...)
	}
	return out
}

func (m Model) closedAll(msg ClosedAllMsg) (common.Screen, tea.Cmd) {
	if m.view == viewClosing {
		m = m.toCounter()
	}
	if msg.Err != nil {
		return m, common.Fail(msg.Err)
	}
	m.last = nil
	c := m.ctx
	// say the times the visits actually got (people who came after closing get now; visits from
	// an earlier day, that day's closing time)
	var stamps []string
	count := map[string]int{}
	for _, v := range msg.Visits {
		st := model.HHMM(v.Out)
		if d := model.DateOf(v.Out); d != c.Today() {
			st = d.String() + " " + st
		}
		if count[st] == 0 {
			stamps = append(stamps, st)
		}
		count[st]++
	}
	var text string
	switch len(stamps) {
	case 0:
		text = c.T("退館にした方はいません", "Nobody was checked out")
	case 1:
		text = c.T(fmt.Sprintf("%s で %d人を退館にしました", stamps[0], len(msg.Visits)),
			fmt.Sprintf("Checked out %d people at %s", len(msg.Visits), stamps[0]))
	default:
		var ja, en []string
		for _, st := range stamps {
			ja = append(ja, fmt.Sprintf("%s で %d人", st, count[st]))
			en = append(en, fmt.Sprintf("%d at %s", count[st], st))
		}
		text = c.T(fmt.Sprintf("%d人を退館にしました（%s）", len(msg.Visits), strings.Join(ja, "、")),
			fmt.Sprintf("Checked out %d people (%s)", len(msg.Visits), strings.Join(en, ", ")))
	}
	return m, tea.Batch(common.Status(text), common.Changed(model.KindVisit))
}

func (m Model) guardianKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	h := m.leaving
	switch {
	case key.Matches(k, m.keys.PickUp):
		// back here after the pick-up (キッズ returns), the guardian is still highlighted:
		// enter then checks them out. Coming back any other way (a tab key), the counter starts
		// afresh (Activate), so an old name is not left under enter.
		m = m.toCounter()
		m.keptFor = h.Person.ID
		if len(h.Children) == 0 {
			return m, nil
		}
		return m, goTo(tabKids, common.PickupPayload{BookingID: h.Children[0].Booking.ID})
	case key.Matches(k, m.keys.LeaveAnyway):
		return m, toggle(m.store, h.Person, m.purpose)
	case key.Matches(k, m.keys.Cancel):
		return m.toCounter(), nil
	}
	return m, nil
}

// ---- views ----

func (m Model) counterView() string {
	c, st := m.ctx, m.ctx.Styles
	lw, rw := columns(c.Width)
	listH := max(c.Height-2, 1)

	header := st.Title.Render(c.T("チェックイン", "Check-in")) + "  " + c.T("目的: ", "Purpose: ") +
		st.Label.Render(m.purpose.Label(c.Lang)) + st.Muted.Render(c.T("（ctrl+o）", " (ctrl+o)"))
	if m.loadErr != nil {
		header = st.Danger.Render(model.Message(m.loadErr, c.Lang))
	} else if last := m.lastLine(c.Width - ansi.StringWidth(header) - gap); last != "" {
		// flush right, above the here-now panel
		header += strings.Repeat(" ", c.Width-ansi.StringWidth(header)-ansi.StringWidth(last)) + st.Muted.Render(last)
	}

	left := m.picker.View(st, lw, listH)
	if q := strings.TrimSpace(m.picker.Query()); q != "" && m.picker.Count() == 0 {
		left += "\n" + st.Muted.Render(c.T("  ctrl+r で「"+q+"」を新規登録", "  ctrl+r registers \""+q+"\""))
		if strings.ContainsAny(q, "?？") {
			left += "\n" + st.Muted.Render(c.T("  ヘルプは esc で検索を出てから ?", "  for help: esc, then ?"))
		}
	}
	if !m.searching {
		left += "\n" + st.Muted.Render(c.T("  / か文字を打つと検索に戻ります", "  / or any letter returns to the search"))
	}
	block := common.Columns(gap, []int{lw, rw}, common.Lines(left, lw, listH), m.hereView(rw, listH))
	return common.Cut(header, c.Width) + "\n" + common.Lines(block, c.Width, listH) + "\n" + m.footer()
}

// lastLine is the last check-in or check-out while ctrl+z can undo it, with the minutes left, in
// at most w cells (the long form when it fits), or "".
func (m Model) lastLine(w int) string {
	if !m.canUndo() {
		return ""
	}
	c, a := m.ctx, m.last
	left := UndoWindow - c.Clock.Now().Sub(a.At)
	mins := int((left + time.Minute - 1) / time.Minute)
	what := c.T("入館", "check-in")
	if !a.CheckedIn {
		what = c.T("退館", "check-out")
	}
	pre := c.T("直前: ", "last: ")
	for _, post := range []string{
		c.T(fmt.Sprintf(" %s  ctrl+z で取消（あと%d分）", what, mins), fmt.Sprintf(" %s  ctrl+z undoes (%d min left)", what, mins)),
		c.T(fmt.Sprintf(" %s（あと%d分）", what, mins), fmt.Sprintf(" %s (%d min left)", what, mins)),
	} {
		if ansi.StringWidth(pre+a.Name+post) <= w {
			return pre + a.Name + post
		}
	}
	post := c.T(fmt.Sprintf(" %s（あと%d分）", what, mins), fmt.Sprintf(" %s (%d min left)", what, mins))
	return common.Cut(pre+common.Cut(a.Name, max(w-ansi.StringWidth(pre+post), 4))+post, w)
}

// footer lists the counter's keys the help bar leaves out (the bar keeps the ones used for
// every visitor), and while the search has focus, how to reach the full help (? is typed there).
func (m Model) footer() string {
	c, st := m.ctx, m.ctx.Styles
	text := c.T("ctrl+l 来館記録・訂正  ctrl+e 名簿  ctrl+x 閉館", "ctrl+l visits & corrections  ctrl+e people  ctrl+x closing")
	if m.searching {
		text += c.T("  esc のあと ? でヘルプ", "  esc then ? help")
	}
	return st.Muted.Render(common.Cut(text, c.Width))
}

// hereView is the here-now panel: who is in, since when, for how long, and beside a guardian
// their children in the kids space now.
func (m Model) hereView(w, h int) string {
	c, st := m.ctx, m.ctx.Styles
	now := c.Clock.Now()
	here := m.today.Here
	lines := []string{st.Heading.Render(c.T(fmt.Sprintf("来館中 %d人", len(here)), fmt.Sprintf("Here now: %d", len(here))))}
	if len(here) == 0 {
		lines = append(lines, st.Muted.Render(c.T("  いまは誰もいません", "  Nobody is in")))
	}
	nameW := min(14, max(w-20, 8))
	for i, hn := range here {
		var block []string
		line := "  " + common.Fit(hn.Person.DisplayName(), nameW) + " " + common.Fit(model.HHMM(hn.Visit.In)+c.T("〜", "-"), 7) +
			" " + model.FormatDuration(hn.Visit.Duration(now), c.Lang)
		purpose := ""
		if hn.Visit.Purpose != model.PurposeCoworking {
			purpose = hn.Visit.Purpose.Label(c.Lang)
		}
		if purpose != "" && ansi.StringWidth(line)+1+ansi.StringWidth(purpose) <= w {
			line += " " + st.Muted.Render(purpose)
			purpose = ""
		}
		block = append(block, common.Cut(line, w))
		if purpose != "" { // no room beside the time (80 columns): on a line of its own
			block = append(block, st.Muted.Render(common.Cut("    "+c.T("目的: ", "purpose: ")+purpose, w)))
		}
		for _, ch := range hn.Children {
			kid := "    " + c.T("キッズ: ", "kids: ") + ch.Child.DisplayName()
			if ch.Child.HasAllergy() {
				kid += " " + st.Allergy.Render(c.T("アレルギー", "allergy"))
			}
			block = append(block, st.Muted.Render(common.Cut(kid, w)))
		}
		if len(lines)+len(block) > h || (len(lines)+len(block) == h && i < len(here)-1) {
			lines = append(lines, st.Muted.Render(c.T(fmt.Sprintf("  ほか %d人", len(here)-i), fmt.Sprintf("  and %d more", len(here)-i))))
			break
		}
		lines = append(lines, block...)
	}
	return strings.Join(lines, "\n")
}

func (m Model) guardianView() string {
	c, st := m.ctx, m.ctx.Styles
	h := m.leaving
	name := h.Person.DisplayName()
	var b strings.Builder
	b.WriteString(st.Warn.Render(c.T(fmt.Sprintf("%sさんのお子さんが、まだキッズスペースにいます", name),
		fmt.Sprintf("%s's child is still in the kids space", name))) + "\n\n")
	for _, ch := range h.Children {
		line := "  " + common.Fit(ch.Child.DisplayName(), 14) + " " + ch.Slot.Span()
		if ch.Child.HasAllergy() {
			line += " " + st.Allergy.Render(c.T("アレルギー", "allergy"))
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n" + c.T("お迎えを先に記録しますか？", "Record the pick-up first?") + "\n\n")
	b.WriteString("  " + st.Label.Render(common.Fit("enter", 6)) + c.T("お迎えへ（キッズ画面を開きます。退館はまだ記録しません）", "go to the pick-up (opens Kids; the check-out is not recorded yet)") + "\n")
	b.WriteString("  " + st.Label.Render(common.Fit("o", 6)) + c.T("このまま退館（お子さんはキッズスペースに残ります）", "check out anyway (the child stays in the kids space)") + "\n")
	b.WriteString("  " + st.Label.Render(common.Fit("esc", 6)) + c.T("やめる", "cancel"))
	return b.String()
}

// closingRow is one person in the closing dialog with the check-out time they will get.
type closingRow struct {
	here    store.HereNow
	out     time.Time
	earlier bool // the visit began on an earlier day: stamped at that day's closing time
}

// closingPlan works out every row's check-out time as the store will (store.ClosingOut), so the
// dialog's explanation is built from the rows' actual stamps.
func (m Model) closingPlan() []closingRow {
	now, today := m.ctx.Clock.Now(), m.ctx.Today()
	rows := make([]closingRow, len(m.today.Here))
	for i, h := range m.today.Here {
		rows[i] = closingRow{here: h, out: store.ClosingOut(h.Visit, m.closingAt, now, m.settings.Closing), earlier: h.Visit.Day() != today}
	}
	return rows
}

// closingStamps explains which rows get which time: one sentence when they all get the same kind
// of stamp, else one line per kind with how many.
func (m Model) closingStamps(rows []closingRow) []string {
	c := m.ctx
	closing := c.Today().At(m.settings.Closing)
	early := !m.closingAt.Equal(closing) // closing before the closing time: the stamp is now
	var atStamp, late, earlier int
	var lateAt time.Time
	for _, r := range rows {
		switch {
		case r.earlier:
			earlier++
		case r.out.Equal(m.closingAt):
			atStamp++
		default:
			late++
			lateAt = r.out
		}
	}
	hm := model.HHMM
	stampJA := fmt.Sprintf("閉館時刻 %s", hm(closing))
	stampEN := fmt.Sprintf("the closing time, %s", hm(closing))
	if early {
		stampJA = fmt.Sprintf("いまの時刻 %s（閉館時刻 %s より前）", hm(m.closingAt), hm(closing))
		stampEN = fmt.Sprintf("now, %s (before the closing time, %s)", hm(m.closingAt), hm(closing))
	}
	n := len(rows)
	switch {
	case atStamp == n && early:
		return []string{c.T(fmt.Sprintf("閉館時刻 %s より前なので、いまの時刻 %s で記録します", hm(closing), hm(m.closingAt)),
			fmt.Sprintf("It is before the closing time (%s), so the check-out is stamped now, %s", hm(closing), hm(m.closingAt)))}
	case atStamp == n:
		return []string{c.T(fmt.Sprintf("退館時刻は閉館時刻 %s で記録します", hm(closing)),
			fmt.Sprintf("The check-out is stamped at the closing time, %s", hm(closing)))}
	case late == n:
		return []string{c.T(fmt.Sprintf("全員が閉館時刻 %s より後に入館したので、いまの時刻 %s で記録します", hm(closing), hm(lateAt)),
			fmt.Sprintf("Everyone came after the closing time (%s), so the check-out is stamped now, %s", hm(closing), hm(lateAt)))}
	case earlier == n:
		return []string{c.T("全員が前日以前からの来館なので、その日の閉館時刻で記録します",
			"Everyone has been in since an earlier day: each is stamped at that day's closing time")}
	}
	out := []string{c.T("退館時刻は人によって違います（各行の -> の時刻）:", "The check-out times differ (after -> on each row):")}
	if atStamp > 0 {
		out = append(out, c.T(fmt.Sprintf("  %d人: %s", atStamp, stampJA), fmt.Sprintf("  %d: %s", atStamp, stampEN)))
	}
	if late > 0 {
		out = append(out, c.T(fmt.Sprintf("  %d人: いまの時刻 %s（閉館時刻より後に入館）", late, hm(lateAt)),
			fmt.Sprintf("  %d: now, %s (came after the closing time)", late, hm(lateAt))))
	}
	if earlier > 0 {
		out = append(out, c.T(fmt.Sprintf("  %d人: その日の閉館時刻（前日以前からの来館）", earlier),
			fmt.Sprintf("  %d: that day's closing time (in since an earlier day)", earlier)))
	}
	return out
}

// wrap wraps text to the width, each line styled.
func wrap(text string, w int, style func(...string) string) []string {
	ls := components.Wrap(text, w)
	for i, l := range ls {
		ls[i] = style(l)
	}
	return ls
}

func (m Model) closingView() string {
	c, st := m.ctx, m.ctx.Styles
	rows := m.closingPlan()
	top := []string{st.Title.Render(c.T(fmt.Sprintf("閉館: 在館中の %d人を退館にします", len(rows)),
		fmt.Sprintf("Closing: check out the %d people still here", len(rows))))}
	for _, l := range m.closingStamps(rows) {
		top = append(top, wrap(l, c.Width, st.Muted.Render)...)
	}
	guardians := m.closingKids() // their rows name the children
	if guardians > 0 {
		top = append(top, wrap(c.T(
			fmt.Sprintf("お子さんがまだキッズスペースにいる方が %d人います。退館にしてもお迎えは記録されません。先にキッズ画面でお迎えを記録してください（enter）", guardians),
			fmt.Sprintf("%d people here still have a child in the kids space. Checking them out does not record the pick-up: record it on Kids first (enter)", guardians)),
			c.Width, st.Warn.Render)...)
	}
	top = append(top, "")
	keys := st.Label.Render("y / ctrl+s") + " " + c.T("実行（まとめては取り消せません）", "check them out (not undone at once)")
	if guardians > 0 {
		keys += "   " + st.Label.Render("enter") + " " + c.T("キッズ画面へ", "open Kids")
	}
	keys += "   " + st.Label.Render("esc") + " " + c.T("やめる", "cancel")
	bottom := []string{"", keys}

	n := max(c.Height-len(top)-len(bottom), 1)
	var list []string
	for i, r := range rows {
		if i == n-1 && len(rows) > n {
			list = append(list, st.Muted.Render(c.T(fmt.Sprintf("  ほか %d人", len(rows)-i), fmt.Sprintf("  and %d more", len(rows)-i))))
			break
		}
		h := r.here
		line := "  " + common.Fit(h.Person.DisplayName(), 14) + " " + common.Fit(model.HHMM(h.Visit.In)+c.T("〜", "-"), 7) + " -> " + model.HHMM(r.out)
		if r.earlier {
			line += " " + st.Warn.Render(c.T(h.Visit.Day().String()+" から", "since "+h.Visit.Day().String()))
		}
		if len(h.Children) > 0 {
			var kids []string
			for _, ch := range h.Children {
				kids = append(kids, ch.Child.DisplayName())
			}
			line += " " + st.Warn.Render(c.T("キッズ: ", "kids: ")+strings.Join(kids, c.T("・", ", ")))
		}
		list = append(list, common.Cut(line, c.Width))
	}
	return strings.Join(append(append(top, list...), bottom...), "\n")
}

// errField returns err as a *model.Error for field (errors from ParseClock and ParseDate name a
// generic field).
func errField(field string, err error) *model.Error {
	var e *model.Error
	if errors.As(err, &e) {
		c := *e
		c.Field = field
		return &c
	}
	return model.Invalid(field, err.Error(), err.Error())
}
