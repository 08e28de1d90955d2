package model_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// jobLegal is exactly the legal job moves of DOMAIN.md.
var jobLegal = map[[2]model.JobStatus]bool{
	{model.JobOffered, model.JobAccepted}:     true, // 打診→受注
	{model.JobOffered, model.JobCancelled}:    true, // 打診→キャンセル
	{model.JobAccepted, model.JobInProgress}:  true, // 受注→作業中
	{model.JobAccepted, model.JobCancelled}:   true,
	{model.JobInProgress, model.JobQA}:        true, // 作業中→検品
	{model.JobInProgress, model.JobCancelled}: true,
	{model.JobQA, model.JobReturned}:          true, // 検品→差戻し
	{model.JobQA, model.JobDelivered}:         true, // 検品→納品
	{model.JobQA, model.JobCancelled}:         true,
	{model.JobReturned, model.JobInProgress}:  true, // 差戻し→作業中
	{model.JobReturned, model.JobCancelled}:   true,
	{model.JobDelivered, model.JobInvoiced}:   true, // 納品→請求
	{model.JobInvoiced, model.JobPaid}:        true, // 請求→入金
}

func TestCanMoveEveryPair(t *testing.T) {
	if len(model.JobStatuses) != 9 {
		t.Fatalf("JobStatuses has %d statuses, want 9", len(model.JobStatuses))
	}
	legal := 0
	for _, from := range model.JobStatuses {
		for _, to := range model.JobStatuses {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				err := model.CanMove(from, to)
				if jobLegal[[2]model.JobStatus{from, to}] {
					legal++
					if err != nil {
						t.Errorf("CanMove(%s, %s) = %v, want legal", from, to, err)
					}
					return
				}
				if err == nil {
					t.Fatalf("CanMove(%s, %s) allowed, want refused", from, to)
				}
				me := recErrorField(t, err, "", model.ErrConflict)
				if msg := model.Message(err, model.JA); msg != me.Msg.JA || msg == "" {
					t.Errorf("Message(JA) = %q", msg)
				}
				if msg := model.Message(err, model.EN); msg != me.Msg.EN || msg == "" {
					t.Errorf("Message(EN) = %q", msg)
				}
			})
		}
	}
	if legal != len(jobLegal) {
		t.Errorf("saw %d legal moves, table has %d", legal, len(jobLegal))
	}
}

func TestCanMoveMessages(t *testing.T) {
	tests := []struct {
		from, to model.JobStatus
		ja, en   string // substrings
	}{
		{model.JobAccepted, model.JobAccepted, "すでに「受注」です", "already accepted"},
		{model.JobCancelled, model.JobCancelled, "すでに", "already cancelled"},
		{model.JobDelivered, model.JobCancelled, "納品後の案件は辞退・キャンセルできません", "cannot be cancelled once it has been delivered"},
		{model.JobPaid, model.JobCancelled, "納品後", "delivered"},
		{model.JobPaid, model.JobOffered, "「入金」の案件はこれ以上進みません", "cannot move any further"},
		{model.JobCancelled, model.JobOffered, "これ以上進みません", "cannot move any further"},
		{model.JobInProgress, model.JobDelivered, "納品は検品を通してからです", "only after QA review"},
		{model.JobOffered, model.JobDelivered, "検品", "QA review"},
		{model.JobOffered, model.JobInProgress, "「打診」から「作業中」には進めません（次は 受注・辞退/キャンセル）", "next: accepted, cancelled"},
		{model.JobQA, model.JobInProgress, "次は 差戻し・納品・辞退/キャンセル", "next: returned, delivered, cancelled"},
		{model.JobInvoiced, model.JobDelivered, "検品", "QA review"},
		{model.JobDelivered, model.JobPaid, "次は 請求", "next: invoiced"},
	}
	for _, tt := range tests {
		err := model.CanMove(tt.from, tt.to)
		if err == nil {
			t.Errorf("CanMove(%s, %s) allowed", tt.from, tt.to)
			continue
		}
		ja, en := model.Message(err, model.JA), model.Message(err, model.EN)
		if !strings.Contains(ja, tt.ja) || !strings.Contains(en, tt.en) {
			t.Errorf("CanMove(%s, %s) = %q / %q; want %q / %q", tt.from, tt.to, ja, en, tt.ja, tt.en)
		}
	}
	// Unknown statuses are refused with words, never allowed.
	for _, pair := range [][2]model.JobStatus{{"", model.JobAccepted}, {model.JobOffered, ""}, {"bogus", "bogus"}} {
		err := model.CanMove(pair[0], pair[1])
		if err == nil {
			t.Errorf("CanMove(%q, %q) allowed", pair[0], pair[1])
			continue
		}
		recErrorField(t, err, "", model.ErrConflict)
	}
}

func TestNextStatuses(t *testing.T) {
	for _, from := range model.JobStatuses {
		var want []model.JobStatus
		for _, to := range model.JobStatuses { // pipeline order
			if jobLegal[[2]model.JobStatus{from, to}] {
				want = append(want, to)
			}
		}
		got := model.NextStatuses(from)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("NextStatuses(%s) = %v, want %v", from, got, want)
		}
	}
	// The result is a copy: changing it changes no rule.
	got := model.NextStatuses(model.JobOffered)
	got[0] = model.JobPaid
	if model.CanMove(model.JobOffered, model.JobPaid) == nil || model.CanMove(model.JobOffered, model.JobAccepted) != nil {
		t.Error("NextStatuses returned the rule table itself")
	}
	if got := model.NextStatuses("bogus"); len(got) != 0 {
		t.Errorf("NextStatuses(bogus) = %v", got)
	}
}

func TestParseJobStatus(t *testing.T) {
	tests := []struct {
		in   string
		want model.JobStatus
		ok   bool
	}{
		{"打診", model.JobOffered, true},
		{"受注", model.JobAccepted, true},
		{"作業中", model.JobInProgress, true},
		{"　検品　", model.JobQA, true},
		{"差戻し", model.JobReturned, true},
		{"納品", model.JobDelivered, true},
		{"請求", model.JobInvoiced, true},
		{"入金", model.JobPaid, true},
		{"辞退/キャンセル", model.JobCancelled, true},
		{"辞退／キャンセル", model.JobCancelled, true},
		{"offered", model.JobOffered, true},
		{"IN_PROGRESS", model.JobInProgress, true},
		{"in progress", model.JobInProgress, true},
		{"qa", model.JobQA, true},
		{"Paid", model.JobPaid, true},
		{"", "", false},
		{"未着手", "", false},
		{"done", "", false},
	}
	for _, tt := range tests {
		got, err := model.ParseJobStatus(tt.in)
		if !tt.ok {
			if err == nil {
				t.Errorf("ParseJobStatus(%q) = %q, want error", tt.in, got)
				continue
			}
			recErrorField(t, err, "status", model.ErrInvalid)
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseJobStatus(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// Every status's own English label should parse back; "QA review" has capitals and the input is
// lower-cased before it is compared with the label as written.
func TestParseJobStatusEnglishLabels(t *testing.T) {
	for _, s := range model.JobStatuses {
		t.Run(string(s), func(t *testing.T) {
			for _, l := range []model.Lang{model.JA, model.EN} {
				got, err := model.ParseJobStatus(s.Label(l))
				if err != nil || got != s {
					if l == model.EN {
						t.Fatal("regression: see the bug this test was written for:", s.Label(l), got, err)
					}
					t.Errorf("ParseJobStatus(%q) = %q, %v", s.Label(l), got, err)
				}
			}
		})
	}
}

var jobNow = time.Date(2025, 4, 10, 15, 30, 0, 0, model.Tokyo)

var qaItems = []string{"誤字脱字", "納品形式", "期限"}

func TestApplyMove(t *testing.T) {
	base := model.Job{ID: 1, Title: "ブログ記事", UnitPrice: 4000, Quantity: 3, FeeBP: 2000}
	at := func(s model.JobStatus) model.Job { j := base; j.Status = s; return j }
	april := func(d int) model.Date { return model.NewDate(2025, time.April, d) }
	tests := []struct {
		name      string
		job       model.Job
		move      model.Move
		checklist []string
		kind      error  // nil: applied
		field     string // of an ErrInvalid
		errHas    string // substring of the Japanese error
		text      string // event text when applied
		check     func(*testing.T, model.Job)
	}{
		{"accept stamps AcceptedAt", at(model.JobOffered), model.Move{To: model.JobAccepted}, qaItems, nil, "", "", "打診 > 受注",
			func(t *testing.T, j model.Job) {
				if !j.AcceptedAt.Equal(jobNow) || j.AcceptedAt.Location() != time.UTC || !j.ReachedAccepted() {
					t.Errorf("AcceptedAt = %v", j.AcceptedAt)
				}
			}},
		{"start work", at(model.JobAccepted), model.Move{To: model.JobInProgress}, qaItems, nil, "", "", "受注 > 作業中", nil},
		{"to QA", at(model.JobInProgress), model.Move{To: model.JobQA}, qaItems, nil, "", "", "作業中 > 検品", nil},
		{"illegal move refused", at(model.JobOffered), model.Move{To: model.JobQA}, qaItems, model.ErrConflict, "", "進めません", "", nil},
		{"paid job cannot be cancelled", at(model.JobPaid), model.Move{To: model.JobCancelled, Reason: "x"}, qaItems, model.ErrConflict, "", "納品後", "", nil},

		{"return without reason refused", at(model.JobQA), model.Move{To: model.JobReturned}, qaItems, model.ErrInvalid, "reason", "差戻しの理由", "", nil},
		{"return with blank reason refused", at(model.JobQA), model.Move{To: model.JobReturned, Reason: "　\n"}, qaItems, model.ErrInvalid, "reason", "差戻しの理由", "", nil},
		{"return with reason clears the checklist", func() model.Job { j := at(model.JobQA); j.Checklist = []string{"誤字脱字"}; return j }(),
			model.Move{To: model.JobReturned, Reason: " 誤字が3か所 "}, qaItems, nil, "", "", "検品 > 差戻し：誤字が3か所",
			func(t *testing.T, j model.Job) {
				if j.Checklist != nil {
					t.Errorf("Checklist = %v after return", j.Checklist)
				}
			}},
		{"back to work after return", at(model.JobReturned), model.Move{To: model.JobInProgress}, qaItems, nil, "", "", "差戻し > 作業中", nil},

		{"deliver with nothing ticked", at(model.JobQA), model.Move{To: model.JobDelivered}, qaItems, model.ErrConflict, "", "検品項目が未確認です: 誤字脱字、納品形式、期限", "", nil},
		{"deliver with one item missing", at(model.JobQA), model.Move{To: model.JobDelivered, Checked: []string{"誤字脱字", "納品形式"}}, qaItems, model.ErrConflict, "", "未確認です: 期限", "", nil},
		{"deliver with an empty tick list", at(model.JobQA), model.Move{To: model.JobDelivered, Checked: []string{}}, qaItems, model.ErrConflict, "", "誤字脱字", "", nil},
		{"deliver with items ticked in any order", at(model.JobQA), model.Move{To: model.JobDelivered, Checked: []string{"期限", "誤字脱字", "納品形式"}}, qaItems, nil, "", "", "検品 > 納品",
			func(t *testing.T, j model.Job) {
				if !j.Delivered.Equal(jobNow) || j.Delivered.Location() != time.UTC || len(j.Checklist) != 3 {
					t.Errorf("Delivered = %v, Checklist = %v", j.Delivered, j.Checklist)
				}
			}},
		{"deliver with items ticked earlier", func() model.Job { j := at(model.JobQA); j.Checklist = append([]string(nil), qaItems...); return j }(),
			model.Move{To: model.JobDelivered}, qaItems, nil, "", "", "検品 > 納品", nil},
		{"deliver with no checklist in settings", at(model.JobQA), model.Move{To: model.JobDelivered}, nil, nil, "", "", "検品 > 納品", nil},
		{"new tick list replaces the old one", func() model.Job { j := at(model.JobQA); j.Checklist = append([]string(nil), qaItems...); return j }(),
			model.Move{To: model.JobDelivered, Checked: []string{"期限"}}, qaItems, model.ErrConflict, "", "誤字脱字、納品形式", "", nil},

		{"invoice defaults to the amount", at(model.JobDelivered), model.Move{To: model.JobInvoiced}, qaItems, nil, "", "", "納品 > 請求：¥12,000",
			func(t *testing.T, j model.Job) {
				if j.Invoiced != 12000 || j.InvoicedOn != model.DateOf(jobNow) {
					t.Errorf("Invoiced = %d on %v", j.Invoiced, j.InvoicedOn)
				}
			}},
		{"invoice a different amount on a date", at(model.JobDelivered), model.Move{To: model.JobInvoiced, Amount: 13200, On: april(30)}, qaItems, nil, "", "", "納品 > 請求：¥13,200",
			func(t *testing.T, j model.Job) {
				if j.Invoiced != 13200 || j.InvoicedOn != april(30) {
					t.Errorf("Invoiced = %d on %v", j.Invoiced, j.InvoicedOn)
				}
			}},
		{"invoice a negative amount", at(model.JobDelivered), model.Move{To: model.JobInvoiced, Amount: -1}, qaItems, model.ErrInvalid, "amount", "請求金額", "", nil},
		{"invoice over MaxYen", at(model.JobDelivered), model.Move{To: model.JobInvoiced, Amount: model.MaxYen + 1}, qaItems, model.ErrInvalid, "amount", "請求金額", "", nil},

		{"paid needs an amount", func() model.Job { j := at(model.JobInvoiced); j.Invoiced = 12000; return j }(),
			model.Move{To: model.JobPaid, On: april(10)}, qaItems, model.ErrInvalid, "amount", "入金額", "", nil},
		{"paid refuses a negative amount", at(model.JobInvoiced), model.Move{To: model.JobPaid, Amount: -5, On: april(10)}, qaItems, model.ErrInvalid, "amount", "入金額", "", nil},
		{"paid refuses over MaxYen", at(model.JobInvoiced), model.Move{To: model.JobPaid, Amount: model.MaxYen + 1, On: april(10)}, qaItems, model.ErrInvalid, "amount", "入金額", "", nil},
		{"paid needs a date", at(model.JobInvoiced), model.Move{To: model.JobPaid, Amount: 12000}, qaItems, model.ErrInvalid, "date", "入金日", "", nil},
		{"paid in full", func() model.Job { j := at(model.JobInvoiced); j.Invoiced = 12000; return j }(),
			model.Move{To: model.JobPaid, Amount: 12000, On: april(10)}, qaItems, nil, "", "", "請求 > 入金：¥12,000（2025-04-10）",
			func(t *testing.T, j model.Job) {
				if j.PaidAmount != 12000 || j.PaidOn != april(10) || j.PaymentDifference() != 0 {
					t.Errorf("paid = %d on %v, diff %d", j.PaidAmount, j.PaidOn, j.PaymentDifference())
				}
			}},
		{"paid short by the bank fee", func() model.Job { j := at(model.JobInvoiced); j.Invoiced = 12000; return j }(),
			model.Move{To: model.JobPaid, Amount: 11560, On: april(10)}, qaItems, nil, "", "", "請求 > 入金：¥11,560（2025-04-10） 請求額との差 -¥440",
			func(t *testing.T, j model.Job) {
				if j.PaymentDifference() != -440 {
					t.Errorf("difference = %d", j.PaymentDifference())
				}
			}},
		{"paid over the invoice", func() model.Job { j := at(model.JobInvoiced); j.Invoiced = 12000; return j }(),
			model.Move{To: model.JobPaid, Amount: 13000, On: april(10)}, qaItems, nil, "", "", "請求額との差 +¥1,000", nil},

		{"cancel with a reason", at(model.JobAccepted), model.Move{To: model.JobCancelled, Reason: " 体調不良のため辞退 "}, qaItems, nil, "", "", "受注 > 辞退/キャンセル：体調不良のため辞退", nil},
		{"cancel without a reason", at(model.JobOffered), model.Move{To: model.JobCancelled}, qaItems, nil, "", "", "打診 > 辞退/キャンセル", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.job
			j, text, err := model.ApplyMove(tt.job, tt.move, tt.checklist, jobNow)
			if tt.kind != nil {
				if err == nil {
					t.Fatalf("ApplyMove allowed: %+v %q", j, text)
				}
				recErrorField(t, err, tt.field, tt.kind)
				if ja := model.Message(err, model.JA); !strings.Contains(ja, tt.errHas) {
					t.Errorf("error JA = %q, want it to contain %q", ja, tt.errHas)
				}
				if text != "" {
					t.Errorf("event text %q on error", text)
				}
				return
			}
			if err != nil {
				t.Fatalf("ApplyMove: %v", err)
			}
			if j.Status != tt.move.To {
				t.Errorf("Status = %s, want %s", j.Status, tt.move.To)
			}
			if !strings.HasPrefix(text, tt.text) && !strings.Contains(text, tt.text) {
				t.Errorf("text = %q, want %q", text, tt.text)
			}
			if j.Title != before.Title || j.UnitPrice != before.UnitPrice || j.Quantity != before.Quantity {
				t.Errorf("job fields changed: %+v", j)
			}
			if tt.move.To != model.JobAccepted && !j.AcceptedAt.Equal(before.AcceptedAt) {
				t.Errorf("AcceptedAt changed on %s", tt.move.To)
			}
			if tt.check != nil {
				tt.check(t, j)
			}
		})
	}
}

// Walk a job along the whole happy path and a return loop.
func TestApplyMoveWholePipeline(t *testing.T) {
	j, err := model.NewJob(model.JobInput{Title: "データ入力", ClientID: 1, PersonID: 2, UnitPrice: "50", Quantity: "200", FeePercent: "10", Due: "2025-04-30"})
	if err != nil {
		t.Fatal(err)
	}
	moves := []model.Move{
		{To: model.JobAccepted}, {To: model.JobInProgress}, {To: model.JobQA},
		{To: model.JobReturned, Reason: "形式違い"}, {To: model.JobInProgress}, {To: model.JobQA},
		{To: model.JobDelivered, Checked: qaItems}, {To: model.JobInvoiced},
		{To: model.JobPaid, Amount: 10000, On: model.NewDate(2025, 4, 10)},
	}
	for _, m := range moves {
		if j, _, err = model.ApplyMove(j, m, qaItems, jobNow); err != nil {
			t.Fatalf("move to %s: %v", m.To, err)
		}
	}
	if j.Status != model.JobPaid || j.Invoiced != 10000 || j.PaidAmount != 10000 || !j.ReachedAccepted() || j.Open() {
		t.Errorf("job = %+v", j)
	}
	if j.Fee() != 1000 || j.Net() != 9000 {
		t.Errorf("fee %d net %d", j.Fee(), j.Net())
	}
}

func TestParseYen(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"12,000", 12000, true},
		{"￥12000", 12000, true},
		{"¥12,000", 12000, true},
		{"12000円", 12000, true},
		{"¥12,000円", 12000, true},
		{"１２０００", 12000, true},
		{"１２０００円", 12000, true},
		{"￥１２０００", 12000, true},
		{"  12000  ", 12000, true},
		{"　１２０００　", 12000, true},
		{"0", 0, true},
		{"1,000,000,000,000", model.MaxYen, true},
		{"-1", 0, false},
		{"－１", 0, false},
		{"1.5", 0, false},
		{"", 0, false},
		{"　", 0, false},
		{"abc", 0, false},
		{"一万円", 0, false},
		{"¥", 0, false},
		{"円", 0, false},
		{"+5", 0, false},
		{"12 000", 0, false},
		{"1e3", 0, false},
		{"0x10", 0, false},
		{"1000000000001", 0, false},
		{"9223372036854775807", 0, false},
		{"9223372036854775808", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := model.ParseYen(tt.in)
			if !tt.ok {
				if err == nil {
					t.Fatalf("ParseYen(%q) = %d, want an error", tt.in, got)
				}
				recErrorField(t, err, "yen", model.ErrInvalid)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseYen(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParsePercentBP(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"10", 1000, true},
		{"5.5", 550, true},
		{"5.55", 555, true},
		{"5.05", 505, true},
		{"0.01", 1, true},
		{"20%", 2000, true},
		{" 20 ", 2000, true},
		{"２０", 2000, true},
		{"100", 10000, true},
		{"100.00", 10000, true},
		{"0", 0, true},
		{"", 0, true}, // no fee
		{"　", 0, true},
		{"5.555", 0, false},
		{"100.01", 0, false},
		{"101", 0, false},
		{"-1", 0, false},
		{"－１", 0, false},
		{"+5", 0, false},
		{".5", 0, false},
		{"5.+1", 0, false},
		{"5.-1", 0, false},
		{"5.x", 0, false},
		{"abc", 0, false},
		{"1e2", 0, false},
		{"二十", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := model.ParsePercentBP(tt.in)
			if !tt.ok {
				if err == nil {
					t.Fatalf("ParsePercentBP(%q) = %d, want an error", tt.in, got)
				}
				recErrorField(t, err, "fee", model.ErrInvalid)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParsePercentBP(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

// A minus sign must never be dropped: "-0.5" is not 0.5 %, "-0:30" is not 30 minutes. The
// whole-number parts go through strconv.ParseInt, which reads "-0" as 0, so the sign check
// (w < 0 / hh < 0) misses it.
func TestNegativeZeroRefused(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) (int64, error)
		in    string
	}{
		{"ParsePercentBP", model.ParsePercentBP, "-0.5"},
		{"ParsePercentBP", model.ParsePercentBP, "-0.99"},
		{"ParseMinutes", model.ParseMinutes, "-0:30"},
		{"ParseMinutes", model.ParseMinutes, "－０：４５"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.in, func(t *testing.T) {
			got, err := tt.parse(tt.in)
			if err == nil {
				t.Fatal("regression: see the bug this test was written for:", tt.name, tt.in, got)
			}
		})
	}
}

func TestParseMinutes(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"2.5", 150, true},
		{"2:30", 150, true},
		{"150分", 150, true},
		{"２：３０", 150, true},
		{"１５０分", 150, true},
		{"0:05", 5, true},
		{"1.25", 75, true},
		{"0.01", 1, true}, // 0.6 minutes rounds to 1
		{"2", 120, true},
		{"0", 0, true},
		{"", 0, true},
		{"　", 0, true},
		{"100000", 6_000_000, true},
		{"6000000分", 6_000_000, true},
		{"2:60", 0, false},
		{"2:-1", 0, false},
		{"-1", 0, false},
		{"-1:00", 0, false},
		{"-5分", 0, false},
		{"6000001分", 0, false},
		{"100001", 0, false},
		{"100001:00", 0, false},
		{"2時間", 0, false},
		{"2h30m", 0, false},
		{"abc", 0, false},
		{"NaN", 0, false},
		{"Inf", 0, false},
		{"2:3:4", 0, false},
		{":30", 0, false},
		{"2:", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := model.ParseMinutes(tt.in)
			if !tt.ok {
				if err == nil {
					t.Fatalf("ParseMinutes(%q) = %d, want an error", tt.in, got)
				}
				recErrorField(t, err, "hours", model.ErrInvalid)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseMinutes(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestMulYen(t *testing.T) {
	tests := []struct {
		a, n int64
		want int64
		ok   bool
	}{
		{12000, 3, 36000, true},
		{0, 1 << 62, 0, true},
		{1 << 62, 0, 0, true},
		{model.MaxYen, 1, model.MaxYen, true},
		{1, model.MaxYen, model.MaxYen, true},
		{1_000_000, 1_000_000, model.MaxYen, true},
		{model.MaxYen, 2, 0, false},
		{1_000_001, 1_000_000, 0, false},
		{1 << 62, 1, 0, false},
		{1 << 62, 4, 0, false}, // wraps to 0 in 64 bits
		{1 << 62, 1 << 62, 0, false},
		{1<<63 - 1, 1<<63 - 1, 0, false},
		{-1, 1, 0, false},
		{1, -1, 0, false},
		{-1 << 63, -1, 0, false},
	}
	for _, tt := range tests {
		got, ok := model.MulYen(tt.a, tt.n)
		if got != tt.want || ok != tt.ok {
			t.Errorf("MulYen(%d, %d) = %d, %v; want %d, %v", tt.a, tt.n, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFeeNetHourly(t *testing.T) {
	tests := []struct {
		name             string
		price, qty, bp   int64
		minutes          int64
		fee, net, hourly int64
		hourlyOK         bool
	}{
		{"999 yen at 10%: rounded down", 999, 1, 1000, 0, 99, 900, 0, false},
		{"1 yen at 99.99%", 1, 1, 9999, 60, 0, 1, 1, true},
		{"nothing", 0, 1, 2000, 60, 0, 0, 0, true},
		{"MaxYen at 100%", model.MaxYen, 1, 10000, 0, model.MaxYen, 0, 0, false},
		{"MaxYen at 20%", model.MaxYen, 1, 2000, 0, 200_000_000_000, 800_000_000_000, 0, false},
		{"MaxYen at 0.01%", 1_000_000, 1_000_000, 1, 0, 100_000_000, model.MaxYen - 100_000_000, 0, false},
		{"10,000 over 90 minutes", 10000, 1, 0, 90, 0, 10000, 6666, true},
		{"12,345 at 5.5%", 12345, 1, 550, 0, 678, 11667, 0, false},
		{"4,000 × 3 at 20% over 2:30", 4000, 3, 2000, 150, 2400, 9600, 3840, true},
		{"negative minutes", 1000, 1, 0, -30, 0, 1000, 0, false},
		{"MaxYen in one minute", model.MaxYen, 1, 0, 1, 0, model.MaxYen, 60 * model.MaxYen, true},
		{"overflowing amount counts as 0", model.MaxYen, 2, 2000, 60, 0, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := model.Job{UnitPrice: tt.price, Quantity: tt.qty, FeeBP: tt.bp, Minutes: tt.minutes}
			if got := j.Fee(); got != tt.fee {
				t.Errorf("Fee = %d, want %d", got, tt.fee)
			}
			if got := j.Net(); got != tt.net {
				t.Errorf("Net = %d, want %d", got, tt.net)
			}
			if got := j.Amount(); got != j.Fee()+j.Net() {
				t.Errorf("Amount %d != Fee + Net", got)
			}
			got, ok := j.HourlyRate()
			if ok != tt.hourlyOK || got != tt.hourly {
				t.Errorf("HourlyRate = %d, %v; want %d, %v", got, ok, tt.hourly, tt.hourlyOK)
			}
		})
	}
	feeOf := []struct{ amount, bp, want int64 }{
		{999, 1000, 99}, {1, 9999, 0}, {0, 10000, 0}, {model.MaxYen, 10000, model.MaxYen},
		{model.MaxYen, 1, 100_000_000}, {10000, 2000, 2000}, {9999, 1, 0}, {10000, 1, 1},
	}
	for _, tt := range feeOf {
		if got := model.FeeOf(tt.amount, tt.bp); got != tt.want {
			t.Errorf("FeeOf(%d, %d) = %d, want %d", tt.amount, tt.bp, got, tt.want)
		}
	}
}

func TestFormatYen(t *testing.T) {
	tests := []struct {
		n            int64
		plain, signd string
	}{
		{0, "¥0", "¥0"},
		{1, "¥1", "+¥1"},
		{999, "¥999", "+¥999"},
		{1000, "¥1,000", "+¥1,000"},
		{12000, "¥12,000", "+¥12,000"},
		{100000, "¥100,000", "+¥100,000"},
		{1234567, "¥1,234,567", "+¥1,234,567"},
		{model.MaxYen, "¥1,000,000,000,000", "+¥1,000,000,000,000"},
		{-1, "-¥1", "-¥1"},
		{-440, "-¥440", "-¥440"},
		{-1234, "-¥1,234", "-¥1,234"},
		{-1234567, "-¥1,234,567", "-¥1,234,567"},
		{1<<63 - 1, "¥9,223,372,036,854,775,807", "+¥9,223,372,036,854,775,807"},
	}
	for _, tt := range tests {
		if got := model.FormatYen(tt.n); got != tt.plain {
			t.Errorf("FormatYen(%d) = %q, want %q", tt.n, got, tt.plain)
		}
		if got := model.FormatSignedYen(tt.n); got != tt.signd {
			t.Errorf("FormatSignedYen(%d) = %q, want %q", tt.n, got, tt.signd)
		}
	}
}

func TestOverdueOpen(t *testing.T) {
	today := recDate(t, "2025-04-10")
	open := map[model.JobStatus]bool{
		model.JobOffered: true, model.JobAccepted: true, model.JobInProgress: true, model.JobQA: true, model.JobReturned: true,
	}
	for _, s := range model.JobStatuses {
		t.Run(string(s), func(t *testing.T) {
			j := model.Job{Status: s}
			if got := j.Open(); got != open[s] {
				t.Errorf("Open = %v", got)
			}
			tests := []struct {
				due  model.Date
				want bool
			}{
				{model.Date{}, false},
				{today.AddDays(-1), open[s]},
				{today.AddDays(-365), open[s]},
				{today, false},
				{today.AddDays(1), false},
			}
			for _, tt := range tests {
				j.Due = tt.due
				if got := j.Overdue(today); got != tt.want {
					t.Errorf("due %v: Overdue = %v, want %v", tt.due, got, tt.want)
				}
			}
		})
	}
}

func TestNewJob(t *testing.T) {
	ok := model.JobInput{
		Title: "ブログ記事作成", Category: "ライティング", ClientID: 1, PersonID: 2,
		UnitPrice: "￥4,000", Quantity: "３", FeePercent: "20", Due: "2025-04-30", Hours: "2:30",
	}
	tests := []struct {
		name  string
		mod   func(*model.JobInput)
		errs  []string
		check func(*testing.T, model.Job)
	}{
		{"valid", func(*model.JobInput) {}, nil, func(t *testing.T, j model.Job) {
			want := model.Job{Title: "ブログ記事作成", Category: "ライティング", ClientID: 1, PersonID: 2, UnitPrice: 4000, Quantity: 3,
				Unit: "件", FeeBP: 2000, Due: model.NewDate(2025, 4, 30), Minutes: 150, Status: model.JobOffered}
			if !reflect.DeepEqual(j, want) {
				t.Errorf("job\n got %+v\nwant %+v", j, want)
			}
			if j.Amount() != 12000 || j.Fee() != 2400 || j.Net() != 9600 {
				t.Errorf("amount %d fee %d net %d", j.Amount(), j.Fee(), j.Net())
			}
		}},
		{"full-width and half-width kana folded", func(in *model.JobInput) {
			in.Title, in.Category, in.Unit, in.Quantity = "ﾃﾞｰﾀ入力　（１００件）", "ﾃﾞｰﾀ入力", " 文字 ", "１,０００"
		}, nil, func(t *testing.T, j model.Job) {
			if j.Title != "データ入力 (100件)" || j.Category != "データ入力" || j.Unit != "文字" || j.Quantity != 1000 {
				t.Errorf("job = %+v", j)
			}
		}},
		{"quantity defaults to 1, fee and hours optional", func(in *model.JobInput) { in.Quantity, in.FeePercent, in.Hours = "", "", "" }, nil,
			func(t *testing.T, j model.Job) {
				if j.Quantity != 1 || j.FeeBP != 0 || j.Minutes != 0 {
					t.Errorf("job = %+v", j)
				}
				if _, ok := j.HourlyRate(); ok {
					t.Error("HourlyRate ok with no hours")
				}
			}},
		{"amount exactly MaxYen", func(in *model.JobInput) { in.UnitPrice, in.Quantity = "1,000,000", "1,000,000" }, nil,
			func(t *testing.T, j model.Job) {
				if j.Amount() != model.MaxYen {
					t.Errorf("Amount = %d", j.Amount())
				}
			}},
		{"title at 100 runes", func(in *model.JobInput) { in.Title = strings.Repeat("案", 100) }, nil, nil},

		{"no title", func(in *model.JobInput) { in.Title = "　" }, []string{"title"}, nil},
		{"title too long", func(in *model.JobInput) { in.Title = strings.Repeat("案", 101) }, []string{"title"}, nil},
		{"no client", func(in *model.JobInput) { in.ClientID = 0 }, []string{"client"}, nil},
		{"no teleworker", func(in *model.JobInput) { in.PersonID = 0 }, []string{"person"}, nil},
		{"no unit price", func(in *model.JobInput) { in.UnitPrice = "" }, []string{"unit_price"}, nil},
		{"unit price with decimals", func(in *model.JobInput) { in.UnitPrice = "4000.5" }, []string{"unit_price"}, nil},
		{"negative unit price", func(in *model.JobInput) { in.UnitPrice = "-4000" }, []string{"unit_price"}, nil},
		{"quantity 0", func(in *model.JobInput) { in.Quantity = "0" }, []string{"quantity"}, nil},
		{"quantity negative", func(in *model.JobInput) { in.Quantity = "-1" }, []string{"quantity"}, nil},
		{"quantity fractional", func(in *model.JobInput) { in.Quantity = "1.5" }, []string{"quantity"}, nil},
		{"quantity over 10 million", func(in *model.JobInput) { in.Quantity = "10000001" }, []string{"quantity"}, nil},
		{"quantity in kanji", func(in *model.JobInput) { in.Quantity = "三" }, []string{"quantity"}, nil},
		{"amount over MaxYen", func(in *model.JobInput) { in.UnitPrice, in.Quantity = "1,000,000,000,000", "2" }, []string{"quantity"}, nil},
		{"fee over 100%", func(in *model.JobInput) { in.FeePercent = "100.01" }, []string{"fee"}, nil},
		{"fee three decimals", func(in *model.JobInput) { in.FeePercent = "5.555" }, []string{"fee"}, nil},
		{"no due date", func(in *model.JobInput) { in.Due = "" }, []string{"due"}, nil},
		{"bad due date", func(in *model.JobInput) { in.Due = "2025-02-29" }, []string{"due"}, nil},
		{"due date in words", func(in *model.JobInput) { in.Due = "来週" }, []string{"due"}, nil},
		{"bad hours", func(in *model.JobInput) { in.Hours = "2:60" }, []string{"hours"}, nil},
		{"every field wrong at once", func(in *model.JobInput) {
			*in = model.JobInput{UnitPrice: "abc", Quantity: "0", FeePercent: "101", Due: "garbage", Hours: "x"}
		}, []string{"title", "client", "person", "unit_price", "quantity", "fee", "due", "hours"}, nil},
		{"empty input", func(in *model.JobInput) { *in = model.JobInput{} }, []string{"title", "client", "person", "unit_price", "due"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.mod(&in)
			j, err := model.NewJob(in)
			recCheckFields(t, err, tt.errs)
			if len(tt.errs) > 0 {
				fe := recFieldErrors(t, err)
				if len(fe) < len(tt.errs) {
					t.Errorf("got %d errors, want at least %d", len(fe), len(tt.errs))
				}
				if !errors.Is(err, model.ErrInvalid) {
					t.Error("not ErrInvalid")
				}
				return
			}
			if j.Status != model.JobOffered {
				t.Errorf("Status = %s", j.Status)
			}
			if tt.check != nil {
				tt.check(t, j)
			}
		})
	}
}

func TestNewClientAndNote(t *testing.T) {
	c, err := model.NewClient("　株式会社　小鹿野 ", true, " 地元の工務店 ")
	if err != nil || c.Name != "株式会社 小鹿野" || !c.Local || c.Note != "地元の工務店" {
		t.Errorf("NewClient = %+v, %v", c, err)
	}
	if _, err := model.NewClient("　", false, ""); err == nil {
		t.Error("empty client name accepted")
	} else {
		recErrorField(t, err, "name", model.ErrInvalid)
	}
	if _, err := model.NewClient(strings.Repeat("社", 81), false, ""); err == nil {
		t.Error("81-rune client name accepted")
	}
	if n, err := model.NewNote("  進捗確認の電話  "); err != nil || n != "進捗確認の電話" {
		t.Errorf("NewNote = %q, %v", n, err)
	}
	for _, bad := range []string{"", " \n　", strings.Repeat("メ", model.MaxNoteRunes+1)} {
		if _, err := model.NewNote(bad); err == nil {
			t.Errorf("NewNote(%d runes) accepted", len([]rune(bad)))
		} else {
			recErrorField(t, err, "note", model.ErrInvalid)
		}
	}
}
