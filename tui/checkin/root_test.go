package checkin_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// The screen inside the real root: the tab bar, the status and help bars around it, the cursor
// moved below the tab bar.

func newApp(t *testing.T, lang model.Lang, w, h int) tea.Model {
	t.Helper()
	a := tui.New(tui.Deps{Store: tuitest.Open(t, demoCopy(t)), Lang: lang, Clock: tuitest.Clock, NoColor: true, Staff: "佐藤 由美", Tick: tuitest.NoTick})
	m, _ := tuitest.Drain(a, a.Init())
	m, _ = tuitest.Send(m, tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = tuitest.Keys(m, "2")
	if m.(tui.App).Active() != tui.TabCheckin {
		t.Fatalf("key 2 opened tab %d", m.(tui.App).Active())
	}
	return m
}

func send(m tea.Model, keys ...string) tea.Model {
	for _, k := range keys {
		m, _ = tuitest.Send(m, key(k))
	}
	return m
}

func typed(m tea.Model, s string) tea.Model {
	m, _ = tuitest.Send(m, tuitest.Text(s)...)
	return m
}

func render(m tea.Model) string { return maskPath(ansi.Strip(m.(tui.App).Render())) }

// maskPath hides the temporary database path so goldens are stable.
func maskPath(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if j := strings.LastIndex(l, "| "); j >= 0 && (strings.Contains(l, "担当:") || strings.Contains(l, "Staff:")) {
			lines[i] = l[:j] + "| DB"
		}
	}
	return strings.Join(lines, "\n")
}

func TestRootCursorAfterJapanese(t *testing.T) {
	m := typed(newApp(t, model.JA, 80, 24), "やまだ")
	v := m.(tui.App).View()
	prompt := ansi.StringWidth("検索 > ")
	if v.Cursor == nil || v.Cursor.X != prompt+6 || v.Cursor.Y != 2 {
		t.Fatalf("root cursor %+v, want X=%d Y=2 (tab bar, header, search)", v.Cursor, prompt+6)
	}
	// The search field is where the cursor says: line 2, the text just before column X.
	line := strings.Split(render(m), "\n")[2]
	if got := ansi.Cut(line, 0, v.Cursor.X); got != "検索 > やまだ" {
		t.Errorf("cells before the cursor = %q", got)
	}
}

// Typing q, digits and S goes into the search, not to the global keys.
func TestRootLettersGoToTheSearch(t *testing.T) {
	m := newApp(t, model.JA, 80, 24)
	m, quit := tuitest.Send(m, tuitest.Text("q3S@")...)
	if quit || m.(tui.App).Active() != tui.TabCheckin || !strings.Contains(render(m), "検索 > q3S@") {
		t.Fatalf("quit=%v tab=%d\n%s", quit, m.(tui.App).Active(), render(m))
	}
	// tab leaves for the next screen, from the search too.
	m = send(m, "tab")
	if m.(tui.App).Active() != tui.TabKids {
		t.Fatalf("tab from the search → %d", m.(tui.App).Active())
	}
}

// A check-in from the counter shows on the status line and on ホーム.
func TestRootCheckInReachesHome(t *testing.T) {
	m := typed(newApp(t, model.JA, 80, 24), "sasaki")
	m = send(m, "enter")
	if got := m.(tui.App).Status(); got != "10:30 佐々木 美咲さん 入館（コワーキング）" {
		t.Fatalf("status %q", got)
	}
	m = send(m, "esc", "1")
	if v := render(m); !strings.Contains(v, "来館中 6人") || !strings.Contains(v, "佐々木 美咲") {
		t.Fatalf("ホーム does not show the check-in:\n%s", v)
	}
}

func TestGoldenCounter80x24(t *testing.T) {
	m := typed(newApp(t, model.JA, 80, 24), "yama")
	golden.RequireEqual(t, []byte(render(m)))
}

func TestGoldenCounter120x40(t *testing.T) {
	m := typed(newApp(t, model.JA, 120, 40), "ta")
	golden.RequireEqual(t, []byte(render(m)))
}

func TestGoldenCounter80x24English(t *testing.T) {
	m := typed(newApp(t, model.EN, 80, 24), "yama")
	golden.RequireEqual(t, []byte(render(m)))
}

func TestGoldenWalkInErrors80x24(t *testing.T) {
	m := typed(newApp(t, model.JA, 80, 24), "ｹﾝｶﾞｸ")
	m = send(m, "ctrl+r", "tab", "tab")
	m = typed(m, "12")
	m = send(m, "ctrl+s")
	golden.RequireEqual(t, []byte(render(m)))
}

func TestGoldenPersonPage120x40(t *testing.T) {
	m := send(newApp(t, model.JA, 120, 40), "ctrl+e")
	m = typed(m, "yamada hanako")
	m = send(m, "enter")
	golden.RequireEqual(t, []byte(render(m)))
}

func TestGoldenClosing80x24(t *testing.T) {
	m := send(newApp(t, model.JA, 80, 24), "ctrl+x")
	golden.RequireEqual(t, []byte(render(m)))
}
