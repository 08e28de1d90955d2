package kids_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/kids"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// harness runs the screen as the root would: status and error lines are kept (errors reach the
// screen only while it captures keys, as in tui/app.go), everything else goes to the screen.
type harness struct {
	s       common.Screen
	status  []string
	errs    []error
	changed []model.Kind
}

func (h harness) Init() tea.Cmd { return h.s.Init() }

func (h harness) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.StatusMsg:
		h.status = append(h.status, msg.Text)
		return h, nil
	case common.ErrorMsg:
		h.errs = append(h.errs, msg.Err)
		if !h.s.Capturing() {
			return h, nil
		}
	case common.DataChangedMsg:
		h.changed = append(h.changed, msg.Kind)
	}
	var cmd tea.Cmd
	h.s, cmd = h.s.Update(msg)
	return h, cmd
}

func (h harness) View() tea.View { return tea.NewView(h.s.View()) }

// ctxOf is the context of a body w×h with the fixed clock and no colour.
func ctxOf(lang model.Lang, w, h int, clock model.Clock) common.Context {
	return common.Context{Lang: lang, Clock: clock, Styles: common.NewStyles(true, true), Width: w, Height: h, Tick: tuitest.NoTick}
}

// open starts the screen on s at a body of w×h and loads it.
func open(t *testing.T, s *store.Store, lang model.Lang, w, h int) harness {
	t.Helper()
	return openAt(t, s, lang, w, h, tuitest.Clock)
}

func openAt(t *testing.T, s *store.Store, lang model.Lang, w, h int, clock model.Clock) harness {
	t.Helper()
	hs := harness{s: kids.New(ctxOf(lang, w, h, clock), s)}
	m, _ := tuitest.Drain(hs, hs.Init())
	return m.(harness)
}

func keys(t *testing.T, h harness, ks ...string) harness {
	t.Helper()
	m, quit := tuitest.Keys(h, ks...)
	if quit {
		t.Fatal("the screen quit")
	}
	return m.(harness)
}

func typeText(t *testing.T, h harness, s string) harness {
	t.Helper()
	m, _ := tuitest.Send(h, tuitest.Text(s)...)
	return m.(harness)
}

func send(t *testing.T, h harness, msgs ...tea.Msg) harness {
	t.Helper()
	m, _ := tuitest.Send(h, msgs...)
	return m.(harness)
}

func (h harness) screen() kids.Model { return h.s.(kids.Model) }

func (h harness) view() string { return ansi.Strip(h.s.View()) }

func (h harness) lastStatus() string {
	if len(h.status) == 0 {
		return ""
	}
	return h.status[len(h.status)-1]
}

// the shared view check
var checkSize = tuitest.CheckSize
