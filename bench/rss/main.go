// Command rss reports madoguchi's peak memory with a database open in the TUI: it opens the
// database, builds the app at 120×40, drains its start-up commands, renders every tab, and prints
// its own peak resident set size (VmHWM in /proc/self/status, Linux only) as "peak-kB N".
// BenchmarkTUI/rss runs it in a subprocess so the benchmark harness's own memory is not counted.
//
//	go run ./bench/rss --db FILE
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/bench"
	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui"
)

func main() {
	db := flag.String("db", "", "database file")
	flag.Parse()
	if runtime.GOOS != "linux" {
		fmt.Fprintln(os.Stderr, "rss: VmHWM is read from /proc (Linux only)")
		os.Exit(3)
	}
	if err := run(*db); err != nil {
		fmt.Fprintln(os.Stderr, "rss:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	s, err := store.Open(path, store.Options{Clock: bench.Clock})
	if err != nil {
		return err
	}
	defer s.Close()
	app := tui.New(tui.Deps{Store: s, Lang: model.JA, Clock: bench.Clock, Staff: bench.Staff, Tick: bench.NoTick})
	m := bench.Drain(app, app.Init())
	m, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = bench.Drain(m, cmd)
	frames := 0
	for _, k := range "234561" {
		for range 2 { // esc, esc: let go of チェックイン's search field
			m, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
			m = bench.Drain(m, cmd)
		}
		m, cmd = m.Update(bench.Key(k))
		m = bench.Drain(m, cmd)
		if m.(tui.App).Active() == int(k-'1') && m.(tui.App).Render() != "" {
			frames++
		}
	}
	kb, err := peakKB()
	if err != nil {
		return err
	}
	fmt.Printf("frames %d\npeak-kB %d\n", frames, kb)
	return nil
}

// peakKB reads VmHWM, the peak resident set size, from /proc/self/status.
func peakKB() (int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			var kb int64
			_, err := fmt.Sscanf(strings.TrimSpace(rest), "%d kB", &kb)
			return kb, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}
