package model

import (
	"errors"
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
	s.Start, s.End = parseSpan(in.Start, in.End, "10:00", "12:00", &errs)
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

// Valid reports whether k is one of the course kinds.
func (k CourseKind) Valid() bool { _, ok := courseKindLabels[k]; return ok }

// ParseCourseKind reads a kind as staff type it: its code (basic), its label in either language
// (育成講座, OJT course), or its place in CourseKinds counted from 1 (2 → 育成講座).
func ParseCourseKind(s string) (CourseKind, error) {
	norm := func(s string) string { return strings.ToLower(strings.TrimSpace(foldASCII(NormalizeName(s)))) }
	n := norm(s)
	for i, k := range CourseKinds {
		t := courseKindLabels[k]
		if n == string(k) || n == norm(t.JA) || n == norm(t.EN) || n == fmt.Sprint(i+1) {
			return k, nil
		}
	}
	return "", Invalid("kind", "講座の種類は 1 周知セミナー、2 育成講座、3 OJT研修、4 勉強会 のどれかです",
		"The kind is 1 info seminar, 2 basic course, 3 OJT course or 4 study group")
}

// CourseForm is the course form as typed: every field is text, parsed and validated by
// ParseCourseForm.
type CourseForm struct {
	Kind, Name, FiscalYear, MinSessions string
}

// Form returns the course as form text (MinSessions blank for the default rule).
func (c Course) Form() CourseForm {
	f := CourseForm{Kind: string(c.Kind), Name: c.Name, FiscalYear: fmt.Sprint(c.FiscalYear)}
	if c.Kind.Valid() {
		f.Kind = c.Kind.Label(JA)
	}
	if c.MinSessions > 0 {
		f.MinSessions = fmt.Sprint(c.MinSessions)
	}
	return f
}

// ParseCourseForm parses the typed course and validates it with NewCourse; every field in error
// is reported at once. A blank MinSessions is the default rule (all sessions but one).
func ParseCourseForm(in CourseForm) (Course, error) {
	var errs FieldErrors
	kind, err := ParseCourseKind(in.Kind)
	if err != nil {
		errs.add(asError(err))
	}
	fy, bad := atoiRange(in.FiscalYear, 2000, 2200)
	if bad {
		errs.add(Invalid("fiscal_year", "年度は西暦で入力してください（例: 2025）", "Enter the fiscal year as a year, e.g. 2025"))
	}
	minS := 0
	if strings.TrimSpace(in.MinSessions) != "" {
		if minS, bad = atoiRange(in.MinSessions, 0, 100); bad {
			errs.add(Invalid("min_sessions", "修了に必要な回数は0〜100です（空欄は全回数-1）", "Sessions needed to complete must be 0 to 100 (blank: all but one)"))
		}
	}
	c, err := NewCourse(CourseInput{Kind: kind, Name: in.Name, FiscalYear: fy, MinSessions: minS})
	if err != nil {
		var fe FieldErrors
		if errors.As(err, &fe) {
			for _, e := range fe {
				if errs.For(e.Field) == nil {
					errs.add(e)
				}
			}
		}
	}
	return c, errs.Err()
}

// RuleText describes the completion rule for total sessions: 「4回以上出席で修了（全5回）」.
// With no sessions yet it states the rule alone.
func (c Course) RuleText(total int, l Lang) string {
	if total == 0 {
		if c.MinSessions > 0 {
			return l.Pick(fmt.Sprintf("%d回以上出席で修了", c.MinSessions), fmt.Sprintf("complete with %d sessions attended", c.MinSessions))
		}
		return l.Pick("全回数-1回以上の出席で修了", "complete with all sessions but one attended")
	}
	n := c.Needed(total)
	return l.Pick(fmt.Sprintf("%d回以上出席で修了（全%d回）", n, total), fmt.Sprintf("complete with %d of %d sessions attended", n, total))
}

// CourseProgress is one person's standing in a course: sessions attended of the total, how many
// the rule needs, and whether that completes the course.
type CourseProgress struct {
	Attended  int  `json:"attended"`
	Total     int  `json:"total"`
	Needed    int  `json:"needed"`
	Completed bool `json:"completed"`
}

// Progress counts the marks that attend (present, late, left early) against the course's rule,
// out of total sessions.
func (c Course) Progress(marks []Mark, total int) CourseProgress {
	att := 0
	for _, m := range marks {
		if m.Attended() {
			att++
		}
	}
	return CourseProgress{Attended: att, Total: total, Needed: c.Needed(total), Completed: c.Completed(att, total)}
}

// Text writes the progress for lists: 「4/5 修了」 or 「2/5」.
func (p CourseProgress) Text(l Lang) string {
	s := fmt.Sprintf("%d/%d", p.Attended, p.Total)
	if p.Completed {
		s += l.Pick(" 修了", " done")
	}
	return s
}

// EnrolWarning is the rule "OJT enrolment expects completion of a 育成講座": enrolling someone
// who has not completed one in an OJT course returns a warning staff may go past.
func EnrolWarning(c Course, name string, completedBasic bool) (Text, bool) {
	if c.Kind != CourseOJT || completedBasic {
		return Text{}, false
	}
	return T(name+"さんは育成講座を修了していません。OJT研修に登録しますか？",
		name+" has not completed a basic course. Enrol them in the OJT course anyway?"), true
}

// ParseMark reads a mark from its code or its label in either language ("" and 未記入 are
// MarkNone).
func ParseMark(s string) (Mark, error) {
	n := strings.ToLower(strings.TrimSpace(NormalizeName(s)))
	for m, t := range markLabels {
		if n == string(m) || n == strings.ToLower(t.JA) || n == strings.ToLower(t.EN) {
			return m, nil
		}
	}
	return "", Invalid("mark", "出欠は 出席・遅刻・早退・欠席・欠席(連絡あり) のどれかです", "A mark is present, late, left early, absent or excused")
}

var markShort = map[Mark]Text{
	MarkNone:      T("-", "-"),
	MarkPresent:   T("出", "P"),
	MarkLate:      T("遅", "L"),
	MarkLeftEarly: T("早", "E"),
	MarkAbsent:    T("欠", "A"),
	MarkExcused:   T("連", "X"),
}

// Short returns the mark in one character for grids: 出 遅 早 欠 連 (P L E A X), - for none.
func (m Mark) Short(l Lang) string {
	if t, ok := markShort[m]; ok {
		return t.In(l)
	}
	return "?"
}
