package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

// genNow is the end of the generated histories in these tests: Wednesday 2026-11-25, 10:30 in
// Tokyo (the screens' test clock).
var genNow = time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)

// genTestDB generates a history into t.TempDir() and returns its path.
func genTestDB(t *testing.T, opts GenOptions) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gen.db")
	if opts.Now.IsZero() {
		opts.Now = genNow
	}
	if err := Generate(path, opts); err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return path
}

// genOpenTest opens a generated file with the clock at genNow.
func genOpenTest(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, Options{Clock: model.FixedClock{T: genNow}})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// genDump lists every bucket's sequence and every key and value, in order: the database's whole
// logical content.
func genDump(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			out = append(out, fmt.Sprintf("%s seq=%d", name, b.Sequence()))
			return b.ForEach(func(k, v []byte) error {
				out = append(out, fmt.Sprintf("%s %x %s", name, k, v))
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func genFirstDiff(a, b []string) string {
	for i := 0; i < min(len(a), len(b)); i++ {
		if a[i] != b[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i, a[i], b[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(a), len(b))
}

func TestGenerateIsDeterministic(t *testing.T) {
	a := genOpenTest(t, genTestDB(t, GenOptions{Months: 1, Seed: 7}))
	b := genOpenTest(t, genTestDB(t, GenOptions{Months: 1, Seed: 7}))
	c := genOpenTest(t, genTestDB(t, GenOptions{Months: 1, Seed: 8}))

	pa, err := a.People()
	if err != nil {
		t.Fatal(err)
	}
	pb, _ := b.People()
	if len(pa) < 250 || !reflect.DeepEqual(pa, pb) {
		t.Fatalf("People differ between two runs with seed 7 (%d and %d people)", len(pa), len(pb))
	}
	ja, _ := a.Jobs()
	jb, _ := b.Jobs()
	if len(ja) == 0 || !reflect.DeepEqual(ja, jb) {
		t.Fatalf("Jobs differ between two runs with seed 7 (%d and %d jobs)", len(ja), len(jb))
	}
	visits := 0
	for d := genNow.AddDate(0, -1, 0); !d.After(genNow); d = d.AddDate(0, 0, 1) {
		va, err := a.VisitsOn(model.DateOf(d))
		if err != nil {
			t.Fatal(err)
		}
		vb, _ := b.VisitsOn(model.DateOf(d))
		if !reflect.DeepEqual(va, vb) {
			t.Fatalf("VisitsOn(%s) differs between two runs with seed 7", model.DateOf(d))
		}
		visits += len(va)
	}
	if visits < 500 {
		t.Fatalf("a month holds only %d visits", visits)
	}
	// the whole content, audit log and sequences included, byte for byte
	if da, db := genDump(t, a), genDump(t, b); !reflect.DeepEqual(da, db) {
		t.Fatalf("two runs with seed 7 differ at %s", genFirstDiff(da, db))
	}
	if pc, _ := c.People(); reflect.DeepEqual(pa, pc) {
		t.Fatal("seeds 7 and 8 gave the same people")
	}
}

func TestGeneratedHistoryIsBelievable(t *testing.T) {
	var st GenStats
	s := genOpenTest(t, genTestDB(t, GenOptions{Months: 2, Seed: 3, Stats: &st}))
	first := model.DateOf(genNow.AddDate(0, -2, 0))
	if st.From != first || st.To != model.DateOf(genNow) {
		t.Fatalf("span %s..%s", st.From, st.To)
	}
	open := 0
	for d := first; !d.After(st.To); d = d.AddDays(1) {
		if genOpen(d) {
			open++
		}
	}
	perDay := func(n int) float64 { return float64(n) / float64(open) }
	switch {
	case st.People < 290 || st.People > 300:
		t.Errorf("people %d, want about 300", st.People)
	case perDay(st.Visits) < 50 || perDay(st.Visits) > 70:
		t.Errorf("%.1f visits per open day, want about 60", perDay(st.Visits))
	case perDay(st.Bookings) < 7 || perDay(st.Bookings) > 13:
		t.Errorf("%.1f bookings per open day, want about 10", perDay(st.Bookings))
	case st.Jobs < 15 || st.Jobs > 80:
		t.Errorf("%d jobs in two months, want about 35", st.Jobs)
	case st.Sessions == 0 || st.Marks == 0 || st.Courses == 0 || st.Enrollments == 0:
		t.Errorf("no courses, sessions, enrolments or marks: %+v", st)
	case st.Children < 40 || st.Clients == 0 || st.Staff < 2:
		t.Errorf("children %d, clients %d, staff %d", st.Children, st.Clients, st.Staff)
	case st.DayClose < open-1:
		t.Errorf("%d day closes for %d open days", st.DayClose, open)
	case st.Audit < st.Visits*2:
		t.Errorf("%d audit entries for %d visits", st.Audit, st.Visits)
	case st.Bytes == 0:
		t.Error("no size")
	}

	// now (10:30) people are in, a child is in care, and every open visit began today
	today, err := s.Today(st.To)
	if err != nil {
		t.Fatal(err)
	}
	if len(today.Here) < 10 || len(today.InCare) == 0 || len(today.Slots) != 2 || len(today.Sessions) == 0 {
		t.Fatalf("today: %d in, %d in care, %d slots, %d sessions", len(today.Here), len(today.InCare), len(today.Slots), len(today.Sessions))
	}
	for _, h := range today.Here {
		if h.Visit.Day() != st.To || !h.Visit.In.Before(genNow) {
			t.Fatalf("open visit from %s", h.Visit.In)
		}
	}
	// no record is stamped after now, and the audit log runs forward in time
	err = s.view(func(tx *tx) error {
		var last time.Time
		return tx.b(bAudit).ForEach(func(k, v []byte) error {
			var e model.AuditEntry
			if err := jsonUnmarshal(v, &e); err != nil {
				return err
			}
			if e.At.Before(last) || e.At.After(genNow) {
				return fmt.Errorf("audit %d at %s after %s (now %s)", e.ID, e.At, last, genNow)
			}
			if tx.b(iAuditDay).Get(join(dayKey(model.DateOf(e.At)), k)) == nil {
				return fmt.Errorf("audit %d not in idx_audit_day", e.ID)
			}
			if e.Staff == "" {
				return fmt.Errorf("audit %d has no staff", e.ID)
			}
			last = e.At
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	// every visit is in its day and person indexes, and closed unless it began today
	err = s.view(func(tx *tx) error {
		return tx.b(bVisits).ForEach(func(k, val []byte) error {
			var v model.Visit
			if err := jsonUnmarshal(val, &v); err != nil {
				return err
			}
			if tx.b(iVisitDay).Get(join(dayKey(v.Day()), k)) == nil || tx.b(iVisitPerson).Get(pair(v.PersonID, v.ID)) == nil {
				return fmt.Errorf("visit %d is missing from an index", v.ID)
			}
			if v.Open() != (id(tx.b(iVisitOpen).Get(u64(v.PersonID))) == v.ID) || (v.Open() && v.Day() != st.To) {
				return fmt.Errorf("visit %d open=%v on %s", v.ID, v.Open(), v.Day())
			}
			if !v.Open() && (!v.Out.After(v.In) || model.DateOf(v.Out) != v.Day()) {
				return fmt.Errorf("visit %d runs %s..%s", v.ID, v.In, v.Out)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	// jobs: some paid, some still open, events for each
	jobs, _ := s.Jobs()
	statuses := map[model.JobStatus]int{}
	for _, j := range jobs {
		statuses[j.Status]++
		if ev, err := s.JobEvents(j.ID); err != nil || len(ev) == 0 {
			t.Fatalf("job %d has no history (%v)", j.ID, err)
		}
	}
	if statuses[model.JobPaid] == 0 || statuses[model.JobCancelled]+statuses[model.JobInProgress]+statuses[model.JobAccepted]+statuses[model.JobQA] == 0 {
		t.Errorf("job statuses %v", statuses)
	}
	// a past session has its roll
	ss, err := s.SessionsOn(model.NewDate(2026, time.November, 24))
	if err != nil || len(ss) == 0 {
		t.Fatalf("no session on Tuesday 24 November (%v)", err)
	}
	if marks, _ := s.AttendanceOf(ss[0].ID); len(marks) < 5 {
		t.Fatalf("session %d has %d marks", ss[0].ID, len(marks))
	}
}

func TestGenerateRefusesExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "live.db")
	if err := os.WriteFile(path, []byte("the site's real database"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := Generate(path, GenOptions{Months: 1, Now: genNow})
	if !errors.Is(err, model.ErrConflict) {
		t.Fatalf("Generate over an existing file: %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "the site's real database" {
		t.Fatal("the existing file was changed")
	}
	if left, _ := filepath.Glob(path + ".gen-*"); len(left) > 0 {
		t.Fatalf("left behind: %v", left)
	}
}

func TestGenerateValidatesOptions(t *testing.T) {
	for _, o := range []GenOptions{{}, {Years: -1, Months: 13}, {Years: 51}, {Months: 1, People: 3}} {
		o.Now = genNow
		path := filepath.Join(t.TempDir(), "x.db")
		if err := Generate(path, o); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("%+v: %v", o, err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%+v: a file was made", o)
		}
	}
}

func TestGeneratePeople(t *testing.T) {
	a, b := GeneratePeople(1, 10000), GeneratePeople(1, 10000)
	if len(a) != 10000 || !reflect.DeepEqual(a, b) {
		t.Fatal("GeneratePeople is not deterministic")
	}
	names := map[string]bool{}
	for _, p := range a {
		if p.ID == 0 || p.Reading == "" || p.Name == "" {
			t.Fatalf("bad person %+v", p)
		}
		names[p.Name] = true
	}
	if len(names) < 3000 {
		t.Fatalf("only %d distinct names in 10000", len(names))
	}
	if q := model.ParseQuery("yamada"); !func() bool {
		for _, p := range a {
			if _, ok := q.Match(p.Name, p.Reading); ok {
				return true
			}
		}
		return false
	}() {
		t.Fatal("nobody matches yamada")
	}
}

// TestGenWritesMatchPublicMethods runs the same day twice: once through the public methods, each
// in its own transaction on a store whose clock is moved before the call, and once the way
// Generate writes: the tx helpers those methods wrap (t.book behind Book, t.markNoShow behind
// NoShow, ...), all in one transaction with t.now moved before each write. Both databases must be
// identical, byte for byte. It fails when a public method does work outside its tx helper that the
// generator would not, or when a helper depends on earlier writes being committed, or when the
// generator's transaction is not what the store's would be (its now, its staff).
func TestGenWritesMatchPublicMethods(t *testing.T) {
	clk := &genClock{}
	pub, err := Open(filepath.Join(t.TempDir(), "pub.db"), Options{Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	gen, err := Open(filepath.Join(t.TempDir(), "gen.db"), Options{Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	defer gen.Close()
	pub.SetStaff("佐藤 由美")
	gen.SetStaff("佐藤 由美")

	day := model.NewDate(2026, time.November, 24)
	at := func(h, m int) time.Time { return hm(day, h, m) }
	must := func(v any, err error) any {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// the generator's side is queued and written at the end, in one transaction as Generate does;
	// its closures read the variables as they stand then, so none may change after its own step
	type genWrite struct {
		at time.Time
		fn func(t *tx) error
	}
	var writes []genWrite
	step := func(when time.Time, public func() error, write func(t *tx) error) {
		t.Helper()
		clk.set(when)
		if err := public(); err != nil {
			t.Fatalf("public at %s: %v", when, err)
		}
		writes = append(writes, genWrite{when, write})
	}
	e := func(_ any, err error) error { return err }

	step(at(8, 0), func() error { return e(pub.AddStaff(model.Staff{Name: "田中 恵"})) },
		func(t *tx) error { return e(t.addStaff(model.Staff{Name: "田中 恵"})) })
	step(at(8, 1), func() error { return e(pub.AddStaff(model.Staff{Name: "田中 恵"})) }, // again: no second record
		func(t *tx) error { return e(t.addStaff(model.Staff{Name: "田中 恵"})) })
	var people []model.Person
	for _, in := range []model.PersonInput{
		{Name: "山田 花子", Reading: "やまだ はなこ", Roles: []model.Role{model.RoleTrainee, model.RoleTeleworker}},
		{Name: "高橋 恵子", Reading: "たかはし けいこ"},
		{Name: "田中 由美", Reading: "たなか ゆみ", Roles: []model.Role{model.RoleTrainee}},
	} {
		p := must(model.NewPerson(in)).(model.Person)
		step(at(8, 5), func() error { var err error; p, err = pub.CreatePerson(p); return err },
			func(t *tx) error { q := p; q.ID, q.Created = 0, time.Time{}; return e(t.createPerson(q)) })
		people = append(people, p)
	}
	hanako, keiko, yumi := people[0], people[1], people[2]
	var kids []model.Child
	for _, in := range []model.ChildInput{
		{GuardianID: hanako.ID, Name: "山田 陽翔", Reading: "やまだ はると", BirthDate: "2024-03-01", Allergies: "卵アレルギー",
			Pickups: []model.PickupPerson{{Name: "山田 和子", Relation: "祖母"}}},
		{GuardianID: hanako.ID, Name: "山田 結衣", Reading: "やまだ ゆい", BirthDate: "2026-02-01"},
		{GuardianID: keiko.ID, Name: "高橋 芽依", Reading: "たかはし めい", BirthDate: "2023-05-05"},
	} {
		c := must(model.NewChild(in, day)).(model.Child)
		step(at(8, 10), func() error { var err error; c, err = pub.CreateChild(c); return err },
			func(t *tx) error { q := c; q.ID = 0; return e(t.createChild(q)) })
		kids = append(kids, c)
	}

	// kids space: a slot for two, a waitlist, a cancellation that promotes, drop-off, pick-up, no-show
	sl := must(model.NewSlot(model.SlotInput{Date: day.String(), Start: "9:30", End: "12:30", Capacity: 2, Caregivers: 2})).(model.ChildcareSlot)
	step(at(8, 20), func() error { var err error; sl, err = pub.CreateSlot(sl); return err },
		func(t *tx) error { s := sl; s.ID = 0; return e(t.createSlot(s)) })
	// booked in another order than created, so booking and child ids differ
	var bookings []model.Booking
	for _, c := range []model.Child{kids[2], kids[0], kids[1]} {
		var b model.Booking
		step(at(8, 30), func() error { var err error; b, err = pub.Book(sl.ID, c.ID, c.GuardianID, true); return err },
			func(t *tx) error { return e(t.book(sl.ID, c.ID, c.GuardianID, true)) })
		bookings = append(bookings, b)
	}
	if bookings[2].Status != model.BookingWaitlisted {
		t.Fatalf("third child %s", bookings[2].Status)
	}
	step(at(8, 40), func() error { return e(pub.CancelBooking(bookings[0].ID)) }, // promotes the third
		func(t *tx) error { return e(t.cancelBooking(bookings[0].ID)) })
	step(at(9, 35), func() error { return e(pub.DropOff(bookings[1].ID)) },
		func(t *tx) error { return e(t.dropOff(bookings[1].ID)) })
	step(at(10, 15), func() error { return e(pub.NoShow(bookings[2].ID)) },
		func(t *tx) error { _, _, err := t.markNoShow(bookings[2].ID); return err })
	who := must(model.NewCollector(kids[0], hanako, "山田 和子", "", false, "")).(model.Collector)
	step(at(12, 20), func() error { return e(pub.PickUp(bookings[1].ID, who)) },
		func(t *tx) error { return e(t.pickUp(bookings[1].ID, who)) })

	// visits, and closing checks out whoever is still in
	step(at(9, 30), func() error { return e(pub.CheckIn(hanako.ID, model.PurposeCoworking)) },
		func(t *tx) error { return e(t.checkIn(hanako.ID, model.PurposeCoworking)) })
	step(at(9, 50), func() error { return e(pub.CheckIn(yumi.ID, model.PurposeCourse)) },
		func(t *tx) error { return e(t.checkIn(yumi.ID, model.PurposeCourse)) })
	step(at(12, 5), func() error { return e(pub.CheckOut(yumi.ID)) },
		func(t *tx) error { return e(t.checkOut(yumi.ID, t.now, false)) })
	step(at(17, 0), func() error { return e(pub.CheckOutAll(at(17, 0))) },
		func(t *tx) error { return e(t.checkOutAll(t.now)) })

	// a course, its sessions, enrolment and marks (one walk-in), the day's close
	course := must(model.NewCourse(model.CourseInput{Kind: model.CourseBasic, Name: "育成講座 第1期", FiscalYear: 2026})).(model.Course)
	step(at(13, 0), func() error { var err error; course, err = pub.CreateCourse(course); return err },
		func(t *tx) error { c := course; c.ID = 0; return e(t.createCourse(c)) })
	var ins []model.Session
	for i, d := range []model.Date{day, day.AddDays(7)} {
		ins = append(ins, must(model.NewSession(model.SessionInput{CourseID: course.ID, Date: d.String(), Start: "10:00", End: "12:00",
			Title: fmt.Sprintf("第%d回", i+1), Place: "多目的室", Capacity: 20})).(model.Session))
	}
	var sessions []model.Session
	step(at(13, 1), func() error { var err error; sessions, err = pub.CreateSessions(ins); return err },
		func(t *tx) error { return e(t.createSessions(ins)) })
	step(at(13, 2), func() error { return e(pub.Enroll(course.ID, yumi.ID)) },
		func(t *tx) error { return e(t.enroll(course.ID, yumi.ID)) })
	for _, a := range []model.Attendance{
		must(model.NewAttendance(sessions[0].ID, yumi.ID, model.MarkLate, "電車遅延")).(model.Attendance),
		must(model.NewAttendance(sessions[0].ID, hanako.ID, model.MarkPresent, "")).(model.Attendance),
	} {
		step(at(13, 5), func() error { return e(pub.SetMark(a)) }, func(t *tx) error { return e(t.setMark(a)) })
	}
	step(at(17, 20), func() error { return e(pub.CloseDay(day, nil)) }, func(t *tx) error { return e(t.closeDay(day, nil)) })

	// jobs: the whole path with a return and a payment short of the invoice; a declined offer
	client := must(model.NewClient("小鹿野町観光協会", true, "")).(model.Client)
	step(at(14, 0), func() error { var err error; client, err = pub.CreateClient(client); return err },
		func(t *tx) error { c := client; c.ID = 0; return e(t.createClient(c)) })
	var jobs []model.Job
	for _, title := range []string{"観光ブログ記事", "名刺データ入力"} {
		j := must(model.NewJob(model.JobInput{Title: title, Category: "ライティング", ClientID: client.ID, PersonID: yumi.ID,
			UnitPrice: "3000", Quantity: "4", FeePercent: "0", Due: day.AddDays(14).String(), Hours: "2.5"})).(model.Job)
		step(at(14, 5), func() error { var err error; j, err = pub.CreateJob(j); return err },
			func(t *tx) error { jj := j; jj.ID = 0; return e(t.createJob(jj)) })
		jobs = append(jobs, j)
	}
	qa := model.DefaultSettings().QAChecklist
	moves := []model.Move{{To: model.JobAccepted}, {To: model.JobInProgress}, {To: model.JobQA},
		{To: model.JobReturned, Reason: "誤字があります"}, {To: model.JobInProgress}, {To: model.JobQA}}
	for i, m := range moves {
		step(at(14, 10+i), func() error { return e(pub.MoveJob(jobs[0].ID, m)) },
			func(t *tx) error { return e(t.moveJob(jobs[0].ID, m)) })
	}
	step(at(14, 20), func() error { return e(pub.AddJobNote(jobs[0].ID, "進め方を一緒に確認")) },
		func(t *tx) error { return e(t.addJobNote(jobs[0].ID, "進め方を一緒に確認")) })
	step(at(14, 21), func() error { return e(pub.SetChecklist(jobs[0].ID, qa)) },
		func(t *tx) error { return e(t.setChecklist(jobs[0].ID, qa)) })
	for i, m := range []model.Move{{To: model.JobDelivered}, {To: model.JobInvoiced, On: day}, {To: model.JobPaid, Amount: 11560, On: day}} {
		step(at(14, 30+i), func() error { return e(pub.MoveJob(jobs[0].ID, m)) },
			func(t *tx) error { return e(t.moveJob(jobs[0].ID, m)) })
	}
	step(at(14, 40), func() error {
		return e(pub.MoveJob(jobs[1].ID, model.Move{To: model.JobCancelled, Reason: "日程が合わない"}))
	},
		func(t *tx) error {
			return e(t.moveJob(jobs[1].ID, model.Move{To: model.JobCancelled, Reason: "日程が合わない"}))
		})

	err = gen.db.Update(func(btx *bolt.Tx) error {
		t := &tx{Tx: btx, s: gen}
		for _, w := range writes {
			t.now = w.at.UTC()
			if err := w.fn(t); err != nil {
				return fmt.Errorf("at %s: %w", w.at, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("the generator's writes: %v", err)
	}
	if a, b := genDump(t, pub), genDump(t, gen); !reflect.DeepEqual(a, b) {
		t.Fatalf("the generator's writes differ from the public methods' at %s", genFirstDiff(a, b))
	}
	// and the scenario really happened
	var n int
	_ = pub.view(func(t *tx) error { n = int(t.b(bAudit).Sequence()); return nil })
	if n < 40 {
		t.Fatalf("only %d audit entries", n)
	}
	if !bytes.Contains([]byte(fmt.Sprint(genDump(t, gen))), []byte("promote")) {
		t.Fatal("the cancellation promoted nobody")
	}
}

// genClock is a clock the parity test moves.
type genClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *genClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *genClock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }
