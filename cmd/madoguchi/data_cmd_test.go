package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/store/demo"
	"github.com/nagawaka/madoguchi/tui/common"
)

// dataDemo makes a demo database as of now and returns its path.
func dataDemo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "madoguchi.db")
	if err := demo.FillIfEmpty(path, time.Now()); err != nil {
		t.Fatal(err)
	}
	return path
}

// dataRun runs madoguchi with args and returns the exit code, stdout and stderr.
func dataRun(t *testing.T, lang string, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(args, &out, &errw, []string{"HOME=" + t.TempDir(), "LANG=" + lang})
	return code, out.String(), errw.String()
}

// oneLine fails unless stderr is exactly one line holding want.
func oneLine(t *testing.T, stderr, want string) {
	t.Helper()
	if strings.Count(strings.TrimSuffix(stderr, "\n"), "\n") != 0 || !strings.Contains(stderr, want) {
		t.Errorf("stderr %q, want one line with %q", stderr, want)
	}
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCheckBackupCompactCommands(t *testing.T) {
	t.Parallel()
	db := dataDemo(t)
	code, out, errs := dataRun(t, "ja_JP.UTF-8", "check", "--db", db)
	if code != 0 || !strings.Contains(out, "問題は見つかりませんでした") || !strings.Contains(out, "利用者 30") || errs != "" {
		t.Errorf("check: %d\n%s%s", code, out, errs)
	}
	code, out, _ = dataRun(t, "en_US.UTF-8", "backup", "--db", db)
	if code != 0 || !strings.Contains(out, "Backup written and verified: "+filepath.Join(filepath.Dir(db), "backups")) {
		t.Errorf("backup: %d %s", code, out)
	}
	exported := filepath.Join(t.TempDir(), "copy.db")
	code, out, _ = dataRun(t, "ja_JP.UTF-8", "backup", "--out", exported, "--db", db)
	if code != 0 || !strings.Contains(out, exported) {
		t.Errorf("backup --out: %d %s", code, out)
	}
	code, _, errs = dataRun(t, "ja_JP.UTF-8", "backup", "--out", exported, "--db", db)
	if code == 0 {
		t.Error("backup --out over an existing file succeeded")
	}
	oneLine(t, errs, "上書きはしません")
	code, out, errs = dataRun(t, "ja_JP.UTF-8", "compact", "--db", db)
	if code != 0 || !strings.Contains(out, "圧縮しました") {
		t.Errorf("compact: %d %s %s", code, out, errs)
	}
	// check reads only: running it on a copy changes no byte
	before := fileBytes(t, exported)
	if code, _, _ := dataRun(t, "ja_JP.UTF-8", "check", "--db", exported); code != 0 || !bytes.Equal(fileBytes(t, exported), before) {
		t.Errorf("check of the exported copy: exit %d, or the file changed", code)
	}
}

func TestCheckCommandReportsDamage(t *testing.T) {
	t.Parallel()
	db := dataDemo(t)
	// Point child 1 at a guardian who does not exist, as a bad disk block might: record pages
	// carry no checksum, so bbolt opens the file and only madoguchi's rules can tell.
	data := fileBytes(t, db)
	from, to := []byte(`{"id":1,"guardian_id":1,`), []byte(`{"id":1,"guardian_id":0,`)
	if !bytes.Contains(data, from) {
		t.Fatal("child 1 not found in the file")
	}
	if err := os.WriteFile(db, bytes.ReplaceAll(data, from, to), 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileBytes(t, db)
	code, out, errs := dataRun(t, "ja_JP.UTF-8", "check", "--db", db)
	if code != 1 {
		t.Errorf("check of a damaged database: exit %d", code)
	}
	for _, want := range []string{"children 1: guardian_id が指す利用者 0 がありません", "idx_children_guardian"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	oneLine(t, errs, "restore")
	if !bytes.Equal(fileBytes(t, db), before) {
		t.Error("check changed the damaged file")
	}
}

func TestLoadCommandRefusesABadDump(t *testing.T) {
	t.Parallel()
	db := dataDemo(t)
	file := filepath.Join(t.TempDir(), "all.jsonl")
	if code, _, errs := dataRun(t, "ja_JP.UTF-8", "dump", "--db", db, "--out", file); code != 0 {
		t.Fatal(errs)
	}
	var kept []string
	cut := false
	for _, l := range strings.Split(string(fileBytes(t, file)), "\n") {
		if !cut && strings.HasPrefix(l, `{"kind":"person","id":"1"`) {
			cut = true
			continue
		}
		kept = append(kept, l)
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte(strings.Join(kept, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "new.db")
	for lang, want := range map[string]string{"ja_JP.UTF-8": "行目: child 1 の guardian_id が指す利用者 1 がファイルにありません", "en_US.UTF-8": "child 1: guardian_id points at person 1, which is not in the file"} {
		code, _, errs := dataRun(t, lang, "load", bad, "--db", target)
		if code != 1 || !strings.Contains(errs, want) {
			t.Errorf("load of a dump missing a person: %d %s", code, errs)
		}
	}
	// nothing was written: not even an empty database is left behind
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("a refused load left %s: %v", target, err)
	}
}

func TestDumpLoadCommands(t *testing.T) {
	t.Parallel()
	db := dataDemo(t)
	file := filepath.Join(t.TempDir(), "all.jsonl")
	code, _, errs := dataRun(t, "ja_JP.UTF-8", "dump", "--db", db, "--out", file)
	if code != 0 || !strings.Contains(errs, "件を書き出しました") {
		t.Fatalf("dump: %d %s", code, errs)
	}
	if runtime.GOOS != "windows" {
		if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
			t.Errorf("dump file mode %v: it holds personal data", st.Mode().Perm())
		}
	}
	target := filepath.Join(t.TempDir(), "copy.db")
	code, out, errs := dataRun(t, "en_US.UTF-8", "load", file, "--db", target)
	if code != 0 || !strings.Contains(out, "records loaded") {
		t.Fatalf("load: %d %s %s", code, out, errs)
	}
	code, out, _ = dataRun(t, "ja_JP.UTF-8", "dump", "--db", target)
	if code != 0 || out != string(fileBytes(t, file)) {
		t.Error("dump of the loaded copy differs from the dump it was loaded from")
	}
	code, _, errs = dataRun(t, "ja_JP.UTF-8", "load", file, "--db", target)
	if code != 1 {
		t.Error("load into a database with records succeeded")
	}
	oneLine(t, errs, "空のデータベースにだけ")
	if code, _, _ := dataRun(t, "ja_JP.UTF-8", "load", "--db", target); code != 2 {
		t.Errorf("load without a file: exit %d, want 2", code)
	}
}

func TestRestoreCommand(t *testing.T) {
	t.Parallel()
	db := dataDemo(t)
	backup := filepath.Join(t.TempDir(), "b.db")
	if code, _, errs := dataRun(t, "ja_JP.UTF-8", "backup", "--db", db, "--out", backup); code != 0 {
		t.Fatal(errs)
	}
	// refused while the database is open
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs := dataRun(t, "ja_JP.UTF-8", "restore", backup, "--db", db)
	s.Close()
	if code != 1 {
		t.Errorf("restore of an open database: exit %d", code)
	}
	oneLine(t, errs, "別の madoguchi ですでに開かれています")
	code, out, errs := dataRun(t, "ja_JP.UTF-8", "restore", backup, "--db", db)
	if code != 0 || !strings.Contains(out, "復元しました") || !strings.Contains(out, "置き換える前のデータベースは残してあります: "+db+".before-restore-") {
		t.Errorf("restore: %d %s %s", code, out, errs)
	}
}

func TestForgetCommand(t *testing.T) {
	t.Parallel()
	db := dataDemo(t)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var who model.Person
	ps, _ := s.People()
	open, _ := s.OpenVisits()
	in := map[uint64]bool{}
	for _, v := range open {
		in[v.PersonID] = true
	}
	for _, p := range ps {
		if !in[p.ID] {
			who = p
			break
		}
	}
	s.Close()
	id := ref(who.ID)
	code, out, _ := dataRun(t, "ja_JP.UTF-8", "forget", id, "--db", db)
	if code != 1 || !strings.Contains(out, who.Name) || !strings.Contains(out, "--yes") {
		t.Errorf("forget without --yes: %d %s", code, out)
	}
	code, out, errs := dataRun(t, "en_US.UTF-8", "forget", "--yes", "--staff", "佐藤 由美", id, "--db", db)
	if code != 0 || !strings.Contains(out, "Erased") || !strings.Contains(out, "earlier backups") || !strings.Contains(out, "madoguchi compact") {
		t.Errorf("forget --yes: %d %s %s", code, out, errs)
	}
	s, err = store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if p, _ := s.Person(who.ID); !p.Forgotten || p.Name != "" {
		t.Errorf("person after forget: %+v", p)
	}
	es, _ := s.Audit(store.AuditFilter{Limit: 1})
	if es[0].Action != "forget" || es[0].Staff != "佐藤 由美" {
		t.Errorf("newest audit entry %+v", es[0])
	}
	for _, args := range [][]string{{"forget"}, {"forget", "abc", "--db", db}, {"forget", "1", "2", "--db", db}} {
		if code, _, _ := dataRun(t, "ja_JP.UTF-8", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func ref(n uint64) string { return strconv.FormatUint(n, 10) }

// Each fault gives one line in the staff member's language, a non-zero exit, and leaves the
// file as it was: for the app and for the commands that open the database.
func TestFaultsAreOneLine(t *testing.T) {
	t.Parallel()
	good := dataDemo(t)
	whole := fileBytes(t, good)
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, bytes.Repeat([]byte("氏名,ふりがな\n"), 3000), 0o600); err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.db")
	if err := os.WriteFile(cut, whole[:len(whole)/3], 0o600); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer.db")
	if err := os.WriteFile(newer, newerSchema(t, whole), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		file   string
		ja, en string
	}{
		{junk, "madoguchi のデータベースではないか、壊れています", "is not a madoguchi database, or it is damaged"},
		{cut, "途中で切れています", "is cut short"},
		{newer, "新しい版の madoguchi", "newer madoguchi"},
	}
	for _, c := range cases {
		before := fileBytes(t, c.file)
		for _, args := range [][]string{{"--staff", "x"}, {"check"}, {"backup"}, {"dump"}, {"compact"}} {
			for lang, want := range map[string]string{"ja_JP.UTF-8": c.ja, "en_US.UTF-8": c.en} {
				code, _, errs := dataRun(t, lang, append(args, "--db", c.file)...)
				if code == 0 {
					t.Errorf("%v on %s: exit 0", args, filepath.Base(c.file))
				}
				oneLine(t, errs, want)
			}
		}
		if !bytes.Equal(fileBytes(t, c.file), before) {
			t.Errorf("%s was changed", c.file)
		}
		if code, _, errs := dataRun(t, "ja_JP.UTF-8", "restore", c.file, "--db", good); code == 0 {
			t.Errorf("restore from %s succeeded", c.file)
		} else {
			oneLine(t, errs, c.ja)
		}
	}
	if !bytes.Equal(fileBytes(t, good), whole) {
		t.Error("a refused restore changed the database")
	}
}

// newerSchema returns a copy of a database file whose schema version is one past this build's.
// The version is a plain 8-byte value beside its key in a leaf page (pages other than the two
// meta pages carry no checksum), so the bytes are edited in place.
func newerSchema(t *testing.T, db []byte) []byte {
	t.Helper()
	key := append([]byte("schema"), make([]byte, 7)...)
	key = append(key, byte(store.SchemaVersion))
	i := bytes.Index(db, key)
	if i < 0 || bytes.Index(db[i+1:], key) >= 0 {
		t.Fatal("cannot find the schema value exactly once")
	}
	out := bytes.Clone(db)
	out[i+len(key)-1]++
	return out
}

func TestReadOnlyFolderIsOneLine(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		if runtime.GOOS != "linux" {
			t.Skip("root ignores permissions")
		}
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", dir).CombinedOutput(); err != nil {
			t.Skipf("root ignores permissions and cannot mount: %v %s", err, out)
		}
		t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	} else {
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
	}
	path := filepath.Join(dir, "madoguchi.db")
	for lang, want := range map[string]string{"ja_JP.UTF-8": "に書き込めません", "en_US.UTF-8": "Cannot write to"} {
		code, _, errs := dataRun(t, lang, "--db", path, "--staff", "x")
		if code == 0 {
			t.Error("the app started in a read-only folder")
		}
		oneLine(t, errs, want)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("files were written: %v", ents)
	}
}

func TestFullDiskIsOneLine(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("needs root on Linux to mount a small tmpfs")
	}
	db := dataDemo(t)
	file := filepath.Join(t.TempDir(), "all.jsonl")
	if code, _, errs := dataRun(t, "ja_JP.UTF-8", "dump", "--db", db, "--out", file); code != 0 {
		t.Fatal(errs)
	}
	dir := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	target := filepath.Join(dir, "madoguchi.db")
	if code, _, errs := dataRun(t, "ja_JP.UTF-8", "check", "--db", target); code == 0 { // no database yet
		t.Fatalf("check of a missing database: %s", errs)
	}
	s, err := store.Open(target, store.Options{}) // an empty database, made before the load
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, _, errs := dataRun(t, "ja_JP.UTF-8", "load", file, "--db", target)
	if code == 0 {
		t.Fatal("a load bigger than the disk succeeded")
	}
	oneLine(t, errs, "ディスクがいっぱいで保存できませんでした")
	// the database is as it was before the load: empty, and whole
	code, out, errs := dataRun(t, "en_US.UTF-8", "check", "--db", target)
	if code != 0 || !strings.Contains(out, ": 0 records") {
		t.Errorf("after a load that filled the disk: %d %s %s", code, out, errs)
	}
}

// ---- crashes ----

// panicky is a root model that panics where it is told to.
type panicky struct{ where string }

type boom struct{}

func (p panicky) Init() tea.Cmd {
	if p.where == "command" {
		return tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { panic("boom in a command") })
	}
	return func() tea.Msg { return boom{} }
}

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(boom); ok && p.where == "update" {
		panic("boom in Update")
	}
	if _, ok := msg.(boom); ok && p.where == "view" {
		p.where = "view now"
	}
	return p, nil
}

func (p panicky) View() tea.View {
	if p.where == "view now" {
		panic("boom in View")
	}
	return tea.NewView("madoguchi")
}

func TestPanicWritesCrashReport(t *testing.T) {
	for _, where := range []string{"update", "view", "command", "build"} {
		t.Run(where, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "madoguchi.db")
			s, err := store.Open(path, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			stderr := os.Stderr
			var out, errw, screen bytes.Buffer
			c := &cli{out: &out, errw: &errw, clock: model.SystemClock{}, lang: model.JA}
			build := func() tea.Model { return panicky{where: where} }
			if where == "build" {
				build = func() tea.Model { panic("boom while building") }
			}
			code := c.runProgram(s, build, nil, tea.WithInput(nil), tea.WithOutput(&screen), tea.WithoutSignalHandler())
			if code != crashExit {
				t.Fatalf("exit %d, want %d; stderr %s", code, crashExit, errw.String())
			}
			line := errw.String()
			oneLine(t, line, "予期しないエラーで終了しました")
			_, report, ok := strings.Cut(strings.TrimSpace(line), "報告書: ")
			if !ok || filepath.Dir(report) != dir || !strings.HasPrefix(filepath.Base(report), "crash-") {
				t.Fatalf("the line does not say where the report is: %q", line)
			}
			text := string(fileBytes(t, report))
			for _, want := range []string{"boom", "version:  madoguchi", "schema", "time:", path, "goroutine", "panicky"} {
				if where == "build" && want == "panicky" {
					want = "TestPanicWritesCrashReport"
				}
				if !strings.Contains(text, want) {
					t.Errorf("the report lacks %q:\n%s", want, text)
				}
			}
			if where == "view" && !strings.Contains(text, "Caught panic") {
				t.Errorf("Bubble Tea's own report (stderr) is not in the crash report:\n%s", text)
			}
			if os.Stderr != stderr {
				t.Error("stderr was left redirected")
			}
			if runtime.GOOS != "windows" {
				if st, _ := os.Stat(report); st.Mode().Perm() != 0o600 {
					t.Errorf("report mode %v", st.Mode().Perm())
				}
			}
			// The database was closed: it opens again at once.
			again, err := store.Open(path, store.Options{Timeout: 100 * time.Millisecond})
			if err != nil {
				t.Fatalf("the database is still held after the crash: %v", err)
			}
			again.Close()
		})
	}
}

func TestCrashReportFallsBackToTempDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("removes the folder of an open file")
	}
	dir := filepath.Join(t.TempDir(), "gone")
	path := filepath.Join(dir, "madoguchi.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The database's folder disappears under the running app (a USB stick pulled out, say):
	// the report cannot go beside the database, so it goes to the temporary folder.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	var errw bytes.Buffer
	c := &cli{out: &bytes.Buffer{}, errw: &errw, clock: model.SystemClock{}, lang: model.EN}
	ct := &catcher{}
	ct.record("boom", []byte("stack"))
	if code := c.crashed(s, ct); code != crashExit {
		t.Errorf("exit %d", code)
	}
	_, report, _ := strings.Cut(strings.TrimSpace(errw.String()), "Crash report: ")
	if filepath.Dir(report) != filepath.Clean(os.TempDir()) {
		t.Fatalf("report at %q, want the temporary folder", report)
	}
	if text := string(fileBytes(t, report)); !strings.Contains(text, "boom") || !strings.Contains(text, "stack") {
		t.Errorf("report:\n%s", text)
	}
	os.Remove(report)
}

func TestCatcherWrapsBatches(t *testing.T) {
	ct := &catcher{}
	inner := func() tea.Msg { panic("deep") }
	cmd := ct.wrap(tea.Batch(inner, func() tea.Msg { return nil }))
	msg := cmd()
	b, ok := msg.(tea.BatchMsg)
	if !ok {
		t.Fatalf("wrapped batch returned %T", msg)
	}
	var got []tea.Msg
	for _, c := range b {
		got = append(got, c())
	}
	if _, ok := got[0].(crashMsg); !ok {
		t.Errorf("the panicking command returned %T, want crashMsg", got[0])
	}
	v, stack, caught := ct.caught()
	if !caught || v != "deep" || !strings.Contains(string(stack), "TestCatcherWrapsBatches") {
		t.Errorf("caught %v, %t:\n%s", v, caught, stack)
	}
}

// waitForBackup quits once the start-of-day backup has told the screens to reload.
type waitForBackup struct{}

func (waitForBackup) Init() tea.Cmd { return nil }
func (w waitForBackup) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(common.DataChangedMsg); ok {
		return w, tea.Quit
	}
	return w, nil
}
func (waitForBackup) View() tea.View { return tea.NewView("madoguchi") }

func TestStartOfDayBackup(t *testing.T) {
	for _, blocked := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "madoguchi.db")
		if blocked { // something that is not a folder where backups/ goes: the backup fails
			if err := os.WriteFile(filepath.Join(filepath.Dir(path), "backups"), nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		s, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var errw, screen bytes.Buffer
		c := &cli{out: &bytes.Buffer{}, errw: &errw, clock: model.SystemClock{}, lang: model.JA}
		code := c.runProgram(s, func() tea.Model { return waitForBackup{} }, startBackup(s),
			tea.WithInput(nil), tea.WithOutput(&screen), tea.WithoutSignalHandler())
		if code != 0 || errw.Len() != 0 {
			t.Fatalf("blocked %t: exit %d, %s", blocked, code, errw.String())
		}
		st := s.BackupStatus()
		list, _ := store.ListBackups(path)
		if blocked {
			if st.Err == nil || len(list) != 0 {
				t.Errorf("a failed start-of-day backup: status %+v, %d backups", st, len(list))
			}
		} else if st.Err != nil || len(list) != 1 || st.Path != list[0].Path {
			t.Errorf("start-of-day backup: status %+v, backups %+v", st, list)
		}
		s.Close()
	}
}
