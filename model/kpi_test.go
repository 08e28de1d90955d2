package model

import (
	"errors"
	"testing"
	"time"
)

// The KPI fixture: every expected value below is counted by hand from these records.
//
// Courses (sessions; attendance)
//
//	C1 育成講座, FY2025: S1 05-12, S2 05-19, S3 05-26 (needs 2 of 3)
//	   S1: p1 出席, p2 遅刻, p3 欠席, p4 連絡あり
//	   S2: p1 出席, p2 出席, p3 早退, p4 欠席
//	   S3: p1 欠席, p2 出席, p3 未記入, p4 欠席
//	   → participants p1 p2 p3 = 3; attended 2+3+1 = 6 of 4+4+3 = 11 marked; completed p1 p2 = 2
//	C2 OJT, FY2025, MinSessions 2: S4 06-02, S5 06-09
//	   S4: p1 出席, p2 出席, p5 遅刻;  S5: p1 出席, p5 欠席
//	   → participants p1 p2 p5 = 3 (p1 and p2 attend two courses); 4 of 5; completed p1 = 1
//	C3 育成講座 spanning two 年度: S6 2026-03-23, S7 2026-03-30, S8 2026-04-06
//	   S6: p6 出席, p7 出席;  S7: p6 出席, p7 欠席;  S8: p7 出席, p8 出席
//	   → FY2025: p6 p7 = 2, 3 of 4, ends in FY2026 so no completions in FY2025
//	   → FY2026: p7 p8 = 2, completed p6 p7 = 2 (over all three sessions)
//	C4 周知セミナー, FY2024: S9 2025-03-10, p1 出席 → not held in FY2025
//
// FY2025: 延べ 3+3+2 = 8 (basic 5, OJT 3); unique p1 p2 p3 p5 p6 p7 = 6; attendance 13/20 = 65%;
// completions 2+1 = 3.
var (
	c1 = Course{ID: 1, Kind: CourseBasic, Name: "育成講座 第1期", FiscalYear: 2025}
	c2 = Course{ID: 2, Kind: CourseOJT, Name: "OJT研修", FiscalYear: 2025, MinSessions: 2}
	c3 = Course{ID: 3, Kind: CourseBasic, Name: "育成講座 第2期", FiscalYear: 2025}
	c4 = Course{ID: 4, Kind: CourseSeminar, Name: "周知セミナー", FiscalYear: 2024}
)

func d(y int, m time.Month, day int) Date { return NewDate(y, m, day) }

func kpiSession(id, course uint64, day Date) Session {
	return Session{ID: id, CourseID: course, Date: day, Start: 600, End: 720, Title: "回"}
}

func kpiFixture(p ReportPeriod) ReportRecords {
	sessions := []Session{
		kpiSession(1, 1, d(2025, 5, 12)), kpiSession(2, 1, d(2025, 5, 19)), kpiSession(3, 1, d(2025, 5, 26)),
		kpiSession(4, 2, d(2025, 6, 2)), kpiSession(5, 2, d(2025, 6, 9)),
		kpiSession(6, 3, d(2026, 3, 23)), kpiSession(7, 3, d(2026, 3, 30)), kpiSession(8, 3, d(2026, 4, 6)),
		kpiSession(9, 4, d(2025, 3, 10)),
	}
	a := func(s, p uint64, m Mark) Attendance { return Attendance{SessionID: s, PersonID: p, Mark: m} }
	marks := []Attendance{
		a(1, 1, MarkPresent), a(1, 2, MarkLate), a(1, 3, MarkAbsent), a(1, 4, MarkExcused),
		a(2, 1, MarkPresent), a(2, 2, MarkPresent), a(2, 3, MarkLeftEarly), a(2, 4, MarkAbsent),
		a(3, 1, MarkAbsent), a(3, 2, MarkPresent), a(3, 3, MarkNone), a(3, 4, MarkAbsent),
		a(4, 1, MarkPresent), a(4, 2, MarkPresent), a(4, 5, MarkLate),
		a(5, 1, MarkPresent), a(5, 5, MarkAbsent),
		a(6, 6, MarkPresent), a(6, 7, MarkPresent),
		a(7, 6, MarkPresent), a(7, 7, MarkAbsent),
		a(8, 7, MarkPresent), a(8, 8, MarkPresent),
		a(9, 1, MarkPresent),
	}
	at := func(y int, m time.Month, day, hh, mm int) time.Time {
		return time.Date(y, m, day, hh, mm, 0, 0, Tokyo).UTC()
	}
	var visits []VisitRecord
	for _, v := range []Visit{
		{ID: 1, PersonID: 1, In: at(2025, 4, 1, 9, 0), Purpose: PurposeCoworking},
		{ID: 2, PersonID: 1, In: at(2025, 4, 2, 9, 0), Purpose: PurposeCoworking},
		{ID: 3, PersonID: 2, In: at(2025, 4, 2, 10, 0), Purpose: PurposeConsult},
		{ID: 4, PersonID: 3, In: at(2026, 3, 31, 16, 0), Purpose: PurposeCoworking},
		{ID: 5, PersonID: 3, In: at(2025, 3, 31, 10, 0), Purpose: PurposeCoworking}, // FY2024
	} {
		visits = append(visits, VisitRecordOf(v))
	}
	slots := []ChildcareSlot{
		{ID: 1, Date: d(2025, 4, 10), Start: 570, End: 750, Capacity: 6, Caregivers: 2},
		{ID: 2, Date: d(2025, 4, 10), Start: 780, End: 960, Capacity: 6, Caregivers: 2},
		{ID: 3, Date: d(2025, 5, 1), Start: 570, End: 750, Capacity: 6, Caregivers: 2},
		{ID: 4, Date: d(2025, 3, 28), Start: 570, End: 750, Capacity: 6, Caregivers: 2},
	}
	b := func(id, slot, child uint64, s BookingStatus) Booking {
		return Booking{ID: id, SlotID: slot, ChildID: child, Status: s}
	}
	bookings := []Booking{
		b(1, 1, 1, BookingPickedUp), b(2, 1, 2, BookingDroppedOff), b(3, 1, 3, BookingNoShow),
		b(4, 2, 1, BookingPickedUp), b(5, 2, 3, BookingCancelled),
		b(6, 3, 1, BookingPickedUp), b(7, 3, 2, BookingWaitlisted), b(8, 3, 3, BookingBooked),
		b(9, 4, 3, BookingPickedUp),
	}
	clients := []Client{{ID: 1, Name: "小鹿野町観光協会", Local: true}, {ID: 2, Name: "東京ウェブ制作", Local: false}}
	jobs := []Job{
		// J1 p1 local: 受注 2025-04-10, paid 2025-05-20, ¥10,000 no fee → net 10,000.
		{ID: 1, PersonID: 1, ClientID: 1, UnitPrice: 10000, Quantity: 1, Status: JobPaid, AcceptedAt: at(2025, 4, 10, 15, 0), PaidAmount: 10000, PaidOn: d(2025, 5, 20)},
		// J2 p2: 受注 2025-06-01, cancelled after 受注: counts for p2, left out of the share.
		{ID: 2, PersonID: 2, ClientID: 2, UnitPrice: 5000, Quantity: 1, Status: JobCancelled, AcceptedAt: at(2025, 6, 1, 15, 0)},
		// J3 p3: cancelled before 受注: counts nowhere.
		{ID: 3, PersonID: 3, ClientID: 2, UnitPrice: 5000, Quantity: 1, Status: JobCancelled, Offered: at(2025, 6, 5, 10, 0)},
		// J4 p4: 受注 in FY2024, paid 2025-04-15: ¥2,001×5 = 10,005, fee 20% 2,001 → net 8,004.
		{ID: 4, PersonID: 4, ClientID: 2, UnitPrice: 2001, Quantity: 5, FeeBP: 2000, Status: JobPaid, AcceptedAt: at(2025, 3, 20, 15, 0), PaidAmount: 10005, PaidOn: d(2025, 4, 15)},
		// J5 p1: 受注 2025-07-01, paid in FY2026.
		{ID: 5, PersonID: 1, ClientID: 2, UnitPrice: 3000, Quantity: 1, FeeBP: 1000, Status: JobPaid, AcceptedAt: at(2025, 7, 1, 15, 0), PaidAmount: 3000, PaidOn: d(2026, 4, 10)},
		// J6 p5 local: 受注 at 23:30 on the last day of FY2025 (14:30 UTC): in FY2025.
		{ID: 6, PersonID: 5, ClientID: 1, UnitPrice: 4000, Quantity: 1, Status: JobAccepted, AcceptedAt: at(2026, 3, 31, 23, 30)},
		// J7 p6 local: 受注 at 0:10 on the first day of FY2026 (still March 31 in UTC): FY2026.
		{ID: 7, PersonID: 6, ClientID: 1, UnitPrice: 4000, Quantity: 1, Status: JobAccepted, AcceptedAt: at(2026, 4, 1, 0, 10)},
	}
	var people []Person
	for i := uint64(1); i <= 8; i++ {
		people = append(people, Person{ID: i, Name: "利用者" + string(rune('A'-1+i))})
	}
	return ReportRecords{
		Period: p, Targets: KPITargets{Teleworkers: 8, Participants: 40},
		Visits: visits, Slots: slots, Bookings: bookings,
		Courses: []Course{c1, c2, c3, c4}, Sessions: sessions, Attendance: marks,
		Jobs: jobs, Clients: clients, People: people,
		Children: []Child{{ID: 1, Name: "子A"}, {ID: 2, Name: "子B"}, {ID: 3, Name: "子C"}},
	}
}

func kpiMap(r Report) map[string]KPI {
	m := map[string]KPI{}
	for _, k := range r.KPIs() {
		m[k.Key] = k
	}
	return m
}

func TestReportFY2025ByHand(t *testing.T) {
	r := BuildReport(kpiFixture(FiscalYearPeriod(2025)))
	k := kpiMap(r)
	want := []struct {
		key    string
		actual int64
		valid  bool
	}{
		{"teleworkers", 3, true}, // p1 (J1, J5), p2 (J2 cancelled after 受注), p5 (J6 at 23:30 on 3/31)
		{"participants", 8, true},
		{"unique_participants", 6, true},
		{"attendance_rate", 65, true}, // 13 / 20
		{"completions", 3, true},
		{"childcare_uses", 4, true}, // B1 B2 B4 B6
		{"childcare_children", 2, true},
		{"visits", 4, true},
		{"coworking_visits", 3, true},
		{"visitors", 3, true},
		{"jobs_accepted", 4, true}, // J1 J2 J5 J6
		{"net_income", 18004, true},
		{"paid_teleworkers", 2, true},
		{"net_income_per_teleworker", 9002, true},
		{"average_unit_price", 10002, true}, // 20,005 / 2 rounded down
		{"local_share_jobs", 67, true},      // 2 of 3 (J2 cancelled left out)
		{"local_share_yen", 82, true},       // 14,000 / 17,000 = 82.35
	}
	if len(k) != len(want) {
		t.Errorf("%d KPIs, want %d", len(k), len(want))
	}
	for _, w := range want {
		got, ok := k[w.key]
		if !ok {
			t.Errorf("no KPI %s", w.key)
			continue
		}
		if got.Actual != w.actual || got.Valid != w.valid {
			t.Errorf("%s = %d (valid %v), want %d (valid %v)", w.key, got.Actual, got.Valid, w.actual, w.valid)
		}
	}
	// The two reported KPIs carry targets and whole-percent rates rounded half up.
	if tw := k["teleworkers"]; !tw.HasTarget || tw.Target != 8 || tw.Rate != 38 { // 3/8 = 37.5 → 38
		t.Errorf("teleworkers target %v %d rate %d, want 8 and 38%%", tw.HasTarget, tw.Target, tw.Rate)
	}
	if pa := k["participants"]; !pa.HasTarget || pa.Target != 40 || pa.Rate != 20 {
		t.Errorf("participants target %d rate %d, want 40 and 20%%", pa.Target, pa.Rate)
	}
	if r.ParticipantsByKind[CourseBasic] != 5 || r.ParticipantsByKind[CourseOJT] != 3 {
		t.Errorf("by kind %v, want basic 5 OJT 3", r.ParticipantsByKind)
	}
	if k["visits"].HasTarget {
		t.Error("visits has no target")
	}
}

func TestReportCoursesAndSessionsByHand(t *testing.T) {
	r := BuildReport(kpiFixture(FiscalYearPeriod(2025)))
	if len(r.Courses) != 3 {
		t.Fatalf("%d courses held, want 3 (C4 is FY2024)", len(r.Courses))
	}
	type cw struct {
		id                     uint64
		inPeriod, total, part  int
		attended, marked, rate int
		completed              int
		ends                   bool
	}
	for i, w := range []cw{
		{1, 3, 3, 3, 6, 11, 55, 2, true},
		{2, 2, 2, 3, 4, 5, 80, 1, true},
		{3, 2, 3, 2, 3, 4, 75, 2, false},
	} {
		c := r.Courses[i]
		rate, _ := c.Rate()
		if c.Course.ID != w.id || c.SessionsInPeriod != w.inPeriod || c.SessionsTotal != w.total || c.Participants != w.part ||
			c.Attended != w.attended || c.Marked != w.marked || rate != w.rate || c.Completed != w.completed || c.Ends != w.ends {
			t.Errorf("course %d: %+v rate %d, want %+v", i, c, rate, w)
		}
	}
	if len(r.Sessions) != 7 {
		t.Fatalf("%d sessions, want 7", len(r.Sessions))
	}
	for i, w := range []struct {
		id               uint64
		attended, marked int
		rate             int
		counts           [5]int
	}{
		{1, 2, 4, 50, [5]int{1, 1, 0, 1, 1}},
		{2, 3, 4, 75, [5]int{2, 0, 1, 1, 0}},
		{3, 1, 3, 33, [5]int{1, 0, 0, 2, 0}}, // p3 unmarked is not counted
		{4, 3, 3, 100, [5]int{2, 1, 0, 0, 0}},
		{5, 1, 2, 50, [5]int{1, 0, 0, 1, 0}},
		{6, 2, 2, 100, [5]int{2, 0, 0, 0, 0}},
		{7, 1, 2, 50, [5]int{1, 0, 0, 1, 0}},
	} {
		s := r.Sessions[i]
		rate, ok := s.Rate()
		if s.Session.ID != w.id || s.Attended != w.attended || s.Marked != w.marked || rate != w.rate || !ok || s.Counts != w.counts {
			t.Errorf("session %d: id %d %d/%d rate %d counts %v, want %+v", i, s.Session.ID, s.Attended, s.Marked, rate, s.Counts, w)
		}
	}
}

func TestReportCourseSpanningTwoFiscalYears(t *testing.T) {
	// FY2026 holds only S8 of C3: p7 and p8 attended; C3 ends there, so both its completions
	// (p6 and p7, over all three sessions) count in FY2026.
	r := BuildReport(kpiFixture(FiscalYearPeriod(2026)))
	if r.Participants != 2 || r.UniqueParticipants != 2 || r.Completions != 2 {
		t.Errorf("FY2026: participants %d unique %d completions %d, want 2 2 2", r.Participants, r.UniqueParticipants, r.Completions)
	}
	// p7 attended in March and April: once in each 年度, and once in a range covering both.
	rg, err := NewRangePeriod(d(2026, 3, 1), d(2026, 4, 30))
	if err != nil {
		t.Fatal(err)
	}
	r = BuildReport(kpiFixture(rg))
	if r.Participants != 3 || r.Completions != 2 {
		t.Errorf("March-April 2026: participants %d completions %d, want 3 (p6 p7 p8) and 2", r.Participants, r.Completions)
	}
	// FY2026 teleworkers: p6 (J7 at 0:10 on April 1); J5 paid in FY2026 counts as income only.
	r = BuildReport(kpiFixture(FiscalYearPeriod(2026)))
	if r.Teleworkers != 1 || r.Income.Net != 2700 || r.PaidTeleworkers != 1 {
		t.Errorf("FY2026 teleworkers %d net %d paid %d, want 1, 2,700 (3,000 less 10%%), 1", r.Teleworkers, r.Income.Net, r.PaidTeleworkers)
	}
}

func TestReportMonthsAndDaysByHand(t *testing.T) {
	r := BuildReport(kpiFixture(FiscalYearPeriod(2025)))
	if len(r.Months) != 12 || r.Months[0].Month != (Month{2025, time.April}) || r.Months[11].Month != (Month{2026, time.March}) {
		t.Fatalf("months %v", r.Months)
	}
	apr, may, jun, mar := r.Months[0], r.Months[1], r.Months[2], r.Months[11]
	if apr.Visits != 3 || apr.CoworkingVisits != 2 || apr.Visitors != 2 || apr.ChildcareUses != 3 || apr.ChildcareChildren != 2 {
		t.Errorf("April visits/childcare: %+v", apr)
	}
	if apr.Income.Net != 8004 || apr.PaidTeleworkers != 1 || apr.JobsAccepted != 1 || apr.NetPerTeleworker() != 8004 {
		t.Errorf("April jobs: %+v", apr)
	}
	if may.Attended != 6 || may.Sessions != 3 || may.Income.Net != 10000 || may.Income.AverageUnitPrice() != 10000 || may.ChildcareUses != 1 {
		t.Errorf("May: %+v", may)
	}
	if jun.Attended != 4 || jun.JobsAccepted != 1 {
		t.Errorf("June: %+v", jun)
	}
	if mar.Visits != 1 || mar.Attended != 3 || mar.JobsAccepted != 1 {
		t.Errorf("March: %+v", mar)
	}
	if len(r.Days) != 2 {
		t.Fatalf("%d childcare days, want 2", len(r.Days))
	}
	d0, d1 := r.Days[0], r.Days[1]
	if d0.Date != d(2025, 4, 10) || d0.Slots != 2 || d0.Capacity != 12 || d0.Uses != 3 || d0.Children != 2 || d0.NoShows != 1 || d0.Cancelled != 1 || len(d0.Used) != 3 {
		t.Errorf("day 1: %+v", d0)
	}
	if d1.Date != d(2025, 5, 1) || d1.Uses != 1 || d1.Children != 1 || d1.Waitlisted != 1 {
		t.Errorf("day 2: %+v", d1)
	}
	if r.ChildName(d0.Used[0].ChildID) != "子A" || r.PersonName(1) != "利用者A" {
		t.Errorf("names from the records: %q %q", r.ChildName(d0.Used[0].ChildID), r.PersonName(1))
	}
	// The job list: accepted or paid in the period, by day (J4 paid 4/15 sorts by its payment).
	var ids []uint64
	for _, l := range r.Jobs {
		ids = append(ids, l.Job.ID)
	}
	if want := []uint64{1, 4, 2, 5, 6}; !equalIDs(ids, want) {
		t.Errorf("job list %v, want %v", ids, want)
	}
}

func equalIDs(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReportEmptyPeriodHasNoRates(t *testing.T) {
	r := BuildReport(ReportRecords{Period: MonthPeriod(2030, time.January), Targets: KPITargets{Teleworkers: 15, Participants: 40}})
	k := kpiMap(r)
	for _, key := range []string{"attendance_rate", "net_income_per_teleworker", "average_unit_price", "local_share_jobs", "local_share_yen"} {
		if k[key].Valid || k[key].Format(JA) != "-" {
			t.Errorf("%s should not exist in an empty month: %+v", key, k[key])
		}
	}
	if k["teleworkers"].Rate != 0 || k["teleworkers"].Format(JA) != "0人" || len(r.Months) != 1 {
		t.Errorf("empty month: %+v, %d months", k["teleworkers"], len(r.Months))
	}
}

func TestKPIRatesRoundHalfUp(t *testing.T) {
	for _, c := range []struct{ actual, target, want int }{
		{16, 15, 107}, {38, 40, 95}, {3, 8, 38}, {1, 8, 13}, {1, 3, 33}, {2, 3, 67}, {0, 15, 0}, {15, 15, 100}, {1, 200, 1}, {1, 201, 0},
	} {
		r := BuildReport(ReportRecords{Period: FiscalYearPeriod(2025), Targets: KPITargets{Teleworkers: c.target, Participants: 1}})
		r.Teleworkers = c.actual
		if got := r.KPIs()[0].Rate; got != c.want {
			t.Errorf("%d of %d = %d%%, want %d%%", c.actual, c.target, got, c.want)
		}
	}
	for _, c := range []struct {
		a, b int64
		want int
	}{{1, 2, 50}, {1, 3, 33}, {2, 3, 67}, {1, 8, 13}, {MaxYen * 1000, MaxYen * 3000, 33}, {0, 0, 0}} {
		if got := rate64(c.a, c.b); got != c.want {
			t.Errorf("rate64(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestKPIFormat(t *testing.T) {
	for _, c := range []struct {
		u    KPIUnit
		v    int64
		l    Lang
		want string
	}{
		{UnitPeople, 16, JA, "16人"}, {UnitPeople, 1234, EN, "1,234"}, {UnitCount, 3, JA, "3件"},
		{UnitYen, 123456, JA, "¥123,456"}, {UnitPercent, 107, EN, "107%"},
	} {
		if got := FormatKPIValue(c.u, c.v, true, c.l); got != c.want {
			t.Errorf("%s %d = %q, want %q", c.u, c.v, got, c.want)
		}
	}
}

func TestPeriodLabelsAndSpans(t *testing.T) {
	rg, _ := NewRangePeriod(d(2025, 4, 1), d(2025, 6, 30))
	for _, c := range []struct {
		p            ReportPeriod
		ja, en, slug string
		days, months int
	}{
		{FiscalYearPeriod(2025), "令和7年度", "FY2025", "FY2025", 365, 12},
		{FiscalYearPeriod(2019), "令和元年度", "FY2019", "FY2019", 366, 12},
		{MonthPeriod(2026, time.November), "令和8年11月", "Nov 2026", "2026-11", 30, 1},
		{MonthPeriod(2024, time.February), "令和6年2月", "Feb 2024", "2024-02", 29, 1},
		{MonthPeriod(2025, 13), "令和8年1月", "Jan 2026", "2026-01", 31, 1},
		{rg, "令和7年4月1日〜令和7年6月30日", "1 Apr 2025 - 30 Jun 2025", "2025-04-01_2025-06-30", 91, 3},
	} {
		if got := c.p.Label(JA); got != c.ja {
			t.Errorf("label %q, want %q", got, c.ja)
		}
		if got := c.p.Label(EN); got != c.en {
			t.Errorf("label %q, want %q", got, c.en)
		}
		if got := c.p.Slug(); got != c.slug {
			t.Errorf("slug %q, want %q", got, c.slug)
		}
		if c.p.Days() != c.days || len(c.p.Months()) != c.months {
			t.Errorf("%s: %d days %d months, want %d and %d", c.ja, c.p.Days(), len(c.p.Months()), c.days, c.months)
		}
	}
	fy := FiscalYearPeriod(2025)
	if fy.Span(JA) != "2025-04-01〜2026-03-31" || !fy.Contains(d(2026, 3, 31)) || fy.Contains(d(2026, 4, 1)) || fy.Contains(d(2025, 3, 31)) {
		t.Errorf("FY2025 span %q", fy.Span(JA))
	}
	if !fy.ContainsTime(time.Date(2026, 3, 31, 14, 59, 0, 0, time.UTC)) || fy.ContainsTime(time.Date(2026, 3, 31, 15, 0, 0, 0, time.UTC)) {
		t.Error("the period's days are Tokyo days")
	}
	if FormatMonth(Month{2019, time.April}, JA) != "平成31年4月" || FormatMonthShort(Month{2025, time.May}, EN) != "May" {
		t.Error("month labels")
	}
}

func TestPeriodStep(t *testing.T) {
	if p := FiscalYearPeriod(2025).Step(-1); p != FiscalYearPeriod(2024) {
		t.Errorf("FY back: %+v", p)
	}
	if p := MonthPeriod(2025, time.December).Step(1); p != MonthPeriod(2026, time.January) {
		t.Errorf("month on: %+v", p)
	}
	rg, _ := NewRangePeriod(d(2025, 4, 1), d(2025, 4, 10))
	if p := rg.Step(1); p.From != d(2025, 4, 11) || p.To != d(2025, 4, 20) || p.Kind != PeriodRange {
		t.Errorf("range on: %+v", p)
	}
}

func TestParsePeriod(t *testing.T) {
	today := d(2026, 11, 25)
	rg, _ := NewRangePeriod(d(2025, 4, 1), d(2025, 9, 30))
	for _, c := range []struct {
		fy, month, from, to string
		want                ReportPeriod
	}{
		{"", "", "", "", FiscalYearPeriod(2026)},
		{"2025", "", "", "", FiscalYearPeriod(2025)},
		{"R7", "", "", "", FiscalYearPeriod(2025)},
		{"令和7年度", "", "", "", FiscalYearPeriod(2025)},
		{"令和元年度", "", "", "", FiscalYearPeriod(2019)},
		{"２０２５", "", "", "", FiscalYearPeriod(2025)},
		{"", "2025-11", "", "", MonthPeriod(2025, time.November)},
		{"", "2025/1", "", "", MonthPeriod(2025, time.January)},
		{"", "", "2025-04-01", "2025-09-30", rg},
	} {
		got, err := ParsePeriod(c.fy, c.month, c.from, c.to, today)
		if err != nil || got != c.want {
			t.Errorf("ParsePeriod(%q %q %q %q) = %+v, %v; want %+v", c.fy, c.month, c.from, c.to, got, err, c.want)
		}
	}
	for _, c := range []struct{ fy, month, from, to, field string }{
		{"2025", "2025-11", "", "", "period"},
		{"1999", "", "", "", "fiscal_year"},
		{"R", "", "", "", "fiscal_year"},
		{"", "2025-13", "", "", "month"},
		{"", "", "2025-04-01", "", "to"},
		{"", "", "", "2025-04-01", "from"},
		{"", "", "2025-04-31", "2025-05-01", "from"},
		{"", "", "2025-05-01", "2025-04-30", "to"},
		{"", "", "2015-04-01", "2025-04-01", "to"},
	} {
		_, err := ParsePeriod(c.fy, c.month, c.from, c.to, today)
		var fe FieldErrors
		var me *Error
		switch {
		case errors.As(err, &fe):
			if fe.For(c.field) == nil {
				t.Errorf("%+v: errors %v lack field %s", c, fe, c.field)
			}
		case errors.As(err, &me):
			if me.Field != c.field {
				t.Errorf("%+v: error on %q, want %q", c, me.Field, c.field)
			}
		default:
			t.Errorf("%+v: err %v, want an error on %s", c, err, c.field)
		}
		if err != nil && (Message(err, JA) == "" || Message(err, EN) == "") {
			t.Errorf("%+v: message missing in a language", c)
		}
	}
	// Ten years less a day is the longest range.
	if _, err := NewRangePeriod(d(2015, 4, 1), d(2025, 3, 31)); err != nil {
		t.Errorf("ten years: %v", err)
	}
}
