package store_test

import (
	"strings"
	"testing"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// rvFixture is a day (the test day) with every kind of open item, and as many closed ones beside
// them that the review must leave out.
type rvFixture struct {
	s      *store.Store
	c      *clock
	open   model.Session // 10:00 session: 鈴木 unmarked
	done   model.Session // 13:00 session: everyone marked
	yamada model.Person  // checked in, child in care
	sato   model.Person  // checked in yesterday, never checked out
	jobs   []model.Job   // overdue, due today
	inCare []model.Booking
	booked model.Booking // not dropped off, not no-show
}

func rvBuild(t *testing.T) rvFixture {
	t.Helper()
	c := newClock(at(day.AddDays(-1), "9:00"))
	s := openTest(t, c)
	var f rvFixture
	f.s, f.c = s, c
	yesterday := day.AddDays(-1)

	// people
	f.yamada = newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTrainee)
	suzuki := newPerson(t, s, "鈴木 一郎", "すずき いちろう", model.RoleTrainee)
	f.sato = newPerson(t, s, "佐藤 健", "さとう けん", model.RoleMember)
	kimura := newPerson(t, s, "木村 香織", "きむら かおり", model.RoleMember)
	withdrawn := newPerson(t, s, "加藤 明美", "かとう あけみ", model.RoleTrainee)
	tanaka := newPerson(t, s, "田中 由美", "たなか ゆみ", model.RoleTrainee)

	// yesterday: 佐藤 checks in and never leaves; a child dropped off and never picked up
	c.Set(at(yesterday, "9:00"))
	_, err := s.CheckIn(f.sato.ID, model.PurposeCoworking)
	must(t, err)
	old := newChild(t, s, tanaka.ID, "田中 湊", "たなか みなと", "2021-05-01")
	ys := newSlot(t, s, yesterday, "9:30", "12:30", 10, 2)
	ob, err := s.Book(ys.ID, old.ID, tanaka.ID, false)
	must(t, err)
	c.Set(at(yesterday, "9:35"))
	_, err = s.DropOff(ob.ID)
	must(t, err)

	// courses and today's sessions
	c.Set(at(day, "8:30"))
	basic := newCourse(t, s, model.CourseBasic, "育成講座 第1期")
	ss, err := s.CreateSessions([]model.Session{
		sessionOf(t, basic.ID, day, "10:00", "12:00", "PC基礎"),
		sessionOf(t, basic.ID, day, "13:00", "15:00", "業務ツール"),
		sessionOf(t, basic.ID, day.AddDays(1), "10:00", "12:00", "明日の回"),
		sessionOf(t, basic.ID, yesterday, "10:00", "12:00", "昨日の回"),
	})
	must(t, err)
	f.open, f.done = ss[0], ss[1]
	cxEnrol(t, s, basic, f.yamada, suzuki, withdrawn)
	must(t, s.Withdraw(basic.ID, withdrawn.ID))

	// children today: one in care, one picked up, one booked and not come, one no-show, one
	// cancelled, one waitlisted (capacity 4)
	kids := make([]model.Child, 6)
	for i, n := range []string{"山田 陽翔", "鈴木 結衣", "佐藤 蓮", "木村 凛", "加藤 蒼", "田中 芽依"} {
		guardian := []model.Person{f.yamada, suzuki, f.sato, kimura, withdrawn, tanaka}[i]
		kids[i] = newChild(t, s, guardian.ID, n, "こども", "2021-04-01")
	}
	morning := newSlot(t, s, day, "9:00", "12:00", 4, 2)
	afternoon := newSlot(t, s, day, "13:00", "16:00", 4, 2)
	book := func(sl model.ChildcareSlot, k model.Child, wait bool) model.Booking {
		t.Helper()
		b, err := s.Book(sl.ID, k.ID, k.GuardianID, wait)
		must(t, err)
		return b
	}
	inCare := book(morning, kids[0], false)
	picked := book(morning, kids[1], false)
	noShow := book(morning, kids[2], false)
	cancelled := book(morning, kids[3], false)
	f.booked = book(afternoon, kids[4], false)
	_, err = s.CancelBooking(cancelled.ID)
	must(t, err)
	book(afternoon, kids[5], false)
	book(afternoon, kids[3], false)
	book(afternoon, kids[1], false)
	waiting := book(afternoon, kids[0], true) // the fifth: waitlisted
	if waiting.Status != model.BookingWaitlisted {
		t.Fatalf("fixture: the fifth afternoon booking is %s", waiting.Status)
	}

	c.Set(at(day, "9:05"))
	_, err = s.CheckIn(f.yamada.ID, model.PurposeCourse)
	must(t, err)
	_, err = s.CheckIn(kimura.ID, model.PurposeCoworking)
	must(t, err)
	for _, b := range []model.Booking{inCare, picked} {
		_, err = s.DropOff(b.ID)
		must(t, err)
	}
	c.Set(at(day, "9:30"))
	_, err = s.NoShow(noShow.ID)
	must(t, err)

	// today's marks: 山田 present at 10:00 (鈴木 still unmarked); everyone at 13:00
	c.Set(at(day, "10:05"))
	cxMark(t, s, f.open, f.yamada, model.MarkPresent, "")
	cxMark(t, s, f.done, f.yamada, model.MarkPresent, "")
	cxMark(t, s, f.done, suzuki, model.MarkAbsent, "")

	// jobs: one overdue, one due today, one due tomorrow, one delivered (overdue but closed)
	client := newClient(t, s, "小鹿野町観光協会", true)
	overdue := newJob(t, s, "ブログ記事", client.ID, f.yamada.ID, day.AddDays(-3))
	dueToday := newJob(t, s, "データ入力", client.ID, suzuki.ID, day)
	newJob(t, s, "明日の案件", client.ID, suzuki.ID, day.AddDays(1))
	delivered := newJob(t, s, "納品済みの案件", client.ID, suzuki.ID, day.AddDays(-2))
	st, err := s.Settings()
	must(t, err)
	for _, to := range []model.JobStatus{model.JobAccepted, model.JobInProgress, model.JobQA, model.JobDelivered} {
		if to == model.JobDelivered {
			_, err := s.SetChecklist(delivered.ID, st.QAChecklist)
			must(t, err)
		}
		_, err := s.MoveJob(delivered.ID, model.Move{To: to})
		must(t, err)
	}
	f.jobs = []model.Job{overdue, dueToday}

	// 鈴木's child is picked up by 鈴木
	c.Set(at(day, "11:50"))
	col, err := model.NewCollector(kids[1], suzuki, suzuki.Name, "", false, "")
	must(t, err)
	_, err = s.PickUp(picked.ID, col)
	must(t, err)
	f.inCare = []model.Booking{ob, inCare}
	c.Set(at(day, "17:00"))
	return f
}

func TestReviewListsEveryOpenItem(t *testing.T) {
	t.Parallel()
	f := rvBuild(t)
	w := watchAudit(t, f.s)
	r, err := f.s.Review(day)
	must(t, err)
	w.none()
	if r.Date != day || r.Closed != nil {
		t.Errorf("date %v closed %+v", r.Date, r.Closed)
	}

	if len(r.Sessions) != 1 || r.Sessions[0].Session.ID != f.open.ID || r.Sessions[0].Enrolled != 2 || r.Sessions[0].Course.Name != "育成講座 第1期" {
		t.Fatalf("sessions %+v", r.Sessions)
	}
	if u := r.Sessions[0].Unmarked; len(u) != 1 || u[0].Name != "鈴木 一郎" {
		t.Errorf("unmarked %+v (the withdrawn person must not be listed)", u)
	}

	var here []string
	for _, v := range r.Here {
		here = append(here, v.Person.Name)
	}
	equal(t, "still checked in, by check-in time (yesterday's too)", here, []string{"佐藤 健", "山田 花子", "木村 香織"})

	var inCare []uint64
	for _, b := range r.InCare {
		inCare = append(inCare, b.Booking.ID)
		if b.Child.ID == 0 || b.Guardian.ID == 0 || b.Slot.ID == 0 {
			t.Errorf("in-care line lacks its records: %+v", b)
		}
	}
	equal(t, "children not picked up, yesterday's first", inCare, []uint64{f.inCare[0].ID, f.inCare[1].ID})

	if len(r.NotArrived) != 4 {
		t.Fatalf("not arrived: %d bookings, want the 4 booked afternoon ones", len(r.NotArrived))
	}
	for _, b := range r.NotArrived {
		if b.Booking.Status != model.BookingBooked || b.Slot.Date != day || b.Slot.Start != 13*60 {
			t.Errorf("not arrived %+v in %+v", b.Booking, b.Slot)
		}
	}
	if r.NotArrived[0].Booking.ID != f.booked.ID || r.NotArrived[0].Guardian.Name != "加藤 明美" {
		t.Errorf("first not arrived %+v", r.NotArrived[0])
	}

	var jobs []uint64
	for _, j := range r.Jobs {
		jobs = append(jobs, j.Job.ID)
	}
	equal(t, "jobs due by the day, not delivered", jobs, []uint64{f.jobs[0].ID, f.jobs[1].ID})
	if r.Jobs[0].Person.Name != "山田 花子" {
		t.Errorf("job's teleworker %+v", r.Jobs[0].Person)
	}
	if r.Open() != 1+3+2+4+2 {
		t.Errorf("Open = %d", r.Open())
	}

	// Tomorrow lists tomorrow's session (nobody marked yet); people, children and overdue jobs
	// stay open whatever the day.
	next, err := f.s.Review(day.AddDays(1))
	must(t, err)
	if len(next.Sessions) != 1 || next.Sessions[0].Session.Title != "明日の回" || len(next.NotArrived) != 0 || len(next.Here) != 3 || len(next.Jobs) != 3 {
		t.Errorf("tomorrow: %d sessions, %d here, %d not arrived, %d jobs", len(next.Sessions), len(next.Here), len(next.NotArrived), len(next.Jobs))
	}
}

func TestReviewActingClearsItems(t *testing.T) {
	t.Parallel()
	f := rvBuild(t)
	s := f.s
	r, _ := s.Review(day)
	before := r.Open()
	// marking the unmarked person, checking 山田 out: two fewer items
	cxMark(t, s, f.open, r.Sessions[0].Unmarked[0], model.MarkExcused, "")
	_, err := s.CheckOut(f.yamada.ID)
	must(t, err)
	r, err = s.Review(day)
	must(t, err)
	if len(r.Sessions) != 0 || len(r.Here) != 2 || r.Open() != before-2 {
		t.Errorf("after acting: %d sessions, %d here, %d open (was %d)", len(r.Sessions), len(r.Here), r.Open(), before)
	}
}

func TestCloseDayReviewed(t *testing.T) {
	t.Parallel()
	f := rvBuild(t)
	s := f.s
	// With items open and no confirmation: refused, nothing written, the review returned.
	var r model.DayReview
	err := refused(t, s, model.ErrConflict, func() error {
		var err error
		_, r, err = s.CloseDayReviewed(day, false)
		return err
	})
	if !strings.Contains(model.Message(err, model.JA), "未了の項目が12件") || !strings.Contains(model.Message(err, model.EN), "12 items") {
		t.Errorf("refusal says %q / %q", model.Message(err, model.JA), model.Message(err, model.EN))
	}
	if r.Open() != 12 {
		t.Errorf("the refusal's review has %d items", r.Open())
	}
	if _, ok, _ := s.DayClosed(day); ok {
		t.Fatal("a refused close closed the day")
	}

	// Confirmed: the close records who, when and every open line.
	f.c.Set(at(day, "17:30"))
	w := watchAudit(t, s)
	dc, r, err := s.CloseDayReviewed(day, true)
	must(t, err)
	w.expect(want{"close_day", model.KindDayClose, day.String()})
	if dc.Staff != testStaff || !dc.At.Equal(at(day, "17:30")) || dc.Date != day {
		t.Errorf("close %+v", dc)
	}
	equal(t, "recorded lines", dc.LeftOpen, r.LeftOpen(model.JA))
	if len(dc.LeftOpen) != 12 || !strings.HasPrefix(dc.LeftOpen[0], "出欠未記入: ") || !strings.Contains(strings.Join(dc.LeftOpen, "\n"), "来館中: 佐藤 健") {
		t.Errorf("LeftOpen %q", dc.LeftOpen)
	}
	got, ok, err := s.DayClosed(day)
	must(t, err)
	if !ok {
		t.Fatal("not closed")
	}
	equal(t, "stored close", got, dc)
	r, _ = s.Review(day)
	if r.Closed == nil || r.Closed.Staff != testStaff {
		t.Errorf("the review does not show the close: %+v", r.Closed)
	}
}

func TestCloseDayReviewedWhenClear(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "17:00"))
	s := openTest(t, c)
	p := newPerson(t, s, "山田 花子", "やまだ はなこ")
	_, err := s.CheckIn(p.ID, model.PurposeCoworking)
	must(t, err)
	_, err = s.CheckOut(p.ID)
	must(t, err)
	r, err := s.Review(day)
	must(t, err)
	if !r.Clear() {
		t.Fatalf("a quiet day has %d open items", r.Open())
	}
	// No confirmation needed, and nothing recorded as open.
	dc, r, err := s.CloseDayReviewed(day, false)
	must(t, err)
	if len(dc.LeftOpen) != 0 || r.Closed == nil || dc.Staff != testStaff {
		t.Errorf("clear close %+v, review closed %+v", dc, r.Closed)
	}
	// Closing again later (someone came back and left) replaces the record.
	c.Set(at(day, "18:00"))
	s.SetStaff("高橋 健")
	dc2, _, err := s.CloseDayReviewed(day, false)
	must(t, err)
	if dc2.Staff != "高橋 健" || !dc2.At.Equal(at(day, "18:00")) {
		t.Errorf("re-close %+v", dc2)
	}
}
