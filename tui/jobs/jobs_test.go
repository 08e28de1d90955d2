package jobs_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// The demo's jobs, by id: one in every status.
const (
	jobPaid       = 1 // 観光協会ブログ記事（秋の紅葉） 山田 花子
	jobInvoiced   = 2 // パン屋のInstagram投稿代行 佐々木 美咲
	jobDelivered  = 3 // 商品データ入力 田中 由美
	jobQA         = 4 // 観光パンフレット文字起こし 渡辺 真理
	jobInProgress = 5 // ECサイト商品説明文 山田 花子 (overdue)
	jobAccepted   = 6 // イベント告知チラシ案 小林 愛
	jobOffered    = 7 // アンケート集計入力 山本 千尋
	jobCancelled  = 8 // 求人票リライト 新井 美穂
	jobReturned   = 9 // 町の広報SNS画像 佐々木 美咲
)

// openJob opens a job's detail the way the end-of-day review does.
func openJob(t *testing.T, m tea.Model, id uint64) tea.Model {
	t.Helper()
	m, _ = tuitest.Send(m, common.GotoMsg{Tab: 4, Payload: common.JobPayload{JobID: id}})
	h, ok := screenOf(m).Detail()
	if !ok || h.Job.ID != id {
		t.Fatalf("detail of job %d did not open: %s\n%s", id, screenOf(m).ViewName(), view(m))
	}
	return m
}

func storedJob(t *testing.T, s *store.Store, id uint64) model.Job {
	t.Helper()
	j, err := s.Job(id)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func events(t *testing.T, s *store.Store, id uint64) []model.JobEvent {
	t.Helper()
	evs, err := s.JobEvents(id)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// helpKeys returns the help keys of the enabled short-help bindings.
func helpKeys(m tea.Model) []string {
	var out []string
	for _, b := range screenOf(m).Keys().ShortHelp() {
		if b.Enabled() {
			out = append(out, b.Help().Key)
		}
	}
	return out
}

func TestListSortedByDueWithOverdueMarked(t *testing.T) {
	m := open(t, tuitest.OpenDemo(t), model.JA, 80, 24)
	rows := screenOf(m).Rows()
	if len(rows) != 9 {
		t.Fatalf("%d rows, want the demo's 9", len(rows))
	}
	for i := 1; i < len(rows); i++ {
		if rows[i].Due.Before(rows[i-1].Due) {
			t.Errorf("row %d due %s before row %d due %s", i, rows[i].Due, i-1, rows[i-1].Due)
		}
	}
	v := view(m)
	checkSize(t, v, 80, 20)
	var late []string
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "遅 ") {
			late = append(late, l)
		}
	}
	if len(late) != 1 || !strings.Contains(late[0], "ECサイト商品説明文") {
		t.Errorf("overdue rows %q, want only the ECサイト job", late)
	}
	wantIn(t, v, "案件 9件", "進捗:すべて", "納期遅れ 1件", "一覧のうち地域内企業 5/8件（63%）", "¥18,000")
}

func TestListFilters(t *testing.T) {
	m := open(t, tuitest.OpenDemo(t), model.JA, 80, 24)
	ids := func() []uint64 {
		var out []uint64
		for _, j := range screenOf(m).Rows() {
			out = append(out, j.ID)
		}
		return out
	}
	m = keys(t, m, "s") // 対応中: not paid, not cancelled
	if got := ids(); len(got) != 7 || slices.Contains(got, jobPaid) || slices.Contains(got, jobCancelled) {
		t.Errorf("active: %v", got)
	}
	wantIn(t, view(m), "進捗:対応中")
	m = keys(t, m, "s", "s", "s", "s") // 打診, 受注, 作業中, 検品
	if got := ids(); !slices.Equal(got, []uint64{jobQA}) {
		t.Errorf("検品: %v", got)
	}
	m = keys(t, m, "x")
	if len(ids()) != 9 {
		t.Errorf("x did not clear the filter: %v", ids())
	}

	// the teleworker filter uses the shared person search: romaji finds 佐々木
	m = keys(t, m, "p")
	if !screenOf(m).Capturing() || screenOf(m).ViewName() != "list+picker" {
		t.Fatalf("p opened %s", screenOf(m).ViewName())
	}
	m = typeText(t, m, "sasaki")
	m = keys(t, m, "enter")
	if got := ids(); !slices.Equal(got, []uint64{jobInvoiced, jobReturned}) {
		t.Errorf("佐々木's jobs: %v", got)
	}
	wantIn(t, view(m), "担当:佐々木 美咲")

	// the client filter: おがのベーカリー is the second client (after "every client")
	m = keys(t, m, "x", "c", "down", "down", "enter")
	if got := ids(); !slices.Equal(got, []uint64{jobInvoiced}) {
		t.Errorf("おがのベーカリー's jobs: %v", got)
	}
	wantIn(t, view(m), "発注元:おがのベーカリー")
	m = keys(t, m, "c", "up", "up", "enter") // every client
	if len(ids()) != 9 {
		t.Errorf("every client: %v", ids())
	}
	// esc leaves the filter as it was
	m = keys(t, m, "p", "esc")
	if screenOf(m).Capturing() || len(ids()) != 9 {
		t.Errorf("esc from the picker: %s, %v", screenOf(m).ViewName(), ids())
	}
	// a filter matching nothing says so
	m = keys(t, m, "p")
	m = typeText(t, m, "kimura") // 木村 香織 has no jobs
	m = keys(t, m, "enter")
	if len(ids()) != 0 || !strings.Contains(view(m), "該当する案件はありません") {
		t.Errorf("no jobs:\n%s", view(m))
	}
}

// In the detail only the moves legal from the job's status have working keys, and only they
// appear in the help bar.
func TestDetailKeysFollowTheStatus(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.JA, 80, 24)
	moveKeys := map[model.JobStatus]string{model.JobAccepted: "a", model.JobInProgress: "w", model.JobQA: "i", model.JobReturned: "r",
		model.JobDelivered: "d", model.JobInvoiced: "b", model.JobPaid: "p", model.JobCancelled: "x"}
	for id := uint64(1); id <= 9; id++ {
		m = openJob(t, m, id)
		j := storedJob(t, s, id)
		got := helpKeys(m)
		var want []string
		for _, to := range model.NextStatuses(j.Status) {
			want = append(want, moveKeys[to])
		}
		// every legal move shows, in pipeline order, then esc always
		if len(got) < len(want)+1 || !slices.Equal(got[:len(want)], want) || got[len(got)-1] != "esc" {
			t.Errorf("job %d (%s): keys %v, want the moves %v first and esc last", id, j.Status, got, want)
		}
		for _, k := range got[len(want):] {
			if !slices.Contains([]string{"k", "m", "e", "esc"}, k) || k == "k" && j.Status != model.JobQA {
				t.Errorf("job %d (%s): key %s in the help bar", id, j.Status, k)
			}
		}
		// the screen's keys leave the help bar room for the app's own (D, ?, q) in 80 columns
		w := 0
		for _, b := range screenOf(m).Keys().ShortHelp() {
			if b.Enabled() {
				w += ansi.StringWidth(b.Help().Key+" "+b.Help().Desc) + 2
			}
		}
		if w > 80-34 {
			t.Errorf("job %d: the help bar needs %d cells for the screen's keys", id, w)
		}
		// an illegal move's key does nothing
		for to, k := range moveKeys {
			if model.CanMove(j.Status, to) == nil {
				continue
			}
			m = keys(t, m, k)
			if screenOf(m).ViewName() != "detail" || storedJob(t, s, id).Status != j.Status {
				t.Errorf("job %d (%s): key %s opened %s", id, j.Status, k, screenOf(m).ViewName())
				m = keys(t, m, "esc")
			}
		}
	}
}

// A job taken along the whole pipeline with the screen's keys, with a return, the checklist
// gate, an invoice and a short payment.
func TestMovesThroughTheScreen(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := openJob(t, open(t, s, model.JA, 80, 24), jobOffered)
	status := func() model.JobStatus { return storedJob(t, s, jobOffered).Status }

	// a move with no input asks first; esc changes nothing
	m = keys(t, m, "a")
	if screenOf(m).ViewName() != "detail+confirm" || !strings.Contains(view(m), "元に戻せません") {
		t.Fatalf("a opened %s:\n%s", screenOf(m).ViewName(), view(m))
	}
	m = keys(t, m, "esc")
	if status() != model.JobOffered || len(events(t, s, jobOffered)) != 1 {
		t.Fatal("esc accepted the job")
	}
	m = keys(t, m, "a", "enter")
	if status() != model.JobAccepted {
		t.Fatalf("status %s after a, enter", status())
	}
	m = keys(t, m, "w", "enter", "i", "y")
	if status() != model.JobQA {
		t.Fatalf("status %s after w, i", status())
	}
	// 差戻し needs a reason: the form refuses an empty one beside its field, nothing written
	m = keys(t, m, "r", "ctrl+s")
	if status() != model.JobQA || !strings.Contains(view(m), "差戻しの理由を入力してください") {
		t.Fatalf("empty reason:\n%s", view(m))
	}
	m = typeText(t, m, "集計表の列がずれている")
	m = keys(t, m, "enter") // the IME's Enter never submits
	if status() != model.JobQA {
		t.Fatal("enter submitted the form")
	}
	m = keys(t, m, "ctrl+s")
	if status() != model.JobReturned || screenOf(m).ViewName() != "detail" {
		t.Fatalf("status %s, view %s", status(), screenOf(m).ViewName())
	}
	wantIn(t, view(m), "[差戻し]", "検品 > 差戻し：集計表の列がずれている")
	m = keys(t, m, "w", "enter", "i", "enter")

	// 納品: the checklist must be complete
	m = keys(t, m, "d", "space", "ctrl+s")
	if status() != model.JobQA || !strings.Contains(screenOf(m).Flash(), "検品項目が未確認です: 納品形式、期限") {
		t.Fatalf("partial checklist: %s, %q", status(), screenOf(m).Flash())
	}
	m = keys(t, m, "down", "space", "down", "space", "ctrl+s")
	if j := storedJob(t, s, jobOffered); j.Status != model.JobDelivered || len(j.Checklist) != 3 {
		t.Fatalf("after ticking all: %+v", j)
	}
	// 請求: the job's amount (¥6,000) and today are filled in
	m = keys(t, m, "b")
	if !strings.Contains(view(m), "6000") || !strings.Contains(view(m), "2026-11-25") {
		t.Errorf("invoice form:\n%s", view(m))
	}
	m = keys(t, m, "ctrl+s")
	if j := storedJob(t, s, jobOffered); j.Status != model.JobInvoiced || j.Invoiced != 6000 || j.InvoicedOn != model.NewDate(2026, 11, 25) {
		t.Fatalf("invoiced %+v", j)
	}
	// 入金: a bad amount is refused beside the field; a short payment shows its difference
	m = keys(t, m, "p", "backspace", "backspace", "backspace", "backspace")
	m = typeText(t, m, "abc")
	m = keys(t, m, "ctrl+s")
	if status() != model.JobInvoiced || !strings.Contains(view(m), "金額は円の整数で入力してください") {
		t.Fatalf("bad amount:\n%s", view(m))
	}
	for range 3 {
		m = keys(t, m, "backspace")
	}
	m = typeText(t, m, "５５６０")
	wantIn(t, view(m), "請求額との差 -¥440")
	m = keys(t, m, "ctrl+s")
	j := storedJob(t, s, jobOffered)
	if j.Status != model.JobPaid || j.PaidAmount != 5560 || j.PaymentDifference() != -440 {
		t.Fatalf("paid %+v", j)
	}
	v := view(m)
	wantIn(t, v, "[入金]", "差額", "-¥440", "請求 > 入金：¥5,560（2026-11-25） 請求額との差")
	checkSize(t, v, 80, 20)
	if got := helpKeys(m); !slices.Equal(got, []string{"m", "e", "esc"}) {
		t.Errorf("a paid job's keys: %v", got)
	}

	// every move is an event by the staff member on duty, newest first on screen
	evs := events(t, s, jobOffered)
	if len(evs) != 10 {
		t.Errorf("%d events, want 10", len(evs))
	}
	for _, e := range evs {
		if e.Staff != "佐藤 由美" {
			t.Errorf("event by %q", e.Staff)
		}
	}
	h, _ := screenOf(m).Detail()
	if h.Events[0].To != model.JobPaid {
		t.Errorf("newest event first: %+v", h.Events[0])
	}
}

func TestCancelWithAndWithoutReason(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := openJob(t, open(t, s, model.EN, 80, 24), jobAccepted)
	m = keys(t, m, "x")
	m = typeText(t, m, "体調不良のため辞退")
	m = keys(t, m, "ctrl+s")
	if j := storedJob(t, s, jobAccepted); j.Status != model.JobCancelled {
		t.Fatalf("status %s", j.Status)
	}
	wantIn(t, view(m), "[cancelled]", "accepted > cancelled: 体調不良のため辞退")
	m = openJob(t, m, jobReturned)
	m = keys(t, m, "x", "ctrl+s")
	if j := storedJob(t, s, jobReturned); j.Status != model.JobCancelled {
		t.Fatalf("cancel without a reason: %s", j.Status)
	}
	// a delivered job cannot be cancelled: the key is off
	m = openJob(t, m, jobDelivered)
	m = keys(t, m, "x")
	if screenOf(m).ViewName() != "detail" || storedJob(t, s, jobDelivered).Status != model.JobDelivered {
		t.Error("x worked on a delivered job")
	}
}

func TestQATicksCanBeSavedWithoutDelivering(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := openJob(t, open(t, s, model.JA, 80, 24), jobQA)
	m = keys(t, m, "k", "space", "down", "space", "ctrl+s")
	j := storedJob(t, s, jobQA)
	if j.Status != model.JobQA || !slices.Equal(j.Checklist, []string{"誤字脱字", "納品形式"}) {
		t.Fatalf("ticks %+v", j)
	}
	wantIn(t, view(m), "[x] 誤字脱字  [x] 納品形式  [ ] 期限")
	// delivering starts from the saved ticks
	m = keys(t, m, "d", "down", "down", "space", "ctrl+s")
	if j := storedJob(t, s, jobQA); j.Status != model.JobDelivered {
		t.Fatalf("status %s", j.Status)
	}
}

func TestSupportNote(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := openJob(t, open(t, s, model.JA, 80, 24), jobInProgress)
	before := len(events(t, s, jobInProgress))
	m = keys(t, m, "m", "ctrl+s")
	if len(events(t, s, jobInProgress)) != before || !strings.Contains(view(m), "メモを入力してください") {
		t.Fatalf("an empty note:\n%s", view(m))
	}
	// letters and digits go into the note, not to the app's keys
	if !screenOf(m).Capturing() {
		t.Fatal("the note form does not capture keys")
	}
	m = typeText(t, m, "q1 進捗を電話で確認。明日納品予定")
	m = keys(t, m, "ctrl+s")
	evs := events(t, s, jobInProgress)
	if len(evs) != before+1 {
		t.Fatalf("%d events", len(evs))
	}
	e := evs[len(evs)-1]
	if e.Kind != model.EventNote || e.Text != "q1 進捗を電話で確認。明日納品予定" || e.Staff != "佐藤 由美" {
		t.Errorf("note %+v", e)
	}
	lines := strings.Split(view(m), "\n")
	for i, l := range lines {
		if strings.Contains(l, "履歴") {
			if !strings.Contains(lines[i+1], "メモ q1 進捗を電話で確認") || !strings.Contains(lines[i+1], "10:30 佐藤 由美") {
				t.Errorf("the newest event should come first:\n%s", view(m))
			}
		}
	}
}

// A new job: the teleworker from the person search, the client from the list, then the form.
func TestCreateJob(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.JA, 80, 24)
	m = keys(t, m, "n")
	m = typeText(t, m, "やまもと")
	m = keys(t, m, "enter")
	if screenOf(m).ViewName() != "list+client-picker" {
		t.Fatalf("after the person: %s", screenOf(m).ViewName())
	}
	m = keys(t, m, "down", "enter") // おがのベーカリー
	if screenOf(m).ViewName() != "list+job-form" {
		t.Fatalf("after the client: %s", screenOf(m).ViewName())
	}
	wantIn(t, view(m), "テレワーカー: 山本 千尋", "発注元: おがのベーカリー")
	// the form is refused with reasons beside the fields, and nothing is written
	m = keys(t, m, "ctrl+s")
	wantIn(t, view(m), "案件名を入力してください", "単価は円の整数で入力してください", "納期を入力してください")
	if js, _ := s.Jobs(); len(js) != 9 {
		t.Fatalf("a refused form wrote a job")
	}
	m = typeText(t, m, "季節のパン紹介文")
	m = keys(t, m, "tab")
	m = typeText(t, m, "ライティング")
	m = keys(t, m, "tab")
	m = typeText(t, m, "2,500")
	m = keys(t, m, "tab", "backspace")
	m = typeText(t, m, "4")
	m = keys(t, m, "tab", "backspace")
	m = typeText(t, m, "本")
	m = keys(t, m, "tab", "backspace", "backspace")
	m = typeText(t, m, "5.5")
	wantIn(t, view(m), "金額 ¥10,000 - 手数料 ¥550（1円未満切り捨て）= 手取り ¥9,450")
	m = keys(t, m, "tab")
	m = typeText(t, m, "2026-12-10")
	m = keys(t, m, "ctrl+s")
	js, _ := s.Jobs()
	if len(js) != 10 {
		t.Fatalf("%d jobs", len(js))
	}
	j := js[9]
	if j.Title != "季節のパン紹介文" || j.PersonID != 13 || j.ClientID != 2 || j.Amount() != 10000 || j.FeeBP != 550 || j.Unit != "本" ||
		j.Status != model.JobOffered || j.Due != model.NewDate(2026, 12, 10) {
		t.Errorf("created %+v", j)
	}
	if h, ok := screenOf(m).Detail(); !ok || h.Job.ID != j.ID {
		t.Errorf("the new job's detail is not open: %s", screenOf(m).ViewName())
	}
	wantIn(t, view(m), "#10 季節のパン紹介文", "登録（打診）")
}

func TestEditJobAndChangeItsTeleworker(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := openJob(t, open(t, s, model.JA, 80, 24), jobInProgress)
	m = keys(t, m, "e")
	if screenOf(m).ViewName() != "detail+job-form" || !strings.Contains(view(m), "ECサイト商品説明文 20本") {
		t.Fatalf("edit form:\n%s", view(m))
	}
	m = typeText(t, m, "（追加分）")
	// ctrl+t changes the teleworker with the person search and comes back to the form
	m, _ = tuitest.Send(m, ctrl('t'))
	if screenOf(m).ViewName() != "detail+picker" {
		t.Fatalf("ctrl+t: %s", screenOf(m).ViewName())
	}
	m = typeText(t, m, "tanaka")
	m = keys(t, m, "enter")
	if screenOf(m).ViewName() != "detail+job-form" || !strings.Contains(view(m), "（追加分）") {
		t.Fatalf("back in the form, the typing kept:\n%s", view(m))
	}
	m = keys(t, m, "down", "down", "down", "down", "down", "down", "down") // 作業時間
	m = keys(t, m, "backspace", "backspace", "backspace", "backspace")
	m = typeText(t, m, "5:15")
	m = keys(t, m, "ctrl+s")
	j := storedJob(t, s, jobInProgress)
	if j.Title != "ECサイト商品説明文 20本(追加分)" || j.PersonID != 4 || j.Minutes != 315 || j.Status != model.JobInProgress {
		t.Errorf("edited %+v", j)
	}
	wantIn(t, view(m), "田中 由美", "5:15", "¥2,438") // 12,800 net / 5.25 h, rounded down
}

func TestClients(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.JA, 80, 24)
	m = keys(t, m, "l")
	v := view(m)
	wantIn(t, v, "発注元 3社", "地域内企業からの案件 5/8件（63%）", "小鹿野町観光協会", "はい")
	checkSize(t, v, 80, 20)
	m = keys(t, m, "n")
	m = typeText(t, m, "両神の宿")
	m = keys(t, m, "tab")
	m = typeText(t, m, "maybe")
	m = keys(t, m, "ctrl+s")
	wantIn(t, view(m), "「はい」か「いいえ」で入力してください")
	if cs, _ := s.Clients(); len(cs) != 3 {
		t.Fatal("a refused client was written")
	}
	for range 5 {
		m = keys(t, m, "backspace")
	}
	m = typeText(t, m, "はい")
	m = keys(t, m, "ctrl+s")
	cs, _ := s.Clients()
	if len(cs) != 4 || cs[3].Name != "両神の宿" || !cs[3].Local {
		t.Fatalf("clients %+v", cs)
	}
	wantIn(t, view(m), "発注元 4社", "両神の宿")
	// edit: 東京ウェブ制作株式会社 becomes local
	m = keys(t, m, "down", "down", "e", "tab", "backspace")
	m = typeText(t, m, "y")
	m = keys(t, m, "ctrl+s")
	if cs, _ := s.Clients(); !cs[2].Local {
		t.Errorf("edited client %+v", cs[2])
	}
	m = keys(t, m, "esc")
	if screenOf(m).ViewName() != "list" || !strings.Contains(view(m), "一覧のうち地域内企業 8/8件") {
		t.Errorf("back in the list:\n%s", view(m))
	}
}

// A client can be added while making a job, and is chosen at once.
func TestNewClientWhileMakingAJob(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.EN, 80, 24)
	m = keys(t, m, "n", "enter", "n")
	if screenOf(m).ViewName() != "list+client-form" {
		t.Fatalf("n in the client chooser: %s", screenOf(m).ViewName())
	}
	m = typeText(t, m, "Chichibu Tea")
	m = keys(t, m, "tab")
	m = typeText(t, m, "y")
	m = keys(t, m, "ctrl+s")
	if screenOf(m).ViewName() != "list+job-form" || !strings.Contains(view(m), "Client: Chichibu Tea") {
		t.Fatalf("after the new client:\n%s", view(m))
	}
	m = keys(t, m, "esc")
	if screenOf(m).Capturing() {
		t.Error("esc left a form open")
	}
}

// The end-of-day review opens a job with GotoMsg; it works before the screen has loaded.
func TestGotoOpensTheJob(t *testing.T) {
	s := tuitest.OpenDemo(t)
	var m tea.Model = tuitest.Host{S: jobsNew(s)}
	m, _ = tuitest.Send(m, common.GotoMsg{Tab: 4, Payload: common.JobPayload{JobID: jobReturned}})
	h, ok := screenOf(m).Detail()
	if !ok || h.Job.ID != jobReturned {
		t.Fatalf("detail: %s", screenOf(m).ViewName())
	}
	wantIn(t, view(m), "#9 町の広報SNS画像 10枚", "[差戻し]", "検品 > 差戻し：画像サイズが指定と違うため修正をお")
	m = keys(t, m, "esc")
	if screenOf(m).ViewName() != "list" {
		t.Errorf("esc went to %s", screenOf(m).ViewName())
	}
	// an unknown job says so
	m, _ = tuitest.Send(m, common.GotoMsg{Tab: 4, Payload: common.JobPayload{JobID: 999}})
	wantIn(t, view(m), "案件（ID 999）が見つかりません")
	if got := helpKeys(m); !slices.Equal(got, []string{"esc"}) {
		t.Errorf("keys on a missing job: %v", got)
	}
}

func TestTeleworkerView(t *testing.T) {
	s := tuitest.OpenDemo(t)
	m := open(t, s, model.JA, 80, 24)
	m = keys(t, m, "t") // the first row: 山田 花子's paid blog job
	v := view(m)
	checkSize(t, v, 80, 20)
	wantIn(t, v, "山田 花子（やまだ はなこ）の案件と収入", "2026-11", "¥12,000", "6:00", "¥2,000", "進行中 1件", "案件 2件")
	m = keys(t, m, "enter") // the latest due first: ECサイト
	if h, ok := screenOf(m).Detail(); !ok || h.Job.ID != jobInProgress {
		t.Fatalf("enter opened %s", screenOf(m).ViewName())
	}
	m = keys(t, m, "esc")
	if screenOf(m).ViewName() != "worker" {
		t.Fatalf("esc from the detail went to %s", screenOf(m).ViewName())
	}
	m = keys(t, m, "p")
	m = typeText(t, m, "sasaki")
	m = keys(t, m, "enter")
	wantIn(t, view(m), "佐々木 美咲", "入金待ち 1件 ¥18,000", "入金済みの案件はまだありません")
}

// The real cursor sits after the typed text measured by display width (for the IME).
func TestCursorFollowsJapaneseText(t *testing.T) {
	m := openJob(t, open(t, tuitest.OpenDemo(t), model.JA, 80, 24), jobInProgress)
	m = keys(t, m, "m")
	c0 := screenOf(m).Cursor()
	m = typeText(t, m, "確認")
	c1 := screenOf(m).Cursor()
	if c0 == nil || c1 == nil || c1.X-c0.X != ansi.StringWidth("確認") || c1.Y != c0.Y {
		t.Fatalf("cursor %+v then %+v", c0, c1)
	}
	// it is on the note field's line
	line := strings.Split(view(m), "\n")[c1.Y]
	if !strings.Contains(line, "伴走メモ") || !strings.Contains(line, "確認") {
		t.Errorf("cursor line %d is %q", c1.Y, line)
	}
	m = keys(t, m, "esc")
	if screenOf(m).Cursor() != nil {
		t.Error("a cursor with no field")
	}
}

// Every view fits the body at 80×24 and 120×40 in both languages.
func TestEveryViewFits(t *testing.T) {
	s := tuitest.OpenDemo(t)
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for _, l := range []model.Lang{model.JA, model.EN} {
			name := fmt.Sprintf("%dx%d/%s", sz[0], sz[1], l)
			m := open(t, s, l, sz[0], sz[1])
			checks := []struct {
				what string
				keys []string
			}{{"list", nil}, {"worker", []string{"t"}}, {"clients", []string{"esc", "l"}}, {"client form", []string{"n"}},
				{"picker", []string{"esc", "esc", "p"}}, {"chooser", []string{"esc", "c"}}, {"job form", []string{"esc", "n", "enter", "enter"}}}
			for _, c := range checks {
				m = keys(t, m, c.keys...)
				t.Run(name+"/"+c.what, func(t *testing.T) { checkSize(t, view(m), sz[0], sz[1]-4) })
			}
			for id := uint64(1); id <= 9; id++ {
				m = openJob(t, m, id)
				t.Run(fmt.Sprintf("%s/detail %d", name, id), func(t *testing.T) { checkSize(t, view(m), sz[0], sz[1]-4) })
			}
		}
	}
}

func TestKeysAreDeclaredInBothLanguages(t *testing.T) {
	ja, en := jobsKeyMap(model.JA), jobsKeyMap(model.EN)
	for i := range ja {
		if ja[i].Help().Desc == "" || en[i].Help().Desc == "" || ja[i].Help().Key != en[i].Help().Key {
			t.Errorf("binding %d: %+v / %+v", i, ja[i].Help(), en[i].Help())
		}
	}
	var _ []key.Binding = ja
}

// With no jobs the list says how to begin; with many it scrolls to keep the cursor in view.
func TestListEmptyAndScrolling(t *testing.T) {
	s := tuitest.OpenEmpty(t)
	m := open(t, s, model.JA, 80, 24)
	wantIn(t, view(m), "案件はまだありません")
	if got := helpKeys(m); slices.Contains(got, "enter") || slices.Contains(got, "t") {
		t.Errorf("keys with no jobs: %v", got)
	}
	cl, err := model.NewClient("小鹿野町観光協会", true, "")
	if err != nil {
		t.Fatal(err)
	}
	cl, _ = s.CreateClient(cl)
	p, _ := model.NewPerson(model.PersonInput{Name: "山田 花子", Reading: "やまだ はなこ", Roles: []model.Role{model.RoleTeleworker}})
	p, _ = s.CreatePerson(p)
	for i := range 40 {
		j, err := model.NewJob(model.JobInput{Title: fmt.Sprintf("案件その%d", i+1), ClientID: cl.ID, PersonID: p.ID, UnitPrice: "1000",
			Due: model.NewDate(2026, 12, 1).AddDays(i).String()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateJob(j); err != nil {
			t.Fatal(err)
		}
	}
	m, _ = tuitest.Send(m, common.DataChangedMsg{Kind: model.KindJob})
	if len(screenOf(m).Rows()) != 40 {
		t.Fatalf("%d rows after the reload", len(screenOf(m).Rows()))
	}
	selected := func() string {
		for _, l := range strings.Split(view(m), "\n") {
			if strings.HasPrefix(l, ">") {
				return l
			}
		}
		return ""
	}
	for i := range 25 {
		m = keys(t, m, "down")
		want := fmt.Sprintf("案件その%d ", i+2)
		if !strings.Contains(selected(), want) {
			t.Fatalf("after %d downs the selected row is %q, want %q", i+1, selected(), want)
		}
	}
	m, _ = tuitest.Send(m, tea.KeyPressMsg{Code: tea.KeyPgDown}, tea.KeyPressMsg{Code: tea.KeyPgDown})
	if j, _ := screenOf(m).Selected(); j.Title != "案件その40" || !strings.Contains(selected(), "案件その40") {
		t.Errorf("pgdown to the end: %q", selected())
	}
	m, _ = tuitest.Send(m, tea.KeyPressMsg{Code: tea.KeyPgUp}, tea.KeyPressMsg{Code: tea.KeyPgUp}, tea.KeyPressMsg{Code: tea.KeyPgUp})
	if j, _ := screenOf(m).Selected(); j.Title != "案件その1" || !strings.Contains(selected(), "案件その1 ") {
		t.Errorf("pgup to the top: %q", selected())
	}
	checkSize(t, view(m), 80, 20)
}

// Long notes take two lines in the detail, cut by display width; the history wraps notes whole.
func TestDetailWrapsLongNotesAndHistory(t *testing.T) {
	s := tuitest.OpenDemo(t)
	j := storedJob(t, s, jobAccepted)
	j.Notes = strings.Repeat("長いメモです。", 30)
	if _, err := s.UpdateJob(j); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("先方と電話で確認しました。", 8) + " -¥440"
	if _, err := s.AddJobNote(jobAccepted, long); err != nil {
		t.Fatal(err)
	}
	m := openJob(t, open(t, s, model.JA, 80, 24), jobAccepted)
	v := view(m)
	checkSize(t, v, 80, 20)
	lines := strings.Split(v, "\n")
	var notes, hist []string
	for i, l := range lines {
		if strings.HasPrefix(l, "メモ ") {
			notes = lines[i : i+2]
		}
		if strings.Contains(l, "メモ 先方と") {
			hist = lines[i:min(i+6, len(lines))]
		}
	}
	if len(notes) != 2 || !strings.Contains(notes[0], "長いメモです。") || !strings.HasPrefix(notes[1], strings.Repeat(" ", 13)) || !strings.HasSuffix(notes[1], "~") {
		t.Errorf("notes lines %q", notes)
	}
	joined := strings.Join(hist, "")
	if !strings.Contains(strings.ReplaceAll(joined, " ", ""), strings.ReplaceAll(long, " ", "")) {
		t.Errorf("the note's text is not all in the history:\n%s", strings.Join(hist, "\n"))
	}
	if !strings.Contains(strings.Join(hist, "\n"), "-¥440") {
		t.Errorf("an amount was split across lines:\n%s", strings.Join(hist, "\n"))
	}
	for _, l := range hist[1:] {
		if r := []rune(strings.TrimSpace(l)); len(r) > 0 && strings.ContainsRune("。、", r[0]) {
			t.Errorf("a line starts with %q:\n%s", r[0], strings.Join(hist, "\n"))
		}
	}
}

// The move question wraps at 80 columns: the keys at its end are not cut off, in either language.
func TestMoveQuestionFitsAt80(t *testing.T) {
	for _, c := range []struct {
		lang model.Lang
		want string
	}{{model.JA, "でやめます"}, {model.EN, "cancels."}} {
		m := openJob(t, open(t, tuitest.OpenDemo(t), c.lang, 80, 24), jobInProgress)
		m = keys(t, m, "i") // in progress to QA: long labels
		if v := view(m); !strings.Contains(v, c.want) {
			t.Errorf("%s: the question is cut:\n%s", c.lang, v)
		}
	}
}
