// Package report is the レポート screen: the programme's KPIs for a period (a 年度 by default,
// a month, or any range), the figures beside them, monthly bar charts, and the export the town
// office opens in Excel (x: counts only; X twice: with names), written to exports/ beside the
// database and audited.
package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/store/export"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// Store is what the screen needs from the database: the period's report, and what an export
// reads and audits.
type Store interface {
	export.Source
	Report(p model.ReportPeriod) (model.Report, error)
}

var _ Store = (*store.Store)(nil)

// LoadedMsg carries a period's report.
type LoadedMsg struct {
	Period model.ReportPeriod
	Report model.Report
	Err    error
}

// ExportedMsg says an export was written (or why not).
type ExportedMsg struct {
	Path      string
	WithNames bool
	Err       error
}

// Charts are the monthly bar charts, in the order g cycles through them.
const (
	ChartVisits = iota
	ChartChildcare
	ChartAttendance
	ChartIncome
	chartCount
)

// Model is the レポート screen.
type Model struct {
	ctx        common.Context
	store      Store
	keys       KeyMap
	period     model.ReportPeriod
	report     model.Report
	loaded     bool
	err        error
	chart      int
	form       *components.Form // the range form, while open
	confirming bool             // a names export waits for its second X
	exporting  bool
	lastExport string
}

// New returns the screen, showing the current 年度 once loaded.
func New(ctx common.Context, s Store) Model {
	m := Model{ctx: ctx, store: s, period: model.CurrentFiscalYear(ctx.Today())}
	m.keys = m.keyMap()
	return m
}

// load reads a period's report in a command; the store and period are copied in.
func load(s Store, p model.ReportPeriod) tea.Cmd {
	return func() tea.Msg {
		r, err := s.Report(p)
		return LoadedMsg{Period: p, Report: r, Err: err}
	}
}

// exportXLSX writes the period's workbook to exports/ beside the database and audits it.
func exportXLSX(s Store, p model.ReportPeriod, withNames bool, now time.Time) tea.Cmd {
	return func() tea.Msg {
		res, err := export.Run(s, export.Options{Period: p, Format: export.XLSX, WithNames: withNames, Now: now})
		return ExportedMsg{Path: res.Path, WithNames: withNames, Err: err}
	}
}

// Init loads the current 年度.
func (m Model) Init() tea.Cmd { return load(m.store, m.period) }

func (m Model) show(p model.ReportPeriod) (Model, tea.Cmd) {
	m.period = p
	return m, load(m.store, p)
}

// Update handles data and keys.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	m, cmd := m.update(msg)
	m.keys = m.keyMap()
	return m, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	c := m.ctx
	switch msg := msg.(type) {
	case LoadedMsg:
		if msg.Period != m.period {
			return m, nil // a stale load: staff moved on
		}
		m.report, m.err, m.loaded = msg.Report, msg.Err, true
		return m, nil
	case ExportedMsg:
		m.exporting = false
		if msg.Err != nil {
			return m, common.Fail(msg.Err)
		}
		m.lastExport = shortPath(msg.Path)
		prefix := c.T("出力しました: ", "Exported: ")
		if msg.WithNames {
			prefix = c.T("氏名入りで出力しました: ", "Exported with names: ")
		}
		return m, common.Status(prefix + fitPath(m.lastExport, c.Width-ansi.StringWidth(prefix)))
	case common.DataChangedMsg:
		return m, load(m.store, m.period)
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	if m.form != nil {
		f, _, cmd := m.form.Update(msg)
		m.form = &f
		return m, cmd
	}
	return m, nil
}

func (m Model) key(k tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.form != nil {
		return m.formKey(k)
	}
	if m.confirming {
		m.confirming = false
		if key.Matches(k, m.keys.Confirm) && !m.exporting {
			m.exporting = true
			return m, exportXLSX(m.store, m.period, true, m.ctx.Clock.Now())
		}
		return m, common.Status(m.ctx.T("氏名入りの出力を取り消しました", "Export with names cancelled"))
	}
	today := m.ctx.Today()
	switch {
	case key.Matches(k, m.keys.Prev):
		return m.show(m.period.Step(-1))
	case key.Matches(k, m.keys.Next):
		return m.show(m.period.Step(1))
	case key.Matches(k, m.keys.FiscalYear):
		return m.show(model.FiscalYearPeriod(model.FiscalYear(m.period.From)))
	case key.Matches(k, m.keys.Month):
		mo := model.MonthOf(m.period.From)
		if m.period.Contains(today) && m.period.Kind != model.PeriodMonth {
			mo = model.MonthOf(today)
		}
		return m.show(model.MonthPeriod(mo.Year, mo.Month))
	case key.Matches(k, m.keys.Current):
		return m.show(model.CurrentFiscalYear(today))
	case key.Matches(k, m.keys.Range):
		f := components.NewForm(m.ctx.Lang,
			components.NewField("from", m.ctx.T("開始日", "From"), m.period.From.String(), 10),
			components.NewField("to", m.ctx.T("終了日", "To"), m.period.To.String(), 10))
		f.Fields[0].Hint = "2026-04-01"
		f.Fields[1].Hint = "2027-03-31"
		m.form = &f
		return m, nil
	case key.Matches(k, m.keys.Chart):
		m.chart = (m.chart + 1) % chartCount
		return m, nil
	case key.Matches(k, m.keys.Refresh):
		return m, load(m.store, m.period)
	case key.Matches(k, m.keys.Export):
		if m.exporting {
			return m, nil
		}
		m.exporting = true
		return m, exportXLSX(m.store, m.period, false, m.ctx.Clock.Now())
	case key.Matches(k, m.keys.ExportNames):
		if !m.exporting {
			m.confirming = true
		}
		return m, nil
	}
	return m, nil
}

func (m Model) formKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	f, res, cmd := m.form.Update(k)
	m.form = &f
	switch res {
	case components.FormCancelled:
		m.form = nil
	case components.FormSubmitted:
		p, err := model.ParsePeriod("", "", f.Value("from"), f.Value("to"), m.ctx.Today())
		if err == nil && (strings.TrimSpace(f.Value("from")) == "" || strings.TrimSpace(f.Value("to")) == "") {
			err = model.FieldErrors{model.Invalid("from", "開始日と終了日を入力してください", "Enter the first and the last day")}
		}
		if err != nil {
			f, rest := f.SetErrors(err)
			m.form = &f
			if rest != "" {
				return m, common.Status(rest)
			}
			return m, nil
		}
		m.form = nil
		return m.show(p)
	}
	return m, cmd
}

// keyMap is the key map for the screen's state: the chart key only when one chart is shown.
func (m Model) keyMap() KeyMap {
	k := DefaultKeyMap(m.ctx.Lang)
	k.Chart.SetEnabled(!m.allCharts())
	if m.form != nil {
		fk := m.form.Keys()
		k.formKeys, k.formOpen = fk.ShortHelp(), true
	}
	k.confirming = m.confirming
	return k
}

// SetContext applies a new size or language.
func (m Model) SetContext(c common.Context) common.Screen {
	m.ctx = c
	m.keys = m.keyMap()
	return m
}

// Keys returns the help bar's keys.
func (m Model) Keys() help.KeyMap { return m.keys }

// Capturing is true while the range form has focus.
func (m Model) Capturing() bool { return m.form != nil }

// Cursor places the real cursor in the range form's field.
func (m Model) Cursor() *tea.Cursor {
	if m.form == nil {
		return nil
	}
	c := m.form.Cursor()
	if c != nil {
		c.Y += formTop
	}
	return c
}

// Period returns the period shown (for tests).
func (m Model) Period() model.ReportPeriod { return m.period }

// Report returns the report shown (for tests).
func (m Model) Report() model.Report { return m.report }

// Chart returns the chart shown at 80×24 (for tests).
func (m Model) Chart() int { return m.chart }

// LastExport returns the path of the last export (for tests).
func (m Model) LastExport() string { return m.lastExport }

func shortPath(p string) string {
	if h, err := os.UserHomeDir(); err == nil && h != "" && strings.HasPrefix(p, h) {
		return "~" + p[len(h):]
	}
	return p
}

// fitPath shortens a path to w cells by leaving out leading folders (.../exports/FILE.xlsx), so
// the file's name stays readable on the status line.
func fitPath(p string, w int) string {
	if ansi.StringWidth(p) <= w {
		return p
	}
	parts := strings.Split(filepath.ToSlash(p), "/")
	for i := 1; i < len(parts); i++ {
		s := ".../" + strings.Join(parts[i:], "/")
		if ansi.StringWidth(s) <= w {
			return filepath.FromSlash(s)
		}
	}
	return parts[len(parts)-1]
}

// formTop is the body row the range form starts on.
const formTop = 3

// allCharts reports whether the body is big enough for the four charts at once.
func (m Model) allCharts() bool {
	months := min(len(m.period.Months()), 12)
	return m.ctx.Width >= 100 && m.ctx.Height >= 8+2*(months+1)
}

// View draws the screen.
func (m Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	title := st.Title.Render(c.T("レポート", "Reports")) + "  " + st.Heading.Render(m.period.Label(c.Lang)) + "  " +
		st.Muted.Render(m.period.Span(c.Lang))
	if m.form != nil {
		body := title + "\n\n" + st.Label.Render(c.T("期間を指定（両端を含む）", "Choose a range (both days included)")) + "\n" +
			m.form.View(st) + "\n\n" + st.Muted.Render(c.T("ctrl+s で表示、esc で取消", "ctrl+s shows it, esc cancels"))
		return common.Lines(body, c.Width, c.Height)
	}
	if !m.loaded {
		return common.Lines(title+"\n"+st.Muted.Render(c.T("読み込み中", "Loading")), c.Width, c.Height)
	}
	if m.err != nil {
		return common.Lines(title+"\n"+st.Danger.Render(model.Message(m.err, c.Lang)), c.Width, c.Height)
	}
	lines := []string{title}
	lines = append(lines, m.kpiLines()...)
	if m.confirming {
		lines = append(lines, st.Warn.Render(common.Cut(c.T(
			"子どもや利用者の氏名を含めて出力します。もう一度 X で出力、ほかのキーで取消",
			"This export will include the names of children and other people. X again exports; any other key cancels"), c.Width)))
	}
	rest := c.Height - len(lines)
	if m.allCharts() {
		w := (c.Width - 3) / 2
		top := common.Columns(3, []int{w, w}, m.chartView(ChartVisits, w, rest/2), m.chartView(ChartChildcare, w, rest/2))
		bottom := common.Columns(3, []int{w, w}, m.chartView(ChartAttendance, w, rest/2), m.chartView(ChartIncome, w, rest/2))
		if gap := rest - strings.Count(top, "\n") - strings.Count(bottom, "\n") - 2; gap >= 3 {
			lines = append(lines, "", top, "", bottom)
		} else {
			lines = append(lines, top, bottom)
		}
		if m.lastExport != "" {
			lines = append(lines, st.Muted.Render(common.Cut(c.T("最後の出力: ", "Last export: ")+m.lastExport, c.Width)))
		}
	} else {
		lines = append(lines, m.chartView(m.chart, c.Width, rest))
	}
	return common.Lines(strings.Join(lines, "\n"), c.Width, c.Height)
}

// kpiLines are the two reported KPIs with targets and rates, then the figures beside them.
func (m Model) kpiLines() []string {
	c, st, r := m.ctx, m.ctx.Styles, m.report
	k := map[string]model.KPI{}
	for _, x := range r.KPIs() {
		k[x.Key] = x
	}
	nameW := 30
	if c.Lang == model.EN {
		nameW = 32
	}
	main := func(key string) string {
		x := k[key]
		rate := fmt.Sprintf("%d%%", x.Rate)
		style := st.Warn
		if x.Rate >= 100 {
			style = st.OK
		}
		return "  " + common.Fit(x.Name.In(c.Lang), nameW) + " " + st.Label.Render(padLeft(x.Format(c.Lang), 6)) +
			st.Muted.Render(c.T(" / 目標 ", " / target ")+padLeft(model.FormatKPIValue(x.Unit, x.Target, true, c.Lang), 5)) + "  " + style.Render(padLeft(rate, 5))
	}
	var kinds []string
	for _, kind := range model.CourseKinds {
		if n, ok := r.ParticipantsByKind[kind]; ok {
			kinds = append(kinds, fmt.Sprintf("%s %d", shortKind[kind].In(c.Lang), n))
		}
	}
	f := func(key string) string { return k[key].Format(c.Lang) }
	// completions count per course (one person can complete the seminar and the 育成講座), so they
	// are labelled 延べ: otherwise 修了 reads as more people than 実人数
	courses := []string{c.T(fmt.Sprintf("  講座 実人数 %s 出席率 %s 修了 延べ%s", f("unique_participants"), f("attendance_rate"), f("completions")),
		fmt.Sprintf("  Courses: %s unique, %s attended, %s completions", f("unique_participants"), f("attendance_rate"), f("completions")))}
	if len(kinds) > 0 {
		courses = append(courses, st.Muted.Render(c.T("  内訳 ", "; ")+strings.Join(kinds, c.T("・", ", "))))
	}
	lines := []string{
		main("teleworkers"),
		main("participants"),
		fitParts(c.Width, courses...),
		fitParts(c.Width,
			c.T(fmt.Sprintf("  託児 延べ %s 実人数 %s", f("childcare_uses"), f("childcare_children")),
				fmt.Sprintf("  Childcare: %s uses, %s children", f("childcare_uses"), f("childcare_children"))),
			c.T(fmt.Sprintf("  来館 延べ %s 実人数 %s", f("visits"), f("visitors")),
				fmt.Sprintf("  Visits: %s, %s people", f("visits"), f("visitors"))),
			c.T(fmt.Sprintf("（うちコワーキング %s）", f("coworking_visits")), fmt.Sprintf(" (%s coworking)", f("coworking_visits")))),
		fitParts(c.Width,
			c.T(fmt.Sprintf("  純収入 %s（入金 %s、1人あたり %s）", f("net_income"), f("paid_teleworkers"), f("net_income_per_teleworker")),
				fmt.Sprintf("  Net income %s (%s paid, %s each)", f("net_income"), f("paid_teleworkers"), f("net_income_per_teleworker"))),
			c.T("  平均単価 "+f("average_unit_price"), "  Avg price "+f("average_unit_price"))),
		fitParts(c.Width,
			c.T("  受注 "+f("jobs_accepted"), "  Jobs accepted "+f("jobs_accepted")),
			c.T(fmt.Sprintf("  地域内企業の割合 件数 %s・金額 %s", f("local_share_jobs"), f("local_share_yen")),
				fmt.Sprintf("  Local businesses' share: %s of jobs, %s of yen", f("local_share_jobs"), f("local_share_yen")))),
	}
	for i := range lines {
		lines[i] = common.Cut(lines[i], c.Width)
	}
	return lines
}

// fitParts joins the parts of a line while they fit in w cells: a part that does not fit is left
// out whole (the figures are all in the export), never cut in the middle of a number.
func fitParts(w int, parts ...string) string {
	line := ""
	for i, p := range parts {
		if i > 0 && ansi.StringWidth(line+p) > w {
			break
		}
		line += p
	}
	return line
}

// shortKind names the kinds of course in the 延べ breakdown, short enough for 80 columns.
var shortKind = map[model.CourseKind]model.Text{
	model.CourseSeminar: model.T("セミナー", "seminar"),
	model.CourseBasic:   model.T("育成", "basic"),
	model.CourseOJT:     model.T("OJT", "OJT"),
	model.CourseStudy:   model.T("勉強会", "study"),
}

var chartTitles = [chartCount]model.Text{
	model.T("月別 来館数", "Visits by month"),
	model.T("月別 延べ利用児童数", "Childcare uses by month"),
	model.T("月別 延べ出席", "Attendance by month"),
	model.T("月別 純収入", "Net income by month"),
}

// chartValue is one month's figure for a chart.
func chartValue(chart int, mf model.MonthFigures) int64 {
	switch chart {
	case ChartVisits:
		return int64(mf.Visits)
	case ChartChildcare:
		return int64(mf.ChildcareUses)
	case ChartAttendance:
		return int64(mf.Attended)
	}
	return mf.Income.Net
}

func chartFormat(chart int, v int64, l model.Lang) string {
	switch chart {
	case ChartIncome:
		return model.FormatYen(v)
	case ChartVisits:
		return model.FormatKPIValue(model.UnitCount, v, true, l)
	}
	return model.FormatKPIValue(model.UnitPeople, v, true, l)
}

// chartView draws one monthly bar chart in w×h: a title, then a row per month with its label,
// a bar of '#' (ASCII: block characters are East Asian ambiguous width) and the value. When the
// period has more months than fit, the latest ones are shown.
func (m Model) chartView(chart, w, h int) string {
	c, st := m.ctx, m.ctx.Styles
	months := m.report.Months
	title := chartTitles[chart].In(c.Lang)
	if !m.allCharts() {
		title += st.Muted.Render(c.T("（g で切替）", " (g: next chart)"))
	}
	if h-1 < len(months) && h > 1 {
		months = months[len(months)-(h-1):]
		title += st.Muted.Render(c.T(fmt.Sprintf(" 直近%dか月", len(months)), fmt.Sprintf(" last %d months", len(months))))
	}
	lines := []string{st.Heading.Render(common.Cut(title, w))}
	var top int64
	labelW, valueW := 0, 0
	for _, mf := range months {
		top = max(top, chartValue(chart, mf))
		valueW = max(valueW, ansi.StringWidth(chartFormat(chart, chartValue(chart, mf), c.Lang)))
		labelW = max(labelW, ansi.StringWidth(monthLabel(mf.Month, m.report.Months, c.Lang)))
	}
	barW := max(w-labelW-valueW-4, 1)
	for _, mf := range months {
		v := chartValue(chart, mf)
		n := 0
		if top > 0 && v > 0 {
			n = max(int((v*int64(barW)+top/2)/top), 1)
		}
		line := " " + padRight(monthLabel(mf.Month, m.report.Months, c.Lang), labelW) + " " + st.OK.Render(strings.Repeat("#", n)) +
			strings.Repeat(" ", barW-n+1) + padLeft(chartFormat(chart, v, c.Lang), valueW)
		lines = append(lines, line)
	}
	if len(months) == 0 {
		lines = append(lines, st.Muted.Render(c.T("  記録がありません", "  No records")))
	}
	return strings.Join(lines, "\n")
}

// monthLabel is 11月 when the period has at most twelve months, 2026/11 when it has more (the
// chart then shows the latest, and the month alone would not say which year).
func monthLabel(mo model.Month, months []model.MonthFigures, l model.Lang) string {
	if len(months) > 12 {
		return fmt.Sprintf("%d/%02d", mo.Year, int(mo.Month))
	}
	return model.FormatMonthShort(mo, l)
}

// padLeft right-aligns s in w display cells.
func padLeft(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// padRight left-aligns s in w display cells.
func padRight(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}
