package report_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/xuri/excelize/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/report"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// host runs the screen as a tea.Model for tuitest, keeping the status and error lines the
// screen's commands send to the root.
type host struct {
	s      common.Screen
	status string
	err    error
}

func (h host) Init() tea.Cmd { return h.s.Init() }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.StatusMsg:
		h.status = msg.Text
		return h, nil
	case common.ErrorMsg:
		h.err = msg.Err
		return h, nil
	}
	var cmd tea.Cmd
	h.s, cmd = h.s.Update(msg)
	return h, cmd
}

func (h host) View() tea.View { return tea.NewView(h.s.View()) }

func open(t *testing.T, s *store.Store, l model.Lang, w, h int) host {
	t.Helper()
	ctx := common.Context{Lang: l, Clock: tuitest.Clock, Styles: common.NewStyles(true, true), Width: w, Height: h, Tick: tuitest.NoTick}
	m := host{s: report.New(ctx, s)}
	out, _ := tuitest.Drain(m, m.Init())
	return out.(host)
}

func send(t *testing.T, m host, keys ...string) host {
	t.Helper()
	out, _ := tuitest.Keys(m, keys...)
	return out.(host)
}

func typeText(t *testing.T, m host, s string) host {
	t.Helper()
	out, _ := tuitest.Send(m, tuitest.Text(s)...)
	return out.(host)
}

func view(m host) string { return ansi.Strip(m.s.View()) }

func screen(m host) report.Model { return m.s.(report.Model) }

func TestShowsTheCurrentFiscalYear(t *testing.T) {
	m := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	if p := screen(m).Period(); p != model.FiscalYearPeriod(2026) {
		t.Fatalf("period %+v, want 令和8年度", p)
	}
	v := view(m)
	for _, want := range []string{"令和8年度", "2026-04-01〜2027-03-31", "業務を受注したテレワーカーの数", "5人 / 目標  15人", "33%",
		"講座受講者数（延べ）", "30人 / 目標  40人", "75%", "月別 来館数", "11月"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	checkSize(t, v, 80, 20)
	for _, r := range v {
		if strings.ContainsRune("…─│○×△→↑↓•※–—█", r) {
			t.Errorf("ambiguous-width glyph %q in the view", r)
		}
	}
}

func TestPeriodPicker(t *testing.T) {
	m := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	m = send(t, m, "left")
	if p := screen(m).Period(); p != model.FiscalYearPeriod(2025) || !strings.Contains(view(m), "令和7年度") {
		t.Fatalf("left: %+v\n%s", p, view(m))
	}
	m = send(t, m, "]", ".")
	if screen(m).Period() != model.FiscalYearPeriod(2026) {
		t.Fatalf(". is this 年度: %+v", screen(m).Period())
	}
	m = send(t, m, "m") // the month of today, inside this 年度
	if p := screen(m).Period(); p != model.MonthPeriod(2026, 11) || !strings.Contains(view(m), "令和8年11月") {
		t.Fatalf("m: %+v", p)
	}
	m = send(t, m, "left")
	if screen(m).Period() != model.MonthPeriod(2026, 10) {
		t.Fatalf("left in month view: %+v", screen(m).Period())
	}
	m = send(t, m, "y")
	if screen(m).Period() != model.FiscalYearPeriod(2026) {
		t.Fatalf("y: %+v", screen(m).Period())
	}
}

func TestRangeForm(t *testing.T) {
	m := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	m = send(t, m, "p")
	if !m.s.Capturing() || m.s.Cursor() == nil || !strings.Contains(view(m), "開始日") {
		t.Fatalf("the range form is not open:\n%s", view(m))
	}
	clear := make([]string, 10)
	for i := range clear {
		clear[i] = "backspace"
	}
	m = send(t, m, clear...)
	m = typeText(t, m, "2026-11-01")
	m = send(t, m, "enter") // Enter moves on; it never submits
	if !m.s.Capturing() {
		t.Fatal("enter submitted the form")
	}
	m = send(t, m, clear...)
	m = typeText(t, m, "2026-10-01")
	m = send(t, m, "ctrl+s")
	if !m.s.Capturing() || !strings.Contains(view(m), "終了日は開始日以降にしてください") {
		t.Fatalf("a backwards range should stay in the form with the reason:\n%s", view(m))
	}
	m = send(t, m, clear...)
	m = typeText(t, m, "2026-11-30")
	m = send(t, m, "ctrl+s")
	want, _ := model.NewRangePeriod(model.NewDate(2026, 11, 1), model.NewDate(2026, 11, 30))
	if m.s.Capturing() || screen(m).Period() != want || !strings.Contains(view(m), "令和8年11月1日〜令和8年11月30日") {
		t.Fatalf("range %+v:\n%s", screen(m).Period(), view(m))
	}
	m = send(t, m, "p", "esc")
	if m.s.Capturing() || screen(m).Period() != want {
		t.Fatal("esc should close the form and keep the period")
	}
}

func TestChartCycles(t *testing.T) {
	m := open(t, tuitest.OpenDemo(t), model.EN, 80, 20)
	for _, title := range []string{"Visits by month", "Childcare uses by month", "Attendance by month", "Net income by month", "Visits by month"} {
		if !strings.Contains(view(m), title) {
			t.Errorf("chart %d: no %q:\n%s", screen(m).Chart(), title, view(m))
		}
		m = send(t, m, "g")
	}
	// At 120×40 (a body of 120×36) all four charts show and g leaves the help bar.
	big := open(t, tuitest.OpenDemo(t), model.EN, 120, 36)
	v := view(big)
	for _, title := range []string{"Visits by month", "Childcare uses by month", "Attendance by month", "Net income by month"} {
		if !strings.Contains(v, title) {
			t.Errorf("120x36 lacks %q", title)
		}
	}
	for _, b := range big.s.Keys().ShortHelp() {
		if b.Help().Key == "g" {
			t.Error("g is in the help bar with every chart shown")
		}
	}
	checkSize(t, v, 120, 36)
}

func TestExportCountsOnlyAndWithNames(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.JA, 80, 20)
	m = send(t, m, "x")
	if m.err != nil {
		t.Fatal(m.err)
	}
	path := screen(m).LastExport()
	dir := filepath.Join(filepath.Dir(s.Path()), "exports")
	if filepath.Dir(path) != dir || !strings.HasSuffix(path, ".xlsx") || strings.Contains(path, "_names") {
		t.Fatalf("exported to %q, want a new xlsx in %s", path, dir)
	}
	if !strings.Contains(m.status, "出力しました") || !strings.Contains(m.status, filepath.Base(path)) {
		t.Errorf("status %q", m.status)
	}
	if st, err := os.Stat(path); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o600) {
		t.Fatalf("%v %v", st, err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("KPI")
	f.Close()
	if len(rows) < 6 || rows[1][1] != "令和8年度" || rows[5][0] != "業務を受注したテレワーカーの数" || rows[5][2] != "5" {
		t.Errorf("KPI sheet %q", rows)
	}

	// X asks first; esc (any other key) cancels; X twice exports with names.
	m = send(t, m, "X")
	if !strings.Contains(view(m), "氏名を含めて出力します") {
		t.Fatalf("no confirmation:\n%s", view(m))
	}
	m = send(t, m, "esc")
	if strings.Contains(view(m), "氏名を含めて") || screen(m).LastExport() != path {
		t.Fatal("esc did not cancel the names export")
	}
	m = send(t, m, "X", "X")
	named := screen(m).LastExport()
	if !strings.HasSuffix(named, "_names.xlsx") || !strings.Contains(m.status, "氏名入りで出力しました") {
		t.Fatalf("names export %q, status %q", named, m.status)
	}
	es, err := s.Audit(store.AuditFilter{Kind: model.KindExport})
	if err != nil || len(es) != 2 || !strings.Contains(es[0].After, "氏名あり") || !strings.Contains(es[1].After, "件数のみ") {
		t.Errorf("audit %+v %v", es, err)
	}
}

func TestTargetsChangeReloads(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.JA, 80, 20)
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	st.Targets.Teleworkers = 4
	if err := s.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
	out, _ := tuitest.Send(m, common.DataChangedMsg{Kind: model.KindSettings})
	m = out.(host)
	if v := view(m); !strings.Contains(v, "5人 / 目標   4人   125%") {
		t.Errorf("the new target did not show:\n%s", v)
	}
	// S is in the help bar: the root opens the settings view, where the targets are.
	var found bool
	for _, b := range m.s.Keys().ShortHelp() {
		found = found || b.Help().Key == "S"
	}
	if !found {
		t.Error("S (targets) is not in the help bar")
	}
}

func TestEmptyDatabase(t *testing.T) {
	m := open(t, tuitest.OpenEmpty(t), model.EN, 80, 20)
	v := view(m)
	if !strings.Contains(v, "0 / target    15     0%") || !strings.Contains(v, "Courses: 0 unique, - attended") {
		t.Errorf("empty database:\n%s", v)
	}
	checkSize(t, v, 80, 20)
}

func TestGoldenReport80x24(t *testing.T) {
	golden.RequireEqual(t, []byte(view(open(t, tuitest.OpenDemo(t), model.JA, 80, 20))))
}

func TestGoldenReport80x24English(t *testing.T) {
	golden.RequireEqual(t, []byte(view(open(t, tuitest.OpenDemo(t), model.EN, 80, 20))))
}

func TestGoldenReport120x40(t *testing.T) {
	golden.RequireEqual(t, []byte(view(open(t, tuitest.OpenDemo(t), model.JA, 120, 36))))
}

// the shared view check
var checkSize = tuitest.CheckSize
