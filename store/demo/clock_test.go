package demo

import (
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
	} {
		if got := Clock(model.FixedClock{T: c.real}).Now(); !got.Equal(c.want) {
			t.Errorf("real %s: demo %s, want %s", c.real.Format("15:04"), got.In(model.Tokyo).Format("01-02 15:04"), c.want.Format("01-02 15:04"))
		}
	}
}
