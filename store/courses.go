package store

import (
	"github.com/nagawaka/madoguchi/model"
)

// CreateCourse stores a validated course.
func (s *Store) CreateCourse(c model.Course) (model.Course, error) {
	err := s.update(func(t *tx) error {
		n, err := t.nextID(bCourses)
		if err != nil {
			return err
		}
		c.ID = n
		if err := t.put(bCourses, u64(n), c); err != nil {
			return err
		}
		return t.audit("create", model.KindCourse, ref(n), "", summary(c))
	})
	return c, err
}

// UpdateCourse replaces a course's fields.
func (s *Store) UpdateCourse(c model.Course) (model.Course, error) {
	err := s.update(func(t *tx) error {
		var old model.Course
		if ok, err := t.get(bCourses, u64(c.ID), &old); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindCourse, c.ID)
		}
		if err := t.put(bCourses, u64(c.ID), c); err != nil {
			return err
		}
		return t.audit("update", model.KindCourse, ref(c.ID), summary(old), summary(c))
	})
	return c, err
}

// Course returns one course.
func (s *Store) Course(courseID uint64) (model.Course, error) {
	var c model.Course
	err := s.view(func(t *tx) error {
		ok, err := t.get(bCourses, u64(courseID), &c)
		if err == nil && !ok {
			return model.NotFound(model.KindCourse, courseID)
		}
		return err
	})
	return c, err
}

// Courses returns every course in id order.
func (s *Store) Courses() ([]model.Course, error) {
	var out []model.Course
	err := s.view(func(t *tx) error {
		return t.b(bCourses).ForEach(func(k, v []byte) error {
			var c model.Course
			if err := jsonUnmarshal(v, &c); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	})
	return out, err
}

func sessionDayKey(se model.Session) []byte {
	return join(dayKey(se.Date), u16(int(se.Start)), u64(se.ID))
}

// CreateSessions stores validated sessions of existing courses in one transaction.
func (s *Store) CreateSessions(ss []model.Session) ([]model.Session, error) {
	out := make([]model.Session, 0, len(ss))
	err := s.update(func(t *tx) error {
		for _, se := range ss {
			if t.b(bCourses).Get(u64(se.CourseID)) == nil {
				return model.NotFound(model.KindCourse, se.CourseID)
			}
			n, err := t.nextID(bSessions)
			if err != nil {
				return err
			}
			se.ID = n
			if err := t.put(bSessions, u64(n), se); err != nil {
				return err
			}
			if err := t.mark(iSessionDay, sessionDayKey(se)); err != nil {
				return err
			}
			if err := t.mark(iSessionCourse, pair(se.CourseID, n)); err != nil {
				return err
			}
			if err := t.audit("create", model.KindSession, ref(n), "", summary(se)); err != nil {
				return err
			}
			out = append(out, se)
		}
		return nil
	})
	return out, err
}

// UpdateSession replaces a session's fields (its course stays).
func (s *Store) UpdateSession(se model.Session) (model.Session, error) {
	err := s.update(func(t *tx) error {
		var old model.Session
		if ok, err := t.get(bSessions, u64(se.ID), &old); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindSession, se.ID)
		}
		se.CourseID = old.CourseID
		if err := t.unmark(iSessionDay, sessionDayKey(old)); err != nil {
			return err
		}
		if err := t.put(bSessions, u64(se.ID), se); err != nil {
			return err
		}
		if err := t.mark(iSessionDay, sessionDayKey(se)); err != nil {
			return err
		}
		return t.audit("update", model.KindSession, ref(se.ID), summary(old), summary(se))
	})
	return se, err
}

// Session returns one session.
func (s *Store) Session(sessionID uint64) (model.Session, error) {
	var se model.Session
	err := s.view(func(t *tx) error {
		ok, err := t.get(bSessions, u64(sessionID), &se)
		if err == nil && !ok {
			return model.NotFound(model.KindSession, sessionID)
		}
		return err
	})
	return se, err
}

// SessionsOn returns a day's sessions in start order (a range scan of the day index).
func (s *Store) SessionsOn(d model.Date) ([]model.Session, error) {
	var out []model.Session
	err := s.view(func(t *tx) error {
		var err error
		out, err = t.sessionsOn(d)
		return err
	})
	return out, err
}

func (t *tx) sessionsOn(d model.Date) ([]model.Session, error) {
	var out []model.Session
	for _, sid := range t.prefixIDs(iSessionDay, dayKey(d)) {
		var se model.Session
		if _, err := t.get(bSessions, u64(sid), &se); err != nil {
			return nil, err
		}
		out = append(out, se)
	}
	return out, nil
}

// SessionsOf returns a course's sessions in date order.
func (s *Store) SessionsOf(courseID uint64) ([]model.Session, error) {
	var out []model.Session
	err := s.view(func(t *tx) error {
		for _, sid := range t.prefixIDs(iSessionCourse, u64(courseID)) {
			var se model.Session
			if _, err := t.get(bSessions, u64(sid), &se); err != nil {
				return err
			}
			out = append(out, se)
		}
		return nil
	})
	sortSessions(out)
	return out, err
}

func sortSessions(ss []model.Session) {
	for i := 1; i < len(ss); i++ {
		for j := i; j > 0 && (ss[j].Date.Before(ss[j-1].Date) || (ss[j].Date == ss[j-1].Date && ss[j].Start < ss[j-1].Start)); j-- {
			ss[j], ss[j-1] = ss[j-1], ss[j]
		}
	}
}

// Enroll enrols a person in a course (again, after a withdrawal).
func (s *Store) Enroll(courseID, personID uint64) (model.Enrollment, error) {
	var e model.Enrollment
	err := s.update(func(t *tx) error {
		if t.b(bCourses).Get(u64(courseID)) == nil {
			return model.NotFound(model.KindCourse, courseID)
		}
		if t.b(bPeople).Get(u64(personID)) == nil {
			return model.NotFound(model.KindPerson, personID)
		}
		if ok, err := t.get(bEnroll, pair(courseID, personID), &e); err != nil {
			return err
		} else if ok && e.Active() {
			return model.Conflict("すでに受講登録されています", "Already enrolled in this course")
		}
		e = model.Enrollment{CourseID: courseID, PersonID: personID, Enrolled: t.now}
		if err := t.put(bEnroll, pair(courseID, personID), e); err != nil {
			return err
		}
		if err := t.mark(iEnrollPerson, pair(personID, courseID)); err != nil {
			return err
		}
		return t.audit("enroll", model.KindEnrollment, ref(courseID)+"/"+ref(personID), "", "")
	})
	return e, err
}

// Withdraw withdraws a person from a course; their attendance is kept.
func (s *Store) Withdraw(courseID, personID uint64) error {
	return s.update(func(t *tx) error {
		var e model.Enrollment
		if ok, err := t.get(bEnroll, pair(courseID, personID), &e); err != nil {
			return err
		} else if !ok || !e.Active() {
			return model.Conflict("受講登録されていません", "Not enrolled in this course")
		}
		e.Withdrawn = t.now
		if err := t.put(bEnroll, pair(courseID, personID), e); err != nil {
			return err
		}
		return t.audit("withdraw", model.KindEnrollment, ref(courseID)+"/"+ref(personID), "", "")
	})
}

// Enrollments returns a course's enrolments (withdrawn ones included) in person-id order.
func (s *Store) Enrollments(courseID uint64) ([]model.Enrollment, error) {
	var out []model.Enrollment
	err := s.view(func(t *tx) error {
		var err error
		out, err = t.enrollments(courseID)
		return err
	})
	return out, err
}

func (t *tx) enrollments(courseID uint64) ([]model.Enrollment, error) {
	var out []model.Enrollment
	c := t.b(bEnroll).Cursor()
	p := u64(courseID)
	for k, v := c.Seek(p); k != nil && hasPrefix(k, p); k, v = c.Next() {
		var e model.Enrollment
		if err := jsonUnmarshal(v, &e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// CoursesOf returns the ids of the courses a person has been enrolled in.
func (s *Store) CoursesOf(personID uint64) ([]uint64, error) {
	var out []uint64
	err := s.view(func(t *tx) error {
		out = t.prefixIDs(iEnrollPerson, u64(personID))
		return nil
	})
	return out, err
}

// SetMark saves one person's mark for a session as it is made. A person who is not enrolled
// is added as a walk-in.
func (s *Store) SetMark(a model.Attendance) (model.Attendance, error) {
	err := s.update(func(t *tx) error {
		var se model.Session
		if ok, err := t.get(bSessions, u64(a.SessionID), &se); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindSession, a.SessionID)
		}
		if t.b(bPeople).Get(u64(a.PersonID)) == nil {
			return model.NotFound(model.KindPerson, a.PersonID)
		}
		var old model.Attendance
		had, err := t.get(bAttend, pair(a.SessionID, a.PersonID), &old)
		if err != nil {
			return err
		}
		var e model.Enrollment
		enrolled, err := t.get(bEnroll, pair(se.CourseID, a.PersonID), &e)
		if err != nil {
			return err
		}
		a.WalkIn = old.WalkIn || !enrolled || !e.Active()
		a.Updated = t.now
		if err := t.put(bAttend, pair(a.SessionID, a.PersonID), a); err != nil {
			return err
		}
		if err := t.mark(iAttendPerson, pair(a.PersonID, a.SessionID)); err != nil {
			return err
		}
		before := ""
		if had {
			before = string(old.Mark)
		}
		return t.audit("mark", model.KindAttendance, ref(a.SessionID)+"/"+ref(a.PersonID), before, string(a.Mark)+" "+a.Note)
	})
	return a, err
}

// AttendanceOf returns a session's marks in person-id order.
func (s *Store) AttendanceOf(sessionID uint64) ([]model.Attendance, error) {
	var out []model.Attendance
	err := s.view(func(t *tx) error {
		var err error
		out, err = t.attendanceOf(sessionID)
		return err
	})
	return out, err
}

func (t *tx) attendanceOf(sessionID uint64) ([]model.Attendance, error) {
	var out []model.Attendance
	c := t.b(bAttend).Cursor()
	p := u64(sessionID)
	for k, v := c.Seek(p); k != nil && hasPrefix(k, p); k, v = c.Next() {
		var a model.Attendance
		if err := jsonUnmarshal(v, &a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// CloseDay records who closed the day and what was still open.
func (s *Store) CloseDay(d model.Date, leftOpen []string) (model.DayClose, error) {
	dc := model.DayClose{Date: d, LeftOpen: leftOpen}
	err := s.update(func(t *tx) error {
		dc.Staff, dc.At = t.s.Staff(), t.now
		var old model.DayClose
		had, err := t.get(bDayClose, dayKey(d), &old)
		if err != nil {
			return err
		}
		if err := t.put(bDayClose, dayKey(d), dc); err != nil {
			return err
		}
		before := ""
		if had {
			before = summary(old)
		}
		return t.audit("close_day", model.KindDayClose, d.String(), before, summary(dc))
	})
	return dc, err
}

// DayClosed returns the day's close, if the day was closed.
func (s *Store) DayClosed(d model.Date) (model.DayClose, bool, error) {
	var dc model.DayClose
	var ok bool
	err := s.view(func(t *tx) error {
		var err error
		ok, err = t.get(bDayClose, dayKey(d), &dc)
		return err
	})
	return dc, ok, err
}

// AuditFilter narrows the audit viewer.
type AuditFilter struct {
	From, To model.Date // inclusive; zero means open
	Staff    string
	Kind     model.Kind
	Ref      string
	Limit    int // newest first; 0 means 500
}

// Audit returns audit entries matching the filter, newest first.
func (s *Store) Audit(f AuditFilter) ([]model.AuditEntry, error) {
	if f.Limit == 0 {
		f.Limit = 500
	}
	var out []model.AuditEntry
	err := s.view(func(t *tx) error {
		c := t.b(iAuditDay).Cursor()
		var k []byte
		if f.To.IsZero() {
			k, _ = c.Last()
		} else {
			end := dayKey(f.To.AddDays(1))
			if k, _ = c.Seek(end); k == nil {
				k, _ = c.Last()
			} else {
				k, _ = c.Prev()
			}
		}
		var from []byte
		if !f.From.IsZero() {
			from = dayKey(f.From)
		}
		for ; k != nil && len(out) < f.Limit; k, _ = c.Prev() {
			if from != nil && string(k[:8]) < string(from) {
				break
			}
			var e model.AuditEntry
			if _, err := t.get(bAudit, k[8:], &e); err != nil {
				return err
			}
			if (f.Staff != "" && e.Staff != f.Staff) || (f.Kind != "" && e.Kind != f.Kind) || (f.Ref != "" && e.Ref != f.Ref) {
				continue
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}
