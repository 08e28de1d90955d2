package store

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

// CompactInfo reports a compaction.
type CompactInfo struct {
	Before, After int64 // file sizes in bytes
}

// compactLockWait is how long compact waits for a running madoguchi to let go of the file.
const compactLockWait = 500 * time.Millisecond

// compactTxSize bounds each transaction of the copy, as etcd and `bbolt compact` do.
const compactTxSize = 64 << 10

// Compact rewrites the database at path without its free pages, offline: bbolt keeps the pages
// freed by deletes and erasures (Forget) for reuse, and compacting is how their old contents
// leave the file. The database is locked for the whole run (another madoguchi using it is
// refused), copied into a temporary file beside it, which is synced and verified (bbolt's
// check and the same buckets, keys and sequences), then renamed over the original.
func Compact(path string) (CompactInfo, error) {
	var info CompactInfo
	st, err := os.Stat(path)
	if err != nil {
		return info, pathError(path, err)
	}
	info.Before = st.Size()
	if err := checkFile(path); err != nil {
		return info, err
	}
	src, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: compactLockWait})
	if err != nil {
		return info, openError(path, err)
	}
	srcOpen := true
	defer func() {
		if srcOpen {
			src.Close()
		}
	}()
	var version uint64
	var want bucketShape
	if err := src.View(func(btx *bolt.Tx) error {
		if m := btx.Bucket(bMeta); m != nil {
			version = id(m.Get(kSchema))
		}
		want = shapeOf(btx)
		return nil
	}); err != nil {
		return info, storageError(err)
	}
	if version > SchemaVersion {
		return info, &model.Error{Kind: model.ErrNewerSchema, Msg: model.T(
			fmt.Sprintf("このデータベースは新しい版の madoguchi（形式 %d）で作られています。この版では圧縮しません", version),
			fmt.Sprintf("This database was written by a newer madoguchi (schema %d); this version does not compact it.", version))}
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".compact.tmp")
	_ = os.Remove(tmp)
	fail := func(err error) (CompactInfo, error) {
		_ = os.Remove(tmp)
		return info, backupError(err)
	}
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return fail(err)
	}
	if err := bolt.Compact(dst, src, compactTxSize); err != nil {
		dst.Close()
		return fail(err)
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		return fail(err)
	}
	if err := dst.Close(); err != nil {
		return fail(err)
	}
	if err := verifyCopy(tmp, want); err != nil {
		return fail(err)
	}
	// The original is closed before the rename (Windows cannot rename an open file); nothing
	// else can have written to it, since we held its lock until now.
	srcOpen = false
	if err := src.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail(err)
	}
	syncDir(filepath.Dir(path))
	if st, err := os.Stat(path); err == nil {
		info.After = st.Size()
	}
	return info, nil
}
