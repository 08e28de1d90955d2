package attendance_test

import (
	"testing"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/attendance"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// shown reports whether the help bar offers a key, and with which words.
func shown(m attendance.Model, k string) (string, bool) {
	for _, b := range m.Keys().ShortHelp() {
		if b.Enabled() && b.Help().Key == k {
			return b.Help().Desc, true
		}
	}
	return "", false
}

// The review offers o only on a person still checked in, and once the day is closed c reads
// 締め直す: no key in the bar that does nothing.
func TestReviewOffersOnlyKeysThatAct(t *testing.T) {
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay}})
	if _, ok := shown(h.m(), "o"); ok {
		t.Fatal("o offered on a session")
	}
	h.keys("down", "down") // the first person still here
	if _, ok := shown(h.m(), "o"); !ok {
		t.Fatal("o not offered on a person still here")
	}
	if d, _ := shown(h.m(), "c"); d == "締め直す" {
		t.Fatal("an open day offers 締め直す")
	}
	_, err := s.CloseDay(demoDay, nil)
	must(t, err)
	h.deliver(common.DataChangedMsg{Kind: model.KindDayClose})
	if d, ok := shown(h.m(), "c"); !ok || d != "締め直す" {
		t.Fatalf("after closing c reads %q (%v)", d, ok)
	}
}
