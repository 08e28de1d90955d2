package kids_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/home"
	"github.com/nagawaka/madoguchi/tui/kids"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// The demo day (tuitest.Now, Wednesday 2026-11-25 10:30): a 9:00-12:00 slot with 山田 陽翔,
// 高橋 芽依 and 田中 湊 in care and 強矢 大和 booked; a 12:30-15:30 slot of three (伊藤 凛,
// 佐々木 蓮, 渡辺 蒼) with 山田 結衣 waiting; yesterday's slot with a pick-up and a no-show;
// tomorrow's 9:30-12:30 and 13:00-16:00.

var today = model.DateOf(tuitest.Now)

// lineOf finds a child's booking on a day, straight from the store.
func lineOf(t *testing.T, s *store.Store, d model.Date, child string) (store.RosterLine, model.ChildcareSlot) {
	t.Helper()
	rs, err := s.SlotsOn(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		for _, l := range r.Bookings {
			if l.Child.Name == child && l.Booking.Status != model.BookingCancelled {
				return l, r.Slot
			}
		}
	}
	t.Fatalf("no booking of %s on %s", child, d)
	return store.RosterLine{}, model.ChildcareSlot{}
}

// moveTo puts the cursor on a child's row (or, with a span like "12:30-15:30", a slot's row).
func moveTo(t *testing.T, h harness, what string) harness {
	t.Helper()
	h = keys(t, h, slices.Repeat([]string{"up"}, h.screen().Row())...)
	for range 40 {
		l, sl, ok := h.screen().Selected()
		if (ok && l.Child.Name == what) || (!ok && sl.Span() == what) {
			return h
		}
		h = keys(t, h, "down")
	}
	t.Fatalf("no row %q in\n%s", what, h.view())
	return h
}

func audit(t *testing.T, s *store.Store, bookingID uint64) []model.AuditEntry {
	t.Helper()
	es, err := s.Audit(store.AuditFilter{Kind: model.KindBooking, Ref: fmt.Sprint(bookingID)})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func TestDayViewShowsTheDemoDay(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	v := h.view()
	mustContain(t, v, "キッズスペース", "令和8年11月25日（水）", "（今日）", "枠2  予約7  利用中3  空き待ち1",
		"9:00-12:00  定員6  予約4  空き待ち0  保育2人（必要2人）",
		"12:30-15:30 定員3  予約3  空き待ち1  保育2人（必要2人）",
		"山田 陽翔    1・2歳   山田 花子    利用中    9:10-",
		"！アレルギー: 卵アレルギー（加熱卵も不可）", "配慮: エピペンなし。おやつは持参",
		"強矢 大和    1・2歳   強矢 千春    予約", "山田 結衣    0歳      山田 花子    空き待ち1", "配慮: 午睡は11時ごろ")
	checkSize(t, v, 80, 20)
	// The waitlisted child is listed after the children with a place.
	if strings.Index(v, "山田 結衣") < strings.Index(v, "渡辺 蒼") {
		t.Errorf("the waitlist comes first:\n%s", v)
	}
	en := open(t, tuitest.OpenDemo(t), model.EN, 80, 20).view()
	mustContain(t, en, "Kids space", "Wed 25 Nov 2026", "cap 6  booked 4  waiting 0  caregivers 2 (need 2)", "in care", "waiting #1", "! Allergy: 卵アレルギー")
}

// TestShortSlotIsMarked: caregivers fewer than the ratio needs for the children booked, by age
// band on the day, marks the slot.
func TestShortSlotIsMarked(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	_, sl := lineOf(t, s, today, "山田 陽翔")
	sl.Caregivers = 1
	if _, err := s.UpdateSlot(sl); err != nil {
		t.Fatal(err)
	}
	v := open(t, s, model.JA, 80, 20).view()
	mustContain(t, v, "保育1人（必要2人） ！保育スタッフ不足", "！保育スタッフ不足の枠 1")
	if strings.Count(v, "保育スタッフ不足") != 2 {
		t.Errorf("only the short slot is marked:\n%s", v)
	}
}

func TestDayNavigation(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	h = keys(t, h, "right")
	if d := h.screen().Date(); d != today.AddDays(1) {
		t.Fatalf("right went to %s", d)
	}
	mustContain(t, h.view(), "2026-11-26", "9:30-12:30", "13:00-16:00", "予約0")
	if strings.Contains(h.view(), "（今日）") {
		t.Error("tomorrow is marked today")
	}
	h = keys(t, h, "left", "left")
	v := h.view()
	// yesterday: picked up by the grandmother, and a no-show
	mustContain(t, v, "2026-11-24", "お迎え済  9:35-12:20 山田 和子（祖母）", "佐々木 蓮    4歳以上  佐々木 美咲  無断欠席")
	h = keys(t, h, "t")
	if h.screen().Date() != today {
		t.Fatalf("t went to %s", h.screen().Date())
	}
	// g opens a one-field form; Enter never submits it, ctrl+s does.
	h = keys(t, h, "g")
	if !h.s.Capturing() || h.screen().Mode() != "form" {
		t.Fatal("g did not open the date form")
	}
	h = keys(t, h, slices.Repeat([]string{"backspace"}, 12)...)
	h = typeText(t, h, "１２／１")
	h = keys(t, h, "enter")
	if h.screen().Mode() != "form" {
		t.Fatal("enter submitted the date form")
	}
	h = keys(t, h, "ctrl+s")
	if h.screen().Date() != model.NewDate(2026, 12, 1) || h.screen().Mode() != "day" {
		t.Fatalf("jumped to %s (%s)", h.screen().Date(), h.screen().Mode())
	}
	mustContain(t, h.view(), "この日の枠はありません")
	// a bad date stays in the form with the reason under the field
	h = keys(t, h, "g", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	h = typeText(t, h, "2/30")
	h = keys(t, h, "ctrl+s")
	if h.screen().Mode() != "form" {
		t.Fatal("a bad date closed the form")
	}
	mustContain(t, h.view(), "2月30日はありません")
	h = keys(t, h, "esc")
	if h.screen().Mode() != "day" || h.screen().Date() != model.NewDate(2026, 12, 1) {
		t.Error("esc did not leave the form as it was")
	}
}

// TestBookIntoAFreeSlot: guardian -> child -> slot, on tomorrow.
func TestBookIntoAFreeSlot(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = keys(t, h, "right", "down", "down") // tomorrow, the 13:00 slot
	h = keys(t, h, "b")
	if h.screen().Mode() != "guardian" || !h.s.Capturing() {
		t.Fatalf("b opened %s", h.screen().Mode())
	}
	h = typeText(t, h, "sasaki") // romaji finds 佐々木 美咲
	mustContain(t, h.view(), "予約 1/3: 保護者を探す", "佐々木 美咲")
	h = keys(t, h, "enter")
	if h.screen().Mode() != "child" {
		t.Fatalf("enter on a guardian opened %s:\n%s", h.screen().Mode(), h.view())
	}
	mustContain(t, h.view(), "予約 2/3: 子どもを選ぶ", "佐々木 蓮", "お迎え: 佐々木 健（父）")
	h = keys(t, h, "enter")
	v := h.view()
	mustContain(t, v, "予約 3/3: 枠を選ぶ", "佐々木 蓮（4歳以上）", "9:30-12:30", "13:00-16:00", "予約できます")
	// the cursor starts on the slot the day view had highlighted
	if !strings.Contains(v, "> 13:00-16:00") {
		t.Errorf("slot cursor not on the highlighted slot:\n%s", v)
	}
	h = keys(t, h, "enter")
	if h.screen().Mode() != "day" {
		t.Fatalf("after booking: %s", h.screen().Mode())
	}
	if !strings.Contains(h.lastStatus(), "予約しました: 佐々木 蓮 2026-11-26 13:00-16:00") {
		t.Errorf("status %q", h.lastStatus())
	}
	l, sl := lineOf(t, s, today.AddDays(1), "佐々木 蓮")
	if l.Booking.Status != model.BookingBooked || sl.Span() != "13:00-16:00" || l.Booking.BookedBy != l.Guardian.ID {
		t.Errorf("stored %+v in %s", l.Booking, sl.Span())
	}
	if got, _, _ := h.screen().Selected(); got.Booking.ID != l.Booking.ID {
		t.Error("the new booking is not highlighted")
	}
	mustContain(t, h.view(), "佐々木 蓮    4歳以上  佐々木 美咲  予約")
}

// TestBookFullSlotOffersTheWaitlist: the 12:30 slot is full; the screen offers the waitlist with
// the position, and y puts the child on it.
func TestBookFullSlotOffersTheWaitlist(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = moveTo(t, h, "12:30-15:30")
	h = keys(t, h, "b")
	h = typeText(t, h, "たなか")
	h = keys(t, h, "enter", "enter")
	mustContain(t, h.view(), "空き待ち2番目（定員3人に達しています）")
	h = keys(t, h, "enter")
	if got := h.screen().Asking(); !strings.Contains(got, "定員3人に達しています。空き待ち2番目で登録できます。空き待ちに登録しますか？") {
		t.Fatalf("asking %q", got)
	}
	if rs, _ := s.SlotsOn(today); rs[1].Load().Waitlisted != 1 {
		t.Fatal("something was written before the answer")
	}
	// n keeps the slot list open; asking again and y waitlists.
	h = keys(t, h, "n")
	if h.screen().Mode() != "slot" || h.screen().Asking() != "" {
		t.Fatalf("n: %s %q", h.screen().Mode(), h.screen().Asking())
	}
	h = keys(t, h, "enter", "y")
	if !strings.Contains(h.lastStatus(), "空き待ち2番目で登録しました: 田中 湊") {
		t.Errorf("status %q", h.lastStatus())
	}
	rs, _ := s.SlotsOn(today)
	if l := rs[1].Bookings[len(rs[1].Bookings)-1]; l.Child.Name != "田中 湊" || l.Booking.Status != model.BookingWaitlisted {
		t.Errorf("stored %+v", l)
	}
	mustContain(t, h.view(), "田中 湊      3歳      田中 由美    空き待ち2")
}

// TestBookOverlapRefused: a child in the morning slot cannot be booked into it again; the slot
// list says so and the store's refusal reaches the screen.
func TestBookOverlapRefused(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = keys(t, h, "b")
	h = typeText(t, h, "高橋")
	h = keys(t, h, "enter", "enter")
	mustContain(t, h.view(), "この枠は予約済み（利用中）")
	h = keys(t, h, "enter")
	if len(h.errs) != 1 || !errors.Is(h.errs[0], model.ErrConflict) {
		t.Fatalf("errors %v", h.errs)
	}
	mustContain(t, h.view(), "高橋 芽依ちゃんは同じ時間帯（9:00-12:00）にすでに予約があります")
	// esc walks back through the steps to the day
	h = keys(t, h, "esc", "esc", "esc")
	if h.screen().Mode() != "day" || h.s.Capturing() {
		t.Errorf("esc x3: %s", h.screen().Mode())
	}
}

// TestRegisterAChildWhileBooking: a guardian with no children registers one in the flow.
func TestRegisterAChildWhileBooking(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = keys(t, h, "right", "b")
	h = typeText(t, h, "きむら")
	h = keys(t, h, "enter")
	mustContain(t, h.view(), "木村 香織", "子どもが登録されていません。a で登録できます")
	h = keys(t, h, "a")
	h = keys(t, h, "ctrl+s")
	mustContain(t, h.view(), "氏名を入力してください")
	h = typeText(t, h, "木村 ひなた")
	h = keys(t, h, "tab")
	h = typeText(t, h, "きむら ひなた")
	h = keys(t, h, "tab")
	h = typeText(t, h, "2023-05-05")
	h = keys(t, h, "tab")
	h = typeText(t, h, "えびアレルギー")
	h = keys(t, h, "tab", "tab")
	h = typeText(t, h, "木村 正（父）")
	h = keys(t, h, "ctrl+s")
	if h.screen().Mode() != "child" {
		t.Fatalf("after saving the child: %s\n%s", h.screen().Mode(), h.view())
	}
	mustContain(t, h.view(), "> 木村 ひなた", "3歳", "お迎え: 木村 正（父）", "！アレルギー: えびアレルギー")
	h = keys(t, h, "enter", "enter")
	l, _ := lineOf(t, s, today.AddDays(1), "木村 ひなた")
	if l.Booking.Status != model.BookingBooked || l.Child.Pickups[0] != (model.PickupPerson{Name: "木村 正", Relation: "父"}) {
		t.Errorf("stored %+v %+v", l.Booking, l.Child)
	}
}

func TestRegisterChildRefusesBadPickups(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = keys(t, h, "b")
	h = typeText(t, h, "きむら")
	h = keys(t, h, "enter", "a")
	h = typeText(t, h, "木村 ひなた")
	h = keys(t, h, "tab")
	h = typeText(t, h, "きむら ひなた")
	h = keys(t, h, "tab")
	h = typeText(t, h, "2030-01-01")
	h = keys(t, h, "tab", "tab", "tab")
	h = typeText(t, h, "木村 正")
	h = keys(t, h, "ctrl+s")
	mustContain(t, h.view(), "生年月日が未来の日付です", "「氏名（続柄）」を、で区切って入力してください")
	if cs, _ := s.ChildrenOf(lineOfGuardian(t, s, "木村 香織")); len(cs) != 0 {
		t.Errorf("a rejected form wrote %+v", cs)
	}
}

func lineOfGuardian(t *testing.T, s *store.Store, name string) uint64 {
	t.Helper()
	ps, _ := s.People()
	for _, p := range ps {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("no %s", name)
	return 0
}

// TestCancelShowsWhoWasPromoted: cancelling a place in the full slot promotes the first waiting
// child, and staff see who.
func TestCancelShowsWhoWasPromoted(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = moveTo(t, h, "渡辺 蒼")
	h = keys(t, h, "c")
	if !strings.Contains(h.screen().Asking(), "渡辺 蒼 の予約（2026-11-25 12:30-15:30）を取り消しますか？") {
		t.Fatalf("asking %q", h.screen().Asking())
	}
	mustContain(t, h.view(), "y: はい    n: いいえ")
	h = keys(t, h, "y")
	if got := h.lastStatus(); got != "予約を取り消しました。空き待ちから繰り上げ: 山田 結衣" {
		t.Errorf("status %q", got)
	}
	if l, _ := lineOf(t, s, today, "山田 結衣"); l.Booking.Status != model.BookingBooked {
		t.Errorf("山田 結衣 is %s", l.Booking.Status)
	}
	v := h.view()
	if strings.Contains(v, "渡辺 蒼") {
		t.Errorf("a cancelled booking is still listed:\n%s", v)
	}
	mustContain(t, v, "山田 結衣    0歳      山田 花子    予約", "予約3  空き待ち0")
	if !slices.Contains(h.changed, model.KindBooking) {
		t.Error("no DataChangedMsg for ホーム")
	}
}

// TestDropOffOffersToCheckInTheGuardian: 強矢 千春 is not checked in; after the drop-off the
// screen offers to check her in.
func TestDropOffOffersToCheckInTheGuardian(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = moveTo(t, h, "強矢 大和")
	h = keys(t, h, "d")
	if !strings.Contains(h.lastStatus(), "お預かりしました: 強矢 大和 10:30") {
		t.Errorf("status %q", h.lastStatus())
	}
	l, _ := lineOf(t, s, today, "強矢 大和")
	if l.Booking.Status != model.BookingDroppedOff || !l.Booking.DroppedOff.Equal(tuitest.Now) {
		t.Errorf("stored %+v", l.Booking)
	}
	if got := h.screen().Asking(); !strings.Contains(got, "保護者の 強矢 千春さんはチェックインしていません") {
		t.Fatalf("asking %q", got)
	}
	mustContain(t, h.view(), "強矢 大和    1・2歳   強矢 千春    利用中    10:30-")
	h = keys(t, h, "y")
	if !strings.Contains(h.lastStatus(), "強矢 千春さんをチェックインしました") {
		t.Errorf("status %q", h.lastStatus())
	}
	if in, _ := s.GuardianIn(l.Guardian.ID); !in {
		t.Error("the guardian was not checked in")
	}
	if !slices.Contains(h.changed, model.KindVisit) {
		t.Error("no DataChangedMsg for the check-in")
	}
	// A guardian already in is not asked about.
	if _, err := s.CheckIn(lineOfGuardian(t, s, "伊藤 さくら"), model.PurposeCourse); err != nil {
		t.Fatal(err)
	}
	h = moveTo(t, h, "伊藤 凛")
	h = keys(t, h, "d")
	if h.screen().Asking() != "" {
		t.Errorf("asked %q for a guardian who is in", h.screen().Asking())
	}
	// n on the offer leaves the guardian out
	h = moveTo(t, h, "佐々木 蓮")
	h = keys(t, h, "d", "n")
	if in, _ := s.GuardianIn(lineOfGuardian(t, s, "佐々木 美咲")); in {
		t.Error("n checked the guardian in")
	}
}

// TestPickUpByAnAuthorisedPerson: the choices are the guardian and the authorised people.
func TestPickUpByAnAuthorisedPerson(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = moveTo(t, h, "山田 陽翔")
	h = keys(t, h, "p")
	if h.screen().Mode() != "pickup" {
		t.Fatalf("p opened %s", h.screen().Mode())
	}
	v := h.view()
	mustContain(t, v, "お迎え: 山田 陽翔（1・2歳）  9:00-12:00  お預かり 9:10", "！アレルギー: 卵アレルギー",
		"保護者: 山田 花子（在館中）", "どなたがお迎えに来ましたか？", "> 山田 花子（保護者）", "  山田 和子（祖母）", "その他の方（理由を記録して引き渡す）")
	h = keys(t, h, "down", "enter")
	if h.screen().Mode() != "day" {
		t.Fatalf("after pick-up: %s %v", h.screen().Mode(), h.errs)
	}
	l, _ := lineOf(t, s, today, "山田 陽翔")
	if l.Booking.Status != model.BookingPickedUp || *l.Booking.CollectedBy != (model.Collector{Name: "山田 和子", Relation: "祖母"}) {
		t.Errorf("stored %+v by %+v", l.Booking, l.Booking.CollectedBy)
	}
	if h.lastStatus() != "お迎え済 10:30: 山田 陽翔 を 山田 和子（祖母）へ" {
		t.Errorf("status %q", h.lastStatus())
	}
	mustContain(t, h.view(), "山田 陽翔    1・2歳   山田 花子    お迎え済  9:10-10:30 山田 和子（祖母）")
	if es := audit(t, s, l.Booking.ID); es[0].Action != "pick_up" {
		t.Errorf("audit %+v", es[0])
	}
	// esc leaves the pick-up without recording anything
	h = moveTo(t, h, "田中 湊")
	h = keys(t, h, "p", "esc")
	if l, _ := lineOf(t, s, today, "田中 湊"); l.Booking.Status != model.BookingDroppedOff || h.screen().Mode() != "day" {
		t.Errorf("esc: %s, %s", l.Booking.Status, h.screen().Mode())
	}
}

// TestPickUpOverride: anyone else needs a name, relation and reason, written to the audit log.
func TestPickUpOverride(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	s.SetStaff("佐藤 由美") // the root does this when staff sign in
	h := open(t, s, model.JA, 80, 20)
	h = moveTo(t, h, "田中 湊")
	h = keys(t, h, "p")
	mustContain(t, h.view(), "田中 誠（父）", "田中 節子（祖母）")
	h = keys(t, h, "down", "down", "down", "enter")
	if h.screen().Mode() != "form" {
		t.Fatalf("その他 opened %s", h.screen().Mode())
	}
	mustContain(t, h.view(), "田中 湊 を登録されていない方に引き渡す", "お迎え可能者: 田中 誠（父）、田中 節子（祖母）")
	// Enter moves between fields and never hands the child over.
	h = typeText(t, h, "鈴木 一郎")
	h = keys(t, h, "enter", "enter", "enter")
	h = keys(t, h, "ctrl+s")
	mustContain(t, h.view(), "例外として引き渡す理由を入力してください")
	if l, _ := lineOf(t, s, today, "田中 湊"); l.Booking.Status != model.BookingDroppedOff {
		t.Fatal("handed over without a reason")
	}
	// the error put the focus on the reason
	h = typeText(t, h, "母から電話で依頼")
	h = keys(t, h, "shift+tab")
	h = typeText(t, h, "近所の方")
	h = keys(t, h, "ctrl+s")
	if h.screen().Mode() != "day" {
		t.Fatalf("after override: %s\n%s", h.screen().Mode(), h.view())
	}
	l, _ := lineOf(t, s, today, "田中 湊")
	want := model.Collector{Name: "鈴木 一郎", Relation: "近所の方", Override: true, Reason: "母から電話で依頼"}
	if l.Booking.Status != model.BookingPickedUp || *l.Booking.CollectedBy != want {
		t.Errorf("stored %+v by %+v", l.Booking, l.Booking.CollectedBy)
	}
	es := audit(t, s, l.Booking.ID)
	if es[0].Action != "pick_up_override" || !strings.Contains(es[0].After, "理由: 母から電話で依頼") || es[0].Staff != "佐藤 由美" {
		t.Errorf("audit %+v", es[0])
	}
	mustContain(t, h.view(), "お迎え済  9:20-10:30 ！例外", "！例外の引き渡し: 鈴木 一郎（近所の方） 理由: 母から電話で依頼")
	if h.lastStatus() != "お迎え済 10:30: 田中 湊 を 鈴木 一郎（近所の方）へ（例外・履歴に記録）" {
		t.Errorf("status %q", h.lastStatus())
	}
}

// TestOverrideFormAcceptsAnAuthorisedName: typing a registered person's name in the override
// form records them as authorised, without an override.
func TestOverrideFormAcceptsAnAuthorisedName(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = moveTo(t, h, "田中 湊")
	h = keys(t, h, "p", "up", "up", "down", "down", "down", "enter")
	h = typeText(t, h, "田中節子")
	h = keys(t, h, "tab", "tab")
	h = typeText(t, h, "念のため")
	h = keys(t, h, "ctrl+s")
	l, _ := lineOf(t, s, today, "田中 湊")
	if l.Booking.CollectedBy == nil || *l.Booking.CollectedBy != (model.Collector{Name: "田中 節子", Relation: "祖母"}) {
		t.Errorf("collected by %+v", l.Booking.CollectedBy)
	}
}

func TestNoShowAndUndo(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = moveTo(t, h, "強矢 大和")
	h = keys(t, h, "n")
	if !strings.Contains(h.screen().Asking(), "強矢 大和 を無断欠席にしますか？") {
		t.Fatalf("asking %q", h.screen().Asking())
	}
	h = keys(t, h, "y")
	mustContain(t, h.view(), "強矢 大和    1・2歳   強矢 千春    無断欠席")
	if l, _ := lineOf(t, s, today, "強矢 大和"); l.Booking.Status != model.BookingNoShow {
		t.Fatalf("stored %s", l.Booking.Status)
	}
	// u puts it back (the place is still free)
	h = moveTo(t, h, "強矢 大和")
	h = keys(t, h, "u", "y")
	if l, _ := lineOf(t, s, today, "強矢 大和"); l.Booking.Status != model.BookingBooked {
		t.Errorf("after undo: %s (%v)", l.Booking.Status, h.errs)
	}
	// a drop-off pressed by mistake goes back too
	h = moveTo(t, h, "田中 湊")
	h = keys(t, h, "u", "y")
	if l, _ := lineOf(t, s, today, "田中 湊"); l.Booking.Status != model.BookingBooked || !l.Booking.DroppedOff.IsZero() {
		t.Errorf("after undoing a drop-off: %+v", l.Booking)
	}
	if !strings.Contains(h.lastStatus(), "予約に戻しました: 田中 湊") {
		t.Errorf("status %q", h.lastStatus())
	}
}

// TestNoShowPromotesAndSaysWho: at 13:00, after the full afternoon slot starts, a no-show frees
// the place for the waiting child, and staff see who. Before the slot starts, it is refused.
func TestNoShowPromotesAndSaysWho(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = moveTo(t, h, "伊藤 凛")
	h = keys(t, h, "n")
	if h.screen().Asking() != "" {
		t.Errorf("asked %q before the slot starts", h.screen().Asking())
	}
	mustContain(t, h.view(), "枠が始まる前は無断欠席にできません。取消にしてください")
	later := model.FixedClock{T: tuitest.Now.Add(150 * time.Minute)}
	s2, err := store.Open(reopen(t, s), store.Options{Clock: later})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s2.Close() })
	h = openAt(t, s2, model.JA, 80, 20, later)
	h = moveTo(t, h, "伊藤 凛")
	h = keys(t, h, "n", "y")
	if got := h.lastStatus(); got != "無断欠席にしました: 伊藤 凛。空き待ちから繰り上げ: 山田 結衣" {
		t.Errorf("status %q (%v)", got, h.errs)
	}
	mustContain(t, h.view(), "伊藤 凛      4歳以上  伊藤 さくら  無断欠席", "山田 結衣    0歳      山田 花子    予約")
}

// reopen closes s and returns its path, to open it again with another clock.
func reopen(t *testing.T, s *store.Store) string {
	t.Helper()
	p := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGotoPickupOpensTheBooking: the check-in screen sends a PickupPayload when a guardian
// checks out with a child in care; the kids screen jumps to that day and opens the pick-up.
func TestGotoPickupOpensTheBooking(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	l, _ := lineOf(t, s, today, "高橋 芽依")
	h := open(t, s, model.JA, 80, 20)
	h = keys(t, h, "right", "right") // somewhere else
	h = send(t, h, common.GotoMsg{Tab: 2, Payload: common.PickupPayload{BookingID: l.Booking.ID}})
	if h.screen().Date() != today || h.screen().Mode() != "pickup" {
		t.Fatalf("goto: %s %s", h.screen().Date(), h.screen().Mode())
	}
	mustContain(t, h.view(), "お迎え: 高橋 芽依", "保護者: 高橋 恵子（在館中）", "> 高橋 恵子（保護者）")
	h = keys(t, h, "enter")
	if got, _ := lineOf(t, s, today, "高橋 芽依"); got.Booking.Status != model.BookingPickedUp || got.Booking.CollectedBy.Relation != "保護者" {
		t.Errorf("stored %+v", got.Booking)
	}
	if sel, _, ok := h.screen().Selected(); !ok || sel.Booking.ID != l.Booking.ID {
		t.Error("the booking is not highlighted after the pick-up")
	}
	// A booking not in care says so instead of opening the pick-up.
	b, _ := lineOf(t, s, today, "強矢 大和")
	h = send(t, h, common.GotoMsg{Tab: 2, Payload: common.PickupPayload{BookingID: b.Booking.ID}})
	if h.screen().Mode() != "day" || !strings.Contains(h.lastStatus(), "強矢 大和 は「予約」です") {
		t.Errorf("goto a booked child: %s %q", h.screen().Mode(), h.lastStatus())
	}
	// An unknown booking is an error.
	h = send(t, h, common.GotoMsg{Tab: 2, Payload: common.PickupPayload{BookingID: 9999}})
	if len(h.errs) == 0 || !errors.Is(h.errs[len(h.errs)-1], model.ErrNotFound) {
		t.Errorf("errors %v", h.errs)
	}
}

// TestEditCaregiversPromotesAndShowsWho: more caregivers on duty re-check the ratio at once.
func TestEditCaregiversPromotesAndShowsWho(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	tomorrow := today.AddDays(1)
	sl, err := s.CreateSlot(model.ChildcareSlot{Date: tomorrow, Start: 17 * 60, End: 18 * 60, Capacity: 6, Caregivers: 1})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := lineOf(t, s, today, "伊藤 凛")
	if b, err := s.Book(sl.ID, l.Child.ID, l.Guardian.ID, true); err != nil || b.Status != model.BookingWaitlisted {
		t.Fatalf("setup: %+v %v", b, err)
	}
	h := open(t, s, model.JA, 80, 20)
	h = keys(t, h, "right")
	h = moveTo(t, h, "17:00-18:00")
	mustContain(t, h.view(), "17:00-18:00 定員6  予約0  空き待ち1  保育1人（必要0人）")
	h = keys(t, h, "e")
	mustContain(t, h.view(), "枠を編集: 2026-11-26 17:00-18:00", "保育比率: スタッフ1人に 0歳3人・1・2歳6人・3歳20人・4歳以上30人、最低2人")
	h = keys(t, h, "tab", "tab", "tab", "tab", "backspace")
	h = typeText(t, h, "2")
	h = keys(t, h, "ctrl+s")
	if got := h.lastStatus(); got != "枠を保存しました: 2026-11-26 17:00-18:00。空き待ちから繰り上げ: 伊藤 凛" {
		t.Errorf("status %q (%v)", got, h.errs)
	}
	mustContain(t, h.view(), "17:00-18:00 定員6  予約1  空き待ち0  保育2人（必要2人）", "伊藤 凛      4歳以上  伊藤 さくら  予約")
	// Capacity below the children booked is refused beside the field; nothing changes.
	h = moveTo(t, h, "17:00-18:00")
	h = keys(t, h, "e", "tab", "tab", "tab", "backspace")
	h = typeText(t, h, "0")
	h = keys(t, h, "ctrl+s")
	mustContain(t, h.view(), "定員は1〜100人で入力してください")
	if h.screen().Mode() != "form" {
		t.Error("the form closed on an error")
	}
}

func TestAddAndDeleteSlot(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = keys(t, h, "g")
	h = keys(t, h, slices.Repeat([]string{"backspace"}, 12)...)
	h = typeText(t, h, "2026-12-07")
	h = keys(t, h, "ctrl+s", "a")
	mustContain(t, h.view(), "枠を追加", "2026-12-07", "9:30", "12:30")
	// a bad number is refused beside its field, and nothing is written
	h = keys(t, h, "tab", "tab", "tab", "backspace")
	h = typeText(t, h, "ろく")
	h = keys(t, h, "ctrl+s")
	mustContain(t, h.view(), "定員は数字で入力してください")
	if rs, _ := s.SlotsOn(model.NewDate(2026, 12, 7)); len(rs) != 0 {
		t.Fatal("a rejected form wrote a slot")
	}
	h = keys(t, h, "backspace", "backspace")
	h = typeText(t, h, "8")
	h = keys(t, h, "tab", "tab")
	h = typeText(t, h, "クリスマス会")
	h = keys(t, h, "ctrl+s")
	rs, _ := s.SlotsOn(model.NewDate(2026, 12, 7))
	if len(rs) != 1 || rs[0].Slot.Capacity != 8 || rs[0].Slot.Note != "クリスマス会" {
		t.Fatalf("stored %+v", rs)
	}
	mustContain(t, h.view(), "9:30-12:30  定員8  予約0", "クリスマス会")
	h = keys(t, h, "x")
	if !strings.Contains(h.screen().Asking(), "2026-12-07 9:30-12:30 の枠を削除しますか？") {
		t.Fatalf("asking %q", h.screen().Asking())
	}
	h = keys(t, h, "y")
	if rs, _ := s.SlotsOn(model.NewDate(2026, 12, 7)); len(rs) != 0 {
		t.Errorf("not deleted: %+v", rs)
	}
	// a slot with bookings: x says so at once, without asking first
	h = keys(t, h, "t")
	h = moveTo(t, h, "12:30-15:30")
	h = keys(t, h, "x")
	if got := h.screen().Asking(); got != "" {
		t.Errorf("asked %q about a slot with bookings", got)
	}
	mustContain(t, h.view(), "予約が4件ある枠は削除できません。先に予約を取り消してください")
	h = keys(t, h, "y")
	if rs, _ := s.SlotsOn(today); len(rs) != 2 || len(h.errs) != 0 {
		t.Errorf("a slot with bookings was deleted (%v)", h.errs)
	}
	// on a child's row x speaks of the child's slot; one with a record of care is kept
	h = moveTo(t, h, "山田 陽翔")
	h = keys(t, h, "x")
	if h.screen().Asking() != "" {
		t.Error("asked about a slot with children in care")
	}
	mustContain(t, h.view(), "予約が4件ある枠は削除できません（利用の記録がある枠は残します）")
	checkSize(t, h.view(), 80, 20)
	en := open(t, s, model.EN, 80, 20)
	en = keys(t, moveTo(t, en, "12:30-15:30"), "x")
	mustContain(t, en.view(), "The slot has 4 bookings; cancel them first to delete it")
	// The store stays the last guard: a booking made between the question and the answer
	// keeps the slot.
	h = keys(t, h, "right")
	h = moveTo(t, h, "9:30-12:30")
	h = keys(t, h, "x")
	if h.screen().Asking() == "" {
		t.Fatal("no question for an empty slot")
	}
	l, _ := lineOf(t, s, today, "強矢 大和")
	_, sl, _ := h.screen().Selected()
	if _, err := s.Book(sl.ID, l.Child.ID, l.Guardian.ID, false); err != nil {
		t.Fatal(err)
	}
	h = keys(t, h, "y")
	if len(h.errs) != 1 || !errors.Is(h.errs[0], model.ErrConflict) {
		t.Errorf("errors %v", h.errs)
	}
	if rs, _ := s.SlotsOn(today.AddDays(1)); len(rs) != 2 {
		t.Errorf("a slot booked meanwhile was deleted: %+v", rs)
	}
}

// TestWeeklyTemplate makes a month of slots and, run again, makes no duplicates.
func TestWeeklyTemplate(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 80, 20)
	h = keys(t, h, "g")
	h = keys(t, h, slices.Repeat([]string{"backspace"}, 12)...)
	h = typeText(t, h, "12/1")
	h = keys(t, h, "ctrl+s", "w")
	mustContain(t, h.view(), "週間テンプレートから枠を作成", "2026-12-01", "2026-12-31", "月火水木金", "9:30-12:30, 13:00-16:00")
	h = keys(t, h, "ctrl+s")
	if got := h.lastStatus(); got != "46枠を作成しました" {
		t.Errorf("status %q (%v)", got, h.errs)
	}
	mustContain(t, h.view(), "9:30-12:30  定員6  予約0  空き待ち0  保育2人（必要0人）", "13:00-16:00 定員6")
	if rs, _ := s.SlotsOn(model.NewDate(2026, 12, 5)); len(rs) != 0 {
		t.Error("a Saturday got slots")
	}
	h = keys(t, h, "w", "ctrl+s")
	if got := h.lastStatus(); got != "0枠を作成しました（同じ時間の枠がすでにある46件は作りませんでした）" {
		t.Errorf("second run: %q", got)
	}
	// A bad template says why under the field and writes nothing.
	h = keys(t, h, "w", "tab", "tab", "tab")
	h = keys(t, h, slices.Repeat([]string{"backspace"}, 30)...)
	h = typeText(t, h, "午前")
	h = keys(t, h, "ctrl+s")
	mustContain(t, h.view(), "時間帯は「9:30-12:30, 13:00-16:00」の形で入力してください")
	if h.screen().Mode() != "form" {
		t.Error("the form closed on an error")
	}
}

// TestKeysFollowTheRow: keys that do not apply are disabled, so they vanish from the help bar.
func TestKeysFollowTheRow(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	enabled := func(h harness) []string {
		var out []string
		for _, b := range h.s.Keys().ShortHelp() {
			if b.Enabled() {
				out = append(out, b.Help().Key)
			}
		}
		return out
	}
	// x only on a slot nobody is booked in
	if got := enabled(h); !slices.Equal(got, []string{"b", "e", "a", "w", "left", "right", "g"}) {
		t.Errorf("slot row: %v", got)
	}
	if got := enabled(keys(t, h, "right")); !slices.Equal(got, []string{"b", "e", "a", "w", "x", "left", "right", "g"}) {
		t.Errorf("empty slot row: %v", got)
	}
	h = moveTo(t, h, "山田 陽翔") // in care
	if got := enabled(h); !slices.Equal(got, []string{"p", "u", "b", "left", "right"}) {
		t.Errorf("in care: %v", got)
	}
	h = moveTo(t, h, "強矢 大和") // booked
	if got := enabled(h); !slices.Equal(got, []string{"d", "c", "n", "b", "left", "right"}) {
		t.Errorf("booked: %v", got)
	}
	h = moveTo(t, h, "山田 結衣") // waitlisted
	if got := enabled(h); !slices.Equal(got, []string{"c", "b", "left", "right"}) {
		t.Errorf("waitlisted: %v", got)
	}
	// a disabled key does nothing: d on a waitlisted child
	h = keys(t, h, "d", "p")
	if l, _, _ := h.screen().Selected(); l.Booking.Status != model.BookingWaitlisted || h.screen().Mode() != "day" {
		t.Error("a disabled key acted")
	}
	// in a step, only that step's keys; in a question, y and n
	h = keys(t, h, "c")
	if got := enabled(h); !slices.Equal(got, []string{"y", "n/esc"}) {
		t.Errorf("question: %v", got)
	}
	h = keys(t, h, "n", "b")
	if got := enabled(h); !slices.Equal(got, []string{"enter", "up", "down", "esc"}) {
		t.Errorf("guardian step: %v", got)
	}
	var full []key.Binding
	for _, g := range kids.DefaultKeyMap(model.EN).FullHelp() {
		full = append(full, g...)
	}
	if len(full) != 17 {
		t.Errorf("full help has %d keys", len(full))
	}
}

// TestFullHelpListsEveryKey: ? lists every key the day view takes on any row. The root's full
// help leaves disabled keys out, so the keys that do not apply to the highlighted row come
// enabled, last, saying which rows they work on.
func TestFullHelpListsEveryKey(t *testing.T) {
	t.Parallel()
	all := []string{"up", "down", "left", "right", "t", "g", "b", "d", "p", "c", "n", "u", "a", "e", "x", "w", "r"}
	full := func(h harness) (keys []string, desc map[string]string) {
		desc = map[string]string{}
		for _, g := range h.s.Keys().FullHelp() {
			for _, b := range g {
				if !b.Enabled() {
					t.Errorf("%s is disabled in the full help, so the root leaves it out", b.Help().Key)
				}
				keys = append(keys, b.Help().Key)
				desc[b.Help().Key] = b.Help().Desc
			}
		}
		slices.Sort(keys)
		return keys, desc
	}
	want := slices.Sorted(slices.Values(all))
	check := func(h harness, row string, elsewhere map[string]string) {
		t.Helper()
		got, desc := full(h)
		if !slices.Equal(got, want) {
			t.Errorf("%s: full help %v, want %v", row, got, want)
		}
		for k, d := range elsewhere {
			if desc[k] != d {
				t.Errorf("%s: %s is %q, want %q", row, k, desc[k], d)
			}
		}
		// the keys for the row itself are plain
		for _, b := range h.s.Keys().ShortHelp() {
			if b.Enabled() && desc[b.Help().Key] != b.Help().Desc {
				t.Errorf("%s: %s is %q in the full help, %q in the bar", row, b.Help().Key, desc[b.Help().Key], b.Help().Desc)
			}
		}
	}
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	check(h, "slot with bookings", map[string]string{"d": "お預かり（予約の子）", "p": "お迎え（利用中の子）", "x": "枠を削除（予約のない枠）"})
	h = moveTo(t, h, "山田 陽翔")
	check(h, "in care", map[string]string{"d": "お預かり（予約の子）", "c": "取消（予約・空き待ちの子）", "n": "無断欠席（予約の子）", "x": "枠を削除（予約のない枠）", "p": "お迎え"})
	h = moveTo(t, h, "強矢 大和")
	check(h, "booked", map[string]string{"p": "お迎え（利用中の子）", "u": "元に戻す（利用中・無断欠席の子）", "x": "枠を削除（予約のない枠）", "d": "お預かり"})
	h = keys(t, h, "g")
	h = keys(t, h, slices.Repeat([]string{"backspace"}, 12)...)
	h = typeText(t, h, "12/1")
	h = keys(t, h, "ctrl+s")
	check(h, "empty day", map[string]string{"e": "枠を編集（枠のある日）", "up": "上"})
	en := open(t, tuitest.OpenDemo(t), model.EN, 80, 20)
	en = moveTo(t, en, "強矢 大和")
	check(en, "booked (English)", map[string]string{"p": "pick-up (child in care)", "x": "delete slot (slot with no bookings)"})
}

// TestAllergyStaysOnTheHighlightedRow: the allergy and care notes keep their line, in the
// allergy style, when the child's row is highlighted (on the day list, in the booking steps
// and on the pick-up).
func TestAllergyStaysOnTheHighlightedRow(t *testing.T) {
	t.Parallel()
	allergyLine := func(t *testing.T, raw, after, note string) {
		t.Helper()
		lines := strings.Split(raw, "\n")
		for i, l := range lines {
			if strings.Contains(ansi.Strip(l), after) && i+1 < len(lines) {
				next := lines[i+1]
				if !strings.Contains(ansi.Strip(next), note) {
					t.Errorf("the line after %q is %q, want %q", after, ansi.Strip(next), note)
				}
				if !strings.Contains(next, "\x1b[") {
					t.Errorf("the note under %q is not styled: %q", after, next)
				}
				return
			}
		}
		t.Errorf("no line %q in\n%s", after, ansi.Strip(raw))
	}
	for _, size := range [][2]int{{80, 20}, {120, 36}} {
		h := open(t, tuitest.OpenDemo(t), model.JA, size[0], size[1])
		h = moveTo(t, h, "高橋 芽依")
		allergyLine(t, h.s.View(), "> ", "！アレルギー: 乳アレルギー  配慮: エピペンなし")
		h = moveTo(t, h, "山田 結衣")
		allergyLine(t, h.s.View(), "> ", "配慮: 午睡は11時ごろ")
		// not highlighted: the same
		allergyLine(t, h.s.View(), "高橋 芽依", "！アレルギー: 乳アレルギー")
	}
	h := open(t, tuitest.OpenDemo(t), model.EN, 80, 20)
	h = moveTo(t, h, "山田 陽翔")
	allergyLine(t, h.s.View(), "> ", "! Allergy: 卵アレルギー")
	h = keys(t, h, "b")
	h = typeText(t, h, "yamada")
	h = keys(t, h, "enter")
	allergyLine(t, h.s.View(), "> 山田 陽翔", "! Allergy: 卵アレルギー")
	h = keys(t, h, "esc", "esc", "p")
	mustContain(t, h.view(), "! Allergy: 卵アレルギー")
}

// TestCursorIsMeasuredInCells: the real cursor sits after Japanese text by display width.
func TestCursorIsMeasuredInCells(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	if h.s.Cursor() != nil {
		t.Error("a cursor in the day view")
	}
	h = keys(t, h, "b")
	h = typeText(t, h, "やまだ")
	c := h.s.Cursor()
	if c == nil || c.X != 7+6 || c.Y != 1 { // "検索 > " (7 cells) then "やまだ" (6)
		t.Errorf("picker cursor %+v, want x=13 y=1", c)
	}
	h = keys(t, h, "esc", "g")
	c = h.s.Cursor()
	// "> " + label "日付" (4) + " : " + "2026-11-25"
	if c == nil || c.X != 2+4+3+10 || c.Y != 2 {
		t.Errorf("form cursor %+v", c)
	}
}

// bigFamily books n children of one guardian (子00, 子01, …) into a slot two days ahead, each with
// an allergy note (えび00, …) when allergies is set: a day too long for the screen.
func bigFamily(t *testing.T, s *store.Store, n int, allergies bool) {
	t.Helper()
	sl, err := s.CreateSlot(model.ChildcareSlot{Date: today.AddDays(2), Start: 9 * 60, End: 12 * 60, Capacity: 30, Caregivers: 3})
	if err != nil {
		t.Fatal(err)
	}
	g, err := model.NewPerson(model.PersonInput{Name: "大家族 母", Reading: "おおかぞく はは"})
	if err != nil {
		t.Fatal(err)
	}
	g, _ = s.CreatePerson(g)
	for i := range n {
		in := model.ChildInput{GuardianID: g.ID, Name: fmt.Sprintf("子%02d", i), Reading: "こ", BirthDate: "2020-01-01"}
		if allergies {
			in.Allergies = fmt.Sprintf("えび%02d", i)
		}
		c, err := model.NewChild(in, today)
		if err != nil {
			t.Fatal(err)
		}
		c, _ = s.CreateChild(c)
		if _, err := s.Book(sl.ID, c.ID, g.ID, false); err != nil {
			t.Fatal(err)
		}
	}
}

// TestScrollKeepsTheCursorInView: a long day scrolls, with the rows above and below counted.
func TestScrollKeepsTheCursorInView(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	bigFamily(t, s, 20, false)
	h := open(t, s, model.JA, 80, 20)
	h = keys(t, h, "right", "right")
	v := h.view()
	mustContain(t, v, "子00", "...下に")
	checkSize(t, v, 80, 20)
	h = keys(t, h, slices.Repeat([]string{"down"}, 20)...)
	v = h.view()
	mustContain(t, v, "> ", "子19", "...上に")
	if strings.Contains(v, "子00") {
		t.Errorf("the top did not scroll away:\n%s", v)
	}
	checkSize(t, v, 80, 20)
	h = keys(t, h, slices.Repeat([]string{"up"}, 20)...)
	mustContain(t, h.view(), "> 9:00-12:00")
}

// TestScrollNeverSplitsAChildFromTheNote: scrolling a long day never shows an allergy note
// without its child's line above it, nor a child's line without the note under it.
func TestScrollNeverSplitsAChildFromTheNote(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	bigFamily(t, s, 12, true)
	h := open(t, s, model.JA, 80, 20)
	h = keys(t, h, "right", "right")
	for step := range 26 {
		v := h.view()
		ls := strings.Split(v, "\n")
		for i, l := range ls {
			for n := range 12 {
				child, note := fmt.Sprintf("子%02d ", n), fmt.Sprintf("アレルギー: えび%02d", n)
				if strings.Contains(l, note) && (i == 0 || !strings.Contains(ls[i-1], child)) {
					t.Fatalf("step %d: the note %q is not under its child:\n%s", step, note, v)
				}
				if strings.Contains(l, child) && (i+1 >= len(ls) || !strings.Contains(ls[i+1], note)) {
					t.Fatalf("step %d: %s has no note under it:\n%s", step, child, v)
				}
			}
		}
		checkSize(t, v, 80, 20)
		if !strings.Contains(v, "> ") {
			t.Fatalf("step %d: the cursor is out of view:\n%s", step, v)
		}
		if step < 13 {
			h = keys(t, h, "down")
		} else {
			h = keys(t, h, "up")
		}
	}
}

// TestLayoutByWidth: columns are as wide as the day's names need (by display width), the list
// takes the room it needs beside the panel, the English slot list is not cut, and English uses
// ASCII brackets.
func TestLayoutByWidth(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	g, err := model.NewPerson(model.PersonInput{Name: "長谷川 真由美子", Reading: "はせがわ まゆみこ"})
	if err != nil {
		t.Fatal(err)
	}
	g, _ = s.CreatePerson(g)
	c, err := model.NewChild(model.ChildInput{GuardianID: g.ID, Name: "長谷川 ひなの", Reading: "はせがわ ひなの", BirthDate: "2022-06-01",
		Pickups: []model.PickupPerson{{Name: "長谷川 久美子", Relation: "祖母"}}}, today)
	if err != nil {
		t.Fatal(err)
	}
	c, _ = s.CreateChild(c)
	_, sl := lineOf(t, s, today, "山田 陽翔")
	b, err := s.Book(sl.ID, c.ID, g.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DropOff(b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PickUp(b.ID, model.Collector{Name: "長谷川 久美子", Relation: "祖母"}); err != nil {
		t.Fatal(err)
	}
	// 80 columns: the child's column widens for 長谷川 ひなの; the guardian's would too, but
	// gives way so that who collected 山田 陽翔 still fits
	h := open(t, s, model.JA, 80, 20)
	v := h.view()
	mustContain(t, v, "長谷川 ひなの  4歳以上  長谷川 真由~ お迎え済  10:30-10:30 長谷川 久美子（~",
		"山田 陽翔      1・2歳   山田 花子    利用中    9:10-")
	checkSize(t, v, 80, 20)
	h = keys(t, moveTo(t, h, "山田 陽翔"), "p", "down", "enter")
	mustContain(t, h.view(), "山田 陽翔      1・2歳   山田 花子    お迎え済  9:10-10:30 山田 和子（祖母）")
	// 120 columns: the list is as wide as its longest line, the panel has the rest
	h = open(t, s, model.JA, 120, 36)
	h = moveTo(t, h, "長谷川 ひなの")
	v = h.view()
	if strings.Contains(v, "~") {
		t.Errorf("cut at 120 columns:\n%s", v)
	}
	mustContain(t, v, "長谷川 ひなの  4歳以上  長谷川 真由美子  お迎え済  10:30-10:30 長谷川 久美子（祖母）",
		"（はせがわ ひなの）", "引き渡し: 長谷川 久美子")
	checkSize(t, v, 120, 36)
	// English: the slot list fits 80 columns, and brackets are ASCII
	en := open(t, s, model.EN, 80, 20)
	mustContain(t, en.view(), "picked up   9:10-10:30 山田 和子 (祖母)")
	en = keys(t, moveTo(t, en, "田中 湊"), "p")
	mustContain(t, en.view(), "Pick-up: 田中 湊 (age 3)", "> 田中 由美 (guardian)", "  田中 誠 (父)", "  田中 節子 (祖母)")
	en = keys(t, en, "down", "enter")
	mustContain(t, en.view(), "picked up   9:20-10:30 田中 誠 (父)")
	if got := en.lastStatus(); got != "Picked up at 10:30: 田中 湊, by 田中 誠 (父)" {
		t.Errorf("status %q", got)
	}
	en = keys(t, en, "b")
	en = typeText(t, en, "tanaka")
	en = keys(t, en, "enter", "enter", "down")
	v = en.view()
	mustContain(t, v, "Book 3/3: choose the slot  田中 湊 (age 3)",
		"  9:00-12:00  booked 5/6, 0 waiting  already in this slot (picked up)",
		"> 12:30-15:30 booked 3/3, 1 waiting  waitlist #2: the slot is full (capacity 3)")
	if strings.Contains(v, "~") || strings.ContainsAny(v, "（）") {
		t.Errorf("cut, or full-width brackets in English:\n%s", v)
	}
	en = keys(t, en, "enter")
	if got := en.screen().Asking(); !strings.HasPrefix(got, "The slot is full") {
		t.Errorf("asking %q", got)
	}
	// The guardian who collects is named once on the line
	ja := open(t, s, model.JA, 80, 20)
	ja = keys(t, moveTo(t, ja, "高橋 芽依"), "p", "enter")
	mustContain(t, ja.view(), "高橋 芽依      1・2歳   高橋 恵子    お迎え済  9:15-10:30 保護者")
}

// TestQuestionsWrapAtSensiblePlaces: a Japanese question too long for one line breaks after a
// full stop, not in the middle of a word (components.WrapPhrases; its own cases are in
// components' TestWrapPhrases).
func TestQuestionsWrapAtSensiblePlaces(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	h = moveTo(t, h, "強矢 大和")
	h = keys(t, h, "d")
	ls := strings.Split(h.view(), "\n")
	if got := strings.TrimRight(ls[len(ls)-3], " "); got != "保護者の 強矢 千春さんはチェックインしていません。" {
		t.Errorf("first line %q", got)
	}
	if got := strings.TrimRight(ls[len(ls)-2], " "); got != "コワーキングでチェックインしますか？" {
		t.Errorf("second line %q", got)
	}
}

// TestEveryStepFits draws every step at 80×24 and 120×40 (bodies 80×20 and 120×36), in both
// languages, and checks nothing spills.
func TestEveryStepFits(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{80, 20}, {120, 36}} {
		for _, lang := range []model.Lang{model.JA, model.EN} {
			s := tuitest.OpenDemo(t)
			h := open(t, s, lang, size[0], size[1])
			steps := [][]string{
				nil, {"down"}, {"b"}, {"b", "enter"}, {"b", "enter", "enter"}, {"b", "enter", "enter", "down", "enter"},
				{"p"}, {"p", "down", "down", "enter"}, {"e"}, {"a"}, {"w"}, {"g"}, {"c"}, {"b", "enter", "a"},
			}
			for _, st := range steps {
				x := moveTo(t, h, "山田 陽翔")
				if len(st) > 0 && st[0] == "c" {
					x = moveTo(t, h, "強矢 大和")
				}
				x = keys(t, x, st...)
				checkSize(t, x.view(), size[0], size[1])
				// the demo's text all fits: nothing is cut short
				if strings.Contains(x.view(), "~") {
					t.Errorf("cut at %dx%d %v steps %v:\n%s", size[0], size[1], lang, st, x.view())
				}
				if t.Failed() {
					t.Fatalf("%dx%d %v steps %v:\n%s", size[0], size[1], lang, st, x.view())
				}
			}
		}
	}
}

// TestHomeAlertsForChildrenNotPickedUp: after a slot's end, a child still in care is a red line
// on ホーム (tui/home reads store.Today().InCare) and on this screen, until picked up.
func TestHomeAlertsForChildrenNotPickedUp(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	after := model.FixedClock{T: time.Date(2026, 11, 25, 12, 5, 0, 0, model.Tokyo)}
	homeView := func() string {
		hm := home.New(ctxOf(model.JA, 80, 20, after), s)
		m, _ := tuitest.Drain(tuitest.Host{S: hm}, hm.Init())
		return ansi.Strip(m.(tuitest.Host).S.View())
	}
	before := func() string {
		hm := home.New(ctxOf(model.JA, 80, 20, tuitest.Clock), s)
		m, _ := tuitest.Drain(tuitest.Host{S: hm}, hm.Init())
		return ansi.Strip(m.(tuitest.Host).S.View())
	}
	if strings.Contains(before(), "お迎え未完了") {
		t.Fatal("an alert before the slot's end")
	}
	v := homeView()
	for _, name := range []string{"山田 陽翔", "高橋 芽依", "田中 湊"} {
		if !strings.Contains(v, "！お迎え未完了: "+name) {
			t.Errorf("ホーム lacks the alert for %s:\n%s", name, v)
		}
	}
	h := openAt(t, s, model.JA, 80, 20, after)
	mustContain(t, h.view(), "！お迎え未完了: 山田 陽翔（11-25 12:00 終了の枠）保護者 山田 花子", "利用中    9:10- ！お迎え時刻超過")
	// picked up: the alert goes from both screens
	h = moveTo(t, h, "山田 陽翔")
	h = keys(t, h, "p", "enter")
	if strings.Contains(homeView(), "お迎え未完了: 山田 陽翔") || strings.Contains(h.view(), "お迎え未完了: 山田 陽翔") {
		t.Errorf("the alert stayed after the pick-up:\n%s", homeView())
	}
	if !strings.Contains(homeView(), "お迎え未完了: 高橋 芽依") {
		t.Error("the other children's alerts went too")
	}
}

func TestGoldenDay80x24(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	golden.RequireEqual(t, []byte(h.view()))
}

func TestGoldenDay80x24English(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.EN, 80, 20)
	golden.RequireEqual(t, []byte(h.view()))
}

func TestGoldenDay120x40(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.JA, 120, 36)
	h = moveTo(t, h, "強矢 大和")
	golden.RequireEqual(t, []byte(h.view()))
}

func TestGoldenPickup80x24(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	h = moveTo(t, h, "田中 湊")
	h = keys(t, h, "p")
	golden.RequireEqual(t, []byte(h.view()))
}

func TestGoldenBookSlot80x24(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.JA, 80, 20)
	h = keys(t, h, "b")
	h = typeText(t, h, "やまだ")
	h = keys(t, h, "enter", "down", "enter")
	golden.RequireEqual(t, []byte(h.view()))
}

func TestGoldenBookSlot80x24English(t *testing.T) {
	t.Parallel()
	h := open(t, tuitest.OpenDemo(t), model.EN, 80, 20)
	h = moveTo(t, h, "12:30-15:30")
	h = keys(t, h, "b")
	h = typeText(t, h, "tanaka")
	h = keys(t, h, "enter", "enter")
	golden.RequireEqual(t, []byte(h.view()))
}

// TestWidePanel: at 120 columns a panel beside the list tells everything about the highlighted
// row; at 80 there is no room and no panel.
func TestWidePanel(t *testing.T) {
	t.Parallel()
	s := tuitest.OpenDemo(t)
	h := open(t, s, model.JA, 120, 36)
	mustContain(t, h.view(), "2026-11-25 9:00-12:00 の枠", "定員6  予約4  空き2  空き待ち0", "年齢別（当日の年齢）",
		"1・2歳   3  (6人に1人)", "3歳      1  (20人に1人)", "必要な保育スタッフ 2人（最低2人）", "配置 2人")
	h = moveTo(t, h, "山田 陽翔")
	v := h.view()
	mustContain(t, v, "山田 陽翔（やまだ はると）", "保護者: 山田 花子（在館中）", "電話: 090-1234-5678", "お迎え可能者",
		"山田 花子（保護者）", "山田 和子（祖母）", "状態: 利用中", "お預かり: 9:10")
	checkSize(t, v, 120, 36)
	if v := open(t, s, model.JA, 80, 20).view(); strings.Contains(v, "年齢別") {
		t.Errorf("a panel at 80 columns:\n%s", v)
	}
}

// the shared view check
var mustContain = tuitest.WantIn
