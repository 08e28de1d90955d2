package attendance

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// A course: its sessions (enter takes the roll) and its people with sessions attended of the
// total and whether that completes the course by its rule.

func enrol(s Store, c model.Course, p model.Person) tea.Cmd {
	return func() tea.Msg {
		if _, err := s.Enroll(c.ID, p.ID); err != nil {
			return common.ErrorMsg{Err: err}
		}
		return EnrolledMsg{Course: c, Person: p}
	}
}

func enrolCheck(s Store, c model.Course, p model.Person) tea.Cmd {
	return func() tea.Msg {
		w, warn, err := s.EnrolCheck(c.ID, p.ID)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return EnrolCheckedMsg{Course: c, Person: p, Warning: w, Warn: warn}
	}
}

func withdraw(s Store, c model.Course, p model.Person) tea.Cmd {
	return func() tea.Msg {
		if err := s.Withdraw(c.ID, p.ID); err != nil {
			return common.ErrorMsg{Err: err}
		}
		return WithdrawnMsg{Course: c, Person: p}
	}
}

func deleteSession(s Store, se model.Session) tea.Cmd {
	return func() tea.Msg {
		if err := s.DeleteSession(se.ID); err != nil {
			return common.ErrorMsg{Err: err}
		}
		return SessionDeletedMsg{Session: se}
	}
}

func (m Model) courseKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	cs := m.sheet
	n := len(cs.Sessions) + len(cs.People)
	onSession := m.courseCur < len(cs.Sessions)
	switch {
	case key.Matches(k, m.keys.Up):
		m.courseCur = clamp(m.courseCur-1, n)
	case key.Matches(k, m.keys.Down):
		m.courseCur = clamp(m.courseCur+1, n)
	case key.Matches(k, m.keys.Open):
		if onSession && m.courseCur < len(cs.Sessions) {
			se := cs.Sessions[m.courseCur]
			m = m.open(viewRoll)
			m.rollID, m.rollCur, m.roll = se.ID, 0, store.Roll{}
			return m, loadRoll(m.store, se.ID)
		}
	case key.Matches(k, m.keys.Enrol):
		if cs.Course.ID == 0 {
			return m, nil
		}
		m.picker = components.NewPersonPicker(m.ctx.Lang, "> ")
		m.pickKind = pickEnrol
		return m, loadPeople(m.store)
	case key.Matches(k, m.keys.Withdraw):
		if onSession || m.courseCur >= n {
			return m, common.Status(m.ctx.T("退講にする人を選んでください", "Choose the person to withdraw"))
		}
		l := cs.People[m.courseCur-len(cs.Sessions)]
		if !l.Active() {
			return m, common.Status(m.ctx.T("この方は受講登録されていません", "This person is not enrolled"))
		}
		m.ask = &confirm{
			title: m.ctx.T(fmt.Sprintf("%sさんを %s から退講にしますか？", l.Person.DisplayName(), cs.Course.Name),
				fmt.Sprintf("Withdraw %s from %s?", l.Person.DisplayName(), cs.Course.Name)),
			lines: []string{m.ctx.T("これまでの出欠記録は残ります。もう一度登録することもできます。", "Their marks so far are kept; they can be enrolled again.")},
			yes:   m.ctx.T("退講にする", "withdraw"),
			run:   withdraw(m.store, cs.Course, l.Person),
		}
	case key.Matches(k, m.keys.AddSessions):
		if cs.Course.ID == 0 {
			return m, nil
		}
		return m.openSeriesForm(), nil
	case key.Matches(k, m.keys.EditCourse):
		if cs.Course.ID == 0 {
			return m, nil
		}
		return m.openCourseForm(cs.Course, formCourseEdit), nil
	case key.Matches(k, m.keys.DeleteSession):
		if !onSession || m.courseCur >= len(cs.Sessions) {
			return m, nil
		}
		se := cs.Sessions[m.courseCur]
		if cs.Attended(m.courseCur) > 0 || m.sessionHasMarks(m.courseCur) {
			return m, common.Fail(model.Conflict("出欠が記録された回は削除できません", "A session with marks cannot be deleted"))
		}
		m.ask = &confirm{
			title: m.ctx.T(fmt.Sprintf("回「%s」（%s %s）を削除しますか？", se.Title, se.Date, se.Span()),
				fmt.Sprintf("Delete the session %q (%s %s)?", se.Title, se.Date, se.Span())),
			yes: m.ctx.T("削除する", "delete"),
			run: deleteSession(m.store, se),
		}
	}
	return m, nil
}

func (m Model) sessionHasMarks(i int) bool {
	for _, p := range m.sheet.People {
		if i < len(p.Marks) && p.Marks[i].Mark != model.MarkNone {
			return true
		}
	}
	return false
}

// markStrip draws a person's marks, one cell per session: 出 遅 早 欠 連, - unmarked, . to come.
func (m Model) markStrip(l store.SheetLine, sessions []model.Session) string {
	today := m.ctx.Today()
	var b strings.Builder
	for i, se := range sessions {
		mk := l.Marks[i].Mark
		switch {
		case mk != model.MarkNone:
			b.WriteString(mk.Short(m.ctx.Lang))
		case se.Date.After(today):
			b.WriteString(m.ctx.T("・", "."))
		default:
			b.WriteString(m.ctx.T("－", "-"))
		}
	}
	return b.String()
}

func (m Model) courseView() string {
	c, st := m.ctx, m.ctx.Styles
	cs := m.sheet
	if cs.Course.ID == 0 {
		return st.Muted.Render(c.T("読み込み中", "Loading"))
	}
	w := c.Width
	total := len(cs.Sessions)
	active, done := 0, 0
	for _, p := range cs.People {
		if p.Active() {
			active++
			if p.Progress.Completed {
				done++
			}
		}
	}
	head := st.Title.Render(common.Cut(model.FormatFiscalYear(cs.Course.FiscalYear, c.Lang)+" "+cs.Course.Name, w-30)) + "  " + st.Muted.Render(cs.Course.Kind.Label(c.Lang))
	rule := c.T("修了: ", "Rule: ") + cs.Course.RuleText(total, c.Lang)
	if cs.Course.MinSessions == 0 && total > 0 {
		rule += c.T("（標準: 全回数-1）", " (default: all but one)")
	}
	lines := []string{head, common.Cut(rule, w)}
	var rows []string
	sel := 0
	heads := map[int]string{}
	heads[0] = st.Heading.Render(c.T(fmt.Sprintf("回 %d件", total), fmt.Sprintf("Sessions: %d", total)))
	idx := 0
	for i, se := range cs.Sessions {
		att := c.T(fmt.Sprintf("出席 %d人", cs.Attended(i)), fmt.Sprintf("attended %d", cs.Attended(i)))
		if se.Date.After(c.Today()) {
			att = ""
		}
		text := fmt.Sprintf("%2d ", i+1) + common.Fit(shortDate(se.Date, c.Lang), 10) + " " + se.Span() + " " +
			common.Fit(se.Title, max(w-4-3-11-12-14, 8)) + " " + common.Fit(att, 12)
		rows = append(rows, m.row(text, idx == m.courseCur, w))
		if idx == m.courseCur {
			sel = len(rows) - 1
		}
		idx++
	}
	if total == 0 {
		rows = append(rows, st.Muted.Render(c.T("  回がまだありません。s で追加します", "  No sessions yet; s adds them")))
	}
	heads[len(rows)] = st.Heading.Render(c.T(fmt.Sprintf("受講者 %d人（修了 %d人）", active, done), fmt.Sprintf("Enrolled: %d (%d complete)", active, done)))
	if len(cs.People) == 0 {
		rows = append(rows, st.Muted.Render(c.T("  受講者はまだいません。i で登録します", "  Nobody enrolled yet; i enrols")))
	}
	for _, p := range cs.People {
		tag := ""
		switch {
		case !p.Enrolled:
			tag = c.T("飛び入り", "walk-in")
		case !p.Active():
			tag = c.T("退講", "withdrawn")
		}
		prog := p.Progress.Text(c.Lang)
		text := common.Fit(p.Person.DisplayName(), 16) + " " + common.Fit(m.markStrip(p, cs.Sessions), min(2*total, 30)) + " " +
			common.Fit(prog, 10) + " " + tag
		rows = append(rows, m.row(text, idx == m.courseCur, w))
		if idx == m.courseCur {
			sel = len(rows) - 1
		}
		idx++
	}
	// interleave the two headings with the rows so the window keeps them where they belong
	var all []string
	selLine := 0
	for i, r := range rows {
		if h, ok := heads[i]; ok {
			all = append(all, h)
		}
		if i == sel {
			selLine = len(all)
		}
		all = append(all, r)
	}
	if h, ok := heads[len(rows)]; ok {
		all = append(all, h)
	}
	return strings.Join(append(lines, m.scroll(all, selLine, c.Height-len(lines))...), "\n")
}
