package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/store/demo"
)

// reportDemo makes a demo database as of Wednesday 2026-11-25 (令和8年度) and returns its path.
func reportDemo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "madoguchi.db")
	if err := demo.FillIfEmpty(path, time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)); err != nil {
		t.Fatal(err)
	}
	return path
}

func reportCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb, nil)
	return code, out.String(), errb.String()
}

func TestKPIJSON(t *testing.T) {
	db := reportDemo(t)
	code, out, errs := reportCLI(t, "kpi", "--db", db, "--fy", "2026", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r reportJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if r.Period.Kind != "fiscal_year" || r.Period.Label != "令和8年度" || r.Period.From != "2026-04-01" || r.Period.To != "2027-03-31" {
		t.Errorf("period %+v", r.Period)
	}
	if len(r.KPIs) < 2 {
		t.Fatalf("kpis %+v", r.KPIs)
	}
	tw := r.KPIs[0]
	// 5 teleworkers took a job in the demo; the seed target is 15: 33%.
	if tw.Key != "teleworkers" || tw.Name != "業務を受注したテレワーカーの数" || tw.Actual == nil || *tw.Actual != 5 ||
		tw.Target == nil || *tw.Target != 15 || tw.Rate == nil || *tw.Rate != 33 {
		t.Errorf("teleworkers %+v", tw)
	}
	if pa := r.KPIs[1]; pa.Key != "participants" || pa.Target == nil || *pa.Target != 40 || pa.Rate == nil {
		t.Errorf("participants %+v", pa)
	}
	for _, k := range r.KPIs[2:] {
		if k.Target != nil || k.Rate != nil {
			t.Errorf("%s has a target", k.Key)
		}
	}
	// English names with --lang en.
	_, out, _ = reportCLI(t, "kpi", "--db", db, "--fy", "R8", "--format", "json", "--lang", "en")
	if !strings.Contains(out, `"name": "Teleworkers who took a job"`) || !strings.Contains(out, `"label": "FY2026"`) {
		t.Errorf("English json:\n%s", out)
	}
}

func TestKPITextAndCSV(t *testing.T) {
	db := reportDemo(t)
	code, out, errs := reportCLI(t, "kpi", "--db", db, "--fy", "2026")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"令和8年度（2026-04-01〜2027-03-31）", "業務を受注したテレワーカーの数", "5人  目標     15人    33%", "講座受講者数（延べ）", "育成講座"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = reportCLI(t, "kpi", "--db", db, "--month", "2026-11", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "\uFEFFキー,項目,実績,目標,達成率(%)") || !strings.Contains(out, "teleworkers,業務を受注したテレワーカーの数,") || !strings.Contains(out, "令和8年11月") {
		t.Errorf("csv (%d):\n%s", code, out)
	}
}

func TestKPIBadFlagsExit2(t *testing.T) {
	db := reportDemo(t)
	for _, args := range [][]string{
		{"--fy", "2026", "--month", "2026-11"},
		{"--fy", "1999"},
		{"--from", "2026-04-01"},
		{"--from", "2026-05-01", "--to", "2026-04-01"},
		{"--format", "xml"},
	} {
		code, _, errs := reportCLI(t, append([]string{"kpi", "--db", db}, args...)...)
		if code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
	if _, _, errs := reportCLI(t, "kpi", "--db", db, "--fy", "2026", "--month", "2026-11"); !strings.Contains(errs, "どれか一つだけ") {
		t.Errorf("the reason is given in Japanese: %q", errs)
	}
}

func TestExportXLSXAndTheNamesRule(t *testing.T) {
	db := reportDemo(t)
	dir := t.TempDir()
	plain := filepath.Join(dir, "r.xlsx")
	code, out, errs := reportCLI(t, "export", "--db", db, "--from", "2026-04-01", "--to", "2027-03-31", "--out", plain)
	if code != 0 || !strings.Contains(out, plain) || !strings.Contains(out, "件数のみ") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	named := filepath.Join(dir, "n.xlsx")
	if code, _, errs := reportCLI(t, "export", "--db", db, "--fy", "2026", "--out", named, "--with-names", "--staff", "佐藤 由美"); code != 0 {
		t.Fatalf("--with-names: exit %d: %s", code, errs)
	}
	cells := func(path string) string {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var b strings.Builder
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for _, r := range rows {
				b.WriteString(sh + "\t" + strings.Join(r, "\t") + "\n")
			}
		}
		return b.String()
	}
	p, n := cells(plain), cells(named)
	for _, name := range []string{"山田 花子", "山田 陽翔"} {
		if strings.Contains(p, name) {
			t.Errorf("%s in the counts-only export", name)
		}
		if !strings.Contains(n, name) {
			t.Errorf("%s missing with --with-names", name)
		}
	}
	if !strings.Contains(p, "KPI\t業務を受注したテレワーカーの数\tteleworkers\t5\t15\t33") {
		t.Errorf("KPI row missing:\n%s", p)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	es, err := s.Audit(store.AuditFilter{Kind: model.KindExport})
	if err != nil || len(es) != 2 || es[0].Staff != "佐藤 由美" || !strings.Contains(es[0].After, "氏名あり") || !strings.Contains(es[1].After, "件数のみ") {
		t.Errorf("audit %+v %v", es, err)
	}
}

func TestExportCSVSJIS(t *testing.T) {
	db := reportDemo(t)
	out := filepath.Join(t.TempDir(), "csv")
	code, stdout, errs := reportCLI(t, "export", "--db", db, "--fy", "2026", "--format", "csv", "--encoding", "sjis", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(stdout, filepath.Join(out, "kpi.csv")) {
		t.Errorf("files not listed: %s", stdout)
	}
	raw, err := os.ReadFile(filepath.Join(out, "kpi.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// 期間 in CP932 is 0x8AFA 0x8AD4.
	if bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) || !bytes.Contains(raw, []byte{0x8A, 0xFA, 0x8A, 0xD4}) {
		t.Errorf("kpi.csv is not CP932: % X", raw[:40])
	}
	// --encoding only applies to csv; unknown formats are refused.
	for _, args := range [][]string{{"--encoding", "sjis"}, {"--format", "pdf"}, {"--encoding", "latin1", "--format", "csv"}} {
		if code, _, _ := reportCLI(t, append([]string{"export", "--db", db, "--fy", "2026"}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
