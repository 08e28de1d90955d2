package kids

import (
	"charm.land/bubbles/v2/key"

	"github.com/nagawaka/madoguchi/model"
)

// KeyMap is the day view's keys. Keys that do not apply to the highlighted row are disabled, so
// they vanish from the help bar; the full help (?) still lists them, each with the rows it works
// on, so every key can be found.
type KeyMap struct {
	Up, Down                      key.Binding
	PrevDay, NextDay, Today, Jump key.Binding
	Book, DropOff, PickUp, Cancel key.Binding
	NoShow, Undo                  key.Binding
	NewSlot, EditSlot, DeleteSlot key.Binding
	Template, Refresh             key.Binding
	bookingRow, slotRow           bool // what the highlighted row is (set by forRow)
	lang                          model.Lang
}

// DefaultKeyMap returns the day view's keys in the language.
func DefaultKeyMap(l model.Lang) KeyMap {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	return KeyMap{
		Up:         b([]string{"up", "k"}, "up", l.Pick("上", "previous")),
		Down:       b([]string{"down", "j"}, "down", l.Pick("下", "next")),
		PrevDay:    b([]string{"left"}, "left", l.Pick("前日", "prev day")),
		NextDay:    b([]string{"right"}, "right", l.Pick("翌日", "next day")),
		Today:      b([]string{"t"}, "t", l.Pick("今日", "today")),
		Jump:       b([]string{"g"}, "g", l.Pick("日付へ", "go to date")),
		Book:       b([]string{"b"}, "b", l.Pick("予約", "book")),
		DropOff:    b([]string{"d"}, "d", l.Pick("お預かり", "drop-off")),
		PickUp:     b([]string{"p"}, "p", l.Pick("お迎え", "pick-up")),
		Cancel:     b([]string{"c"}, "c", l.Pick("取消", "cancel")),
		NoShow:     b([]string{"n"}, "n", l.Pick("無断欠席", "no-show")),
		Undo:       b([]string{"u"}, "u", l.Pick("元に戻す", "undo")),
		NewSlot:    b([]string{"a"}, "a", l.Pick("枠を追加", "add slot")),
		EditSlot:   b([]string{"e"}, "e", l.Pick("枠を編集", "edit slot")),
		DeleteSlot: b([]string{"x"}, "x", l.Pick("枠を削除", "delete slot")),
		Template:   b([]string{"w"}, "w", l.Pick("週間テンプレート", "weekly template")),
		Refresh:    b([]string{"r"}, "r", l.Pick("再読込", "refresh")),
		lang:       l,
	}
}

// forRow enables the keys that apply to the highlighted row: a booking's actions follow its
// status; a slot's edits need a slot, and only a slot nobody is booked in can be deleted.
func (k KeyMap) forRow(st model.BookingStatus, isBooking, isSlot, slotEmpty bool) KeyMap {
	k.DropOff.SetEnabled(isBooking && st == model.BookingBooked)
	k.NoShow.SetEnabled(isBooking && st == model.BookingBooked)
	k.Cancel.SetEnabled(isBooking && (st == model.BookingBooked || st == model.BookingWaitlisted))
	k.PickUp.SetEnabled(isBooking && st == model.BookingDroppedOff)
	k.Undo.SetEnabled(isBooking && (st == model.BookingDroppedOff || st == model.BookingNoShow))
	k.EditSlot.SetEnabled(isBooking || isSlot)
	k.DeleteSlot.SetEnabled(isSlot && slotEmpty)
	k.Up.SetEnabled(isBooking || isSlot)
	k.Down.SetEnabled(isBooking || isSlot)
	k.bookingRow, k.slotRow = isBooking, isSlot
	return k
}

// ShortHelp lists the keys for the highlighted row first, then the day keys.
func (k KeyMap) ShortHelp() []key.Binding {
	if k.bookingRow {
		return []key.Binding{k.DropOff, k.PickUp, k.Cancel, k.NoShow, k.Undo, k.Book, k.PrevDay, k.NextDay}
	}
	return []key.Binding{k.Book, k.EditSlot, k.NewSlot, k.Template, k.DeleteSlot, k.PrevDay, k.NextDay, k.Jump}
}

// FullHelp lists every key the day view takes: moving, then the keys for the highlighted row
// and the day, then the keys that do not apply to the highlighted row, each with the rows it
// works on (the root's full help leaves disabled keys out, and a clerk must be able to find them).
func (k KeyMap) FullHelp() [][]key.Binding {
	l := k.lang
	enable := func(b key.Binding, where string) key.Binding {
		if !b.Enabled() {
			b.SetEnabled(true)
			b.SetHelp(b.Help().Key, b.Help().Desc+where)
		}
		return b
	}
	row := []struct {
		b     key.Binding
		where string
	}{
		{k.DropOff, l.Pick("（予約の子）", " (booked child)")},
		{k.PickUp, l.Pick("（利用中の子）", " (child in care)")},
		{k.Cancel, l.Pick("（予約・空き待ちの子）", " (booked or waiting)")},
		{k.NoShow, l.Pick("（予約の子）", " (booked child)")},
		{k.Undo, l.Pick("（利用中・無断欠席の子）", " (in care or no-show)")},
		{k.EditSlot, l.Pick("（枠のある日）", " (a day with slots)")},
		{k.DeleteSlot, l.Pick("（予約のない枠）", " (slot with no bookings)")},
	}
	here := []key.Binding{k.Book}
	var elsewhere []key.Binding
	for _, r := range row {
		if r.b.Enabled() {
			here = append(here, r.b)
		} else {
			elsewhere = append(elsewhere, enable(r.b, r.where))
		}
	}
	here = append(here, k.NewSlot, k.Template, k.Refresh)
	return [][]key.Binding{
		{enable(k.Up, ""), enable(k.Down, ""), k.PrevDay, k.NextDay, k.Today, k.Jump},
		here,
		elsewhere,
	}
}

// ListKeys are the keys of the lists in the booking and pick-up steps.
type ListKeys struct {
	Up, Down, Choose, Back, AddChild, PrevDay, NextDay key.Binding
}

// DefaultListKeys returns the list keys; choose names what Enter does.
func DefaultListKeys(l model.Lang, choose string) ListKeys {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	k := ListKeys{
		Up:       b([]string{"up", "ctrl+p"}, "up", l.Pick("上", "previous")),
		Down:     b([]string{"down", "ctrl+n"}, "down", l.Pick("下", "next")),
		Choose:   b([]string{"enter"}, "enter", choose),
		Back:     b([]string{"esc"}, "esc", l.Pick("戻る", "back")),
		AddChild: b([]string{"a"}, "a", l.Pick("子どもを登録", "add a child")),
		PrevDay:  b([]string{"left"}, "left", l.Pick("前日", "prev day")),
		NextDay:  b([]string{"right"}, "right", l.Pick("翌日", "next day")),
	}
	k.AddChild.SetEnabled(false)
	k.PrevDay.SetEnabled(false)
	k.NextDay.SetEnabled(false)
	return k
}

// ShortHelp lists the list keys.
func (k ListKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Choose, k.Up, k.Down, k.AddChild, k.PrevDay, k.NextDay, k.Back}
}

// FullHelp lists the list keys.
func (k ListKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// ConfirmKeys answer a question.
type ConfirmKeys struct {
	Yes, No key.Binding
}

// DefaultConfirmKeys returns y / n.
func DefaultConfirmKeys(l model.Lang) ConfirmKeys {
	return ConfirmKeys{
		Yes: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", l.Pick("はい", "yes"))),
		No:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", l.Pick("いいえ", "no"))),
	}
}

// ShortHelp lists y and n.
func (k ConfirmKeys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

// FullHelp lists y and n.
func (k ConfirmKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
