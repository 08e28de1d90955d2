package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Japanese text helpers: name and reading normalisation, romaji ⇄ kana, and the search used by
// every "find a person" box. Written in-house; nothing here allocates per person searched.

const (
	longMark = 'ー' // U+30FC, kept as is in readings
	sokuon   = "っ"
	hatsuon  = "ん"
)

// NormalizeName folds full-width ASCII and half-width katakana (width.Fold), composes to NFC,
// trims, and collapses every run of white space (incl. the ideographic space) to one ASCII space;
// invalid UTF-8 becomes U+FFFD.
func NormalizeName(s string) string {
	// Invalid bytes become U+FFFD first, so NFC sees the text the result will hold.
	s = norm.NFC.String(width.Fold.String(strings.ToValidUTF8(s, "\uFFFD")))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// NormalizeReading normalises like NormalizeName and turns katakana (ァ–ヶ, ヴ) into hiragana,
// keeping ー, so "ﾔﾏﾀﾞ ﾊﾅｺ", "ヤマダ　ハナコ" and "やまだ はなこ" all become "やまだ はなこ".
func NormalizeReading(s string) string {
	return toHiragana(NormalizeName(s))
}

// toHiragana maps katakana ァ(U+30A1)…ヶ(U+30F6) to hiragana ぁ(U+3041)…ゖ(U+3096).
func toHiragana(s string) string {
	if !strings.ContainsFunc(s, isKatakana) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isKatakana(r) {
			return r - 0x60
		}
		return r
	}, s)
}

func isKatakana(r rune) bool { return r >= 0x30A1 && r <= 0x30F6 }

// isHiragana reports whether r is a hiragana letter ぁ…ゖ (marks such as ゝ and ゛ excluded).
func isHiragana(r rune) bool { return r >= 0x3041 && r <= 0x3096 }

// isReading reports whether s holds only hiragana, ー and spaces, with at least one hiragana.
func isReading(s string) bool {
	kana := false
	for _, r := range s {
		switch {
		case isHiragana(r):
			kana = true
		case r == longMark || r == ' ':
		default:
			return false
		}
	}
	return kana
}

// ValidateReading returns the normalised hiragana reading of s, accepting hiragana, katakana
// (full or half width) or romaji ("yamada hanako"), or an *Error for the "reading" field.
func ValidateReading(s string) (string, error) {
	r := NormalizeReading(s)
	if r == "" {
		return "", Invalid("reading", "ふりがなを入力してください", "Enter the reading (furigana)")
	}
	if isReading(r) {
		return r, nil
	}
	if k, ok := RomajiToHiragana(r); ok && isReading(k) {
		return k, nil
	}
	return "", Invalid("reading", "ふりがなはひらがな・カタカナで入力してください", "Write the reading in hiragana or katakana")
}

// Katakana turns hiragana into katakana, for display; everything else is kept.
func Katakana(s string) string {
	return strings.Map(func(r rune) rune {
		if isHiragana(r) {
			return r + 0x60
		}
		return r
	}, s)
}

// ---- romaji → hiragana ----

// romajiTable maps every romaji syllable (Hepburn, kunrei/nihon-shiki and common IME spellings)
// to hiragana. The moraic ん and the っ of doubled consonants are handled in romajiConvert.
var romajiTable = map[string]string{
	"a": "あ", "i": "い", "u": "う", "e": "え", "o": "お",

	"ka": "か", "ki": "き", "ku": "く", "ke": "け", "ko": "こ",
	"kya": "きゃ", "kyi": "きぃ", "kyu": "きゅ", "kye": "きぇ", "kyo": "きょ",
	"kwa": "くぁ",
	"ga":  "が", "gi": "ぎ", "gu": "ぐ", "ge": "げ", "go": "ご",
	"gya": "ぎゃ", "gyi": "ぎぃ", "gyu": "ぎゅ", "gye": "ぎぇ", "gyo": "ぎょ",
	"gwa": "ぐぁ",

	"sa": "さ", "si": "し", "shi": "し", "su": "す", "se": "せ", "so": "そ",
	"sha": "しゃ", "shu": "しゅ", "she": "しぇ", "sho": "しょ",
	"sya": "しゃ", "syu": "しゅ", "sye": "しぇ", "syo": "しょ",
	"za": "ざ", "zi": "じ", "ji": "じ", "zu": "ず", "ze": "ぜ", "zo": "ぞ",
	"ja": "じゃ", "ju": "じゅ", "je": "じぇ", "jo": "じょ",
	"jya": "じゃ", "jyu": "じゅ", "jye": "じぇ", "jyo": "じょ",
	"zya": "じゃ", "zyu": "じゅ", "zye": "じぇ", "zyo": "じょ",

	"ta": "た", "ti": "ち", "chi": "ち", "tu": "つ", "tsu": "つ", "te": "て", "to": "と",
	"cha": "ちゃ", "chu": "ちゅ", "che": "ちぇ", "cho": "ちょ",
	"tya": "ちゃ", "tyu": "ちゅ", "tye": "ちぇ", "tyo": "ちょ",
	"cya": "ちゃ", "cyu": "ちゅ", "cye": "ちぇ", "cyo": "ちょ",
	"ca": "か", "ci": "し", "cu": "く", "ce": "せ", "co": "こ",
	"tsa": "つぁ", "tsi": "つぃ", "tse": "つぇ", "tso": "つぉ",
	"thi": "てぃ", "thu": "てゅ", "twu": "とぅ",
	"da": "だ", "di": "ぢ", "du": "づ", "dzu": "づ", "de": "で", "do": "ど",
	"dya": "ぢゃ", "dyu": "ぢゅ", "dye": "ぢぇ", "dyo": "ぢょ",
	"dhi": "でぃ", "dhu": "でゅ", "dwu": "どぅ",

	"na": "な", "ni": "に", "nu": "ぬ", "ne": "ね", "no": "の",
	"nya": "にゃ", "nyi": "にぃ", "nyu": "にゅ", "nye": "にぇ", "nyo": "にょ",

	"ha": "は", "hi": "ひ", "hu": "ふ", "fu": "ふ", "he": "へ", "ho": "ほ",
	"hya": "ひゃ", "hyi": "ひぃ", "hyu": "ひゅ", "hye": "ひぇ", "hyo": "ひょ",
	"fa": "ふぁ", "fi": "ふぃ", "fe": "ふぇ", "fo": "ふぉ", "fyu": "ふゅ",
	"ba": "ば", "bi": "び", "bu": "ぶ", "be": "べ", "bo": "ぼ",
	"bya": "びゃ", "byi": "びぃ", "byu": "びゅ", "bye": "びぇ", "byo": "びょ",
	"pa": "ぱ", "pi": "ぴ", "pu": "ぷ", "pe": "ぺ", "po": "ぽ",
	"pya": "ぴゃ", "pyi": "ぴぃ", "pyu": "ぴゅ", "pye": "ぴぇ", "pyo": "ぴょ",
	"va": "ゔぁ", "vi": "ゔぃ", "vu": "ゔ", "ve": "ゔぇ", "vo": "ゔぉ", "vyu": "ゔゅ",

	"ma": "ま", "mi": "み", "mu": "む", "me": "め", "mo": "も",
	"mya": "みゃ", "myi": "みぃ", "myu": "みゅ", "mye": "みぇ", "myo": "みょ",

	"ya": "や", "yu": "ゆ", "ye": "いぇ", "yo": "よ",

	"ra": "ら", "ri": "り", "ru": "る", "re": "れ", "ro": "ろ",
	"rya": "りゃ", "ryi": "りぃ", "ryu": "りゅ", "rye": "りぇ", "ryo": "りょ",

	"wa": "わ", "wi": "うぃ", "we": "うぇ", "wo": "を",
	"wyi": "ゐ", "wye": "ゑ",

	// Small kana, typed with an x or l prefix.
	"xa": "ぁ", "xi": "ぃ", "xu": "ぅ", "xe": "ぇ", "xo": "ぉ",
	"la": "ぁ", "li": "ぃ", "lu": "ぅ", "le": "ぇ", "lo": "ぉ",
	"xya": "ゃ", "xyu": "ゅ", "xyo": "ょ", "lya": "ゃ", "lyu": "ゅ", "lyo": "ょ",
	"xtu": "っ", "ltu": "っ", "xtsu": "っ", "ltsu": "っ",
	"xwa": "ゎ", "lwa": "ゎ", "xka": "ゕ", "lka": "ゕ", "xke": "ゖ", "lke": "ゖ",
	"xn": "ん",
}

// romajiMaxKey is the length of the longest key in romajiTable.
const romajiMaxKey = 4

// romajiFold expands long vowels written with a macron or circumflex the way the reading is typed
// (ō → ou, ū → uu, ā → aa, ē → ei, ī → ii) and straightens typographic apostrophes.
var romajiFold = strings.NewReplacer(
	"ā", "aa", "ī", "ii", "ū", "uu", "ē", "ei", "ō", "ou",
	"â", "aa", "î", "ii", "û", "uu", "ê", "ei", "ô", "ou",
	"’", "'", "‘", "'",
)

func isVowel(c byte) bool { return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o' }

// isDoubling reports whether a doubled c is written for っ (kka, ssha, ppa, …).
func isDoubling(c byte) bool {
	switch c {
	case 'b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'p', 'r', 's', 't', 'v', 'w', 'y', 'z':
		return true
	}
	return false
}

// romajiInput prepares s for conversion: NormalizeName, lower case, long vowels expanded.
func romajiInput(s string) string {
	return romajiFold.Replace(strings.ToLower(NormalizeName(s)))
}

// RomajiToHiragana converts Hepburn or kunrei/nihon-shiki romaji to hiragana; ok is false when
// some letters cannot be converted, and kana is then the converted prefix. Hiragana and ー already
// in s are kept, "-" becomes ー and spaces are kept as single spaces.
func RomajiToHiragana(s string) (kana string, ok bool) {
	kana, rest := romajiConvert(romajiInput(s), true)
	return kana, rest == ""
}

// RomajiPrefix converts the longest convertible prefix of s (normalised and lower-cased) and
// returns the unconverted tail, as search-as-you-type needs ("yamad" → "やま", "d"); a trailing
// lone "n" is left in rest, since it may yet become な, に, … or ん.
func RomajiPrefix(s string) (kana string, rest string) {
	return romajiConvert(romajiInput(s), false)
}

// romajiConvert converts s (already lower-cased) from the left; final says whether a lone "n" at
// the end is ん (true) or still being typed (false).
func romajiConvert(s string, final bool) (string, string) {
	var b strings.Builder
	b.Grow(len(s) * 2)
	i := 0
loop:
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isHiragana(r) && r != longMark {
				break
			}
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		switch {
		case c == ' ':
			b.WriteByte(' ')
			i++
			continue
		case c == '-':
			b.WriteRune(longMark)
			i++
			continue
		case c == 'n':
			if i+1 == len(s) {
				if !final {
					break loop
				}
				b.WriteString(hatsuon)
				i++
				continue
			}
			switch next := s[i+1]; {
			case next == '\'':
				b.WriteString(hatsuon)
				i += 2
				continue
			case next == 'n':
				// "nn" before a vowel or y is ん + the n-syllable (Hepburn "shinnosuke");
				// elsewhere it is the IME spelling of ん.
				b.WriteString(hatsuon)
				if i+2 < len(s) && (isVowel(s[i+2]) || s[i+2] == 'y') {
					i++
				} else {
					i += 2
				}
				continue
			case isVowel(next) || next == 'y':
				// na, nya, … from the table below
			default:
				b.WriteString(hatsuon)
				i++
				continue
			}
		case c == 'm' && i+1 < len(s) && (s[i+1] == 'b' || s[i+1] == 'm' || s[i+1] == 'p'):
			// Hepburn writes ん before b, m, p as m: shimbun, Namba, Homma.
			b.WriteString(hatsuon)
			i++
			continue
		case isDoubling(c) && i+1 < len(s) && (s[i+1] == c || c == 't' && s[i+1] == 'c' && i+2 < len(s) && s[i+2] == 'h'):
			b.WriteString(sokuon)
			i++
			continue
		}
		n := min(romajiMaxKey, len(s)-i)
		for ; n > 0; n-- {
			if k, ok := romajiTable[s[i:i+n]]; ok {
				b.WriteString(k)
				i += n
				continue loop
			}
		}
		break
	}
	return b.String(), s[i:]
}

// ---- hiragana → romaji ----

// kanaRomaji maps hiragana (one or two letters) to Hepburn romaji.
var kanaRomaji = func() map[string]string {
	m := map[string]string{}
	rows := []string{
		"あa", "いi", "うu", "えe", "おo",
		"かka", "きki", "くku", "けke", "こko", "がga", "ぎgi", "ぐgu", "げge", "ごgo",
		"さsa", "しshi", "すsu", "せse", "そso", "ざza", "じji", "ずzu", "ぜze", "ぞzo",
		"たta", "ちchi", "つtsu", "てte", "とto", "だda", "ぢji", "づzu", "でde", "どdo",
		"なna", "にni", "ぬnu", "ねne", "のno",
		"はha", "ひhi", "ふfu", "へhe", "ほho", "ばba", "びbi", "ぶbu", "べbe", "ぼbo",
		"ぱpa", "ぴpi", "ぷpu", "ぺpe", "ぽpo",
		"まma", "みmi", "むmu", "めme", "もmo",
		"やya", "ゆyu", "よyo",
		"らra", "りri", "るru", "れre", "ろro",
		"わwa", "ゐi", "ゑe", "をo", "ゔvu",
		"ぁxa", "ぃxi", "ぅxu", "ぇxe", "ぉxo", "ゃxya", "ゅxyu", "ょxyo", "ゎxwa", "ゕxka", "ゖxke",
		// Two-letter sounds that are not a plain yōon.
		"しぇshe", "ちぇche", "じぇje", "いぇye",
		"ふぁfa", "ふぃfi", "ふぇfe", "ふぉfo", "ふゅfyu",
		"てぃti", "でぃdi", "とぅtu", "どぅdu", "てゅtyu", "でゅdyu",
		"うぃwi", "うぇwe", "うぉwo",
		"ゔぁva", "ゔぃvi", "ゔぇve", "ゔぉvo", "ゔゅvyu",
		"つぁtsa", "つぃtsi", "つぇtse", "つぉtso",
		"くぁkwa", "ぐぁgwa",
	}
	for _, row := range rows {
		_, size := utf8.DecodeRuneInString(row)
		if r, s2 := utf8.DecodeRuneInString(row[size:]); r >= 0x3000 {
			size += s2
		}
		m[row[:size]] = row[size:]
	}
	// Yōon: き+ゃ → kya, し+ゃ → sha, じ+ゃ → ja, ち+ゃ → cha.
	for _, k := range []string{"き", "ぎ", "し", "じ", "ち", "ぢ", "に", "ひ", "び", "ぴ", "み", "り"} {
		stem := strings.TrimSuffix(m[k], "i")
		if stem != "sh" && stem != "ch" && stem != "j" {
			stem += "y"
		}
		for small, v := range map[string]string{"ゃ": "a", "ゅ": "u", "ょ": "o"} {
			m[k+small] = stem + v
		}
	}
	return m
}()

// Romaji writes hiragana (or katakana) in lower-case Hepburn romaji for an English UI: っ doubles
// the next consonant (っち → tchi), ん is n (n' before a vowel or y), ー is "-"; other text is kept.
func Romaji(s string) string {
	s = toHiragana(s)
	// Split into syllables first, so っ and ん can look at what follows.
	type syl struct{ kana, roma string }
	var syls []syl
	for i := 0; i < len(s); {
		_, n1 := utf8.DecodeRuneInString(s[i:])
		if i+n1 < len(s) {
			_, n2 := utf8.DecodeRuneInString(s[i+n1:])
			if r, ok := kanaRomaji[s[i:i+n1+n2]]; ok {
				syls = append(syls, syl{s[i : i+n1+n2], r})
				i += n1 + n2
				continue
			}
		}
		k := s[i : i+n1]
		syls = append(syls, syl{k, kanaRomaji[k]})
		i += n1
	}
	var b strings.Builder
	for j, x := range syls {
		next := ""
		if j+1 < len(syls) {
			next = syls[j+1].roma
		}
		switch {
		case x.kana == sokuon:
			switch {
			case strings.HasPrefix(next, "ch"):
				b.WriteByte('t')
			case next != "" && !isVowel(next[0]) && next[0] != 'x':
				b.WriteByte(next[0])
			default:
				b.WriteString("xtsu")
			}
		case x.kana == hatsuon:
			b.WriteByte('n')
			if next != "" && (isVowel(next[0]) || next[0] == 'y') {
				b.WriteByte('\'')
			}
		case x.kana == string(longMark):
			b.WriteByte('-')
		case x.roma != "":
			b.WriteString(x.roma)
		default:
			b.WriteString(x.kana)
		}
	}
	return b.String()
}

// ---- search ----

// Query is a parsed search box entry, ready to Match against many people without allocating.
type Query struct {
	Raw     string // what was typed
	Name    string // NormalizeName(Raw), ASCII lower-cased
	Kana    string // the hiragana form (from kana or romaji), spaces removed
	Pending string // romaji still being typed after Kana ("d" in "yamad")

	kana    bool     // Kana/Pending are usable against readings
	nameKey string   // Name without spaces
	short   bool     // one letter typed so far: only prefix (and kanji substring) matches count; "" matches everything (also for the zero Query)
	next    []string // kana that Pending may become; the reading must continue with one of them
}

// ParseQuery prepares a search: the normalised name form and, when the entry is kana or romaji,
// its hiragana form and any romaji still being typed.
func ParseQuery(s string) Query {
	q := Query{Raw: s}
	n := NormalizeName(s)
	q.Name = lowerASCII(n)
	if q.Name == "" {
		return q
	}
	q.nameKey = strings.ReplaceAll(q.Name, " ", "")
	r := toHiragana(q.Name)
	switch {
	case isReading(r):
		q.Kana = strings.ReplaceAll(r, " ", "")
		q.kana = true
	case hasASCIILetter(r):
		k, rest := RomajiPrefix(r)
		q.Kana = strings.ReplaceAll(k, " ", "")
		q.Pending = rest
		if rest == "" {
			q.kana = q.Kana != ""
		} else {
			q.next = pendingKana(rest)
			q.kana = len(q.next) > 0
		}
	}
	q.short = utf8.RuneCountInString(q.nameKey) < 2
	return q
}

// pendingKana lists the kana that the unfinished romaji p can still become ("d" → だ, ぢ, づ, で,
// ど, …; "n" also ん; "k" also っか, …), dropping any that another in the list is a prefix of.
func pendingKana(p string) []string {
	var out []string
	add := func(k string) {
		for _, o := range out {
			if strings.HasPrefix(k, o) {
				return
			}
		}
		kept := out[:0]
		for _, o := range out {
			if !strings.HasPrefix(o, k) {
				kept = append(kept, o)
			}
		}
		out = append(kept, k)
	}
	from := func(p, prefix string) {
		for key, k := range romajiTable {
			if strings.HasPrefix(key, p) {
				add(prefix + k)
			}
		}
	}
	from(p, "")
	if p == "n" || p == "m" {
		add(hatsuon)
	}
	if isDoubling(p[0]) {
		// A consonant that may yet be doubled: "hok" → ほっか…, "matc" → まっち….
		sub := p
		if strings.HasPrefix(p, "tc") {
			sub = p[1:]
		}
		from(sub, sokuon)
	}
	return out
}

func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Match reports whether a person with the normalised name and hiragana reading fits the query,
// and how well (lower is better): 0 the reading starts with the kana, 1 the name starts with the
// name form, 2 either contains it, 3 it is a subsequence of either. Spaces are ignored and ASCII
// letters in name compare without case; the empty query matches everything at rank 0.
func (q Query) Match(name, reading string) (rank int, ok bool) {
	if q.nameKey == "" {
		return 0, true
	}
	if q.kana && q.kanaAt(reading) {
		return 0, true
	}
	if matchPrefix(name, q.nameKey) >= 0 {
		return 1, true
	}
	if q.short {
		// One letter matches almost everyone somewhere: list only prefix matches, and people
		// whose name holds a typed kanji ("山" finds 中山 too).
		if q.nameKey[0] >= 0x80 && !q.kana && containsKey(name, q.nameKey) {
			return 2, true
		}
		return 0, false
	}
	// A substring is also a subsequence: test the cheaper, rarer subsequence first.
	kanaFuzzy := q.kana && q.kanaFuzzy(reading)
	nameFuzzy := subsequence(name, q.nameKey) >= 0
	switch {
	case !kanaFuzzy && !nameFuzzy:
		return 0, false
	case kanaFuzzy && q.kanaContains(reading), nameFuzzy && containsKey(name, q.nameKey):
		return 2, true
	}
	return 3, true
}

// kanaAt reports whether s starts with Kana followed by one of the pending kana.
func (q *Query) kanaAt(s string) bool {
	e := matchPrefix(s, q.Kana)
	return e >= 0 && q.pendingAt(s[e:])
}

// pendingAt reports whether s starts with one of the kana Pending can become (true when none is
// pending).
func (q *Query) pendingAt(s string) bool {
	if q.Pending == "" {
		return true
	}
	for _, k := range q.next {
		if matchPrefix(s, k) >= 0 {
			return true
		}
	}
	return false
}

// kanaContains reports whether Kana, followed by a pending kana, occurs anywhere in s.
func (q *Query) kanaContains(s string) bool {
	if q.Kana == "" {
		return q.pendingIn(s)
	}
	for i := 0; i < len(s); {
		k := indexFirst(s[i:], q.Kana)
		if k < 0 {
			return false
		}
		if q.kanaAt(s[i+k:]) {
			return true
		}
		i += k + 1
	}
	return false
}

// kanaFuzzy reports whether the letters of Kana occur in order in s, followed later by a pending
// kana.
func (q *Query) kanaFuzzy(s string) bool {
	e := subsequence(s, q.Kana)
	return e >= 0 && (q.Pending == "" || q.pendingIn(s[e:]))
}

// pendingIn reports whether one of the kana Pending can become occurs in s.
func (q *Query) pendingIn(s string) bool {
	for _, k := range q.next {
		if containsKey(s, k) {
			return true
		}
	}
	return false
}

// matchPrefix matches p (no spaces, ASCII lower case) against the start of s, skipping spaces in
// s and folding its ASCII upper case; it returns the index in s just past the match, or -1.
func matchPrefix(s, p string) int {
	i := 0
	for j := 0; j < len(p); j++ {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			return -1
		}
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[j] {
			return -1
		}
		i++
	}
	return i
}

// containsKey reports whether p (non-empty) occurs in s, as matchPrefix compares.
func containsKey(s, p string) bool {
	for i := 0; i < len(s); {
		k := indexFirst(s[i:], p)
		if k < 0 {
			return false
		}
		if matchPrefix(s[i+k:], p) >= 0 {
			return true
		}
		i += k + 1
	}
	return false
}

// subsequence matches the characters of p in order, not necessarily adjacent, in s (ASCII case
// folded); it returns the index in s just past the last one, or -1.
func subsequence(s, p string) int {
	i := 0
	for j := 0; j < len(p); {
		n := min(runeLen(p[j]), len(p)-j)
		k := indexFold(s[i:], p[j:j+n])
		if k < 0 {
			return -1
		}
		i += k + n
		j += n
	}
	return i
}

// indexFirst returns the index in s of the first character of p (non-empty), or -1.
func indexFirst(s, p string) int {
	return indexFold(s, p[:min(runeLen(p[0]), len(p))])
}

// indexFold returns the index of the character c (its UTF-8 bytes) in s, or -1; an ASCII
// letter c (lower case) also matches its upper case. A plain loop from character to character:
// s is a short, valid UTF-8 name or reading.
func indexFold(s, c string) int {
	c0 := c[0]
	if len(c) == 1 {
		up := c0
		if c0 >= 'a' && c0 <= 'z' {
			up = c0 - ('a' - 'A')
		}
		for i := 0; i < len(s); i += runeLen(s[i]) {
			if b := s[i]; b == c0 || b == up {
				return i
			}
		}
		return -1
	}
	// Kana share their first byte: test the last one first.
	n := len(c)
	last := c[n-1]
	for i := 0; i+n <= len(s); i += runeLen(s[i]) {
		if s[i+n-1] == last && s[i] == c0 && s[i+1:i+n-1] == c[1:n-1] {
			return i
		}
	}
	return -1
}

// runeLen returns the length of the UTF-8 sequence that starts with b.
func runeLen(b byte) int {
	switch {
	case b < 0xC0:
		return 1
	case b < 0xE0:
		return 2
	case b < 0xF0:
		return 3
	}
	return 4
}
