package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/nagawaka/madoguchi/model"
)

// GlobalKeys are the keys that work on every screen (unless a text field has focus, when only
// ctrl+c and the tab keys do).
type GlobalKeys struct {
	Next, Prev, Jump, AltJump, Review, Audit, Help, Settings, Staff, Quit key.Binding
}

// DefaultGlobalKeys returns the global keys in the language.
func DefaultGlobalKeys(l model.Lang) GlobalKeys {
	return GlobalKeys{
		Next:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", l.Pick("次の画面", "next screen"))),
		Prev:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", l.Pick("前の画面", "previous screen"))),
		Jump:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6"), key.WithHelp("1-6", l.Pick("画面へ", "go to screen"))),
		AltJump:  key.NewBinding(key.WithKeys("alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6"), key.WithHelp("alt+1-6", l.Pick("入力中でも画面へ", "go to screen while typing"))),
		Review:   key.NewBinding(key.WithKeys("D"), key.WithHelp("D", l.Pick("日次締め", "day review"))),
		Audit:    key.NewBinding(key.WithKeys("A"), key.WithHelp("A", l.Pick("操作履歴", "audit log"))),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", l.Pick("ヘルプ", "help"))),
		Settings: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", l.Pick("設定", "settings"))),
		Staff:    key.NewBinding(key.WithKeys("@"), key.WithHelp("@", l.Pick("担当交代", "change staff"))),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", l.Pick("終了", "quit"))),
	}
}

// helpKeys joins a screen's keys and the global keys for the help bar.
type helpKeys struct {
	screen []key.Binding
	full   [][]key.Binding
	global GlobalKeys
}

// ShortHelp shows the screen's keys first, then the day review, help and quit.
func (h helpKeys) ShortHelp() []key.Binding {
	return append(append([]key.Binding{}, h.screen...), h.global.Review, h.global.Help, h.global.Quit)
}

// FullHelp shows every key, the screen's and the global ones.
// A global key the screen also lists under its own name (レポート's S 目標 is the root's S 設定)
// is shown once, as the screen names it.
func (h helpKeys) FullHelp() [][]key.Binding {
	g := h.global
	own := map[string]bool{}
	for _, group := range h.full {
		for _, b := range group {
			if b.Enabled() {
				own[b.Help().Key] = true
			}
		}
	}
	globals := func(bs ...key.Binding) []key.Binding {
		var out []key.Binding
		for _, b := range bs {
			if !own[b.Help().Key] {
				out = append(out, b)
			}
		}
		return out
	}
	return append(append([][]key.Binding{}, h.full...),
		globals(g.Next, g.Prev, g.Jump, g.AltJump, g.Review),
		globals(g.Settings, g.Audit, g.Staff, g.Help, g.Quit))
}
