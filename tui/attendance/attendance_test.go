package attendance_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

func TestListShowsTodaysSessionsAndCourses(t *testing.T) {
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	v := h.view(t)
	sized(t, v, 80, 20)
	for _, want := range []string{"本日の回 2件", "10:00-12:00 育成講座", "仕上げと振り返り", "記入 0/12", "13:30-15:30 OJT研修", "講座 令和8年度 3件", "テレワーク周知セミナー", "5回 受講12人", "10-28〜11-25"} {
		if !strings.Contains(v, want) {
			t.Errorf("list lacks %q:\n%s", want, v)
		}
	}
	if h.m().Current() != "list" {
		t.Errorf("starts on %s", h.m().Current())
	}
	// English
	h = open(t, tuitest.OpenDemo(t), model.EN, 80, 20)
	if v := h.view(t); !strings.Contains(v, "Today's sessions: 2") || !strings.Contains(v, "Courses FY2026: 3") || !strings.Contains(v, "basic course") {
		t.Errorf("English list:\n%s", v)
	}
}

// openRoll opens the first session of the demo day (the 育成講座's last session) from the list.
func openRoll(t *testing.T, lang model.Lang, w, hgt int) *host {
	t.Helper()
	h := open(t, tuitest.OpenDemo(t), lang, w, hgt)
	h.keys("enter")
	if h.m().Current() != "roll" || h.m().Roll().Session.Title != "仕上げと振り返り" {
		t.Fatalf("enter on the first session opened %s %+v", h.m().Current(), h.m().Roll().Session)
	}
	return h
}

func TestRollOneKeyPerMarkSavedAsPressed(t *testing.T) {
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h.keys("enter")
	se := h.m().Roll().Session
	names := []string{}
	for _, l := range h.m().Roll().Lines {
		names = append(names, l.Person.Name)
	}
	if len(names) != 12 || names[0] != "伊藤 さくら" {
		t.Fatalf("roll in reading order: %v", names)
	}
	// One key per person: each press saves at once and moves to the next person.
	keys := []string{"p", "l", "e", "a", "r"}
	want := []model.Mark{model.MarkPresent, model.MarkLate, model.MarkLeftEarly, model.MarkAbsent, model.MarkExcused}
	for i, k := range keys {
		h.keys(k)
		got := marksOf(t, s, se.ID)
		if len(got) != i+1 || got[names[i]].Mark != want[i] {
			t.Fatalf("after %q the store holds %+v", k, got)
		}
	}
	v := h.view(t)
	for _, w := range []string{"記入済 5 / 未記入 7", "出席", "遅刻", "早退", "欠席", "欠席(連絡あり)"} {
		if !strings.Contains(v, w) {
			t.Errorf("roll lacks %q:\n%s", w, v)
		}
	}
	if !strings.Contains(v, "> "+names[5]) {
		t.Errorf("the highlight did not move on to %s:\n%s", names[5], v)
	}
	// A mark can be changed: up to the absent person, p.
	h.keys("up", "up", "p")
	if got := marksOf(t, s, se.ID)[names[3]].Mark; got != model.MarkPresent {
		t.Errorf("changed mark = %s", got)
	}
	// u returns a person to unmarked (the record stays, without a mark).
	h.keys("up", "u")
	if got := marksOf(t, s, se.ID)[names[3]].Mark; got != model.MarkNone {
		t.Errorf("unmarked = %q", got)
	}
	// The marks survive a fresh screen on the same store.
	h2 := open(t, s, model.JA, 80, 20)
	h2.deliver(common.GotoMsg{Tab: 3, Payload: common.SessionPayload{SessionID: se.ID}})
	if m, u, _ := h2.m().Roll().Counts(); m != 4 || u != 8 {
		t.Errorf("a fresh roll counts %d marked, %d unmarked", m, u)
	}
	// Marks reach the audit log with the staff member.
	es, err := s.Audit(store.AuditFilter{Kind: model.KindAttendance})
	must(t, err)
	if len(es) < 7 || es[0].Staff != "佐藤 由美" {
		t.Errorf("audit entries %d, first %+v", len(es), es[0])
	}
}

func TestRollNoteNeedsCtrlS(t *testing.T) {
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h.keys("enter")
	se := h.m().Roll().Session
	first := h.m().Roll().Lines[0].Person.Name
	h.keys("m")
	if !h.m().Capturing() || h.m().Cursor() == nil {
		t.Fatal("m did not open the note field with a cursor")
	}
	// the note is written on the line under the person's row, where the eye already is
	lines := strings.Split(h.view(t), "\n")
	if c := h.m().Cursor(); c.Y < 1 || c.Y >= len(lines) || !strings.Contains(lines[c.Y], "メモ（"+first+"）") || !strings.Contains(lines[c.Y-1], first) {
		t.Errorf("note cursor on row %d, not under %s's row:\n%s", c.Y, first, strings.Join(lines, "\n"))
	}
	// letters are typed, not taken as marks; Enter (an IME confirm) does not save
	h.typ("pで遅れて来る").keys("enter")
	if len(marksOf(t, s, se.ID)) != 0 {
		t.Fatal("typing or Enter saved something")
	}
	if v := h.view(t); !strings.Contains(v, "メモ（伊藤 さくら）: pで遅れて来る") {
		t.Errorf("note field:\n%s", v)
	}
	h.keys("ctrl+s")
	got := marksOf(t, s, se.ID)[first]
	if got.Note != "pで遅れて来る" || got.Mark != model.MarkNone {
		t.Errorf("saved note %+v", got)
	}
	if h.m().Capturing() {
		t.Error("still capturing after ctrl+s")
	}
	// the mark keeps the note
	h.keys("p")
	if got := marksOf(t, s, se.ID)[first]; got.Note != "pで遅れて来る" || got.Mark != model.MarkPresent {
		t.Errorf("mark after note %+v", got)
	}
	// esc cancels a note
	h.keys("up", "m").typ("消える").keys("esc")
	if got := marksOf(t, s, se.ID)[first]; got.Note != "pで遅れて来る" {
		t.Errorf("esc saved the note: %+v", got)
	}
}

func TestRollWalkIn(t *testing.T) {
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h.keys("enter")
	se := h.m().Roll().Session
	h.keys("w")
	if !h.m().Capturing() {
		t.Fatal("w did not open the person search")
	}
	if v := h.view(t); !strings.Contains(v, "飛び入りを追加") {
		t.Errorf("search view:\n%s", v)
	}
	h.typ("kimura")
	if v := h.view(t); !strings.Contains(v, "木村 香織") {
		t.Fatalf("romaji search did not find 木村 香織:\n%s", v)
	}
	h.keys("enter")
	got := marksOf(t, s, se.ID)["木村 香織"]
	if got.Mark != model.MarkPresent || !got.WalkIn {
		t.Fatalf("walk-in mark %+v", got)
	}
	if h.m().Capturing() {
		t.Error("the search stayed open")
	}
	v := h.view(t)
	if !strings.Contains(v, "木村 香織") || !strings.Contains(v, "飛び入り") {
		t.Errorf("the roll lacks the walk-in:\n%s", v)
	}
	if !strings.Contains(h.status, "木村 香織さんを飛び入りで出席にしました") {
		t.Errorf("status %q", h.status)
	}
	// An enrolled person picked from the search is marked present, not added twice.
	h.keys("w").typ("いとう さくら").keys("enter")
	if got := marksOf(t, s, se.ID)["伊藤 さくら"]; got.Mark != model.MarkPresent || got.WalkIn {
		t.Errorf("enrolled person via the search: %+v", got)
	}
	if n := len(h.m().Roll().Lines); n != 13 {
		t.Errorf("roll has %d lines, want 12 enrolled + 1 walk-in", n)
	}
	// The list counts the enrolled people marked; the walk-in is not counted against the roll.
	h.keys("esc")
	if v := h.view(t); !strings.Contains(v, "記入 1/12") {
		t.Errorf("list after the walk-in:\n%s", v)
	}
}

func TestRollSuggestsCheckInsForCourse(t *testing.T) {
	s := tuitest.OpenDemo(t)
	ito := personNamed(t, s, "伊藤 さくら")
	_, err := s.CheckIn(ito.ID, model.PurposeCourse)
	must(t, err)
	h := open(t, s, model.JA, 80, 20)
	h.keys("enter")
	se := h.m().Roll().Session
	v := h.view(t)
	if !strings.Contains(v, "提案: 出席") || !strings.Contains(v, "提案 2（y で出席）") || !strings.Contains(v, "10:30 来館（講座）") {
		t.Errorf("no suggestion marker:\n%s", v)
	}
	if len(marksOf(t, s, se.ID)) != 0 {
		t.Fatal("a suggestion was saved without staff")
	}
	// y accepts the suggestions explicitly (the demo checked 高橋 恵子 in for 講座 too).
	h.keys("y")
	if got := marksOf(t, s, se.ID); len(got) != 2 || got["伊藤 さくら"].Mark != model.MarkPresent || got["高橋 恵子"].Mark != model.MarkPresent {
		t.Errorf("after y: %+v", got)
	}
	if v := h.view(t); strings.Contains(v, "提案: 出席") {
		t.Errorf("suggestion still shown:\n%s", v)
	}
	// With none left, y says so and writes nothing.
	h.keys("y")
	if !strings.Contains(h.status, "提案はありません") {
		t.Errorf("status %q", h.status)
	}
}

func TestReviewFromPayload(t *testing.T) {
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay}})
	if h.m().Current() != "review" {
		t.Fatalf("ReviewPayload opened %s", h.m().Current())
	}
	r := h.m().Review()
	if len(r.Sessions) != 2 || len(r.Here) != 5 || len(r.InCare) != 3 || len(r.Jobs) != 1 || len(r.NotArrived) == 0 {
		t.Errorf("review of the demo: %d sessions %d here %d in care %d not arrived %d jobs",
			len(r.Sessions), len(r.Here), len(r.InCare), len(r.NotArrived), len(r.Jobs))
	}
	v := h.view(t)
	sized(t, v, 80, 20)
	for _, want := range []string{"日次締め", "令和8年11月25日（水）", "出欠未記入 2", "未記入 12/12人", "来館中 5", "山田 花子", "お迎え未完了 3", "アレルギー", "予約未処理 4", "納期の案件 1", "ECサイト商品説明文", "超過"} {
		if !strings.Contains(v, want) {
			t.Errorf("review lacks %q:\n%s", want, v)
		}
	}
	// esc goes back to the list
	h.keys("esc")
	if h.m().Current() != "list" {
		t.Errorf("esc went to %s", h.m().Current())
	}
	// previous and next day
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay}}).keys("left")
	if d := h.m().Review().Date; d != demoDay.AddDays(-1) {
		t.Errorf("left went to %v", d)
	}
	h.keys("right", "right")
	if d := h.m().Review().Date; d != demoDay.AddDays(1) {
		t.Errorf("right went to %v", d)
	}
}

func TestReviewActsInPlace(t *testing.T) {
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay}})
	r := h.m().Review()

	// a session: enter opens its roll; marking there and esc comes back to a fresher review
	h.keys("enter")
	if h.m().Current() != "roll" || h.m().Roll().Session.ID != r.Sessions[0].Session.ID {
		t.Fatalf("enter on a session opened %s", h.m().Current())
	}
	h.keys("p", "esc")
	if h.m().Current() != "review" {
		t.Fatalf("esc from the roll went to %s", h.m().Current())
	}
	if n := len(h.m().Review().Sessions[0].Unmarked); n != 11 {
		t.Errorf("after one mark the review lists %d unmarked", n)
	}

	// a person still in: o checks them out (山田 has a child in care: asked first)
	h.keys("down", "down")
	if h.m().Review().Here[0].Person.Name != "山田 花子" {
		t.Fatalf("first here %+v", h.m().Review().Here[0].Person)
	}
	h.keys("o")
	if !h.m().Asking() || !strings.Contains(h.view(t), "お子さん（山田 陽翔）がまだキッズスペースにいます") {
		t.Fatalf("no question for a guardian with a child in care:\n%s", h.view(t))
	}
	h.keys("esc")
	if open, _ := s.OpenVisits(); len(open) != 5 {
		t.Fatalf("esc checked someone out")
	}
	h.keys("o", "y")
	if open, _ := s.OpenVisits(); len(open) != 4 {
		t.Errorf("after o y: %d still in", len(open))
	}
	if !strings.Contains(h.status, "山田 花子さんを退館にしました") {
		t.Errorf("status %q", h.status)
	}
	if n := len(h.m().Review().Here); n != 4 {
		t.Errorf("review lists %d here", n)
	}
	// a child: enter goes to the kids screen at the booking
	items := 2 + len(h.m().Review().Here)
	h = open(t, s, model.JA, 80, 20)
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay}})
	for range items - 1 {
		h.keys("down")
	}
	h.keys("down", "enter")
	child := h.m().Review().InCare[0]
	if len(h.gotos) != 1 || h.gotos[0].Tab != 2 || h.gotos[0].Payload != (common.PickupPayload{BookingID: child.Booking.ID}) {
		t.Errorf("enter on a child sent %+v, want kids tab at booking %d", h.gotos, child.Booking.ID)
	}
	// a job: enter goes to the jobs screen at the job
	n := len(h.m().Review().InCare) + len(h.m().Review().NotArrived)
	for range n {
		h.keys("down")
	}
	h.keys("enter")
	job := h.m().Review().Jobs[0]
	if len(h.gotos) != 2 || h.gotos[1].Tab != 4 || h.gotos[1].Payload != (common.JobPayload{JobID: job.Job.ID}) {
		t.Errorf("enter on a job sent %+v, want jobs tab at job %d", h.gotos, job.Job.ID)
	}
}

func TestReviewCheckOutEveryone(t *testing.T) {
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay}})
	h.keys("O")
	v := h.view(t)
	if !strings.Contains(v, "来館中の 5人を 10:30 で全員退館にしますか？") || !strings.Contains(v, "お子さんがまだキッズスペースにいます") {
		t.Errorf("question:\n%s", v)
	}
	h.keys("y")
	if open, _ := s.OpenVisits(); len(open) != 0 {
		t.Errorf("%d still in", len(open))
	}
	if len(h.m().Review().Here) != 0 {
		t.Errorf("review still lists people in")
	}
}

func TestCloseTheDayWithOpenItemsAsksFirst(t *testing.T) {
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay}})
	open := h.m().Review().Open()
	h.keys("c")
	if !h.m().Asking() {
		t.Fatal("c with open items did not ask")
	}
	v := h.view(t)
	if !strings.Contains(v, "未了の項目が "+strconv.Itoa(open)+"件あります。このまま締めますか？") || !strings.Contains(v, "- 来館中: 山田 花子") || !strings.Contains(v, "y 未了のまま締める") {
		t.Errorf("confirmation:\n%s", v)
	}
	h.keys("esc")
	if _, ok, _ := s.DayClosed(demoDay); ok {
		t.Fatal("esc closed the day")
	}
	h.keys("c", "y")
	dc, ok, err := s.DayClosed(demoDay)
	must(t, err)
	if !ok || dc.Staff != "佐藤 由美" || len(dc.LeftOpen) != open || !dc.At.Equal(tuitest.Now) {
		t.Fatalf("close %+v", dc)
	}
	if !strings.Contains(h.status, "を締めました") || !strings.Contains(h.status, "未了 "+strconv.Itoa(open)+"件を記録しました") {
		t.Errorf("status %q", h.status)
	}
	if v := h.view(t); !strings.Contains(v, "締め済み: 11-25 10:30 に 佐藤 由美さん（未了 "+strconv.Itoa(open)+"件を記録）") {
		t.Errorf("review after closing:\n%s", v)
	}
}

func TestCloseAClearDay(t *testing.T) {
	s := tuitest.OpenEmpty(t)
	h := open(t, s, model.EN, 80, 20)
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{}}) // zero date: today
	if h.m().Review().Date != demoDay || !h.m().Review().Clear() {
		t.Fatalf("review %+v", h.m().Review())
	}
	if v := h.view(t); !strings.Contains(v, "Nothing left open") || !strings.Contains(v, "c closes the day") {
		t.Errorf("clear review:\n%s", v)
	}
	h.keys("c")
	if h.m().Asking() {
		t.Fatal("a clear day asked for confirmation")
	}
	dc, ok, err := s.DayClosed(demoDay)
	must(t, err)
	if !ok || len(dc.LeftOpen) != 0 || dc.Staff != "佐藤 由美" {
		t.Errorf("close %+v %v", dc, ok)
	}
	if !strings.Contains(h.status, "Closed 2026-11-25") || !strings.Contains(h.status, "backup saved") {
		t.Errorf("status %q", h.status)
	}
	// closing the day leaves a checked backup beside the database
	if bs := s.BackupStatus(); bs.Err != nil || bs.LastGood.IsZero() || bs.Path == "" {
		t.Errorf("no backup after the close: %+v", bs)
	}
}

// selectedLine is the line of a view with the cursor ("> ") on it.
func selectedLine(t *testing.T, v string) string {
	t.Helper()
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "> ") {
			return l
		}
	}
	t.Fatalf("no selected line:\n%s", v)
	return ""
}

// An allergy note is never hidden: the child's row keeps its mark, in the same column, when the
// cursor is on it, in both languages and at both sizes.
func TestReviewSelectedChildKeepsAllergyMark(t *testing.T) {
	for _, tc := range []struct {
		lang model.Lang
		w, h int
		mark string
	}{{model.JA, 80, 20, "アレルギー"}, {model.EN, 80, 20, "allergy"}, {model.JA, 120, 36, "アレルギー"}, {model.EN, 120, 36, "allergy"}} {
		h := reviewForGolden(t, tc.lang, tc.w, tc.h)
		r := h.m().Review()
		before := len(r.Sessions) + len(r.Here)
		for range before {
			h.keys("down")
		}
		for i, b := range r.InCare {
			v := h.view(t)
			sized(t, v, tc.w, tc.h)
			sel := selectedLine(t, v)
			if !strings.Contains(sel, b.Child.DisplayName()) {
				t.Fatalf("%s %d: cursor on %q, want %s", tc.lang, tc.w, sel, b.Child.DisplayName())
			}
			if got := strings.Contains(sel, tc.mark); got != b.Child.HasAllergy() {
				t.Errorf("%s %dx%d: selected child %d (%s, allergy %v) shows the mark: %v\n%s", tc.lang, tc.w, tc.h, i, b.Child.DisplayName(), b.Child.HasAllergy(), got, v)
			}
			if b.Child.HasAllergy() {
				// the same column as on the row without the cursor (taken from the other view)
				h.keys("up")
				plain := strings.Split(h.view(t), "\n")
				h.keys("down")
				for _, l := range plain {
					if strings.Contains(l, b.Child.DisplayName()) && ansiIndex(l, tc.mark) != ansiIndex(sel, tc.mark) {
						t.Errorf("%s %d: the mark moves when selected:\n%q\n%q", tc.lang, tc.w, l, sel)
					}
				}
			}
			h.keys("down")
		}
	}
}

// ansiIndex is the display column where sub starts in l, or -1.
func ansiIndex(l, sub string) int {
	i := strings.Index(l, sub)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(l[:i])
}

// The question asked before checking out a guardian whose child is still in care is read in
// full at 80 columns, JA and EN: nothing cut, every line within the width, and y's meaning said.
// A long name wraps onto another line instead of pushing the question off the screen.
func TestReviewCheckOutQuestionFitsAt80(t *testing.T) {
	for _, tc := range []struct {
		lang      model.Lang
		long      bool
		name      string
		want      []string
		yes       string
		wantLines int
	}{
		{model.JA, false, "山田 花子", []string{"山田 花子さんのお子さん（山田 陽翔）がまだキッズスペースにいます。", "山田 花子さんをこのまま退館にしますか？（お子さんはキッズスペースに残ります）"}, "y このまま退館", 2},
		{model.EN, false, "山田 花子", []string{"山田 花子's child (山田 陽翔) is still in the kids space.", "Check 山田 花子 out anyway? (The child stays in the kids space.)"}, "y check out anyway", 2},
		{model.JA, true, "山田 花子 アレクサンドラ 長谷川", []string{"山田 花子 アレクサンドラ 長谷川さんのお子さん（山田 陽翔）がまだキッズスペースにいます。", "山田 花子 アレクサンドラ 長谷川さんをこのまま退館にしますか？（お子さんはキッズスペースに残ります）"}, "y このまま退館", 4},
		{model.EN, true, "山田 花子 アレクサンドラ 長谷川", []string{"山田 花子 アレクサンドラ 長谷川's child (山田 陽翔) is still in the kids space.", "Check 山田 花子 アレクサンドラ 長谷川 out anyway? (The child stays in the kids space.)"}, "y check out anyway", 3},
	} {
		s := tuitest.OpenDemo(t)
		if tc.long {
			p := personNamed(t, s, "山田 花子")
			p.Name = tc.name
			_, err := s.UpdatePerson(p)
			must(t, err)
		}
		h := open(t, s, tc.lang, 80, 20)
		h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay}})
		h.keys("down", "down")
		if got := h.m().Review().Here[0].Person.Name; got != tc.name {
			t.Fatalf("first here is %s, want %s", got, tc.name)
		}
		h.keys("o")
		if !h.m().Asking() {
			t.Fatalf("%s: no question", tc.lang)
		}
		v := h.view(t)
		sized(t, v, 80, 20)
		lines := strings.Split(v, "\n")
		if strings.Contains(v, "~") {
			t.Errorf("%s: the question is cut:\n%s", tc.lang, v)
		}
		// the question's lines run up to the blank line; joined, they are the whole question
		var title []string
		for _, l := range lines {
			if l == "" {
				break
			}
			title = append(title, l)
		}
		if len(title) != tc.wantLines {
			t.Errorf("%s: the question takes %d lines, want %d:\n%s", tc.lang, len(title), tc.wantLines, v)
		}
		sep := ""
		if tc.lang == model.EN {
			sep = " "
		}
		joined := strings.Join(title, sep)
		for _, w := range tc.want {
			if !strings.Contains(joined, w) {
				t.Errorf("%s: the question lacks %q:\n%s", tc.lang, w, v)
			}
		}
		if !strings.Contains(v, tc.yes) {
			t.Errorf("%s: y's meaning %q not shown:\n%s", tc.lang, tc.yes, v)
		}
		// Japanese breaks where a phrase ends: the question, then the bracket on a line of its own
		if tc.lang == model.JA && tc.long {
			if got := strings.TrimRight(title[len(title)-1], " "); got != "（お子さんはキッズスペースに残ります）" {
				t.Errorf("the question's last line %q:\n%s", got, v)
			}
		}
	}
}

// On the day after, people still in and children still in care are from the day before: their
// date goes before the time and the columns widen, so no time is cut.
func TestReviewOfTheNextDayShowsWholeTimes(t *testing.T) {
	for _, tc := range []struct {
		lang model.Lang
		want []string
	}{
		{model.JA, []string{"新井 健一        11-25 10:10〜 見学", "山田 陽翔    11-25 9:00-12:00 保護者 山田 花子", "前日から", "アレルギー"}},
		{model.EN, []string{"新井 健一        11-25 10:10- tour", "山田 陽翔    11-25 9:00-12:00 guardian 山田 花子", "from before", "allergy"}},
	} {
		h := open(t, tuitest.OpenDemo(t), tc.lang, 80, 20)
		h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay.AddDays(1)}})
		v := h.view(t)
		sized(t, v, 80, 20)
		if strings.Contains(v, "~") {
			t.Errorf("%s: something is cut:\n%s", tc.lang, v)
		}
		for _, w := range tc.want {
			if !strings.Contains(v, w) {
				t.Errorf("%s: lacks %q:\n%s", tc.lang, w, v)
			}
		}
	}
}
