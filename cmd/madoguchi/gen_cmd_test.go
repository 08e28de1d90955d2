package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

func genCmd(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb, env)
	return code, out.String(), errb.String()
}

func TestGenWritesAHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.db")
	code, out, errs := genCmd(t, []string{"LANG=en_US.UTF-8"}, "gen", "--years", "0", "--months", "1", "--seed", "5", "--now", "2026-11-25 10:30", "--db", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{path, "2026-10-25 - 2026-11-25 10:30", "people", "visits", "audit entries"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	people, err := s.People()
	if err != nil || len(people) < 250 {
		t.Fatalf("%d people (%v)", len(people), err)
	}
	open, err := s.OpenVisits()
	if err != nil || len(open) == 0 {
		t.Fatalf("nobody is in at --now (%v)", err)
	}
	for _, v := range open {
		if model.DateOf(v.In) != model.NewDate(2026, time.November, 25) {
			t.Fatalf("open visit from %s", v.In)
		}
	}

	// the same seed and --now again: the same people
	again := filepath.Join(t.TempDir(), "again.db")
	if code, _, errs := genCmd(t, nil, "gen", "--years", "0", "--months", "1", "--seed", "5", "--now", "2026-11-25T10:30", "--db", again); code != 0 {
		t.Fatalf("second run: exit %d: %s", code, errs)
	}
	s2, err := store.Open(again, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if p2, _ := s2.People(); !reflect.DeepEqual(people, p2) {
		t.Fatal("the same seed and --now gave different people")
	}
}

func TestGenSpeaksJapanese(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.db")
	code, out, _ := genCmd(t, nil, "gen", "--years", "0", "--months", "1", "--now", "2026-11-25", "--db", path, "--lang", "ja")
	if code != 0 || !strings.Contains(out, "の履歴を作りました") || !strings.Contains(out, "利用者") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

func TestGenRefuses(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "live.db")
	if err := os.WriteFile(existing, []byte("the site's database"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		env  []string
		args []string
		code int
		says string
	}{
		{"no --db", nil, []string{"gen", "--months", "1"}, 2, "--db"},
		{"MADOGUCHI_DB is not enough", []string{"MADOGUCHI_DB=" + filepath.Join(dir, "env.db")}, []string{"gen", "--months", "1"}, 2, "--db"},
		{"existing file", nil, []string{"gen", "--months", "1", "--db", existing}, 1, "already exists"},
		{"bad --now", nil, []string{"gen", "--now", "yesterday", "--db", filepath.Join(dir, "n.db")}, 2, "--now"},
		{"no history", nil, []string{"gen", "--years", "0", "--db", filepath.Join(dir, "z.db")}, 1, "1 month to 50 years"},
		{"unknown flag", nil, []string{"gen", "--decades", "1", "--db", filepath.Join(dir, "u.db")}, 2, "decades"},
	} {
		code, _, errs := genCmd(t, append([]string{"LANG=en_US.UTF-8"}, c.env...), c.args...)
		if code != c.code || !strings.Contains(errs, c.says) {
			t.Errorf("%s: exit %d, want %d; stderr %q", c.name, code, c.code, errs)
		}
	}
	if data, _ := os.ReadFile(existing); string(data) != "the site's database" {
		t.Fatal("gen changed an existing file")
	}
	for _, name := range []string{"env.db", "n.db", "z.db", "u.db"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s was created", name)
		}
	}
}

func TestParseGenNow(t *testing.T) {
	for in, want := range map[string]time.Time{
		"2026-11-25 10:30": time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo),
		"2026-11-25T9:05":  time.Date(2026, 11, 25, 9, 5, 0, 0, model.Tokyo),
		"2026-11-25":       time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo),
	} {
		if got, err := parseGenNow(in); err != nil || !got.Equal(want) {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "10:30", "2026-13-01", "2026-11-25 25:00"} {
		if _, err := parseGenNow(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
