package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/tui/common"
)

// placeholder stands in for a screen a later change builds.
type placeholder struct {
	ctx  common.Context
	name string
	what [2]string // ja, en
}

type noKeys struct{}

func (noKeys) ShortHelp() []key.Binding  { return nil }
func (noKeys) FullHelp() [][]key.Binding { return nil }

func (p placeholder) Init() tea.Cmd                             { return nil }
func (p placeholder) Update(tea.Msg) (common.Screen, tea.Cmd)   { return p, nil }
func (p placeholder) SetContext(c common.Context) common.Screen { p.ctx = c; return p }
func (p placeholder) Keys() help.KeyMap                         { return noKeys{} }
func (p placeholder) Capturing() bool                           { return false }
func (p placeholder) Cursor() *tea.Cursor                       { return nil }
func (p placeholder) View() string {
	st := p.ctx.Styles
	return common.Lines(st.Title.Render(p.name)+"\n\n"+p.ctx.T(p.what[0], p.what[1])+"\n\n"+
		st.Muted.Render(p.ctx.T("この画面は準備中です。", "This screen is coming.")), p.ctx.Width, p.ctx.Height)
}
