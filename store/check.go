package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

// This file holds what madoguchi knows about its own records beyond bbolt: which bucket holds
// which kind, how a key reads as an id, which records point at which, and how every index is
// derived from the records. `madoguchi check` walks these tables; dump and load (dump.go) use
// the same tables to name records and to rebuild the indexes, so the three agree by
// construction. A new index needs a rule here: TestEveryIndexHasARule fails until it has one.

// keyCodec is how a bucket's keys read as ids in dumps and reports, and parse back.
type keyCodec int

const (
	keyHex  keyCodec = iota // anything: "x:0a1b…" (buckets madoguchi does not know)
	keyID                   // one 8-byte id: "12"
	keyPair                 // two 8-byte ids: "3/12"
	keyDay                  // YYYYMMDD: "2025-06-02"
	keyText                 // printable text: "settings"
)

// format renders a key as an id; a key the codec cannot write so that it reads back exactly
// (an id of 0, a day that is no date, text starting "x:") is written as hex.
func (c keyCodec) format(k []byte) string {
	var s string
	switch {
	case c == keyID && len(k) == 8:
		s = strconv.FormatUint(id(k), 10)
	case c == keyPair && len(k) == 16:
		s = strconv.FormatUint(id(k[:8]), 10) + "/" + strconv.FormatUint(id(k[8:]), 10)
	case c == keyDay && len(k) == 8:
		s = string(k[:4]) + "-" + string(k[4:6]) + "-" + string(k[6:])
	case c == keyText && printable(k):
		s = string(k)
	}
	if s != "" {
		if back, err := c.parse(s); err == nil && bytes.Equal(back, k) {
			return s
		}
	}
	return "x:" + hex.EncodeToString(k)
}

// parse reads an id written by format back into a key.
func (c keyCodec) parse(s string) ([]byte, error) {
	if hexs, ok := strings.CutPrefix(s, "x:"); ok {
		k, err := hex.DecodeString(hexs)
		if err != nil {
			return nil, fmt.Errorf("bad hex key %q", s)
		}
		return k, nil
	}
	switch c {
	case keyID:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || n == 0 {
			return nil, fmt.Errorf("bad id %q", s)
		}
		return u64(n), nil
	case keyPair:
		a, b, ok := strings.Cut(s, "/")
		x, err1 := strconv.ParseUint(a, 10, 64)
		y, err2 := strconv.ParseUint(b, 10, 64)
		if !ok || err1 != nil || err2 != nil || x == 0 || y == 0 {
			return nil, fmt.Errorf("bad id %q (want a/b)", s)
		}
		return pair(x, y), nil
	case keyDay:
		d, err := model.ParseDate(s)
		if err != nil || d.String() != s {
			return nil, fmt.Errorf("bad day %q", s)
		}
		return dayKey(d), nil
	case keyText:
		if s == "" || !printable([]byte(s)) {
			return nil, fmt.Errorf("bad key %q", s)
		}
		return []byte(s), nil
	}
	return nil, fmt.Errorf("bad key %q", s)
}

func printable(k []byte) bool {
	if len(k) == 0 {
		return false
	}
	for _, b := range k {
		if b < 0x21 || b > 0x7e {
			return false
		}
	}
	return true
}

// reference is one record pointing at another: field names the pointer in the record.
type reference struct {
	field  string
	bucket []byte
	key    []byte
}

// recordKind describes the records of one bucket.
type recordKind struct {
	kind   model.Kind
	bucket []byte
	key    keyCodec
	// refs decodes a stored record and returns what it points at; an error means the record
	// itself is bad (undecodable, or its id disagrees with its key).
	refs func(k, v []byte) ([]reference, error)
}

// decodeAs decodes a stored value strictly enough to catch a record of the wrong shape.
func decodeAs[T any](v []byte) (T, error) {
	var x T
	err := json.Unmarshal(v, &x)
	return x, err
}

// sameID reports a record whose own id disagrees with its key.
func sameID(k []byte, want uint64) error {
	if id(k) != want || len(k) != 8 {
		return fmt.Errorf("its id %d does not match its key %d", want, id(k))
	}
	return nil
}

func refTo(field string, bucket []byte, n uint64) reference {
	return reference{field: field, bucket: bucket, key: u64(n)}
}

// recordKinds lists the data buckets (everything but the indexes and meta's schema) in the
// order dumps write them: records pointed at come before the records that point at them.
var recordKinds = []recordKind{
	{model.KindStaff, bStaff, keyID, func(k, v []byte) ([]reference, error) {
		s, err := decodeAs[model.Staff](v)
		if err != nil {
			return nil, err
		}
		return nil, sameID(k, s.ID)
	}},
	{model.KindPerson, bPeople, keyID, func(k, v []byte) ([]reference, error) {
		p, err := decodeAs[model.Person](v)
		if err != nil {
			return nil, err
		}
		if p.Name == "" && !p.Forgotten {
			return nil, errors.New("it has no name")
		}
		return nil, sameID(k, p.ID)
	}},
	{model.KindChild, bChildren, keyID, func(k, v []byte) ([]reference, error) {
		c, err := decodeAs[model.Child](v)
		if err != nil {
			return nil, err
		}
		return []reference{refTo("guardian_id", bPeople, c.GuardianID)}, sameID(k, c.ID)
	}},
	{model.KindVisit, bVisits, keyID, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.Visit](v)
		if err != nil {
			return nil, err
		}
		if x.In.IsZero() {
			return nil, errors.New("it has no check-in time")
		}
		return []reference{refTo("person_id", bPeople, x.PersonID)}, sameID(k, x.ID)
	}},
	{model.KindSlot, bSlots, keyID, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.ChildcareSlot](v)
		if err != nil {
			return nil, err
		}
		if x.Date.IsZero() {
			return nil, errors.New("it has no date")
		}
		return nil, sameID(k, x.ID)
	}},
	{model.KindBooking, bBookings, keyID, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.Booking](v)
		if err != nil {
			return nil, err
		}
		refs := []reference{refTo("slot_id", bSlots, x.SlotID), refTo("child_id", bChildren, x.ChildID)}
		if x.BookedBy != 0 {
			refs = append(refs, refTo("booked_by", bPeople, x.BookedBy))
		}
		return refs, sameID(k, x.ID)
	}},
	{model.KindCourse, bCourses, keyID, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.Course](v)
		if err != nil {
			return nil, err
		}
		return nil, sameID(k, x.ID)
	}},
	{model.KindSession, bSessions, keyID, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.Session](v)
		if err != nil {
			return nil, err
		}
		if x.Date.IsZero() {
			return nil, errors.New("it has no date")
		}
		return []reference{refTo("course_id", bCourses, x.CourseID)}, sameID(k, x.ID)
	}},
	{model.KindEnrollment, bEnroll, keyPair, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.Enrollment](v)
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(k, pair(x.CourseID, x.PersonID)) {
			return nil, fmt.Errorf("its course/person %d/%d do not match its key", x.CourseID, x.PersonID)
		}
		return []reference{refTo("course_id", bCourses, x.CourseID), refTo("person_id", bPeople, x.PersonID)}, nil
	}},
	{model.KindAttendance, bAttend, keyPair, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.Attendance](v)
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(k, pair(x.SessionID, x.PersonID)) {
			return nil, fmt.Errorf("its session/person %d/%d do not match its key", x.SessionID, x.PersonID)
		}
		return []reference{refTo("session_id", bSessions, x.SessionID), refTo("person_id", bPeople, x.PersonID)}, nil
	}},
	{model.KindClient, bClients, keyID, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.Client](v)
		if err != nil {
			return nil, err
		}
		return nil, sameID(k, x.ID)
	}},
	{model.KindJob, bJobs, keyID, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.Job](v)
		if err != nil {
			return nil, err
		}
		return []reference{refTo("client_id", bClients, x.ClientID), refTo("person_id", bPeople, x.PersonID)}, sameID(k, x.ID)
	}},
	{model.KindJobEvent, bEvents, keyPair, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.JobEvent](v)
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(k, pair(x.JobID, x.Seq)) {
			return nil, fmt.Errorf("its job/seq %d/%d do not match its key", x.JobID, x.Seq)
		}
		return []reference{refTo("job_id", bJobs, x.JobID)}, nil
	}},
	{model.KindDayClose, bDayClose, keyDay, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.DayClose](v)
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(dayKey(x.Date), k) {
			return nil, fmt.Errorf("its date %s does not match its key", x.Date)
		}
		return nil, nil
	}},
	{model.KindAudit, bAudit, keyID, func(k, v []byte) ([]reference, error) {
		x, err := decodeAs[model.AuditEntry](v)
		if err != nil {
			return nil, err
		}
		if x.At.IsZero() {
			return nil, errors.New("it has no time")
		}
		return nil, sameID(k, x.ID)
	}},
}

// RecordKinds lists the kinds of record the database holds, in dump order.
func RecordKinds() []model.Kind {
	out := make([]model.Kind, len(recordKinds))
	for i, k := range recordKinds {
		out[i] = k.kind
	}
	return out
}

// kindOfBucket returns the record kind of a data bucket.
func kindOfBucket(name []byte) (recordKind, bool) {
	for _, k := range recordKinds {
		if bytes.Equal(k.bucket, name) {
			return k, true
		}
	}
	return recordKind{}, false
}

// indexEntry is one key (and value, for the few indexes that carry one) an index should hold.
type indexEntry struct{ key, value []byte }

// indexRule derives an index from the records of its source bucket.
type indexRule struct {
	index, source []byte
	// entries returns the index entries one record should have (none when it is not indexed).
	entries func(k, v []byte) ([]indexEntry, error)
}

func keyOnly(keys ...[]byte) []indexEntry {
	out := make([]indexEntry, len(keys))
	for i, k := range keys {
		out[i] = indexEntry{key: k}
	}
	return out
}

// indexRules holds one rule per index bucket. The keys are built exactly as the aggregate files
// build them (slotDayKey, sessionDayKey, paidKey, pair, join(dayKey(…), u64(…))).
var indexRules = []indexRule{
	{iChildGuardian, bChildren, func(k, v []byte) ([]indexEntry, error) {
		c, err := decodeAs[model.Child](v)
		return keyOnly(pair(c.GuardianID, c.ID)), err
	}},
	{iVisitDay, bVisits, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Visit](v)
		return keyOnly(join(dayKey(x.Day()), u64(x.ID))), err
	}},
	{iVisitOpen, bVisits, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Visit](v)
		if err != nil || !x.Open() {
			return nil, err
		}
		return []indexEntry{{key: u64(x.PersonID), value: u64(x.ID)}}, nil
	}},
	{iVisitPerson, bVisits, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Visit](v)
		return keyOnly(pair(x.PersonID, x.ID)), err
	}},
	{iSlotDay, bSlots, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.ChildcareSlot](v)
		return keyOnly(slotDayKey(x)), err
	}},
	{iBookingSlot, bBookings, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Booking](v)
		return keyOnly(pair(x.SlotID, x.ID)), err
	}},
	{iBookingChild, bBookings, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Booking](v)
		return keyOnly(pair(x.ChildID, x.ID)), err
	}},
	{iBookingInCare, bBookings, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Booking](v)
		if err != nil || x.Status != model.BookingDroppedOff {
			return nil, err
		}
		return keyOnly(u64(x.ID)), nil
	}},
	{iSessionDay, bSessions, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Session](v)
		return keyOnly(sessionDayKey(x)), err
	}},
	{iSessionCourse, bSessions, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Session](v)
		return keyOnly(pair(x.CourseID, x.ID)), err
	}},
	{iEnrollPerson, bEnroll, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Enrollment](v)
		return keyOnly(pair(x.PersonID, x.CourseID)), err
	}},
	{iAttendPerson, bAttend, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Attendance](v)
		return keyOnly(pair(x.PersonID, x.SessionID)), err
	}},
	{iJobOpen, bJobs, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Job](v)
		if err != nil || !x.Open() {
			return nil, err
		}
		return keyOnly(join(dayKey(x.Due), u64(x.ID))), nil
	}},
	{iJobPerson, bJobs, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Job](v)
		return keyOnly(pair(x.PersonID, x.ID)), err
	}},
	{iJobAccepted, bJobs, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Job](v)
		if err != nil || x.AcceptedAt.IsZero() {
			return nil, err
		}
		return keyOnly(join(dayKey(model.DateOf(x.AcceptedAt)), u64(x.ID))), nil
	}},
	{iJobPaid, bJobs, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.Job](v)
		if err != nil || paidKey(x) == nil {
			return nil, err
		}
		return keyOnly(paidKey(x)), nil
	}},
	{iAuditDay, bAudit, func(k, v []byte) ([]indexEntry, error) {
		x, err := decodeAs[model.AuditEntry](v)
		return keyOnly(join(dayKey(model.DateOf(x.At)), u64(x.ID))), err
	}},
}

// ruleFor returns the rule of an index bucket.
func ruleFor(name []byte) (indexRule, bool) {
	for _, r := range indexRules {
		if bytes.Equal(r.index, name) {
			return r, true
		}
	}
	return indexRule{}, false
}

// Problem is one thing `madoguchi check` found wrong.
type Problem struct {
	Bucket string // where it is
	ID     string // the record or index key, as dumps write it
	Msg    model.Text
}

// Message returns the problem as one line in the language.
func (p Problem) Message(l model.Lang) string {
	where := p.Bucket
	if p.ID != "" {
		where += " " + p.ID
	}
	return where + ": " + p.Msg.In(l)
}

// CheckReport is what Check found: bbolt's own consistency check and madoguchi's rules.
type CheckReport struct {
	Schema   uint64             // the database's schema version (older ones are updated on open)
	Records  map[model.Kind]int // records per kind
	Problems []Problem
}

// OK reports whether nothing was found wrong.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

// Damaged reports whether bbolt itself found the file's structure broken (as opposed to
// madoguchi's rules about records and indexes).
func (r CheckReport) Damaged() bool {
	for _, p := range r.Problems {
		if p.Bucket == "bbolt" {
			return true
		}
	}
	return false
}

// maxProblems bounds a report: a badly damaged file should not print a million lines.
const maxProblems = 1000

func (r *CheckReport) add(bucket, idStr string, ja, en string) {
	if len(r.Problems) < maxProblems {
		r.Problems = append(r.Problems, Problem{Bucket: bucket, ID: idStr, Msg: model.T(ja, en)})
	}
}

// Check runs bbolt's page-level consistency check and madoguchi's own: every record decodes and
// matches its key, every reference points at a record (a booking's child, a visit's person, …),
// every index entry points at a record and every record is indexed. It only reads. bbolt's
// check is safe beside writers only inside a writable transaction, so on a store that can
// write it holds the write lock (and rolls back); a read-only store has no writers.
func (s *Store) Check() (CheckReport, error) {
	if s.db.IsReadOnly() {
		var r CheckReport
		err := s.db.View(func(btx *bolt.Tx) error {
			r = checkTx(btx)
			return nil
		})
		return r, err
	}
	btx, err := s.db.Begin(true)
	if err != nil {
		return CheckReport{}, storageError(err)
	}
	defer btx.Rollback()
	return checkTx(btx), nil
}

// checkTx checks one transaction's view of the database.
func checkTx(btx *bolt.Tx) CheckReport {
	r := CheckReport{Records: map[model.Kind]int{}}
	for err := range btx.Check() {
		r.add("bbolt", "", "ファイルの構造に問題があります: "+err.Error(), "the file's structure is damaged: "+err.Error())
	}
	if m := btx.Bucket(bMeta); m != nil {
		r.Schema = id(m.Get(kSchema))
	}
	// A database of an older schema (a backup from before an update) may lack the buckets later
	// migrations add; madoguchi adds them when it next opens the file for writing.
	present := map[string]bool{}
	for _, name := range allBuckets {
		if btx.Bucket(name) != nil {
			present[string(name)] = true
		} else if r.Schema >= SchemaVersion || bytes.Equal(name, bMeta) {
			r.add(string(name), "", "バケットがありません", "the bucket is missing")
		}
	}
	if r.Damaged() {
		return r
	}
	exists := func(bucket, key []byte) bool {
		b := btx.Bucket(bucket)
		return b != nil && b.Get(key) != nil
	}
	for _, rk := range recordKinds {
		b := btx.Bucket(rk.bucket)
		if b == nil {
			continue
		}
		n := 0
		_ = b.ForEach(func(k, v []byte) error {
			n++
			idStr := rk.key.format(k)
			if v == nil {
				r.add(string(rk.bucket), idStr, "レコードの代わりにバケットがあります", "a bucket where a record should be")
				return nil
			}
			refs, err := rk.refs(k, v)
			if err != nil {
				r.add(string(rk.bucket), idStr, "レコードが読めません: "+err.Error(), "the record is unreadable: "+err.Error())
			}
			for _, x := range refs {
				if !exists(x.bucket, x.key) {
					target, _ := kindOfBucket(x.bucket)
					r.add(string(rk.bucket), idStr,
						fmt.Sprintf("%s が指す%s %d がありません", x.field, target.kind.Label(model.JA), id(x.key)),
						fmt.Sprintf("%s points at %s %d, which does not exist", x.field, target.kind.Label(model.EN), id(x.key)))
				}
			}
			return nil
		})
		r.Records[rk.kind] = n
	}
	for _, rule := range indexRules {
		if present[string(rule.index)] && present[string(rule.source)] {
			checkIndex(btx, rule, &r)
		}
	}
	for _, name := range allBuckets {
		_, isIndex := ruleFor(name)
		_, isData := kindOfBucket(name)
		switch {
		case isIndex, isData, bytes.Equal(name, bMeta):
		case bytes.HasPrefix(name, []byte("idx_")):
			r.add(string(name), "", "この索引を確かめ、作り直す規則がありません（store/check.go の indexRules）", "no rule checks or rebuilds this index (indexRules in store/check.go)")
		default:
			r.add(string(name), "", "このバケットのレコードの種類が登録されていません（store/check.go の recordKinds）", "this bucket's record kind is not listed (recordKinds in store/check.go)")
		}
	}
	return r
}

// checkIndex compares an index with what its rule derives from the records: entries missing
// (a record not indexed), entries left over (pointing at nothing, or stale) and wrong values.
func checkIndex(btx *bolt.Tx, rule indexRule, r *CheckReport) {
	want, bad := derive(btx.Bucket(rule.source), rule)
	name := string(rule.index)
	for _, k := range bad {
		r.add(name, indexKeyString(k), "元のレコードが読めないため確かめられません", "cannot be checked: its record is unreadable")
	}
	idx := btx.Bucket(rule.index)
	_ = idx.ForEach(func(k, v []byte) error {
		w, ok := want[string(k)]
		switch {
		case !ok:
			r.add(name, indexKeyString(k), "索引がないレコードを指しているか、古くなっています", "the entry points at no record, or is stale")
		case !bytes.Equal(w, v):
			r.add(name, indexKeyString(k), "索引の値がレコードと合いません", "the entry's value does not match the record")
		}
		delete(want, string(k))
		return nil
	})
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r.add(name, indexKeyString([]byte(k)), "レコードが索引に入っていません", "a record is missing from the index")
	}
}

// indexKeyString writes an index key for people: "12" (an id), "3/12" (two ids),
// "2025-06-02/12" (a day and an id), "2025-06-02 10:00/12" (a day, a start and an id), or hex.
func indexKeyString(k []byte) string {
	day := func(b []byte) (string, bool) {
		s := keyDay.format(b)
		return s, !strings.HasPrefix(s, "x:")
	}
	switch len(k) {
	case 8:
		return strconv.FormatUint(id(k), 10)
	case 16:
		if d, ok := day(k[:8]); ok {
			return d + "/" + strconv.FormatUint(id(k[8:]), 10)
		}
		return strconv.FormatUint(id(k[:8]), 10) + "/" + strconv.FormatUint(id(k[8:]), 10)
	case 18:
		if d, ok := day(k[:8]); ok {
			return d + " " + model.ClockTime(binary.BigEndian.Uint16(k[8:10])).String() + "/" + strconv.FormatUint(id(k[10:]), 10)
		}
	}
	return keyHex.format(k)
}

// derive computes an index's entries from its source bucket, as a key → value map; two
// records claiming one key with different values (two open visits of one person) keep the
// first and report the second's key as bad.
func derive(src *bolt.Bucket, rule indexRule) (map[string][]byte, [][]byte) {
	want := map[string][]byte{}
	var bad [][]byte
	_ = src.ForEach(func(k, v []byte) error {
		if v == nil {
			return nil
		}
		es, err := rule.entries(k, v)
		if err != nil {
			bad = append(bad, append([]byte(nil), k...))
			return nil
		}
		for _, e := range es {
			if old, dup := want[string(e.key)]; dup && !bytes.Equal(old, e.value) {
				bad = append(bad, append([]byte(nil), e.key...))
				continue
			}
			want[string(e.key)] = e.value
		}
		return nil
	})
	return want, bad
}

// The bbolt file header, read before bbolt maps the file. bbolt trusts the file's length: a
// copy cut short (a full disk, a USB stick pulled out) is mapped as it is, and touching a page
// past the end faults the process (SIGBUS) instead of returning an error. checkFile refuses
// such a file first.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16 // id u64, flags u16, count u16, overflow u32
	metaSize       = 64 // magic, version, pageSize, flags u32; root, sequence, freelist, pgid, txid, checksum u64
)

// fileMeta is what checkFile reads from a meta page.
type fileMeta struct {
	pageSize       uint32
	root, freelist uint64
	pgid, txid     uint64
}

// readMeta reads and validates the meta page at off; ok is false when it is not a valid one.
func readMeta(f io.ReaderAt, off int64) (fileMeta, bool) {
	buf := make([]byte, pageHeaderSize+metaSize)
	if _, err := f.ReadAt(buf, off); err != nil {
		return fileMeta{}, false
	}
	m := buf[pageHeaderSize:]
	ne := binary.NativeEndian // bbolt writes its structs in the machine's byte order
	if ne.Uint32(m[0:]) != boltMagic || ne.Uint32(m[4:]) != boltVersion {
		return fileMeta{}, false
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != ne.Uint64(m[56:]) {
		return fileMeta{}, false
	}
	return fileMeta{pageSize: ne.Uint32(m[8:]), root: ne.Uint64(m[16:]), freelist: ne.Uint64(m[32:]), pgid: ne.Uint64(m[40:]), txid: ne.Uint64(m[48:])}, true
}

// checkFile looks at a non-empty file before bbolt opens it: at least one meta page must be
// valid, and the file must be as long as the newest valid meta page says the database is.
func checkFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bbolt reports it in its own words
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return nil
	}
	var best fileMeta
	found := false
	m0, ok0 := readMeta(f, 0)
	if ok0 {
		best, found = m0, true
	}
	// The second meta page sits one page in; its page size is the first's, or, when the first
	// is damaged, one of the sizes bbolt tries.
	sizes := []uint32{4096, 8192, 16384, 32768, 65536}
	if ok0 {
		sizes = []uint32{m0.pageSize}
	}
	for _, ps := range sizes {
		if m1, ok := readMeta(f, int64(ps)); ok && m1.pageSize == ps {
			if !found || m1.txid > best.txid {
				best = m1
			}
			found = true
			break
		}
	}
	if !found || best.pageSize < 1024 || best.pageSize > 1<<20 || best.pgid < 2 ||
		best.root >= best.pgid || (best.freelist >= best.pgid && best.freelist != ^uint64(0)) {
		return notDatabase(path)
	}
	if need := int64(best.pgid) * int64(best.pageSize); st.Size() < need {
		return &model.Error{Kind: model.ErrNotDatabase, Msg: model.T(
			fmt.Sprintf("%s は途中で切れています（%d バイトのはずが %d バイトしかありません）。ファイルはそのままにしてあります。バックアップから restore してください", path, need, st.Size()),
			fmt.Sprintf("%s is cut short (%d bytes where %d are needed). It was left as it is; restore a backup.", path, st.Size(), need))}
	}
	return nil
}
