package components

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
)

// Result is a person found by a search, with how well they matched (lower is better).
type Result struct {
	Person model.Person
	Rank   int
}

// Searcher finds people as staff type. It keeps the people (archived and erased ones left out)
// sorted by reading once, so a search is one pass of model.Query.Match that drops each hit into
// its rank's bucket: results come out ranked, and in reading order within a rank, without a sort
// and without copying records. Not safe for concurrent use (it reuses its buffers).
type Searcher struct {
	people  []model.Person
	buckets [4][]int32
	out     []int32
}

// NewSearcher prepares a search over people.
func NewSearcher(people []model.Person) *Searcher {
	s := &Searcher{people: make([]model.Person, 0, len(people))}
	for _, p := range people {
		if !p.Archived && !p.Forgotten {
			s.people = append(s.people, p)
		}
	}
	sort.SliceStable(s.people, func(i, j int) bool { return s.people[i].Reading < s.people[j].Reading })
	return s
}

// Find returns the indexes (for Person) of the people matching the query by name, reading or
// romaji: prefix matches on the reading or name first, then substring and fuzzy matches, in
// reading order within each rank. The slice is reused by the next Find.
func (s *Searcher) Find(query string) []int32 {
	q := model.ParseQuery(query)
	for r := range s.buckets {
		s.buckets[r] = s.buckets[r][:0]
	}
	for i := range s.people {
		p := &s.people[i]
		if r, ok := q.Match(p.Name, p.Reading); ok {
			s.buckets[min(r, 3)] = append(s.buckets[min(r, 3)], int32(i))
		}
	}
	s.out = s.out[:0]
	for r := range s.buckets {
		s.out = append(s.out, s.buckets[r]...)
	}
	return s.out
}

// Rank returns the rank of a found index (recomputed; cheap).
func (s *Searcher) Rank(query string, i int32) int {
	r, _ := model.ParseQuery(query).Match(s.people[i].Name, s.people[i].Reading)
	return r
}

// Person returns the person at a found index.
func (s *Searcher) Person(i int32) *model.Person { return &s.people[i] }

// Len returns how many people are searched.
func (s *Searcher) Len() int { return len(s.people) }

// Filter returns the people (archived ones excluded) matching the query, ranked: a convenience
// over Searcher for small lists and tests.
func Filter(people []model.Person, query string) []Result {
	s := NewSearcher(people)
	q := model.ParseQuery(query)
	idx := s.Find(query)
	out := make([]Result, 0, len(idx))
	for _, i := range idx {
		r, _ := q.Match(s.people[i].Name, s.people[i].Reading)
		out = append(out, Result{Person: s.people[i], Rank: r})
	}
	return out
}

// PickerKeys are the picker's list keys (typing goes to the search field).
type PickerKeys struct {
	Up, Down, Choose key.Binding
}

// DefaultPickerKeys returns the keys in the language.
func DefaultPickerKeys(l model.Lang) PickerKeys {
	return PickerKeys{
		Up:     key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("up", l.Pick("上", "previous"))),
		Down:   key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("down", l.Pick("下", "next"))),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.Pick("選ぶ", "choose"))),
	}
}

// PersonPicker is the person search used at the counter: a search field that narrows a list of
// people by kanji, kana or romaji as staff type, and a highlighted row to act on.
type PersonPicker struct {
	Input  Input
	Keys   PickerKeys
	search *Searcher
	found  []int32
	cursor int
	offset int
	marks  map[uint64]string
	lang   model.Lang
	nameW  int // the name column: the widest name, at most maxNameW
	readW  int // the reading column: the widest reading, at most maxReadW
}

// The widest the name and reading columns get; longer ones are cut.
const (
	maxNameW = 14
	maxReadW = 16
)

// NewPersonPicker returns a focused, empty picker.
func NewPersonPicker(l model.Lang, prompt string) PersonPicker {
	in := NewInput(prompt, 40)
	in.SetPlaceholder(l.Pick("名前・ふりがな・ローマ字で検索", "search by name, kana or romaji"))
	in.Focus()
	return PersonPicker{Input: in, Keys: DefaultPickerKeys(l), lang: l}
}

// SetPeople replaces the people searched and re-runs the search.
func (p *PersonPicker) SetPeople(people []model.Person) {
	p.search = NewSearcher(people)
	p.nameW, p.readW = 0, 0
	for i := range p.search.people {
		if p.nameW < maxNameW {
			p.nameW = max(p.nameW, ansi.StringWidth(p.search.people[i].Name))
		}
		if p.readW < maxReadW {
			p.readW = max(p.readW, ansi.StringWidth(p.search.people[i].Reading))
		}
	}
	p.nameW, p.readW = min(p.nameW, maxNameW), min(p.readW, maxReadW)
	p.refilter()
}

// SetMarks sets a short mark shown beside some people (e.g. 在館 for those checked in).
func (p *PersonPicker) SetMarks(m map[uint64]string) { p.marks = m }

// Reset clears the search.
func (p *PersonPicker) Reset() {
	p.Input.Reset()
	p.refilter()
}

func (p *PersonPicker) refilter() {
	var keep uint64
	if sel, ok := p.Selected(); ok {
		keep = sel.ID
	}
	p.found = nil
	if p.search != nil {
		p.found = append(p.found[:0:0], p.search.Find(p.Input.Value())...)
	}
	p.cursor, p.offset = 0, 0
	for i, idx := range p.found {
		if i > 50 {
			break
		}
		if p.search.Person(idx).ID == keep {
			p.cursor = i
			break
		}
	}
}

// Update moves the highlight on up/down and types into the search field otherwise. Enter is
// left to the owner (it decides what choosing means).
func (p PersonPicker) Update(msg tea.Msg) (PersonPicker, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.Keys.Up):
			p.cursor = max(0, p.cursor-1)
			return p, nil
		case key.Matches(k, p.Keys.Down):
			p.cursor = max(0, min(len(p.found)-1, p.cursor+1))
			return p, nil
		case key.Matches(k, p.Keys.Choose):
			return p, nil
		}
	}
	before := p.Input.Value()
	var cmd tea.Cmd
	p.Input, cmd = p.Input.Update(msg)
	if p.Input.Value() != before {
		p.refilter()
	}
	return p, cmd
}

// Selected returns the highlighted person.
func (p PersonPicker) Selected() (model.Person, bool) {
	if p.cursor < 0 || p.cursor >= len(p.found) {
		return model.Person{}, false
	}
	return *p.search.Person(p.found[p.cursor]), true
}

// Results returns the current matches in order (built on demand; prefer Count in hot paths).
func (p PersonPicker) Results() []Result {
	out := make([]Result, 0, len(p.found))
	for _, i := range p.found {
		out = append(out, Result{Person: *p.search.Person(i), Rank: p.search.Rank(p.Input.Value(), i)})
	}
	return out
}

// Count returns how many people match.
func (p PersonPicker) Count() int { return len(p.found) }

// Query returns what was typed.
func (p PersonPicker) Query() string { return p.Input.Value() }

// View draws the search field and up to height-1 rows of results, the highlighted one styled.
func (p *PersonPicker) View(st common.Styles, width, height int) string {
	var b strings.Builder
	b.WriteString(p.Input.View())
	rows := height - 1
	if rows <= 0 {
		return b.String()
	}
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+rows {
		p.offset = p.cursor - rows + 1
	}
	if len(p.found) == 0 {
		b.WriteString("\n" + st.Muted.Render(p.lang.Pick("  該当する人がいません", "  Nobody matches")))
	}
	for i := p.offset; i < len(p.found) && i < p.offset+rows; i++ {
		r := p.search.Person(p.found[i])
		mark := "    "
		if m, ok := p.marks[r.ID]; ok {
			mark = common.Fit(m, 4)
		}
		line := mark + " " + common.Fit(r.Name, p.nameW) + " " + common.Fit(r.Reading, p.readW) + " "
		line = common.Cut(line+st.Muted.Render(RolesIn(r.Roles, p.lang, width-2-ansi.StringWidth(line))), width-2)
		if i == p.cursor {
			b.WriteString("\n" + st.Selected.Render("> "+common.Fit(line, width-2)))
		} else {
			b.WriteString("\n  " + line)
		}
	}
	return b.String()
}

// shortRoles are the roles' labels where a row is narrow (Japanese only: the English labels
// have no short form anyone would read without a legend).
var shortRoles = map[model.Role]string{
	model.RoleTrainee: "受講", model.RoleTeleworker: "テレ", model.RoleMember: "利用", model.RoleVisitor: "見学",
}

// RolesIn returns a person's roles in at most w cells, never hiding that there are more: the
// labels joined, else (Japanese) the short labels joined (受講・テレ), else the first label and
// how many more (受講生+1, trainee+1), else the first short label and how many more (受講+1),
// else that cut.
func RolesIn(roles []model.Role, l model.Lang, w int) string {
	if len(roles) == 0 || w <= 0 {
		return ""
	}
	var full, short []string
	for _, r := range roles {
		full = append(full, r.Label(l))
		if s, ok := shortRoles[r]; ok && l == model.JA {
			short = append(short, s)
		} else {
			short = append(short, r.Label(l))
		}
	}
	more := ""
	if len(roles) > 1 {
		more = fmt.Sprintf("+%d", len(roles)-1)
	}
	for _, s := range []string{
		strings.Join(full, l.Pick("・", ", ")), strings.Join(short, l.Pick("・", ",")), full[0] + more, short[0] + more,
	} {
		if ansi.StringWidth(s) <= w {
			return s
		}
	}
	return common.Cut(short[0]+more, w)
}

// Cursor is the search field's real cursor, relative to the picker's first cell.
func (p PersonPicker) Cursor() *tea.Cursor { return p.Input.Cursor() }
