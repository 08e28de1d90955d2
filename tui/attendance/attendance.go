// Package attendance is the 出席 screen: the courses of the programme and their sessions, the
// roll call of a session (one key per mark, each saved as it is pressed), and the end-of-day
// review (日次締め) that lists what is still open before staff go home.
//
// The screen has four views: the list (today's sessions and every course), a course (its
// sessions and enrolled people with their progress), a roll, and the review. Forms (a course, a
// series of sessions), the person search (enrol, walk-in) and confirmations open over them.
package attendance

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// Store is what the screen needs from the database.
type Store interface {
	DaySessions(d model.Date) ([]store.DaySession, error)
	CourseList() ([]store.CourseLine, error)
	CourseSheet(courseID uint64) (store.CourseSheet, error)
	Roll(sessionID uint64) (store.Roll, error)
	SetMark(a model.Attendance) (model.Attendance, error)
	SetMarks(as []model.Attendance) ([]model.Attendance, error)
	CreateCourse(c model.Course) (model.Course, error)
	UpdateCourse(c model.Course) (model.Course, error)
	CreateSessions(ss []model.Session) ([]model.Session, error)
	DeleteSession(sessionID uint64) error
	Enroll(courseID, personID uint64) (model.Enrollment, error)
	Withdraw(courseID, personID uint64) error
	EnrolCheck(courseID, personID uint64) (model.Text, bool, error)
	People() ([]model.Person, error)
	Review(d model.Date) (model.DayReview, error)
	CheckOut(personID uint64) (model.Visit, error)
	CheckOutAll(at time.Time) ([]model.Visit, error)
	CloseDayReviewed(d model.Date, confirmOpen bool) (model.DayClose, model.DayReview, error)
	Backup() (store.BackupInfo, error)
}

var _ Store = (*store.Store)(nil)

// view is what the screen shows.
type view int

// The views.
const (
	viewList view = iota
	viewCourse
	viewRoll
	viewReview
)

// ---- messages ----

// ListLoadedMsg carries today's sessions and the course list.
type ListLoadedMsg struct {
	Date     model.Date
	Sessions []store.DaySession
	Courses  []store.CourseLine
	Err      error
}

// RollLoadedMsg carries a session's roll.
type RollLoadedMsg struct {
	Roll store.Roll
	Err  error
}

// SheetLoadedMsg carries a course's register.
type SheetLoadedMsg struct {
	Sheet store.CourseSheet
	Err   error
}

// ReviewLoadedMsg carries a day's review.
type ReviewLoadedMsg struct {
	Review model.DayReview
	Err    error
}

// MarkedMsg says marks were saved.
type MarkedMsg struct{ Marks []model.Attendance }

// PeopleLoadedMsg carries the people for the person search.
type PeopleLoadedMsg struct {
	People []model.Person
	Err    error
}

// EnrolCheckedMsg carries the warning (if any) for enrolling a person.
type EnrolCheckedMsg struct {
	Course  model.Course
	Person  model.Person
	Warning model.Text
	Warn    bool
}

// EnrolledMsg says a person was enrolled.
type EnrolledMsg struct {
	Course model.Course
	Person model.Person
}

// WithdrawnMsg says a person was withdrawn.
type WithdrawnMsg struct {
	Course model.Course
	Person model.Person
}

// CourseSavedMsg says a course was created or changed.
type CourseSavedMsg struct {
	Course  model.Course
	Created bool
}

// SessionsCreatedMsg says sessions were added to a course.
type SessionsCreatedMsg struct{ Sessions []model.Session }

// SessionDeletedMsg says a session was deleted.
type SessionDeletedMsg struct{ Session model.Session }

// CheckedOutMsg says people were checked out from the review.
type CheckedOutMsg struct {
	Visits []model.Visit
	Names  []string
}

// ClosedMsg reports a day close: done, or refused because items are open (Err is then a
// model.ErrConflict and Review lists them).
type ClosedMsg struct {
	Close  model.DayClose
	Review model.DayReview
	Err    error
	// BackupErr is the failure of the backup taken after a close (ホーム shows it until a good
	// one exists).
	BackupErr error
}

// ---- overlays ----

// formKind is which form is open.
type formKind int

const (
	formNone formKind = iota
	formCourseNew
	formCourseEdit
	formSeries
)

// pickKind is what the person search is for.
type pickKind int

const (
	pickNone pickKind = iota
	pickEnrol
	pickWalkIn
)

// confirm is a yes/no question with the command to run on yes.
type confirm struct {
	title string
	lines []string
	yes   string // what y does, for the help bar
	run   tea.Cmd
	// alt, when set, is what enter does instead (a guardian's child in care: to the pick-up)
	alt    string
	altRun tea.Cmd
}

// Model is the screen.
type Model struct {
	ctx   common.Context
	store Store
	keys  KeyMap

	view view
	back []view // where esc goes
	// opened: the view was opened by another screen (a payload); leaving it returns there
	opened bool

	// list
	date     model.Date
	sessions []store.DaySession
	courses  []store.CourseLine
	listCur  int
	loaded   bool

	// course
	sheet     store.CourseSheet
	courseID  uint64
	courseCur int

	// roll
	roll    store.Roll
	rollID  uint64
	rollCur int

	// review
	review    model.DayReview
	reviewDay model.Date
	reviewCur int
	reviewed  bool

	err error // the last load error, shown in place of the view

	// overlays, at most one at a time
	form     components.Form
	formKind formKind
	formErr  string
	picker   components.PersonPicker
	pickKind pickKind
	people   []model.Person
	note     components.Input
	noting   bool
	ask      *confirm
}

// New returns the screen.
func New(ctx common.Context, s Store) Model {
	return Model{ctx: ctx, store: s, keys: DefaultKeyMap(ctx.Lang)}
}

// ---- commands: the store and the values are copied in, never the model ----

func loadList(s Store, d model.Date) tea.Cmd {
	return func() tea.Msg {
		ss, err := s.DaySessions(d)
		if err != nil {
			return ListLoadedMsg{Date: d, Err: err}
		}
		cs, err := s.CourseList()
		return ListLoadedMsg{Date: d, Sessions: ss, Courses: cs, Err: err}
	}
}

func loadRoll(s Store, id uint64) tea.Cmd {
	return func() tea.Msg {
		r, err := s.Roll(id)
		return RollLoadedMsg{Roll: r, Err: err}
	}
}

func loadSheet(s Store, id uint64) tea.Cmd {
	return func() tea.Msg {
		cs, err := s.CourseSheet(id)
		return SheetLoadedMsg{Sheet: cs, Err: err}
	}
}

func loadReview(s Store, d model.Date) tea.Cmd {
	return func() tea.Msg {
		r, err := s.Review(d)
		return ReviewLoadedMsg{Review: r, Err: err}
	}
}

func loadPeople(s Store) tea.Cmd {
	return func() tea.Msg {
		ps, err := s.People()
		return PeopleLoadedMsg{People: ps, Err: err}
	}
}

func setMarks(s Store, as []model.Attendance) tea.Cmd {
	return func() tea.Msg {
		var got []model.Attendance
		var err error
		if len(as) == 1 {
			var a model.Attendance
			a, err = s.SetMark(as[0])
			got = []model.Attendance{a}
		} else {
			got, err = s.SetMarks(as)
		}
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return MarkedMsg{Marks: got}
	}
}

// Init loads the list.
func (m Model) Init() tea.Cmd { return loadList(m.store, m.ctx.Today()) }

// reload reloads what the current view shows.
func (m Model) reload() tea.Cmd {
	switch m.view {
	case viewRoll:
		return loadRoll(m.store, m.rollID)
	case viewCourse:
		return loadSheet(m.store, m.courseID)
	case viewReview:
		return loadReview(m.store, m.reviewDay)
	}
	return loadList(m.store, m.ctx.Today())
}

// open switches to a view, remembering where esc goes back to.
func (m Model) open(v view) Model {
	if v != m.view {
		m.back = append(m.back, m.view)
	}
	m.view, m.err = v, nil
	return m
}

// goBack returns to the previous view and reloads it. Leaving a view another screen opened (the
// review with D, a roll from ホーム) also asks the root to go back to that screen.
func (m Model) goBack() (Model, tea.Cmd) {
	if len(m.back) == 0 {
		m.view = viewList
		if m.opened {
			m.opened = false
			return m, tea.Batch(m.reload(), common.Return())
		}
	} else {
		m.view = m.back[len(m.back)-1]
		m.back = m.back[:len(m.back)-1]
	}
	m.err = nil
	return m, m.reload()
}

func (m Model) closeOverlays() Model {
	m.formKind, m.formErr, m.pickKind, m.noting, m.ask = formNone, "", pickNone, false, nil
	return m
}

// Update handles data, routing payloads and keys.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.GotoMsg:
		switch p := msg.Payload.(type) {
		case common.ReviewPayload:
			m = m.closeOverlays()
			d := p.Date
			if d.IsZero() {
				d = m.ctx.Today()
			}
			if p.Over { // over the roll or list: esc comes back to it (D again: the same review)
				m = m.open(viewReview)
				m.reviewDay, m.reviewCur, m.reviewed = d, 0, false
				return m, loadReview(m.store, d)
			}
			m.back, m.view, m.reviewDay, m.reviewCur, m.reviewed, m.err = nil, viewReview, d, 0, false, nil
			m.opened = true
			return m, loadReview(m.store, d)
		case common.SessionPayload:
			m = m.closeOverlays()
			m.back, m.view, m.rollID, m.rollCur, m.err = nil, viewRoll, p.SessionID, 0, nil
			m.opened = true
			m.roll = store.Roll{}
			return m, loadRoll(m.store, p.SessionID)
		}
		return m, nil
	case ListLoadedMsg:
		m.date, m.sessions, m.courses, m.loaded = msg.Date, msg.Sessions, msg.Courses, true
		if m.view == viewList {
			m.err = msg.Err
		}
		m.listCur = clamp(m.listCur, m.listLen())
		return m, nil
	case RollLoadedMsg:
		if msg.Err == nil && msg.Roll.Session.ID != m.rollID {
			return m, nil // a roll left behind
		}
		m.err = msg.Err
		keep := m.rollPerson()
		m.roll = msg.Roll
		m.rollCur = clamp(m.rollCur, len(m.roll.Lines))
		for i, l := range m.roll.Lines {
			if l.Person.ID == keep && keep != 0 {
				m.rollCur = i
			}
		}
		return m, nil
	case SheetLoadedMsg:
		if msg.Err == nil && msg.Sheet.Course.ID != m.courseID {
			return m, nil
		}
		m.err, m.sheet = msg.Err, msg.Sheet
		m.courseCur = clamp(m.courseCur, len(m.sheet.Sessions)+len(m.sheet.People))
		return m, nil
	case ReviewLoadedMsg:
		if msg.Err == nil && msg.Review.Date != m.reviewDay {
			return m, nil
		}
		m.err, m.review, m.reviewed = msg.Err, msg.Review, true
		m.reviewCur = clamp(m.reviewCur, len(m.reviewItems()))
		return m, nil
	case common.DataChangedMsg:
		if m.view != viewList {
			return m, tea.Batch(m.reload(), loadList(m.store, m.ctx.Today()))
		}
		return m, m.reload()
	case MarkedMsg:
		for _, a := range msg.Marks {
			for i, l := range m.roll.Lines {
				if l.Person.ID == a.PersonID && a.SessionID == m.roll.Session.ID {
					m.roll.Lines[i].Attendance = a
					m.roll.Lines[i].Suggested = false
				}
			}
		}
		return m, common.Changed(model.KindAttendance)
	case PeopleLoadedMsg:
		if msg.Err != nil {
			m.pickKind = pickNone
			return m, common.Fail(msg.Err)
		}
		m.people = msg.People
		m.picker.SetPeople(msg.People)
		return m, nil
	case EnrolCheckedMsg:
		if msg.Warn {
			m.ask = &confirm{
				title: msg.Warning.In(m.ctx.Lang),
				lines: []string{m.ctx.T("スタッフの判断で登録を続けられます。", "Staff may enrol them anyway.")},
				yes:   m.ctx.T("登録する", "enrol"),
				run:   enrol(m.store, msg.Course, msg.Person),
			}
			return m, nil
		}
		return m, enrol(m.store, msg.Course, msg.Person)
	case EnrolledMsg:
		return m, tea.Batch(common.Changed(model.KindEnrollment), common.Status(m.ctx.T(
			fmt.Sprintf("%sさんを %s に登録しました", msg.Person.DisplayName(), msg.Course.Name),
			fmt.Sprintf("Enrolled %s in %s", msg.Person.DisplayName(), msg.Course.Name))))
	case WithdrawnMsg:
		return m, tea.Batch(common.Changed(model.KindEnrollment), common.Status(m.ctx.T(
			fmt.Sprintf("%sさんを %s から退講にしました（出欠記録は残ります）", msg.Person.DisplayName(), msg.Course.Name),
			fmt.Sprintf("Withdrew %s from %s (their marks are kept)", msg.Person.DisplayName(), msg.Course.Name))))
	case CourseSavedMsg:
		m = m.closeOverlays()
		if msg.Created {
			m = m.open(viewCourse)
			m.courseID, m.courseCur, m.sheet = msg.Course.ID, 0, store.CourseSheet{}
		}
		return m, tea.Batch(common.Changed(model.KindCourse), common.Status(m.ctx.T(
			fmt.Sprintf("講座「%s」を保存しました", msg.Course.Name), fmt.Sprintf("Saved the course %q", msg.Course.Name))))
	case SessionsCreatedMsg:
		m = m.closeOverlays()
		return m, tea.Batch(common.Changed(model.KindSession), common.Status(m.ctx.T(
			fmt.Sprintf("%d回を追加しました", len(msg.Sessions)), fmt.Sprintf("Added %d sessions", len(msg.Sessions)))))
	case SessionDeletedMsg:
		return m, tea.Batch(common.Changed(model.KindSession), common.Status(m.ctx.T(
			fmt.Sprintf("回「%s」（%s）を削除しました", msg.Session.Title, msg.Session.Date), fmt.Sprintf("Deleted the session %q (%s)", msg.Session.Title, msg.Session.Date))))
	case CheckedOutMsg:
		text := m.ctx.T(fmt.Sprintf("%d人を退館にしました", len(msg.Visits)), fmt.Sprintf("Checked out %d people", len(msg.Visits)))
		if len(msg.Names) == 1 && len(msg.Visits) == 1 {
			v := msg.Visits[0]
			text = m.ctx.T(fmt.Sprintf("%sさんを退館にしました（%s〜%s）", msg.Names[0], model.HHMM(v.In), model.HHMM(v.Out)),
				fmt.Sprintf("Checked out %s (%s-%s)", msg.Names[0], model.HHMM(v.In), model.HHMM(v.Out)))
		}
		return m, tea.Batch(common.Changed(model.KindVisit), common.Status(text))
	case ClosedMsg:
		return m.closed(msg)
	case common.ErrorMsg:
		// Reaches the screen while a form is open: field errors go under their fields.
		if m.formKind != formNone {
			var rest string
			m.form, rest = m.form.SetErrors(msg.Err)
			m.formErr = rest
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

// key routes a key press to the open overlay, else to the view.
func (m Model) key(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	switch {
	case m.ask != nil:
		switch {
		case key.Matches(k, m.keys.Yes):
			run := m.ask.run
			m.ask = nil
			return m, run
		case m.ask.altRun != nil && k.String() == "enter":
			run := m.ask.altRun
			m.ask = nil
			return m, run
		case key.Matches(k, m.keys.No):
			m.ask = nil
		}
		return m, nil
	case m.formKind != formNone:
		return m.formKey(k)
	case m.pickKind != pickNone:
		return m.pickKey(k)
	case m.noting:
		return m.noteKey(k)
	}
	if key.Matches(k, m.keys.Back) && m.view != viewList {
		return m.goBack()
	}
	switch m.view {
	case viewRoll:
		return m.rollKey(k)
	case viewCourse:
		return m.courseKey(k)
	case viewReview:
		return m.reviewKey(k)
	}
	return m.listKey(k)
}

// SetContext applies a new size or language.
func (m Model) SetContext(c common.Context) common.Screen {
	langChanged := c.Lang != m.ctx.Lang
	m.ctx = c
	if langChanged {
		m.keys = DefaultKeyMap(c.Lang)
	}
	return m
}

// Capturing is true while a text field has focus: a form, the person search or a note.
func (m Model) Capturing() bool {
	return m.formKind != formNone || m.pickKind != pickNone || m.noting || m.ask != nil // a question: y/esc, never q or the tab keys
}

// Cursor places the terminal's cursor in the focused text field (for the IME).
func (m Model) Cursor() *tea.Cursor {
	switch {
	case m.ask != nil:
		return nil
	case m.formKind != formNone:
		c := m.form.Cursor()
		if c != nil {
			c.Y += formTop
		}
		return c
	case m.pickKind != pickNone:
		c := m.picker.Cursor()
		if c != nil {
			c.Y += pickTop
		}
		return c
	case m.noting:
		c := m.note.Cursor()
		if _, y := m.rollLayout(); c != nil && y >= 0 {
			c.Y += y
		}
		return c
	}
	return nil
}

// Keys returns the keys that work in the current view, for the help bar.
func (m Model) Keys() help.KeyMap {
	k := m.keys
	switch {
	case m.ask != nil:
		yes := k.Yes
		if m.ask.yes != "" {
			yes.SetHelp("y", m.ask.yes)
		}
		short := []key.Binding{yes, k.No}
		if m.ask.altRun != nil {
			short = []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", m.ask.alt)), yes, k.No}
		}
		return keyHelp{short: short, full: [][]key.Binding{short}}
	case m.formKind != formNone:
		fk := m.form.Keys()
		return keyHelp{short: fk.ShortHelp(), full: fk.FullHelp()}
	case m.pickKind != pickNone:
		pk := m.picker.Keys
		choose := pk.Choose
		if m.pickKind == pickEnrol {
			choose.SetHelp("enter", m.ctx.T("登録", "enrol"))
		} else {
			choose.SetHelp("enter", m.ctx.T("出席で追加", "add as present"))
		}
		short := []key.Binding{pk.Up, pk.Down, choose, k.Back}
		return keyHelp{short: short, full: [][]key.Binding{short}}
	case m.noting:
		save := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", m.ctx.T("メモを保存", "save note")))
		return keyHelp{short: []key.Binding{save, k.Back}, full: [][]key.Binding{{save, k.Back}}}
	}
	nav := []key.Binding{k.Up, k.Down}
	switch m.view {
	case viewRoll:
		short := []key.Binding{k.Present, k.Late, k.LeftEarly, k.Absent, k.Excused, k.Accept, k.Note, k.WalkIn, k.Back}
		return keyHelp{short: short, full: [][]key.Binding{
			{k.Present, k.Late, k.LeftEarly, k.Absent, k.Excused, k.Clear},
			{k.Accept, k.Note, k.WalkIn, k.Back}, nav}}
	case viewCourse:
		open := k.Open
		open.SetHelp("enter", m.ctx.T("出欠をとる", "take the roll"))
		short := []key.Binding{open, k.Enrol, k.Withdraw, k.AddSessions, k.EditCourse, k.Back}
		return keyHelp{short: short, full: [][]key.Binding{short, {k.DeleteSession}, nav}}
	case viewReview:
		act := k.Open
		act.SetHelp("enter", m.ctx.T("対応", "act"))
		// left/right are said on the review's first line: with them here the bar ran past 80
		// columns and cut off the root's ? help.
		// o only on a person still checked in; c says 締め直す once the day is closed (closing
		// again records the day as it is now)
		items := m.reviewItems()
		act.SetEnabled(len(items) > 0)
		k.CheckOut.SetEnabled(m.reviewCur < len(items) && items[m.reviewCur].kind == itemVisit)
		k.CheckOutAll.SetEnabled(len(m.review.Here) > 0)
		if m.review.Closed != nil {
			k.CloseDay.SetHelp(k.CloseDay.Help().Key, m.ctx.T("締め直す", "close again"))
		}
		short := []key.Binding{act, k.CheckOut, k.CloseDay, k.Back}
		return keyHelp{short: short, full: [][]key.Binding{{act, k.CheckOut, k.CheckOutAll, k.CloseDay}, {k.PrevDay, k.NextDay, k.Back}, nav}}
	}
	short := []key.Binding{k.Open, k.NewCourse}
	return keyHelp{short: short, full: [][]key.Binding{short, nav}}
}

// View draws the current view at the context's size.
func (m Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	var body string
	switch {
	case m.err != nil:
		body = st.Danger.Render(model.Message(m.err, c.Lang)) + "\n\n" + st.Muted.Render(c.T("esc で戻ります", "esc goes back"))
	case m.ask != nil:
		body = m.confirmView()
	case m.formKind != formNone:
		body = m.formView()
	case m.pickKind != pickNone:
		body = m.pickView()
	default:
		switch m.view {
		case viewRoll:
			body = m.rollView()
		case viewCourse:
			body = m.courseView()
		case viewReview:
			body = m.reviewView()
		default:
			body = m.listView()
		}
	}
	return common.Lines(body, c.Width, c.Height)
}

// ---- small helpers ----

func clamp(i, n int) int {
	if n <= 0 {
		return 0
	}
	return max(0, min(i, n-1))
}

// window returns the rows [from, to) of n rows to draw in h lines so that sel is visible,
// keeping it a little away from the edges.
func window(n, sel, h int) (int, int) {
	if h <= 0 {
		return 0, 0
	}
	if n <= h {
		return 0, n
	}
	from := sel - h/2
	from = max(0, min(from, n-h))
	return from, from + h
}

// row draws one selectable row: the selected one reversed across the width.
func (m Model) row(text string, selected bool, width int) string {
	if selected {
		return m.ctx.Styles.Selected.Render(common.Fit("> "+text, width))
	}
	return "  " + text
}

// shortDate writes 11-25(水) / 11-25 Wed.
func shortDate(d model.Date, l model.Lang) string {
	if d.IsZero() {
		return ""
	}
	if l == model.EN {
		return d.String()[5:] + " " + d.Start().Format("Mon")
	}
	return d.String()[5:] + "(" + model.WeekdayJA(d.Weekday()) + ")"
}

func ansiWidth(s string) int { return ansi.StringWidth(s) }

// rollLineOf is a new roll line for a person just marked from the roll (a walk-in).
func rollLineOf(p model.Person, a model.Attendance) store.RollLine {
	a.WalkIn = true
	return store.RollLine{Person: p, Attendance: a}
}

// ---- for tests and the root ----

// Current names the view shown: "list", "course", "roll" or "review".
func (m Model) Current() string {
	return [...]string{"list", "course", "roll", "review"}[m.view]
}

// Roll returns the roll shown (or last shown).
func (m Model) Roll() store.Roll { return m.roll }

// Review returns the review shown (or last shown).
func (m Model) Review() model.DayReview { return m.review }

// Sheet returns the course shown (or last shown).
func (m Model) Sheet() store.CourseSheet { return m.sheet }

// Asking reports whether a confirmation is open.
func (m Model) Asking() bool { return m.ask != nil }

// scroll returns at most h of rows with sel visible; when rows do not fit, a muted line at the
// top and/or bottom says how many more there are, so nothing is hidden without a word.
func (m Model) scroll(rows []string, sel, h int) []string {
	n := len(rows)
	if n <= h {
		return rows
	}
	if h < 3 {
		f, t := window(n, sel, h)
		return rows[f:t]
	}
	f, t := window(n, sel, h-2)
	switch {
	case f == 0:
		f, t = 0, h-1
	case t == n:
		f, t = n-(h-1), n
	}
	st, c := m.ctx.Styles, m.ctx
	var out []string
	if f > 0 {
		out = append(out, st.Muted.Render(c.T(fmt.Sprintf("  （上に %d行）", f), fmt.Sprintf("  (%d more above)", f))))
	}
	out = append(out, rows[f:t]...)
	if t < n {
		out = append(out, st.Muted.Render(c.T(fmt.Sprintf("  （下に %d行）", n-t), fmt.Sprintf("  (%d more below)", n-t))))
	}
	return out
}
