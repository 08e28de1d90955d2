package model

import (
	"errors"
	"fmt"
	"strings"
)

// Error is an error a person can read: a short Japanese and English message, the field it is
// about (empty for the whole record) and the kind it belongs to, so callers can use errors.Is
// against the sentinels below.
type Error struct {
	Kind  error  // one of the sentinels (ErrInvalid, ErrNotFound, …)
	Field string // the field the message belongs next to, "" when it is about the record
	Msg   Text
}

// Error returns the English message, prefixed by the field; for people, use Message.
func (e *Error) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Msg.EN
	}
	return e.Msg.EN
}

// Message returns the message in the staff member's language.
func (e *Error) Message(l Lang) string { return e.Msg.In(l) }

// Unwrap lets errors.Is match the sentinel kind.
func (e *Error) Unwrap() error { return e.Kind }

// Sentinel kinds. The store wraps bbolt and decoding errors onto these with %w; the UI picks
// words with errors.Is and Message.
var (
	ErrInvalid     = errors.New("invalid input")
	ErrNotFound    = errors.New("not found")
	ErrConflict    = errors.New("conflict")
	ErrLocked      = errors.New("database locked by another process")
	ErrNewerSchema = errors.New("database written by a newer madoguchi")
	ErrNotDatabase = errors.New("not a madoguchi database")
	ErrStorage     = errors.New("storage error")
)

// Invalid builds a validation error for a field.
func Invalid(field, ja, en string) *Error {
	return &Error{Kind: ErrInvalid, Field: field, Msg: T(ja, en)}
}

// NotFound builds a not-found error for a record kind and id.
func NotFound(kind Kind, id uint64) *Error {
	return &Error{Kind: ErrNotFound, Msg: T(
		fmt.Sprintf("%s（ID %d）が見つかりません", kind.Label(JA), id),
		fmt.Sprintf("%s (ID %d) was not found", kind.Label(EN), id))}
}

// Conflict builds an error for a change that breaks a rule about other records.
func Conflict(ja, en string) *Error {
	return &Error{Kind: ErrConflict, Msg: T(ja, en)}
}

// Message returns a one-line message for any error in the given language: a *Error's own words,
// or a generic line for errors that never reached the model.
func Message(err error, l Lang) string {
	if err == nil {
		return ""
	}
	var m interface{ Message(Lang) string }
	if errors.As(err, &m) {
		return m.Message(l)
	}
	var fe FieldErrors
	if errors.As(err, &fe) {
		var s []string
		for _, e := range fe {
			s = append(s, e.Message(l))
		}
		return strings.Join(s, l.Pick("。", "; "))
	}
	return l.Pick("エラーが発生しました: ", "Error: ") + err.Error()
}

// FieldErrors collects validation errors per field, for forms that show each beside its field.
type FieldErrors []*Error

// Error joins the messages in English.
func (f FieldErrors) Error() string {
	s := ""
	for i, e := range f {
		if i > 0 {
			s += "; "
		}
		s += e.Error()
	}
	return s
}

// Unwrap makes errors.Is(f, ErrInvalid) true.
func (f FieldErrors) Unwrap() error { return ErrInvalid }

// For returns the error for a field, or nil.
func (f FieldErrors) For(field string) *Error {
	for _, e := range f {
		if e.Field == field {
			return e
		}
	}
	return nil
}

// Err returns nil when there are no errors, so constructors can end with `return v, errs.Err()`.
func (f FieldErrors) Err() error {
	if len(f) == 0 {
		return nil
	}
	return f
}

// add appends e when it is not nil.
func (f *FieldErrors) add(e *Error) {
	if e != nil {
		*f = append(*f, e)
	}
}
