package checkin_test

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// The help bar at 80 columns keeps what a clerk needs for every visitor (enter, esc, tab,
// ctrl+z, ctrl+r) whole, in both languages, with an undo pending too; the counter's footer line
// lists the other keys (and how to reach the full help, since ? is typed into the search) and
// nothing the bar already shows.
func TestCounterHelpBarAt80(t *testing.T) {
	for _, lang := range []model.Lang{model.JA, model.EN} {
		m := typed(newApp(t, lang, 80, 24), "sasaki")
		m = send(m, "enter") // checked in: undo is offered
		m = typed(m, "ya")
		lines := strings.Split(render(m), "\n")
		bar, footer := lines[len(lines)-1], lines[len(lines)-4]
		want := map[model.Lang][]string{
			model.JA: {"enter 入館", "esc 消去", "tab 次の画面", "ctrl+z 取消", "ctrl+r 新規"},
			model.EN: {"enter check in", "esc clear", "tab next tab", "ctrl+z undo", "ctrl+r new"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(bar, w) {
				t.Errorf("%v: bar %q lacks %q", lang, bar, w)
			}
		}
		if ansi.StringWidth(bar) > 80 {
			t.Errorf("%v: bar %d wide", lang, ansi.StringWidth(bar))
		}
		for _, k := range []string{"ctrl+l", "ctrl+e", "ctrl+x"} {
			if !strings.Contains(footer, k) || strings.Contains(bar, k) {
				t.Errorf("%v: %s should be on the footer %q, not the bar %q", lang, k, footer, bar)
			}
		}
		if !strings.Contains(footer, "?") || strings.Contains(footer, "~") {
			t.Errorf("%v: footer %q", lang, footer)
		}
		// With the search empty, esc leaves it.
		m = send(m, "esc")
		if bar := lastLine(render(m)); !strings.Contains(bar, map[model.Lang]string{model.JA: "esc 検索を出る", model.EN: "esc exit search"}[lang]) {
			t.Errorf("%v: bar with an empty search %q", lang, bar)
		}
		// Out of the search, the root's keys (D, ?, q) are on the bar, not cut.
		m = send(m, "esc")
		if bar := lastLine(render(m)); !strings.Contains(bar, "? ") || !strings.Contains(bar, "q ") || strings.Contains(bar, "~") {
			t.Errorf("%v: bar out of the search %q", lang, bar)
		}
		// and ? shows the full help with every key of the counter
		m = send(m, "?")
		v := render(m)
		for _, k := range []string{"ctrl+l", "ctrl+e", "ctrl+x", "ctrl+o", "/"} {
			if !strings.Contains(v[strings.LastIndex(v, "DB"):], k) {
				t.Errorf("%v: full help lacks %s:\n%s", lang, k, v)
			}
		}
	}
}

func lastLine(s string) string { ls := strings.Split(s, "\n"); return ls[len(ls)-1] }

// ? is typed into the search (a name or note may hold one); when nothing matches, the counter
// says how to reach the help instead.
func TestQuestionMarkInSearchPointsToHelp(t *testing.T) {
	m := typed(newApp(t, model.JA, 80, 24), "?")
	v := render(m)
	if !strings.Contains(v, "検索 > ?") || !strings.Contains(v, "ヘルプは esc で検索を出てから ?") {
		t.Fatalf("view:\n%s", v)
	}
	if m.(tui.App).Active() != tui.TabCheckin {
		t.Fatal("? left the screen")
	}
}

// The last check-in shows in the header while ctrl+z can undo it, with the minutes left.
func TestUndoShownInHeader(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	for _, tc := range []struct {
		lang  model.Lang
		w     int
		wants string
	}{
		{model.JA, 80, "直前: 佐々木 美咲 入館（あと5分）"},
		{model.JA, 120, "直前: 佐々木 美咲 入館  ctrl+z で取消（あと5分）"},
		{model.EN, 80, "last: 佐々木 美咲 check-in (5 min left)"},
	} {
		h := newScreen(t, s, clk, tc.lang, tc.w, 20)
		h.typ("sasaki").keys("enter")
		first := strings.Split(h.view(), "\n")[0]
		if !strings.HasSuffix(strings.TrimRight(first, " "), tc.wants) || ansi.StringWidth(first) > tc.w {
			t.Errorf("%v %d: header %q", tc.lang, tc.w, first)
		}
		h.keys("ctrl+z") // undo, so the next case checks her in again
		clk.Add(time.Minute)
	}
}

// The closing dialog's explanation is built from the rows' stamps: after closing, people who came
// after the closing time get now, and the header says so rather than promising the closing time.
func TestClosingHeaderAgreesWithRows(t *testing.T) {
	// Everyone came after closing.
	clk := &clock{t: tuitest.Now}
	s := openEmpty(t, clk)
	p, err := s.CreatePerson(model.Person{Name: "夜間 一郎", Reading: "やかん いちろう", Roles: []model.Role{model.RoleMember}})
	mustNoErr(t, err)
	clk.Set(at("18:00"))
	_, _, err = s.Toggle(p.ID, model.PurposeCoworking)
	mustNoErr(t, err)
	clk.Set(at("18:30"))
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.keys("ctrl+x")
	v := h.view()
	if !strings.Contains(v, "全員が閉館時刻 17:00 より後に入館したので、いまの時刻 18:30 で記録します") ||
		strings.Contains(v, "閉館時刻 17:00 で記録します") || !strings.Contains(v, "-> 18:30") {
		t.Fatalf("after closing, came after closing:\n%s", v)
	}
	h.keys("y")
	if h.status != "18:30 で 1人を退館にしました" {
		t.Errorf("status %q", h.status)
	}

	// Some before, one after: a line per stamp, each row its own; the guardians whose children
	// are still in the kids space are warned about, and enter goes to Kids first.
	for _, lang := range []model.Lang{model.JA, model.EN} {
		clk := &clock{t: tuitest.Now}
		s := openDemo(t, clk)
		misaki := person(t, s, "佐々木 美咲")
		clk.Set(at("17:30"))
		_, _, err := s.Toggle(misaki.ID, model.PurposeCoworking)
		mustNoErr(t, err)
		clk.Set(at("18:00"))
		h := newScreen(t, s, clk, lang, 80, 20)
		h.keys("ctrl+x")
		v := h.view()
		wants := map[model.Lang][]string{
			model.JA: {"5人: 閉館時刻 17:00", "1人: いまの時刻 18:00（閉館時刻より後に入館）",
				"お子さんがまだキッズスペースにいる方が 3人います", "enter キッズ画面へ", "キッズ: 山田 陽翔"},
			model.EN: {"5: the closing time, 17:00", "1: now, 18:00 (came after the closing time)",
				"3 people here still have a child in the kids space", "enter open Kids", "kids: 山田 陽翔"},
		}[lang]
		for _, w := range wants {
			if !strings.Contains(v, w) {
				t.Errorf("%v: dialog lacks %q:\n%s", lang, w, v)
			}
		}
		for _, l := range strings.Split(v, "\n") {
			if ansi.StringWidth(l) > 80 {
				t.Errorf("%v: line %d wide: %q", lang, ansi.StringWidth(l), l)
			}
			switch {
			case !strings.Contains(l, "->"):
			case strings.Contains(l, "佐々木 美咲") && !strings.Contains(l, "-> 18:00"),
				strings.Contains(l, "山田 花子") && !strings.Contains(l, "-> 17:00"):
				t.Errorf("%v: row %q", lang, l)
			}
		}
		// The warning is in the whole text even where it wraps.
		if flat := strings.Join(strings.Fields(v), ""); !strings.Contains(flat, map[model.Lang]string{
			model.JA: "先にキッズ画面でお迎えを記録してください（enter）", model.EN: "recorditonKidsfirst(enter)"}[lang]) {
			t.Errorf("%v: warning cut:\n%s", lang, v)
		}
		h.keys("enter")
		if len(h.gotos) != 1 || h.gotos[0].Tab != 2 || h.m().ViewName() != "counter" {
			t.Fatalf("%v: enter: gotos %+v view %s", lang, h.gotos, h.m().ViewName())
		}
		if open, _ := s.OpenVisits(); len(open) != 6 {
			t.Fatalf("%v: going to Kids checked people out", lang)
		}
		h.keys("ctrl+x", "y")
		want := map[model.Lang]string{model.JA: "6人を退館にしました（17:00 で 5人、18:00 で 1人）",
			model.EN: "Checked out 6 people (5 at 17:00, 1 at 18:00)"}[lang]
		if h.status != want {
			t.Errorf("%v: status %q, want %q", lang, h.status, want)
		}
	}
}

// English views use ASCII brackets and marks (the data itself may be Japanese).
func TestEnglishUsesASCIIMarks(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	for _, w := range []int{80, 120} {
		h := newScreen(t, s, clk, model.EN, w, 20)
		check := func(what string) {
			t.Helper()
			if v := h.view(); strings.ContainsAny(v, "（）〜「」") {
				t.Errorf("%s at %d: full-width marks in English:\n%s", what, w, v)
			}
		}
		check("counter")
		h.typ("sasaki").keys("enter")
		check("counter after a check-in")
		h.typ("yamada hanako").keys("enter")
		check("guardian")
		h.keys("esc", "ctrl+x")
		check("closing")
		h.keys("esc", "ctrl+l")
		check("visits")
		h.keys("enter")
		check("correct")
		h.keys("esc", "esc", "ctrl+r", "ctrl+s")
		check("walk-in")
		h.keys("esc", "ctrl+e")
		h.typ("takahashi").keys("enter")
		check("detail")
		h.keys("e")
		check("person form")
		h.keys("esc", "enter")
		check("child form")
		h.keys("esc", "esc", "esc")
	}
}

// At 80 columns in English the forms' hints and errors wrap rather than lose their ends, and an
// error goes once its field is changed.
func TestFormsWrapAndClearErrors(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	h := newScreen(t, s, clk, model.EN, 80, 20)
	h.typ("kimura kaori").keys("ctrl+r").typ("木村 香織")
	h.keys("ctrl+s") // already registered: a long message under the name
	v := h.view()
	flat := strings.Join(strings.Fields(v), " ")
	for _, want := range []string{
		"is already registered; find them in the search (archived people: ctrl+e)",
		"enter or tab: next field (enter never saves). ctrl+s saves, esc cancels.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
	for _, l := range strings.Split(v, "\n") {
		if ansi.StringWidth(l) > 80 || strings.Contains(l, "~") {
			t.Errorf("line cut: %q", l)
		}
	}
	if c := h.m().Cursor(); c == nil || !strings.HasPrefix(strings.Split(v, "\n")[c.Y], "> Name") {
		t.Errorf("cursor %+v not on the name:\n%s", c, v)
	}
	h.keys("backspace")
	if strings.Contains(h.view(), "already registered") {
		t.Errorf("the name's message stayed after the name changed:\n%s", h.view())
	}
}

// A person's roles are a multiple choice: space turns the highlighted one on or off.
func TestPersonFormRoles(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.keys("ctrl+e").typ("kimura kaori").keys("enter", "e")
	if h.m().ViewName() != "person" || h.m().Form().Value("role") != "member" {
		t.Fatalf("%s role %q", h.m().ViewName(), h.m().Form().Value("role"))
	}
	h.keys("tab", "tab", "tab", "tab") // to the roles
	if !strings.Contains(helpText(h), "space 付け外し") || !strings.Contains(h.view(), "[x] 利用者") {
		t.Fatalf("roles field: %q\n%s", helpText(h), h.view())
	}
	h.keys("space", "right", "space") // the highlight starts on 受講生
	if got := h.m().Form().Value("role"); got != "trainee,teleworker,member" {
		t.Fatalf("roles %q", got)
	}
	h.keys("right", "space", "ctrl+s")
	p := person(t, s, "木村 香織")
	if h.m().ViewName() != "detail" || len(p.Roles) != 2 || !p.HasRole(model.RoleTrainee) || !p.HasRole(model.RoleTeleworker) {
		t.Fatalf("saved %v (%s)", p.Roles, h.m().ViewName())
	}
}
