package checkin

import (
	"charm.land/bubbles/v2/key"

	"github.com/nagawaka/madoguchi/model"
)

// KeyMap is every key of the screen. While the search field has focus, letters are typed into
// it, so the counter's actions are on enter and ctrl keys (ctrl+p and ctrl+n stay the picker's
// up and down); the lists without a text field (the day's visits, a person's page) use letters.
// Each view matches only its own keys and lists only them in the help bar; a key that cannot act
// now (undo after five minutes) is disabled, so it vanishes from the bar.
type KeyMap struct {
	// counter (search)
	Toggle, Purpose, WalkIn, Undo, Closing, Visits, People, Leave, Search, NextTab, PrevTab key.Binding
	// lists
	Up, Down, Open, Back key.Binding
	// day's visits
	PrevDay, NextDay, Today, Correct key.Binding
	// person page
	Edit, Archive, AddChild, EditChild, Forget key.Binding
	// dialogs
	Confirm, PickUp, LeaveAnyway, Cancel key.Binding
	// forms
	NextField, PrevField, Save key.Binding
}

// DefaultKeyMap returns the keys in the language.
func DefaultKeyMap(l model.Lang) KeyMap {
	b := func(keys []string, k, ja, en string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, l.Pick(ja, en)))
	}
	return KeyMap{
		Toggle:  b([]string{"enter"}, "enter", "入館", "check in"),
		Purpose: b([]string{"ctrl+o"}, "ctrl+o", "目的", "purpose"),
		WalkIn:  b([]string{"ctrl+r"}, "ctrl+r", "新規", "new"),
		People:  b([]string{"ctrl+e"}, "ctrl+e", "名簿", "people"),
		Visits:  b([]string{"ctrl+l"}, "ctrl+l", "記録", "visits"),
		Undo:    b([]string{"ctrl+z"}, "ctrl+z", "取消", "undo"),
		Closing: b([]string{"ctrl+x"}, "ctrl+x", "閉館", "closing"),
		Leave:   b([]string{"esc"}, "esc", "検索を抜ける", "leave search"),
		Search:  b([]string{"/"}, "/", "検索", "search"),
		NextTab: b([]string{"tab"}, "tab", "次の画面", "next screen"),
		PrevTab: b([]string{"shift+tab"}, "shift+tab", "前の画面", "previous screen"),

		Up:   b([]string{"up", "k"}, "up", "上", "up"),
		Down: b([]string{"down", "j"}, "down", "下", "down"),
		Open: b([]string{"enter"}, "enter", "詳細", "open"),
		Back: b([]string{"esc"}, "esc", "戻る", "back"),

		PrevDay: b([]string{"left", "h"}, "left", "前日", "previous day"),
		NextDay: b([]string{"right", "l"}, "right", "翌日", "next day"),
		Today:   b([]string{"t"}, "t", "今日", "today"),
		Correct: b([]string{"enter", "e"}, "enter", "訂正", "correct"),

		Edit:      b([]string{"e"}, "e", "編集", "edit"),
		Archive:   b([]string{"a"}, "a", "アーカイブ", "archive"),
		AddChild:  b([]string{"n"}, "n", "子どもを追加", "add child"),
		EditChild: b([]string{"enter"}, "enter", "子どもを編集", "edit child"),
		Forget:    b([]string{"X"}, "X", "個人情報を削除", "erase personal data"),

		Confirm:     b([]string{"y", "ctrl+s"}, "y", "実行", "do it"),
		PickUp:      b([]string{"enter"}, "enter", "お迎えへ", "go to pick-up"),
		LeaveAnyway: b([]string{"o"}, "o", "このまま退館", "check out anyway"),
		Cancel:      b([]string{"esc", "n"}, "esc", "やめる", "cancel"),

		NextField: b([]string{"tab", "down", "enter"}, "tab/down", "次の項目", "next field"),
		PrevField: b([]string{"shift+tab", "up"}, "shift+tab/up", "前の項目", "previous"),
		Save:      b([]string{"ctrl+s"}, "ctrl+s", "確定", "save"),
	}
}

// helpKeys is the help bar's view of the keys: the enabled ones, in the order given (the most
// used first, since an 80-column bar cuts the end).
type helpKeys struct{ short []key.Binding }

// ShortHelp lists the enabled keys.
func (h helpKeys) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, b := range h.short {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// FullHelp lists the enabled keys in columns of four.
func (h helpKeys) FullHelp() [][]key.Binding {
	s := h.ShortHelp()
	var out [][]key.Binding
	for len(s) > 0 {
		n := min(4, len(s))
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}
