package checkin_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/checkin"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

func names(h *host) []string {
	var out []string
	for _, r := range h.m().Results() {
		out = append(out, r.Person.Name)
	}
	return out
}

// Every way staff type 山田 finds 山田 花子: romaji, hiragana, katakana, half-width katakana,
// kanji; reading and name prefix matches come before fuzzy ones.
func TestSearchByRomajiKanaAndKanji(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	for _, q := range []string{"yamada", "やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "山田", "YAMADA", "ｙａｍａｄａ"} {
		h := newScreen(t, s, clk, model.JA, 80, 20)
		h.typ(q)
		got := names(h)
		if len(got) == 0 || !slices.Contains(got, "山田 花子") {
			t.Errorf("%q found %v, want 山田 花子", q, got)
			continue
		}
		// the prefix matches (山田 花子, 山本 千尋 is not one) lead
		if got[0] != "山田 花子" {
			t.Errorf("%q: first result %q, want 山田 花子 (%v)", q, got[0], got)
		}
		if !strings.Contains(h.view(), "山田 花子") {
			t.Errorf("%q: view lacks 山田 花子:\n%s", q, h.view())
		}
	}
	// Prefix matches rank before fuzzy ones: "yama" finds 山田, 山本 and 山口 first.
	h := newScreen(t, s, clk, model.JA, 80, 20).typ("yama")
	res := h.m().Results()
	if len(res) < 3 {
		t.Fatalf("yama: %v", names(h))
	}
	for i, r := range res {
		if i > 0 && r.Rank < res[i-1].Rank {
			t.Fatalf("results not ranked: %v", res)
		}
	}
	for _, r := range res[:3] {
		if r.Rank != 0 || !strings.HasPrefix(r.Person.Reading, "やま") {
			t.Errorf("yama: leading result %s (%s) rank %d", r.Person.Name, r.Person.Reading, r.Rank)
		}
	}
	// Backspace widens the search again; esc clears it.
	h.keys("backspace", "backspace")
	if h.m().Query() != "ya" {
		t.Fatalf("query after backspaces = %q", h.m().Query())
	}
	h.keys("esc")
	if h.m().Query() != "" || !h.m().Searching() {
		t.Fatalf("esc should clear the search and keep focus: %q %v", h.m().Query(), h.m().Searching())
	}
}

func TestCheckedInPeopleAreMarked(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	h := newScreen(t, s, clk, model.JA, 80, 20).typ("yamada")
	for _, l := range strings.Split(h.view(), "\n") {
		if strings.Contains(l, "山田 花子") && strings.Contains(l, "やまだ はなこ") {
			if !strings.Contains(l, "在館") {
				t.Errorf("山田 花子 is in, but her row is not marked: %q", l)
			}
			return
		}
	}
	t.Fatalf("no row for 山田 花子:\n%s", h.view())
}

// Enter toggles the highlighted person in, then out; the status line confirms with the time; the
// here-now panel follows.
func TestToggleInAndOut(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	misaki := person(t, s, "佐々木 美咲")
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.typ("sasaki").keys("enter")
	if h.isErr || h.status != "10:30 佐々木 美咲さん 入館（コワーキング）" {
		t.Fatalf("status %q (err %v)", h.status, h.isErr)
	}
	v, in := openVisit(t, s, misaki.ID)
	if !in || v.Purpose != model.PurposeCoworking || !v.In.Equal(tuitest.Now) {
		t.Fatalf("visit %+v in=%v", v, in)
	}
	if h.m().Query() != "" {
		t.Errorf("search not cleared after a check-in: %q", h.m().Query())
	}
	if !slices.ContainsFunc(h.m().Here(), func(x store.HereNow) bool { return x.Person.ID == misaki.ID }) {
		t.Errorf("here-now panel lacks her: %+v", h.m().Here())
	}
	if !strings.Contains(h.view(), "佐々木 美咲") || !strings.Contains(h.view(), "来館中 6人") {
		t.Errorf("view:\n%s", h.view())
	}
	// Help shows the enter key's action for the highlighted person.
	h.typ("ささき")
	if got := helpText(h); !strings.Contains(got, "enter 退館") {
		t.Errorf("help for someone in = %q", got)
	}

	clk.Add(2*time.Hour + 5*time.Minute)
	h.keys("enter")
	if h.isErr || h.status != "12:35 佐々木 美咲さん 退館（滞在 2時間05分）" {
		t.Fatalf("status %q", h.status)
	}
	if _, in := openVisit(t, s, misaki.ID); in {
		t.Fatal("still in after the second enter")
	}
	if strings.Contains(h.view(), "来館中 6人") {
		t.Errorf("here-now panel not updated:\n%s", h.view())
	}
	// Nothing highlighted: enter says so and writes nothing.
	h.typ("zzzz").keys("enter")
	if !h.isErr || !strings.Contains(h.status, "該当する人がいません") {
		t.Errorf("enter with no match: %q", h.status)
	}
}

func helpText(h *host) string {
	var s []string
	for _, b := range h.m().Keys().ShortHelp() {
		s = append(s, b.Help().Key+" "+b.Help().Desc)
	}
	return strings.Join(s, "  ")
}

func TestPurposeKeyCyclesAndResets(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	h := newScreen(t, s, clk, model.JA, 80, 20)
	if !strings.Contains(helpText(h), "ctrl+o 目的") {
		t.Errorf("help bar lacks the purpose key: %q", helpText(h))
	}
	want := []model.Purpose{model.PurposeCourse, model.PurposeConsult, model.PurposeTour, model.PurposeOther, model.PurposeCoworking, model.PurposeCourse}
	for _, p := range want {
		h.keys("ctrl+o")
		if h.m().Purpose() != p {
			t.Fatalf("purpose = %s, want %s", h.m().Purpose(), p)
		}
	}
	if !strings.Contains(h.view(), "目的: 講座") {
		t.Errorf("header does not show the purpose:\n%s", h.view())
	}
	h.typ("itou").keys("enter")
	sakura := person(t, s, "伊藤 さくら")
	v, in := openVisit(t, s, sakura.ID)
	if !in || v.Purpose != model.PurposeCourse {
		t.Fatalf("visit %+v", v)
	}
	if !strings.Contains(h.status, "入館（講座）") {
		t.Errorf("status %q", h.status)
	}
	if h.m().Purpose() != model.PurposeCoworking {
		t.Errorf("purpose after a check-in = %s, want back to コワーキング", h.m().Purpose())
	}
}

// A guardian whose child is in the kids space is warned on check-out and offered the pick-up.
func TestGuardianCheckOutOffersPickup(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	hanako := person(t, s, "山田 花子")
	care, err := s.InCare()
	mustNoErr(t, err)
	var booking uint64
	for _, c := range care {
		if c.Child.GuardianID == hanako.ID {
			booking = c.Booking.ID
		}
	}
	if booking == 0 {
		t.Fatal("demo: 山田 花子 has no child in care")
	}
	h := newScreen(t, s, clk, model.JA, 80, 20)
	if !strings.Contains(h.view(), "キッズ: 山田 陽翔") {
		t.Errorf("here-now panel does not show her child:\n%s", h.view())
	}
	h.typ("yamada hanako").keys("enter")
	if h.m().ViewName() != "guardian" || !strings.Contains(h.view(), "まだキッズスペースにいます") || !strings.Contains(h.view(), "山田 陽翔") {
		t.Fatalf("no warning (%s):\n%s", h.m().ViewName(), h.view())
	}
	if !h.m().Capturing() {
		t.Error("the dialog must keep letter keys from the global keys")
	}
	h.keys("enter")
	if len(h.gotos) != 1 || h.gotos[0].Tab != 2 || h.gotos[0].Payload != (common.PickupPayload{BookingID: booking}) {
		t.Fatalf("gotos %+v, want kids tab with booking %d", h.gotos, booking)
	}
	if _, in := openVisit(t, s, hanako.ID); !in {
		t.Fatal("going to the pick-up checked her out")
	}
	// back from the pick-up, she is still highlighted: enter then checks her out
	if p, ok := h.m().Selected(); h.m().ViewName() != "counter" || h.m().Query() != "yamada hanako" || !ok || p.ID != hanako.ID {
		t.Fatalf("view %s, query %q, highlighted %+v", h.m().ViewName(), h.m().Query(), p)
	}
	// esc cancels; o checks out anyway.
	h.keys("enter", "esc")
	if _, in := openVisit(t, s, hanako.ID); !in || h.m().ViewName() != "counter" || h.m().Query() != "yamada hanako" {
		t.Fatalf("esc checked her out, or lost the search (%q)", h.m().Query())
	}
	h.keys("enter", "o")
	if _, in := openVisit(t, s, hanako.ID); in {
		t.Fatal("o did not check her out")
	}
	if !strings.Contains(h.status, "山田 花子さん 退館") {
		t.Errorf("status %q", h.status)
	}
}

// The walk-in form: prefilled from the search, validation by the field, Enter never submits,
// ctrl+s registers and checks in in one go.
func TestWalkInForm(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	before, _ := s.People()
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.typ("kengaku")
	if len(h.m().Results()) != 0 || !strings.Contains(h.view(), "ctrl+r で「kengaku」を新規登録") {
		t.Fatalf("no-match hint missing:\n%s", h.view())
	}
	h.keys("ctrl+r")
	if h.m().ViewName() != "walkin" {
		t.Fatalf("ctrl+r opened %s", h.m().ViewName())
	}
	f := h.m().Form()
	if f.Value("reading") != "けんがく" || f.Value("name") != "" || f.Focus() != 0 {
		t.Fatalf("prefill: name %q reading %q focus %d", f.Value("name"), f.Value("reading"), f.Focus())
	}
	// Enter, as after an IME conversion, moves on and never submits.
	h.typ("見学 太郎").keys("enter", "enter", "enter", "enter") // around the four fields, back to the name
	if h.m().ViewName() != "walkin" {
		t.Fatal("enter submitted the walk-in form")
	}
	if after, _ := s.People(); len(after) != len(before) {
		t.Fatal("enter wrote a person")
	}
	// The role is a choice: labels, not codes, changed with left/right or space; nothing typed.
	if h.m().Form().Value("role") != "member" || !strings.Contains(h.view(), "[利用者]") {
		t.Fatalf("role: %q\n%s", h.m().Form().Value("role"), h.view())
	}
	h.keys("tab", "tab", "tab").typ("社長")
	if h.m().Form().Value("role") != "member" {
		t.Fatalf("typing changed the role to %q", h.m().Form().Value("role"))
	}
	if !strings.Contains(helpText(h), "left/right 選ぶ") || !strings.Contains(h.view(), "左右キーかスペースで選びます") {
		t.Errorf("the role's keys are not shown: %q\n%s", helpText(h), h.view())
	}
	h.keys("right")
	if h.m().Form().Value("role") != "visitor" || !strings.Contains(h.view(), "[見学]") {
		t.Fatalf("right: %q\n%s", h.m().Form().Value("role"), h.view())
	}
	h.keys("left", "tab") // back to 利用者, on to the name
	// Bad phone: the message under the field, nothing written.
	h.keys("tab", "tab").typ("12").keys("ctrl+s")
	v := h.view()
	for _, want := range []string{"電話番号の桁が足りません（2桁"} {
		if !strings.Contains(v, want) {
			t.Errorf("form lacks %q:\n%s", want, v)
		}
	}
	if after, _ := s.People(); len(after) != len(before) {
		t.Fatal("a rejected form wrote a person")
	}
	// The messages sit under their fields.
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		if strings.Contains(l, "電話番号は数字と") && (i == 0 || !strings.Contains(lines[i-1], "電話")) {
			t.Errorf("phone message not under the phone field:\n%s", v)
		}
	}
	// Fix them; ctrl+o changes the purpose in the form too.
	if h.m().Form().Focus() != 2 {
		t.Errorf("focus after errors = %d, want the first field in error (phone)", h.m().Form().Focus())
	}
	h.keys("ctrl+u").typ("0494-75-0000")
	if strings.Contains(h.view(), "電話番号は数字と") {
		t.Errorf("the phone's message stayed after it was fixed:\n%s", h.view())
	}
	// The role follows the purpose (講座: 受講生, 見学: 見学) until staff choose one.
	h.keys("ctrl+o")
	if h.m().Purpose() != model.PurposeCourse || h.m().Form().Value("role") != "trainee" {
		t.Fatalf("purpose %s role %q", h.m().Purpose(), h.m().Form().Value("role"))
	}
	h.keys("ctrl+o", "ctrl+o")
	if h.m().Purpose() != model.PurposeTour || h.m().Form().Value("role") != "visitor" {
		t.Fatalf("purpose %s role %q", h.m().Purpose(), h.m().Form().Value("role"))
	}
	h.keys("ctrl+s")
	if h.isErr || h.m().ViewName() != "counter" {
		t.Fatalf("not saved: %s %q\n%s", h.m().ViewName(), h.status, h.view())
	}
	p := person(t, s, "見学 太郎")
	if p.Reading != "けんがく" {
		t.Errorf("reading %q", p.Reading)
	}
	if p.Phone != "0494-75-0000" || !p.HasRole(model.RoleVisitor) {
		t.Errorf("registered %+v", p)
	}
	vis, in := openVisit(t, s, p.ID)
	if !in || vis.Purpose != model.PurposeTour {
		t.Errorf("visit %+v in=%v", vis, in)
	}
	if h.status != "10:30 見学 太郎さんを登録して入館（見学）" {
		t.Errorf("status %q", h.status)
	}
	// The same name and reading again is refused at the counter (find them instead).
	h.typ("けんがく").keys("ctrl+r").typ("見学 太郎").keys("ctrl+s")
	if h.m().ViewName() != "walkin" || !strings.Contains(h.view(), "登録済みです") {
		t.Errorf("duplicate walk-in accepted:\n%s", h.view())
	}
	// esc leaves the form without writing.
	h.keys("esc")
	if h.m().ViewName() != "counter" || !h.m().Searching() {
		t.Errorf("esc: %s", h.m().ViewName())
	}
}

func TestWalkInPrefillsNameFromKanji(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openEmpty(t, clk)
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.typ("長若 一郎").keys("ctrl+r")
	f := h.m().Form()
	if f.Value("name") != "長若 一郎" || f.Value("reading") != "" || f.Focus() != 1 {
		t.Fatalf("name %q reading %q focus %d", f.Value("name"), f.Value("reading"), f.Focus())
	}
	h.typ("ナガワカ イチロウ").keys("ctrl+s")
	p := person(t, s, "長若 一郎")
	if p.Reading != "ながわか いちろう" {
		t.Errorf("reading %q", p.Reading)
	}
	if _, in := openVisit(t, s, p.ID); !in {
		t.Error("not checked in")
	}
}

// ctrl+z undoes the last check-in or check-out within five minutes by the context's clock.
func TestUndoWithinFiveMinutes(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	sakura := person(t, s, "伊藤 さくら")
	h := newScreen(t, s, clk, model.JA, 80, 20)
	if strings.Contains(helpText(h), "ctrl+z") {
		t.Errorf("undo offered with nothing to undo: %q", helpText(h))
	}
	h.keys("ctrl+z")
	if !h.isErr {
		t.Errorf("ctrl+z with nothing to undo: %q", h.status)
	}
	h.typ("itou").keys("enter")
	v, _ := openVisit(t, s, sakura.ID)
	if !strings.Contains(helpText(h), "ctrl+z 取消") || !strings.Contains(h.view(), "直前: 伊藤 さくら 入館（あと5分）") {
		t.Errorf("undo not offered: %q\n%s", helpText(h), h.view())
	}
	clk.Add(4 * time.Minute)
	h.keys("ctrl+z")
	if h.isErr || !strings.Contains(h.status, "取り消しました: 伊藤 さくらさんの入館") {
		t.Fatalf("status %q", h.status)
	}
	if _, err := s.Visit(v.ID); err == nil {
		t.Fatal("the undone visit is still stored")
	}
	// Check-out undo reopens the visit.
	h.typ("itou").keys("enter")
	clk.Add(time.Hour)
	h.typ("itou").keys("enter")
	v, _ = lastVisit(t, s, sakura.ID)
	if v.Open() {
		t.Fatal("not checked out")
	}
	clk.Add(5 * time.Minute)
	h.keys("ctrl+z")
	if h.isErr {
		t.Fatalf("undo at exactly five minutes refused: %q", h.status)
	}
	if got, _ := s.Visit(v.ID); !got.Open() {
		t.Fatalf("check-out undo did not reopen: %+v", got)
	}
	// After five minutes: refused, nothing changes.
	h.typ("itou").keys("enter")
	clk.Add(5*time.Minute + time.Second)
	if strings.Contains(helpText(h), "ctrl+z") {
		t.Errorf("undo still offered after five minutes: %q", helpText(h))
	}
	h.keys("ctrl+z")
	if !h.isErr || !strings.Contains(h.status, "5分を過ぎたため") {
		t.Fatalf("late undo: %q", h.status)
	}
	if got, _ := s.Visit(v.ID); got.Open() {
		t.Fatal("late undo changed the visit")
	}
}

func lastVisit(t *testing.T, s *store.Store, personID uint64) (model.Visit, bool) {
	t.Helper()
	vs, err := s.VisitsOf(personID)
	mustNoErr(t, err)
	if len(vs) == 0 {
		return model.Visit{}, false
	}
	return vs[len(vs)-1], true
}

// At closing: the dialog lists everyone still here; confirming stamps the closing time (or now,
// before it).
func TestClosingChecksOutEveryone(t *testing.T) {
	for _, tc := range []struct {
		now, stamp, says string
	}{
		{"17:45", "17:00", "閉館時刻 17:00 で記録します"},
		{"16:50", "16:50", "いまの時刻 16:50 で記録します"},
	} {
		clk := &clock{t: tuitest.Now}
		s := openDemo(t, clk)
		clk.Set(at(tc.now))
		h := newScreen(t, s, clk, model.JA, 80, 20)
		here := len(h.m().Here())
		if here != 5 {
			t.Fatalf("demo has %d in", here)
		}
		h.keys("ctrl+x")
		v := h.view()
		if h.m().ViewName() != "closing" || !strings.Contains(v, "在館中の 5人を退館にします") || !strings.Contains(v, tc.says) {
			t.Fatalf("dialog:\n%s", v)
		}
		for _, x := range h.m().Here() {
			if !strings.Contains(v, x.Person.Name) {
				t.Errorf("dialog does not list %s", x.Person.Name)
			}
		}
		// n cancels.
		h.keys("n")
		if open, _ := s.OpenVisits(); len(open) != 5 || h.m().ViewName() != "counter" {
			t.Fatal("n closed anyway")
		}
		h.keys("ctrl+x", "y")
		if open, _ := s.OpenVisits(); len(open) != 0 {
			t.Fatalf("still open: %+v", open)
		}
		vs, _ := s.VisitsOn(model.DateOf(tuitest.Now))
		for _, v := range vs {
			if v.ClosedAtClosing && !v.Out.Equal(at(tc.stamp)) {
				t.Errorf("visit %d closed at %s, want %s", v.ID, model.HHMM(v.Out), tc.stamp)
			}
		}
		if !strings.Contains(h.status, tc.stamp+" で 5人を退館にしました") {
			t.Errorf("status %q", h.status)
		}
		// Nobody left: says so.
		h.keys("ctrl+x")
		if h.m().ViewName() != "counter" || !strings.Contains(h.status, "在館中の方はいません") {
			t.Errorf("second closing: %s %q", h.m().ViewName(), h.status)
		}
	}
}

// A visit's times are corrected from the day's list, with a reason kept in the audit log.
func TestCorrectVisitFromDayList(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.keys("ctrl+l")
	if h.m().ViewName() != "visits" || h.m().Capturing() {
		t.Fatalf("ctrl+l: %s", h.m().ViewName())
	}
	v := h.view()
	if !strings.Contains(v, "来館記録") || !strings.Contains(v, "6件") || !strings.Contains(v, "林 直美") {
		t.Fatalf("day list:\n%s", v)
	}
	// 林 直美 came for a consultation, 9:10-9:45 (in the demo, 80 to 45 minutes before 10:30);
	// rows are in check-in order, so the highlight moves down to her.
	row := slices.IndexFunc(h.m().Visits(), func(l store.VisitLine) bool { return l.Person.Name == "林 直美" })
	if row < 1 {
		t.Fatalf("林 直美 at row %d of %+v", row, h.m().Visits())
	}
	for range row {
		h.keys("down")
	}
	h.keys("enter")
	if h.m().ViewName() != "correct" {
		t.Fatalf("enter: %s", h.m().ViewName())
	}
	// No reason: refused by the field, nothing written.
	h.keys("ctrl+s")
	if !strings.Contains(h.view(), "訂正の理由を入力してください") {
		t.Fatalf("no reason accepted:\n%s", h.view())
	}
	// Out before in: refused.
	h.keys("shift+tab", "shift+tab", "ctrl+u").typ("9:00").keys("tab", "ctrl+u").typ("８：３０").keys("tab").typ("押し忘れ").keys("ctrl+s")
	if !strings.Contains(h.view(), "退館時刻は入館時刻より後にしてください") {
		t.Fatalf("out before in accepted:\n%s", h.view())
	}
	h.keys("ctrl+u").typ("10:00").keys("ctrl+s") // the focus went to the field in error
	if h.isErr || h.m().ViewName() != "visits" {
		t.Fatalf("not saved: %q\n%s", h.status, h.view())
	}
	// corrected to 9:00, she is now the day's first
	got := h.m().Visits()[0].Visit
	if h.m().Visits()[0].Person.Name != "林 直美" || !got.In.Equal(at("9:00")) || !got.Out.Equal(at("10:00")) {
		t.Fatalf("corrected %s-%s", model.HHMM(got.In), model.HHMM(got.Out))
	}
	es, err := s.Audit(store.AuditFilter{Kind: model.KindVisit})
	mustNoErr(t, err)
	if len(es) == 0 || es[0].Action != "correct" || !strings.Contains(es[0].After, "押し忘れ") {
		t.Errorf("audit %+v", es)
	}
	// The list moves by day; t is today.
	h.keys("left")
	if !strings.Contains(h.view(), "この日の来館はありません") {
		t.Errorf("yesterday:\n%s", h.view())
	}
	h.keys("t")
	if len(h.m().Visits()) != 6 {
		t.Errorf("today again: %d", len(h.m().Visits()))
	}
	h.keys("esc")
	if h.m().ViewName() != "counter" {
		t.Errorf("esc: %s", h.m().ViewName())
	}
}

// The directory: find anyone (archived too), edit a person and their children, archive.
func TestDirectoryEditsPersonAndChildren(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	h := newScreen(t, s, clk, model.JA, 80, 20)
	if !strings.Contains(h.view(), "ctrl+e 名簿") {
		t.Errorf("the counter does not show the directory key:\n%s", h.view())
	}
	h.keys("ctrl+e")
	if h.m().ViewName() != "directory" || !strings.Contains(h.view(), "名簿") {
		t.Fatalf("ctrl+e:\n%s", h.view())
	}
	h.typ("たかはし").keys("enter")
	p, kids := h.m().Detail()
	if p.Name != "高橋 恵子" || len(kids) != 1 || h.m().ViewName() != "detail" {
		t.Fatalf("detail %+v %+v", p, kids)
	}
	v := h.view()
	for _, want := range []string{"高橋 恵子", "高橋 芽依", "乳アレルギー", "エピペンなし"} {
		if !strings.Contains(v, want) {
			t.Errorf("detail lacks %q:\n%s", want, v)
		}
	}
	// Edit the person: a bad email is refused by the field; a good one is saved.
	h.keys("e")
	if h.m().ViewName() != "person" || h.m().Form().Value("name") != "高橋 恵子" {
		t.Fatalf("e: %s", h.m().ViewName())
	}
	h.keys("tab", "tab", "tab").typ("keiko@").keys("ctrl+s")
	if !strings.Contains(h.view(), "メールアドレスの形が正しくありません") {
		t.Fatalf("bad email accepted:\n%s", h.view())
	}
	h.typ("example.jp").keys("ctrl+s")
	if h.m().ViewName() != "detail" || person(t, s, "高橋 恵子").Email != "keiko@example.jp" {
		t.Fatalf("not saved: %s %q", h.m().ViewName(), h.status)
	}
	// Edit the child: add a pick-up person (name without a relation is refused).
	h.keys("enter")
	if h.m().ViewName() != "child" || h.m().Form().Value("name") != "高橋 芽依" {
		t.Fatalf("enter on a child: %s", h.m().ViewName())
	}
	h.m().Form()
	for range 5 {
		h.keys("tab")
	}
	h.typ("高橋 正").keys("ctrl+s")
	if !strings.Contains(h.view(), "お迎え可能者は氏名と続柄の両方を入力してください") {
		t.Fatalf("pick-up without relation accepted:\n%s", h.view())
	}
	h.keys("tab").typ("父").keys("ctrl+s")
	kids, _ = s.ChildrenOf(p.ID)
	if len(kids) != 1 || len(kids[0].Pickups) != 1 || kids[0].Pickups[0] != (model.PickupPerson{Name: "高橋 正", Relation: "父"}) {
		t.Fatalf("child %+v", kids)
	}
	if kids[0].Allergies != "乳アレルギー" {
		t.Errorf("editing lost the allergy: %+v", kids[0])
	}
	if !strings.Contains(h.view(), "お迎え: 高橋 正（父）") {
		t.Errorf("detail after edit:\n%s", h.view())
	}
	// Add a child: a future birth date is refused; a good one is saved.
	h.keys("n").typ("高橋 湊").keys("tab").typ("たかはし みなと").keys("tab").typ("2030-01-01").keys("ctrl+s")
	if !strings.Contains(h.view(), "生年月日が未来の日付です") {
		t.Fatalf("future birth accepted:\n%s", h.view())
	}
	h.keys("ctrl+u").typ("2024-05-05").keys("ctrl+s")
	if kids, _ = s.ChildrenOf(p.ID); len(kids) != 2 {
		t.Fatalf("children %+v\n%s", kids, h.view())
	}
	// She is checked in: archiving is refused and says why.
	h.keys("a")
	if !h.isErr || !strings.Contains(h.status, "チェックアウトしてください") {
		t.Errorf("archiving someone in: %q", h.status)
	}
}

func TestArchiveHidesFromCounterNotDirectory(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	sakura := person(t, s, "伊藤 さくら")
	_, err := s.CheckIn(sakura.ID, model.PurposeCoworking) // some history to keep
	mustNoErr(t, err)
	_, err = s.CheckOut(sakura.ID)
	mustNoErr(t, err)
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.keys("ctrl+e").typ("itou sakura").keys("enter", "a")
	if h.isErr || !strings.Contains(h.status, "アーカイブしました") {
		t.Fatalf("status %q", h.status)
	}
	if !person(t, s, "伊藤 さくら").Archived || !strings.Contains(h.view(), "アーカイブ済み") {
		t.Fatalf("not archived:\n%s", h.view())
	}
	if vs, _ := s.VisitsOf(sakura.ID); len(vs) != 1 {
		t.Errorf("her history after archiving: %+v", vs)
	}
	h.keys("esc")
	if h.m().ViewName() != "directory" || !strings.Contains(h.view(), "保管") {
		t.Fatalf("directory does not mark her:\n%s", h.view())
	}
	h.keys("esc", "esc") // the directory's query, the directory
	h.typ("itou sakura")
	if slices.Contains(names(h), "伊藤 さくら") {
		t.Fatalf("archived person still at the counter: %v", names(h))
	}
	// Bring her back.
	h.keys("esc", "ctrl+e").typ("itou sakura").keys("enter", "a")
	if person(t, s, "伊藤 さくら").Archived {
		t.Fatal("not unarchived")
	}
	h.keys("esc", "esc", "esc").typ("itou sakura") // person page, directory query, directory
	if !slices.Contains(names(h), "伊藤 さくら") {
		t.Fatalf("unarchived person not at the counter: %v", names(h))
	}
}

// bubbles v2 textinput puts the cursor by rune count; the screen's cursor is by display width.
func TestCursorAfterJapanese(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	for _, lang := range []model.Lang{model.JA, model.EN} {
		h := newScreen(t, s, clk, lang, 80, 20)
		h.typ("やまだ")
		c := h.m().Cursor()
		prompt := ansi.StringWidth(lang.Pick("検索 > ", "Search > "))
		if c == nil || c.X != prompt+6 || c.Y != 1 {
			t.Fatalf("%v: cursor %+v, want X=%d Y=1", lang, c, prompt+6)
		}
		// The search line really has the prompt and the text there.
		line := strings.Split(h.view(), "\n")[1]
		if !strings.HasPrefix(line, lang.Pick("検索 > やまだ", "Search > やまだ")) {
			t.Errorf("search line %q", line)
		}
		// Half-width katakana is folded to full width as it is typed (terminals and the width
		// measure disagree on the half-width voiced mark), so ﾔﾏﾀﾞ reads ヤマダ, 6 cells.
		h.keys("esc").typ("ﾔﾏﾀﾞ")
		if c := h.m().Cursor(); c == nil || c.X != prompt+6 || h.m().Query() != "ヤマダ" {
			t.Errorf("after ﾔﾏﾀﾞ: query %q cursor %+v, want ヤマダ at X=%d", h.m().Query(), c, prompt+6)
		}
	}
	// The walk-in form's cursor follows the field, by display width.
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.keys("ctrl+r").typ("山田")
	c := h.m().Cursor()
	label := ansi.StringWidth("電話（任意）") // the widest label
	if c == nil || c.Y != 2 || c.X != 2+label+3+4 {
		t.Errorf("form cursor %+v, want X=%d Y=2", c, 2+label+3+4)
	}
}

// esc leaves the search so the global keys work; typing comes back to it.
func TestLeaveAndReturnToSearch(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	h := newScreen(t, s, clk, model.JA, 80, 20)
	if !h.m().Capturing() {
		t.Fatal("the search should have focus on entering")
	}
	h.keys("esc")
	if h.m().Capturing() || h.m().Cursor() != nil {
		t.Fatal("esc should leave the search")
	}
	h.keys("y")
	if !h.m().Capturing() || h.m().Query() != "y" {
		t.Fatalf("typing should return to the search: %q", h.m().Query())
	}
	// From the search, the root still switches screens on tab (common.TabSwitcher); digits are
	// typed (alt+1-6 are the root's).
	if !h.m().TabSwitches() {
		t.Error("the counter's search should let tab switch screens")
	}
	h.keys("3")
	if h.m().Query() != "y3" {
		t.Errorf("3 after y: query %q", h.m().Query())
	}
	h.keys("ctrl+l")
	if h.m().TabSwitches() {
		t.Error("the visit list has no search")
	}
}

// Another screen can open the counter at a person.
func TestGotoPersonHighlights(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	kenichi := person(t, s, "新井 健一")
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.keys("ctrl+l")
	h.deliver(common.GotoMsg{Tab: 1, Payload: common.PersonPayload{PersonID: kenichi.ID}})
	if h.m().ViewName() != "counter" {
		t.Fatalf("view %s", h.m().ViewName())
	}
	sel := h.m().Results()
	if len(sel) == 0 {
		t.Fatal("no results")
	}
	if !strings.Contains(helpText(h), "enter 退館") {
		t.Errorf("highlighted person is not 新井 健一 (who is in): %q %v", helpText(h), names(h))
	}
	for _, l := range strings.Split(h.view(), "\n") {
		if strings.HasPrefix(l, "> ") {
			if !strings.Contains(l, "新井 健一") {
				t.Errorf("highlighted row %q", l)
			}
		}
	}
}

func TestEnglish(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	h := newScreen(t, s, clk, model.EN, 80, 20)
	v := h.view()
	for _, want := range []string{"Check-in", "Purpose: coworking", "Here now: 5", "kids: 山田 陽翔"} {
		if !strings.Contains(v, want) {
			t.Errorf("English view lacks %q:\n%s", want, v)
		}
	}
	h.typ("sasaki").keys("enter")
	if h.status != "10:30 佐々木 美咲 checked in (coworking)" {
		t.Errorf("status %q", h.status)
	}
}

// Every view fits 80×20 and 120×36 (the body at 80×24 and 120×40): no line wider than the body,
// exactly the body's height, no ambiguous-width glyphs.
func TestViewsFit(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	for _, size := range [][2]int{{80, 20}, {120, 36}} {
		for _, lang := range []model.Lang{model.JA, model.EN} {
			h := newScreen(t, s, clk, lang, size[0], size[1])
			check := func(what string) {
				t.Helper()
				v := h.view()
				ls := strings.Split(v, "\n")
				if len(ls) != size[1] {
					t.Errorf("%s %v %dx%d: %d lines", what, lang, size[0], size[1], len(ls))
				}
				for i, l := range ls {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Errorf("%s %v: line %d is %d wide: %q", what, lang, i, w, l)
					}
					if strings.ContainsAny(l, "…─│○×△→↑↓•※–—") {
						t.Errorf("%s %v: ambiguous glyph in %q", what, lang, l)
					}
				}
			}
			check("counter")
			h.typ("yamada hanako").keys("enter")
			check("guardian")
			h.keys("esc", "ctrl+x")
			check("closing")
			h.keys("esc", "ctrl+l")
			check("visits")
			h.keys("enter")
			check("correct")
			h.keys("esc", "esc", "ctrl+r")
			check("walkin")
			h.keys("ctrl+s")
			check("walkin errors")
			h.keys("esc", "ctrl+e")
			check("directory")
			h.typ("yamada hanako").keys("enter")
			check("detail")
			h.keys("n")
			check("child form")
			h.keys("ctrl+s")
			check("child form errors")
			h.keys("esc", "e")
			check("person form")
			h.keys("esc", "esc", "esc", "esc")
			if h.m().ViewName() != "counter" {
				t.Fatalf("back to %s", h.m().ViewName())
			}
		}
	}
}

var _ = checkin.UndoWindow

// A new person from the directory is registered without a check-in; a second record with the same
// name and reading is refused.
func TestDirectoryNewPerson(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.keys("ctrl+e").typ("きむら かおり").keys("ctrl+r")
	if h.m().ViewName() != "person" || h.m().Form().Value("reading") != "きむら かおり" {
		t.Fatalf("ctrl+r in the directory: %s %q", h.m().ViewName(), h.m().Form().Value("reading"))
	}
	h.typ("木村 香織").keys("ctrl+s")
	if h.m().ViewName() != "person" || !strings.Contains(h.view(), "同じ氏名・ふりがなの方") {
		t.Fatalf("duplicate accepted:\n%s", h.view())
	}
	h.keys("ctrl+u").typ("木村 薫").keys("ctrl+s")
	if h.m().ViewName() != "detail" || !strings.Contains(h.status, "木村 薫さんを名簿に登録しました") {
		t.Fatalf("not saved: %s %q", h.m().ViewName(), h.status)
	}
	p := person(t, s, "木村 薫")
	if p.Reading != "きむら かおり" || !p.HasRole(model.RoleMember) {
		t.Errorf("saved %+v", p)
	}
	if _, in := openVisit(t, s, p.ID); in {
		t.Error("a directory registration checked them in")
	}
	if got, _ := h.m().Detail(); got.ID != p.ID {
		t.Errorf("detail shows %+v", got)
	}
}

// Erasure from the person's page asks first; n writes nothing, y erases and says what stays.
func TestForgetFromPersonPage(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	sakura := person(t, s, "伊藤 さくら")
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.keys("ctrl+e").typ("itou sakura").keys("enter", "X")
	if v := h.view(); !strings.Contains(v, "個人情報を削除しますか") {
		t.Fatalf("no confirmation:\n%s", v)
	}
	h.keys("n")
	if p, _ := s.Person(sakura.ID); p.Forgotten || p.Name != "伊藤 さくら" {
		t.Fatalf("n erased: %+v", p)
	}
	h.keys("X", "y")
	p, err := s.Person(sakura.ID)
	mustNoErr(t, err)
	if !p.Forgotten || p.Name != "" || p.Reading != "" {
		t.Fatalf("not erased: %+v", p)
	}
	if h.isErr || !strings.Contains(h.status, "古いバックアップには残っています") || !strings.Contains(h.status, "compact") {
		t.Fatalf("status %q", h.status)
	}
	if v := h.view(); strings.Contains(v, "（）") || !strings.Contains(v, "削除済み") {
		t.Fatalf("erased page:\n%s", v)
	}
	h.keys("n")
	if h.m().ViewName() != "detail" {
		t.Fatalf("n on an erased person opened %s", h.m().ViewName())
	}
}

// A walk-in with the name of someone registered under another reading (a shortened one, most
// often) is asked about first; ctrl+s again registers a namesake.
func TestWalkInNamesakeAsksFirst(t *testing.T) {
	clk := &clock{t: tuitest.Now}
	s := openDemo(t, clk)
	before, _ := s.People()
	h := newScreen(t, s, clk, model.JA, 80, 20)
	h.typ("nakamura").keys("ctrl+r")
	h.typ("中村 優子").keys("ctrl+s")
	if v := h.view(); h.m().ViewName() != "walkin" || !strings.Contains(v, "同じ名前の 中村 優子") {
		t.Fatalf("a namesake was registered without asking:\n%s", v)
	}
	if after, _ := s.People(); len(after) != len(before) {
		t.Fatal("the first ctrl+s wrote a person")
	}
	// leaving the form forgets the answer: the next walk-in of that name is asked again
	h.keys("esc", "esc").typ("nakamura").keys("ctrl+r").typ("中村 優子").keys("ctrl+s")
	if v := h.view(); !strings.Contains(v, "同じ名前の 中村 優子") {
		t.Fatalf("a new walk-in form should ask again:\n%s", v)
	}
	if after, _ := s.People(); len(after) != len(before) {
		t.Fatal("registered without asking again")
	}
	h.keys("ctrl+s")
	if after, _ := s.People(); len(after) != len(before)+1 || h.m().ViewName() != "counter" {
		t.Fatalf("ctrl+s again should register the namesake: %d people, view %s", len(after), h.m().ViewName())
	}
}
