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

// moveJob validates a move's typed input and applies it in a command.
func moveJob(s Store, id uint64, to model.JobStatus, in model.MoveInput) tea.Cmd {
	return func() tea.Msg {
		mv, err := model.ParseMove(to, in)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		j, err := s.MoveJob(id, mv)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return MovedMsg{Job: j}
	}
}

// saveTicks saves the QA items ticked so far.
func saveTicks(s Store, id uint64, ticked []string) tea.Cmd {
	return func() tea.Msg {
		j, err := s.SetChecklist(id, ticked)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return MovedMsg{Job: j, Checked: true}
	}
}

// addNote adds a support note.
func addNote(s Store, id uint64, text string) tea.Cmd {
	return func() tea.Msg {
		e, err := s.AddJobNote(id, text)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return NoteSavedMsg{Event: e}
	}
}

// detailKey handles a key in the job detail.
func (m Model) detailKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := m.keymap()
	j := m.detail.Job
	switch {
	case key.Matches(msg, k.Back):
		m.view = m.back
		if m.view == viewDetail {
			m.view = viewList
		}
		if m.openedFor != 0 && m.openedFor == m.detailID {
			m.openedFor = 0
			return m, common.Return() // back to the review that opened it
		}
	case key.Matches(msg, k.Up):
		m.histOffset = max(m.histOffset-1, 0)
	case key.Matches(msg, k.Down):
		m.histOffset = min(m.histOffset+1, max(len(m.detail.Events)-1, 0))
	case key.Matches(msg, k.PageUp):
		m.histOffset = max(m.histOffset-5, 0)
	case key.Matches(msg, k.PageDown):
		m.histOffset = min(m.histOffset+5, max(len(m.detail.Events)-1, 0))
	case key.Matches(msg, k.Accept):
		return m.confirm(model.JobAccepted)
	case key.Matches(msg, k.Start):
		return m.confirm(model.JobInProgress)
	case key.Matches(msg, k.ToQA):
		return m.confirm(model.JobQA)
	case key.Matches(msg, k.Return):
		return m.openMove(model.JobReturned, components.NewField("reason", m.ctx.T("差戻しの理由", "Reason"), "", 500))
	case key.Matches(msg, k.Cancel):
		f := components.NewField("reason", m.ctx.T("理由（任意）", "Reason (optional)"), "", 500)
		return m.openMove(model.JobCancelled, f)
	case key.Matches(msg, k.Invoice):
		return m.openMove(model.JobInvoiced,
			components.NewField("amount", m.ctx.T("請求額（円）", "Invoiced (yen)"), fmt.Sprint(j.Amount()), 16),
			components.NewField("date", m.ctx.T("請求日", "Invoice date"), m.ctx.Today().String(), 10))
	case key.Matches(msg, k.Paid):
		amount := j.Invoiced
		if amount == 0 {
			amount = j.Amount()
		}
		return m.openMove(model.JobPaid,
			components.NewField("amount", m.ctx.T("入金額（円）", "Received (yen)"), fmt.Sprint(amount), 16),
			components.NewField("date", m.ctx.T("入金日", "Date received"), m.ctx.Today().String(), 10))
	case key.Matches(msg, k.Deliver):
		return m.openChecklist(model.JobDelivered)
	case key.Matches(msg, k.Tick):
		return m.openChecklist("")
	case key.Matches(msg, k.Note):
		m.ov, m.flash = ovNote, ""
		m.form = components.NewForm(m.ctx.Lang, components.NewField("note", m.ctx.T("伴走メモ", "Note"), "", model.MaxNoteRunes))
		return m, nil
	case key.Matches(msg, k.Edit):
		return m.openJobForm(j)
	case key.Matches(msg, k.Worker):
		m = m.openWorker(j.PersonID)
	}
	return m, nil
}

// confirm asks to confirm a move that needs no input: moves cannot be undone.
func (m Model) confirm(to model.JobStatus) (common.Screen, tea.Cmd) {
	m.ov, m.moveTo, m.flash = ovConfirm, to, ""
	return m, nil
}

// openMove opens the small form of a move that needs input.
func (m Model) openMove(to model.JobStatus, fields ...components.Field) (common.Screen, tea.Cmd) {
	m.ov, m.moveTo, m.flash = ovMove, to, ""
	if to == model.JobPaid || to == model.JobInvoiced {
		fields[1].Hint = "2026-11-25"
	}
	m.form = components.NewForm(m.ctx.Lang, fields...)
	return m, nil
}

// openChecklist opens the QA checklist: to deliver (to is 納品) or only to save the ticks.
func (m Model) openChecklist(to model.JobStatus) (common.Screen, tea.Cmd) {
	m.ov, m.moveTo, m.flash, m.tickCursor = ovChecklist, to, "", 0
	items := m.board.Settings.QAChecklist
	m.ticks = make([]bool, len(items))
	for i, it := range items {
		for _, done := range m.detail.Job.Checklist {
			if done == it {
				m.ticks[i] = true
			}
		}
	}
	return m, nil
}

// ticked returns the QA items ticked in the checklist.
func (m Model) ticked() []string {
	out := []string{}
	for i, it := range m.board.Settings.QAChecklist {
		if i < len(m.ticks) && m.ticks[i] {
			out = append(out, it)
		}
	}
	return out
}

// detailLines draws the detail as lines, and returns the line where an open small form starts
// (-1 when none), for the cursor.
func (m Model) detailLines() ([]string, int) {
	c, st := m.ctx, m.ctx.Styles
	if !m.detailOK {
		return []string{st.Muted.Render(c.T("読み込み中", "Loading"))}, -1
	}
	if m.detailErr != nil {
		return []string{st.Danger.Render(model.Message(m.detailErr, c.Lang)), "", st.Muted.Render(c.T("esc で一覧に戻ります", "esc goes back to the list"))}, -1
	}
	j := m.detail.Job
	today := c.Today()
	gap := 2
	lw := (c.Width - gap) / 2
	rw := c.Width - gap - lw
	lab := func(s string) string { return st.Label.Render(common.Fit(s, 12)) }
	field := func(label, value string, w int) string { return lab(label) + " " + common.Cut(value, w-13) }
	pair := func(l1, v1, l2, v2 string) string {
		return common.Columns(gap, []int{lw, rw}, field(l1, v1, lw), field(l2, v2, rw))
	}

	head := st.Title.Render(common.Cut(fmt.Sprintf("#%d %s", j.ID, j.Title), c.Width-16)) + "  " + st.Heading.Render("["+j.Status.Label(c.Lang)+"]")
	lines := []string{head}

	client := m.clientName(j.ClientID)
	if cl, ok := m.clients[j.ClientID]; ok && cl.Local {
		client += c.T("（地域内）", " (local)")
	}
	due := j.Due.String()
	switch {
	case j.Overdue(today):
		days := int(today.Start().Sub(j.Due.Start()).Hours() / 24)
		late := fmt.Sprintf(" (%d days late)", days)
		if days == 1 {
			late = " (1 day late)"
		}
		due = st.Danger.Render(due + c.T(fmt.Sprintf("（%d日遅れ）", days), late))
	case j.Open() && j.Due == today:
		due += c.T("（本日）", " (today)")
	}
	lines = append(lines, pair(c.T("発注元", "Client"), client, c.T("テレワーカー", "Teleworker"), m.personName(j.PersonID)))
	lines = append(lines, pair(c.T("分類", "Category"), orDash(j.Category), c.T("納期", "Due"), due))
	lines = append(lines, pair(c.T("単価x数量", "Price x qty"), fmt.Sprintf("%s x %d%s", model.FormatYen(j.UnitPrice), j.Quantity, j.Unit),
		c.T("金額", "Amount"), model.FormatYen(j.Amount())))
	lines = append(lines, pair(c.T("手数料", "Fee"), fmt.Sprintf("%s%%  %s", model.FormatPercentBP(j.FeeBP), model.FormatYen(j.Fee())),
		c.T("手取り", "Net"), model.FormatYen(j.Net())))
	hours, rate := "-", "-"
	if j.Minutes > 0 {
		hours = model.FormatHours(j.Minutes)
		if r, ok := j.HourlyRate(); ok {
			rate = model.FormatYen(r)
		}
	}
	lines = append(lines, pair(c.T("作業時間", "Hours"), hours, c.T("時給換算", "Hourly"), rate))

	stamps := c.T("打診 ", "offered ") + model.DateOf(j.Offered).String()
	if !j.AcceptedAt.IsZero() {
		stamps += c.T("  受注 ", "  accepted ") + model.DateOf(j.AcceptedAt).String()
	}
	if !j.Delivered.IsZero() {
		stamps += c.T("  納品 ", "  delivered ") + model.DateOf(j.Delivered).String()
	}
	lines = append(lines, field(c.T("日付", "Dates"), stamps, c.Width))
	invoiced, paid := "-", "-"
	if !j.InvoicedOn.IsZero() {
		invoiced = model.FormatYen(j.Invoiced) + c.T("（"+j.InvoicedOn.String()+"）", " ("+j.InvoicedOn.String()+")")
	}
	if !j.PaidOn.IsZero() {
		paid = model.FormatYen(j.PaidAmount) + c.T("（"+j.PaidOn.String()+"）", " ("+j.PaidOn.String()+")")
	}
	lines = append(lines, pair(c.T("請求", "Invoiced"), invoiced, c.T("入金", "Paid"), paid))
	if d := j.PaymentDifference(); !j.PaidOn.IsZero() && d != 0 {
		lines = append(lines, lab(c.T("差額", "Difference"))+" "+st.Warn.Render(model.FormatSignedYen(d))+
			c.T("（入金額 - 請求額）", " (received - invoiced)"))
	}
	if items := m.board.Settings.QAChecklist; len(items) > 0 {
		var b []string
		for _, it := range items {
			mark := "[ ]"
			for _, done := range j.Checklist {
				if done == it {
					mark = "[x]"
				}
			}
			b = append(b, mark+" "+it)
		}
		lines = append(lines, field(c.T("検品", "QA"), strings.Join(b, "  "), c.Width))
	}
	if j.Notes != "" { // two lines at most here; the edit form shows the rest
		notes := wrapText(strings.ReplaceAll(j.Notes, "\n", " "), c.Width-13)
		if len(notes) > 2 {
			notes[1] = common.Cut(notes[1]+notes[2], c.Width-13)
			notes = notes[:2]
		}
		lines = append(lines, field(c.T("メモ", "Notes"), notes[0], c.Width))
		for _, l := range notes[1:] {
			lines = append(lines, strings.Repeat(" ", 13)+l)
		}
	}

	if m.ov == ovNone {
		lines = append(lines, st.Heading.Render(c.T(fmt.Sprintf("履歴 %d件（新しい順）", len(m.detail.Events)), fmt.Sprintf("History: %d (newest first)", len(m.detail.Events)))))
		lines = append(lines, m.historyLines(max(c.Height-len(lines), 0))...)
		return lines, -1
	}
	return m.panelLines(lines)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// historyLines draws up to n lines of history from histOffset: when, who, and the text (a note
// wraps onto following lines).
func (m Model) historyLines(n int) []string {
	c, st := m.ctx, m.ctx.Styles
	var out []string
	if len(m.detail.Events) == 0 {
		return []string{st.Muted.Render(c.T("  まだありません", "  Nothing yet"))}
	}
	year := c.Today().Year
	for _, e := range m.detail.Events[min(m.histOffset, len(m.detail.Events)):] {
		if len(out) >= n {
			break
		}
		when := e.At.In(model.Tokyo).Format("01-02 15:04")
		if model.DateOf(e.At).Year != year {
			when = e.At.In(model.Tokyo).Format("2006-01-02")
		}
		kind := c.T("進捗", "move")
		if e.Kind == model.EventNote {
			kind = c.T("メモ", "note")
		}
		prefix := "  " + common.Fit(when, 11) + " " + common.Fit(e.Staff, 10) + " " + common.Fit(kind, 4) + " "
		indent := ansi.StringWidth(prefix)
		text := e.Line(c.Lang)
		w := max(c.Width-indent, 10)
		wrapped := wrapText(strings.ReplaceAll(text, "\n", " "), w)
		if e.Kind == model.EventStatus {
			prefix = st.Muted.Render(prefix)
		}
		for i, l := range wrapped {
			if len(out) >= n {
				break
			}
			if i == 0 {
				out = append(out, prefix+l)
			} else {
				out = append(out, strings.Repeat(" ", indent)+l)
			}
		}
	}
	return out
}

// moveTitle is the heading of a move's panel.
func (m Model) moveTitle() string {
	c := m.ctx
	switch m.moveTo {
	case model.JobReturned:
		return c.T("差戻し：理由を書いてください", "Return the job: give the reason")
	case model.JobCancelled:
		return c.T("辞退/キャンセル：理由があれば書いてください", "Cancel the job: the reason, if any")
	case model.JobInvoiced:
		return c.T("請求：金額と日付（金額は空欄なら案件の金額）", "Invoice: amount and date (empty amount: the job's amount)")
	case model.JobPaid:
		return c.T("入金：受け取った金額と日付", "Paid: the amount received and the date")
	case model.JobDelivered:
		return c.T("納品：検品項目をすべて確認してください", "Deliver: tick every QA item")
	case "":
		return c.T("検品チェック：確認した項目に印を付けます", "QA review: tick the items checked")
	}
	return c.T("「"+m.moveTo.Label(model.JA)+"」に進めます", "Move the job to "+m.moveTo.Label(model.EN))
}

// panelLines adds the open overlay's panel under the detail's fields, and returns the line the
// small form starts on.
func (m Model) panelLines(lines []string) ([]string, int) {
	c, st := m.ctx, m.ctx.Styles
	top := -1
	switch m.ov {
	case ovNote:
		lines = append(lines, st.Heading.Render(c.T("伴走メモを書く（ctrl+s で記録）", "Write a support note (ctrl+s saves)")))
		top = len(lines)
		lines = append(lines, strings.Split(m.form.View(st), "\n")...)
	case ovMove:
		lines = append(lines, st.Heading.Render(m.moveTitle()))
		top = len(lines)
		lines = append(lines, strings.Split(m.form.View(st), "\n")...)
		if m.moveTo == model.JobPaid {
			if n, err := model.ParseYen(m.form.Value("amount")); err == nil && m.detail.Job.Invoiced != 0 && n != m.detail.Job.Invoiced {
				lines = append(lines, st.Warn.Render(c.T("  請求額との差 ", "  difference from the invoice ")+model.FormatSignedYen(n-m.detail.Job.Invoiced)))
			}
		}
	case ovConfirm:
		lines = append(lines, st.Heading.Render(m.moveTitle()))
		for _, l := range components.WrapPhrases(c.T(
			fmt.Sprintf("「%s」から「%s」にします。元に戻せません。enter で確定、esc でやめます", m.detail.Job.Status.Label(model.JA), m.moveTo.Label(model.JA)),
			fmt.Sprintf("From %s to %s; this cannot be undone. enter confirms, esc cancels.", m.detail.Job.Status.Label(model.EN), m.moveTo.Label(model.EN))), c.Width-2) {
			lines = append(lines, "  "+l)
		}
	case ovChecklist:
		lines = append(lines, st.Heading.Render(m.moveTitle()))
		items := m.board.Settings.QAChecklist
		if len(items) == 0 {
			lines = append(lines, st.Muted.Render(c.T("  検品項目はありません（設定 S で追加できます）。ctrl+s で確定", "  No QA items (add them in settings, S). ctrl+s confirms")))
		}
		for i, it := range items {
			mark := "[ ]"
			if i < len(m.ticks) && m.ticks[i] {
				mark = "[x]"
			}
			line := mark + " " + it
			if i == m.tickCursor {
				lines = append(lines, st.Selected.Render("> "+line))
			} else {
				lines = append(lines, "  "+line)
			}
		}
		lines = append(lines, st.Muted.Render(c.T("  space で印、ctrl+s で確定、esc でやめる", "  space ticks, ctrl+s confirms, esc cancels")))
	}
	if m.flash != "" {
		lines = append(lines, st.Danger.Render(common.Cut(m.flash, c.Width)))
	}
	return lines, top
}

// noLineStart are the characters Japanese typesetting never puts at the start of a line.
const noLineStart = "。、，．）」』】〕！？ー・：；"

// wrapText breaks plain text into lines of at most w cells (display width): at the last space
// when one is near the end of the line (English), else at the width (Japanese has no spaces).
// A hyphen is never a break, so "-¥440" stays whole.
func wrapText(s string, w int) []string {
	var out []string
	var line []rune
	width, lastSpace := 0, -1
	for _, r := range s {
		rw := ansi.StringWidth(string(r))
		if width+rw > w && len(line) > 0 {
			cut := len(line)
			if lastSpace > 0 && ansi.StringWidth(string(line[lastSpace:])) < w/3 {
				cut = lastSpace
			} else if strings.ContainsRune(noLineStart, r) && cut > 1 {
				cut-- // 禁則: 。、） never start a line; the character before goes down with it
			}
			out = append(out, strings.TrimRight(string(line[:cut]), " "))
			line = append([]rune(nil), line[cut:]...)
			for len(line) > 0 && line[0] == ' ' {
				line = line[1:]
			}
			width, lastSpace = ansi.StringWidth(string(line)), -1
			for i, x := range line {
				if x == ' ' {
					lastSpace = i
				}
			}
		}
		if r == ' ' {
			lastSpace = len(line)
		}
		line = append(line, r)
		width += rw
	}
	if len(line) > 0 || len(out) == 0 {
		out = append(out, string(line))
	}
	return out
}
