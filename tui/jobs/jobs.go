// Package jobs is the Jobs screen (案件): the brokered-job pipeline from 打診 to 入金, support
// notes (伴走メモ), clients, and each teleworker's income by month.
//
// Views: the list (filter by status, teleworker and client; sorted by due date; overdue
// marked), a job's detail (every field, the history newest first, one key per legal move), a
// teleworker's jobs and monthly figures, and the clients. Forms and pickers open over them as
// overlays; while one is open the screen captures the keyboard.
package jobs

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// Store is what the jobs screen needs from the database.
type Store interface {
	JobBoard() (store.JobBoard, error)
	JobHistory(jobID uint64) (store.JobHistory, error)
	CreateJob(j model.Job) (model.Job, error)
	UpdateJob(j model.Job) (model.Job, error)
	MoveJob(jobID uint64, m model.Move) (model.Job, error)
	SetChecklist(jobID uint64, ticked []string) (model.Job, error)
	AddJobNote(jobID uint64, text string) (model.JobEvent, error)
	CreateClient(c model.Client) (model.Client, error)
	UpdateClient(c model.Client) (model.Client, error)
}

var _ Store = (*store.Store)(nil)

// LoadedMsg carries the jobs, clients, people and settings.
type LoadedMsg struct {
	Board store.JobBoard
	Err   error
}

// HistoryMsg carries one job and its history, for the detail view.
type HistoryMsg struct {
	JobID   uint64
	History store.JobHistory
	Err     error
}

// SavedMsg says a job was created or edited.
type SavedMsg struct {
	Job     model.Job
	Created bool
}

// MovedMsg says a job moved to a new status (or had its QA items ticked, when To is 検品).
type MovedMsg struct {
	Job     model.Job
	Checked bool // only the QA ticks were saved
}

// NoteSavedMsg says a support note was added.
type NoteSavedMsg struct{ Event model.JobEvent }

// ClientSavedMsg says a client was created or edited.
type ClientSavedMsg struct {
	Client  model.Client
	Created bool
}

// view is the screen's base view.
type view int

const (
	viewList view = iota
	viewDetail
	viewWorker
	viewClients
)

// overlay is what is open over the base view.
type overlay int

const (
	ovNone       overlay = iota
	ovPicker             // the person search (pickFor says what for)
	ovClientPick         // choosing a client (pickFor says what for)
	ovJobForm            // creating or editing a job
	ovClientForm         // creating or editing a client
	ovMove               // a move's form: reason, or amount and date
	ovConfirm            // a move that needs no input, to be confirmed
	ovChecklist          // the QA checklist (delivering, or only ticking)
	ovNote               // a support note
)

// purpose is what a person or client is being chosen for.
type purpose int

const (
	forFilter purpose = iota // the list filter
	forNewJob                // the first steps of a new job
	forForm                  // changing the job form's teleworker or client
	forWorker                // the teleworker view
)

// statusChoice is one step of the status filter.
type statusChoice struct {
	label    model.Text
	statuses []model.JobStatus
}

// statusChoices are the status filter's steps, in the order `s` cycles through them.
var statusChoices = func() []statusChoice {
	out := []statusChoice{
		{model.T("すべて", "all"), nil},
		{model.T("対応中", "active"), model.ActiveStatuses},
	}
	for _, s := range model.JobStatuses {
		out = append(out, statusChoice{model.T(s.Label(model.JA), s.Label(model.EN)), []model.JobStatus{s}})
	}
	return out
}()

// Model is the jobs screen.
type Model struct {
	ctx   common.Context
	store Store
	keys  KeyMap

	board   store.JobBoard
	loaded  bool
	err     error
	people  map[uint64]model.Person
	clients map[uint64]model.Client

	view view
	back view // where esc from the detail goes
	// openedFor is the job another screen (the review) opened; esc from its detail returns there
	openedFor uint64

	// the list
	status         int    // index into statusChoices
	personF        uint64 // teleworker filter
	clientF        uint64 // client filter
	rows           []model.Job
	cursor, offset int

	// the detail
	detailID   uint64
	detail     store.JobHistory
	detailErr  error
	detailOK   bool
	histOffset int

	workerID      uint64 // the teleworker view
	wcursor, woff int
	ccursor, coff int // the clients view

	// the overlay and what it edits
	chooseCursor   int // the client chooser
	chooseOff      int
	ov             overlay
	pickFor        purpose
	picker         components.PersonPicker
	jobForm        components.Form // the job form (kept while its teleworker or client is chosen)
	clientForm     components.Form
	form           components.Form // a move's or a note's small form
	editJob        uint64          // the job being edited (0: a new one)
	formIn         model.JobInput  // the job form's teleworker and client (and the values while choosing)
	editClient     uint64          // the client being edited (0: a new one)
	clientReturnTo overlay         // where a client form returns after saving
	moveTo         model.JobStatus
	ticks          []bool
	tickCursor     int
	flash          string // an error inside an overlay that belongs to no field
}

// New returns the jobs screen.
func New(ctx common.Context, s Store) Model {
	return Model{ctx: ctx, store: s, keys: DefaultKeyMap(ctx.Lang)}
}

// loadBoard reads the board in a command; only the store is copied in.
func loadBoard(s Store) tea.Cmd {
	return func() tea.Msg {
		b, err := s.JobBoard()
		return LoadedMsg{Board: b, Err: err}
	}
}

// loadHistory reads one job and its history in a command.
func loadHistory(s Store, id uint64) tea.Cmd {
	return func() tea.Msg {
		h, err := s.JobHistory(id)
		return HistoryMsg{JobID: id, History: h, Err: err}
	}
}

// Init loads the board.
func (m Model) Init() tea.Cmd { return loadBoard(m.store) }

// reload reloads the board and the open job.
func (m Model) reload() tea.Cmd {
	cmds := []tea.Cmd{loadBoard(m.store)}
	if m.view == viewDetail && m.detailID != 0 {
		cmds = append(cmds, loadHistory(m.store, m.detailID))
	}
	return tea.Batch(cmds...)
}

// Update handles data, results and keys.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		m.loaded, m.err = true, msg.Err
		if msg.Err == nil {
			m.setBoard(msg.Board)
		}
		return m, nil
	case HistoryMsg:
		if msg.JobID == m.detailID {
			m.detail, m.detailErr, m.detailOK = msg.History, msg.Err, true
		}
		return m, nil
	case common.DataChangedMsg:
		return m, m.reload()
	case common.GotoMsg:
		if p, ok := msg.Payload.(common.JobPayload); ok {
			m.ov, m.flash = ovNone, ""
			m = m.openDetail(p.JobID, viewList)
			m.openedFor = p.JobID
			cmds := []tea.Cmd{loadHistory(m.store, p.JobID)}
			if !m.loaded {
				cmds = append(cmds, loadBoard(m.store))
			}
			return m, tea.Batch(cmds...)
		}
		return m, nil
	case SavedMsg:
		m.ov, m.flash = ovNone, ""
		cmd := common.Status(m.ctx.T(fmt.Sprintf("案件 #%d「%s」を保存しました", msg.Job.ID, msg.Job.Title),
			fmt.Sprintf("Saved job #%d %s", msg.Job.ID, msg.Job.Title)))
		if msg.Created {
			m = m.openDetail(msg.Job.ID, m.view)
		} else if m.detail.Job.ID == msg.Job.ID {
			m.detail.Job = msg.Job
		}
		return m, tea.Batch(cmd, common.Changed(model.KindJob))
	case MovedMsg:
		m.ov, m.flash = ovNone, ""
		j := msg.Job
		if m.detail.Job.ID == j.ID {
			m.detail.Job = j // the history follows with the reload
		}
		text := m.ctx.T(fmt.Sprintf("案件 #%d を「%s」にしました", j.ID, j.Status.Label(model.JA)),
			fmt.Sprintf("Job #%d is now %s", j.ID, j.Status.Label(model.EN)))
		if msg.Checked {
			text = m.ctx.T(fmt.Sprintf("案件 #%d の検品チェックを保存しました", j.ID), fmt.Sprintf("Saved the QA ticks of job #%d", j.ID))
		}
		return m, tea.Batch(common.Status(text), common.Changed(model.KindJob))
	case NoteSavedMsg:
		m.ov, m.flash = ovNone, ""
		return m, tea.Batch(common.Status(m.ctx.T("伴走メモを記録しました", "Support note saved")), common.Changed(model.KindJobEvent))
	case ClientSavedMsg:
		return m.clientSaved(msg)
	case common.ErrorMsg:
		if m.ov != ovNone {
			m = m.showError(msg.Err)
		}
		return m, nil
	case tea.KeyPressMsg:
		if m.ov != ovNone {
			return m.overlayKey(msg)
		}
		switch m.view {
		case viewDetail:
			return m.detailKey(msg)
		case viewWorker:
			return m.workerKey(msg)
		case viewClients:
			return m.clientsKey(msg)
		}
		return m.listKey(msg)
	}
	if m.ov != ovNone { // other messages (the cursor's blink) go to the focused field
		return m.overlayMsg(msg)
	}
	return m, nil
}

// setBoard takes a fresh board and recomputes the list, keeping the cursor on the same job.
func (m *Model) setBoard(b store.JobBoard) {
	m.board = b
	m.people = make(map[uint64]model.Person, len(b.People))
	for _, p := range b.People {
		m.people[p.ID] = p
	}
	m.clients = make(map[uint64]model.Client, len(b.Clients))
	for _, c := range b.Clients {
		m.clients[c.ID] = c
	}
	m.refilter()
	if m.ov == ovPicker {
		m.picker.SetPeople(b.People)
	}
}

// showError puts an error beside its form field, or on the overlay's error line.
func (m Model) showError(err error) Model {
	switch m.ov {
	case ovJobForm:
		m.jobForm, m.flash = m.jobForm.SetErrors(err)
	case ovClientForm:
		m.clientForm, m.flash = m.clientForm.SetErrors(err)
	case ovMove, ovNote:
		m.form, m.flash = m.form.SetErrors(err)
	default:
		m.flash = model.Message(err, m.ctx.Lang)
	}
	return m
}

// openDetail shows a job's detail; esc returns to back.
func (m Model) openDetail(id uint64, back view) Model {
	if back == viewDetail {
		back = m.back
	}
	m.view, m.back, m.detailID, m.histOffset = viewDetail, back, id, 0
	m.openedFor = 0 // a detail opened here; the GotoMsg that opens one for the review sets it after
	if m.detail.Job.ID != id {
		m.detail, m.detailOK, m.detailErr = store.JobHistory{}, false, nil
	}
	return m
}

// SetContext applies a new size or language.
func (m Model) SetContext(c common.Context) common.Screen {
	m.ctx = c
	m.keys = DefaultKeyMap(c.Lang)
	return m
}

// Capturing is true while an overlay (a form, a picker, the checklist) is open: every key goes
// to it, so letters are typed and never taken as the app's keys.
func (m Model) Capturing() bool { return m.ov != ovNone }

// Keys returns the keys in force for the help bar.
func (m Model) Keys() help.KeyMap {
	k := m.keymap()
	var short []key.Binding
	var full [][]key.Binding
	switch m.ov {
	case ovJobForm:
		fk := components.DefaultFormKeys(m.ctx.Lang)
		short = []key.Binding{fk.Next, fk.Submit, k.ChooseTeleworker, k.ChooseClient, fk.Cancel}
		full = [][]key.Binding{{fk.Next, fk.Prev, fk.Submit, fk.Cancel}, {k.ChooseTeleworker, k.ChooseClient}}
		return helpMap{short, full}
	case ovClientForm, ovMove, ovNote:
		fk := components.DefaultFormKeys(m.ctx.Lang)
		short = []key.Binding{fk.Next, fk.Submit, fk.Cancel}
		return helpMap{short, [][]key.Binding{{fk.Next, fk.Prev, fk.Submit, fk.Cancel}}}
	case ovPicker:
		short = []key.Binding{m.picker.Keys.Up, m.picker.Keys.Down, m.picker.Keys.Choose, k.Close}
		return helpMap{short, [][]key.Binding{short}}
	case ovClientPick:
		short = []key.Binding{k.Up, k.Down, k.Choose, k.AddClient, k.Close}
		return helpMap{short, [][]key.Binding{short}}
	case ovChecklist:
		short = []key.Binding{k.Up, k.Down, k.Toggle, k.Save, k.Close}
		return helpMap{short, [][]key.Binding{short}}
	case ovConfirm:
		short = []key.Binding{k.Confirm, k.Close}
		return helpMap{short, [][]key.Binding{short}}
	}
	switch m.view {
	case viewDetail:
		moves := []key.Binding{k.Accept, k.Start, k.ToQA, k.Return, k.Deliver, k.Invoice, k.Paid, k.Cancel}
		n := len(moves) // the moves always show; then esc, the note, the ticks and edit as room allows
		short = m.fitHelp(append(slices.Clone(moves), k.Tick, k.Note, k.Edit, k.Back), n, n+3, n+1, n, n+2)
		full = [][]key.Binding{append(moves, k.Tick), {k.Note, k.Edit, k.Worker, k.Back}, {k.Up, k.Down, k.PageUp, k.PageDown}}
	case viewWorker:
		short = []key.Binding{k.Up, k.Down, k.Open, k.PickWorker, k.Back}
		full = [][]key.Binding{short}
	case viewClients:
		short = []key.Binding{k.Up, k.Down, k.NewClient, k.EditClient, k.Back}
		full = [][]key.Binding{short}
	default:
		short = m.fitHelp([]key.Binding{k.Open, k.New, k.Status, k.Person, k.Client, k.Clear, k.Worker, k.Clients}, 0, 1, 2, 3, 4, 6, 5, 7, 0)
		full = [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Open}, {k.New, k.Edit, k.Worker, k.Clients, k.Reload},
			{k.Status, k.Person, k.Client, k.Clear}}
	}
	return helpMap{short, full}
}

// helpRoom is the width the help bar leaves a screen's keys: the root adds its own (D, ?, q).
func (m Model) helpRoom() int { return m.ctx.Width - 34 }

// fitHelp returns the short help: every enabled key of base, then the extras, in the order
// given, that still fit the width (the rest are in the full help, ?). The keys come out in the
// order of all, so the bar reads the same whichever were left out.
func (m Model) fitHelp(all []key.Binding, base int, extra ...int) []key.Binding {
	width := func(b key.Binding) int {
		if !b.Enabled() {
			return 0
		}
		return ansi.StringWidth(b.Help().Key) + 1 + ansi.StringWidth(b.Help().Desc) + 2
	}
	keep := make([]bool, len(all))
	used := 0
	for i := range base {
		keep[i] = true
		used += width(all[i])
	}
	for _, i := range extra {
		if w := width(all[i]); used+w <= m.helpRoom() {
			keep[i] = true
			used += w
		}
	}
	var out []key.Binding
	for i, b := range all {
		if keep[i] {
			out = append(out, b)
		}
	}
	return out
}

// keymap returns the keys with only those in force enabled: the view's own, and in the detail
// only the moves legal from the job's status.
func (m Model) keymap() KeyMap {
	k := m.keys
	all := []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Open, &k.Back,
		&k.New, &k.Edit, &k.Status, &k.Person, &k.Client, &k.Clear, &k.Worker, &k.Clients, &k.Reload,
		&k.Accept, &k.Start, &k.ToQA, &k.Return, &k.Deliver, &k.Invoice, &k.Paid, &k.Cancel, &k.Tick, &k.Note,
		&k.PickWorker, &k.NewClient, &k.EditClient}
	for _, b := range all {
		b.SetEnabled(false)
	}
	on := func(bs ...*key.Binding) {
		for _, b := range bs {
			b.SetEnabled(true)
		}
	}
	if m.ov != ovNone {
		on(&k.Up, &k.Down)
		return k
	}
	switch m.view {
	case viewList:
		on(&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.New, &k.Status, &k.Person, &k.Client, &k.Clients, &k.Reload)
		if len(m.rows) > 0 {
			on(&k.Open, &k.Edit, &k.Worker)
		} else if m.personF != 0 {
			on(&k.Worker)
		}
		if m.status != 0 || m.personF != 0 || m.clientF != 0 {
			on(&k.Clear)
		}
	case viewDetail:
		on(&k.Back, &k.Up, &k.Down, &k.PageUp, &k.PageDown)
		if m.detailOK && m.detailErr == nil {
			on(&k.Note, &k.Edit, &k.Worker)
			st := m.detail.Job.Status
			for _, to := range model.NextStatuses(st) {
				switch to {
				case model.JobAccepted:
					on(&k.Accept)
				case model.JobInProgress:
					on(&k.Start)
				case model.JobQA:
					on(&k.ToQA)
				case model.JobReturned:
					on(&k.Return)
				case model.JobDelivered:
					on(&k.Deliver)
				case model.JobInvoiced:
					on(&k.Invoice)
				case model.JobPaid:
					on(&k.Paid)
				case model.JobCancelled:
					on(&k.Cancel)
				}
			}
			if st == model.JobQA {
				on(&k.Tick)
			}
		}
	case viewWorker:
		on(&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Back, &k.PickWorker)
		if len(m.workerJobs()) > 0 {
			on(&k.Open)
		}
	case viewClients:
		on(&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Back, &k.NewClient)
		if len(m.board.Clients) > 0 {
			on(&k.EditClient)
		}
	}
	return k
}

// Cursor places the terminal's real cursor in the focused text field (for the IME).
func (m Model) Cursor() *tea.Cursor {
	var c *tea.Cursor
	var top int
	switch m.ov {
	case ovPicker:
		c, top = m.picker.Cursor(), pickerTop
	case ovJobForm:
		c, top = m.jobForm.Cursor(), jobFormTop
	case ovClientForm:
		c, top = m.clientForm.Cursor(), clientFormTop
	case ovMove, ovNote:
		_, panel := m.detailLines()
		c, top = m.form.Cursor(), panel
	default:
		return nil
	}
	if c == nil || top < 0 {
		return nil
	}
	c.Y += top
	if c.Y >= m.ctx.Height {
		return nil
	}
	return c
}

// View draws the view and any overlay.
func (m Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	if !m.loaded {
		return common.Lines(st.Muted.Render(c.T("読み込み中", "Loading")), c.Width, c.Height)
	}
	if m.err != nil {
		return common.Lines(st.Danger.Render(model.Message(m.err, c.Lang)), c.Width, c.Height)
	}
	var body string
	switch m.ov {
	case ovPicker:
		body = m.pickerView()
	case ovClientPick:
		body = m.chooserView()
	case ovJobForm:
		body = m.jobFormView()
	case ovClientForm:
		body = m.clientFormView()
	default:
		switch m.view {
		case viewDetail:
			lines, _ := m.detailLines()
			body = joinLines(lines)
		case viewWorker:
			body = m.workerView()
		case viewClients:
			body = m.clientsView()
		default:
			body = m.listView()
		}
	}
	return common.Lines(body, c.Width, c.Height)
}

// ---- accessors for tests ----

// Rows returns the jobs the list shows, in order.
func (m Model) Rows() []model.Job { return m.rows }

// Selected returns the job under the list cursor.
func (m Model) Selected() (model.Job, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return model.Job{}, false
	}
	return m.rows[m.cursor], true
}

// Detail returns the job the detail view shows and its history (newest first); ok is false
// when the detail is not open or not loaded yet.
func (m Model) Detail() (store.JobHistory, bool) {
	return m.detail, m.view == viewDetail && m.detailOK && m.detailErr == nil
}

// Flash returns the error shown inside an open overlay.
func (m Model) Flash() string { return m.flash }

// ViewName names the base view and any overlay, for tests: "list", "detail", "worker",
// "clients", with "+form", "+picker", … when one is open.
func (m Model) ViewName() string {
	name := [...]string{"list", "detail", "worker", "clients"}[m.view]
	ov := [...]string{"", "+picker", "+client-picker", "+job-form", "+client-form", "+move", "+confirm", "+checklist", "+note"}[m.ov]
	return name + ov
}
