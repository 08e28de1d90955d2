package attendance_test

import (
	"strings"
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

// Checking out a guardian whose child is still in care from the review offers the pick-up on
// enter, as the counter does; nothing is written.
func TestReviewGuardianCheckOutOffersPickup(t *testing.T) {
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h.deliver(common.GotoMsg{Tab: 3, Payload: common.ReviewPayload{Date: demoDay}})
	before, err := s.OpenVisits()
	must(t, err)
	h.keys("down", "down", "o") // 山田 花子, whose 山田 陽翔 is in care
	if !h.m().Asking() || !strings.Contains(h.view(t), "enter お迎えへ") {
		t.Fatalf("no pick-up offered:\n%s", h.view(t))
	}
	h.keys("enter")
	if len(h.gotos) != 1 || h.gotos[0].Tab != 2 {
		t.Fatalf("enter should go to キッズ's pick-up: %+v", h.gotos)
	}
	if p, ok := h.gotos[0].Payload.(common.PickupPayload); !ok || p.BookingID != h.m().Review().InCare[0].Booking.ID && p.BookingID == 0 {
		t.Fatalf("payload %#v", h.gotos[0].Payload)
	}
	after, err := s.OpenVisits()
	must(t, err)
	if len(after) != len(before) {
		t.Fatalf("enter checked someone out: %d open before, %d after", len(before), len(after))
	}
}
