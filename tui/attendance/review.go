package attendance

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
)

// The end-of-day review (日次締め): everything still open on a day, each item acted on in place,
// and the close itself.

// itemKind is a kind of open item.
type itemKind int

const (
	itemSession itemKind = iota
	itemVisit
	itemInCare
	itemNotArrived
	itemJob
)

// reviewItem is one selectable line of the review.
type reviewItem struct {
	kind itemKind
	i    int
}

func (m Model) reviewItems() []reviewItem {
	r := m.review
	var out []reviewItem
	for i := range r.Sessions {
		out = append(out, reviewItem{itemSession, i})
	}
	for i := range r.Here {
		out = append(out, reviewItem{itemVisit, i})
	}
	for i := range r.InCare {
		out = append(out, reviewItem{itemInCare, i})
	}
	for i := range r.NotArrived {
		out = append(out, reviewItem{itemNotArrived, i})
	}
	for i := range r.Jobs {
		out = append(out, reviewItem{itemJob, i})
	}
	return out
}

func checkOut(s Store, personID uint64, name string) tea.Cmd {
	return func() tea.Msg {
		v, err := s.CheckOut(personID)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return CheckedOutMsg{Visits: []model.Visit{v}, Names: []string{name}}
	}
}

func checkOutAll(s Store, at time.Time) tea.Cmd {
	return func() tea.Msg {
		vs, err := s.CheckOutAll(at)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return CheckedOutMsg{Visits: vs}
	}
}

func closeDay(s Store, d model.Date, confirmOpen bool) tea.Cmd {
	return func() tea.Msg {
		dc, r, err := s.CloseDayReviewed(d, confirmOpen)
		if err != nil {
			return ClosedMsg{Close: dc, Review: r, Err: err}
		}
		_, berr := s.Backup() // the day's records are safe in backups/ before staff go home
		return ClosedMsg{Close: dc, Review: r, BackupErr: berr}
	}
}

// askClose asks to close the day with the open items listed; y closes and records them.
func (m Model) askClose(r model.DayReview) Model {
	c := m.ctx
	lines := []string{c.T("締めると、次の項目が未了として記録に残ります:", "Closing records these items as left open:")}
	for _, l := range r.LeftOpen(c.Lang) {
		lines = append(lines, "  - "+l)
	}
	m.ask = &confirm{
		title: c.T(fmt.Sprintf("%s: 未了の項目が %d件あります。このまま締めますか？", r.Date, r.Open()),
			fmt.Sprintf("%s: %d items are still open. Close the day anyway?", r.Date, r.Open())),
		lines: lines,
		yes:   c.T("未了のまま締める", "close with items open"),
		run:   closeDay(m.store, r.Date, true),
	}
	return m
}

// closed handles the answer to a close: done, or open items to confirm first.
func (m Model) closed(msg ClosedMsg) (common.Screen, tea.Cmd) {
	if msg.Err != nil {
		if errors.Is(msg.Err, model.ErrConflict) && !msg.Review.Clear() {
			m.review, m.reviewed = msg.Review, true
			m.reviewCur = clamp(m.reviewCur, len(m.reviewItems()))
			return m.askClose(msg.Review), nil
		}
		return m, common.Fail(msg.Err)
	}
	m.review, m.reviewed = msg.Review, true
	text := m.ctx.T(fmt.Sprintf("%s を締めました（%s %s）", msg.Close.Date, model.HHMM(msg.Close.At), msg.Close.Staff),
		fmt.Sprintf("Closed %s (%s, %s)", msg.Close.Date, model.HHMM(msg.Close.At), msg.Close.Staff))
	if n := len(msg.Close.LeftOpen); n > 0 {
		text += m.ctx.T(fmt.Sprintf("。未了 %d件を記録しました", n), fmt.Sprintf("; %d open items recorded", n))
	}
	if msg.BackupErr != nil {
		return m, tea.Batch(common.Changed(model.KindDayClose), common.Fail(msg.BackupErr))
	}
	text += m.ctx.T("。バックアップを保存しました", "; backup saved")
	return m, tea.Batch(common.Changed(model.KindDayClose), common.Status(text))
}

func (m Model) reviewKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	items := m.reviewItems()
	n := len(items)
	r := m.review
	switch {
	case key.Matches(k, m.keys.Up):
		m.reviewCur = clamp(m.reviewCur-1, n)
	case key.Matches(k, m.keys.Down):
		m.reviewCur = clamp(m.reviewCur+1, n)
	case key.Matches(k, m.keys.PrevDay), key.Matches(k, m.keys.NextDay):
		d := m.reviewDay.AddDays(-1)
		if key.Matches(k, m.keys.NextDay) {
			d = m.reviewDay.AddDays(1)
		}
		m.reviewDay, m.reviewCur, m.reviewed = d, 0, false
		return m, loadReview(m.store, d)
	case key.Matches(k, m.keys.CloseDay):
		if !m.reviewed {
			return m, nil
		}
		if r.Clear() {
			return m, closeDay(m.store, m.reviewDay, false)
		}
		return m.askClose(r), nil
	case key.Matches(k, m.keys.CheckOutAll):
		if len(r.Here) == 0 {
			return m, common.Status(m.ctx.T("来館中の人はいません", "Nobody is checked in"))
		}
		lines := []string{}
		for _, v := range r.Here {
			lines = append(lines, "  - "+v.Line(m.ctx.Lang))
		}
		for _, b := range r.InCare {
			lines = append(lines, "  "+m.ctx.T("！お子さんがまだキッズスペースにいます: ", "! A child is still in the kids space: ")+b.Child.DisplayName())
		}
		now := m.ctx.Clock.Now()
		m.ask = &confirm{
			title: m.ctx.T(fmt.Sprintf("来館中の %d人を %s で全員退館にしますか？", len(r.Here), model.HHMM(now)),
				fmt.Sprintf("Check out all %d people at %s?", len(r.Here), model.HHMM(now))),
			lines: lines,
			yes:   m.ctx.T("全員退館", "check everyone out"),
			run:   checkOutAll(m.store, now),
		}
	case key.Matches(k, m.keys.CheckOut), key.Matches(k, m.keys.Open):
		if m.reviewCur >= n {
			return m, nil
		}
		it := items[m.reviewCur]
		switch it.kind {
		case itemVisit:
			return m.askCheckOut(r.Here[it.i])
		case itemSession:
			if key.Matches(k, m.keys.CheckOut) {
				return m, nil
			}
			se := r.Sessions[it.i].Session
			m = m.open(viewRoll)
			m.rollID, m.rollCur, m.roll = se.ID, 0, store.Roll{}
			return m, loadRoll(m.store, se.ID)
		case itemInCare, itemNotArrived:
			if key.Matches(k, m.keys.CheckOut) {
				return m, nil
			}
			if it.kind == itemNotArrived { // not in care: show the booking on キッズ, no pick-up
				return m, goTo(2, common.BookingPayload{BookingID: r.NotArrived[it.i].Booking.ID})
			}
			return m, goTo(2, common.PickupPayload{BookingID: r.InCare[it.i].Booking.ID})
		case itemJob:
			if key.Matches(k, m.keys.CheckOut) {
				return m, nil
			}
			return m, goTo(4, common.JobPayload{JobID: r.Jobs[it.i].Job.ID})
		}
	}
	return m, nil
}

// askCheckOut checks a person out; a guardian whose child is still in care is asked first.
func (m Model) askCheckOut(v model.ReviewVisit) (common.Screen, tea.Cmd) {
	var kids []string
	var first uint64 // the first child's booking: enter goes to its pick-up
	for _, b := range m.review.InCare {
		if b.Child.GuardianID == v.Person.ID || b.Booking.BookedBy == v.Person.ID {
			kids = append(kids, b.Child.DisplayName())
			if first == 0 {
				first = b.Booking.ID
			}
		}
	}
	run := checkOut(m.store, v.Person.ID, v.Person.DisplayName())
	if len(kids) == 0 {
		return m, run
	}
	name := v.Person.DisplayName()
	m.ask = &confirm{
		// The fact, then the question on a line of its own, so what y does is never cut off.
		title: m.ctx.T(fmt.Sprintf("%sさんのお子さん（%s）がまだキッズスペースにいます。\n%sさんをこのまま退館にしますか？（お子さんはキッズスペースに残ります）", name, strings.Join(kids, "、"), name),
			fmt.Sprintf("%s's child (%s) is still in the kids space.\nCheck %s out anyway? (The child stays in the kids space.)", name, strings.Join(kids, ", "), name)),
		yes:    m.ctx.T("このまま退館", "check out anyway"),
		run:    run,
		alt:    m.ctx.T("お迎えへ", "to the pick-up"),
		altRun: goTo(2, common.PickupPayload{BookingID: first}),
	}
	return m, nil
}

func goTo(tab int, payload any) tea.Cmd {
	return func() tea.Msg { return common.GotoMsg{Tab: tab, Payload: payload} }
}

func (m Model) reviewView() string {
	c, st := m.ctx, m.ctx.Styles
	if !m.reviewed {
		return st.Muted.Render(c.T("読み込み中", "Loading"))
	}
	r := m.review
	w := c.Width
	now := c.Clock.Now()
	head := st.Title.Render(c.T("日次締め", "End-of-day review")) + "  " + model.FormatDateLong(r.Date, c.Lang)
	status := ""
	switch {
	case r.Clear():
		status = st.OK.Render(c.T("未了の項目はありません", "Nothing left open"))
	default:
		status = st.Warn.Render(c.T(fmt.Sprintf("未了 %d件", r.Open()), fmt.Sprintf("%d open", r.Open())))
	}
	top := head + "  " + status
	if hint := st.Muted.Render(c.T("left/right で前日・翌日", "left/right: other days")); ansiWidth(top)+2+ansiWidth(hint) <= w {
		top += "  " + hint
	}
	lines := []string{top}
	if r.Closed != nil {
		closed := c.T(fmt.Sprintf("締め済み: %s %s に %sさん", r.Closed.Date.String()[5:], model.HHMM(r.Closed.At), r.Closed.Staff),
			fmt.Sprintf("Closed %s at %s by %s", r.Closed.Date.String()[5:], model.HHMM(r.Closed.At), r.Closed.Staff))
		if n := len(r.Closed.LeftOpen); n > 0 {
			closed += c.T(fmt.Sprintf("（未了 %d件を記録）", n), fmt.Sprintf(" (%d left open)", n))
		}
		lines = append(lines, st.OK.Render(common.Cut(closed, w)))
	} else if r.Clear() {
		lines = append(lines, st.Muted.Render(c.T("c で本日を締めます", "c closes the day")))
	}

	// Each section's label sits in a left column beside its first item, so a busy day still fits
	// an 80×24 terminal.
	labelW := 16
	iw := w - labelW
	var all []string
	selLine := 0
	idx := 0
	label := ""
	section := func(n int, ja, en string) {
		label = st.Heading.Render(common.Fit(c.T(fmt.Sprintf("%s %d", ja, n), fmt.Sprintf("%s %d", en, n)), labelW-1)) + " "
		if n == 0 {
			all = append(all, label+st.Muted.Render(c.T("  なし", "  none")))
		}
	}
	item := func(text string, flag string) {
		sel := idx == m.reviewCur
		if sel {
			selLine = len(all)
		}
		line := m.row(text, sel, iw)
		if flag != "" {
			// The flag (アレルギー, 枠終了, …) keeps its own colour and column on the selected row
			// too: the cursor must never hide an allergy note.
			tw := iw - 4 - ansiWidth(flag) - 1
			line = m.row(common.Fit(text, tw), sel, 2+tw) + " " + flag
		}
		all = append(all, label+line)
		label = strings.Repeat(" ", labelW)
		idx++
	}
	section(len(r.Sessions), "出欠未記入", "Unmarked")
	for _, s := range r.Sessions {
		item(s.Session.Span()+" "+common.Fit(s.Course.Name+" "+s.Session.Title, max(iw-4-12-15, 8))+" "+
			c.T(fmt.Sprintf("未記入 %d/%d人", len(s.Unmarked), s.Enrolled), fmt.Sprintf("unmarked %d/%d", len(s.Unmarked), s.Enrolled)), "")
	}
	// A visit or a child in care from another day shows that day before the time: the columns
	// widen to the longest so no time is cut (11-25 10:10〜, 11-25 12:30-15:30).
	since := func(v model.ReviewVisit) string {
		s := model.HHMM(v.Visit.In) + c.T("〜", "-")
		if v.Visit.Day() != r.Date {
			s = v.Visit.Day().String()[5:] + " " + s
		}
		return s
	}
	span := func(b model.ReviewBooking) string {
		if b.Slot.Date != r.Date {
			return b.Slot.Date.String()[5:] + " " + b.Slot.Span()
		}
		return b.Slot.Span()
	}
	sinceW, spanW := 12, 11
	for _, v := range r.Here {
		sinceW = max(sinceW, ansiWidth(since(v)))
	}
	for _, b := range append(append([]model.ReviewBooking{}, r.InCare...), r.NotArrived...) {
		spanW = max(spanW, ansiWidth(span(b)))
	}
	section(len(r.Here), "来館中", "Still in")
	for _, v := range r.Here {
		flag := ""
		if v.Visit.Day().Before(r.Date) {
			flag = st.Danger.Render(c.T("前日から", "from before"))
		}
		item(common.Fit(v.Person.DisplayName(), 16)+" "+common.Fit(since(v), sinceW)+" "+v.Visit.Purpose.Label(c.Lang), flag)
	}
	section(len(r.InCare), "お迎え未完了", "Not picked up")
	for _, b := range r.InCare {
		flag := ""
		if b.Late(now) {
			flag = st.Danger.Render(c.T("枠終了", "slot ended"))
		}
		if b.Child.HasAllergy() {
			flag = strings.TrimSpace(flag + " " + st.Allergy.Render(c.T("アレルギー", "allergy")))
		}
		item(common.Fit(b.Child.DisplayName(), 12)+" "+common.Fit(span(b), spanW)+" "+c.T("保護者 ", "guardian ")+b.Guardian.DisplayName(), flag)
	}
	section(len(r.NotArrived), "予約未処理", "Not arrived") // 予約未処理 as the list of a close says (model.DayReview.LeftOpen)
	for _, b := range r.NotArrived {
		flag := ""
		if b.Missed(now) {
			flag = st.Warn.Render(c.T("開始済み", "started"))
		}
		item(common.Fit(b.Child.DisplayName(), 12)+" "+common.Fit(span(b), spanW)+" "+c.T("保護者 ", "guardian ")+b.Guardian.DisplayName(), flag)
	}
	section(len(r.Jobs), "納期の案件", "Jobs due")
	// The title takes what the other columns leave, measured on the jobs listed, so it is cut
	// only when it has to be and the columns line up from one job to the next.
	overdue := st.Danger.Render(c.T("超過", "overdue"))
	sw, nw, fw := 0, 0, 0
	for _, j := range r.Jobs {
		sw = max(sw, ansiWidth(j.Job.Status.Label(c.Lang)))
		nw = max(nw, ansiWidth(common.Cut(j.Person.DisplayName(), 12)))
		if j.Job.Overdue(r.Date) {
			fw = ansiWidth(overdue) + 1
		}
	}
	titleW := max(iw-4-6-1-sw-1-nw-fw, 10)
	for _, j := range r.Jobs {
		flag := ""
		if j.Job.Overdue(r.Date) {
			flag = overdue
		}
		item(j.Job.Due.String()[5:]+" "+common.Fit(j.Job.Title, titleW)+" "+common.Fit(j.Job.Status.Label(c.Lang), sw)+" "+common.Cut(j.Person.DisplayName(), 12), flag)
	}
	return strings.Join(append(lines, m.scroll(all, selLine, c.Height-len(lines))...), "\n")
}
