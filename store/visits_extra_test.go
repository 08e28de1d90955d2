package store_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// Visits at the counter: one open visit per person under concurrent use, undo, closing, the
// day's list with people, and roster import.

// Two desks pressing enter at once: one check-in wins, the other is told the person is in.
func TestOneOpenVisitUnderConcurrentCheckIns(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "10:00")))
	p := newPerson(t, s, "山田 花子", "やまだ はなこ")
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.CheckIn(p.ID, model.PurposeCoworking)
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, model.ErrConflict):
			t.Errorf("unexpected error %v", err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d check-ins succeeded, want 1", ok)
	}
	open, err := s.OpenVisits()
	must(t, err)
	if len(open) != 1 {
		t.Fatalf("open visits %+v", open)
	}
	// A walk-in registration of someone new, then a second check-in of them, is refused too.
	in, err := model.NewPerson(model.PersonInput{Name: "見学 太郎", Reading: "けんがく たろう"})
	must(t, err)
	q, _, err := s.RegisterAndCheckIn(in, model.PurposeTour)
	must(t, err)
	refused(t, s, model.ErrConflict, func() error { _, err := s.CheckIn(q.ID, model.PurposeCoworking); return err })
	// Out and in again: correcting the first visit back to open would make two; refused.
	_, checkedIn, err := s.Toggle(q.ID, model.PurposeCoworking)
	must(t, err)
	if checkedIn {
		t.Fatal("toggle of someone in checked them in")
	}
	_, err = s.CheckIn(q.ID, model.PurposeCoworking)
	must(t, err)
	vs, err := s.VisitsOf(q.ID)
	must(t, err)
	refused(t, s, model.ErrConflict, func() error {
		_, err := s.CorrectVisit(vs[0].ID, vs[0].In, time.Time{}, "reopen")
		return err
	})
}

// Undo only touches the visit it names, and undoing twice is refused.
func TestUndoCheckInTwiceRefused(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:00"))
	s := openTest(t, c)
	a := newPerson(t, s, "山田 花子", "やまだ はなこ")
	b := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	va, err := s.CheckIn(a.ID, model.PurposeCoworking)
	must(t, err)
	vb, err := s.CheckIn(b.ID, model.PurposeCoworking)
	must(t, err)
	must(t, s.UndoCheckIn(vb.ID))
	refused(t, s, model.ErrNotFound, func() error { return s.UndoCheckIn(vb.ID) })
	open, err := s.OpenVisits()
	must(t, err)
	equal(t, "open after undo", visitIDs(open), []uint64{va.ID})
	on, err := s.DayVisits(day)
	must(t, err)
	if len(on) != 1 || on[0].Visit.ID != va.ID || on[0].Person.Name != "山田 花子" {
		t.Fatalf("DayVisits after undo %+v", on)
	}
	// Undo of a check-out made at closing reopens it and clears the closing mark.
	c.Set(at(day, "17:30"))
	closed, err := s.CheckOutAll(at(day, "17:00"))
	must(t, err)
	equal(t, "closed", visitIDs(closed), []uint64{va.ID})
	must(t, s.UndoCheckOut(va.ID))
	got, err := s.Visit(va.ID)
	must(t, err)
	if !got.Open() || got.ClosedAtClosing {
		t.Fatalf("after undoing the closing check-out: %+v", got)
	}
}

// CheckOutAll stamps the closing time, but never a time before someone came in, and closes a
// visit left open from an earlier day at that day's closing time.
func TestCheckOutAllStamps(t *testing.T) {
	t.Parallel()
	prev := day.AddDays(-1)
	c := newClock(at(prev, "16:00"))
	s := openTest(t, c)
	forgot := newPerson(t, s, "木村 さくら", "きむら さくら")
	lateYesterday := newPerson(t, s, "林 直美", "はやし なおみ")
	early := newPerson(t, s, "山田 花子", "やまだ はなこ")
	late := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	vForgot, err := s.CheckIn(forgot.ID, model.PurposeCoworking) // yesterday 16:00, never checked out
	must(t, err)
	c.Set(at(prev, "18:30"))
	vLateY, err := s.CheckIn(lateYesterday.ID, model.PurposeCoworking) // yesterday after closing
	must(t, err)
	c.Set(at(day, "9:00"))
	vEarly, err := s.CheckIn(early.ID, model.PurposeCoworking)
	must(t, err)
	c.Set(at(day, "17:20"))
	vLate, err := s.CheckIn(late.ID, model.PurposeCoworking) // came after the 17:00 closing
	must(t, err)

	c.Set(at(day, "17:40"))
	w := watchAudit(t, s)
	closed, err := s.CheckOutAll(at(day, "17:00"))
	must(t, err)
	w.expect(
		want{"check_out_closing", model.KindVisit, ref(vForgot.ID)}, want{"check_out_closing", model.KindVisit, ref(vLateY.ID)},
		want{"check_out_closing", model.KindVisit, ref(vEarly.ID)}, want{"check_out_closing", model.KindVisit, ref(vLate.ID)})
	if len(closed) != 4 {
		t.Fatalf("closed %+v", closed)
	}
	wantOut := map[uint64]time.Time{
		vForgot.ID: at(prev, "17:00"),
		vLateY.ID:  day.Start().Add(-time.Second),
		vEarly.ID:  at(day, "17:00"),
		vLate.ID:   at(day, "17:40"),
	}
	for id, w := range wantOut {
		v, err := s.Visit(id)
		must(t, err)
		if !v.Out.Equal(w) || !v.ClosedAtClosing {
			t.Errorf("visit %d out %v (closing %v), want %v", id, v.Out.In(model.Tokyo), v.ClosedAtClosing, w.In(model.Tokyo))
		}
		if !v.Out.After(v.In) || v.Out.Sub(v.In) > 24*time.Hour {
			t.Errorf("visit %d runs %v", id, v.Out.Sub(v.In))
		}
	}
}

func TestClosingOut(t *testing.T) {
	t.Parallel()
	closing := model.ClockTime(17 * 60)
	now := at(day, "17:45")
	visit := func(d model.Date, hhmm string) model.Visit { return model.Visit{In: at(d, hhmm)} }
	for _, tc := range []struct {
		name  string
		v     model.Visit
		stamp time.Time
		want  time.Time
	}{
		{"in before the stamp", visit(day, "9:00"), at(day, "17:00"), at(day, "17:00")},
		{"closing early", visit(day, "9:00"), at(day, "16:30"), at(day, "16:30")},
		{"came after the stamp", visit(day, "17:10"), at(day, "17:00"), now},
		{"came exactly at the stamp", visit(day, "17:00"), at(day, "17:00"), now},
		{"yesterday", visit(day.AddDays(-1), "10:00"), at(day, "17:00"), at(day.AddDays(-1), "17:00")},
		{"yesterday after closing", visit(day.AddDays(-1), "20:00"), at(day, "17:00"), day.Start().Add(-time.Second)},
	} {
		if got := store.ClosingOut(tc.v, tc.stamp, now, closing); !got.Equal(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got.In(model.Tokyo), tc.want.In(model.Tokyo))
		}
	}
}

// DayVisits lists a day's visits in check-in order (also after a correction moves one earlier),
// each with its person.
func TestDayVisits(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "10:00"))
	s := openTest(t, c)
	a := newPerson(t, s, "山田 花子", "やまだ はなこ")
	b := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	va, err := s.CheckIn(a.ID, model.PurposeCoworking)
	must(t, err)
	c.Set(at(day, "11:00"))
	vb, err := s.CheckIn(b.ID, model.PurposeConsult)
	must(t, err)
	_, err = s.CorrectVisit(vb.ID, at(day, "9:00"), time.Time{}, "チェックイン忘れ")
	must(t, err)
	ls, err := s.DayVisits(day)
	must(t, err)
	if len(ls) != 2 || ls[0].Visit.ID != vb.ID || ls[0].Person.ID != b.ID || ls[1].Visit.ID != va.ID || ls[1].Person.Name != "山田 花子" {
		t.Fatalf("DayVisits %+v", ls)
	}
	on, err := s.VisitsOn(day)
	must(t, err)
	equal(t, "VisitsOn order", visitIDs(on), []uint64{vb.ID, va.ID})
	if ls, _ := s.DayVisits(day.AddDays(1)); len(ls) != 0 {
		t.Errorf("next day %+v", ls)
	}
}

func roster(t *testing.T, rows ...[2]string) []model.Person {
	t.Helper()
	var out []model.Person
	for _, r := range rows {
		p, err := model.NewPerson(model.PersonInput{Name: r[0], Reading: r[1]})
		must(t, err)
		out = append(out, p)
	}
	return out
}

// ImportPeople writes all new people in one transaction with an audit entry each, and reports
// (does not duplicate) people already there, archived ones included, and repeats in the input.
func TestImportPeople(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "10:00")))
	hanako := newPerson(t, s, "山田 花子", "やまだ はなこ")
	gone := newPerson(t, s, "木村 さくら", "きむら さくら")
	must(t, s.ArchivePerson(gone.ID, true))
	w := watchAudit(t, s)

	res, err := s.ImportPeople(roster(t,
		[2]string{"鈴木 一郎", "すずき いちろう"},
		[2]string{"山田花子", "ヤマダ ハナコ"},   // same person as hanako, spelled differently
		[2]string{"木村 さくら", "きむら さくら"}, // archived
		[2]string{"佐藤 次郎", "さとう じろう"},
		[2]string{"鈴木　一郎", "すずき いちろう"}, // repeat within the input
	))
	must(t, err)
	if len(res.Created) != 2 || res.Created[0].Name != "鈴木 一郎" || res.Created[1].Name != "佐藤 次郎" {
		t.Fatalf("created %+v", res.Created)
	}
	w.expect(want{"create", model.KindPerson, ref(res.Created[0].ID)}, want{"create", model.KindPerson, ref(res.Created[1].ID)})
	if len(res.Duplicates) != 3 {
		t.Fatalf("duplicates %+v", res.Duplicates)
	}
	for i, d := range []struct {
		index    int
		existing uint64
	}{{1, hanako.ID}, {2, gone.ID}, {4, res.Created[0].ID}} {
		got := res.Duplicates[i]
		if got.Index != d.index || got.Existing.ID != d.existing {
			t.Errorf("duplicate %d: index %d existing %d, want %d %d", i, got.Index, got.Existing.ID, d.index, d.existing)
		}
	}
	if !res.Duplicates[1].Existing.Archived {
		t.Error("the archived duplicate should say so")
	}
	people, err := s.People()
	must(t, err)
	if len(people) != 4 {
		t.Fatalf("people %+v", people)
	}
	// Importing the same roster again adds nobody.
	res, err = s.ImportPeople(roster(t, [2]string{"鈴木 一郎", "すずき いちろう"}, [2]string{"佐藤 次郎", "さとう じろう"}))
	must(t, err)
	if len(res.Created) != 0 || len(res.Duplicates) != 2 {
		t.Fatalf("second import %+v", res)
	}
	w.none()
}

// A read-only store refuses an import and nothing is written.
func TestImportPeopleIsOneTransaction(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "10:00"))
	dir := t.TempDir()
	path := dir + "/m.db"
	s, err := store.Open(path, store.Options{Clock: c})
	must(t, err)
	newPerson(t, s, "山田 花子", "やまだ はなこ")
	must(t, s.Close())
	ro, err := store.Open(path, store.Options{Clock: c, ReadOnly: true})
	must(t, err)
	defer ro.Close()
	before := fileSum(t, path)
	if _, err := ro.ImportPeople(roster(t, [2]string{"鈴木 一郎", "すずき いちろう"})); err == nil {
		t.Fatal("a read-only store accepted an import")
	}
	if fileSum(t, path) != before {
		t.Fatal("a refused import wrote to the file")
	}
}
