package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// envOpen makes the test binary a second madoguchi: it opens the database at that path with the
// app's options, prints what happened and exits, without running any test.
const envOpen = "MADOGUCHI_TEST_OPEN"

// lockBound is how long a second madoguchi may take to say the database is in use: the lock
// timeout plus starting a process, with room to spare. A correctness bound, not a benchmark.
const lockBound = 3 * time.Second

func TestMain(m *testing.M) {
	if path := os.Getenv(envOpen); path != "" {
		os.Exit(secondProcess(path))
	}
	if path := os.Getenv(envCrashChild); path != "" { // the crash test's child (crash_test.go)
		os.Exit(crashChild(path))
	}
	os.Exit(m.Run())
}

// secondProcess opens path as the app does and reports on stdout, one line: whether the error
// wraps model.ErrLocked and how long Open took to say so.
func secondProcess(path string) int {
	start := time.Now()
	s, err := store.Open(path, store.Options{})
	elapsed := time.Since(start)
	if err == nil {
		s.Close()
		fmt.Println("result: opened")
		return 0
	}
	fmt.Printf("result: locked=%t elapsed=%s error=%s\n", errors.Is(err, model.ErrLocked), elapsed, err)
	return 0
}

func TestLockSecondProcess(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	newPerson(t, s, "山田 花子", "やまだ はなこ")

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envOpen+"="+s.Path())
	start := time.Now()
	out, err := cmd.CombinedOutput()
	total := time.Since(start)
	if err != nil {
		t.Fatalf("second process: %v\n%s", err, out)
	}
	_, line, ok := strings.Cut(string(out), "result: ")
	if !ok || !strings.HasPrefix(line, "locked=true ") {
		t.Fatalf("second process did not get ErrLocked:\n%s", out)
	}
	// The bound is on Open in the second process (what the person at the desk waits for once
	// madoguchi has started); starting a race-instrumented test binary on a busy machine adds
	// its own second or so, logged here.
	field, _, _ := strings.Cut(strings.TrimPrefix(line, "locked=true elapsed="), " ")
	elapsed, err := time.ParseDuration(field)
	if err != nil {
		t.Fatalf("second process output %q: %v", line, err)
	}
	t.Logf("second process: Open gave up after %v (process %v)", elapsed, total)
	if elapsed >= lockBound || elapsed < store.LockTimeout/2 {
		t.Errorf("second process's Open gave up after %v, want about %v and under %v", elapsed, store.LockTimeout, lockBound)
	}

	// The first madoguchi carries on.
	q := newPerson(t, s, "鈴木 一郎", "すずき いちろう")
	if _, err := s.CheckIn(q.ID, model.PurposeCoworking); err != nil {
		t.Errorf("first store after the second process gave up: %v", err)
	}
	if people, err := s.People(); err != nil || len(people) != 2 {
		t.Errorf("People = %d, %v", len(people), err)
	}
}

func TestLockSameProcess(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(at(day, "9:00")))
	for i := 0; i < 2; i++ { // a failed attempt must not release the first store's lock
		start := time.Now()
		second, err := store.Open(s.Path(), store.Options{Timeout: 100 * time.Millisecond})
		if err == nil {
			second.Close()
			t.Fatal("a second Open of a database in use succeeded")
		}
		if !errors.Is(err, model.ErrLocked) {
			t.Errorf("second Open: %v, want ErrLocked", err)
		}
		if el := time.Since(start); el >= lockBound {
			t.Errorf("second Open took %v with a 100 ms timeout", el)
		}
	}
	p := newPerson(t, s, "山田 花子", "やまだ はなこ")
	if got, err := s.Person(p.ID); err != nil || got.Name != "山田 花子" {
		t.Errorf("first store after a refused second Open: %+v, %v", got, err)
	}

	// Once the first is closed, the database opens again with what was written.
	must(t, s.Close())
	again, err := store.Open(s.Path(), store.Options{Timeout: 100 * time.Millisecond})
	must(t, err)
	defer again.Close()
	if got, err := again.Person(p.ID); err != nil || got.Name != "山田 花子" {
		t.Errorf("after reopening: %+v, %v", got, err)
	}
}

func TestReadOnlyOpen(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := store.Open(path, store.Options{Clock: newClock(at(day, "9:00"))})
	must(t, err)
	newPerson(t, s, "山田 花子", "やまだ はなこ")
	must(t, s.Close())
	before := fileSum(t, path)

	ro, err := store.Open(path, store.Options{ReadOnly: true})
	must(t, err)
	people, err := ro.People()
	must(t, err)
	if len(people) != 1 {
		t.Errorf("People read only = %+v", people)
	}
	p, _ := model.NewPerson(model.PersonInput{Name: "鈴木 一郎", Reading: "すずき いちろう"})
	if _, err := ro.CreatePerson(p); err == nil {
		t.Error("a read-only store accepted a write")
	}
	must(t, ro.Close())
	if fileSum(t, path) != before {
		t.Error("a read-only open changed the file")
	}
	if _, err := store.Open(filepath.Join(t.TempDir(), "missing.db"), store.Options{ReadOnly: true}); err == nil {
		t.Error("a read-only open of a missing file succeeded")
	}
}
