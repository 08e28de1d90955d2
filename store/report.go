package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

// Reports read a period's records in one read transaction, through the day indexes, so a 年度
// costs the same whether the database holds that year alone or ten years of history:
//
//	visits        idx_visits_day     YYYYMMDD|visit, the period's days
//	childcare     idx_slots_day      YYYYMMDD|start|slot, then idx_bookings_slot slot|booking
//	courses       idx_sessions_day   the period's sessions name the courses held in it; then
//	              idx_sessions_course course|session for all of those courses' sessions
//	              (completion needs them), and attendance session|person for their marks
//	jobs accepted idx_jobs_accepted  YYYYMMDD|job, the period's days
//	jobs paid     idx_jobs_paid      (those not accepted in the period)
//	clients, people, children        by id, only those the records above name
//
// No bucket of records is walked and no index is read beyond the period's days.

// Report gathers a period's records and computes its figures (model.BuildReport).
// The figures need no names, so it reads neither people nor children, and of each booking only
// what it counts.
func (s *Store) Report(p model.ReportPeriod) (model.Report, error) {
	r, err := s.gather(p, false)
	if err != nil {
		return model.Report{}, err
	}
	return model.BuildReport(r), nil
}

// ReportRecords gathers the raw records behind a period's report, with the KPI targets from the
// settings and the people and children they name, in one read transaction.
func (s *Store) ReportRecords(p model.ReportPeriod) (model.ReportRecords, error) {
	return s.gather(p, true)
}

// gather reads a period's records; names adds the people and children and whole bookings.
func (s *Store) gather(p model.ReportPeriod, names bool) (model.ReportRecords, error) {
	r := model.ReportRecords{Period: p}
	err := s.view(func(t *tx) error {
		st, err := t.settings()
		if err != nil {
			return err
		}
		r.Targets = st.Targets
		g := gatherer{t: t, p: p, names: names, people: map[uint64]bool{}, bk: map[string]*bolt.Bucket{}}
		for _, step := range []func(*model.ReportRecords) error{g.visits, g.childcare, g.courses, g.jobs, g.readNames} {
			if err := step(&r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return model.ReportRecords{}, storageReadError(err)
	}
	return r, nil
}

// gatherer reads one period's records inside one transaction.
type gatherer struct {
	t      *tx
	p      model.ReportPeriod
	names  bool                    // read people, children and whole bookings (for exports)
	people map[uint64]bool         // people named by the records, read at the end
	bk     map[string]*bolt.Bucket // buckets opened once: a read transaction does not cache them
}

// get decodes the record under id in bucket name; false when it is missing.
func (g gatherer) get(name []byte, rid uint64, v any) (bool, error) {
	b := g.bk[string(name)]
	if b == nil {
		b = g.t.b(name)
		g.bk[string(name)] = b
	}
	data := b.Get(u64(rid))
	if data == nil {
		return false, nil
	}
	if err := jsonUnmarshal(data, v); err != nil {
		return true, fmt.Errorf("decode %s/%d: %w", name, rid, err)
	}
	return true, nil
}

// days calls fn with the trailing id of every key of a YYYYMMDD|… index within the period.
func (g gatherer) days(index []byte, fn func(id uint64) error) error {
	end := dayKey(g.p.To.AddDays(1))
	c := g.t.b(index).Cursor()
	for k, _ := c.Seek(dayKey(g.p.From)); k != nil && len(k) >= 16 && bytes.Compare(k[:8], end) < 0; k, _ = c.Next() {
		if err := fn(id(k[len(k)-8:])); err != nil {
			return err
		}
	}
	return nil
}

// visitFields are the fields of a stored visit a report reads: decoding only these skips the
// two timestamps, which are most of the cost of a year's tens of thousands of visits. The day
// comes from the index key, which is the check-in day in Tokyo.
type visitFields struct {
	PersonID uint64        `json:"person_id"`
	Purpose  model.Purpose `json:"purpose"`
}

var (
	personIDField = []byte(`"person_id":`)
	purposeField  = []byte(`"purpose":"`)
)

// scanVisit reads a stored visit's person and purpose straight from its JSON, some ten times
// faster than decoding it (a 年度 has about 15,000 visits; the benchmark needs this). It is safe
// because model.Visit has no free text: its only strings are two timestamps and the purpose, so
// the two keys cannot appear inside a value. Anything unexpected (ok false) falls back to
// json.Unmarshal; TestScanVisitMatchesJSON holds the two to the same answer.
func scanVisit(v []byte) (visitFields, bool) {
	var f visitFields
	i := bytes.Index(v, personIDField)
	if i < 0 {
		return f, false
	}
	j := i + len(personIDField)
	k := j
	for ; k < len(v) && v[k] >= '0' && v[k] <= '9'; k++ {
		f.PersonID = f.PersonID*10 + uint64(v[k]-'0')
	}
	if k == j || k-j > 18 || k >= len(v) || (v[k] != ',' && v[k] != '}') {
		return f, false
	}
	i = bytes.Index(v, purposeField)
	if i < 0 {
		return f, false
	}
	j = i + len(purposeField)
	k = bytes.IndexByte(v[j:], '"')
	if k < 0 {
		return f, false
	}
	f.Purpose = model.Purpose(v[j : j+k])
	return f, f.Purpose.Valid()
}

func (g gatherer) visits(r *model.ReportRecords) error {
	// Visit ids are given in check-in order, so the period's visits sit almost side by side in
	// the visits bucket: a cursor stepping forward reads them far faster than a Get (a search
	// from the root) each. It seeks only when the next id is not a few steps ahead.
	vc := g.t.b(bVisits).Cursor()
	var vk, v []byte
	end := dayKey(g.p.To.AddDays(1))
	c := g.t.b(iVisitDay).Cursor()
	var day model.Date
	var dayOf []byte
	var err error
	for k, _ := c.Seek(dayKey(g.p.From)); k != nil && len(k) == 16 && bytes.Compare(k[:8], end) < 0; k, _ = c.Next() {
		want := k[8:]
		if vk != nil && bytes.Compare(vk, want) < 0 && id(want)-id(vk) <= 16 {
			for vk != nil && bytes.Compare(vk, want) < 0 {
				vk, v = vc.Next()
			}
		} else if !bytes.Equal(vk, want) {
			vk, v = vc.Seek(want)
		}
		if vk == nil || !bytes.Equal(vk, want) {
			vk = nil // a stale index key: seek afresh next time
			continue
		}
		f, ok := scanVisit(v)
		if !ok {
			if err := jsonUnmarshal(v, &f); err != nil {
				return fmt.Errorf("decode visits/%x: %w", want, err)
			}
		}
		if !bytes.Equal(k[:8], dayOf) {
			if day, err = model.ParseDate(string(k[:4]) + "-" + string(k[4:6]) + "-" + string(k[6:8])); err != nil {
				return fmt.Errorf("visit index key %x: %w", k, err)
			}
			dayOf = append(dayOf[:0], k[:8]...)
		}
		r.Visits = append(r.Visits, model.VisitRecord{PersonID: f.PersonID, Day: day, Purpose: f.Purpose})
		g.people[f.PersonID] = true
	}
	return nil
}

// bookingFields are what the figures need of a booking: decoding only these skips its three
// timestamps and the collector.
type bookingFields struct {
	ID       uint64              `json:"id"`
	SlotID   uint64              `json:"slot_id"`
	ChildID  uint64              `json:"child_id"`
	BookedBy uint64              `json:"booked_by"`
	Status   model.BookingStatus `json:"status"`
}

func (g gatherer) childcare(r *model.ReportRecords) error {
	children := map[uint64]bool{}
	err := g.days(iSlotDay, func(sid uint64) error {
		var sl model.ChildcareSlot
		if ok, err := g.get(bSlots, sid, &sl); err != nil || !ok {
			return err
		}
		r.Slots = append(r.Slots, sl)
		for _, bid := range g.t.prefixIDs(iBookingSlot, u64(sid)) {
			var b model.Booking
			if g.names {
				if ok, err := g.get(bBookings, bid, &b); err != nil || !ok {
					if err != nil {
						return err
					}
					continue
				}
			} else {
				var f bookingFields
				if ok, err := g.get(bBookings, bid, &f); err != nil || !ok {
					if err != nil {
						return err
					}
					continue
				}
				b = model.Booking{ID: f.ID, SlotID: f.SlotID, ChildID: f.ChildID, BookedBy: f.BookedBy, Status: f.Status}
			}
			r.Bookings = append(r.Bookings, b)
			if g.names && !children[b.ChildID] {
				children[b.ChildID] = true
				var c model.Child
				if ok, err := g.get(bChildren, b.ChildID, &c); err != nil {
					return err
				} else if ok {
					r.Children = append(r.Children, c)
					g.people[c.GuardianID] = true
				}
			}
		}
		return nil
	})
	return err
}

func (g gatherer) courses(r *model.ReportRecords) error {
	var held []uint64
	seen := map[uint64]bool{}
	err := g.days(iSessionDay, func(sid uint64) error {
		var se model.Session
		if ok, err := g.get(bSessions, sid, &se); err != nil || !ok {
			return err
		}
		if !seen[se.CourseID] {
			seen[se.CourseID] = true
			held = append(held, se.CourseID)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, cid := range held {
		var c model.Course
		if ok, err := g.get(bCourses, cid, &c); err != nil {
			return err
		} else if !ok {
			continue
		}
		r.Courses = append(r.Courses, c)
		for _, sid := range g.t.prefixIDs(iSessionCourse, u64(cid)) {
			var se model.Session
			if ok, err := g.get(bSessions, sid, &se); err != nil {
				return err
			} else if !ok {
				continue
			}
			r.Sessions = append(r.Sessions, se)
			marks, err := g.t.attendanceOf(sid)
			if err != nil {
				return err
			}
			for _, a := range marks {
				g.people[a.PersonID] = true
			}
			r.Attendance = append(r.Attendance, marks...)
		}
	}
	return nil
}

func (g gatherer) jobs(r *model.ReportRecords) error {
	clients := map[uint64]bool{}
	add := func(j model.Job) error {
		r.Jobs = append(r.Jobs, j)
		g.people[j.PersonID] = true
		if clients[j.ClientID] {
			return nil
		}
		clients[j.ClientID] = true
		var c model.Client
		if ok, err := g.get(bClients, j.ClientID, &c); err != nil {
			return err
		} else if ok {
			r.Clients = append(r.Clients, c)
		}
		return nil
	}
	err := g.days(iJobAccepted, func(jid uint64) error {
		j, err := g.t.job(jid)
		if err != nil {
			return err
		}
		return add(j)
	})
	if err != nil {
		return err
	}
	return g.paidJobs(add)
}

// paidJobs adds the jobs paid in the period that reached 受注 before it (those accepted inside
// it were read already): a range scan of idx_jobs_paid, like every other period read.
func (g gatherer) paidJobs(add func(model.Job) error) error {
	return g.days(iJobPaid, func(jid uint64) error {
		j, err := g.t.job(jid)
		if err != nil {
			return err
		}
		if !j.AcceptedAt.IsZero() && g.p.Contains(model.DateOf(j.AcceptedAt)) {
			return nil // already added from idx_jobs_accepted
		}
		return add(j)
	})
}

// readNames reads the people the records name (for exports with names).
func (g gatherer) readNames(r *model.ReportRecords) error {
	if !g.names {
		return nil
	}
	for pid := range g.people {
		var p model.Person
		if ok, err := g.get(bPeople, pid, &p); err != nil {
			return err
		} else if ok {
			r.People = append(r.People, p)
		}
	}
	return nil
}

// RecordExport writes the audit entry of an export: the file written, the period it covers, and
// whether names were included (exports carry counts only unless staff ask for names).
func (s *Store) RecordExport(path string, p model.ReportPeriod, withNames bool) error {
	return s.update(func(t *tx) error {
		after := fmt.Sprintf("%s %s (%s)", path, p.Label(model.JA), p.Span(model.JA))
		if withNames {
			after += " 氏名あり"
		} else {
			after += " 件数のみ"
		}
		return t.audit("export", model.KindExport, p.Slug(), "", after)
	})
}

// storageReadError puts a failed read in the model's words (nothing was written).
func storageReadError(err error) error {
	if err == nil {
		return nil
	}
	return &model.Error{Kind: model.ErrStorage, Msg: model.T(
		"データを読み込めませんでした: "+err.Error(),
		"Could not read the records: "+err.Error())}
}
