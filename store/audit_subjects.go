package store

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/nagawaka/madoguchi/model"
)

// AuditSubjects names what each audit entry is about, for the audit viewer: the person of a
// visit, the child of a booking, the person and session of a roll mark, a job's title… keyed by
// the entry's id. An entry whose record is gone (deleted, or never a record: settings, exports)
// has no name; an erased person reads （削除済み #id）. One read-only transaction.
func (s *Store) AuditSubjects(es []model.AuditEntry) (map[uint64]string, error) {
	return viewValue(s, func(t *tx) (map[uint64]string, error) {
		out := make(map[uint64]string, len(es))
		names := map[string]string{}
		for _, e := range es {
			k := string(e.Kind) + "/" + e.Ref
			if _, ok := names[k]; !ok {
				names[k] = t.subject(e.Kind, e.Ref)
			}
		}
		// a record that is gone (an undone check-in): any entry of it whose before or after
		// names a person or child names them all
		for _, e := range es {
			if k := string(e.Kind) + "/" + e.Ref; names[k] == "" && (e.Kind == model.KindVisit || e.Kind == model.KindBooking) {
				names[k] = t.subjectOf(e.Before, e.After)
			}
		}
		for _, e := range es {
			if name := names[string(e.Kind)+"/"+e.Ref]; name != "" {
				out[e.ID] = name
			}
		}
		return out, nil
	})
}

// subject names one record by kind and audit ref ("12", or "session/person" for a mark); ""
// when it cannot be read.
func (t *tx) subject(kind model.Kind, ref string) string {
	ids := refIDs(ref)
	if len(ids) == 0 {
		return ""
	}
	person := func(id uint64) string {
		var p model.Person
		if ok, err := t.get(bPeople, u64(id), &p); !ok || err != nil {
			return ""
		}
		return p.DisplayName()
	}
	child := func(id uint64) string {
		var c model.Child
		if ok, err := t.get(bChildren, u64(id), &c); !ok || err != nil {
			return ""
		}
		return c.DisplayName()
	}
	switch kind {
	case model.KindPerson:
		return person(ids[0])
	case model.KindChild:
		return child(ids[0])
	case model.KindVisit:
		var v model.Visit
		if ok, err := t.get(bVisits, u64(ids[0]), &v); ok && err == nil {
			return person(v.PersonID)
		}
	case model.KindBooking:
		var b model.Booking
		if ok, err := t.get(bBookings, u64(ids[0]), &b); ok && err == nil {
			return child(b.ChildID)
		}
	case model.KindSlot:
		var sl model.ChildcareSlot
		if ok, err := t.get(bSlots, u64(ids[0]), &sl); ok && err == nil {
			return sl.Date.String() + " " + sl.Span()
		}
	case model.KindSession:
		var se model.Session
		if ok, err := t.get(bSessions, u64(ids[0]), &se); ok && err == nil {
			return se.Date.String() + " " + se.Title
		}
	case model.KindAttendance: // session/person
		if len(ids) == 2 {
			var se model.Session
			name := person(ids[1])
			if ok, err := t.get(bSessions, u64(ids[0]), &se); ok && err == nil {
				name = strings.TrimSpace(name + " " + se.Date.String()[5:] + " " + se.Title)
			}
			return name
		}
	case model.KindEnrollment: // course/person
		if len(ids) == 2 {
			var c model.Course
			name := person(ids[1])
			if ok, err := t.get(bCourses, u64(ids[0]), &c); ok && err == nil {
				name = strings.TrimSpace(name + " " + c.Name)
			}
			return name
		}
	case model.KindCourse:
		var c model.Course
		if ok, err := t.get(bCourses, u64(ids[0]), &c); ok && err == nil {
			return c.Name
		}
	case model.KindJob, model.KindJobEvent:
		var j model.Job
		if ok, err := t.get(bJobs, u64(ids[0]), &j); ok && err == nil {
			return j.Title
		}
	case model.KindClient:
		var c model.Client
		if ok, err := t.get(bClients, u64(ids[0]), &c); ok && err == nil {
			return c.Name
		}
	case model.KindStaff:
		var st model.Staff
		if ok, err := t.get(bStaff, u64(ids[0]), &st); ok && err == nil {
			return st.Name
		}
	}
	return ""
}

// subjectOf names the person or child an entry's before or after summary refers to, for a
// record that no longer exists.
func (t *tx) subjectOf(texts ...string) string {
	for _, text := range texts {
		var rec struct {
			PersonID uint64 `json:"person_id"`
			ChildID  uint64 `json:"child_id"`
		}
		if !strings.HasPrefix(strings.TrimSpace(text), "{") || json.Unmarshal([]byte(text), &rec) != nil {
			continue
		}
		if rec.ChildID != 0 {
			if name := t.subject(model.KindChild, strconv.FormatUint(rec.ChildID, 10)); name != "" {
				return name
			}
		}
		if rec.PersonID != 0 {
			if name := t.subject(model.KindPerson, strconv.FormatUint(rec.PersonID, 10)); name != "" {
				return name
			}
		}
	}
	return ""
}

// refIDs reads an audit ref's ids ("12", "3/45"); nil when it holds anything else.
func refIDs(ref string) []uint64 {
	var ids []uint64
	for _, part := range strings.Split(ref, "/") {
		n, err := strconv.ParseUint(part, 10, 64)
		if err != nil {
			return nil
		}
		ids = append(ids, n)
	}
	return ids
}
