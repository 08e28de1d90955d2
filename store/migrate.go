package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

// migration moves a database from schema n to n+1. Migrations run in order, each exactly once,
// inside the transaction that opens the database; a failure rolls all of them back.
type migration struct {
	name string
	run  func(tx *bolt.Tx) error
}

// migrations is append-only: never edit or reorder a released one. Each has a test in
// migrate_test.go (enforced there by a length check).
var migrations = []migration{
	{"v1: create buckets and default settings", func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		if m.Get(kSettings) == nil {
			data, err := json.Marshal(model.DefaultSettings())
			if err != nil {
				return err
			}
			return m.Put(kSettings, data)
		}
		return nil
	}},
	{"v2: index jobs by the day they reached 受注", func(tx *bolt.Tx) error {
		idx := tx.Bucket(iJobAccepted)
		return tx.Bucket(bJobs).ForEach(func(k, v []byte) error {
			var j model.Job
			if err := json.Unmarshal(v, &j); err != nil {
				return err
			}
			if j.AcceptedAt.IsZero() {
				return nil
			}
			return idx.Put(join(dayKey(model.DateOf(j.AcceptedAt)), k), nil)
		})
	}},
	{"v3: index jobs by the day their payment arrived (入金)", func(tx *bolt.Tx) error {
		idx := tx.Bucket(iJobPaid)
		return tx.Bucket(bJobs).ForEach(func(k, v []byte) error {
			var j model.Job
			if err := json.Unmarshal(v, &j); err != nil {
				return err
			}
			if j.Status != model.JobPaid || j.PaidOn.IsZero() {
				return nil
			}
			return idx.Put(join(dayKey(j.PaidOn), k), nil)
		})
	}},
}

// SchemaVersion is the schema this build writes.
var SchemaVersion = uint64(len(migrations))

// migrate creates every bucket and runs the migrations after version.
func migrate(tx *bolt.Tx, version uint64) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	for i := version; i < uint64(len(migrations)); i++ {
		if err := migrations[i].run(tx); err != nil {
			return fmt.Errorf("migration %d (%s): %w", i+1, migrations[i].name, err)
		}
	}
	if version < SchemaVersion || tx.Bucket(bMeta).Get(kSchema) == nil {
		return tx.Bucket(bMeta).Put(kSchema, u64(SchemaVersion))
	}
	return nil
}
