package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
)

// Crashes. Bubble Tea recovers a panic in Update, View or a command, restores the terminal and
// returns ErrProgramPanic, but keeps the stack to itself (it prints it to stderr). guard wraps
// the root model so the first panic's value and stack are recorded, and the program quits
// cleanly; then runProgram closes the database, writes a crash report beside it and prints one
// line saying where it is. While the program runs, stderr goes to a temporary file whose text
// joins the report. Background work is always a tea.Cmd, never a goroutine of our own: a panic
// there could be caught by nobody.

// crashExit is the exit status after a crash.
const crashExit = 3

// catcher records the first panic.
type catcher struct {
	mu     sync.Mutex
	value  any
	stack  []byte
	got    bool
	output string // what was written to stderr while the program ran (Bubble Tea's own report)
}

// catch is deferred directly (so recover works): it records a panic and panics again, for
// Bubble Tea to restore the terminal (View cannot ask the program to quit).
func (c *catcher) catch() {
	if r := recover(); r != nil {
		c.record(r, debug.Stack())
		panic(r)
	}
}

func (c *catcher) record(v any, stack []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.got {
		c.value, c.stack, c.got = v, stack, true
	}
}

func (c *catcher) caught() (any, []byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.value, c.stack, c.got
}

// crashMsg tells guard that a command panicked (and was recorded): the program quits.
type crashMsg struct{}

// wrap makes a command record its panic and end the program instead; the commands of a batch
// it returns are wrapped too. (A command inside tea.Sequence cannot be reached: Bubble Tea
// catches its panic itself.)
func (c *catcher) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				c.record(r, debug.Stack())
				msg = crashMsg{}
			}
		}()
		msg = cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			w := make(tea.BatchMsg, len(b))
			for i, x := range b {
				w[i] = c.wrap(x)
			}
			return w
		}
		return msg
	}
}

// guard is the root model wrapped by a catcher. A panic in Init, Update or a command is
// recorded and the program quits cleanly (restoring the terminal); a panic in View is recorded
// and passed on to Bubble Tea, which restores the terminal and returns ErrProgramPanic. start
// runs beside the model's own first command.
type guard struct {
	m     tea.Model
	c     *catcher
	start tea.Cmd
}

func (g guard) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.c.record(r, debug.Stack())
			cmd = tea.Quit
		}
	}()
	return tea.Batch(g.c.wrap(g.m.Init()), g.c.wrap(g.start))
}

func (g guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if _, ok := msg.(crashMsg); ok {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.c.record(r, debug.Stack())
			m, cmd = g, tea.Quit // the model as it was before the panic, for the last frame
		}
	}()
	next, cmd := g.m.Update(msg)
	return guard{m: next, c: g.c, start: g.start}, g.c.wrap(cmd)
}

func (g guard) View() tea.View {
	defer g.c.catch()
	return g.m.View()
}

// startBackup is the backup made when the app starts, as a background command: a big database
// takes a second or two to copy and check, and the desk need not wait for it. A failure is kept
// for ホーム (s.BackupStatus) until a backup passes; either way the screens are told to reload.
func startBackup(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		_, _ = s.Backup()
		return common.DataChangedMsg{Kind: store.KindDatabase}
	}
}

// runProgram builds the root model and runs the terminal program on it, with start as a first
// background command. After a panic anywhere in it (or in building it) the database is closed,
// a crash report is written and one line says where.
func (c *cli) runProgram(s *store.Store, build func() tea.Model, start tea.Cmd, opts ...tea.ProgramOption) (code int) {
	ct := &catcher{}
	// Nothing may write to stderr under the alt screen; what is written there (Bubble Tea's
	// "Caught panic" and its stack) goes into the crash report instead of the terminal.
	capture := captureStderr()
	defer func() {
		if r := recover(); r != nil { // outside Bubble Tea's loop
			ct.record(r, debug.Stack())
			ct.output = capture.read()
			capture.restore()
			code = c.crashed(s, ct)
		}
	}()
	_, err := tea.NewProgram(guard{m: build(), c: ct, start: start}, opts...).Run()
	_, _, got := ct.caught()
	if got || errors.Is(err, tea.ErrProgramPanic) {
		ct.output = capture.read()
		if got {
			// Every panic guard saw has been handled in Run's goroutine: nothing else is
			// printing. A panic only Bubble Tea saw may still be printed from its goroutine,
			// so then stderr stays where it is until the process exits.
			capture.restore()
		}
		return c.crashed(s, ct)
	}
	capture.restore()
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi:", err)
		return 1
	}
	return 0
}

// crashed closes the database, writes the report and says where it is.
func (c *cli) crashed(s *store.Store, ct *catcher) int {
	_ = s.Close() // every change was its own committed transaction; nothing is pending
	v, stack, got := ct.caught()
	if !got {
		v, stack = "panic (caught by Bubble Tea; its stack was printed above)", nil
	}
	now := c.clock.Now()
	report := crashReport(v, stack, now, s.Path())
	if ct.output != "" {
		report += "\n--- stderr while running ---\n" + ct.output
	}
	path, err := writeCrashReport(filepath.Dir(s.Path()), now, report)
	if err != nil { // the database's folder cannot be written: the temporary folder then
		path, err = writeCrashReport(os.TempDir(), now, report)
	}
	l := c.lang
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi: "+l.Pick("予期しないエラーで終了しました（記録はすべて保存済みです）。報告書を書けませんでした: ",
			"stopped after an unexpected error (every record is saved). The crash report could not be written: ")+err.Error())
		return crashExit
	}
	fmt.Fprintln(c.errw, "madoguchi: "+l.Pick(
		"予期しないエラーで終了しました（記録はすべて保存済みです）。報告書: "+path,
		"stopped after an unexpected error (every record is saved). Crash report: "+path))
	return crashExit
}

// stderrCapture holds os.Stderr pointed at a temporary file while the program runs.
type stderrCapture struct {
	f   *os.File
	old *os.File
}

// captureStderr points os.Stderr at a temporary file (when one can be made). Files a run left
// when it was killed (a closed terminal window) are removed after a week.
func captureStderr() *stderrCapture {
	if old, err := filepath.Glob(filepath.Join(os.TempDir(), "madoguchi-stderr-*.txt")); err == nil {
		for _, p := range old {
			if st, err := os.Stat(p); err == nil && time.Since(st.ModTime()) > 7*24*time.Hour {
				_ = os.Remove(p)
			}
		}
	}
	f, err := os.CreateTemp("", "madoguchi-stderr-*.txt")
	if err != nil {
		return &stderrCapture{}
	}
	c := &stderrCapture{f: f, old: os.Stderr}
	os.Stderr = f
	return c
}

// read returns what was written so far (the first MiB).
func (c *stderrCapture) read() string {
	if c.f == nil {
		return ""
	}
	data, _ := io.ReadAll(io.LimitReader(io.NewSectionReader(c.f, 0, 1<<20), 1<<20))
	return string(data)
}

// restore points os.Stderr back and removes the file. After a crash it is not called: Bubble
// Tea may still be printing its report from the goroutine that panicked, and the process is
// about to exit anyway.
func (c *stderrCapture) restore() {
	if c.f == nil {
		return
	}
	os.Stderr = c.old
	c.f.Close()
	os.Remove(c.f.Name())
	c.f = nil
}

// crashReport is the report's text: what happened, when, which build, and the stack.
func crashReport(v any, stack []byte, now time.Time, db string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "madoguchi crash report / 異常終了の報告\n\n")
	fmt.Fprintf(&b, "time:     %s (%s)\n", now.In(model.Tokyo).Format("2006-01-02 15:04:05 MST"), now.UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "version:  madoguchi %s, schema %d, %s %s/%s\n", version, store.SchemaVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "database: %s\n", db)
	fmt.Fprintf(&b, "panic:    %v\n\n", v)
	if len(stack) > 0 {
		b.Write(stack)
	}
	return b.String()
}

// writeCrashReport writes crash-YYYYMMDD-HHMMSS.txt (mode 0600) into dir.
func writeCrashReport(dir string, now time.Time, text string) (string, error) {
	stamp := now.In(model.Tokyo).Format("20060102-150405")
	path := filepath.Join(dir, "crash-"+stamp+".txt")
	for n := 2; ; n++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) && n < 100 {
			path = filepath.Join(dir, fmt.Sprintf("crash-%s-%d.txt", stamp, n))
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return path, err
	}
}
