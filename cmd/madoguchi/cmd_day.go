package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
)

func init() {
	register(command{"day", "print a day's end-of-day review (text, json) / 日次締めの確認", cmdDay})
}

// dayJSON is `madoguchi day --format json`: the day's open items. Times are RFC 3339 in Japan
// time; closed is null until the day is closed.
type dayJSON struct {
	Date       string           `json:"date"`
	Open       int              `json:"open"`
	Closed     *dayCloseJSON    `json:"closed"`
	Sessions   []daySessionJSON `json:"sessions"`
	Here       []dayVisitJSON   `json:"here"`
	InCare     []dayBookingJSON `json:"in_care"`
	NotArrived []dayBookingJSON `json:"not_arrived"`
	Jobs       []dayJobJSON     `json:"jobs"`
}

type dayCloseJSON struct {
	Staff    string   `json:"staff"`
	At       string   `json:"at"`
	LeftOpen []string `json:"left_open"`
}

type dayPersonJSON struct {
	PersonID uint64 `json:"person_id"`
	Name     string `json:"name"`
}

type daySessionJSON struct {
	SessionID uint64          `json:"session_id"`
	CourseID  uint64          `json:"course_id"`
	Course    string          `json:"course"`
	Kind      string          `json:"kind"`
	Title     string          `json:"title"`
	Start     string          `json:"start"`
	End       string          `json:"end"`
	Enrolled  int             `json:"enrolled"`
	Unmarked  []dayPersonJSON `json:"unmarked"`
}

type dayVisitJSON struct {
	VisitID  uint64 `json:"visit_id"`
	PersonID uint64 `json:"person_id"`
	Name     string `json:"name"`
	In       string `json:"in"`
	Purpose  string `json:"purpose"`
}

type dayBookingJSON struct {
	BookingID  uint64 `json:"booking_id"`
	ChildID    uint64 `json:"child_id"`
	Child      string `json:"child"`
	GuardianID uint64 `json:"guardian_id"`
	Guardian   string `json:"guardian"`
	SlotDate   string `json:"slot_date"`
	SlotStart  string `json:"slot_start"`
	SlotEnd    string `json:"slot_end"`
	DroppedOff string `json:"dropped_off,omitempty"`
	Allergy    bool   `json:"allergy"`
}

type dayJobJSON struct {
	JobID       uint64 `json:"job_id"`
	Title       string `json:"title"`
	Due         string `json:"due"`
	Overdue     bool   `json:"overdue"`
	Status      string `json:"status"`
	StatusLabel string `json:"status_label"`
	PersonID    uint64 `json:"person_id"`
	Person      string `json:"person"`
}

func cmdDay(c *cli, args []string) int {
	var date, format string
	ok, code, fs := c.parse("day", args, func(fs *flag.FlagSet) {
		fs.StringVar(&date, "date", "", "the day, YYYY-MM-DD (default: today)")
		fs.StringVar(&format, "format", "text", "text or json")
	})
	if !ok {
		return code
	}
	d, ok := c.dayFlag("day", date, fs)
	if !ok {
		return 2
	}
	if format, ok = c.formatFlag("day", format, fs, "text", "json"); !ok {
		return 2
	}
	s, ok := c.open()
	if !ok {
		return 1
	}
	defer s.Close()
	r, err := s.Review(d)
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi day: "+model.Message(err, c.lang))
		return 1
	}
	if format == "json" {
		err = dayWriteJSON(c.out, r, c.lang)
	} else {
		dayWriteText(c.out, r, c.lang)
	}
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi day:", err)
		return 1
	}
	return 0
}

func dayBookings(bs []model.ReviewBooking) []dayBookingJSON {
	out := make([]dayBookingJSON, 0, len(bs))
	for _, b := range bs {
		out = append(out, dayBookingJSON{BookingID: b.Booking.ID, ChildID: b.Child.ID, Child: b.Child.Name, GuardianID: b.Guardian.ID,
			Guardian: b.Guardian.DisplayName(), SlotDate: b.Slot.Date.String(), SlotStart: b.Slot.Start.String(), SlotEnd: b.Slot.End.String(),
			DroppedOff: jst(b.Booking.DroppedOff), Allergy: b.Child.HasAllergy()})
	}
	return out
}

func dayWriteJSON(w io.Writer, r model.DayReview, l model.Lang) error {
	out := dayJSON{Date: r.Date.String(), Open: r.Open(), Sessions: []daySessionJSON{}, Here: []dayVisitJSON{},
		InCare: dayBookings(r.InCare), NotArrived: dayBookings(r.NotArrived), Jobs: []dayJobJSON{}}
	if r.Closed != nil {
		out.Closed = &dayCloseJSON{Staff: r.Closed.Staff, At: jst(r.Closed.At), LeftOpen: append([]string{}, r.Closed.LeftOpen...)}
	}
	for _, s := range r.Sessions {
		js := daySessionJSON{SessionID: s.Session.ID, CourseID: s.Course.ID, Course: s.Course.Name, Kind: string(s.Course.Kind),
			Title: s.Session.Title, Start: s.Session.Start.String(), End: s.Session.End.String(), Enrolled: s.Enrolled, Unmarked: []dayPersonJSON{}}
		for _, p := range s.Unmarked {
			js.Unmarked = append(js.Unmarked, dayPersonJSON{PersonID: p.ID, Name: p.DisplayName()})
		}
		out.Sessions = append(out.Sessions, js)
	}
	for _, v := range r.Here {
		out.Here = append(out.Here, dayVisitJSON{VisitID: v.Visit.ID, PersonID: v.Person.ID, Name: v.Person.DisplayName(), In: jst(v.Visit.In), Purpose: string(v.Visit.Purpose)})
	}
	for _, j := range r.Jobs {
		out.Jobs = append(out.Jobs, dayJobJSON{JobID: j.Job.ID, Title: j.Job.Title, Due: j.Job.Due.String(), Overdue: j.Job.Overdue(r.Date),
			Status: string(j.Job.Status), StatusLabel: j.Job.Status.Label(l), PersonID: j.Person.ID, Person: j.Person.DisplayName()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func dayWriteText(w io.Writer, r model.DayReview, l model.Lang) {
	fmt.Fprintf(w, "%s %s %s  %s\n", l.Pick("日次締め", "End-of-day review"), model.FormatDateLong(r.Date, l), r.Date,
		l.Pick(fmt.Sprintf("未了 %d件", r.Open()), fmt.Sprintf("%d open", r.Open())))
	if r.Closed != nil {
		fmt.Fprintln(w, l.Pick(
			fmt.Sprintf("締め済み: %s に %s さん（未了 %d件を記録）", model.HHMM(r.Closed.At), r.Closed.Staff, len(r.Closed.LeftOpen)),
			fmt.Sprintf("Closed at %s by %s (%d left open)", model.HHMM(r.Closed.At), r.Closed.Staff, len(r.Closed.LeftOpen))))
	} else {
		fmt.Fprintln(w, l.Pick("まだ締めていません", "Not closed yet"))
	}
	section := func(n int, ja, en string) {
		fmt.Fprintf(w, "\n%s\n", l.Pick(fmt.Sprintf("%s %d", ja, n), fmt.Sprintf("%s: %d", en, n)))
		if n == 0 {
			fmt.Fprintln(w, "  "+l.Pick("なし", "none"))
		}
	}
	section(len(r.Sessions), "出欠未記入の回", "Sessions with unmarked people")
	for _, s := range r.Sessions {
		var names []string
		for _, p := range s.Unmarked {
			names = append(names, p.DisplayName())
		}
		fmt.Fprintf(w, "  %s %s「%s」 %s: %s\n", s.Session.Span(), s.Course.Name, s.Session.Title,
			l.Pick(fmt.Sprintf("未記入 %d/%d人", len(s.Unmarked), s.Enrolled), fmt.Sprintf("unmarked %d/%d", len(s.Unmarked), s.Enrolled)),
			strings.Join(names, l.Pick("、", ", ")))
	}
	section(len(r.Here), "来館中", "Still checked in")
	for _, v := range r.Here {
		since := model.HHMM(v.Visit.In)
		if v.Visit.Day() != r.Date {
			since = v.Visit.Day().String() + " " + since
		}
		fmt.Fprintf(w, "  %s  %s%s  %s\n", dayPad(v.Person.DisplayName(), 14), since, l.Pick("〜", "-"), v.Visit.Purpose.Label(l))
	}
	booking := func(b model.ReviewBooking) {
		slot := b.Slot.Span()
		if b.Slot.Date != r.Date {
			slot = b.Slot.Date.String() + " " + slot
		}
		allergy := ""
		if b.Child.HasAllergy() {
			allergy = "  " + l.Pick("アレルギー・配慮あり", "allergy/care notes")
		}
		fmt.Fprintf(w, "  %s  %s  %s%s%s\n", dayPad(b.Child.Name, 12), slot, l.Pick("保護者 ", "guardian "), b.Guardian.DisplayName(), allergy)
	}
	section(len(r.InCare), "お迎え未完了", "Children not picked up")
	for _, b := range r.InCare {
		booking(b)
	}
	section(len(r.NotArrived), "予約未処理（お預かり・無断欠席とも未記録）", "Bookings neither dropped off nor no-show")
	for _, b := range r.NotArrived {
		booking(b)
	}
	section(len(r.Jobs), "納期が本日まで・超過の案件", "Jobs due by the day or overdue")
	for _, j := range r.Jobs {
		over := ""
		if j.Job.Overdue(r.Date) {
			over = "  " + l.Pick("超過", "overdue")
		}
		fmt.Fprintf(w, "  %s  %s  %s  %s%s\n", j.Job.Due, j.Job.Title, j.Job.Status.Label(l), j.Person.DisplayName(), over)
	}
}

// dayPad pads s to w display cells (names are measured by width, never by bytes).
func dayPad(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}
