package store_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

func jobIDs(js []model.Job) []uint64 {
	var out []uint64
	for _, j := range js {
		out = append(out, j.ID)
	}
	return out
}

func TestClients(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	w := watchAudit(t, s)
	c, err := model.NewClient("株式会社 小川和紙", true, "町内")
	must(t, err)
	c, err = s.CreateClient(c)
	must(t, err)
	w.expect(want{"create", model.KindClient, ref(c.ID)})
	c.Local = false
	upd, err := s.UpdateClient(c)
	must(t, err)
	w.expect(want{"update", model.KindClient, ref(c.ID)})
	all, err := s.Clients()
	must(t, err)
	equal(t, "Clients", all, []model.Client{upd})
	ghost := c
	ghost.ID = 999
	refused(t, s, model.ErrNotFound, func() error { _, err := s.UpdateClient(ghost); return err })
	if _, err := model.NewClient("　", false, ""); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("NewClient with a blank name: %v", err)
	}
}

// TestJobPipeline takes one job through every status, with the QA checklist gate and a return.
func TestJobPipeline(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:00"))
	s := openTest(t, c)
	client := newClient(t, s, "株式会社 小川和紙", true)
	tw := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTeleworker)
	w := watchAudit(t, s)

	j := newJob(t, s, "商品説明文の作成", client.ID, tw.ID, day.AddDays(3))
	w.expect(want{"create", model.KindJob, ref(j.ID)})
	if j.Status != model.JobOffered || !j.Offered.Equal(at(day, "9:00")) || j.Amount() != 12000 || j.FeeBP != 2000 {
		t.Fatalf("created job %+v", j)
	}
	got, err := s.Job(j.ID)
	must(t, err)
	equal(t, "Job", got, j)

	// An illegal move is refused and writes nothing (no event, no audit entry).
	refused(t, s, model.ErrConflict, func() error { _, err := s.MoveJob(j.ID, model.Move{To: model.JobDelivered}); return err })
	refused(t, s, model.ErrConflict, func() error { _, err := s.MoveJob(j.ID, model.Move{To: model.JobQA}); return err })
	refused(t, s, model.ErrNotFound, func() error { _, err := s.MoveJob(999, model.Move{To: model.JobAccepted}); return err })
	refused(t, s, model.ErrConflict, func() error { _, err := s.SetChecklist(j.ID, []string{"誤字脱字"}); return err })

	move := func(to model.JobStatus, m model.Move) model.Job {
		t.Helper()
		m.To = to
		j, err := s.MoveJob(j.ID, m)
		if err != nil {
			t.Fatalf("move to %s: %v", to, err)
		}
		w.expect(want{"move", model.KindJob, ref(j.ID)})
		if j.Status != to {
			t.Fatalf("after move to %s the job is %s", to, j.Status)
		}
		stored, err := s.Job(j.ID)
		must(t, err)
		equal(t, "job after move to "+string(to), stored, j)
		return j
	}

	c.Set(at(day, "9:30"))
	j = move(model.JobAccepted, model.Move{})
	if !j.AcceptedAt.Equal(at(day, "9:30")) {
		t.Errorf("AcceptedAt = %v", j.AcceptedAt)
	}
	c.Set(at(day, "10:00"))
	move(model.JobInProgress, model.Move{})
	move(model.JobQA, model.Move{})

	// The QA gate: every checklist item from the settings must be ticked.
	refused(t, s, model.ErrConflict, func() error { _, err := s.MoveJob(j.ID, model.Move{To: model.JobDelivered}); return err })
	j, err = s.SetChecklist(j.ID, []string{"誤字脱字"})
	must(t, err)
	w.expect(want{"checklist", model.KindJob, ref(j.ID)})
	refused(t, s, model.ErrConflict, func() error { _, err := s.MoveJob(j.ID, model.Move{To: model.JobDelivered}); return err })

	// 差戻し needs a reason, and clears the ticks.
	refused(t, s, model.ErrInvalid, func() error { _, err := s.MoveJob(j.ID, model.Move{To: model.JobReturned, Reason: " "}); return err })
	j = move(model.JobReturned, model.Move{Reason: "納品形式が指定と違う"})
	if len(j.Checklist) != 0 {
		t.Errorf("returned job keeps its ticks: %v", j.Checklist)
	}
	refused(t, s, model.ErrConflict, func() error { _, err := s.SetChecklist(j.ID, []string{"誤字脱字"}); return err })
	move(model.JobInProgress, model.Move{})
	move(model.JobQA, model.Move{})
	refused(t, s, model.ErrConflict, func() error { _, err := s.MoveJob(j.ID, model.Move{To: model.JobDelivered}); return err })
	j, err = s.SetChecklist(j.ID, []string{"誤字脱字", "納品形式", "期限"})
	must(t, err)
	w.expect(want{"checklist", model.KindJob, ref(j.ID)})
	if got, _ := s.Job(j.ID); len(got.Checklist) != 3 {
		t.Errorf("stored checklist %v", got.Checklist)
	}
	if due, _ := s.OpenJobsDueBy(day.AddDays(3)); len(due) != 1 {
		t.Errorf("an undelivered job is missing from OpenJobsDueBy: %v", jobIDs(due))
	}

	c.Set(at(day, "15:00"))
	j = move(model.JobDelivered, model.Move{})
	if !j.Delivered.Equal(at(day, "15:00")) {
		t.Errorf("Delivered = %v", j.Delivered)
	}
	if due, _ := s.OpenJobsDueBy(day.AddDays(30)); len(due) != 0 {
		t.Errorf("a delivered job is still open: %v", jobIDs(due))
	}
	refused(t, s, model.ErrConflict, func() error {
		_, err := s.MoveJob(j.ID, model.Move{To: model.JobCancelled, Reason: "先方都合"})
		return err
	})

	j = move(model.JobInvoiced, model.Move{})
	if j.Invoiced != 12000 || j.InvoicedOn != day {
		t.Errorf("invoiced %d on %s, want the job's amount today", j.Invoiced, j.InvoicedOn)
	}
	refused(t, s, model.ErrInvalid, func() error { _, err := s.MoveJob(j.ID, model.Move{To: model.JobPaid, On: day}); return err })
	refused(t, s, model.ErrInvalid, func() error { _, err := s.MoveJob(j.ID, model.Move{To: model.JobPaid, Amount: 11560}); return err })
	paidOn := day // the clock is fixed: a payment cannot be dated in the future
	j = move(model.JobPaid, model.Move{Amount: 11560, On: paidOn})
	if j.PaidAmount != 11560 || j.PaidOn != paidOn || j.PaymentDifference() != -440 {
		t.Errorf("paid %+v", j)
	}
	refused(t, s, model.ErrConflict, func() error { _, err := s.MoveJob(j.ID, model.Move{To: model.JobInvoiced}); return err })

	// The history, oldest first: every status change by the staff member on duty.
	evs, err := s.JobEvents(j.ID)
	must(t, err)
	var path []model.JobStatus
	for i, e := range evs {
		path = append(path, e.To)
		if e.Kind != model.EventStatus || e.JobID != j.ID || e.Staff != testStaff || e.At.IsZero() {
			t.Errorf("event %d %+v", i, e)
		}
		if i > 0 && (e.From != evs[i-1].To || e.Seq <= evs[i-1].Seq || e.At.Before(evs[i-1].At)) {
			t.Errorf("event %d %+v does not follow %+v", i, e, evs[i-1])
		}
	}
	equal(t, "status path", path, []model.JobStatus{model.JobOffered, model.JobAccepted, model.JobInProgress, model.JobQA,
		model.JobReturned, model.JobInProgress, model.JobQA, model.JobDelivered, model.JobInvoiced, model.JobPaid})
	if !strings.Contains(evs[4].Text, "納品形式が指定と違う") || !strings.Contains(evs[9].Text, "¥11,560") {
		t.Errorf("event texts %q / %q lack the reason or the amount", evs[4].Text, evs[9].Text)
	}
}

func TestJobNotesAndEvents(t *testing.T) {
	t.Parallel()
	c := newClock(at(day, "9:00"))
	s := openTest(t, c)
	client := newClient(t, s, "ときがわ商店", true)
	tw := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTeleworker)
	j := newJob(t, s, "SNS投稿の代行", client.ID, tw.ID, day.AddDays(7))
	other := newJob(t, s, "データ入力", client.ID, tw.ID, day.AddDays(7))
	w := watchAudit(t, s)

	c.Set(at(day, "10:00"))
	_, err := s.AddJobNote(j.ID, "  初回の打ち合わせ：写真は先方支給  ")
	must(t, err)
	w.expect(want{"note", model.KindJobEvent, ref(j.ID)})
	c.Set(at(day, "11:00"))
	_, err = s.MoveJob(j.ID, model.Move{To: model.JobAccepted})
	must(t, err)
	w.expect(want{"move", model.KindJob, ref(j.ID)})
	_, err = s.AddJobNote(other.ID, "別案件のメモ")
	must(t, err)
	w.expect(want{"note", model.KindJobEvent, ref(other.ID)})
	s.SetStaff("高橋 健")
	c.Set(at(day, "12:00"))
	_, err = s.AddJobNote(j.ID, "作業時間の目安を共有")
	must(t, err)
	w.expect(want{"note", model.KindJobEvent, ref(j.ID)})

	refused(t, s, model.ErrInvalid, func() error { _, err := s.AddJobNote(j.ID, " \n "); return err })
	refused(t, s, model.ErrNotFound, func() error { _, err := s.AddJobNote(999, "メモ"); return err })

	evs, err := s.JobEvents(j.ID)
	must(t, err)
	type line struct {
		Kind  model.EventKind
		Text  string
		Staff string
		At    string
	}
	var got []line
	for _, e := range evs {
		got = append(got, line{e.Kind, e.Text, e.Staff, model.HHMM(e.At)})
	}
	// The status line's wording belongs to the model; it names both statuses.
	if len(got) == 4 && strings.Contains(got[2].Text, "打診") && strings.Contains(got[2].Text, "受注") {
		got[2].Text = "打診…受注"
	}
	equal(t, "JobEvents", got, []line{
		{model.EventStatus, "打診", testStaff, "9:00"},
		{model.EventNote, "初回の打ち合わせ：写真は先方支給", testStaff, "10:00"},
		{model.EventStatus, "打診…受注", testStaff, "11:00"},
		{model.EventNote, "作業時間の目安を共有", "高橋 健", "12:00"},
	})
	if evs, _ := s.JobEvents(other.ID); len(evs) != 2 {
		t.Errorf("JobEvents(other) = %+v", evs)
	}
}

// AddJobNote returns the event it wrote, so the screen can show it without reading again.
func TestAddJobNoteReturnsStampedEvent(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "10:00")))
	client := newClient(t, s, "ときがわ商店", true)
	tw := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTeleworker)
	j := newJob(t, s, "SNS投稿の代行", client.ID, tw.ID, day.AddDays(7))
	e, err := s.AddJobNote(j.ID, "写真は先方支給")
	must(t, err)
	evs, err := s.JobEvents(j.ID)
	must(t, err)
	equal(t, "returned note", e, evs[len(evs)-1])
}

func TestOpenJobsDueByAndJobsOf(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	client := newClient(t, s, "株式会社 小川和紙", true)
	a := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTeleworker)
	b := newPerson(t, s, "鈴木 一郎", "すずき いちろう", model.RoleTeleworker)

	tomorrow := newJob(t, s, "明日納期", client.ID, a.ID, day.AddDays(1))
	today := newJob(t, s, "今日納期", client.ID, b.ID, day)
	overdue := newJob(t, s, "期限切れ", client.ID, a.ID, day.AddDays(-3))
	delivered := newJob(t, s, "納品済み", client.ID, a.ID, day.AddDays(-1))
	cancelled := newJob(t, s, "キャンセル", client.ID, b.ID, day)
	for _, to := range []model.JobStatus{model.JobAccepted, model.JobInProgress, model.JobQA} {
		_, err := s.MoveJob(delivered.ID, model.Move{To: to})
		must(t, err)
	}
	_, err := s.MoveJob(delivered.ID, model.Move{To: model.JobDelivered, Checked: []string{"誤字脱字", "納品形式", "期限"}})
	must(t, err)
	// the items ticked in the delivery itself are audited, beside the move
	es, err := s.Audit(store.AuditFilter{Kind: model.KindJob, Ref: fmt.Sprint(delivered.ID)})
	must(t, err)
	if len(es) < 2 || es[0].Action != "move" || es[1].Action != "checklist" || !strings.Contains(es[1].After, "期限") {
		t.Fatalf("delivery audit: %+v", es[:min(2, len(es))])
	}
	_, err = s.MoveJob(cancelled.ID, model.Move{To: model.JobCancelled, Reason: "先方都合"})
	must(t, err)

	due, err := s.OpenJobsDueBy(day)
	must(t, err)
	equal(t, "OpenJobsDueBy(today), by due date", jobIDs(due), []uint64{overdue.ID, today.ID})
	due, _ = s.OpenJobsDueBy(day.AddDays(1))
	equal(t, "OpenJobsDueBy(tomorrow)", jobIDs(due), []uint64{overdue.ID, today.ID, tomorrow.ID})
	due, _ = s.OpenJobsDueBy(day.AddDays(-4))
	equal(t, "OpenJobsDueBy(before any)", jobIDs(due), []uint64(nil))

	of, err := s.JobsOf(a.ID)
	must(t, err)
	equal(t, "JobsOf(a)", jobIDs(of), []uint64{tomorrow.ID, overdue.ID, delivered.ID})
	of, _ = s.JobsOf(b.ID)
	equal(t, "JobsOf(b)", jobIDs(of), []uint64{today.ID, cancelled.ID})
	all, err := s.Jobs()
	must(t, err)
	equal(t, "Jobs", jobIDs(all), []uint64{tomorrow.ID, today.ID, overdue.ID, delivered.ID, cancelled.ID})

	// UpdateJob moves the due date and the teleworker in the indexes, and keeps the status.
	w := watchAudit(t, s)
	edit, err := model.NewJob(model.JobInput{Title: "期限切れ（延長）", ClientID: client.ID, PersonID: b.ID, UnitPrice: "500", Due: day.AddDays(5).String()})
	must(t, err)
	edit.ID = overdue.ID
	upd, err := s.UpdateJob(edit)
	must(t, err)
	w.expect(want{"update", model.KindJob, ref(overdue.ID)})
	if upd.Status != model.JobOffered || !upd.Offered.Equal(overdue.Offered) {
		t.Errorf("UpdateJob changed the status stamps: %+v", upd)
	}
	due, _ = s.OpenJobsDueBy(day)
	equal(t, "OpenJobsDueBy(today) after extending", jobIDs(due), []uint64{today.ID})
	due, _ = s.OpenJobsDueBy(day.AddDays(5))
	equal(t, "OpenJobsDueBy(+5)", jobIDs(due), []uint64{today.ID, tomorrow.ID, overdue.ID})
	of, _ = s.JobsOf(a.ID)
	equal(t, "JobsOf(a) after reassigning", jobIDs(of), []uint64{tomorrow.ID, delivered.ID})
	of, _ = s.JobsOf(b.ID)
	equal(t, "JobsOf(b) after reassigning", jobIDs(of), []uint64{today.ID, overdue.ID, cancelled.ID})

	// Creating a job for an unknown client or person is refused.
	bad, err := model.NewJob(model.JobInput{Title: "幽霊", ClientID: 999, PersonID: a.ID, UnitPrice: "1", Due: day.String()})
	must(t, err)
	refused(t, s, model.ErrNotFound, func() error { _, err := s.CreateJob(bad); return err })
	bad.ClientID, bad.PersonID = client.ID, 999
	refused(t, s, model.ErrNotFound, func() error { _, err := s.CreateJob(bad); return err })
	if _, err := model.NewJob(model.JobInput{Title: "", UnitPrice: "12.5", Due: "明日"}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("NewJob with nothing right: %v", err)
	}
}
