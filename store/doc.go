// Package store is madoguchi's database: one bbolt file on the site PC, and the only package
// that imports bbolt.
//
// Every change is one read-write transaction that also appends an audit entry (when, staff
// member, what). Ids are big-endian NextSequence values, so key order is id order. Day indexes
// are keyed YYYYMMDD|…, so "today's visits / slots / sessions" is a cursor Seek plus a short
// range scan whose cost does not grow with years of history. Values are JSON; bytes are decoded
// (copied) inside the transaction and never kept after it.
//
// The bucket tree (all top level; created in one transaction at open):
//
//	meta                    schema → u64 version; settings → model.Settings
//	staff                   id → model.Staff
//	people                  id → model.Person
//	children                id → model.Child
//	visits                  id → model.Visit
//	slots                   id → model.ChildcareSlot
//	bookings                id → model.Booking
//	courses                 id → model.Course
//	sessions                id → model.Session
//	enrollments             course|person → model.Enrollment
//	attendance              session|person → model.Attendance
//	clients                 id → model.Client
//	jobs                    id → model.Job
//	job_events              job|seq → model.JobEvent
//	day_close               YYYYMMDD → model.DayClose
//	audit                   id → model.AuditEntry
//	idx_children_guardian   guardian|child → ∅
//	idx_visits_day          YYYYMMDD|visit → ∅
//	idx_visits_open         person → visit (everyone in right now)
//	idx_visits_person       person|visit → ∅
//	idx_slots_day           YYYYMMDD|start|slot → ∅
//	idx_bookings_slot       slot|booking → ∅
//	idx_bookings_child      child|booking → ∅
//	idx_bookings_in_care    booking → ∅ (children in the kids space now)
//	idx_sessions_day        YYYYMMDD|start|session → ∅
//	idx_sessions_course     course|session → ∅
//	idx_enrollments_person  person|course → ∅
//	idx_attendance_person   person|session → ∅
//	idx_jobs_open           due YYYYMMDD|job → ∅ (jobs not yet delivered)
//	idx_jobs_person         person|job → ∅
//	idx_jobs_accepted       YYYYMMDD|job → ∅ (the day a job reached 受注)
//	idx_jobs_paid           YYYYMMDD|job → ∅ (the day its payment arrived, 入金)
//	idx_audit_day           YYYYMMDD|audit → ∅
//
// id, person, course, … are 8-byte big-endian ids; start is a 2-byte minute of the day.
// Migrations (migrate.go) are ordered and append-only; the schema version lives in meta, and a
// database written by a newer schema is refused without a single byte written.
package store
