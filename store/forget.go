package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/nagawaka/madoguchi/model"
)

// Erasure on request. Forget blanks a person's personal fields and their children's, keeping
// the records themselves (ids, roles, birth dates for the kids-space age bands, visits,
// bookings, marks, jobs) so every KPI counts what happened. Their names, readings, phone and
// email are then scrubbed from every other record's text: audit summaries, job events and
// notes, booking collectors, attendance notes, the day closes' open-item lines. The person's
// and children's own audit entries lose their before/after summaries entirely (those hold the
// whole record). Backups made before keep the data until they rotate out; docs/data.md says so.

// Erased replaces a personal value in scrubbed text.
const Erased = "（削除済み）"

// ForgetResult says what Forget erased.
type ForgetResult struct {
	Person   model.Person // as stored now (Forgotten, personal fields empty)
	Children int          // children whose fields were erased
	Scrubbed int          // other records whose text held one of the names
}

// Forget erases a person's personal fields (name, reading, phone, email, notes) and their
// children's (name, reading, allergy and care notes, pick-up people), marks them Forgotten and
// archived, and scrubs their names from the text of every other record. It is one transaction
// with its own audit entry, which names nobody. A person who is checked in, or whose child is
// in the kids space, must be checked out first.
func (s *Store) Forget(personID uint64) (ForgetResult, error) {
	var res ForgetResult
	err := s.update(func(t *tx) error {
		var p model.Person
		if ok, err := t.get(bPeople, u64(personID), &p); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindPerson, personID)
		}
		if p.Forgotten {
			return model.Conflict("この方の個人情報はすでに削除されています", "This person's personal data was already erased")
		}
		if t.b(iVisitOpen).Get(u64(personID)) != nil {
			return model.Conflict("来館中の方の個人情報は削除できません。先にチェックアウトしてください",
				"This person is checked in; check them out before erasing their data")
		}
		children, err := t.childrenOf(personID)
		if err != nil {
			return err
		}
		childIDs := map[string]bool{}
		for _, c := range children {
			childIDs[ref(c.ID)] = true
		}
		inCare := false
		_ = t.b(iBookingInCare).ForEach(func(k, _ []byte) error {
			var b model.Booking
			if ok, _ := t.get(bBookings, k, &b); ok && childIDs[ref(b.ChildID)] {
				inCare = true
			}
			return nil
		})
		if inCare {
			return model.Conflict("お子さんがキッズスペースを利用中です。お迎えの記録のあとで削除してください",
				"A child of theirs is in the kids space; record the pick-up first")
		}

		names := personalStrings(p, children)
		p.Name, p.Reading, p.Phone, p.Email, p.Notes = "", "", "", "", ""
		p.Forgotten, p.Archived = true, true
		if err := t.put(bPeople, u64(p.ID), p); err != nil {
			return err
		}
		for _, c := range children {
			c.Name, c.Reading, c.Allergies, c.CareNotes, c.Pickups = "", "", "", "", nil
			c.Forgotten, c.Archived = true, true
			if err := t.put(bChildren, u64(c.ID), c); err != nil {
				return err
			}
		}
		own := ownEntries{person: ref(personID), children: childIDs}
		n, err := t.scrub(names, own)
		if err != nil {
			return err
		}
		res = ForgetResult{Person: p, Children: len(children), Scrubbed: n}
		return t.audit("forget", model.KindPerson, ref(personID), "",
			fmt.Sprintf("personal data erased: person, %d children; names scrubbed from %d records", len(children), n))
	})
	return res, err
}

// ownEntries picks the audit entries about the erased records themselves.
type ownEntries struct {
	person   string
	children map[string]bool
}

// maybe is a quick test on the stored bytes: could this entry be one of them?
func (o ownEntries) maybe(v []byte) bool {
	if bytes.Contains(v, []byte(`"ref":"`+o.person+`"`)) {
		return true
	}
	for c := range o.children {
		if bytes.Contains(v, []byte(`"ref":"`+c+`"`)) {
			return true
		}
	}
	return false
}

// is reports whether a decoded audit entry is about the person or one of the children.
func (o ownEntries) is(e map[string]any) bool {
	kind, _ := e["kind"].(string)
	r, _ := e["ref"].(string)
	return (kind == string(model.KindPerson) && r == o.person) || (kind == string(model.KindChild) && o.children[r])
}

// personalStrings lists the values to scrub, longest first so a full name goes before a part
// of it. Values under two characters are left alone: they would match too much.
func personalStrings(p model.Person, children []model.Child) []string {
	set := map[string]bool{}
	add := func(vs ...string) {
		for _, v := range vs {
			v = strings.TrimSpace(v)
			for _, form := range []string{v, strings.ReplaceAll(v, " ", ""), strings.ReplaceAll(v, " ", "　")} {
				if utf8.RuneCountInString(form) >= 2 {
					set[form] = true
				}
			}
		}
	}
	add(p.Name, p.Reading, p.Phone, p.Email)
	for _, c := range children {
		add(c.Name, c.Reading)
		for _, pk := range c.Pickups {
			add(pk.Name)
		}
	}
	out := make([]string, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// scrub replaces the names in every string of every record outside people, children and staff
// (and never in a "staff" field, which names a staff member). Records are decoded generically,
// so fields added later are covered; numbers keep their exact digits. own picks audit entries
// about the erased records themselves: their summaries are blanked, not scrubbed.
func (t *tx) scrub(names []string, own ownEntries) (int, error) {
	needles := make([][]byte, len(names))
	for i, n := range names {
		needles[i] = []byte(n)
	}
	changed := 0
	for _, rk := range recordKinds {
		if bytes.Equal(rk.bucket, bPeople) || bytes.Equal(rk.bucket, bChildren) || bytes.Equal(rk.bucket, bStaff) {
			continue
		}
		isAudit := bytes.Equal(rk.bucket, bAudit)
		type update struct{ k, v []byte }
		var updates []update
		err := t.b(rk.bucket).ForEach(func(k, v []byte) error {
			hit := false
			for _, n := range needles {
				if bytes.Contains(v, n) {
					hit = true
					break
				}
			}
			mine := isAudit && own.maybe(v)
			if !hit && !mine {
				return nil
			}
			dec := json.NewDecoder(bytes.NewReader(v))
			dec.UseNumber()
			var rec map[string]any
			if err := dec.Decode(&rec); err != nil {
				return nil // not a JSON object: left for check to report
			}
			did := false
			if mine && own.is(rec) {
				for _, f := range []string{"before", "after"} {
					if s, _ := rec[f].(string); s != "" && s != Erased {
						rec[f], did = Erased, true
					}
				}
			}
			if hit {
				did = scrubValue(rec, "", names) || did
			}
			if !did {
				return nil
			}
			data, err := json.Marshal(rec)
			if err != nil {
				return err
			}
			updates = append(updates, update{append([]byte(nil), k...), data})
			return nil
		})
		if err != nil {
			return changed, err
		}
		for _, u := range updates { // not writing through the cursor
			if err := t.b(rk.bucket).Put(u.k, u.v); err != nil {
				return changed, err
			}
		}
		changed += len(updates)
	}
	return changed, nil
}

// scrubValue replaces the names in the strings under v (in place for maps and slices) and
// reports whether anything changed. field is the key v sits under.
func scrubValue(v any, field string, names []string) bool {
	switch x := v.(type) {
	case map[string]any:
		did := false
		for k, e := range x {
			if s, ok := e.(string); ok {
				if k == "staff" {
					continue
				}
				if r := replaceAll(s, names); r != s {
					x[k], did = r, true
				}
				continue
			}
			did = scrubValue(e, k, names) || did
		}
		return did
	case []any:
		did := false
		for i, e := range x {
			if s, ok := e.(string); ok {
				if r := replaceAll(s, names); r != s {
					x[i], did = r, true
				}
				continue
			}
			did = scrubValue(e, field, names) || did
		}
		return did
	}
	return false
}

func replaceAll(s string, names []string) string {
	for _, n := range names {
		if strings.Contains(s, n) {
			s = strings.ReplaceAll(s, n, Erased)
		}
	}
	return s
}
