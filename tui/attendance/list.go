package attendance

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
)

// The list: today's sessions first (enter takes the roll), then every course (enter opens it).

func (m Model) listLen() int { return len(m.sessions) + len(m.courses) }

func (m Model) listKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Up):
		m.listCur = clamp(m.listCur-1, m.listLen())
	case key.Matches(k, m.keys.Down):
		m.listCur = clamp(m.listCur+1, m.listLen())
	case key.Matches(k, m.keys.Open):
		switch {
		case m.listCur < len(m.sessions):
			se := m.sessions[m.listCur].Session
			m = m.open(viewRoll)
			m.rollID, m.rollCur, m.roll = se.ID, 0, store.Roll{}
			return m, loadRoll(m.store, se.ID)
		case m.listCur < m.listLen():
			c := m.courses[m.listCur-len(m.sessions)].Course
			m = m.open(viewCourse)
			m.courseID, m.courseCur, m.sheet = c.ID, 0, store.CourseSheet{}
			return m, loadSheet(m.store, c.ID)
		}
	case key.Matches(k, m.keys.NewCourse):
		return m.openCourseForm(model.Course{FiscalYear: model.FiscalYear(m.ctx.Today())}, formCourseNew), nil
	}
	return m, nil
}

func (m Model) listView() string {
	c, st := m.ctx, m.ctx.Styles
	if !m.loaded {
		return st.Muted.Render(c.T("読み込み中", "Loading"))
	}
	w := c.Width
	head := st.Title.Render(c.T("出席・講座", "Attendance and courses")) + "  " + model.FormatDateLong(m.date, c.Lang)
	idx := 0
	lines := []string{}
	selLine := 0
	heading := func(s string) { lines = append(lines, st.Heading.Render(s)) }
	heading(c.T(fmt.Sprintf("本日の回 %d件", len(m.sessions)), fmt.Sprintf("Today's sessions: %d", len(m.sessions))))
	if len(m.sessions) == 0 {
		lines = append(lines, st.Muted.Render(c.T("  本日の回はありません", "  No sessions today")))
	}
	for _, ds := range m.sessions {
		done := ds.Enrolled - ds.Unmarked // enrolled people marked (walk-ins are not counted against the roll)
		right := c.T(fmt.Sprintf("記入 %d/%d", done, ds.Enrolled), fmt.Sprintf("marked %d/%d", done, ds.Enrolled))
		if ds.Unmarked == 0 && ds.Enrolled > 0 {
			right = c.T("記入済 ", "done ") + fmt.Sprintf("%d/%d", done, ds.Enrolled)
		}
		left := ds.Session.Span() + " " + common.Fit(ds.Course.Kind.Label(c.Lang), 12) + " " + ds.Course.Name + c.T("「", " \"") + ds.Session.Title + c.T("」", "\"")
		text := common.Fit(left, w-4-15) + " " + common.Fit(right, 14)
		if idx == m.listCur {
			selLine = len(lines)
		}
		lines = append(lines, m.row(text, idx == m.listCur, w))
		idx++
	}
	if len(m.courses) == 0 {
		heading(c.T("講座", "Courses"))
		lines = append(lines, st.Muted.Render(c.T("  講座はまだありません。n で作成します", "  No courses yet; n creates one")))
	}
	perYear := map[int]int{}
	for _, cl := range m.courses {
		perYear[cl.Course.FiscalYear]++
	}
	year := -1
	for _, cl := range m.courses {
		if fy := cl.Course.FiscalYear; fy != year {
			year = fy
			heading(c.T(fmt.Sprintf("講座 %s %d件", model.FormatFiscalYear(fy, c.Lang), perYear[fy]),
				fmt.Sprintf("Courses %s: %d", model.FormatFiscalYear(fy, c.Lang), perYear[fy])))
		}
		span := shortDate(cl.First, c.Lang)
		if cl.Last != cl.First {
			span = cl.First.String()[5:] + c.T("〜", " to ") + cl.Last.String()[5:]
		}
		if cl.Sessions == 0 {
			span = c.T("回なし", "no sessions")
		}
		right := c.T(fmt.Sprintf("%d回 受講%d人", cl.Sessions, cl.Enrolled), fmt.Sprintf("%d sess. %d enrolled", cl.Sessions, cl.Enrolled))
		left := common.Fit(cl.Course.Kind.Label(c.Lang), 12) + " " + cl.Course.Name
		text := common.Fit(left, w-4-35) + " " + common.Fit(span, 14) + " " + common.Fit(right, 19)
		if idx == m.listCur {
			selLine = len(lines)
		}
		lines = append(lines, m.row(text, idx == m.listCur, w))
		idx++
	}
	return head + "\n\n" + strings.Join(m.scroll(lines, selLine, c.Height-2), "\n")
}
