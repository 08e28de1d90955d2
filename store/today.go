package store

import (
	"sort"

	"github.com/nagawaka/madoguchi/model"
)

// HereNow is a person in the space now, with their visit and their children in the kids space.
type HereNow struct {
	Visit    model.Visit
	Person   model.Person
	Children []InCareLine
}

// SessionLine is a session with its course.
type SessionLine struct {
	Session model.Session
	Course  model.Course
}

// Today is what ホーム shows: who is in, children in care, the day's sessions and slots, and
// jobs due today or overdue. It is read in one transaction from day and open-item indexes.
type Today struct {
	Date     model.Date
	Here     []HereNow
	InCare   []InCareLine
	Sessions []SessionLine
	Slots    []SlotRoster
	JobsDue  []model.Job
	Closed   *model.DayClose
}

// Today reads the day's summary.
func (s *Store) Today(d model.Date) (Today, error) {
	out := Today{Date: d}
	err := s.view(func(t *tx) error {
		visits, err := t.openVisits()
		if err != nil {
			return err
		}
		if out.InCare, err = t.inCare(); err != nil {
			return err
		}
		for _, v := range visits {
			h := HereNow{Visit: v}
			if _, err := t.get(bPeople, u64(v.PersonID), &h.Person); err != nil {
				return err
			}
			for _, c := range out.InCare {
				if c.Child.GuardianID == v.PersonID {
					h.Children = append(h.Children, c)
				}
			}
			out.Here = append(out.Here, h)
		}
		sort.SliceStable(out.Here, func(i, j int) bool { return out.Here[i].Visit.In.Before(out.Here[j].Visit.In) })
		ss, err := t.sessionsOn(d)
		if err != nil {
			return err
		}
		for _, se := range ss {
			l := SessionLine{Session: se}
			if _, err := t.get(bCourses, u64(se.CourseID), &l.Course); err != nil {
				return err
			}
			out.Sessions = append(out.Sessions, l)
		}
		if out.Slots, err = t.slotsOn(d); err != nil {
			return err
		}
		if out.JobsDue, err = t.openJobsDueBy(d); err != nil {
			return err
		}
		var dc model.DayClose
		if ok, err := t.get(bDayClose, dayKey(d), &dc); err != nil {
			return err
		} else if ok {
			out.Closed = &dc
		}
		return nil
	})
	return out, err
}
