// Package tuitest has helpers for screen tests: a demo store on a real bbolt file in
// t.TempDir(), a fixed clock, key messages, and a synchronous command drain.
package tuitest

import (
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/store/demo"
	"github.com/nagawaka/madoguchi/tui/common"
)

// Now is the fixed time of screen tests: Wednesday 2026-11-25, 10:30 in Tokyo.
var Now = time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)

// Clock is the fixed clock at Now.
var Clock = model.FixedClock{T: Now}

// NoTick never fires, so Drain never waits on a timer.
func NoTick(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }

// OpenDemo returns a store on a fresh file filled with the demo as of Now.
func OpenDemo(t testing.TB) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.FillIfEmpty(path, Now); err != nil {
		t.Fatal(err)
	}
	return Open(t, path)
}

// OpenEmpty returns a store on a fresh, empty file.
func OpenEmpty(t testing.TB) *store.Store {
	t.Helper()
	return Open(t, filepath.Join(t.TempDir(), "m.db"))
}

// Open opens path with the fixed clock and closes it at the end of the test.
func Open(t testing.TB, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path, store.Options{Clock: Clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Key returns the message for a key press: "enter", "tab", "ctrl+s", "q", "down", …
func Key(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "ctrl+z":
		return tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	}
	if rest, ok := strings.CutPrefix(k, "alt+"); ok && len([]rune(rest)) == 1 {
		return tea.KeyPressMsg{Code: []rune(rest)[0], Mod: tea.ModAlt}
	}
	r := []rune(k)
	if len(r) == 1 {
		return tea.KeyPressMsg{Code: r[0], Text: k}
	}
	panic("tuitest: unknown key " + k)
}

// Text returns the key presses that type s (one per rune, as an IME commit or typing would).
func Text(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// Drain runs cmd and every command its messages produce, feeding each message to m, until
// nothing is left. Quit stops it. It runs commands synchronously, so no sleeps are needed.
func Drain(m tea.Model, cmd tea.Cmd) (tea.Model, bool) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			panic("tuitest: commands did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch msg := msg.(type) {
		case nil:
			continue
		case tea.BatchMsg:
			queue = append(queue, msg...)
			continue
		case tea.QuitMsg:
			return m, true
		}
		var next tea.Cmd
		m, next = m.Update(msg)
		queue = append(queue, next)
	}
	return m, false
}

// Send feeds messages to m one by one, draining commands after each; quit reports a tea.Quit.
func Send(m tea.Model, msgs ...tea.Msg) (tea.Model, bool) {
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		var quit bool
		if m, quit = Drain(m, cmd); quit {
			return m, true
		}
	}
	return m, false
}

// Keys feeds key presses by name.
func Keys(m tea.Model, keys ...string) (tea.Model, bool) {
	msgs := make([]tea.Msg, len(keys))
	for i, k := range keys {
		msgs[i] = Key(k)
	}
	return Send(m, msgs...)
}

// Host runs one screen as a tea.Model, as the root does, so Send/Keys/Drain can drive it.
type Host struct{ S common.Screen }

// Init starts the screen.
func (h Host) Init() tea.Cmd { return h.S.Init() }

// Update passes a message to the screen.
func (h Host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	s, cmd := h.S.Update(msg)
	return Host{s}, cmd
}

// View draws the screen body.
func (h Host) View() tea.View { return tea.NewView(h.S.View()) }

// Context is a screen's context in a w×h body, at the fixed clock, without colour and without
// timers.
func Context(l model.Lang, w, h int) common.Context {
	return common.Context{Lang: l, Clock: Clock, Styles: common.NewStyles(true, true), Width: w, Height: h, Tick: NoTick}
}

// Must fails the test on an error.
func Must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// PersonNamed returns the store's person with the name (the demo's names are unique).
func PersonNamed(t testing.TB, s *store.Store, name string) model.Person {
	t.Helper()
	ps, err := s.People()
	Must(t, err)
	for _, p := range ps {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no person %q", name)
	return model.Person{}
}

// Ambiguous are East Asian ambiguous-width glyphs the UI must not draw: a terminal set up for
// Japanese shows them two cells wide, and every column after them shifts.
const Ambiguous = "…─│○×△→←↑↓•※–—"

// NoAmbiguousGlyphs fails the test for each line of v that draws one of Ambiguous.
func NoAmbiguousGlyphs(t testing.TB, v string) {
	t.Helper()
	for i, l := range strings.Split(v, "\n") {
		if strings.ContainsAny(l, Ambiguous) {
			t.Errorf("line %d has an ambiguous-width glyph: %q", i, l)
		}
	}
}

// WantIn fails the test for each string v does not contain.
func WantIn(t testing.TB, v string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
}

// CheckSize fails unless v has exactly h lines, none wider than w cells (display width).
func CheckSize(t testing.TB, v string, w, h int) {
	t.Helper()
	ls := strings.Split(v, "\n")
	if len(ls) != h {
		t.Errorf("view has %d lines, want %d", len(ls), h)
	}
	for i, l := range ls {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide (max %d): %q", i, n, w, l)
		}
	}
}
