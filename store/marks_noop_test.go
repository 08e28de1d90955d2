package store_test

import (
	"testing"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// Saving a mark that does not change anything writes nothing, not even an audit entry.
func TestSetMarkUnchangedWritesNothing(t *testing.T) {
	s := tuitest.OpenDemo(t)
	ss, err := s.SessionsOn(model.DateOf(tuitest.Now))
	if err != nil || len(ss) == 0 {
		t.Fatal(ss, err)
	}
	ps, _ := s.People()
	count := func() int {
		es, err := s.Audit(store.AuditFilter{Kind: model.KindAttendance, Limit: 10000})
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	before := count()
	a, _ := model.NewAttendance(ss[0].ID, ps[0].ID, model.MarkNone, "")
	if _, err := s.SetMark(a); err != nil { // unmarked stays unmarked
		t.Fatal(err)
	}
	if got := count(); got != before {
		t.Fatalf("an unmarked person set to unmarked wrote %d audit entries", got-before)
	}
	a.Mark = model.MarkPresent
	for i := 0; i < 2; i++ {
		if _, err := s.SetMark(a); err != nil {
			t.Fatal(err)
		}
	}
	if got := count(); got != before+1 {
		t.Fatalf("the same mark twice wrote %d audit entries, want 1", got-before)
	}
}
