package jobs

import (
	"charm.land/bubbles/v2/key"

	"github.com/nagawaka/madoguchi/model"
)

// KeyMap is every key of the jobs screen. Which of them work (and show in the help bar) depends
// on the view and the job's status: Model.keymap disables the rest, so key.Matches ignores them
// and the help bar hides them.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Open, Back key.Binding

	// the list
	New, Edit, Status, Person, Client, Clear, Worker, Clients, Reload key.Binding

	// the job detail: one key per move, in pipeline order, then the QA ticks and a note
	Accept, Start, ToQA, Return, Deliver, Invoice, Paid, Cancel, Tick, Note key.Binding

	// the teleworker view
	PickWorker key.Binding

	// the clients view
	NewClient, EditClient key.Binding

	// overlays: choosing from a list, the checklist, a confirmation, the job form's choosers
	Choose, Toggle, Confirm, Save, Close, ChooseTeleworker, ChooseClient, AddClient key.Binding
}

// DefaultKeyMap returns the keys in the language, all enabled.
func DefaultKeyMap(l model.Lang) KeyMap {
	b := func(keys []string, k, ja, en string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, l.Pick(ja, en)))
	}
	ks := func(k ...string) []string { return k }
	return KeyMap{
		Up:       b(ks("up"), "up", "上", "previous"),
		Down:     b(ks("down"), "down", "下", "next"),
		PageUp:   b(ks("pgup"), "pgup", "前頁", "page up"),
		PageDown: b(ks("pgdown"), "pgdown", "次頁", "page down"),
		Open:     b(ks("enter"), "enter", "開く", "open"),
		Back:     b(ks("esc"), "esc", "戻る", "back"),

		New:     b(ks("n"), "n", "新規", "new job"),
		Edit:    b(ks("e"), "e", "編集", "edit"),
		Status:  b(ks("s"), "s", "進捗", "status"),
		Person:  b(ks("p"), "p", "担当者", "teleworker"),
		Client:  b(ks("c"), "c", "発注元", "client"),
		Clear:   b(ks("x"), "x", "絞込解除", "clear filters"),
		Worker:  b(ks("t"), "t", "収入", "income"),
		Clients: b(ks("l"), "l", "発注元一覧", "clients"),
		Reload:  b(ks("r"), "r", "再読込", "refresh"),

		Accept:  b(ks("a"), "a", "受注", "accept"),
		Start:   b(ks("w"), "w", "作業へ", "to work"),
		ToQA:    b(ks("i"), "i", "検品へ", "to QA"),
		Return:  b(ks("r"), "r", "差戻し", "return"),
		Deliver: b(ks("d"), "d", "納品", "deliver"),
		Invoice: b(ks("b"), "b", "請求", "invoice"),
		Paid:    b(ks("p"), "p", "入金", "paid"),
		Cancel:  b(ks("x"), "x", "中止", "cancel"),
		Tick:    b(ks("k"), "k", "チェック", "tick QA"),
		Note:    b(ks("m"), "m", "メモ", "note"),

		PickWorker: b(ks("p"), "p", "別の人", "another person"),

		NewClient:  b(ks("n"), "n", "発注元を追加", "new client"),
		EditClient: b(ks("e", "enter"), "e", "編集", "edit"),

		Choose:           b(ks("enter"), "enter", "選ぶ", "choose"),
		Toggle:           b(ks("space"), "space", "チェック", "tick"),
		Confirm:          b(ks("enter", "y", "ctrl+s"), "enter", "確定", "confirm"),
		Save:             b(ks("ctrl+s"), "ctrl+s", "確定", "save"),
		Close:            b(ks("esc"), "esc", "取消", "cancel"),
		ChooseTeleworker: b(ks("ctrl+t"), "ctrl+t", "テレワーカー", "teleworker"),
		ChooseClient:     b(ks("ctrl+o"), "ctrl+o", "発注元", "client"),
		AddClient:        b(ks("n"), "n", "発注元を追加", "new client"),
	}
}

// moveKey returns the key of a move to status to.
func (k KeyMap) moveKey(to model.JobStatus) key.Binding {
	switch to {
	case model.JobAccepted:
		return k.Accept
	case model.JobInProgress:
		return k.Start
	case model.JobQA:
		return k.ToQA
	case model.JobReturned:
		return k.Return
	case model.JobDelivered:
		return k.Deliver
	case model.JobInvoiced:
		return k.Invoice
	case model.JobPaid:
		return k.Paid
	case model.JobCancelled:
		return k.Cancel
	}
	return key.NewBinding(key.WithDisabled())
}

// helpMap is the help bar's view of the keys in force.
type helpMap struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp lists the keys in force.
func (h helpMap) ShortHelp() []key.Binding { return h.short }

// FullHelp lists the keys in force in groups.
func (h helpMap) FullHelp() [][]key.Binding { return h.full }
