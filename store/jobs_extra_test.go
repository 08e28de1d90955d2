package store_test

import (
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// CreateJob starts every job at 打診, whatever status or stamps the caller's value carries.
func TestCreateJobStartsAtOffered(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	client := newClient(t, s, "小鹿野町観光協会", true)
	tw := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTeleworker)
	j, err := model.NewJob(model.JobInput{Title: "記事", ClientID: client.ID, PersonID: tw.ID, UnitPrice: "1000", Due: day.String()})
	must(t, err)
	j.Status, j.AcceptedAt, j.PaidAmount, j.PaidOn, j.Checklist = model.JobPaid, at(day, "8:00"), 1000, day, []string{"期限"}
	got, err := s.CreateJob(j)
	must(t, err)
	if got.Status != model.JobOffered || !got.AcceptedAt.IsZero() || got.PaidAmount != 0 || !got.PaidOn.IsZero() || got.Checklist != nil {
		t.Errorf("created %+v", got)
	}
	stored, err := s.Job(got.ID)
	must(t, err)
	equal(t, "stored job", stored, got)
	if due, _ := s.OpenJobsDueBy(day); len(due) != 1 {
		t.Errorf("a new job is not open: %v", jobIDs(due))
	}
}

// UpdateJob refuses an unknown client or teleworker and writes nothing.
func TestUpdateJobChecksReferences(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	client := newClient(t, s, "小鹿野町観光協会", true)
	tw := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTeleworker)
	j := newJob(t, s, "記事", client.ID, tw.ID, day)
	bad := j
	bad.ClientID = 999
	refused(t, s, model.ErrNotFound, func() error { _, err := s.UpdateJob(bad); return err })
	bad = j
	bad.PersonID = 999
	refused(t, s, model.ErrNotFound, func() error { _, err := s.UpdateJob(bad); return err })
	bad = j
	bad.ID = 999
	refused(t, s, model.ErrNotFound, func() error { _, err := s.UpdateJob(bad); return err })
}

// A move's history event carries its details (reason, amount, date, difference), stamped with
// the staff member on duty; the English line is drawn from them.
func TestMoveEventsCarryDetails(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:00"))
	s := openTest(t, c)
	client := newClient(t, s, "小鹿野町観光協会", true)
	tw := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTeleworker)
	j := newJob(t, s, "記事", client.ID, tw.ID, day.AddDays(3)) // 1,200 × 10 = 12,000
	moves := []model.Move{
		{To: model.JobAccepted}, {To: model.JobInProgress}, {To: model.JobQA},
		{To: model.JobReturned, Reason: "  写真の差し替え  "}, {To: model.JobInProgress}, {To: model.JobQA},
		{To: model.JobDelivered, Checked: []string{"誤字脱字", "納品形式", "期限"}},
		{To: model.JobInvoiced, On: day.AddDays(1)},
		{To: model.JobPaid, Amount: 11560, On: day},
	}
	for i, m := range moves {
		c.Set(at(day, "10:00").Add(time.Duration(i) * time.Minute))
		if _, err := s.MoveJob(j.ID, m); err != nil {
			t.Fatalf("move %d to %s: %v", i, m.To, err)
		}
	}
	h, err := s.JobHistory(j.ID)
	must(t, err)
	if h.Job.Status != model.JobPaid || len(h.Events) != len(moves)+1 {
		t.Fatalf("history of %s with %d events", h.Job.Status, len(h.Events))
	}
	// newest first
	for i := 1; i < len(h.Events); i++ {
		if h.Events[i].Seq >= h.Events[i-1].Seq || h.Events[i].At.After(h.Events[i-1].At) {
			t.Errorf("event %d is not older than event %d", i, i-1)
		}
	}
	paid, invoiced, returned := h.Events[0], h.Events[1], h.Events[5]
	if paid.Amount != 11560 || paid.On != day || paid.Diff != -440 || paid.Staff != testStaff {
		t.Errorf("paid event %+v", paid)
	}
	if invoiced.Amount != 12000 || invoiced.On != day.AddDays(1) || invoiced.Diff != 0 {
		t.Errorf("invoiced event %+v", invoiced)
	}
	if returned.To != model.JobReturned || returned.Reason != "写真の差し替え" {
		t.Errorf("returned event %+v", returned)
	}
	if got := paid.Line(model.EN); got != "invoiced > paid: ¥11,560 (2025-06-02), difference from the invoice -¥440" {
		t.Errorf("paid line %q", got)
	}
	if got := returned.Line(model.EN); got != "QA review > returned: 写真の差し替え" {
		t.Errorf("returned line %q", got)
	}
	// JobEvents (oldest first) and JobHistory (newest first) agree.
	evs, err := s.JobEvents(j.ID)
	must(t, err)
	for i := range evs {
		equal(t, "event", h.Events[len(evs)-1-i], evs[i])
	}
	refused(t, s, model.ErrNotFound, func() error { _, err := s.JobHistory(999); return err })
}

// AddJobNote returns the note as stored: sequence, time and staff member.
func TestAddJobNoteReturnsTheStoredEvent(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "10:00")))
	client := newClient(t, s, "ときがわ商店", true)
	tw := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTeleworker)
	j := newJob(t, s, "SNS投稿の代行", client.ID, tw.ID, day.AddDays(7))
	e, err := s.AddJobNote(j.ID, " 写真は先方支給 ")
	must(t, err)
	if e.Seq == 0 || !e.At.Equal(at(day, "10:00")) || e.Staff != testStaff || e.Text != "写真は先方支給" || e.Kind != model.EventNote {
		t.Errorf("returned note %+v", e)
	}
	h, err := s.JobHistory(j.ID)
	must(t, err)
	equal(t, "newest event", h.Events[0], e)
}

// JobBoard reads jobs, clients, people and settings together.
func TestJobBoard(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	b, err := s.JobBoard()
	must(t, err)
	if len(b.Jobs)+len(b.Clients)+len(b.People) != 0 || b.Settings.DefaultFeeBP != 2000 || len(b.Settings.QAChecklist) != 3 {
		t.Errorf("empty board %+v", b)
	}
	local := newClient(t, s, "小鹿野町観光協会", true)
	away := newClient(t, s, "東京ウェブ制作", false)
	a := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTeleworker)
	p := newPerson(t, s, "鈴木 一郎", "すずき いちろう", model.RoleTeleworker)
	j1 := newJob(t, s, "一", local.ID, a.ID, day)
	j2 := newJob(t, s, "二", away.ID, p.ID, day.AddDays(1))
	b, err = s.JobBoard()
	must(t, err)
	equal(t, "jobs", jobIDs(b.Jobs), []uint64{j1.ID, j2.ID})
	equal(t, "clients", b.Clients, []model.Client{local, away})
	if len(b.People) != 2 || b.People[0].ID != a.ID || b.People[1].ID != p.ID {
		t.Errorf("people %+v", b.People)
	}
	var _ store.JobBoard = b
}
