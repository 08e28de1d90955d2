package audit

import (
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
)

func TestChangeReadsAsStaffSpeak(t *testing.T) {
	at := time.Date(2026, 11, 25, 0, 5, 0, 0, time.UTC) // 09:05 in Japan
	cases := []struct {
		e    model.AuditEntry
		lang model.Lang
		want string
	}{
		{model.AuditEntry{Action: "move", Kind: model.KindJob, Before: "qa", After: "delivered"}, model.JA, "検品 -> 納品済"},
		{model.AuditEntry{Action: "check_in", Kind: model.KindVisit, After: "coworking"}, model.EN, "coworking"},
		{model.AuditEntry{Action: "mark", Kind: model.KindAttendance, Before: "", After: "excused 通院"}, model.JA, "公欠 通院"},
		{model.AuditEntry{Action: "checklist", Kind: model.KindJob, Before: "null", After: `["誤字脱字","納品形式"]`}, model.JA, "- -> 誤字脱字・納品形式"},
		{model.AuditEntry{Action: "mark", Kind: model.KindAttendance, Before: "present ", After: " 途中で早退の予定"}, model.JA, "出席 -> メモ: 途中で早退の予定"},
		{model.AuditEntry{Action: "create", Kind: model.KindSlot, After: `{"id":1,"date":"2026-11-25","start":540,"end":720,"capacity":6}`}, model.JA, "日付: 2026-11-25, 開始: 9:00, 終了: 12:00, 定員: 6"},
		{model.AuditEntry{Action: "update", Kind: model.KindPerson,
			Before: `{"id":3,"name":"山田 花子","reading":"やまだ はなこ","phone":"","updated":"2026-11-01T00:00:00Z"}`,
			After:  `{"id":3,"name":"山田 花子","reading":"やまだ はなこ","phone":"090-1111-2222","updated":"2026-11-25T00:05:00Z"}`},
			model.JA, "電話: - -> 090-1111-2222"},
		{model.AuditEntry{Action: "book", Kind: model.KindBooking,
			After: `{"id":11,"slot_id":1,"child_id":3,"booked_by":2,"status":"waitlisted","created":"` + at.Format(time.RFC3339Nano) + `"}`},
			model.EN, "status: waitlisted, booked by: #2, child: #3, slot: #1"},
	}
	for _, c := range cases {
		got := Change(c.e, c.lang)
		if c.e.Kind == model.KindJob || c.e.Kind == model.KindAttendance {
			// the labels come from model; check against them rather than spell them twice
			c.want = strings.NewReplacer("検品", model.JobQA.Label(model.JA), "納品済", model.JobDelivered.Label(model.JA),
				"公欠", model.MarkExcused.Label(model.JA)).Replace(c.want)
		}
		if c.e.Kind == model.KindBooking {
			c.want = strings.Replace(c.want, "waitlisted", model.BookingWaitlisted.Label(model.EN), 1)
		}
		if got != c.want {
			t.Errorf("%s %s: got %q, want %q", c.e.Kind, c.e.Action, got, c.want)
		}
		if strings.Contains(got, "{") || strings.Contains(got, `"`) {
			t.Errorf("raw JSON left in %q", got)
		}
	}
}

func TestDetailShowsJapanTimesAndNoJSON(t *testing.T) {
	e := model.AuditEntry{ID: 7, At: time.Date(2026, 11, 25, 0, 5, 0, 0, time.UTC), Staff: "佐藤 由美", Action: "book", Kind: model.KindBooking, Ref: "11",
		After: `{"id":11,"slot_id":1,"child_id":3,"booked_by":2,"status":"booked","created":"2026-11-25T00:05:00Z"}`}
	m := Model{entries: []model.AuditEntry{e}, detail: true}
	m.ctx.Lang, m.ctx.Width, m.ctx.Height = model.JA, 80, 24
	m.ctx.Styles = common.NewStyles(true, true)
	v := m.viewDetail()
	for _, want := range []string{"作成: 2026-11-25 09:05", "子ども: #3", "状態: " + model.BookingBooked.Label(model.JA)} {
		if !strings.Contains(v, want) {
			t.Errorf("detail lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "{") || strings.Contains(v, "T00:05") {
		t.Errorf("raw JSON or a UTC time in the detail:\n%s", v)
	}
}
