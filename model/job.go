package model

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
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

// jobStatusAliases are other words staff use for a status (on the command line, in a filter):
// the cancelled label is "辞退/キャンセル", but people type one half of it.
var jobStatusAliases = map[string]JobStatus{
	"辞退": JobCancelled, "キャンセル": JobCancelled, "取消": JobCancelled, "取消し": JobCancelled,
	"cancel": JobCancelled, "canceled": JobCancelled, "declined": JobCancelled,
	"差し戻し": JobReturned, "差戻": JobReturned, "inprogress": JobInProgress, "in-progress": JobInProgress,
	"working": JobInProgress, "review": JobQA, "qa_review": JobQA,
}

// ParseJobStatus reads a status from its code, its label in either language, or a common alias
// (辞退, キャンセル, cancel, 差し戻し).
func ParseJobStatus(s string) (JobStatus, error) {
	n := strings.ToLower(NormalizeName(s))
	for _, st := range JobStatuses {
		if n == string(st) || n == jobStatusLabels[st].JA || n == strings.ToLower(jobStatusLabels[st].EN) {
			return st, nil
		}
	}
	if st, ok := jobStatusAliases[n]; ok {
		return st, nil
	}
	return "", Invalid("status", fmt.Sprintf("進捗「%s」はありません（打診・受注・作業中・検品・差戻し・納品・請求・入金・キャンセル）", s),
		fmt.Sprintf("Unknown job status %q (offered, accepted, in_progress, qa, returned, delivered, invoiced, paid, cancelled)", s))
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
	if e := checkLen("note", c.Note, MaxNoteRunes); e != nil {
		return c, e
	}
	return c, nil
}

// ClientInput is the client form as typed; Local is a yes/no answer (ParseYesNo).
type ClientInput struct {
	Name, Local, Note string
}

// Input returns the client as form text.
func (c Client) Input() ClientInput {
	local := "n"
	if c.Local {
		local = "y"
	}
	return ClientInput{Name: c.Name, Local: local, Note: c.Note}
}

// ParseClient validates the client form, every field's error at once.
func ParseClient(in ClientInput) (Client, error) {
	var errs FieldErrors
	local, err := ParseYesNo("local", in.Local)
	if err != nil {
		errs.add(asError(err))
	}
	c, err := NewClient(in.Name, local, in.Note)
	if err != nil {
		errs.add(asError(err))
	}
	return c, errs.Err()
}

// ParseYesNo reads a yes/no answer: y, yes, はい, 1, true (and n, no, いいえ, 0, false, or
// nothing). Anything else is refused for the field.
func ParseYesNo(field, s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(foldASCII(NormalizeName(s)))) {
	case "y", "yes", "はい", "1", "true", "on", "地域内":
		return true, nil
	case "", "n", "no", "いいえ", "0", "false", "off", "地域外":
		return false, nil
	}
	return false, Invalid(field, "「はい」か「いいえ」で入力してください（y / n）", "Answer y (yes) or n (no)")
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

// MaxQuantity bounds a job's quantity.
const MaxQuantity = 10_000_000

// ParseQuantity reads a job's quantity: a whole number from 1 to MaxQuantity, commas and
// full-width digits allowed; empty means 1.
func ParseQuantity(s string) (int64, error) {
	q := strings.ReplaceAll(strings.TrimSpace(foldASCII(s)), ",", "")
	if q == "" {
		return 1, nil
	}
	n, err := strconv.ParseInt(q, 10, 64)
	if err != nil || !isDigits(q) || n < 1 || n > MaxQuantity {
		return 0, Invalid("quantity", "数量は1以上の整数で入力してください", "Quantity must be a whole number of 1 or more")
	}
	return n, nil
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
	if j.Quantity, err = ParseQuantity(in.Quantity); err != nil {
		errs.add(asError(err))
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
	errs.add(checkLen("category", j.Category, 40))
	errs.add(checkLen("unit", j.Unit, 10))
	j.Notes = strings.TrimSpace(in.Notes)
	errs.add(checkLen("notes", j.Notes, MaxNoteRunes))
	if len(errs) == 0 {
		if _, ok := MulYen(j.UnitPrice, j.Quantity); !ok {
			errs.add(Invalid("quantity", "金額（単価 x 数量）が1兆円を超えます", "The amount (unit price x quantity) is over 1 trillion yen"))
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
	if m.Checked != nil && m.To == JobDelivered { // ticks belong to the QA gate only
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
		text += fmt.Sprintf("：%s（%s）", FormatYen(j.Invoiced), j.InvoicedOn)
	case JobPaid:
		if m.Amount <= 0 || m.Amount > MaxYen {
			return j, "", Invalid("amount", "入金額を入力してください", "Enter the amount received")
		}
		if m.On.IsZero() {
			return j, "", Invalid("date", "入金日を入力してください", "Enter the date the payment arrived")
		}
		if m.On.After(DateOf(now)) {
			return j, "", Invalid("date", "入金日が未来の日付です", "The payment date is in the future")
		}
		if !j.AcceptedAt.IsZero() && m.On.Before(DateOf(j.AcceptedAt)) {
			return j, "", Invalid("date", fmt.Sprintf("入金日が受注日（%s）より前です", DateOf(j.AcceptedAt)),
				fmt.Sprintf("The payment date is before the job was accepted (%s)", DateOf(j.AcceptedAt)))
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

// JobEvent is a 伴走メモ: a status change or support note in a job's history. Text is the line
// as written in Japanese (the record); Reason, Amount, Diff and On carry a move's details so the
// line can be drawn in English too (Line).
type JobEvent struct {
	JobID  uint64    `json:"job_id"`
	Seq    uint64    `json:"seq"`
	At     time.Time `json:"at"`
	Staff  string    `json:"staff"`
	Kind   EventKind `json:"kind"`
	From   JobStatus `json:"from,omitempty"`
	To     JobStatus `json:"to,omitempty"`
	Text   string    `json:"text"`
	Reason string    `json:"reason,omitempty"` // 差戻し and キャンセル
	Amount int64     `json:"amount,omitempty"` // 請求: invoiced; 入金: received
	Diff   int64     `json:"diff,omitempty"`   // 入金: received − invoiced
	On     Date      `json:"on,omitzero"`      // 請求 and 入金 dates
}

// MoveEvent is the history event of move m from before to after, with the text ApplyMove
// returned.
func MoveEvent(before, after Job, m Move, text string) JobEvent {
	e := JobEvent{JobID: after.ID, Kind: EventStatus, From: before.Status, To: after.Status, Text: text}
	if after.Status == JobReturned || after.Status == JobCancelled {
		e.Reason = strings.TrimSpace(m.Reason)
	}
	switch after.Status {
	case JobInvoiced:
		e.Amount, e.On = after.Invoiced, after.InvoicedOn
	case JobPaid:
		e.Amount, e.On, e.Diff = after.PaidAmount, after.PaidOn, after.PaymentDifference()
	}
	return e
}

// Line is the event as one line in the staff member's language: a note's text, or
// "検品 > 差戻し：理由" / "QA review > returned: reason" with the amount and date of a payment.
func (e JobEvent) Line(l Lang) string {
	if e.Kind != EventStatus {
		return e.Text
	}
	if e.From == "" {
		return l.Pick("登録（"+e.To.Label(JA)+"）", "created ("+e.To.Label(EN)+")")
	}
	if l == JA && e.Text != "" {
		return e.Text
	}
	s := e.From.Label(l) + " > " + e.To.Label(l)
	sep := l.Pick("：", ": ")
	switch {
	case e.Reason != "":
		s += sep + e.Reason
	case e.To == JobInvoiced && e.Amount != 0:
		s += sep + FormatYen(e.Amount) + l.Pick("（"+e.On.String()+"）", " ("+e.On.String()+")")
	case e.To == JobPaid && e.Amount != 0:
		s += sep + FormatYen(e.Amount) + l.Pick("（"+e.On.String()+"）", " ("+e.On.String()+")")
		if e.Diff != 0 {
			s += l.Pick(" 請求額との差 ", ", difference from the invoice ") + FormatSignedYen(e.Diff)
		}
	}
	return s
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

// Finished reports whether nothing is left to do on the job: paid, or cancelled.
func (j Job) Finished() bool { return j.Status == JobPaid || j.Status == JobCancelled }

// Input returns the job as form text, for editing.
func (j Job) Input() JobInput {
	return JobInput{
		Title: j.Title, Category: j.Category, Unit: j.Unit, ClientID: j.ClientID, PersonID: j.PersonID,
		UnitPrice: strconv.FormatInt(j.UnitPrice, 10), Quantity: strconv.FormatInt(j.Quantity, 10),
		FeePercent: FormatPercentBP(j.FeeBP), Due: j.Due.String(), Hours: FormatHours(j.Minutes), Notes: j.Notes,
	}
}

// FormatPercentBP writes basis points as a percentage without trailing zeros: 2000 → "20",
// 550 → "5.5", 505 → "5.05".
func FormatPercentBP(bp int64) string {
	s := strconv.FormatInt(bp/100, 10)
	if f := bp % 100; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%02d", f), "0")
	}
	return s
}

// FormatHours writes minutes as H:MM ("2:30"), the form ParseMinutes reads; "" for none.
func FormatHours(minutes int64) string {
	if minutes <= 0 {
		return ""
	}
	return fmt.Sprintf("%d:%02d", minutes/60, minutes%60)
}

// MoveInput is what staff type for a move that needs input: a reason (差戻し, キャンセル), an
// amount and a date (請求, 入金), or the QA items ticked (納品).
type MoveInput struct {
	Reason, Amount, On string
	Checked            []string
}

// ParseMove validates the typed input of a move to status to, with errors on the fields
// "reason", "amount" and "date". An empty invoice amount means the job's amount and an empty
// invoice date means today (ApplyMove fills both); a payment needs both.
func ParseMove(to JobStatus, in MoveInput) (Move, error) {
	var errs FieldErrors
	m := Move{To: to, Reason: strings.TrimSpace(in.Reason), Checked: in.Checked}
	errs.add(checkLen("reason", m.Reason, MaxNoteRunes))
	switch to {
	case JobReturned:
		if m.Reason == "" {
			errs.add(Invalid("reason", "差戻しの理由を入力してください", "Give the reason for returning the job"))
		}
	case JobInvoiced, JobPaid:
		if strings.TrimSpace(in.Amount) == "" {
			if to == JobPaid {
				errs.add(Invalid("amount", "入金額を入力してください", "Enter the amount received"))
			}
		} else if n, err := ParseYen(in.Amount); err != nil {
			errs.add(Invalid("amount", "金額は円の整数で入力してください（例: 12000）", "Enter whole yen, e.g. 12000"))
		} else if n == 0 {
			errs.add(Invalid("amount", "金額は1円以上です（請求額は空欄なら案件の金額）", "The amount is at least 1 yen (an empty invoice amount is the job's amount)"))
		} else {
			m.Amount = n
		}
		if strings.TrimSpace(in.On) == "" {
			if to == JobPaid {
				errs.add(Invalid("date", "入金日を入力してください", "Enter the date the payment arrived"))
			}
		} else if d, err := ParseDate(in.On); err != nil {
			errs.add(Invalid("date", asError(err).Msg.JA, asError(err).Msg.EN))
		} else {
			m.On = d
		}
	}
	return m, errs.Err()
}

// JobFilter narrows a job list; zero fields match everything.
type JobFilter struct {
	Statuses []JobStatus // any of these (nil: all)
	PersonID uint64
	ClientID uint64
}

// ActiveStatuses are the statuses that still need the desk: everything but 入金 and キャンセル.
var ActiveStatuses = []JobStatus{JobOffered, JobAccepted, JobInProgress, JobQA, JobReturned, JobDelivered, JobInvoiced}

// Match reports whether the job passes the filter.
func (f JobFilter) Match(j *Job) bool {
	if f.PersonID != 0 && j.PersonID != f.PersonID {
		return false
	}
	if f.ClientID != 0 && j.ClientID != f.ClientID {
		return false
	}
	if f.Statuses != nil && !slices.Contains(f.Statuses, j.Status) {
		return false
	}
	return true
}

// FilterJobs returns the jobs passing the filter, sorted by due date (SortJobsByDue). The input
// is not changed.
func FilterJobs(jobs []Job, f JobFilter) []Job {
	idx := make([]int32, 0, len(jobs))
	for i := range jobs {
		if f.Match(&jobs[i]) {
			idx = append(idx, int32(i))
		}
	}
	// sort indexes, not the jobs themselves: a Job is a few hundred bytes to move
	slices.SortFunc(idx, func(a, b int32) int { return compareDue(&jobs[a], &jobs[b]) })
	out := make([]Job, len(idx))
	for i, k := range idx {
		out[i] = jobs[k]
	}
	return out
}

// SortJobsByDue sorts jobs by due date, then by id (the order they were registered).
func SortJobsByDue(jobs []Job) {
	slices.SortFunc(jobs, func(a, b Job) int { return compareDue(&a, &b) })
}

func compareDue(a, b *Job) int {
	if c := a.Due.Compare(b.Due); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}
