package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

// Dumps: every record of the database as JSON Lines, one object per line, so the data can be
// read by anything and moved to another madoguchi. docs/data.md describes the format:
//
//	{"kind":"madoguchi","id":"dump","fields":{"format":1,"schema":2}}   the first line
//	{"kind":"settings","id":"settings","fields":{…}}
//	{"kind":"sequence","id":"people","fields":12}                      a bucket's last id
//	{"kind":"person","id":"3","fields":{"id":3,"name":"山田 花子",…}}
//	{"kind":"enrollment","id":"2/3","fields":{…}}                       course/person
//	{"kind":"day_close","id":"2025-06-02","fields":{…}}
//	{"kind":"raw","bucket":"…","id":"x:0a1b","fields":…}                a bucket this build does not know
//
// fields is the record exactly as stored. Indexes are not dumped: load rebuilds them from the
// records with the rules of check.go. Dumping a database, loading the dump into an empty one
// and dumping that gives the same bytes.

// DumpFormat is the version of the dump format.
const DumpFormat = 1

// dumpLine is one line of a dump.
type dumpLine struct {
	Kind   string          `json:"kind"`
	Bucket string          `json:"bucket,omitempty"` // raw lines only
	ID     string          `json:"id"`
	Fields json.RawMessage `json:"fields,omitempty"`
	Bytes  []byte          `json:"bytes,omitempty"` // a value that is not JSON (raw lines), base64
}

// dumpHeader is the first line's fields.
type dumpHeader struct {
	Format int    `json:"format"`
	Schema uint64 `json:"schema"`
}

const (
	lineHeader   = "madoguchi"
	lineSequence = "sequence"
	lineSettings = "settings"
	lineMeta     = "meta"
	lineRaw      = "raw"
)

// dumpOrder returns the buckets of a transaction in dump order: the known ones in allBuckets
// order, then any others by name.
func dumpOrder(btx *bolt.Tx) [][]byte {
	var out [][]byte
	known := map[string]bool{}
	for _, n := range allBuckets {
		known[string(n)] = true
		if btx.Bucket(n) != nil {
			out = append(out, n)
		}
	}
	var others [][]byte
	_ = btx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if !known[string(name)] {
			others = append(others, append([]byte(nil), name...))
		}
		return nil
	})
	sort.Slice(others, func(i, j int) bool { return bytes.Compare(others[i], others[j]) < 0 })
	return append(out, others...)
}

// Dump writes every record as JSON Lines to w and returns how many records it wrote. The
// export is audited (after the read, so the entry is not in the dump); dest names where it
// went, for that entry.
func (s *Store) Dump(w io.Writer, dest string) (int, error) {
	bw := bufio.NewWriter(w)
	n := 0
	err := s.db.View(func(btx *bolt.Tx) error {
		var err error
		n, err = dumpTx(btx, bw)
		return err
	})
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return n, err
	}
	return n, s.update(func(t *tx) error {
		return t.audit("export_dump", KindDatabase, "", "", fmt.Sprintf("%s (%d)", dest, n))
	})
}

func dumpTx(btx *bolt.Tx, w io.Writer) (int, error) {
	var schema uint64
	if m := btx.Bucket(bMeta); m != nil {
		schema = id(m.Get(kSchema))
	}
	hdr, _ := json.Marshal(dumpHeader{Format: DumpFormat, Schema: schema})
	if err := writeLine(w, dumpLine{Kind: lineHeader, ID: "dump", Fields: hdr}); err != nil {
		return 0, err
	}
	n := 0
	for _, name := range dumpOrder(btx) {
		if _, ok := ruleFor(name); ok {
			continue // rebuilt by load
		}
		b := btx.Bucket(name)
		if seq := b.Sequence(); seq > 0 {
			if err := writeLine(w, dumpLine{Kind: lineSequence, ID: string(name), Fields: json.RawMessage(strconv.FormatUint(seq, 10))}); err != nil {
				return n, err
			}
		}
		rk, known := kindOfBucket(name)
		err := b.ForEach(func(k, v []byte) error {
			if v == nil {
				return nil // nested buckets: madoguchi has none
			}
			var l dumpLine
			switch {
			case bytes.Equal(name, bMeta):
				if bytes.Equal(k, kSchema) {
					return nil // in the header
				}
				l = dumpLine{Kind: lineMeta, ID: keyText.format(k)}
				if bytes.Equal(k, kSettings) {
					l.Kind = lineSettings
				}
			case known:
				l = dumpLine{Kind: string(rk.kind), ID: rk.key.format(k)}
			default:
				l = dumpLine{Kind: lineRaw, Bucket: string(name), ID: keyHex.format(k)}
			}
			var c bytes.Buffer
			if json.Compact(&c, v) == nil && len(v) > 0 {
				l.Fields = c.Bytes()
			} else {
				l.Bytes = append([]byte{}, v...)
			}
			n++
			return writeLine(w, l)
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func writeLine(w io.Writer, l dumpLine) error {
	data, err := json.Marshal(l)
	if err != nil {
		return err
	}
	data = append(data, '\n')
	_, err = w.Write(data)
	return err
}

// LineProblem is a bad line of a dump being loaded.
type LineProblem struct {
	Line int
	Msg  model.Text
}

// LoadError lists every bad line of a dump; nothing was written.
type LoadError struct{ Problems []LineProblem }

// Error lists the problems in English.
func (e *LoadError) Error() string { return e.Message(model.EN) }

// Unwrap makes errors.Is(err, model.ErrInvalid) true.
func (e *LoadError) Unwrap() error { return model.ErrInvalid }

// Message lists the problems (the first 20) in the language, one per line.
func (e *LoadError) Message(l model.Lang) string {
	var b strings.Builder
	b.WriteString(l.Pick(
		fmt.Sprintf("ファイルに問題が %d 件あります。何も書き込んでいません:", len(e.Problems)),
		fmt.Sprintf("The file has %d problems; nothing was written:", len(e.Problems))))
	for i, p := range e.Problems {
		if i == 20 {
			b.WriteString(l.Pick(fmt.Sprintf("\n  ほか %d 件", len(e.Problems)-20), fmt.Sprintf("\n  and %d more", len(e.Problems)-20)))
			break
		}
		b.WriteString(fmt.Sprintf(l.Pick("\n  %d行目: %s", "\n  line %d: %s"), p.Line, p.Msg.In(l)))
	}
	return b.String()
}

// loadRecord is a validated line waiting to be written.
type loadRecord struct {
	line        int
	name        string // kind and id, as the line gives them
	bucket, key []byte
	value       []byte
	refs        []reference
}

// LoadInfo says what a load wrote.
type LoadInfo struct {
	Records int
	Schema  uint64 // the dump's schema (migrations ran from it)
}

// maxLine bounds one line of a dump (a record is a few KiB; 16 MiB is far beyond any).
const maxLine = 16 << 20

// Load fills an empty database from a dump. Every line is validated first (JSON, known kind,
// id and key, the record decoding as its kind, every reference pointing at a record in the
// file, no two records claiming one index entry); any problem is reported with its line and
// nothing is written. Then, in one transaction, the records and bucket sequences are written,
// migrations run from the dump's schema, and every index is rebuilt from the records.
func (s *Store) Load(r io.Reader) (LoadInfo, error) {
	var info LoadInfo
	if err := s.view(func(t *tx) error { return t.requireEmpty() }); err != nil {
		return info, err
	}
	recs, seqs, hdr, err := parseDump(r)
	if err != nil {
		return info, err
	}
	info.Schema = hdr.Schema
	err = s.update(func(t *tx) error {
		if err := t.requireEmpty(); err != nil {
			return err
		}
		for _, rec := range recs {
			b, err := t.CreateBucketIfNotExists(rec.bucket)
			if err != nil {
				return err
			}
			if err := b.Put(rec.key, rec.value); err != nil {
				return err
			}
		}
		for name, seq := range seqs {
			b, err := t.CreateBucketIfNotExists([]byte(name))
			if err != nil {
				return err
			}
			if err := b.SetSequence(seq); err != nil {
				return err
			}
		}
		if err := t.b(bMeta).Put(kSchema, u64(hdr.Schema)); err != nil {
			return err
		}
		if err := migrate(t.Tx, hdr.Schema); err != nil {
			return err
		}
		return rebuildIndexes(t.Tx)
	})
	if err != nil {
		return info, err
	}
	info.Records = len(recs)
	return info, nil
}

// requireEmpty refuses to load over records: only meta (schema and settings) may hold keys.
func (t *tx) requireEmpty() error {
	return t.ForEach(func(name []byte, b *bolt.Bucket) error {
		if bytes.Equal(name, bMeta) {
			return nil
		}
		if k, _ := b.Cursor().First(); k != nil {
			return model.Conflict(
				"このデータベースにはすでにデータがあります。load は空のデータベースにだけ読み込みます（新しい --db を指定してください）",
				"This database already holds records; load fills an empty database only (give a new --db)")
		}
		return nil
	})
}

// rebuildIndexes clears every ruled index and derives it again from the records.
func rebuildIndexes(btx *bolt.Tx) error {
	for _, rule := range indexRules {
		if btx.Bucket(rule.index) != nil {
			if err := btx.DeleteBucket(rule.index); err != nil {
				return err
			}
		}
		idx, err := btx.CreateBucket(rule.index)
		if err != nil {
			return err
		}
		want, bad := derive(btx.Bucket(rule.source), rule)
		if len(bad) > 0 {
			return fmt.Errorf("index %s: %d records cannot be indexed", rule.index, len(bad))
		}
		keys := make([]string, 0, len(want))
		for k := range want {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := idx.Put([]byte(k), want[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseDump reads and validates a whole dump. It returns the records in file order, the bucket
// sequences (raised to the largest id in the file when a hand-edited dump left one lower) and
// the header, or a *LoadError naming every bad line.
func parseDump(r io.Reader) ([]loadRecord, map[string]uint64, dumpHeader, error) {
	var (
		probs   []LineProblem
		recs    []loadRecord
		hdr     dumpHeader
		haveHdr bool
		seqs    = map[string]uint64{}
		seen    = map[string]int{} // bucket\x00key → line
	)
	bad := func(line int, ja, en string) {
		if len(probs) < maxProblems {
			probs = append(probs, LineProblem{Line: line, Msg: model.T(ja, en)})
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		var l dumpLine
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil || dec.More() {
			bad(n, "JSON の1行として読めません", "not one JSON object")
			continue
		}
		if !haveHdr {
			if l.Kind != lineHeader || json.Unmarshal(l.Fields, &hdr) != nil || hdr.Format == 0 {
				bad(n, "madoguchi dump の1行目ではありません", "not the first line of a madoguchi dump")
				return nil, nil, hdr, &LoadError{Problems: probs}
			}
			haveHdr = true
			switch {
			case hdr.Format > DumpFormat:
				bad(n, fmt.Sprintf("新しい形式（%d）のファイルです。madoguchi を更新してください", hdr.Format), fmt.Sprintf("written in a newer format (%d); update madoguchi", hdr.Format))
			case hdr.Schema > SchemaVersion:
				bad(n, fmt.Sprintf("新しい版の madoguchi（形式 %d）のデータです。madoguchi を更新してください", hdr.Schema), fmt.Sprintf("data of a newer madoguchi (schema %d); update madoguchi", hdr.Schema))
			case hdr.Schema == 0:
				bad(n, "形式の版がありません", "the schema version is missing")
			}
			continue
		}
		switch l.Kind {
		case lineHeader:
			bad(n, "見出し行が2つあります", "a second header line")
			continue
		case lineSequence:
			v, err := strconv.ParseUint(string(l.Fields), 10, 64)
			if err != nil || l.ID == "" {
				bad(n, "sequence の値が正しくありません", "a bad sequence line")
				continue
			}
			seqs[l.ID] = v
			continue
		}
		rec, err := lineRecord(l)
		if err != nil {
			bad(n, fmt.Sprintf("%s %s は読み込めません: %v", l.Kind, l.ID, err), fmt.Sprintf("%s %s cannot be loaded: %v", l.Kind, l.ID, err))
			continue
		}
		rec.line, rec.name = n, l.Kind+" "+l.ID
		sk := string(rec.bucket) + "\x00" + string(rec.key)
		if first, dup := seen[sk]; dup {
			bad(n, fmt.Sprintf("%d行目と同じ %s %s です", first, l.Kind, l.ID), fmt.Sprintf("the same %s %s as line %d", l.Kind, l.ID, first))
			continue
		}
		seen[sk] = n
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		bad(n+1, "読み込めません: "+err.Error(), "cannot read: "+err.Error())
	}
	if !haveHdr {
		bad(1, "空のファイルです", "the file is empty")
	}
	for name := range seqs {
		used := false
		for _, b := range allBuckets {
			used = used || name == string(b)
		}
		for _, rec := range recs {
			used = used || name == string(rec.bucket)
		}
		if !used {
			bad(n, fmt.Sprintf("sequence %s のバケットがありません", name), fmt.Sprintf("sequence %s names no bucket", name))
		}
	}
	// references, now that every record is known
	for _, rec := range recs {
		for _, x := range rec.refs {
			if _, ok := seen[string(x.bucket)+"\x00"+string(x.key)]; !ok {
				target, _ := kindOfBucket(x.bucket)
				bad(rec.line,
					fmt.Sprintf("%s の %s が指す%s %d がファイルにありません", rec.name, x.field, target.kind.Label(model.JA), id(x.key)),
					fmt.Sprintf("%s: %s points at %s %d, which is not in the file", rec.name, x.field, target.kind.Label(model.EN), id(x.key)))
			}
		}
	}
	// index entries two records would both claim (two open visits of one person)
	for _, rule := range indexRules {
		claimed := map[string]int{}
		for _, rec := range recs {
			if !bytes.Equal(rec.bucket, rule.source) {
				continue
			}
			es, err := rule.entries(rec.key, rec.value)
			if err != nil {
				continue // reported when the record was decoded
			}
			for _, e := range es {
				if first, dup := claimed[string(e.key)]; dup {
					bad(rec.line, fmt.Sprintf("%s は %d行目のレコードと索引 %s がぶつかります", rec.name, first, rule.index), fmt.Sprintf("%s clashes with line %d in index %s", rec.name, first, rule.index))
					continue
				}
				claimed[string(e.key)] = rec.line
			}
		}
	}
	// sequences never behind the ids in the file, so new ids continue after loaded ones
	for _, rec := range recs {
		var top uint64
		switch rk, _ := kindOfBucket(rec.bucket); {
		case rk.key == keyID:
			top = id(rec.key)
		case bytes.Equal(rec.bucket, bEvents):
			top = id(rec.key[8:])
		}
		if top > seqs[string(rec.bucket)] {
			seqs[string(rec.bucket)] = top
		}
	}
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
		return nil, nil, hdr, &LoadError{Problems: probs}
	}
	return recs, seqs, hdr, nil
}

// lineRecord turns one line into a record to write, validating it as its kind.
func lineRecord(l dumpLine) (loadRecord, error) {
	value := []byte(l.Fields)
	if l.Fields == nil {
		value = l.Bytes
	}
	switch l.Kind {
	case lineSettings:
		if l.ID != string(kSettings) {
			return loadRecord{}, fmt.Errorf("settings id %q", l.ID)
		}
		if _, err := decodeAs[model.Settings](value); err != nil || l.Fields == nil {
			return loadRecord{}, errors.New("settings: " + errText(err))
		}
		return loadRecord{bucket: bMeta, key: kSettings, value: value}, nil
	case lineMeta:
		k, err := keyText.parse(l.ID)
		if err != nil || bytes.Equal(k, kSchema) || bytes.Equal(k, kSettings) {
			return loadRecord{}, fmt.Errorf("meta: bad id %q", l.ID)
		}
		return loadRecord{bucket: bMeta, key: k, value: value}, nil
	case lineRaw:
		if l.Bucket == "" {
			return loadRecord{}, errors.New("raw: no bucket")
		}
		if _, ok := kindOfBucket([]byte(l.Bucket)); ok || l.Bucket == string(bMeta) {
			return loadRecord{}, fmt.Errorf("raw: %s is a known bucket", l.Bucket)
		}
		if _, ok := ruleFor([]byte(l.Bucket)); ok {
			return loadRecord{}, fmt.Errorf("raw: %s is rebuilt from the records, not loaded", l.Bucket)
		}
		k, err := keyHex.parse(l.ID)
		if err != nil || len(k) == 0 {
			return loadRecord{}, fmt.Errorf("raw: bad id %q", l.ID)
		}
		return loadRecord{bucket: []byte(l.Bucket), key: k, value: value}, nil
	}
	for _, rk := range recordKinds {
		if string(rk.kind) != l.Kind {
			continue
		}
		k, err := rk.key.parse(l.ID)
		if err != nil {
			return loadRecord{}, err
		}
		if l.Fields == nil {
			return loadRecord{}, errors.New("no fields")
		}
		refs, err := rk.refs(k, value)
		if err != nil {
			return loadRecord{}, err
		}
		return loadRecord{bucket: rk.bucket, key: k, value: value, refs: refs}, nil
	}
	return loadRecord{}, fmt.Errorf("unknown kind %q", l.Kind)
}

func errText(err error) string {
	if err == nil {
		return "missing"
	}
	return err.Error()
}
