package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// Roster import: the people list staff keep in Excel, saved as CSV (UTF-8 with or without a BOM,
// or Shift_JIS/CP932 as Japanese Excel saves "CSV (コンマ区切り)"). ParseRoster reads the bytes
// and validates every row with NewPerson; it does no I/O, so the command and tests share it.

// RosterKey is the key two records of the same person share: the normalised name and reading
// with every space removed ("山田 花子" and "山田花子" are one person).
func RosterKey(name, reading string) string {
	n := strings.ReplaceAll(lowerASCII(NormalizeName(name)), " ", "")
	r := NormalizeReading(reading)
	if k, ok := RomajiToHiragana(r); ok && !isReading(r) {
		r = k
	}
	return n + "|" + strings.ReplaceAll(r, " ", "")
}

// Roster encodings, as ParseRoster reports them.
const (
	EncodingUTF8    = "UTF-8"
	EncodingUTF8BOM = "UTF-8 (BOM)"
	EncodingSJIS    = "Shift_JIS"
)

// RosterRow is a good row: the validated person and the line it came from.
type RosterRow struct {
	Line   int
	Person Person
}

// RosterProblem is a bad row: its line and why (a *Error or FieldErrors).
type RosterProblem struct {
	Line int
	Err  error
}

// Message returns "12行目: …" / "line 12: …" in the language.
func (p RosterProblem) Message(l Lang) string {
	return fmt.Sprintf(l.Pick("%d行目: %s", "line %d: %s"), p.Line, Message(p.Err, l))
}

// RosterDuplicate is a row naming the same person (RosterKey) as an earlier row of the file.
type RosterDuplicate struct {
	Line, FirstLine int
	Person          Person
}

// Message returns the duplicate as one line in the language.
func (d RosterDuplicate) Message(l Lang) string {
	return l.Pick(
		fmt.Sprintf("%d行目: %s（%s）は %d行目と同じ人です。この行は取り込みません", d.Line, d.Person.Name, d.Person.Reading, d.FirstLine),
		fmt.Sprintf("line %d: %s (%s) is the same person as line %d; this row is skipped", d.Line, d.Person.Name, d.Person.Reading, d.FirstLine))
}

// Roster is a parsed roster file.
type Roster struct {
	Encoding   string            // EncodingUTF8, EncodingUTF8BOM or EncodingSJIS
	Rows       []RosterRow       // good rows, in file order, duplicates within the file removed
	Bad        []RosterProblem   // rows that cannot be imported, in file order
	Duplicates []RosterDuplicate // rows that repeat an earlier row
	Ignored    []string          // header cells that name no known column
}

// People returns the good rows' people, in file order.
func (r Roster) People() []Person {
	out := make([]Person, len(r.Rows))
	for i, row := range r.Rows {
		out[i] = row.Person
	}
	return out
}

// The roster's columns.
const (
	colName = iota
	colReading
	colPhone
	colEmail
	colRole
	colNotes
	colCount
)

// rosterHeaders maps a normalised header cell (NormalizeName, ASCII lower case, no spaces, any
// bracketed remark removed) to its column.
var rosterHeaders = map[string]int{
	"氏名": colName, "名前": colName, "お名前": colName, "name": colName, "fullname": colName,
	"ふりがな": colReading, "フリガナ": colReading, "よみがな": colReading, "ヨミガナ": colReading,
	"よみ": colReading, "ヨミ": colReading, "かな": colReading, "カナ": colReading, "氏名カナ": colReading,
	"reading": colReading, "furigana": colReading, "kana": colReading,
	"電話": colPhone, "電話番号": colPhone, "携帯": colPhone, "携帯電話": colPhone, "連絡先": colPhone,
	"phone": colPhone, "tel": colPhone, "telephone": colPhone, "phonenumber": colPhone,
	"メール": colEmail, "メールアドレス": colEmail, "eメール": colEmail, "mail": colEmail,
	"email": colEmail, "e-mail": colEmail, "emailaddress": colEmail,
	"区分": colRole, "種別": colRole, "役割": colRole, "role": colRole, "roles": colRole, "type": colRole,
	"備考": colNotes, "メモ": colNotes, "notes": colNotes, "note": colNotes, "memo": colNotes,
}

var colLabels = [colCount]Text{
	T("氏名", "name"), T("ふりがな", "reading"), T("電話", "phone"), T("メール", "email"), T("区分", "role"), T("備考", "notes"),
}

// headerKey normalises a header cell for rosterHeaders.
func headerKey(s string) string {
	s = lowerASCII(NormalizeName(strings.TrimPrefix(s, "\uFEFF")))
	for {
		i := strings.IndexAny(s, "(【[")
		if i < 0 {
			break
		}
		j := strings.IndexAny(s[i:], ")】]")
		if j < 0 {
			s = s[:i]
			break
		}
		s = s[:i] + s[i+j+1:]
	}
	s = strings.ReplaceAll(s, " ", "")
	s = strings.ReplaceAll(s, "_", "")
	return s
}

// DecodeRoster returns the file as UTF-8 text and the encoding it was in: UTF-8 with or without a
// BOM, else Shift_JIS (CP932). UTF-16 (Excel's "Unicode text") is refused with a hint.
func DecodeRoster(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !utf8.Valid(data) {
			return "", "", rosterFileError("UTF-8 の印（BOM）がありますが、中身が UTF-8 ではありません", "The file starts with a UTF-8 BOM but is not UTF-8")
		}
		return string(data), EncodingUTF8BOM, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "", "", rosterFileError("UTF-16 のファイルは読めません。Excel で「CSV UTF-8（コンマ区切り）」か「CSV（コンマ区切り）」で保存してください",
			"UTF-16 files cannot be read; save from Excel as \"CSV UTF-8 (Comma delimited)\" or \"CSV (Comma delimited)\"")
	case utf8.Valid(data):
		return string(data), EncodingUTF8, nil
	}
	text, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", rosterFileError("文字コードが UTF-8 でも Shift_JIS でもありません", "The file is neither UTF-8 nor Shift_JIS")
	}
	return string(text), EncodingSJIS, nil
}

func rosterFileError(ja, en string) *Error { return &Error{Kind: ErrInvalid, Msg: T(ja, en)} }

// splitRoles splits a 区分 cell: "受講生・テレワーカー", "trainee, teleworker", "受講生／利用者".
func splitRoles(s string) []string {
	return strings.FieldsFunc(NormalizeName(s), func(r rune) bool {
		switch r {
		case '・', '･', '、', ',', '/', ';', ' ', '|':
			return true
		}
		return false
	})
}

// ParseRoster decodes and parses a roster CSV: a header row naming the columns (氏名, ふりがな, 電話,
// メール, 区分, 備考, or name, reading, phone, email, role, notes; others are ignored), then one
// person a row. Every row is validated by NewPerson; bad rows are collected with their line
// number, and rows repeating an earlier row's person are set aside as duplicates. The error is
// for the whole file (encoding, no header, a missing required column); row problems are in Bad.
func ParseRoster(data []byte) (Roster, error) {
	var r Roster
	text, enc, err := DecodeRoster(data)
	if err != nil {
		return r, err
	}
	r.Encoding = enc
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	cols := [colCount]int{-1, -1, -1, -1, -1, -1}
	header := false
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			if !header {
				return r, rosterFileError(fmt.Sprintf("%d行目を CSV として読めません: %v", line, err), fmt.Sprintf("line %d is not valid CSV: %v", line, err))
			}
			r.Bad = append(r.Bad, RosterProblem{Line: line, Err: Invalid("", "CSV として読めません（引用符の閉じ忘れなど）", "Not valid CSV (an unclosed quote?)")})
			continue
		}
		if blank(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		if !header {
			header = true
			if err := r.readHeader(rec, &cols); err != nil {
				return r, err
			}
			continue
		}
		cell := func(c int) string {
			if i := cols[c]; i >= 0 && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.ContainsRune(strings.Join(rec, ""), utf8.RuneError) {
			r.Bad = append(r.Bad, RosterProblem{Line: line, Err: Invalid("", "読めない文字があります（文字コードを確認してください）", "Contains characters that cannot be read (check the file's encoding)")})
			continue
		}
		p, err := rosterPerson(cell(colName), cell(colReading), cell(colPhone), cell(colEmail), cell(colRole), cell(colNotes))
		if err != nil {
			r.Bad = append(r.Bad, RosterProblem{Line: line, Err: err})
			continue
		}
		k := RosterKey(p.Name, p.Reading)
		if first, ok := seen[k]; ok {
			r.Duplicates = append(r.Duplicates, RosterDuplicate{Line: line, FirstLine: first, Person: p})
			continue
		}
		seen[k] = line
		r.Rows = append(r.Rows, RosterRow{Line: line, Person: p})
	}
	if !header {
		return r, rosterFileError("見出し行がありません（1行目に 氏名, ふりがな, 電話, メール, 区分 を書いてください）",
			"No header row (the first line should name the columns: name, reading, phone, email, role)")
	}
	return r, nil
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readHeader maps the header cells to columns.
func (r *Roster) readHeader(rec []string, cols *[colCount]int) error {
	for i, cell := range rec {
		k := headerKey(cell)
		if k == "" {
			continue
		}
		c, ok := rosterHeaders[k]
		if !ok {
			r.Ignored = append(r.Ignored, strings.TrimSpace(cell))
			continue
		}
		if cols[c] >= 0 {
			return rosterFileError(fmt.Sprintf("見出し「%s」の列が2つあります", colLabels[c].JA), fmt.Sprintf("Two columns are headed %q", colLabels[c].EN))
		}
		cols[c] = i
	}
	var missing []Text
	for _, c := range []int{colName, colReading} {
		if cols[c] < 0 {
			missing = append(missing, colLabels[c])
		}
	}
	if len(missing) > 0 {
		var ja, en []string
		for _, m := range missing {
			ja, en = append(ja, "「"+m.JA+"」"), append(en, m.EN)
		}
		return rosterFileError(fmt.Sprintf("見出し行に%sの列がありません（氏名, ふりがな, 電話, メール, 区分）", strings.Join(ja, "")),
			fmt.Sprintf("The header row has no %s column (name, reading, phone, email, role)", strings.Join(en, " or ")))
	}
	return nil
}

// rosterPerson validates one row.
func rosterPerson(name, reading, phone, email, roles, notes string) (Person, error) {
	var errs FieldErrors
	var rs []Role
	for _, s := range splitRoles(roles) {
		role, err := ParseRole(s)
		if err != nil {
			errs.add(asError(err))
			continue
		}
		if !containsRole(rs, role) {
			rs = append(rs, role)
		}
	}
	p, err := NewPerson(PersonInput{Name: name, Reading: reading, Phone: phone, Email: email, Notes: notes, Roles: rs})
	if err != nil {
		var fe FieldErrors
		if errors.As(err, &fe) {
			errs = append(errs, fe...)
		} else {
			errs.add(asError(err))
		}
	}
	return p, errs.Err()
}

func containsRole(rs []Role, r Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// ParseRoles reads a comma- or ・-separated list of roles as typed in a form ("受講生・利用者");
// empty input is no roles (NewPerson then makes the person a 利用者).
func ParseRoles(s string) ([]Role, error) {
	var rs []Role
	for _, part := range splitRoles(s) {
		r, err := ParseRole(part)
		if err != nil {
			return nil, err
		}
		if !containsRole(rs, r) {
			rs = append(rs, r)
		}
	}
	return rs, nil
}
