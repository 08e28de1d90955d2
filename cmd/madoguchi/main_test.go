package main

import (
	"bytes"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/store"
)

func runCLI(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb, env)
	return code, out.String(), errb.String()
}

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := runCLI(t, nil, "version")
	if code != 0 || !strings.HasPrefix(out, "madoguchi ") || !strings.Contains(out, "schema") {
		t.Fatalf("version: %d %q", code, out)
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		code, out, _ := runCLI(t, nil, args...)
		if code != 0 || !strings.Contains(out, "Commands:") || !strings.Contains(out, "--db") || !strings.Contains(out, "version") {
			t.Fatalf("%v: %d\n%s", args, code, out)
		}
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	_, out, _ := runCLI(t, nil, "help")
	for _, c := range commands() {
		if !strings.Contains(out, "  "+c.name) {
			t.Errorf("help lacks %q", c.name)
		}
	}
}

func TestUnknownCommandOrFlagExits2(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"--frobnicate"}, {"version", "--frobnicate"}, {"--db"}} {
		code, _, errs := runCLI(t, nil, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if !strings.Contains(errs, "Usage") && !strings.Contains(errs, "flag") {
			t.Errorf("%v: no usage on stderr: %q", args, errs)
		}
	}
}

func TestDefaultDBPath(t *testing.T) {
	if runtime.GOOS == "windows" {
		p, _ := defaultDB(env{"LocalAppData": `C:\Users\a\AppData\Local`})
		if !strings.HasSuffix(p, filepath.Join("madoguchi", "madoguchi.db")) {
			t.Fatal(p)
		}
		return
	}
	p, _ := defaultDB(env{"XDG_DATA_HOME": "/x/data", "HOME": "/home/a"})
	if p != "/x/data/madoguchi/madoguchi.db" {
		t.Fatal(p)
	}
	p, _ = defaultDB(env{"HOME": "/home/a"})
	if p != "/home/a/.local/share/madoguchi/madoguchi.db" {
		t.Fatal(p)
	}
}

func TestDefaultLang(t *testing.T) {
	for in, want := range map[string]string{"en_US.UTF-8": "en", "ja_JP.UTF-8": "ja", "C": "ja", "": "ja"} {
		if got := defaultLang(env{"LANG": in}); got != want {
			t.Errorf("LANG=%q → %s, want %s", in, got, want)
		}
	}
	if got := defaultLang(env{"LANG": "ja_JP.UTF-8", "LC_ALL": "en_GB.UTF-8"}); got != "en" {
		t.Errorf("LC_ALL should win, got %s", got)
	}
}

// A second madoguchi on the same database prints the clear error within 3 s and exits non-zero;
// the first is unharmed. (bbolt's lock is per open file, so this holds within one process too.)
func TestSecondInstanceIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	first, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	for _, lang := range []string{"ja", "en"} {
		start := time.Now()
		code, _, errs := runCLI(t, []string{"MADOGUCHI_DB=" + path}, "--lang", lang, "--staff", "x")
		took := time.Since(start)
		if code == 0 {
			t.Fatalf("second instance exited 0")
		}
		want := map[string]string{"ja": "別の madoguchi ですでに開かれています", "en": "already open in another madoguchi on this PC"}[lang]
		if !strings.Contains(errs, want) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Fatalf("%s: stderr %q", lang, errs)
		}
		if took > 3*time.Second {
			t.Fatalf("took %v", took)
		}
	}
	if _, err := first.People(); err != nil {
		t.Fatalf("first instance harmed: %v", err)
	}
}
