package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// The check-in subcommands: people import and visits, run through run() on real files.

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb, []string{"LANG=ja_JP.UTF-8", "HOME=" + t.TempDir()})
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func peopleIn(t *testing.T, db string) []model.Person {
	t.Helper()
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

const roster = "氏名,ふりがな,電話,メール,区分\r\n" +
	"山田 花子,やまだ はなこ,090-1234-5678,hanako@example.jp,受講生・テレワーカー\r\n" +
	"佐々木 美咲,ササキ ミサキ,,,利用者\r\n" +
	"強矢 千春,ｽﾈﾔ ﾁﾊﾙ,0494-75-1234,,受講生\r\n"

func TestPeopleImportEncodings(t *testing.T) {
	sj, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(roster))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"utf8.csv":     []byte(roster),
		"utf8bom.csv":  append([]byte("\xEF\xBB\xBF"), roster...),
		"shiftjis.csv": sj,
	} {
		db := filepath.Join(t.TempDir(), "m.db")
		file := writeFile(t, name, data)
		code, out, errs := runCmd(t, "people", "import", "--db", db, file)
		if code != 0 || errs != "" {
			t.Fatalf("%s: code %d\n%s\n%s", name, code, out, errs)
		}
		if !strings.Contains(out, "3人を追加しました（登録済みの 0人と、ファイル内で重なった 0行は追加していません）") {
			t.Errorf("%s: %s", name, out)
		}
		ps := peopleIn(t, db)
		if len(ps) != 3 || ps[0].Name != "山田 花子" || ps[1].Reading != "ささき みさき" || ps[2].Reading != "すねや ちはる" || !ps[0].HasRole(model.RoleTeleworker) {
			t.Errorf("%s: %+v", name, ps)
		}
	}
}

// One bad row: reported with its line and reason, nothing written; --skip-bad writes the rest.
func TestPeopleImportBadRows(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	file := writeFile(t, "bad.csv", []byte(roster+"鈴木 一郎,suzuki!,,,\r\n,たなか,,,\r\n"))
	code, out, errs := runCmd(t, "people", "import", "--db", db, file)
	if code != 1 {
		t.Fatalf("code %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"5行目: ふりがなはひらがな・カタカナで入力してください", "6行目: 氏名を入力してください", "何も書き込んでいません"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if _, err := os.Stat(db); err == nil && len(peopleIn(t, db)) != 0 {
		t.Fatal("a refused import wrote people")
	}
	code, out, errs = runCmd(t, "people", "import", file, "--skip-bad", "--db", db) // flags after the file too
	if code != 0 || !strings.Contains(out, "3人を追加しました") || !strings.Contains(errs, "5行目") {
		t.Fatalf("--skip-bad: code %d\n%s\n%s", code, out, errs)
	}
	if ps := peopleIn(t, db); len(ps) != 3 {
		t.Fatalf("people %+v", ps)
	}
	// English.
	code, _, errs = runCmd(t, "people", "import", "--lang", "en", "--db", db, file)
	if code != 1 || !strings.Contains(errs, "line 6: Enter a name") || !strings.Contains(errs, "nothing was written") {
		t.Fatalf("English: code %d\n%s", code, errs)
	}
}

// People already in the database, and rows repeated in the file, are reported, not duplicated.
func TestPeopleImportDuplicates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	first := writeFile(t, "first.csv", []byte(roster))
	if code, out, errs := runCmd(t, "people", "import", "--db", db, first); code != 0 {
		t.Fatalf("code %d\n%s%s", code, out, errs)
	}
	again := writeFile(t, "again.csv", []byte(roster+"山田花子,ヤマダ ハナコ,,,\r\n新井 健一,あらい けんいち,,,見学\r\n新井 健一,アライ ケンイチ,,,見学\r\n"))
	code, out, errs := runCmd(t, "people", "import", "--db", db, again)
	if code != 0 || errs != "" {
		t.Fatalf("code %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{
		"2行目: 山田 花子（やまだ はなこ）は登録済みです",
		"3行目: 佐々木 美咲（ささき みさき）は登録済みです",
		"5行目: 山田花子（やまだ はなこ）は 2行目と同じ人です。この行は取り込みません",
		"7行目: 新井 健一（あらい けんいち）は 6行目と同じ人です",
		"1人を追加しました（登録済みの 3人と、ファイル内で重なった 2行は追加していません）",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if ps := peopleIn(t, db); len(ps) != 4 {
		t.Fatalf("people %+v", ps)
	}
	// --dry-run reports and writes nothing.
	more := writeFile(t, "more.csv", []byte("name,reading\n木村 香織,きむら かおり\n山田 花子,やまだ はなこ\n"))
	code, out, _ = runCmd(t, "people", "import", "--dry-run", "--db", db, more)
	if code != 0 || !strings.Contains(out, "確認のみ: 1人を追加できます") || !strings.Contains(out, "登録済みです") {
		t.Fatalf("dry run: %d\n%s", code, out)
	}
	if ps := peopleIn(t, db); len(ps) != 4 {
		t.Fatalf("dry run wrote: %+v", ps)
	}
}

func TestPeopleUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	file := writeFile(t, "r.csv", []byte(roster))
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"people"}, 2, "Usage"},
		{[]string{"people", "export"}, 2, "unknown subcommand"},
		{[]string{"people", "import", "--db", db}, 2, "CSV ファイルを1つ指定してください"},
		{[]string{"people", "import", "--db", db, file, file}, 2, "CSV ファイルを1つ指定してください"},
		{[]string{"people", "import", "--nope", file}, 2, "flag provided but not defined"},
		{[]string{"people", "import", "--db", db, filepath.Join(t.TempDir(), "missing.csv")}, 1, "ファイルを読めません"},
		{[]string{"people", "import", "--db", db, writeFile(t, "h.csv", []byte("氏名,電話\n"))}, 1, "「ふりがな」の列がありません"},
	} {
		code, _, errs := runCmd(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: code %d, stderr %q", tc.args, code, errs)
		}
	}
	if code, out, _ := runCmd(t, "people", "--help"); code != 0 || !strings.Contains(out, "people import") {
		t.Errorf("--help: %d %q", code, out)
	}
}

// visitsDB makes a database with a day of visits: one closed at closing, one still open.
func visitsDB(t *testing.T) (string, model.Date) {
	t.Helper()
	day := model.NewDate(2026, time.November, 25)
	clk := &fixedClock{t: day.At(9*60 + 5)}
	db := filepath.Join(t.TempDir(), "m.db")
	s, err := store.Open(db, store.Options{Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	add := func(name, reading string) model.Person {
		p, err := model.NewPerson(model.PersonInput{Name: name, Reading: reading})
		if err != nil {
			t.Fatal(err)
		}
		p, err = s.CreatePerson(p)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := add("山田 花子", "やまだ はなこ")
	b := add("新井 健一", "あらい けんいち")
	if _, err := s.CheckIn(a.ID, model.PurposeCoworking); err != nil {
		t.Fatal(err)
	}
	clk.t = day.At(10*60 + 10)
	if _, err := s.CheckIn(b.ID, model.PurposeTour); err != nil {
		t.Fatal(err)
	}
	clk.t = day.At(17*60 + 30)
	if _, err := s.CheckOut(a.ID); err != nil {
		t.Fatal(err)
	}
	return db, day
}

type fixedClock struct{ t time.Time }

func (c *fixedClock) Now() time.Time { return c.t }

func TestVisitsJSON(t *testing.T) {
	db, _ := visitsDB(t)
	code, out, errs := runCmd(t, "visits", "--db", db, "--date", "2026-11-25", "--format", "json")
	if code != 0 || errs != "" {
		t.Fatalf("code %d %s", code, errs)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got) != 2 {
		t.Fatalf("%s", out)
	}
	if got[0]["name"] != "山田 花子" || got[0]["reading"] != "やまだ はなこ" || got[0]["in"] != "2026-11-25T09:05:00+09:00" ||
		got[0]["out"] != "2026-11-25T17:30:00+09:00" || got[0]["purpose"] != "coworking" || got[0]["minutes"] != float64(505) {
		t.Errorf("first %v", got[0])
	}
	if got[1]["name"] != "新井 健一" || got[1]["in"] != "2026-11-25T10:10:00+09:00" || got[1]["out"] != nil || got[1]["purpose"] != "tour" || got[1]["purpose_label"] != "見学" {
		t.Errorf("second %v", got[1])
	}
	// A day without visits is an empty array, not null.
	code, out, _ = runCmd(t, "visits", "--db", db, "--date", "2026-11-24", "--format", "json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty day: %d %q", code, out)
	}
}

func TestVisitsCSVAndText(t *testing.T) {
	db, _ := visitsDB(t)
	code, out, _ := runCmd(t, "visits", "--db", db, "--date", "2026/11/25", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "\uFEFF") {
		t.Fatalf("code %d %q", code, out)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][0] != "氏名" || rows[1][0] != "山田 花子" || rows[1][2] != "2026-11-25T09:05:00+09:00" || rows[2][3] != "" || rows[2][5] != "見学" {
		t.Errorf("csv %q", rows)
	}
	code, out, _ = runCmd(t, "visits", "--db", db, "--date", "2026-11-25", "--lang", "en")
	if code != 0 || !strings.Contains(out, "Visits on") || !strings.Contains(out, "山田 花子") || !strings.Contains(out, "still in") || !strings.Contains(out, "17:30") {
		t.Errorf("text: %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "visits", "--db", db, "--date", "2026-11-25")
	if code != 0 || !strings.Contains(out, "来館 2件") || !strings.Contains(out, "在館中") {
		t.Errorf("text ja: %d\n%s", code, out)
	}
}

func TestVisitsUsageErrors(t *testing.T) {
	db, _ := visitsDB(t)
	for _, args := range [][]string{
		{"visits", "--db", db, "--date", "2026-13-01"},
		{"visits", "--db", db, "--format", "xml"},
		{"visits", "--db", db, "extra"},
	} {
		if code, _, errs := runCmd(t, args...); code != 2 || errs == "" {
			t.Errorf("%v: code %d %q", args, code, errs)
		}
	}
	// Today by default (nothing today in this database).
	if code, out, _ := runCmd(t, "visits", "--db", db, "--format", "json"); code != 0 || !strings.HasPrefix(strings.TrimSpace(out), "[") {
		t.Errorf("default day: %d %q", code, out)
	}
}
