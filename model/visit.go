package model

import (
	"fmt"
	"strings"
	"time"
)

// Purpose is why a person came in.
type Purpose string

// The purposes of DOMAIN.md; PurposeCoworking is the default at the counter.
const (
	PurposeCoworking Purpose = "coworking" // コワーキング
	PurposeCourse    Purpose = "course"    // 講座
	PurposeConsult   Purpose = "consult"   // 相談
	PurposeTour      Purpose = "tour"      // 見学
	PurposeOther     Purpose = "other"     // その他
)

// Purposes lists every purpose in the order the purpose key cycles through them.
var Purposes = []Purpose{PurposeCoworking, PurposeCourse, PurposeConsult, PurposeTour, PurposeOther}

var purposeLabels = map[Purpose]Text{
	PurposeCoworking: T("コワーキング", "coworking"),
	PurposeCourse:    T("講座", "course"),
	PurposeConsult:   T("相談", "consultation"),
	PurposeTour:      T("見学", "tour"),
	PurposeOther:     T("その他", "other"),
}

// Label returns the purpose as staff call it.
func (p Purpose) Label(l Lang) string {
	if t, ok := purposeLabels[p]; ok {
		return t.In(l)
	}
	return string(p)
}

// Valid reports whether p is a known purpose.
func (p Purpose) Valid() bool { _, ok := purposeLabels[p]; return ok }

// Next returns the purpose after p, wrapping around.
func (p Purpose) Next() Purpose {
	for i, x := range Purposes {
		if x == p {
			return Purposes[(i+1)%len(Purposes)]
		}
	}
	return PurposeCoworking
}

// ParsePurpose reads a purpose from its code or label.
func ParsePurpose(s string) (Purpose, error) {
	s = strings.ToLower(NormalizeName(s))
	for _, p := range Purposes {
		if s == string(p) || s == purposeLabels[p].JA || s == purposeLabels[p].EN {
			return p, nil
		}
	}
	return "", Invalid("purpose", "目的が正しくありません（コワーキング・講座・相談・見学・その他）", "Unknown purpose (coworking, course, consultation, tour, other)")
}

// Visit is a 来館: one stay in the coworking space, open while Out is zero.
type Visit struct {
	ID       uint64    `json:"id"`
	PersonID uint64    `json:"person_id"`
	In       time.Time `json:"in"`
	Out      time.Time `json:"out,omitzero"`
	Purpose  Purpose   `json:"purpose"`
	// ClosedByDay is set when the visit was closed by "check out everyone" at closing.
	ClosedAtClosing bool `json:"closed_at_closing,omitempty"`
}

// Open reports whether the person is still in.
func (v Visit) Open() bool { return v.Out.IsZero() }

// Day returns the day the visit started (Tokyo).
func (v Visit) Day() Date { return DateOf(v.In) }

// Duration is how long the person stayed (until now while open).
func (v Visit) Duration(now time.Time) time.Duration {
	if v.Open() {
		return now.Sub(v.In)
	}
	return v.Out.Sub(v.In)
}

// NewVisit validates a check-in.
func NewVisit(personID uint64, in time.Time, p Purpose) (Visit, error) {
	if personID == 0 {
		return Visit{}, Invalid("person", "利用者を選んでください", "Choose a person")
	}
	if p == "" {
		p = PurposeCoworking
	}
	if !p.Valid() {
		return Visit{}, Invalid("purpose", "目的が正しくありません", "Unknown purpose")
	}
	return Visit{PersonID: personID, In: in.UTC().Truncate(time.Second), Purpose: p}, nil
}

// CorrectVisit validates corrected in/out times and a reason (audited by the store).
func CorrectVisit(v Visit, in, out time.Time, reason string) (Visit, error) {
	var errs FieldErrors
	if strings.TrimSpace(reason) == "" {
		errs.add(Invalid("reason", "訂正の理由を入力してください", "Give a reason for the correction"))
	}
	if in.IsZero() {
		errs.add(Invalid("in", "入館時刻を入力してください", "Enter the check-in time"))
	}
	if !out.IsZero() && !out.After(in) {
		errs.add(Invalid("out", "退館時刻は入館時刻より後にしてください", "Check-out must be after check-in"))
	}
	if !out.IsZero() && out.Sub(in) > 24*time.Hour {
		errs.add(Invalid("out", "24時間を超える来館は記録できません", "A visit cannot last more than 24 hours"))
	}
	if err := errs.Err(); err != nil {
		return v, err
	}
	v.In, v.Out = in.UTC(), out.UTC()
	return v, nil
}

// CheckCorrection refuses corrected times that cannot be true: a check-in or check-out later
// than now, or a stay overlapping another visit of the same person (others; an open one lasts
// until now).
func CheckCorrection(v Visit, now time.Time, others []Visit) error {
	if v.In.After(now) {
		return Invalid("in", "入館時刻が現在より後です", "The check-in time is later than now")
	}
	if !v.Out.IsZero() && v.Out.After(now) {
		return Invalid("out", "退館時刻が現在より後です", "The check-out time is later than now")
	}
	end := v.Out
	if end.IsZero() {
		end = now
	}
	for _, o := range others {
		if o.ID == v.ID {
			continue
		}
		oEnd := o.Out
		if oEnd.IsZero() {
			oEnd = now
		}
		if v.In.Before(oEnd) && o.In.Before(end) {
			when := HHMM(o.In) + "-" + HHMM(o.Out)
			return Conflict(fmt.Sprintf("同じ方の別の来館（%s %s）と重なります", DateOf(o.In), when),
				fmt.Sprintf("This overlaps another visit of the same person (%s %s)", DateOf(o.In), when))
		}
	}
	return nil
}
