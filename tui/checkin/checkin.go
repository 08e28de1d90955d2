// Package checkin is チェックイン: the counter where staff check people in and out as they come
// and go, register walk-ins, undo a slip, close the day and correct a visit's times; and the
// people directory (名簿), where a person and their children are edited or archived.
//
// The screen is a small set of views over one model: the counter (a search field with the
// matches on the left, who is here now on the right), two dialogs (a guardian leaving while a
// child is in the kids space; closing), the day's visit list, the directory and a person's page,
// and the forms (walk-in, correction, person, child). Every store call runs in a tea.Cmd that
// gets its values copied in and returns a typed message.
package checkin

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// Store is what the screen needs from the database.
type Store interface {
	People() ([]model.Person, error)
	Today(d model.Date) (store.Today, error)
	Settings() (model.Settings, error)
	Toggle(personID uint64, purpose model.Purpose) (model.Visit, bool, error)
	RegisterAndCheckIn(p model.Person, purpose model.Purpose) (model.Person, model.Visit, error)
	UndoCheckIn(visitID uint64) error
	UndoCheckOut(visitID uint64) error
	CheckOutAll(at time.Time) ([]model.Visit, error)
	CorrectVisit(visitID uint64, in, out time.Time, reason string) (model.Visit, error)
	DayVisits(d model.Date) ([]store.VisitLine, error)
	Person(personID uint64) (model.Person, error)
	ChildrenOf(guardianID uint64) ([]model.Child, error)
	CreatePerson(p model.Person) (model.Person, error)
	UpdatePerson(p model.Person) (model.Person, error)
	ArchivePerson(personID uint64, archived bool) error
	Forget(personID uint64) (store.ForgetResult, error)
	CreateChild(c model.Child) (model.Child, error)
	UpdateChild(c model.Child) (model.Child, error)
}

var _ Store = (*store.Store)(nil)

// The root's tab indexes this screen sends GotoMsg to (tui.TabHome, tui.TabKids; the root
// imports this package, so they are repeated here).
const (
	tabHome = 0
	tabKids = 2
)

// UndoWindow is how long after a check-in or check-out it can be undone, by the context's clock.
const UndoWindow = 5 * time.Minute

// view is what the screen shows.
type view int

const (
	viewCounter   view = iota // search + here now
	viewWalkIn                // walk-in registration form
	viewGuardian              // dialog: a guardian leaving with a child in the kids space
	viewClosing               // dialog: check out everyone still here
	viewVisits                // the day's visit list
	viewCorrect               // correction form for a visit
	viewDirectory             // the people directory: search over everyone, archived included
	viewDetail                // a person's page with their children
	viewPerson                // person form (new or edit)
	viewChild                 // child form (new or edit)
)

// lastAction is the check-in or check-out that ctrl+z can undo.
type lastAction struct {
	VisitID   uint64
	CheckedIn bool
	Name      string
	At        time.Time // by the context's clock
}

// Model is the チェックイン screen.
type Model struct {
	ctx   common.Context
	store Store
	keys  KeyMap
	view  view

	// data
	people []model.Person
	// keptFor is the guardian left highlighted while staff record a pick-up on キッズ
	keptFor uint64
	// namesakeOK is the roster key staff confirmed as a new person although someone of the same
	// name exists (ctrl+s twice on the walk-in form)
	namesakeOK string
	today      store.Today
	settings   model.Settings
	loaded     bool
	loadErr    error

	// counter
	picker    components.PersonPicker
	searching bool // the search field has focus
	purpose   model.Purpose
	last      *lastAction
	pending   uint64 // a person to highlight once people are loaded (PersonPayload)

	// dialogs
	leaving   store.HereNow // the guardian whose child is still in the kids space
	closingAt time.Time     // the stamp "check out everyone" will use

	// forms: one open at a time
	form    components.Form
	formErr string // an error that belongs to no field
	title   string // the form's heading

	// day's visits
	day         model.Date
	visits      []store.VisitLine
	visitCursor int
	correcting  store.VisitLine

	// directory and a person's page
	dir           components.PersonPicker
	person        model.Person
	children      []model.Child
	childCursor   int
	forgetAsk     bool         // the erase confirmation is showing on a person's page
	editing       model.Child  // the child being edited (ID 0: a new one)
	editingPerson model.Person // the person being edited (ID 0: a new one)
	from          view         // where a form returns to
}

// New returns the screen with the search focused.
func New(ctx common.Context, s Store) Model {
	m := Model{ctx: ctx, store: s, keys: DefaultKeyMap(ctx.Lang), purpose: model.PurposeCoworking, searching: true}
	m = m.clearSearch()
	m.dir = components.NewPersonPicker(ctx.Lang, dirPrompt(ctx.Lang))
	m.dir.Input.SetPlaceholder(ctx.T("名前・ふりがな・ローマ字で検索（アーカイブした人も）", "search by name, kana or romaji (archived people too)"))
	m.day = ctx.Today()
	return m
}

func searchPrompt(l model.Lang) string { return l.Pick("検索 > ", "Search > ") }
func dirPrompt(l model.Lang) string    { return l.Pick("名簿 > ", "People > ") }

// ---- messages ----

// LoadedMsg carries what the counter shows: everyone, today's summary and the settings.
type LoadedMsg struct {
	People   []model.Person
	Today    store.Today
	Settings model.Settings
	Err      error
}

// ToggledMsg says a person was checked in or out.
type ToggledMsg struct {
	Person    model.Person
	Visit     model.Visit
	CheckedIn bool
	Err       error
}

// RegisteredMsg says a walk-in was registered and checked in (one transaction).
type RegisteredMsg struct {
	Person model.Person
	Visit  model.Visit
	Err    error
}

// UndoneMsg says the last check-in or check-out was undone.
type UndoneMsg struct {
	Undone lastAction
	Err    error
}

// ClosedAllMsg says everyone still here was checked out at closing.
type ClosedAllMsg struct {
	Visits []model.Visit
	At     time.Time
	Err    error
}

// DayVisitsMsg carries a day's visits.
type DayVisitsMsg struct {
	Day   model.Date
	Lines []store.VisitLine
	Err   error
}

// CorrectedMsg says a visit's times were corrected.
type CorrectedMsg struct {
	Visit model.Visit
	Err   error
}

// DetailMsg carries a person and their children for the person's page.
type DetailMsg struct {
	Person   model.Person
	Children []model.Child
	Err      error
}

// PersonSavedMsg says a person was created or updated.
type PersonSavedMsg struct {
	Person  model.Person
	Created bool
	Err     error
}

// ArchivedMsg says a person was archived or brought back.
type ArchivedMsg struct {
	PersonID uint64
	Archived bool
	Err      error
}

// ChildSavedMsg says a child was created or updated.
type ChildSavedMsg struct {
	Child   model.Child
	Created bool
	Err     error
}

// tickMsg refreshes durations, the undo window and today's summary once a minute.
type tickMsg struct{}

// ---- commands: values copied in, never the model ----

func load(s Store, d model.Date) tea.Cmd {
	return func() tea.Msg {
		var msg LoadedMsg
		if msg.People, msg.Err = s.People(); msg.Err != nil {
			return msg
		}
		if msg.Today, msg.Err = s.Today(d); msg.Err != nil {
			return msg
		}
		msg.Settings, msg.Err = s.Settings()
		return msg
	}
}

func toggle(s Store, p model.Person, purpose model.Purpose) tea.Cmd {
	return func() tea.Msg {
		v, in, err := s.Toggle(p.ID, purpose)
		return ToggledMsg{Person: p, Visit: v, CheckedIn: in, Err: err}
	}
}

func register(s Store, p model.Person, purpose model.Purpose) tea.Cmd {
	return func() tea.Msg {
		p, v, err := s.RegisterAndCheckIn(p, purpose)
		return RegisteredMsg{Person: p, Visit: v, Err: err}
	}
}

func undo(s Store, a lastAction) tea.Cmd {
	return func() tea.Msg {
		var err error
		if a.CheckedIn {
			err = s.UndoCheckIn(a.VisitID)
		} else {
			err = s.UndoCheckOut(a.VisitID)
		}
		return UndoneMsg{Undone: a, Err: err}
	}
}

func closeAll(s Store, at time.Time) tea.Cmd {
	return func() tea.Msg {
		vs, err := s.CheckOutAll(at)
		return ClosedAllMsg{Visits: vs, At: at, Err: err}
	}
}

func loadDay(s Store, d model.Date) tea.Cmd {
	return func() tea.Msg {
		ls, err := s.DayVisits(d)
		return DayVisitsMsg{Day: d, Lines: ls, Err: err}
	}
}

func correct(s Store, visitID uint64, in, out time.Time, reason string) tea.Cmd {
	return func() tea.Msg {
		v, err := s.CorrectVisit(visitID, in, out, reason)
		return CorrectedMsg{Visit: v, Err: err}
	}
}

func loadDetail(s Store, personID uint64) tea.Cmd {
	return func() tea.Msg {
		p, err := s.Person(personID)
		if err != nil {
			return DetailMsg{Err: err}
		}
		cs, err := s.ChildrenOf(personID)
		return DetailMsg{Person: p, Children: cs, Err: err}
	}
}

func savePerson(s Store, p model.Person) tea.Cmd {
	return func() tea.Msg {
		if p.ID == 0 {
			p, err := s.CreatePerson(p)
			return PersonSavedMsg{Person: p, Created: true, Err: err}
		}
		p, err := s.UpdatePerson(p)
		return PersonSavedMsg{Person: p, Err: err}
	}
}

func archive(s Store, personID uint64, archived bool) tea.Cmd {
	return func() tea.Msg {
		return ArchivedMsg{PersonID: personID, Archived: archived, Err: s.ArchivePerson(personID, archived)}
	}
}

func saveChild(s Store, c model.Child) tea.Cmd {
	return func() tea.Msg {
		if c.ID == 0 {
			c, err := s.CreateChild(c)
			return ChildSavedMsg{Child: c, Created: true, Err: err}
		}
		c, err := s.UpdateChild(c)
		return ChildSavedMsg{Child: c, Err: err}
	}
}

func (m Model) tick() tea.Cmd {
	return m.ctx.After(time.Minute, func(time.Time) tea.Msg { return tickMsg{} })
}

func (m Model) reload() tea.Cmd { return load(m.store, m.ctx.Today()) }

// ---- the Screen interface ----

// Init loads the people and today's summary.
func (m Model) Init() tea.Cmd { return tea.Batch(m.reload(), m.tick()) }

// Update handles data messages (whatever the view) and keys (by view).
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		return m.loadedData(msg), nil
	case common.DataChangedMsg:
		cmds := []tea.Cmd{m.reload()}
		if m.view == viewVisits {
			cmds = append(cmds, loadDay(m.store, m.day))
		}
		if m.view == viewDetail && m.person.ID != 0 {
			cmds = append(cmds, loadDetail(m.store, m.person.ID))
		}
		return m, tea.Batch(cmds...)
	case tickMsg:
		return m, tea.Batch(m.reload(), m.tick())
	case common.GotoMsg:
		if p, ok := msg.Payload.(common.PersonPayload); ok {
			m = m.toCounter()
			m.pending = p.PersonID
			m = m.highlightPending()
		}
		return m, nil
	case ToggledMsg:
		return m.toggled(msg)
	case RegisteredMsg:
		return m.registered(msg)
	case UndoneMsg:
		return m.undone(msg)
	case ClosedAllMsg:
		return m.closedAll(msg)
	case DayVisitsMsg:
		return m.dayVisits(msg)
	case CorrectedMsg:
		return m.corrected(msg)
	case DetailMsg:
		return m.detailLoaded(msg)
	case PersonSavedMsg:
		return m.personSaved(msg)
	case ArchivedMsg:
		return m.archived(msg)
	case ForgottenMsg:
		return m.forgotten(msg)
	case ChildSavedMsg:
		return m.childSaved(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		return m.paste(msg)
	}
	return m, nil
}

// key routes a key press to the current view.
func (m Model) key(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	switch m.view {
	case viewCounter:
		return m.counterKey(k)
	case viewGuardian:
		return m.guardianKey(k)
	case viewClosing:
		return m.closingKey(k)
	case viewVisits:
		return m.visitsKey(k)
	case viewDirectory:
		return m.directoryKey(k)
	case viewDetail:
		return m.detailKey(k)
	case viewWalkIn, viewCorrect, viewPerson, viewChild:
		return m.formKey(k)
	}
	return m, nil
}

// paste types pasted text into the focused field.
func (m Model) paste(p tea.PasteMsg) (common.Screen, tea.Cmd) {
	var cmd tea.Cmd
	switch m.view {
	case viewCounter:
		m.searching = true
		m.picker.Input.Focus()
		m.picker, cmd = m.picker.Update(p)
		m.picker = foldSearch(m.picker, m.people)
	case viewDirectory:
		m.dir, cmd = m.dir.Update(p)
		m.dir = foldSearch(m.dir, everyone(m.people))
	case viewWalkIn, viewCorrect, viewPerson, viewChild:
		m.form, _, cmd = m.form.Update(p)
	}
	return m, cmd
}

// SetContext applies a new size or language.
func (m Model) SetContext(c common.Context) common.Screen {
	if c.Lang != m.ctx.Lang {
		m.keys = DefaultKeyMap(c.Lang)
		m.picker.Input.SetPrompt(searchPrompt(c.Lang))
		m.dir.Input.SetPrompt(dirPrompt(c.Lang))
		m.dir.Input.SetPlaceholder(c.T("名前・ふりがな・ローマ字で検索（アーカイブした人も）", "search by name, kana or romaji (archived people too)"))
	}
	m.ctx = c
	return m
}

// Keys returns the help bar's keys for the current view.
func (m Model) Keys() help.KeyMap {
	short, full := m.viewKeys()
	return helpKeys{short: short, full: full}
}

// viewKeys lists the current view's keys for the bar, most used first so that nothing a clerk
// needs at the counter is cut at 80 columns, and (when it differs) every key for the full help.
// The counter's less used keys (visits, people, closing) are on its footer line instead of the
// bar.
func (m Model) viewKeys() (short, full []key.Binding) {
	k := m.keys
	switch m.view {
	case viewCounter:
		toggle := k.Toggle
		if p, ok := m.picker.Selected(); ok && m.isIn(p.ID) {
			toggle.SetHelp("enter", m.ctx.T("退館", "check out"))
		}
		undo := k.Undo
		undo.SetEnabled(m.canUndo())
		// the full help lists ctrl+z even when there is nothing to undo (it then says so), and
		// the arrows
		rest := []key.Binding{k.Undo, k.Visits, k.People, k.Closing, k.Up, k.Down}
		if m.searching {
			leave := k.Leave
			if m.picker.Query() != "" {
				leave = k.Clear
			}
			short = []key.Binding{toggle, leave, k.NextTab, undo, k.WalkIn, k.Purpose}
			return short, append([]key.Binding{toggle, leave, k.NextTab, k.WalkIn, k.Purpose}, append(rest, k.PrevTab, k.AltJump)...)
		}
		// the root adds D, ? and q after these
		short = []key.Binding{toggle, undo, k.WalkIn}
		return short, append([]key.Binding{k.Search, toggle, k.WalkIn, k.Purpose}, rest...)
	case viewGuardian:
		return []key.Binding{k.PickUp, k.LeaveAnyway, k.Cancel}, nil
	case viewClosing:
		if m.closingKids() > 0 {
			kids := k.PickUp
			kids.SetHelp("enter", m.ctx.T("キッズ画面へ", "open Kids"))
			return []key.Binding{k.Confirm, kids, k.Cancel}, nil
		}
		return []key.Binding{k.Confirm, k.Cancel}, nil
	case viewVisits:
		return []key.Binding{k.Correct, k.PrevDay, k.NextDay, k.Today, k.Back}, nil
	case viewDirectory:
		return []key.Binding{k.Open, k.WalkIn, k.Back}, nil
	case viewDetail:
		arch := k.Archive
		if m.person.Archived {
			arch.SetHelp("a", m.ctx.T("アーカイブ解除", "unarchive"))
		}
		edit := k.EditChild
		edit.SetEnabled(len(m.children) > 0)
		if m.forgetAsk {
			return []key.Binding{k.Confirm, k.Cancel}, nil
		}
		forget, add, ed := k.Forget, k.AddChild, k.Edit
		forget.SetEnabled(!m.person.Forgotten)
		add.SetEnabled(!m.person.Forgotten) // nobody to add a child to, or to edit, once erased
		ed.SetEnabled(!m.person.Forgotten)
		return []key.Binding{ed, add, edit, arch, forget, k.Back}, nil
	case viewWalkIn, viewCorrect, viewPerson, viewChild:
		choose := k.Choose
		choose.SetEnabled(m.focusedChoice())
		if m.view == viewPerson { // several roles: left and right move, space turns one on or off
			choose.SetHelp("space", m.ctx.T("付け外し", "toggle"))
		}
		short = []key.Binding{k.Save, k.Back, choose, k.NextField, k.PrevField}
		if m.view == viewWalkIn {
			short = append(short, k.Purpose)
		}
		return short, nil
	}
	return nil, nil
}

// TabSwitches is true while the focused field is a lone search (the counter's, the directory's):
// then the root still switches screens on tab and shift+tab (common.TabSwitcher).
func (m Model) TabSwitches() bool {
	return m.view == viewCounter && m.searching || m.view == viewDirectory
}

var _ common.TabSwitcher = Model{}

// Capturing is true while a text field has focus (the search, a form) and in the dialogs, whose
// letter keys (y, n, o) must not reach the global keys.
func (m Model) Capturing() bool {
	switch m.view {
	case viewCounter:
		return m.searching
	case viewVisits:
		return false
	case viewDetail:
		return m.forgetAsk // y/n must not reach the global keys
	}
	return true
}

// Cursor places the terminal's real cursor in the focused field, measured by display width
// (components.Input), relative to the body.
func (m Model) Cursor() *tea.Cursor {
	switch m.view {
	case viewCounter:
		if !m.searching {
			return nil
		}
		c := m.picker.Cursor()
		if c != nil {
			c.Y += counterSearchRow
		}
		return c
	case viewDirectory:
		c := m.dir.Cursor()
		if c != nil {
			c.Y += dirSearchRow
		}
		return c
	case viewWalkIn, viewCorrect, viewPerson, viewChild:
		c := m.sizedForm().Cursor()
		if c != nil {
			c.Y += formTopRows
		}
		return c
	}
	return nil
}

// View draws the current view at the context's size.
func (m Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	if !m.loaded {
		return common.Lines(st.Muted.Render(c.T("読み込み中", "Loading")), c.Width, c.Height)
	}
	var body string
	switch m.view {
	case viewCounter:
		body = m.counterView()
	case viewGuardian:
		body = m.guardianView()
	case viewClosing:
		body = m.closingView()
	case viewVisits:
		body = m.visitsView()
	case viewDirectory:
		body = m.directoryView()
	case viewDetail:
		body = m.detailView()
	case viewWalkIn, viewCorrect, viewPerson, viewChild:
		body = m.formView()
	}
	return common.Lines(body, c.Width, c.Height)
}

// ---- accessors for tests ----

// ViewName returns which view is shown, as a short name (for tests).
func (m Model) ViewName() string {
	return [...]string{"counter", "walkin", "guardian", "closing", "visits", "correct", "directory", "detail", "person", "child"}[m.view]
}

// Purpose returns the purpose the next check-in gets.
func (m Model) Purpose() model.Purpose { return m.purpose }

// Query returns what is typed in the counter's search.
func (m Model) Query() string { return m.picker.Query() }

// Results returns the counter's matches in order.
func (m Model) Results() []components.Result { return m.picker.Results() }

// Selected returns the highlighted person of the search.
func (m Model) Selected() (model.Person, bool) { return m.picker.Selected() }

// Here returns who is in now, as last loaded.
func (m Model) Here() []store.HereNow { return m.today.Here }

// Searching reports whether the counter's search field has focus.
func (m Model) Searching() bool { return m.searching }

// Form returns the open form (for tests).
func (m Model) Form() components.Form { return m.form }

// Visits returns the day's visit list as loaded.
func (m Model) Visits() []store.VisitLine { return m.visits }

// Detail returns the person on the person's page and their children.
func (m Model) Detail() (model.Person, []model.Child) { return m.person, m.children }

// Activate focuses the counter's search again when the tab is shown, so "on entering, the
// search has focus" holds even after staff left it with esc (common.Activator).
func (m Model) Activate() (common.Screen, tea.Cmd) {
	if m.view != viewCounter {
		return m, nil
	}
	if m.keptFor != 0 { // shown again by hand, not by キッズ returning: the old search goes
		m, m.keptFor = m.clearSearch(), 0
	}
	m.searching = true
	return m, m.picker.Input.Focus()
}

var _ common.Activator = Model{}
