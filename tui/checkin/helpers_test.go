package checkin_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/store/demo"
	"github.com/nagawaka/madoguchi/tui/checkin"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// clock is a clock the test moves; the store and the screen read the same one.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// demoFile is the demo as of tuitest.Now, filled once (hundreds of fsynced transactions) and
// copied for each test.
var demoFile struct {
	once sync.Once
	data []byte
	err  error
}

// demoCopy writes a fresh copy of the demo database into the test's temporary folder.
func demoCopy(t *testing.T) string {
	t.Helper()
	demoFile.once.Do(func() {
		dir, err := os.MkdirTemp("", "checkin-demo")
		if err != nil {
			demoFile.err = err
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "demo.db")
		if demoFile.err = demo.FillIfEmpty(path, tuitest.Now); demoFile.err == nil {
			demoFile.data, demoFile.err = os.ReadFile(path)
		}
	})
	if demoFile.err != nil {
		t.Fatal(demoFile.err)
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(path, demoFile.data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// openDemo opens a fresh copy of the demo on clk.
func openDemo(t *testing.T, clk model.Clock) *store.Store {
	t.Helper()
	return openAt(t, demoCopy(t), clk)
}

func openEmpty(t *testing.T, clk model.Clock) *store.Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "m.db"), clk)
}

func openAt(t *testing.T, path string, clk model.Clock) *store.Store {
	t.Helper()
	s, err := store.Open(path, store.Options{Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	s.SetStaff("佐藤 由美")
	t.Cleanup(func() { s.Close() })
	return s
}

// host stands in for the root around the screen: it keeps the status line and the GotoMsgs the
// screen sends, and feeds everything else back to the screen (as the root does with data
// messages), so tuitest.Drain can run the screen's commands synchronously.
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
		return h, nil
	case common.GotoMsg:
		h.gotos = append(h.gotos, msg)
		return h, nil
	}
	var cmd tea.Cmd
	h.screen, cmd = h.screen.Update(msg)
	return h, cmd
}

func (h *host) View() tea.View { return tea.NewView(h.screen.View()) }

// newScreen builds the screen at a body size (80×20 is the body of an 80×24 terminal) and loads it.
func newScreen(t *testing.T, s *store.Store, clk model.Clock, lang model.Lang, w, h int) *host {
	t.Helper()
	ctx := common.Context{Lang: lang, Clock: clk, Styles: common.NewStyles(true, true), Width: w, Height: h, Tick: tuitest.NoTick}
	hs := &host{screen: checkin.New(ctx, s), lang: lang}
	tuitest.Drain(hs, hs.Init())
	return hs
}

func (h *host) m() checkin.Model { return h.screen.(checkin.Model) }

func (h *host) keys(keys ...string) *host {
	for _, k := range keys {
		tuitest.Send(h, key(k))
	}
	return h
}

func (h *host) typ(s string) *host {
	tuitest.Send(h, tuitest.Text(s)...)
	return h
}

// deliver hands msg to the screen itself (as the root does with a GotoMsg for this tab) and
// drains what it returns.
func (h *host) deliver(msg tea.Msg) {
	var cmd tea.Cmd
	h.screen, cmd = h.screen.Update(msg)
	tuitest.Drain(h, cmd)
}

func (h *host) view() string { return ansi.Strip(h.screen.View()) }

// key extends tuitest.Key with the ctrl keys this screen uses.
func key(k string) tea.Msg {
	if c, ok := strings.CutPrefix(k, "ctrl+"); ok && len(c) == 1 {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	return tuitest.Key(k)
}

var mustNoErr = tuitest.Must

var person = tuitest.PersonNamed

func openVisit(t *testing.T, s *store.Store, personID uint64) (model.Visit, bool) {
	t.Helper()
	vs, err := s.OpenVisits()
	mustNoErr(t, err)
	for _, v := range vs {
		if v.PersonID == personID {
			return v, true
		}
	}
	return model.Visit{}, false
}

func at(hhmm string) time.Time {
	c, err := model.ParseClock(hhmm)
	if err != nil {
		panic(err)
	}
	return model.DateOf(tuitest.Now).At(c)
}
