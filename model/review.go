package model

import (
	"fmt"
	"sort"
	"time"
)

// DayReview is the end-of-day review (日次締め) of one day: everything still open when staff
// close. The store fills it in one read; the rules of what counts as open, and the lines a close
// records, live here.
type DayReview struct {
	Date Date `json:"date"`
	// Sessions are the day's sessions that still have enrolled people without a mark.
	Sessions []ReviewSession `json:"sessions"`
	// Here are the people still checked in (from any day).
	Here []ReviewVisit `json:"here"`
	// InCare are the children dropped off and not yet picked up (from any day).
	InCare []ReviewBooking `json:"in_care"`
	// NotArrived are the day's bookings neither dropped off, cancelled nor marked no-show
	// (waitlisted children never had a place, so they are not listed).
	NotArrived []ReviewBooking `json:"not_arrived"`
	// Jobs are the jobs not yet delivered whose due date is the day or earlier.
	Jobs []ReviewJob `json:"jobs"`
	// Closed is the day's close, when it was closed.
	Closed *DayClose `json:"closed,omitempty"`
}

// ReviewSession is a session with the enrolled people still unmarked.
type ReviewSession struct {
	Session  Session  `json:"session"`
	Course   Course   `json:"course"`
	Enrolled int      `json:"enrolled"`
	Unmarked []Person `json:"unmarked"`
}

// ReviewVisit is a person still checked in.
type ReviewVisit struct {
	Visit  Visit  `json:"visit"`
	Person Person `json:"person"`
}

// ReviewBooking is a booking with its slot, child and guardian.
type ReviewBooking struct {
	Booking  Booking       `json:"booking"`
	Slot     ChildcareSlot `json:"slot"`
	Child    Child         `json:"child"`
	Guardian Person        `json:"guardian"`
}

// ReviewJob is a job with its teleworker.
type ReviewJob struct {
	Job    Job    `json:"job"`
	Person Person `json:"person"`
}

// Unmarked returns the people enrolled (and not withdrawn) who have no mark yet, in the order of
// enrolled; a stored record without a mark (a note alone) counts as unmarked.
func Unmarked(enrolled []Enrollment, marks []Attendance) []uint64 {
	marked := make(map[uint64]bool, len(marks))
	for _, a := range marks {
		if a.Mark != MarkNone {
			marked[a.PersonID] = true
		}
	}
	var out []uint64
	for _, e := range enrolled {
		if e.Active() && !marked[e.PersonID] {
			out = append(out, e.PersonID)
		}
	}
	return out
}

// NotArrivedStatus reports whether a booking in status s is still waiting for its child: booked,
// neither dropped off nor cancelled nor marked no-show.
func NotArrivedStatus(s BookingStatus) bool { return s == BookingBooked }

// Open counts the open items: one per session with unmarked people, person still in, child in
// care, booking not arrived and job due.
func (r DayReview) Open() int {
	return len(r.Sessions) + len(r.Here) + len(r.InCare) + len(r.NotArrived) + len(r.Jobs)
}

// Clear reports whether nothing is left open.
func (r DayReview) Clear() bool { return r.Open() == 0 }

// Sort puts every list in the order staff read it: sessions by start, people by check-in,
// children by slot end, bookings by slot start, jobs by due date.
func (r *DayReview) Sort() {
	sort.SliceStable(r.Sessions, func(i, j int) bool {
		a, b := r.Sessions[i].Session, r.Sessions[j].Session
		if a.Date != b.Date {
			return a.Date.Before(b.Date)
		}
		return a.Start < b.Start
	})
	sort.SliceStable(r.Here, func(i, j int) bool { return r.Here[i].Visit.In.Before(r.Here[j].Visit.In) })
	sort.SliceStable(r.InCare, func(i, j int) bool { return r.InCare[i].Slot.EndTime().Before(r.InCare[j].Slot.EndTime()) })
	sort.SliceStable(r.NotArrived, func(i, j int) bool {
		return r.NotArrived[i].Slot.StartTime().Before(r.NotArrived[j].Slot.StartTime())
	})
	sort.SliceStable(r.Jobs, func(i, j int) bool { return r.Jobs[i].Job.Due.Before(r.Jobs[j].Job.Due) })
}

// Late reports whether a child in care should have been picked up by now (the slot ended).
func (b ReviewBooking) Late(now time.Time) bool { return !now.Before(b.Slot.EndTime()) }

// Missed reports whether a booked child has not come though the slot has started.
func (b ReviewBooking) Missed(now time.Time) bool { return !now.Before(b.Slot.StartTime()) }

// Line describes a session with unmarked people in one line.
func (s ReviewSession) Line(l Lang) string {
	return l.Pick(
		fmt.Sprintf("出欠未記入: %s %s %s「%s」 %d人", s.Session.Date.String()[5:], s.Session.Span(), s.Course.Name, s.Session.Title, len(s.Unmarked)),
		fmt.Sprintf("Unmarked: %s %s %s %q, %d people", s.Session.Date.String()[5:], s.Session.Span(), s.Course.Name, s.Session.Title, len(s.Unmarked)))
}

// Line describes a person still in, in one line.
func (v ReviewVisit) Line(l Lang) string {
	return l.Pick(
		fmt.Sprintf("来館中: %s（%s %s〜）", v.Person.DisplayName(), v.Visit.Day().String()[5:], HHMM(v.Visit.In)),
		fmt.Sprintf("Still in: %s (since %s %s)", v.Person.DisplayName(), v.Visit.Day().String()[5:], HHMM(v.Visit.In)))
}

// InCareLine describes a child not picked up, in one line.
func (b ReviewBooking) InCareLine(l Lang) string {
	return l.Pick(
		fmt.Sprintf("お迎え未完了: %s（%s %s、保護者 %s）", b.Child.Name, b.Slot.Date.String()[5:], b.Slot.Span(), b.Guardian.DisplayName()),
		fmt.Sprintf("Not picked up: %s (%s %s, guardian %s)", b.Child.Name, b.Slot.Date.String()[5:], b.Slot.Span(), b.Guardian.DisplayName()))
}

// NotArrivedLine describes a booking neither dropped off nor marked no-show, in one line.
func (b ReviewBooking) NotArrivedLine(l Lang) string {
	return l.Pick(
		fmt.Sprintf("予約未処理: %s（%s %s、保護者 %s）", b.Child.Name, b.Slot.Date.String()[5:], b.Slot.Span(), b.Guardian.DisplayName()),
		fmt.Sprintf("Booking not settled: %s (%s %s, guardian %s)", b.Child.Name, b.Slot.Date.String()[5:], b.Slot.Span(), b.Guardian.DisplayName()))
}

// Line describes a job due, in one line.
func (j ReviewJob) Line(l Lang) string {
	return l.Pick(
		fmt.Sprintf("納期 %s: %s（%s、%s）", j.Job.Due, j.Job.Title, j.Job.Status.Label(JA), j.Person.DisplayName()),
		fmt.Sprintf("Due %s: %s (%s, %s)", j.Job.Due, j.Job.Title, j.Job.Status.Label(EN), j.Person.DisplayName()))
}

// LeftOpen returns one line per open item, in the review's order: what a close records.
func (r DayReview) LeftOpen(l Lang) []string {
	var out []string
	for _, s := range r.Sessions {
		out = append(out, s.Line(l))
	}
	for _, v := range r.Here {
		out = append(out, v.Line(l))
	}
	for _, b := range r.InCare {
		out = append(out, b.InCareLine(l))
	}
	for _, b := range r.NotArrived {
		out = append(out, b.NotArrivedLine(l))
	}
	for _, j := range r.Jobs {
		out = append(out, j.Line(l))
	}
	return out
}
