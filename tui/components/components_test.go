package components_test

import (
	"fmt"
	"strings"
	"testing"

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
