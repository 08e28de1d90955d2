package store_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// reportFixture writes, through the public methods and at their historical times, a small
// programme around 年度 2025 (令和7年度). Expected figures for FY2025, counted by hand:
//
//	visits      3 (2 coworking), 3 visitors: 4/1 p1, 4/1 p2 相談, 2026-03-31 p3; not 2025-03-31, 2026-04-01
//	childcare   1 use (k1 on 4/10), 1 child; k2 no-show; the 2025-03-28 and 2026-04-02 slots are outside
//	courses     A (育成, 5/12 5/19): p1 p2 attend → 2; both complete (needs 1 of 2)
//	            B (OJT, 2026-03-20 and 2026-04-03): p3 attends in March → 1; ends in FY2026
//	            C (セミナー, 2025-03-15): not held in FY2025
//	            延べ 3, unique 3, attendance 4 of 5 = 80%, completions 2
//	jobs        J1 p1 受注 2025-03-25, paid 2025-04-20: income ¥10,000 (found by paidJobs)
//	            J2 p2 受注 6/1, cancelled after: counts; J3 p3 cancelled before 受注: does not
//	            J4 p4 受注 7/1 (local, ¥3,000); J5 p5 受注 2024-10-01 paid 2026-04-15: outside;
//	            J6 p1 受注 and paid in FY2024: outside
//	            teleworkers 2 (p2 p4), local share 1 of 1 (J2 cancelled left out)
func reportFixture(t *testing.T) *store.Store {
	t.Helper()
	clk := newClock(at(model.NewDate(2024, time.April, 1), "9:00"))
	s := openTest(t, clk)
	set := func(y int, m time.Month, d int, hhmm string) { clk.Set(at(model.NewDate(y, m, d), hhmm)) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	var p []model.Person
	for i, n := range [][2]string{{"山田 花子", "やまだ はなこ"}, {"佐々木 美咲", "ささき みさき"}, {"高橋 恵子", "たかはし けいこ"}, {"田中 由美", "たなか ゆみ"}, {"伊藤 さくら", "いとう さくら"}} {
		pp, err := model.NewPerson(model.PersonInput{Name: n[0], Reading: n[1], Roles: []model.Role{model.RoleTrainee, model.RoleTeleworker}})
		must(err)
		pp, err = s.CreatePerson(pp)
		must(err)
		if pp.ID != uint64(i+1) {
			t.Fatalf("person %d has id %d", i+1, pp.ID)
		}
		p = append(p, pp)
	}
	var kids []model.Child
	for i, n := range [][2]string{{"山田 陽翔", "やまだ はると"}, {"佐々木 蓮", "ささき れん"}} {
		c, err := model.NewChild(model.ChildInput{GuardianID: p[i].ID, Name: n[0], Reading: n[1], BirthDate: "2022-05-01"}, model.NewDate(2024, 4, 1))
		must(err)
		c, err = s.CreateChild(c)
		must(err)
		kids = append(kids, c)
	}

	// Visits.
	visit := func(who int, y int, m time.Month, d int, hhmm string, purpose model.Purpose) {
		t.Helper()
		set(y, m, d, hhmm)
		_, err := s.CheckIn(p[who].ID, purpose)
		must(err)
		clk.Set(clk.Now().Add(time.Hour))
		_, err = s.CheckOut(p[who].ID)
		must(err)
	}
	visit(0, 2025, 3, 31, "10:00", model.PurposeCoworking)
	visit(0, 2025, 4, 1, "9:00", model.PurposeCoworking)
	visit(1, 2025, 4, 1, "10:00", model.PurposeConsult)
	visit(2, 2026, 3, 31, "16:00", model.PurposeCoworking)
	visit(0, 2026, 4, 1, "9:00", model.PurposeCoworking)

	// Childcare.
	slot := func(y int, m time.Month, d int) model.ChildcareSlot {
		t.Helper()
		set(y, m, d-5, "9:00")
		sl, err := model.NewSlot(model.SlotInput{Date: model.NewDate(y, m, d).String(), Start: "9:30", End: "12:30", Capacity: 6, Caregivers: 2})
		must(err)
		sl, err = s.CreateSlot(sl)
		must(err)
		return sl
	}
	use := func(sl model.ChildcareSlot, k int) {
		t.Helper()
		set(sl.Date.Year, sl.Date.Month, sl.Date.Day-3, "9:00")
		b, err := s.Book(sl.ID, kids[k].ID, kids[k].GuardianID, false)
		must(err)
		clk.Set(sl.Date.At(9*60 + 35))
		_, err = s.DropOff(b.ID)
		must(err)
		clk.Set(sl.Date.At(12 * 60))
		who, err := model.NewCollector(kids[k], p[k], p[k].Name, "", false, "")
		must(err)
		_, err = s.PickUp(b.ID, who)
		must(err)
	}
	use(slot(2025, 3, 28), 1)
	apr := slot(2025, 4, 10)
	use(apr, 0)
	set(2025, 4, 7, "9:00")
	nb, err := s.Book(apr.ID, kids[1].ID, kids[1].GuardianID, false)
	must(err)
	clk.Set(apr.Date.At(12*60 + 31))
	_, err = s.NoShow(nb.ID)
	must(err)
	use(slot(2026, 4, 2), 0)

	// Courses.
	course := func(kind model.CourseKind, name string, fy int, days ...model.Date) []model.Session {
		t.Helper()
		c, err := model.NewCourse(model.CourseInput{Kind: kind, Name: name, FiscalYear: fy})
		must(err)
		c, err = s.CreateCourse(c)
		must(err)
		var ins []model.Session
		for i, d := range days {
			se, err := model.NewSession(model.SessionInput{CourseID: c.ID, Date: d.String(), Start: "10:00", End: "12:00", Title: "第" + string(rune('1'+i)) + "回"})
			must(err)
			ins = append(ins, se)
		}
		ss, err := s.CreateSessions(ins)
		must(err)
		return ss
	}
	mark := func(se model.Session, who int, m model.Mark) {
		t.Helper()
		clk.Set(se.Date.At(12 * 60))
		a, err := model.NewAttendance(se.ID, p[who].ID, m, "")
		must(err)
		_, err = s.SetMark(a)
		must(err)
	}
	set(2024, 4, 1, "9:00")
	seminar := course(model.CourseSeminar, "周知セミナー", 2024, model.NewDate(2025, 3, 15))
	a := course(model.CourseBasic, "育成講座 第1期", 2025, model.NewDate(2025, 5, 12), model.NewDate(2025, 5, 19))
	b := course(model.CourseOJT, "OJT研修", 2025, model.NewDate(2026, 3, 20), model.NewDate(2026, 4, 3))
	mark(seminar[0], 4, model.MarkPresent)
	mark(a[0], 0, model.MarkPresent)
	mark(a[0], 1, model.MarkAbsent)
	mark(a[1], 0, model.MarkPresent)
	mark(a[1], 1, model.MarkLate)
	mark(b[0], 2, model.MarkPresent)
	mark(b[1], 2, model.MarkPresent)
	mark(b[1], 3, model.MarkPresent)

	// Jobs.
	set(2024, 4, 1, "9:00")
	local, err := s.CreateClient(must2[model.Client](t)(model.NewClient("小鹿野町観光協会", true, "")))
	must(err)
	remote, err := s.CreateClient(must2[model.Client](t)(model.NewClient("東京ウェブ制作", false, "")))
	must(err)
	qa, err := s.Settings()
	must(err)
	job := func(who int, cl model.Client, price string, offered model.Date) model.Job {
		t.Helper()
		clk.Set(offered.At(10 * 60))
		j, err := model.NewJob(model.JobInput{Title: "案件", Category: "ライティング", ClientID: cl.ID, PersonID: p[who].ID, UnitPrice: price, Quantity: "1", Due: offered.AddDays(30).String()})
		must(err)
		j, err = s.CreateJob(j)
		must(err)
		return j
	}
	move := func(j model.Job, on model.Date, m model.Move) model.Job {
		t.Helper()
		clk.Set(on.At(15 * 60))
		if m.To == model.JobDelivered {
			_, err := s.SetChecklist(j.ID, qa.QAChecklist)
			must(err)
		}
		j, err := s.MoveJob(j.ID, m)
		must(err)
		return j
	}
	paidJob := func(who int, cl model.Client, accepted, paid model.Date) {
		t.Helper()
		j := job(who, cl, "10000", accepted.AddDays(-2))
		for _, to := range []model.JobStatus{model.JobAccepted, model.JobInProgress, model.JobQA, model.JobDelivered, model.JobInvoiced} {
			j = move(j, accepted, model.Move{To: to})
		}
		move(j, paid.AddDays(1), model.Move{To: model.JobPaid, Amount: 10000, On: paid})
	}
	paidJob(0, local, model.NewDate(2025, 3, 25), model.NewDate(2025, 4, 20))   // J1
	j2 := job(1, remote, "5000", model.NewDate(2025, 5, 30))                    // J2
	j2 = move(j2, model.NewDate(2025, 6, 1), model.Move{To: model.JobAccepted}) //
	move(j2, model.NewDate(2025, 6, 10), model.Move{To: model.JobCancelled, Reason: "中止"})
	j3 := job(2, remote, "5000", model.NewDate(2025, 6, 5)) // J3
	move(j3, model.NewDate(2025, 6, 6), model.Move{To: model.JobCancelled})
	j4 := job(3, local, "3000", model.NewDate(2025, 6, 28)) // J4
	j4 = move(j4, model.NewDate(2025, 7, 1), model.Move{To: model.JobAccepted})
	move(j4, model.NewDate(2025, 7, 2), model.Move{To: model.JobInProgress})
	paidJob(4, remote, model.NewDate(2024, 10, 1), model.NewDate(2026, 4, 15)) // J5
	paidJob(0, remote, model.NewDate(2024, 5, 1), model.NewDate(2024, 6, 30))  // J6
	return s
}

func must2[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func TestReportFY2025FromTheStore(t *testing.T) {
	s := reportFixture(t)
	r, err := s.Report(model.FiscalYearPeriod(2025))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, k := range r.KPIs() {
		got[k.Key] = k.Actual
	}
	want := map[string]int64{
		"teleworkers": 2, "participants": 3, "unique_participants": 3, "attendance_rate": 80, "completions": 2,
		"childcare_uses": 1, "childcare_children": 1, "visits": 3, "coworking_visits": 2, "visitors": 3,
		"jobs_accepted": 2, "net_income": 10000, "paid_teleworkers": 1, "net_income_per_teleworker": 10000,
		"average_unit_price": 10000, "local_share_jobs": 100, "local_share_yen": 100,
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %d, want %d", k, got[k], w)
		}
	}
	if r.Targets != model.DefaultSettings().Targets {
		t.Errorf("targets %+v, want the settings' %+v", r.Targets, model.DefaultSettings().Targets)
	}
	if len(r.Days) != 1 || r.Days[0].NoShows != 1 || r.Days[0].Uses != 1 {
		t.Errorf("childcare days %+v", r.Days)
	}
}

func TestReportRecordsAreThePeriodsOnly(t *testing.T) {
	s := reportFixture(t)
	r, err := s.ReportRecords(model.FiscalYearPeriod(2025))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Visits) != 3 || len(r.Slots) != 1 || len(r.Bookings) != 2 {
		t.Errorf("%d visits, %d slots, %d bookings; want 3, 1, 2", len(r.Visits), len(r.Slots), len(r.Bookings))
	}
	var courses []string
	for _, c := range r.Courses {
		courses = append(courses, c.Name)
	}
	slices.Sort(courses)
	if strings.Join(courses, ",") != "OJT研修,育成講座 第1期" {
		t.Errorf("courses held: %v", courses)
	}
	// The OJT course's April session comes too: completion needs all of a course's sessions.
	if len(r.Sessions) != 4 || len(r.Attendance) != 7 {
		t.Errorf("%d sessions and %d marks, want 4 and 7", len(r.Sessions), len(r.Attendance))
	}
	var jobs []uint64
	for _, j := range r.Jobs {
		jobs = append(jobs, j.ID)
	}
	slices.Sort(jobs)
	if !slices.Equal(jobs, []uint64{1, 2, 4}) {
		t.Errorf("jobs %v, want J1 (paid in the year, accepted before), J2 and J4", jobs)
	}
	if len(r.Clients) != 2 || len(r.Children) != 2 {
		t.Errorf("%d clients, %d children", len(r.Clients), len(r.Children))
	}
	names := map[string]bool{}
	for _, p := range r.People {
		names[p.Name] = true
	}
	for _, n := range []string{"山田 花子", "佐々木 美咲", "高橋 恵子", "田中 由美"} {
		if !names[n] {
			t.Errorf("people lack %s: %v", n, names)
		}
	}
	if names["伊藤 さくら"] {
		t.Error("伊藤 さくら appears in no FY2025 record")
	}
}

func TestReportSpanningCourseCountsInBothYears(t *testing.T) {
	s := reportFixture(t)
	r, err := s.Report(model.FiscalYearPeriod(2026))
	if err != nil {
		t.Fatal(err)
	}
	// FY2026: OJT's April session (p3 and p4) and its completions (p3 attended both: needs 1).
	if r.Participants != 2 || r.Completions != 2 || r.Visits != 1 || r.ChildcareUses != 1 || r.Income.Net != 10000 || r.Teleworkers != 0 {
		t.Errorf("FY2026: participants %d completions %d visits %d uses %d net %d teleworkers %d",
			r.Participants, r.Completions, r.Visits, r.ChildcareUses, r.Income.Net, r.Teleworkers)
	}
	m, err := s.Report(model.MonthPeriod(2025, time.June))
	if err != nil {
		t.Fatal(err)
	}
	if m.Teleworkers != 1 || m.JobsAccepted != 1 || m.Visits != 0 {
		t.Errorf("June 2025: teleworkers %d jobs %d visits %d", m.Teleworkers, m.JobsAccepted, m.Visits)
	}
}

func TestRecordExportIsAudited(t *testing.T) {
	s := openTest(t, newClock(at(day, "10:00")))
	p := model.FiscalYearPeriod(2025)
	if err := s.RecordExport("/tmp/exports/report_FY2025.xlsx", p, false); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordExport("/tmp/exports/report_FY2025_names.xlsx", p, true); err != nil {
		t.Fatal(err)
	}
	es, err := s.Audit(store.AuditFilter{Kind: model.KindExport})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 {
		t.Fatalf("%d export entries, want 2", len(es))
	}
	if e := es[1]; e.Action != "export" || e.Ref != "FY2025" || e.Staff != testStaff ||
		!strings.Contains(e.After, "report_FY2025.xlsx") || !strings.Contains(e.After, "令和7年度") || !strings.Contains(e.After, "件数のみ") {
		t.Errorf("first export entry %+v", e)
	}
	if !strings.Contains(es[0].After, "氏名あり") {
		t.Errorf("names export entry %+v", es[0])
	}
	if model.KindExport.Label(model.JA) != "出力" {
		t.Error("the export kind has a label")
	}
}

func TestReportOnClosedStoreFails(t *testing.T) {
	s := openTest(t, newClock(at(day, "10:00")))
	s.Close()
	_, err := s.Report(model.FiscalYearPeriod(2025))
	if !errors.Is(err, model.ErrStorage) {
		t.Errorf("report on a closed database: %v, want ErrStorage", err)
	}
}
