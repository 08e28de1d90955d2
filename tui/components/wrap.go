package components

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks plain text into lines of at most w cells, for Japanese and English alike: English
// between words, Japanese between any two characters; never inside a run of ASCII letters,
// digits and marks (a key like ctrl+s, a time, a phone number), never with closing punctuation
// (。、）」) at a line's start and never with an opening bracket (（「) at a line's end, unless
// the line has no other place to break (a run, or a run and its punctuation, wider than w). Then
// the run is cut where the punctuation still keeps its place, and only a line too narrow for a
// character and its punctuation together starts with the punctuation. A line is wider than w only
// when a single character (with any indentation before it) is: at width 1 a double-width
// character takes a line of its own. Spaces at the start of the text are kept (indentation),
// those at a break dropped, trailing ones too; newlines in text are kept. Nothing else is lost:
// the lines joined give back the text without those spaces.
func Wrap(text string, w int) []string { return wrap(text, w, false) }

// WrapPhrases is Wrap for a question or a note read at a glance: a line breaks where a phrase
// ends (outside brackets: at a space, after 。、？！ or a closing bracket, before an opening
// bracket) whenever it has such a place that leaves the line at least a quarter of the width,
// even if the line is then short, so that it never ends 「チェックインし」 with 「ますか？」 on
// the next. A line with no such place breaks between any two characters, as Wrap does (so
// 回「…」 does not leave 回 alone on a line).
func WrapPhrases(text string, w int) []string { return wrap(text, w, true) }

func wrap(text string, w int, phrases bool) []string {
	if w <= 0 {
		return strings.Split(text, "\n")
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapLine(para, w, phrases)...)
	}
	return out
}

const (
	opening = "（「『【〔"
	closing = "）」』】〕"
	stops   = "。、，．！？"
	// noLineStart are the characters a line must not begin with.
	noLineStart = stops + closing
	// noLineEnd are the characters a line must not end with.
	noLineEnd = opening
)

// oneOf reports whether t is a single character of set.
func oneOf(t, set string) bool {
	r, n := utf8.DecodeRuneInString(t)
	return n == len(t) && strings.ContainsRune(set, r)
}

// unit is one character (a grapheme cluster) of the text.
type unit struct {
	s     string
	w     int  // cells
	space bool // an ASCII space: dropped at a break
	word  bool // printable ASCII other than space: runs of them are kept whole
	depth int  // full-width brackets open after it
}

func units(s string) []unit {
	var us []unit
	depth := 0
	for s != "" {
		c, cw := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if c == "" {
			c, cw = s[:1], 0
		}
		s = s[len(c):]
		switch {
		case oneOf(c, opening):
			depth++
		case oneOf(c, closing):
			depth = max(0, depth-1)
		}
		us = append(us, unit{s: c, w: cw, space: c == " ", word: len(c) == 1 && c[0] > ' ' && c[0] < utf8.RuneSelf, depth: depth})
	}
	return us
}

// How good a break between two characters is: the highest found on a line wins, and then the
// last one.
const (
	breakBad    = iota + 1 // closing punctuation would start a line, or an opening bracket end one
	breakInWord            // inside a run of ASCII
	breakChar              // between two characters (Japanese), or at a space inside brackets
	breakPhrase            // outside brackets: at a space, after 。、？！ or a closing bracket, before an opening one
)

// breakLevel is how good a break between a and b is; spaced when spaces lie between them. Only
// with phrases is a break where a phrase ends better than another.
func breakLevel(a, b unit, spaced, phrases bool) int {
	switch {
	case oneOf(b.s, noLineStart) || oneOf(a.s, noLineEnd):
		return breakBad
	case !spaced && a.word && b.word:
		return breakInWord
	case phrases && a.depth == 0 && (spaced || oneOf(a.s, noLineStart) || oneOf(b.s, opening)):
		return breakPhrase
	default:
		return breakChar
	}
}

func join(us []unit) string {
	var b strings.Builder
	for _, u := range us {
		b.WriteString(u.s)
	}
	return b.String()
}

func wrapLine(para string, w int, phrases bool) []string {
	us := units(para)
	var out []string
	s := 0 // the start of the line being made
	for {
		// e: the first character that does not fit (always at least one non-space is taken)
		e, fill, pending, taken := s, 0, 0, false
		for ; e < len(us); e++ {
			if us[e].space {
				pending += us[e].w
				continue
			}
			if taken && fill+pending+us[e].w > w {
				break
			}
			fill, pending, taken = fill+pending+us[e].w, 0, true
		}
		if e == len(us) {
			return append(out, strings.TrimRight(join(us[s:]), " "))
		}
		// The best break: between two consecutive non-spaces p and q, q no further than e. There
		// is one, as a non-space before e was taken.
		bestP, bestQ, best := s, e, 0
		p, lw := -1, 0 // lw: the width of the line up to p
		for q := s; q <= e; q++ {
			if us[q].space {
				continue
			}
			if p >= 0 {
				if l := breakLevel(us[p], us[q], q > p+1, phrases && 4*lw >= w); l >= best {
					bestP, bestQ, best = p, q, l
				}
			}
			for i := max(p+1, s); i <= q; i++ {
				lw += us[i].w
			}
			p = q
		}
		out = append(out, strings.TrimRight(join(us[s:bestP+1]), " "))
		s = bestQ
	}
}
