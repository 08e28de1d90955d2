package home_test

import (
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/tui/common"
)

// screenModel lets tuitest drive a screen as a tea.Model.
type screenModel struct{ s common.Screen }

func (m screenModel) Init() tea.Cmd { return m.s.Init() }
func (m screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	s, cmd := m.s.Update(msg)
	return screenModel{s}, cmd
}
func (m screenModel) View() tea.View { return tea.NewView(m.s.View()) }
