package audit

import (
	"strings"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// FilterInput is the filter form as typed.
type FilterInput struct {
	From, To, Staff, Kind, Ref string
}

// InputOf writes a filter back as form text in the language.
func InputOf(f store.AuditFilter, l model.Lang) FilterInput {
	in := FilterInput{From: f.From.String(), To: f.To.String(), Staff: f.Staff, Ref: f.Ref}
	if f.Kind != "" {
		in.Kind = kindLabel(f.Kind, l)
	}
	return in
}

// kinds are the record kinds an entry can be about, for the kind field.
func kinds() []model.Kind {
	return append(store.RecordKinds(), model.KindSettings, store.KindDatabase)
}

// ParseKind reads a record kind typed as its code ("booking") or its label in either language
// ("予約", "Booking").
func ParseKind(s string) (model.Kind, bool) {
	s = strings.ToLower(model.NormalizeName(s))
	for _, k := range kinds() {
		if s == string(k) || s == strings.ToLower(k.Label(model.JA)) || s == strings.ToLower(k.Label(model.EN)) || s == kindLabel(k, model.JA) {
			return k, true
		}
	}
	return "", false
}

// kindLabel is Kind.Label, with a name for the whole-database entries (exports, restores).
func kindLabel(k model.Kind, l model.Lang) string {
	if k == store.KindDatabase {
		return l.Pick("データベース", "database")
	}
	return k.Label(l)
}

// ParseFilter validates the filter form: dates as 2026-11-25 (full-width digits folded), the
// "to" date not before the "from" date, a known record kind. Empty fields do not filter.
func ParseFilter(in FilterInput) (store.AuditFilter, error) {
	var errs model.FieldErrors
	f := store.AuditFilter{Limit: Limit}
	if s := strings.TrimSpace(in.From); s != "" {
		d, err := model.ParseDate(s)
		if err != nil {
			errs = append(errs, model.Invalid("from", "日付は 2026-11-01 の形で入力してください", "Enter the date as YYYY-MM-DD"))
		}
		f.From = d
	}
	if s := strings.TrimSpace(in.To); s != "" {
		d, err := model.ParseDate(s)
		if err != nil {
			errs = append(errs, model.Invalid("to", "日付は 2026-11-30 の形で入力してください", "Enter the date as YYYY-MM-DD"))
		} else if !f.From.IsZero() && d.Before(f.From) {
			errs = append(errs, model.Invalid("to", "終わりの日付が始めの日付より前です", "The end date is before the start date"))
		}
		f.To = d
	}
	f.Staff = model.NormalizeName(in.Staff)
	if s := strings.TrimSpace(in.Kind); s != "" {
		k, ok := ParseKind(s)
		if !ok {
			errs = append(errs, model.Invalid("kind", "種類が分かりません（利用者、子ども、来館、予約、案件 など）", "Unknown kind (person, child, visit, booking, job, ...)"))
		}
		f.Kind = k
	}
	f.Ref = strings.TrimPrefix(strings.TrimSpace(model.NormalizeName(in.Ref)), "#")
	if err := errs.Err(); err != nil {
		return store.AuditFilter{Limit: Limit}, err
	}
	return f, nil
}
