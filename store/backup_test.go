package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// openDemo opens a demo database (see demoFile) with a clock the test moves, testStaff on duty.
func openDemo(t *testing.T) (*store.Store, *clock) {
	t.Helper()
	clk := newClock(demoNow)
	s, err := store.Open(demoFile(t), store.Options{Clock: clk})
	must(t, err)
	t.Cleanup(func() { s.Close() })
	s.SetStaff(testStaff)
	return s, clk
}

func TestBackup(t *testing.T) {
	t.Parallel()
	s, _ := openDemo(t)
	if st := s.BackupStatus(); !st.LastGood.IsZero() || st.Err != nil {
		t.Errorf("status before any backup: %+v", st)
	}
	info, err := s.Backup()
	must(t, err)
	dir := filepath.Join(filepath.Dir(s.Path()), "backups")
	if filepath.Dir(info.Path) != dir || filepath.Base(info.Path) != "madoguchi-20261125-103000.db" {
		t.Errorf("backup written to %s", info.Path)
	}
	if runtime.GOOS != "windows" {
		for path, mode := range map[string]os.FileMode{dir: os.ModeDir | 0o700, info.Path: 0o600} {
			if st, err := os.Stat(path); err != nil || st.Mode() != mode {
				t.Errorf("%s: mode %v, %v; want %v", path, st.Mode(), err, mode)
			}
		}
	}
	if st, err := os.Stat(info.Path); err != nil || st.Size() != info.Size {
		t.Errorf("backup size %d, info says %d", st.Size(), info.Size)
	}
	rep, err := store.VerifyFile(info.Path)
	must(t, err)
	if !rep.OK() {
		t.Errorf("the backup has problems: %+v", rep.Problems)
	}
	orig, err := s.Check()
	must(t, err)
	equal(t, "records in the backup", rep.Records, orig.Records)
	st := s.BackupStatus()
	if st.Err != nil || st.Path != info.Path || !st.LastGood.Equal(demoNow) {
		t.Errorf("status after a backup: %+v", st)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("backup folder holds %d files, want the backup alone", len(ents))
	}
}

func TestBackupRotation(t *testing.T) {
	t.Parallel()
	s, clk := openDemo(t) // the demo's settings keep 3 backups
	var made []string
	for i := 0; i < 5; i++ {
		clk.Set(demoNow.Add(time.Duration(i) * time.Hour))
		info, err := s.Backup()
		must(t, err)
		made = append(made, info.Path)
		if i >= 3 && (len(info.Removed) != 1 || info.Removed[0] != made[i-3]) {
			t.Errorf("backup %d removed %v, want %s", i, info.Removed, made[i-3])
		}
	}
	// Two in the same second get their own names, in order.
	info, err := s.Backup()
	must(t, err)
	if filepath.Base(info.Path) != "madoguchi-20261125-143000-2.db" {
		t.Errorf("second backup in a second: %s", info.Path)
	}
	list, err := store.ListBackups(s.Path())
	must(t, err)
	var names []string
	for _, b := range list {
		names = append(names, filepath.Base(b.Path))
	}
	equal(t, "backups kept", names, []string{"madoguchi-20261125-133000.db", "madoguchi-20261125-143000.db", "madoguchi-20261125-143000-2.db"})
	// Files that are not madoguchi backups are never rotated out.
	other := filepath.Join(filepath.Dir(s.Path()), "backups", "手書きメモ.txt")
	must(t, os.WriteFile(other, []byte("memo"), 0o600))
	clk.Set(demoNow.Add(24 * time.Hour))
	_, err = s.Backup()
	must(t, err)
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file that is not a backup was removed: %v", err)
	}
}

func TestBackupWhileWriting(t *testing.T) {
	t.Parallel()
	s, _ := openDemo(t)
	people, err := s.People()
	must(t, err)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, _, err := s.Toggle(people[20+i%5].ID, model.PurposeCoworking); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for i := 0; i < 3; i++ {
		info, err := s.Backup()
		if err != nil {
			t.Fatal(err)
		}
		rep, err := store.VerifyFile(info.Path)
		must(t, err)
		if !rep.OK() {
			t.Errorf("a backup taken during writes has problems: %+v", rep.Problems)
		}
	}
	close(stop)
	wg.Wait()
}

func TestBackupFailureKeepsOldBackupsAndIsReported(t *testing.T) {
	t.Parallel()
	s, clk := openDemo(t)
	good, err := s.Backup()
	must(t, err)
	goodSum := fileSum(t, good.Path)

	// Something sits where the next copy's temporary file goes: the copy cannot be written.
	clk.Set(demoNow.Add(time.Hour))
	blocker := filepath.Join(filepath.Dir(good.Path), ".madoguchi-20261125-113000.db.tmp")
	must(t, os.MkdirAll(filepath.Join(blocker, "x"), 0o700))
	_, err = s.Backup()
	if !errors.Is(err, model.ErrStorage) {
		t.Fatalf("Backup with its temporary file blocked: %v, want ErrStorage", err)
	}
	if msg := model.Message(err, model.JA); !strings.Contains(msg, "バックアップ") || !strings.Contains(msg, "今までのバックアップはそのままです") {
		t.Errorf("message: %s", msg)
	}
	st := s.BackupStatus()
	if st.Err == nil || !st.ErrAt.Equal(demoNow.Add(time.Hour)) || st.Path != good.Path {
		t.Errorf("status after a failure: %+v", st)
	}
	if fileSum(t, good.Path) != goodSum {
		t.Error("the good backup changed")
	}
	list, err := store.ListBackups(s.Path())
	must(t, err)
	if len(list) != 1 {
		t.Errorf("backups after a failure: %+v", list)
	}

	// The failure shows until a backup passes.
	clk.Set(demoNow.Add(2 * time.Hour))
	_, err = s.Backup()
	must(t, err)
	if st := s.BackupStatus(); st.Err != nil || !st.LastGood.Equal(demoNow.Add(2*time.Hour)) {
		t.Errorf("status after a good backup: %+v", st)
	}
}

func TestBackupRemovesCopiesLeftByAnInterruptedRun(t *testing.T) {
	t.Parallel()
	s, _ := openDemo(t)
	dir := filepath.Join(filepath.Dir(s.Path()), "backups")
	must(t, os.MkdirAll(dir, 0o700))
	stale := filepath.Join(dir, ".madoguchi-20261124-170000.db.tmp")
	other := filepath.Join(dir, ".madoguchi-old-20261124-170000.db.tmp") // madoguchi-old.db's: not ours
	must(t, os.WriteFile(stale, []byte("half a copy"), 0o600))
	must(t, os.WriteFile(other, []byte("half a copy"), 0o600))
	_, err := s.Backup()
	must(t, err)
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a stale temporary copy is still there: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another database's file was removed: %v", err)
	}
}

func TestBackupStatusFindsEarlierBackups(t *testing.T) {
	t.Parallel()
	s, _ := openDemo(t)
	info, err := s.Backup()
	must(t, err)
	path := s.Path()
	must(t, s.Close())
	again, err := store.Open(path, store.Options{Clock: newClock(demoNow.Add(time.Hour))})
	must(t, err)
	defer again.Close()
	if st := again.BackupStatus(); st.Path != info.Path || !st.LastGood.Equal(demoNow) || st.Err != nil {
		t.Errorf("status of a fresh run: %+v", st)
	}
}

func TestBackupTo(t *testing.T) {
	t.Parallel()
	s, _ := openDemo(t)
	out := filepath.Join(t.TempDir(), "持ち出し.db")
	info, err := s.BackupTo(out)
	must(t, err)
	if info.Path != out {
		t.Errorf("BackupTo wrote %s", info.Path)
	}
	if rep, err := store.VerifyFile(out); err != nil || !rep.OK() {
		t.Errorf("exported backup: %v %+v", err, rep.Problems)
	}
	if es := auditEntries(t, s); es[0].Action != "export_backup" || es[0].After != out {
		t.Errorf("newest audit entry %+v, want the export", es[0])
	}
	sum := fileSum(t, out)
	if _, err := s.BackupTo(out); !errors.Is(err, model.ErrConflict) {
		t.Errorf("BackupTo over an existing file: %v, want ErrConflict", err)
	}
	if fileSum(t, out) != sum {
		t.Error("an existing file was overwritten")
	}
}

func TestRestore(t *testing.T) {
	t.Parallel()
	s, clk := openDemo(t)
	backup, err := s.Backup()
	must(t, err)
	added := newPerson(t, s, "新井 健一", "あらい けんいち")
	path := s.Path()

	// Refused while the database is open (here, in this process; a second madoguchi is the
	// same lock).
	before := fileSum(t, path)
	if _, err := store.Restore(path, backup.Path, store.RestoreOptions{Clock: clk}); !errors.Is(err, model.ErrLocked) {
		t.Errorf("Restore of an open database: %v, want ErrLocked", err)
	}
	must(t, s.Close())
	if fileSum(t, path) != before {
		t.Error("a refused restore changed the database")
	}

	// A file that is not a backup is refused before anything is touched.
	junk := filepath.Join(t.TempDir(), "junk.db")
	must(t, os.WriteFile(junk, []byte(strings.Repeat("x", 20000)), 0o600))
	if _, err := store.Restore(path, junk, store.RestoreOptions{Clock: clk}); !errors.Is(err, model.ErrNotDatabase) {
		t.Errorf("Restore of junk: %v, want ErrNotDatabase", err)
	}
	if _, err := store.Restore(path, path, store.RestoreOptions{Clock: clk}); err == nil {
		t.Error("Restore of the database onto itself succeeded")
	}
	if fileSum(t, path) != before {
		t.Error("a refused restore changed the database")
	}

	clk.Set(demoNow.Add(time.Hour))
	info, err := store.Restore(path, backup.Path, store.RestoreOptions{Clock: clk})
	must(t, err)
	if info.Kept != path+".before-restore-20261125-113000" || fileSum(t, info.Kept) != before {
		t.Errorf("the replaced database was not kept as it was: %+v", info)
	}
	r, err := store.Open(path, store.Options{Clock: clk})
	must(t, err)
	defer r.Close()
	if _, err := r.Person(added.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a person added after the backup is in the restored database: %v", err)
	}
	if es := auditEntries(t, r); es[0].Action != "restore" || es[0].After != backup.Path || es[0].Before != info.Kept {
		t.Errorf("newest audit entry %+v, want the restore", es[0])
	}
	if runtime.GOOS != "windows" {
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
			t.Errorf("restored database mode %v", st.Mode().Perm())
		}
	}

	// Restoring where no database is yet keeps nothing.
	fresh := filepath.Join(t.TempDir(), "new", "madoguchi.db")
	info, err = store.Restore(fresh, backup.Path, store.RestoreOptions{Clock: clk})
	must(t, err)
	if info.Kept != "" {
		t.Errorf("kept %q for a database that did not exist", info.Kept)
	}
}

func TestCompact(t *testing.T) {
	t.Parallel()
	s, _ := openDemo(t)
	// Make free pages: many long notes, then their erasure.
	p := newPerson(t, s, "大島 綾", "おおしま あや")
	for i := 0; i < 40; i++ {
		p.Notes = strings.Repeat("連絡メモ", 400+i)
		_, err := s.UpdatePerson(p)
		must(t, err)
	}
	_, err := s.Forget(p.ID)
	must(t, err)
	beforeDump := string(dumpOf(t, s))
	path := s.Path()

	if _, err := store.Compact(path); !errors.Is(err, model.ErrLocked) {
		t.Errorf("Compact of an open database: %v, want ErrLocked", err)
	}
	must(t, s.Close())
	info, err := store.Compact(path)
	must(t, err)
	t.Logf("compacted %d -> %d bytes", info.Before, info.After)
	if info.After >= info.Before || info.Before == 0 {
		t.Errorf("Compact: %+v, want smaller", info)
	}
	if st, err := os.Stat(path); err != nil || st.Size() != info.After {
		t.Errorf("file size after compacting: %v", err)
	}
	if runtime.GOOS != "windows" {
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
			t.Errorf("compacted database mode %v", st.Mode().Perm())
		}
	}
	if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
		t.Errorf("files beside the database after compacting: %d", len(ents))
	}
	c, err := store.Open(path, store.Options{Clock: newClock(demoNow)})
	must(t, err)
	defer c.Close()
	rep, err := c.Check()
	must(t, err)
	if !rep.OK() {
		t.Errorf("problems after compacting: %+v", rep.Problems)
	}
	// Every record is as it was; the only new line is the audit entry of the first dump.
	after := strings.Split(string(dumpOf(t, c)), "\n")
	have := map[string]bool{}
	for _, l := range after {
		have[l] = true
	}
	seqAudit := regexp.MustCompile(`^\{"kind":"sequence","id":"audit"`)
	for _, l := range strings.Split(beforeDump, "\n") {
		if !have[l] && !seqAudit.MatchString(l) {
			t.Errorf("lost by compacting: %s", l)
		}
	}
}
