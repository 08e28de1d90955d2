package store_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/store/demo"
)

// openDemoStore opens a fresh demo database, closed when the test ends.
func openDemoStore(t *testing.T) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.FillIfEmpty(path, demoNow); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{Clock: newClock(demoNow)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The audit viewer names what each entry is about: a visit's person, a booking's child, a roll
// mark's person and session, a job's title; settings have no name.
func TestAuditSubjectsNameTheRecords(t *testing.T) {
	s := openDemoStore(t)
	es, err := s.Audit(store.AuditFilter{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	names, err := s.AuditSubjects(es)
	if err != nil {
		t.Fatal(err)
	}
	want := map[model.Kind]bool{}
	for _, e := range es {
		name := names[e.ID]
		switch e.Kind {
		case model.KindVisit, model.KindBooking, model.KindAttendance, model.KindJob, model.KindPerson, model.KindChild:
			if name == "" {
				t.Errorf("%s %s #%s has no name", e.Action, e.Kind, e.Ref)
			}
			want[e.Kind] = true
		case model.KindSettings:
			if name != "" {
				t.Errorf("settings named %q", name)
			}
		}
		if e.Kind == model.KindVisit && e.Action == "check_in" && e.Ref == "1" && name != "山田 花子" {
			t.Errorf("visit 1 is 山田 花子's, named %q", name)
		}
		if e.Kind == model.KindAttendance && strings.Count(name, " ") < 2 {
			t.Errorf("a mark should name the person and the session: %q", name)
		}
	}
	for _, k := range []model.Kind{model.KindVisit, model.KindBooking, model.KindAttendance, model.KindJob} {
		if !want[k] {
			t.Errorf("the demo's audit has no %s entry to name", k)
		}
	}
}

// An undone check-in deletes its visit; the audit still names whose it was.
func TestAuditSubjectOfAnUndoneCheckIn(t *testing.T) {
	s := openDemoStore(t)
	ps, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	var who model.Person
	open, _ := s.OpenVisits()
	in := map[uint64]bool{}
	for _, v := range open {
		in[v.PersonID] = true
	}
	for _, p := range ps {
		if !in[p.ID] {
			who = p
			break
		}
	}
	v, err := s.CheckIn(who.ID, model.PurposeCoworking)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UndoCheckIn(v.ID); err != nil {
		t.Fatal(err)
	}
	es, err := s.Audit(store.AuditFilter{Kind: model.KindVisit, Ref: fmt.Sprint(v.ID)})
	if err != nil || len(es) != 2 {
		t.Fatalf("audit of visit %d: %d entries, %v", v.ID, len(es), err)
	}
	names, err := s.AuditSubjects(es)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if names[e.ID] != who.DisplayName() {
			t.Errorf("%s of the undone visit named %q, want %q", e.Action, names[e.ID], who.DisplayName())
		}
	}
}
