package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// personByName finds a demo person.
func personByName(t *testing.T, s *store.Store, name string) model.Person {
	t.Helper()
	ps, err := s.People()
	must(t, err)
	for _, p := range ps {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no person %s", name)
	return model.Person{}
}

// footprint counts what the KPIs are made of for one person.
func footprint(t *testing.T, s *store.Store, p model.Person) [4]int {
	t.Helper()
	vs, err := s.VisitsOf(p.ID)
	must(t, err)
	js, err := s.JobsOf(p.ID)
	must(t, err)
	cs, err := s.CoursesOf(p.ID)
	must(t, err)
	kids, err := s.ChildrenOf(p.ID)
	must(t, err)
	return [4]int{len(vs), len(js), len(cs), len(kids)}
}

func TestForget(t *testing.T) {
	t.Parallel()
	s, clk := openDemo(t)
	p := personByName(t, s, "山田 花子") // checked in, her son in the kids space, jobs, marks
	other := personByName(t, s, "佐々木 美咲")
	kids, err := s.ChildrenOf(p.ID)
	must(t, err)
	if len(kids) != 2 {
		t.Fatalf("the demo's 山田 花子 has %d children", len(kids))
	}
	personal := []string{"山田 花子", "やまだ はなこ", "090-1234-5678", "山田 陽翔", "やまだ はると", "山田 結衣",
		"やまだ ゆい", "山田 和子", "卵アレルギー（加熱卵も不可）", "午睡は11時ごろ"}

	// Not while she is in, nor while her son is in care.
	err = refused(t, s, model.ErrConflict, func() error { _, err := s.Forget(p.ID); return err })
	if !strings.Contains(model.Message(err, model.JA), "チェックアウト") {
		t.Errorf("message: %s", model.Message(err, model.JA))
	}
	clk.Set(demoNow.Add(10 * time.Minute))
	_, err = s.CheckOut(p.ID)
	must(t, err)
	refused(t, s, model.ErrConflict, func() error { _, err := s.Forget(p.ID); return err })
	inCare, err := s.InCare()
	must(t, err)
	for _, l := range inCare {
		if l.Child.GuardianID == p.ID {
			who, err := model.NewCollector(l.Child, p, p.Name, "母", false, "")
			must(t, err)
			_, err = s.PickUp(l.Booking.ID, who)
			must(t, err)
		}
	}
	// Her name in other records' text: a job note and a day close.
	jobs, err := s.JobsOf(p.ID)
	must(t, err)
	_, err = s.AddJobNote(jobs[0].ID, "山田 花子さんと納期を相談（090-1234-5678）")
	must(t, err)
	_, err = s.CloseDay(model.DateOf(demoNow), []string{"山田 陽翔 お迎え 12:00", "佐々木 美咲 さん 来館中"})
	must(t, err)
	before := footprint(t, s, p)
	dump := string(dumpOf(t, s))
	for _, v := range personal {
		if !strings.Contains(dump, v) {
			t.Fatalf("the demo does not hold %q anywhere: the test would prove nothing", v)
		}
	}

	w := watchAudit(t, s)
	res, err := s.Forget(p.ID)
	must(t, err)
	entries := w.expect(want{"forget", model.KindPerson, ref(p.ID)})
	if res.Children != 2 || res.Scrubbed == 0 {
		t.Errorf("Forget = %+v", res)
	}

	got, err := s.Person(p.ID)
	must(t, err)
	if !got.Forgotten || !got.Archived || got.Name != "" || got.Reading != "" || got.Phone != "" || got.Email != "" || got.Notes != "" {
		t.Errorf("person after Forget: %+v", got)
	}
	if got.DisplayName() != "（削除済み #1）" || len(got.Roles) == 0 || !got.Created.Equal(p.Created) {
		t.Errorf("the anonymous record lost its shape: %+v (%s)", got, got.DisplayName())
	}
	for _, k := range kids {
		c, err := s.Child(k.ID)
		must(t, err)
		if !c.Forgotten || c.Name != "" || c.Reading != "" || c.Allergies != "" || c.CareNotes != "" || c.Pickups != nil || c.BirthDate != k.BirthDate {
			t.Errorf("child after Forget: %+v", c)
		}
	}
	// Nothing personal is left anywhere in the database, and the KPIs count the same.
	dump = string(dumpOf(t, s))
	for _, v := range personal {
		if strings.Contains(dump, v) {
			for _, l := range strings.Split(dump, "\n") {
				if strings.Contains(l, v) {
					t.Errorf("%q is still in: %s", v, l)
				}
			}
		}
	}
	for _, e := range entries {
		for _, v := range personal {
			if strings.Contains(e.After+e.Before, v) {
				t.Errorf("the forget audit entry names them: %+v", e)
			}
		}
	}
	if after := footprint(t, s, p); after != before {
		t.Errorf("visits, jobs, courses, children: %v before, %v after", before, after)
	}
	// Others are untouched (佐々木 美咲 shares the day close with 山田 陽翔).
	if !strings.Contains(dump, "佐々木 美咲 さん 来館中") || !strings.Contains(dump, other.Name) {
		t.Error("another person's name was scrubbed")
	}
	dc, ok, err := s.DayClosed(model.DateOf(demoNow))
	must(t, err)
	if !ok || dc.LeftOpen[0] != "（削除済み） お迎え 12:00" || dc.Staff != testStaff {
		t.Errorf("day close after Forget: %+v", dc)
	}
	rep, err := s.Check()
	must(t, err)
	if !rep.OK() {
		t.Errorf("problems after Forget: %+v", rep.Problems)
	}
	// Staff names in audit entries stay: they are not the person's.
	for _, e := range auditEntries(t, s) {
		if e.Staff == "" {
			t.Errorf("an audit entry lost its staff member: %+v", e)
			break
		}
	}

	// Once is enough; a missing person is not found.
	refused(t, s, model.ErrConflict, func() error { _, err := s.Forget(p.ID); return err })
	if _, err := s.Forget(9999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Forget of a missing person: %v", err)
	}
	// A forgotten child cannot be booked again.
	slots, err := s.SlotsOn(model.DateOf(demoNow).AddDays(1))
	must(t, err)
	refused(t, s, model.ErrConflict, func() error { _, err := s.Book(slots[0].Slot.ID, kids[0].ID, p.ID, false); return err })
}

func TestForgetShortNamesAreNotScrubbedEverywhere(t *testing.T) {
	t.Parallel()
	s := emptyStore(t)
	p := newPerson(t, s, "林", "はやし") // a one-character name would match far too much
	q := newPerson(t, s, "林 直美", "はやし なおみ")
	_, err := s.Forget(p.ID)
	must(t, err)
	got, err := s.Person(q.ID)
	must(t, err)
	if got.Name != "林 直美" {
		t.Errorf("another person was changed: %+v", got)
	}
	for _, e := range auditEntries(t, s) {
		if e.Kind == model.KindPerson && e.Ref == ref(q.ID) && !strings.Contains(e.After, "林 直美") {
			t.Errorf("another person's audit entry was scrubbed: %+v", e)
		}
		if e.Kind == model.KindPerson && e.Ref == ref(p.ID) && e.Action == "create" && e.After != store.Erased {
			t.Errorf("the forgotten person's own entry keeps its summary: %+v", e)
		}
	}
}
