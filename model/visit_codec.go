package model

import (
	"encoding/json"
	"strconv"
	"time"
)

// visitJSON is Visit without its methods, for the standard decoder.
type visitJSON Visit

// DecodeVisit decodes a stored visit. A day's visits are read by the counter, the review and
// every report, and reflection-based decoding was most of that cost, so the exact shape
// json.Marshal writes for a Visit is read by hand; anything else (an older or hand-edited
// record) goes through encoding/json. visit_codec_test.go (and its fuzz target) check that both
// agree.
func DecodeVisit(b []byte) (Visit, error) {
	if fast, ok := decodeVisit(b); ok {
		return fast, nil
	}
	var v visitJSON
	err := json.Unmarshal(b, &v)
	return Visit(v), err
}

// decodeVisit reads {"id":N,"person_id":N,"in":"T","out":"T","purpose":"p"[,"closed_at_closing":true]}
// with "out" optional and times in UTC to the second, as Marshal writes them.
func decodeVisit(b []byte) (Visit, bool) {
	var v Visit
	p := parser{b: b}
	ok := p.lit(`{"id":`) && p.uint(&v.ID) &&
		p.lit(`,"person_id":`) && p.uint(&v.PersonID) &&
		p.lit(`,"in":`) && p.time(&v.In)
	if !ok {
		return v, false
	}
	if p.peek(`,"out":`) {
		if !(p.lit(`,"out":`) && p.time(&v.Out)) {
			return v, false
		}
	}
	var purpose string
	if !(p.lit(`,"purpose":`) && p.str(&purpose)) {
		return v, false
	}
	v.Purpose = Purpose(purpose)
	if p.peek(`,"closed_at_closing":true`) {
		p.lit(`,"closed_at_closing":true`)
		v.ClosedAtClosing = true
	}
	return v, p.lit("}") && p.i == len(p.b)
}

type parser struct {
	b []byte
	i int
}

func (p *parser) peek(s string) bool {
	return len(p.b)-p.i >= len(s) && string(p.b[p.i:p.i+len(s)]) == s
}

func (p *parser) lit(s string) bool {
	if !p.peek(s) {
		return false
	}
	p.i += len(s)
	return true
}

func (p *parser) uint(out *uint64) bool {
	j := p.i
	for j < len(p.b) && p.b[j] >= '0' && p.b[j] <= '9' {
		j++
	}
	if j == p.i || j-p.i > 19 || (p.b[p.i] == '0' && j-p.i > 1) { // JSON has no leading zeros
		return false
	}
	n, err := strconv.ParseUint(string(p.b[p.i:j]), 10, 64)
	if err != nil {
		return false
	}
	*out, p.i = n, j
	return true
}

// str reads a short ASCII JSON string without escapes (a purpose code); anything else is left
// to encoding/json (which, for one, replaces invalid UTF-8).
func (p *parser) str(out *string) bool {
	if !p.lit(`"`) {
		return false
	}
	j := p.i
	for j < len(p.b) && p.b[j] != '"' {
		if p.b[j] == '\\' || p.b[j] < 0x20 || p.b[j] >= 0x80 {
			return false
		}
		j++
	}
	if j == len(p.b) {
		return false
	}
	*out, p.i = string(p.b[p.i:j]), j+1
	return true
}

// time reads "YYYY-MM-DDTHH:MM:SSZ" (UTC, whole seconds: what the store writes).
func (p *parser) time(out *time.Time) bool {
	const n = len(`"2006-01-02T15:04:05Z"`)
	if len(p.b)-p.i < n {
		return false
	}
	s := p.b[p.i : p.i+n]
	if s[0] != '"' || s[5] != '-' || s[8] != '-' || s[11] != 'T' || s[14] != ':' || s[17] != ':' || s[20] != 'Z' || s[21] != '"' {
		return false
	}
	num := func(a, b int) (int, bool) {
		v := 0
		for k := a; k < b; k++ {
			c := s[k]
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(1, 5)
	mo, ok2 := num(6, 8)
	d, ok3 := num(9, 11)
	h, ok4 := num(12, 14)
	mi, ok5 := num(15, 17)
	se, ok6 := num(18, 20)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59 {
		return false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, se, 0, time.UTC)
	if t.Day() != d { // 31 February
		return false
	}
	*out, p.i = t, p.i+n
	return true
}
