package main

import (
	"bytes"
	"strings"
	"testing"
)

// sample is go test -bench output as the benchmarks print it.
const sample = `goos: linux
BenchmarkStore/checkin-2         	    1137	   3324254 ns/op	    435236 base-ns	    515029 op-ns	         1.18 ratio
BenchmarkStore/visits_day-2      	    3872	    290229 ns/op	    119147 base-ns	    114706 op-ns	         0.9627 ratio
BenchmarkStore/slots_day-2       	    4953	    301532 ns/op	    118285 base-ns	    120199 op-ns	         1.016 ratio
BenchmarkStore/roll-2            	    1760	    596876 ns/op	    262060 base-ns	    248409 op-ns	         0.9479 ratio
BenchmarkStore/review-2          	    1753	    643279 ns/op	    310131 base-ns	    229080 op-ns	         0.7387 ratio
BenchmarkStore/home-2            	    2254	    597294 ns/op	    274588 base-ns	    210287 op-ns	         0.7658 ratio
BenchmarkStore/kpi_fy-2          	      14	  94225482 ns/op	  45738616 base-ns	  45272396 op-ns	         0.9898 ratio
BenchmarkStore/fy_visits-2       	      27	  47772024 ns/op	  25090617 base-ns	  22309315 op-ns	         0.8891 ratio
BenchmarkTUI/search-2         	      40	  27525519 ns/op	    492000 all-ns	    765658 op-ns
--- BENCH: BenchmarkTUI/search-2
    tui_test.go:116: slowest keystroke: "k"
BenchmarkTUI/search_filter-2  	       2	1729834912 ns/op	  32338868 all-ns	 103927178 op-ns
BenchmarkTUI/keypress-2       	    1359	   1127514 ns/op	    644237 op-ns
BenchmarkTUI/tabs-2           	     304	   5839064 ns/op	    499592 op-ns
BenchmarkTUI/coldstart-2      	      22	  76446914 ns/op	  28373816 op-ns
--- SKIP: BenchmarkTUI/rss-2
BenchmarkSQLite/visits_day-2 	 1000	 300000 ns/op	 200000 base-ns	 100000 op-ns	 0.5 ratio
BenchmarkSQLite/fy_counts-2 	 10	 3000000 ns/op	 2000000 base-ns	 20000000 op-ns	 10 ratio
`

func TestSummaryPasses(t *testing.T) {
	var out bytes.Buffer
	ok, err := summarize(strings.NewReader(sample), &out)
	if err != nil || !ok {
		t.Fatalf("ok=%v err=%v\n%s", ok, err, out.String())
	}
	for _, want := range []string{"check-in through the store", "515 us", "435 us", "1.18", "<= 1.2x", "skipped", "info", "every target met"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "FAIL") {
		t.Errorf("a row failed:\n%s", out.String())
	}
}

func TestSummaryFailsOnAMissedTargetOrMissingRow(t *testing.T) {
	for name, in := range map[string]string{
		"ratio":   strings.Replace(sample, "1.18 ratio", "2.10 ratio", 1),
		"time":    strings.Replace(sample, "28373816 op-ns", "68373816 op-ns", 1),
		"memory":  strings.Replace(sample, "--- SKIP: BenchmarkTUI/rss-2", "BenchmarkTUI/rss-2  10  138013335 ns/op  61.5 op-MB", 1),
		"missing": strings.Replace(sample, "BenchmarkStore/roll-2", "BenchmarkStore/rollx-2", 1),
		"failed":  sample + "--- FAIL: BenchmarkStore/kpi_fy\n",
		"below 1": strings.Replace(sample, "0.5 ratio", "1 ratio", 1),
	} {
		var out bytes.Buffer
		ok, err := summarize(strings.NewReader(in), &out)
		if err != nil || ok {
			t.Errorf("%s: ok=%v err=%v\n%s", name, ok, err, out.String())
		}
		if !strings.Contains(out.String(), "TARGETS MISSED") {
			t.Errorf("%s: no verdict line", name)
		}
	}
}

func TestHuman(t *testing.T) {
	for v, want := range map[float64]string{850: "850 ns", 123456: "123 us", 12_345_678: "12.3 ms", 123_456_789: "123 ms"} {
		if got := human(v, false); got != want {
			t.Errorf("human(%v) = %q, want %q", v, got, want)
		}
	}
}
