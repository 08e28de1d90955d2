package components

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks plain text into lines of at most w cells, for Japanese and English alike: English
// between words, Japanese between any two characters; never inside a run of ASCII letters,
// digits and marks (a key like ctrl+s, a time, a phone number) unless the run alone is wider
// than w; and never with closing punctuation (。、）」) at a line's start. Spaces at the start of
// the text are kept (indentation), those at a break dropped; newlines in text are kept.
func Wrap(text string, w int) []string {
	if w <= 0 {
		return strings.Split(text, "\n")
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapLine(para, w)...)
	}
	return out
}

// wrapTokens splits s into what Wrap keeps whole: runs of printable ASCII other than space, single
// spaces, and every other character on its own.
func wrapTokens(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r > ' ' && r < utf8.RuneSelf {
			j := i
			for j < len(s) && s[j] > ' ' && s[j] < utf8.RuneSelf {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
			continue
		}
		toks = append(toks, s[i:i+n])
		i += n
	}
	return toks
}

// noLineStart are the characters a line must not begin with.
const noLineStart = "。、，．）」』】〕！？"

// noLineEnd are the characters a line must not end with.
const noLineEnd = "（「『【〔"

// oneOf reports whether t is a single character of set.
func oneOf(t, set string) bool {
	r, n := utf8.DecodeRuneInString(t)
	return n == len(t) && strings.ContainsRune(set, r)
}

func wrapLine(s string, w int) []string {
	var lines [][]string
	var cur []string
	curW := 0
	flush := func() {
		for len(cur) > 0 && cur[len(cur)-1] == " " {
			cur = cur[:len(cur)-1]
		}
		lines = append(lines, cur)
		cur, curW = nil, 0
	}
	for _, t := range wrapTokens(s) {
		tw := ansi.StringWidth(t)
		switch {
		case t == " " && curW == 0 && len(lines) > 0:
			continue // no space at a wrapped line's start
		case curW+tw <= w:
		case tw > w: // a run wider than a line: cut it
			for tw > 0 {
				room := w - curW
				if room <= 0 {
					flush()
					room = w
				}
				part := ansi.Truncate(t, room, "")
				if part == "" { // a wide character that does not fit the room left
					flush()
					continue
				}
				cur, curW = append(cur, part), curW+ansi.StringWidth(part)
				t = strings.TrimPrefix(t, part)
				tw = ansi.StringWidth(t)
			}
			continue
		default:
			var carry []string // what moves down with t, so the lines start and end well
			carryW := tw
			take := func() bool {
				if len(cur) < 2 || carryW+ansi.StringWidth(cur[len(cur)-1]) > w {
					return false
				}
				last := cur[len(cur)-1]
				carry, carryW, cur = append([]string{last}, carry...), carryW+ansi.StringWidth(last), cur[:len(cur)-1]
				return true
			}
			if oneOf(t, noLineStart) { // and what came before, while that is a closer too (）。)
				for take() && oneOf(carry[0], noLineStart) {
				}
			}
			for len(cur) > 0 && oneOf(cur[len(cur)-1], noLineEnd) && take() {
			}
			flush()
			if t == " " {
				continue
			}
			for _, c := range carry {
				cur, curW = append(cur, c), curW+ansi.StringWidth(c)
			}
		}
		cur, curW = append(cur, t), curW+tw
	}
	flush()
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Join(l, "")
	}
	return out
}
