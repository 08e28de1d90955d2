package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui"
	"github.com/nagawaka/madoguchi/tui/components"
)

// searches are typed key by key: kana, romaji and kanji, as staff type at the counter.
var searches = []string{"やまだ はなこ", "yamada hanako", "山田 花子", "すねや", "kurosawa"}

// keystrokes returns every prefix of the searches, one per key press.
func keystrokes() []string {
	var out []string
	for _, s := range searches {
		r := []rune(s)
		for i := 1; i <= len(r); i++ {
			out = append(out, string(r[:i]))
		}
	}
	return out
}

// BenchmarkTUI measures what staff feel on the ten-year history: search per keystroke over
// 10,000 people, a key press to a new view, cold start to the first frame, and peak memory.
func BenchmarkTUI(b *testing.B) {
	dir, cleanup, err := Dir()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(cleanup)
	ten, err := DB(dir, 10, 0)
	if err != nil {
		b.Fatal(err)
	}
	// the app opens its database read-write: it gets its own copy
	path := filepath.Join(dir, fmt.Sprintf("tui-%d.db", os.Getpid()))
	if err := Copy(ten, path); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.Remove(path) })

	people := store.GeneratePeople(Seed, 10000)
	b.Run("search", func(b *testing.B) {
		s := components.NewSearcher(people)
		perKey(b, func(q string) int { return len(s.Find(q)) })
	})
	b.Run("search_filter", func(b *testing.B) {
		perKey(b, func(q string) int { return len(components.Filter(people, q)) })
	})
	b.Run("keypress", func(b *testing.B) {
		m, done := openApp(b, path, 120, 40)
		defer done()
		Single(b, func() error { m = press(m, 'r'); return nil })
	})
	b.Run("tabs", func(b *testing.B) { benchTabs(b, path) })
	b.Run("coldstart", func(b *testing.B) {
		Single(b, func() error {
			m, done := openApp(b, path, 80, 24)
			done()
			if m.(tui.App).Render() == "" {
				return fmt.Errorf("no first frame")
			}
			return nil
		})
	})
	b.Run("rss", func(b *testing.B) { benchRSS(b, buildRSS(b, dir), path) })
}

// perKey times search for every keystroke of every search, b.N times over, and reports the
// slowest keystroke's median (op-ns) and the median of all keystrokes (all-ns).
func perKey(b *testing.B, search func(q string) int) {
	keys := keystrokes()
	for _, q := range keys { // warm up, and make sure something is found
		search(q)
	}
	if search("yamada") == 0 {
		b.Fatal("nobody found for yamada")
	}
	times := make([][]time.Duration, len(keys))
	var all []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, q := range keys {
			t0 := time.Now()
			search(q)
			d := time.Since(t0)
			times[k] = append(times[k], d)
			all = append(all, d)
		}
	}
	b.StopTimer()
	worst, at := 0.0, ""
	for k, ts := range times {
		if m := Median(ts); m > worst {
			worst, at = m, keys[k]
		}
	}
	b.ReportMetric(worst, "op-ns")
	b.ReportMetric(Median(all), "all-ns")
	b.Logf("slowest keystroke: %q", at)
}

// openApp opens the store and builds the app as cmd/madoguchi does (colour on, staff chosen),
// drains its start-up commands and sizes it; done closes the store.
func openApp(b *testing.B, path string, w, h int) (tea.Model, func()) {
	s, err := store.Open(path, store.Options{Clock: Clock})
	if err != nil {
		b.Fatal(err)
	}
	app := tui.New(tui.Deps{Store: s, Lang: model.JA, Clock: Clock, Staff: Staff, Tick: NoTick})
	m := Drain(app, app.Init())
	m, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m = Drain(m, cmd)
	return m, func() { s.Close() }
}

// press sends a key, runs the commands it starts (reads included) and renders the new view.
func press(m tea.Model, k rune) tea.Model {
	m, cmd := m.Update(Key(k))
	m = Drain(m, cmd)
	_ = m.(tui.App).Render()
	return m
}

// leave lets go of a focused search field (チェックイン types digits into its search): esc clears
// it, a second esc leaves it, as staff do before switching tabs.
func leave(m tea.Model) tea.Model {
	for range 2 {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
		m = Drain(m, cmd)
	}
	return m
}

// benchTabs times a key press to each tab's view at 120×40 and reports the slowest tab's median
// (op-ns).
func benchTabs(b *testing.B, path string) {
	m, done := openApp(b, path, 120, 40)
	defer done()
	tabs := []rune("234561")
	times := make([][]time.Duration, len(tabs))
	for _, k := range tabs {
		m = press(leave(m), k)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for t, k := range tabs {
			m = leave(m) // untimed
			t0 := time.Now()
			m = press(m, k)
			times[t] = append(times[t], time.Since(t0))
		}
	}
	b.StopTimer()
	worst, at := 0.0, 0
	for t, ts := range times {
		if md := Median(ts); md > worst {
			worst, at = md, t
		}
	}
	b.ReportMetric(worst, "op-ns")
	b.Logf("slowest tab: %c", tabs[at])
}

// buildRSS builds bench/rss into dir once per run (on Linux; elsewhere "").
func buildRSS(b *testing.B, dir string) string {
	if runtime.GOOS != "linux" {
		return ""
	}
	exe := filepath.Join(dir, fmt.Sprintf("rss-%d", os.Getpid()))
	if _, err := os.Stat(exe); err == nil {
		return exe
	}
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		goTool = "go"
	}
	if out, err := exec.Command(goTool, "build", "-o", exe, "./rss").CombinedOutput(); err != nil {
		b.Fatalf("go build ./rss: %v\n%s", err, out)
	}
	b.Cleanup(func() { os.Remove(exe) })
	return exe
}

// benchRSS runs bench/rss on the ten-year history b.N times and reports the median peak
// resident set size (op-MB, in 10⁶ bytes).
func benchRSS(b *testing.B, exe, path string) {
	if exe == "" {
		b.Skip("peak RSS is read from /proc (Linux only)")
	}
	var peaks []time.Duration // kB, kept as durations to reuse Median
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, err := exec.Command(exe, "--db", path).CombinedOutput()
		if err != nil {
			b.Fatalf("rss: %v\n%s", err, out)
		}
		kb, frames := int64(-1), 0
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) == 2 && f[0] == "peak-kB" {
				kb, _ = strconv.ParseInt(f[1], 10, 64)
			}
			if len(f) == 2 && f[0] == "frames" {
				frames, _ = strconv.Atoi(f[1])
			}
		}
		if kb <= 0 || frames != 6 {
			b.Fatalf("rss printed:\n%s", out)
		}
		peaks = append(peaks, time.Duration(kb))
	}
	b.StopTimer()
	b.ReportMetric(Median(peaks)*1024/1e6, "op-MB")
}
