package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/nagawaka/madoguchi/model"
)

// Backups. A hot backup is bbolt's WriteTo inside a read transaction: the copy is the database
// as of one instant, taken while the app keeps working. It is written to a hidden temporary file
// beside its final name, synced, opened read-only and checked (bbolt's page check, and every
// bucket holding exactly the keys and sequence the source transaction had), and only then
// renamed into place; old backups are removed only after a new one has passed. A failure leaves
// the previous backups as they were and is kept for ホーム (BackupStatus) until a backup passes.

// KindDatabase is the kind audit entries about the whole database carry (see model.KindDatabase).
const KindDatabase = model.KindDatabase

// BackupDirName is the folder, beside the database file, the automatic backups go into.
const BackupDirName = "backups"

// BackupDir returns the backup folder of the database at path.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), BackupDirName) }

// BackupInfo describes a backup that was written and verified.
type BackupInfo struct {
	Path    string
	Size    int64
	At      time.Time
	Removed []string // older backups rotated out
}

// BackupStatus is what ホーム shows about backups: the newest good one, and the last failure
// while no good backup has followed it.
type BackupStatus struct {
	LastGood time.Time // when the newest verified backup was made; zero when there is none
	Path     string    // that backup's file
	Err      error     // the last attempt's failure; nil once a later backup passed
	ErrAt    time.Time
}

// backupState is the in-memory part of BackupStatus.
type backupState struct {
	run      sync.Mutex // one backup at a time (the start-of-day one may meet the day close's)
	mu       sync.Mutex
	lastGood time.Time
	path     string
	err      error
	errAt    time.Time
}

func (b *backupState) ok(at time.Time, path string) {
	b.mu.Lock()
	b.lastGood, b.path, b.err, b.errAt = at, path, nil, time.Time{}
	b.mu.Unlock()
}

func (b *backupState) failed(at time.Time, err error) {
	b.mu.Lock()
	b.err, b.errAt = err, at
	b.mu.Unlock()
}

// BackupStatus returns the backup state for ホーム. Before any backup in this run, the newest
// backup in the folder counts as the last good one.
func (s *Store) BackupStatus() BackupStatus {
	s.backup.mu.Lock()
	st := BackupStatus{LastGood: s.backup.lastGood, Path: s.backup.path, Err: s.backup.err, ErrAt: s.backup.errAt}
	s.backup.mu.Unlock()
	if st.LastGood.IsZero() {
		if list, err := ListBackups(s.path); err == nil && len(list) > 0 {
			st.LastGood, st.Path = list[len(list)-1].At, list[len(list)-1].Path
		}
	}
	return st
}

// backupName matches the automatic backups of one database: base-YYYYMMDD-HHMMSS[-n].db.
func backupName(base string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `-(\d{8}-\d{6})(?:-(\d+))?\.db$`)
}

func dbBase(path string) string {
	b := filepath.Base(path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// Backup is one file in the backup folder.
type Backup struct {
	Path string
	At   time.Time // from the name, in Tokyo time
	n    int       // the -n suffix of backups made in the same second
	Size int64
}

// ListBackups returns the automatic backups of the database at path, oldest first.
func ListBackups(path string) ([]Backup, error) {
	dir := BackupDir(path)
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	re := backupName(dbBase(path))
	var out []Backup
	for _, e := range ents {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		at, err := time.ParseInLocation("20060102-150405", m[1], model.Tokyo)
		if err != nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		b := Backup{Path: filepath.Join(dir, e.Name()), At: at, n: n}
		if info, err := e.Info(); err == nil {
			b.Size = info.Size()
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].n < out[j].n
	})
	return out, nil
}

// Backup writes a verified copy of the database into backups/ beside it (folder 0700, file
// 0600), named by the date and time, and keeps the newest Settings.BackupKeep. The app calls it
// at start and after the day is closed. A failure is kept for BackupStatus.
func (s *Store) Backup() (BackupInfo, error) {
	s.backup.run.Lock()
	defer s.backup.run.Unlock()
	info, err := s.backupNow()
	if err != nil {
		s.backup.failed(s.clock.Now(), err)
		return info, err
	}
	s.backup.ok(info.At, info.Path)
	return info, nil
}

func (s *Store) backupNow() (BackupInfo, error) {
	now := s.clock.Now().In(model.Tokyo)
	info := BackupInfo{At: now.Truncate(time.Second)}
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return info, backupError(err)
	}
	if runtime.GOOS != "windows" {
		_ = os.Chmod(dir, 0o700)
	}
	base := dbBase(s.path)
	// Temporary copies of this database left by a run that ended mid-backup: no other backup
	// of it can be running (the database is locked to this process, and backups take turns).
	staleRe := regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + `-\d{8}-\d{6}(?:-\d+)?\.db\.tmp$`)
	if ents, err := os.ReadDir(dir); err == nil {
		for _, e := range ents {
			if staleRe.MatchString(e.Name()) {
				_ = os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	stamp := now.Format("20060102-150405")
	final := filepath.Join(dir, base+"-"+stamp+".db")
	for n := 2; exists(final); n++ {
		final = filepath.Join(dir, fmt.Sprintf("%s-%s-%d.db", base, stamp, n))
	}
	keep := model.DefaultSettings().BackupKeep
	size, err := s.copyVerified(final, func(t *tx) {
		if st, err := t.settings(); err == nil {
			keep = st.BackupKeep
		}
	})
	if err != nil {
		return info, err
	}
	info.Path, info.Size = final, size
	list, err := ListBackups(s.path)
	if err != nil {
		return info, nil // the new backup is good; rotation waits for the next one
	}
	for len(list) > max(keep, 1) {
		if os.Remove(list[0].Path) == nil {
			info.Removed = append(info.Removed, list[0].Path)
		}
		list = list[1:]
	}
	return info, nil
}

// BackupTo writes a verified copy of the database to out (which must not exist yet), for
// `madoguchi backup --out`. The export is audited.
func (s *Store) BackupTo(out string) (BackupInfo, error) {
	info := BackupInfo{At: s.clock.Now().In(model.Tokyo).Truncate(time.Second), Path: out}
	if exists(out) {
		return info, &model.Error{Kind: model.ErrConflict, Msg: model.T(
			fmt.Sprintf("%s はすでにあります。上書きはしません。別の名前を指定してください", out),
			fmt.Sprintf("%s already exists; it is not overwritten. Choose another name.", out))}
	}
	size, err := s.copyVerified(out, nil)
	if err != nil {
		return info, err
	}
	info.Size = size
	if err := s.update(func(t *tx) error {
		return t.audit("export_backup", KindDatabase, "", "", out)
	}); err != nil {
		_ = os.Remove(out) // an export that cannot be audited is not made
		return info, err
	}
	s.backup.ok(info.At, out)
	return info, nil
}

// copyVerified copies the database as of one read transaction to final, through a temporary
// file that is synced and verified before the rename. seen, when set, runs inside the same
// transaction (to read settings that belong with the copy).
func (s *Store) copyVerified(final string, seen func(t *tx)) (int64, error) {
	tmp := filepath.Join(filepath.Dir(final), "."+filepath.Base(final)+".tmp")
	_ = os.Remove(tmp) // left by a copy cut off earlier
	var want bucketShape
	var size int64
	err := s.view(func(t *tx) error {
		if seen != nil {
			seen(t)
		}
		want = shapeOf(t.Tx)
		var err error
		size, err = writeCopy(t.Tx, tmp)
		return err
	})
	if err == nil {
		err = verifyCopy(tmp, want)
	}
	if err == nil {
		err = os.Rename(tmp, final)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return 0, backupError(err)
	}
	syncDir(filepath.Dir(final))
	return size, nil
}

// writeCopy writes the transaction's database to a new file with mode 0600 and syncs it.
func writeCopy(btx *bolt.Tx, path string) (int64, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return 0, err
	}
	n, err := btx.WriteTo(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// bucketShape is what a copy must hold: per bucket, the number of keys and the sequence.
type bucketShape map[string][2]uint64

func shapeOf(btx *bolt.Tx) bucketShape {
	sh := bucketShape{}
	_ = btx.ForEach(func(name []byte, b *bolt.Bucket) error {
		sh[string(name)] = [2]uint64{uint64(b.Stats().KeyN), b.Sequence()}
		return nil
	})
	return sh
}

// verifyCopy opens a copy read-only and checks it: bbolt's page check, and the same buckets,
// key counts and sequences as the transaction it was copied from.
func verifyCopy(path string, want bucketShape) error {
	c, err := Open(path, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	defer c.Close()
	return c.db.View(func(btx *bolt.Tx) error {
		for err := range btx.Check() {
			return fmt.Errorf("the copy fails bbolt's check: %w", err)
		}
		if got := shapeOf(btx); !sameShape(got, want) {
			return fmt.Errorf("the copy's buckets differ from the database's")
		}
		return nil
	})
}

func sameShape(a, b bucketShape) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// VerifyFile opens a database file read-only and checks it as a backup is checked, plus
// madoguchi's own rules; restore runs it before replacing anything.
func VerifyFile(path string) (CheckReport, error) {
	c, err := Open(path, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return CheckReport{}, err
	}
	defer c.Close()
	return c.Check()
}

// RestoreInfo describes a restore.
type RestoreInfo struct {
	Kept string // the replaced database, kept beside it ("" when there was none)
	Size int64
}

// RestoreOptions tune Restore.
type RestoreOptions struct {
	Clock model.Clock // defaults to the system clock
	// Force restores a backup that passes bbolt's check but breaks madoguchi's own rules (an
	// index out of step, a dangling reference): better than no data at all.
	Force bool
}

// Restore replaces the database at path with the backup from. The backup is verified first
// (bbolt's check and madoguchi's rules) and a database open in another madoguchi is refused.
// The replaced file is kept beside the database as NAME.before-restore-YYYYMMDD-HHMMSS. The
// restore is written into the restored database's audit log.
func Restore(path, from string, opt RestoreOptions) (RestoreInfo, error) {
	var info RestoreInfo
	clock := opt.Clock
	if clock == nil {
		clock = model.SystemClock{}
	}
	if abs(path) == abs(from) {
		return info, &model.Error{Kind: model.ErrInvalid, Msg: model.T(
			"復元元がデータベースそのものです", "The backup to restore is the database itself")}
	}
	rep, err := VerifyFile(from)
	if err != nil {
		return info, err
	}
	if !rep.OK() && (!opt.Force || rep.Damaged()) {
		return info, &model.Error{Kind: model.ErrNotDatabase, Msg: model.T(
			fmt.Sprintf("%s に問題が %d 件あるため復元しません（madoguchi check --db %s で確認できます）", from, len(rep.Problems), from),
			fmt.Sprintf("%s has %d problems, so it is not restored (madoguchi check --db %s lists them)", from, len(rep.Problems), from))}
	}
	if err := probeLock(path); err != nil {
		return info, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return info, pathError(path, err)
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".restore.tmp")
	_ = os.Remove(tmp)
	size, err := copyFile(from, tmp)
	if err != nil {
		_ = os.Remove(tmp)
		return info, backupError(err)
	}
	info.Size = size
	if exists(path) {
		info.Kept = path + ".before-restore-" + clock.Now().In(model.Tokyo).Format("20060102-150405")
		for n := 2; exists(info.Kept); n++ {
			info.Kept = fmt.Sprintf("%s.before-restore-%s-%d", path, clock.Now().In(model.Tokyo).Format("20060102-150405"), n)
		}
		if err := os.Rename(path, info.Kept); err != nil {
			_ = os.Remove(tmp)
			return RestoreInfo{}, backupError(err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		if info.Kept != "" {
			_ = os.Rename(info.Kept, path) // put the database back as it was
		}
		_ = os.Remove(tmp)
		return RestoreInfo{}, backupError(err)
	}
	syncDir(filepath.Dir(path))
	s, err := Open(path, Options{Clock: clock})
	if err != nil {
		return info, err
	}
	defer s.Close()
	return info, s.update(func(t *tx) error {
		return t.audit("restore", KindDatabase, "", info.Kept, from)
	})
}

// probeLock reports model.ErrLocked when another madoguchi has the database open. It takes
// the shared lock bbolt's read-only mode takes, which a writer's exclusive lock refuses; a file
// that is damaged or missing is not locked.
func probeLock(path string) error {
	if !exists(path) {
		return nil
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
	if errors.Is(err, berrors.ErrTimeout) {
		return openError(path, err)
	}
	if err == nil {
		db.Close()
	}
	return nil
}

// copyFile copies src to a new file dst (mode 0600) and syncs it.
func copyFile(src, dst string) (int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// syncDir makes a rename in dir durable (a no-op on Windows, which cannot sync a folder).
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return filepath.Clean(a)
	}
	return filepath.Clean(p)
}

// diskFullText is the line staff see when the disk is full.
var diskFullText = model.T(
	"ディスクがいっぱいで保存できませんでした（何も書き込まれていません）。不要なファイルを消して空きを作り、もう一度操作してください",
	"The disk is full, so nothing was saved. Free some space and try again.")

// diskFull reports an error that means the disk (or the file's allowed size) is full. bbolt
// wraps some of these with %s, so the text is checked too.
func diskFull(err error) bool {
	if err == nil {
		return false
	}
	var errno syscall.Errno
	if errors.As(err, &errno) && runtime.GOOS == "windows" && (errno == 112 || errno == 39) { // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
		return true
	}
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, berrors.ErrMaxSizeReached) ||
		strings.Contains(err.Error(), "no space left on device") || strings.Contains(err.Error(), berrors.ErrMaxSizeReached.Error())
}

// readOnlyFS reports an error from writing to a read-only file system.
func readOnlyFS(err error) bool { return errors.Is(err, syscall.EROFS) }

// backupError puts a failed copy into words.
func backupError(err error) error {
	var me *model.Error
	if errors.As(err, &me) {
		return err
	}
	switch {
	case diskFull(err):
		return &model.Error{Kind: model.ErrStorage, Msg: model.T(
			"ディスクがいっぱいでバックアップを作れませんでした。空きを作ってください（今までのバックアップはそのままです）",
			"The disk is full, so the backup could not be made. Free some space (the earlier backups are untouched).")}
	case errors.Is(err, os.ErrPermission) || readOnlyFS(err):
		return &model.Error{Kind: model.ErrStorage, Msg: model.T(
			"バックアップを書き込めません（権限がないか、読み取り専用です）: "+err.Error(),
			"Cannot write the backup (permission denied, or read-only): "+err.Error())}
	}
	return &model.Error{Kind: model.ErrStorage, Msg: model.T(
		"バックアップに失敗しました（今までのバックアップはそのままです）: "+err.Error(),
		"The backup failed (the earlier backups are untouched): "+err.Error())}
}
