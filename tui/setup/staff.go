// Package setup is the first thing staff see: pick who is on duty from the list kept in the
// database (the first run asks for a name). Their name goes into every audit entry.
package setup

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// Store is what the staff picker needs.
type Store interface {
	StaffList() ([]model.Staff, error)
	AddStaff(model.Staff) (model.Staff, error)
	SetStaff(name string)
}

var _ Store = (*store.Store)(nil)

// LoadedMsg carries the staff list.
type LoadedMsg struct {
	Staff []model.Staff
	Err   error
}

// ChosenMsg says who is on duty; the root leaves the picker and opens ホーム.
type ChosenMsg struct{ Name string }

// CancelledMsg says staff left the picker (opened with @) without changing who is on duty.
type CancelledMsg struct{}

// KeyMap is the picker's keys.
type KeyMap struct {
	Up, Down, Choose, New, Cancel key.Binding
}

// DefaultKeyMap returns the picker's keys.
func DefaultKeyMap(l model.Lang) KeyMap {
	return KeyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up", l.Pick("上", "previous"))),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down", l.Pick("下", "next"))),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.Pick("この人で開始", "start as"))),
		New:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", l.Pick("新しいスタッフ", "new staff"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.Pick("戻る", "back"))),
	}
}

// ShortHelp lists the keys (esc only when someone is already on duty).
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Choose, k.New, k.Cancel}
}

// FullHelp lists the keys.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Model is the staff picker.
type Model struct {
	ctx    common.Context
	store  Store
	keys   KeyMap
	staff  []model.Staff
	cursor int
	adding bool
	form   components.Form
	loaded bool
	errMsg string
	// current is who is on duty when the picker was opened with @ ("" at start): esc goes back
	// to them.
	current string
}

// New returns the picker shown at start.
func New(ctx common.Context, s Store) Model {
	m := Model{ctx: ctx, store: s}
	return m.withKeys()
}

// NewChange returns the picker opened to change who is on duty; esc keeps current.
func NewChange(ctx common.Context, s Store, current string) Model {
	m := Model{ctx: ctx, store: s, current: current}
	return m.withKeys()
}

func (m Model) withKeys() Model {
	m.keys = DefaultKeyMap(m.ctx.Lang)
	m.keys.Cancel.SetEnabled(m.current != "")
	return m
}

// Init loads the staff list.
func (m Model) Init() tea.Cmd {
	s := m.store
	return func() tea.Msg {
		l, err := s.StaffList()
		return LoadedMsg{Staff: l, Err: err}
	}
}

func (m Model) newForm() components.Form {
	f := components.NewForm(m.ctx.Lang, components.NewField("name", m.ctx.T("お名前", "Your name"), "", model.MaxNameRunes))
	return f
}

func choose(s Store, name string) tea.Cmd {
	return func() tea.Msg {
		st, err := model.NewStaff(name)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		if st, err = s.AddStaff(st); err != nil {
			return common.ErrorMsg{Err: err}
		}
		s.SetStaff(st.Name)
		return ChosenMsg{Name: st.Name}
	}
}

// Update handles keys and the loaded list.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		m.loaded = true
		if msg.Err != nil {
			m.errMsg = model.Message(msg.Err, m.ctx.Lang)
		}
		m.staff = msg.Staff
		if len(m.staff) == 0 {
			m.adding, m.form = true, m.newForm()
		}
		return m, nil
	case common.ErrorMsg:
		if m.adding {
			var rest string
			m.form, rest = m.form.SetErrors(msg.Err)
			m.errMsg = rest
		} else {
			m.errMsg = model.Message(msg.Err, m.ctx.Lang)
		}
		return m, nil
	case tea.KeyPressMsg:
		if m.adding {
			var res components.FormResult
			var cmd tea.Cmd
			m.form, res, cmd = m.form.Update(msg)
			switch res {
			case components.FormSubmitted:
				return m, choose(m.store, m.form.Value("name"))
			case components.FormCancelled:
				if len(m.staff) > 0 {
					m.adding = false
				}
			}
			return m, cmd
		}
		switch {
		case key.Matches(msg, m.keys.Cancel):
			return m, func() tea.Msg { return CancelledMsg{} }
		case key.Matches(msg, m.keys.Up):
			m.cursor = max(0, m.cursor-1)
		case key.Matches(msg, m.keys.Down):
			m.cursor = min(len(m.staff)-1, m.cursor+1)
		case key.Matches(msg, m.keys.New):
			m.adding, m.form = true, m.newForm()
		case key.Matches(msg, m.keys.Choose):
			if m.cursor < len(m.staff) {
				return m, choose(m.store, m.staff[m.cursor].Name)
			}
		}
	}
	return m, nil
}

// SetContext applies a new size or language.
func (m Model) SetContext(c common.Context) common.Screen {
	m.ctx = c
	return m.withKeys()
}

// Keys returns the help bar's keys.
func (m Model) Keys() help.KeyMap {
	if m.adding {
		return m.form.Keys()
	}
	return m.keys
}

// Capturing is true while a name is typed.
func (m Model) Capturing() bool { return m.adding }

// Cursor places the real cursor in the name field.
func (m Model) Cursor() *tea.Cursor {
	if !m.adding {
		return nil
	}
	c := m.form.Cursor()
	if c != nil {
		c.Y += 4
	}
	return c
}

// View draws the picker.
func (m Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(c.T("窓口 madoguchi へようこそ", "Welcome to madoguchi")) + "\n\n")
	if !m.loaded {
		return b.String()
	}
	if m.adding {
		if len(m.staff) == 0 {
			b.WriteString(c.T("はじめての起動です。担当スタッフのお名前を入力して ctrl+s で開始します。", "First start: type your name and press ctrl+s to begin.") + "\n\n")
		} else {
			b.WriteString(c.T("新しいスタッフのお名前を入力して ctrl+s で開始します。", "Type the new staff member's name and press ctrl+s.") + "\n\n")
		}
		b.WriteString(m.form.View(st))
	} else {
		b.WriteString(c.T("本日の担当スタッフを選んでください（操作履歴に記録されます）", "Who is on duty? (their name goes into the audit log)") + "\n")
		if m.current != "" {
			b.WriteString(st.Muted.Render(c.T("いまの担当: "+m.current+"（esc でそのまま戻ります）", "On duty now: "+m.current+" (esc goes back unchanged)")) + "\n")
		}
		b.WriteString("\n")
		for i, s := range m.staff {
			line := fmt.Sprintf("  %s", s.Name)
			if i == m.cursor {
				line = st.Selected.Render(common.Fit("> "+s.Name, 30))
			}
			b.WriteString(line + "\n")
		}
	}
	if m.errMsg != "" {
		b.WriteString("\n" + st.Danger.Render(m.errMsg))
	}
	return common.Lines(b.String(), c.Width, c.Height)
}
