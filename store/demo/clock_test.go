package demo

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

func TestClockKeepsTheDayAndMovesTheNight(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 25, h, m, 0, 0, model.Tokyo) }
	for _, c := range []struct {
		real, want time.Time
	}{
		{at(11, 0), at(11, 0)},   // during the day: the real time
		{at(15, 59), at(15, 59)}, // still the day
		{at(22, 14), at(10, 30)}, // the evening: this morning at 10:30
		{at(2, 0), at(10, 30)},   // the night: the same date's morning
		{at(8, 0), at(10, 30)},   // before opening
		{at(10, 29), at(10, 30)}, // a minute before the live hours
		{at(10, 30), at(10, 30)}, // their first minute
		{at(10, 31), at(10, 31)},
		{at(16, 0), at(10, 30)}, // their end
	} {
		if got := Clock(model.FixedClock{T: c.real}).Now(); !got.Equal(c.want) {
			t.Errorf("real %s: demo %s, want %s", c.real.Format("15:04"), got.In(model.Tokyo).Format("01-02 15:04"), c.want.Format("01-02 15:04"))
		}
	}
}

// Fill writes the demo into an empty file and says so; a file that already holds people is left
// alone (the app then keeps the real clock).
func TestFillSaysWhetherItFilled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	now := time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)
	if filled, err := Fill(path, now); err != nil || !filled {
		t.Fatalf("first fill: %v %v", filled, err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if filled, err := Fill(path, now.Add(time.Hour)); err != nil || filled {
		t.Fatalf("second fill: %v %v", filled, err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("a file that already held people was written to")
	}
}
