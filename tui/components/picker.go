package components

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
)

// Result is a person found by a search, with how well they matched (lower is better).
type Result struct {
	Person model.Person
	Rank   int
}

// Filter returns the people (archived ones excluded) matching the query by name, reading or
// romaji: prefix matches on the reading or name first, then substring and fuzzy matches; ties
// in reading order. It allocates only the result slice.
func Filter(people []model.Person, query string) []Result {
	q := model.ParseQuery(query)
	out := make([]Result, 0, 64)
	for i := range people {
		p := &people[i]
		if p.Archived || p.Forgotten {
			continue
		}
		if r, ok := q.Match(p.Name, p.Reading); ok {
			out = append(out, Result{Person: *p, Rank: r})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Rank != out[j].Rank {
			return out[i].Rank < out[j].Rank
		}
		return out[i].Person.Reading < out[j].Person.Reading
	})
	return out
}

// PickerKeys are the picker's list keys (typing goes to the search field).
type PickerKeys struct {
	Up, Down, Choose key.Binding
}

// DefaultPickerKeys returns the keys in the language.
func DefaultPickerKeys(l model.Lang) PickerKeys {
	return PickerKeys{
		Up:     key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("up", l.Pick("上", "up"))),
		Down:   key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("down", l.Pick("下", "down"))),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.Pick("選ぶ", "choose"))),
	}
}

// PersonPicker is the person search used at the counter: a search field that narrows a list of
// people by kanji, kana or romaji as staff type, and a highlighted row to act on.
type PersonPicker struct {
	Input   Input
	Keys    PickerKeys
	people  []model.Person
	results []Result
	cursor  int
	offset  int
	marks   map[uint64]string
	lang    model.Lang
}

// NewPersonPicker returns a focused, empty picker.
func NewPersonPicker(l model.Lang, prompt string) PersonPicker {
	in := NewInput(prompt, 40)
	in.SetPlaceholder(l.Pick("名前・ふりがな・ローマ字で検索", "search by name, kana or romaji"))
	in.Focus()
	return PersonPicker{Input: in, Keys: DefaultPickerKeys(l), lang: l}
}

// SetPeople replaces the people searched and re-runs the search.
func (p *PersonPicker) SetPeople(people []model.Person) {
	p.people = people
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
	p.results = Filter(p.people, p.Input.Value())
	p.cursor, p.offset = 0, 0
	for i, r := range p.results {
		if r.Person.ID == keep && r.Rank == p.results[0].Rank {
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
			p.cursor = max(0, min(len(p.results)-1, p.cursor+1))
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
	if p.cursor < 0 || p.cursor >= len(p.results) {
		return model.Person{}, false
	}
	return p.results[p.cursor].Person, true
}

// Results returns the current matches in order.
func (p PersonPicker) Results() []Result { return p.results }

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
	if len(p.results) == 0 {
		b.WriteString("\n" + st.Muted.Render(p.lang.Pick("  該当する人がいません", "  Nobody matches")))
	}
	for i := p.offset; i < len(p.results) && i < p.offset+rows; i++ {
		r := p.results[i].Person
		mark := "    "
		if m, ok := p.marks[r.ID]; ok {
			mark = common.Fit(m, 4)
		}
		line := mark + " " + common.Fit(r.Name, 14) + " " + common.Fit(r.Reading, 16) + " " + st.Muted.Render(r.RoleLabels(p.lang))
		line = common.Cut(line, width-2)
		if i == p.cursor {
			b.WriteString("\n" + st.Selected.Render("> "+common.Fit(line, width-2)))
		} else {
			b.WriteString("\n  " + line)
		}
	}
	return b.String()
}

// Cursor is the search field's real cursor, relative to the picker's first cell.
func (p PersonPicker) Cursor() *tea.Cursor { return p.Input.Cursor() }
