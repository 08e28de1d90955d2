package store

import (
	"sort"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// CreateCourse stores a validated course.
func (s *Store) CreateCourse(c model.Course) (model.Course, error) {
	err := s.update(func(t *tx) error {
		var err error
		c, err = t.createCourse(c)
		return err
	})
	return c, err
}

func (t *tx) createCourse(c model.Course) (model.Course, error) {
	n, err := t.nextID(bCourses)
	if err != nil {
		return c, err
	}
	c.ID = n
	if err := t.put(bCourses, u64(n), c); err != nil {
		return c, err
	}
	return c, t.audit("create", model.KindCourse, ref(n), "", summary(c))
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
	return viewValue(s, func(t *tx) ([]model.Course, error) { return decodeAll[model.Course](t, bCourses) })
}

func sessionDayKey(se model.Session) []byte {
	return join(dayKey(se.Date), u16(int(se.Start)), u64(se.ID))
}

// CreateSessions stores validated sessions of existing courses in one transaction.
func (s *Store) CreateSessions(ss []model.Session) ([]model.Session, error) {
	out := make([]model.Session, 0, len(ss)) // empty, not nil, even when the transaction never starts
	err := s.update(func(t *tx) error {
		var err error
		out, err = t.createSessions(ss)
		return err
	})
	return out, err
}

func (t *tx) createSessions(ss []model.Session) ([]model.Session, error) {
	out := make([]model.Session, 0, len(ss))
	for _, se := range ss {
		if t.b(bCourses).Get(u64(se.CourseID)) == nil {
			return out, model.NotFound(model.KindCourse, se.CourseID)
		}
		n, err := t.nextID(bSessions)
		if err != nil {
			return out, err
		}
		se.ID = n
		if err := t.put(bSessions, u64(n), se); err != nil {
			return out, err
		}
		if err := t.mark(iSessionDay, sessionDayKey(se)); err != nil {
			return out, err
		}
		if err := t.mark(iSessionCourse, pair(se.CourseID, n)); err != nil {
			return out, err
		}
		if err := t.audit("create", model.KindSession, ref(n), "", summary(se)); err != nil {
			return out, err
		}
		out = append(out, se)
	}
	return out, nil
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
	return viewValue(s, func(t *tx) ([]model.Session, error) { return t.sessionsOn(d) })
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
	return updateValue(s, func(t *tx) (model.Enrollment, error) { return t.enroll(courseID, personID) })
}

func (t *tx) enroll(courseID, personID uint64) (model.Enrollment, error) {
	var e model.Enrollment
	if t.b(bCourses).Get(u64(courseID)) == nil {
		return e, model.NotFound(model.KindCourse, courseID)
	}
	if t.b(bPeople).Get(u64(personID)) == nil {
		return e, model.NotFound(model.KindPerson, personID)
	}
	if ok, err := t.get(bEnroll, pair(courseID, personID), &e); err != nil {
		return e, err
	} else if ok && e.Active() {
		return e, model.Conflict("すでに受講登録されています", "Already enrolled in this course")
	}
	e = model.Enrollment{CourseID: courseID, PersonID: personID, Enrolled: t.now}
	if err := t.put(bEnroll, pair(courseID, personID), e); err != nil {
		return e, err
	}
	if err := t.mark(iEnrollPerson, pair(personID, courseID)); err != nil {
		return e, err
	}
	return e, t.audit("enroll", model.KindEnrollment, ref(courseID)+"/"+ref(personID), "", "")
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
	return viewValue(s, func(t *tx) ([]model.Enrollment, error) { return t.enrollments(courseID) })
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
		var err error
		a, err = t.setMark(a)
		return err
	})
	return a, err
}

// SetMarks saves several marks in one transaction (accepting the roll's suggestions); one
// refused mark refuses them all.
func (s *Store) SetMarks(as []model.Attendance) ([]model.Attendance, error) {
	out := make([]model.Attendance, 0, len(as))
	err := s.update(func(t *tx) error {
		for _, a := range as {
			a, err := t.setMark(a)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (t *tx) setMark(a model.Attendance) (model.Attendance, error) {
	if !a.Mark.Valid() {
		return a, model.Invalid("mark", "出欠の種類が正しくありません", "Unknown attendance mark")
	}
	var se model.Session
	if ok, err := t.get(bSessions, u64(a.SessionID), &se); err != nil {
		return a, err
	} else if !ok {
		return a, model.NotFound(model.KindSession, a.SessionID)
	}
	if t.b(bPeople).Get(u64(a.PersonID)) == nil {
		return a, model.NotFound(model.KindPerson, a.PersonID)
	}
	var old model.Attendance
	had, err := t.get(bAttend, pair(a.SessionID, a.PersonID), &old)
	if err != nil {
		return a, err
	}
	if (!had && a.Mark == model.MarkNone && a.Note == "") || (had && old.Mark == a.Mark && old.Note == a.Note) {
		if had {
			return old, nil
		}
		return a, nil // nothing changes: nothing is written, not even an audit entry
	}
	var e model.Enrollment
	enrolled, err := t.get(bEnroll, pair(se.CourseID, a.PersonID), &e)
	if err != nil {
		return a, err
	}
	a.WalkIn = old.WalkIn || !enrolled || !e.Active()
	a.Updated = t.now
	if err := t.put(bAttend, pair(a.SessionID, a.PersonID), a); err != nil {
		return a, err
	}
	if err := t.mark(iAttendPerson, pair(a.PersonID, a.SessionID)); err != nil {
		return a, err
	}
	before := ""
	if had {
		before = string(old.Mark)
		if old.Note != "" {
			before += " " + old.Note
		}
	}
	return a, t.audit("mark", model.KindAttendance, ref(a.SessionID)+"/"+ref(a.PersonID), before, string(a.Mark)+" "+a.Note)
}

// AttendanceOf returns a session's marks in person-id order.
func (s *Store) AttendanceOf(sessionID uint64) ([]model.Attendance, error) {
	return viewValue(s, func(t *tx) ([]model.Attendance, error) { return t.attendanceOf(sessionID) })
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
	return updateValue(s, func(t *tx) (model.DayClose, error) { return t.closeDay(d, leftOpen) })
}

func (t *tx) closeDay(d model.Date, leftOpen []string) (model.DayClose, error) {
	dc := model.DayClose{Date: d, LeftOpen: leftOpen, Staff: t.s.Staff(), At: t.now}
	var old model.DayClose
	had, err := t.get(bDayClose, dayKey(d), &old)
	if err != nil {
		return dc, err
	}
	if err := t.put(bDayClose, dayKey(d), dc); err != nil {
		return dc, err
	}
	before := ""
	if had {
		before = summary(old)
	}
	return dc, t.audit("close_day", model.KindDayClose, d.String(), before, summary(dc))
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

// ---- the attendance screen's reads ----

// RollLine is one person on a session's roll: enrolled people (with or without a mark) and
// anyone else marked for the session (walk-ins, people withdrawn since).
type RollLine struct {
	Person     model.Person
	Attendance model.Attendance // Mark is MarkNone while unmarked
	Enrolled   bool             // enrolled in the course and not withdrawn
	// Suggested is set for an enrolled person still unmarked who checked in on the session's day
	// with purpose 講座: the roll offers 出席 but never marks it without staff.
	Suggested bool
	CheckedIn time.Time // the check-in behind a suggestion
}

// Roll is a session's roll call.
type Roll struct {
	Session model.Session
	Course  model.Course
	Lines   []RollLine
}

// Counts returns how many lines are marked, unmarked and suggested.
func (r Roll) Counts() (marked, unmarked, suggested int) {
	for _, l := range r.Lines {
		switch {
		case l.Attendance.Mark != model.MarkNone:
			marked++
		case l.Suggested:
			suggested++
			unmarked++
		default:
			unmarked++
		}
	}
	return
}

// Roll reads a session's roll in one transaction: the enrolled people in reading order, then the
// others marked for the session; suggestions come from the day's check-ins (idx_visits_day).
func (s *Store) Roll(sessionID uint64) (Roll, error) {
	var r Roll
	err := s.view(func(t *tx) error {
		if ok, err := t.get(bSessions, u64(sessionID), &r.Session); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindSession, sessionID)
		}
		if _, err := t.get(bCourses, u64(r.Session.CourseID), &r.Course); err != nil {
			return err
		}
		es, err := t.enrollments(r.Session.CourseID)
		if err != nil {
			return err
		}
		marks, err := t.attendanceOf(sessionID)
		if err != nil {
			return err
		}
		visits, err := t.visitsOn(r.Session.Date)
		if err != nil {
			return err
		}
		cameFor := map[uint64]time.Time{}
		for _, v := range visits {
			if v.Purpose == model.PurposeCourse {
				if _, ok := cameFor[v.PersonID]; !ok {
					cameFor[v.PersonID] = v.In
				}
			}
		}
		byPerson := map[uint64]model.Attendance{}
		for _, a := range marks {
			byPerson[a.PersonID] = a
		}
		var enrolled, others []RollLine
		seen := map[uint64]bool{}
		for _, e := range es {
			if !e.Active() {
				continue
			}
			l := RollLine{Enrolled: true}
			if _, err := t.get(bPeople, u64(e.PersonID), &l.Person); err != nil {
				return err
			}
			if a, ok := byPerson[e.PersonID]; ok {
				l.Attendance = a
			} else {
				l.Attendance = model.Attendance{SessionID: sessionID, PersonID: e.PersonID}
			}
			if in, ok := cameFor[e.PersonID]; ok && l.Attendance.Mark == model.MarkNone {
				l.Suggested, l.CheckedIn = true, in
			}
			seen[e.PersonID] = true
			enrolled = append(enrolled, l)
		}
		for _, a := range marks {
			if seen[a.PersonID] {
				continue
			}
			l := RollLine{Attendance: a}
			if _, err := t.get(bPeople, u64(a.PersonID), &l.Person); err != nil {
				return err
			}
			others = append(others, l)
		}
		byReading := func(ls []RollLine) {
			sort.SliceStable(ls, func(i, j int) bool { return ls[i].Person.Reading < ls[j].Person.Reading })
		}
		byReading(enrolled)
		byReading(others)
		r.Lines = append(enrolled, others...)
		return nil
	})
	return r, err
}

// DaySession is a session of the day with its course and how far its roll has got.
type DaySession struct {
	Session  model.Session
	Course   model.Course
	Enrolled int // enrolled and not withdrawn
	Marked   int // people with a mark, walk-ins included
	Unmarked int // enrolled people without a mark
}

// DaySessions returns a day's sessions in start order with their roll counts, from the day index.
func (s *Store) DaySessions(d model.Date) ([]DaySession, error) {
	var out []DaySession
	err := s.view(func(t *tx) error {
		ss, err := t.sessionsOn(d)
		if err != nil {
			return err
		}
		for _, se := range ss {
			ds := DaySession{Session: se}
			if _, err := t.get(bCourses, u64(se.CourseID), &ds.Course); err != nil {
				return err
			}
			es, err := t.enrollments(se.CourseID)
			if err != nil {
				return err
			}
			marks, err := t.attendanceOf(se.ID)
			if err != nil {
				return err
			}
			for _, e := range es {
				if e.Active() {
					ds.Enrolled++
				}
			}
			for _, a := range marks {
				if a.Mark != model.MarkNone {
					ds.Marked++
				}
			}
			ds.Unmarked = len(model.Unmarked(es, marks))
			out = append(out, ds)
		}
		return nil
	})
	return out, err
}

// CourseLine is a course in the course list.
type CourseLine struct {
	Course      model.Course
	Sessions    int
	Enrolled    int // not withdrawn
	First, Last model.Date
}

// CourseList returns every course with its session and enrolment counts, the newest 年度 first,
// then in programme order (周知セミナー, 育成講座, OJT研修, 勉強会) and by id.
func (s *Store) CourseList() ([]CourseLine, error) {
	var out []CourseLine
	err := s.view(func(t *tx) error {
		return t.b(bCourses).ForEach(func(k, v []byte) error {
			var l CourseLine
			if err := jsonUnmarshal(v, &l.Course); err != nil {
				return err
			}
			for _, sid := range t.prefixIDs(iSessionCourse, k) {
				var se model.Session
				if _, err := t.get(bSessions, u64(sid), &se); err != nil {
					return err
				}
				l.Sessions++
				if l.First.IsZero() || se.Date.Before(l.First) {
					l.First = se.Date
				}
				if se.Date.After(l.Last) {
					l.Last = se.Date
				}
			}
			es, err := t.enrollments(l.Course.ID)
			if err != nil {
				return err
			}
			for _, e := range es {
				if e.Active() {
					l.Enrolled++
				}
			}
			out = append(out, l)
			return nil
		})
	})
	order := map[model.CourseKind]int{}
	for i, k := range model.CourseKinds {
		order[k] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Course, out[j].Course
		if a.FiscalYear != b.FiscalYear {
			return a.FiscalYear > b.FiscalYear
		}
		if order[a.Kind] != order[b.Kind] {
			return order[a.Kind] < order[b.Kind]
		}
		return a.ID < b.ID
	})
	return out, err
}

// SheetLine is one person's row in a course sheet.
type SheetLine struct {
	Person     model.Person
	Enrollment model.Enrollment // zero for a walk-in who was never enrolled
	Enrolled   bool             // has an enrolment (possibly withdrawn)
	Marks      []model.Attendance
	Progress   model.CourseProgress
}

// Active reports whether the person is enrolled now.
func (l SheetLine) Active() bool { return l.Enrolled && l.Enrollment.Active() }

// CourseSheet is a course with its sessions and everyone's marks: the attendance register.
type CourseSheet struct {
	Course   model.Course
	Sessions []model.Session // in date order
	People   []SheetLine     // enrolled, then withdrawn, then walk-ins; each in reading order
}

// Attended counts the people who attended session i (present, late or left early).
func (c CourseSheet) Attended(i int) int {
	n := 0
	for _, p := range c.People {
		if i < len(p.Marks) && p.Marks[i].Mark.Attended() {
			n++
		}
	}
	return n
}

// CourseSheet reads a course's register in one transaction: its sessions (idx_sessions_course),
// enrolments (enrollments by course prefix) and marks (attendance by session prefix).
func (s *Store) CourseSheet(courseID uint64) (CourseSheet, error) {
	var cs CourseSheet
	err := s.view(func(t *tx) error {
		if ok, err := t.get(bCourses, u64(courseID), &cs.Course); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindCourse, courseID)
		}
		for _, sid := range t.prefixIDs(iSessionCourse, u64(courseID)) {
			var se model.Session
			if _, err := t.get(bSessions, u64(sid), &se); err != nil {
				return err
			}
			cs.Sessions = append(cs.Sessions, se)
		}
		sortSessions(cs.Sessions)
		lines := map[uint64]*SheetLine{}
		var order []uint64
		line := func(pid uint64) (*SheetLine, error) {
			if l, ok := lines[pid]; ok {
				return l, nil
			}
			l := &SheetLine{Marks: make([]model.Attendance, len(cs.Sessions))}
			if _, err := t.get(bPeople, u64(pid), &l.Person); err != nil {
				return nil, err
			}
			lines[pid] = l
			order = append(order, pid)
			return l, nil
		}
		es, err := t.enrollments(courseID)
		if err != nil {
			return err
		}
		for _, e := range es {
			l, err := line(e.PersonID)
			if err != nil {
				return err
			}
			l.Enrollment, l.Enrolled = e, true
		}
		for i, se := range cs.Sessions {
			marks, err := t.attendanceOf(se.ID)
			if err != nil {
				return err
			}
			for _, a := range marks {
				l, err := line(a.PersonID)
				if err != nil {
					return err
				}
				l.Marks[i] = a
			}
		}
		for _, pid := range order {
			l := lines[pid]
			ms := make([]model.Mark, len(l.Marks))
			for i, a := range l.Marks {
				ms[i] = a.Mark
			}
			l.Progress = cs.Course.Progress(ms, len(cs.Sessions))
			cs.People = append(cs.People, *l)
		}
		group := func(l SheetLine) int {
			switch {
			case l.Active():
				return 0
			case l.Enrolled:
				return 1
			}
			return 2
		}
		sort.SliceStable(cs.People, func(i, j int) bool {
			a, b := cs.People[i], cs.People[j]
			if group(a) != group(b) {
				return group(a) < group(b)
			}
			return a.Person.Reading < b.Person.Reading
		})
		return nil
	})
	return cs, err
}

// EnrolCheck applies the rule "OJT enrolment expects completion of a 育成講座" before staff enrol
// someone: it returns the warning to show (ok false when there is none). Completion is counted
// from the person's own marks (idx_attendance_person) against each 育成講座's sessions.
func (s *Store) EnrolCheck(courseID, personID uint64) (model.Text, bool, error) {
	var warn model.Text
	var has bool
	err := s.view(func(t *tx) error {
		var c model.Course
		if ok, err := t.get(bCourses, u64(courseID), &c); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindCourse, courseID)
		}
		var p model.Person
		if ok, err := t.get(bPeople, u64(personID), &p); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindPerson, personID)
		}
		if c.Kind != model.CourseOJT {
			return nil
		}
		done, err := t.completedBasic(personID)
		if err != nil {
			return err
		}
		warn, has = model.EnrolWarning(c, p.DisplayName(), done)
		return nil
	})
	return warn, has, err
}

// completedBasic reports whether the person has completed any 育成講座.
func (t *tx) completedBasic(personID uint64) (bool, error) {
	attended := map[uint64][]model.Mark{}
	courses := map[uint64]model.Course{}
	for _, sid := range t.prefixIDs(iAttendPerson, u64(personID)) {
		var se model.Session
		if ok, err := t.get(bSessions, u64(sid), &se); err != nil || !ok {
			if err != nil {
				return false, err
			}
			continue
		}
		c, ok := courses[se.CourseID]
		if !ok {
			if _, err := t.get(bCourses, u64(se.CourseID), &c); err != nil {
				return false, err
			}
			courses[se.CourseID] = c
		}
		if c.Kind != model.CourseBasic {
			continue
		}
		var a model.Attendance
		if _, err := t.get(bAttend, pair(sid, personID), &a); err != nil {
			return false, err
		}
		attended[se.CourseID] = append(attended[se.CourseID], a.Mark)
	}
	for cid, marks := range attended {
		total := len(t.prefixIDs(iSessionCourse, u64(cid)))
		if courses[cid].Progress(marks, total).Completed {
			return true, nil
		}
	}
	return false, nil
}

// DeleteSession removes a session made by mistake; a session with any mark is kept (its marks
// are the programme's record).
func (s *Store) DeleteSession(sessionID uint64) error {
	return s.update(func(t *tx) error {
		var se model.Session
		if ok, err := t.get(bSessions, u64(sessionID), &se); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindSession, sessionID)
		}
		if k, _ := t.b(bAttend).Cursor().Seek(u64(sessionID)); k != nil && hasPrefix(k, u64(sessionID)) {
			return model.Conflict("出欠が記録された回は削除できません", "A session with marks cannot be deleted")
		}
		if err := t.unmark(iSessionDay, sessionDayKey(se)); err != nil {
			return err
		}
		if err := t.unmark(iSessionCourse, pair(se.CourseID, sessionID)); err != nil {
			return err
		}
		if err := t.b(bSessions).Delete(u64(sessionID)); err != nil {
			return err
		}
		return t.audit("delete", model.KindSession, ref(sessionID), summary(se), "")
	})
}
