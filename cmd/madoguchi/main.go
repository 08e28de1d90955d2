// Command madoguchi is the desk app of the Nagawaka Shugakko coworking space: run without a
// subcommand it opens the terminal interface; subcommands print or export records headlessly.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/store/demo"
	"github.com/nagawaka/madoguchi/tui"
)

// version is set by the Makefile with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	if reexecNarrow() {
		return
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Environ()))
}

// reexecNarrow forces East Asian ambiguous width narrow: the terminal libraries read
// RUNEWIDTH_EASTASIAN once, at package init, so when it asks for wide we run ourselves again
// with it switched off. It returns true when the child ran (and the process should exit).
func reexecNarrow() bool {
	v, ok := os.LookupEnv("RUNEWIDTH_EASTASIAN")
	if !ok {
		return false
	}
	if b, err := strconv.ParseBool(v); err != nil || !b {
		return false
	}
	exe, err := os.Executable()
	if err != nil {
		return false
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Env = append(os.Environ(), "RUNEWIDTH_EASTASIAN=0")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		os.Exit(ee.ExitCode())
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
	return true
}

// env is the process environment as a lookup, injected for tests.
type env map[string]string

func newEnv(kv []string) env {
	e := env{}
	for _, s := range kv {
		if k, v, ok := strings.Cut(s, "="); ok {
			e[k] = v
		}
	}
	return e
}

// globals are the flags every command takes.
type globals struct {
	db   string
	lang string
	demo bool
}

func (g *globals) register(fs *flag.FlagSet, e env) {
	fs.StringVar(&g.db, "db", e["MADOGUCHI_DB"], "database file (default: "+defaultDBHint()+"; also MADOGUCHI_DB)")
	fs.StringVar(&g.lang, "lang", defaultLang(e), "language: ja or en (default from LANG)")
}

func defaultLang(e env) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := e[k]; v != "" {
			return model.ParseLang(v).String()
		}
	}
	return "ja"
}

func defaultDBHint() string {
	if runtime.GOOS == "windows" {
		return `%LocalAppData%\madoguchi\madoguchi.db`
	}
	return "$XDG_DATA_HOME/madoguchi/madoguchi.db or ~/.local/share/madoguchi/madoguchi.db"
}

// defaultDB returns the default database path for the platform.
func defaultDB(e env) (string, error) {
	if runtime.GOOS == "windows" {
		if d := e["LocalAppData"]; d != "" {
			return filepath.Join(d, "madoguchi", "madoguchi.db"), nil
		}
		if d := e["LOCALAPPDATA"]; d != "" {
			return filepath.Join(d, "madoguchi", "madoguchi.db"), nil
		}
	}
	if d := e["XDG_DATA_HOME"]; d != "" {
		return filepath.Join(d, "madoguchi", "madoguchi.db"), nil
	}
	home := e["HOME"]
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", err
		}
	}
	return filepath.Join(home, ".local", "share", "madoguchi", "madoguchi.db"), nil
}

// command is a subcommand.
type command struct {
	name, summary string
	run           func(c *cli, args []string) int
}

// cli carries what commands share.
type cli struct {
	out, errw io.Writer
	env       env
	g         globals
	lang      model.Lang
	clock     model.Clock
}

// registry holds the subcommands; each lives in its own file and registers itself in init,
// so commands can be added without touching this file.
var registry = []command{
	{"version", "print the version / 版を表示", cmdVersion},
}

func register(c command) { registry = append(registry, c) }

func commands() []command { return registry }

func usage(w io.Writer) {
	fmt.Fprintf(w, `madoguchi %s — 長若集学校の窓口アプリ / the desk app of Nagawaka Shugakko

Usage:
  madoguchi [--db FILE] [--lang ja|en] [--demo] [--staff NAME]   open the app
  madoguchi COMMAND [flags]                                     run a command

Flags (every command):
  --db FILE      database file (default: %s;
                 MADOGUCHI_DB also sets it)
  --lang ja|en   language (default from LANG; Japanese when unsure)
App flags:
  --demo         open a fresh demo database (in the cache folder unless --db is given)
  --staff NAME   start as this staff member, skipping the picker

Commands:
`, version, defaultDBHint())
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "  %-10s %s\n", "help", "this help / このヘルプ")
	fmt.Fprintln(w, "\n'madoguchi COMMAND --help' shows a command's flags.")
}

// run is main without os.Exit, for tests.
func run(args []string, stdout, stderr io.Writer, environ []string) int {
	c := &cli{out: stdout, errw: stderr, env: newEnv(environ), clock: model.SystemClock{}}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name := args[0]
		if name == "help" {
			usage(stdout)
			return 0
		}
		for _, cmd := range commands() {
			if cmd.name == name {
				return cmd.run(c, args[1:])
			}
		}
		fmt.Fprintf(stderr, "madoguchi: unknown command %q / 不明なコマンドです\n\n", name)
		usage(stderr)
		return 2
	}
	fs := flag.NewFlagSet("madoguchi", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.g.register(fs, c.env)
	fs.BoolVar(&c.g.demo, "demo", false, "open a demo database")
	staff := fs.String("staff", "", "start as this staff member")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout)
			return 0
		}
		fmt.Fprintf(stderr, "madoguchi: %v\n\n", err)
		usage(stderr)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "madoguchi: unexpected argument %q\n\n", fs.Arg(0))
		usage(stderr)
		return 2
	}
	c.lang = model.ParseLang(c.g.lang)
	return c.runApp(*staff)
}

// parse parses a subcommand's flags (plus the global ones); ok is false when the command
// should exit with code.
func (c *cli) parse(name string, args []string, define func(fs *flag.FlagSet)) (ok bool, code int, fs *flag.FlagSet) {
	fs = flag.NewFlagSet("madoguchi "+name, flag.ContinueOnError)
	fs.SetOutput(c.errw)
	c.g.register(fs, c.env)
	if define != nil {
		define(fs)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return false, 0, fs
		}
		return false, 2, fs
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(c.errw, "madoguchi %s: unexpected argument %q\n", name, fs.Arg(0))
		fs.Usage()
		return false, 2, fs
	}
	c.lang = model.ParseLang(c.g.lang)
	return true, 0, fs
}

// open opens the database named by --db or the default, reporting errors in one line.
func (c *cli) open() (*store.Store, bool) {
	path := c.g.db
	if path == "" {
		var err error
		if path, err = defaultDB(c.env); err != nil {
			fmt.Fprintln(c.errw, "madoguchi:", err)
			return nil, false
		}
	}
	s, err := store.Open(path, store.Options{Clock: c.clock})
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi: "+model.Message(err, c.lang))
		return nil, false
	}
	return s, true
}

func cmdVersion(c *cli, args []string) int {
	if ok, code, _ := c.parse("version", args, nil); !ok {
		return code
	}
	fmt.Fprintf(c.out, "madoguchi %s (%s/%s, %s, schema %d)\n", version, runtime.GOOS, runtime.GOARCH, runtime.Version(), store.SchemaVersion)
	return 0
}

// runApp opens the database (filling the demo when asked) and runs the terminal interface.
func (c *cli) runApp(staff string) int {
	if c.g.demo {
		fresh := c.g.db == ""
		if fresh {
			dir, err := os.UserCacheDir()
			if err != nil {
				dir = os.TempDir()
			}
			c.g.db = filepath.Join(dir, "madoguchi", "demo.db")
			if err := os.MkdirAll(filepath.Dir(c.g.db), 0o700); err != nil {
				fmt.Fprintln(c.errw, "madoguchi:", err)
				return 1
			}
			if err := os.Remove(c.g.db); err != nil && !errors.Is(err, os.ErrNotExist) {
				fmt.Fprintln(c.errw, "madoguchi: "+c.lang.Pick("デモ用データベースを作り直せません（別の madoguchi で開いていませんか）: ", "cannot recreate the demo database (is it open in another madoguchi?): ")+err.Error())
				return 1
			}
		}
		// a demo made now runs on its own clock (a working morning, whatever the hour); a file that
		// already held people is real data or an earlier demo, and keeps the real clock
		clk := demo.Clock(c.clock)
		filled, err := demo.Fill(c.g.db, clk.Now())
		if err != nil {
			fmt.Fprintln(c.errw, "madoguchi: "+model.Message(err, c.lang))
			return 1
		}
		if filled {
			c.clock = clk
		}
		s, ok := c.open()
		if !ok {
			return 1
		}
		if staff == "" {
			staff = demo.Staff
		}
		return c.tui(s, staff)
	}
	s, ok := c.open()
	if !ok {
		return 1
	}
	return c.tui(s, staff)
}

// tui runs the terminal interface, with the start-of-day backup as its first background
// command; a panic anywhere in it ends in a crash report (crash.go).
func (c *cli) tui(s *store.Store, staff string) int {
	defer s.Close()
	_, noColor := c.env["NO_COLOR"]
	return c.runProgram(s, func() tea.Model {
		return tui.New(tui.Deps{Store: s, Lang: c.lang, Clock: c.clock, NoColor: noColor, Staff: staff})
	}, startBackup(s))
}
