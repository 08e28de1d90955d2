package attendance_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/attendance"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// host stands in for the root around the screen: it keeps the status line and the GotoMsgs the
// screen sends, hands errors to the screen while it captures text (as the root does), and feeds
// every other message back to the screen, so tuitest.Drain runs the screen's commands
// synchronously.
type host struct {
	screen common.Screen
	lang   model.Lang
	status string
	isErr  bool
	gotos  []common.GotoMsg
}

func (h *host) Init() tea.Cmd { return h.screen.Init() }

func (h *host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.StatusMsg:
		h.status, h.isErr = msg.Text, false
		return h, nil
	case common.ErrorMsg:
		h.status, h.isErr = model.Message(msg.Err, h.lang), true
		if !h.screen.Capturing() {
			return h, nil
		}
	case common.GotoMsg:
		h.gotos = append(h.gotos, msg)
		return h, nil
	}
	var cmd tea.Cmd
	h.screen, cmd = h.screen.Update(msg)
	return h, cmd
}

func (h *host) View() tea.View { return tea.NewView(h.screen.View()) }

// open builds the screen on s at a body size (80×20 is the body of an 80×24 terminal; 120×36 of
// 120×40) and loads it.
func open(t *testing.T, s *store.Store, lang model.Lang, w, hgt int) *host {
	t.Helper()
	s.SetStaff("佐藤 由美")
	ctx := common.Context{Lang: lang, Clock: tuitest.Clock, Styles: common.NewStyles(true, true), Width: w, Height: hgt, Tick: tuitest.NoTick}
	h := &host{screen: attendance.New(ctx, s), lang: lang}
	tuitest.Drain(h, h.Init())
	return h
}

func (h *host) m() attendance.Model { return h.screen.(attendance.Model) }

// keys presses keys by name ("p", "enter", "delete", …) and drains what each one starts.
func (h *host) keys(keys ...string) *host {
	for _, k := range keys {
		var msg tea.Msg
		switch k {
		case "delete":
			msg = tea.KeyPressMsg{Code: tea.KeyDelete}
		default:
			msg = tuitest.Key(k)
		}
		tuitest.Send(h, msg)
	}
	return h
}

// typ types text as an IME commit would.
func (h *host) typ(s string) *host {
	tuitest.Send(h, tuitest.Text(s)...)
	return h
}

// deliver hands msg to the screen itself (as the root does with a GotoMsg for this tab) and
// drains what it returns.
func (h *host) deliver(msg tea.Msg) *host {
	var cmd tea.Cmd
	h.screen, cmd = h.screen.Update(msg)
	tuitest.Drain(h, cmd)
	return h
}

// view is the screen without colour, checked for size and for glyphs of ambiguous width.
func (h *host) view(t *testing.T) string {
	t.Helper()
	v := ansi.Strip(h.screen.View())
	checkView(t, v)
	return v
}

// ambiguous are East Asian ambiguous-width glyphs the UI must not use.
const ambiguous = "…─│○×△→←↑↓•※–—"

func checkView(t *testing.T, v string) {
	t.Helper()
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		if strings.ContainsAny(l, ambiguous) {
			t.Errorf("line %d has an ambiguous-width glyph: %q", i, l)
		}
	}
}

// sized checks that a view fills exactly w×h cells.
func sized(t *testing.T, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Errorf("line %d is %d cells wide (max %d): %q", i, ansi.StringWidth(l), w, l)
		}
	}
}

// demoDay is the demo's day in the tests.
var demoDay = model.DateOf(tuitest.Now)

var must = tuitest.Must

var personNamed = tuitest.PersonNamed

// marksOf returns a session's marks by person name.
func marksOf(t *testing.T, s *store.Store, sessionID uint64) map[string]model.Attendance {
	t.Helper()
	as, err := s.AttendanceOf(sessionID)
	must(t, err)
	out := map[string]model.Attendance{}
	for _, a := range as {
		p, err := s.Person(a.PersonID)
		must(t, err)
		out[p.Name] = a
	}
	return out
}
