package store_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

func TestFileModes(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	root := t.TempDir()
	path := filepath.Join(root, "madoguchi", "data", "madoguchi.db")
	s, err := store.Open(path, store.Options{Clock: newClock(at(day, "9:00"))})
	must(t, err)
	defer s.Close()
	for _, c := range []struct {
		path string
		mode os.FileMode
	}{
		{filepath.Join(root, "madoguchi"), os.ModeDir | 0o700},
		{filepath.Join(root, "madoguchi", "data"), os.ModeDir | 0o700},
		{path, 0o600},
	} {
		st, err := os.Stat(c.path)
		must(t, err)
		if st.Mode() != c.mode {
			t.Errorf("%s: mode %v, want %v", c.path, st.Mode(), c.mode)
		}
	}
}

func TestFileModeTightened(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := store.Open(path, store.Options{})
	must(t, err)
	must(t, s.Close())
	must(t, os.Chmod(path, 0o644))
	s, err = store.Open(path, store.Options{})
	must(t, err)
	defer s.Close()
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode after reopening a 0644 database = %v, want 0600", st.Mode().Perm())
	}
}

func TestOpenNotADatabase(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewChaCha8([32]byte{'m', 'a', 'd', 'o'}))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rnd.Uint32())
		}
		return b
	}
	csv := bytes.Repeat([]byte("氏名,ふりがな,電話\n山田 花子,やまだ はなこ,0494-75-1234\n"), 300)
	for name, data := range map[string][]byte{
		"random 64 KiB": random(64 << 10),
		"100 bytes":     random(100),
		"zeros 16 KiB":  make([]byte, 16<<10),
		"a CSV file":    csv,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "madoguchi.db")
			must(t, os.WriteFile(path, data, 0o644))
			s, err := store.Open(path, store.Options{})
			if err == nil {
				s.Close()
				t.Fatal("Open accepted a file that is not a database")
			}
			if !errors.Is(err, model.ErrNotDatabase) {
				t.Errorf("Open: %v, want ErrNotDatabase", err)
			}
			got, err := os.ReadFile(path)
			must(t, err)
			if !bytes.Equal(got, data) {
				t.Error("the file was changed")
			}
			if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o644 {
				t.Errorf("the file's mode was changed to %v", st.Mode().Perm())
			}
		})
	}
}

func TestOpenDirectory(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data")
	must(t, os.Mkdir(dir, 0o700))
	s, err := store.Open(dir, store.Options{})
	if err == nil {
		s.Close()
		t.Fatal("Open of a directory succeeded")
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Errorf("the directory is gone: %v", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("Open wrote into the directory: %v", ents)
	}
}

func TestOpenEmptyFileMakesADatabase(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "madoguchi.db")
	must(t, os.WriteFile(path, nil, 0o600))
	s, err := store.Open(path, store.Options{})
	must(t, err)
	defer s.Close()
	if st, err := s.Settings(); err != nil || st.SiteName == "" {
		t.Errorf("Settings of a database made from an empty file: %+v, %v", st, err)
	}
}
