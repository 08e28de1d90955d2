package attendance

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// The roll: one row per person, one key per mark. Every key press is one store.SetMark (the
// mark is saved as it is made); check-ins for 講座 show as suggestions that only y accepts.

// rollPerson is the highlighted person's id (0 when none).
func (m Model) rollPerson() uint64 {
	if m.rollCur < 0 || m.rollCur >= len(m.roll.Lines) {
		return 0
	}
	return m.roll.Lines[m.rollCur].Person.ID
}

func (m Model) rollKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	n := len(m.roll.Lines)
	marks := []struct {
		b    key.Binding
		mark model.Mark
	}{
		{m.keys.Present, model.MarkPresent}, {m.keys.Late, model.MarkLate}, {m.keys.LeftEarly, model.MarkLeftEarly},
		{m.keys.Absent, model.MarkAbsent}, {m.keys.Excused, model.MarkExcused}, {m.keys.Clear, model.MarkNone},
	}
	for _, mk := range marks {
		if key.Matches(k, mk.b) {
			if m.rollCur >= n {
				return m, nil
			}
			l := m.roll.Lines[m.rollCur]
			a, err := model.NewAttendance(m.roll.Session.ID, l.Person.ID, mk.mark, l.Attendance.Note)
			if err != nil {
				return m, common.Fail(err)
			}
			// move on to the next person, so a roll is one key per person
			m.rollCur = clamp(m.rollCur+1, n)
			return m, setMarks(m.store, []model.Attendance{a})
		}
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.rollCur = clamp(m.rollCur-1, n)
	case key.Matches(k, m.keys.Down):
		m.rollCur = clamp(m.rollCur+1, n)
	case key.Matches(k, m.keys.Accept):
		var as []model.Attendance
		for _, l := range m.roll.Lines {
			if l.Suggested && l.Attendance.Mark == model.MarkNone {
				a, err := model.NewAttendance(m.roll.Session.ID, l.Person.ID, model.MarkPresent, l.Attendance.Note)
				if err != nil {
					return m, common.Fail(err)
				}
				as = append(as, a)
			}
		}
		if len(as) == 0 {
			return m, common.Status(m.ctx.T("出席の提案はありません", "No suggestions to accept"))
		}
		return m, tea.Batch(setMarks(m.store, as), common.Status(m.ctx.T(
			fmt.Sprintf("提案の %d人を出席にしました", len(as)), fmt.Sprintf("Marked %d suggested %s present", len(as), map[bool]string{true: "person", false: "people"}[len(as) == 1]))))
	case key.Matches(k, m.keys.Note):
		if m.rollCur >= n {
			return m, nil
		}
		name := m.roll.Lines[m.rollCur].Person.DisplayName()
		m.note = components.NewInput(m.ctx.T("メモ（"+name+"）: ", "Note ("+name+"): "), 200)
		m.note.SetValue(m.roll.Lines[m.rollCur].Attendance.Note)
		m.note.Focus()
		m.noting = true
	case key.Matches(k, m.keys.WalkIn):
		m.picker = components.NewPersonPicker(m.ctx.Lang, "> ")
		m.pickKind = pickWalkIn
		return m, loadPeople(m.store)
	}
	return m, nil
}

// noteKey edits the highlighted person's note: ctrl+s saves (Enter is the IME's), esc cancels.
func (m Model) noteKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	switch k.String() {
	case "ctrl+s":
		m.noting = false
		if m.rollCur >= len(m.roll.Lines) {
			return m, nil
		}
		l := m.roll.Lines[m.rollCur]
		a, err := model.NewAttendance(m.roll.Session.ID, l.Person.ID, l.Attendance.Mark, m.note.Value())
		if err != nil {
			return m, common.Fail(err)
		}
		return m, setMarks(m.store, []model.Attendance{a})
	case "esc":
		m.noting = false
		return m, nil
	}
	var cmd tea.Cmd
	m.note, cmd = m.note.Update(k)
	return m, cmd
}

// markCell draws a line's mark (or suggestion) in the roll's mark column.
func (m Model) markCell(l store.RollLine, plain bool) string {
	c, st := m.ctx, m.ctx.Styles
	text, style := l.Attendance.Mark.Label(c.Lang), st.OK
	switch l.Attendance.Mark {
	case model.MarkNone:
		text, style = c.T("未記入", "unmarked"), st.Muted
		if l.Suggested {
			text, style = c.T("提案: 出席", "suggest: present"), st.Warn
		}
	case model.MarkLate, model.MarkLeftEarly:
		style = st.Warn
	case model.MarkAbsent:
		style = st.Danger
	case model.MarkExcused:
		style = st.App
	}
	text = common.Fit(text, 16)
	if plain {
		return text
	}
	return style.Render(text)
}

func (m Model) rollView() string {
	v, _ := m.rollLayout()
	return v
}

// rollLayout draws the roll and says on which line the note being written sits (-1 when none):
// right under the person's row, not at the foot of a tall screen.
func (m Model) rollLayout() (string, int) {
	c, st := m.ctx, m.ctx.Styles
	r := m.roll
	if r.Session.ID == 0 {
		return st.Muted.Render(c.T("読み込み中", "Loading")), -1
	}
	w := c.Width
	marked, unmarked, suggested := r.Counts()
	head := st.Title.Render(common.Cut(r.Course.Name+c.T("「", " \"")+r.Session.Title+c.T("」", "\"")+"  "+r.Course.Kind.Label(c.Lang), w))
	info := shortDate(r.Session.Date, c.Lang) + " " + r.Session.Span()
	if r.Session.Place != "" {
		info += "  " + r.Session.Place
	}
	counts := c.T(fmt.Sprintf("記入済 %d / 未記入 %d", marked, unmarked), fmt.Sprintf("marked %d / unmarked %d", marked, unmarked))
	if suggested > 0 {
		counts += st.Warn.Render(c.T(fmt.Sprintf("  提案 %d（y で出席）", suggested), fmt.Sprintf("  suggested %d (y accepts)", suggested)))
	}
	lines := []string{head, common.Cut(info, w), counts}
	nameW, tagW := 16, 10
	noteW := max(w-2-nameW-1-16-1-tagW-1, 8)
	lines = append(lines, st.Muted.Render("  "+common.Fit(c.T("氏名", "Name"), nameW)+" "+common.Fit(c.T("出欠", "Mark"), 16)+" "+common.Fit("", tagW)+" "+c.T("メモ", "Note")))
	if len(r.Lines) == 0 {
		lines = append(lines, st.Muted.Render(c.T("  受講登録された人がいません。w で飛び入りを追加できます", "  Nobody is enrolled; w adds a walk-in")))
	}
	var rows []string
	for i, l := range r.Lines {
		sel := i == m.rollCur
		tag := ""
		switch {
		case !l.Enrolled && l.Attendance.WalkIn:
			tag = c.T("飛び入り", "walk-in")
		case !l.Enrolled:
			tag = c.T("退講", "withdrawn")
		}
		note := l.Attendance.Note
		if note == "" && l.Suggested {
			note = c.T(fmt.Sprintf("%s 来館（講座）", model.HHMM(l.CheckedIn)), fmt.Sprintf("checked in %s (course)", model.HHMM(l.CheckedIn)))
		}
		text := common.Fit(l.Person.DisplayName(), nameW) + " " + m.markCell(l, sel) + " " + common.Fit(tag, tagW) + " " + common.Cut(note, noteW)
		if sel {
			text = common.Fit(l.Person.DisplayName(), nameW) + " " + m.markCell(l, true) + " " + common.Fit(tag, tagW) + " " + common.Cut(note, noteW)
		}
		rows = append(rows, m.row(text, sel, w))
	}
	avail := c.Height - len(lines)
	if m.noting {
		avail--
	}
	shown := m.scroll(rows, m.rollCur, avail)
	if !m.noting {
		return strings.Join(append(lines, shown...), "\n"), -1
	}
	at := len(shown) // under the selected row; at the end if it cannot be found
	if m.rollCur < len(rows) {
		if i := slices.Index(shown, rows[m.rollCur]); i >= 0 {
			at = i + 1
		}
	}
	shown = slices.Insert(shown, at, m.note.View())
	return strings.Join(append(lines, shown...), "\n"), len(lines) + at
}
