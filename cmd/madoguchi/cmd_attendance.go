package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

func init() {
	register(command{"attendance", "print a course's register or a session's roll (text, csv, json) / 出欠の一覧", cmdAttendance})
}

// attCourseJSON is `madoguchi attendance --course ID --format json`: the register.
type attCourseJSON struct {
	CourseID    uint64           `json:"course_id"`
	Kind        string           `json:"kind"`
	KindLabel   string           `json:"kind_label"`
	Name        string           `json:"name"`
	FiscalYear  int              `json:"fiscal_year"`
	MinSessions int              `json:"min_sessions"` // 0: the default rule, all sessions but one
	Needed      int              `json:"needed"`
	Sessions    []attSessionJSON `json:"sessions"`
	People      []attPersonJSON  `json:"people"`
}

type attSessionJSON struct {
	SessionID uint64 `json:"session_id"`
	Date      string `json:"date"`
	Start     string `json:"start"`
	End       string `json:"end"`
	Title     string `json:"title"`
	Place     string `json:"place,omitempty"`
	Attended  int    `json:"attended"`
}

type attPersonJSON struct {
	PersonID  uint64   `json:"person_id"`
	Name      string   `json:"name"`
	Reading   string   `json:"reading"`
	Status    string   `json:"status"` // enrolled, withdrawn or walk_in
	Marks     []string `json:"marks"`  // one per session, in session order; "" when unmarked
	Attended  int      `json:"attended"`
	Total     int      `json:"total"`
	Completed bool     `json:"completed"`
}

// attRollJSON is `madoguchi attendance --session ID --format json`: one session's roll.
type attRollJSON struct {
	SessionID uint64        `json:"session_id"`
	CourseID  uint64        `json:"course_id"`
	Course    string        `json:"course"`
	Date      string        `json:"date"`
	Start     string        `json:"start"`
	End       string        `json:"end"`
	Title     string        `json:"title"`
	Place     string        `json:"place,omitempty"`
	Marked    int           `json:"marked"`
	Unmarked  int           `json:"unmarked"`
	Lines     []attLineJSON `json:"lines"`
}

type attLineJSON struct {
	PersonID  uint64 `json:"person_id"`
	Name      string `json:"name"`
	Reading   string `json:"reading"`
	Mark      string `json:"mark"` // present, late, left_early, absent, excused; "" when unmarked
	MarkLabel string `json:"mark_label"`
	Note      string `json:"note,omitempty"`
	Enrolled  bool   `json:"enrolled"`
	WalkIn    bool   `json:"walk_in"`
}

func cmdAttendance(c *cli, args []string) int {
	var course, session uint64
	var format string
	ok, code, fs := c.parse("attendance", args, func(fs *flag.FlagSet) {
		fs.Uint64Var(&course, "course", 0, "the course id: its register (people × sessions)")
		fs.Uint64Var(&session, "session", 0, "the session id: its roll")
		fs.StringVar(&format, "format", "text", "text, csv or json")
	})
	if !ok {
		return code
	}
	if (course == 0) == (session == 0) {
		fmt.Fprintln(c.errw, "madoguchi attendance: "+c.lang.Pick("--course か --session のどちらか一方を指定してください", "give either --course or --session"))
		fs.Usage()
		return 2
	}
	if format, ok = c.formatFlag("attendance", format, fs, "text", "csv", "json"); !ok {
		return 2
	}
	s, ok := c.open()
	if !ok {
		return 1
	}
	defer s.Close()
	var err error
	if course != 0 {
		var cs store.CourseSheet
		if cs, err = s.CourseSheet(course); err == nil {
			switch format {
			case "json":
				err = attCourseWriteJSON(c.out, cs, c.lang)
			case "csv":
				err = attCourseWriteCSV(c.out, cs, c.lang)
			default:
				attCourseWriteText(c.out, cs, c.lang)
			}
		}
	} else {
		var r store.Roll
		if r, err = s.Roll(session); err == nil {
			switch format {
			case "json":
				err = attRollWriteJSON(c.out, r, c.lang)
			case "csv":
				err = attRollWriteCSV(c.out, r, c.lang)
			default:
				attRollWriteText(c.out, r, c.lang)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi attendance: "+model.Message(err, c.lang))
		return 1
	}
	return 0
}

func attStatus(l store.SheetLine) string {
	switch {
	case l.Active():
		return "enrolled"
	case l.Enrolled:
		return "withdrawn"
	}
	return "walk_in"
}

func attStatusLabel(l store.SheetLine, lang model.Lang) string {
	switch attStatus(l) {
	case "enrolled":
		return lang.Pick("受講中", "enrolled")
	case "withdrawn":
		return lang.Pick("退講", "withdrawn")
	}
	return lang.Pick("飛び入り", "walk-in")
}

func attCourseWriteJSON(w io.Writer, cs store.CourseSheet, l model.Lang) error {
	total := len(cs.Sessions)
	out := attCourseJSON{CourseID: cs.Course.ID, Kind: string(cs.Course.Kind), KindLabel: cs.Course.Kind.Label(l), Name: cs.Course.Name,
		FiscalYear: cs.Course.FiscalYear, MinSessions: cs.Course.MinSessions, Needed: cs.Course.Needed(total),
		Sessions: []attSessionJSON{}, People: []attPersonJSON{}}
	for i, se := range cs.Sessions {
		out.Sessions = append(out.Sessions, attSessionJSON{SessionID: se.ID, Date: se.Date.String(), Start: se.Start.String(), End: se.End.String(),
			Title: se.Title, Place: se.Place, Attended: cs.Attended(i)})
	}
	for _, p := range cs.People {
		jp := attPersonJSON{PersonID: p.Person.ID, Name: p.Person.DisplayName(), Reading: p.Person.Reading, Status: attStatus(p),
			Marks: make([]string, 0, total), Attended: p.Progress.Attended, Total: p.Progress.Total, Completed: p.Progress.Completed}
		for _, a := range p.Marks {
			jp.Marks = append(jp.Marks, string(a.Mark))
		}
		out.People = append(out.People, jp)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func attCourseWriteCSV(w io.Writer, cs store.CourseSheet, l model.Lang) error {
	cw, err := excelCSV(w)
	if err != nil {
		return err
	}
	head := []string{l.Pick("氏名", "name"), l.Pick("ふりがな", "reading"), l.Pick("区分", "status")}
	for i, se := range cs.Sessions {
		head = append(head, fmt.Sprintf("%d %s %s", i+1, se.Date, se.Title))
	}
	head = append(head, l.Pick("出席回数", "attended"), l.Pick("全回数", "total"), l.Pick("修了", "completed"))
	_ = cw.Write(head)
	for _, p := range cs.People {
		row := []string{p.Person.DisplayName(), p.Person.Reading, attStatusLabel(p, l)}
		for _, a := range p.Marks {
			label := ""
			if a.Mark != model.MarkNone {
				label = a.Mark.Label(l)
			}
			row = append(row, label)
		}
		done := ""
		if p.Progress.Completed {
			done = l.Pick("修了", "yes")
		}
		row = append(row, strconv.Itoa(p.Progress.Attended), strconv.Itoa(p.Progress.Total), done)
		_ = cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func attCourseWriteText(w io.Writer, cs store.CourseSheet, l model.Lang) {
	total := len(cs.Sessions)
	fmt.Fprintf(w, "%s %s（%s）  %s\n", model.FormatFiscalYear(cs.Course.FiscalYear, l), cs.Course.Name, cs.Course.Kind.Label(l), cs.Course.RuleText(total, l))
	for i, se := range cs.Sessions {
		fmt.Fprintf(w, "  %2d  %s %s  %s  %s\n", i+1, se.Date, se.Span(), se.Title,
			l.Pick(fmt.Sprintf("出席 %d人", cs.Attended(i)), fmt.Sprintf("attended %d", cs.Attended(i))))
	}
	fmt.Fprintln(w)
	for _, p := range cs.People {
		var marks strings.Builder
		for _, a := range p.Marks {
			marks.WriteString(a.Mark.Short(l))
		}
		tag := ""
		if !p.Active() {
			tag = "  " + attStatusLabel(p, l)
		}
		fmt.Fprintf(w, "  %s %s  %s%s\n", dayPad(p.Person.DisplayName(), 14), dayPad(marks.String(), 2*total), p.Progress.Text(l), tag)
	}
	fmt.Fprintln(w, "\n"+l.Pick("出=出席 遅=遅刻 早=早退 欠=欠席 連=欠席(連絡あり) -=未記入", "P present, L late, E left early, A absent, X excused, - unmarked"))
}

func attRollWriteJSON(w io.Writer, r store.Roll, l model.Lang) error {
	marked, unmarked, _ := r.Counts()
	out := attRollJSON{SessionID: r.Session.ID, CourseID: r.Course.ID, Course: r.Course.Name, Date: r.Session.Date.String(),
		Start: r.Session.Start.String(), End: r.Session.End.String(), Title: r.Session.Title, Place: r.Session.Place,
		Marked: marked, Unmarked: unmarked, Lines: []attLineJSON{}}
	for _, x := range r.Lines {
		label := ""
		if x.Attendance.Mark != model.MarkNone {
			label = x.Attendance.Mark.Label(l)
		}
		out.Lines = append(out.Lines, attLineJSON{PersonID: x.Person.ID, Name: x.Person.DisplayName(), Reading: x.Person.Reading,
			Mark: string(x.Attendance.Mark), MarkLabel: label, Note: x.Attendance.Note, Enrolled: x.Enrolled, WalkIn: x.Attendance.WalkIn})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func attRollWriteCSV(w io.Writer, r store.Roll, l model.Lang) error {
	cw, err := excelCSV(w)
	if err != nil {
		return err
	}
	_ = cw.Write([]string{l.Pick("日付", "date"), l.Pick("回", "session"), l.Pick("氏名", "name"), l.Pick("ふりがな", "reading"),
		l.Pick("出欠", "mark"), l.Pick("メモ", "note"), l.Pick("飛び入り", "walk-in")})
	for _, x := range r.Lines {
		label, walk := "", ""
		if x.Attendance.Mark != model.MarkNone {
			label = x.Attendance.Mark.Label(l)
		}
		if !x.Enrolled {
			walk = "1"
		}
		_ = cw.Write([]string{r.Session.Date.String(), r.Session.Title, x.Person.DisplayName(), x.Person.Reading, label, x.Attendance.Note, walk})
	}
	cw.Flush()
	return cw.Error()
}

func attRollWriteText(w io.Writer, r store.Roll, l model.Lang) {
	marked, unmarked, _ := r.Counts()
	fmt.Fprintf(w, "%s「%s」 %s %s %s\n", r.Course.Name, r.Session.Title, r.Session.Date, r.Session.Span(), r.Session.Place)
	fmt.Fprintln(w, l.Pick(fmt.Sprintf("記入済 %d / 未記入 %d", marked, unmarked), fmt.Sprintf("marked %d / unmarked %d", marked, unmarked)))
	for _, x := range r.Lines {
		label := x.Attendance.Mark.Label(l)
		tag := ""
		switch {
		case !x.Enrolled && x.Attendance.WalkIn:
			tag = "  " + l.Pick("飛び入り", "walk-in")
		case !x.Enrolled:
			tag = "  " + l.Pick("退講", "withdrawn")
		}
		note := ""
		if x.Attendance.Note != "" {
			note = "  " + x.Attendance.Note
		}
		fmt.Fprintf(w, "  %s %s%s%s\n", dayPad(x.Person.DisplayName(), 14), dayPad(label, 14), tag, note)
	}
}
