package model

import (
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Role is what a person is to the programme. A person may hold several.
type Role string

// The roles of DOMAIN.md.
const (
	RoleTrainee    Role = "trainee"    // 受講生
	RoleTeleworker Role = "teleworker" // テレワーカー
	RoleMember     Role = "member"     // 利用者 (coworking user)
	RoleVisitor    Role = "visitor"    // 見学
)

// Roles lists every role in display order.
var Roles = []Role{RoleTrainee, RoleTeleworker, RoleMember, RoleVisitor}

var roleLabels = map[Role]Text{
	RoleTrainee:    T("受講生", "trainee"),
	RoleTeleworker: T("テレワーカー", "teleworker"),
	RoleMember:     T("利用者", "member"),
	RoleVisitor:    T("見学", "visitor"),
}

// Label returns the role as staff call it.
func (r Role) Label(l Lang) string {
	if t, ok := roleLabels[r]; ok {
		return t.In(l)
	}
	return string(r)
}

// ParseRole reads a role from its code or its Japanese or English label (as typed in a roster).
func ParseRole(s string) (Role, error) {
	s = strings.ToLower(NormalizeName(s))
	for _, r := range Roles {
		if s == string(r) || s == roleLabels[r].JA || s == strings.ToLower(roleLabels[r].EN) {
			return r, nil
		}
	}
	switch s {
	case "コワーキング", "coworking", "会員", "user":
		return RoleMember, nil
	case "訪問", "見学者":
		return RoleVisitor, nil
	}
	return "", Invalid("role", fmt.Sprintf("区分「%s」は使えません（受講生・テレワーカー・利用者・見学）", s),
		fmt.Sprintf("Unknown role %q (trainee, teleworker, member, visitor)", s))
}

// Person is a 利用者: anyone who uses the space, takes a course or takes jobs.
type Person struct {
	ID        uint64    `json:"id"`
	Name      string    `json:"name"`    // 氏名, normalised
	Reading   string    `json:"reading"` // ふりがな, hiragana
	Roles     []Role    `json:"roles,omitempty"`
	Phone     string    `json:"phone,omitempty"`
	Email     string    `json:"email,omitempty"`
	Notes     string    `json:"notes,omitempty"`
	Archived  bool      `json:"archived,omitempty"`
	Forgotten bool      `json:"forgotten,omitempty"` // personal fields erased on request
	Created   time.Time `json:"created"`
}

// PersonInput is what staff type for a person.
type PersonInput struct {
	Name, Reading, Phone, Email, Notes string
	Roles                              []Role
}

// Limits on free text, in runes, so one record can never swamp a screen or a page.
const (
	MaxNameRunes = 40
	MaxNoteRunes = 2000
)

// NewPerson validates the input and returns a normalised Person (ID and Created are set by the
// store). All field errors are returned together as FieldErrors.
func NewPerson(in PersonInput) (Person, error) {
	var errs FieldErrors
	p := Person{Roles: in.Roles}
	p.Name, _ = validateName("name", in.Name, &errs)
	if r, err := ValidateReading(in.Reading); err != nil {
		errs.add(asError(err))
	} else {
		p.Reading = r
	}
	p.Phone = NormalizePhone(in.Phone)
	if p.Phone != "" && !validPhone(p.Phone) {
		errs.add(phoneError(p.Phone))
	}
	p.Email = strings.TrimSpace(NormalizeName(in.Email))
	if p.Email != "" {
		if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email {
			errs.add(Invalid("email", "メールアドレスの形が正しくありません", "That email address does not look right"))
		}
	}
	p.Notes = strings.TrimSpace(in.Notes)
	errs.add(checkLen("notes", p.Notes, MaxNoteRunes))
	if len(p.Roles) == 0 {
		p.Roles = []Role{RoleMember}
	}
	for _, r := range p.Roles {
		if _, ok := roleLabels[r]; !ok {
			errs.add(Invalid("role", "区分が正しくありません", "Unknown role"))
			break
		}
	}
	return p, errs.Err()
}

// HasRole reports whether the person holds the role.
func (p Person) HasRole(r Role) bool {
	for _, x := range p.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// RoleLabels returns the roles joined for display.
func (p Person) RoleLabels(l Lang) string {
	var s []string
	for _, r := range p.Roles {
		s = append(s, r.Label(l))
	}
	return strings.Join(s, l.Pick("・", ", "))
}

// DisplayName is the name as shown: the reading in romaji is added for English readers.
func (p Person) DisplayName() string {
	if p.Forgotten {
		return fmt.Sprintf("（削除済み #%d）", p.ID)
	}
	return p.Name
}

// NormalizePhone folds full-width digits and dashes and trims spaces.
func NormalizePhone(s string) string {
	s = strings.TrimSpace(foldASCII(NormalizeName(s)))
	s = strings.Map(func(r rune) rune {
		switch r {
		case 'ー', '‐', '−', '–', '—', '―':
			return '-'
		case ' ':
			return -1
		}
		return r
	}, s)
	return s
}

func validPhone(s string) bool {
	digits, ok := phoneDigits(s)
	return ok && digits >= 10 && digits <= 13
}

// phoneDigits counts the digits of a phone number; false when it holds anything but digits,
// hyphens, + and brackets.
func phoneDigits(s string) (int, bool) {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '+' || r == '(' || r == ')':
		default:
			return digits, false
		}
	}
	return digits, true
}

// phoneError says what is wrong with a phone number validPhone refused: a character that is not
// a digit or hyphen, or too few or too many digits.
func phoneError(s string) *Error {
	digits, ok := phoneDigits(s)
	switch {
	case !ok:
		return Invalid("phone", "電話番号は数字とハイフンで入力してください（例: 0494-75-1234）", "Phone: digits and hyphens only, e.g. 0494-75-1234")
	case digits < 10:
		return Invalid("phone", fmt.Sprintf("電話番号の桁が足りません（%d桁。市外局番から入力してください）", digits),
			fmt.Sprintf("Phone: too few digits (%d; give it with the area code)", digits))
	}
	return Invalid("phone", fmt.Sprintf("電話番号の桁が多すぎます（%d桁）", digits), fmt.Sprintf("Phone: too many digits (%d)", digits))
}

func validateName(field, s string, errs *FieldErrors) (string, bool) {
	n := NormalizeName(s)
	switch {
	case n == "":
		errs.add(Invalid(field, "氏名を入力してください", "Enter a name"))
		return "", false
	case utf8.RuneCountInString(n) > MaxNameRunes:
		errs.add(Invalid(field, fmt.Sprintf("氏名は%d文字までです", MaxNameRunes), fmt.Sprintf("A name can be at most %d characters", MaxNameRunes)))
		return n, false
	case strings.ContainsFunc(n, unicode.IsControl):
		errs.add(Invalid(field, "氏名に制御文字は使えません", "A name cannot contain control characters"))
		return n, false
	}
	return n, true
}

func checkLen(field, s string, max int) *Error {
	if utf8.RuneCountInString(s) > max {
		return Invalid(field, fmt.Sprintf("%d文字までです", max), fmt.Sprintf("At most %d characters", max))
	}
	return nil
}

// asError turns any error into a *Error (validation errors already are).
func asError(err error) *Error {
	if e, ok := err.(*Error); ok {
		return e
	}
	return &Error{Kind: ErrInvalid, Msg: T(err.Error(), err.Error())}
}

// PickupPerson is someone a guardian has authorised to collect their child.
type PickupPerson struct {
	Name     string `json:"name"`
	Relation string `json:"relation"` // 続柄: 祖母, 父, …
}

// Child is a guardian's child who may use the kids space.
type Child struct {
	ID         uint64         `json:"id"`
	GuardianID uint64         `json:"guardian_id"`
	Name       string         `json:"name"`
	Reading    string         `json:"reading"`
	BirthDate  Date           `json:"birth_date"`
	Allergies  string         `json:"allergies,omitempty"` // アレルギー・配慮事項
	CareNotes  string         `json:"care_notes,omitempty"`
	Pickups    []PickupPerson `json:"pickups,omitempty"` // お迎え可能者
	Archived   bool           `json:"archived,omitempty"`
	Forgotten  bool           `json:"forgotten,omitempty"`
}

// ChildInput is what staff type for a child.
type ChildInput struct {
	GuardianID               uint64
	Name, Reading, BirthDate string
	Allergies, CareNotes     string
	Pickups                  []PickupPerson
}

// NewChild validates a child. today bounds the birth date (no future births, under 13).
func NewChild(in ChildInput, today Date) (Child, error) {
	var errs FieldErrors
	c := Child{GuardianID: in.GuardianID}
	if in.GuardianID == 0 {
		errs.add(Invalid("guardian", "保護者を選んでください", "Choose the guardian"))
	}
	c.Name, _ = validateName("name", in.Name, &errs)
	if r, err := ValidateReading(in.Reading); err != nil {
		errs.add(asError(err))
	} else {
		c.Reading = r
	}
	if d, err := ParseDate(in.BirthDate); err != nil {
		errs.add(Invalid("birth_date", "生年月日は 2023-04-01 の形で入力してください", "Enter the birth date as YYYY-MM-DD"))
	} else if d.After(today) {
		errs.add(Invalid("birth_date", "生年月日が未来の日付です", "The birth date is in the future"))
	} else if d.AgeOn(today) >= 13 {
		errs.add(Invalid("birth_date", "キッズスペースは12歳までです", "The kids space is for children up to 12"))
	} else {
		c.BirthDate = d
	}
	c.Allergies = strings.TrimSpace(in.Allergies)
	errs.add(checkLen("allergies", c.Allergies, MaxNoteRunes))
	c.CareNotes = strings.TrimSpace(in.CareNotes)
	errs.add(checkLen("care_notes", c.CareNotes, MaxNoteRunes))
	for _, p := range in.Pickups {
		n := NormalizeName(p.Name)
		rel := NormalizeName(p.Relation)
		if n == "" && rel == "" {
			continue
		}
		if n == "" || rel == "" {
			errs.add(Invalid("pickups", "お迎え可能者は氏名と続柄の両方を入力してください", "A pick-up person needs both a name and a relation"))
			continue
		}
		c.Pickups = append(c.Pickups, PickupPerson{Name: n, Relation: rel})
	}
	return c, errs.Err()
}

// DisplayName is the child's name as shown: a placeholder once their data was erased.
func (c Child) DisplayName() string {
	if c.Forgotten {
		return fmt.Sprintf("（削除済み #%d）", c.ID)
	}
	return c.Name
}

// HasAllergy reports whether the child has allergy or care notes staff must see.
func (c Child) HasAllergy() bool { return c.Allergies != "" || c.CareNotes != "" }
