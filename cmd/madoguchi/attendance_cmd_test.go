package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/store/demo"
)

// attNow is the demo's day: Wednesday 2026-11-25, 10:30 in Tokyo. The demo has that day's
// 育成講座 session (12 enrolled) and OJT session (4), five people in, three children in care and
// a job overdue since the day before.
var attNow = time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)

func attDemoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.FillIfEmpty(path, attNow); err != nil {
		t.Fatal(err)
	}
	return path
}

func attRun(t *testing.T, lang string, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(args, &out, &errw, []string{"HOME=" + t.TempDir(), "LANG=" + lang})
	return code, out.String(), errw.String()
}

// attWithStore opens the database for a moment (the CLI needs it closed again).
func attWithStore(t *testing.T, path string, fn func(s *store.Store)) {
	t.Helper()
	s, err := store.Open(path, store.Options{Clock: model.FixedClock{T: attNow.Add(7 * time.Hour)}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetStaff("佐藤 由美")
	fn(s)
}

func TestDayJSON(t *testing.T) {
	t.Parallel()
	db := attDemoDB(t)
	code, out, errs := attRun(t, "ja_JP.UTF-8", "day", "--db", db, "--date", "2026-11-25", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d dayJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if d.Date != "2026-11-25" || d.Closed != nil || d.Open != 15 {
		t.Errorf("date %s closed %+v open %d", d.Date, d.Closed, d.Open)
	}
	if len(d.Sessions) != 2 || d.Sessions[0].Title != "仕上げと振り返り" || d.Sessions[0].Start != "10:00" || d.Sessions[0].Enrolled != 12 ||
		len(d.Sessions[0].Unmarked) != 12 || d.Sessions[0].Kind != "basic" || len(d.Sessions[1].Unmarked) != 4 {
		t.Errorf("sessions %+v", d.Sessions)
	}
	if len(d.Here) != 5 || d.Here[0].Name != "山田 花子" || d.Here[0].In != "2026-11-25T09:05:00+09:00" || d.Here[4].Purpose != "tour" {
		t.Errorf("here %+v", d.Here)
	}
	if len(d.InCare) != 3 || d.InCare[0].Child != "山田 陽翔" || !d.InCare[0].Allergy || d.InCare[0].DroppedOff == "" || d.InCare[0].SlotStart != "9:00" {
		t.Errorf("in care %+v", d.InCare)
	}
	if len(d.NotArrived) != 4 || d.NotArrived[0].DroppedOff != "" {
		t.Errorf("not arrived %+v", d.NotArrived)
	}
	if len(d.Jobs) != 1 || !d.Jobs[0].Overdue || d.Jobs[0].Due != "2026-11-24" || d.Jobs[0].Status != "in_progress" || d.Jobs[0].StatusLabel != "作業中" {
		t.Errorf("jobs %+v", d.Jobs)
	}
	// A quiet day far away: empty lists, not null.
	code, out, _ = attRun(t, "en_US.UTF-8", "day", "--db", db, "--date", "2030-01-01", "--format", "json")
	if code != 0 || !strings.Contains(out, `"sessions": []`) || !strings.Contains(out, `"not_arrived": []`) {
		t.Errorf("quiet day: %d\n%s", code, out)
	}
}

func TestDayTextBeforeAndAfterClosing(t *testing.T) {
	t.Parallel()
	db := attDemoDB(t)
	code, out, errs := attRun(t, "ja_JP.UTF-8", "day", "--db", db, "--date", "2026-11-25")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"日次締め 令和8年11月25日（水） 2026-11-25  未了 15件", "まだ締めていません", "出欠未記入の回 2",
		"10:00-12:00 育成講座 第2期「仕上げと振り返り」 未記入 12/12人: 伊藤 さくら、", "来館中 5", "山田 花子", "9:05〜  コワーキング",
		"お迎え未完了 3", "山田 陽翔", "アレルギー・配慮あり", "予約未処理", "2026-11-24  ECサイト商品説明文 20本  作業中  山田 花子  超過"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	attWithStore(t, db, func(s *store.Store) {
		if _, _, err := s.CloseDayReviewed(model.DateOf(attNow), true); err != nil {
			t.Fatal(err)
		}
	})
	_, out, _ = attRun(t, "en_US.UTF-8", "day", "--db", db, "--date", "2026-11-25")
	if !strings.Contains(out, "Closed at 17:30 by 佐藤 由美 (15 left open)") || !strings.Contains(out, "Still checked in: 5") {
		t.Errorf("English text after closing:\n%s", out)
	}
}

func TestDayRefusesBadFlags(t *testing.T) {
	t.Parallel()
	db := attDemoDB(t)
	for _, args := range [][]string{
		{"day", "--db", db, "--date", "2026-02-30"},
		{"day", "--db", db, "--format", "csv"},
		{"day", "--db", db, "--when", "today"},
		{"day", "--db", db, "extra"},
	} {
		if code, _, errs := attRun(t, "ja_JP.UTF-8", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestAttendanceCourse(t *testing.T) {
	t.Parallel()
	db := attDemoDB(t)
	var basic uint64
	attWithStore(t, db, func(s *store.Store) {
		cs, err := s.CourseList()
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if c.Course.Kind == model.CourseBasic {
				basic = c.Course.ID
			}
		}
	})
	id := strconv.FormatUint(basic, 10)

	code, out, errs := attRun(t, "ja_JP.UTF-8", "attendance", "--db", db, "--course", id, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var c attCourseJSON
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if c.Name != "育成講座 第2期" || c.Kind != "basic" || c.Needed != 4 || c.MinSessions != 0 || len(c.Sessions) != 5 || len(c.People) != 12 {
		t.Fatalf("course %+v", c)
	}
	if c.Sessions[0].Title != "PC基礎" || c.Sessions[0].Date != "2026-10-28" || c.Sessions[4].Attended != 0 {
		t.Errorf("sessions %+v", c.Sessions)
	}
	var kobayashi *attPersonJSON
	for i, p := range c.People {
		if len(p.Marks) != 5 || p.Status != "enrolled" {
			t.Errorf("person %+v", p)
		}
		if p.Name == "小林 愛" {
			kobayashi = &c.People[i]
		}
	}
	if kobayashi == nil || !kobayashi.Completed || kobayashi.Attended != 4 || kobayashi.Marks[4] != "" || kobayashi.Marks[0] != "present" {
		t.Errorf("小林 愛 %+v", kobayashi)
	}

	code, out, _ = attRun(t, "ja_JP.UTF-8", "attendance", "--db", db, "--course", id, "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "\uFEFF") || !strings.Contains(out, "\r\n") {
		t.Fatalf("csv: exit %d, BOM/CRLF missing", code)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 13 || rows[0][0] != "氏名" || rows[0][3] != "1 2026-10-28 PC基礎" || rows[0][len(rows[0])-1] != "修了" || len(rows[1]) != 3+5+3 {
		t.Errorf("csv header %q, %d rows", rows[0], len(rows))
	}
	found := false
	for _, r := range rows[1:] {
		if r[0] == "小林 愛" {
			found = true
			if r[3] != "出席" || r[7] != "" || r[8] != "4" || r[9] != "5" || r[10] != "修了" {
				t.Errorf("小林 愛 csv row %q", r)
			}
		}
	}
	if !found {
		t.Error("小林 愛 not in the csv")
	}

	code, out, _ = attRun(t, "ja_JP.UTF-8", "attendance", "--db", db, "--course", id)
	if code != 0 || !strings.Contains(out, "令和8年度 育成講座 第2期（育成講座）  4回以上出席で修了（全5回）") || !strings.Contains(out, "4/5 修了") || !strings.Contains(out, "出=出席") {
		t.Errorf("text:\n%s", out)
	}
}

func TestAttendanceSession(t *testing.T) {
	t.Parallel()
	db := attDemoDB(t)
	var se model.Session
	attWithStore(t, db, func(s *store.Store) {
		ss, err := s.SessionsOn(model.DateOf(attNow))
		if err != nil || len(ss) == 0 {
			t.Fatal(ss, err)
		}
		se = ss[0]
		p := attPerson(t, s, "伊藤 さくら")
		w := attPerson(t, s, "木村 香織")
		for _, a := range []model.Attendance{{SessionID: se.ID, PersonID: p.ID, Mark: model.MarkLate, Note: "電車遅延"}, {SessionID: se.ID, PersonID: w.ID, Mark: model.MarkPresent}} {
			if _, err := s.SetMark(a); err != nil {
				t.Fatal(err)
			}
		}
	})
	id := strconv.FormatUint(se.ID, 10)
	code, out, errs := attRun(t, "en_US.UTF-8", "attendance", "--db", db, "--session", id, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r attRollJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Title != "仕上げと振り返り" || r.Marked != 2 || r.Unmarked != 11 || len(r.Lines) != 13 {
		t.Fatalf("roll %+v", r)
	}
	if l := r.Lines[0]; l.Name != "伊藤 さくら" || l.Mark != "late" || l.MarkLabel != "late" || l.Note != "電車遅延" || !l.Enrolled || l.WalkIn {
		t.Errorf("first line %+v", l)
	}
	if l := r.Lines[12]; l.Name != "木村 香織" || !l.WalkIn || l.Enrolled {
		t.Errorf("walk-in line %+v", l)
	}
	code, out, _ = attRun(t, "ja_JP.UTF-8", "attendance", "--db", db, "--session", id, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if code != 0 || err != nil || len(rows) != 14 || rows[1][4] != "遅刻" || rows[1][5] != "電車遅延" || rows[13][6] != "1" || rows[2][4] != "" {
		t.Errorf("csv %d %v %q", code, err, rows)
	}
	code, out, _ = attRun(t, "ja_JP.UTF-8", "attendance", "--db", db, "--session", id)
	if code != 0 || !strings.Contains(out, "記入済 2 / 未記入 11") || !strings.Contains(out, "飛び入り") || !strings.Contains(out, "電車遅延") {
		t.Errorf("text:\n%s", out)
	}
}

func TestAttendanceRefusesBadFlags(t *testing.T) {
	t.Parallel()
	db := attDemoDB(t)
	for _, args := range [][]string{
		{"attendance", "--db", db},
		{"attendance", "--db", db, "--course", "1", "--session", "2"},
		{"attendance", "--db", db, "--course", "1", "--format", "xml"},
		{"attendance", "--db", db, "--course", "abc"},
	} {
		if code, _, errs := attRun(t, "ja_JP.UTF-8", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
	code, _, errs := attRun(t, "ja_JP.UTF-8", "attendance", "--db", db, "--session", "999")
	if code != 1 || !strings.Contains(errs, "回（ID 999）が見つかりません") {
		t.Errorf("unknown session: exit %d, %q", code, errs)
	}
	code, _, errs = attRun(t, "en_US.UTF-8", "attendance", "--db", db, "--course", "999")
	if code != 1 || !strings.Contains(errs, "course (ID 999) was not found") {
		t.Errorf("unknown course: exit %d, %q", code, errs)
	}
}

func attPerson(t *testing.T, s *store.Store, name string) model.Person {
	t.Helper()
	ps, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no %s", name)
	return model.Person{}
}
