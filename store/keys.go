package store

import (
	"encoding/binary"

	"github.com/nagawaka/madoguchi/model"
)

// Bucket names. The tree is drawn in doc.go; keep the two in step.
var (
	bMeta     = []byte("meta")
	bStaff    = []byte("staff")
	bPeople   = []byte("people")
	bChildren = []byte("children")
	bVisits   = []byte("visits")
	bSlots    = []byte("slots")
	bBookings = []byte("bookings")
	bCourses  = []byte("courses")
	bSessions = []byte("sessions")
	bEnroll   = []byte("enrollments")
	bAttend   = []byte("attendance")
	bClients  = []byte("clients")
	bJobs     = []byte("jobs")
	bEvents   = []byte("job_events")
	bDayClose = []byte("day_close")
	bAudit    = []byte("audit")

	// indexes: keys only, values empty unless noted
	iChildGuardian = []byte("idx_children_guardian")  // guardian|child
	iVisitDay      = []byte("idx_visits_day")         // YYYYMMDD|visit
	iVisitOpen     = []byte("idx_visits_open")        // person → visit
	iVisitPerson   = []byte("idx_visits_person")      // person|visit
	iSlotDay       = []byte("idx_slots_day")          // YYYYMMDD|start(2)|slot
	iBookingSlot   = []byte("idx_bookings_slot")      // slot|booking
	iBookingChild  = []byte("idx_bookings_child")     // child|booking
	iBookingInCare = []byte("idx_bookings_in_care")   // booking (status 利用中)
	iSessionDay    = []byte("idx_sessions_day")       // YYYYMMDD|start(2)|session
	iSessionCourse = []byte("idx_sessions_course")    // course|session
	iEnrollPerson  = []byte("idx_enrollments_person") // person|course
	iAttendPerson  = []byte("idx_attendance_person")  // person|session
	iJobOpen       = []byte("idx_jobs_open")          // due YYYYMMDD|job, jobs not yet delivered
	iJobPerson     = []byte("idx_jobs_person")        // person|job
	iJobAccepted   = []byte("idx_jobs_accepted")      // YYYYMMDD|job, day the job reached 受注
	iJobPaid       = []byte("idx_jobs_paid")          // YYYYMMDD|job, day the payment arrived (入金)
	iAuditDay      = []byte("idx_audit_day")          // YYYYMMDD|audit
)

// allBuckets is every bucket, created in one transaction at open.
var allBuckets = [][]byte{
	bMeta, bStaff, bPeople, bChildren, bVisits, bSlots, bBookings, bCourses, bSessions, bEnroll,
	bAttend, bClients, bJobs, bEvents, bDayClose, bAudit,
	iChildGuardian, iVisitDay, iVisitOpen, iVisitPerson, iSlotDay, iBookingSlot, iBookingChild,
	iBookingInCare, iSessionDay, iSessionCourse, iEnrollPerson, iAttendPerson, iJobOpen, iJobPerson,
	iJobAccepted, iJobPaid, iAuditDay,
}

var (
	kSchema   = []byte("schema")
	kSettings = []byte("settings")
)

// u64 encodes an id big-endian so byte order is numeric order.
func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

// id reads a big-endian id.
func id(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// join concatenates key parts into a fresh slice.
func join(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	k := make([]byte, 0, n)
	for _, p := range parts {
		k = append(k, p...)
	}
	return k
}

// u16 encodes a clock time for day indexes, so a day's rows come out in start order.
func u16(v int) []byte {
	b := make([]byte, 2)
	binary.BigEndian.PutUint16(b, uint16(v))
	return b
}

// dayKey is the 8-byte YYYYMMDD prefix of day indexes.
func dayKey(d model.Date) []byte { return d.Key() }

// pair is a composite key of two ids.
func pair(a, b uint64) []byte { return join(u64(a), u64(b)) }
