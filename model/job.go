package model

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"time"
)

// JobStatus is where a job stands in the pipeline (進捗).
type JobStatus string

// The statuses of DOMAIN.md.
const (
	JobOffered    JobStatus = "offered"     // 打診
	JobAccepted   JobStatus = "accepted"    // 受注
	JobInProgress JobStatus = "in_progress" // 作業中
	JobQA         JobStatus = "qa"          // 検品
	JobReturned   JobStatus = "returned"    // 差戻し
	JobDelivered  JobStatus = "delivered"   // 納品
	JobInvoiced   JobStatus = "invoiced"    // 請求
	JobPaid       JobStatus = "paid"        // 入金
	JobCancelled  JobStatus = "cancelled"   // 辞退/キャンセル
)

// JobStatuses lists the statuses in pipeline order.
var JobStatuses = []JobStatus{JobOffered, JobAccepted, JobInProgress, JobQA, JobReturned, JobDelivered, JobInvoiced, JobPaid, JobCancelled}

var jobStatusLabels = map[JobStatus]Text{
	JobOffered:    T("打診", "offered"),
	JobAccepted:   T("受注", "accepted"),
	JobInProgress: T("作業中", "in progress"),
	JobQA:         T("検品", "QA review"),
	JobReturned:   T("差戻し", "returned"),
	JobDelivered:  T("納品", "delivered"),
	JobInvoiced:   T("請求", "invoiced"),
	JobPaid:       T("入金", "paid"),
	JobCancelled:  T("辞退/キャンセル", "cancelled"),
}

// Label returns the status as staff call it.
func (s JobStatus) Label(l Lang) string {
	if t, ok := jobStatusLabels[s]; ok {
		return t.In(l)
	}
	return string(s)
}

// ParseJobStatus reads a status from its code or label.
func ParseJobStatus(s string) (JobStatus, error) {
	n := strings.ToLower(NormalizeName(s))
	for _, st := range JobStatuses {
		if n == string(st) || n == jobStatusLabels[st].JA || n == strings.ToLower(jobStatusLabels[st].EN) {
			return st, nil
		}
	}
	return "", Invalid("status", fmt.Sprintf("進捗「%s」はありません", s), fmt.Sprintf("Unknown job status %q", s))
}

var jobMoves = map[JobStatus][]JobStatus{
	JobOffered:    {JobAccepted, JobCancelled},
	JobAccepted:   {JobInProgress, JobCancelled},
	JobInProgress: {JobQA, JobCancelled},
	JobQA:         {JobReturned, JobDelivered, JobCancelled},
	JobReturned:   {JobInProgress, JobCancelled},
	JobDelivered:  {JobInvoiced},
	JobInvoiced:   {JobPaid},
}

// NextStatuses returns the moves legal from s, in pipeline order.
func NextStatuses(s JobStatus) []JobStatus { return append([]JobStatus(nil), jobMoves[s]...) }

// CanMove reports whether from → to is a legal move, and why not.
func CanMove(from, to JobStatus) error {
	for _, t := range jobMoves[from] {
		if t == to {
			return nil
		}
	}
	var ja, en string
	switch {
	case from == to:
		ja, en = "すでに「"+from.Label(JA)+"」です", "The job is already "+from.Label(EN)
	case to == JobCancelled:
		ja, en = "納品後の案件は辞退・キャンセルできません", "A job cannot be cancelled once it has been delivered"
	case from == JobCancelled || from == JobPaid:
		ja, en = "「"+from.Label(JA)+"」の案件はこれ以上進みません", "A "+from.Label(EN)+" job cannot move any further"
	case to == JobDelivered:
		ja, en = "納品は検品を通してからです", "A job is delivered only after QA review"
	default:
		next := NextStatuses(from)
		var nj, ne []string
		for _, n := range next {
			nj = append(nj, n.Label(JA))
			ne = append(ne, n.Label(EN))
		}
		ja = fmt.Sprintf("「%s」から「%s」には進めません（次は %s）", from.Label(JA), to.Label(JA), strings.Join(nj, "・"))
		en = fmt.Sprintf("A job cannot go from %s to %s (next: %s)", from.Label(EN), to.Label(EN), strings.Join(ne, ", "))
	}
	return Conflict(ja, en)
}

// Client is a 発注元.
type Client struct {
	ID    uint64 `json:"id"`
	Name  string `json:"name"`
	Local bool   `json:"local"` // 地域内企業
	Note  string `json:"note,omitempty"`
}

// NewClient validates a client.
func NewClient(name string, local bool, note string) (Client, error) {
	c := Client{Name: NormalizeName(name), Local: local, Note: strings.TrimSpace(note)}
	if c.Name == "" {
		return c, Invalid("name", "発注元の名前を入力してください", "Enter the client's name")
	}
	if e := checkLen("name", c.Name, 80); e != nil {
		return c, e
	}
	return c, nil
}

// Units a job's quantity is counted in.
var JobUnits = []string{"件", "文字", "時間", "本", "枚"}

// Categories offered when creating a job (free text is allowed too).
var JobCategories = []string{"データ入力", "ライティング", "SNS運用", "デザイン", "事務", "その他"}

// Job is a 案件 brokered to a teleworker.
type Job struct {
	ID         uint64    `json:"id"`
	Title      string    `json:"title"`
	ClientID   uint64    `json:"client_id"`
	Category   string    `json:"category"`
	PersonID   uint64    `json:"person_id"` // the teleworker
	UnitPrice  int64     `json:"unit_price"`
	Quantity   int64     `json:"quantity"`
	Unit       string    `json:"unit"`
	FeeBP      int64     `json:"fee_bp"` // platform fee in basis points: 1000 = 10.00 %
	Due        Date      `json:"due"`
	Minutes    int64     `json:"minutes,omitempty"` // hours logged, in minutes
	Status     JobStatus `json:"status"`
	Checklist  []string  `json:"checklist,omitempty"` // QA items ticked
	Offered    time.Time `json:"offered"`
	AcceptedAt time.Time `json:"accepted_at,omitzero"`
	Delivered  time.Time `json:"delivered_at,omitzero"`
	Invoiced   int64     `json:"invoiced,omitempty"`
	InvoicedOn Date      `json:"invoiced_on,omitzero"`
	PaidAmount int64     `json:"paid_amount,omitempty"`
	PaidOn     Date      `json:"paid_on,omitzero"`
	Notes      string    `json:"notes,omitempty"`
}

// JobInput is what staff type for a job.
type JobInput struct {
	Title, Category, Unit string
	ClientID, PersonID    uint64
	UnitPrice, Quantity   string // yen and count as typed
	FeePercent            string // "10", "5.5"
	Due                   string
	Hours                 string // "2.5" or "2:30"
	Notes                 string
}

// MaxYen bounds any amount: a trillion yen is far beyond any job and far from int64 overflow.
const MaxYen = 1_000_000_000_000

// ParseYen reads a whole-yen amount: "12,000", "￥12000", "12000円", full-width digits.
func ParseYen(s string) (int64, error) {
	t := strings.TrimSpace(foldASCII(s))
	t = strings.TrimPrefix(strings.TrimPrefix(t, "¥"), "￥")
	t = strings.TrimSuffix(t, "円")
	t = strings.ReplaceAll(t, ",", "")
	t = strings.TrimSpace(t)
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || t == "" || t[0] == '+' {
		return 0, Invalid("yen", "金額は円の整数で入力してください（例: 12000）", "Enter whole yen, e.g. 12000")
	}
	if n < 0 || n > MaxYen {
		return 0, Invalid("yen", "金額は0円以上1兆円以下です", "Amounts are 0 to 1 trillion yen")
	}
	return n, nil
}

// ParsePercentBP reads a percentage with up to two decimals into basis points ("5.5" → 550).
func ParsePercentBP(s string) (int64, error) {
	t := strings.TrimSuffix(strings.TrimSpace(foldASCII(s)), "%")
	bad := Invalid("fee", "手数料は0〜100の割合で入力してください（例: 20 や 5.5）", "Enter the fee as a percentage 0 to 100, e.g. 20 or 5.5")
	if t == "" {
		return 0, nil
	}
	whole, frac, _ := strings.Cut(t, ".")
	if len(frac) > 2 || whole == "" {
		return 0, bad
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 || w > 100 || !isDigits(whole) {
		return 0, bad
	}
	f := int64(0)
	if frac != "" {
		for len(frac) < 2 {
			frac += "0"
		}
		f, err = strconv.ParseInt(frac, 10, 64)
		if err != nil || f < 0 || !isDigits(frac) {
			return 0, bad
		}
	}
	bp := w*100 + f
	if bp > 10000 {
		return 0, bad
	}
	return bp, nil
}

// ParseMinutes reads hours logged as "2.5", "2:30" or "150分" into minutes.
func ParseMinutes(s string) (int64, error) {
	t := strings.TrimSpace(foldASCII(s))
	bad := Invalid("hours", "作業時間は 2.5 か 2:30 の形で入力してください", "Enter hours as 2.5 or 2:30")
	if t == "" {
		return 0, nil
	}
	if strings.HasSuffix(t, "分") {
		n, err := strconv.ParseInt(strings.TrimSuffix(t, "分"), 10, 64)
		if err != nil || n < 0 || n > 100000*60 {
			return 0, bad
		}
		return n, nil
	}
	if h, m, ok := strings.Cut(t, ":"); ok {
		hh, err1 := strconv.ParseInt(h, 10, 64)
		mm, err2 := strconv.ParseInt(m, 10, 64)
		if err1 != nil || err2 != nil || !isDigits(h) || !isDigits(m) || hh < 0 || mm < 0 || mm > 59 || hh > 100000 {
			return 0, bad
		}
		return hh*60 + mm, nil
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || f > 100000 || math.IsNaN(f) {
		return 0, bad
	}
	return int64(math.Round(f * 60)), nil
}

// NewJob validates a job. Status starts at 打診.
func NewJob(in JobInput) (Job, error) {
	var errs FieldErrors
	j := Job{Status: JobOffered, ClientID: in.ClientID, PersonID: in.PersonID}
	j.Title = NormalizeName(in.Title)
	if j.Title == "" {
		errs.add(Invalid("title", "案件名を入力してください", "Enter the job title"))
	}
	errs.add(checkLen("title", j.Title, 100))
	if in.ClientID == 0 {
		errs.add(Invalid("client", "発注元を選んでください", "Choose the client"))
	}
	if in.PersonID == 0 {
		errs.add(Invalid("person", "テレワーカーを選んでください", "Choose the teleworker"))
	}
	j.Category = NormalizeName(in.Category)
	j.Unit = NormalizeName(in.Unit)
	if j.Unit == "" {
		j.Unit = "件"
	}
	var err error
	if j.UnitPrice, err = ParseYen(in.UnitPrice); err != nil {
		errs.add(Invalid("unit_price", "単価は円の整数で入力してください", "Enter the unit price in whole yen"))
	}
	q := strings.TrimSpace(foldASCII(in.Quantity))
	if q == "" {
		q = "1"
	}
	if n, err := strconv.ParseInt(strings.ReplaceAll(q, ",", ""), 10, 64); err != nil || n < 1 || n > 10_000_000 {
		errs.add(Invalid("quantity", "数量は1以上の整数で入力してください", "Quantity must be a whole number of 1 or more"))
	} else {
		j.Quantity = n
	}
	if j.FeeBP, err = ParsePercentBP(in.FeePercent); err != nil {
		errs.add(asError(err))
	}
	if in.Due != "" {
		if d, err := ParseDate(in.Due); err != nil {
			errs.add(Invalid("due", "納期は 2025-04-01 の形で入力してください", "Enter the due date as YYYY-MM-DD"))
		} else {
			j.Due = d
		}
	} else {
		errs.add(Invalid("due", "納期を入力してください", "Enter the due date"))
	}
	if j.Minutes, err = ParseMinutes(in.Hours); err != nil {
		errs.add(asError(err))
	}
	j.Notes = strings.TrimSpace(in.Notes)
	if len(errs) == 0 {
		if _, ok := MulYen(j.UnitPrice, j.Quantity); !ok {
			errs.add(Invalid("quantity", "金額が大きすぎます（単価×数量が1兆円を超えます）", "The amount is too large (unit price × quantity over 1 trillion yen)"))
		}
	}
	return j, errs.Err()
}

// MulYen multiplies a yen amount by a count, refusing anything over MaxYen.
func MulYen(a, n int64) (int64, bool) {
	if a < 0 || n < 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(a), uint64(n))
	if hi != 0 || lo > MaxYen {
		return 0, false
	}
	return int64(lo), true
}

// Amount is unit price × quantity (0 when it would overflow, which NewJob refuses).
func (j Job) Amount() int64 {
	a, _ := MulYen(j.UnitPrice, j.Quantity)
	return a
}

// Fee is the platform fee: amount × fee% rounded DOWN to the whole yen (the teleworker never
// loses a fraction of a yen to rounding).
func (j Job) Fee() int64 { return FeeOf(j.Amount(), j.FeeBP) }

// FeeOf computes amount × bp / 10000, rounded down to the yen.
func FeeOf(amount, bp int64) int64 {
	hi, lo := bits.Mul64(uint64(amount), uint64(bp))
	q, _ := bits.Div64(hi, lo, 10000)
	return int64(q)
}

// Net is amount − fee: what the teleworker earns.
func (j Job) Net() int64 { return j.Amount() - j.Fee() }

// HourlyRate is net ÷ hours logged, rounded down; ok is false when no hours are logged.
func (j Job) HourlyRate() (int64, bool) {
	if j.Minutes <= 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(j.Net()), 60)
	q, _ := bits.Div64(hi, lo, uint64(j.Minutes))
	return int64(q), true
}

// PaymentDifference is the amount received minus the amount invoiced.
func (j Job) PaymentDifference() int64 { return j.PaidAmount - j.Invoiced }

// Overdue reports whether the job is past its due date and not yet delivered.
func (j Job) Overdue(today Date) bool {
	return !j.Due.IsZero() && j.Due.Before(today) && j.Open()
}

// Open reports whether work on the job is still ahead of delivery.
func (j Job) Open() bool {
	switch j.Status {
	case JobOffered, JobAccepted, JobInProgress, JobQA, JobReturned:
		return true
	}
	return false
}

// ReachedAccepted reports whether the job was ever accepted (受注), even if later cancelled.
func (j Job) ReachedAccepted() bool { return !j.AcceptedAt.IsZero() }

// Move is a requested status change with what that change needs.
type Move struct {
	To      JobStatus
	Reason  string   // 差戻し and キャンセル
	Amount  int64    // 請求: amount invoiced (0: the job's amount); 入金: amount received
	On      Date     // 請求 and 入金 dates
	Checked []string // 検品 items ticked (replaces the job's list when non-nil)
}

// ApplyMove checks and applies a move at time now, given the QA checklist items from settings,
// and returns the job after the move and the event text for the history.
func ApplyMove(j Job, m Move, checklist []string, now time.Time) (Job, string, error) {
	if err := CanMove(j.Status, m.To); err != nil {
		return j, "", err
	}
	if m.Checked != nil {
		j.Checklist = append([]string(nil), m.Checked...)
	}
	reason := strings.TrimSpace(m.Reason)
	text := fmt.Sprintf("%s > %s", j.Status.Label(JA), m.To.Label(JA))
	switch m.To {
	case JobReturned:
		if reason == "" {
			return j, "", Invalid("reason", "差戻しの理由を入力してください", "Give the reason for returning the job")
		}
		text += "：" + reason
		j.Checklist = nil
	case JobCancelled:
		if reason != "" {
			text += "：" + reason
		}
	case JobAccepted:
		j.AcceptedAt = now.UTC()
	case JobDelivered:
		var missing []string
		for _, item := range checklist {
			if !contains(j.Checklist, item) {
				missing = append(missing, item)
			}
		}
		if len(missing) > 0 {
			return j, "", Conflict("検品項目が未確認です: "+strings.Join(missing, "、"),
				"QA items not yet ticked: "+strings.Join(missing, ", "))
		}
		j.Delivered = now.UTC()
	case JobInvoiced:
		j.Invoiced = m.Amount
		if j.Invoiced == 0 {
			j.Invoiced = j.Amount()
		}
		if j.Invoiced < 0 || j.Invoiced > MaxYen {
			return j, "", Invalid("amount", "請求金額が正しくありません", "The invoiced amount is not valid")
		}
		j.InvoicedOn = m.On
		if j.InvoicedOn.IsZero() {
			j.InvoicedOn = DateOf(now)
		}
		text += fmt.Sprintf("：%s", FormatYen(j.Invoiced))
	case JobPaid:
		if m.Amount <= 0 || m.Amount > MaxYen {
			return j, "", Invalid("amount", "入金額を入力してください", "Enter the amount received")
		}
		if m.On.IsZero() {
			return j, "", Invalid("date", "入金日を入力してください", "Enter the date the payment arrived")
		}
		j.PaidAmount, j.PaidOn = m.Amount, m.On
		text += fmt.Sprintf("：%s（%s）", FormatYen(j.PaidAmount), j.PaidOn)
		if d := j.PaymentDifference(); d != 0 {
			text += fmt.Sprintf(" 請求額との差 %s", FormatSignedYen(d))
		}
	}
	j.Status = m.To
	return j, text, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// FormatYen writes ¥12,345.
func FormatYen(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-¥" + b.String()
	}
	return "¥" + b.String()
}

// FormatSignedYen writes +¥1,000 or -¥1,000.
func FormatSignedYen(n int64) string {
	if n > 0 {
		return "+" + FormatYen(n)
	}
	return FormatYen(n)
}

// EventKind tells a status change from a support note.
type EventKind string

// The event kinds.
const (
	EventStatus EventKind = "status"
	EventNote   EventKind = "note"
)

// JobEvent is a 伴走メモ: a status change or support note in a job's history.
type JobEvent struct {
	JobID uint64    `json:"job_id"`
	Seq   uint64    `json:"seq"`
	At    time.Time `json:"at"`
	Staff string    `json:"staff"`
	Kind  EventKind `json:"kind"`
	From  JobStatus `json:"from,omitempty"`
	To    JobStatus `json:"to,omitempty"`
	Text  string    `json:"text"`
}

// NewNote validates a support note.
func NewNote(text string) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", Invalid("note", "メモを入力してください", "Write the note")
	}
	if e := checkLen("note", text, MaxNoteRunes); e != nil {
		return "", e
	}
	return text, nil
}
