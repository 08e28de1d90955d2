package store

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

func paidKeys(t *testing.T, s *Store) []string {
	t.Helper()
	var keys []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(iJobPaid).ForEach(func(k, _ []byte) error {
			keys = append(keys, string(k[:8])+"|"+ref(id(k[8:])))
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// v3 indexes paid jobs by payment day, so a period's income is a range scan.
func testMigrationV3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	accepted := time.Date(2025, time.March, 3, 1, 0, 0, 0, time.UTC)
	paid := oldJob(1, accepted, migrateDay)
	paid.Status, paid.PaidAmount, paid.PaidOn, paid.Invoiced = model.JobPaid, 12000, model.NewDate(2025, time.May, 12), 12000
	j1, _ := json.Marshal(paid)
	j2, _ := json.Marshal(oldJob(2, accepted, migrateDay))
	// a schema-1 file without the v3 bucket, then say it is schema 2 (v2 only adds keys to
	// idx_jobs_accepted, which v3 does not read)
	writeSchema1(t, path, model.DefaultSettings(), map[uint64][]byte{1: j1, 2: j2})
	db := rawDB(t, path)
	if err := db.Update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucketIfNotExists(iJobAccepted); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kSchema, u64(2))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(path, Options{Clock: model.FixedClock{T: migrateDay.At(10 * 60)}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := paidKeys(t, s), []string{"20250512|1"}; !slices.Equal(got, want) {
		t.Errorf("idx_jobs_paid after migration = %v, want %v (the unpaid job has no entry)", got, want)
	}
	// the store keeps it from then on: paying job 2 adds its entry
	for _, to := range []model.JobStatus{model.JobQA} {
		if _, err := s.MoveJob(2, model.Move{To: to}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveSettings(func() model.Settings { st, _ := s.Settings(); st.QAChecklist = []string{}; return st }()); err != nil {
		t.Fatal(err)
	}
	for _, m := range []model.Move{{To: model.JobDelivered}, {To: model.JobInvoiced}, {To: model.JobPaid, Amount: 12000, On: migrateDay}} {
		if _, err := s.MoveJob(2, m); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"20250512|1", string(dayKey(migrateDay)) + "|2"}
	if got := paidKeys(t, s); !slices.Equal(got, want) {
		t.Errorf("idx_jobs_paid after paying job 2 = %v, want %v", got, want)
	}
}
