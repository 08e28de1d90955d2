package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"山田 花子", "山田 花子"},
		{"  山田　　花子  ", "山田 花子"},
		{"山田\t\n花子", "山田 花子"},
		{"ｙａｍａｄａ　ＨＡＮＡＫＯ", "yamada HANAKO"},
		{"ﾔﾏﾀﾞ ﾊﾅｺ", "ヤマダ ハナコ"},
		{"ﾊﾟﾝ", "パン"},
		{"ｶﾞｯｺｳ", "ガッコウ"},
		{"ｳﾞｧｲｵﾘﾝ", "ヴァイオリン"},
		{"ﾗｰﾒﾝ", "ラーメン"},
		{"カ\u3099", "ガ"},       // decomposed dakuten composes
		{"Jose\u0301", "José"}, // NFC
		{"０４９４－７５", "0494-75"}, // full-width digits and hyphen-minus
		{"", ""},
		{"　 \t", ""},
		{"😀 さん", "😀 さん"},
	}
	for _, tt := range tests {
		if got := NormalizeName(tt.in); got != tt.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeReading(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ヤマダ ハナコ", "やまだ はなこ"},
		{"ﾔﾏﾀﾞ ﾊﾅｺ", "やまだ はなこ"},
		{"やまだ　はなこ", "やまだ はなこ"},
		{"ヤマダ　　ﾊﾅｺ ", "やまだ はなこ"},
		{"ﾊﾟﾊﾟ", "ぱぱ"},
		{"ｶﾞｸ", "がく"},
		{"ヴィ", "ゔぃ"},
		{"ヶ", "ゖ"},
		{"ラーメン", "らーめん"},
		{"ﾗｰﾒﾝ", "らーめん"},
		{"ヷ", "ヷ"}, // no hiragana form: kept
		{"yamada", "yamada"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeReading(tt.in); got != tt.want {
			t.Errorf("NormalizeReading(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValidateReading(t *testing.T) {
	ok := []struct{ in, want string }{
		{"やまだ はなこ", "やまだ はなこ"},
		{"ヤマダ ハナコ", "やまだ はなこ"},
		{"ﾔﾏﾀﾞ ﾊﾅｺ", "やまだ はなこ"},
		{"　やまだ　　はなこ　", "やまだ はなこ"},
		{"yamada hanako", "やまだ はなこ"},
		{"Yamada Hanako", "やまだ はなこ"},
		{"ｙａｍａｄａ", "やまだ"},
		{"Satō Ichirō", "さとう いちろう"},
		{"Jun'ichi", "じゅんいち"},
		{"ゆーき", "ゆーき"},
		{"やまだ hanako", "やまだ はなこ"},
	}
	for _, tt := range ok {
		got, err := ValidateReading(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ValidateReading(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	bad := []struct{ in, ja string }{
		{"", "ふりがなを入力してください"},
		{"　 ", "ふりがなを入力してください"},
		{"山田", "ふりがなはひらがな・カタカナで入力してください"},
		{"やまだ2", "ふりがなはひらがな・カタカナで入力してください"},
		{"xyz", "ふりがなはひらがな・カタカナで入力してください"},
		{"yamad", "ふりがなはひらがな・カタカナで入力してください"},
		{"😀", "ふりがなはひらがな・カタカナで入力してください"},
		{"ー", "ふりがなはひらがな・カタカナで入力してください"},
		{"-", "ふりがなはひらがな・カタカナで入力してください"},
		{"'", "ふりがなはひらがな・カタカナで入力してください"},
		{"ヷ", "ふりがなはひらがな・カタカナで入力してください"},
	}
	for _, tt := range bad {
		got, err := ValidateReading(tt.in)
		var me *Error
		if !errors.As(err, &me) || !errors.Is(err, ErrInvalid) {
			t.Errorf("ValidateReading(%q) = %q, %v; want an *Error", tt.in, got, err)
			continue
		}
		if me.Field != "reading" || me.Msg.JA != tt.ja || me.Msg.EN == "" {
			t.Errorf("ValidateReading(%q) error = %+v, want field reading, %q", tt.in, me, tt.ja)
		}
	}
}

func TestRomajiToHiragana(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		// Hepburn
		{"yamada hanako", "やまだ はなこ", true},
		{"shi chi tsu fu ji", "し ち つ ふ じ", true},
		{"sha shu sho cha chu cho ja ju jo", "しゃ しゅ しょ ちゃ ちゅ ちょ じゃ じゅ じょ", true},
		{"kya kyu kyo gya nya hya bya pya mya rya", "きゃ きゅ きょ ぎゃ にゃ ひゃ びゃ ぴゃ みゃ りゃ", true},
		{"wo", "を", true},
		{"dzu", "づ", true},
		{"YAMADA", "やまだ", true},
		{"Ｙａｍａｄａ", "やまだ", true},
		// kunrei / nihon-shiki
		{"si ti tu hu zi", "し ち つ ふ じ", true},
		{"sya syu syo tya tyu tyo zya zyu zyo", "しゃ しゅ しょ ちゃ ちゅ ちょ じゃ じゅ じょ", true},
		{"di du dya dyu dyo", "ぢ づ ぢゃ ぢゅ ぢょ", true},
		{"jya cya", "じゃ ちゃ", true},
		{"tanaka tarou", "たなか たろう", true},
		// っ
		{"kka", "っか", true},
		{"hokkaido", "ほっかいど", true},
		{"ssha", "っしゃ", true},
		{"tcha", "っちゃ", true},
		{"matcha", "まっちゃ", true},
		{"itchou", "いっちょう", true},
		{"zasshi", "ざっし", true},
		{"beppu", "べっぷ", true},
		// ん
		{"hon", "ほん", true},
		{"honda", "ほんだ", true},
		{"kon'ya", "こんや", true},
		{"kon’ya", "こんや", true},
		{"konya", "こにゃ", true},
		{"konnya", "こんにゃ", true},
		{"jun'ichi", "じゅんいち", true},
		{"junichi", "じゅにち", true},
		{"shinnosuke", "しんのすけ", true},
		{"onna", "おんな", true},
		{"hann", "はん", true},
		{"konnnichiha", "こんにちは", true},
		{"shimbun", "しんぶん", true},
		{"namba", "なんば", true},
		{"homma", "ほんま", true},
		{"sempai", "せんぱい", true},
		{"kenji", "けんじ", true},
		{"n", "ん", true},
		{"nn", "ん", true},
		{"n'", "ん", true},
		// small kana
		{"xtu ltu xtsu xya xyu xyo la xi", "っ っ っ ゃ ゅ ょ ぁ ぃ", true},
		{"fa fi fe fo", "ふぁ ふぃ ふぇ ふぉ", true},
		{"va vi vu", "ゔぁ ゔぃ ゔ", true},
		// long vowels
		{"ra-men", "らーめん", true},
		{"Satō", "さとう", true},
		{"Ōno", "おうの", true},
		{"Kyōko", "きょうこ", true},
		{"yūki", "ゆうき", true},
		{"okāsan", "おかあさん", true},
		{"nēsan", "ねいさん", true},
		{"nīsan", "にいさん", true},
		{"Sato\u0304", "さとう", true}, // combining macron
		{"Satô", "さとう", true},       // kunrei circumflex
		{"-", "ー", true},
		// spaces, kana kept
		{"  yamada   hanako ", "やまだ はなこ", true},
		{"やまだ hanako", "やまだ はなこ", true},
		{"", "", true},
		{"   ", "", true},
		// not convertible
		{"xyz", "", false},
		{"q", "", false},
		{"'", "", false},
		{"yamad", "やま", false},
		{"kk", "っ", false},
		{"yamada2", "やまだ", false},
		{"山田", "", false},
		{"ヤマダ", "", false},
		{"😀", "", false},
		{"yamada😀", "やまだ", false},
	}
	for _, tt := range tests {
		got, ok := RomajiToHiragana(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("RomajiToHiragana(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRomajiPrefix(t *testing.T) {
	tests := []struct{ in, kana, rest string }{
		{"yamad", "やま", "d"},
		{"yamada", "やまだ", ""},
		{"y", "", "y"},
		{"sh", "", "sh"},
		{"yaman", "やま", "n"}, // may still be な, に, … or ん
		{"yamann", "やまん", ""},
		{"kon'", "こん", ""},
		{"hokk", "ほっ", "k"},
		{"matc", "ま", "tc"},
		{"match", "まっ", "ch"},
		{"shimb", "しん", "b"},
		{"ymd", "", "ymd"},
		{"yamad hanako", "やま", "d hanako"},
		{"", "", ""},
	}
	for _, tt := range tests {
		kana, rest := RomajiPrefix(tt.in)
		if kana != tt.kana || rest != tt.rest {
			t.Errorf("RomajiPrefix(%q) = %q, %q; want %q, %q", tt.in, kana, rest, tt.kana, tt.rest)
		}
	}
}

func TestKatakana(t *testing.T) {
	tests := []struct{ in, want string }{
		{"やまだ はなこ", "ヤマダ ハナコ"},
		{"ゔぁいおりん", "ヴァイオリン"},
		{"らーめん", "ラーメン"},
		{"山田 はなこ", "山田 ハナコ"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Katakana(tt.in); got != tt.want {
			t.Errorf("Katakana(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRomaji(t *testing.T) {
	tests := []struct{ in, want string }{
		{"やまだ はなこ", "yamada hanako"},
		{"しちつふじ", "shichitsufuji"},
		{"ぢづを", "jizuo"},
		{"きょうこ", "kyouko"},
		{"しゃしん", "shashin"},
		{"じゅんいち", "jun'ichi"},
		{"こんや", "kon'ya"},
		{"こにゃ", "konya"},
		{"しんぶん", "shinbun"},
		{"まっちゃ", "matcha"},
		{"ほっかいどう", "hokkaidou"},
		{"ざっし", "zasshi"},
		{"あっ", "axtsu"},
		{"らーめん", "ra-men"},
		{"ふぁみりー", "famiri-"},
		{"ヤマダ", "yamada"},
		{"山田 はなこ", "山田 hanako"},
		{"ぁ", "xa"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Romaji(tt.in); got != tt.want {
			t.Errorf("Romaji(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRomajiRoundTrip(t *testing.T) {
	for _, r := range []string{
		"やまだ はなこ", "さとう いちろう", "すずき じゅんいち", "こんどう まっちゃ", "ほっかいどう",
		"しんのすけ", "きょうこ", "りゅうのすけ", "ちゃちゅちょ", "ぴょん", "らーめん", "ゔぁいおりん",
		"ふぁみりー", "こんや", "しんいち", "せんぱい", "かんのん", "いっぺい", "みっちゃん",
	} {
		got, ok := RomajiToHiragana(Romaji(r))
		if !ok || got != r {
			t.Errorf("RomajiToHiragana(Romaji(%q)) = %q (via %q), %v", r, got, Romaji(r), ok)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in                  string
		name, kana, pending string
	}{
		{"yamada", "yamada", "やまだ", ""},
		{"ｙａｍａｄａ", "yamada", "やまだ", ""},
		{"YAMADA Hanako", "yamada hanako", "やまだはなこ", ""},
		{"yamad", "yamad", "やま", "d"},
		{"yaman", "yaman", "やま", "n"},
		{"やまだ　はなこ", "やまだ はなこ", "やまだはなこ", ""},
		{"ヤマダ", "ヤマダ", "やまだ", ""},
		{"ﾔﾏﾀﾞ", "ヤマダ", "やまだ", ""},
		{"山田", "山田", "", ""},
		{"  ", "", "", ""},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.in)
		if q.Raw != tt.in || q.Name != tt.name || q.Kana != tt.kana || q.Pending != tt.pending {
			t.Errorf("ParseQuery(%q) = {Name %q Kana %q Pending %q}, want {%q %q %q}", tt.in, q.Name, q.Kana, q.Pending, tt.name, tt.kana, tt.pending)
		}
	}
}

func TestMatch(t *testing.T) {
	type person struct{ name, reading string }
	hanako := person{"山田 花子", "やまだ はなこ"}
	yamane := person{"山根 太郎", "やまね たろう"}
	john := person{"John Smith", "じょん すみす"}
	const no = -1
	tests := []struct {
		query string
		p     person
		rank  int // no = must not match
	}{
		{"", hanako, 0},
		{"ー", hanako, no},
		{"　", hanako, 0},
		{"yamada", hanako, 0},
		{"Yamada", hanako, 0},
		{"ｙａｍａｄａ", hanako, 0},
		{"やまだ", hanako, 0},
		{"ヤマダ", hanako, 0},
		{"ﾔﾏﾀﾞ", hanako, 0},
		{"yamada hanako", hanako, 0},
		{"やまだはなこ", hanako, 0},
		{"y", hanako, 0},
		{"ya", hanako, 0},
		{"yam", hanako, 0},
		{"yama", hanako, 0},
		{"yamad", hanako, 0},
		{"yamad", yamane, no},
		{"yaman", yamane, 0},
		{"yamane", hanako, no},
		{"山田", hanako, 1},
		{"山", hanako, 1},
		{"山田花子", hanako, 1},
		{"山田　花子", hanako, 1},
		{"hanako", hanako, 2},
		{"はなこ", hanako, 2},
		{"ハナコ", hanako, 2},
		{"hanak", hanako, 2},
		{"だは", hanako, 2}, // across the space
		{"花子", hanako, 2},
		{"やだ", hanako, 3},
		{"山子", hanako, 3},
		{"ymd", hanako, no},
		{"suzuki", hanako, no},
		{"鈴木", hanako, no},
		{"john", john, 1},
		{"JOHN", john, 1},
		{"smith", john, 2},
		{"jon", john, 0},
		{"sumisu", john, 2},
		{"jsm", john, 3},
		{"kon", person{"今野 一", "こんの はじめ"}, 0},
		{"hok", person{"北海 道子", "ほっかい みちこ"}, 0},
		{"matc", person{"松 茶子", "まっちゃ こ"}, 0},
		{"shim", person{"新聞 太郎", "しんぶん たろう"}, 0},
		{"shimbun", person{"新聞 太郎", "しんぶん たろう"}, 0},
		{"やまだ", person{"大山 大輔", "おおやま だいすけ"}, 2},
	}
	if rank, ok := (Query{}).Match(hanako.name, hanako.reading); !ok || rank != 0 {
		t.Errorf("zero Query: rank %d, %v; want 0, true", rank, ok)
	}
	for _, tt := range tests {
		q := ParseQuery(tt.query)
		rank, ok := q.Match(tt.p.name, tt.p.reading)
		switch {
		case tt.rank == no && ok:
			t.Errorf("%q vs %v: matched at rank %d, want no match", tt.query, tt.p, rank)
		case tt.rank != no && (!ok || rank != tt.rank):
			t.Errorf("%q vs %v: rank %d, %v; want %d", tt.query, tt.p, rank, ok, tt.rank)
		}
	}
}

func TestMatchAllocs(t *testing.T) {
	people := benchPeople(200)
	for _, s := range []string{"yamada", "yamad", "やま", "山田", "hanako", "xyz", "jsm"} {
		q := ParseQuery(s)
		allocs := testing.AllocsPerRun(10, func() {
			for _, p := range people {
				q.Match(p[0], p[1])
			}
		})
		if allocs != 0 {
			t.Errorf("Match(%q) allocates %v times per run", s, allocs)
		}
	}
}

// onlyReadingKana reports whether s holds only hiragana, ー and spaces.
func onlyReadingKana(s string) bool {
	for _, r := range s {
		if !(r >= 'ぁ' && r <= 'ゖ') && r != 'ー' && r != ' ' {
			return false
		}
	}
	return true
}

func FuzzRomajiToHiragana(f *testing.F) {
	for _, s := range []string{"yamada hanako", "shimbun", "kon'ya", "tcha", "xtsu", "Satō", "n", "'", "-", "yamad", "ｙａｍａｄａ", "ﾔﾏﾀﾞ", "😀", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kana, ok := RomajiToHiragana(s)
		if ok && !onlyReadingKana(kana) {
			t.Fatalf("RomajiToHiragana(%q) = %q, ok, but it is not only hiragana", s, kana)
		}
		if ok && !utf8.ValidString(kana) {
			t.Fatalf("RomajiToHiragana(%q) = %q: invalid UTF-8", s, kana)
		}
		p, rest := RomajiPrefix(s)
		if !onlyReadingKana(p) {
			t.Fatalf("RomajiPrefix(%q) = %q, %q: prefix is not only hiragana", s, p, rest)
		}
		if ok && rest != "" && rest != "n" {
			t.Fatalf("RomajiToHiragana(%q) ok but RomajiPrefix leaves %q", s, rest)
		}
	})
}

func FuzzNormalizeReading(f *testing.F) {
	for _, s := range []string{"ヤマダ ハナコ", "ﾔﾏﾀﾞ ﾊﾅｺ", "やまだ　はなこ", "ﾊﾟﾝ", "ｶﾞｸ", " \u3099", "ｳﾞ", "ヽ\u3099", "e\u0301", "\xff", "😀", "\xf0\u0340"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeName(s)
		if n2 := NormalizeName(n); n2 != n {
			t.Fatalf("NormalizeName not idempotent: %q → %q → %q (% x → % x → % x)", s, n, n2, s, n, n2)
		}
		r := NormalizeReading(s)
		if r2 := NormalizeReading(r); r2 != r {
			t.Fatalf("NormalizeReading not idempotent: %q → %q → %q", s, r, r2)
		}
		if strings.Contains(r, "  ") || strings.TrimSpace(r) != r {
			t.Fatalf("NormalizeReading(%q) = %q: spaces not collapsed", s, r)
		}
		if v, err := ValidateReading(s); err == nil {
			if !onlyReadingKana(v) || v == "" {
				t.Fatalf("ValidateReading(%q) = %q, not a hiragana reading", s, v)
			}
			if v2, err := ValidateReading(v); err != nil || v2 != v {
				t.Fatalf("ValidateReading(%q) = %q, but again = %q, %v", s, v, v2, err)
			}
		}
	})
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"yamada", "yamad", "やま", "山田", "n", "tc", "ﾔﾏﾀﾞ", "\xff", "😀"} {
		f.Add(s, "山田 花子", "やまだ はなこ")
	}
	f.Fuzz(func(t *testing.T, query, name, reading string) {
		q := ParseQuery(query)
		rank, ok := q.Match(NormalizeName(name), NormalizeReading(reading))
		if ok && (rank < 0 || rank > 3) {
			t.Fatalf("rank %d", rank)
		}
		if strings.TrimSpace(NormalizeName(query)) == "" && (!ok || rank != 0) {
			t.Fatalf("empty query %q did not match at rank 0", query)
		}
	})
}

// benchPeople builds n synthetic (name, reading) pairs.
func benchPeople(n int) [][2]string {
	surnames := [][2]string{
		{"佐藤", "さとう"}, {"鈴木", "すずき"}, {"高橋", "たかはし"}, {"田中", "たなか"}, {"伊藤", "いとう"},
		{"渡辺", "わたなべ"}, {"山本", "やまもと"}, {"中村", "なかむら"}, {"小林", "こばやし"}, {"加藤", "かとう"},
		{"吉田", "よしだ"}, {"山田", "やまだ"}, {"佐々木", "ささき"}, {"山口", "やまぐち"}, {"松本", "まつもと"},
		{"井上", "いのうえ"}, {"木村", "きむら"}, {"林", "はやし"}, {"斎藤", "さいとう"}, {"清水", "しみず"},
		{"山崎", "やまざき"}, {"森", "もり"}, {"池田", "いけだ"}, {"橋本", "はしもと"}, {"阿部", "あべ"},
		{"石川", "いしかわ"}, {"山下", "やました"}, {"中島", "なかじま"}, {"石井", "いしい"}, {"小川", "おがわ"},
		{"前田", "まえだ"}, {"岡田", "おかだ"}, {"長谷川", "はせがわ"}, {"藤田", "ふじた"}, {"後藤", "ごとう"},
		{"近藤", "こんどう"}, {"村上", "むらかみ"}, {"遠藤", "えんどう"}, {"青木", "あおき"}, {"坂本", "さかもと"},
	}
	given := [][2]string{
		{"花子", "はなこ"}, {"太郎", "たろう"}, {"一郎", "いちろう"}, {"陽菜", "ひな"}, {"蓮", "れん"},
		{"結衣", "ゆい"}, {"大翔", "ひろと"}, {"さくら", "さくら"}, {"翔太", "しょうた"}, {"美咲", "みさき"},
		{"健一", "けんいち"}, {"由美子", "ゆみこ"}, {"直樹", "なおき"}, {"恵", "めぐみ"}, {"拓也", "たくや"},
		{"明美", "あけみ"}, {"大輔", "だいすけ"}, {"真由美", "まゆみ"}, {"誠", "まこと"}, {"愛", "あい"},
		{"浩二", "こうじ"}, {"京子", "きょうこ"}, {"隆", "たかし"}, {"裕子", "ゆうこ"}, {"修", "おさむ"},
	}
	out := make([][2]string, n)
	for i := range out {
		s := surnames[i%len(surnames)]
		g := given[(i/len(surnames))%len(given)]
		out[i] = [2]string{s[0] + " " + g[0], s[1] + " " + g[1]}
	}
	return out
}

func BenchmarkMatch10000(b *testing.B) {
	people := benchPeople(10000)
	for _, query := range []string{"yamada", "やま", "山田"} {
		b.Run(query, func(b *testing.B) {
			b.ReportAllocs()
			found := 0
			for b.Loop() {
				q := ParseQuery(query)
				found = 0
				for _, p := range people {
					if _, ok := q.Match(p[0], p[1]); ok {
						found++
					}
				}
			}
			b.ReportMetric(float64(found), "matches")
		})
	}
}

func ExampleParseQuery() {
	q := ParseQuery("yamad")
	for _, p := range [][2]string{{"山田 花子", "やまだ はなこ"}, {"山根 太郎", "やまね たろう"}} {
		rank, ok := q.Match(p[0], p[1])
		fmt.Println(p[0], rank, ok)
	}
	// Output:
	// 山田 花子 0 true
	// 山根 太郎 0 false
}
