package export_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/store/demo"
	"github.com/nagawaka/madoguchi/store/export"
)

// now is the demo's day: Wednesday 2026-11-25, 10:30 in Tokyo (令和8年度).
var now = time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)

// openDemo fills a fresh database file with the demo and opens it.
func openDemo(t *testing.T) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "db", "madoguchi.db")
	if err := demo.FillIfEmpty(path, now); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{Clock: model.FixedClock{T: now}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetStaff("佐藤 由美")
	return s
}

// demoNames are names of people and children in the demo that must not appear without --with-names.
var demoNames = []string{"山田 花子", "佐々木 美咲", "高橋 恵子", "山田 陽翔", "高橋 芽依", "山田 和子"}

func allCells(t *testing.T, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return b.String()
}

func TestXLSXReadsBackCountsOnly(t *testing.T) {
	s := openDemo(t)
	out := filepath.Join(t.TempDir(), "report.xlsx")
	p := model.FiscalYearPeriod(2026)
	res, err := export.Run(s, export.Options{Period: p, Out: out, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if res.Path != out || len(res.Files) != 1 {
		t.Fatalf("result %+v", res)
	}
	if st, err := os.Stat(out); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o600) {
		t.Fatalf("file %v %v, want mode 0600", st, err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"KPI", "月次", "講座別", "出欠（回別）", "託児（日別）", "案件"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	rows, _ := f.GetRows("KPI")
	if len(rows) < 8 || rows[1][0] != "期間" || rows[1][1] != "令和8年度" || rows[1][2] != "2026-04-01" || rows[1][3] != "2027-03-31" {
		t.Fatalf("KPI title lines: %q", rows[:3])
	}
	if rows[2][0] != "作成日" || rows[2][1] != "令和8年11月25日" || rows[2][2] != "2026-11-25" {
		t.Errorf("made on: %q", rows[2])
	}
	if !slices.Equal(rows[4], []string{"項目", "キー", "実績", "目標", "達成率(%)", "単位"}) {
		t.Fatalf("KPI header %q", rows[4])
	}
	kpis := res.Report.KPIs()
	byKey := map[string][]string{}
	for _, r := range rows[5:] {
		if len(r) > 1 {
			byKey[r[1]] = r
		}
	}
	// The demo: jobs reached 受注 for 山田, 佐々木, 田中, 渡辺 and 小林 → 5 of the target 15 (33%).
	if r := byKey["teleworkers"]; len(r) < 5 || r[0] != "業務を受注したテレワーカーの数" || r[2] != "5" || r[3] != "15" || r[4] != "33" {
		t.Errorf("teleworkers row %q", r)
	}
	for _, k := range kpis {
		r := byKey[k.Key]
		if len(r) < 3 {
			t.Errorf("no row for %s", k.Key)
			continue
		}
		want := ""
		if k.Valid {
			want = strings.TrimSpace(strings.TrimPrefix(k.Format(model.EN), "¥"))
			want = strings.ReplaceAll(strings.TrimSuffix(want, "%"), ",", "")
		}
		if r[2] != want {
			t.Errorf("%s = %q in the sheet, %q in the report", k.Key, r[2], want)
		}
	}
	months, _ := f.GetRows("月次")
	if len(months) != 13 || months[0][0] != "月" || months[1][0] != "令和8年4月" || months[1][1] != "2026-04" || months[12][1] != "2027-03" {
		t.Errorf("monthly sheet: %d rows, first %q", len(months), months[:2])
	}
	sessions, _ := f.GetRows("出欠（回別）")
	if len(sessions) != 1+len(res.Report.Sessions) || sessions[0][14] != "出席率(%)" {
		t.Errorf("sessions sheet: %d rows for %d sessions; header %q", len(sessions), len(res.Report.Sessions), sessions[0])
	}
	jobs, _ := f.GetRows("案件")
	if jobs[0][9] != "テレワーカーID" {
		t.Errorf("jobs header names the teleworker without --with-names: %q", jobs[0])
	}
	cells := allCells(t, f)
	for _, n := range demoNames {
		if strings.Contains(cells, n) {
			t.Errorf("%s appears in a counts-only export", n)
		}
	}
	es, err := s.Audit(store.AuditFilter{Kind: model.KindExport})
	if err != nil || len(es) != 1 || !strings.Contains(es[0].After, out) || !strings.Contains(es[0].After, "件数のみ") {
		t.Errorf("audit %+v %v", es, err)
	}
}

func TestXLSXWithNames(t *testing.T) {
	s := openDemo(t)
	res, err := export.Run(s, export.Options{Period: model.FiscalYearPeriod(2026), WithNames: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	// No --out: a new file in exports/ beside the database, the folder private.
	dir := filepath.Join(filepath.Dir(s.Path()), "exports")
	if filepath.Dir(res.Path) != dir || filepath.Base(res.Path) != "report_FY2026_20261125-103000_names.xlsx" {
		t.Errorf("path %s", res.Path)
	}
	if st, err := os.Stat(dir); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o700) {
		t.Errorf("exports folder %v %v, want mode 0700", st, err)
	}
	f, err := excelize.OpenFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Contains(got, "出欠（氏名）") || !slices.Contains(got, "託児（氏名）") {
		t.Errorf("sheets %v lack the names sheets", got)
	}
	cells := allCells(t, f)
	for _, n := range demoNames {
		if !strings.Contains(cells, n) {
			t.Errorf("%s missing from the export with names", n)
		}
	}
	kids, _ := f.GetRows("託児（氏名）")
	// Yesterday 山田 陽翔 was picked up by 山田 和子 (佐々木 蓮 was a no-show: not a use); today
	// three children are in care (利用中 counts as a use).
	if len(kids) != 5 || kids[1][2] != "山田 陽翔" || kids[1][3] != "山田 花子" || kids[1][4] != "お迎え済" || kids[1][7] != "山田 和子" || kids[4][4] != "利用中" {
		t.Errorf("childcare names: %q", kids)
	}
	es, _ := s.Audit(store.AuditFilter{Kind: model.KindExport})
	if len(es) != 1 || !strings.Contains(es[0].After, "氏名あり") {
		t.Errorf("audit %+v", es)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("%s has no BOM", path)
	}
	if !bytes.Contains(b, []byte("\r\n")) {
		t.Errorf("%s lines do not end in CRLF", path)
	}
	r := csv.NewReader(bytes.NewReader(b[3:]))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestCSVUTF8WithBOM(t *testing.T) {
	s := openDemo(t)
	out := filepath.Join(t.TempDir(), "csv")
	res, err := export.Run(s, export.Options{Period: model.FiscalYearPeriod(2026), Format: export.CSV, Out: out, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range res.Files {
		names = append(names, filepath.Base(f))
		if st, err := os.Stat(f); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o600) {
			t.Errorf("%s: %v %v", f, st, err)
		}
	}
	if want := []string{"kpi.csv", "monthly.csv", "courses.csv", "sessions.csv", "childcare.csv", "jobs.csv"}; !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
	kpi := readCSV(t, filepath.Join(out, "kpi.csv"))
	if kpi[1][1] != "令和8年度" || kpi[4][0] != "項目" || kpi[5][0] != "業務を受注したテレワーカーの数" || kpi[5][2] != "5" {
		t.Errorf("kpi.csv: %q", kpi[:7])
	}
	days := readCSV(t, filepath.Join(out, "childcare.csv"))
	if days[0][0] != "日付" || len(days) != 1+len(res.Report.Days) {
		t.Errorf("childcare.csv: %q", days)
	}
}

// records is a tiny period with the characters CP932 has to map, and the job title given.
func records(title string) model.ReportRecords {
	p, _ := model.NewRangePeriod(model.NewDate(2025, 4, 1), model.NewDate(2025, 4, 30))
	return model.ReportRecords{
		Period:  p,
		Targets: model.KPITargets{Teleworkers: 15, Participants: 40},
		Jobs: []model.Job{{ID: 1, Title: title, ClientID: 1, PersonID: 1, UnitPrice: 1000, Quantity: 2, Unit: "件", Category: "データ入力",
			Status: model.JobAccepted, AcceptedAt: time.Date(2025, 4, 10, 6, 0, 0, 0, time.UTC)}},
		Clients: []model.Client{{ID: 1, Name: "小鹿野町観光協会", Local: true}},
		People:  []model.Person{{ID: 1, Name: "山田 花子"}},
	}
}

func TestSJISMapsWaveDashAndMinus(t *testing.T) {
	ts := export.Tables(model.BuildReport(records("紅葉〜新緑 記事 −5%")), export.TableOptions{SiteName: "長若集学校", Made: now})
	dir := filepath.Join(t.TempDir(), "sjis")
	files, err := export.WriteCSV(dir, ts, export.SJIS)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "jobs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) {
		t.Error("a CP932 file has a UTF-8 BOM")
	}
	if !bytes.Contains(raw, []byte{0x81, 0x60}) || !bytes.Contains(raw, []byte{0x81, 0x7C}) {
		t.Errorf("〜 and − not written as 0x8160 and 0x817C: % X", raw)
	}
	dec, err := japanese.ShiftJIS.NewDecoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(dec), "紅葉～新緑 記事 －5%") || !strings.Contains(string(dec), "小鹿野町観光協会") {
		t.Errorf("decoded jobs.csv: %s", dec)
	}
	if len(files) != 6 {
		t.Errorf("%d files", len(files))
	}
}

func TestSJISFailsLoudlyNamingTheCell(t *testing.T) {
	for _, c := range []struct {
		title string
		char  rune
	}{{"ECサイト—商品説明", '—'}, {"𠮷野家さんの案件", '𠮷'}, {"価格¥1,000", '¥'}} {
		ts := export.Tables(model.BuildReport(records(c.title)), export.TableOptions{SiteName: "長若集学校", Made: now})
		dir := filepath.Join(t.TempDir(), "sjis")
		_, err := export.WriteCSV(dir, ts, export.SJIS)
		var ee *export.EncodingError
		if !errors.As(err, &ee) {
			t.Fatalf("%q: err %v, want an EncodingError", c.title, err)
		}
		// jobs.csv: the header is row 1, the job row 2; 案件名 is column F.
		if ee.Sheet != "案件" || ee.File != "jobs.csv" || ee.Row != 2 || ee.Col != 6 || ee.Header != "案件名" || ee.Char != c.char {
			t.Errorf("%q: %+v", c.title, ee)
		}
		if !errors.Is(err, model.ErrInvalid) {
			t.Error("an unmappable character is invalid input")
		}
		ja, en := model.Message(err, model.JA), model.Message(err, model.EN)
		if !strings.Contains(ja, "シート「案件」") || !strings.Contains(ja, "2行 F列") || !strings.Contains(ja, string(c.char)) || !strings.Contains(en, "row 2 column F") {
			t.Errorf("messages: %s / %s", ja, en)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("a failed export wrote %s", dir)
		}
	}
	// Through Run: the error reaches the caller and nothing is audited or left behind.
	s := openDemo(t)
	out := filepath.Join(t.TempDir(), "csv")
	if _, err := export.Run(s, export.Options{Period: model.FiscalYearPeriod(2026), Format: export.CSV, Encoding: export.SJIS, Out: out, Now: now}); err != nil {
		t.Fatalf("the demo is all CP932: %v", err)
	}
	if _, err := export.Run(s, export.Options{Period: model.FiscalYearPeriod(2026), Format: export.XLSX, Encoding: export.SJIS, Now: now}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("xlsx with sjis: %v", err)
	}
}

func TestTablesWithoutNamesShowIDs(t *testing.T) {
	r := model.BuildReport(records("記事"))
	for _, tb := range export.Tables(r, export.TableOptions{Made: now}) {
		for _, row := range tb.Rows {
			for _, c := range row {
				if s, ok := c.(string); ok && strings.Contains(s, "山田") {
					t.Errorf("%s has a name without --with-names: %q", tb.Sheet, row)
				}
			}
		}
		if tb.Sheet == "案件" && (tb.Rows[0][9] != uint64(1) || tb.Rows[0][13] != int64(2000)) {
			t.Errorf("job row %v", tb.Rows[0])
		}
	}
	var jobs export.Table
	for _, tb := range export.Tables(r, export.TableOptions{WithNames: true, Made: now}) {
		if tb.Sheet == "案件" {
			jobs = tb
		}
	}
	if jobs.Rows[0][9] != "山田 花子" {
		t.Errorf("with names the teleworker is named: %v", jobs.Rows[0])
	}
}

func TestParseFormatAndEncoding(t *testing.T) {
	for in, want := range map[string]export.Format{"": export.XLSX, "xlsx": export.XLSX, "CSV": export.CSV} {
		if got, err := export.ParseFormat(in); err != nil || got != want {
			t.Errorf("format %q = %q %v", in, got, err)
		}
	}
	for in, want := range map[string]export.Encoding{"": export.UTF8, "utf-8": export.UTF8, "sjis": export.SJIS, "Shift_JIS": "", "cp932": export.SJIS} {
		got, err := export.ParseEncoding(in)
		if want == "" {
			if err == nil {
				t.Errorf("encoding %q accepted", in)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("encoding %q = %q %v", in, got, err)
		}
	}
	if _, err := export.ParseFormat("pdf"); !errors.Is(err, model.ErrInvalid) {
		t.Error("pdf accepted")
	}
}
