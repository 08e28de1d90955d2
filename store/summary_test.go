package store

import (
	"encoding/json"
	"fmt"
	"testing"
)

// A long record's audit summary stays valid JSON: lists are cut to two items and a count.
func TestSummaryOfALongRecordIsStillJSON(t *testing.T) {
	long := struct {
		Date     string   `json:"date"`
		LeftOpen []string `json:"left_open"`
	}{Date: "2026-11-25"}
	for i := 0; i < 40; i++ {
		long.LeftOpen = append(long.LeftOpen, fmt.Sprintf("来館中: 利用者 %d さん（9:05〜）", i))
	}
	got := summary(long)
	var back map[string]any
	if err := json.Unmarshal([]byte(got), &back); err != nil {
		t.Fatalf("not JSON (%v): %s", err, got)
	}
	if len(got) > summaryMax || back["date"] != "2026-11-25" || len(back["left_open"].([]any)) != 3 {
		t.Fatalf("summary %s", got)
	}
}

// A long list on its own (a job's QA checklist) is shortened the same way and stays JSON.
func TestSummaryOfALongListIsStillJSON(t *testing.T) {
	var items []string
	for i := 0; i < 60; i++ {
		items = append(items, fmt.Sprintf("検品項目その%d（誤字脱字・表記ゆれ）", i))
	}
	got := summary(items)
	var back []any
	if err := json.Unmarshal([]byte(got), &back); err != nil || len(back) != 3 || len(got) > summaryMax {
		t.Fatalf("summary %s (%v)", got, err)
	}
}
