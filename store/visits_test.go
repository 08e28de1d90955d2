package store_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

func visitIDs(vs []model.Visit) []uint64 {
	var out []uint64
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return out
}

func TestCheckInCheckOut(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "10:00").Add(500_000_000)) // 10:00:00.5, truncated to the second
	s := openTest(t, c)
	p := newPerson(t, s, "山田 花子", "やまだ はなこ")
	w := watchAudit(t, s)

	v, err := s.CheckIn(p.ID, model.PurposeCourse)
	must(t, err)
	w.expect(want{"check_in", model.KindVisit, ref(v.ID)})
	if !v.In.Equal(at(day, "10:00")) || !v.Open() || v.Purpose != model.PurposeCourse || v.PersonID != p.ID || v.ID == 0 {
		t.Fatalf("visit %+v", v)
	}
	got, err := s.Visit(v.ID)
	must(t, err)
	equal(t, "Visit", got, v)
	open, err := s.OpenVisits()
	must(t, err)
	equal(t, "OpenVisits", open, []model.Visit{v})

	// At most one open visit.
	refused(t, s, model.ErrConflict, func() error { _, err := s.CheckIn(p.ID, model.PurposeCoworking); return err })
	// Unknown people and purposes are refused inside the transaction.
	refused(t, s, model.ErrNotFound, func() error { _, err := s.CheckIn(999, model.PurposeCoworking); return err })
	q := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	w.expect(want{"create", model.KindPerson, ref(q.ID)})
	refused(t, s, model.ErrInvalid, func() error { _, err := s.CheckIn(q.ID, "sightseeing"); return err })

	c.Set(at(day, "12:15"))
	out, err := s.CheckOut(p.ID)
	must(t, err)
	w.expect(want{"check_out", model.KindVisit, ref(v.ID)})
	if !out.Out.Equal(at(day, "12:15")) || out.Open() || out.ClosedAtClosing || out.ID != v.ID {
		t.Errorf("checked out %+v", out)
	}
	if open, _ := s.OpenVisits(); len(open) != 0 {
		t.Errorf("OpenVisits after check-out = %+v", open)
	}
	refused(t, s, model.ErrConflict, func() error { _, err := s.CheckOut(p.ID); return err })

	// A second visit the same day; both are listed for the day and for the person, oldest first.
	c.Set(at(day, "13:00"))
	v2, err := s.CheckIn(p.ID, "")
	must(t, err)
	w.expect(want{"check_in", model.KindVisit, ref(v2.ID)})
	if v2.Purpose != model.PurposeCoworking {
		t.Errorf("default purpose = %q", v2.Purpose)
	}
	on, err := s.VisitsOn(day)
	must(t, err)
	equal(t, "VisitsOn ids", visitIDs(on), []uint64{v.ID, v2.ID})
	of, err := s.VisitsOf(p.ID)
	must(t, err)
	equal(t, "VisitsOf ids", visitIDs(of), []uint64{v.ID, v2.ID})
	if on, _ := s.VisitsOn(day.AddDays(1)); len(on) != 0 {
		t.Errorf("VisitsOn(next day) = %+v", on)
	}
	if of, _ := s.VisitsOf(q.ID); len(of) != 0 {
		t.Errorf("VisitsOf(someone else) = %+v", of)
	}
}

func TestToggle(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:30"))
	s := openTest(t, c)
	p := newPerson(t, s, "山田 花子", "やまだ はなこ")
	w := watchAudit(t, s)

	v, in, err := s.Toggle(p.ID, model.PurposeConsult)
	must(t, err)
	w.expect(want{"check_in", model.KindVisit, ref(v.ID)})
	if !in || !v.Open() || v.Purpose != model.PurposeConsult {
		t.Errorf("first toggle: in=%v %+v", in, v)
	}
	c.Set(at(day, "11:00"))
	v2, in, err := s.Toggle(p.ID, model.PurposeConsult)
	must(t, err)
	w.expect(want{"check_out", model.KindVisit, ref(v.ID)})
	if in || v2.ID != v.ID || !v2.Out.Equal(at(day, "11:00")) {
		t.Errorf("second toggle: in=%v %+v", in, v2)
	}
	refused(t, s, model.ErrNotFound, func() error { _, _, err := s.Toggle(999, model.PurposeCoworking); return err })
}

func TestRegisterAndCheckIn(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "14:00")))
	w := watchAudit(t, s)
	in, err := model.NewPerson(model.PersonInput{Name: "見学 太郎", Reading: "けんがく たろう", Roles: []model.Role{model.RoleVisitor}})
	must(t, err)
	p, v, err := s.RegisterAndCheckIn(in, model.PurposeTour)
	must(t, err)
	w.expect(want{"create", model.KindPerson, ref(p.ID)}, want{"check_in", model.KindVisit, ref(v.ID)})
	if p.ID == 0 || v.PersonID != p.ID || !v.Open() || v.Purpose != model.PurposeTour {
		t.Fatalf("registered %+v, visit %+v", p, v)
	}
	got, err := s.Person(p.ID)
	must(t, err)
	equal(t, "registered person", got, p)

	// A bad purpose rolls back the person too: one transaction.
	refused(t, s, model.ErrInvalid, func() error { _, _, err := s.RegisterAndCheckIn(in, "nap"); return err })
	people, err := s.People()
	must(t, err)
	if len(people) != 1 {
		t.Errorf("People after a refused registration = %+v", people)
	}
}

func TestUndoCheckInAndOut(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "10:00"))
	s := openTest(t, c)
	p := newPerson(t, s, "山田 花子", "やまだ はなこ")
	w := watchAudit(t, s)

	// Undo a check-in made by mistake: the visit and every index entry go.
	v, err := s.CheckIn(p.ID, model.PurposeCoworking)
	must(t, err)
	w.expect(want{"check_in", model.KindVisit, ref(v.ID)})
	must(t, s.UndoCheckIn(v.ID))
	w.expect(want{"undo_check_in", model.KindVisit, ref(v.ID)})
	if _, err := s.Visit(v.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Visit after undo = %v", err)
	}
	for what, f := range map[string]func() ([]model.Visit, error){
		"VisitsOn": func() ([]model.Visit, error) { return s.VisitsOn(day) }, "VisitsOf": func() ([]model.Visit, error) { return s.VisitsOf(p.ID) },
		"OpenVisits": s.OpenVisits,
	} {
		if vs, err := f(); err != nil || len(vs) != 0 {
			t.Errorf("%s after UndoCheckIn = %+v, %v", what, vs, err)
		}
	}
	refused(t, s, model.ErrNotFound, func() error { return s.UndoCheckIn(v.ID) })

	// Undo a check-out made by mistake: the visit is open again.
	v, err = s.CheckIn(p.ID, model.PurposeCoworking)
	must(t, err)
	c.Set(at(day, "10:05"))
	_, err = s.CheckOut(p.ID)
	must(t, err)
	w.expect(want{"check_in", model.KindVisit, ref(v.ID)}, want{"check_out", model.KindVisit, ref(v.ID)})
	refused(t, s, model.ErrConflict, func() error { return s.UndoCheckIn(v.ID) }) // no longer open
	must(t, s.UndoCheckOut(v.ID))
	w.expect(want{"undo_check_out", model.KindVisit, ref(v.ID)})
	got, err := s.Visit(v.ID)
	must(t, err)
	if !got.Open() || got.ClosedAtClosing {
		t.Errorf("after UndoCheckOut %+v", got)
	}
	open, _ := s.OpenVisits()
	equal(t, "OpenVisits after UndoCheckOut", visitIDs(open), []uint64{v.ID})
	// Undoing the check-out of an open visit changes nothing.
	must(t, s.UndoCheckOut(v.ID))
	w.none()

	// Not after the person has checked in again.
	c.Set(at(day, "11:00"))
	_, err = s.CheckOut(p.ID)
	must(t, err)
	v2, err := s.CheckIn(p.ID, model.PurposeCoworking)
	must(t, err)
	w.expect(want{"check_out", model.KindVisit, ref(v.ID)}, want{"check_in", model.KindVisit, ref(v2.ID)})
	refused(t, s, model.ErrConflict, func() error { return s.UndoCheckOut(v.ID) })
	refused(t, s, model.ErrNotFound, func() error { return s.UndoCheckOut(999) })
}

func TestCheckOutAllAtClosing(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:00"))
	s := openTest(t, c)
	a := newPerson(t, s, "山田 花子", "やまだ はなこ")
	b := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	gone := newPerson(t, s, "木村 さくら", "きむら さくら")
	va, err := s.CheckIn(a.ID, model.PurposeCoworking)
	must(t, err)
	vb, err := s.CheckIn(b.ID, model.PurposeCourse)
	must(t, err)
	vg, err := s.CheckIn(gone.ID, model.PurposeCoworking)
	must(t, err)
	c.Set(at(day, "12:00"))
	_, err = s.CheckOut(gone.ID)
	must(t, err)

	// Staff close at 17:30 (the clock says later: the given time is what is stamped).
	c.Set(at(day, "17:45"))
	w := watchAudit(t, s)
	closed, err := s.CheckOutAll(at(day, "17:30"))
	must(t, err)
	w.expect(want{"check_out_closing", model.KindVisit, ref(va.ID)}, want{"check_out_closing", model.KindVisit, ref(vb.ID)})
	equal(t, "closed visits", visitIDs(closed), []uint64{va.ID, vb.ID})
	for _, id := range []uint64{va.ID, vb.ID} {
		v, err := s.Visit(id)
		must(t, err)
		if !v.Out.Equal(at(day, "17:30")) || !v.ClosedAtClosing {
			t.Errorf("visit %d after closing: %+v", id, v)
		}
	}
	if v, _ := s.Visit(vg.ID); !v.Out.Equal(at(day, "12:00")) || v.ClosedAtClosing {
		t.Errorf("a visit already closed was touched: %+v", v)
	}
	if open, _ := s.OpenVisits(); len(open) != 0 {
		t.Errorf("OpenVisits after closing = %+v", open)
	}
	// Nobody left: nothing closed, nothing audited.
	closed, err = s.CheckOutAll(at(day, "17:30"))
	must(t, err)
	if len(closed) != 0 {
		t.Errorf("second CheckOutAll closed %+v", closed)
	}
	w.none()
}

func TestCorrectVisit(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "10:00"))
	s := openTest(t, c)
	p := newPerson(t, s, "山田 花子", "やまだ はなこ")
	v, err := s.CheckIn(p.ID, model.PurposeCoworking)
	must(t, err)
	w := watchAudit(t, s)

	// A reason is required; the times must make sense. Refused as a field error, nothing written.
	err = refused(t, s, model.ErrInvalid, func() error {
		_, err := s.CorrectVisit(v.ID, at(day, "9:00"), at(day, "8:00"), " ")
		return err
	})
	var fe model.FieldErrors
	if !errors.As(err, &fe) || fe.For("reason") == nil || fe.For("out") == nil {
		t.Errorf("CorrectVisit field errors = %v", err)
	}
	refused(t, s, model.ErrNotFound, func() error {
		_, err := s.CorrectVisit(999, at(day, "9:00"), at(day, "10:00"), "押し忘れ")
		return err
	})

	// Close an open visit by correction: it leaves the open index.
	c.Set(at(day, "16:00"))
	got, err := s.CorrectVisit(v.ID, at(day, "9:30"), at(day, "11:30"), "チェックアウト忘れ")
	must(t, err)
	es := w.expect(want{"correct", model.KindVisit, ref(v.ID)})
	if !strings.Contains(es[0].After, "チェックアウト忘れ") || es[0].Before == "" {
		t.Errorf("correction audit entry %+v does not keep the reason and the old times", es[0])
	}
	if !got.In.Equal(at(day, "9:30")) || !got.Out.Equal(at(day, "11:30")) {
		t.Errorf("corrected %+v", got)
	}
	if read, _ := s.Visit(v.ID); !read.In.Equal(got.In) || !read.Out.Equal(got.Out) {
		t.Errorf("stored %+v, returned %+v", read, got)
	}
	if open, _ := s.OpenVisits(); len(open) != 0 {
		t.Errorf("OpenVisits after closing by correction = %+v", open)
	}

	// Move the visit to the previous day: the day index follows.
	prev := day.AddDays(-1)
	_, err = s.CorrectVisit(v.ID, at(prev, "13:00"), at(prev, "15:00"), "日付の誤り")
	must(t, err)
	w.expect(want{"correct", model.KindVisit, ref(v.ID)})
	if on, _ := s.VisitsOn(day); len(on) != 0 {
		t.Errorf("VisitsOn(old day) = %+v", on)
	}
	on, err := s.VisitsOn(prev)
	must(t, err)
	equal(t, "VisitsOn(new day)", visitIDs(on), []uint64{v.ID})

	// Reopen it by clearing the check-out: the open index follows; refused while another visit is
	// open.
	v2, err := s.CheckIn(p.ID, model.PurposeCoworking)
	must(t, err)
	w.expect(want{"check_in", model.KindVisit, ref(v2.ID)})
	refused(t, s, model.ErrConflict, func() error {
		_, err := s.CorrectVisit(v.ID, at(prev, "13:00"), time.Time{}, "開いたまま")
		return err
	})
	c.Set(at(day, "16:30"))
	_, err = s.CheckOut(p.ID)
	must(t, err)
	w.expect(want{"check_out", model.KindVisit, ref(v2.ID)})
	// a stay overlapping the other visit (16:00-16:30) is refused; after it, it is taken
	c.Set(at(day, "17:00"))
	refused(t, s, model.ErrConflict, func() error {
		_, err := s.CorrectVisit(v.ID, at(day, "16:00"), time.Time{}, "重なり")
		return err
	})
	refused(t, s, model.ErrInvalid, func() error {
		_, err := s.CorrectVisit(v.ID, at(day, "16:40"), at(day, "17:30"), "未来")
		return err
	})
	got, err = s.CorrectVisit(v.ID, at(day, "16:40"), time.Time{}, "まだ在館中")
	must(t, err)
	w.expect(want{"correct", model.KindVisit, ref(v.ID)})
	if !got.Open() {
		t.Errorf("reopened visit %+v", got)
	}
	open, _ := s.OpenVisits()
	equal(t, "OpenVisits after reopening", visitIDs(open), []uint64{v.ID})
	refused(t, s, model.ErrConflict, func() error { _, err := s.CheckIn(p.ID, model.PurposeCoworking); return err })
	on, _ = s.VisitsOn(day)
	if !slices.Contains(visitIDs(on), v.ID) {
		t.Errorf("VisitsOn(day) = %v after moving visit %d back", visitIDs(on), v.ID)
	}
	if on, _ := s.VisitsOn(prev); len(on) != 0 {
		t.Errorf("VisitsOn(prev) = %v after moving the visit back", visitIDs(on))
	}
}

// VisitsOn promises check-in order, but its index is keyed by day and visit id, so a visit whose
// check-in is corrected to earlier than a later-created visit's still comes after it.
func TestVisitsOnCheckInOrderAfterCorrection(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "10:00"))
	s := openTest(t, c)
	a := newPerson(t, s, "山田 花子", "やまだ はなこ")
	b := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	va, err := s.CheckIn(a.ID, model.PurposeCoworking)
	must(t, err)
	c.Set(at(day, "11:00"))
	vb, err := s.CheckIn(b.ID, model.PurposeCoworking)
	must(t, err)
	// b actually arrived at 9:00 and forgot to check in.
	_, err = s.CorrectVisit(vb.ID, at(day, "9:00"), time.Time{}, "チェックイン忘れ")
	must(t, err)
	on, err := s.VisitsOn(day)
	must(t, err)
	equal(t, "VisitsOn in check-in order", visitIDs(on), []uint64{vb.ID, va.ID})
}
