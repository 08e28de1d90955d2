// Package kids is the Kids screen (キッズ). This is a stand-in until the screen is built.
package kids

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
)

// Store is what the screen needs from the database.
type Store interface {
	Path() string
}

var _ Store = (*store.Store)(nil)

// KeyMap is the screen's keys.
type KeyMap struct{}

// ShortHelp lists the keys.
func (KeyMap) ShortHelp() []key.Binding { return nil }

// FullHelp lists the keys.
func (KeyMap) FullHelp() [][]key.Binding { return nil }

// Model is the screen.
type Model struct {
	ctx   common.Context
	store Store
}

// New returns the screen.
func New(ctx common.Context, s Store) Model { return Model{ctx: ctx, store: s} }

// Init loads nothing yet.
func (m Model) Init() tea.Cmd { return nil }

// Update handles messages.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return m, nil }

// SetContext applies a new size or language.
func (m Model) SetContext(c common.Context) common.Screen { m.ctx = c; return m }

// Keys returns the help bar's keys.
func (m Model) Keys() help.KeyMap { return KeyMap{} }

// Capturing is false: no text field yet.
func (m Model) Capturing() bool { return false }

// Cursor is nil: no text field yet.
func (m Model) Cursor() *tea.Cursor { return nil }

// View draws the stand-in.
func (m Model) View() string {
	st := m.ctx.Styles
	return common.Lines(st.Title.Render(m.ctx.T("キッズ", "Kids"))+"\n\n"+m.ctx.T("キッズスペースの予約・お預かり・お迎え。", "Kids-space bookings, drop-off and pick-up.")+"\n\n"+
		st.Muted.Render(m.ctx.T("この画面は準備中です。", "This screen is coming.")), m.ctx.Width, m.ctx.Height)
}
