// Command summary reads the output of madoguchi's benchmarks (`go test -bench` lines with the
// op-ns, base-ns, ratio, op-MB metrics that bench.Pair and friends report) and prints issue 9's
// table: operation, median, baseline, ratio, target, result. It exits 1 when a target is missed
// or a benchmark that should have run is missing, so `make bench` fails.
//
//	go run ./bench/summary bench-output.txt   (or on standard input)
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// row is one line of the table: a benchmark and its targets.
type row struct {
	bench    string  // benchmark name without "Benchmark" and the -N suffix
	what     string  // the operation
	base     string  // what the ratio is taken against
	maxNs    float64 // the median must be at most this (0: no time target)
	maxMB    float64 // peak memory target (0: none)
	maxRatio float64 // the ratio must be at most this (0: no ratio target)
	below    bool    // the ratio must be strictly below maxRatio
	info     bool    // shown, never judged
	note     string
}

const (
	us = 1e3
	ms = 1e6
)

// rows are issue 9's targets, in the order of the issue.
var rows = []row{
	{bench: "Store/checkin", what: "check-in through the store, 10-year DB", base: "bare bbolt put", maxRatio: 1.2},
	{bench: "Store/checkin_floor_file", what: "  the bare put itself, into the 10-year file", base: "bare bbolt put", info: true},
	{bench: "Store/checkin_floor_record", what: "  the visit record alone, 10-year visits", base: "bare bbolt put", info: true},
	{bench: "Store/visits_day", what: "one day's visits, 10-year DB", base: "1-month DB", maxNs: 0.5 * ms, maxRatio: 1.3},
	{bench: "Store/slots_day", what: "a day's slots with rosters", base: "1-month DB", maxNs: 0.5 * ms, maxRatio: 1.3},
	{bench: "Store/roll", what: "a session's roll (store.Roll)", base: "1-month DB", maxNs: 0.5 * ms, maxRatio: 1.3},
	{bench: "Store/review", what: "end-of-day review (store.Review)", base: "1-month DB", maxNs: 1 * ms, maxRatio: 1.3},
	{bench: "Store/home", what: "home screen's read (store.Today)", base: "1-month DB", maxNs: 1 * ms, maxRatio: 1.3},
	{bench: "Store/kpi_fy", what: "FY KPI report (store.Report)", base: "1-year DB", maxNs: 50 * ms, maxRatio: 1.5},
	{bench: "Store/fy_visits", what: "FY visits via idx_visits_day", base: "1-year DB", maxNs: 50 * ms, maxRatio: 1.5},
	{bench: "TUI/search", what: "search per keystroke, 10,000 people", maxNs: 1 * ms, note: "slowest keystroke; the picker's Searcher"},
	{bench: "TUI/search_filter", what: "components.Filter per call, 10,000", info: true, note: "re-sorts per call; not the typing path"},
	{bench: "TUI/keypress", what: "key to new view, home 120x40", maxNs: 4 * ms},
	{bench: "TUI/tabs", what: "key to new view, slowest tab 120x40", maxNs: 4 * ms},
	{bench: "TUI/coldstart", what: "cold start to first frame, 10-year DB", maxNs: 30 * ms},
	{bench: "TUI/rss", what: "peak RSS, 10-year DB open in the TUI", maxMB: 60},
	{bench: "SQLite/visits_day", what: "day's visits: madoguchi / SQLite", base: "SQLite, indexed", maxRatio: 1, below: true},
	{bench: "SQLite/fy_counts", what: "FY visit counts: madoguchi / SQLite", base: "SQLite, indexed", info: true},
}

// result is what one benchmark reported.
type result struct {
	metrics map[string]float64
}

var suffix = regexp.MustCompile(`-\d+$`)

// parse reads benchmark lines, and SKIP and FAIL marks, from go test output.
func parse(r io.Reader) (res map[string]result, skipped, failed map[string]bool, err error) {
	res, skipped, failed = map[string]result{}, map[string]bool{}, map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		for mark, set := range map[string]map[string]bool{"--- SKIP: ": skipped, "--- FAIL: ": failed} {
			if rest, ok := strings.CutPrefix(line, mark); ok {
				name := strings.Fields(rest)[0]
				set[suffix.ReplaceAllString(strings.TrimPrefix(name, "Benchmark"), "")] = true
			}
		}
		if !strings.HasPrefix(line, "Benchmark") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || len(f)%2 != 0 {
			continue // a name alone (a parent of sub-benchmarks, or one that failed)
		}
		name := suffix.ReplaceAllString(strings.TrimPrefix(f[0], "Benchmark"), "")
		m := map[string]float64{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			m[f[i+1]] = v
		}
		res[name] = result{metrics: m}
	}
	return res, skipped, failed, sc.Err()
}

// human writes nanoseconds or megabytes for the table (ASCII only: "us", not the micro sign).
func human(v float64, mb bool) string {
	switch {
	case mb:
		return fmt.Sprintf("%.1f MB", v)
	case v < us:
		return fmt.Sprintf("%.0f ns", v)
	case v < ms:
		return fmt.Sprintf("%.0f us", v/us)
	case v < 100*ms:
		return fmt.Sprintf("%.1f ms", v/ms)
	}
	return fmt.Sprintf("%.0f ms", v/ms)
}

func (r row) target() string {
	var t []string
	switch {
	case r.maxNs > 0:
		t = append(t, "<= "+human(r.maxNs, false))
	case r.maxMB > 0:
		t = append(t, "<= "+human(r.maxMB, true))
	}
	if r.maxRatio > 0 {
		op := "<="
		if r.below {
			op = "<"
		}
		t = append(t, fmt.Sprintf("%s %gx", op, r.maxRatio))
	}
	if r.info {
		return "(shown only)"
	}
	return strings.Join(t, ", ")
}

// judge returns the row's cells and whether it passed.
func (r row) judge(res result, ok bool, skipped, failed bool) (median, base, ratio, verdict string, pass bool) {
	median, base, ratio = "-", "-", "-"
	switch {
	case skipped:
		return median, base, ratio, "skipped", true
	case failed || !ok:
		return median, base, ratio, "MISSING", r.info
	}
	m := res.metrics
	pass = true
	if v, has := m["op-MB"]; has {
		median = human(v, true)
		if r.maxMB > 0 && v > r.maxMB {
			pass = false
		}
	} else if v, has := m["op-ns"]; has {
		median = human(v, false)
		if r.maxNs > 0 && v > r.maxNs {
			pass = false
		}
	} else {
		return median, base, ratio, "MISSING", r.info
	}
	if v, has := m["base-ns"]; has {
		base = human(v, false)
	}
	if v, has := m["ratio"]; has {
		ratio = fmt.Sprintf("%.2f", v)
		if r.maxRatio > 0 && (v > r.maxRatio || (r.below && v >= r.maxRatio)) {
			pass = false
		}
	} else if r.maxRatio > 0 {
		pass = false
	}
	switch {
	case r.info:
		return median, base, ratio, "info", true
	case pass:
		return median, base, ratio, "pass", true
	}
	return median, base, ratio, "FAIL", false
}

// summarize writes the table and reports whether every target was met.
func summarize(in io.Reader, w io.Writer) (bool, error) {
	res, skipped, failed, err := parse(in)
	if err != nil {
		return false, err
	}
	all := true
	type cells [7]string
	table := []cells{{"operation", "median", "baseline", "vs", "ratio", "target", "result"}}
	for _, r := range rows {
		got, ok := res[r.bench]
		median, base, ratio, verdict, pass := r.judge(got, ok, skipped[r.bench], failed[r.bench])
		all = all && pass
		vs := r.base
		if vs == "" {
			vs = "-"
		}
		table = append(table, cells{r.what, median, base, vs, ratio, r.target(), verdict})
	}
	widths := make([]int, len(table[0]))
	for _, c := range table {
		for i, s := range c {
			widths[i] = max(widths[i], len(s))
		}
	}
	fmt.Fprintln(w, "\nmadoguchi benchmarks (issue 9): medians of interleaved runs; ratio = median / baseline's median")
	for n, c := range table {
		var b strings.Builder
		for i, s := range c {
			if i > 0 {
				b.WriteString("  ")
			}
			if i == 1 || i == 2 || i == 4 {
				fmt.Fprintf(&b, "%*s", widths[i], s)
			} else {
				fmt.Fprintf(&b, "%-*s", widths[i], s)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		if n == 0 {
			fmt.Fprintln(w, strings.Repeat("-", len(strings.TrimRight(b.String(), " "))))
		}
	}
	for _, r := range rows {
		if r.note != "" {
			fmt.Fprintf(w, "  %s: %s\n", r.what, r.note)
		}
	}
	if all {
		fmt.Fprintln(w, "every target met")
	} else {
		fmt.Fprintln(w, "TARGETS MISSED (FAIL or MISSING above)")
	}
	return all, nil
}

func main() {
	var in io.Reader = os.Stdin
	if len(os.Args) > 1 {
		var rs []io.Reader
		for _, p := range os.Args[1:] {
			f, err := os.Open(p)
			if err != nil {
				fmt.Fprintln(os.Stderr, "summary:", err)
				os.Exit(2)
			}
			defer f.Close()
			rs = append(rs, f, strings.NewReader("\n"))
		}
		in = io.MultiReader(rs...)
	}
	ok, err := summarize(in, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "summary:", err)
		os.Exit(2)
	}
	if !ok {
		os.Exit(1)
	}
}
