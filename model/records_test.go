package model_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// ---- helpers shared by the model_test files (prefixed rec… so they never clash) ----

// recDate parses a date or fails the test.
func recDate(t testing.TB, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

// recFieldErrors returns err as FieldErrors, failing the test when it is not.
func recFieldErrors(t testing.TB, err error) model.FieldErrors {
	t.Helper()
	var fe model.FieldErrors
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not model.FieldErrors", err, err)
	}
	return fe
}

// recCheckFields checks that err is exactly the validation errors for fields (nil for none), each
// with a message in both languages.
func recCheckFields(t testing.TB, err error, fields []string) {
	t.Helper()
	if len(fields) == 0 {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("no error, want errors on %v", fields)
	}
	if !errors.Is(err, model.ErrInvalid) {
		t.Errorf("errors.Is(%v, ErrInvalid) = false", err)
	}
	fe := recFieldErrors(t, err)
	for _, f := range fields {
		e := fe.For(f)
		if e == nil {
			t.Errorf("no error for field %q in %v", f, fe)
			continue
		}
		recCheckText(t, e.Msg)
	}
	seen := map[string]bool{}
	for _, f := range fields {
		seen[f] = true
	}
	for _, e := range fe {
		if !seen[e.Field] {
			t.Errorf("unexpected error on field %q: %v", e.Field, e)
		}
	}
}

// recCheckText checks a message exists in both languages and the Japanese one is Japanese.
func recCheckText(t testing.TB, m model.Text) {
	t.Helper()
	if strings.TrimSpace(m.JA) == "" || strings.TrimSpace(m.EN) == "" {
		t.Errorf("message %+v is empty in a language", m)
	}
	if m.JA == m.EN {
		t.Errorf("message %+v is the same in both languages", m)
	}
}

// recErrorField checks err is a single *Error on field with kind.
func recErrorField(t testing.TB, err error, field string, kind error) *model.Error {
	t.Helper()
	var me *model.Error
	if !errors.As(err, &me) {
		t.Fatalf("error %v (%T) is not *model.Error", err, err)
	}
	if me.Field != field {
		t.Errorf("field = %q, want %q (%v)", me.Field, field, err)
	}
	if !errors.Is(err, kind) {
		t.Errorf("errors.Is(%v, %v) = false", err, kind)
	}
	recCheckText(t, me.Msg)
	return me
}

// ---- people ----

func TestNewPerson(t *testing.T) {
	long := strings.Repeat("山", model.MaxNameRunes)
	tests := []struct {
		name string
		in   model.PersonInput
		errs []string
		want model.Person // checked when errs is empty
	}{
		{"kanji name and hiragana reading", model.PersonInput{Name: "山田 花子", Reading: "やまだ はなこ"}, nil,
			model.Person{Name: "山田 花子", Reading: "やまだ はなこ", Roles: []model.Role{model.RoleMember}}},
		{"full-width space and padding folded", model.PersonInput{Name: "　山田　　花子　", Reading: "ヤマダ　ハナコ"}, nil,
			model.Person{Name: "山田 花子", Reading: "やまだ はなこ", Roles: []model.Role{model.RoleMember}}},
		{"half-width kana name and reading", model.PersonInput{Name: "ﾔﾏﾀﾞ ﾊﾅｺ", Reading: "ﾔﾏﾀﾞ ﾊﾅｺ"}, nil,
			model.Person{Name: "ヤマダ ハナコ", Reading: "やまだ はなこ", Roles: []model.Role{model.RoleMember}}},
		{"romaji reading", model.PersonInput{Name: "佐藤 一郎", Reading: "Satō Ichirō"}, nil,
			model.Person{Name: "佐藤 一郎", Reading: "さとう いちろう", Roles: []model.Role{model.RoleMember}}},
		{"romaji reading lower case", model.PersonInput{Name: "山田花子", Reading: "yamada hanako"}, nil,
			model.Person{Name: "山田花子", Reading: "やまだ はなこ", Roles: []model.Role{model.RoleMember}}},
		{"name at the limit", model.PersonInput{Name: long, Reading: "やま"}, nil,
			model.Person{Name: long, Reading: "やま", Roles: []model.Role{model.RoleMember}}},
		{"tab in the name folded to a space", model.PersonInput{Name: "山田\t花子", Reading: "やまだ"}, nil,
			model.Person{Name: "山田 花子", Reading: "やまだ", Roles: []model.Role{model.RoleMember}}},
		{"phone with hyphens", model.PersonInput{Name: "山田", Reading: "やまだ", Phone: "0494-75-1234"}, nil,
			model.Person{Name: "山田", Reading: "やまだ", Phone: "0494-75-1234", Roles: []model.Role{model.RoleMember}}},
		{"full-width phone with minus signs", model.PersonInput{Name: "山田", Reading: "やまだ", Phone: "０４９４−７５−１２３４"}, nil,
			model.Person{Name: "山田", Reading: "やまだ", Phone: "0494-75-1234", Roles: []model.Role{model.RoleMember}}},
		{"full-width phone with full-width hyphens", model.PersonInput{Name: "山田", Reading: "やまだ", Phone: "０９０－１２３４－５６７８"}, nil,
			model.Person{Name: "山田", Reading: "やまだ", Phone: "090-1234-5678", Roles: []model.Role{model.RoleMember}}},
		{"phone with spaces and long mark", model.PersonInput{Name: "山田", Reading: "やまだ", Phone: " 090 1234ー5678 "}, nil,
			model.Person{Name: "山田", Reading: "やまだ", Phone: "0901234-5678", Roles: []model.Role{model.RoleMember}}},
		{"international phone", model.PersonInput{Name: "山田", Reading: "やまだ", Phone: "+81 (494) 75-1234"}, nil,
			model.Person{Name: "山田", Reading: "やまだ", Phone: "+81(494)75-1234", Roles: []model.Role{model.RoleMember}}},
		{"email", model.PersonInput{Name: "山田", Reading: "やまだ", Email: " hanako@example.jp "}, nil,
			model.Person{Name: "山田", Reading: "やまだ", Email: "hanako@example.jp", Roles: []model.Role{model.RoleMember}}},
		{"full-width email folded", model.PersonInput{Name: "山田", Reading: "やまだ", Email: "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ"}, nil,
			model.Person{Name: "山田", Reading: "やまだ", Email: "hanako@example.jp", Roles: []model.Role{model.RoleMember}}},
		{"roles kept", model.PersonInput{Name: "山田", Reading: "やまだ", Roles: []model.Role{model.RoleTrainee, model.RoleTeleworker}}, nil,
			model.Person{Name: "山田", Reading: "やまだ", Roles: []model.Role{model.RoleTrainee, model.RoleTeleworker}}},
		{"notes trimmed", model.PersonInput{Name: "山田", Reading: "やまだ", Notes: "  子ども2人\n火曜は午後のみ  "}, nil,
			model.Person{Name: "山田", Reading: "やまだ", Notes: "子ども2人\n火曜は午後のみ", Roles: []model.Role{model.RoleMember}}},

		{"empty input", model.PersonInput{}, []string{"name", "reading"}, model.Person{}},
		{"name only spaces", model.PersonInput{Name: "　 \t", Reading: "やまだ"}, []string{"name"}, model.Person{}},
		{"name too long", model.PersonInput{Name: long + "子", Reading: "やまだ"}, []string{"name"}, model.Person{}},
		{"reading in kanji", model.PersonInput{Name: "山田", Reading: "山田"}, []string{"reading"}, model.Person{}},
		{"reading with digits", model.PersonInput{Name: "山田", Reading: "やまだ2"}, []string{"reading"}, model.Person{}},
		{"reading bad romaji", model.PersonInput{Name: "山田", Reading: "xyz"}, []string{"reading"}, model.Person{}},
		{"phone letters", model.PersonInput{Name: "山田", Reading: "やまだ", Phone: "0494-75-abcd"}, []string{"phone"}, model.Person{}},
		{"phone too short", model.PersonInput{Name: "山田", Reading: "やまだ", Phone: "75-1234"}, []string{"phone"}, model.Person{}},
		{"phone too long", model.PersonInput{Name: "山田", Reading: "やまだ", Phone: "0494-75-1234-5678"}, []string{"phone"}, model.Person{}},
		{"phone with extension text", model.PersonInput{Name: "山田", Reading: "やまだ", Phone: "0494-75-1234 内線5"}, []string{"phone"}, model.Person{}},
		{"email without domain", model.PersonInput{Name: "山田", Reading: "やまだ", Email: "hanako@"}, []string{"email"}, model.Person{}},
		{"email with display name", model.PersonInput{Name: "山田", Reading: "やまだ", Email: "Hanako <hanako@example.jp>"}, []string{"email"}, model.Person{}},
		{"email in Japanese", model.PersonInput{Name: "山田", Reading: "やまだ", Email: "はなこ"}, []string{"email"}, model.Person{}},
		{"notes too long", model.PersonInput{Name: "山田", Reading: "やまだ", Notes: strings.Repeat("あ", model.MaxNoteRunes+1)}, []string{"notes"}, model.Person{}},
		{"unknown role", model.PersonInput{Name: "山田", Reading: "やまだ", Roles: []model.Role{model.RoleTrainee, "admin"}}, []string{"role"}, model.Person{}},
		{"everything wrong at once", model.PersonInput{Name: "", Reading: "123", Phone: "x", Email: "@", Roles: []model.Role{"x"}},
			[]string{"name", "reading", "phone", "email", "role"}, model.Person{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := model.NewPerson(tt.in)
			recCheckFields(t, err, tt.errs)
			if len(tt.errs) > 0 {
				return
			}
			if !reflect.DeepEqual(p, tt.want) {
				t.Errorf("NewPerson(%+v)\n got %+v\nwant %+v", tt.in, p, tt.want)
			}
		})
	}
}

// A name must not carry control characters: they would reach the terminal UI (ESC starts an
// escape sequence) and every export. NormalizeName folds tabs and line breaks to spaces, so the
// check in validateName for "\t\n\r" never fires and other control characters pass.
func TestNewPersonControlCharacters(t *testing.T) {
	for _, name := range []string{"山田\x1b[31m花子", "山田\x00花子", "山田\x07"} {
		t.Run(name, func(t *testing.T) {
			_, err := model.NewPerson(model.PersonInput{Name: name, Reading: "やまだ"})
			if err == nil {
				t.Fatal("regression: control characters accepted in a name")
			}
			recCheckFields(t, err, []string{"name"})
		})
	}
}

func TestPersonHelpers(t *testing.T) {
	p := model.Person{ID: 7, Name: "山田 花子", Roles: []model.Role{model.RoleTrainee, model.RoleTeleworker}}
	if !p.HasRole(model.RoleTrainee) || p.HasRole(model.RoleVisitor) {
		t.Errorf("HasRole wrong for %v", p.Roles)
	}
	if got := p.RoleLabels(model.JA); got != "受講生・テレワーカー" {
		t.Errorf("RoleLabels(JA) = %q", got)
	}
	if got := p.RoleLabels(model.EN); got != "trainee, teleworker" {
		t.Errorf("RoleLabels(EN) = %q", got)
	}
	if got := p.DisplayName(); got != "山田 花子" {
		t.Errorf("DisplayName = %q", got)
	}
	p.Forgotten = true
	if got := p.DisplayName(); strings.Contains(got, "山田") || !strings.Contains(got, "7") {
		t.Errorf("DisplayName of a forgotten person = %q", got)
	}
}

func TestParseRole(t *testing.T) {
	tests := []struct {
		in   string
		want model.Role
		ok   bool
	}{
		{"受講生", model.RoleTrainee, true},
		{"テレワーカー", model.RoleTeleworker, true},
		{"ﾃﾚﾜｰｶｰ", model.RoleTeleworker, true},
		{"利用者", model.RoleMember, true},
		{"見学", model.RoleVisitor, true},
		{"　見学　", model.RoleVisitor, true},
		{"見学者", model.RoleVisitor, true},
		{"訪問", model.RoleVisitor, true},
		{"コワーキング", model.RoleMember, true},
		{"会員", model.RoleMember, true},
		{"trainee", model.RoleTrainee, true},
		{"Trainee", model.RoleTrainee, true},
		{"TELEWORKER", model.RoleTeleworker, true},
		{"ｍｅｍｂｅｒ", model.RoleMember, true},
		{"member", model.RoleMember, true},
		{"visitor", model.RoleVisitor, true},
		{"user", model.RoleMember, true},
		{"coworking", model.RoleMember, true},
		{"", "", false},
		{"　", "", false},
		{"admin", "", false},
		{"スタッフ", "", false},
		{"受講", "", false},
		{"trainees", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := model.ParseRole(tt.in)
			if !tt.ok {
				if err == nil {
					t.Fatalf("ParseRole(%q) = %q, want an error", tt.in, got)
				}
				recErrorField(t, err, "role", model.ErrInvalid)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseRole(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
	// Every role's own labels parse back to it.
	for _, r := range model.Roles {
		for _, l := range []model.Lang{model.JA, model.EN} {
			if got, err := model.ParseRole(r.Label(l)); err != nil || got != r {
				t.Errorf("ParseRole(%q) = %q, %v; want %q", r.Label(l), got, err, r)
			}
		}
		if got, err := model.ParseRole(string(r)); err != nil || got != r {
			t.Errorf("ParseRole(%q) = %q, %v", r, got, err)
		}
	}
}

// ---- children ----

func TestNewChild(t *testing.T) {
	today := recDate(t, "2025-11-25")
	base := func() model.ChildInput {
		return model.ChildInput{GuardianID: 1, Name: "山田 太郎", Reading: "やまだ たろう", BirthDate: "2023-04-01"}
	}
	tests := []struct {
		name   string
		mod    func(*model.ChildInput)
		errs   []string
		checks func(*testing.T, model.Child)
	}{
		{"valid", func(*model.ChildInput) {}, nil, func(t *testing.T, c model.Child) {
			if c.BirthDate != recDate(t, "2023-04-01") || c.Name != "山田 太郎" || c.Reading != "やまだ たろう" || c.GuardianID != 1 {
				t.Errorf("child = %+v", c)
			}
			if c.HasAllergy() {
				t.Error("HasAllergy true without notes")
			}
		}},
		{"full-width birth date", func(in *model.ChildInput) { in.BirthDate = "２０２３-０４-０１" }, nil, func(t *testing.T, c model.Child) {
			if c.BirthDate != recDate(t, "2023-04-01") {
				t.Errorf("birth = %v", c.BirthDate)
			}
		}},
		{"born today", func(in *model.ChildInput) { in.BirthDate = "2025-11-25" }, nil, nil},
		{"twelve, thirteen tomorrow", func(in *model.ChildInput) { in.BirthDate = "2012-11-26" }, nil, nil},
		{"half-width kana reading", func(in *model.ChildInput) { in.Reading = "ﾔﾏﾀﾞ ﾀﾛｳ" }, nil, func(t *testing.T, c model.Child) {
			if c.Reading != "やまだ たろう" {
				t.Errorf("reading = %q", c.Reading)
			}
		}},
		{"allergy notes", func(in *model.ChildInput) { in.Allergies = "  卵・乳  " }, nil, func(t *testing.T, c model.Child) {
			if c.Allergies != "卵・乳" || !c.HasAllergy() {
				t.Errorf("allergies = %q, HasAllergy %v", c.Allergies, c.HasAllergy())
			}
		}},
		{"care notes alone count", func(in *model.ChildInput) { in.CareNotes = "午睡あり" }, nil, func(t *testing.T, c model.Child) {
			if !c.HasAllergy() {
				t.Error("HasAllergy false with care notes")
			}
		}},
		{"pick-up people normalised, blank rows skipped", func(in *model.ChildInput) {
			in.Pickups = []model.PickupPerson{{Name: "山田　和子", Relation: "祖母"}, {Name: " ", Relation: "　"}, {Name: "ﾔﾏﾀﾞ ｹﾝ", Relation: " 父 "}}
		}, nil, func(t *testing.T, c model.Child) {
			want := []model.PickupPerson{{Name: "山田 和子", Relation: "祖母"}, {Name: "ヤマダ ケン", Relation: "父"}}
			if !reflect.DeepEqual(c.Pickups, want) {
				t.Errorf("pickups = %+v, want %+v", c.Pickups, want)
			}
		}},

		{"no guardian", func(in *model.ChildInput) { in.GuardianID = 0 }, []string{"guardian"}, nil},
		{"no name", func(in *model.ChildInput) { in.Name = "" }, []string{"name"}, nil},
		{"no reading", func(in *model.ChildInput) { in.Reading = "" }, []string{"reading"}, nil},
		{"birth date tomorrow", func(in *model.ChildInput) { in.BirthDate = "2025-11-26" }, []string{"birth_date"}, nil},
		{"birth date far future", func(in *model.ChildInput) { in.BirthDate = "2099-01-01" }, []string{"birth_date"}, nil},
		{"thirteen today", func(in *model.ChildInput) { in.BirthDate = "2012-11-25" }, []string{"birth_date"}, nil},
		{"adult", func(in *model.ChildInput) { in.BirthDate = "1990-01-01" }, []string{"birth_date"}, nil},
		{"birth date bad format", func(in *model.ChildInput) { in.BirthDate = "R5.4.1" }, []string{"birth_date"}, nil},
		{"birth date empty", func(in *model.ChildInput) { in.BirthDate = "" }, []string{"birth_date"}, nil},
		{"birth date no such day", func(in *model.ChildInput) { in.BirthDate = "2023-02-29" }, []string{"birth_date"}, nil},
		{"pick-up without relation", func(in *model.ChildInput) {
			in.Pickups = []model.PickupPerson{{Name: "山田 和子"}}
		}, []string{"pickups"}, nil},
		{"pick-up without name", func(in *model.ChildInput) {
			in.Pickups = []model.PickupPerson{{Name: "　", Relation: "祖母"}}
		}, []string{"pickups"}, nil},
		{"allergy notes too long", func(in *model.ChildInput) { in.Allergies = strings.Repeat("卵", model.MaxNoteRunes+1) }, []string{"allergies"}, nil},
		{"care notes too long", func(in *model.ChildInput) { in.CareNotes = strings.Repeat("x", model.MaxNoteRunes+1) }, []string{"care_notes"}, nil},
		{"all at once", func(in *model.ChildInput) {
			*in = model.ChildInput{BirthDate: "garbage", Pickups: []model.PickupPerson{{Relation: "父"}}}
		}, []string{"guardian", "name", "reading", "birth_date", "pickups"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base()
			tt.mod(&in)
			c, err := model.NewChild(in, today)
			recCheckFields(t, err, tt.errs)
			if len(tt.errs) == 0 && tt.checks != nil {
				tt.checks(t, c)
			}
		})
	}
}

// ---- visits ----

func TestParsePurpose(t *testing.T) {
	tests := []struct {
		in   string
		want model.Purpose
		ok   bool
	}{
		{"コワーキング", model.PurposeCoworking, true},
		{"ｺﾜｰｷﾝｸﾞ", model.PurposeCoworking, true},
		{"講座", model.PurposeCourse, true},
		{"相談", model.PurposeConsult, true},
		{"見学", model.PurposeTour, true},
		{"その他", model.PurposeOther, true},
		{" その他 ", model.PurposeOther, true},
		{"coworking", model.PurposeCoworking, true},
		{"Course", model.PurposeCourse, true},
		{"consult", model.PurposeConsult, true},
		{"consultation", model.PurposeConsult, true},
		{"TOUR", model.PurposeTour, true},
		{"ｏｔｈｅｒ", model.PurposeOther, true},
		{"", "", false},
		{"仕事", "", false},
		{"tours", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := model.ParsePurpose(tt.in)
			if !tt.ok {
				if err == nil {
					t.Fatalf("ParsePurpose(%q) = %q, want error", tt.in, got)
				}
				recErrorField(t, err, "purpose", model.ErrInvalid)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParsePurpose(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestPurposeNext(t *testing.T) {
	tests := []struct{ from, want model.Purpose }{
		{model.PurposeCoworking, model.PurposeCourse},
		{model.PurposeCourse, model.PurposeConsult},
		{model.PurposeConsult, model.PurposeTour},
		{model.PurposeTour, model.PurposeOther},
		{model.PurposeOther, model.PurposeCoworking},
		{"", model.PurposeCoworking},
		{"bogus", model.PurposeCoworking},
	}
	for _, tt := range tests {
		if got := tt.from.Next(); got != tt.want {
			t.Errorf("%q.Next() = %q, want %q", tt.from, got, tt.want)
		}
	}
	// A full cycle returns to the start and visits every purpose once.
	p, seen := model.PurposeCoworking, map[model.Purpose]bool{}
	for range model.Purposes {
		seen[p] = true
		p = p.Next()
	}
	if p != model.PurposeCoworking || len(seen) != len(model.Purposes) {
		t.Errorf("cycle ended at %q after visiting %v", p, seen)
	}
	for _, p := range model.Purposes {
		if !p.Valid() || p.Label(model.JA) == p.Label(model.EN) {
			t.Errorf("purpose %q: valid %v, labels %q/%q", p, p.Valid(), p.Label(model.JA), p.Label(model.EN))
		}
	}
}

func TestNewVisit(t *testing.T) {
	in := time.Date(2025, 4, 1, 9, 30, 15, 999_000_000, model.Tokyo)
	tests := []struct {
		name    string
		person  uint64
		purpose model.Purpose
		field   string // "" for ok
		want    model.Purpose
	}{
		{"default purpose", 1, "", "", model.PurposeCoworking},
		{"course", 1, model.PurposeCourse, "", model.PurposeCourse},
		{"tour", 2, model.PurposeTour, "", model.PurposeTour},
		{"no person", 0, model.PurposeCourse, "person", ""},
		{"Japanese label is not a code", 1, "講座", "purpose", ""},
		{"unknown purpose", 1, "shopping", "purpose", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := model.NewVisit(tt.person, in, tt.purpose)
			if tt.field != "" {
				recErrorField(t, err, tt.field, model.ErrInvalid)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if v.Purpose != tt.want || v.PersonID != tt.person || !v.Open() {
				t.Errorf("visit = %+v", v)
			}
			if v.In.Location() != time.UTC || !v.In.Equal(in.Truncate(time.Second)) || v.In.Nanosecond() != 0 {
				t.Errorf("In = %v, want %v in UTC, whole seconds", v.In, in)
			}
			if v.Day() != recDate(t, "2025-04-01") {
				t.Errorf("Day = %v", v.Day())
			}
			if d := v.Duration(in.Add(2 * time.Hour)); d < 2*time.Hour || d > 2*time.Hour+time.Second {
				t.Errorf("open Duration = %v", d)
			}
		})
	}
}

func TestCorrectVisit(t *testing.T) {
	v0 := model.Visit{ID: 3, PersonID: 1, In: time.Date(2025, 4, 1, 0, 30, 0, 0, time.UTC), Purpose: model.PurposeCourse}
	in := time.Date(2025, 4, 1, 9, 0, 0, 0, model.Tokyo)
	tests := []struct {
		name    string
		in, out time.Time
		reason  string
		errs    []string
	}{
		{"closed", in, in.Add(3 * time.Hour), "退館の打刻漏れ", nil},
		{"left open", in, time.Time{}, "入館時刻の訂正", nil},
		{"exactly 24 hours", in, in.Add(24 * time.Hour), "閉館作業", nil},
		{"one minute", in, in.Add(time.Minute), "テスト", nil},
		{"no reason", in, in.Add(time.Hour), "", []string{"reason"}},
		{"full-width space reason", in, in.Add(time.Hour), "　\t", []string{"reason"}},
		{"no check-in (also over 24 hours)", time.Time{}, in, "訂正", []string{"in", "out"}},
		{"out before in", in, in.Add(-time.Minute), "訂正", []string{"out"}},
		{"out equals in", in, in, "訂正", []string{"out"}},
		{"over 24 hours", in, in.Add(24*time.Hour + time.Minute), "訂正", []string{"out"}},
		{"everything wrong", time.Time{}, time.Time{}.Add(-time.Hour), "", []string{"reason", "in", "out"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := model.CorrectVisit(v0, tt.in, tt.out, tt.reason)
			recCheckFields(t, err, tt.errs)
			if len(tt.errs) > 0 {
				if !reflect.DeepEqual(v, v0) {
					t.Errorf("visit changed on error: %+v", v)
				}
				return
			}
			if !v.In.Equal(tt.in) || !v.Out.Equal(tt.out) || v.In.Location() != time.UTC {
				t.Errorf("visit = %+v", v)
			}
			if v.ID != v0.ID || v.PersonID != v0.PersonID || v.Purpose != v0.Purpose {
				t.Errorf("other fields changed: %+v", v)
			}
			if !tt.out.IsZero() && v.Duration(time.Time{}) != tt.out.Sub(tt.in) {
				t.Errorf("Duration = %v", v.Duration(time.Time{}))
			}
		})
	}
}

// ---- courses ----

func TestCourseNeededCompleted(t *testing.T) {
	tests := []struct {
		name       string
		min, total int
		needed     int
		completed  map[int]bool // attended → completed
	}{
		{"default five sessions: all but one", 0, 5, 4, map[int]bool{0: false, 3: false, 4: true, 5: true, 6: true}},
		{"default two sessions", 0, 2, 1, map[int]bool{0: false, 1: true, 2: true}},
		{"default one session", 0, 1, 1, map[int]bool{0: false, 1: true}},
		{"default no sessions held", 0, 0, 1, map[int]bool{0: false, 1: false, 5: false}},
		{"MinSessions 3 of 5", 3, 5, 3, map[int]bool{2: false, 3: true}},
		{"MinSessions above total is capped", 10, 5, 5, map[int]bool{4: false, 5: true}},
		{"MinSessions with one session", 3, 1, 1, map[int]bool{0: false, 1: true}},
		{"MinSessions with no sessions", 3, 0, 1, map[int]bool{0: false, 3: false}},
		{"MinSessions 1", 1, 5, 1, map[int]bool{0: false, 1: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := model.Course{MinSessions: tt.min}
			if got := c.Needed(tt.total); got != tt.needed {
				t.Errorf("Needed(%d) = %d, want %d", tt.total, got, tt.needed)
			}
			for att, want := range tt.completed {
				if got := c.Completed(att, tt.total); got != want {
					t.Errorf("Completed(%d, %d) = %v, want %v", att, tt.total, got, want)
				}
			}
		})
	}
}

func TestNewCourse(t *testing.T) {
	tests := []struct {
		name string
		in   model.CourseInput
		errs []string
		want string
	}{
		{"basic", model.CourseInput{Kind: model.CourseBasic, Name: "育成講座 第1期", FiscalYear: 2025}, nil, "育成講座 第1期"},
		{"full-width name folded", model.CourseInput{Kind: model.CourseOJT, Name: "ＯＪＴ研修　第２期", FiscalYear: 2025, MinSessions: 3}, nil, "OJT研修 第2期"},
		{"seminar", model.CourseInput{Kind: model.CourseSeminar, Name: "周知セミナー", FiscalYear: 2000}, nil, "周知セミナー"},
		{"study at limits", model.CourseInput{Kind: model.CourseStudy, Name: strings.Repeat("会", 80), FiscalYear: 2200, MinSessions: 100}, nil, strings.Repeat("会", 80)},
		{"no kind", model.CourseInput{Name: "x", FiscalYear: 2025}, []string{"kind"}, ""},
		{"Japanese label as kind", model.CourseInput{Kind: "育成講座", Name: "x", FiscalYear: 2025}, []string{"kind"}, ""},
		{"no name", model.CourseInput{Kind: model.CourseBasic, Name: "　", FiscalYear: 2025}, []string{"name"}, ""},
		{"name too long", model.CourseInput{Kind: model.CourseBasic, Name: strings.Repeat("会", 81), FiscalYear: 2025}, []string{"name"}, ""},
		{"era year", model.CourseInput{Kind: model.CourseBasic, Name: "x", FiscalYear: 7}, []string{"fiscal_year"}, ""},
		{"year too late", model.CourseInput{Kind: model.CourseBasic, Name: "x", FiscalYear: 2201}, []string{"fiscal_year"}, ""},
		{"negative min sessions", model.CourseInput{Kind: model.CourseBasic, Name: "x", FiscalYear: 2025, MinSessions: -1}, []string{"min_sessions"}, ""},
		{"too many min sessions", model.CourseInput{Kind: model.CourseBasic, Name: "x", FiscalYear: 2025, MinSessions: 101}, []string{"min_sessions"}, ""},
		{"all wrong", model.CourseInput{}, []string{"kind", "name", "fiscal_year"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := model.NewCourse(tt.in)
			recCheckFields(t, err, tt.errs)
			if len(tt.errs) == 0 && (c.Name != tt.want || c.Kind != tt.in.Kind || c.FiscalYear != tt.in.FiscalYear || c.MinSessions != tt.in.MinSessions) {
				t.Errorf("course = %+v", c)
			}
		})
	}
	for _, k := range model.CourseKinds {
		if k.Label(model.JA) == "" || k.Label(model.JA) == k.Label(model.EN) {
			t.Errorf("kind %q labels %q/%q", k, k.Label(model.JA), k.Label(model.EN))
		}
	}
}

func TestNewSession(t *testing.T) {
	ok := model.SessionInput{CourseID: 1, Date: "2025-05-12", Start: "10:00", End: "12:00", Title: "PC基礎"}
	tests := []struct {
		name string
		mod  func(*model.SessionInput)
		errs []string
	}{
		{"valid", func(*model.SessionInput) {}, nil},
		{"full-width date and times", func(in *model.SessionInput) {
			in.Date, in.Start, in.End = "２０２５－０５－１２", "１０：００", "１２：００"
		}, nil},
		{"compact times", func(in *model.SessionInput) { in.Start, in.End = "1000", "1200" }, nil},
		{"capacity 0 is no limit", func(in *model.SessionInput) { in.Capacity = 0 }, nil},
		{"capacity 500", func(in *model.SessionInput) { in.Capacity = 500 }, nil},
		{"no course", func(in *model.SessionInput) { in.CourseID = 0 }, []string{"course"}},
		{"bad date", func(in *model.SessionInput) { in.Date = "5月12日" }, []string{"date"}},
		{"no such date", func(in *model.SessionInput) { in.Date = "2025-02-29" }, []string{"date"}},
		{"bad start", func(in *model.SessionInput) { in.Start = "十時" }, []string{"start"}},
		{"bad end", func(in *model.SessionInput) { in.End = "25:00" }, []string{"end"}},
		{"end before start", func(in *model.SessionInput) { in.Start, in.End = "12:00", "10:00" }, []string{"end"}},
		{"end equals start", func(in *model.SessionInput) { in.End = "10:00" }, []string{"end"}},
		{"no title", func(in *model.SessionInput) { in.Title = "　" }, []string{"title"}},
		{"negative capacity", func(in *model.SessionInput) { in.Capacity = -1 }, []string{"capacity"}},
		{"capacity too big", func(in *model.SessionInput) { in.Capacity = 501 }, []string{"capacity"}},
		{"all wrong", func(in *model.SessionInput) { *in = model.SessionInput{Capacity: -5} },
			[]string{"course", "date", "start", "end", "title", "capacity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.mod(&in)
			s, err := model.NewSession(in)
			recCheckFields(t, err, tt.errs)
			if len(tt.errs) == 0 {
				if s.Date != recDate(t, "2025-05-12") || s.Span() != "10:00-12:00" || s.Title != "PC基礎" {
					t.Errorf("session = %+v", s)
				}
			}
		})
	}
}

func TestMarkAttended(t *testing.T) {
	tests := []struct {
		m               model.Mark
		attended, valid bool
	}{
		{model.MarkPresent, true, true},
		{model.MarkLate, true, true},
		{model.MarkLeftEarly, true, true},
		{model.MarkAbsent, false, true},
		{model.MarkExcused, false, true},
		{model.MarkNone, false, true},
		{"出席", false, false},
		{"PRESENT", false, false},
	}
	for _, tt := range tests {
		if got := tt.m.Attended(); got != tt.attended {
			t.Errorf("%q.Attended() = %v", tt.m, got)
		}
		if got := tt.m.Valid(); got != tt.valid {
			t.Errorf("%q.Valid() = %v", tt.m, got)
		}
		if tt.valid && tt.m.Label(model.JA) == tt.m.Label(model.EN) {
			t.Errorf("%q labels are the same in both languages", tt.m)
		}
	}
}

func TestNewAttendance(t *testing.T) {
	tests := []struct {
		name            string
		session, person uint64
		m               model.Mark
		note            string
		field           string
		wantNote        string
	}{
		{"present", 1, 2, model.MarkPresent, "", "", ""},
		{"late with note", 1, 2, model.MarkLate, "  電車遅延　", "", "電車遅延"},
		{"unmarked", 1, 2, model.MarkNone, "", "", ""},
		{"note at limit", 1, 2, model.MarkExcused, strings.Repeat("風", 200), "", strings.Repeat("風", 200)},
		{"no session", 0, 2, model.MarkPresent, "", "attendance", ""},
		{"no person", 1, 0, model.MarkPresent, "", "attendance", ""},
		{"unknown mark", 1, 2, "出席", "", "mark", ""},
		{"note too long", 1, 2, model.MarkAbsent, strings.Repeat("風", 201), "note", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := model.NewAttendance(tt.session, tt.person, tt.m, tt.note)
			if tt.field != "" {
				recErrorField(t, err, tt.field, model.ErrInvalid)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.SessionID != tt.session || a.PersonID != tt.person || a.Mark != tt.m || a.Note != tt.wantNote {
				t.Errorf("attendance = %+v", a)
			}
		})
	}
}

// ---- errors ----

func TestMessage(t *testing.T) {
	fieldErr := model.Invalid("name", "氏名を入力してください", "Enter a name")
	recordErr := model.Conflict("重複しています", "Duplicate")
	tests := []struct {
		name   string
		err    error
		ja, en string
	}{
		{"nil", nil, "", ""},
		{"field *Error", fieldErr, "氏名を入力してください", "Enter a name"},
		{"record *Error", recordErr, "重複しています", "Duplicate"},
		{"wrapped *Error", errors.Join(errors.New("save"), fieldErr), "氏名を入力してください", "Enter a name"},
		{"not found", model.NotFound(model.KindPerson, 42), "利用者（ID 42）が見つかりません", "person (ID 42) was not found"},
		{"plain error", errors.New("disk full"), "エラーが発生しました: disk full", "Error: disk full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := model.Message(tt.err, model.JA); got != tt.ja {
				t.Errorf("Message(JA) = %q, want %q", got, tt.ja)
			}
			if got := model.Message(tt.err, model.EN); got != tt.en {
				t.Errorf("Message(EN) = %q, want %q", got, tt.en)
			}
		})
	}
	if got := fieldErr.Error(); got != "name: Enter a name" {
		t.Errorf("Error() = %q", got)
	}
	if got := recordErr.Error(); got != "Duplicate" {
		t.Errorf("Error() = %q", got)
	}
	if !errors.Is(recordErr, model.ErrConflict) || errors.Is(recordErr, model.ErrInvalid) {
		t.Error("Conflict kind wrong")
	}
	if !errors.Is(model.NotFound(model.KindJob, 1), model.ErrNotFound) {
		t.Error("NotFound kind wrong")
	}
}

func TestFieldErrors(t *testing.T) {
	var empty model.FieldErrors
	if empty.Err() != nil {
		t.Error("empty FieldErrors.Err() != nil")
	}
	if empty.For("name") != nil {
		t.Error("For on empty returned an error")
	}
	_, err := model.NewPerson(model.PersonInput{Phone: "x"})
	if !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("errors.Is(FieldErrors, ErrInvalid) = false for %v", err)
	}
	if errors.Is(err, model.ErrConflict) || errors.Is(err, model.ErrNotFound) {
		t.Error("FieldErrors matches a wrong kind")
	}
	fe := recFieldErrors(t, err)
	if len(fe) != 3 || fe.For("name") == nil || fe.For("reading") == nil || fe.For("phone") == nil || fe.For("email") != nil {
		t.Errorf("FieldErrors = %v", fe)
	}
	if got := fe.Error(); got != "name: Enter a name; reading: Enter the reading (furigana); phone: Phone: digits and hyphens only, e.g. 0494-75-1234" {
		t.Errorf("Error() = %q", got)
	}
	if !errors.Is(errors.Join(errors.New("x"), err), model.ErrInvalid) {
		t.Error("wrapped FieldErrors lost ErrInvalid")
	}
}

// Message gives a Japanese-reading clerk Japanese words for every model error: FieldErrors (what
// every constructor returns) joined per field, and *SlotFullError (what a full slot returns) in
// its own words.
func TestMessageLocalisesModelErrors(t *testing.T) {
	_, fieldErrs := model.NewPerson(model.PersonInput{})
	slotFull := &model.SlotFullError{Reason: model.T("定員3人に達しています", "the slot is full (capacity 3)"), Position: 2}
	tests := []struct {
		name   string
		err    error
		ja, en string
	}{
		{"FieldErrors", fieldErrs, "氏名を入力してください。ふりがなを入力してください", "Enter a name; Enter the reading (furigana)"},
		{"wrapped FieldErrors", fmt.Errorf("save: %w", fieldErrs), "氏名を入力してください。ふりがなを入力してください", "Enter a name; Enter the reading (furigana)"},
		{"one FieldError", model.FieldErrors{model.Invalid("phone", "電話番号が違います", "Bad phone")}, "電話番号が違います", "Bad phone"},
		{"SlotFullError", slotFull, "定員3人に達しています。空き待ち2番目で登録できます", "the slot is full (capacity 3); the child can go on the waitlist at position 2"},
		{"wrapped SlotFullError", fmt.Errorf("book: %w", slotFull), "定員3人に達しています。空き待ち2番目で登録できます", "the slot is full (capacity 3); the child can go on the waitlist at position 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := model.Message(tt.err, model.JA); got != tt.ja {
				t.Errorf("Message(JA) = %q, want %q", got, tt.ja)
			}
			if got := model.Message(tt.err, model.EN); got != tt.en {
				t.Errorf("Message(EN) = %q, want %q", got, tt.en)
			}
		})
	}
}

func TestCheckCorrection(t *testing.T) {
	day := model.NewDate(2026, 11, 25)
	now := day.At(12 * 60)
	v := model.Visit{ID: 1, PersonID: 7, In: day.At(9 * 60), Out: day.At(10 * 60)}
	if err := model.CheckCorrection(v, now, nil); err != nil {
		t.Fatal(err)
	}
	fut := v
	fut.Out = day.At(13 * 60)
	if err := model.CheckCorrection(fut, now, nil); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a check-out after now: %v", err)
	}
	open := model.Visit{ID: 2, PersonID: 7, In: day.At(11 * 60)}
	if err := model.CheckCorrection(v, now, []model.Visit{v, open}); err != nil {
		t.Errorf("no overlap: %v", err)
	}
	late := v
	late.Out = day.At(11*60 + 30) // into the open visit that lasts until now
	if err := model.CheckCorrection(late, now, []model.Visit{v, open}); !errors.Is(err, model.ErrConflict) || !strings.Contains(model.Message(err, model.JA), "重なります") {
		t.Errorf("overlap with an open visit: %v", err)
	}
}

// A refused phone number says why: a letter, too few digits, or too many.
func TestPhoneErrorSaysWhy(t *testing.T) {
	for phone, want := range map[string]string{
		"090":               "桁が足りません（3桁",
		"0494-75-abcd":      "数字とハイフンで",
		"0494-75-1234-5678": "桁が多すぎます（14桁）",
	} {
		_, err := model.NewPerson(model.PersonInput{Name: "山田", Reading: "やまだ", Phone: phone})
		if err == nil || !strings.Contains(model.Message(err, model.JA), want) {
			t.Errorf("%q: %v, want a message with %q", phone, err, want)
		}
	}
}
