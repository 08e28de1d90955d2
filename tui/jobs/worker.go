package jobs

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
)

// openWorker shows a teleworker's jobs and monthly figures.
func (m Model) openWorker(id uint64) Model {
	m.view, m.workerID, m.wcursor, m.woff = viewWorker, id, 0, 0
	return m
}

// workerJobs are the teleworker's jobs, the latest due date first.
func (m Model) workerJobs() []model.Job {
	js := model.FilterJobs(m.board.Jobs, model.JobFilter{PersonID: m.workerID})
	slices.Reverse(js)
	return js
}

// workerTop is how many lines the teleworker view uses above its job list; the monthly table
// shows at most workerMonths months.
func (m Model) workerMonths() int { return max(min((m.ctx.Height-10)/2, 12), 1) }

func (m Model) workerJobRows(top int) int { return max(m.ctx.Height-top, 1) }

// workerKey handles a key in the teleworker view.
func (m Model) workerKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := m.keymap()
	js := m.workerJobs()
	switch {
	case key.Matches(msg, k.Back):
		m.view = viewList
	case key.Matches(msg, k.Up):
		m.wcursor = max(m.wcursor-1, 0)
	case key.Matches(msg, k.Down):
		m.wcursor = max(min(m.wcursor+1, len(js)-1), 0)
	case key.Matches(msg, k.PageUp):
		m.wcursor = max(m.wcursor-5, 0)
	case key.Matches(msg, k.PageDown):
		m.wcursor = max(min(m.wcursor+5, len(js)-1), 0)
	case key.Matches(msg, k.Open):
		if m.wcursor < len(js) {
			m = m.openDetail(js[m.wcursor].ID, viewWorker)
			return m, loadHistory(m.store, js[m.wcursor].ID)
		}
	case key.Matches(msg, k.PickWorker):
		return m.openPicker(forWorker, m.workerID)
	}
	_, top := m.workerLines()
	m.woff = scroll(m.wcursor, m.woff, m.workerJobRows(top))
	return m, nil
}

func (m Model) workerView() string {
	lines, _ := m.workerLines()
	return joinLines(lines)
}

// workerLines draws the teleworker's monthly table and jobs, and returns the line the job list
// starts on.
func (m Model) workerLines() ([]string, int) {
	c, st := m.ctx, m.ctx.Styles
	p, ok := m.people[m.workerID]
	name := m.personName(m.workerID)
	if ok && p.Reading != "" {
		name += c.T("（"+p.Reading+"）", " ("+p.Reading+")")
	}
	js := m.workerJobs()
	sum := model.IncomeOf(m.board.Jobs, m.workerID)
	lines := []string{st.Title.Render(common.Cut(c.T(name+"の案件と収入", "Jobs and income: "+name), c.Width))}
	lines = append(lines, st.Muted.Render(common.Cut(c.T(
		"月は入金した月。平均単価＝金額/件数、時給換算＝手取り/作業時間（切り捨て）",
		"By the month paid. Avg price = amount/jobs; hourly = net/hours (rounded down)"), c.Width)))

	cols := []col{{10, false}, {4, true}, {12, true}, {12, true}, {12, true}, {8, true}, {10, true}}
	lines = append(lines, st.Muted.Render(cells(cols, []string{c.T("月", "month"), c.T("件数", "jobs"), c.T("金額", "amount"),
		c.T("手取り", "net"), c.T("平均単価", "avg price"), c.T("時間", "hours"), c.T("時給換算", "hourly")})))
	row := func(label string, in model.Income) string {
		rate := "-"
		if r, ok := in.HourlyRate(); ok {
			rate = model.FormatYen(r)
		}
		return cells(cols, []string{label, fmt.Sprint(in.Jobs), model.FormatYen(in.Amount), model.FormatYen(in.Net),
			model.FormatYen(in.AverageUnitPrice()), orDash(model.FormatHours(in.Minutes)), rate})
	}
	months := sum.Months
	if n := m.workerMonths(); len(months) > n {
		months = months[len(months)-n:]
	}
	if len(sum.Months) == 0 {
		lines = append(lines, st.Muted.Render(c.T("  入金済みの案件はまだありません", "  No paid jobs yet")))
	}
	for _, in := range months {
		lines = append(lines, row(in.Month.String(), in))
	}
	if len(sum.Months) > 0 {
		lines = append(lines, st.Label.Render(row(c.T("合計", "total"), sum.Total)))
	}
	lines = append(lines, common.Cut(c.T(
		fmt.Sprintf("入金待ち %d件 %s（手取り %s）  進行中 %d件", sum.Pending.Jobs, model.FormatYen(sum.Pending.Amount), model.FormatYen(sum.Pending.Net), sum.Open),
		fmt.Sprintf("awaiting payment: %d, %s (net %s)  in progress: %d", sum.Pending.Jobs, model.FormatYen(sum.Pending.Amount), model.FormatYen(sum.Pending.Net), sum.Open)), c.Width))

	lines = append(lines, st.Heading.Render(c.T(fmt.Sprintf("案件 %d件（納期の新しい順）", len(js)), fmt.Sprintf("Jobs: %d (latest due first)", len(js)))))
	top := len(lines)
	today := c.Today()
	amounts := make([]string, len(js))
	for i, j := range js {
		amounts[i] = model.FormatYen(j.Amount())
	}
	jcols := []col{{2, false}, {10, false}, {10, false}, {0, false}, {14, false}, {widest(8, amounts...), true}}
	if c.Width >= 110 {
		jcols[4].w = 24
	}
	fixed := len(jcols) - 1
	for _, cl := range jcols {
		fixed += cl.w
	}
	jcols[3].w = max(c.Width-fixed, 8)
	n := m.workerJobRows(top)
	off := scroll(m.wcursor, m.woff, n)
	for i := off; i < len(js) && i < off+n; i++ {
		j := js[i]
		due := j.Due.String()
		if j.Overdue(today) {
			due = c.T("遅 ", "! ") + due[5:]
		}
		vals := []string{"", due, shortLabel(j.Status, c.Lang), j.Title, m.clientName(j.ClientID), amounts[i]}
		if i == m.wcursor {
			vals[0] = ">"
			lines = append(lines, st.Selected.Render(common.Fit(cells(jcols, vals), c.Width)))
			continue
		}
		lines = append(lines, common.Cut(cells(jcols, vals), c.Width))
	}
	return lines, top
}
