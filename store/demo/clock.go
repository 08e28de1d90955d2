package demo

import (
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// The demo's day: between these times (Japan) it follows the real clock; outside them (in the
// evening, at night, early morning) it runs from DayStart today instead, so whoever tries the
// demo sees a working morning at the counter, not kids-space slots at midnight and check-ins
// after closing. The live hours start at DayStart because the demo's people arrived up to an
// hour and a half before now, which must not be before the 9:00 opening.
const (
	liveFrom  = DayStart
	liveUntil = 16 * 60
	// DayStart is where the demo's clock starts outside those hours.
	DayStart = 10*60 + 30
)

// shifted is a clock running at the real pace from a moved start.
type shifted struct {
	real   model.Clock
	offset time.Duration
}

func (c shifted) Now() time.Time { return c.real.Now().Add(c.offset) }

// Clock returns the clock the demo runs on: real itself during the day, otherwise real moved to
// DayStart today. Times the demo records follow it, so they all agree with each other.
func Clock(real model.Clock) model.Clock {
	now := real.Now().In(model.Tokyo)
	if at := model.ClockOf(now); at >= liveFrom && at < liveUntil {
		return real
	}
	start := model.DateOf(now).At(model.ClockTime(DayStart))
	return shifted{real: real, offset: start.Sub(now)}
}
