package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// dumpOf dumps a store into memory.
func dumpOf(t *testing.T, s *store.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := s.Dump(&b, "test"); err != nil {
		t.Fatalf("Dump: %v", err)
	}
	return b.Bytes()
}

// emptyStore opens a new, empty database.
func emptyStore(t *testing.T) *store.Store {
	t.Helper()
	return openTest(t, newClock(demoNow))
}

func TestDumpLoadRoundTrip(t *testing.T) {
	t.Parallel()
	a, err := store.Open(demoFile(t), store.Options{Clock: newClock(demoNow)})
	must(t, err)
	defer a.Close()
	a.SetStaff(testStaff)
	first := dumpOf(t, a)

	b := emptyStore(t)
	info, err := b.Load(bytes.NewReader(first))
	must(t, err)
	if info.Schema != store.SchemaVersion || info.Records < 100 {
		t.Errorf("Load = %+v", info)
	}
	second := dumpOf(t, b)
	if !bytes.Equal(first, second) {
		al, bl := strings.Split(string(first), "\n"), strings.Split(string(second), "\n")
		for i := range min(len(al), len(bl)) {
			if al[i] != bl[i] {
				t.Fatalf("dump, load, dump differ first at line %d:\n%s\n%s", i+1, al[i], bl[i])
			}
		}
		t.Fatalf("dump, load, dump differ in length: %d and %d lines", len(al), len(bl))
	}

	// The loaded database is whole: its indexes were rebuilt, and new ids continue after the
	// loaded ones exactly as they would have in the original.
	rep, err := b.Check()
	must(t, err)
	for _, p := range rep.Problems {
		t.Errorf("loaded database: %s", p.Message(model.EN))
	}
	today := model.DateOf(demoNow)
	for _, s := range []*store.Store{a, b} {
		tb, err := s.Today(today)
		must(t, err)
		if len(tb.Here) == 0 || len(tb.InCare) == 0 || len(tb.Sessions) == 0 {
			t.Errorf("Today after load: %d here, %d in care, %d sessions", len(tb.Here), len(tb.InCare), len(tb.Sessions))
		}
	}
	pa := newPerson(t, a, "新井 健一", "あらい けんいち")
	pb := newPerson(t, b, "新井 健一", "あらい けんいち")
	if pa.ID != pb.ID {
		t.Errorf("next person id: %d in the original, %d in the loaded copy", pa.ID, pb.ID)
	}
	ea, eb := auditEntries(t, a), auditEntries(t, b)
	if ea[0].ID != eb[0].ID { // both audited one export since
		t.Errorf("next audit id: %d in the original, %d in the loaded copy", ea[0].ID, eb[0].ID)
	}
}

func TestDumpFormat(t *testing.T) {
	t.Parallel()
	s := emptyStore(t)
	p := newPerson(t, s, "山田 花子", "やまだ はなこ", model.RoleTrainee)
	c := newChild(t, s, p.ID, "山田 陽翔", "やまだ はると", "2022-05-01")
	course := newCourse(t, s, model.CourseBasic, "育成講座")
	_, err := s.Enroll(course.ID, p.ID)
	must(t, err)
	lines := strings.Split(strings.TrimSuffix(string(dumpOf(t, s)), "\n"), "\n")
	if lines[0] != fmt.Sprintf(`{"kind":"madoguchi","id":"dump","fields":{"format":1,"schema":%d}}`, store.SchemaVersion) {
		t.Errorf("header = %s", lines[0])
	}
	kinds := map[string]string{}
	for _, l := range lines {
		var v struct {
			Kind, ID string
			Fields   json.RawMessage
		}
		must(t, json.Unmarshal([]byte(l), &v))
		if v.Kind == "" || v.ID == "" || len(v.Fields) == 0 {
			t.Errorf("line without kind, id or fields: %s", l)
		}
		kinds[v.Kind+" "+v.ID] = string(v.Fields)
	}
	for _, k := range []string{"settings settings", "sequence people", "person " + ref(p.ID), "child " + ref(c.ID),
		"course " + ref(course.ID), "enrollment " + ref(course.ID) + "/" + ref(p.ID), "audit 1"} {
		if _, ok := kinds[k]; !ok {
			t.Errorf("no line for %s", k)
		}
	}
	var got model.Person
	must(t, json.Unmarshal([]byte(kinds["person "+ref(p.ID)]), &got))
	equal(t, "person line", got, p)
	for k := range kinds {
		if strings.HasPrefix(k, "idx_") || strings.Contains(k, "idx_") {
			t.Errorf("an index was dumped: %s", k)
		}
	}
	// The dump is audited after it is read, so the entry is not in it.
	es := auditEntries(t, s)
	if es[0].Action != "export_dump" || es[0].Kind != store.KindDatabase {
		t.Errorf("newest audit entry = %+v, want the export", es[0])
	}
}

func TestLoadRefusesBadFiles(t *testing.T) {
	t.Parallel()
	src := emptyStore(t)
	p := newPerson(t, src, "山田 花子", "やまだ はなこ")
	newChild(t, src, p.ID, "山田 陽翔", "やまだ はると", "2022-05-01")
	_, err := src.CheckIn(p.ID, model.PurposeCoworking)
	must(t, err)
	good := string(dumpOf(t, src))
	lines := strings.Split(strings.TrimSuffix(good, "\n"), "\n")
	find := func(prefix string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return i
			}
		}
		t.Fatalf("no line starting %s", prefix)
		return -1
	}
	with := func(edit func(ls []string) []string) string {
		return strings.Join(edit(append([]string(nil), lines...)), "\n") + "\n"
	}
	person, child, visit := find(`{"kind":"person"`), find(`{"kind":"child"`), find(`{"kind":"visit"`)
	cases := []struct {
		name string
		file string
		line int    // the line the error names (1-based)
		text string // in the English message
	}{
		{"empty", "", 1, "empty"},
		{"not a dump", "氏名,ふりがな\n山田 花子,やまだ はなこ\n", 1, "not one JSON object"},
		{"no header", with(func(ls []string) []string { return ls[1:] }), 1, "not the first line"},
		{"newer schema", with(func(ls []string) []string {
			ls[0] = fmt.Sprintf(`{"kind":"madoguchi","id":"dump","fields":{"format":1,"schema":%d}}`, store.SchemaVersion+1)
			return ls
		}), 1, "newer madoguchi"},
		{"broken line", with(func(ls []string) []string { ls[person] = ls[person][:20]; return ls }), person + 1, "not one JSON object"},
		{"unknown kind", with(func(ls []string) []string {
			ls[person] = strings.Replace(ls[person], `"kind":"person"`, `"kind":"alien"`, 1)
			return ls
		}), person + 1, "unknown kind"},
		{"id not matching the record", with(func(ls []string) []string {
			ls[person] = strings.Replace(ls[person], `"id":"1"`, `"id":"7"`, 1)
			return ls
		}), person + 1, "does not match its key"},
		{"child of a person not in the file", with(func(ls []string) []string {
			return append(ls[:person], ls[person+1:]...)
		}), child, "guardian_id points at"},
		{"the same record twice", with(func(ls []string) []string {
			return append(ls[:child+1], ls[child:]...)
		}), child + 2, "the same child"},
		{"two open visits of one person", with(func(ls []string) []string {
			dup := strings.Replace(strings.Replace(ls[visit], `"id":"1"`, `"id":"2"`, 1), `"id":1,`, `"id":2,`, 1)
			return append(ls, dup)
		}), len(lines) + 1, "clashes with line"},
		{"a person without a name", with(func(ls []string) []string {
			ls[person] = strings.Replace(ls[person], `"name":"山田 花子"`, `"name":""`, 1)
			return ls
		}), person + 1, "no name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := emptyStore(t)
			before := fileSum(t, s.Path())
			_, err := s.Load(strings.NewReader(c.file))
			if err == nil {
				t.Fatal("Load accepted it")
			}
			var le *store.LoadError
			if !errors.As(err, &le) || !errors.Is(err, model.ErrInvalid) {
				t.Fatalf("error %v (%T), want *LoadError", err, err)
			}
			found := false
			for _, p := range le.Problems {
				if p.Line == c.line && strings.Contains(p.Msg.EN, c.text) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem on line %d mentioning %q:\n%s", c.line, c.text, le.Message(model.EN))
			}
			ja := model.Message(err, model.JA)
			if !strings.Contains(ja, fmt.Sprintf("%d行目", c.line)) || !strings.Contains(ja, "何も書き込んでいません") {
				t.Errorf("Japanese message does not name the line: %s", ja)
			}
			if fileSum(t, s.Path()) != before {
				t.Error("a refused load wrote to the database")
			}
		})
	}
}

func TestLoadRefusesANonEmptyDatabase(t *testing.T) {
	t.Parallel()
	src := emptyStore(t)
	newPerson(t, src, "山田 花子", "やまだ はなこ")
	data := dumpOf(t, src)
	dst := emptyStore(t)
	newPerson(t, dst, "鈴木 一郎", "すずき いちろう")
	err := refused(t, dst, model.ErrConflict, func() error { _, err := dst.Load(bytes.NewReader(data)); return err })
	if !strings.Contains(model.Message(err, model.JA), "空のデータベース") {
		t.Errorf("message: %s", model.Message(err, model.JA))
	}
}

func TestLoadOlderSchemaRunsMigrations(t *testing.T) {
	t.Parallel()
	a, err := store.Open(demoFile(t), store.Options{Clock: newClock(demoNow)})
	must(t, err)
	defer a.Close()
	data := dumpOf(t, a)
	// Schema 1 had no index of accepted jobs; load rebuilds every index anyway, and the
	// migrations from the dump's schema run in the same transaction.
	old := bytes.Replace(data, []byte(fmt.Sprintf(`"schema":%d}`, store.SchemaVersion)), []byte(`"schema":1}`), 1)
	b := emptyStore(t)
	info, err := b.Load(bytes.NewReader(old))
	must(t, err)
	if info.Schema != 1 {
		t.Errorf("loaded schema = %d, want 1", info.Schema)
	}
	rep, err := b.Check()
	must(t, err)
	if !rep.OK() {
		t.Errorf("problems after loading an older dump: %+v", rep.Problems)
	}
	if again := dumpOf(t, b); !bytes.Equal(again, data) {
		t.Error("an older dump loaded and dumped again differs from the original (beyond its schema)")
	}
}

func TestLoadSequencesNeverBehindIDs(t *testing.T) {
	t.Parallel()
	src := emptyStore(t)
	for i := 0; i < 3; i++ {
		newPerson(t, src, fmt.Sprintf("利用者 %d", i), "りようしゃ")
	}
	data := dumpOf(t, src)
	// A hand-edited dump that lost its sequence line: new ids must still not reuse loaded ones.
	edited := bytes.Replace(data, []byte(`{"kind":"sequence","id":"people","fields":3}`+"\n"), nil, 1)
	if bytes.Equal(edited, data) {
		t.Fatal("the dump has no people sequence line")
	}
	dst := emptyStore(t)
	_, err := dst.Load(bytes.NewReader(edited))
	must(t, err)
	if p := newPerson(t, dst, "鈴木 一郎", "すずき いちろう"); p.ID != 4 {
		t.Errorf("new person after loading ids 1-3: id %d", p.ID)
	}
}
