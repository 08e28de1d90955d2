package attendance

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// Forms (a course; a series of sessions), the person search and confirmations. Forms never
// submit on Enter (it confirms IME conversions): Enter and Tab move on, ctrl+s saves, esc cancels.

// formTop and pickTop are the body lines above a form's first field and the search field.
const (
	formTop = 2
	pickTop = 2
)

func saveCourse(s Store, c model.Course, created bool) tea.Cmd {
	return func() tea.Msg {
		var err error
		if created {
			c, err = s.CreateCourse(c)
		} else {
			c, err = s.UpdateCourse(c)
		}
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return CourseSavedMsg{Course: c, Created: created}
	}
}

func createSessions(s Store, ss []model.Session) tea.Cmd {
	return func() tea.Msg {
		got, err := s.CreateSessions(ss)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return SessionsCreatedMsg{Sessions: got}
	}
}

func (m Model) field(name, ja, en, value, hintJA, hintEN string, limit int) components.Field {
	f := components.NewField(name, m.ctx.T(ja, en), value, limit)
	if hintJA != "" {
		f.Hint = m.ctx.T(hintJA, hintEN)
	}
	return f
}

func (m Model) openCourseForm(c model.Course, kind formKind) Model {
	in := c.Form()
	if c.Kind == "" {
		in.Kind = ""
	} else {
		in.Kind = c.Kind.Label(m.ctx.Lang)
	}
	m.form = components.NewForm(m.ctx.Lang,
		m.field("kind", "種類", "Kind", in.Kind, "1 周知セミナー 2 育成講座 3 OJT研修 4 勉強会", "1 seminar 2 basic 3 OJT 4 study", 12),
		m.field("name", "講座名", "Name", in.Name, "例: 育成講座 第3期", "e.g. 育成講座 第3期", 80),
		m.field("fiscal_year", "年度（西暦）", "Fiscal year", in.FiscalYear, "例: 2026", "e.g. 2026", 4),
		m.field("min_sessions", "修了に必要な回数", "Sessions to complete", in.MinSessions, "空欄は全回数-1", "blank: all but one", 3),
	)
	m.formKind, m.formErr = kind, ""
	return m
}

func (m Model) openSeriesForm() Model {
	from := m.ctx.Today()
	start, end, place, capacity := "10:00", "12:00", "", ""
	if n := len(m.sheet.Sessions); n > 0 {
		last := m.sheet.Sessions[n-1]
		if next := last.Date.AddDays(7); next.After(from) {
			from = next
		}
		start, end, place = last.Start.String(), last.End.String(), last.Place
		if last.Capacity > 0 {
			capacity = fmt.Sprint(last.Capacity)
		}
	}
	m.form = components.NewForm(m.ctx.Lang,
		m.field("from", "初回の日付（毎週）", "First date (weekly)", from.String(), "", "", 10),
		m.field("count", "回数", "Sessions", "", "空欄はタイトルの数", "blank: one per title", 2),
		m.field("dates", "日付を並べる", "Or list dates", "", "毎週でないとき: 2026-12-02, 2026-12-16", "if not weekly: 2026-12-02, 2026-12-16", 400),
		m.field("start", "開始", "Start", start, "", "", 5),
		m.field("end", "終了", "End", end, "", "", 5),
		m.field("titles", "タイトル", "Titles", "", "回ごとに、で区切る（1つなら共通名+第N回）", "one per session, comma separated", 600),
		m.field("place", "場所", "Place", place, "", "", 80),
		m.field("capacity", "定員", "Capacity", capacity, "空欄は制限なし", "blank: no limit", 3),
	)
	m.formKind, m.formErr = formSeries, ""
	return m
}

func (m Model) formKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	var res components.FormResult
	var cmd tea.Cmd
	m.form, res, cmd = m.form.Update(k)
	switch res {
	case components.FormCancelled:
		m.formKind, m.formErr = formNone, ""
		return m, nil
	case components.FormSubmitted:
		v := m.form.Value
		var err error
		switch m.formKind {
		case formCourseNew, formCourseEdit:
			var c model.Course
			c, err = model.ParseCourseForm(model.CourseForm{Kind: v("kind"), Name: v("name"), FiscalYear: v("fiscal_year"), MinSessions: v("min_sessions")})
			if err == nil {
				if m.formKind == formCourseEdit {
					c.ID = m.sheet.Course.ID
				}
				m.form, m.formErr = m.form.SetErrors(nil)
				return m, saveCourse(m.store, c, m.formKind == formCourseNew)
			}
		case formSeries:
			var ss []model.Session
			ss, err = model.NewSeries(model.SeriesInput{CourseID: m.sheet.Course.ID, From: v("from"), Count: v("count"), Dates: v("dates"),
				Start: v("start"), End: v("end"), Titles: v("titles"), Place: v("place"), Capacity: v("capacity"),
				Number: len(m.sheet.Sessions) + 1})
			if err == nil {
				m.form, m.formErr = m.form.SetErrors(nil)
				return m, createSessions(m.store, ss)
			}
		}
		m.form, m.formErr = m.form.SetErrors(err)
		return m, nil
	}
	return m, cmd
}

func (m Model) formView() string {
	c, st := m.ctx, m.ctx.Styles
	var title string
	switch m.formKind {
	case formCourseNew:
		title = c.T("講座を作成", "New course")
	case formCourseEdit:
		title = c.T("講座を編集: ", "Edit course: ") + m.sheet.Course.Name
	case formSeries:
		title = c.T("回を追加: ", "Add sessions: ") + m.sheet.Course.Name
	}
	out := st.Title.Render(common.Cut(title, c.Width)) + "\n\n" + m.form.View(st)
	if m.formErr != "" {
		out += "\n\n" + st.Danger.Render(m.formErr)
	}
	if m.formKind == formSeries {
		out += "\n\n" + st.Muted.Render(c.T("初回の日付から毎週、回数分を作ります。日付を並べたときはその日に作ります。",
			"Makes the sessions weekly from the first date, or on the dates listed."))
	}
	return out
}

// ---- the person search: enrol someone, or add a walk-in to the roll ----

func (m Model) pickKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Back):
		m.pickKind = pickNone
		return m, nil
	case key.Matches(k, m.picker.Keys.Choose):
		p, ok := m.picker.Selected()
		if !ok {
			return m, nil
		}
		if m.pickKind == pickEnrol {
			for _, l := range m.sheet.People {
				if l.Person.ID == p.ID && l.Active() {
					return m, common.Status(m.ctx.T(p.DisplayName()+"さんはすでに登録されています", p.DisplayName()+" is already enrolled"))
				}
			}
			m.picker.Reset()
			return m, enrolCheck(m.store, m.sheet.Course, p)
		}
		// a walk-in: marked present (the store notes them as a walk-in when not enrolled)
		m.pickKind = pickNone
		a, err := model.NewAttendance(m.roll.Session.ID, p.ID, model.MarkPresent, "")
		if err != nil {
			return m, common.Fail(err)
		}
		for i, l := range m.roll.Lines {
			if l.Person.ID == p.ID {
				m.rollCur = i
				if l.Attendance.Mark != model.MarkNone {
					return m, common.Status(m.ctx.T(p.DisplayName()+"さんはすでに名簿にいます", p.DisplayName()+" is already on the roll"))
				}
				return m, setMarks(m.store, []model.Attendance{a})
			}
		}
		// a new line; the reload after the save brings it in with its walk-in tag
		m.roll.Lines = append(m.roll.Lines, rollLineOf(p, a))
		m.rollCur = len(m.roll.Lines) - 1
		return m, tea.Batch(setMarks(m.store, []model.Attendance{a}), common.Status(m.ctx.T(
			p.DisplayName()+"さんを飛び入りで出席にしました", "Added "+p.DisplayName()+" as a walk-in, present")))
	}
	var cmd tea.Cmd
	m.picker, cmd = m.picker.Update(k)
	return m, cmd
}

func (m Model) pickView() string {
	c, st := m.ctx, m.ctx.Styles
	var title string
	marks := map[uint64]string{}
	if m.pickKind == pickEnrol {
		title = c.T("受講登録: ", "Enrol in: ") + m.sheet.Course.Name
		for _, l := range m.sheet.People {
			if l.Active() {
				marks[l.Person.ID] = c.T("登録", "in")
			}
		}
	} else {
		title = c.T("飛び入りを追加: ", "Add a walk-in: ") + m.roll.Course.Name + " " + m.roll.Session.Title
		for _, l := range m.roll.Lines {
			marks[l.Person.ID] = c.T("名簿", "roll")
		}
	}
	p := m.picker
	p.SetMarks(marks)
	return st.Title.Render(common.Cut(title, c.Width)) + "\n\n" + p.View(st, c.Width, c.Height-pickTop)
}

// ---- confirmations ----

func (m Model) confirmView() string {
	c, st := m.ctx, m.ctx.Styles
	a := m.ask
	var out []string
	for _, l := range components.WrapPhrases(a.title, c.Width) { // a question: break where a phrase ends
		out = append(out, st.Warn.Render(l))
	}
	out = append(out, "")
	room := c.Height - 2 - len(out) // below: a blank line and the keys
	for i, l := range a.lines {
		if i == room-1 && len(a.lines) > room {
			out = append(out, st.Muted.Render(c.T(fmt.Sprintf("  ほか %d件", len(a.lines)-i), fmt.Sprintf("  and %d more", len(a.lines)-i))))
			break
		}
		out = append(out, common.Cut(l, c.Width))
	}
	if len(a.lines) > 0 {
		out = append(out, "")
	}
	keys := st.Label.Render("y") + " " + a.yes + "   " + st.Label.Render("esc") + " " + c.T("やめる", "cancel")
	if a.altRun != nil {
		keys = st.Label.Render("enter") + " " + a.alt + "   " + keys
	}
	out = append(out, keys)
	return strings.Join(out, "\n")
}
