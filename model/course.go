package model

import (
	"fmt"
	"strings"
	"time"
)

// CourseKind is the kind of course in the programme.
type CourseKind string

// The course kinds of DOMAIN.md.
const (
	CourseSeminar CourseKind = "seminar" // 周知セミナー
	CourseBasic   CourseKind = "basic"   // 育成講座
	CourseOJT     CourseKind = "ojt"     // OJT研修
	CourseStudy   CourseKind = "study"   // 勉強会
)

// CourseKinds lists the kinds in programme order.
var CourseKinds = []CourseKind{CourseSeminar, CourseBasic, CourseOJT, CourseStudy}

var courseKindLabels = map[CourseKind]Text{
	CourseSeminar: T("周知セミナー", "info seminar"),
	CourseBasic:   T("育成講座", "basic course"),
	CourseOJT:     T("OJT研修", "OJT course"),
	CourseStudy:   T("勉強会", "study group"),
}

// Label returns the kind as staff call it.
func (k CourseKind) Label(l Lang) string {
	if t, ok := courseKindLabels[k]; ok {
		return t.In(l)
	}
	return string(k)
}

// Course is a 講座.
type Course struct {
	ID         uint64     `json:"id"`
	Kind       CourseKind `json:"kind"`
	Name       string     `json:"name"`
	FiscalYear int        `json:"fiscal_year"` // 年度
	// MinSessions is the completion rule: attended (present, late or left early) at least this
	// many sessions. 0 means the default, all sessions but one (at least one).
	MinSessions int `json:"min_sessions,omitempty"`
}

// CourseInput is what staff type for a course.
type CourseInput struct {
	Kind        CourseKind
	Name        string
	FiscalYear  int
	MinSessions int
}

// NewCourse validates a course.
func NewCourse(in CourseInput) (Course, error) {
	var errs FieldErrors
	c := Course{Kind: in.Kind, FiscalYear: in.FiscalYear, MinSessions: in.MinSessions}
	if _, ok := courseKindLabels[in.Kind]; !ok {
		errs.add(Invalid("kind", "講座の種類を選んでください", "Choose the kind of course"))
	}
	c.Name = NormalizeName(in.Name)
	if c.Name == "" {
		errs.add(Invalid("name", "講座名を入力してください", "Enter the course name"))
	}
	errs.add(checkLen("name", c.Name, 80))
	if in.FiscalYear < 2000 || in.FiscalYear > 2200 {
		errs.add(Invalid("fiscal_year", "年度は西暦で入力してください（例: 2025）", "Enter the fiscal year as a year, e.g. 2025"))
	}
	if in.MinSessions < 0 || in.MinSessions > 100 {
		errs.add(Invalid("min_sessions", "修了に必要な回数は0〜100です", "Sessions needed to complete must be 0 to 100"))
	}
	return c, errs.Err()
}

// Needed returns how many attended sessions complete the course, out of total.
func (c Course) Needed(total int) int {
	if c.MinSessions > 0 {
		return min(c.MinSessions, max(total, 1))
	}
	return max(total-1, 1)
}

// Completed reports whether attended sessions out of total complete the course.
func (c Course) Completed(attended, total int) bool {
	return total > 0 && attended >= c.Needed(total)
}

// Session is one 回 of a course.
type Session struct {
	ID       uint64    `json:"id"`
	CourseID uint64    `json:"course_id"`
	Date     Date      `json:"date"`
	Start    ClockTime `json:"start"`
	End      ClockTime `json:"end"`
	Title    string    `json:"title"`
	Place    string    `json:"place,omitempty"`
	Capacity int       `json:"capacity,omitempty"` // 0: no limit
}

// SessionInput is what staff type for a session.
type SessionInput struct {
	CourseID         uint64
	Date, Start, End string
	Title, Place     string
	Capacity         int
}

// NewSession validates a session.
func NewSession(in SessionInput) (Session, error) {
	var errs FieldErrors
	s := Session{CourseID: in.CourseID, Capacity: in.Capacity}
	if in.CourseID == 0 {
		errs.add(Invalid("course", "講座を選んでください", "Choose the course"))
	}
	if d, err := ParseDate(in.Date); err != nil {
		errs.add(asError(err))
	} else {
		s.Date = d
	}
	st, err1 := ParseClock(in.Start)
	en, err2 := ParseClock(in.End)
	if err1 != nil {
		errs.add(Invalid("start", "開始時刻は 10:00 の形で入力してください", "Enter the start as H:MM"))
	}
	if err2 != nil {
		errs.add(Invalid("end", "終了時刻は 12:00 の形で入力してください", "Enter the end as H:MM"))
	}
	if err1 == nil && err2 == nil && en <= st {
		errs.add(Invalid("end", "終了時刻は開始時刻より後にしてください", "The end must be after the start"))
	}
	s.Start, s.End = st, en
	s.Title = NormalizeName(in.Title)
	if s.Title == "" {
		errs.add(Invalid("title", "回のタイトルを入力してください", "Enter the session title"))
	}
	s.Place = NormalizeName(in.Place)
	if in.Capacity < 0 || in.Capacity > 500 {
		errs.add(Invalid("capacity", "定員は0〜500人です（0は制限なし）", "Capacity must be 0 to 500 (0: no limit)"))
	}
	return s, errs.Err()
}

// Span writes 10:00-12:00 (ASCII hyphen: the en dash is East Asian ambiguous width).
func (s Session) Span() string { return s.Start.String() + "-" + s.End.String() }

// Enrollment is a 受講登録: a person in a course.
type Enrollment struct {
	CourseID  uint64    `json:"course_id"`
	PersonID  uint64    `json:"person_id"`
	Enrolled  time.Time `json:"enrolled"`
	Withdrawn time.Time `json:"withdrawn,omitzero"`
}

// Active reports whether the person is still enrolled.
func (e Enrollment) Active() bool { return e.Withdrawn.IsZero() }

// Mark is an attendance mark.
type Mark string

// The marks of DOMAIN.md; MarkNone is "not yet marked".
const (
	MarkNone      Mark = ""
	MarkPresent   Mark = "present"    // 出席
	MarkLate      Mark = "late"       // 遅刻
	MarkLeftEarly Mark = "left_early" // 早退
	MarkAbsent    Mark = "absent"     // 欠席
	MarkExcused   Mark = "excused"    // 欠席(連絡あり)
)

// Marks lists the marks in key order.
var Marks = []Mark{MarkPresent, MarkLate, MarkLeftEarly, MarkAbsent, MarkExcused}

var markLabels = map[Mark]Text{
	MarkNone:      T("未記入", "unmarked"),
	MarkPresent:   T("出席", "present"),
	MarkLate:      T("遅刻", "late"),
	MarkLeftEarly: T("早退", "left early"),
	MarkAbsent:    T("欠席", "absent"),
	MarkExcused:   T("欠席(連絡あり)", "excused"),
}

// Label returns the mark as staff call it.
func (m Mark) Label(l Lang) string {
	if t, ok := markLabels[m]; ok {
		return t.In(l)
	}
	return string(m)
}

// Attended reports whether the mark counts as attending (present, late, left early).
func (m Mark) Attended() bool { return m == MarkPresent || m == MarkLate || m == MarkLeftEarly }

// Valid reports whether m is a known mark (including none).
func (m Mark) Valid() bool { _, ok := markLabels[m]; return ok }

// Attendance is a 出欠: one person's mark for one session.
type Attendance struct {
	SessionID uint64    `json:"session_id"`
	PersonID  uint64    `json:"person_id"`
	Mark      Mark      `json:"mark"`
	Note      string    `json:"note,omitempty"`
	WalkIn    bool      `json:"walk_in,omitempty"` // added from the roll, not enrolled
	Updated   time.Time `json:"updated"`
}

// NewAttendance validates a mark.
func NewAttendance(sessionID, personID uint64, m Mark, note string) (Attendance, error) {
	if sessionID == 0 || personID == 0 {
		return Attendance{}, Invalid("attendance", "回と利用者を選んでください", "Choose a session and a person")
	}
	if !m.Valid() {
		return Attendance{}, Invalid("mark", "出欠の種類が正しくありません", "Unknown attendance mark")
	}
	note = strings.TrimSpace(note)
	if e := checkLen("note", note, 200); e != nil {
		return Attendance{}, e
	}
	return Attendance{SessionID: sessionID, PersonID: personID, Mark: m, Note: note}, nil
}

// CourseLabel writes a course for lists: 「令和7年度 育成講座 第1期」.
func (c Course) CourseLabel(l Lang) string {
	return fmt.Sprintf("%s %s", FormatFiscalYear(c.FiscalYear, l), c.Name)
}
