package audit

// What an audit entry's before and after say, as staff read them: the store writes status codes
// ("qa", "coworking", "excused") and short JSON summaries of records; the viewer shows labels,
// Japan times and, for an update, only the fields that changed. The entries themselves are
// unchanged.

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// fieldLabels names the JSON fields of the store's records; a field not listed keeps its name.
var fieldLabels = map[string]model.Text{
	"name": model.T("氏名", "name"), "reading": model.T("ふりがな", "reading"), "phone": model.T("電話", "phone"),
	"email": model.T("メール", "email"), "roles": model.T("区分", "roles"), "archived": model.T("アーカイブ", "archived"),
	"note": model.T("メモ", "note"), "notes": model.T("メモ", "notes"), "title": model.T("件名", "title"),
	"status": model.T("状態", "status"), "date": model.T("日付", "date"), "start": model.T("開始", "start"),
	"end": model.T("終了", "end"), "in": model.T("入館", "in"), "out": model.T("退館", "out"),
	"purpose": model.T("目的", "purpose"), "capacity": model.T("定員", "capacity"), "caregivers": model.T("保育者", "caregivers"),
	"place": model.T("場所", "place"), "birth_date": model.T("生年月日", "birth date"), "allergies": model.T("アレルギー", "allergies"),
	"care_notes": model.T("配慮事項", "care notes"), "pickups": model.T("お迎え可能者", "pick-up people"),
	"unit_price": model.T("単価", "unit price"), "quantity": model.T("数量", "quantity"), "unit": model.T("単位", "unit"),
	"due": model.T("納期", "due"), "category": model.T("分類", "category"), "fee_bp": model.T("手数料", "fee"),
	"created": model.T("作成", "created"), "updated": model.T("更新", "updated"), "dropped_off": model.T("預かり", "dropped off"),
	"picked_up": model.T("お迎え", "picked up"), "collected_by": model.T("お迎えの人", "collected by"),
	"kind": model.T("種類", "kind"), "fiscal_year": model.T("年度", "fiscal year"), "local": model.T("地域内", "local"),
	"closing": model.T("閉館", "closing"), "opening": model.T("開館", "opening"), "paid_amount": model.T("入金額", "amount paid"),
	"paid_on": model.T("入金日", "paid on"), "invoiced_on": model.T("請求日", "invoiced on"), "accepted_at": model.T("受注", "accepted"),
	"delivered_at": model.T("納品", "delivered"), "hours": model.T("作業時間", "hours"), "reason": model.T("理由", "reason"),
	"person_id": model.T("利用者", "person"), "guardian_id": model.T("保護者", "guardian"), "child_id": model.T("子ども", "child"),
	"booked_by": model.T("予約者", "booked by"), "slot_id": model.T("枠", "slot"), "client_id": model.T("発注元", "client"),
	"course_id": model.T("講座", "course"), "session_id": model.T("回", "session"), "job_id": model.T("案件", "job"),
	"mark": model.T("出欠", "mark"),
	"at":   model.T("日時", "at"), "staff": model.T("担当", "staff"), "left_open": model.T("未了", "left open"),
	"min_sessions": model.T("修了に必要な回数", "sessions to complete"), "site_name": model.T("施設名", "site"),
	"qa_checklist": model.T("検品項目", "QA checklist"), "checklist": model.T("検品", "QA checks"),
	"targets": model.T("目標", "targets"), "backup_keep": model.T("バックアップ保存数", "backups kept"),
}

// clockFields hold a time of day as minutes from midnight (model.ClockTime).
var clockFields = map[string]bool{"start": true, "end": true, "opening": true, "closing": true}

// quiet are fields the one-line summary leaves out (the detail view shows them).
var quiet = map[string]bool{"created": true, "updated": true}

// fieldValue shows a field's value, with the labels of the codes it holds and ids as #n.
func fieldValue(e model.AuditEntry, k string, v any, l model.Lang) string {
	str, isStr := v.(string)
	switch {
	case strings.HasSuffix(k, "_id") || k == "booked_by":
		if n, ok := v.(float64); ok {
			return fmt.Sprintf("#%g", n)
		}
	case k == "status" && isStr:
		switch e.Kind {
		case model.KindJob:
			return model.JobStatus(str).Label(l)
		case model.KindBooking:
			return model.BookingStatus(str).Label(l)
		}
	case clockFields[k]:
		if n, ok := v.(float64); ok && n >= 0 && n <= 24*60 {
			return model.ClockTime(n).String()
		}
	case k == "purpose" && isStr:
		return model.Purpose(str).Label(l)
	case k == "mark" && isStr:
		return model.Mark(str).Label(l)
	case k == "kind" && isStr && e.Kind == model.KindCourse:
		return model.CourseKind(str).Label(l)
	case k == "roles":
		if rs, ok := v.([]any); ok {
			parts := make([]string, 0, len(rs))
			for _, r := range rs {
				if r, ok := r.(string); ok {
					parts = append(parts, model.Role(r).Label(l))
				}
			}
			return strings.Join(parts, "・")
		}
	}
	return value(v, l)
}

// skipped are the fields that only repeat the entry's record or say nothing to staff.
var skipped = map[string]bool{"id": true, "seq": true}

// codeLabel returns the label of a status code the entry's kind uses, or the code itself.
func codeLabel(e model.AuditEntry, code string, l model.Lang) string {
	switch {
	case e.Kind == model.KindJob && (e.Action == "move"):
		return model.JobStatus(code).Label(l)
	case e.Kind == model.KindBooking && e.Action != "drop_off" && !strings.HasPrefix(e.Action, "pick_up") && e.Action != "book":
		return model.BookingStatus(code).Label(l)
	case e.Kind == model.KindVisit && e.Action == "check_in":
		return model.Purpose(code).Label(l)
	case e.Kind == model.KindAttendance:
		mark, note, _ := strings.Cut(code, " ")
		if mark == "" { // a note saved on its own
			return strings.TrimSpace(l.Pick("メモ: ", "note: ") + note)
		}
		return strings.TrimSpace(model.Mark(mark).Label(l) + " " + note)
	}
	return code
}

// record decodes a JSON summary into its fields; false when s is not a JSON object.
func record(s string) (map[string]any, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "{") {
		return nil, false
	}
	var m map[string]any
	if json.Unmarshal([]byte(s), &m) != nil {
		return nil, false
	}
	return m, true
}

// value shows one field's value: times in Japan time, lists and objects briefly.
func value(v any, l model.Lang) string {
	switch v := v.(type) {
	case nil:
		return "-"
	case string:
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			if t.IsZero() || t.Year() < 2 {
				return "-"
			}
			return stamp(t)
		}
		if v == "" {
			return "-"
		}
		return v
	case bool:
		if v {
			return l.Pick("はい", "yes")
		}
		return l.Pick("いいえ", "no")
	case float64:
		return fmt.Sprintf("%g", v)
	case []any:
		parts := make([]string, 0, len(v))
		for _, x := range v {
			parts = append(parts, value(x, l))
		}
		return strings.Join(parts, "・")
	case map[string]any:
		var parts []string
		for _, k := range sortedKeys(v) {
			if !skipped[k] && !empty(v[k]) {
				parts = append(parts, value(v[k], l))
			}
		}
		return strings.Join(parts, " ")
	}
	return fmt.Sprint(v)
}

func empty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == "" || v == "0001-01-01T00:00:00Z"
	case []any:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	case float64:
		return v == 0
	case bool:
		return !v
	}
	return false
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	// the fields staff look for first, then the rest by name
	rank := func(k string) int {
		for i, f := range []string{"name", "title", "date", "start", "end", "in", "out", "status", "purpose"} {
			if k == f {
				return i
			}
		}
		return 100
	}
	sort.Slice(ks, func(i, j int) bool {
		if ri, rj := rank(ks[i]), rank(ks[j]); ri != rj {
			return ri < rj
		}
		return ks[i] < ks[j]
	})
	return ks
}

func label(k string, l model.Lang) string {
	if t, ok := fieldLabels[k]; ok {
		return t.In(l)
	}
	return k
}

// fields lists a record's non-empty fields as "label: value" (brief leaves out the quiet ones).
func fields(e model.AuditEntry, m map[string]any, brief bool, l model.Lang) []string {
	var out []string
	for _, k := range sortedKeys(m) {
		if skipped[k] || empty(m[k]) || brief && quiet[k] {
			continue
		}
		out = append(out, label(k, l)+": "+fieldValue(e, k, m[k], l))
	}
	return out
}

// changes lists the fields that differ between two records as "label: before -> after".
func changes(e model.AuditEntry, before, after map[string]any, l model.Lang) []string {
	keys := map[string]any{}
	for k := range before {
		keys[k] = nil
	}
	for k := range after {
		keys[k] = nil
	}
	var out []string
	for _, k := range sortedKeys(keys) {
		if skipped[k] || k == "updated" {
			continue
		}
		b, a := fieldValue(e, k, before[k], l), fieldValue(e, k, after[k], l)
		if empty(before[k]) {
			b = "-"
		}
		if empty(after[k]) {
			a = "-"
		}
		if b != a {
			out = append(out, label(k, l)+": "+b+" -> "+a)
		}
	}
	return out
}

// side shows a before or after value on its own: a record's fields, a list's items, or a
// code's label.
func side(e model.AuditEntry, s string, brief bool, l model.Lang) []string {
	if m, ok := record(s); ok {
		return fields(e, m, brief, l)
	}
	if t := strings.TrimSpace(s); t == "null" || strings.HasPrefix(t, "[") {
		var v any
		if json.Unmarshal([]byte(t), &v) == nil {
			return []string{value(v, l)}
		}
	}
	if s == "" {
		return nil
	}
	return []string{codeLabel(e, s, l)}
}

// Change is what an entry changed, in one line for the list: the fields that differ for an
// update of a record, or the labels of its before and after.
func Change(e model.AuditEntry, l model.Lang) string {
	b, bok := record(e.Before)
	a, aok := record(e.After)
	if bok && aok {
		if cs := changes(e, b, a, l); len(cs) > 0 {
			return strings.Join(cs, ", ")
		}
	}
	before, after := strings.Join(side(e, e.Before, true, l), ", "), strings.Join(side(e, e.After, true, l), ", ")
	switch {
	case before != "" && after != "":
		return before + " -> " + after
	case after != "":
		return after
	}
	return before
}
