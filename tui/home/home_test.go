package home_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store/demo"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/home"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

func ctx(l model.Lang) common.Context { return tuitest.Context(l, 80, 20) }

// A failed backup is a red line on ホーム until a good one exists.
func TestBackupFailureShownUntilAGoodOne(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "m.db")
	if err := demo.FillIfEmpty(path, tuitest.Now); err != nil {
		t.Fatal(err)
	}
	s := tuitest.Open(t, path)
	// a file where the backups folder should be: the backup cannot be written
	if err := os.WriteFile(filepath.Join(dir, "backups"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(); err == nil {
		t.Fatal("backup into a file succeeded")
	}
	for _, tc := range []struct {
		lang model.Lang
		want string
	}{{model.JA, "バックアップに失敗しました"}, {model.EN, "Backup failed"}} {
		m, _ := tuitest.Send(tuitest.Host{S: home.New(ctx(tc.lang), s)}, tuitest.Key("r"))
		if v := ansi.Strip(m.(tuitest.Host).S.View()); !strings.Contains(v, tc.want) {
			t.Fatalf("%v: no backup alert:\n%s", tc.lang, v)
		}
	}
	if err := os.Remove(filepath.Join(dir, "backups")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	m, _ := tuitest.Send(tuitest.Host{S: home.New(ctx(model.JA), s)}, tuitest.Key("r"))
	if v := ansi.Strip(m.(tuitest.Host).S.View()); strings.Contains(v, "バックアップに失敗") {
		t.Fatalf("alert stays after a good backup:\n%s", v)
	}
}

// After the day is closed with children still in care, ホーム says what is open now, not only
// that the day was closed.
func TestClosedDayStillShowsWhatIsOpen(t *testing.T) {
	s := tuitest.OpenDemo(t)
	s.SetStaff("長谷川 真由美子") // a long name must not push the count off the line
	if _, err := s.CloseDay(model.DateOf(tuitest.Now), []string{"来館中: 山田 花子", "お迎え未完了: 山田 陽翔"}); err != nil {
		t.Fatal(err)
	}
	h := tuitest.Host{S: home.New(ctx(model.JA), s)}
	m, _ := tuitest.Drain(h, h.Init())
	v := ansi.Strip(m.(tuitest.Host).S.View())
	if !strings.Contains(v, "日次締め: いま未了 ") || !strings.Contains(v, "件（D で確認）") {
		t.Fatalf("closed day with children in care:\n%s", v)
	}
}
