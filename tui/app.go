// Package tui is madoguchi's terminal interface. app.go is the root: it routes keys to the
// focused screen (a focused text field first), data messages to every screen, and draws the tab
// bar, the status line and the help bar. Screens live in their own packages and own their state.
package tui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/attendance"
	"github.com/nagawaka/madoguchi/tui/audit"
	"github.com/nagawaka/madoguchi/tui/checkin"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/home"
	"github.com/nagawaka/madoguchi/tui/jobs"
	"github.com/nagawaka/madoguchi/tui/kids"
	"github.com/nagawaka/madoguchi/tui/report"
	"github.com/nagawaka/madoguchi/tui/settings"
	"github.com/nagawaka/madoguchi/tui/setup"
)

// MinWidth and MinHeight are the smallest terminal madoguchi draws in.
const (
	MinWidth  = 80
	MinHeight = 24
)

// The tabs, in order.
const (
	TabHome = iota
	TabCheckin
	TabKids
	TabAttendance
	TabJobs
	TabReport
	tabCount
)

var tabNames = [tabCount]model.Text{
	model.T("ホーム", "Home"),
	model.T("チェックイン", "Check-in"),
	model.T("キッズ", "Kids"),
	model.T("出席", "Attendance"),
	model.T("案件", "Jobs"),
	model.T("レポート", "Reports"),
}

// Deps is what the app is built from; cmd/madoguchi wires it.
type Deps struct {
	Store   *store.Store
	Lang    model.Lang
	Clock   model.Clock
	NoColor bool
	// Staff skips the picker when set (tests, and --staff).
	Staff string
	// Tick replaces tea.Tick (tests pass one that never fires).
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
}

// App is the root model.
type App struct {
	deps    Deps
	ctx     common.Context
	width   int
	height  int
	isDark  bool
	keys    GlobalKeys
	help    help.Model
	staff   string
	picker  common.Screen // non-nil until a staff member is chosen
	over    common.Screen // the settings view, when open
	screens [tabCount]common.Screen
	started [tabCount]bool // a screen loads its data when first shown, so start-up reads only ホーム
	active  int
	status  string
	isErr   bool
	// keepStatus: the status stays until esc or the next message (common.KeepStatus)
	keepStatus bool
	// returnTab is the tab a screen opened from another (D, a GotoMsg) goes back to when it
	// sends ReturnMsg; -1 when staff switched screens themselves
	returnTab int
	path      string // the database file, as the status line shows it
}

// New builds the app. The staff picker comes first unless deps.Staff is set.
func New(d Deps) App {
	if d.Clock == nil {
		d.Clock = model.SystemClock{}
	}
	a := App{deps: d, isDark: true, returnTab: -1, keys: DefaultGlobalKeys(d.Lang), help: help.New(), path: shortPath(d.Store.Path())}
	a.help.ShortSeparator = "  "
	a.help.FullSeparator = "    "
	a.help.Ellipsis = "~"
	a.ctx = common.Context{Lang: d.Lang, Clock: d.Clock, Styles: common.NewStyles(true, d.NoColor), Tick: d.Tick}
	a.screens = [tabCount]common.Screen{
		home.New(a.ctx, d.Store),
		checkin.New(a.ctx, d.Store),
		kids.New(a.ctx, d.Store),
		attendance.New(a.ctx, d.Store),
		jobs.New(a.ctx, d.Store),
		report.New(a.ctx, d.Store),
	}
	if d.Staff != "" {
		a.staff = d.Staff
		a.started[a.active] = true // Init loads it
		d.Store.SetStaff(d.Staff)
	} else {
		a.picker = setup.New(a.ctx, d.Store)
	}
	return a
}

// Init asks for the background colour and starts the picker or the screens.
func (a App) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if a.picker != nil {
		cmds = append(cmds, a.picker.Init())
	} else {
		cmds = append(cmds, a.screens[a.active].Init()) // New marked it started
	}
	return tea.Batch(cmds...)
}

func (a *App) initScreens() tea.Cmd {
	a.started = [tabCount]bool{}
	return a.show(a.active)
}

// show makes tab the active screen, closing the settings view; a screen shown for the first
// time starts loading its data, and a screen that wants to know it was shown (common.Activator)
// is told.
// switchTo shows a tab staff chose themselves: nothing to go back to afterwards.
func (a *App) switchTo(tab int) tea.Cmd {
	a.returnTab = -1
	return a.show(tab)
}

func (a *App) show(tab int) tea.Cmd {
	a.over, a.active = nil, tab
	var cmds []tea.Cmd
	if !a.started[tab] {
		a.started[tab] = true
		cmds = append(cmds, a.screens[tab].Init())
	}
	if act, ok := a.screens[tab].(common.Activator); ok {
		var cmd tea.Cmd
		a.screens[tab], cmd = act.Activate()
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// focused is the screen keys go to.
func (a App) focused() common.Screen {
	switch {
	case a.picker != nil:
		return a.picker
	case a.over != nil:
		return a.over
	}
	return a.screens[a.active]
}

func (a *App) setFocused(s common.Screen) {
	switch {
	case a.picker != nil:
		a.picker = s
	case a.over != nil:
		a.over = s
	default:
		a.screens[a.active] = s
	}
}

// bodySize is the space screens draw in: the terminal less the tab bar, the status (one to three
// lines), the status bar and the help bar (one line, or the full help's lines with ?).
func (a App) bodySize() (int, int) {
	if a.width == 0 {
		return a.width, max(a.height-4, 1)
	}
	return a.width, a.bodyHeight(a.helpLines(), len(a.statusLines()))
}

// bodyHeight is the height left to the screens by a help of helpLines and a status of
// statusLines lines.
func (a App) bodyHeight(helpLines, statusLines int) int {
	return max(a.height-2-statusLines-helpLines, 1)
}

// helpLines is how many lines the help takes: the bar's one, or the full help's.
func (a App) helpLines() int {
	if !a.help.ShowAll {
		return 1
	}
	return strings.Count(a.helpView(), "\n") + 1
}

// statusLines is the status as drawn: a long confirmation or error wraps onto up to three lines
// rather than losing its end at 80 columns.
func (a App) statusLines() []string {
	if a.status == "" {
		return []string{""}
	}
	status := strings.Split(ansi.Wrap(a.status, a.width, " 、。"), "\n")
	if len(status) > 3 {
		status = status[:3]
		status[2] = common.Cut(status[2]+"~", a.width)
	}
	return status
}

// fitBody gives the screens the height left when the status or the help changed size, so a
// screen keeps its highlighted row in what is drawn instead of having its bottom cut.
func (a App) fitBody() App {
	if _, h := a.bodySize(); a.width > 0 && h != a.ctx.Height {
		a.applyContext()
	}
	return a
}

func (a *App) applyContext() {
	a.ctx.Width, a.ctx.Height = a.bodySize()
	a.ctx.Styles = common.NewStyles(a.isDark, a.deps.NoColor)
	a.help.SetWidth(a.width)
	for i, s := range a.screens {
		a.screens[i] = s.SetContext(a.ctx)
	}
	if a.picker != nil {
		a.picker = a.picker.SetContext(a.ctx)
	}
	if a.over != nil {
		a.over = a.over.SetContext(a.ctx)
	}
}

// TooSmall reports whether the terminal is below 80×24.
func (a App) TooSmall() bool { return a.width < MinWidth || a.height < MinHeight }

// Update routes messages.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := a.update(msg)
	if app, ok := m.(App); ok {
		return app.fitBody(), cmd
	}
	return m, cmd
}

func (a App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.applyContext()
		return a, nil
	case tea.BackgroundColorMsg:
		a.isDark = msg.IsDark()
		a.applyContext()
		return a, nil
	case setup.ChosenMsg:
		a.picker, a.staff, a.keepStatus = nil, msg.Name, false
		a.status, a.isErr = a.ctx.T(msg.Name+"さん、おつかれさまです", "Hello, "+msg.Name), false
		return a, a.initScreens()
	case setup.CancelledMsg:
		a.picker = nil
		return a, nil
	case settings.CloseMsg, audit.CloseMsg:
		a.over = nil
		return a, nil
	case common.StatusMsg:
		a.status, a.isErr, a.keepStatus = msg.Text, false, msg.Keep
		return a, nil
	case common.ErrorMsg:
		a.status, a.isErr, a.keepStatus = model.Message(msg.Err, a.ctx.Lang), true, false
		var fe model.FieldErrors
		if errors.As(msg.Err, &fe) {
			a.status = a.ctx.T("入力内容を確認してください（各項目の下に理由があります）", "Please check the form (each reason is under its field)")
		}
		if f := a.focused(); f.Capturing() {
			s, cmd := f.Update(msg)
			a.setFocused(s)
			return a, cmd
		}
		return a, nil
	case common.ReturnMsg:
		if back := a.returnTab; back >= 0 && back != a.active && a.picker == nil && a.over == nil {
			// back to the screen as staff left it: not activated afresh (チェックイン would put
			// the focus back in its search, where the next letter key would be typed)
			a.returnTab, a.active = -1, back
			return a, nil
		}
		a.returnTab = -1
		return a, nil
	case common.GotoMsg:
		if msg.Tab >= 0 && msg.Tab < tabCount {
			if msg.Tab != a.active {
				a.returnTab = a.active // where ReturnMsg goes back to
			}
			start := a.show(msg.Tab)
			if msg.Payload != nil {
				s, cmd := a.screens[a.active].Update(msg)
				a.screens[a.active] = s
				return a, tea.Batch(start, cmd)
			}
			return a, start
		}
		return a, nil
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	}
	// data and other messages go to every screen that cares
	var cmds []tea.Cmd
	for i, s := range a.screens {
		var cmd tea.Cmd
		a.screens[i], cmd = s.Update(msg)
		cmds = append(cmds, cmd)
	}
	if a.picker != nil {
		var cmd tea.Cmd
		a.picker, cmd = a.picker.Update(msg)
		cmds = append(cmds, cmd)
	}
	if a.over != nil {
		var cmd tea.Cmd
		a.over, cmd = a.over.Update(msg)
		cmds = append(cmds, cmd)
	}
	return a, tea.Batch(cmds...)
}

func (a App) handleKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if k.String() == "ctrl+c" {
		return a, tea.Quit
	}
	if a.TooSmall() {
		if key.Matches(k, a.keys.Quit) {
			return a, tea.Quit
		}
		return a, nil
	}
	f := a.focused()
	if a.keepStatus && k.String() == "esc" {
		// esc puts away a kept message and does nothing else: it must not also cancel a form or
		// leave a screen
		a.status, a.isErr, a.keepStatus = "", false, false
		return a, nil
	}
	if (f.Capturing() || !key.Matches(k, a.keys.Help)) && !a.keepStatus {
		// the next key after a confirmation or an error moves on from it (? only shows the keys; a
		// kept one goes with esc); what the key does may set a new one when its command answers
		a.status, a.isErr, a.keepStatus = "", false, false
	}
	if a.picker == nil && key.Matches(k, a.keys.AltJump) {
		return a, a.switchTo(int(k.String()[len(k.String())-1] - '1'))
	}
	if ts, ok := f.(common.TabSwitcher); ok && a.picker == nil && f.Capturing() && ts.TabSwitches() {
		switch {
		case key.Matches(k, a.keys.Next):
			return a, a.switchTo((a.active + 1) % tabCount)
		case key.Matches(k, a.keys.Prev):
			return a, a.switchTo((a.active + tabCount - 1) % tabCount)
		}
	}
	if !f.Capturing() {
		switch {
		case key.Matches(k, a.keys.Quit):
			return a, tea.Quit
		case key.Matches(k, a.keys.Help):
			a.help.ShowAll = !a.help.ShowAll
			return a, nil
		}
		if a.picker == nil {
			switch {
			case key.Matches(k, a.keys.Next):
				return a, a.switchTo((a.active + 1) % tabCount)
			case key.Matches(k, a.keys.Prev):
				return a, a.switchTo((a.active + tabCount - 1) % tabCount)
			case key.Matches(k, a.keys.Jump):
				return a, a.switchTo(int(k.String()[0] - '1'))
			case key.Matches(k, a.keys.Review):
				over := a.active == TabAttendance // esc comes back to the roll or list shown now
				if !over {
					a.returnTab = a.active // esc from the review comes back here
				}
				start := a.show(TabAttendance)
				s, cmd := a.screens[a.active].Update(common.GotoMsg{Tab: TabAttendance, Payload: common.ReviewPayload{Date: a.ctx.Today(), Over: over}})
				a.screens[a.active] = s
				return a, tea.Batch(start, cmd)
			case key.Matches(k, a.keys.Settings):
				a.over = settings.New(a.ctx, a.deps.Store)
				return a, a.over.Init()
			case key.Matches(k, a.keys.Audit):
				a.over = audit.New(a.ctx, a.deps.Store)
				return a, a.over.Init()
			case key.Matches(k, a.keys.Staff):
				a.over, a.picker = nil, setup.NewChange(a.ctx, a.deps.Store, a.staff)
				return a, a.picker.Init()
			}
		}
	}
	s, cmd := f.Update(k)
	a.setFocused(s)
	return a, cmd
}

// Active returns the index of the active tab.
func (a App) Active() int { return a.active }

// StaffName returns the staff member on duty.
func (a App) StaffName() string { return a.staff }

// Status returns the status line's message.
func (a App) Status() string { return a.status }

// Screen returns a tab's screen (for tests).
func (a App) Screen(tab int) common.Screen { return a.screens[tab] }

// View draws the app.
func (a App) View() tea.View {
	v := tea.NewView(a.Render())
	v.AltScreen = true
	v.WindowTitle = "madoguchi"
	if !a.TooSmall() && a.width > 0 {
		if c := a.focused().Cursor(); c != nil {
			c.Y += 1 // below the tab bar
			v.Cursor = c
		}
	}
	return v
}

// Render returns the screen as a string (the body of View), for tests and goldens.
func (a App) Render() string {
	if a.width == 0 {
		return ""
	}
	c, st := a.ctx, a.ctx.Styles
	if a.TooSmall() {
		msg := c.T(
			fmt.Sprintf("画面が小さすぎます（%d×%d）。%d×%d 以上に広げてください。q で終了", a.width, a.height, MinWidth, MinHeight),
			fmt.Sprintf("The window is too small (%dx%d). Make it at least %dx%d. q quits.", a.width, a.height, MinWidth, MinHeight))
		return common.Lines(ansi.Wordwrap(msg, a.width, ""), a.width, a.height)
	}
	var b strings.Builder
	b.WriteString(a.tabBar() + "\n")
	body := a.focused().View()
	helpView := a.helpView()
	status := a.statusLines()
	bh := a.bodyHeight(strings.Count(helpView, "\n")+1, len(status))
	b.WriteString(common.Lines(body, a.width, bh) + "\n")
	style := st.StatusOK
	if a.isErr {
		style = st.StatusErr
	}
	for i, l := range status {
		if i > 0 {
			b.WriteByte('\n')
		}
		if l != "" {
			b.WriteString(style.Render(l))
		}
	}
	b.WriteString("\n" + st.StatusBar.Render(common.Cut(a.statusLine(), a.width)) + "\n")
	b.WriteString(helpView)
	return b.String()
}

// helpView is the help bar, or with ? every key: the full help flows the bindings into lines
// of the terminal's width (bubbles' column layout runs off an 80-column screen when a screen has
// many keys).
func (a App) helpView() string {
	km := a.helpKeys()
	if !a.help.ShowAll {
		h, ok := km.(helpKeys)
		if !ok {
			return a.help.View(km) // a form's own keys
		}
		// the screen's keys as room allows, then always D, ? and q: a clerk who sees a cut bar
		// must still see how to get every key
		var screen []key.Binding
		for _, b := range h.screen {
			if b.Enabled() {
				screen = append(screen, b)
			}
		}
		tail := []key.Binding{h.global.Review, h.global.Help, h.global.Quit}
		// the bar's width, as bubbles' help lays it out: "key desc" items joined by the separator
		item := func(b key.Binding) int { return ansi.StringWidth(b.Help().Key) + 1 + ansi.StringWidth(b.Help().Desc) }
		sep := ansi.StringWidth(a.help.ShortSeparator)
		used := -sep
		for _, b := range tail {
			if b.Enabled() {
				used += item(b) + sep
			}
		}
		keep := 0
		for _, b := range screen {
			if used+item(b)+sep > a.width {
				break
			}
			used += item(b) + sep
			keep++
		}
		return a.help.ShortHelpView(append(screen[:keep:keep], tail...))
	}
	var lines []string
	line := ""
	for _, group := range km.FullHelp() {
		for _, k := range group {
			if !k.Enabled() || k.Help().Key == "" {
				continue
			}
			item := a.help.Styles.FullKey.Render(k.Help().Key) + " " + a.help.Styles.FullDesc.Render(k.Help().Desc)
			switch {
			case line == "":
				line = item
			case ansi.StringWidth(line)+3+ansi.StringWidth(item) <= a.width:
				line += "   " + item
			default:
				lines = append(lines, line)
				line = item
			}
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	if limit := a.height / 3; len(lines) > limit {
		lines = lines[:limit]
	}
	return strings.Join(lines, "\n")
}

func (a App) helpKeys() help.KeyMap {
	k := a.focused().Keys()
	h := helpKeys{screen: k.ShortHelp(), full: k.FullHelp(), global: a.keys}
	if a.focused().Capturing() {
		return capturingHelp{k}
	}
	if a.picker != nil {
		h.global.Next.SetEnabled(false)
		h.global.Prev.SetEnabled(false)
		h.global.Jump.SetEnabled(false)
		h.global.AltJump.SetEnabled(false)
		h.global.Settings.SetEnabled(false)
		h.global.Review.SetEnabled(false)
		h.global.Audit.SetEnabled(false)
		h.global.Staff.SetEnabled(false)
	}
	return h
}

// capturingHelp shows only the focused form's keys: global letter keys are off while typing.
type capturingHelp struct{ k help.KeyMap }

func (c capturingHelp) ShortHelp() []key.Binding  { return c.k.ShortHelp() }
func (c capturingHelp) FullHelp() [][]key.Binding { return c.k.FullHelp() }

func (a App) tabBar() string {
	st := a.ctx.Styles
	var parts []string
	for i, n := range tabNames {
		label := fmt.Sprintf("%d %s", i+1, n.In(a.ctx.Lang))
		if i == a.active && a.picker == nil && a.over == nil {
			parts = append(parts, st.TabActive.Render(label))
		} else {
			parts = append(parts, st.Tab.Render(label))
		}
	}
	bar := strings.Join(parts, "")
	switch a.over.(type) {
	case nil:
	case audit.Model:
		bar += " " + st.TabActive.Render(a.ctx.T("操作履歴", "Audit log"))
	default:
		bar += " " + st.TabActive.Render(a.ctx.T("設定", "Settings"))
	}
	return common.Cut(bar, a.width)
}

func (a App) statusLine() string {
	c := a.ctx
	d := c.Today()
	staff := a.staff
	if staff == "" {
		staff = c.T("（未選択）", "(none)")
	}
	return c.T(
		fmt.Sprintf("担当: %s | %s %s | %s", staff, model.FormatDateLong(d, model.JA), d, a.path),
		fmt.Sprintf("Staff: %s | %s %s | %s", staff, model.FormatDateLong(d, model.EN), d, a.path))
}

// shortPath writes the database path with the home folder as ~ (worked out once, in New).
func shortPath(p string) string {
	if h, err := os.UserHomeDir(); err == nil && h != "" && strings.HasPrefix(p, h) {
		return "~" + p[len(h):]
	}
	return p
}
