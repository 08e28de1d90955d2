// Package model holds madoguchi's domain: the records of the programme (people, children,
// visits, childcare slots and bookings, courses, sessions, attendance, jobs, day closes, audit
// entries, settings), the rules staff rely on (childcare ratio, waitlist, pick-up, course
// completion, the job state machine, KPIs), and the helpers for Japanese text (name and reading
// normalisation, romaji search keys, 令和 dates and 年度).
//
// It does no I/O and imports neither bbolt nor any Charm package. Every value that comes from a
// person or a file is validated here, by a constructor that returns a *model.Error carrying a
// Japanese and an English message a desk clerk can act on.
package model
