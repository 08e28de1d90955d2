package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store/demo"
)

// kidsNow is the demo's day: Wednesday 2026-11-25, 10:30 in Tokyo. The demo is filled as of then,
// so its times are exact: 山田 陽翔 dropped off at 9:10, yesterday's pick-up at 12:20.
var kidsNow = time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)

func kidsDemoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.FillIfEmpty(path, kidsNow); err != nil {
		t.Fatal(err)
	}
	return path
}

func kidsRun(t *testing.T, lang string, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(append([]string{"kids"}, args...), &out, &errw, []string{"HOME=" + t.TempDir(), "LANG=" + lang})
	return code, out.String(), errw.String()
}

func TestKidsJSON(t *testing.T) {
	t.Parallel()
	db := kidsDemoDB(t)
	code, out, errs := kidsRun(t, "ja_JP.UTF-8", "--db", db, "--date", "2026-11-25", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var day kidsDay
	if err := json.Unmarshal([]byte(out), &day); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if day.Date != "2026-11-25" || len(day.Slots) != 2 {
		t.Fatalf("day %+v", day)
	}
	am, pm := day.Slots[0], day.Slots[1]
	if am.Start != "9:00" || am.End != "12:00" || am.Capacity != 6 || am.Caregivers != 2 || am.Required != 2 || am.Short || am.Booked != 4 || len(am.Bookings) != 4 {
		t.Errorf("morning %+v", am)
	}
	b := am.Bookings[0]
	if b.Child != "山田 陽翔" || b.Guardian != "山田 花子" || b.Status != "dropped_off" || b.StatusLabel != "利用中" || b.AgeBand != "1-2" || b.AgeLabel != "1・2歳" ||
		b.DroppedOff != "2026-11-25T09:10:00+09:00" || b.PickedUp != "" || b.CollectedBy != nil {
		t.Errorf("first booking %+v", b)
	}
	last := pm.Bookings[len(pm.Bookings)-1]
	if pm.Waitlisted != 1 || last.Status != "waitlisted" || last.Position != 1 || last.Child != "山田 結衣" {
		t.Errorf("afternoon %+v", pm)
	}
	// Yesterday: a pick-up by the grandmother with both stamps, and a no-show.
	code, out, _ = kidsRun(t, "en_US.UTF-8", "--db", db, "--date", "2026-11-24", "--format", "json")
	if code != 0 || json.Unmarshal([]byte(out), &day) != nil {
		t.Fatalf("yesterday: %d\n%s", code, out)
	}
	b = day.Slots[0].Bookings[0]
	if b.Status != "picked_up" || b.StatusLabel != "picked up" || b.AgeBand != "1-2" || b.AgeLabel != "age 1-2" || b.DroppedOff != "2026-11-24T09:35:00+09:00" ||
		b.PickedUp != "2026-11-24T12:20:00+09:00" || b.CollectedBy == nil || b.CollectedBy.Name != "山田 和子" || b.CollectedBy.Relation != "祖母" {
		t.Errorf("yesterday's pick-up %+v %+v", b, b.CollectedBy)
	}
	if ns := day.Slots[0].Bookings[1]; ns.Status != "no_show" || ns.Child != "佐々木 蓮" {
		t.Errorf("yesterday's no-show %+v", ns)
	}
	// A day with no slots is an empty list, not null.
	code, out, _ = kidsRun(t, "ja", "--db", db, "--date", "2027-01-01", "--format", "json")
	if code != 0 || !strings.Contains(out, `"slots": []`) {
		t.Errorf("empty day: %d %s", code, out)
	}
}

func TestKidsCSV(t *testing.T) {
	t.Parallel()
	db := kidsDemoDB(t)
	code, out, errs := kidsRun(t, "ja_JP.UTF-8", "--db", db, "--date", "2026-11-24", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "\ufeff") || !strings.Contains(out, "\r\n") {
		t.Error("CSV should start with a BOM and use CRLF, for Excel")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(kidsCSVHeader, ",") || len(rows) != 3 {
		t.Fatalf("rows %v", rows)
	}
	col := func(row []string, name string) string {
		for i, h := range kidsCSVHeader {
			if h == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	r := rows[1]
	for name, want := range map[string]string{"date": "2026-11-24", "start": "9:30", "end": "12:30", "child": "山田 陽翔", "status": "picked_up",
		"status_label": "お迎え済", "dropped_off": "2026-11-24T09:35:00+09:00", "picked_up": "2026-11-24T12:20:00+09:00",
		"collected_by": "山田 和子", "collected_relation": "祖母", "override": "false"} {
		if got := col(r, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if col(rows[2], "status") != "no_show" || col(rows[2], "dropped_off") != "" {
		t.Errorf("no-show row %v", rows[2])
	}
	// tomorrow's slots have no bookings: one row each, booking columns empty
	_, out, _ = kidsRun(t, "ja", "--db", db, "--date", "2026-11-26", "--format", "csv")
	rows, _ = csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if len(rows) != 3 || col(rows[1], "booking_id") != "" || col(rows[2], "start") != "13:00" {
		t.Errorf("slots without bookings: %v", rows)
	}
}

func TestKidsText(t *testing.T) {
	t.Parallel()
	db := kidsDemoDB(t)
	code, out, _ := kidsRun(t, "ja_JP.UTF-8", "--db", db, "--date", "2026-11-25")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"キッズスペース 令和8年11月25日（水） 2026-11-25",
		"9:00-12:00  定員6  予約4  空き待ち0  保育2人（必要2人）",
		"  山田 陽翔     1・2歳   山田 花子     利用中       預 2026-11-25T09:10:00+09:00",
		"  山田 結衣     0歳      山田 花子     空き待ち1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = kidsRun(t, "en", "--db", db, "--date", "2026-11-24")
	if !strings.Contains(out, "in 2026-11-24T09:35:00+09:00 out 2026-11-24T12:20:00+09:00 山田 和子（祖母）") {
		t.Errorf("English text:\n%s", out)
	}
	_, out, _ = kidsRun(t, "ja", "--db", db, "--date", "2027-01-01")
	if !strings.Contains(out, "この日の枠はありません") {
		t.Errorf("empty day:\n%s", out)
	}
}

func TestKidsBadFlags(t *testing.T) {
	t.Parallel()
	db := kidsDemoDB(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--date", "2026-02-30"}, "2月30日はありません"},
		{[]string{"--date", "tomorrow"}, "日付は 2025-04-01 の形で入力してください"},
		{[]string{"--format", "xlsx"}, "--format は text・csv・json のどれかです"},
		{[]string{"--colour"}, "flag provided but not defined"},
		{[]string{"extra"}, "unexpected argument"},
	} {
		code, out, errs := kidsRun(t, "ja_JP.UTF-8", append([]string{"--db", db}, tt.args...)...)
		if code != 2 || out != "" || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, out %q, err %q", tt.args, code, out, errs)
		}
	}
	// Without --date, today by the clock (the demo's slots are relative to when it was made).
	code, out, _ := kidsRun(t, "ja", "--db", db, "--format", "json")
	if code != 0 || !strings.Contains(out, `"date": "`+model.DateOf(time.Now()).String()+`"`) {
		t.Errorf("default date: %d %s", code, out)
	}
}
