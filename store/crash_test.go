package store_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// The crash test. A child process (this test binary, re-executed with envCrashChild naming the
// database) writes what the desk writes all day, check-ins and check-outs, children and bookings
// and cancellations, attendance marks, and prints one line for each write after it is
// committed. The parent kills it with SIGKILL after a random number of lines, while it is in the
// middle of some transaction, then reopens the database and requires bbolt's consistency check
// and madoguchi's own (store.Check) to pass and every write the child reported to be there.
// Trials continue on the same file, so each one also starts from a database that was killed.
// `make test` runs 3 trials; MADOGUCHI_CRASH_TRIALS=100 (make test-crash) runs more.

// envCrashChild makes the test binary the crash test's child: it writes to the database at that
// path until it is killed. TestMain (lock_test.go) dispatches it.
const envCrashChild = "MADOGUCHI_TEST_CRASH_CHILD"

// crashChild is the child's loop. Lines it prints (each after the write is committed):
//
//	ready                  setup done
//	P person               person created
//	V visit person         checked in
//	O visit                checked out
//	C child                child created
//	S slot                 slot created
//	B booking              booked (or waitlisted)
//	X booking              cancelled
//	M session person mark  attendance marked (each pair once)
func crashChild(path string) int {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Println("E open", err)
		return 3
	}
	defer s.Close()
	s.SetStaff("受付 佐藤")
	fail := func(what string, err error) int {
		fmt.Println("E", what, err)
		return 3
	}
	today := model.DateOf(time.Now())
	course, err := model.NewCourse(model.CourseInput{Kind: model.CourseBasic, Name: "育成講座", FiscalYear: model.FiscalYear(today)})
	if err != nil {
		return fail("course", err)
	}
	if course, err = s.CreateCourse(course); err != nil {
		return fail("course", err)
	}
	var ins []model.Session
	for i := 0; i < 5; i++ {
		se, err := model.NewSession(model.SessionInput{CourseID: course.ID, Date: today.AddDays(i).String(), Start: "10:00", End: "12:00", Title: fmt.Sprintf("第%d回", i+1)})
		if err != nil {
			return fail("session", err)
		}
		ins = append(ins, se)
	}
	sessions, err := s.CreateSessions(ins)
	if err != nil {
		return fail("sessions", err)
	}
	fmt.Println("ready")
	marks := []model.Mark{model.MarkPresent, model.MarkLate, model.MarkAbsent, model.MarkExcused, model.MarkLeftEarly}
	var slot model.ChildcareSlot
	var lastIn, lastBooking uint64
	for i := 0; ; i++ {
		if i%40 == 0 { // a fresh slot now and then keeps each booking's roster short
			sl, err := model.NewSlot(model.SlotInput{Date: today.AddDays(i/40%300 + 1).String(), Start: "9:00", End: "12:00", Capacity: 6, Caregivers: 2})
			if err != nil {
				return fail("slot", err)
			}
			if slot, err = s.CreateSlot(sl); err != nil {
				return fail("slot", err)
			}
			fmt.Println("S", slot.ID)
		}
		p, err := model.NewPerson(model.PersonInput{Name: fmt.Sprintf("利用者 %d", i), Reading: "りようしゃ", Notes: strings.Repeat("メモ", i%300)})
		if err != nil {
			return fail("person", err)
		}
		if p, err = s.CreatePerson(p); err != nil {
			return fail("person", err)
		}
		fmt.Println("P", p.ID)
		v, err := s.CheckIn(p.ID, model.PurposeCoworking)
		if err != nil {
			return fail("check in", err)
		}
		fmt.Println("V", v.ID, p.ID)
		if lastIn != 0 {
			if v, err = s.CheckOut(lastIn); err != nil {
				return fail("check out", err)
			}
			fmt.Println("O", v.ID)
		}
		lastIn = p.ID
		c, err := model.NewChild(model.ChildInput{GuardianID: p.ID, Name: fmt.Sprintf("子ども %d", i), Reading: "こども", BirthDate: today.AddDays(-400 - i%2000).String()}, today)
		if err != nil {
			return fail("child", err)
		}
		if c, err = s.CreateChild(c); err != nil {
			return fail("child", err)
		}
		fmt.Println("C", c.ID)
		b, err := s.Book(slot.ID, c.ID, p.ID, true)
		if err != nil {
			return fail("book", err)
		}
		fmt.Println("B", b.ID)
		if i%3 == 2 && lastBooking != 0 {
			if _, err := s.CancelBooking(lastBooking); err != nil {
				return fail("cancel", err)
			}
			fmt.Println("X", lastBooking)
			lastBooking = 0
		} else {
			lastBooking = b.ID
		}
		se := sessions[i%len(sessions)]
		m := marks[i%len(marks)]
		a, err := model.NewAttendance(se.ID, p.ID, m, "")
		if err != nil {
			return fail("mark", err)
		}
		if _, err := s.SetMark(a); err != nil {
			return fail("mark", err)
		}
		fmt.Println("M", se.ID, p.ID, m)
	}
}

// crashTrials is how many kills TestCrash makes.
func crashTrials(t *testing.T) int {
	if v := os.Getenv("MADOGUCHI_CRASH_TRIALS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("MADOGUCHI_CRASH_TRIALS=%q", v)
		}
		return n
	}
	return 3
}

// reported is everything the children said they committed, across trials.
type reported struct {
	people, children, slots, bookings []uint64
	visits                            map[uint64]uint64 // visit → person
	out, cancelled                    []uint64
	marks                             map[[2]uint64]model.Mark
	lines                             int
}

func (r *reported) add(t *testing.T, line string) {
	f := strings.Fields(line)
	num := func(i int) uint64 {
		n, err := strconv.ParseUint(f[i], 10, 64)
		if err != nil {
			t.Fatalf("child line %q: %v", line, err)
		}
		return n
	}
	r.lines++
	switch f[0] {
	case "P":
		r.people = append(r.people, num(1))
	case "V":
		r.visits[num(1)] = num(2)
	case "O":
		r.out = append(r.out, num(1))
	case "C":
		r.children = append(r.children, num(1))
	case "S":
		r.slots = append(r.slots, num(1))
	case "B":
		r.bookings = append(r.bookings, num(1))
	case "X":
		r.cancelled = append(r.cancelled, num(1))
	case "M":
		r.marks[[2]uint64{num(1), num(2)}] = model.Mark(f[3])
	case "ready":
		r.lines--
	default:
		t.Fatalf("child: %s", line)
	}
}

func TestCrash(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	trials := crashTrials(t)
	path := filepath.Join(t.TempDir(), "madoguchi.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d, %d trials", seed, trials)
	rnd := rand.New(rand.NewPCG(seed, 0x6d61646f))
	all := newReported()
	start := time.Now()
	for trial := 0; trial < trials; trial++ {
		after := 1 + rnd.IntN(300) // kill after this many committed writes
		rep := newReported()
		crashOnce(t, path, after, rep, all)
		verifyCrash(t, path, rep) // this trial's writes (and the whole file's consistency)
		if t.Failed() {
			t.Fatalf("trial %d (killed after %d writes, seed %d)", trial, after, seed)
		}
	}
	verifyCrash(t, path, all) // and every trial's writes, still there after the later kills
	t.Logf("%d trials, %d committed writes verified, in %v", trials, all.lines, time.Since(start).Round(time.Millisecond))
}

func newReported() *reported {
	return &reported{visits: map[uint64]uint64{}, marks: map[[2]uint64]model.Mark{}}
}

// crashOnce runs a child on path and kills it after n reported writes; every line it printed
// before dying is added to reps.
func crashOnce(t *testing.T, path string, n int, reps ...*reported) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envCrashChild+"="+path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	sc := bufio.NewScanner(out)
	seen := 0
	killed := false
	for sc.Scan() {
		line := sc.Text()
		for _, rep := range reps {
			rep.add(t, line)
		}
		if line != "ready" {
			seen++
		}
		if seen == n && !killed {
			must(t, cmd.Process.Signal(syscall.SIGKILL))
			killed = true // lines already in the pipe were committed too: keep reading them
		}
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !killed || !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the child ended by itself (%v) after %d writes:\n%s", err, seen, stderr.String())
	}
}

// verifyCrash reopens the database and checks it holds everything reported.
func verifyCrash(t *testing.T, path string, rep *reported) {
	t.Helper()
	s, err := store.Open(path, store.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("reopening after the kill: %v", err)
	}
	defer s.Close()
	check, err := s.Check()
	must(t, err)
	for _, p := range check.Problems {
		t.Errorf("after the kill: %s", p.Message(model.EN))
	}
	for _, id := range rep.people {
		if _, err := s.Person(id); err != nil {
			t.Errorf("person %d reported committed: %v", id, err)
		}
	}
	for vid, pid := range rep.visits {
		if v, err := s.Visit(vid); err != nil || v.PersonID != pid {
			t.Errorf("visit %d reported committed: %+v, %v", vid, v, err)
		}
	}
	for _, vid := range rep.out {
		if v, err := s.Visit(vid); err != nil || v.Open() {
			t.Errorf("visit %d reported checked out: %+v, %v", vid, v, err)
		}
	}
	for _, id := range rep.children {
		if _, err := s.Child(id); err != nil {
			t.Errorf("child %d reported committed: %v", id, err)
		}
	}
	for _, id := range rep.slots {
		if _, err := s.Slot(id); err != nil {
			t.Errorf("slot %d reported committed: %v", id, err)
		}
	}
	for _, id := range rep.bookings {
		if _, err := s.Booking(id); err != nil {
			t.Errorf("booking %d reported committed: %v", id, err)
		}
	}
	for _, id := range rep.cancelled {
		if b, err := s.Booking(id); err != nil || b.Status != model.BookingCancelled {
			t.Errorf("booking %d reported cancelled: %+v, %v", id, b, err)
		}
	}
	bySession := map[uint64]map[uint64]model.Mark{}
	for k := range rep.marks {
		if bySession[k[0]] == nil {
			as, err := s.AttendanceOf(k[0])
			must(t, err)
			bySession[k[0]] = map[uint64]model.Mark{}
			for _, a := range as {
				bySession[k[0]][a.PersonID] = a.Mark
			}
		}
	}
	for k, m := range rep.marks {
		if got := bySession[k[0]][k[1]]; got != m {
			t.Errorf("mark of person %d in session %d: %q, reported %q", k[1], k[0], got, m)
		}
	}
}
