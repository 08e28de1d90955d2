package model_test

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nagawaka/madoguchi/model"
)

// FuzzRosterRow fuzzes one row of a roster CSV, written as Excel writes it (quoted when needed)
// under a standard header. FuzzParseRoster (roster_test.go) fuzzes whole files; this one reaches
// the per-row validation: the row is a good row, a bad row with a message in both languages,
// or blank, never two of these; a good row is the person NewPerson makes of the same cells
// (the import and the form agree), and importing the same row twice reports a duplicate.
func FuzzRosterRow(f *testing.F) {
	f.Add("山田 花子", "やまだ はなこ", "0494-75-1234", "hanako@example.jp", "受講生・テレワーカー", "")
	f.Add("ﾔﾏﾀﾞ ﾊﾅｺ", "yamada hanako", "０９０−１２３４−５６７８", "", "trainee, member", "メモ,カンマ入り")
	f.Add("", "", "", "", "", "")
	f.Add("\"引用\"", "\nやまだ", "abc", "bad@", "boss", "\r\n")
	f.Add("鈴木　一郎", "スズキ イチロウ", "", "", "見学", strings.Repeat("長", 2001))
	f.Add("山田 花子", "やまだ はなこ", "", "", "", "1行目\r\n2行目")
	f.Fuzz(func(t *testing.T, name, reading, phone, email, roles, notes string) {
		row := []string{name, reading, phone, email, roles, notes}
		for _, c := range row {
			if !utf8.ValidString(c) {
				return // a file that is not UTF-8 is read as Shift_JIS: FuzzParseRoster's ground
			}
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		_ = w.Write([]string{"氏名", "ふりがな", "電話", "メール", "区分", "備考"})
		_ = w.Write(row)
		_ = w.Write(row)
		w.Flush()
		r, err := model.ParseRoster(buf.Bytes())
		if err != nil {
			// Only bytes that are not UTF-8 can make the file itself unreadable here.
			return
		}
		switch {
		case len(r.Rows) == 1 && len(r.Bad) == 0:
			p := r.Rows[0].Person
			// a cell as the CSV reader returns it: CR LF inside a quoted field reads as LF
			cell := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
			rs, rerr := model.ParseRoles(cell(roles))
			want, perr := model.NewPerson(model.PersonInput{Name: cell(name), Reading: cell(reading),
				Phone: cell(phone), Email: cell(email), Notes: cell(notes), Roles: rs})
			if rerr != nil || perr != nil || !reflect.DeepEqual(p, want) {
				t.Fatalf("row %q imported as %+v; the form makes %+v, %v, %v", row, p, want, rerr, perr)
			}
			if len(r.Duplicates) != 1 || r.Duplicates[0].FirstLine != r.Rows[0].Line {
				t.Fatalf("the same row twice: duplicates %+v", r.Duplicates)
			}
		case len(r.Rows) == 0 && len(r.Bad) == 2:
			for _, b := range r.Bad {
				if b.Line < 2 || strings.Contains(b.Message(model.JA), "%!") || b.Message(model.JA) == b.Message(model.EN) {
					t.Fatalf("bad row %+v: %q / %q", b, b.Message(model.JA), b.Message(model.EN))
				}
			}
		case len(r.Rows) == 0 && len(r.Bad) == 0:
			for _, c := range row {
				if strings.TrimSpace(c) != "" {
					t.Fatalf("row %q neither imported nor refused", row)
				}
			}
		default:
			t.Fatalf("row %q twice: %d good, %d bad, %d duplicates", row, len(r.Rows), len(r.Bad), len(r.Duplicates))
		}
	})
}
