package store_test

import (
	"errors"
	"testing"

	"github.com/nagawaka/madoguchi/model"
)

func sessionIDs(ss []model.Session) []uint64 {
	var out []uint64
	for _, se := range ss {
		out = append(out, se.ID)
	}
	return out
}

func TestCoursesAndSessions(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	w := watchAudit(t, s)

	in, err := model.NewCourse(model.CourseInput{Kind: model.CourseBasic, Name: "育成講座　第1期", FiscalYear: 2025, MinSessions: 4})
	must(t, err)
	course, err := s.CreateCourse(in)
	must(t, err)
	w.expect(want{"create", model.KindCourse, ref(course.ID)})
	got, err := s.Course(course.ID)
	must(t, err)
	equal(t, "Course", got, course)
	if course.Name != "育成講座 第1期" || course.ID == 0 {
		t.Errorf("course %+v", course)
	}
	other := newCourse(t, s, model.CourseOJT, "OJT研修")
	w.expect(want{"create", model.KindCourse, ref(other.ID)})
	all, err := s.Courses()
	must(t, err)
	equal(t, "Courses", all, []model.Course{course, other})
	if _, err := s.Course(999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Course(999) = %v", err)
	}
	if _, err := model.NewCourse(model.CourseInput{Kind: "party", Name: "", FiscalYear: 25}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("NewCourse with a bad kind, no name and year 25: %v", err)
	}

	// Sessions, created out of order; the day lists in start order, the course in date order.
	week := day.AddDays(-7)
	ss, err := s.CreateSessions([]model.Session{
		sessionOf(t, course.ID, day, "14:00", "15:30", "SNSマーケティング"),
		sessionOf(t, course.ID, day, "10:00", "12:00", "業務ツール活用"),
		sessionOf(t, course.ID, week, "10:00", "12:00", "PC基礎"),
		sessionOf(t, other.ID, day, "13:00", "14:30", "目標設定"),
	})
	must(t, err)
	if len(ss) != 4 {
		t.Fatalf("CreateSessions returned %d", len(ss))
	}
	w.expect(want{"create", model.KindSession, ref(ss[0].ID)}, want{"create", model.KindSession, ref(ss[1].ID)},
		want{"create", model.KindSession, ref(ss[2].ID)}, want{"create", model.KindSession, ref(ss[3].ID)})
	se, err := s.Session(ss[1].ID)
	must(t, err)
	equal(t, "Session", se, ss[1])
	on, err := s.SessionsOn(day)
	must(t, err)
	equal(t, "SessionsOn in start order", sessionIDs(on), []uint64{ss[1].ID, ss[3].ID, ss[0].ID})
	of, err := s.SessionsOf(course.ID)
	must(t, err)
	equal(t, "SessionsOf in date order", sessionIDs(of), []uint64{ss[2].ID, ss[1].ID, ss[0].ID})
	if on, _ := s.SessionsOn(day.AddDays(1)); len(on) != 0 {
		t.Errorf("SessionsOn(next day) = %v", sessionIDs(on))
	}

	// One session of an unknown course refuses the whole batch.
	refused(t, s, model.ErrNotFound, func() error {
		_, err := s.CreateSessions([]model.Session{sessionOf(t, course.ID, day, "16:00", "17:00", "補講"), sessionOf(t, 999, day, "16:00", "17:00", "幽霊")})
		return err
	})
	if of, _ := s.SessionsOf(course.ID); len(of) != 3 {
		t.Errorf("a refused batch left sessions behind: %v", sessionIDs(of))
	}

	// Moving a session moves it in the day index; its course stays.
	moved := sessionOf(t, other.ID, day.AddDays(1), "9:00", "10:00", "SNSマーケティング")
	moved.ID = ss[0].ID
	upd, err := s.UpdateSession(moved)
	must(t, err)
	w.expect(want{"update", model.KindSession, ref(ss[0].ID)})
	if upd.CourseID != course.ID {
		t.Errorf("UpdateSession changed the course to %d", upd.CourseID)
	}
	on, _ = s.SessionsOn(day)
	equal(t, "SessionsOn(day) after moving a session", sessionIDs(on), []uint64{ss[1].ID, ss[3].ID})
	on, _ = s.SessionsOn(day.AddDays(1))
	equal(t, "SessionsOn(next day)", sessionIDs(on), []uint64{ss[0].ID})
}

func TestEnrollmentAndAttendance(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:00"))
	s := openTest(t, c)
	course := newCourse(t, s, model.CourseBasic, "育成講座 第1期")
	ss, err := s.CreateSessions([]model.Session{sessionOf(t, course.ID, day, "10:00", "12:00", "PC基礎")})
	must(t, err)
	se := ss[0]
	a := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTrainee)
	b := newPerson(t, s, "鈴木 一郎", "すずき いちろう", model.RoleTrainee)
	walk := newPerson(t, s, "木村 さくら", "きむら さくら")
	w := watchAudit(t, s)

	// Enrol; twice is refused.
	e, err := s.Enroll(course.ID, a.ID)
	must(t, err)
	w.expect(want{"enroll", model.KindEnrollment, ref(course.ID) + "/" + ref(a.ID)})
	if !e.Active() || e.CourseID != course.ID || e.PersonID != a.ID || !e.Enrolled.Equal(at(day, "9:00")) {
		t.Errorf("enrolment %+v", e)
	}
	refused(t, s, model.ErrConflict, func() error { _, err := s.Enroll(course.ID, a.ID); return err })
	refused(t, s, model.ErrNotFound, func() error { _, err := s.Enroll(999, a.ID); return err })
	refused(t, s, model.ErrNotFound, func() error { _, err := s.Enroll(course.ID, 999); return err })
	_, err = s.Enroll(course.ID, b.ID)
	must(t, err)
	w.expect(want{"enroll", model.KindEnrollment, ref(course.ID) + "/" + ref(b.ID)})

	// Withdraw b; again is refused; b can enrol again.
	c.Set(at(day, "9:10"))
	must(t, s.Withdraw(course.ID, b.ID))
	w.expect(want{"withdraw", model.KindEnrollment, ref(course.ID) + "/" + ref(b.ID)})
	refused(t, s, model.ErrConflict, func() error { return s.Withdraw(course.ID, b.ID) })
	refused(t, s, model.ErrConflict, func() error { return s.Withdraw(course.ID, walk.ID) })
	es, err := s.Enrollments(course.ID)
	must(t, err)
	if len(es) != 2 || es[0].PersonID != a.ID || !es[0].Active() || es[1].PersonID != b.ID || es[1].Active() || !es[1].Withdrawn.Equal(at(day, "9:10")) {
		t.Errorf("Enrollments = %+v", es)
	}
	if ids, _ := s.CoursesOf(b.ID); len(ids) != 1 || ids[0] != course.ID {
		t.Errorf("CoursesOf(b) = %v", ids)
	}

	// Marks: the enrolled person is not a walk-in; the unenrolled and the withdrawn are.
	c.Set(at(day, "10:05"))
	mark := func(p model.Person, m model.Mark, note string) model.Attendance {
		t.Helper()
		in, err := model.NewAttendance(se.ID, p.ID, m, note)
		must(t, err)
		got, err := s.SetMark(in)
		must(t, err)
		return got
	}
	ma := mark(a, model.MarkPresent, "")
	w.expect(want{"mark", model.KindAttendance, ref(se.ID) + "/" + ref(a.ID)})
	if ma.WalkIn || !ma.Updated.Equal(at(day, "10:05")) {
		t.Errorf("enrolled mark %+v", ma)
	}
	mw := mark(walk, model.MarkLate, "見学から参加")
	w.expect(want{"mark", model.KindAttendance, ref(se.ID) + "/" + ref(walk.ID)})
	if !mw.WalkIn {
		t.Errorf("an unenrolled person's mark is not a walk-in: %+v", mw)
	}
	if mb := mark(b, model.MarkAbsent, ""); !mb.WalkIn {
		t.Errorf("a withdrawn person's mark is not a walk-in: %+v", mb)
	}
	w.expect(want{"mark", model.KindAttendance, ref(se.ID) + "/" + ref(b.ID)})

	// Changing a mark keeps one row and records the old mark.
	c.Set(at(day, "12:00"))
	ma = mark(a, model.MarkLeftEarly, "通院")
	au := w.expect(want{"mark", model.KindAttendance, ref(se.ID) + "/" + ref(a.ID)})
	if au[0].Before != string(model.MarkPresent) {
		t.Errorf("audit before = %q, want the old mark", au[0].Before)
	}
	att, err := s.AttendanceOf(se.ID)
	must(t, err)
	if len(att) != 3 || att[0].PersonID != a.ID || att[1].PersonID != b.ID || att[2].PersonID != walk.ID {
		t.Fatalf("AttendanceOf = %+v, want a, b, walk-in in person order", att)
	}
	equal(t, "a's mark as stored", att[0], ma)
	equal(t, "the walk-in's mark as stored", att[2], mw)

	refused(t, s, model.ErrNotFound, func() error {
		_, err := s.SetMark(model.Attendance{SessionID: 999, PersonID: a.ID, Mark: model.MarkPresent})
		return err
	})
	refused(t, s, model.ErrNotFound, func() error {
		_, err := s.SetMark(model.Attendance{SessionID: se.ID, PersonID: 999, Mark: model.MarkPresent})
		return err
	})
	if _, err := model.NewAttendance(se.ID, a.ID, "asleep", ""); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("NewAttendance with an unknown mark: %v", err)
	}
}
