package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// Faults at the edge of the store: a file cut short, a folder that cannot be written, a full
// disk. Each must give one line in the staff member's language and leave the file as it was.
// (A file that is not a database, a folder given as the file and a newer schema are in
// files_test.go and migrate_test.go.) These tests are internal: the full disk is simulated with
// bbolt's MaxSize through Options.maxSize, and as root on Linux with a real small tmpfs too.

var faultsNow = time.Date(2026, 11, 25, 10, 30, 0, 0, model.Tokyo)

// dfOpen opens a store for these tests.
func dfOpen(t *testing.T, path string, opt Options) *Store {
	t.Helper()
	if opt.Clock == nil {
		opt.Clock = model.FixedClock{T: faultsNow}
	}
	s, err := Open(path, opt)
	if err != nil {
		t.Fatalf("Open %s: %v", path, err)
	}
	s.SetStaff("受付 佐藤")
	return s
}

// dfPerson stores a person with a long note (so the file grows quickly).
func dfPerson(s *Store, i int) (model.Person, error) {
	p, err := model.NewPerson(model.PersonInput{Name: fmt.Sprintf("利用者 %d", i), Reading: "りようしゃ",
		Notes: strings.Repeat("連絡事項", 400)})
	if err != nil {
		return p, err
	}
	return s.CreatePerson(p)
}

func dfFill(t *testing.T, s *Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if _, err := dfPerson(s, i); err != nil {
			t.Fatal(err)
		}
	}
}

func dfSum(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dfClean checks a closed database file: bbolt's check and madoguchi's rules.
func dfClean(t *testing.T, path string) *Store {
	t.Helper()
	s := dfOpen(t, path, Options{})
	rep, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Errorf("problem: %s", p.Message(model.EN))
	}
	return s
}

func TestEveryBucketIsKnown(t *testing.T) {
	t.Parallel()
	for _, name := range allBuckets {
		_, isIndex := ruleFor(name)
		_, isData := kindOfBucket(name)
		if !isIndex && !isData && !bytes.Equal(name, bMeta) {
			t.Errorf("bucket %s is neither a record kind nor a ruled index (check.go): dumps and checks would miss it", name)
		}
	}
	for _, r := range indexRules {
		if _, ok := kindOfBucket(r.source); !ok {
			t.Errorf("index %s is derived from %s, which is not a record kind", r.index, r.source)
		}
	}
}

func TestOpenTruncatedFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "madoguchi.db")
	s := dfOpen(t, path, Options{})
	dfFill(t, s, 60)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	whole := dfSum(t, path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	m0, ok0 := readMeta(f, 0)
	m1, ok1 := readMeta(f, int64(m0.pageSize))
	f.Close()
	if !ok0 || !ok1 {
		t.Fatal("cannot read the meta pages of a good file")
	}
	need := int64(max(m0.pgid, m1.pgid)) * int64(m0.pageSize)
	if need <= 4*int64(m0.pageSize) {
		t.Fatalf("the database is too small to cut (%d bytes in use)", need)
	}
	for _, cut := range []int64{need - int64(m0.pageSize), need / 2, 2*int64(m0.pageSize) + 1, 3 * int64(m0.pageSize)} {
		t.Run(fmt.Sprint(cut), func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "madoguchi.db")
			if err := os.WriteFile(p, whole[:cut], 0o600); err != nil {
				t.Fatal(err)
			}
			for _, ro := range []bool{false, true} {
				s, err := Open(p, Options{ReadOnly: ro, Timeout: time.Second})
				if err == nil {
					s.Close()
					t.Fatalf("Open (read-only %t) of a file cut to %d of %d bytes succeeded", ro, cut, need)
				}
				if !errors.Is(err, model.ErrNotDatabase) || !strings.Contains(model.Message(err, model.JA), "途中で切れています") ||
					!strings.Contains(model.Message(err, model.EN), "cut short") {
					t.Errorf("Open: %v", err)
				}
			}
			if _, err := Compact(p); !errors.Is(err, model.ErrNotDatabase) {
				t.Errorf("Compact of a cut file: %v", err)
			}
			if _, err := Restore(filepath.Join(t.TempDir(), "x.db"), p, RestoreOptions{}); !errors.Is(err, model.ErrNotDatabase) {
				t.Errorf("Restore from a cut file: %v", err)
			}
			if !bytes.Equal(dfSum(t, p), whole[:cut]) {
				t.Error("the cut file was changed")
			}
		})
	}
	// Cutting only the unused tail the file grew into loses nothing: it opens and checks.
	t.Run("slack only", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "madoguchi.db")
		if err := os.WriteFile(p, whole[:need], 0o600); err != nil {
			t.Fatal(err)
		}
		s := dfClean(t, p)
		defer s.Close()
		if ps, err := s.People(); err != nil || len(ps) != 60 {
			t.Errorf("People = %d, %v", len(ps), err)
		}
	})
}

// canMount reports whether this process can mount a tmpfs (root on Linux).
func canMount() bool {
	return runtime.GOOS == "linux" && os.Geteuid() == 0
}

// mountTmpfs mounts a small tmpfs on a new folder and unmounts it when the test ends.
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mnt")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

func remount(t *testing.T, dir, opts string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+opts, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s: %v %s", opts, err, out)
	}
}

func TestOpenInReadOnlyFolder(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	var dir string
	switch {
	case os.Geteuid() != 0:
		dir = filepath.Join(t.TempDir(), "ro")
		if err := os.Mkdir(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
	case canMount():
		dir = mountTmpfs(t, "ro,size=1m") // root ignores permissions; a read-only mount it cannot
	default:
		t.Skip("running as root without mount")
	}
	for _, path := range []string{filepath.Join(dir, "madoguchi.db"), filepath.Join(dir, "sub", "madoguchi.db")} {
		s, err := Open(path, Options{})
		if err == nil {
			s.Close()
			t.Fatalf("Open in a read-only folder succeeded: %s", path)
		}
		msg := model.Message(err, model.JA)
		if !errors.Is(err, model.ErrStorage) || !strings.Contains(msg, "書き込めません") || strings.Contains(msg, "\n") {
			t.Errorf("Open %s: %v / %s", path, err, msg)
		}
		if !strings.Contains(model.Message(err, model.EN), "--db") {
			t.Errorf("the English line does not say what to do: %s", model.Message(err, model.EN))
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("something was written: %v", ents)
	}
}

func TestOpenOnReadOnlyMount(t *testing.T) {
	t.Parallel()
	if !canMount() {
		t.Skip("needs root on Linux to mount a tmpfs")
	}
	dir := mountTmpfs(t, "size=4m")
	path := filepath.Join(dir, "madoguchi.db")
	s := dfOpen(t, path, Options{})
	dfFill(t, s, 5)
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := dfSum(t, path)
	remount(t, dir, "ro")
	_, err := Open(path, Options{})
	if !errors.Is(err, model.ErrStorage) || !strings.Contains(model.Message(err, model.JA), "読み取り専用") {
		t.Errorf("Open of a database on a read-only mount: %v", err)
	}
	// Read-only opening (what check and backup verification use) still works.
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open: %v", err)
	}
	if ps, err := ro.People(); err != nil || len(ps) != 5 {
		t.Errorf("People read-only = %d, %v", len(ps), err)
	}
	ro.Close()
	remount(t, dir, "rw")
	if !bytes.Equal(dfSum(t, path), before) {
		t.Error("the database was changed")
	}
}

// fullDisk fills s until a write fails and returns the error and how many people were stored.
func fullDisk(t *testing.T, s *Store) (error, int) {
	t.Helper()
	for i := 0; i < 100000; i++ {
		if _, err := dfPerson(s, i); err != nil {
			return err, i
		}
	}
	t.Fatal("the disk never filled")
	return nil, 0
}

// assertFullDiskHandled checks what a full disk must leave: one clear line, the file whole with
// every committed write, the failed one absent.
func assertFullDiskHandled(t *testing.T, path string, err error, stored int) {
	t.Helper()
	if !errors.Is(err, model.ErrStorage) {
		t.Fatalf("write on a full disk: %v, want ErrStorage", err)
	}
	if got := model.Message(err, model.JA); got != diskFullText.JA {
		t.Errorf("message = %q", got)
	}
	if got := model.Message(err, model.EN); got != diskFullText.EN {
		t.Errorf("message = %q", got)
	}
	s := dfClean(t, path)
	defer s.Close()
	ps, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != stored {
		t.Errorf("%d people after a full disk, want the %d committed", len(ps), stored)
	}
	if audit, err := s.Audit(AuditFilter{Limit: 1 << 20}); err != nil || len(audit) != stored {
		t.Errorf("%d audit entries for %d people: %v", len(audit), stored, err)
	}
}

func TestFullDiskSimulated(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "madoguchi.db")
	s := dfOpen(t, path, Options{})
	dfFill(t, s, 3)
	s.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	s = dfOpen(t, path, Options{maxSize: int(st.Size()) + 64<<10}) // the file may barely grow
	err, n := fullDisk(t, s)
	s.Close()
	assertFullDiskHandled(t, path, err, 3+n)
}

func TestFullDiskTmpfs(t *testing.T) {
	t.Parallel()
	if !canMount() {
		t.Skip("needs root on Linux to mount a small tmpfs")
	}
	dir := mountTmpfs(t, "size=1m")
	path := filepath.Join(dir, "madoguchi.db")
	s := dfOpen(t, path, Options{})
	if _, err := s.Backup(); err != nil { // a good backup, which the full disk must not lose
		t.Fatal(err)
	}
	list, _ := ListBackups(path)
	good := dfSum(t, list[0].Path)
	err, n := fullDisk(t, s)
	t.Logf("the tmpfs filled after %d people: %v", n, err)

	// A backup now fails in words, leaves no partial file and keeps the earlier backup.
	_, berr := s.Backup()
	if !errors.Is(berr, model.ErrStorage) || !strings.Contains(model.Message(berr, model.JA), "ディスクがいっぱい") {
		t.Errorf("backup on a full disk: %v", berr)
	}
	if st := s.BackupStatus(); st.Err == nil {
		t.Error("the failed backup is not in the status")
	}
	ents, _ := os.ReadDir(BackupDir(path))
	if len(ents) != 1 || !bytes.Equal(dfSum(t, list[0].Path), good) {
		t.Errorf("backup folder after a failed backup: %v", ents)
	}
	s.Close()
	assertFullDiskHandled(t, path, err, n)
}

// FuzzKeyCodec: every key, in every codec, is written as an id that reads back to the same
// bytes, so a dump names every record exactly.
func FuzzKeyCodec(f *testing.F) {
	for _, k := range [][]byte{u64(1), u64(0), pair(3, 12), pair(0, 1), []byte("20250602"), []byte("20251302"), []byte("settings"),
		[]byte("x:00"), {}, {0xff, 0x00}, []byte("schema")} {
		f.Add(k)
	}
	f.Fuzz(func(t *testing.T, k []byte) {
		for _, c := range []keyCodec{keyHex, keyID, keyPair, keyDay, keyText} {
			s := c.format(k)
			back, err := c.parse(s)
			if err != nil || !bytes.Equal(back, k) {
				t.Fatalf("codec %d: %x written %q read back %x, %v", c, k, s, back, err)
			}
		}
	})
}

// FuzzParseDump: any file given to `madoguchi load` is either refused with problems naming
// their lines in both languages, or everything in it can be written as it is: records of known
// kinds (or raw lines of unknown buckets), every reference met inside the file, and sequences
// never behind the ids. (Loading and checking valid dumps is in dump_test.go: doing it here
// would spend the fuzzing time on fsync.)
func FuzzParseDump(f *testing.F) {
	dir := f.TempDir()
	s, err := Open(filepath.Join(dir, "seed.db"), Options{Clock: model.FixedClock{T: faultsNow}})
	if err != nil {
		f.Fatal(err)
	}
	s.SetStaff("受付 佐藤")
	p, _ := model.NewPerson(model.PersonInput{Name: "山田 花子", Reading: "やまだ はなこ"})
	p, _ = s.CreatePerson(p)
	c, _ := model.NewChild(model.ChildInput{GuardianID: p.ID, Name: "山田 陽翔", Reading: "やまだ はると", BirthDate: "2022-05-01"}, model.DateOf(faultsNow))
	if _, err := s.CreateChild(c); err != nil {
		f.Fatal(err)
	}
	if _, err := s.CheckIn(p.ID, model.PurposeCoworking); err != nil {
		f.Fatal(err)
	}
	var seed bytes.Buffer
	if _, err := s.Dump(&seed, "seed"); err != nil {
		f.Fatal(err)
	}
	s.Close()
	f.Add(seed.Bytes())
	f.Add([]byte(`{"kind":"madoguchi","id":"dump","fields":{"format":1,"schema":1}}` + "\n" + `{"kind":"raw","bucket":"extra","id":"x:01","bytes":"AAE="}` + "\n"))
	f.Add([]byte(`{"kind":"madoguchi","id":"dump","fields":{"format":1,"schema":2}}` + "\n" + `{"kind":"sequence","id":"people","fields":18446744073709551615}` + "\n"))
	f.Add([]byte("\n\n{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, seqs, hdr, err := parseDump(bytes.NewReader(data))
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("error %v (%T) is not a LoadError with problems", err, err)
			}
			for _, p := range le.Problems {
				if p.Line < 1 || p.Msg.JA == "" || p.Msg.EN == "" {
					t.Fatalf("problem %+v", p)
				}
			}
			return
		}
		if hdr.Schema == 0 || hdr.Schema > SchemaVersion {
			t.Fatalf("accepted schema %d", hdr.Schema)
		}
		have := map[string]bool{}
		for _, r := range recs {
			have[string(r.bucket)+"\x00"+string(r.key)] = true
		}
		for _, r := range recs {
			rk, known := kindOfBucket(r.bucket)
			if _, ruled := ruleFor(r.bucket); ruled {
				t.Fatalf("line %d writes into index %s, which load rebuilds", r.line, r.bucket)
			}
			for _, x := range r.refs {
				if !have[string(x.bucket)+"\x00"+string(x.key)] {
					t.Fatalf("line %d: %s points outside the file", r.line, x.field)
				}
			}
			if known && rk.key == keyID && seqs[string(r.bucket)] < id(r.key) {
				t.Fatalf("line %d: id %d beyond the %s sequence %d", r.line, id(r.key), r.bucket, seqs[string(r.bucket)])
			}
		}
	})
}
