package store_test

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/store/demo"
)

// demoNow is when the demo databases of these tests are made: Wednesday 25 November 2026, 10:30.
var demoNow = time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)

// demoFile writes the demo programme into a new file and returns its path (the file is closed).
// On top of the demo it closes a day, corrects a visit, cancels a booking (promoting the
// waitlist), withdraws an enrolment and changes the settings, so every index has moved at least
// once.
func demoFile(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() { demoBytes, demoErr = makeDemo() })
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	path := filepath.Join(t.TempDir(), "madoguchi.db")
	must(t, os.WriteFile(path, demoBytes, 0o600))
	return path
}

// The demo database is made once per test run; each test gets its own copy of the bytes.
var (
	demoOnce  sync.Once
	demoBytes []byte
	demoErr   error
)

func makeDemo() ([]byte, error) {
	dir, err := os.MkdirTemp("", "madoguchi-demo-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "madoguchi.db")
	if err := demoExtras(path); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// demoExtras fills the demo and moves every index once more (see demoFile).
func demoExtras(path string) error {
	if err := demo.FillIfEmpty(path, demoNow); err != nil {
		return err
	}
	s, err := store.Open(path, store.Options{Clock: newClock(demoNow)})
	if err != nil {
		return err
	}
	defer s.Close()
	s.SetStaff(testStaff)
	today := model.DateOf(demoNow)
	if _, err := s.CloseDay(today.AddDays(-1), []string{"未払いの案件 1件"}); err != nil {
		return err
	}
	open, err := s.OpenVisits()
	if err != nil || len(open) == 0 {
		return fmt.Errorf("the demo has nobody checked in (%v)", err)
	}
	if _, err := s.CorrectVisit(open[0].ID, open[0].In.Add(-10*time.Minute), time.Time{}, "打刻漏れ"); err != nil {
		return err
	}
	slots, err := s.SlotsOn(today)
	if err != nil {
		return err
	}
	cancelled := false
	for _, sl := range slots {
		for _, l := range sl.Bookings {
			if l.Booking.Status == model.BookingBooked && !cancelled {
				if _, err := s.CancelBooking(l.Booking.ID); err != nil {
					return err
				}
				cancelled = true
			}
		}
	}
	courses, err := s.Courses()
	if err != nil {
		return err
	}
	es, err := s.Enrollments(courses[0].ID)
	if err != nil {
		return err
	}
	if err := s.Withdraw(courses[0].ID, es[0].PersonID); err != nil {
		return err
	}
	st, err := s.Settings()
	if err != nil {
		return err
	}
	st.BackupKeep = 3
	return s.SaveSettings(st)
}

func TestCheckCleanDatabases(t *testing.T) {
	t.Parallel()
	for name, path := range map[string]string{
		"empty": filepath.Join(t.TempDir(), "empty.db"),
		"demo":  demoFile(t),
	} {
		t.Run(name, func(t *testing.T) {
			s, err := store.Open(path, store.Options{Clock: newClock(demoNow)})
			must(t, err)
			defer s.Close()
			rep, err := s.Check()
			must(t, err)
			for _, p := range rep.Problems {
				t.Errorf("problem: %s", p.Message(model.EN))
			}
			if name == "demo" && (rep.Records[model.KindPerson] < 20 || rep.Records[model.KindBooking] == 0 || rep.Records[model.KindAudit] == 0) {
				t.Errorf("records counted: %v", rep.Records)
			}
		})
	}
}

// rawEdit changes a closed database file directly, as damage would.
func rawEdit(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	must(t, err)
	defer db.Close()
	must(t, db.Update(fn))
}

// firstKey returns a copy of the first key of a bucket.
func firstKey(tx *bolt.Tx, bucket string) []byte {
	k, _ := tx.Bucket([]byte(bucket)).Cursor().First()
	return append([]byte(nil), k...)
}

func be(ids ...uint64) []byte {
	var b []byte
	for _, n := range ids {
		b = binary.BigEndian.AppendUint64(b, n)
	}
	return b
}

func TestCheckFindsDamage(t *testing.T) {
	t.Parallel()
	base := demoFile(t)
	data, err := os.ReadFile(base)
	must(t, err)
	cases := []struct {
		name   string
		damage func(tx *bolt.Tx) error
		bucket string // a problem must be reported here
		text   string // in its English message
	}{
		{"record missing from its day index", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("idx_visits_day")).Delete(firstKey(tx, "idx_visits_day"))
		}, "idx_visits_day", "missing from the index"},
		{"index entry pointing at nothing", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("idx_bookings_child")).Put(be(999, 999), nil)
		}, "idx_bookings_child", "points at no record"},
		{"open-visit index with the wrong visit", func(tx *bolt.Tx) error {
			k := firstKey(tx, "idx_visits_open")
			return tx.Bucket([]byte("idx_visits_open")).Put(k, be(424242))
		}, "idx_visits_open", "value does not match"},
		{"booking of a child who is gone", func(tx *bolt.Tx) error {
			var b model.Booking
			_, v := tx.Bucket([]byte("bookings")).Cursor().First()
			must(t, jsonDecode(v, &b))
			return tx.Bucket([]byte("children")).Delete(be(b.ChildID))
		}, "bookings", "child_id points at"},
		{"visit of a person who is gone", func(tx *bolt.Tx) error {
			var v model.Visit
			_, raw := tx.Bucket([]byte("visits")).Cursor().First()
			must(t, jsonDecode(raw, &v))
			return tx.Bucket([]byte("people")).Delete(be(v.PersonID))
		}, "visits", "person_id points at"},
		{"unreadable record", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("people")).Put(firstKey(tx, "people"), []byte("{not json"))
		}, "people", "unreadable"},
		{"record under another id", func(tx *bolt.Tx) error {
			_, v := tx.Bucket([]byte("courses")).Cursor().First()
			return tx.Bucket([]byte("courses")).Put(be(77), append([]byte(nil), v...))
		}, "courses", "does not match its key"},
		{"index bucket missing", func(tx *bolt.Tx) error {
			return tx.DeleteBucket([]byte("idx_jobs_open"))
		}, "idx_jobs_open", "missing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "damaged.db")
			must(t, os.WriteFile(path, data, 0o600))
			rawEdit(t, path, c.damage)
			rep, err := store.VerifyFile(path) // read-only: a damaged file is looked at, not repaired
			must(t, err)
			if rep.OK() {
				t.Fatal("Check found nothing")
			}
			found := false
			for _, p := range rep.Problems {
				if p.Bucket == c.bucket && strings.Contains(p.Message(model.EN), c.text) {
					found = true
				}
				if p.Message(model.JA) == p.Message(model.EN) {
					t.Errorf("problem %q has no Japanese", p.Message(model.EN))
				}
			}
			if !found {
				t.Errorf("no problem in %s mentioning %q; got:", c.bucket, c.text)
				for _, p := range rep.Problems {
					t.Log("  " + p.Message(model.EN))
				}
			}
			if rep.Damaged() {
				t.Error("madoguchi's rules reported as bbolt damage")
			}
		})
	}
}

func TestCheckFindsBboltDamage(t *testing.T) {
	t.Parallel()
	path := demoFile(t)
	// Forget the free pages: bbolt's check finds them neither reachable nor free.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	must(t, err)
	pageSize := db.Info().PageSize
	stats := db.Stats()
	must(t, db.Close())
	if stats.FreePageN+stats.PendingPageN == 0 {
		t.Skip("the demo left no free pages to forget")
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	must(t, err)
	// the newer of the two meta pages names the freelist page (bbolt writes in machine order)
	var freelist, txid uint64
	for _, off := range []int64{0, int64(pageSize)} {
		meta := make([]byte, 16+64)
		_, err = f.ReadAt(meta, off)
		must(t, err)
		if tx := binary.NativeEndian.Uint64(meta[16+48:]); tx >= txid {
			txid, freelist = tx, binary.NativeEndian.Uint64(meta[16+32:])
		}
	}
	count := make([]byte, 2) // the page header's element count
	_, err = f.WriteAt(count, int64(freelist)*int64(pageSize)+10)
	must(t, err)
	must(t, f.Close())

	rep, err := store.VerifyFile(path)
	must(t, err)
	if !rep.Damaged() {
		t.Fatalf("bbolt damage not reported: %+v", rep.Problems)
	}
	if _, err := store.Restore(filepath.Join(t.TempDir(), "target.db"), path, store.RestoreOptions{Force: true}); err == nil {
		t.Error("Restore accepted a file bbolt's check rejects, even forced")
	}
}

// jsonDecode decodes a stored record.
func jsonDecode(data []byte, v any) error { return json.Unmarshal(data, v) }

func TestCheckReadsOnly(t *testing.T) {
	t.Parallel()
	path := demoFile(t)
	before := fileSum(t, path)
	if _, err := store.VerifyFile(path); err != nil {
		t.Fatal(err)
	}
	if fileSum(t, path) != before {
		t.Error("VerifyFile changed the file")
	}
	if _, err := store.VerifyFile(filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("VerifyFile of a missing file succeeded")
	}
	notDB := filepath.Join(t.TempDir(), "notes.txt")
	must(t, os.WriteFile(notDB, []byte(strings.Repeat("メモ\n", 5000)), 0o600))
	if _, err := store.VerifyFile(notDB); !errors.Is(err, model.ErrNotDatabase) {
		t.Errorf("VerifyFile of a text file: %v, want ErrNotDatabase", err)
	}
}

// A backup from before an update lacks the buckets later migrations add: check accepts it
// (madoguchi adds them when it next opens the file), and restore puts it back.
func TestCheckOlderSchema(t *testing.T) {
	t.Parallel()
	old := demoFile(t)
	rawEdit(t, old, func(tx *bolt.Tx) error { // as schema 2 left it: no index of payment days
		if err := tx.DeleteBucket([]byte("idx_jobs_paid")); err != nil {
			return err
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), be(2))
	})
	rep, err := store.VerifyFile(old)
	must(t, err)
	if !rep.OK() || rep.Schema != 2 {
		t.Fatalf("check of a schema 2 database: schema %d, %+v", rep.Schema, rep.Problems)
	}
	target := filepath.Join(t.TempDir(), "madoguchi.db")
	if _, err := store.Restore(target, old, store.RestoreOptions{Clock: newClock(demoNow)}); err != nil {
		t.Fatalf("restore of an older backup: %v", err)
	}
	rep, err = store.VerifyFile(target)
	must(t, err)
	if !rep.OK() || rep.Schema != store.SchemaVersion {
		t.Errorf("restored database: schema %d, %+v", rep.Schema, rep.Problems)
	}
	// At the current schema a missing bucket is damage.
	rawEdit(t, target, func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("idx_jobs_paid")) })
	if rep, _ := store.VerifyFile(target); rep.OK() {
		t.Error("a missing bucket at the current schema passed")
	}
}
