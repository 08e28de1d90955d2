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

// jobsDemoDB makes a demo database (jobs in every status) as of now, the clock the command runs
// with, so "overdue" agrees.
func jobsDemoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.FillIfEmpty(path, time.Now()); err != nil {
		t.Fatal(err)
	}
	return path
}

// jobsRun runs `madoguchi jobs` with args and returns the exit code, stdout and stderr.
func jobsRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(append([]string{"jobs"}, args...), &out, &errw, []string{"HOME=" + t.TempDir(), "LANG=ja_JP.UTF-8"})
	return code, out.String(), errw.String()
}

func TestJobsJSON(t *testing.T) {
	db := jobsDemoDB(t)
	code, out, errs := jobsRun(t, "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var jobs []jobJSON
	if err := json.Unmarshal([]byte(out), &jobs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(jobs) != 9 {
		t.Fatalf("%d jobs, want the demo's 9", len(jobs))
	}
	seen := map[string]bool{}
	for i, j := range jobs {
		seen[j.Status] = true
		if i > 0 && j.Due < jobs[i-1].Due {
			t.Errorf("not sorted by due date: %s after %s", j.Due, jobs[i-1].Due)
		}
		if j.Amount != j.UnitPrice*j.Quantity || j.Net != j.Amount-j.Fee || j.Client == "" || j.Teleworker == "" || j.StatusLabel == "" {
			t.Errorf("job %+v", j)
		}
		if (j.PaidOn == nil) != (j.PaidAmount == nil) || (j.Status == "paid") != (j.PaidOn != nil) {
			t.Errorf("payment of %s job: %v %v", j.Status, j.PaidOn, j.PaidAmount)
		}
		if (j.Invoiced != nil) != (j.Status == "paid" || j.Status == "invoiced") {
			t.Errorf("invoice of %s job: %v", j.Status, j.Invoiced)
		}
	}
	if len(seen) != len(model.JobStatuses) {
		t.Errorf("statuses seen %v, want all %d", seen, len(model.JobStatuses))
	}
	// every field the issue names is in the JSON
	var raw []map[string]any
	_ = json.Unmarshal([]byte(out), &raw)
	for _, k := range []string{"id", "title", "client", "local", "category", "teleworker", "unit_price", "quantity", "unit", "amount", "fee", "net", "due", "status", "invoiced", "paid_amount", "paid_on"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
}

func TestJobsFilters(t *testing.T) {
	db := jobsDemoDB(t)
	count := func(args ...string) []jobJSON {
		t.Helper()
		code, out, errs := jobsRun(t, append([]string{"--db", db, "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var jobs []jobJSON
		if err := json.Unmarshal([]byte(out), &jobs); err != nil {
			t.Fatal(err)
		}
		return jobs
	}
	for _, st := range []string{"paid", "入金", "キャンセル", "辞退", "cancelled", "検品", "in_progress", "作業中"} {
		js := count("--status", st)
		want, _ := model.ParseJobStatus(st)
		if len(js) != 1 || js[0].Status != string(want) {
			t.Errorf("--status %s: %+v", st, js)
		}
	}
	if js := count("--status", "active"); len(js) != 7 {
		t.Errorf("--status active: %d jobs, want 7", len(js))
	}
	// person 1 is 山田 花子, with two jobs in the demo
	js := count("--person", "1")
	if len(js) != 2 {
		t.Fatalf("--person 1: %+v", js)
	}
	for _, j := range js {
		if j.PersonID != 1 || j.Teleworker != "山田 花子" {
			t.Errorf("--person 1 gave %+v", j)
		}
	}
	if js := count("--person", "1", "--status", "paid"); len(js) != 1 {
		t.Errorf("--person 1 --status paid: %+v", js)
	}
}

func TestJobsCSV(t *testing.T) {
	db := jobsDemoDB(t)
	code, out, errs := jobsRun(t, "--db", db, "--format", "csv", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "\uFEFF") || !strings.Contains(out, "\r\n") {
		t.Error("CSV should start with a BOM and use CRLF, for Excel")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "id,title,client,local,category,teleworker,unit price,quantity,unit,amount,fee,net,due,status,status code,invoiced,paid amount,paid date"
	if got := strings.Join(rows[0], ","); got != want {
		t.Errorf("header %q", got)
	}
	if len(rows) != 10 {
		t.Fatalf("%d rows, want a header and 9 jobs", len(rows))
	}
	for _, r := range rows[1:] {
		if r[14] == "paid" && (r[16] == "" || r[17] == "") || r[14] != "paid" && r[17] != "" {
			t.Errorf("payment columns of %v", r)
		}
		if r[14] == "cancelled" && r[13] != "cancelled" {
			t.Errorf("status label %q in English", r[13])
		}
	}
	_, ja, _ := jobsRun(t, "--db", db, "--format", "csv")
	if !strings.Contains(ja, "ID,案件名,発注元,地域内企業") || !strings.Contains(ja, "辞退/キャンセル") {
		t.Errorf("Japanese CSV:\n%s", ja)
	}
}

func TestJobsText(t *testing.T) {
	db := jobsDemoDB(t)
	code, out, _ := jobsRun(t, "--db", db)
	if code != 0 {
		t.Fatal(code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 10 || !strings.HasPrefix(lines[0], "案件 9件") {
		t.Fatalf("text:\n%s", out)
	}
	for _, want := range []string{"観光協会ブログ記事", "小鹿野町観光協会（地域内）", "¥16,000", "遅"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestJobsRefusesBadFlags(t *testing.T) {
	db := jobsDemoDB(t)
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--status", "完了"}, 2, "進捗「完了」はありません"},
		{[]string{"--person", "yamada"}, 2, "--person"},
		{[]string{"--person", "0"}, 2, "--person"},
		{[]string{"--format", "xlsx"}, 2, "--format"},
		{[]string{"--person", "999"}, 1, "見つかりません"},
		{[]string{"extra"}, 2, "unexpected argument"},
		{[]string{"--lang", "en", "--status", "done"}, 2, "Unknown job status"},
	}
	for _, tt := range tests {
		code, out, errs := jobsRun(t, append([]string{"--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(errs, tt.err) || out != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit %d and %q", tt.args, code, errs, out, tt.code, tt.err)
		}
	}
}
