package model_test

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"github.com/nagawaka/madoguchi/model"
)

func sjis(t *testing.T, s string) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const rosterCSV = "氏名,ふりがな,電話,メール,区分\r\n" +
	"山田 花子,やまだ はなこ,090-1234-5678,hanako@example.jp,受講生・テレワーカー\r\n" +
	"髙橋 恵子,タカハシ ケイコ,,,利用者\r\n" +
	"強矢 千春,ｽﾈﾔ ﾁﾊﾙ,０４９４－７５－１２３４,,\r\n"

func TestParseRosterEncodings(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		enc  string
	}{
		{"UTF-8", []byte(rosterCSV), model.EncodingUTF8},
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, rosterCSV...), model.EncodingUTF8BOM},
		{"Shift_JIS (CP932: 髙 is an IBM extension)", sjis(t, rosterCSV), model.EncodingSJIS},
	} {
		r, err := model.ParseRoster(tc.data)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if r.Encoding != tc.enc || len(r.Bad) != 0 || len(r.Duplicates) != 0 || len(r.Rows) != 3 {
			t.Fatalf("%s: %+v", tc.name, r)
		}
		p := r.Rows[0].Person
		if p.Name != "山田 花子" || p.Reading != "やまだ はなこ" || p.Phone != "090-1234-5678" || p.Email != "hanako@example.jp" ||
			len(p.Roles) != 2 || !p.HasRole(model.RoleTrainee) || !p.HasRole(model.RoleTeleworker) || r.Rows[0].Line != 2 {
			t.Errorf("%s: row 1 %+v (line %d)", tc.name, p, r.Rows[0].Line)
		}
		if p := r.Rows[1].Person; p.Name != "髙橋 恵子" || p.Reading != "たかはし けいこ" || !p.HasRole(model.RoleMember) {
			t.Errorf("%s: row 2 %+v", tc.name, p)
		}
		if p := r.Rows[2].Person; p.Reading != "すねや ちはる" || p.Phone != "0494-75-1234" || !p.HasRole(model.RoleMember) || r.Rows[2].Line != 4 {
			t.Errorf("%s: row 3 %+v", tc.name, p)
		}
	}
}

func TestParseRosterEnglishHeadersAndExtraColumns(t *testing.T) {
	data := "No.,Name,Reading (furigana),E-mail,Phone,Role,Notes,Birthday\n" +
		"1,Yamada Hanako,yamada hanako,,,trainee,first term,1990-01-01\n" +
		"2,鈴木 一郎,suzuki ichirou,,,teleworker; member,,\n"
	r, err := model.ParseRoster([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 2 || len(r.Bad) != 0 {
		t.Fatalf("%+v", r)
	}
	if p := r.Rows[0].Person; p.Name != "Yamada Hanako" || p.Reading != "やまだ はなこ" || p.Notes != "first term" || !p.HasRole(model.RoleTrainee) {
		t.Errorf("row 1 %+v", p)
	}
	if p := r.Rows[1].Person; p.Reading != "すずき いちろう" || len(p.Roles) != 2 {
		t.Errorf("row 2 %+v", p)
	}
	if strings.Join(r.Ignored, ",") != "No.,Birthday" {
		t.Errorf("ignored %q", r.Ignored)
	}
}

// Bad rows are reported with their line numbers (a quoted field over two lines counts both) and
// every reason, in both languages; good rows are still parsed.
func TestParseRosterBadRows(t *testing.T) {
	data := "氏名,ふりがな,電話,メール,区分\n" +
		"山田 花子,やまだ はなこ,,,\n" +
		",すずき,,,\n" + // line 3: no name
		"佐藤 一郎,Sato!,12,bad@,社長\n" + // line 4: reading, phone, email, role
		"\n" + // line 5: blank, skipped
		"\"田中\n由美\",たなか ゆみ,,,\n" + // lines 6-7: a quoted name over two lines (folded to one)
		"木村 香織,きむら かおり,,,\n" // line 8
	r, err := model.ParseRoster([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 3 || r.Rows[1].Line != 6 || r.Rows[1].Person.Name != "田中 由美" || r.Rows[2].Line != 8 {
		t.Fatalf("rows %+v", r.Rows)
	}
	if len(r.Bad) != 2 || r.Bad[0].Line != 3 || r.Bad[1].Line != 4 {
		t.Fatalf("bad %+v", r.Bad)
	}
	if got := r.Bad[0].Message(model.JA); got != "3行目: 氏名を入力してください" {
		t.Errorf("JA %q", got)
	}
	if got := r.Bad[0].Message(model.EN); got != "line 3: Enter a name" {
		t.Errorf("EN %q", got)
	}
	var fe model.FieldErrors
	if !errors.As(r.Bad[1].Err, &fe) {
		t.Fatalf("line 4 error %T", r.Bad[1].Err)
	}
	for _, f := range []string{"reading", "phone", "email", "role"} {
		if fe.For(f) == nil {
			t.Errorf("line 4: no %s error in %v", f, fe)
		}
	}
	if !errors.Is(r.Bad[1].Err, model.ErrInvalid) {
		t.Error("row errors should be ErrInvalid")
	}
}

func TestParseRosterDuplicatesWithinFile(t *testing.T) {
	data := "氏名,ふりがな\n山田 花子,やまだ はなこ\n鈴木 一郎,すずき いちろう\n山田花子,ヤマダ　ハナコ\n山田 花子,やまだ はなえ\n"
	r, err := model.ParseRoster([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 3 || len(r.Duplicates) != 1 {
		t.Fatalf("%+v", r)
	}
	d := r.Duplicates[0]
	if d.Line != 4 || d.FirstLine != 2 {
		t.Errorf("duplicate %+v", d)
	}
	if !strings.Contains(d.Message(model.JA), "4行目") || !strings.Contains(d.Message(model.EN), "line 2") {
		t.Errorf("messages %q / %q", d.Message(model.JA), d.Message(model.EN))
	}
}

func TestParseRosterFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data, ja string
	}{
		{"empty", "", "見出し行がありません"},
		{"only blank lines", "\n,,\n", "見出し行がありません"},
		{"no reading column", "氏名,電話\n山田 花子,090-1234-5678\n", "「ふりがな」の列がありません"},
		{"no columns known", "a,b\n1,2\n", "「氏名」「ふりがな」の列がありません"},
		{"two name columns", "氏名,名前,ふりがな\n", "見出し「氏名」の列が2つあります"},
		{"UTF-16", "\xFF\xFEa\x00", "UTF-16"},
		{"BOM but not UTF-8", "\xEF\xBB\xBF\x82\xa0", "UTF-8 ではありません"},
		{"broken header quote", "\"氏名,ふりがな\n", "CSV として読めません"},
	} {
		_, err := model.ParseRoster([]byte(tc.data))
		if err == nil || !errors.Is(err, model.ErrInvalid) {
			t.Errorf("%s: err %v", tc.name, err)
			continue
		}
		if got := model.Message(err, model.JA); !strings.Contains(got, tc.ja) {
			t.Errorf("%s: %q lacks %q", tc.name, got, tc.ja)
		}
		if model.Message(err, model.EN) == model.Message(err, model.JA) {
			t.Errorf("%s: no English message", tc.name)
		}
	}
}

// A broken quote in a row is reported as that row (the rest of the file is its field).
func TestParseRosterBrokenQuoteRow(t *testing.T) {
	r, err := model.ParseRoster([]byte("氏名,ふりがな\n山田 花子,やまだ はなこ\n\"鈴木,すずき\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 1 || len(r.Bad) != 1 || r.Bad[0].Line != 3 {
		t.Fatalf("%+v", r)
	}
}

// Shift_JIS bytes that decode to nothing readable are reported by row.
func TestParseRosterUnreadableRow(t *testing.T) {
	data := append(sjis(t, "氏名,ふりがな\n山田 花子,やまだ はなこ\n"), []byte("\x85\x40,\x85\x41\n")...)
	r, err := model.ParseRoster(data)
	if err != nil {
		t.Fatal(err)
	}
	if r.Encoding != model.EncodingSJIS || len(r.Rows) != 1 || len(r.Bad) != 1 || r.Bad[0].Line != 3 ||
		!strings.Contains(r.Bad[0].Message(model.JA), "読めない文字") {
		t.Fatalf("%+v", r)
	}
}

func TestRosterKey(t *testing.T) {
	same := [][2]string{
		{"山田 花子", "やまだ はなこ"}, {"山田花子", "ヤマダハナコ"}, {"山田　花子", "ﾔﾏﾀﾞ ﾊﾅｺ"}, {" 山田 花子 ", "yamada hanako"},
	}
	k := model.RosterKey(same[0][0], same[0][1])
	for _, s := range same[1:] {
		if got := model.RosterKey(s[0], s[1]); got != k {
			t.Errorf("%v: %q, want %q", s, got, k)
		}
	}
	if model.RosterKey("山田 花子", "やまだ はなえ") == k || model.RosterKey("山田 華子", "やまだ はなこ") == k {
		t.Error("different people share a key")
	}
}

func TestParseRoles(t *testing.T) {
	rs, err := model.ParseRoles("受講生・テレワーカー、受講生")
	if err != nil || len(rs) != 2 || rs[0] != model.RoleTrainee || rs[1] != model.RoleTeleworker {
		t.Fatalf("%v %v", rs, err)
	}
	if rs, err := model.ParseRoles(" "); err != nil || len(rs) != 0 {
		t.Fatalf("empty: %v %v", rs, err)
	}
	if _, err := model.ParseRoles("見学, boss"); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("boss: %v", err)
	}
}

func FuzzParseRoster(f *testing.F) {
	f.Add([]byte(rosterCSV))
	f.Add([]byte("name,reading\n\"a\nb\",c\n"))
	f.Add([]byte("\xEF\xBB\xBF氏名,ふりがな\n,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := model.ParseRoster(data)
		if err != nil {
			if !errors.Is(err, model.ErrInvalid) {
				t.Fatalf("file error not ErrInvalid: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, row := range r.Rows {
			k := model.RosterKey(row.Person.Name, row.Person.Reading)
			if seen[k] {
				t.Fatalf("two rows for %q", k)
			}
			seen[k] = true
			if row.Person.Name == "" || row.Person.Reading == "" || row.Line < 2 {
				t.Fatalf("row %+v", row)
			}
		}
		for _, b := range r.Bad {
			if b.Line < 1 || b.Message(model.JA) == "" {
				t.Fatalf("bad %+v", b)
			}
		}
	})
}
