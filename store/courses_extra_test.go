package store_test

import (
	"errors"
	"testing"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// ---- helpers for the attendance tests (prefixed cx… so they never clash) ----

func cxMark(t *testing.T, s *store.Store, se model.Session, p model.Person, m model.Mark, note string) model.Attendance {
	t.Helper()
	a, err := model.NewAttendance(se.ID, p.ID, m, note)
	must(t, err)
	a, err = s.SetMark(a)
	must(t, err)
	return a
}

func cxSessions(t *testing.T, s *store.Store, ss ...model.Session) []model.Session {
	t.Helper()
	out, err := s.CreateSessions(ss)
	must(t, err)
	return out
}

func cxEnrol(t *testing.T, s *store.Store, c model.Course, ps ...model.Person) {
	t.Helper()
	for _, p := range ps {
		_, err := s.Enroll(c.ID, p.ID)
		must(t, err)
	}
}

func cxNames(ls []store.RollLine) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Person.Name)
	}
	return out
}

func TestRoll(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:00"))
	s := openTest(t, c)
	course := newCourse(t, s, model.CourseBasic, "育成講座 第1期")
	other := newCourse(t, s, model.CourseOJT, "OJT研修")
	ss := cxSessions(t, s, sessionOf(t, course.ID, day, "10:00", "12:00", "PC基礎"), sessionOf(t, other.ID, day, "13:30", "15:30", "目標設定"))
	se := ss[0]
	yamada := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTrainee)
	suzuki := newPerson(t, s, "鈴木 一郎", "すずき いちろう", model.RoleTrainee)
	ito := newPerson(t, s, "伊藤 さくら", "いとう さくら", model.RoleTrainee)
	gone := newPerson(t, s, "加藤 明美", "かとう あけみ", model.RoleTrainee)
	walk := newPerson(t, s, "木村 香織", "きむら かおり")
	cxEnrol(t, s, course, yamada, suzuki, ito, gone)
	must(t, s.Withdraw(course.ID, gone.ID))

	// Check-ins: 山田 for 講座 (suggested), 伊藤 for coworking (not), 木村 for 講座 but not enrolled (not).
	c.Set(at(day, "9:50"))
	for _, ci := range []struct {
		p model.Person
		u model.Purpose
	}{{yamada, model.PurposeCourse}, {ito, model.PurposeCoworking}, {walk, model.PurposeCourse}} {
		_, err := s.CheckIn(ci.p.ID, ci.u)
		must(t, err)
	}

	r, err := s.Roll(se.ID)
	must(t, err)
	if r.Session.ID != se.ID || r.Course.ID != course.ID {
		t.Fatalf("roll of %+v / %+v", r.Session, r.Course)
	}
	equal(t, "enrolled in reading order, withdrawn left out", cxNames(r.Lines), []string{"伊藤 さくら", "鈴木 一郎", "山田 花子"})
	for _, l := range r.Lines {
		if !l.Enrolled || l.Attendance.Mark != model.MarkNone || l.Attendance.SessionID != se.ID || l.Attendance.PersonID != l.Person.ID {
			t.Errorf("line %+v", l)
		}
		if want := l.Person.ID == yamada.ID; l.Suggested != want {
			t.Errorf("%s suggested = %v, want %v", l.Person.Name, l.Suggested, want)
		}
	}
	if l := r.Lines[2]; !l.CheckedIn.Equal(at(day, "9:50")) {
		t.Errorf("suggestion's check-in %v", l.CheckedIn)
	}
	if m, u, sg := r.Counts(); m != 0 || u != 3 || sg != 1 {
		t.Errorf("Counts = %d %d %d", m, u, sg)
	}
	// The suggestion never became a mark: nothing was written for it.
	if as, _ := s.AttendanceOf(se.ID); len(as) != 0 {
		t.Errorf("the roll wrote marks: %+v", as)
	}

	// Marks: a marked person is no longer suggested; a walk-in and the withdrawn person marked
	// come after the enrolled, tagged.
	c.Set(at(day, "10:05"))
	cxMark(t, s, se, yamada, model.MarkPresent, "")
	cxMark(t, s, se, suzuki, model.MarkLate, "電車遅延")
	w := cxMark(t, s, se, walk, model.MarkPresent, "")
	if !w.WalkIn {
		t.Error("an unenrolled person was not marked as a walk-in")
	}
	g := cxMark(t, s, se, gone, model.MarkExcused, "")
	if !g.WalkIn {
		t.Error("a withdrawn person was not marked as a walk-in")
	}
	r, err = s.Roll(se.ID)
	must(t, err)
	equal(t, "walk-ins after the enrolled", cxNames(r.Lines), []string{"伊藤 さくら", "鈴木 一郎", "山田 花子", "加藤 明美", "木村 香織"})
	if r.Lines[2].Suggested || r.Lines[2].Attendance.Mark != model.MarkPresent {
		t.Errorf("山田 after marking: %+v", r.Lines[2])
	}
	if r.Lines[1].Attendance.Note != "電車遅延" || r.Lines[1].Attendance.Mark != model.MarkLate {
		t.Errorf("鈴木's mark and note: %+v", r.Lines[1].Attendance)
	}
	if r.Lines[3].Enrolled || r.Lines[4].Enrolled || !r.Lines[4].Attendance.WalkIn {
		t.Errorf("walk-in lines %+v / %+v", r.Lines[3], r.Lines[4])
	}
	if m, u, sg := r.Counts(); m != 4 || u != 1 || sg != 0 {
		t.Errorf("Counts after marking = %d %d %d", m, u, sg)
	}
	// The other course's roll is untouched (木村 came for 講座 but is enrolled in neither).
	r2, err := s.Roll(ss[1].ID)
	must(t, err)
	if len(r2.Lines) != 0 {
		t.Errorf("OJT roll %v", cxNames(r2.Lines))
	}
	if _, err := s.Roll(999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Roll(999) = %v", err)
	}
}

func TestSetMarkChangesAndNotes(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "10:00"))
	s := openTest(t, c)
	course := newCourse(t, s, model.CourseBasic, "育成講座")
	se := cxSessions(t, s, sessionOf(t, course.ID, day, "10:00", "12:00", "PC基礎"))[0]
	p := newPerson(t, s, "山田 花子", "やまだ はなこ")
	cxEnrol(t, s, course, p)
	w := watchAudit(t, s)
	key := ref(se.ID) + "/" + ref(p.ID)

	cxMark(t, s, se, p, model.MarkAbsent, "")
	w.expect(want{"mark", model.KindAttendance, key})
	c.Set(at(day, "10:20"))
	a := cxMark(t, s, se, p, model.MarkLate, "10:20 着")
	es := w.expect(want{"mark", model.KindAttendance, key})
	if es[0].Before != "absent" || es[0].After != "late 10:20 着" {
		t.Errorf("audit of a change: before %q after %q", es[0].Before, es[0].After)
	}
	if !a.Updated.Equal(at(day, "10:20")) || a.WalkIn {
		t.Errorf("changed mark %+v", a)
	}
	// Back to unmarked: the record stays (with its note) but counts as unmarked.
	cxMark(t, s, se, p, model.MarkNone, "10:20 着")
	w.expect(want{"mark", model.KindAttendance, key})
	ds, err := s.DaySessions(day)
	must(t, err)
	if len(ds) != 1 || ds[0].Marked != 0 || ds[0].Unmarked != 1 || ds[0].Enrolled != 1 {
		t.Errorf("DaySessions after unmarking: %+v", ds)
	}
	// An unknown mark is refused without a write.
	refused(t, s, model.ErrInvalid, func() error {
		_, err := s.SetMark(model.Attendance{SessionID: se.ID, PersonID: p.ID, Mark: "maybe"})
		return err
	})
}

func TestSetMarksIsOneTransaction(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "10:00")))
	course := newCourse(t, s, model.CourseBasic, "育成講座")
	se := cxSessions(t, s, sessionOf(t, course.ID, day, "10:00", "12:00", "PC基礎"))[0]
	a := newPerson(t, s, "山田 花子", "やまだ はなこ")
	b := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	cxEnrol(t, s, course, a, b)
	w := watchAudit(t, s)
	got, err := s.SetMarks([]model.Attendance{
		{SessionID: se.ID, PersonID: a.ID, Mark: model.MarkPresent},
		{SessionID: se.ID, PersonID: b.ID, Mark: model.MarkPresent},
	})
	must(t, err)
	w.expect(want{"mark", model.KindAttendance, ref(se.ID) + "/" + ref(a.ID)}, want{"mark", model.KindAttendance, ref(se.ID) + "/" + ref(b.ID)})
	if len(got) != 2 || got[1].Updated.IsZero() {
		t.Errorf("SetMarks returned %+v", got)
	}
	// One unknown person refuses the whole batch.
	refused(t, s, model.ErrNotFound, func() error {
		_, err := s.SetMarks([]model.Attendance{
			{SessionID: se.ID, PersonID: a.ID, Mark: model.MarkLate},
			{SessionID: se.ID, PersonID: 999, Mark: model.MarkPresent},
		})
		return err
	})
	as, _ := s.AttendanceOf(se.ID)
	if len(as) != 2 || as[0].Mark != model.MarkPresent {
		t.Errorf("after a refused batch %+v", as)
	}
}

func TestDaySessionsAndCourseList(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	basic := newCourse(t, s, model.CourseBasic, "育成講座")
	ojt := newCourse(t, s, model.CourseOJT, "OJT研修")
	old, err := s.CreateCourse(model.Course{Kind: model.CourseSeminar, Name: "昨年度のセミナー", FiscalYear: 2024})
	must(t, err)
	seminar := newCourse(t, s, model.CourseSeminar, "周知セミナー")
	ss := cxSessions(t, s,
		sessionOf(t, basic.ID, day.AddDays(-7), "10:00", "12:00", "PC基礎"),
		sessionOf(t, basic.ID, day, "10:00", "12:00", "業務ツール"),
		sessionOf(t, ojt.ID, day, "13:30", "15:30", "目標設定"),
		sessionOf(t, basic.ID, day.AddDays(7), "10:00", "12:00", "SNS"))
	a := newPerson(t, s, "山田 花子", "やまだ はなこ")
	b := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	cc := newPerson(t, s, "木村 香織", "きむら かおり")
	cxEnrol(t, s, basic, a, b, cc)
	must(t, s.Withdraw(basic.ID, cc.ID))
	cxMark(t, s, ss[1], a, model.MarkPresent, "")
	cxMark(t, s, ss[1], cc, model.MarkPresent, "") // withdrawn, marked: a walk-in

	ds, err := s.DaySessions(day)
	must(t, err)
	if len(ds) != 2 || ds[0].Session.ID != ss[1].ID || ds[1].Session.ID != ss[2].ID || ds[0].Course.ID != basic.ID {
		t.Fatalf("DaySessions = %+v", ds)
	}
	if ds[0].Enrolled != 2 || ds[0].Marked != 2 || ds[0].Unmarked != 1 {
		t.Errorf("basic today: %+v", ds[0])
	}
	if ds[1].Enrolled != 0 || ds[1].Marked != 0 || ds[1].Unmarked != 0 {
		t.Errorf("OJT today: %+v", ds[1])
	}

	cl, err := s.CourseList()
	must(t, err)
	var ids []uint64
	for _, l := range cl {
		ids = append(ids, l.Course.ID)
	}
	equal(t, "newest 年度 first, then programme order", ids, []uint64{seminar.ID, basic.ID, ojt.ID, old.ID})
	if l := cl[1]; l.Sessions != 3 || l.Enrolled != 2 || l.First != day.AddDays(-7) || l.Last != day.AddDays(7) {
		t.Errorf("basic line %+v", l)
	}
	if l := cl[0]; l.Sessions != 0 || !l.First.IsZero() {
		t.Errorf("seminar line %+v", l)
	}
}

func TestCourseSheet(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	basic := newCourse(t, s, model.CourseBasic, "育成講座") // default rule: 4 of 5
	var ins []model.Session
	for i, title := range []string{"PC基礎", "業務ツール", "SNS", "ライティング", "振り返り"} {
		ins = append(ins, sessionOf(t, basic.ID, day.AddDays(7*(i-4)), "10:00", "12:00", title))
	}
	ss := cxSessions(t, s, ins[4], ins[0], ins[2], ins[1], ins[3]) // out of order on purpose
	a := newPerson(t, s, "山田 花子", "やまだ はなこ")
	b := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	w := newPerson(t, s, "木村 香織", "きむら かおり")
	x := newPerson(t, s, "伊藤 さくら", "いとう さくら")
	cxEnrol(t, s, basic, a, b, x)
	must(t, s.Withdraw(basic.ID, x.ID))
	byTitle := map[string]model.Session{}
	for _, se := range ss {
		byTitle[se.Title] = se
	}
	for title, m := range map[string]model.Mark{"PC基礎": model.MarkPresent, "業務ツール": model.MarkLate, "SNS": model.MarkLeftEarly, "ライティング": model.MarkExcused, "振り返り": model.MarkPresent} {
		cxMark(t, s, byTitle[title], a, m, "")
	}
	for title, m := range map[string]model.Mark{"PC基礎": model.MarkPresent, "業務ツール": model.MarkAbsent, "SNS": model.MarkPresent} {
		cxMark(t, s, byTitle[title], b, m, "")
	}
	cxMark(t, s, byTitle["SNS"], w, model.MarkPresent, "")
	cxMark(t, s, byTitle["PC基礎"], x, model.MarkPresent, "")

	cs, err := s.CourseSheet(basic.ID)
	must(t, err)
	var titles []string
	for _, se := range cs.Sessions {
		titles = append(titles, se.Title)
	}
	equal(t, "sessions in date order", titles, []string{"PC基礎", "業務ツール", "SNS", "ライティング", "振り返り"})
	var names []string
	for _, l := range cs.People {
		names = append(names, l.Person.Name)
	}
	equal(t, "enrolled, withdrawn, walk-ins", names, []string{"鈴木 一郎", "山田 花子", "伊藤 さくら", "木村 香織"})
	equal(t, "山田: 4 attended of 5 completes", cs.People[1].Progress, model.CourseProgress{Attended: 4, Total: 5, Needed: 4, Completed: true})
	equal(t, "鈴木: 2 of 5", cs.People[0].Progress, model.CourseProgress{Attended: 2, Total: 5, Needed: 4})
	if cs.People[1].Marks[3].Mark != model.MarkExcused || cs.People[0].Marks[4].Mark != model.MarkNone || len(cs.People[0].Marks) != 5 {
		t.Errorf("marks aligned with sessions: %+v / %+v", cs.People[1].Marks, cs.People[0].Marks)
	}
	if !cs.People[0].Active() || cs.People[2].Active() || !cs.People[2].Enrolled || cs.People[3].Enrolled {
		t.Errorf("enrolment flags %+v", cs.People)
	}
	if cs.Attended(0) != 3 || cs.Attended(1) != 1 || cs.Attended(2) != 3 || cs.Attended(3) != 0 {
		t.Errorf("attended per session %d %d %d %d", cs.Attended(0), cs.Attended(1), cs.Attended(2), cs.Attended(3))
	}
	if _, err := s.CourseSheet(999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("CourseSheet(999) = %v", err)
	}
}

func TestEnrolCheck(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	basic := newCourse(t, s, model.CourseBasic, "育成講座") // 4 of 5 completes
	ojt := newCourse(t, s, model.CourseOJT, "OJT研修")
	seminar := newCourse(t, s, model.CourseSeminar, "周知セミナー")
	var ins []model.Session
	for i := range 5 {
		ins = append(ins, sessionOf(t, basic.ID, day.AddDays(-7*i), "10:00", "12:00", "回"))
	}
	ss := cxSessions(t, s, ins...)
	done := newPerson(t, s, "山田 花子", "やまだ はなこ")
	half := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	none := newPerson(t, s, "木村 香織", "きむら かおり")
	cxEnrol(t, s, basic, done, half)
	for i, se := range ss {
		if i < 4 {
			cxMark(t, s, se, done, model.MarkPresent, "")
		}
		if i < 3 {
			cxMark(t, s, se, half, model.MarkLate, "")
		}
	}
	w := watchAudit(t, s)
	check := func(c model.Course, p model.Person) (model.Text, bool) {
		t.Helper()
		txt, ok, err := s.EnrolCheck(c.ID, p.ID)
		must(t, err)
		return txt, ok
	}
	if _, warn := check(ojt, done); warn {
		t.Error("warned for someone who completed a 育成講座")
	}
	if txt, warn := check(ojt, half); !warn || txt.JA != "鈴木 一郎さんは育成講座を修了していません。OJT研修に登録しますか？" {
		t.Errorf("3 of 5: %v %q", warn, txt.JA)
	}
	if _, warn := check(ojt, none); !warn {
		t.Error("no warning for someone who never took a 育成講座")
	}
	if _, warn := check(seminar, none); warn {
		t.Error("warned for a seminar")
	}
	w.none()
	// Staff may go on: the enrolment itself is not refused.
	if _, err := s.Enroll(ojt.ID, none.ID); err != nil {
		t.Errorf("enrolment after a warning refused: %v", err)
	}
	if _, _, err := s.EnrolCheck(999, none.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("EnrolCheck(999) = %v", err)
	}
	if _, _, err := s.EnrolCheck(ojt.ID, 999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("EnrolCheck(person 999) = %v", err)
	}
}

func TestDeleteSession(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	course := newCourse(t, s, model.CourseBasic, "育成講座")
	ss := cxSessions(t, s, sessionOf(t, course.ID, day, "10:00", "12:00", "PC基礎"), sessionOf(t, course.ID, day.AddDays(7), "10:00", "12:00", "誤って作成"))
	p := newPerson(t, s, "山田 花子", "やまだ はなこ")
	cxMark(t, s, ss[0], p, model.MarkPresent, "")
	refused(t, s, model.ErrConflict, func() error { return s.DeleteSession(ss[0].ID) })
	refused(t, s, model.ErrNotFound, func() error { return s.DeleteSession(999) })
	w := watchAudit(t, s)
	must(t, s.DeleteSession(ss[1].ID))
	w.expect(want{"delete", model.KindSession, ref(ss[1].ID)})
	if on, _ := s.SessionsOn(day.AddDays(7)); len(on) != 0 {
		t.Errorf("the day index kept the deleted session")
	}
	if of, _ := s.SessionsOf(course.ID); len(of) != 1 || of[0].ID != ss[0].ID {
		t.Errorf("the course index kept the deleted session: %v", sessionIDs(of))
	}
}
