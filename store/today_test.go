package store_test

import (
	"testing"

	"github.com/nagawaka/madoguchi/model"
)

// TestToday builds a morning at the desk and reads ホーム's summary of it.
func TestToday(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:00"))
	s := openTest(t, c)
	mother := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTrainee)
	worker := newPerson(t, s, "鈴木 一郎", "すずき いちろう", model.RoleTeleworker)
	home := newPerson(t, s, "木村 さくら", "きむら さくら") // not in today
	kid := newChild(t, s, mother.ID, "山田 ひかり", "やまだ ひかり", "2021-04-10")
	course := newCourse(t, s, model.CourseBasic, "育成講座 第1期")
	ss, err := s.CreateSessions([]model.Session{
		sessionOf(t, course.ID, day, "10:00", "12:00", "WEBライティング"),
		sessionOf(t, course.ID, day.AddDays(7), "10:00", "12:00", "PC基礎"),
	})
	must(t, err)
	slot := newSlot(t, s, day, "9:30", "12:30", 6, 2)
	newSlot(t, s, day.AddDays(1), "9:30", "12:30", 6, 2)
	client := newClient(t, s, "株式会社 小川和紙", true)
	dueToday := newJob(t, s, "今日納期", client.ID, worker.ID, day)
	newJob(t, s, "来週納期", client.ID, worker.ID, day.AddDays(7))

	// 9:20 the teleworker comes in; 9:25 the mother checks in and leaves her child at 9:30.
	c.Set(at(day, "9:20"))
	vw, err := s.CheckIn(worker.ID, model.PurposeCoworking)
	must(t, err)
	c.Set(at(day, "9:25"))
	vm, err := s.CheckIn(mother.ID, model.PurposeCourse)
	must(t, err)
	b, err := s.Book(slot.ID, kid.ID, mother.ID, false)
	must(t, err)
	c.Set(at(day, "9:30"))
	_, err = s.DropOff(b.ID)
	must(t, err)

	td, err := s.Today(day)
	must(t, err)
	if td.Date != day || td.Closed != nil {
		t.Errorf("Today date %s closed %v", td.Date, td.Closed)
	}
	if len(td.Here) != 2 || td.Here[0].Visit.ID != vw.ID || td.Here[1].Visit.ID != vm.ID {
		t.Fatalf("Here = %+v, want the teleworker then the mother (check-in order)", td.Here)
	}
	if td.Here[0].Person.ID != worker.ID || len(td.Here[0].Children) != 0 {
		t.Errorf("teleworker line %+v", td.Here[0])
	}
	if h := td.Here[1]; h.Person.ID != mother.ID || len(h.Children) != 1 || h.Children[0].Child.ID != kid.ID || h.Children[0].Slot.ID != slot.ID {
		t.Errorf("mother line %+v, want her child in care beside her", h)
	}
	for _, h := range td.Here {
		if h.Person.ID == home.ID {
			t.Errorf("someone not checked in is here: %+v", h)
		}
	}
	if len(td.InCare) != 1 || td.InCare[0].Booking.ID != b.ID || td.InCare[0].Guardian.ID != mother.ID {
		t.Errorf("InCare = %+v", td.InCare)
	}
	if len(td.Sessions) != 1 || td.Sessions[0].Session.ID != ss[0].ID || td.Sessions[0].Course.ID != course.ID {
		t.Errorf("Sessions = %+v", td.Sessions)
	}
	if len(td.Slots) != 1 || td.Slots[0].Slot.ID != slot.ID || len(td.Slots[0].Bookings) != 1 || td.Slots[0].Load().Booked != 1 {
		t.Errorf("Slots = %+v", td.Slots)
	}
	equal(t, "JobsDue", jobIDs(td.JobsDue), []uint64{dueToday.ID})

	// After closing, the day says so.
	_, err = s.CloseDay(day, nil)
	must(t, err)
	td, err = s.Today(day)
	must(t, err)
	if td.Closed == nil || td.Closed.Staff != testStaff {
		t.Errorf("Closed = %+v after CloseDay", td.Closed)
	}
}
