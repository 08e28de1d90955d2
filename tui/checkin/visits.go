package checkin

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// The day's visit list (来館記録): every visit that began on a day, in check-in order, with
// the correction form for the highlighted one.

func (m Model) dayVisits(msg DayVisitsMsg) (common.Screen, tea.Cmd) {
	if msg.Day != m.day {
		return m, nil // an answer for a day no longer shown
	}
	if msg.Err != nil {
		return m, common.Fail(msg.Err)
	}
	m.visits = msg.Lines
	m.visitCursor = max(0, min(m.visitCursor, len(m.visits)-1))
	return m, nil
}

func (m Model) visitsKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	km := m.keys
	switch {
	case key.Matches(k, km.Up):
		m.visitCursor = max(0, m.visitCursor-1)
	case key.Matches(k, km.Down):
		m.visitCursor = max(0, min(len(m.visits)-1, m.visitCursor+1))
	case key.Matches(k, km.PrevDay):
		m.day, m.visitCursor = m.day.AddDays(-1), 0
		return m, loadDay(m.store, m.day)
	case key.Matches(k, km.NextDay):
		m.day, m.visitCursor = m.day.AddDays(1), 0
		return m, loadDay(m.store, m.day)
	case key.Matches(k, km.Today):
		m.day, m.visitCursor = m.ctx.Today(), 0
		return m, loadDay(m.store, m.day)
	case key.Matches(k, km.Correct):
		if m.visitCursor < len(m.visits) {
			return m.openCorrect(m.visits[m.visitCursor]), nil
		}
	case key.Matches(k, km.Back), key.Matches(k, km.Visits):
		return m.toCounter(), nil
	}
	return m, nil
}

func (m Model) openCorrect(l store.VisitLine) Model {
	c := m.ctx
	m.correcting = l
	m.view = viewCorrect
	m.title = c.T(fmt.Sprintf("来館の訂正  %s  %s", l.Person.DisplayName(), model.FormatDateLong(l.Visit.Day(), c.Lang)),
		fmt.Sprintf("Correct a visit  %s  %s", l.Person.DisplayName(), model.FormatDateLong(l.Visit.Day(), c.Lang)))
	in := components.NewField("in", c.T("入館", "In"), model.HHMM(l.Visit.In), 5)
	in.Hint = "9:30"
	out := components.NewField("out", c.T("退館", "Out"), model.HHMM(l.Visit.Out), 5)
	out.Hint = c.T("空欄 = 在館中", "empty = still in")
	reason := components.NewField("reason", c.T("理由", "Reason"), "", 100)
	reason.Hint = c.T("例: チェックアウト忘れ", "e.g. forgot to check out")
	m.form = components.NewForm(c.Lang, in, out, reason)
	m.form = m.form.FocusField("reason")
	if l.Visit.Open() {
		m.form = m.form.FocusField("out")
	}
	m.formErr = ""
	return m
}

// submitCorrect validates the form (times as H:MM on the visit's day) and saves it.
func (m Model) submitCorrect() (common.Screen, tea.Cmd) {
	v := m.correcting.Visit
	var errs model.FieldErrors
	day := v.Day()
	var in, out time.Time
	if c, err := model.ParseClock(m.form.Value("in")); err != nil {
		errs = append(errs, errField("in", err))
	} else {
		in = day.At(c)
	}
	if s := strings.TrimSpace(m.form.Value("out")); s != "" {
		if c, err := model.ParseClock(s); err != nil {
			errs = append(errs, errField("out", err))
		} else {
			out = day.At(c)
		}
	}
	reason := strings.TrimSpace(m.form.Value("reason"))
	if len(errs) == 0 {
		if _, err := model.CorrectVisit(v, in, out, reason); err != nil {
			return m.formFailed(err)
		}
	} else if reason == "" {
		errs = append(errs, model.Invalid("reason", "訂正の理由を入力してください", "Give a reason for the correction"))
	}
	if len(errs) > 0 {
		return m.formFailed(errs)
	}
	return m, correct(m.store, v.ID, in, out, reason)
}

func (m Model) corrected(msg CorrectedMsg) (common.Screen, tea.Cmd) {
	if msg.Err != nil {
		if m.view == viewCorrect {
			return m.formFailed(msg.Err)
		}
		return m, common.Fail(msg.Err)
	}
	c := m.ctx
	v := msg.Visit
	span := model.HHMM(v.In) + "-" + model.HHMM(v.Out)
	if v.Open() {
		span = model.HHMM(v.In) + c.T("〜（在館中）", "- (still in)")
	}
	name := m.correcting.Person.DisplayName()
	if m.view == viewCorrect {
		m.view = viewVisits
		m.form, m.formErr = m.form.SetErrors(nil)
	}
	return m, tea.Batch(common.Status(c.T(fmt.Sprintf("訂正しました: %s %s", name, span), fmt.Sprintf("Corrected: %s %s", name, span))),
		common.Changed(model.KindVisit))
}

func (m Model) visitsView() string {
	c, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(c.T("来館記録", "Visits")) + "  " + model.FormatDateLong(m.day, c.Lang) + " " + m.day.String() + "  " +
		c.T(fmt.Sprintf("%d件", len(m.visits)), fmt.Sprintf("%d visits", len(m.visits))) + "\n")
	b.WriteString(st.Muted.Render(c.T("  入館   退館   滞在        氏名            目的", "  In     Out    Stayed      Name            Purpose")) + "\n")
	if len(m.visits) == 0 {
		b.WriteString(st.Muted.Render(c.T("  この日の来館はありません", "  No visits on this day")) + "\n")
	}
	now := c.Clock.Now()
	rows := max(c.Height-3, 1)
	offset := 0
	if m.visitCursor >= rows {
		offset = m.visitCursor - rows + 1
	}
	for i := offset; i < len(m.visits) && i < offset+rows; i++ {
		l := m.visits[i]
		v := l.Visit
		out := c.T("在館中", "in")
		if !v.Open() {
			out = model.HHMM(v.Out)
		}
		line := common.Fit(model.HHMM(v.In), 6) + " " + common.Fit(out, 6) + " " + common.Fit(model.FormatDuration(v.Duration(now), c.Lang), 11) +
			" " + common.Fit(l.Person.DisplayName(), 15) + " " + v.Purpose.Label(c.Lang)
		if v.ClosedAtClosing {
			line += c.T("（閉館時）", " (at closing)")
		}
		if i == m.visitCursor {
			b.WriteString(st.Selected.Render("> "+common.Fit(line, c.Width-2)) + "\n")
		} else {
			b.WriteString("  " + common.Cut(line, c.Width-2) + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}
