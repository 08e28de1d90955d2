package jobs_test

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// Goldens of the screen's body as the app draws it in an 80×24 and a 120×40 terminal (the body
// is the terminal less the tab bar, status lines and help bar: 80×20 and 120×36), stripped of
// colour. Regenerate with `go test ./tui/jobs/ -update` and read the diff.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		lang model.Lang
		w, h int
		job  uint64 // 0: the list
	}{
		{"List80x24", model.JA, 80, 24, 0},
		{"List80x24English", model.EN, 80, 24, 0},
		{"List120x40", model.JA, 120, 40, 0},
		{"Detail80x24", model.JA, 80, 24, jobPaid},
		{"DetailOverdue80x24", model.JA, 80, 24, jobInProgress},
		{"Detail80x24English", model.EN, 80, 24, jobReturned},
		{"Detail120x40", model.JA, 120, 40, jobQA},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := open(t, tuitest.OpenDemo(t), c.lang, c.w, c.h)
			if c.job != 0 {
				m = openJob(t, m, c.job)
			}
			v := view(m)
			checkSize(t, v, c.w, c.h-4)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// The checklist panel and the payment form, as they open over the detail.
func TestGoldenPanels(t *testing.T) {
	for _, c := range []struct {
		name string
		job  uint64
		keys []string
	}{{"Checklist80x24", jobQA, []string{"d", "space"}}, {"Payment80x24", jobInvoiced, []string{"p"}}, {"Worker80x24", jobPaid, []string{"esc", "t"}}} {
		t.Run(c.name, func(t *testing.T) {
			m := openJob(t, open(t, tuitest.OpenDemo(t), model.JA, 80, 24), c.job)
			m = keys(t, m, c.keys...)
			v := view(m)
			checkSize(t, v, 80, 20)
			golden.RequireEqual(t, []byte(v))
		})
	}
}
