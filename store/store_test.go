package store_test

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// The day most tests happen on: Monday 2 June 2025 (令和7年), at the Nagawaka Shugakko desk.
var day = model.NewDate(2025, time.June, 2)

// testStaff is the staff member on duty in every test store.
const testStaff = "受付 佐藤"

// at is the instant hh:mm on d in Tokyo.
func at(d model.Date, hhmm string) time.Time {
	c, err := model.ParseClock(hhmm)
	if err != nil {
		panic(err)
	}
	return d.At(c)
}

// clock is a model.FixedClock the test can move forward between calls; the store reads it through
// Options.Clock, so every stamp is exact.
type clock struct {
	mu    sync.Mutex
	fixed model.FixedClock
}

func newClock(t time.Time) *clock { return &clock{fixed: model.FixedClock{T: t}} }

// Now returns the fixed time.
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.fixed.Now()
}

// Set stops the clock at t.
func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.fixed = model.FixedClock{T: t}
	c.mu.Unlock()
}

// openTest opens a fresh database in t.TempDir() with the given clock and testStaff on duty, and
// closes it when the test ends.
func openTest(t *testing.T, c model.Clock) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "madoguchi.db"), store.Options{Clock: c})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	s.SetStaff(testStaff)
	return s
}

// knownBug skips a test that shows a bug in the store; run with MADOGUCHI_BUGS=1 to watch it fail.
func knownBug(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("MADOGUCHI_BUGS") == "" {
		t.Skip("BUG: " + why)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// ref is how audit entries name a record by id.
func ref(id uint64) string { return strconv.FormatUint(id, 10) }

// ---- records built through the model's constructors ----

func newPerson(t *testing.T, s *store.Store, name, reading string, roles ...model.Role) model.Person {
	t.Helper()
	p, err := model.NewPerson(model.PersonInput{Name: name, Reading: reading, Roles: roles})
	must(t, err)
	p, err = s.CreatePerson(p)
	must(t, err)
	return p
}

func newChild(t *testing.T, s *store.Store, guardian uint64, name, reading, birth string, pickups ...model.PickupPerson) model.Child {
	t.Helper()
	c, err := model.NewChild(model.ChildInput{GuardianID: guardian, Name: name, Reading: reading, BirthDate: birth, Pickups: pickups}, day)
	must(t, err)
	c, err = s.CreateChild(c)
	must(t, err)
	return c
}

func slotOf(t *testing.T, date model.Date, start, end string, capacity, caregivers int) model.ChildcareSlot {
	t.Helper()
	sl, err := model.NewSlot(model.SlotInput{Date: date.String(), Start: start, End: end, Capacity: capacity, Caregivers: caregivers})
	must(t, err)
	return sl
}

func newSlot(t *testing.T, s *store.Store, date model.Date, start, end string, capacity, caregivers int) model.ChildcareSlot {
	t.Helper()
	sl, err := s.CreateSlot(slotOf(t, date, start, end, capacity, caregivers))
	must(t, err)
	return sl
}

func newCourse(t *testing.T, s *store.Store, kind model.CourseKind, name string) model.Course {
	t.Helper()
	c, err := model.NewCourse(model.CourseInput{Kind: kind, Name: name, FiscalYear: 2025})
	must(t, err)
	c, err = s.CreateCourse(c)
	must(t, err)
	return c
}

func sessionOf(t *testing.T, course uint64, date model.Date, start, end, title string) model.Session {
	t.Helper()
	se, err := model.NewSession(model.SessionInput{CourseID: course, Date: date.String(), Start: start, End: end, Title: title, Place: "長若集学校"})
	must(t, err)
	return se
}

func newClient(t *testing.T, s *store.Store, name string, local bool) model.Client {
	t.Helper()
	c, err := model.NewClient(name, local, "")
	must(t, err)
	c, err = s.CreateClient(c)
	must(t, err)
	return c
}

func newJob(t *testing.T, s *store.Store, title string, client, person uint64, due model.Date) model.Job {
	t.Helper()
	j, err := model.NewJob(model.JobInput{Title: title, Category: "データ入力", ClientID: client, PersonID: person,
		UnitPrice: "1,200", Quantity: "10", Unit: "件", FeePercent: "20", Due: due.String()})
	must(t, err)
	j, err = s.CreateJob(j)
	must(t, err)
	return j
}

// ---- the audit log and "nothing changed" ----

// auditEntries returns every audit entry, newest first.
func auditEntries(t *testing.T, s *store.Store) []model.AuditEntry {
	t.Helper()
	es, err := s.Audit(store.AuditFilter{Limit: 1 << 30})
	must(t, err)
	return es
}

// want is one expected audit entry.
type want struct {
	Action string
	Kind   model.Kind
	Ref    string
}

// auditWatch remembers how long the audit log was, so a test can check what each call added.
type auditWatch struct {
	t     *testing.T
	s     *store.Store
	seen  int
	since time.Time // the clock at the last check; clocks in these tests only move forward
}

func watchAudit(t *testing.T, s *store.Store) *auditWatch {
	return &auditWatch{t: t, s: s, seen: len(auditEntries(t, s)), since: s.Clock().Now()}
}

// expect asserts that exactly the given entries (oldest first) were written since the last check,
// each stamped with the store's staff member and a time the clock showed since the last check, and
// returns them.
func (w *auditWatch) expect(ws ...want) []model.AuditEntry {
	w.t.Helper()
	now := w.s.Clock().Now()
	defer func() { w.since = now }()
	all := auditEntries(w.t, w.s)
	added := slices.Clone(all[:len(all)-w.seen])
	slices.Reverse(added)
	w.seen = len(all)
	if len(added) != len(ws) {
		w.t.Fatalf("audit: %d new entries, want %d: %+v", len(added), len(ws), added)
	}
	for i, e := range added {
		if e.Action != ws[i].Action || e.Kind != ws[i].Kind || e.Ref != ws[i].Ref {
			w.t.Errorf("audit entry %d = %s %s %q, want %s %s %q", i, e.Action, e.Kind, e.Ref, ws[i].Action, ws[i].Kind, ws[i].Ref)
		}
		if e.Staff != w.s.Staff() || e.Staff == "" {
			w.t.Errorf("audit entry %d staff = %q, want %q", i, e.Staff, w.s.Staff())
		}
		if e.At.Before(w.since) || e.At.After(now) {
			w.t.Errorf("audit entry %d at %v, want between %v and %v (the clock)", i, e.At, w.since, now)
		}
	}
	return added
}

// none asserts that nothing was added to the audit log since the last check.
func (w *auditWatch) none() {
	w.t.Helper()
	w.expect()
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return sha256.Sum256(b)
}

// refused runs op, which must fail with an error matching kind (any error when kind is nil), and
// asserts that it changed nothing: no audit entry and not one byte of the database file.
func refused(t *testing.T, s *store.Store, kind error, op func() error) error {
	t.Helper()
	before, n := fileSum(t, s.Path()), len(auditEntries(t, s))
	err := op()
	if err == nil {
		t.Fatalf("want the change refused, it was accepted")
	}
	if kind != nil && !errors.Is(err, kind) {
		t.Errorf("error %q (%T) does not match %v", err, err, kind)
	}
	if after := fileSum(t, s.Path()); after != before {
		t.Errorf("a refused change (%v) wrote to the database", err)
	}
	if m := len(auditEntries(t, s)); m != n {
		t.Errorf("a refused change (%v) wrote %d audit entries", err, m-n)
	}
	return err
}

func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// ---- people, children, staff, settings ----

func TestPersonRoundTrip(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:05"))
	s := openTest(t, c)
	w := watchAudit(t, s)

	in, err := model.NewPerson(model.PersonInput{Name: "山田　花子", Reading: "ヤマダ ハナコ", Phone: "０４９４-７５-１２３４",
		Email: "hanako@example.jp", Roles: []model.Role{model.RoleTrainee, model.RoleTeleworker}, Notes: "午前のみ"})
	must(t, err)
	p, err := s.CreatePerson(in)
	must(t, err)
	w.expect(want{"create", model.KindPerson, ref(p.ID)})
	if p.ID == 0 || p.Name != "山田 花子" || p.Reading != "やまだ はなこ" || p.Phone != "0494-75-1234" {
		t.Fatalf("created %+v", p)
	}
	if !p.Created.Equal(at(day, "9:05")) {
		t.Errorf("Created = %v, want the clock's time", p.Created)
	}
	got, err := s.Person(p.ID)
	must(t, err)
	equal(t, "Person after create", got, p)

	q := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	w.expect(want{"create", model.KindPerson, ref(q.ID)})
	if q.ID <= p.ID {
		t.Errorf("ids not increasing: %d then %d", p.ID, q.ID)
	}

	// Update: the fields change, Created stays even though the edited record has none.
	c.Set(at(day, "10:00"))
	edit, err := model.NewPerson(model.PersonInput{Name: "山田 花子", Reading: "やまだ はなこ", Phone: "090-1234-5678", Roles: []model.Role{model.RoleTeleworker}})
	must(t, err)
	edit.ID = p.ID
	upd, err := s.UpdatePerson(edit)
	must(t, err)
	w.expect(want{"update", model.KindPerson, ref(p.ID)})
	got, err = s.Person(p.ID)
	must(t, err)
	equal(t, "Person after update", got, upd)
	if got.Phone != "090-1234-5678" || !got.Created.Equal(p.Created) || got.HasRole(model.RoleTrainee) {
		t.Errorf("after update %+v", got)
	}

	// Archive and unarchive: the person stays in People.
	must(t, s.ArchivePerson(q.ID, true))
	w.expect(want{"archive", model.KindPerson, ref(q.ID)})
	got, err = s.Person(q.ID)
	must(t, err)
	if !got.Archived {
		t.Errorf("archived person %+v", got)
	}
	people, err := s.People()
	must(t, err)
	if len(people) != 2 || people[0].ID != p.ID || people[1].ID != q.ID || !people[1].Archived {
		t.Errorf("People = %+v", people)
	}
	must(t, s.ArchivePerson(q.ID, false))
	w.expect(want{"unarchive", model.KindPerson, ref(q.ID)})
	if got, _ := s.Person(q.ID); got.Archived {
		t.Errorf("unarchived person still archived")
	}

	// Refusals.
	if _, err := s.Person(999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Person(999) = %v, want ErrNotFound", err)
	}
	ghost := edit
	ghost.ID = 999
	refused(t, s, model.ErrNotFound, func() error { _, err := s.UpdatePerson(ghost); return err })
	refused(t, s, model.ErrNotFound, func() error { return s.ArchivePerson(999, true) })
	_, err = s.CheckIn(q.ID, model.PurposeCoworking)
	must(t, err)
	w.expect(want{"check_in", model.KindVisit, "1"})
	refused(t, s, model.ErrConflict, func() error { return s.ArchivePerson(q.ID, true) })
	w.none()

	// The constructor refuses what staff must fix, field by field.
	_, err = model.NewPerson(model.PersonInput{Name: " ", Reading: "abc123"})
	var fe model.FieldErrors
	if !errors.As(err, &fe) || fe.For("name") == nil || fe.For("reading") == nil {
		t.Errorf("NewPerson with no name and a bad reading: %v", err)
	}
}

func TestChildRoundTrip(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	mother := newPerson(t, s, "山田 花子", "やまだ はなこ")
	father := newPerson(t, s, "山田 太郎", "やまだ たろう")
	w := watchAudit(t, s)

	in, err := model.NewChild(model.ChildInput{GuardianID: mother.ID, Name: "山田 ひかり", Reading: "やまだ ひかり",
		BirthDate: "２０２２-０５-０１", Allergies: "卵", Pickups: []model.PickupPerson{{Name: "山田　よし子", Relation: "祖母"}, {}}}, day)
	must(t, err)
	c, err := s.CreateChild(in)
	must(t, err)
	w.expect(want{"create", model.KindChild, ref(c.ID)})
	got, err := s.Child(c.ID)
	must(t, err)
	equal(t, "Child after create", got, c)
	if got.BirthDate != model.NewDate(2022, time.May, 1) || len(got.Pickups) != 1 || got.Pickups[0].Name != "山田 よし子" || !got.HasAllergy() {
		t.Errorf("child %+v", got)
	}
	kids, err := s.ChildrenOf(mother.ID)
	must(t, err)
	equal(t, "ChildrenOf(mother)", kids, []model.Child{c})

	// Change the guardian: the index follows.
	edit, err := model.NewChild(model.ChildInput{GuardianID: father.ID, Name: "山田 ひかり", Reading: "やまだ ひかり", BirthDate: "2022-05-01"}, day)
	must(t, err)
	edit.ID = c.ID
	upd, err := s.UpdateChild(edit)
	must(t, err)
	w.expect(want{"update", model.KindChild, ref(c.ID)})
	if kids, _ := s.ChildrenOf(mother.ID); len(kids) != 0 {
		t.Errorf("ChildrenOf(old guardian) = %+v, want none", kids)
	}
	kids, err = s.ChildrenOf(father.ID)
	must(t, err)
	equal(t, "ChildrenOf(new guardian)", kids, []model.Child{upd})
	all, err := s.Children()
	must(t, err)
	equal(t, "Children", all, []model.Child{upd})

	// Refusals: an unknown guardian, an unknown child.
	orphan := in
	orphan.GuardianID = 999
	refused(t, s, model.ErrNotFound, func() error { _, err := s.CreateChild(orphan); return err })
	edit.GuardianID = 999
	refused(t, s, model.ErrNotFound, func() error { _, err := s.UpdateChild(edit); return err })
	ghost := upd
	ghost.ID = 999
	refused(t, s, model.ErrNotFound, func() error { _, err := s.UpdateChild(ghost); return err })
	if _, err := s.Child(999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Child(999) = %v", err)
	}
	// The constructor bounds the birth date by the day.
	if _, err := model.NewChild(model.ChildInput{GuardianID: mother.ID, Name: "未来", Reading: "みらい", BirthDate: "2025-06-03"}, day); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a birth date tomorrow was accepted: %v", err)
	}
}

func TestStaff(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "8:50")))
	w := watchAudit(t, s)
	a, err := model.NewStaff("佐藤 由美")
	must(t, err)
	a, err = s.AddStaff(a)
	must(t, err)
	w.expect(want{"create", model.KindStaff, ref(a.ID)})

	// The same name, typed with an ideographic space, is the same staff member: no second row, no
	// audit entry.
	again, err := model.NewStaff("佐藤　由美")
	must(t, err)
	again, err = s.AddStaff(again)
	must(t, err)
	w.none()
	if again != a {
		t.Errorf("AddStaff of the same name = %+v, want %+v", again, a)
	}
	b, err := model.NewStaff("高橋 健")
	must(t, err)
	b, err = s.AddStaff(b)
	must(t, err)
	w.expect(want{"create", model.KindStaff, ref(b.ID)})
	list, err := s.StaffList()
	must(t, err)
	equal(t, "StaffList", list, []model.Staff{a, b})

	if _, err := model.NewStaff("  "); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("NewStaff with a blank name: %v", err)
	}

	// SetStaff changes the name written from then on.
	s.SetStaff("高橋 健")
	newPerson(t, s, "木村 さくら", "きむら さくら")
	es := w.expect(want{"create", model.KindPerson, "1"})
	if es[0].Staff != "高橋 健" {
		t.Errorf("audit staff = %q after SetStaff", es[0].Staff)
	}
}

func TestSettings(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "8:50")))
	got, err := s.Settings()
	must(t, err)
	equal(t, "settings of a new database", got, model.DefaultSettings())

	w := watchAudit(t, s)
	in := model.DefaultSettings().Input()
	in.SiteName, in.Closing, in.Ratio0, in.MinCaregivers = "長若集学校 分室", "18:30", "4", "1"
	in.QAChecklist, in.DefaultFee = "誤字脱字、ファイル名", "5.5"
	st, err := model.NewSettings(in)
	must(t, err)
	must(t, s.SaveSettings(st))
	w.expect(want{"update", model.KindSettings, "settings"})
	got, err = s.Settings()
	must(t, err)
	equal(t, "settings after save", got, st)
	if got.Closing != 18*60+30 || got.Ratio.PerCaregiver[0] != 4 || got.DefaultFeeBP != 550 || len(got.QAChecklist) != 2 {
		t.Errorf("settings %+v", got)
	}
	// An empty checklist stays empty (not the defaults).
	in.QAChecklist = ""
	st, err = model.NewSettings(in)
	must(t, err)
	must(t, s.SaveSettings(st))
	w.expect(want{"update", model.KindSettings, "settings"})
	if got, _ := s.Settings(); len(got.QAChecklist) != 0 {
		t.Errorf("QAChecklist = %v, want empty", got.QAChecklist)
	}
}

func TestDayClose(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "17:10"))
	s := openTest(t, c)
	w := watchAudit(t, s)
	if _, ok, err := s.DayClosed(day); err != nil || ok {
		t.Fatalf("DayClosed before closing = %v, %v", ok, err)
	}
	dc, err := s.CloseDay(day, []string{"山田 花子さんが来館中"})
	must(t, err)
	w.expect(want{"close_day", model.KindDayClose, "2025-06-02"})
	got, ok, err := s.DayClosed(day)
	must(t, err)
	if !ok {
		t.Fatal("DayClosed = false after CloseDay")
	}
	equal(t, "DayClosed", got, dc)
	if got.Staff != testStaff || !got.At.Equal(at(day, "17:10")) || got.Date != day || len(got.LeftOpen) != 1 {
		t.Errorf("day close %+v", got)
	}
	if _, ok, _ := s.DayClosed(day.AddDays(1)); ok {
		t.Error("the next day reads as closed")
	}
	// Closing again (a later staff member) replaces the record and is audited with the old one.
	c.Set(at(day, "17:40"))
	s.SetStaff("高橋 健")
	_, err = s.CloseDay(day, nil)
	must(t, err)
	es := w.expect(want{"close_day", model.KindDayClose, "2025-06-02"})
	if es[0].Before == "" {
		t.Error("re-closing did not keep the earlier close in the audit entry")
	}
	got, _, _ = s.DayClosed(day)
	if got.Staff != "高橋 健" || len(got.LeftOpen) != 0 {
		t.Errorf("after re-closing %+v", got)
	}
}

func TestAuditFilter(t *testing.T) {
	t.Parallel()
	c := newClock(at(day.AddDays(-1), "10:00"))
	s := openTest(t, c)
	p := newPerson(t, s, "山田 花子", "やまだ はなこ") // audit 1, day-1, 佐藤
	c.Set(at(day, "10:00"))
	s.SetStaff("高橋 健")
	q := newPerson(t, s, "鈴木 一郎", "すずき いちろう")      // audit 2, day, 高橋
	_, err := s.CheckIn(p.ID, model.PurposeCourse) // audit 3, day, 高橋
	must(t, err)

	ids := func(f store.AuditFilter) []uint64 {
		es, err := s.Audit(f)
		must(t, err)
		var out []uint64
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	equal(t, "all, newest first", ids(store.AuditFilter{}), []uint64{3, 2, 1})
	equal(t, "limit", ids(store.AuditFilter{Limit: 2}), []uint64{3, 2})
	equal(t, "staff", ids(store.AuditFilter{Staff: testStaff}), []uint64{1})
	equal(t, "kind", ids(store.AuditFilter{Kind: model.KindPerson}), []uint64{2, 1})
	equal(t, "ref", ids(store.AuditFilter{Kind: model.KindPerson, Ref: ref(q.ID)}), []uint64{2})
	equal(t, "from", ids(store.AuditFilter{From: day}), []uint64{3, 2})
	equal(t, "to", ids(store.AuditFilter{To: day.AddDays(-1)}), []uint64{1})
	equal(t, "from..to in the past", ids(store.AuditFilter{From: day.AddDays(-3), To: day.AddDays(-2)}), []uint64(nil))
	equal(t, "to in the future", ids(store.AuditFilter{To: day.AddDays(5)}), []uint64{3, 2, 1})
}

func TestCloseTwice(t *testing.T) {
	t.Parallel()
	s, err := store.Open(filepath.Join(t.TempDir(), "m.db"), store.Options{Clock: model.FixedClock{T: at(day, "9:00")}})
	must(t, err)
	must(t, s.Close())
	must(t, s.Close())
	p, _ := model.NewPerson(model.PersonInput{Name: "山田 花子", Reading: "やまだ はなこ"})
	if _, err := s.CreatePerson(p); err == nil {
		t.Error("CreatePerson on a closed store succeeded")
	}
}

// TestConcurrentUse: the desk, the kids space and the jobs screen write at once; every change
// lands, each with its audit entry (run with -race).
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	var people []model.Person
	for _, n := range []string{"あおい", "いつき", "うみ", "えま", "かな", "きら"} {
		people = append(people, newPerson(t, s, "利用者 "+n, "りようしゃ "+n))
	}
	w := watchAudit(t, s)
	var wg sync.WaitGroup
	errs := make(chan error, len(people)*4)
	for i, p := range people {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				s.SetStaff(testStaff)
			}
			for range 4 {
				if _, _, err := s.Toggle(p.ID, model.PurposeCoworking); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Only the count is fixed; the order is the scheduler's.
	if got := len(auditEntries(t, s)) - w.seen; got != len(people)*4 {
		t.Errorf("%d audit entries for %d toggles", got, len(people)*4)
	}
	if open, _ := s.OpenVisits(); len(open) != 0 {
		t.Errorf("after an even number of toggles each, %d are still in", len(open))
	}
	for _, p := range people {
		if vs, _ := s.VisitsOf(p.ID); len(vs) != 2 {
			t.Errorf("%s has %d visits, want 2", p.Name, len(vs))
		}
	}
}
