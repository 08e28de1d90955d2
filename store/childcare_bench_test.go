package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

// The kids screen reads one day at a time; that read must cost the same after ten years of
// history as after one month. These benchmarks build both databases in their setup, through a
// raw bulk path (no audit entries: the day reads never touch them), and time the same read on
// both in the same loop, alternating, so noise from a busy machine falls on both alike.
//
//	go test -run '^$' -bench 'SlotsOnDay10Years|KidsDay10Years' ./store/
//
// ns/op is the ten-year figure; ns/op-1month the one-month figure; ratio is their quotient.

// kxBenchDay is the day read: a Wednesday with two slots of six children (five booked, one
// waiting), the same in both databases.
var kxBenchDay = model.NewDate(2026, time.November, 25)

// kxBulkHistory writes a kids-space history from..to straight into the buckets: families
// guardians with one or two children each in one transaction, then one bbolt Update per month
// of weekday slots (9:30-12:30 and 13:00-16:00, capacity 6, 2 caregivers) with six bookings each,
// using exactly the keys createChild, createSlot and Book write. Bookings before to are picked up
// with their stamps, as real ones would be; those on to are booked or waitlisted. It returns the
// number of slots and bookings written.
func kxBulkHistory(tb testing.TB, s *Store, from, to model.Date, families int) (slots, bookings int) {
	tb.Helper()
	var children []model.Child
	err := s.db.Update(func(btx *bolt.Tx) error {
		t := &tx{Tx: btx, s: s, now: from.Start().UTC()}
		for i := 0; i < families; i++ {
			n, err := t.nextID(bPeople)
			if err != nil {
				return err
			}
			p := model.Person{ID: n, Name: fmt.Sprintf("保護者 %d", i), Reading: "ほごしゃ", Roles: []model.Role{model.RoleTrainee}, Created: t.now}
			if err := t.put(bPeople, u64(n), p); err != nil {
				return err
			}
			for j := 0; j <= i%2; j++ {
				cid, err := t.nextID(bChildren)
				if err != nil {
					return err
				}
				// births spread over the whole history, so every year has children of every age
				span := to.Start().Sub(from.Start()) + 5*365*24*time.Hour
				birth := model.DateOf(to.Start().Add(-time.Duration(int64(span) / int64(families*2) * int64(2*i+j))))
				c := model.Child{ID: cid, GuardianID: n, Name: fmt.Sprintf("子ども %d-%d", i, j), Reading: "こども", BirthDate: birth,
					Pickups: []model.PickupPerson{{Name: "祖母 " + fmt.Sprint(i), Relation: "祖母"}}}
				if i%7 == 0 {
					c.Allergies = "卵アレルギー"
				}
				if err := t.put(bChildren, u64(cid), c); err != nil {
					return err
				}
				if err := t.mark(iChildGuardian, pair(n, cid)); err != nil {
					return err
				}
				children = append(children, c)
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	periods := []model.Period{{Start: 9*60 + 30, End: 12*60 + 30}, {Start: 13 * 60, End: 16 * 60}}
	next := 0
	for month := model.NewDate(from.Year, from.Month, 1); !month.After(to); month = model.NewDate(month.Year, month.Month+1, 1) {
		err := s.db.Update(func(btx *bolt.Tx) error {
			t := &tx{Tx: btx, s: s}
			for d := month; d.Month == month.Month && !d.After(to); d = d.AddDays(1) {
				if d.Before(from) || d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
					continue
				}
				for _, p := range periods {
					sid, err := t.nextID(bSlots)
					if err != nil {
						return err
					}
					sl := model.ChildcareSlot{ID: sid, Date: d, Start: p.Start, End: p.End, Capacity: 6, Caregivers: 2}
					if err := t.put(bSlots, u64(sid), sl); err != nil {
						return err
					}
					if err := t.mark(iSlotDay, slotDayKey(sl)); err != nil {
						return err
					}
					slots++
					for k := 0; k < 6; k++ {
						c := children[next%len(children)]
						next++
						bid, err := t.nextID(bBookings)
						if err != nil {
							return err
						}
						b := model.Booking{ID: bid, SlotID: sid, ChildID: c.ID, BookedBy: c.GuardianID, Status: model.BookingBooked,
							Created: sl.StartTime().Add(-48 * time.Hour).UTC()}
						switch {
						case k == 5:
							b.Status = model.BookingWaitlisted
						case d.Before(to):
							b.Status = model.BookingPickedUp
							b.DroppedOff = sl.StartTime().Add(5 * time.Minute).UTC()
							b.PickedUp = sl.EndTime().Add(-10 * time.Minute).UTC()
							b.CollectedBy = &model.Collector{Name: c.Pickups[0].Name, Relation: c.Pickups[0].Relation}
						}
						if err := t.put(bBookings, u64(bid), b); err != nil {
							return err
						}
						if err := t.mark(iBookingSlot, pair(sid, bid)); err != nil {
							return err
						}
						if err := t.mark(iBookingChild, pair(c.ID, bid)); err != nil {
							return err
						}
						bookings++
					}
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	return slots, bookings
}

// kxBenchStore opens a fresh database holding the history from..to.
func kxBenchStore(b *testing.B, from, to model.Date, families int) (*Store, int, int) {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"), Options{Clock: model.FixedClock{T: to.At(10*60 + 30)}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	slots, bookings := kxBulkHistory(b, s, from, to, families)
	return s, slots, bookings
}

// kxCompare builds a ten-year and a one-month database and times read on each, alternating in
// one loop. It reports the ten-year figure as ns/op, the one-month figure as ns/op-1month, and
// their ratio.
func kxCompare(b *testing.B, read func(s *Store) (slots, bookings int, err error)) {
	years, ys, yb := kxBenchStore(b, kxBenchDay.AddDays(-3652), kxBenchDay, 400)
	month, ms, mb := kxBenchStore(b, kxBenchDay.AddDays(-30), kxBenchDay, 40)
	if ys < 5000 || yb < 30000 || ms > 50 {
		b.Fatalf("history: ten years %d slots / %d bookings, one month %d / %d", ys, yb, ms, mb)
	}
	for _, s := range []*Store{years, month} {
		slots, bookings, err := read(s)
		if err != nil || slots != 2 || bookings != 12 {
			b.Fatalf("the day read %d slots, %d bookings, %v; want 2 and 12", slots, bookings, err)
		}
	}
	var tYears, tMonth time.Duration
	n := 0
	for b.Loop() {
		t0 := time.Now()
		if _, _, err := read(years); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, _, err := read(month); err != nil {
			b.Fatal(err)
		}
		tMonth += time.Since(t1)
		tYears += t1.Sub(t0)
		n++
	}
	perYears := float64(tYears.Nanoseconds()) / float64(n)
	perMonth := float64(tMonth.Nanoseconds()) / float64(n)
	b.ReportMetric(perYears, "ns/op")
	b.ReportMetric(perMonth, "ns/op-1month")
	b.ReportMetric(perYears/perMonth, "ratio")
}

// BenchmarkSlotsOnDay10Years reads one day's slots with their rosters (SlotsOn) on ten years of
// weekday slots (about 5,200 slots and 31,000 bookings) and on one month, in the same run.
// Targets: at most 0.5 ms, and at most 1.3 times the one-month figure.
func BenchmarkSlotsOnDay10Years(b *testing.B) {
	kxCompare(b, func(s *Store) (int, int, error) {
		rs, err := s.SlotsOn(kxBenchDay)
		n := 0
		for _, r := range rs {
			n += len(r.Bookings)
		}
		return len(rs), n, err
	})
}

// BenchmarkKidsDay10Years is the kids screen's whole day read (slots, rosters, ratio, guardians in,
// children in care) on the same two databases.
func BenchmarkKidsDay10Years(b *testing.B) {
	kxCompare(b, func(s *Store) (int, int, error) {
		d, err := s.KidsDay(kxBenchDay)
		n := 0
		for _, r := range d.Slots {
			n += len(r.Bookings)
		}
		return len(d.Slots), n, err
	})
}
