package attendance_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

func TestCreateCourseAndSeries(t *testing.T) {
	s := tuitest.OpenEmpty(t)
	h := open(t, s, model.JA, 80, 20)
	if v := h.view(t); !strings.Contains(v, "講座はまだありません") {
		t.Errorf("empty list:\n%s", v)
	}
	h.keys("n")
	if !h.m().Capturing() {
		t.Fatal("n did not open the course form")
	}
	if c := h.m().Cursor(); c == nil || c.Y != 2 {
		t.Errorf("cursor %+v, want on the first field (row 2)", c)
	}
	// the year is filled in with this 年度; kind and name are typed; Enter only moves on
	h.typ("育成講座").keys("enter").typ("育成講座 第3期").keys("enter")
	if cs, _ := s.CourseList(); len(cs) != 0 {
		t.Fatal("Enter saved the form")
	}
	// a bad rule is refused beside its field, and nothing is written
	h.keys("enter").typ("全部")
	h.keys("ctrl+s")
	if v := h.view(t); !strings.Contains(v, "修了に必要な回数は0〜100です") {
		t.Errorf("no field error:\n%s", v)
	}
	if cs, _ := s.CourseList(); len(cs) != 0 {
		t.Fatal("a refused form wrote a course")
	}
	h.keys("backspace", "backspace").typ("4").keys("ctrl+s")
	cs, err := s.CourseList()
	must(t, err)
	if len(cs) != 1 || cs[0].Course.Name != "育成講座 第3期" || cs[0].Course.Kind != model.CourseBasic || cs[0].Course.FiscalYear != 2026 || cs[0].Course.MinSessions != 4 {
		t.Fatalf("courses %+v", cs)
	}
	if h.m().Current() != "course" || h.m().Capturing() {
		t.Fatalf("after saving: %s (capturing %v)", h.m().Current(), h.m().Capturing())
	}
	if v := h.view(t); !strings.Contains(v, "回がまだありません") || !strings.Contains(v, "修了: 4回以上出席で修了") {
		t.Errorf("new course view:\n%s", v)
	}

	// five sessions from five titles, weekly from the date given
	h.keys("s")
	if !h.m().Capturing() {
		t.Fatal("s did not open the series form")
	}
	for range 5 { // from → titles
		h.keys("tab")
	}
	h.typ("PC基礎、業務ツール活用、SNSマーケティング、WEBライティング、仕上げと振り返り").keys("tab").typ("多目的室").keys("ctrl+s")
	sheet := h.m().Sheet()
	if len(sheet.Sessions) != 5 || sheet.Sessions[0].Date != demoDay || sheet.Sessions[4].Date != demoDay.AddDays(28) || sheet.Sessions[2].Title != "SNSマーケティング" || sheet.Sessions[0].Place != "多目的室" {
		t.Fatalf("sessions %+v", sheet.Sessions)
	}
	if !strings.Contains(h.status, "5回を追加しました") {
		t.Errorf("status %q", h.status)
	}
	// the next series starts a week after the last session, at its times
	h.keys("s")
	if v := h.view(t); !strings.Contains(v, demoDay.AddDays(35).String()) || !strings.Contains(v, "10:00") {
		t.Errorf("series defaults:\n%s", v)
	}
	h.keys("tab").typ("2").keys("tab", "tab", "tab", "tab").typ("補講").keys("ctrl+s")
	if n := len(h.m().Sheet().Sessions); n != 7 {
		t.Errorf("%d sessions after a second series", n)
	}
	// a session without marks can be deleted (asked first)
	h.keys("up", "up", "up", "up", "up", "up", "up", "up", "delete")
	if !h.m().Asking() {
		t.Fatal("delete did not ask")
	}
	h.keys("y")
	if n := len(h.m().Sheet().Sessions); n != 6 {
		t.Errorf("%d sessions after deleting one", n)
	}
	// edit the course: its name
	h.keys("e")
	if v := h.view(t); !strings.Contains(v, "講座を編集") || !strings.Contains(v, "育成講座 第3期") {
		t.Errorf("edit form:\n%s", v)
	}
	h.keys("tab").typ("（改）").keys("ctrl+s")
	if c := h.m().Sheet().Course; c.Name != "育成講座 第3期(改)" {
		t.Errorf("renamed %q", c.Name)
	}
}

// openOJT opens the demo's OJT course from the list (sessions 2, then seminar, basic, OJT).
func openOJT(t *testing.T, lang model.Lang) *host {
	t.Helper()
	h := open(t, tuitest.OpenDemo(t), lang, 80, 20)
	h.keys("down", "down", "down", "down", "enter")
	if h.m().Current() != "course" || h.m().Sheet().Course.Kind != model.CourseOJT {
		t.Fatalf("opened %s %+v", h.m().Current(), h.m().Sheet().Course)
	}
	return h
}

func TestEnrolInOJTWarnsWithoutBasicCourse(t *testing.T) {
	h := openOJT(t, model.JA)
	before := len(h.m().Sheet().People)
	// 伊藤 さくら has not completed the 育成講座: a warning, staff may go on
	h.keys("i").typ("itou sakura").keys("enter")
	if !h.m().Asking() {
		t.Fatalf("no warning:\n%s", h.view(t))
	}
	v := h.view(t)
	if !strings.Contains(v, "伊藤 さくらさんは育成講座を修了していません") || !strings.Contains(v, "y 登録する") {
		t.Errorf("warning:\n%s", v)
	}
	h.keys("y")
	if n := len(h.m().Sheet().People); n != before+1 {
		t.Fatalf("%d people after enrolling, want %d", n, before+1)
	}
	// the search stays open for the next person; 小林 愛 completed the 育成講座: no warning
	if !h.m().Capturing() {
		t.Fatal("the search closed after enrolling")
	}
	h.typ("こばやし").keys("enter")
	if h.m().Asking() {
		t.Fatalf("warned for someone who completed the 育成講座:\n%s", h.view(t))
	}
	if n := len(h.m().Sheet().People); n != before+2 {
		t.Errorf("%d people after the second enrolment", n)
	}
	// someone already enrolled is not enrolled twice
	h.typ("やまだ はなこ").keys("enter")
	if !strings.Contains(h.status, "すでに登録されています") {
		t.Errorf("status %q", h.status)
	}
	h.keys("esc")
	if h.m().Capturing() || h.m().Current() != "course" {
		t.Errorf("esc left %s capturing=%v", h.m().Current(), h.m().Capturing())
	}
}

func TestWithdrawAsksAndKeepsMarks(t *testing.T) {
	h := openOJT(t, model.JA)
	sheet := h.m().Sheet()
	first := sheet.People[0]
	for range len(sheet.Sessions) {
		h.keys("down")
	}
	h.keys("x")
	if !h.m().Asking() || !strings.Contains(h.view(t), first.Person.Name+"さんを OJT研修 スキルアップ から退講にしますか？") {
		t.Fatalf("no question:\n%s", h.view(t))
	}
	h.keys("y")
	var got *struct{ active bool }
	for _, l := range h.m().Sheet().People {
		if l.Person.ID == first.Person.ID {
			got = &struct{ active bool }{l.Active()}
			if l.Progress.Attended != first.Progress.Attended {
				t.Errorf("withdrawing lost marks: %+v → %+v", first.Progress, l.Progress)
			}
		}
	}
	if got == nil || got.active {
		t.Errorf("%s still enrolled (%v)", first.Person.Name, got)
	}
	if v := h.view(t); !strings.Contains(v, "退講") {
		t.Errorf("no withdrawn tag:\n%s", v)
	}
}

func TestCourseViewShowsProgress(t *testing.T) {
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	h.keys("down", "down", "down", "enter") // the 育成講座
	v := h.view(t)
	sized(t, v, 80, 20)
	for _, want := range []string{"令和8年度 育成講座 第2期", "4回以上出席で修了（全5回）", "回 5件", "PC基礎", "受講者 12人（修了 1人）", "4/5 修了"} {
		if !strings.Contains(v, want) {
			t.Errorf("course view lacks %q:\n%s", want, v)
		}
	}
	// enter on a session takes its roll; esc comes back
	h.keys("up", "up", "up", "enter")
	if h.m().Current() != "roll" || h.m().Roll().Session.Title != "PC基礎" {
		t.Fatalf("enter opened %s %q", h.m().Current(), h.m().Roll().Session.Title)
	}
	h.keys("esc")
	if h.m().Current() != "course" {
		t.Errorf("esc went to %s", h.m().Current())
	}
}

func TestSessionPayloadOpensTheRoll(t *testing.T) {
	s := tuitest.OpenDemo(t)
	ss, err := s.SessionsOn(demoDay)
	must(t, err)
	h := open(t, s, model.EN, 80, 20)
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.SessionPayload{SessionID: ss[1].ID}})
	if h.m().Current() != "roll" || h.m().Roll().Session.ID != ss[1].ID {
		t.Fatalf("payload opened %s", h.m().Current())
	}
	if v := h.view(t); !strings.Contains(v, "marked 0 / unmarked 4") {
		t.Errorf("English roll:\n%s", v)
	}
	h.keys("esc")
	if h.m().Current() != "list" {
		t.Errorf("esc went to %s", h.m().Current())
	}
}

// ---- goldens of the stripped body: 80×20 is the body of an 80×24 terminal, 120×36 of 120×40 ----

func rollForGolden(t *testing.T, lang model.Lang, w, hgt int) *host {
	t.Helper()
	s := tuitest.OpenDemo(t)
	for _, n := range []string{"高橋 恵子", "強矢 千春"} { // checked in for the course: suggested
		p := personNamed(t, s, n)
		if n == "高橋 恵子" {
			_, err := s.CheckOut(p.ID) // in for coworking; back in for the course
			must(t, err)
		}
		_, err := s.CheckIn(p.ID, model.PurposeCourse)
		must(t, err)
	}
	h := open(t, s, lang, w, hgt)
	h.keys("enter", "p", "l", "e", "up", "m").typ("体調不良で早退").keys("ctrl+s", "down", "a", "r", "w").typ("kimura kaori").keys("enter")
	return h
}

func TestGoldenRoll80x24(t *testing.T) {
	v := rollForGolden(t, model.JA, 80, 20).view(t)
	sized(t, v, 80, 20)
	golden.RequireEqual(t, []byte(v))
}

func TestGoldenRoll120x40(t *testing.T) {
	v := rollForGolden(t, model.JA, 120, 36).view(t)
	sized(t, v, 120, 36)
	golden.RequireEqual(t, []byte(v))
}

func TestGoldenRoll80x24English(t *testing.T) {
	v := rollForGolden(t, model.EN, 80, 20).view(t)
	sized(t, v, 80, 20)
	golden.RequireEqual(t, []byte(v))
}

func reviewForGolden(t *testing.T, lang model.Lang, w, hgt int) *host {
	t.Helper()
	h := open(t, tuitest.OpenDemo(t), lang, w, hgt)
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay}})
	return h
}

func TestGoldenReview80x24(t *testing.T) {
	v := reviewForGolden(t, model.JA, 80, 20).view(t)
	sized(t, v, 80, 20)
	golden.RequireEqual(t, []byte(v))
}

func TestGoldenReview120x40(t *testing.T) {
	v := reviewForGolden(t, model.JA, 120, 36).view(t)
	sized(t, v, 120, 36)
	golden.RequireEqual(t, []byte(v))
}

func TestGoldenReview80x24English(t *testing.T) {
	v := reviewForGolden(t, model.EN, 80, 20).view(t)
	sized(t, v, 80, 20)
	golden.RequireEqual(t, []byte(v))
}

func TestGoldenReviewClose80x24(t *testing.T) {
	h := reviewForGolden(t, model.JA, 80, 20)
	h.keys("c")
	v := h.view(t)
	sized(t, v, 80, 20)
	golden.RequireEqual(t, []byte(v))
}

func TestGoldenList80x24(t *testing.T) {
	v := open(t, tuitest.OpenDemo(t), model.JA, 80, 20).view(t)
	golden.RequireEqual(t, []byte(v))
}

func TestGoldenCourse80x24(t *testing.T) {
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	h.keys("down", "down", "down", "enter")
	golden.RequireEqual(t, []byte(h.view(t)))
}
