package store

import (
	"fmt"
	"sort"

	"github.com/nagawaka/madoguchi/model"
)

// Review reads the end-of-day review (日次締め) of day d in one read transaction, from day
// indexes and open-item indexes only, so its cost follows the day and what is open now, never
// the years of history:
//
//   - the day's sessions (idx_sessions_day) with their enrolments (enrollments by course prefix)
//     and marks (attendance by session prefix): those with enrolled people still unmarked;
//   - everyone still checked in (idx_visits_open);
//   - children in care (idx_bookings_in_care), and the day's bookings (idx_slots_day +
//     idx_bookings_slot) neither dropped off nor marked no-show;
//   - jobs not delivered due on d or earlier (idx_jobs_open);
//   - the day's close, if any.
func (s *Store) Review(d model.Date) (model.DayReview, error) {
	return viewValue(s, func(t *tx) (model.DayReview, error) { return t.review(d) })
}

func (t *tx) review(d model.Date) (model.DayReview, error) {
	r := model.DayReview{Date: d}
	sessions, err := t.sessionsOn(d)
	if err != nil {
		return r, err
	}
	for _, se := range sessions {
		es, err := t.enrollments(se.CourseID)
		if err != nil {
			return r, err
		}
		marks, err := t.attendanceOf(se.ID)
		if err != nil {
			return r, err
		}
		ids := model.Unmarked(es, marks)
		if len(ids) == 0 {
			continue
		}
		rs := model.ReviewSession{Session: se}
		for _, e := range es {
			if e.Active() {
				rs.Enrolled++
			}
		}
		if _, err := t.get(bCourses, u64(se.CourseID), &rs.Course); err != nil {
			return r, err
		}
		for _, pid := range ids {
			var p model.Person
			if _, err := t.get(bPeople, u64(pid), &p); err != nil {
				return r, err
			}
			rs.Unmarked = append(rs.Unmarked, p)
		}
		sort.SliceStable(rs.Unmarked, func(i, j int) bool { return rs.Unmarked[i].Reading < rs.Unmarked[j].Reading })
		r.Sessions = append(r.Sessions, rs)
	}

	visits, err := t.openVisits()
	if err != nil {
		return r, err
	}
	for _, v := range visits {
		rv := model.ReviewVisit{Visit: v}
		if _, err := t.get(bPeople, u64(v.PersonID), &rv.Person); err != nil {
			return r, err
		}
		r.Here = append(r.Here, rv)
	}

	inCare, err := t.inCare()
	if err != nil {
		return r, err
	}
	for _, c := range inCare {
		r.InCare = append(r.InCare, model.ReviewBooking{Booking: c.Booking, Slot: c.Slot, Child: c.Child, Guardian: c.Guardian})
	}
	slots, err := t.slotsOn(d)
	if err != nil {
		return r, err
	}
	for _, sl := range slots {
		for _, b := range sl.Bookings {
			if model.NotArrivedStatus(b.Booking.Status) {
				r.NotArrived = append(r.NotArrived, model.ReviewBooking{Booking: b.Booking, Slot: sl.Slot, Child: b.Child, Guardian: b.Guardian})
			}
		}
	}

	jobs, err := t.openJobsDueBy(d)
	if err != nil {
		return r, err
	}
	for _, j := range jobs {
		rj := model.ReviewJob{Job: j}
		if _, err := t.get(bPeople, u64(j.PersonID), &rj.Person); err != nil {
			return r, err
		}
		r.Jobs = append(r.Jobs, rj)
	}

	var dc model.DayClose
	if ok, err := t.get(bDayClose, dayKey(d), &dc); err != nil {
		return r, err
	} else if ok {
		r.Closed = &dc
	}
	r.Sort()
	return r, nil
}

// CloseDayReviewed closes day d (日次締め) after reviewing it again inside the same write
// transaction, so the close records exactly what was open when it was made. With items still open
// it refuses (a model.ErrConflict naming how many, nothing written) unless confirmOpen is true,
// which staff give after seeing the list; the close then records one line per open item (in
// Japanese, the records' language). The review is returned either way.
func (s *Store) CloseDayReviewed(d model.Date, confirmOpen bool) (model.DayClose, model.DayReview, error) {
	var dc model.DayClose
	var r model.DayReview
	err := s.update(func(t *tx) error {
		var err error
		if r, err = t.review(d); err != nil {
			return err
		}
		if !r.Clear() && !confirmOpen {
			return model.Conflict(
				fmt.Sprintf("未了の項目が%d件あります。確認してから締めてください", r.Open()),
				fmt.Sprintf("%d items are still open; confirm them before closing", r.Open()))
		}
		if dc, err = t.closeDay(d, r.LeftOpen(model.JA)); err != nil {
			return err
		}
		r.Closed = &dc
		return nil
	})
	return dc, r, err
}
