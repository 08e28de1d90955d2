package report

import (
	"charm.land/bubbles/v2/key"

	"github.com/nagawaka/madoguchi/model"
)

// KeyMap is the レポート screen's keys.
type KeyMap struct {
	Prev, Next           key.Binding // the period before / after
	FiscalYear, Month    key.Binding // show a 年度 / a month
	Range, Current       key.Binding // type any range / back to this 年度
	Chart                key.Binding // the next monthly chart
	Export, ExportNames  key.Binding // write the xlsx (counts only / with names)
	Targets              key.Binding // the settings view, where the targets are (the root's S)
	Refresh              key.Binding
	Confirm, Cancel      key.Binding // the names export's second press / esc
	formKeys             []key.Binding
	formOpen, confirming bool
}

// DefaultKeyMap returns the keys in the language.
func DefaultKeyMap(l model.Lang) KeyMap {
	return KeyMap{
		Prev:        key.NewBinding(key.WithKeys("left", "["), key.WithHelp("[/]", l.Pick("前後", "prev/next"))),
		Next:        key.NewBinding(key.WithKeys("right", "]"), key.WithHelp("]", l.Pick("次の期間", "next period"))),
		FiscalYear:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", l.Pick("年度", "FY"))),
		Month:       key.NewBinding(key.WithKeys("m"), key.WithHelp("m", l.Pick("月", "month"))),
		Range:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.Pick("範囲", "range"))),
		Current:     key.NewBinding(key.WithKeys("."), key.WithHelp(".", l.Pick("今年度", "this year"))),
		Chart:       key.NewBinding(key.WithKeys("g"), key.WithHelp("g", l.Pick("グラフ切替", "next chart"))),
		Export:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", l.Pick("出力", "export"))),
		ExportNames: key.NewBinding(key.WithKeys("X"), key.WithHelp("X", l.Pick("氏名入り出力", "export with names"))),
		Targets:     key.NewBinding(key.WithKeys("S"), key.WithHelp("S", l.Pick("目標", "targets"))),
		Refresh:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", l.Pick("再読込", "refresh"))),
		Confirm:     key.NewBinding(key.WithKeys("X"), key.WithHelp("X", l.Pick("氏名入りで出力", "export with names"))),
		Cancel:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.Pick("取消", "cancel"))),
	}
}

// ShortHelp lists the keys for the help bar: the form's while the range form is open, the
// confirmation's while a names export waits for its second X.
func (k KeyMap) ShortHelp() []key.Binding {
	switch {
	case k.formOpen:
		return k.formKeys
	case k.confirming:
		return []key.Binding{k.Confirm, k.Cancel}
	}
	return []key.Binding{k.Prev, k.FiscalYear, k.Month, k.Export, k.Targets}
}

// FullHelp lists every key.
func (k KeyMap) FullHelp() [][]key.Binding {
	if k.formOpen || k.confirming {
		return [][]key.Binding{k.ShortHelp()}
	}
	first := []key.Binding{k.Prev, k.FiscalYear, k.Month, k.Range, k.Current}
	return [][]key.Binding{first, {k.Chart, k.Export, k.ExportNames, k.Targets, k.Refresh}}
}
