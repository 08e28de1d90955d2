// Package settings is the settings view: it shows the site's settings and edits them with
// validation (every value checked by model.NewSettings; a rejected form writes nothing).
package settings

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// Store is what the settings view needs.
type Store interface {
	Settings() (model.Settings, error)
	SaveSettings(model.Settings) error
}

var _ Store = (*store.Store)(nil)

// LoadedMsg carries the settings.
type LoadedMsg struct {
	Settings model.Settings
	Err      error
}

// SavedMsg says the settings were saved.
type SavedMsg struct{ Settings model.Settings }

// CloseMsg asks the root to close the settings view.
type CloseMsg struct{}

// KeyMap is the view's keys (the form has its own while editing).
type KeyMap struct {
	Edit, Close key.Binding
}

// DefaultKeyMap returns the keys.
func DefaultKeyMap(l model.Lang) KeyMap {
	return KeyMap{
		Edit:  key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", l.Pick("編集", "edit"))),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.Pick("閉じる", "close"))),
	}
}

// ShortHelp lists the keys.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Edit, k.Close} }

// FullHelp lists the keys.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Model is the settings view.
type Model struct {
	ctx      common.Context
	store    Store
	keys     KeyMap
	settings model.Settings
	editing  bool
	form     components.Form
	errMsg   string
	loaded   bool
}

// New returns the settings view.
func New(ctx common.Context, s Store) Model {
	return Model{ctx: ctx, store: s, keys: DefaultKeyMap(ctx.Lang)}
}

// Init loads the settings.
func (m Model) Init() tea.Cmd {
	s := m.store
	return func() tea.Msg {
		st, err := s.Settings()
		return LoadedMsg{Settings: st, Err: err}
	}
}

// setting is one row of the settings: its model field name, label, value and length limit.
type setting struct {
	name, label, value string
	limit              int
}

func (m Model) settingRows(in model.SettingsInput) []setting {
	t := m.ctx.T
	return []setting{
		{"site_name", t("施設名", "Site name"), in.SiteName, 40},
		{"opening", t("開館時刻", "Opening"), in.Opening, 5},
		{"closing", t("閉館時刻", "Closing"), in.Closing, 5},
		{"ratio0", t("保育比率 0歳", "Ratio age 0"), in.Ratio0, 2},
		{"ratio12", t("保育比率 1・2歳", "Ratio age 1-2"), in.Ratio12, 2},
		{"ratio3", t("保育比率 3歳", "Ratio age 3"), in.Ratio3, 2},
		{"ratio4", t("保育比率 4歳以上", "Ratio age 4+"), in.Ratio4, 2},
		{"min_caregivers", t("最低保育スタッフ数", "Min caregivers"), in.MinCaregivers, 2},
		{"target_teleworkers", t("目標 受注者数", "Target teleworkers"), in.TargetTeleworkers, 5},
		{"target_participants", t("目標 受講者数(延べ)", "Target participants"), in.TargetParticipants, 5},
		{"backup_keep", t("バックアップ世代数", "Backups kept"), in.BackupKeep, 3},
		{"qa_checklist", t("検品項目（、区切り）", "QA items (comma)"), in.QAChecklist, 200},
		{"default_fee", t("標準手数料 %", "Default fee %"), in.DefaultFee, 6},
	}
}

// fields turns the rows into the edit form's fields.
func (m Model) fields(in model.SettingsInput) []components.Field {
	var fs []components.Field
	for _, r := range m.settingRows(in) {
		fs = append(fs, components.NewField(r.name, r.label, r.value, r.limit))
	}
	return fs
}

func save(s Store, in model.SettingsInput) tea.Cmd {
	return func() tea.Msg {
		st, err := model.NewSettings(in)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		if err := s.SaveSettings(st); err != nil {
			return common.ErrorMsg{Err: err}
		}
		return SavedMsg{Settings: st}
	}
}

func (m Model) input() model.SettingsInput {
	v := m.form.Value
	return model.SettingsInput{
		SiteName: v("site_name"), Opening: v("opening"), Closing: v("closing"),
		Ratio0: v("ratio0"), Ratio12: v("ratio12"), Ratio3: v("ratio3"), Ratio4: v("ratio4"),
		MinCaregivers: v("min_caregivers"), TargetTeleworkers: v("target_teleworkers"),
		TargetParticipants: v("target_participants"), BackupKeep: v("backup_keep"),
		QAChecklist: v("qa_checklist"), DefaultFee: v("default_fee"),
	}
}

// Update handles keys and results.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		m.settings, m.loaded = msg.Settings, true
		if msg.Err != nil {
			m.errMsg = model.Message(msg.Err, m.ctx.Lang)
		}
	case SavedMsg:
		m.settings, m.editing, m.errMsg = msg.Settings, false, ""
		return m, tea.Batch(common.Status(m.ctx.T("設定を保存しました", "Settings saved")), common.Changed(model.KindSettings))
	case common.ErrorMsg:
		if m.editing {
			m.form, m.errMsg = m.form.SetErrors(msg.Err)
		} else {
			m.errMsg = model.Message(msg.Err, m.ctx.Lang)
		}
	case tea.KeyPressMsg:
		if m.editing {
			var res components.FormResult
			var cmd tea.Cmd
			m.form, res, cmd = m.form.Update(msg)
			switch res {
			case components.FormSubmitted:
				return m, save(m.store, m.input())
			case components.FormCancelled:
				m.editing, m.errMsg = false, ""
			}
			return m, cmd
		}
		switch {
		case key.Matches(msg, m.keys.Edit):
			if m.loaded {
				m.editing = true
				m.form = components.NewForm(m.ctx.Lang, m.fields(m.settings.Input())...)
			}
		case key.Matches(msg, m.keys.Close):
			return m, func() tea.Msg { return CloseMsg{} }
		}
	}
	return m, nil
}

// SetContext applies a new size or language.
func (m Model) SetContext(c common.Context) common.Screen {
	m.ctx, m.keys = c, DefaultKeyMap(c.Lang)
	return m
}

// Keys returns the help bar's keys.
func (m Model) Keys() help.KeyMap {
	if m.editing {
		return m.form.Keys()
	}
	return m.keys
}

// Capturing is true while editing.
func (m Model) Capturing() bool { return m.editing }

// Cursor places the real cursor in the focused field.
func (m Model) Cursor() *tea.Cursor {
	if !m.editing {
		return nil
	}
	c := m.form.Cursor()
	if c != nil {
		c.Y += 2
	}
	return c
}

// View draws the settings or the form.
func (m Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(c.T("設定", "Settings")) + "\n\n")
	if m.editing {
		b.WriteString(m.form.View(st))
	} else if m.loaded {
		for i, r := range m.settingRows(m.settings.Input()) {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("  " + st.Label.Render(common.Fit(r.label, 20)) + " : " + r.value)
		}
	}
	if m.errMsg != "" {
		b.WriteString("\n" + st.Danger.Render(m.errMsg))
	}
	return common.Lines(b.String(), c.Width, c.Height)
}
