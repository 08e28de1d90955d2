package components_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

func typeInto(in components.Input, s string) components.Input {
	for _, m := range tuitest.Text(s) {
		in, _ = in.Update(m)
	}
	return in
}

// The real cursor sits after the text by display width (bubbles issue 906 counts runes).
func TestInputCursorByDisplayWidth(t *testing.T) {
	for _, tc := range []struct {
		prompt, text string
		want         int
	}{
		{"検索: ", "やまだ", ansi.StringWidth("検索: ") + 6},
		{"> ", "yamada", 2 + 6},
		{"> ", "ﾔﾏﾀﾞ", 2 + ansi.StringWidth("ﾔﾏﾀﾞ")}, // measured as the renderer measures it
		{"", "山田 花子", 9},
	} {
		in := components.NewInput(tc.prompt, 40)
		in.Focus()
		in = typeInto(in, tc.text)
		c := in.Cursor()
		if c == nil {
			t.Fatalf("%q: no cursor", tc.text)
		}
		if c.X != tc.want {
			t.Errorf("%q after prompt %q: cursor column %d, want %d", tc.text, tc.prompt, c.X, tc.want)
		}
	}
	// moving left over a wide character moves two columns
	in := components.NewInput("> ", 40)
	in.Focus()
	in = typeInto(in, "やまだ")
	in, _ = in.Update(tuitest.Key("left"))
	if c := in.Cursor(); c.X != 2+4 {
		t.Errorf("after left: column %d, want 6", c.X)
	}
	in.Blur()
	if in.Cursor() != nil {
		t.Error("a blurred input has no cursor")
	}
}

func TestFormEnterNeverSubmits(t *testing.T) {
	f := components.NewForm(model.JA,
		components.NewField("name", "氏名", "", 40),
		components.NewField("reading", "ふりがな", "", 40))
	var res components.FormResult
	for _, m := range tuitest.Text("山田") {
		f, _, _ = f.Update(m)
	}
	f, res, _ = f.Update(tuitest.Key("enter")) // as after an IME conversion
	if res != components.FormEditing || f.Focus() != 1 {
		t.Fatalf("enter: result %v focus %d; want editing, next field", res, f.Focus())
	}
	f, res, _ = f.Update(tuitest.Key("enter")) // even on the last field
	if res != components.FormEditing {
		t.Fatal("enter on the last field submitted")
	}
	if _, res, _ = f.Update(tuitest.Key("ctrl+s")); res != components.FormSubmitted {
		t.Fatal("ctrl+s did not submit")
	}
	if _, res, _ = f.Update(tuitest.Key("esc")); res != components.FormCancelled {
		t.Fatal("esc did not cancel")
	}
	if f.Value("name") != "山田" {
		t.Fatalf("value %q", f.Value("name"))
	}
}

func TestFormPlacesErrorsByFieldAndMovesCursor(t *testing.T) {
	f := components.NewForm(model.EN,
		components.NewField("name", "Name", "x", 40),
		components.NewField("reading", "Reading", "", 40))
	_, err := model.NewPerson(model.PersonInput{Name: "山田", Reading: ""})
	f, rest := f.SetErrors(err)
	if rest != "" {
		t.Fatalf("unplaced errors: %q", rest)
	}
	if f.Focus() != 1 {
		t.Fatalf("focus %d, want the field in error", f.Focus())
	}
	v := ansi.Strip(f.View(common.NewStyles(true, true)))
	lines := strings.Split(v, "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], "Enter the reading") {
		t.Fatalf("error not under its field:\n%s", v)
	}
	if c := f.Cursor(); c == nil || c.Y != 1 {
		t.Fatalf("cursor %+v, want row 1", c)
	}
}

func people(n int) []model.Person {
	fam := []struct{ k, r string }{{"山田", "やまだ"}, {"佐藤", "さとう"}, {"鈴木", "すずき"}, {"高橋", "たかはし"}, {"田中", "たなか"}, {"伊藤", "いとう"}, {"渡辺", "わたなべ"}, {"山本", "やまもと"}, {"中村", "なかむら"}, {"小林", "こばやし"}}
	giv := []struct{ k, r string }{{"花子", "はなこ"}, {"美咲", "みさき"}, {"恵子", "けいこ"}, {"由美", "ゆみ"}, {"さくら", "さくら"}, {"真理", "まり"}, {"優子", "ゆうこ"}}
	out := make([]model.Person, 0, n)
	for i := 0; i < n; i++ {
		f, g := fam[i%len(fam)], giv[(i/len(fam))%len(giv)]
		out = append(out, model.Person{ID: uint64(i + 1), Name: f.k + " " + g.k, Reading: f.r + " " + g.r})
	}
	return out
}

func TestFilterFindsYamadaEveryWay(t *testing.T) {
	ps := []model.Person{
		{ID: 1, Name: "山田 花子", Reading: "やまだ はなこ"},
		{ID: 2, Name: "山本 千尋", Reading: "やまもと ちひろ"},
		{ID: 3, Name: "中山 舞", Reading: "なかやま まい"},
		{ID: 4, Name: "山田 太郎", Reading: "やまだ たろう", Archived: true},
	}
	for _, q := range []string{"yamada", "やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "山田", "ｙａｍａｄａ", "yamad"} {
		rs := components.Filter(ps, q)
		if len(rs) != 1 || rs[0].Person.ID != 1 {
			t.Errorf("%q found %v", q, rs)
		}
	}
	// prefix matches rank before substring ones
	rs := components.Filter(ps, "やま")
	if len(rs) != 3 || rs[0].Person.ID == 3 || rs[2].Person.ID != 3 {
		t.Errorf("やま ranks %v", rs)
	}
	if rs := components.Filter(ps, ""); len(rs) != 3 {
		t.Errorf("empty query lists %d, want the 3 not archived", len(rs))
	}
}

func TestPickerNarrowsAndMarks(t *testing.T) {
	p := components.NewPersonPicker(model.JA, "検索: ")
	p.SetPeople(people(70))
	p.SetMarks(map[uint64]string{1: "在館"})
	for _, m := range tuitest.Text("yamada") {
		p, _ = p.Update(m)
	}
	if got := len(p.Results()); got != 7 {
		t.Fatalf("yamada: %d results, want 7", got)
	}
	p, _ = p.Update(tuitest.Key("down"))
	sel, ok := p.Selected()
	if !ok || !strings.HasPrefix(sel.Name, "山田") {
		t.Fatalf("selected %v", sel)
	}
	v := ansi.Strip(p.View(common.NewStyles(true, true), 80, 5))
	if !strings.Contains(v, "在館") || strings.Count(v, "\n") != 4 {
		t.Fatalf("view:\n%s", v)
	}
	if c := p.Cursor(); c == nil || c.X != ansi.StringWidth("検索: ")+6 {
		t.Fatalf("cursor %+v", c)
	}
}

func BenchmarkFilter10000(b *testing.B) {
	ps := people(10000)
	for _, q := range []string{"y", "yamad", "やま", "山田"} {
		b.Run(fmt.Sprint(q), func(b *testing.B) {
			for b.Loop() {
				components.Filter(ps, q)
			}
		})
	}
}

var _ tea.Msg = tuitest.Key("a")

func BenchmarkSearcherFind10000(b *testing.B) {
	s := components.NewSearcher(people(10000))
	for _, q := range []string{"y", "yamad", "やま", "山田"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				s.Find(q)
			}
		})
	}
}

func TestInputShowsWholePlaceholder(t *testing.T) {
	in := components.NewInput("検索: ", 40)
	in.SetPlaceholder("名前・ふりがな・ローマ字で検索")
	in.Focus()
	if v := ansi.Strip(in.View()); v != "検索: 名前・ふりがな・ローマ字で検索" {
		t.Fatalf("view %q", v)
	}
	in = typeInto(in, "y")
	if v := ansi.Strip(in.View()); !strings.HasPrefix(v, "検索: y") || strings.Contains(v, "名前") {
		t.Fatalf("view %q", v)
	}
}

func roleChoices() []components.Choice {
	var cs []components.Choice
	for _, r := range model.Roles {
		cs = append(cs, components.Choice{Value: string(r), Label: r.Label(model.JA)})
	}
	return cs
}

// A choice field changes with left, right and space, shows labels (not codes), and enter still
// only moves on.
func TestChoiceField(t *testing.T) {
	f := components.NewForm(model.JA,
		components.NewField("name", "氏名", "", 40),
		components.NewChoiceField("role", "区分", roleChoices(), "member"))
	st := common.NewStyles(true, true)
	if f.Value("role") != "member" {
		t.Fatalf("initial value %q", f.Value("role"))
	}
	v := ansi.Strip(f.View(st))
	if !strings.Contains(v, "[利用者]") || strings.Contains(v, "member") {
		t.Fatalf("view:\n%s", v)
	}
	f, _, _ = f.Update(tuitest.Key("tab"))
	var res components.FormResult
	for _, tc := range []struct{ key, want string }{
		{"right", "visitor"}, {"right", "trainee"}, {"left", "visitor"}, {"space", "trainee"}, {"a", "trainee"},
	} {
		f, res, _ = f.Update(tuitest.Key(tc.key))
		if res != components.FormEditing || f.Value("role") != tc.want {
			t.Fatalf("%s: %q (result %v), want %q", tc.key, f.Value("role"), res, tc.want)
		}
	}
	// The options keep their places as the choice moves; the real cursor sits on the chosen one.
	line := strings.Split(ansi.Strip(f.View(st)), "\n")[1]
	if !strings.Contains(line, "[受講生]   テレワーカー    利用者    見学") {
		t.Fatalf("line %q", line)
	}
	c := f.Cursor()
	if c == nil || c.Y != 1 || ansi.Cut(line, c.X, c.X+6) != "受講生" {
		t.Fatalf("cursor %+v on %q", c, line)
	}
	f, res, _ = f.Update(tuitest.Key("enter"))
	if res != components.FormEditing || f.Focus() != 0 || f.Value("role") != "trainee" {
		t.Fatalf("enter on a choice: result %v focus %d value %q", res, f.Focus(), f.Value("role"))
	}
	f = f.SetValue("role", "teleworker")
	if f.Value("role") != "teleworker" {
		t.Fatalf("SetValue: %q", f.Value("role"))
	}
}

func TestMultiChoiceField(t *testing.T) {
	f := components.NewForm(model.JA, components.NewMultiChoiceField("role", "区分", roleChoices(), "teleworker", "trainee"))
	if got := f.Value("role"); got != "trainee,teleworker" {
		t.Fatalf("initial %q", got)
	}
	f, _, _ = f.Update(tuitest.Key("space")) // the highlight starts on the first option
	f, _, _ = f.Update(tuitest.Key("right"))
	f, _, _ = f.Update(tuitest.Key("right"))
	f, _, _ = f.Update(tuitest.Key("space"))
	if got := f.Value("role"); got != "teleworker,member" {
		t.Fatalf("after toggles %q", got)
	}
	v := ansi.Strip(f.View(common.NewStyles(true, true)))
	if !strings.Contains(v, "[ ] 受講生  [x] テレワーカー  [x] 利用者  [ ] 見学") {
		t.Fatalf("view %q", v)
	}
	if c := f.Cursor(); c == nil || ansi.Cut(v, c.X-1, c.X+2) != "[x]" || ansi.Cut(v, c.X+3, c.X+9) != "利用者" {
		t.Fatalf("cursor %+v in %q", c, v)
	}
}

// An error goes once its field changes; the other fields keep theirs.
func TestFormErrorClearsWhenFieldChanges(t *testing.T) {
	f := components.NewForm(model.EN,
		components.NewField("name", "Name", "", 40),
		components.NewField("reading", "Reading", "", 40))
	_, err := model.NewPerson(model.PersonInput{})
	f, _ = f.SetErrors(err)
	st := common.NewStyles(true, true)
	if v := ansi.Strip(f.View(st)); !strings.Contains(v, "Enter a name") || !strings.Contains(v, "Enter the reading") {
		t.Fatalf("errors not shown:\n%s", v)
	}
	f, _, _ = f.Update(tuitest.Key("left")) // moves the cursor, changes nothing
	if v := ansi.Strip(f.View(st)); !strings.Contains(v, "Enter a name") {
		t.Fatalf("a key that changed nothing cleared the error:\n%s", v)
	}
	for _, m := range tuitest.Text("Hanako") {
		f, _, _ = f.Update(m)
	}
	v := ansi.Strip(f.View(st))
	if strings.Contains(v, "Enter a name") || !strings.Contains(v, "Enter the reading") {
		t.Fatalf("after typing a name:\n%s", v)
	}
	f, _, _ = f.Update(tuitest.Key("tab"))
	if c := f.Cursor(); c == nil || c.Y != 1 {
		t.Fatalf("cursor %+v, want row 1 (the name's error is gone)", c)
	}
}

// Errors wrap within the form's width, and the cursor counts the wrapped lines.
func TestFormErrorsWrapWithinWidth(t *testing.T) {
	f := components.NewForm(model.EN,
		components.NewField("phone", "Phone", "12", 20),
		components.NewField("email", "Email", "", 40))
	f.SetWidth(40)
	f, _ = f.SetErrors(model.Invalid("phone", "", "Enter the phone number in digits and hyphens (e.g. 0494-75-1234)"))
	f, _, _ = f.Update(tuitest.Key("tab"))
	v := ansi.Strip(f.View(common.NewStyles(true, true)))
	lines := strings.Split(v, "\n")
	if len(lines) < 4 {
		t.Fatalf("error not wrapped:\n%s", v)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("line wider than 40: %q", l)
		}
	}
	if !strings.Contains(strings.Join(strings.Fields(v), ""), "hyphens(e.g.0494-75-1234)") {
		t.Errorf("error cut:\n%s", v)
	}
	if c := f.Cursor(); c == nil || c.Y != len(lines)-1 || !strings.Contains(lines[c.Y], "Email") {
		t.Fatalf("cursor %+v, want the last line:\n%s", c, v)
	}
}

// A hint starts in the column typed values start in.
func TestFormHintAlignsWithValues(t *testing.T) {
	bd := components.NewField("birth_date", "生年月日", "", 10)
	bd.Hint = "2023-04-01"
	f := components.NewForm(model.JA, components.NewField("name", "氏名", "山田", 40), bd)
	lines := strings.Split(ansi.Strip(f.View(common.NewStyles(true, true))), "\n")
	col := func(l, s string) int { return ansi.StringWidth(l[:strings.Index(l, s)]) }
	if col(lines[0], "山田") != col(lines[1], "2023-04-01") {
		t.Fatalf("value at %d, hint at %d:\n%s", col(lines[0], "山田"), col(lines[1], "2023-04-01"), strings.Join(lines, "\n"))
	}
}

// A person's roles are never cut without a sign there are more.
func TestRolesIn(t *testing.T) {
	two := []model.Role{model.RoleTrainee, model.RoleTeleworker}
	for _, tc := range []struct {
		lang model.Lang
		w    int
		want string
	}{
		{model.JA, 30, "受講生・テレワーカー"},
		{model.JA, 10, "受講・テレ"},
		{model.JA, 8, "受講生+1"},
		{model.JA, 6, "受講+1"},
		{model.EN, 30, "trainee, teleworker"},
		{model.EN, 10, "trainee+1"},
	} {
		if got := components.RolesIn(two, tc.lang, tc.w); got != tc.want {
			t.Errorf("%v in %d: %q, want %q", tc.lang, tc.w, got, tc.want)
		}
	}
	if got := components.RolesIn([]model.Role{model.RoleMember}, model.JA, 6); got != "利用者" {
		t.Errorf("one role: %q", got)
	}
	// In the counter's 46-column list both roles show.
	p := components.NewPersonPicker(model.JA, "検索 > ")
	p.SetPeople([]model.Person{{ID: 1, Name: "山本 千尋", Reading: "やまもと ちひろ", Roles: two}})
	v := ansi.Strip(p.View(common.NewStyles(true, true), 46, 3))
	if !strings.Contains(v, "受講・テレ") || strings.Contains(v, "~") {
		t.Fatalf("row:\n%s", v)
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		text string
		w    int
		want []string
	}{
		{"enter or tab: next field (enter never saves). ctrl+s saves", 24,
			[]string{"enter or tab: next field", "(enter never saves).", "ctrl+s saves"}},
		{"お子さんがまだいる方が 3人います。先に記録してください（enter）", 20,
			[]string{"お子さんがまだいる方", "が 3人います。先に記", "録してください", "（enter）"}},
		// no 。 or ） at a line's start: the character before comes along
		{"あいうえおかきくけこ。さ", 20, []string{"あいうえおかきくけ", "こ。さ"}},
		{"あいうえおかきくけこ）。さ", 22, []string{"あいうえおかきくけ", "こ）。さ"}},
		{"あいうえおかきくけ（こ）。さ", 20, []string{"あいうえおかきくけ", "（こ）。さ"}},
		{"  5人: 閉館時刻 17:00", 40, []string{"  5人: 閉館時刻 17:00"}},
		{"0494-75-1234-5678", 10, []string{"0494-75-12", "34-5678"}},
		{"a\nb", 10, []string{"a", "b"}},
		// an opening bracket moved down keeps its place before a space
		{"あ（ x", 4, []string{"あ", "（ x"}},
		{"予約（ 10:00）", 6, []string{"予約", "（ 10:", "00）"}},
		{"予約（ 10:00）です", 12, []string{"予約", "（ 10:00）で", "す"}},
		// closing punctuation after a run as wide as the line: the run is cut instead
		{"abc。def", 3, []string{"ab", "c。", "def"}},
		{"abc。def", 5, []string{"abc。", "def"}},
		{"12:00」まで", 6, []string{"12:0", "0」ま", "で"}},
		// a line too narrow for a character and its 。 together: the 。 has to start one
		{"あ。", 2, []string{"あ", "。"}},
	} {
		got := components.Wrap(tc.text, tc.w)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tc.text, tc.w, got, tc.want)
		}
		for _, l := range got {
			if ansi.StringWidth(l) > tc.w {
				t.Errorf("%q wider than %d", l, tc.w)
			}
		}
	}
}

// WrapPhrases breaks a Japanese line where a phrase ends whenever the line has such a place
// leaving it a quarter of the width (the first six are kids.wrapJA's cases, which it replaces),
// and Wrap, given the same text, does not.
func TestWrapPhrases(t *testing.T) {
	for _, c := range []struct {
		in         string
		w          int
		want, wrap []string
	}{
		{"保護者の 強矢 千春 さんはチェックインしていません。コワーキングでチェックインしますか？", 40,
			[]string{"保護者の 強矢 千春", "さんはチェックインしていません。", "コワーキングでチェックインしますか？"},
			[]string{"保護者の 強矢 千春 さんはチェックインし", "ていません。コワーキングでチェックインし", "ますか？"}},
		{"！アレルギー: 卵アレルギー（加熱卵も不可）", 30,
			[]string{"！アレルギー: 卵アレルギー", "（加熱卵も不可）"},
			[]string{"！アレルギー: 卵アレルギー（加", "熱卵も不可）"}},
		{"短い", 30, []string{"短い"}, []string{"短い"}},
		{"長谷川 ひなの（はせがわ ひなの）", 24,
			[]string{"長谷川 ひなの", "（はせがわ ひなの）"},
			[]string{"長谷川 ひなの（はせがわ", "ひなの）"}},
		{"ああああああああああ", 8, []string{"ああああ", "ああああ", "ああ"}, []string{"ああああ", "ああああ", "ああ"}},
		{"一行目\n二行目。三行目", 8, []string{"一行目", "二行目。", "三行目"}, []string{"一行目", "二行目。", "三行目"}},
		{"一行目\n二行目。三行目", 10, []string{"一行目", "二行目。", "三行目"}, []string{"一行目", "二行目。三", "行目"}},
		{"enter or tab: next field (enter never saves). ctrl+s saves", 24,
			[]string{"enter or tab: next field", "(enter never saves).", "ctrl+s saves"},
			[]string{"enter or tab: next field", "(enter never saves).", "ctrl+s saves"}},
		// a phrase's end that would leave less than a quarter of the line is not taken
		{"回「ゼミナール第3回 データ分析の基礎と応用」（2026-11-25 10:00-12:00）を削除しますか？", 40,
			[]string{"回「ゼミナール第3回 データ分析の基礎と応", "用」（2026-11-25 10:00-12:00）", "を削除しますか？"},
			[]string{"回「ゼミナール第3回 データ分析の基礎と応", "用」（2026-11-25 10:00-12:00）を削除しま", "すか？"}},
	} {
		if got := components.WrapPhrases(c.in, c.w); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("WrapPhrases(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		if got := components.Wrap(c.in, c.w); strings.Join(got, "|") != strings.Join(c.wrap, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.in, c.w, got, c.wrap)
		}
	}
}

// wrapSoon is Wrap (WrapPhrases with phrases), failing the test binary at once if it does not
// return within a second, so a loop that never ends shows as a failure (and stops before it eats
// the machine's memory).
func wrapSoon(text string, w int, phrases ...bool) []string {
	done := make(chan []string, 1)
	wrap := components.Wrap
	if len(phrases) > 0 && phrases[0] {
		wrap = components.WrapPhrases
	}
	go func() { done <- wrap(text, w) }()
	select {
	case ls := <-done:
		return ls
	case <-time.After(time.Second):
		panic(fmt.Sprintf("Wrap(%q, %d) did not return", text, w))
	}
}

// At widths too narrow for a double-width character Wrap still ends, giving such a character a
// line of its own, and loses nothing.
func TestWrapNarrow(t *testing.T) {
	for _, tc := range []struct {
		text string
		w    int
		want []string
	}{
		{"あいう", 1, []string{"あ", "い", "う"}},
		{"aあb", 1, []string{"a", "あ", "b"}},
		{"ab あい", 1, []string{"a", "b", "あ", "い"}},
		{"あ、い", 1, []string{"あ", "、", "い"}},
		{"（あ）", 1, []string{"（", "あ", "）"}},
		{"あいう", 2, []string{"あ", "い", "う"}},
		{"aあb", 2, []string{"a", "あ", "b"}},
		{"ab あい", 2, []string{"ab", "あ", "い"}},
		{"あ（い）う", 2, []string{"あ", "（", "い", "）", "う"}},
		{"あ（い）う", 4, []string{"あ", "（い", "）う"}},
	} {
		got := wrapSoon(tc.text, tc.w)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tc.text, tc.w, got, tc.want)
		}
	}
}

// Whatever the width, and with or without phrases, the lines joined give back the text but for spaces; a line is wider than
// the width only when it is a single character; and from 6 cells up no line but a paragraph's
// first starts with closing punctuation, and none ends with an opening bracket.
func TestWrapLosesNothing(t *testing.T) {
	texts := []string{
		"enter or tab: next field (enter never saves). ctrl+s saves",
		"お子さんがまだいる方が 3人います。先に記録してください（enter）",
		"保護者の 強矢 千春 さんはチェックインしていません。コワーキングでチェックインしますか？",
		"！アレルギー: 卵アレルギー（加熱卵も不可）",
		"長谷川 ひなの（はせがわ ひなの）",
		"予約（ 10:00）「会議室A」、電話 0494-75-1234。",
		"  5人: 閉館時刻 17:00\n一行目\n\n二行目。三行目",
		"abc。def「ghi」jkl、",
		"The slot on 2025-04-01 9:00-12:00 is full; pick another.",
		"あいうえおかきくけこ）。さ",
	}
	closing := []rune("。、，．）」』】〕！？")
	opening := []rune("（「『【〔")
	for _, text := range texts {
		for i := range 80 {
			w, phrases := i%40+1, i >= 40
			got := wrapSoon(text, w, phrases)
			joined := strings.ReplaceAll(strings.Join(got, ""), " ", "")
			if want := strings.NewReplacer(" ", "", "\n", "").Replace(text); joined != want {
				t.Errorf("Wrap(%q, %d) = %q: lost or added characters", text, w, got)
			}
			if n := strings.Count(text, "\n") + 1; len(got) < n {
				t.Errorf("Wrap(%q, %d) = %q: fewer lines than paragraphs", text, w, got)
			}
			for _, l := range got {
				if ansi.StringWidth(l) > w && len([]rune(strings.TrimLeft(l, " "))) > 1 {
					t.Errorf("Wrap(%q, %d): %q wider than the width", text, w, l)
				}
			}
			if w < 6 { // room for a character and two closers (こ）。) together
				continue
			}
			for _, para := range strings.Split(text, "\n") {
				ls := wrapSoon(para, w, phrases)
				for i, l := range ls {
					if r := []rune(l); len(r) > 0 && (i > 0 && slices.Contains(closing, r[0]) || slices.Contains(opening, r[len(r)-1])) {
						t.Errorf("Wrap(%q, %d) = %q: line %q", para, w, ls, l)
					}
				}
			}
		}
	}
}
