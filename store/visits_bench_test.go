package store_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// What a check-in costs against the floor bbolt sets: one db.Update that puts one ~300-byte
// value, with default options (fsync on), on the same file system. A check-in writes more
// (the visit, three index keys, the audit entry and its day index: six buckets), but both
// commit with the same two fsyncs, which is where the time goes on a real disk.

// benchPeople opens a store in dir with n people (one import transaction) and returns them.
func benchPeople(b *testing.B, dir string, n int) (*store.Store, []model.Person) {
	b.Helper()
	s, err := store.Open(filepath.Join(dir, "madoguchi.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	s.SetStaff("受付 佐藤")
	ps := make([]model.Person, n)
	for i := range ps {
		ps[i], err = model.NewPerson(model.PersonInput{Name: fmt.Sprintf("利用者 %d", i), Reading: "りようしゃ"})
		if err != nil {
			b.Fatal(err)
		}
	}
	res, err := s.ImportPeople(ps)
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Created) != n {
		b.Fatalf("imported %d of %d", len(res.Created), n)
	}
	return s, res.Created
}

var bareBucket = []byte("bench")

// bareDB opens a plain bbolt file with default options and one bucket.
func bareDB(b *testing.B, dir string) *bolt.DB {
	b.Helper()
	db, err := bolt.Open(filepath.Join(dir, "bare.db"), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucketIfNotExists(bareBucket); return err }); err != nil {
		b.Fatal(err)
	}
	return db
}

var bareValue = bytes.Repeat([]byte("x"), 300)

func barePut(db *bolt.DB) error {
	return db.Update(func(tx *bolt.Tx) error {
		bk := tx.Bucket(bareBucket)
		n, err := bk.NextSequence()
		if err != nil {
			return err
		}
		k := make([]byte, 8)
		binary.BigEndian.PutUint64(k, n)
		return bk.Put(k, bareValue)
	})
}

// BenchmarkCheckIn is one check-in through the store: the record, its indexes and the audit
// entry, in one transaction.
func BenchmarkCheckIn(b *testing.B) {
	s, ps := benchPeople(b, b.TempDir(), b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.CheckIn(ps[i].ID, model.PurposeCoworking); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareBoltUpdate is the floor: one db.Update putting a 300-byte value.
func BenchmarkBareBoltUpdate(b *testing.B) {
	db := bareDB(b, b.TempDir())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := barePut(db); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckInVsBareBolt measures both in the same run, alternating which goes first, and
// reports each one's mean and median and the ratios check-in ÷ bare (target ≤ 1.2).
func BenchmarkCheckInVsBareBolt(b *testing.B) {
	dir := b.TempDir()
	s, ps := benchPeople(b, dir, b.N)
	db := bareDB(b, dir)
	checkin := make([]time.Duration, 0, b.N)
	bare := make([]time.Duration, 0, b.N)
	timeIt := func(f func() error) time.Duration {
		t0 := time.Now()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		return time.Since(t0)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := func() error { _, err := s.CheckIn(ps[i].ID, model.PurposeCoworking); return err }
		put := func() error { return barePut(db) }
		if i%2 == 0 {
			checkin = append(checkin, timeIt(in))
			bare = append(bare, timeIt(put))
		} else {
			bare = append(bare, timeIt(put))
			checkin = append(checkin, timeIt(in))
		}
	}
	b.StopTimer()
	mean := func(ds []time.Duration) float64 {
		var sum time.Duration
		for _, d := range ds {
			sum += d
		}
		return float64(sum) / float64(len(ds))
	}
	median := func(ds []time.Duration) float64 {
		s := slices.Clone(ds)
		slices.Sort(s)
		return float64(s[len(s)/2])
	}
	b.ReportMetric(mean(checkin), "checkin-ns/op")
	b.ReportMetric(mean(bare), "bare-ns/op")
	b.ReportMetric(median(checkin), "checkin-median-ns")
	b.ReportMetric(median(bare), "bare-median-ns")
	b.ReportMetric(mean(checkin)/mean(bare), "ratio")
	b.ReportMetric(median(checkin)/median(bare), "median-ratio")
}
