package common

import "github.com/nagawaka/madoguchi/model"

// Payloads carried by GotoMsg, so one screen can open another at the right record.

// PickupPayload opens the kids screen at a booking's pick-up (from a guardian's check-out).
type PickupPayload struct{ BookingID uint64 }

// BookingPayload opens the kids screen with a booking highlighted, without opening its pick-up
// (closing with several children still in care: the first of them).
type BookingPayload struct{ BookingID uint64 }

// ReviewPayload opens the end-of-day review of a day. Over opens it over what 出席 shows (D
// pressed on 出席 itself), so esc comes back to that.
type ReviewPayload struct {
	Date model.Date
	Over bool
}

// SessionPayload opens a session's roll.
type SessionPayload struct{ SessionID uint64 }

// JobPayload opens a job's detail.
type JobPayload struct{ JobID uint64 }

// PersonPayload opens the check-in screen with a person highlighted (e.g. to check a guardian
// in, or to check someone out from the review).
type PersonPayload struct{ PersonID uint64 }
