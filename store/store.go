package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/nagawaka/madoguchi/model"
)

// Store is madoguchi's database: one bbolt file on the site PC.
type Store struct {
	db    *bolt.DB
	path  string
	clock model.Clock

	mu    sync.RWMutex
	staff string // the staff member on duty, written into every audit entry

	backup backupState // the last automatic backup's outcome (backup.go)
}

// Options tune Open. The zero value is what the app uses.
type Options struct {
	// Clock defaults to the system clock.
	Clock model.Clock
	// Timeout is how long to wait for another process's lock (default 2 s).
	Timeout time.Duration
	// ReadOnly opens without writing anything (used to verify backups).
	ReadOnly bool

	// maxSize, when set, stops the file growing past this many bytes: a full disk, for tests.
	maxSize int
}

// LockTimeout is how long a second madoguchi waits for the first one's lock before giving up.
const LockTimeout = 2 * time.Second

// Open opens (creating when missing) the database at path. A missing directory is created with
// mode 0700 and the file with 0600. All buckets are created and pending migrations run in one
// transaction; a database from a newer schema is refused and left untouched.
func Open(path string, opt Options) (*Store, error) {
	if opt.Clock == nil {
		opt.Clock = model.SystemClock{}
	}
	if opt.Timeout == 0 {
		opt.Timeout = LockTimeout
	}
	dir := filepath.Dir(path)
	if !opt.ReadOnly {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, pathError(path, err)
		}
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, &model.Error{Kind: model.ErrNotDatabase, Msg: model.T(
			fmt.Sprintf("%s はフォルダです。データベースのファイル名を指定してください", path),
			fmt.Sprintf("%s is a folder; give the database file's name", path))}
	} else if err == nil && st.Size() > 0 && st.Size() < 4096*2 {
		return nil, notDatabase(path)
	}
	if err := checkFile(path); err != nil { // a truncated file would fault inside bbolt
		return nil, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.Timeout, ReadOnly: opt.ReadOnly, MaxSize: opt.maxSize})
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, path: path, clock: opt.Clock}
	var version uint64
	complete := true // every bucket exists: a current database needs no write to open
	err = db.View(func(tx *bolt.Tx) error {
		if m := tx.Bucket(bMeta); m != nil {
			version = id(m.Get(kSchema))
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				complete = false
				break
			}
		}
		return nil
	})
	if err == nil && version > SchemaVersion {
		err = &model.Error{Kind: model.ErrNewerSchema, Msg: model.T(
			fmt.Sprintf("このデータベースは新しい版の madoguchi（形式 %d）で作られています。この版（形式 %d）では開けません。madoguchi を更新してください", version, SchemaVersion),
			fmt.Sprintf("This database was written by a newer madoguchi (schema %d); this version reads schema %d. Update madoguchi.", version, SchemaVersion))}
	}
	if err == nil && !opt.ReadOnly && (version < SchemaVersion || !complete) {
		err = storageError(db.Update(func(tx *bolt.Tx) error { return migrate(tx, version) }))
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	if runtime.GOOS != "windows" && !opt.ReadOnly {
		_ = os.Chmod(path, 0o600) // tighten a file an older copy left wider
	}
	return s, nil
}

// Close closes the database; safe to call twice.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	return s.db.Close()
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Clock returns the store's clock.
func (s *Store) Clock() model.Clock { return s.clock }

// SetStaff sets the staff member whose name goes into audit entries from now on.
func (s *Store) SetStaff(name string) {
	s.mu.Lock()
	s.staff = name
	s.mu.Unlock()
}

// Staff returns the staff member on duty.
func (s *Store) Staff() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.staff
}

func (s *Store) now() time.Time { return s.clock.Now().UTC() }

func pathError(path string, err error) error {
	if errors.Is(err, fs.ErrPermission) || readOnlyFS(err) {
		return &model.Error{Kind: model.ErrStorage, Msg: model.T(
			fmt.Sprintf("%s に書き込めません（権限がないか、読み取り専用です）。別の場所を --db で指定してください", filepath.Dir(path)),
			fmt.Sprintf("Cannot write to %s (permission denied, or read-only); choose another place with --db", filepath.Dir(path)))}
	}
	return &model.Error{Kind: model.ErrStorage, Msg: model.T(
		fmt.Sprintf("データベース %s を開けません: %v", path, err),
		fmt.Sprintf("Cannot open the database %s: %v", path, err))}
}

func notDatabase(path string) error {
	return &model.Error{Kind: model.ErrNotDatabase, Msg: model.T(
		fmt.Sprintf("%s は madoguchi のデータベースではないか、壊れています。ファイルはそのままにしてあります（バックアップから restore できます）", path),
		fmt.Sprintf("%s is not a madoguchi database, or it is damaged. It was left as it is (you can restore a backup).", path))}
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return &model.Error{Kind: model.ErrLocked, Msg: model.T(
			"このデータベースは、このPCの別の madoguchi ですでに開かれています。そちらの画面を使うか、閉じてからもう一度起動してください",
			"This database is already open in another madoguchi on this PC. Use that window, or close it and start again.")}
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return notDatabase(path)
	case errors.Is(err, fs.ErrPermission):
		return pathError(path, err)
	}
	if strings.Contains(err.Error(), "file size too small") || strings.Contains(err.Error(), "invalid") {
		return notDatabase(path)
	}
	return pathError(path, err)
}

// storageError wraps a bbolt or disk failure during a write onto model.ErrStorage, with a line a
// clerk can act on; nothing was written (the transaction rolled back).
func storageError(err error) error {
	if err == nil {
		return nil
	}
	for _, k := range []error{model.ErrInvalid, model.ErrNotFound, model.ErrConflict, model.ErrLocked, model.ErrNewerSchema, model.ErrNotDatabase, model.ErrStorage} {
		if errors.Is(err, k) {
			return err // already in the model's words
		}
	}
	if diskFull(err) {
		return &model.Error{Kind: model.ErrStorage, Msg: diskFullText}
	}
	return &model.Error{Kind: model.ErrStorage, Msg: model.T(
		"保存できませんでした（何も書き込まれていません）: "+err.Error(),
		"Could not save (nothing was written): "+err.Error())}
}

// tx wraps a bbolt transaction with the helpers every aggregate uses, and collects the audit
// entries written in the same commit.
type tx struct {
	*bolt.Tx
	s   *Store
	now time.Time
}

// update runs fn in one read-write transaction; fn appends its own audit entries.
func (s *Store) update(fn func(t *tx) error) error {
	err := s.db.Update(func(btx *bolt.Tx) error {
		return fn(&tx{Tx: btx, s: s, now: s.now()})
	})
	return storageError(err)
}

// view runs fn in a read-only transaction.
func (s *Store) view(fn func(t *tx) error) error {
	return s.db.View(func(btx *bolt.Tx) error {
		return fn(&tx{Tx: btx, s: s, now: s.now()})
	})
}

// updateValue runs fn in one read-write transaction (as update does, errors in the model's words)
// and returns what fn returned, even alongside an error; the zero T when fn never ran.
func updateValue[T any](s *Store, fn func(t *tx) (T, error)) (T, error) {
	var out T
	err := s.update(func(t *tx) error {
		var err error
		out, err = fn(t)
		return err
	})
	return out, err
}

// viewValue is updateValue for a read-only transaction (as view does, errors unwrapped).
func viewValue[T any](s *Store, fn func(t *tx) (T, error)) (T, error) {
	var out T
	err := s.view(func(t *tx) error {
		var err error
		out, err = fn(t)
		return err
	})
	return out, err
}

func (t *tx) b(name []byte) *bolt.Bucket { return t.Bucket(name) }

// nextID returns the next big-endian sequence id of a bucket.
func (t *tx) nextID(name []byte) (uint64, error) { return t.b(name).NextSequence() }

// put stores v as JSON under key.
func (t *tx) put(name, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return t.b(name).Put(key, data)
}

// decodeAll decodes every value of a bucket, in key order; nil when the bucket is empty. On a
// decode error it returns the records decoded before it alongside the error.
func decodeAll[T any](t *tx, bucket []byte) ([]T, error) {
	var out []T
	err := t.b(bucket).ForEach(func(k, v []byte) error {
		var x T
		if err := jsonUnmarshal(v, &x); err != nil {
			return err
		}
		out = append(out, x)
		return nil
	})
	return out, err
}

// get decodes the JSON under key into v; false when missing.
func (t *tx) get(name, key []byte, v any) (bool, error) {
	data := t.b(name).Get(key)
	if data == nil {
		return false, nil
	}
	if err := jsonUnmarshal(data, v); err != nil {
		return true, fmt.Errorf("decode %s/%x: %w", name, key, err)
	}
	return true, nil
}

// mark sets an index key.
func (t *tx) mark(name, key []byte) error { return t.b(name).Put(key, nil) }

// unmark deletes an index key.
func (t *tx) unmark(name, key []byte) error { return t.b(name).Delete(key) }

// prefixIDs returns the trailing 8-byte ids of the index keys under prefix, in key order.
func (t *tx) prefixIDs(name, prefix []byte) []uint64 {
	var ids []uint64
	c := t.b(name).Cursor()
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
		ids = append(ids, id(k[len(k)-8:]))
	}
	return ids
}

func hasPrefix(k, p []byte) bool {
	if len(k) < len(p) {
		return false
	}
	for i := range p {
		if k[i] != p[i] {
			return false
		}
	}
	return true
}

// audit appends an audit entry in the same transaction as the change it records.
func (t *tx) audit(action string, kind model.Kind, ref string, before, after string) error {
	n, err := t.nextID(bAudit)
	if err != nil {
		return err
	}
	e := model.AuditEntry{ID: n, At: t.now, Staff: t.s.Staff(), Action: action, Kind: kind, Ref: ref, Before: before, After: after}
	if err := t.put(bAudit, u64(n), e); err != nil {
		return err
	}
	return t.mark(iAuditDay, join(dayKey(model.DateOf(t.now)), u64(n)))
}

// summary writes a short JSON summary of a record for the audit log. A long one stays valid JSON
// (the audit viewer reads it field by field): its lists are cut to their first items and a count,
// its long texts to 100 characters; only what still exceeds the limit is cut as text.
func summary(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	if len(data) <= summaryMax {
		return string(data)
	}
	var m any // an object's lists and texts, or a list's items, shortened
	if json.Unmarshal(data, &m) == nil {
		switch x := m.(type) {
		case map[string]any:
			for k, v := range x {
				x[k] = shorten(v)
			}
		case []any:
			m = shorten(x)
		}
		if short, err := json.Marshal(m); err == nil && len(short) <= summaryMax {
			return string(short)
		}
	}
	if r := []rune(string(data)); len(r) > summaryMax/2 {
		return string(r[:summaryMax/2]) + "..."
	}
	return string(data)
}

// summaryMax is the most bytes an audit entry's before or after normally holds.
const summaryMax = 600

// shorten cuts a JSON value for a summary: a list to its first two items and how many there were,
// a text to 100 characters.
func shorten(x any) any {
	switch x := x.(type) {
	case []any:
		if len(x) > 2 {
			return append(x[:2:2], fmt.Sprintf("(+%d)", len(x)-2))
		}
	case string:
		if r := []rune(x); len(r) > 100 {
			return string(r[:100]) + "..."
		}
	}
	return x
}

func ref(n uint64) string { return fmt.Sprint(n) }
