package model

import (
	"cmp"
	"math/bits"
	"slices"
)

// The programme's figures for a period, computed from the raw records. The rules, stated once
// (DOMAIN.md and issue 7; docs/report.md says the same for staff):
//
//   - 業務を受注したテレワーカーの数: distinct people with at least one job whose 受注 day
//     (Job.AcceptedAt, in Tokyo) is in the period. A job cancelled after 受注 still counts; one
//     cancelled before 受注 never reached it and does not.
//   - 講座受講者数（延べ）: over the courses held in the period — those with at least one session
//     dated in it — the distinct people who attended (出席・遅刻・早退) at least one of those
//     sessions, summed. Only the sessions in the period count. A course that spans two 年度
//     (sessions in March and in April) is held in both: each year counts the people who attended
//     its own sessions, so someone who came in March and in April counts once in each year, and
//     once in a range that covers both.
//   - 講座受講者数（実人数）: distinct people who attended any session in the period.
//   - Attendance rate: attended ÷ marked, over the sessions in the period (per session, per
//     course, overall). Marked is every person with a mark (出席・遅刻・早退・欠席・欠席(連絡あり));
//     a session nobody has marked yet has no rate.
//   - Completions (修了): a course is completed when it ends, so it counts in the period holding
//     its last session; the rule (Course.Completed) is applied over all of the course's sessions.
//   - 延べ利用児童数: bookings of the period's slots that were dropped off (利用中) or picked up
//     (お迎え済); distinct children beside it.
//   - Visits: every 来館 that began in the period (of which コワーキング), and distinct visitors.
//   - Income follows model/income.go: a job belongs to the month it was paid (PaidOn); income is
//     net (Job.Net: amount − fee); the average price is the paid amount ÷ paid jobs, rounded down;
//     income per teleworker is net ÷ distinct teleworkers paid, rounded down.
//   - Local businesses' share: among the jobs that reached 受注 in the period, cancelled ones left
//     out (LocalShare), by count and by amount.
//   - Rates and shares are whole percents rounded half up (Rate).

// ReportRecords are the raw records behind a period's report, as the store gathers them in one
// read through its day indexes.
type ReportRecords struct {
	Period  ReportPeriod
	Targets KPITargets
	// Visits are the visits that began in the period.
	Visits []VisitRecord
	// Slots are the childcare slots dated in the period, Bookings all bookings of those slots.
	Slots    []ChildcareSlot
	Bookings []Booking
	// Courses are the courses with at least one session in the period; Sessions are ALL of their
	// sessions (in the period and not: completion needs them all), Attendance all their marks.
	Courses    []Course
	Sessions   []Session
	Attendance []Attendance
	// Jobs are the jobs that reached 受注 in the period and the jobs paid in it; Clients theirs.
	Jobs    []Job
	Clients []Client
	// People and Children are the people and children the records above refer to (for names).
	People   []Person
	Children []Child
}

// VisitRecord is what a report needs of a visit: who came, on which day it began (Tokyo), and
// why. A year holds tens of thousands of visits, so the store reads only these.
type VisitRecord struct {
	PersonID uint64
	Day      Date
	Purpose  Purpose
}

// VisitRecordOf is a visit's report record.
func VisitRecordOf(v Visit) VisitRecord {
	return VisitRecord{PersonID: v.PersonID, Day: v.Day(), Purpose: v.Purpose}
}

// Report is a period's figures.
type Report struct {
	Period  ReportPeriod
	Targets KPITargets

	Teleworkers        int                // 業務を受注したテレワーカーの数
	Participants       int                // 講座受講者数（延べ）
	ParticipantsByKind map[CourseKind]int // the 延べ count by kind of course
	UniqueParticipants int                // 講座受講者数（実人数）
	Attended, Marked   int                // attendance marks in the period's sessions
	Completions        int

	ChildcareUses     int // 延べ利用児童数
	ChildcareChildren int // distinct children
	Visits            int
	CoworkingVisits   int
	Visitors          int // distinct people

	JobsAccepted    int    // jobs that reached 受注 in the period (cancelled later included)
	Income          Income // jobs paid in the period
	PaidTeleworkers int    // distinct teleworkers paid in the period
	LocalJobs       int    // of ShareJobs, from local businesses
	ShareJobs       int    // jobs that reached 受注 in the period, cancelled ones left out
	LocalYen        int64  // amount of LocalJobs
	ShareYen        int64  // amount of ShareJobs

	Courses  []CourseFigures
	Sessions []SessionFigures // the sessions in the period, by date and start
	Days     []DayFigures     // the days with slots, by date
	Months   []MonthFigures   // every month the period touches
	Jobs     []JobLine        // the jobs accepted or paid in the period

	people   map[uint64]Person
	children map[uint64]Child
}

// CourseFigures are one course's figures in the period.
type CourseFigures struct {
	Course           Course
	SessionsInPeriod int
	SessionsTotal    int
	First, Last      Date // the course's first and last sessions (all of them)
	Participants     int  // distinct people who attended its sessions in the period
	Attended, Marked int  // over its sessions in the period
	Completed        int  // people who meet the completion rule over all its sessions
	Ends             bool // its last session is in the period: Completed counts in Completions
}

// Rate is the course's attendance rate in the period; ok is false when nobody is marked.
func (c CourseFigures) Rate() (int, bool) { return rateOf(c.Attended, c.Marked) }

// SessionFigures are one session's marks.
type SessionFigures struct {
	Session Session
	Course  Course
	// Counts holds the number of each mark, in the order of Marks (出席, 遅刻, 早退, 欠席, 連絡あり).
	Counts           [5]int
	Attended, Marked int
	// Marks are the people marked, in person-id order (names only with --with-names).
	Marks []Attendance
}

// Rate is the session's attendance rate; ok is false when nobody is marked yet.
func (s SessionFigures) Rate() (int, bool) { return rateOf(s.Attended, s.Marked) }

// DayFigures are one day's childcare.
type DayFigures struct {
	Date       Date
	Slots      int
	Capacity   int // Σ 定員 of the day's slots
	Uses       int // dropped off or picked up
	Children   int // distinct children among Uses
	NoShows    int
	Cancelled  int
	Waitlisted int // still waitlisted
	// Used are the bookings counted in Uses, in slot then booking order.
	Used []Booking
}

// MonthFigures are one calendar month's figures (only the part of it inside the period).
type MonthFigures struct {
	Month             Month
	Visits            int
	CoworkingVisits   int
	Visitors          int
	ChildcareUses     int
	ChildcareChildren int
	Sessions          int
	Attended          int // 延べ出席: attended marks in the month's sessions
	JobsAccepted      int
	Income            Income // jobs paid in the month
	PaidTeleworkers   int
}

// NetPerTeleworker is the month's net income ÷ the teleworkers paid in it, rounded down.
func (m MonthFigures) NetPerTeleworker() int64 { return perHead(m.Income.Net, m.PaidTeleworkers) }

// JobLine is a job in the period's job list.
type JobLine struct {
	Job      Job
	Client   Client
	Accepted bool // reached 受注 in the period
	Paid     bool // paid in the period
}

// BuildReport computes the period's figures. It is a pure function of the records; their order
// does not matter.
func BuildReport(r ReportRecords) Report {
	p := r.Period
	rep := Report{Period: p, Targets: r.Targets, ParticipantsByKind: map[CourseKind]int{},
		people: map[uint64]Person{}, children: map[uint64]Child{}}
	for _, x := range r.People {
		rep.people[x.ID] = x
	}
	for _, c := range r.Children {
		rep.children[c.ID] = c
	}
	months := map[Month]*MonthFigures{}
	for _, m := range p.Months() {
		months[m] = &MonthFigures{Month: m}
	}
	month := func(d Date) *MonthFigures {
		if !p.Contains(d) {
			return nil
		}
		return months[MonthOf(d)]
	}
	type personMonth struct {
		m  Month
		id uint64
	}

	// Visits.
	visitors := map[uint64]bool{}
	visitorsByMonth := map[personMonth]bool{}
	for _, v := range r.Visits {
		mf := month(v.Day)
		if mf == nil {
			continue
		}
		rep.Visits++
		mf.Visits++
		if v.Purpose == PurposeCoworking {
			rep.CoworkingVisits++
			mf.CoworkingVisits++
		}
		visitors[v.PersonID] = true
		if k := (personMonth{mf.Month, v.PersonID}); !visitorsByMonth[k] {
			visitorsByMonth[k] = true
			mf.Visitors++
		}
	}
	rep.Visitors = len(visitors)

	// Childcare.
	slots := map[uint64]ChildcareSlot{}
	days := map[Date]*DayFigures{}
	for _, s := range r.Slots {
		if !p.Contains(s.Date) {
			continue
		}
		slots[s.ID] = s
		d := days[s.Date]
		if d == nil {
			d = &DayFigures{Date: s.Date}
			days[s.Date] = d
		}
		d.Slots++
		d.Capacity += s.Capacity
	}
	bookings := slices.Clone(r.Bookings)
	slices.SortFunc(bookings, func(a, b Booking) int {
		sa, sb := slots[a.SlotID], slots[b.SlotID]
		return cmp.Or(sa.Date.Compare(sb.Date), cmp.Compare(sa.Start, sb.Start), cmp.Compare(a.SlotID, b.SlotID), cmp.Compare(a.ID, b.ID))
	})
	childSeen := map[uint64]bool{}
	childDay := map[Date]map[uint64]bool{}
	childMonth := map[personMonth]bool{}
	for _, b := range bookings {
		s, ok := slots[b.SlotID]
		if !ok {
			continue
		}
		d := days[s.Date]
		switch b.Status {
		case BookingDroppedOff, BookingPickedUp:
			rep.ChildcareUses++
			d.Uses++
			d.Used = append(d.Used, b)
			childSeen[b.ChildID] = true
			if childDay[s.Date] == nil {
				childDay[s.Date] = map[uint64]bool{}
			}
			if !childDay[s.Date][b.ChildID] {
				childDay[s.Date][b.ChildID] = true
				d.Children++
			}
			if mf := month(s.Date); mf != nil {
				mf.ChildcareUses++
				if k := (personMonth{mf.Month, b.ChildID}); !childMonth[k] {
					childMonth[k] = true
					mf.ChildcareChildren++
				}
			}
		case BookingNoShow:
			d.NoShows++
		case BookingCancelled:
			d.Cancelled++
		case BookingWaitlisted:
			d.Waitlisted++
		}
	}
	rep.ChildcareChildren = len(childSeen)
	for _, d := range days {
		rep.Days = append(rep.Days, *d)
	}
	slices.SortFunc(rep.Days, func(a, b DayFigures) int { return a.Date.Compare(b.Date) })

	// Courses, sessions, attendance.
	courses := map[uint64]Course{}
	for _, c := range r.Courses {
		courses[c.ID] = c
	}
	marks := map[uint64][]Attendance{}
	for _, a := range r.Attendance {
		marks[a.SessionID] = append(marks[a.SessionID], a)
	}
	figs := map[uint64]*CourseFigures{}
	attendedAll := map[uint64]map[uint64]int{}     // course → person → sessions attended (all)
	attendedPeriod := map[uint64]map[uint64]bool{} // course → people who attended in the period
	unique := map[uint64]bool{}
	sessions := slices.Clone(r.Sessions)
	slices.SortFunc(sessions, func(a, b Session) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Start, b.Start), cmp.Compare(a.ID, b.ID))
	})
	for _, se := range sessions {
		c, ok := courses[se.CourseID]
		if !ok {
			continue
		}
		f := figs[c.ID]
		if f == nil {
			f = &CourseFigures{Course: c, First: se.Date}
			figs[c.ID] = f
			attendedAll[c.ID] = map[uint64]int{}
			attendedPeriod[c.ID] = map[uint64]bool{}
		}
		f.SessionsTotal++
		f.Last = se.Date
		in := p.Contains(se.Date)
		sf := SessionFigures{Session: se, Course: c}
		ms := marks[se.ID]
		slices.SortFunc(ms, func(a, b Attendance) int { return cmp.Compare(a.PersonID, b.PersonID) })
		for _, a := range ms {
			if a.Mark.Attended() {
				attendedAll[c.ID][a.PersonID]++
			}
			if !in || a.Mark == MarkNone {
				continue
			}
			sf.Marked++
			sf.Marks = append(sf.Marks, a)
			if i := slices.Index(Marks, a.Mark); i >= 0 {
				sf.Counts[i]++
			}
			if a.Mark.Attended() {
				sf.Attended++
				attendedPeriod[c.ID][a.PersonID] = true
				unique[a.PersonID] = true
			}
		}
		if !in {
			continue
		}
		f.SessionsInPeriod++
		f.Attended += sf.Attended
		f.Marked += sf.Marked
		if mf := month(se.Date); mf != nil {
			mf.Sessions++
			mf.Attended += sf.Attended
		}
		rep.Sessions = append(rep.Sessions, sf)
	}
	for id, f := range figs {
		if f.SessionsInPeriod == 0 {
			continue // not held in the period
		}
		f.Participants = len(attendedPeriod[id])
		for _, n := range attendedAll[id] {
			if f.Course.Completed(n, f.SessionsTotal) {
				f.Completed++
			}
		}
		f.Ends = p.Contains(f.Last)
		if f.Ends {
			rep.Completions += f.Completed
		}
		rep.Participants += f.Participants
		rep.ParticipantsByKind[f.Course.Kind] += f.Participants
		rep.Attended += f.Attended
		rep.Marked += f.Marked
		rep.Courses = append(rep.Courses, *f)
	}
	slices.SortFunc(rep.Courses, func(a, b CourseFigures) int {
		return cmp.Or(a.First.Compare(b.First), cmp.Compare(a.Course.ID, b.Course.ID))
	})
	rep.UniqueParticipants = len(unique)

	// Jobs.
	clients := map[uint64]Client{}
	for _, c := range r.Clients {
		clients[c.ID] = c
	}
	teleworkers := map[uint64]bool{}
	paidPeople := map[uint64]bool{}
	paidMonth := map[personMonth]bool{}
	var accepted, paid []Job
	seen := map[uint64]bool{}
	for _, j := range r.Jobs {
		if seen[j.ID] {
			continue
		}
		seen[j.ID] = true
		line := JobLine{Job: j, Client: clients[j.ClientID]}
		if j.ReachedAccepted() && p.ContainsTime(j.AcceptedAt) {
			line.Accepted = true
			accepted = append(accepted, j)
			teleworkers[j.PersonID] = true
			if mf := month(DateOf(j.AcceptedAt)); mf != nil {
				mf.JobsAccepted++
			}
		}
		if j.Status == JobPaid && !j.PaidOn.IsZero() && p.Contains(j.PaidOn) {
			line.Paid = true
			paid = append(paid, j)
			paidPeople[j.PersonID] = true
			if mf := month(j.PaidOn); mf != nil {
				if k := (personMonth{mf.Month, j.PersonID}); !paidMonth[k] {
					paidMonth[k] = true
					mf.PaidTeleworkers++
				}
			}
		}
		if line.Accepted || line.Paid {
			rep.Jobs = append(rep.Jobs, line)
		}
	}
	slices.SortFunc(rep.Jobs, func(a, b JobLine) int {
		return cmp.Or(jobDay(a).Compare(jobDay(b)), cmp.Compare(a.Job.ID, b.Job.ID))
	})
	rep.Teleworkers = len(teleworkers)
	rep.JobsAccepted = len(accepted)
	rep.PaidTeleworkers = len(paidPeople)
	income := IncomeOf(paid, 0)
	rep.Income = income.Total
	for _, in := range income.Months {
		if mf := months[in.Month]; mf != nil {
			mf.Income = in
		}
	}
	rep.LocalJobs, rep.ShareJobs = LocalShare(accepted, r.Clients)
	for _, j := range accepted {
		if j.Status == JobCancelled {
			continue
		}
		rep.ShareYen += j.Amount()
		if clients[j.ClientID].Local {
			rep.LocalYen += j.Amount()
		}
	}

	for _, m := range p.Months() {
		rep.Months = append(rep.Months, *months[m])
	}
	return rep
}

// jobDay orders the job list: by the 受注 day, or the payment day for a job accepted earlier.
func jobDay(l JobLine) Date {
	if l.Accepted {
		return DateOf(l.Job.AcceptedAt)
	}
	return l.Job.PaidOn
}

// NetPerTeleworker is the period's net income ÷ the teleworkers paid in it, rounded down.
func (r Report) NetPerTeleworker() int64 { return perHead(r.Income.Net, r.PaidTeleworkers) }

// AttendanceRate is the overall attendance rate of the period's sessions.
func (r Report) AttendanceRate() (int, bool) { return rateOf(r.Attended, r.Marked) }

// PersonName returns a person's name from the records ("" when unknown).
func (r Report) PersonName(id uint64) string { return r.people[id].Name }

// ChildName returns a child's name from the records ("" when unknown).
func (r Report) ChildName(id uint64) string { return r.children[id].Name }

// Child returns a child from the records.
func (r Report) Child(id uint64) Child { return r.children[id] }

// KPIUnit is what a KPI counts.
type KPIUnit string

// The units of KPIs.
const (
	UnitPeople  KPIUnit = "people"
	UnitCount   KPIUnit = "count"
	UnitYen     KPIUnit = "yen"
	UnitPercent KPIUnit = "percent"
)

// KPI is one figure of the report: its actual value and, for the two KPIs the town reports,
// the target and the achievement rate.
type KPI struct {
	Key       string // stable name for json and csv: "teleworkers", "participants", …
	Name      Text
	Unit      KPIUnit
	Actual    int64
	HasTarget bool
	Target    int64
	Rate      int  // achievement rate, whole percent (with a target)
	Valid     bool // false for a figure that does not exist (a rate with nothing marked)
}

// Format writes the actual value with its unit: 16人, ¥12,000, 78%, or - when not Valid.
func (k KPI) Format(l Lang) string { return FormatKPIValue(k.Unit, k.Actual, k.Valid, l) }

// FormatKPIValue writes a value with its unit.
func FormatKPIValue(u KPIUnit, v int64, valid bool, l Lang) string {
	if !valid {
		return "-"
	}
	switch u {
	case UnitPeople:
		return formatCount(v) + l.Pick("人", "")
	case UnitCount:
		return formatCount(v) + l.Pick("件", "")
	case UnitYen:
		return FormatYen(v)
	case UnitPercent:
		return formatCount(v) + "%"
	}
	return formatCount(v)
}

// formatCount writes 12,345 (FormatYen without the sign).
func formatCount(v int64) string {
	s := FormatYen(v)
	if v < 0 {
		return "-" + s[len("-¥"):]
	}
	return s[len("¥"):]
}

// KPIs lists the report's figures in the order the town reads them: the two reported KPIs with
// their targets first, then the figures beside them.
func (r Report) KPIs() []KPI {
	n := func(key, ja, en string, u KPIUnit, v int64) KPI {
		return KPI{Key: key, Name: T(ja, en), Unit: u, Actual: v, Valid: true}
	}
	target := func(k KPI, t int) KPI {
		k.HasTarget, k.Target, k.Rate = true, int64(t), Rate(int(k.Actual), t)
		return k
	}
	pct := func(key, ja, en string, a, b int64) KPI {
		k := n(key, ja, en, UnitPercent, 0)
		k.Valid = b > 0
		if k.Valid {
			k.Actual = int64(rate64(a, b))
		}
		return k
	}
	out := []KPI{
		target(n("teleworkers", "業務を受注したテレワーカーの数", "Teleworkers who took a job", UnitPeople, int64(r.Teleworkers)), r.Targets.Teleworkers),
		target(n("participants", "講座受講者数（延べ）", "Course participants (per course)", UnitPeople, int64(r.Participants)), r.Targets.Participants),
		n("unique_participants", "講座受講者数（実人数）", "Course participants (unique)", UnitPeople, int64(r.UniqueParticipants)),
		pct("attendance_rate", "出席率", "Attendance rate", int64(r.Attended), int64(r.Marked)),
		n("completions", "修了者数", "Completions", UnitPeople, int64(r.Completions)),
		n("childcare_uses", "延べ利用児童数", "Childcare uses", UnitPeople, int64(r.ChildcareUses)),
		n("childcare_children", "利用児童数（実人数）", "Children cared for (unique)", UnitPeople, int64(r.ChildcareChildren)),
		n("visits", "来館数（延べ）", "Visits", UnitCount, int64(r.Visits)),
		n("coworking_visits", "うちコワーキング", "of which coworking", UnitCount, int64(r.CoworkingVisits)),
		n("visitors", "来館者数（実人数）", "Visitors (unique)", UnitPeople, int64(r.Visitors)),
		n("jobs_accepted", "受注件数", "Jobs accepted", UnitCount, int64(r.JobsAccepted)),
		n("net_income", "純収入（入金分）", "Net income (paid)", UnitYen, r.Income.Net),
		n("paid_teleworkers", "入金のあったテレワーカー数", "Teleworkers paid", UnitPeople, int64(r.PaidTeleworkers)),
		n("net_income_per_teleworker", "1人あたり純収入", "Net income per teleworker", UnitYen, r.NetPerTeleworker()),
		n("average_unit_price", "平均単価（1件あたり）", "Average price per job", UnitYen, r.Income.AverageUnitPrice()),
		pct("local_share_jobs", "地域内企業の割合（件数）", "Local businesses' share (jobs)", int64(r.LocalJobs), int64(r.ShareJobs)),
		pct("local_share_yen", "地域内企業の割合（金額）", "Local businesses' share (yen)", r.LocalYen, r.ShareYen),
	}
	for i := range out {
		switch out[i].Key {
		case "net_income_per_teleworker":
			out[i].Valid = r.PaidTeleworkers > 0
		case "average_unit_price":
			out[i].Valid = r.Income.Jobs > 0
		}
	}
	return out
}

// rateOf is a whole-percent rate; ok is false when the denominator is zero.
func rateOf(a, b int) (int, bool) {
	if b <= 0 {
		return 0, false
	}
	return Rate(a, b), true
}

// rate64 is Rate for yen sums, computed in 128 bits so no sum can overflow.
func rate64(a, b int64) int {
	if b <= 0 || a < 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(a), 200)
	lo, carry := bits.Add64(lo, uint64(b), 0)
	hi += carry
	d := 2 * uint64(b)
	if hi >= d { // a rate beyond any real figure
		return 0
	}
	q, _ := bits.Div64(hi, lo, d)
	return int(q)
}

// perHead divides yen by a head count, rounded down; 0 with nobody.
func perHead(yen int64, n int) int64 {
	if n <= 0 {
		return 0
	}
	return yen / int64(n)
}
