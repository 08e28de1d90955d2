package checkin

import (
	"charm.land/bubbles/v2/key"

	"github.com/nagawaka/madoguchi/model"
)

// KeyMap is every key of the screen. While the search field has focus, letters are typed into
// it (? included: a name or a note may hold one), so the counter's actions are on enter and ctrl
// keys (ctrl+p and ctrl+n stay the picker's up and down); the lists without a text field (the
// day's visits, a person's page) use letters. Each view matches only its own keys and lists only
// them in the help bar; a key that cannot act now (undo after five minutes) is disabled, so it
// vanishes from the bar.
type KeyMap struct {
	// counter (search); NextTab, PrevTab and AltJump are the root's, listed for the help
	Toggle, Purpose, WalkIn, Undo, Closing, Visits, People, Leave, Clear, Search, NextTab, PrevTab, AltJump key.Binding
	// lists
	Up, Down, Open, Back key.Binding
	// day's visits
	PrevDay, NextDay, Today, Correct key.Binding
	// person page
	Edit, Archive, AddChild, EditChild, Forget key.Binding
	// dialogs
	Confirm, PickUp, LeaveAnyway, Cancel key.Binding
	// forms
	NextField, PrevField, Save, Choose key.Binding
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
		Leave:   b([]string{"esc"}, "esc", "検索を出る", "exit search"),
		Clear:   b([]string{"esc"}, "esc", "消去", "clear"),
		Search:  b([]string{"/"}, "/", "検索", "search"),
		NextTab: b([]string{"tab"}, "tab", "次の画面", "next tab"),
		PrevTab: b([]string{"shift+tab"}, "shift+tab", "前の画面", "previous tab"),
		AltJump: b([]string{"alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6"}, "alt+1-6", "画面へ", "go to screen"),

		Up:   b([]string{"up", "k"}, "up", "上", "previous"),
		Down: b([]string{"down", "j"}, "down", "下", "next"),
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
		Choose:    b([]string{"left", "right", "space"}, "left/right", "選ぶ", "choose"),
	}
}

// helpKeys is the help bar's view of the keys: the enabled ones, in the order given (the most
// used first, since an 80-column bar cuts the end). The full help lists full, or short when full
// is empty.
type helpKeys struct{ short, full []key.Binding }

func enabled(bs []key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// ShortHelp lists the enabled keys of the bar.
func (h helpKeys) ShortHelp() []key.Binding { return enabled(h.short) }

// FullHelp lists every enabled key in columns of four.
func (h helpKeys) FullHelp() [][]key.Binding {
	s := enabled(h.full)
	if len(h.full) == 0 {
		s = h.ShortHelp()
	}
	var out [][]key.Binding
	for len(s) > 0 {
		n := min(4, len(s))
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}
