package tui_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui"
	"github.com/nagawaka/madoguchi/tui/checkin"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/jobs"
	"github.com/nagawaka/madoguchi/tui/kids"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

func newApp(t *testing.T, s *store.Store, lang model.Lang, staff string) tea.Model {
	t.Helper()
	a := tui.New(tui.Deps{Store: s, Lang: lang, Clock: tuitest.Clock, NoColor: true, Staff: staff, Tick: tuitest.NoTick})
	m, _ := tuitest.Drain(a, a.Init())
	return m
}

func sized(t *testing.T, m tea.Model, w, h int) tea.Model {
	t.Helper()
	m, _ = tuitest.Send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func screen(m tea.Model) string { return ansi.Strip(m.(tui.App).Render()) }

func TestTabsSwitchAndWrap(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 80, 24)
	active := func() int { return m.(tui.App).Active() }
	if active() != tui.TabHome {
		t.Fatalf("starts on %d", active())
	}
	m, _ = tuitest.Keys(m, "tab")
	if active() != tui.TabCheckin {
		t.Fatalf("tab → %d", active())
	}
	m, _ = tuitest.Keys(m, "shift+tab", "shift+tab")
	if active() != tui.TabReport {
		t.Fatalf("shift+tab wraps to the last tab, got %d", active())
	}
	// alt+1-6 jump from anywhere, even while a search field has focus
	for i, k := range []string{"alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6", "alt+2", "alt+1"} {
		m, _ = tuitest.Keys(m, k)
		if want := []int{0, 1, 2, 3, 4, 5, 1, 0}[i]; active() != want {
			t.Fatalf("key %s → tab %d, want %d", k, active(), want)
		}
	}
	// plain digits jump from a screen without a text field (ホーム)
	for _, k := range []string{"5", "1", "3"} {
		m, _ = tuitest.Keys(m, k)
		m, _ = tuitest.Keys(m, "alt+1")
		if active() != 0 {
			t.Fatalf("alt+1 after %s → %d", k, active())
		}
	}
	m, _ = tuitest.Keys(m, "6")
	if active() != tui.TabReport {
		t.Fatalf("6 from ホーム → %d", active())
	}
	if !strings.Contains(screen(m), "レポート") {
		t.Fatalf("tab bar missing:\n%s", screen(m))
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := sized(t, newApp(t, tuitest.OpenEmpty(t), model.JA, "x"), 80, 24)
		if _, quit := tuitest.Keys(m, k); !quit {
			t.Errorf("%s did not quit", k)
		}
	}
}

func TestTooSmallSaysSoAndResizeRecovers(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 79, 24)
	if v := screen(m); !strings.Contains(v, "画面が小さすぎます") || strings.Contains(v, "来館中") {
		t.Fatalf("79x24 should only say it is too small:\n%s", v)
	}
	m = sized(t, m, 80, 23)
	if !strings.Contains(screen(m), "80×24") {
		t.Fatalf("80x23 should name the minimum:\n%s", screen(m))
	}
	if _, quit := tuitest.Keys(m, "tab"); quit {
		t.Fatal("tab quit")
	}
	m = sized(t, m, 80, 24)
	v := screen(m)
	if !strings.Contains(v, "来館中") {
		t.Fatalf("80x24 should draw ホーム:\n%s", v)
	}
	if got := strings.Count(v, "\n") + 1; got != 24 {
		t.Fatalf("drew %d lines at 80x24", got)
	}
	for i, l := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line %d is %d cells wide: %q", i, w, l)
		}
	}
	m = sized(t, m, 120, 40)
	if got := strings.Count(screen(m), "\n") + 1; got != 40 {
		t.Fatalf("drew %d lines at 120x40", got)
	}
}

func TestHomeShowsTheDemoDay(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 80, 24)
	v := screen(m)
	for _, want := range []string{"来館中 5人", "山田 花子", "キッズ: 山田 陽翔", "利用中 3人", "本日の講座 2件", "仕上げと振り返り", "担当: 佐藤 由美", "令和8年11月25日（水）", "2026-11-25"} {
		if !strings.Contains(v, want) {
			t.Errorf("ホーム lacks %q:\n%s", want, v)
		}
	}
}

func TestGoldenHome80x24(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 80, 24)
	golden.RequireEqual(t, []byte(maskPath(screen(m))))
}

func TestGoldenHome80x24English(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.EN, "佐藤 由美"), 80, 24)
	golden.RequireEqual(t, []byte(maskPath(screen(m))))
}

func TestGoldenHome120x40(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 120, 40)
	golden.RequireEqual(t, []byte(maskPath(screen(m))))
}

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

func TestFirstRunAsksForStaffAndAuditsWithIt(t *testing.T) {
	s := tuitest.OpenEmpty(t)
	m := sized(t, newApp(t, s, model.JA, ""), 80, 24)
	if v := screen(m); !strings.Contains(v, "はじめての起動です") {
		t.Fatalf("first run should ask for a name:\n%s", v)
	}
	// q and digits are typed into the name, not taken as global keys
	m, quit := tuitest.Send(m, tuitest.Text("q1")...)
	if quit {
		t.Fatal("typing q quit the app")
	}
	m, _ = tuitest.Keys(m, "backspace", "backspace")
	m, _ = tuitest.Send(m, tuitest.Text("鈴木 一郎")...)
	// Enter (as after an IME conversion) must not submit
	m, _ = tuitest.Keys(m, "enter")
	if m.(tui.App).StaffName() != "" {
		t.Fatal("enter submitted the form")
	}
	m, _ = tuitest.Keys(m, "ctrl+s")
	if got := m.(tui.App).StaffName(); got != "鈴木 一郎" {
		t.Fatalf("staff = %q", got)
	}
	if !strings.Contains(screen(m), "担当: 鈴木 一郎") {
		t.Fatalf("status line lacks the staff member:\n%s", screen(m))
	}
	list, err := s.StaffList()
	if err != nil || len(list) != 1 || list[0].Name != "鈴木 一郎" {
		t.Fatalf("staff list %v %v", list, err)
	}
	p, _ := model.NewPerson(model.PersonInput{Name: "試験 太郎", Reading: "しけん たろう"})
	if _, err := s.CreatePerson(p); err != nil {
		t.Fatal(err)
	}
	es, _ := s.Audit(store.AuditFilter{Kind: model.KindPerson})
	if len(es) != 1 || es[0].Staff != "鈴木 一郎" {
		t.Fatalf("audit entry %+v", es)
	}
}

func TestStaffPickerListsKnownStaff(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := sized(t, newApp(t, s, model.JA, ""), 80, 24)
	v := screen(m)
	if !strings.Contains(v, "佐藤 由美") || !strings.Contains(v, "田中 恵") {
		t.Fatalf("picker lacks the staff:\n%s", v)
	}
	m, _ = tuitest.Keys(m, "down", "enter")
	if got := m.(tui.App).StaffName(); got != "田中 恵" {
		t.Fatalf("picked %q", got)
	}
	if s.Staff() != "田中 恵" {
		t.Fatalf("store staff %q", s.Staff())
	}
}

// @ opens the staff picker over the screens; esc leaves it with the same person on duty, and at
// start (nobody on duty yet) esc does nothing.
func TestStaffChangeCanBeCancelled(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := sized(t, newApp(t, s, model.JA, "佐藤 由美"), 80, 24)
	m, _ = tuitest.Keys(m, "@")
	if v := screen(m); !strings.Contains(v, "いまの担当: 佐藤 由美") || !strings.Contains(v, "esc") {
		t.Fatalf("picker opened with @ should say who is on duty and offer esc:\n%s", v)
	}
	m, _ = tuitest.Keys(m, "esc")
	if v := screen(m); !strings.Contains(v, "来館中") {
		t.Fatalf("esc should go back to the screens:\n%s", v)
	}
	if got := m.(tui.App).StaffName(); got != "佐藤 由美" || s.Staff() != "佐藤 由美" {
		t.Fatalf("staff changed to %q / %q", got, s.Staff())
	}

	m = sized(t, newApp(t, s, model.JA, ""), 80, 24)
	m, _ = tuitest.Keys(m, "esc")
	if v := screen(m); !strings.Contains(v, "担当スタッフを選んでください") || strings.Contains(v, "esc") {
		t.Fatalf("at start esc must not leave the picker nor be offered:\n%s", v)
	}
}

func TestSettingsEditValidatesAndSaves(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := sized(t, newApp(t, s, model.JA, "佐藤 由美"), 80, 24)
	m, _ = tuitest.Keys(m, "S")
	if v := screen(m); !strings.Contains(v, "保育比率 0歳") || !strings.Contains(v, "長若集学校") {
		t.Fatalf("settings view:\n%s", v)
	}
	m, _ = tuitest.Keys(m, "e")
	// go to the closing time, make it before opening, and save
	m, _ = tuitest.Keys(m, "tab", "tab", "backspace", "backspace", "backspace", "backspace", "backspace")
	m, _ = tuitest.Send(m, tuitest.Text("8:00")...)
	m, _ = tuitest.Keys(m, "ctrl+s")
	v := screen(m)
	if !strings.Contains(v, "閉館時刻は開館時刻より後にしてください") {
		t.Fatalf("field error not shown:\n%s", v)
	}
	st, _ := s.Settings()
	if st.Closing != 17*60 {
		t.Fatalf("rejected input was written: %v", st.Closing)
	}
	m, _ = tuitest.Keys(m, "backspace", "backspace", "backspace", "backspace")
	m, _ = tuitest.Send(m, tuitest.Text("１８：００")...)
	m, _ = tuitest.Keys(m, "ctrl+s")
	st, _ = s.Settings()
	if st.Closing != 18*60 {
		t.Fatalf("closing = %v\n%s", st.Closing, screen(m))
	}
	if !strings.Contains(m.(tui.App).Status(), "設定を保存しました") {
		t.Fatalf("status %q", m.(tui.App).Status())
	}
	m, _ = tuitest.Keys(m, "esc")
	if !strings.Contains(screen(m), "来館中") {
		t.Fatalf("esc should return to ホーム:\n%s", screen(m))
	}
}

func TestFullHelpToggles(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 80, 24)
	if strings.Contains(screen(m), "担当交代") {
		t.Fatal("short help should not list every key")
	}
	m, _ = tuitest.Keys(m, "?")
	if !strings.Contains(screen(m), "担当交代") {
		t.Fatalf("full help missing:\n%s", screen(m))
	}
}

// However many keys a screen has, the help bar at 80 columns ends in D, ? and q, so a clerk can
// always find the full list.
func TestHelpBarAlwaysOffersHelp(t *testing.T) {
	for _, lang := range []model.Lang{model.JA, model.EN} {
		m := sized(t, newApp(t, tuitest.OpenDemo(t), lang, "佐藤 由美"), 80, 24)
		for _, tab := range []string{"1", "3", "4", "5", "6"} {
			m, _ = tuitest.Keys(m, tab)
			lines := strings.Split(strings.TrimRight(screen(m), "\n"), "\n")
			bar := lines[len(lines)-1]
			want := map[model.Lang]string{model.JA: "? ヘルプ  q 終了", model.EN: "? help  q quit"}[lang]
			if !strings.HasSuffix(strings.TrimRight(bar, " "), want) || ansi.StringWidth(bar) > 80 {
				t.Errorf("%s tab %s: help bar %q", lang, tab, bar)
			}
		}
	}
}

// Opening the full help takes its lines from the screen's height, not from the bottom of what
// the screen drew: the highlighted row on キッズ stays in view.
func TestFullHelpKeepsTheHighlightInView(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 80, 24)
	m, _ = tuitest.Keys(m, "3")
	for range 12 {
		m, _ = tuitest.Keys(m, "down")
	}
	selected := func(v string) string {
		for _, l := range strings.Split(v, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), ">") {
				return strings.TrimSpace(l)
			}
		}
		return ""
	}
	before := selected(screen(m))
	if before == "" {
		t.Fatalf("no highlighted row on キッズ:\n%s", screen(m))
	}
	m, _ = tuitest.Keys(m, "?")
	v := screen(m)
	if !strings.Contains(v, "担当交代") {
		t.Fatalf("full help not shown:\n%s", v)
	}
	if got := selected(v); got != before {
		t.Fatalf("highlighted row %q lost behind the full help (now %q):\n%s", before, got, v)
	}
	if n := strings.Count(v, "\n") + 1; n != 24 {
		t.Fatalf("%d lines drawn, want 24", n)
	}
}

// D opens the day review from any screen; esc leaves it for the screen staff came from. A pick-up
// opened from the review comes back to the review when it is left.
func TestReviewReturnsWhereStaffCameFrom(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 120, 40)
	m, _ = tuitest.Keys(m, "5", "D")
	if m.(tui.App).Active() != tui.TabAttendance || !strings.Contains(screen(m), "日次締め") {
		t.Fatalf("D should open the review:\n%s", screen(m))
	}
	m, _ = tuitest.Keys(m, "esc")
	if got := m.(tui.App).Active(); got != 4 {
		t.Fatalf("esc from the review opened on 案件 went to tab %d", got+1)
	}
	// back on チェックイン as staff left it: out of the search, so the next letter is a key, not
	// typed into the search
	m, _ = tuitest.Keys(m, "2", "esc", "D", "esc")
	if a := m.(tui.App); a.Active() != 1 || a.Screen(1).Capturing() {
		t.Fatalf("esc from the review should return to チェックイン out of the search (tab %d, capturing %v)", a.Active()+1, a.Screen(1).Capturing())
	}
	// D over 出席's roll: esc comes back to the roll
	m, _ = tuitest.Keys(m, "4", "enter")
	if v := screen(m); !strings.Contains(v, "記入済") {
		t.Fatalf("enter on 出席 should open a roll:\n%s", v)
	}
	m, _ = tuitest.Keys(m, "D", "esc")
	if v := screen(m); m.(tui.App).Active() != tui.TabAttendance || !strings.Contains(v, "記入済") {
		t.Fatalf("esc from the review opened over a roll should return to the roll:\n%s", v)
	}
	// a job opened from the review: esc from its detail comes back to the review
	m, _ = tuitest.Keys(m, "1", "D")
	m, _ = tuitest.Send(m, common.GotoMsg{Tab: 4, Payload: common.JobPayload{JobID: 5}})
	if m.(tui.App).Active() != 4 {
		t.Fatalf("the job should open on 案件: tab %d", m.(tui.App).Active()+1)
	}
	m, _ = tuitest.Keys(m, "esc")
	if v := screen(m); m.(tui.App).Active() != tui.TabAttendance || !strings.Contains(v, "日次締め") {
		t.Fatalf("esc from a job opened by the review should return to it:\n%s", v)
	}
	// a manual switch forgets where to go back: esc from the review then stays on 出席
	m, _ = tuitest.Keys(m, "4", "D", "esc")
	if got := m.(tui.App).Active(); got != tui.TabAttendance {
		t.Fatalf("review opened on 出席: esc went to tab %d", got+1)
	}
}

// A pick-up opened from the review (or a check-out) comes back there when it is left with esc or
// recorded.
func TestPickupFromTheReviewComesBack(t *testing.T) {
	s := tuitest.OpenDemo(t)
	in, err := s.InCare()
	if err != nil || len(in) < 2 {
		t.Fatalf("demo children in care: %d %v", len(in), err)
	}
	m := sized(t, newApp(t, s, model.JA, "佐藤 由美"), 120, 40)
	m, _ = tuitest.Keys(m, "D")
	m, _ = tuitest.Send(m, common.GotoMsg{Tab: tui.TabKids, Payload: common.PickupPayload{BookingID: in[0].Booking.ID}})
	if !strings.Contains(screen(m), "どなたがお迎えに来ましたか") {
		t.Fatalf("the pick-up should open:\n%s", screen(m))
	}
	m, _ = tuitest.Keys(m, "esc")
	if m.(tui.App).Active() != tui.TabAttendance || !strings.Contains(screen(m), "日次締め") {
		t.Fatalf("esc from the pick-up should return to the review:\n%s", screen(m))
	}
	m, _ = tuitest.Send(m, common.GotoMsg{Tab: tui.TabKids, Payload: common.PickupPayload{BookingID: in[1].Booking.ID}})
	m, _ = tuitest.Keys(m, "enter") // the first choice: the guardian
	if m.(tui.App).Active() != tui.TabAttendance {
		t.Fatalf("a recorded pick-up should return to the review:\n%s", screen(m))
	}
	if b, err := s.Booking(in[1].Booking.ID); err != nil || b.PickedUp.IsZero() {
		t.Fatalf("pick-up not recorded: %+v %v", b, err)
	}
}

// A pick-up another screen asked for that could not open does not make a later pick-up, recorded
// by hand, jump back to that screen.
func TestFailedPickupRequestDoesNotReturnLater(t *testing.T) {
	s := tuitest.OpenDemo(t)
	in, err := s.InCare()
	if err != nil || len(in) == 0 {
		t.Fatalf("demo children in care: %d %v", len(in), err)
	}
	m := sized(t, newApp(t, s, model.JA, "佐藤 由美"), 120, 40)
	m, _ = tuitest.Keys(m, "D")
	m, _ = tuitest.Send(m, common.GotoMsg{Tab: tui.TabKids, Payload: common.PickupPayload{BookingID: 99999}})
	if m.(tui.App).Active() != tui.TabKids {
		t.Fatalf("should be on キッズ: tab %d", m.(tui.App).Active()+1)
	}
	// staff then move to a child in care on キッズ themselves and record the pick-up
	for i := 0; i < 40; i++ {
		if l, _, ok := m.(tui.App).Screen(tui.TabKids).(kids.Model).Selected(); ok && l.Booking.ID == in[0].Booking.ID {
			break
		}
		m, _ = tuitest.Keys(m, "down")
	}
	m, _ = tuitest.Keys(m, "p", "enter")
	if b, err := s.Booking(in[0].Booking.ID); err != nil || b.PickedUp.IsZero() {
		t.Fatalf("pick-up not recorded: %+v %v\n%s", b, err, screen(m))
	}
	if m.(tui.App).Active() != tui.TabKids {
		t.Fatalf("a pick-up recorded by hand jumped to tab %d", m.(tui.App).Active()+1)
	}
}

// Back from a guardian's pick-up, チェックイン still highlights the guardian (enter checks them
// out); shown again by hand later, it starts afresh, so no old name waits under enter.
func TestGuardianStaysHighlightedOnlyOnTheWayBack(t *testing.T) {
	s := tuitest.OpenDemo(t)
	hanako := tuitest.PersonNamed(t, s, "山田 花子")
	m := sized(t, newApp(t, s, model.JA, "佐藤 由美"), 120, 40)
	m, _ = tuitest.Keys(m, "2")
	for _, r := range "yamada hanako" {
		m, _ = tuitest.Keys(m, string(r))
	}
	m, _ = tuitest.Keys(m, "enter", "enter") // the guardian dialog, then to the pick-up
	if m.(tui.App).Active() != tui.TabKids {
		t.Fatalf("should be at the pick-up on キッズ:\n%s", screen(m))
	}
	m, _ = tuitest.Keys(m, "esc")
	ci := func() checkin.Model { return m.(tui.App).Screen(1).(checkin.Model) }
	if p, ok := ci().Selected(); m.(tui.App).Active() != 1 || !ok || p.ID != hanako.ID {
		t.Fatalf("back on チェックイン with 山田 花子 highlighted? tab %d, %+v\n%s", m.(tui.App).Active()+1, p, screen(m))
	}
	m, _ = tuitest.Keys(m, "tab", "2")
	if q := ci().Query(); q != "" {
		t.Fatalf("shown again by hand, the search should start afresh, not hold %q", q)
	}
}

// A job opened from the review returns there only from that opening: opened again by hand
// later, esc stays on 案件.
func TestJobOpenedByHandDoesNotReturnToTheReview(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 120, 40)
	m, _ = tuitest.Keys(m, "D")
	m, _ = tuitest.Send(m, common.GotoMsg{Tab: 4, Payload: common.JobPayload{JobID: 5}})
	m, _ = tuitest.Keys(m, "t") // the teleworker's page: the detail is left another way
	// open the same job again from her page, by hand
	for i := 0; i < 10; i++ {
		m, _ = tuitest.Keys(m, "enter")
		if d, ok := m.(tui.App).Screen(4).(jobs.Model).Detail(); ok && d.Job.ID == 5 {
			break
		}
		m, _ = tuitest.Keys(m, "esc", "down")
	}
	if d, ok := m.(tui.App).Screen(4).(jobs.Model).Detail(); !ok || d.Job.ID != 5 {
		t.Fatalf("could not reopen job 5 by hand:\n%s", screen(m))
	}
	m, _ = tuitest.Keys(m, "esc")
	if got := m.(tui.App).Active(); got != 4 {
		t.Fatalf("esc from a job opened by hand jumped to tab %d", got+1)
	}
}

// A confirmation stays until the next key (? only shows the keys and keeps it).
func TestStatusLastsUntilTheNextKey(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 80, 24)
	m, _ = tuitest.Send(m, common.StatusMsg{Text: "提案の 1人を出席にしました"})
	m, _ = tuitest.Keys(m, "?")
	if !strings.Contains(screen(m), "提案の 1人を出席にしました") {
		t.Fatalf("? should keep the status:\n%s", screen(m))
	}
	m, _ = tuitest.Keys(m, "?", "down")
	if strings.Contains(screen(m), "提案の 1人を出席にしました") {
		t.Fatalf("the next key should clear the status:\n%s", screen(m))
	}
}

// A message staff must act on (a child promoted from the waitlist) stays through other keys and
// goes with esc.
func TestKeptStatusStaysUntilEsc(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 80, 24)
	m, _ = tuitest.Send(m, common.StatusMsg{Text: "空き待ちから繰り上げ: 山田 結衣", Keep: true})
	m, _ = tuitest.Keys(m, "down", "3")
	if !strings.Contains(screen(m), "空き待ちから繰り上げ: 山田 結衣") {
		t.Fatalf("a kept status should survive other keys:\n%s", screen(m))
	}
	m, _ = tuitest.Keys(m, "esc")
	if strings.Contains(screen(m), "空き待ちから繰り上げ") {
		t.Fatalf("esc should clear a kept status:\n%s", screen(m))
	}
	// that esc only put the message away: the review opened with D stays open
	m, _ = tuitest.Keys(m, "D")
	m, _ = tuitest.Send(m, common.StatusMsg{Text: "空き待ちから繰り上げ: 山田 結衣", Keep: true})
	m, _ = tuitest.Keys(m, "esc")
	if m.(tui.App).Active() != tui.TabAttendance || !strings.Contains(screen(m), "日次締め") {
		t.Fatalf("the esc that clears a kept status must not also leave the review:\n%s", screen(m))
	}
}

// On レポート, S is the screen's 目標 (the settings, where the targets are); the full help lists it
// once, not also as the root's 設定.
func TestFullHelpListsAKeyOnce(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 120, 40)
	m, _ = tuitest.Keys(m, "6", "?")
	v := screen(m)
	if !strings.Contains(v, "S 目標") || strings.Contains(v, "S 設定") {
		t.Fatalf("S should be listed once, as 目標:\n%s", v)
	}
	m, _ = tuitest.Keys(m, "?", "1", "?")
	if v := screen(m); !strings.Contains(v, "S 設定") {
		t.Fatalf("on ホーム S is 設定:\n%s", v)
	}
}

// TestProgramFlow runs the real program loop (teatest) on the demo: the first frame shows ホーム,
// q quits.
func TestProgramFlow(t *testing.T) {
	s := tuitest.OpenDemo(t)
	a := tui.New(tui.Deps{Store: s, Lang: model.JA, Clock: tuitest.Clock, NoColor: true, Staff: "佐藤 由美", Tick: tuitest.NoTick})
	tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("来館中")) && bytes.Contains(b, []byte("山田"))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(tuitest.Key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if _, err := io.ReadAll(tm.FinalOutput(t)); err != nil {
		t.Fatal(err)
	}
}

// Start-up reads only ホーム; another tab loads its data the first time it is shown.
func TestTabsLoadWhenFirstShown(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 80, 24)
	m, _ = tuitest.Keys(m, "5")
	if v := screen(m); !strings.Contains(v, "ECサイト商品説明文") {
		t.Fatalf("案件 did not load when shown:\n%s", v)
	}
	// the check-in search has focus on entering, even after esc left it
	m, _ = tuitest.Keys(m, "2", "esc", "1", "2")
	if m.(tui.App).Screen(tui.TabCheckin).Capturing() != true {
		t.Fatal("check-in search not focused on entering")
	}
}

func TestAuditViewerOpensAndCloses(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 80, 24)
	m, _ = tuitest.Keys(m, "A")
	v := screen(m)
	if !strings.Contains(v, "操作履歴") || !strings.Contains(v, "check_in") && !strings.Contains(v, "チェックイン") {
		t.Fatalf("audit viewer:\n%s", v)
	}
	m, _ = tuitest.Keys(m, "esc")
	if !strings.Contains(screen(m), "来館中") {
		t.Fatalf("esc should close the viewer:\n%s", screen(m))
	}
}

// A long message wraps instead of losing its end at 80 columns; esc clears it; the full help
// fits the width.
func TestStatusWrapsAndHelpFits(t *testing.T) {
	m := sized(t, newApp(t, tuitest.OpenDemo(t), model.JA, "佐藤 由美"), 80, 24)
	long := "個人情報を削除しました（子ども 2人分も）。古いバックアップには残っています（世代が入れ替わると消えます）。ファイルの空き領域は madoguchi compact で消せます"
	m, _ = tuitest.Send(m, common.StatusMsg{Text: long})
	v := screen(m)
	if !strings.Contains(v, "compact で消せます") {
		t.Fatalf("the end of a long status is lost:\n%s", v)
	}
	if got := strings.Count(v, "\n") + 1; got != 24 {
		t.Fatalf("%d lines", got)
	}
	m, _ = tuitest.Keys(m, "esc")
	if strings.Contains(screen(m), "compact") {
		t.Fatal("esc did not clear the message")
	}
	for _, tab := range []string{"alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6"} {
		m, _ = tuitest.Keys(m, tab, "esc", "?")
		for i, l := range strings.Split(screen(m), "\n") {
			if w := ansi.StringWidth(l); w > 80 {
				t.Errorf("%s full help: line %d is %d wide: %q", tab, i, w, l)
			}
		}
		m, _ = tuitest.Keys(m, "?")
	}
}
