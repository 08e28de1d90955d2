package model_test

import (
	"errors"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// jobAt is a job standing at status s with what that status implies (an invoice once invoiced).
func jobAt(s model.JobStatus) model.Job {
	j := model.Job{ID: 7, Title: "記事作成", ClientID: 1, PersonID: 2, UnitPrice: 4000, Quantity: 3, FeeBP: 2000,
		Unit: "件", Due: model.NewDate(2025, 4, 30), Status: s}
	if s == model.JobInvoiced || s == model.JobPaid {
		j.Invoiced, j.InvoicedOn = 12000, model.NewDate(2025, 4, 20)
	}
	return j
}

// moveWithInput is a move to status to with every input it needs.
func moveWithInput(to model.JobStatus) model.Move {
	m := model.Move{To: to}
	switch to {
	case model.JobReturned, model.JobCancelled:
		m.Reason = "理由"
	case model.JobPaid:
		m.Amount, m.On = 12000, model.NewDate(2025, 4, 10)
	case model.JobDelivered:
		m.Checked = qaItems
	}
	return m
}

// Every (from, to) pair through ApplyMove, not only CanMove: a legal move with its input is
// applied; an illegal one is refused with ErrConflict and returns the job unchanged, even when
// the move carries every input a legal one would need.
func TestApplyMoveEveryPair(t *testing.T) {
	for _, from := range model.JobStatuses {
		for _, to := range model.JobStatuses {
			t.Run(string(from)+">"+string(to), func(t *testing.T) {
				before := jobAt(from)
				j, text, err := model.ApplyMove(before, moveWithInput(to), qaItems, jobNow)
				if jobLegal[[2]model.JobStatus{from, to}] {
					if err != nil {
						t.Fatalf("legal move refused: %v", err)
					}
					if j.Status != to || !strings.HasPrefix(text, from.Label(model.JA)+" > "+to.Label(model.JA)) {
						t.Errorf("status %s, text %q", j.Status, text)
					}
					return
				}
				if !errors.Is(err, model.ErrConflict) {
					t.Fatalf("illegal move: err = %v, want ErrConflict", err)
				}
				if !reflect.DeepEqual(j, before) || text != "" {
					t.Errorf("a refused move changed the job: %+v %q", j, text)
				}
			})
		}
	}
}

// The QA gate: delivery needs every item of the settings ticked; extra ticks do no harm; ticks
// sent with any other move are ignored (they belong to the gate).
func TestChecklistGate(t *testing.T) {
	qa := jobAt(model.JobQA)
	tests := []struct {
		name    string
		job     model.Job
		checked []string
		items   []string
		ok      bool
		missing string
	}{
		{"all ticked", qa, qaItems, qaItems, true, ""},
		{"all ticked plus an old item", qa, append([]string{"旧項目"}, qaItems...), qaItems, true, ""},
		{"duplicates do not count twice", qa, []string{"誤字脱字", "誤字脱字", "期限"}, qaItems, false, "納品形式"},
		{"a near miss is not a tick", qa, []string{"誤字脱字 ", "納品形式", "期限"}, qaItems, false, "誤字脱字"},
		{"nothing ticked, one item", qa, nil, []string{"期限"}, false, "期限"},
		{"no items in settings", qa, nil, []string{}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, _, err := model.ApplyMove(tt.job, model.Move{To: model.JobDelivered, Checked: tt.checked}, tt.items, jobNow)
			if tt.ok {
				if err != nil || j.Status != model.JobDelivered {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errors.Is(err, model.ErrConflict) {
				t.Fatalf("err = %v, want ErrConflict", err)
			}
			for _, l := range []model.Lang{model.JA, model.EN} {
				if msg := model.Message(err, l); !strings.Contains(msg, tt.missing) {
					t.Errorf("message %q does not name %q", msg, tt.missing)
				}
			}
			if j.Status != model.JobQA {
				t.Errorf("status %s after a refused delivery", j.Status)
			}
		})
	}
	// Ticks sent with a cancellation do not overwrite the job's ticks.
	j := qa
	j.Checklist = []string{"誤字脱字"}
	got, _, err := model.ApplyMove(j, model.Move{To: model.JobCancelled, Checked: []string{}}, qaItems, jobNow)
	if err != nil || !reflect.DeepEqual(got.Checklist, []string{"誤字脱字"}) {
		t.Errorf("cancel with ticks: %v %v", got.Checklist, err)
	}
}

func TestParseJobStatusAliases(t *testing.T) {
	tests := map[string]model.JobStatus{
		"辞退": model.JobCancelled, "キャンセル": model.JobCancelled, "ｷｬﾝｾﾙ": model.JobCancelled, "cancel": model.JobCancelled,
		"Canceled": model.JobCancelled, "差し戻し": model.JobReturned, "working": model.JobInProgress, "in-progress": model.JobInProgress,
	}
	for in, want := range tests {
		if got, err := model.ParseJobStatus(in); err != nil || got != want {
			t.Errorf("ParseJobStatus(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := model.ParseJobStatus("完了")
	if err == nil || !strings.Contains(model.Message(err, model.JA), "キャンセル") || !strings.Contains(model.Message(err, model.EN), "in_progress") {
		t.Errorf("unknown status error %v should list the statuses", err)
	}
}

func TestParseMove(t *testing.T) {
	may10 := model.NewDate(2025, 5, 10)
	tests := []struct {
		name   string
		to     model.JobStatus
		in     model.MoveInput
		want   model.Move
		fields []string
	}{
		{"return with a reason", model.JobReturned, model.MoveInput{Reason: " 誤字 "}, model.Move{To: model.JobReturned, Reason: "誤字"}, nil},
		{"return without one", model.JobReturned, model.MoveInput{Reason: "　"}, model.Move{}, []string{"reason"}},
		{"cancel without a reason", model.JobCancelled, model.MoveInput{}, model.Move{To: model.JobCancelled}, nil},
		{"reason too long", model.JobCancelled, model.MoveInput{Reason: strings.Repeat("理", model.MaxNoteRunes+1)}, model.Move{}, []string{"reason"}},
		{"invoice with nothing: the job's amount today", model.JobInvoiced, model.MoveInput{}, model.Move{To: model.JobInvoiced}, nil},
		{"invoice typed", model.JobInvoiced, model.MoveInput{Amount: "￥１３,２００", On: "2025/05/10"}, model.Move{To: model.JobInvoiced, Amount: 13200, On: may10}, nil},
		{"invoice bad amount and date", model.JobInvoiced, model.MoveInput{Amount: "1.5", On: "5月10日"}, model.Move{}, []string{"amount", "date"}},
		{"invoice zero", model.JobInvoiced, model.MoveInput{Amount: "0"}, model.Move{}, []string{"amount"}},
		{"invoice on a day that does not exist", model.JobInvoiced, model.MoveInput{On: "2025-02-30"}, model.Move{}, []string{"date"}},
		{"paid", model.JobPaid, model.MoveInput{Amount: "11,560円", On: "2025-05-10"}, model.Move{To: model.JobPaid, Amount: 11560, On: may10}, nil},
		{"paid needs both", model.JobPaid, model.MoveInput{}, model.Move{}, []string{"amount", "date"}},
		{"paid zero", model.JobPaid, model.MoveInput{Amount: "0", On: "2025-05-10"}, model.Move{}, []string{"amount"}},
		{"paid negative", model.JobPaid, model.MoveInput{Amount: "-100", On: "2025-05-10"}, model.Move{}, []string{"amount"}},
		{"paid over a trillion", model.JobPaid, model.MoveInput{Amount: "1,000,000,000,001", On: "2025-05-10"}, model.Move{}, []string{"amount"}},
		{"deliver carries the ticks", model.JobDelivered, model.MoveInput{Checked: []string{"期限"}}, model.Move{To: model.JobDelivered, Checked: []string{"期限"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := model.ParseMove(tt.to, tt.in)
			recCheckFields(t, err, tt.fields)
			if tt.fields == nil && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseMove = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// MoveEvent keeps a move's details so the history line can be drawn in either language; the
// Japanese line is the text ApplyMove wrote.
func TestMoveEventLine(t *testing.T) {
	tests := []struct {
		from model.JobStatus
		move model.Move
		ja   string
		en   string
	}{
		{model.JobQA, model.Move{To: model.JobReturned, Reason: " 誤字が3か所 "}, "検品 > 差戻し：誤字が3か所", "QA review > returned: 誤字が3か所"},
		{model.JobOffered, model.Move{To: model.JobAccepted}, "打診 > 受注", "offered > accepted"},
		{model.JobOffered, model.Move{To: model.JobCancelled}, "打診 > 辞退/キャンセル", "offered > cancelled"},
		{model.JobDelivered, model.Move{To: model.JobInvoiced, On: model.NewDate(2025, 4, 30)}, "納品 > 請求：¥12,000（2025-04-30）", "delivered > invoiced: ¥12,000 (2025-04-30)"},
		{model.JobInvoiced, model.Move{To: model.JobPaid, Amount: 11560, On: model.NewDate(2025, 4, 10)},
			"請求 > 入金：¥11,560（2025-04-10） 請求額との差 -¥440", "invoiced > paid: ¥11,560 (2025-04-10), difference from the invoice -¥440"},
		{model.JobInvoiced, model.Move{To: model.JobPaid, Amount: 12000, On: model.NewDate(2025, 4, 10)}, "請求 > 入金：¥12,000（2025-04-10）", "invoiced > paid: ¥12,000 (2025-04-10)"},
	}
	for _, tt := range tests {
		t.Run(tt.ja, func(t *testing.T) {
			before := jobAt(tt.from)
			after, text, err := model.ApplyMove(before, tt.move, qaItems, jobNow)
			if err != nil {
				t.Fatal(err)
			}
			e := model.MoveEvent(before, after, tt.move, text)
			if e.JobID != 7 || e.Kind != model.EventStatus || e.From != tt.from || e.To != tt.move.To || e.Text != text {
				t.Errorf("event %+v", e)
			}
			if got := e.Line(model.JA); got != tt.ja {
				t.Errorf("Line(JA) = %q, want %q", got, tt.ja)
			}
			if got := e.Line(model.EN); got != tt.en {
				t.Errorf("Line(EN) = %q, want %q", got, tt.en)
			}
		})
	}
	note := model.JobEvent{Kind: model.EventNote, Text: "電話で確認"}
	created := model.JobEvent{Kind: model.EventStatus, To: model.JobOffered, Text: "打診"}
	for _, c := range []struct {
		e      model.JobEvent
		ja, en string
	}{{note, "電話で確認", "電話で確認"}, {created, "登録（打診）", "created (offered)"}} {
		if c.e.Line(model.JA) != c.ja || c.e.Line(model.EN) != c.en {
			t.Errorf("Line = %q / %q", c.e.Line(model.JA), c.e.Line(model.EN))
		}
	}
}

func TestFilterJobsSortsByDue(t *testing.T) {
	d := func(day int) model.Date { return model.NewDate(2025, 4, day) }
	jobs := []model.Job{
		{ID: 1, PersonID: 10, ClientID: 100, Due: d(20), Status: model.JobPaid},
		{ID: 2, PersonID: 11, ClientID: 100, Due: d(5), Status: model.JobOffered},
		{ID: 3, PersonID: 10, ClientID: 101, Due: d(5), Status: model.JobQA},
		{ID: 4, PersonID: 10, ClientID: 100, Due: d(1), Status: model.JobCancelled},
		{ID: 5, PersonID: 11, ClientID: 101, Due: d(30), Status: model.JobInvoiced},
	}
	orig := append([]model.Job(nil), jobs...)
	ids := func(js []model.Job) []uint64 {
		var out []uint64
		for _, j := range js {
			out = append(out, j.ID)
		}
		return out
	}
	tests := []struct {
		name string
		f    model.JobFilter
		want []uint64
	}{
		{"all, by due then id", model.JobFilter{}, []uint64{4, 2, 3, 1, 5}},
		{"active", model.JobFilter{Statuses: model.ActiveStatuses}, []uint64{2, 3, 5}},
		{"one status", model.JobFilter{Statuses: []model.JobStatus{model.JobQA}}, []uint64{3}},
		{"a teleworker", model.JobFilter{PersonID: 10}, []uint64{4, 3, 1}},
		{"a client", model.JobFilter{ClientID: 101}, []uint64{3, 5}},
		{"all three", model.JobFilter{PersonID: 11, ClientID: 100, Statuses: model.ActiveStatuses}, []uint64{2}},
		{"nobody", model.JobFilter{PersonID: 99}, nil},
		{"an empty status list matches nothing", model.JobFilter{Statuses: []model.JobStatus{}}, nil},
	}
	for _, tt := range tests {
		if got := ids(model.FilterJobs(jobs, tt.f)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	if !reflect.DeepEqual(jobs, orig) {
		t.Error("FilterJobs reordered its input")
	}
}

// Editing starts from Job.Input: reading it back gives the same job.
func TestJobInputRoundTrip(t *testing.T) {
	for _, in := range []model.JobInput{
		{Title: "記事", Category: "ライティング", ClientID: 1, PersonID: 2, UnitPrice: "4000", Quantity: "3", Unit: "本", FeePercent: "5.5", Due: "2025-04-30", Hours: "2:30", Notes: "メモ"},
		{Title: "入力", ClientID: 1, PersonID: 2, UnitPrice: "0", Quantity: "1", Unit: "件", FeePercent: "0", Due: "2025-04-30"},
		{Title: "大口", ClientID: 1, PersonID: 2, UnitPrice: "1000000", Quantity: "1000000", Unit: "件", FeePercent: "99.99", Due: "2025-12-31", Hours: "0:01"},
	} {
		j, err := model.NewJob(in)
		if err != nil {
			t.Fatal(err)
		}
		back, err := model.NewJob(j.Input())
		if err != nil || !reflect.DeepEqual(back, j) {
			t.Errorf("round trip of %+v:\n got %+v, %v\nwant %+v", in, back, err, j)
		}
	}
}

func TestFormatPercentAndHours(t *testing.T) {
	for bp, want := range map[int64]string{0: "0", 1: "0.01", 10: "0.1", 505: "5.05", 550: "5.5", 555: "5.55", 2000: "20", 10000: "100"} {
		if got := model.FormatPercentBP(bp); got != want {
			t.Errorf("FormatPercentBP(%d) = %q, want %q", bp, got, want)
		}
		if back, err := model.ParsePercentBP(want); err != nil || back != bp {
			t.Errorf("ParsePercentBP(%q) = %d, %v", want, back, err)
		}
	}
	for min, want := range map[int64]string{0: "", -5: "", 1: "0:01", 59: "0:59", 60: "1:00", 150: "2:30", 6_000_000: "100000:00"} {
		if got := model.FormatHours(min); got != want {
			t.Errorf("FormatHours(%d) = %q, want %q", min, got, want)
		}
		if back, err := model.ParseMinutes(want); err != nil || (min > 0 && back != min) {
			t.Errorf("ParseMinutes(%q) = %d, %v", want, back, err)
		}
	}
}

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"", 1, true}, {"1", 1, true}, {"1,000", 1000, true}, {"１０", 10, true}, {" 3 ", 3, true}, {"10000000", 10_000_000, true},
		{"0", 0, false}, {"-1", 0, false}, {"+5", 0, false}, {"1.5", 0, false}, {"10000001", 0, false}, {"三", 0, false}, {"1e3", 0, false},
	}
	for _, tt := range tests {
		got, err := model.ParseQuantity(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseQuantity(%q) = %d, %v", tt.in, got, err)
		}
		if err != nil {
			recErrorField(t, err, "quantity", model.ErrInvalid)
		}
	}
}

func TestParseYesNoAndClient(t *testing.T) {
	for in, want := range map[string]bool{"y": true, "Y": true, "yes": true, "はい": true, "1": true, "ｙ": true, "": false, "n": false, "No": false, "いいえ": false, "0": false} {
		if got, err := model.ParseYesNo("local", in); err != nil || got != want {
			t.Errorf("ParseYesNo(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := model.ParseYesNo("local", "たぶん"); err == nil {
		t.Error("ParseYesNo accepted たぶん")
	} else {
		recErrorField(t, err, "local", model.ErrInvalid)
	}
	c, err := model.ParseClient(model.ClientInput{Name: " おがの　ベーカリー ", Local: "はい", Note: " 町内 "})
	if err != nil || c.Name != "おがの ベーカリー" || !c.Local || c.Note != "町内" {
		t.Errorf("ParseClient = %+v, %v", c, err)
	}
	if back, err := model.ParseClient(c.Input()); err != nil || !reflect.DeepEqual(back, c) {
		t.Errorf("client round trip = %+v, %v", back, err)
	}
	_, err = model.ParseClient(model.ClientInput{Name: "", Local: "maybe"})
	recCheckFields(t, err, []string{"name", "local"})
	_, err = model.ParseClient(model.ClientInput{Name: "社", Note: strings.Repeat("メ", model.MaxNoteRunes+1)})
	recCheckFields(t, err, []string{"note"})
}

// The fee is amount × rate rounded down, checked against exact big-number arithmetic at the
// edges: zero, one yen, just below and at each whole yen, and a trillion yen.
func TestFeeRoundsDownExactly(t *testing.T) {
	amounts := []int64{0, 1, 9, 99, 999, 9999, 10000, 10001, 12345, 99999, 1_000_000, 123_456_789, model.MaxYen - 1, model.MaxYen}
	rates := []int64{0, 1, 5, 99, 100, 550, 555, 999, 1000, 2000, 3333, 9999, 10000}
	for _, a := range amounts {
		for _, bp := range rates {
			want := new(big.Int).Div(new(big.Int).Mul(big.NewInt(a), big.NewInt(bp)), big.NewInt(10000)).Int64()
			if got := model.FeeOf(a, bp); got != want {
				t.Errorf("FeeOf(%d, %d) = %d, want %d", a, bp, got, want)
			}
			j := model.Job{UnitPrice: a, Quantity: 1, FeeBP: bp}
			if j.Net() != a-want || j.Net() < 0 {
				t.Errorf("Net(%d at %d) = %d", a, bp, j.Net())
			}
		}
	}
	// The fee never rounds up: a job of 1 yen at any rate below 100 % pays no fee.
	for bp := int64(0); bp < 10000; bp += 37 {
		if f := model.FeeOf(1, bp); f != 0 {
			t.Fatalf("FeeOf(1, %d) = %d", bp, f)
		}
	}
}

func TestJobFinished(t *testing.T) {
	for _, s := range model.JobStatuses {
		want := s == model.JobPaid || s == model.JobCancelled
		if got := (model.Job{Status: s}).Finished(); got != want {
			t.Errorf("%s: Finished = %v", s, got)
		}
	}
}

// BenchmarkFilterJobs filters and sorts 20,000 jobs, as the list does on every reload.
func BenchmarkFilterJobs(b *testing.B) {
	jobs := make([]model.Job, 20000)
	for i := range jobs {
		jobs[i] = model.Job{ID: uint64(i + 1), PersonID: uint64(i%50 + 1), ClientID: uint64(i%30 + 1),
			Due: model.NewDate(2016, 4, 1).AddDays((i * 7919) % 3650), Status: model.JobStatuses[i%len(model.JobStatuses)]}
	}
	b.ReportAllocs()
	for b.Loop() {
		model.FilterJobs(jobs, model.JobFilter{})
		model.FilterJobs(jobs, model.JobFilter{Statuses: model.ActiveStatuses, PersonID: 7})
	}
}

func TestPaymentDateBounds(t *testing.T) {
	j := jobAt(model.JobInvoiced)
	j.AcceptedAt = time.Date(2025, 4, 1, 9, 0, 0, 0, model.Tokyo)
	for _, tc := range []struct {
		on   model.Date
		want string
	}{
		{model.NewDate(2025, 4, 11), "未来"},
		{model.NewDate(2025, 3, 31), "受注日"},
	} {
		_, _, err := model.ApplyMove(j, model.Move{To: model.JobPaid, Amount: 100, On: tc.on}, nil, jobNow)
		if err == nil || !strings.Contains(model.Message(err, model.JA), tc.want) {
			t.Errorf("paid on %s: %v", tc.on, err)
		}
	}
	if _, _, err := model.ApplyMove(j, model.Move{To: model.JobPaid, Amount: 100, On: model.NewDate(2025, 4, 1)}, nil, jobNow); err != nil {
		t.Errorf("paid on the day of 受注: %v", err)
	}
}
