package store

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

// migrationTests holds one test per migration, keyed by the schema version the migration
// produces (migrations[v-1]). TestMigrations fails when a migration is added without its test.
var migrationTests = map[int]func(t *testing.T){
	1: testMigrationV1,
	2: testMigrationV2,
	3: testMigrationV3,
}

func TestMigrations(t *testing.T) {
	t.Parallel()
	if len(migrationTests) != int(SchemaVersion) || len(migrations) != int(SchemaVersion) {
		t.Fatalf("%d migration tests for %d migrations (schema %d): every migration needs its test in migrationTests",
			len(migrationTests), len(migrations), SchemaVersion)
	}
	for v := 1; v <= int(SchemaVersion); v++ {
		test, ok := migrationTests[v]
		if !ok {
			t.Fatalf("no test for migration to schema %d (%s)", v, migrations[v-1].name)
		}
		t.Run(migrations[v-1].name, test)
	}
}

var migrateDay = model.NewDate(2025, time.June, 2)

// knownBug skips a test that shows a bug in the store; run with MADOGUCHI_BUGS=1 to watch it fail.
// (The external tests have their own copy in store_test.go.)
func knownBug(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("MADOGUCHI_BUGS") == "" {
		t.Skip("BUG: " + why)
	}
}

// rawDB opens (creating) a bbolt file without the store, to build a database as an older
// madoguchi left it, or to look inside one.
func rawDB(t *testing.T, path string) *bolt.DB {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func schemaOf(t *testing.T, path string) uint64 {
	t.Helper()
	db := rawDB(t, path)
	defer db.Close()
	var v uint64
	if err := db.View(func(tx *bolt.Tx) error {
		if m := tx.Bucket(bMeta); m != nil {
			v = id(m.Get(kSchema))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return v
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func testMigrationV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fresh.db")
	s, err := Open(path, Options{Clock: model.FixedClock{T: migrateDay.At(9 * 60)}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.db.View(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing from a fresh database", name)
			}
		}
		m := tx.Bucket(bMeta)
		if v := id(m.Get(kSchema)); v != SchemaVersion {
			t.Errorf("schema = %d, want %d", v, SchemaVersion)
		}
		var st model.Settings
		if err := json.Unmarshal(m.Get(kSettings), &st); err != nil {
			return err
		}
		if !reflect.DeepEqual(st, model.DefaultSettings()) {
			t.Errorf("stored settings %+v, want the defaults", st)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Reopening runs nothing again: changed settings stay changed.
	st := model.DefaultSettings()
	st.SiteName = "長若集学校 分室"
	if err := s.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Settings(); got.SiteName != "長若集学校 分室" {
		t.Errorf("settings after reopening: %+v", got)
	}
}

// oldJob is a job as a schema-1 madoguchi stored it.
func oldJob(id uint64, accepted time.Time, due model.Date) model.Job {
	return model.Job{ID: id, Title: "商品説明文の作成", ClientID: 1, PersonID: 1, UnitPrice: 1200, Quantity: 10, Unit: "件",
		FeeBP: 2000, Due: due, Status: model.JobInProgress, Offered: accepted.Add(-time.Hour), AcceptedAt: accepted}
}

// writeSchema1 builds a database as a schema-1 madoguchi left it: its buckets (no
// idx_jobs_accepted yet), schema 1 in meta, settings, and the given jobs with the indexes that
// build kept.
func writeSchema1(t *testing.T, path string, settings model.Settings, jobs map[uint64][]byte) {
	t.Helper()
	db := rawDB(t, path)
	defer db.Close()
	err := db.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if string(name) == string(iJobAccepted) || string(name) == string(iJobPaid) {
				continue
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		m := tx.Bucket(bMeta)
		if err := m.Put(kSchema, u64(1)); err != nil {
			return err
		}
		data, _ := json.Marshal(settings)
		if err := m.Put(kSettings, data); err != nil {
			return err
		}
		for n, data := range jobs {
			if err := tx.Bucket(bJobs).Put(u64(n), data); err != nil {
				return err
			}
			var j model.Job
			if json.Unmarshal(data, &j) == nil {
				_ = tx.Bucket(iJobOpen).Put(join(dayKey(j.Due), u64(n)), nil)
				_ = tx.Bucket(iJobPerson).Put(pair(j.PersonID, n), nil)
			}
			if _, err := tx.Bucket(bJobs).NextSequence(); err != nil {
				return err
			}
		}
		_ = tx.Bucket(bPeople).Put(u64(1), []byte(`{"id":1,"name":"山田 花子","reading":"やまだ はなこ","created":"2025-04-01T00:00:00Z"}`))
		_ = tx.Bucket(bClients).Put(u64(1), []byte(`{"id":1,"name":"株式会社 小川和紙","local":true}`))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func acceptedKeys(t *testing.T, s *Store) []string {
	t.Helper()
	var keys []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(iJobAccepted).ForEach(func(k, _ []byte) error {
			keys = append(keys, string(k[:8])+"|"+ref(id(k[8:])))
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

func testMigrationV2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	// Accepted at 23:30 on 1 June in Tokyo (14:30 UTC): the index day is Tokyo's, as putJob keys it.
	late := time.Date(2025, time.June, 1, 14, 30, 0, 0, time.UTC)
	j1, _ := json.Marshal(oldJob(1, late, migrateDay.AddDays(3)))
	offered := oldJob(2, time.Time{}, migrateDay.AddDays(5))
	offered.Status, offered.Offered = model.JobOffered, late
	j2, _ := json.Marshal(offered)
	settings := model.DefaultSettings()
	settings.SiteName = "旧版の設定"
	writeSchema1(t, path, settings, map[uint64][]byte{1: j1, 2: j2})

	s, err := Open(path, Options{Clock: model.FixedClock{T: migrateDay.At(10 * 60)}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := acceptedKeys(t, s), []string{"20250601|1"}; !slices.Equal(got, want) {
		t.Errorf("idx_jobs_accepted after migration = %v, want %v (the offered job has no entry)", got, want)
	}
	if st, _ := s.Settings(); st.SiteName != "旧版の設定" {
		t.Errorf("migration 1 ran again over the settings: %+v", st)
	}
	var schema uint64
	_ = s.db.View(func(tx *bolt.Tx) error { schema = id(tx.Bucket(bMeta).Get(kSchema)); return nil })
	if schema != SchemaVersion {
		t.Errorf("schema after migration = %d, want %d", schema, SchemaVersion)
	}

	// The migrated entry is the one the store keeps: moving the job leaves exactly one, and
	// accepting the other job adds its own on today's date.
	if _, err := s.MoveJob(1, model.Move{To: model.JobQA}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MoveJob(2, model.Move{To: model.JobAccepted}); err != nil {
		t.Fatal(err)
	}
	if got, want := acceptedKeys(t, s), []string{"20250601|1", "20250602|2"}; !slices.Equal(got, want) {
		t.Errorf("idx_jobs_accepted after moves = %v, want %v", got, want)
	}
	if due, err := s.OpenJobsDueBy(migrateDay.AddDays(7)); err != nil || len(due) != 2 {
		t.Errorf("OpenJobsDueBy on the migrated database = %d jobs, %v", len(due), err)
	}
}

// A migration that fails rolls back every migration of that open: the file keeps schema 1 and
// every byte.
func TestMigrationFailureWritesNothing(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "v1.db")
	writeSchema1(t, path, model.DefaultSettings(), map[uint64][]byte{1: []byte(`{"id":1,"status":`)})
	before := sum(t, path)
	s, err := Open(path, Options{})
	if err == nil {
		s.Close()
		t.Fatal("Open migrated a database with a damaged job")
	}
	if sum(t, path) != before {
		t.Error("a failed migration changed the file")
	}
	if v := schemaOf(t, path); v != 1 {
		t.Errorf("schema after a failed migration = %d, want 1", v)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "newer.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := rawDB(t, path)
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kSchema, u64(SchemaVersion+1)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := sum(t, path)

	for _, opt := range []Options{{}, {ReadOnly: true}} {
		s, err := Open(path, opt)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%+v) of a schema %d database succeeded", opt, SchemaVersion+1)
		}
		if !errors.Is(err, model.ErrNewerSchema) {
			t.Errorf("Open(%+v): %v, want ErrNewerSchema", opt, err)
		}
		if sum(t, path) != before {
			t.Fatalf("Open(%+v) of a newer database changed the file", opt)
		}
	}
	if v := schemaOf(t, path); v != SchemaVersion+1 {
		t.Errorf("schema = %d after refusing", v)
	}
}

// Open's doc promises a newer database is "left untouched"; its permissions are part of that.
func TestNewerSchemaKeepsFileMode(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "newer.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := rawDB(t, path)
	_ = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kSchema, u64(SchemaVersion+1)) })
	db.Close()
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{}); !errors.Is(err, model.ErrNewerSchema) {
		t.Fatalf("Open: %v", err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("mode after refusing a newer database = %v, want 0640 as it was", st.Mode().Perm())
	}
}

// The package doc draws the bucket tree; it must name exactly the buckets Open creates.
func TestBucketTreeMatchesDoc(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var drawn []string
	for _, m := range regexp.MustCompile(`(?m)^//\t([a-z_]+)\s`).FindAllSubmatch(doc, -1) {
		drawn = append(drawn, string(m[1]))
	}
	var created []string
	for _, b := range allBuckets {
		created = append(created, string(b))
	}
	slices.Sort(drawn)
	slices.Sort(created)
	if !slices.Equal(drawn, created) {
		t.Errorf("doc.go draws %v\nOpen creates %v", drawn, created)
	}
}

// A failed migration should reach the desk in the model's words, like every other open error.
func TestMigrationFailureIsAModelError(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "v1.db")
	writeSchema1(t, path, model.DefaultSettings(), map[uint64][]byte{1: []byte(`{"id":1,"status":`)})
	_, err := Open(path, Options{})
	if !errors.Is(err, model.ErrStorage) && !errors.Is(err, model.ErrNotDatabase) {
		t.Errorf("Open with a failing migration: %v, want ErrStorage or ErrNotDatabase", err)
	}
}
