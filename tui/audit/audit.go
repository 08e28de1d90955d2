// Package audit is 操作履歴, the audit viewer: every change the app made, newest first, who made
// it and what it was, filtered by date, staff member and record. It only reads: the audit log
// is append-only from the app (the one rewrite is an erasure's, which is itself audited).
package audit

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// Store is what the viewer reads.
type Store interface {
	Audit(f store.AuditFilter) ([]model.AuditEntry, error)
	AuditSubjects(es []model.AuditEntry) (map[uint64]string, error)
}

var _ Store = (*store.Store)(nil)

// Limit is how many entries one view holds (newest first); narrow the filter for older ones.
const Limit = 500

// LoadedMsg carries the entries of a filter.
type LoadedMsg struct {
	Filter  store.AuditFilter
	Entries []model.AuditEntry
	// Subjects names what each entry is about (by entry id), when its record can be read.
	Subjects map[uint64]string
	Err      error
}

// ShowMsg opens the viewer on a filter (e.g. one record's history, from another screen).
type ShowMsg struct{ Filter store.AuditFilter }

// CloseMsg asks the root to close the viewer.
type CloseMsg struct{}

// KeyMap is the viewer's keys (the filter form has its own).
type KeyMap struct {
	Up, Down, PageUp, PageDown, Detail, Filter, Clear, Reload, Close key.Binding
}

// DefaultKeyMap returns the keys in the language.
func DefaultKeyMap(l model.Lang) KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/k", l.Pick("上", "previous"))),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.Pick("下", "next"))),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", l.Pick("前ページ", "page up"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn", l.Pick("次ページ", "page down"))),
		Detail:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.Pick("詳細", "details"))),
		Filter:   key.NewBinding(key.WithKeys("f", "/"), key.WithHelp("f", l.Pick("絞り込み", "filter"))),
		Clear:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", l.Pick("絞り込み解除", "clear filter"))),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", l.Pick("再読込", "refresh"))),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.Pick("閉じる", "close"))),
	}
}

// ShortHelp lists the keys for the help bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Detail, k.Filter, k.Clear, k.Close}
}

// FullHelp lists every key.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Detail, k.Filter, k.Clear, k.Reload, k.Close}}
}

// Model is the audit viewer.
type Model struct {
	ctx     common.Context
	store   Store
	keys    KeyMap
	filter  store.AuditFilter
	entries []model.AuditEntry
	// subjects names the record of each entry (LoadedMsg.Subjects)
	subjects map[uint64]string
	loaded   bool
	err      error
	sel      int
	top      int
	detail   bool
	editing  bool
	form     components.Form
	formErr  string
}

// New returns the viewer, unfiltered.
func New(ctx common.Context, s Store) Model {
	m := Model{ctx: ctx, store: s, filter: store.AuditFilter{Limit: Limit}}
	return m.withKeys()
}

// load reads a filter's entries in a command; the store and the filter are copied in.
func load(s Store, f store.AuditFilter) tea.Cmd {
	return func() tea.Msg {
		es, err := s.Audit(f)
		if err != nil {
			return LoadedMsg{Filter: f, Err: err}
		}
		names, _ := s.AuditSubjects(es) // the names are a help: without them the ids show
		return LoadedMsg{Filter: f, Entries: es, Subjects: names}
	}
}

// Init loads the newest entries.
func (m Model) Init() tea.Cmd { return load(m.store, m.filter) }

// withKeys enables only the keys that do something now.
func (m Model) withKeys() Model {
	m.keys = DefaultKeyMap(m.ctx.Lang)
	has := len(m.entries) > 0
	m.keys.Up.SetEnabled(has && !m.detail)
	m.keys.Down.SetEnabled(has && !m.detail)
	m.keys.PageUp.SetEnabled(has && !m.detail)
	m.keys.PageDown.SetEnabled(has && !m.detail)
	m.keys.Detail.SetEnabled(has)
	m.keys.Clear.SetEnabled(m.filtered() && !m.detail)
	m.keys.Filter.SetEnabled(!m.detail)
	if m.detail {
		m.keys.Detail.SetHelp("enter", m.ctx.T("一覧へ", "back to list"))
		m.keys.Close.SetHelp("esc", m.ctx.T("一覧へ", "back to list"))
	}
	return m
}

func (m Model) filtered() bool {
	f := m.filter
	return !f.From.IsZero() || !f.To.IsZero() || f.Staff != "" || f.Kind != "" || f.Ref != ""
}

// rows is how many entries fit: the body less the title, the column heads and the footer.
func (m Model) rows() int { return max(m.ctx.Height-3, 1) }

// Update handles data and keys.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		m.filter, m.entries, m.subjects, m.err, m.loaded = msg.Filter, msg.Entries, msg.Subjects, msg.Err, true
		m.sel, m.top, m.detail = 0, 0, false
		return m.withKeys(), nil
	case ShowMsg:
		f := msg.Filter
		if f.Limit == 0 {
			f.Limit = Limit
		}
		m.editing, m.detail = false, false
		return m, load(m.store, f)
	case common.DataChangedMsg:
		return m, load(m.store, m.filter)
	case tea.KeyPressMsg:
		if m.editing {
			return m.updateForm(msg)
		}
		return m.updateKey(msg)
	}
	return m, nil
}

func (m Model) updateKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	n := len(m.entries)
	switch {
	case m.detail && (key.Matches(k, m.keys.Detail) || key.Matches(k, m.keys.Close)):
		m.detail = false
	case key.Matches(k, m.keys.Close):
		return m, func() tea.Msg { return CloseMsg{} }
	case key.Matches(k, m.keys.Up):
		m.sel = max(m.sel-1, 0)
	case key.Matches(k, m.keys.Down):
		m.sel = min(m.sel+1, n-1)
	case key.Matches(k, m.keys.PageUp):
		m.sel = max(m.sel-m.rows(), 0)
	case key.Matches(k, m.keys.PageDown):
		m.sel = min(m.sel+m.rows(), n-1)
	case key.Matches(k, m.keys.Detail):
		m.detail = true
	case key.Matches(k, m.keys.Filter):
		m.editing, m.formErr = true, ""
		m.form = components.NewForm(m.ctx.Lang, m.fields(InputOf(m.filter, m.ctx.Lang))...)
	case key.Matches(k, m.keys.Clear):
		return m, load(m.store, store.AuditFilter{Limit: Limit})
	case key.Matches(k, m.keys.Reload):
		return m, load(m.store, m.filter)
	}
	if m.sel < m.top {
		m.top = m.sel
	} else if m.sel >= m.top+m.rows() {
		m.top = m.sel - m.rows() + 1
	}
	return m.withKeys(), nil
}

func (m Model) updateForm(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	var res components.FormResult
	var cmd tea.Cmd
	m.form, res, cmd = m.form.Update(k)
	switch res {
	case components.FormCancelled:
		m.editing = false
	case components.FormSubmitted:
		f, err := ParseFilter(m.input())
		if err != nil {
			m.form, m.formErr = m.form.SetErrors(err)
			return m, nil
		}
		m.editing = false
		return m.withKeys(), load(m.store, f)
	}
	return m, cmd
}

func (m Model) fields(in FilterInput) []components.Field {
	t := m.ctx.T
	fs := []components.Field{
		components.NewField("from", t("日付（から）", "From date"), in.From, 10),
		components.NewField("to", t("日付（まで）", "To date"), in.To, 10),
		components.NewField("staff", t("担当", "Staff"), in.Staff, model.MaxNameRunes),
		components.NewField("kind", t("種類", "Record kind"), in.Kind, 20),
		components.NewField("ref", t("ID", "Record id"), in.Ref, 20),
	}
	fs[0].Hint = "2026-11-01"
	fs[1].Hint = "2026-11-30"
	fs[2].Hint = t("氏名どおり（例: 佐藤 由美）", "full name, e.g. 佐藤 由美")
	fs[3].Hint = t("利用者、予約、案件 など", "person, booking, job, ...")
	fs[4].Hint = t("12、3/12", "12, 3/12")
	return fs
}

func (m Model) input() FilterInput {
	v := m.form.Value
	return FilterInput{From: v("from"), To: v("to"), Staff: v("staff"), Kind: v("kind"), Ref: v("ref")}
}

// SetContext applies a new size or language.
func (m Model) SetContext(c common.Context) common.Screen {
	m.ctx = c
	if m.sel >= m.top+m.rows() {
		m.top = m.sel - m.rows() + 1
	}
	return m.withKeys()
}

// Keys returns the help bar's keys.
func (m Model) Keys() help.KeyMap {
	if m.editing {
		return m.form.Keys()
	}
	return m.keys
}

// Capturing is true while the filter form is open.
func (m Model) Capturing() bool { return m.editing }

// Cursor places the real cursor in the focused field of the filter form.
func (m Model) Cursor() *tea.Cursor {
	if !m.editing {
		return nil
	}
	c := m.form.Cursor()
	if c != nil {
		c.Y += 2 // below the title and a blank line
	}
	return c
}

// Entries returns the entries shown (for tests).
func (m Model) Entries() []model.AuditEntry { return m.entries }

// Filter returns the filter in force (for tests).
func (m Model) Filter() store.AuditFilter { return m.filter }

// Selected returns the selected entry's index (for tests).
func (m Model) Selected() int { return m.sel }

// View draws the list, one entry's details, or the filter form.
func (m Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(c.T("操作履歴", "Audit log")) + "  " + st.Muted.Render(common.Cut(m.describe(), c.Width-12)) + "\n")
	switch {
	case m.editing:
		b.WriteString("\n" + m.form.View(st))
		b.WriteString("\n\n" + st.Muted.Render(c.T("日付は 2026-11-25 の形。空欄の項目は絞り込みません。", "Dates as 2026-11-25. Empty fields do not filter.")))
		if m.formErr != "" {
			b.WriteString("\n" + st.Danger.Render(m.formErr))
		}
	case !m.loaded:
		b.WriteString(st.Muted.Render(c.T("読み込み中", "Loading")))
	case m.err != nil:
		b.WriteString(st.Danger.Render(model.Message(m.err, c.Lang)))
	case len(m.entries) == 0:
		b.WriteString(st.Muted.Render(c.T("該当する操作はありません", "No entries match")))
	case m.detail:
		b.WriteString(m.viewDetail())
	default:
		b.WriteString(m.viewList())
	}
	return common.Lines(b.String(), c.Width, c.Height)
}

// describe is the filter in words.
func (m Model) describe() string {
	c, f := m.ctx, m.filter
	if !m.filtered() {
		return c.T(fmt.Sprintf("すべて（新しい順、最大 %d 件）", f.Limit), fmt.Sprintf("all (newest first, up to %d)", f.Limit))
	}
	var parts []string
	if !f.From.IsZero() || !f.To.IsZero() {
		parts = append(parts, f.From.String()+"〜"+f.To.String())
	}
	if f.Staff != "" {
		parts = append(parts, c.T("担当 ", "staff ")+f.Staff)
	}
	if f.Kind != "" {
		parts = append(parts, kindLabel(f.Kind, c.Lang))
	}
	if f.Ref != "" {
		parts = append(parts, "#"+f.Ref)
	}
	return c.T("絞り込み: ", "filter: ") + strings.Join(parts, "  ")
}

// columns returns the widths of the list's columns: time, staff, action, record, and what.
func (m Model) columns() [5]int {
	w := m.ctx.Width
	cols := [5]int{16, 10, 14, 16, 0}
	if w >= 110 {
		cols = [5]int{16, 14, 18, 18, 0}
	}
	cols[4] = max(w-cols[0]-cols[1]-cols[2]-cols[3]-4, 8)
	return cols
}

func (m Model) viewList() string {
	c, st := m.ctx, m.ctx.Styles
	cols := m.columns()
	row := func(cells ...string) string {
		out := make([]string, len(cells))
		for i, s := range cells {
			out[i] = common.Fit(s, cols[i])
		}
		return strings.TrimRight(strings.Join(out, " "), " ")
	}
	lines := []string{st.Muted.Render(row(c.T("日時", "When"), c.T("担当", "Staff"), c.T("操作", "Action"), c.T("対象", "Record"), c.T("内容", "What")))}
	end := min(m.top+m.rows(), len(m.entries))
	for i := m.top; i < end; i++ {
		e := m.entries[i]
		line := row(stamp(e.At), e.Staff, ActionLabel(e.Action, c.Lang), m.target(e, false), oneLine(Change(e, c.Lang)))
		if i == m.sel {
			line = st.Selected.Render(common.Fit(line, c.Width))
		}
		lines = append(lines, line)
	}
	for len(lines) < m.rows()+1 {
		lines = append(lines, "")
	}
	more := ""
	if len(m.entries) >= m.filter.Limit {
		more = c.T("（これより古いものは絞り込んで表示）", " (narrow the filter for older ones)")
	}
	lines = append(lines, st.Muted.Render(c.T(
		fmt.Sprintf("%d件中 %d件目%s", len(m.entries), m.sel+1, more),
		fmt.Sprintf("%d of %d%s", m.sel+1, len(m.entries), more))))
	return strings.Join(lines, "\n")
}

func (m Model) viewDetail() string {
	c, st := m.ctx, m.ctx.Styles
	e := m.entries[m.sel]
	labelW := 10
	wrapW := max(c.Width-labelW-3, 10)
	var lines []string
	field := func(label, value string) {
		wrapped := strings.Split(ansi.Wrap(value, wrapW, ""), "\n")
		for i, w := range wrapped {
			l := strings.Repeat(" ", labelW)
			if i == 0 {
				l = st.Label.Render(common.Fit(label, labelW))
			}
			lines = append(lines, l+" : "+w)
		}
	}
	field(c.T("日時", "When"), model.FormatDateLong(model.DateOf(e.At), c.Lang)+" "+model.HHMM(e.At)+":"+e.At.In(model.Tokyo).Format("05"))
	field(c.T("担当", "Staff"), e.Staff)
	field(c.T("操作", "Action"), ActionLabel(e.Action, c.Lang))
	field(c.T("対象", "Record"), m.target(e, true))
	b, bok := record(e.Before)
	a, aok := record(e.After)
	if bok && aok {
		for i, ch := range changes(e, b, a, c.Lang) {
			field(ifFirst(i, c.T("変更点", "Changed")), ch)
		}
	}
	for i, f := range side(e, e.Before, false, c.Lang) {
		field(ifFirst(i, c.T("変更前", "Before")), f)
	}
	if e.Before == "" {
		field(c.T("変更前", "Before"), "-")
	}
	for i, f := range side(e, e.After, false, c.Lang) {
		field(ifFirst(i, c.T("変更後", "After")), f)
	}
	if e.After == "" {
		field(c.T("変更後", "After"), "-")
	}
	field(c.T("履歴番号", "Entry"), fmt.Sprintf("#%d", e.ID))
	return "\n" + strings.Join(lines, "\n")
}

// stamp is a time in Japan as the list shows it, zero-padded so the column lines up.
func stamp(t time.Time) string { return t.In(model.Tokyo).Format("2006-01-02 15:04") }

// ifFirst is label on a value's first line and nothing on the lines after it.
func ifFirst(i int, label string) string {
	if i == 0 {
		return label
	}
	return ""
}

// target names the record an entry is about: its kind as staff call it, and what it is (a
// person's or child's name, a job's title); its id when it has no name, or with full.
func (m Model) target(e model.AuditEntry, full bool) string {
	s := kindLabel(e.Kind, m.ctx.Lang)
	name := m.subjects[e.ID]
	switch {
	case name != "" && full:
		return s + " #" + e.Ref + "  " + name
	case name != "":
		return s + " " + name
	case e.Ref != "":
		return s + " #" + e.Ref
	}
	return s
}

// oneLine folds line breaks so an entry stays on its row.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

var actionLabels = map[string]model.Text{
	"create":            model.T("作成", "create"),
	"update":            model.T("更新", "update"),
	"delete":            model.T("削除", "delete"),
	"archive":           model.T("アーカイブ", "archive"),
	"unarchive":         model.T("アーカイブ解除", "unarchive"),
	"check_in":          model.T("チェックイン", "check in"),
	"check_out":         model.T("チェックアウト", "check out"),
	"check_out_closing": model.T("閉館時チェックアウト", "check out at closing"),
	"undo_check_in":     model.T("チェックイン取消", "undo check-in"),
	"undo_check_out":    model.T("チェックアウト取消", "undo check-out"),
	"correct":           model.T("修正", "correct"),
	"book":              model.T("予約", "book"),
	"cancel":            model.T("取消", "cancel"),
	"promote":           model.T("繰り上げ", "promote"),
	"drop_off":          model.T("預かり", "drop off"),
	"pick_up":           model.T("お迎え", "pick up"),
	"pick_up_override":  model.T("お迎え（例外）", "pick up (override)"),
	"no_show":           model.T("無断欠席", "no-show"),
	"undo":              model.T("取り消し", "undo"),
	"enroll":            model.T("受講登録", "enrol"),
	"withdraw":          model.T("受講取消", "withdraw"),
	"mark":              model.T("出欠", "mark"),
	"move":              model.T("進捗", "status"),
	"checklist":         model.T("検品", "QA checklist"),
	"note":              model.T("伴走メモ", "note"),
	"close_day":         model.T("日次締め", "close the day"),
	"export":            model.T("出力", "export"),
	"export_backup":     model.T("バックアップ出力", "backup export"),
	"export_dump":       model.T("データ書き出し", "data dump"),
	"restore":           model.T("復元", "restore"),
	"forget":            model.T("個人情報削除", "erasure"),
}

// ActionLabel returns an audit action as staff call it (the code itself when unknown).
func ActionLabel(action string, l model.Lang) string {
	if t, ok := actionLabels[action]; ok {
		return t.In(l)
	}
	return action
}
