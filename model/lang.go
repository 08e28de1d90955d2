package model

import "strings"

// Lang is the language staff read the app in.
type Lang int

const (
	// JA is Japanese, the default.
	JA Lang = iota
	// EN is English.
	EN
)

// ParseLang reads a --lang flag or a LANG value ("ja", "en_US.UTF-8", …). Anything that is not
// clearly English is Japanese: the counter is in Japan.
func ParseLang(s string) Lang {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(s, "en") {
		return EN
	}
	return JA
}

// String returns the flag form of the language.
func (l Lang) String() string {
	if l == EN {
		return "en"
	}
	return "ja"
}

// Pick returns ja or en for the language.
func (l Lang) Pick(ja, en string) string {
	if l == EN {
		return en
	}
	return ja
}

// Text is a string in both languages.
type Text struct {
	JA, EN string
}

// T builds a Text.
func T(ja, en string) Text { return Text{JA: ja, EN: en} }

// In returns the text in the given language.
func (t Text) In(l Lang) string { return l.Pick(t.JA, t.EN) }
