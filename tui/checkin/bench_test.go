package checkin_test

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/components"
)

// syntheticPeople makes n people with kanji names and hiragana readings, in the proportions of
// a real roster: common surnames repeat, given names vary.
func syntheticPeople(n int) []model.Person {
	surnames := [][2]string{
		{"山田", "やまだ"}, {"佐藤", "さとう"}, {"鈴木", "すずき"}, {"高橋", "たかはし"}, {"田中", "たなか"},
		{"伊藤", "いとう"}, {"渡辺", "わたなべ"}, {"山本", "やまもと"}, {"中村", "なかむら"}, {"小林", "こばやし"},
		{"加藤", "かとう"}, {"吉田", "よしだ"}, {"山口", "やまぐち"}, {"松本", "まつもと"}, {"井上", "いのうえ"},
		{"木村", "きむら"}, {"林", "はやし"}, {"斎藤", "さいとう"}, {"清水", "しみず"}, {"山崎", "やまざき"},
		{"森", "もり"}, {"池田", "いけだ"}, {"橋本", "はしもと"}, {"阿部", "あべ"}, {"石川", "いしかわ"},
		{"山下", "やました"}, {"中島", "なかじま"}, {"石井", "いしい"}, {"小川", "おがわ"}, {"前田", "まえだ"},
		{"岡田", "おかだ"}, {"長谷川", "はせがわ"}, {"藤田", "ふじた"}, {"後藤", "ごとう"}, {"近藤", "こんどう"},
		{"村上", "むらかみ"}, {"遠藤", "えんどう"}, {"青木", "あおき"}, {"坂本", "さかもと"}, {"強矢", "すねや"},
	}
	given := [][2]string{
		{"花子", "はなこ"}, {"美咲", "みさき"}, {"恵子", "けいこ"}, {"由美", "ゆみ"}, {"さくら", "さくら"},
		{"真理", "まり"}, {"優子", "ゆうこ"}, {"愛", "あい"}, {"千春", "ちはる"}, {"由香", "ゆか"},
		{"明美", "あけみ"}, {"奈々", "なな"}, {"千尋", "ちひろ"}, {"彩", "あや"}, {"舞", "まい"},
		{"香織", "かおり"}, {"直美", "なおみ"}, {"智子", "ともこ"}, {"陽子", "ようこ"}, {"麻衣", "まい"},
		{"瞳", "ひとみ"}, {"絵里", "えり"}, {"恵", "めぐみ"}, {"里美", "さとみ"}, {"美穂", "みほ"},
		{"亜希", "あき"}, {"志保", "しほ"}, {"友美", "ともみ"}, {"健一", "けんいち"}, {"典子", "のりこ"},
		{"一郎", "いちろう"}, {"翔太", "しょうた"}, {"大輔", "だいすけ"}, {"陽翔", "はると"}, {"結衣", "ゆい"},
		{"蓮", "れん"}, {"芽依", "めい"}, {"湊", "みなと"}, {"凛", "りん"}, {"大和", "やまと"},
	}
	out := make([]model.Person, n)
	for i := range out {
		s := surnames[(i*7)%len(surnames)]
		g := given[(i/len(surnames)+i*3)%len(given)]
		out[i] = model.Person{ID: uint64(i + 1), Name: s[0] + " " + g[0], Reading: s[1] + " " + g[1],
			Roles: []model.Role{model.RoleTrainee}, Created: time.Date(2026, 4, 1, 0, 0, 0, 0, model.Tokyo)}
	}
	return out
}

// BenchmarkSearchKeystroke is the search work of one keystroke at the counter over 10,000
// people (kanji names, hiragana readings), for what has been typed so far. Target: ≤ 1 ms.
//
//   - find: components.Searcher.Find, what the counter's PersonPicker runs per keystroke (the
//     people are indexed once, when they are loaded);
//   - picker: a whole keystroke through the PersonPicker (the text field, then the search);
//   - filter: components.Filter, which also builds the index on every call (the convenience
//     for small lists; shown for comparison, not used per keystroke).
func BenchmarkSearchKeystroke(b *testing.B) {
	people := syntheticPeople(10000)
	queries := []string{"y", "ya", "yamad", "やま", "山田"}
	s := components.NewSearcher(people)
	for _, q := range queries {
		b.Run("find/"+q, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for i := 0; i < b.N; i++ {
				n = len(s.Find(q))
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
	for _, q := range queries {
		b.Run("picker/"+q, func(b *testing.B) {
			p := components.NewPersonPicker(model.JA, "> ")
			p.SetPeople(people)
			r := []rune(q)
			prefix, last := string(r[:len(r)-1]), r[len(r)-1]
			p.Input.SetValue(prefix)
			key := tea.KeyPressMsg{Code: last, Text: string(last)}
			back := tea.KeyPressMsg{Code: tea.KeyBackspace}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				p, _ = p.Update(key) // the keystroke measured
				b.StopTimer()
				p, _ = p.Update(back)
				b.StartTimer()
			}
			b.StopTimer()
			p, _ = p.Update(key)
			b.ReportMetric(float64(p.Count()), "matches")
		})
	}
	for _, q := range queries {
		b.Run("filter/"+q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				components.Filter(people, q)
			}
		})
	}
}

// TestSyntheticPeopleAreSearchable keeps the benchmark honest: the synthetic roster is varied and
// the queries find what they should.
func TestSyntheticPeopleAreSearchable(t *testing.T) {
	people := syntheticPeople(10000)
	names := map[string]bool{}
	for _, p := range people {
		names[p.Name] = true
		if _, err := model.ValidateReading(p.Reading); err != nil {
			t.Fatalf("%s: %v", p.Reading, err)
		}
	}
	if len(names) < 1000 {
		t.Errorf("only %d distinct names", len(names))
	}
	for _, q := range []string{"y", "ya", "yamad", "やま", "山田"} {
		res := components.Filter(people, q)
		if len(res) == 0 || len(res) == len(people) && q != "y" {
			t.Errorf("%q: %d matches", q, len(res))
		}
		if !slices.ContainsFunc(res, func(r components.Result) bool { return r.Person.Reading[:len("やま")] == "やま" }) {
			t.Errorf("%q finds no やま…", q)
		}
	}
}
