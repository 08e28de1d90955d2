package jobs

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// shortLabels are the statuses as the list's status column writes them (the cancelled label
// 辞退/キャンセル is too wide for it).
var shortLabels = map[model.JobStatus]model.Text{
	model.JobOffered:    model.T("打診", "offered"),
	model.JobAccepted:   model.T("受注", "accepted"),
	model.JobInProgress: model.T("作業中", "working"),
	model.JobQA:         model.T("検品", "QA"),
	model.JobReturned:   model.T("差戻し", "returned"),
	model.JobDelivered:  model.T("納品", "delivered"),
	model.JobInvoiced:   model.T("請求", "invoiced"),
	model.JobPaid:       model.T("入金", "paid"),
	model.JobCancelled:  model.T("キャンセル", "cancelled"),
}

func shortLabel(s model.JobStatus, l model.Lang) string {
	if t, ok := shortLabels[s]; ok {
		return t.In(l)
	}
	return string(s)
}

// filter is the list's filter as the model states it.
func (m Model) filter() model.JobFilter {
	return model.JobFilter{Statuses: statusChoices[m.status].statuses, PersonID: m.personF, ClientID: m.clientF}
}

// refilter recomputes the list's rows, keeping the cursor on the job it was on.
func (m *Model) refilter() {
	var keep uint64
	if j, ok := m.Selected(); ok {
		keep = j.ID
	}
	m.rows = model.FilterJobs(m.board.Jobs, m.filter())
	m.cursor = min(m.cursor, max(len(m.rows)-1, 0))
	for i, j := range m.rows {
		if j.ID == keep {
			m.cursor = i
			break
		}
	}
}

// personName is a person's name for display, or their id when unknown.
func (m Model) personName(id uint64) string {
	if p, ok := m.people[id]; ok {
		return p.DisplayName()
	}
	return fmt.Sprintf("#%d", id)
}

// clientName is a client's name, or their id when unknown.
func (m Model) clientName(id uint64) string {
	if c, ok := m.clients[id]; ok {
		return c.Name
	}
	return fmt.Sprintf("#%d", id)
}

// listRows is how many job rows fit under the list's two header lines and its footer.
func (m Model) listRows() int { return max(m.ctx.Height-3, 1) }

// listKey handles a key in the list.
func (m Model) listKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := m.keymap()
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, k.Down):
		m.cursor = max(min(m.cursor+1, len(m.rows)-1), 0)
	case key.Matches(msg, k.PageUp):
		m.cursor = max(m.cursor-m.listRows(), 0)
	case key.Matches(msg, k.PageDown):
		m.cursor = max(min(m.cursor+m.listRows(), len(m.rows)-1), 0)
	case key.Matches(msg, k.Open):
		if j, ok := m.Selected(); ok {
			m = m.openDetail(j.ID, viewList)
			return m, loadHistory(m.store, j.ID)
		}
	case key.Matches(msg, k.New):
		return m.startNewJob()
	case key.Matches(msg, k.Edit):
		if j, ok := m.Selected(); ok {
			return m.openJobForm(j)
		}
	case key.Matches(msg, k.Status):
		m.status = (m.status + 1) % len(statusChoices)
		m.refilter()
	case key.Matches(msg, k.Person):
		return m.openPicker(forFilter, m.personF)
	case key.Matches(msg, k.Client):
		return m.openChooser(forFilter, m.clientF)
	case key.Matches(msg, k.Clear):
		m.status, m.personF, m.clientF = 0, 0, 0
		m.refilter()
	case key.Matches(msg, k.Worker):
		id := m.personF
		if j, ok := m.Selected(); ok && id == 0 {
			id = j.PersonID
		}
		if id != 0 {
			m = m.openWorker(id)
		}
	case key.Matches(msg, k.Clients):
		m.view = viewClients
	case key.Matches(msg, k.Reload):
		return m, loadBoard(m.store)
	}
	m.offset = scroll(m.cursor, m.offset, m.listRows())
	return m, nil
}

// scroll returns the first visible row so that cursor stays within rows visible rows.
func scroll(cursor, off, rows int) int {
	if cursor < off {
		return cursor
	}
	if cursor >= off+rows {
		return cursor - rows + 1
	}
	return off
}

// col is a table column: a width in cells, right-aligned or not.
type col struct {
	w     int
	right bool
}

// cells lays cells out in columns one space apart, each fitted to its width by display width;
// right-aligned cells are padded on the left. A styled cell is fitted before it is styled.
func cells(cols []col, vals []string, styles ...func(string) string) string {
	var b strings.Builder
	for i, c := range cols {
		if i > 0 {
			b.WriteByte(' ')
		}
		v := vals[i]
		if c.right {
			v = padLeft(v, c.w)
		} else {
			v = common.Fit(v, c.w)
		}
		if i < len(styles) && styles[i] != nil {
			v = styles[i](v)
		}
		b.WriteString(v)
	}
	return b.String()
}

// padLeft right-aligns s in w cells; s is never cut (money must never lose a digit).
func padLeft(s string, w int) string {
	if pad := w - ansi.StringWidth(s); pad > 0 {
		return strings.Repeat(" ", pad) + s
	}
	return s
}

// widest returns the widest of the strings, at least min cells.
func widest(least int, ss ...string) int {
	w := least
	for _, s := range ss {
		w = max(w, ansi.StringWidth(s))
	}
	return w
}

func joinLines(ls []string) string { return strings.Join(ls, "\n") }

// dueText writes a due date: MM-DD in the current year at 80 columns, the full date when wide.
func (m Model) dueText(d model.Date, wide bool) string {
	if wide || d.Year != m.ctx.Today().Year {
		return d.String()
	}
	if d.IsZero() {
		return ""
	}
	return d.String()[5:]
}

// listView draws the filter line, the column titles, the jobs and a footer.
func (m Model) listView() string {
	c, st := m.ctx, m.ctx.Styles
	today := c.Today()
	wide := c.Width >= 110

	// filter line
	person, client := c.T("すべて", "all"), c.T("すべて", "all")
	if m.personF != 0 {
		person = m.personName(m.personF)
	}
	if m.clientF != 0 {
		client = m.clientName(m.clientF)
	}
	head := st.Title.Render(c.T(fmt.Sprintf("案件 %d件", len(m.rows)), fmt.Sprintf("Jobs: %d", len(m.rows)))) + "  " +
		c.T("進捗:", "status: ") + statusChoices[m.status].label.In(c.Lang) + "  " +
		c.T("担当:", "teleworker: ") + person + "  " + c.T("発注元:", "client: ") + client
	lines := []string{common.Cut(head, c.Width)}

	// columns: marker, late, due, status, title, teleworker, local, client, amount [, category, net]
	amounts := make([]string, len(m.rows))
	nets := make([]string, len(m.rows))
	for i, j := range m.rows {
		amounts[i], nets[i] = model.FormatYen(j.Amount()), model.FormatYen(j.Net())
	}
	amountTitle, netTitle := c.T("金額", "amount"), c.T("手取り", "net")
	cols := []col{{1, false}, {2, false}, {5, false}, {10, false}, {0, false}, {11, false}, {2, false}, {12, false}, {widest(7, append(amounts, amountTitle)...), true}}
	if wide {
		cols[2].w, cols[5].w, cols[7].w = 10, 12, 22
		cols = append(cols, col{12, false}, col{widest(8, append(nets, netTitle)...), true})
	}
	fixed := len(cols) - 1
	for _, cl := range cols {
		fixed += cl.w
	}
	cols[4].w = max(c.Width-fixed, 8)
	titles := []string{"", "", c.T("納期", "due"), c.T("進捗", "status"), c.T("案件名", "title"), c.T("担当", "teleworker"),
		c.T("地", "L"), c.T("発注元", "client"), amountTitle}
	if wide {
		titles = append(titles, c.T("分類", "category"), netTitle)
	}
	lines = append(lines, st.Muted.Render(common.Cut(cells(cols, titles), c.Width)))

	if len(m.rows) == 0 {
		msg := c.T("  該当する案件はありません（x で絞込解除、n で新規登録）", "  No jobs match (x clears the filters, n adds a job)")
		if len(m.board.Jobs) == 0 {
			msg = c.T("  案件はまだありません。n で登録します（発注元は l で管理）", "  No jobs yet. n adds one (l manages clients)")
		}
		lines = append(lines, st.Muted.Render(msg))
	}
	rows := m.listRows()
	off := scroll(m.cursor, m.offset, rows)
	for i := off; i < len(m.rows) && i < off+rows; i++ {
		j := m.rows[i]
		late, lateStyle := "", (func(string) string)(nil)
		if j.Overdue(today) {
			late, lateStyle = c.T("遅", "!"), func(s string) string { return st.Danger.Render(s) }
		}
		local := ""
		if cl, ok := m.clients[j.ClientID]; ok && cl.Local {
			local = c.T("地", "L")
		}
		vals := []string{"", late, m.dueText(j.Due, wide), shortLabel(j.Status, c.Lang), j.Title, m.personName(j.PersonID), local, m.clientName(j.ClientID), amounts[i]}
		if wide {
			vals = append(vals, j.Category, nets[i])
		}
		styles := make([]func(string) string, len(cols))
		if i == m.cursor {
			vals[0] = ">"
			lines = append(lines, st.Selected.Render(common.Fit(cells(cols, vals), c.Width)))
			continue
		}
		styles[1], styles[2] = lateStyle, lateStyle
		if j.Finished() {
			styles[3] = func(s string) string { return st.Muted.Render(s) }
		}
		lines = append(lines, common.Cut(cells(cols, vals, styles...), c.Width))
	}
	for len(lines) < 2+rows {
		lines = append(lines, "")
	}

	// footer: overdue count and the share of jobs from local businesses
	overdue := 0
	for _, j := range m.rows {
		if j.Overdue(today) {
			overdue++
		}
	}
	local, total := model.LocalShare(m.rows, m.board.Clients)
	foot := c.T(fmt.Sprintf("納期遅れ %d件", overdue), fmt.Sprintf("overdue: %d", overdue))
	if total > 0 {
		// of the rows listed (the filter applies), not the 年度's figure on レポート
		foot += "  " + c.T(fmt.Sprintf("一覧のうち地域内企業 %d/%d件（%d%%）", local, total, model.Rate(local, total)),
			fmt.Sprintf("listed, from local businesses: %d/%d (%d%%)", local, total, model.Rate(local, total)))
	}
	lines = append(lines, st.Muted.Render(common.Cut(foot, c.Width)))
	return joinLines(lines)
}

// openPicker opens the person search, highlighting id when given.
func (m Model) openPicker(p purpose, id uint64) (common.Screen, tea.Cmd) {
	m.ov, m.pickFor, m.flash = ovPicker, p, ""
	prompt := m.ctx.T("検索: ", "Search: ")
	m.picker = components.NewPersonPicker(m.ctx.Lang, prompt)
	m.picker.SetPeople(m.board.People)
	for i := 0; id != 0 && i < len(m.picker.Results()); i++ { // start on the current choice
		if sel, _ := m.picker.Selected(); sel.ID == id {
			break
		}
		m.picker, _ = m.picker.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	return m, nil
}

// pickerTop is the picker's first line within the body (under its title).
const pickerTop = 1

func (m Model) pickerView() string {
	c, st := m.ctx, m.ctx.Styles
	title := c.T("テレワーカーを選ぶ", "Choose the teleworker")
	switch m.pickFor {
	case forFilter:
		title = c.T("テレワーカーで絞り込む（esc でやめる）", "Filter by teleworker (esc: never mind)")
	case forWorker:
		title = c.T("収入を見る人を選ぶ", "Whose jobs and income?")
	}
	p := m.picker
	out := st.Title.Render(title) + "\n" + p.View(st, c.Width, c.Height-2)
	if m.flash != "" {
		out += "\n" + st.Danger.Render(m.flash)
	}
	return out
}

// chooserRows are the rows of the client chooser: an "all" row for the filter, then every
// client.
func (m Model) chooserRows() []model.Client {
	out := make([]model.Client, 0, len(m.board.Clients)+1)
	if m.pickFor == forFilter {
		out = append(out, model.Client{})
	}
	return append(out, m.board.Clients...)
}

// openChooser opens the client chooser on client id.
func (m Model) openChooser(p purpose, id uint64) (common.Screen, tea.Cmd) {
	m.ov, m.pickFor, m.flash = ovClientPick, p, ""
	m.chooseCursor, m.chooseOff = 0, 0
	for i, cl := range m.chooserRows() {
		if cl.ID == id {
			m.chooseCursor = i
		}
	}
	return m, nil
}

func (m Model) chooserView() string {
	c, st := m.ctx, m.ctx.Styles
	title := c.T("発注元を選ぶ（n で追加）", "Choose the client (n adds one)")
	if m.pickFor == forFilter {
		title = c.T("発注元で絞り込む", "Filter by client")
	}
	lines := []string{st.Title.Render(title)}
	rows := m.chooserRows()
	if len(rows) == 0 {
		lines = append(lines, st.Muted.Render(c.T("  発注元がまだありません。n で追加します", "  No clients yet; n adds one")))
	}
	n := max(c.Height-2, 1)
	off := scroll(m.chooseCursor, m.chooseOff, n)
	for i := off; i < len(rows) && i < off+n; i++ {
		cl := rows[i]
		name, local := cl.Name, ""
		if cl.ID == 0 {
			name = c.T("すべての発注元", "every client")
		} else if cl.Local {
			local = c.T("地域内企業", "local business")
		}
		line := common.Fit(name, 30) + " " + common.Fit(local, 14) + " " + cl.Note
		if i == m.chooseCursor {
			lines = append(lines, st.Selected.Render("> "+common.Fit(line, c.Width-2)))
		} else {
			lines = append(lines, "  "+common.Cut(line, c.Width-2))
		}
	}
	if m.flash != "" {
		lines = append(lines, st.Danger.Render(m.flash))
	}
	return joinLines(lines)
}
