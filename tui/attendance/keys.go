package attendance

import (
	"charm.land/bubbles/v2/key"

	"github.com/nagawaka/madoguchi/model"
)

// KeyMap is every key of the screen. Which of them work (and show in the help bar) depends on
// the view: the list, a roll, a course, or the day review. Digits are the root's tab keys, so
// marks are letters.
type KeyMap struct {
	Up, Down, Open, Back key.Binding

	// list
	NewCourse key.Binding

	// roll: one key per mark, each saved as it is pressed
	Present, Late, LeftEarly, Absent, Excused, Clear key.Binding
	Note, Accept, WalkIn                             key.Binding

	// course
	Enrol, Withdraw, AddSessions, EditCourse, DeleteSession key.Binding

	// review
	CheckOut, CheckOutAll, CloseDay, PrevDay, NextDay key.Binding

	// confirmation
	Yes, No key.Binding
}

// DefaultKeyMap returns the keys in the language.
func DefaultKeyMap(l model.Lang) KeyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, help))
	}
	t := l.Pick
	return KeyMap{
		Up:   b([]string{"up", "k"}, "up/k", t("上", "previous")),
		Down: b([]string{"down", "j"}, "down/j", t("下", "next")),
		Open: b([]string{"enter"}, "enter", t("開く", "open")),
		Back: b([]string{"esc"}, "esc", t("戻る", "back")),

		NewCourse: b([]string{"n"}, "n", t("講座を作成", "new course")),

		Present:   b([]string{"p"}, "p", model.MarkPresent.Label(l)),
		Late:      b([]string{"l"}, "l", model.MarkLate.Label(l)),
		LeftEarly: b([]string{"e"}, "e", model.MarkLeftEarly.Label(l)),
		Absent:    b([]string{"a"}, "a", model.MarkAbsent.Label(l)),
		Excused:   b([]string{"r"}, "r", model.MarkExcused.Label(l)),
		Clear:     b([]string{"u"}, "u", t("未記入に戻す", "unmark")),
		Note:      b([]string{"m"}, "m", t("メモ", "note")),
		Accept:    b([]string{"y"}, "y", t("提案を出席に", "accept suggestions")),
		WalkIn:    b([]string{"w"}, "w", t("飛び入り追加", "add walk-in")),

		Enrol:         b([]string{"i"}, "i", t("受講登録", "enrol")),
		Withdraw:      b([]string{"x"}, "x", t("退講", "withdraw")),
		AddSessions:   b([]string{"s"}, "s", t("回を追加", "add sessions")),
		EditCourse:    b([]string{"e"}, "e", t("講座を編集", "edit course")),
		DeleteSession: b([]string{"delete"}, "delete", t("回を削除", "delete session")),

		CheckOut:    b([]string{"o"}, "o", t("退館", "check out")),
		CheckOutAll: b([]string{"O"}, "O", t("全員退館", "check everyone out")),
		CloseDay:    b([]string{"c"}, "c", t("締める", "close day")),
		PrevDay:     b([]string{"left", "h"}, "left", t("前日", "previous day")),
		NextDay:     b([]string{"right", "l"}, "right", t("翌日", "next day")),

		Yes: b([]string{"y"}, "y", t("はい", "yes")),
		No:  b([]string{"esc", "n"}, "esc", t("やめる", "cancel")),
	}
}

// keyHelp is the help bar's view of the keys that work right now.
type keyHelp struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp lists the keys for the help bar.
func (k keyHelp) ShortHelp() []key.Binding { return k.short }

// FullHelp lists the keys for the full help.
func (k keyHelp) FullHelp() [][]key.Binding { return k.full }

// ShortHelp lists the list view's keys (KeyMap satisfies help.KeyMap for callers that want it;
// the screen shows the keys of its current view through Model.Keys).
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Open, k.NewCourse} }

// FullHelp lists every key by view.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Open, k.Back, k.NewCourse},
		{k.Present, k.Late, k.LeftEarly, k.Absent, k.Excused, k.Clear, k.Note, k.Accept, k.WalkIn},
		{k.Enrol, k.Withdraw, k.AddSessions, k.EditCourse, k.DeleteSession},
		{k.CheckOut, k.CheckOutAll, k.CloseDay, k.PrevDay, k.NextDay},
	}
}
