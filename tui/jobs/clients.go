package jobs

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
)

// clientsTop is the clients view's first client line.
const clientsTop = 2

// clientsKey handles a key in the clients view.
func (m Model) clientsKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := m.keymap()
	n := len(m.board.Clients)
	switch {
	case key.Matches(msg, k.Back):
		m.view = viewList
	case key.Matches(msg, k.Up):
		m.ccursor = max(m.ccursor-1, 0)
	case key.Matches(msg, k.Down):
		m.ccursor = max(min(m.ccursor+1, n-1), 0)
	case key.Matches(msg, k.PageUp):
		m.ccursor = max(m.ccursor-5, 0)
	case key.Matches(msg, k.PageDown):
		m.ccursor = max(min(m.ccursor+5, n-1), 0)
	case key.Matches(msg, k.NewClient):
		return m.openClientForm(model.Client{}, ovNone)
	case key.Matches(msg, k.EditClient):
		if m.ccursor < n {
			return m.openClientForm(m.board.Clients[m.ccursor], ovNone)
		}
	}
	m.coff = scroll(m.ccursor, m.coff, max(m.ctx.Height-clientsTop-1, 1))
	return m, nil
}

// clientsView lists the clients with their number of jobs, and the share of jobs from local
// businesses.
func (m Model) clientsView() string {
	c, st := m.ctx, m.ctx.Styles
	count := map[uint64]int{}
	for _, j := range m.board.Jobs {
		if j.Status != model.JobCancelled {
			count[j.ClientID]++
		}
	}
	local, total := model.LocalShare(m.board.Jobs, m.board.Clients)
	head := st.Title.Render(c.T(fmt.Sprintf("発注元 %d社", len(m.board.Clients)), fmt.Sprintf("Clients: %d", len(m.board.Clients))))
	if total > 0 {
		head += "  " + c.T(fmt.Sprintf("地域内企業からの案件 %d/%d件（%d%%）", local, total, model.Rate(local, total)),
			fmt.Sprintf("jobs from local businesses: %d/%d (%d%%)", local, total, model.Rate(local, total)))
	}
	cols := []col{{2, false}, {28, false}, {10, false}, {6, true}, {0, false}}
	cols[4].w = max(c.Width-2-28-10-6-4, 8)
	lines := []string{common.Cut(head, c.Width),
		st.Muted.Render(cells(cols, []string{"", c.T("名前", "name"), c.T("地域内企業", "local"), c.T("案件", "jobs"), c.T("メモ", "note")}))}
	if len(m.board.Clients) == 0 {
		lines = append(lines, st.Muted.Render(c.T("  発注元はまだありません。n で追加します", "  No clients yet; n adds one")))
	}
	rows := max(c.Height-clientsTop-1, 1)
	off := scroll(m.ccursor, m.coff, rows)
	for i := off; i < len(m.board.Clients) && i < off+rows; i++ {
		cl := m.board.Clients[i]
		yes := c.T("いいえ", "no")
		if cl.Local {
			yes = c.T("はい", "yes")
		}
		vals := []string{"", cl.Name, yes, fmt.Sprint(count[cl.ID]), cl.Note}
		if i == m.ccursor {
			vals[0] = ">"
			lines = append(lines, st.Selected.Render(common.Fit(cells(cols, vals), c.Width)))
			continue
		}
		lines = append(lines, common.Cut(cells(cols, vals), c.Width))
	}
	return joinLines(lines)
}
