package audit_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/audit"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// ctxOf is the context of a w×h terminal: the body is 4 lines shorter.
func ctxOf(l model.Lang, w, h int) common.Context { return tuitest.Context(l, w, h-4) }

func open(t *testing.T, s *store.Store, l model.Lang, w, h int) tea.Model {
	t.Helper()
	var m tea.Model = tuitest.Host{S: audit.New(ctxOf(l, w, h), s)}
	m, _ = tuitest.Drain(m, m.Init())
	return m
}

func screen(m tea.Model) audit.Model { return m.(tuitest.Host).S.(audit.Model) }

func view(m tea.Model) string { return ansi.Strip(m.(tuitest.Host).S.View()) }

func keys(t *testing.T, m tea.Model, ks ...string) tea.Model {
	t.Helper()
	m, quit := tuitest.Keys(m, ks...)
	if quit {
		t.Fatal("the screen quit")
	}
	return m
}

func typeText(m tea.Model, s string) tea.Model {
	m, _ = tuitest.Send(m, tuitest.Text(s)...)
	return m
}

func enabled(k help, b key.Binding) bool {
	for _, x := range k.ShortHelp() {
		if x.Help() == b.Help() && x.Enabled() {
			return true
		}
	}
	return false
}

type help interface{ ShortHelp() []key.Binding }

func TestListNewestFirst(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.JA, 80, 24)
	es := screen(m).Entries()
	if len(es) < 100 {
		t.Fatalf("%d entries from the demo", len(es))
	}
	for i := 1; i < len(es); i++ {
		if es[i].ID > es[i-1].ID && es[i].At.After(es[i-1].At) {
			t.Fatalf("entries not newest first at %d: %d after %d", i, es[i].ID, es[i-1].ID)
		}
	}
	v := view(m)
	checkSize(t, v, 80, 20)
	wantIn(t, v, "操作履歴", "すべて（新しい順、最大 500 件）", "日時", "担当", "佐藤 由美", "チェックイン", "件中 1件目")
	if screen(m).Capturing() || screen(m).Cursor() != nil {
		t.Error("the list captures keys")
	}
	k := screen(m).Keys()
	if enabled(k, audit.DefaultKeyMap(model.JA).Clear) {
		t.Error("clear filter is offered with no filter")
	}
}

func TestMoveAndDetails(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.EN, 80, 24)
	m = keys(t, m, "down", "down", "j")
	if got := screen(m).Selected(); got != 3 {
		t.Fatalf("selected %d after three downs", got)
	}
	e := screen(m).Entries()[3]
	m = keys(t, m, "enter")
	v := view(m)
	checkSize(t, v, 80, 20)
	wantIn(t, v, "When", "Staff", "Before", "After", "#"+ref(e.ID), e.Staff)
	m = keys(t, m, "esc") // back to the list, not closed
	if strings.Contains(view(m), "Before") {
		t.Error("esc did not leave the details")
	}
	// esc on the list asks the root to close the viewer
	_, cmd := screen(m).Update(tuitest.Key("esc"))
	if cmd == nil {
		t.Fatal("esc on the list did nothing")
	}
	if _, ok := cmd().(audit.CloseMsg); !ok {
		t.Error("esc on the list did not send CloseMsg")
	}
	// paging stops at the ends
	for i := 0; i < 40; i++ {
		m, _ = tuitest.Send(m, tea.KeyPressMsg{Code: tea.KeyPgDown})
	}
	if got, n := screen(m).Selected(), len(screen(m).Entries()); got != n-1 {
		t.Errorf("after many page downs: %d of %d", got, n)
	}
	checkSize(t, view(m), 80, 20)
	m, _ = tuitest.Send(m, tea.KeyPressMsg{Code: tea.KeyPgUp})
	if got, n := screen(m).Selected(), len(screen(m).Entries()); got != n-1-17 {
		t.Errorf("page up went to %d of %d", got, n)
	}
}

func ref(n uint64) string { return strconv.FormatUint(n, 10) }

func TestFilterForm(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.JA, 80, 24)
	all := len(screen(m).Entries())
	m = keys(t, m, "f")
	if !screen(m).Capturing() {
		t.Fatal("the filter form does not capture keys")
	}
	if c := screen(m).Cursor(); c == nil || c.Y != 2 {
		t.Errorf("cursor in the first field: %+v", c)
	}
	// A bad date is shown under its field; nothing is loaded.
	m = typeText(m, "11月25日")
	m = keys(t, m, "tab", "tab", "tab")
	m = typeText(m, "予約")
	m = keys(t, m, "ctrl+s")
	if !screen(m).Capturing() || len(screen(m).Entries()) != all {
		t.Fatal("a bad filter was applied")
	}
	v := view(m)
	wantIn(t, v, "日付は 2026-11-01 の形で入力してください")
	checkSize(t, v, 80, 20)
	// Fixed (the form put focus on the field in error): bookings made on 2026-11-23 by the
	// demo's staff member.
	for range []rune("11月25日") {
		m = keys(t, m, "backspace")
	}
	m = typeText(m, "２０２６－１１－２３")
	m = keys(t, m, "tab")
	m = typeText(m, "2026-11-23")
	m = keys(t, m, "tab")
	m = typeText(m, "佐藤 由美")
	m = keys(t, m, "ctrl+s")
	if screen(m).Capturing() {
		t.Fatalf("the form stayed open:\n%s", view(m))
	}
	es := screen(m).Entries()
	if len(es) == 0 {
		t.Fatal("no bookings on 2026-11-23")
	}
	for _, e := range es {
		if e.Kind != model.KindBooking || model.DateOf(e.At) != model.NewDate(2026, 11, 23) || e.Staff != "佐藤 由美" {
			t.Errorf("entry outside the filter: %+v", e)
		}
	}
	wantIn(t, view(m), "絞り込み: 2026-11-23〜2026-11-23  担当 佐藤 由美  予約")
	if !enabled(screen(m).Keys(), audit.DefaultKeyMap(model.JA).Clear) {
		t.Error("clear filter is not offered with a filter on")
	}
	// The form opens again with the filter in force, and c clears it.
	m = keys(t, m, "f")
	wantIn(t, view(m), "2026-11-23", "予約")
	m = keys(t, m, "esc", "c")
	if n := len(screen(m).Entries()); n != all {
		t.Errorf("after clearing: %d entries, want %d", n, all)
	}
}

func TestShowOneRecordsHistory(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.EN, 120, 40)
	m, _ = tuitest.Send(m, audit.ShowMsg{Filter: store.AuditFilter{Kind: model.KindJob, Ref: "1"}})
	es := screen(m).Entries()
	if len(es) < 3 {
		t.Fatalf("history of job 1: %d entries", len(es))
	}
	for _, e := range es {
		if e.Kind != model.KindJob || e.Ref != "1" {
			t.Errorf("entry of another record: %+v", e)
		}
	}
	v := view(m)
	checkSize(t, v, 120, 36)
	wantIn(t, v, "filter: job  #1", "job 観光協会ブロ", "status")
}

func TestReloadsWhenDataChanges(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.JA, 80, 24)
	s.SetStaff("田中 恵")
	ps, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Forget(ps[len(ps)-1].ID); err != nil {
		t.Fatal(err)
	}
	m, _ = tuitest.Send(m, common.DataChangedMsg{Kind: model.KindPerson})
	e := screen(m).Entries()[0]
	if e.Action != "forget" || e.Staff != "田中 恵" {
		t.Errorf("newest entry after an erasure: %+v", e)
	}
	wantIn(t, view(m), "個人情報削除", "田中 恵")
}

func TestLoadError(t *testing.T) {
	m := tuitest.Host{S: audit.New(ctxOf(model.JA, 80, 24), failing{})}
	var tm tea.Model = m
	tm, _ = tuitest.Drain(tm, tm.Init())
	wantIn(t, view(tm), "読めません")
	checkSize(t, view(tm), 80, 20)
}

type failing struct{}

func (failing) Audit(store.AuditFilter) ([]model.AuditEntry, error) {
	return nil, &model.Error{Kind: model.ErrStorage, Msg: model.T("操作履歴を読めません", "cannot read the audit log")}
}

func (failing) AuditSubjects([]model.AuditEntry) (map[uint64]string, error) { return nil, nil }

func TestParseFilter(t *testing.T) {
	cases := []struct {
		in    audit.FilterInput
		want  store.AuditFilter
		field string // the field in error, "" when valid
	}{
		{audit.FilterInput{}, store.AuditFilter{Limit: audit.Limit}, ""},
		{audit.FilterInput{From: "2026/11/01", To: "２０２６－１１－３０", Staff: " 佐藤　由美 ", Kind: "Booking", Ref: "#１２"},
			store.AuditFilter{From: model.NewDate(2026, 11, 1), To: model.NewDate(2026, 11, 30), Staff: "佐藤 由美", Kind: model.KindBooking, Ref: "12", Limit: audit.Limit}, ""},
		{audit.FilterInput{Kind: "利用者"}, store.AuditFilter{Kind: model.KindPerson, Limit: audit.Limit}, ""},
		{audit.FilterInput{Kind: "データベース"}, store.AuditFilter{Kind: store.KindDatabase, Limit: audit.Limit}, ""},
		{audit.FilterInput{Kind: "settings"}, store.AuditFilter{Kind: model.KindSettings, Limit: audit.Limit}, ""},
		{audit.FilterInput{From: "11/25"}, store.AuditFilter{}, "from"},
		{audit.FilterInput{To: "2026-02-30"}, store.AuditFilter{}, "to"},
		{audit.FilterInput{From: "2026-11-30", To: "2026-11-01"}, store.AuditFilter{}, "to"},
		{audit.FilterInput{Kind: "ねこ"}, store.AuditFilter{}, "kind"},
	}
	for _, c := range cases {
		got, err := audit.ParseFilter(c.in)
		if c.field == "" {
			if err != nil || got != c.want {
				t.Errorf("ParseFilter(%+v) = %+v, %v; want %+v", c.in, got, err, c.want)
			}
			continue
		}
		var fe model.FieldErrors
		if !errors.As(err, &fe) || fe.For(c.field) == nil || fe.For(c.field).Msg.JA == "" || fe.For(c.field).Msg.EN == "" {
			t.Errorf("ParseFilter(%+v): %v, want an error for %s", c.in, err, c.field)
		}
	}
	// What the form shows for a filter reads back to the same filter, in both languages.
	f := store.AuditFilter{From: model.NewDate(2026, 4, 1), To: model.NewDate(2027, 3, 31), Staff: "佐藤 由美", Kind: model.KindAttendance, Ref: "3/12", Limit: audit.Limit}
	for _, l := range []model.Lang{model.JA, model.EN} {
		if got, err := audit.ParseFilter(audit.InputOf(f, l)); err != nil || got != f {
			t.Errorf("round trip in %v: %+v, %v", l, got, err)
		}
	}
}

func TestActionLabels(t *testing.T) {
	for _, a := range []string{"check_in", "forget", "export_dump", "restore", "pick_up_override"} {
		if audit.ActionLabel(a, model.JA) == a || audit.ActionLabel(a, model.EN) == "" {
			t.Errorf("action %s has no label", a)
		}
	}
	if audit.ActionLabel("something_new", model.JA) != "something_new" {
		t.Error("an unknown action is not shown as it is")
	}
}

// Goldens of the viewer's body in an 80×24 and a 120×40 terminal (80×20 and 120×36), stripped
// of colour. Regenerate with `go test ./tui/audit/ -update` and read the diff.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		lang model.Lang
		w, h int
		keys []string
	}{
		{"List80x24", model.JA, 80, 24, nil},
		{"List80x24English", model.EN, 80, 24, nil},
		{"List120x40", model.JA, 120, 40, nil},
		{"Detail80x24", model.JA, 80, 24, []string{"down", "enter"}},
		{"Filter80x24", model.JA, 80, 24, []string{"f"}},
		{"Filter80x24English", model.EN, 80, 24, []string{"f"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := open(t, tuitest.OpenDemo(t), c.lang, c.w, c.h)
			m = keys(t, m, c.keys...)
			v := view(m)
			checkSize(t, v, c.w, c.h-4)
			tuitest.NoAmbiguousGlyphs(t, v)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// FuzzParseFilter: whatever is typed into the filter form is either a filter that the form
// writes back and reads again unchanged (in both languages), or errors beside their fields.
func FuzzParseFilter(f *testing.F) {
	f.Add("2026-11-01", "2026-11-30", "佐藤 由美", "予約", "12")
	f.Add("２０２６／１１／０１", "", "　", "Booking", "#3/12")
	f.Add("11/1", "2026-02-30", "", "ねこ", "")
	f.Add("2026-11-30", "2026-11-01", "\x00", "データベース", "x:0a")
	f.Fuzz(func(t *testing.T, from, to, staff, kind, id string) {
		got, err := audit.ParseFilter(audit.FilterInput{From: from, To: to, Staff: staff, Kind: kind, Ref: id})
		if err != nil {
			var fe model.FieldErrors
			if !errors.As(err, &fe) || len(fe) == 0 {
				t.Fatalf("error %v (%T)", err, err)
			}
			for _, e := range fe {
				if e.Field == "" || e.Msg.JA == "" || e.Msg.EN == "" {
					t.Fatalf("field error %+v", e)
				}
			}
			return
		}
		if got.Limit != audit.Limit || (!got.From.IsZero() && !got.To.IsZero() && got.To.Before(got.From)) {
			t.Fatalf("accepted %+v", got)
		}
		for _, l := range []model.Lang{model.JA, model.EN} {
			if again, err := audit.ParseFilter(audit.InputOf(got, l)); err != nil || again != got {
				t.Fatalf("%+v written back as %+v read as %+v, %v", got, audit.InputOf(got, l), again, err)
			}
		}
	})
}

// the shared view checks
var (
	wantIn    = tuitest.WantIn
	checkSize = tuitest.CheckSize
)
