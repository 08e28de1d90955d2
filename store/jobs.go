package store

import (
	"slices"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// CreateClient stores a validated client.
func (s *Store) CreateClient(c model.Client) (model.Client, error) {
	err := s.update(func(t *tx) error {
		var err error
		c, err = t.createClient(c)
		return err
	})
	return c, err
}

func (t *tx) createClient(c model.Client) (model.Client, error) {
	n, err := t.nextID(bClients)
	if err != nil {
		return c, err
	}
	c.ID = n
	if err := t.put(bClients, u64(n), c); err != nil {
		return c, err
	}
	return c, t.audit("create", model.KindClient, ref(n), "", summary(c))
}

// UpdateClient replaces a client's fields.
func (s *Store) UpdateClient(c model.Client) (model.Client, error) {
	err := s.update(func(t *tx) error {
		var old model.Client
		if ok, err := t.get(bClients, u64(c.ID), &old); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindClient, c.ID)
		}
		if err := t.put(bClients, u64(c.ID), c); err != nil {
			return err
		}
		return t.audit("update", model.KindClient, ref(c.ID), summary(old), summary(c))
	})
	return c, err
}

// Clients returns every client in id order.
func (s *Store) Clients() ([]model.Client, error) {
	return viewValue(s, func(t *tx) ([]model.Client, error) { return decodeAll[model.Client](t, bClients) })
}

// CreateJob stores a validated job and its first history event. Every job starts at 打診: a
// status or stamps on j are ignored (moves go through MoveJob).
func (s *Store) CreateJob(j model.Job) (model.Job, error) {
	err := s.update(func(t *tx) error {
		var err error
		j, err = t.createJob(j)
		return err
	})
	return j, err
}

func (t *tx) createJob(j model.Job) (model.Job, error) {
	if err := t.jobRefs(j); err != nil {
		return j, err
	}
	n, err := t.nextID(bJobs)
	if err != nil {
		return j, err
	}
	j.ID, j.Status, j.Checklist = n, model.JobOffered, nil
	j.AcceptedAt, j.Delivered = time.Time{}, time.Time{}
	j.Invoiced, j.InvoicedOn, j.PaidAmount, j.PaidOn = 0, model.Date{}, 0, model.Date{}
	if j.Offered.IsZero() {
		j.Offered = t.now
	}
	if err := t.putJob(model.Job{}, j); err != nil {
		return j, err
	}
	if _, err := t.event(model.JobEvent{JobID: n, Kind: model.EventStatus, To: j.Status, Text: j.Status.Label(model.JA)}); err != nil {
		return j, err
	}
	return j, t.audit("create", model.KindJob, ref(n), "", summary(j))
}

// putJob writes a job and keeps its indexes in step with the old version (zero when new).
func (t *tx) putJob(old, j model.Job) error {
	if err := t.put(bJobs, u64(j.ID), j); err != nil {
		return err
	}
	if old.ID != 0 {
		if old.Open() {
			if err := t.unmark(iJobOpen, join(dayKey(old.Due), u64(j.ID))); err != nil {
				return err
			}
		}
		if old.PersonID != j.PersonID {
			if err := t.unmark(iJobPerson, pair(old.PersonID, j.ID)); err != nil {
				return err
			}
		}
		if !old.AcceptedAt.IsZero() {
			if err := t.unmark(iJobAccepted, join(dayKey(model.DateOf(old.AcceptedAt)), u64(j.ID))); err != nil {
				return err
			}
		}
		if paidKey(old) != nil {
			if err := t.unmark(iJobPaid, paidKey(old)); err != nil {
				return err
			}
		}
	}
	if j.Open() {
		if err := t.mark(iJobOpen, join(dayKey(j.Due), u64(j.ID))); err != nil {
			return err
		}
	}
	if err := t.mark(iJobPerson, pair(j.PersonID, j.ID)); err != nil {
		return err
	}
	if !j.AcceptedAt.IsZero() {
		if err := t.mark(iJobAccepted, join(dayKey(model.DateOf(j.AcceptedAt)), u64(j.ID))); err != nil {
			return err
		}
	}
	if k := paidKey(j); k != nil {
		if err := t.mark(iJobPaid, k); err != nil {
			return err
		}
	}
	return nil
}

// paidKey is a paid job's key in idx_jobs_paid, or nil when it is not paid.
func paidKey(j model.Job) []byte {
	if j.Status != model.JobPaid || j.PaidOn.IsZero() {
		return nil
	}
	return join(dayKey(j.PaidOn), u64(j.ID))
}

// jobRefs checks that a job's client and teleworker exist.
func (t *tx) jobRefs(j model.Job) error {
	if t.b(bClients).Get(u64(j.ClientID)) == nil {
		return model.NotFound(model.KindClient, j.ClientID)
	}
	if t.b(bPeople).Get(u64(j.PersonID)) == nil {
		return model.NotFound(model.KindPerson, j.PersonID)
	}
	return nil
}

// event stamps a history event (sequence, time, staff member on duty), stores it and returns it
// as stored.
func (t *tx) event(e model.JobEvent) (model.JobEvent, error) {
	n, err := t.b(bEvents).NextSequence()
	if err != nil {
		return e, err
	}
	e.Seq, e.At, e.Staff = n, t.now, t.s.Staff()
	return e, t.put(bEvents, pair(e.JobID, n), e)
}

func (t *tx) job(jobID uint64) (model.Job, error) {
	var j model.Job
	if ok, err := t.get(bJobs, u64(jobID), &j); err != nil {
		return j, err
	} else if !ok {
		return j, model.NotFound(model.KindJob, jobID)
	}
	return j, nil
}

// UpdateJob replaces a job's editable fields; status and its stamps are kept (use MoveJob). The
// client and teleworker must exist.
func (s *Store) UpdateJob(j model.Job) (model.Job, error) {
	err := s.update(func(t *tx) error {
		old, err := t.job(j.ID)
		if err != nil {
			return err
		}
		if err := t.jobRefs(j); err != nil {
			return err
		}
		j.Status, j.Offered, j.AcceptedAt, j.Delivered = old.Status, old.Offered, old.AcceptedAt, old.Delivered
		j.Invoiced, j.InvoicedOn, j.PaidAmount, j.PaidOn, j.Checklist = old.Invoiced, old.InvoicedOn, old.PaidAmount, old.PaidOn, old.Checklist
		if err := t.putJob(old, j); err != nil {
			return err
		}
		return t.audit("update", model.KindJob, ref(j.ID), summary(old), summary(j))
	})
	return j, err
}

// MoveJob applies a status move checked by the model's state machine and records it in the
// job's history.
func (s *Store) MoveJob(jobID uint64, m model.Move) (model.Job, error) {
	return updateValue(s, func(t *tx) (model.Job, error) { return t.moveJob(jobID, m) })
}

func (t *tx) moveJob(jobID uint64, m model.Move) (model.Job, error) {
	var j model.Job
	old, err := t.job(jobID)
	if err != nil {
		return j, err
	}
	st, err := t.settings()
	if err != nil {
		return j, err
	}
	var text string
	if j, text, err = model.ApplyMove(old, m, st.QAChecklist, t.now); err != nil {
		return j, err
	}
	if err := t.putJob(old, j); err != nil {
		return j, err
	}
	if _, err := t.event(model.MoveEvent(old, j, m, text)); err != nil {
		return j, err
	}
	if m.To == model.JobDelivered && !slices.Equal(old.Checklist, j.Checklist) { // ticked in the delivery itself
		if err := t.audit("checklist", model.KindJob, ref(jobID), summary(old.Checklist), summary(j.Checklist)); err != nil {
			return j, err
		}
	}
	return j, t.audit("move", model.KindJob, ref(jobID), string(old.Status), string(j.Status))
}

// SetChecklist records the QA items ticked so far on a job under review.
func (s *Store) SetChecklist(jobID uint64, ticked []string) (model.Job, error) {
	return updateValue(s, func(t *tx) (model.Job, error) { return t.setChecklist(jobID, ticked) })
}

func (t *tx) setChecklist(jobID uint64, ticked []string) (model.Job, error) {
	var j model.Job
	old, err := t.job(jobID)
	if err != nil {
		return j, err
	}
	if old.Status != model.JobQA {
		return j, model.Conflict("検品中の案件だけ検品項目を付けられます", "QA items can be ticked only while the job is in QA review")
	}
	j = old
	j.Checklist = append([]string(nil), ticked...)
	if err := t.putJob(old, j); err != nil {
		return j, err
	}
	return j, t.audit("checklist", model.KindJob, ref(jobID), summary(old.Checklist), summary(j.Checklist))
}

// AddJobNote adds a support note (伴走メモ) to a job's history.
func (s *Store) AddJobNote(jobID uint64, text string) (model.JobEvent, error) {
	return updateValue(s, func(t *tx) (model.JobEvent, error) { return t.addJobNote(jobID, text) })
}

func (t *tx) addJobNote(jobID uint64, text string) (model.JobEvent, error) {
	var e model.JobEvent
	note, err := model.NewNote(text)
	if err != nil {
		return e, err
	}
	if _, err := t.job(jobID); err != nil {
		return e, err
	}
	if e, err = t.event(model.JobEvent{JobID: jobID, Kind: model.EventNote, Text: note}); err != nil {
		return e, err
	}
	return e, t.audit("note", model.KindJobEvent, ref(jobID), "", note)
}

// Job returns one job.
func (s *Store) Job(jobID uint64) (model.Job, error) {
	return viewValue(s, func(t *tx) (model.Job, error) { return t.job(jobID) })
}

// Jobs returns every job in id order.
func (s *Store) Jobs() ([]model.Job, error) {
	return viewValue(s, func(t *tx) ([]model.Job, error) { return decodeAll[model.Job](t, bJobs) })
}

// JobsOf returns a teleworker's jobs in id order.
func (s *Store) JobsOf(personID uint64) ([]model.Job, error) {
	var out []model.Job
	err := s.view(func(t *tx) error {
		for _, jid := range t.prefixIDs(iJobPerson, u64(personID)) {
			j, err := t.job(jid)
			if err != nil {
				return err
			}
			out = append(out, j)
		}
		return nil
	})
	return out, err
}

// OpenJobsDueBy returns jobs not yet delivered whose due date is on or before d, by due date:
// a range scan of the open-jobs index, so history does not slow it.
func (s *Store) OpenJobsDueBy(d model.Date) ([]model.Job, error) {
	return viewValue(s, func(t *tx) ([]model.Job, error) { return t.openJobsDueBy(d) })
}

func (t *tx) openJobsDueBy(d model.Date) ([]model.Job, error) {
	var out []model.Job
	end := string(dayKey(d.AddDays(1)))
	c := t.b(iJobOpen).Cursor()
	for k, _ := c.First(); k != nil && string(k[:8]) < end; k, _ = c.Next() {
		j, err := t.job(id(k[8:]))
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, nil
}

// JobEvents returns a job's history, oldest first.
func (s *Store) JobEvents(jobID uint64) ([]model.JobEvent, error) {
	var out []model.JobEvent
	err := s.view(func(t *tx) error {
		c := t.b(bEvents).Cursor()
		p := u64(jobID)
		for k, v := c.Seek(p); k != nil && hasPrefix(k, p); k, v = c.Next() {
			var e model.JobEvent
			if err := jsonUnmarshal(v, &e); err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// JobBoard is what the jobs screen and the jobs command read: every job, client and person, and
// the settings (QA checklist, default fee), in one transaction so they agree.
type JobBoard struct {
	Jobs     []model.Job
	Clients  []model.Client
	People   []model.Person
	Settings model.Settings
}

// JobBoard reads the board.
func (s *Store) JobBoard() (JobBoard, error) {
	var b JobBoard
	err := s.view(func(t *tx) error {
		var err error
		if b.Settings, err = t.settings(); err != nil {
			return err
		}
		if err := eachJSON(t.b(bJobs), func() any { b.Jobs = append(b.Jobs, model.Job{}); return &b.Jobs[len(b.Jobs)-1] }); err != nil {
			return err
		}
		if err := eachJSON(t.b(bClients), func() any { b.Clients = append(b.Clients, model.Client{}); return &b.Clients[len(b.Clients)-1] }); err != nil {
			return err
		}
		return eachJSON(t.b(bPeople), func() any { b.People = append(b.People, model.Person{}); return &b.People[len(b.People)-1] })
	})
	return b, err
}

// eachJSON decodes every value of a bucket, in key order, into the place next returns.
func eachJSON(b interface {
	ForEach(func(k, v []byte) error) error
}, next func() any) error {
	return b.ForEach(func(k, v []byte) error { return jsonUnmarshal(v, next()) })
}

// JobHistory is one job with its history, newest event first, read in one transaction.
type JobHistory struct {
	Job    model.Job
	Events []model.JobEvent
}

// JobHistory reads a job and its history (newest first, as the detail screen shows it).
func (s *Store) JobHistory(jobID uint64) (JobHistory, error) {
	var h JobHistory
	err := s.view(func(t *tx) error {
		var err error
		if h.Job, err = t.job(jobID); err != nil {
			return err
		}
		c := t.b(bEvents).Cursor()
		p := u64(jobID)
		for k, v := c.Seek(p); k != nil && hasPrefix(k, p); k, v = c.Next() {
			var e model.JobEvent
			if err := jsonUnmarshal(v, &e); err != nil {
				return err
			}
			h.Events = append(h.Events, e)
		}
		slices.Reverse(h.Events)
		return nil
	})
	return h, err
}
