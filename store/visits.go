package store

import (
	"sort"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// CheckIn opens a visit for a person. A person has at most one open visit: checking in someone
// who is already in is refused.
func (s *Store) CheckIn(personID uint64, purpose model.Purpose) (model.Visit, error) {
	return updateValue(s, func(t *tx) (model.Visit, error) { return t.checkIn(personID, purpose) })
}

func (t *tx) checkIn(personID uint64, purpose model.Purpose) (model.Visit, error) {
	var p model.Person
	if ok, err := t.get(bPeople, u64(personID), &p); err != nil {
		return model.Visit{}, err
	} else if !ok {
		return model.Visit{}, model.NotFound(model.KindPerson, personID)
	}
	if t.b(iVisitOpen).Get(u64(personID)) != nil {
		return model.Visit{}, model.Conflict(p.Name+"さんはすでにチェックイン済みです", p.Name+" is already checked in")
	}
	v, err := model.NewVisit(personID, t.now, purpose)
	if err != nil {
		return v, err
	}
	n, err := t.nextID(bVisits)
	if err != nil {
		return v, err
	}
	v.ID = n
	if err := t.put(bVisits, u64(n), v); err != nil {
		return v, err
	}
	if err := t.mark(iVisitDay, join(dayKey(v.Day()), u64(n))); err != nil {
		return v, err
	}
	if err := t.mark(iVisitPerson, pair(personID, n)); err != nil {
		return v, err
	}
	if err := t.b(iVisitOpen).Put(u64(personID), u64(n)); err != nil {
		return v, err
	}
	return v, t.audit("check_in", model.KindVisit, ref(n), "", string(v.Purpose))
}

// CheckOut closes the person's open visit at the current time.
func (s *Store) CheckOut(personID uint64) (model.Visit, error) {
	return updateValue(s, func(t *tx) (model.Visit, error) { return t.checkOut(personID, t.now, false) })
}

func (t *tx) checkOut(personID uint64, at time.Time, closing bool) (model.Visit, error) {
	var v model.Visit
	vid := id(t.b(iVisitOpen).Get(u64(personID)))
	if vid == 0 {
		return v, model.Conflict("この方はチェックインしていません", "This person is not checked in")
	}
	if _, err := t.get(bVisits, u64(vid), &v); err != nil {
		return v, err
	}
	v.Out = at.UTC().Truncate(time.Second)
	if !v.Out.After(v.In) {
		v.Out = v.In.Add(time.Second)
	}
	v.ClosedAtClosing = closing
	if err := t.put(bVisits, u64(vid), v); err != nil {
		return v, err
	}
	if err := t.unmark(iVisitOpen, u64(personID)); err != nil {
		return v, err
	}
	action := "check_out"
	if closing {
		action = "check_out_closing"
	}
	return v, t.audit(action, model.KindVisit, ref(vid), "", model.DateOf(v.Out).String()+" "+model.HHMM(v.Out))
}

// Toggle checks the person in (with purpose) when they are out, and out when they are in.
// checkedIn tells which happened.
func (s *Store) Toggle(personID uint64, purpose model.Purpose) (v model.Visit, checkedIn bool, err error) {
	err = s.update(func(t *tx) error {
		var err error
		if t.b(iVisitOpen).Get(u64(personID)) != nil {
			v, err = t.checkOut(personID, t.now, false)
			return err
		}
		checkedIn = true
		v, err = t.checkIn(personID, purpose)
		return err
	})
	return v, checkedIn, err
}

// RegisterAndCheckIn creates a walk-in person and checks them in, in one transaction.
func (s *Store) RegisterAndCheckIn(p model.Person, purpose model.Purpose) (model.Person, model.Visit, error) {
	var v model.Visit
	err := s.update(func(t *tx) error {
		var err error
		if p, err = t.createPerson(p); err != nil {
			return err
		}
		v, err = t.checkIn(p.ID, purpose)
		return err
	})
	return p, v, err
}

// UndoCheckIn removes a visit opened by mistake (it must still be open).
func (s *Store) UndoCheckIn(visitID uint64) error {
	return s.update(func(t *tx) error {
		var v model.Visit
		if ok, err := t.get(bVisits, u64(visitID), &v); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindVisit, visitID)
		}
		if !v.Open() {
			return model.Conflict("すでにチェックアウト済みのため取り消せません", "Already checked out; cannot undo the check-in")
		}
		if err := t.unmark(iVisitDay, join(dayKey(v.Day()), u64(visitID))); err != nil {
			return err
		}
		if err := t.unmark(iVisitPerson, pair(v.PersonID, visitID)); err != nil {
			return err
		}
		if err := t.unmark(iVisitOpen, u64(v.PersonID)); err != nil {
			return err
		}
		if err := t.b(bVisits).Delete(u64(visitID)); err != nil {
			return err
		}
		return t.audit("undo_check_in", model.KindVisit, ref(visitID), summary(v), "")
	})
}

// UndoCheckOut reopens a visit closed by mistake, unless the person has checked in again since.
func (s *Store) UndoCheckOut(visitID uint64) error {
	return s.update(func(t *tx) error {
		var v model.Visit
		if ok, err := t.get(bVisits, u64(visitID), &v); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindVisit, visitID)
		}
		if v.Open() {
			return nil
		}
		if t.b(iVisitOpen).Get(u64(v.PersonID)) != nil {
			return model.Conflict("その後またチェックインしているため取り消せません", "They have checked in again since; cannot undo")
		}
		old := v
		v.Out, v.ClosedAtClosing = time.Time{}, false
		if err := t.put(bVisits, u64(visitID), v); err != nil {
			return err
		}
		if err := t.b(iVisitOpen).Put(u64(v.PersonID), u64(visitID)); err != nil {
			return err
		}
		return t.audit("undo_check_out", model.KindVisit, ref(visitID), summary(old), summary(v))
	})
}

// CheckOutAll checks out everyone still in at closing, returning the visits closed. Each visit is
// stamped by ClosingOut: at (the closing stamp staff chose), except a visit begun on an earlier
// day (closed at that day's closing time) or begun at or after at (closed now).
func (s *Store) CheckOutAll(at time.Time) ([]model.Visit, error) {
	return updateValue(s, func(t *tx) ([]model.Visit, error) { return t.checkOutAll(at) })
}

func (t *tx) checkOutAll(at time.Time) ([]model.Visit, error) {
	var out []model.Visit
	st, err := t.settings()
	if err != nil {
		return out, err
	}
	var open []model.Visit
	c := t.b(iVisitOpen).Cursor()
	for k, vid := c.First(); k != nil; k, vid = c.Next() {
		var v model.Visit
		if _, err := t.get(bVisits, vid, &v); err != nil {
			return out, err
		}
		open = append(open, v)
	}
	for _, v := range open { // not deleting through the cursor
		v, err := t.checkOut(v.PersonID, ClosingOut(v, at, t.now, st.Closing), true)
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// ClosingOut is the check-out time "check out everyone" stamps on an open visit: at, the closing
// stamp staff chose (the closing time, or now when closing early); for a visit begun on an earlier
// day, that day's closing time (or the end of that day, when it began after closing), so no visit
// runs across days; for a visit begun at or after at (someone who came after closing), now.
func ClosingOut(v model.Visit, at, now time.Time, closing model.ClockTime) time.Time {
	if d := v.Day(); d.Before(model.DateOf(at)) {
		c := d.At(closing)
		if !c.After(v.In) {
			c = d.AddDays(1).Start().Add(-time.Second)
		}
		return c
	}
	if !at.After(v.In) {
		return now
	}
	return at
}

// CorrectVisit changes a visit's times after the fact, with a reason kept in the audit log.
func (s *Store) CorrectVisit(visitID uint64, in, out time.Time, reason string) (model.Visit, error) {
	var v model.Visit
	err := s.update(func(t *tx) error {
		var old model.Visit
		if ok, err := t.get(bVisits, u64(visitID), &old); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindVisit, visitID)
		}
		var err error
		if v, err = model.CorrectVisit(old, in, out, reason); err != nil {
			return err
		}
		var others []model.Visit
		for _, oid := range t.prefixIDs(iVisitPerson, u64(v.PersonID)) { // this person's history only
			var o model.Visit
			if _, err := t.get(bVisits, u64(oid), &o); err != nil {
				return err
			}
			others = append(others, o)
		}
		if err := model.CheckCorrection(v, t.now, others); err != nil {
			return err
		}
		if old.Day() != v.Day() {
			if err := t.unmark(iVisitDay, join(dayKey(old.Day()), u64(visitID))); err != nil {
				return err
			}
			if err := t.mark(iVisitDay, join(dayKey(v.Day()), u64(visitID))); err != nil {
				return err
			}
		}
		if old.Open() && !v.Open() {
			if err := t.unmark(iVisitOpen, u64(v.PersonID)); err != nil {
				return err
			}
		}
		if !old.Open() && v.Open() {
			if t.b(iVisitOpen).Get(u64(v.PersonID)) != nil {
				return model.Conflict("この方は別の来館が開いています", "This person has another open visit")
			}
			if err := t.b(iVisitOpen).Put(u64(v.PersonID), u64(visitID)); err != nil {
				return err
			}
		}
		if err := t.put(bVisits, u64(visitID), v); err != nil {
			return err
		}
		return t.audit("correct", model.KindVisit, ref(visitID), summary(old), summary(v)+" 理由: "+reason)
	})
	return v, err
}

// Visit returns one visit.
func (s *Store) Visit(visitID uint64) (model.Visit, error) {
	var v model.Visit
	err := s.view(func(t *tx) error {
		ok, err := t.get(bVisits, u64(visitID), &v)
		if err == nil && !ok {
			return model.NotFound(model.KindVisit, visitID)
		}
		return err
	})
	return v, err
}

// VisitsOn returns the visits that started on a day, in check-in order: a range scan of the day
// index, whose cost does not grow with history.
func (s *Store) VisitsOn(d model.Date) ([]model.Visit, error) {
	return viewValue(s, func(t *tx) ([]model.Visit, error) { return t.visitsOn(d) })
}

func (t *tx) visitsOn(d model.Date) ([]model.Visit, error) {
	var out []model.Visit
	for _, vid := range t.prefixIDs(iVisitDay, dayKey(d)) {
		var v model.Visit
		if _, err := t.get(bVisits, u64(vid), &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	// The index is day|visit id; a corrected check-in time can make id order differ from
	// check-in order, so sort (a day holds tens of visits).
	sort.SliceStable(out, func(i, j int) bool { return out[i].In.Before(out[j].In) })
	return out, nil
}

// VisitLine is a visit with the person it belongs to.
type VisitLine struct {
	Visit  model.Visit
	Person model.Person
}

// DayVisits returns the visits that started on a day with their people, in check-in order, read in
// one transaction (the day's visit list and `madoguchi visits`).
func (s *Store) DayVisits(d model.Date) ([]VisitLine, error) {
	var out []VisitLine
	err := s.view(func(t *tx) error {
		vs, err := t.visitsOn(d)
		if err != nil {
			return err
		}
		for _, v := range vs {
			l := VisitLine{Visit: v}
			if _, err := t.get(bPeople, u64(v.PersonID), &l.Person); err != nil {
				return err
			}
			out = append(out, l)
		}
		return nil
	})
	return out, err
}

// OpenVisits returns the visits of everyone in right now.
func (s *Store) OpenVisits() ([]model.Visit, error) {
	return viewValue(s, func(t *tx) ([]model.Visit, error) { return t.openVisits() })
}

func (t *tx) openVisits() ([]model.Visit, error) {
	var out []model.Visit
	err := t.b(iVisitOpen).ForEach(func(k, v []byte) error {
		var vis model.Visit
		if _, err := t.get(bVisits, v, &vis); err != nil {
			return err
		}
		out = append(out, vis)
		return nil
	})
	return out, err
}

// VisitsOf returns a person's visits, oldest first.
func (s *Store) VisitsOf(personID uint64) ([]model.Visit, error) {
	var out []model.Visit
	err := s.view(func(t *tx) error {
		for _, vid := range t.prefixIDs(iVisitPerson, u64(personID)) {
			var v model.Visit
			if _, err := t.get(bVisits, u64(vid), &v); err != nil {
				return err
			}
			out = append(out, v)
		}
		return nil
	})
	return out, err
}
