package jobs

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// saveJob validates the job form and creates (id 0) or updates the job, in a command.
func saveJob(s Store, in model.JobInput, id uint64) tea.Cmd {
	return func() tea.Msg {
		j, err := model.NewJob(in)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		if id == 0 {
			j, err = s.CreateJob(j)
		} else {
			j.ID = id
			j, err = s.UpdateJob(j)
		}
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return SavedMsg{Job: j, Created: id == 0}
	}
}

// saveClient validates the client form and creates (id 0) or updates the client.
func saveClient(s Store, in model.ClientInput, id uint64) tea.Cmd {
	return func() tea.Msg {
		c, err := model.ParseClient(in)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		if id == 0 {
			c, err = s.CreateClient(c)
		} else {
			c.ID = id
			c, err = s.UpdateClient(c)
		}
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return ClientSavedMsg{Client: c, Created: id == 0}
	}
}

// startNewJob begins a new job: choose the teleworker, then the client, then the form.
func (m Model) startNewJob() (common.Screen, tea.Cmd) {
	m.editJob = 0
	m.formIn = model.JobInput{PersonID: m.personF, ClientID: m.clientF}
	return m.openPicker(forNewJob, m.personF)
}

// openJobForm opens the job form: on a job to edit it, or on the values chosen so far for a new
// one (j.ID 0).
func (m Model) openJobForm(j model.Job) (common.Screen, tea.Cmd) {
	m.ov, m.flash, m.editJob = ovJobForm, "", j.ID
	var in model.JobInput
	if j.ID != 0 {
		in = j.Input()
	} else {
		in = model.JobInput{PersonID: m.formIn.PersonID, ClientID: m.formIn.ClientID, Unit: "件", Quantity: "1",
			FeePercent: model.FormatPercentBP(m.board.Settings.DefaultFeeBP)}
	}
	m.formIn = in
	t := m.ctx.T
	f := func(name, label, value string, limit int, hint string) components.Field {
		fl := components.NewField(name, label, value, limit)
		fl.Hint = hint
		return fl
	}
	m.jobForm = components.NewForm(m.ctx.Lang,
		f("title", t("案件名", "Title"), in.Title, 100, ""),
		f("category", t("分類", "Category"), in.Category, 40, strings.Join(model.JobCategories[:4], "・")),
		f("unit_price", t("単価（円）", "Unit price (yen)"), in.UnitPrice, 16, "4000"),
		f("quantity", t("数量", "Quantity"), in.Quantity, 9, ""),
		f("unit", t("単位", "Unit"), in.Unit, 10, strings.Join(model.JobUnits, "・")),
		f("fee", t("手数料（%）", "Fee (%)"), in.FeePercent, 6, "20"),
		f("due", t("納期", "Due date"), in.Due, 10, m.ctx.Today().AddDays(7).String()),
		f("hours", t("作業時間", "Hours logged"), in.Hours, 10, t("2.5 か 2:30", "2.5 or 2:30")),
		f("notes", t("メモ", "Notes"), in.Notes, model.MaxNoteRunes, ""),
	)
	return m, nil
}

// jobInput is the job form's values with the chosen teleworker and client.
func (m Model) jobInput() model.JobInput {
	v := m.jobForm.Value
	return model.JobInput{
		Title: v("title"), Category: v("category"), Unit: v("unit"), ClientID: m.formIn.ClientID, PersonID: m.formIn.PersonID,
		UnitPrice: v("unit_price"), Quantity: v("quantity"), FeePercent: v("fee"), Due: v("due"), Hours: v("hours"), Notes: v("notes"),
	}
}

// jobFormTop is the job form's first line within the body (under the title and the line naming
// the teleworker and client).
const jobFormTop = 2

func (m Model) jobFormView() string {
	c, st := m.ctx, m.ctx.Styles
	title := c.T("新しい案件", "New job")
	if m.editJob != 0 {
		title = c.T(fmt.Sprintf("案件 #%d の編集", m.editJob), fmt.Sprintf("Edit job #%d", m.editJob))
	}
	person, client := c.T("（未選択）", "(none)"), c.T("（未選択）", "(none)")
	if m.formIn.PersonID != 0 {
		person = m.personName(m.formIn.PersonID)
	}
	if m.formIn.ClientID != 0 {
		client = m.clientName(m.formIn.ClientID)
	}
	lines := []string{
		st.Title.Render(title) + "  " + st.Muted.Render(c.T("ctrl+s で保存、esc でやめる", "ctrl+s saves, esc cancels")),
		common.Cut(c.T("テレワーカー: ", "Teleworker: ")+person+st.Muted.Render(" (ctrl+t)")+"   "+c.T("発注元: ", "Client: ")+client+st.Muted.Render(" (ctrl+o)"), c.Width),
	}
	lines = append(lines, strings.Split(m.jobForm.View(st), "\n")...)
	// the money as it will be computed: amount, fee rounded down, net
	in := m.jobInput()
	price, err1 := model.ParseYen(in.UnitPrice)
	bp, err2 := model.ParsePercentBP(in.FeePercent)
	qty, err3 := model.ParseQuantity(in.Quantity)
	if amount, ok := model.MulYen(price, qty); ok && err1 == nil && err2 == nil && err3 == nil {
		fee := model.FeeOf(amount, bp)
		lines = append(lines, st.Muted.Render(c.T(
			fmt.Sprintf("  金額 %s - 手数料 %s（1円未満切り捨て）= 手取り %s", model.FormatYen(amount), model.FormatYen(fee), model.FormatYen(amount-fee)),
			fmt.Sprintf("  amount %s - fee %s (rounded down) = net %s", model.FormatYen(amount), model.FormatYen(fee), model.FormatYen(amount-fee)))))
	}
	if m.flash != "" {
		lines = append(lines, st.Danger.Render(common.Cut(m.flash, c.Width)))
	}
	return joinLines(lines)
}

// openClientForm opens the client form on c (c.ID 0: a new client); it returns to back.
func (m Model) openClientForm(cl model.Client, back overlay) (common.Screen, tea.Cmd) {
	m.ov, m.flash, m.editClient, m.clientReturnTo = ovClientForm, "", cl.ID, back
	in := cl.Input()
	if cl.ID == 0 {
		in.Local = ""
	}
	t := m.ctx.T
	local := components.NewField("local", t("地域内企業", "Local business"), in.Local, 5)
	local.Hint = t("y（はい）/ n（いいえ）", "y / n")
	m.clientForm = components.NewForm(m.ctx.Lang,
		components.NewField("name", t("発注元の名前", "Client name"), in.Name, 80),
		local,
		components.NewField("note", t("メモ", "Note"), in.Note, model.MaxNoteRunes),
	)
	return m, nil
}

// clientFormTop is the client form's first line within the body.
const clientFormTop = 2

func (m Model) clientFormView() string {
	c, st := m.ctx, m.ctx.Styles
	title := c.T("発注元の追加", "New client")
	if m.editClient != 0 {
		title = c.T("発注元の編集", "Edit client")
	}
	lines := []string{
		st.Title.Render(title) + "  " + st.Muted.Render(c.T("ctrl+s で保存、esc でやめる", "ctrl+s saves, esc cancels")),
		st.Muted.Render(c.T("地域内企業（町内・近隣の事業者）からの案件を増やすのが事業の目標です", "The programme wants more jobs from local businesses")),
	}
	lines = append(lines, strings.Split(m.clientForm.View(st), "\n")...)
	if m.flash != "" {
		lines = append(lines, st.Danger.Render(common.Cut(m.flash, c.Width)))
	}
	return joinLines(lines)
}

// clientSaved puts a saved client on the board at once (the reload follows) and goes back to
// where the client form was opened from, choosing the client when a job is being made.
func (m Model) clientSaved(msg ClientSavedMsg) (common.Screen, tea.Cmd) {
	cl := msg.Client
	found := false
	for i := range m.board.Clients {
		if m.board.Clients[i].ID == cl.ID {
			m.board.Clients[i], found = cl, true
		}
	}
	if !found {
		m.board.Clients = append(m.board.Clients, cl)
	}
	m.clients[cl.ID] = cl
	cmds := []tea.Cmd{common.Status(m.ctx.T("発注元「"+cl.Name+"」を保存しました", "Saved client "+cl.Name)), common.Changed(model.KindClient)}
	m.flash = ""
	if m.ov != ovClientForm || m.clientReturnTo != ovClientPick {
		m.ov = ovNone
		return m, tea.Batch(cmds...)
	}
	switch m.pickFor {
	case forNewJob, forForm:
		m.formIn.ClientID = cl.ID
		if m.pickFor == forForm {
			m.ov = ovJobForm
			return m, tea.Batch(cmds...)
		}
		s, cmd := m.openJobForm(model.Job{})
		return s, tea.Batch(append(cmds, cmd)...)
	}
	s, _ := m.openChooser(m.pickFor, cl.ID)
	return s, tea.Batch(cmds...)
}

// overlayKey handles a key while an overlay is open.
func (m Model) overlayKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := m.keys
	switch m.ov {
	case ovPicker:
		switch {
		case key.Matches(msg, k.Close):
			return m.closePicker()
		case key.Matches(msg, m.picker.Keys.Choose):
			p, ok := m.picker.Selected()
			if !ok {
				return m, nil
			}
			return m.picked(p.ID)
		}
		var cmd tea.Cmd
		m.picker, cmd = m.picker.Update(msg)
		return m, cmd

	case ovClientPick:
		rows := m.chooserRows()
		switch {
		case key.Matches(msg, k.Close):
			return m.closePicker()
		case key.Matches(msg, k.Up):
			m.chooseCursor = max(m.chooseCursor-1, 0)
		case key.Matches(msg, k.Down):
			m.chooseCursor = max(min(m.chooseCursor+1, len(rows)-1), 0)
		case key.Matches(msg, k.AddClient):
			return m.openClientForm(model.Client{}, ovClientPick)
		case key.Matches(msg, k.Choose):
			if m.chooseCursor < len(rows) {
				return m.chosenClient(rows[m.chooseCursor].ID)
			}
		}
		m.chooseOff = scroll(m.chooseCursor, m.chooseOff, max(m.ctx.Height-2, 1))
		return m, nil

	case ovJobForm:
		switch {
		case key.Matches(msg, k.ChooseTeleworker):
			return m.openPicker(forForm, m.formIn.PersonID)
		case key.Matches(msg, k.ChooseClient):
			return m.openChooser(forForm, m.formIn.ClientID)
		}
		var res components.FormResult
		var cmd tea.Cmd
		m.jobForm, res, cmd = m.jobForm.Update(msg)
		switch res {
		case components.FormSubmitted:
			return m, saveJob(m.store, m.jobInput(), m.editJob)
		case components.FormCancelled:
			m.ov, m.flash = ovNone, ""
		}
		return m, cmd

	case ovClientForm:
		var res components.FormResult
		var cmd tea.Cmd
		m.clientForm, res, cmd = m.clientForm.Update(msg)
		switch res {
		case components.FormSubmitted:
			v := m.clientForm.Value
			return m, saveClient(m.store, model.ClientInput{Name: v("name"), Local: v("local"), Note: v("note")}, m.editClient)
		case components.FormCancelled:
			m.ov, m.flash = m.clientReturnTo, ""
		}
		return m, cmd

	case ovMove, ovNote:
		var res components.FormResult
		var cmd tea.Cmd
		m.form, res, cmd = m.form.Update(msg)
		switch res {
		case components.FormSubmitted:
			if m.ov == ovNote {
				return m, addNote(m.store, m.detailID, m.form.Value("note"))
			}
			in := model.MoveInput{Reason: m.form.Value("reason"), Amount: m.form.Value("amount"), On: m.form.Value("date")}
			return m, moveJob(m.store, m.detailID, m.moveTo, in)
		case components.FormCancelled:
			m.ov, m.flash = ovNone, ""
		}
		return m, cmd

	case ovConfirm:
		switch {
		case key.Matches(msg, k.Confirm):
			return m, moveJob(m.store, m.detailID, m.moveTo, model.MoveInput{})
		case key.Matches(msg, k.Close):
			m.ov, m.flash = ovNone, ""
		}
		return m, nil

	case ovChecklist:
		switch {
		case key.Matches(msg, k.Close):
			m.ov, m.flash = ovNone, ""
		case key.Matches(msg, k.Up):
			m.tickCursor = max(m.tickCursor-1, 0)
		case key.Matches(msg, k.Down):
			m.tickCursor = max(min(m.tickCursor+1, len(m.ticks)-1), 0)
		case key.Matches(msg, k.Toggle):
			if m.tickCursor < len(m.ticks) {
				m.ticks[m.tickCursor] = !m.ticks[m.tickCursor]
			}
			m.flash = ""
		case key.Matches(msg, k.Save):
			if m.moveTo == model.JobDelivered {
				return m, moveJob(m.store, m.detailID, model.JobDelivered, model.MoveInput{Checked: m.ticked()})
			}
			return m, saveTicks(m.store, m.detailID, m.ticked())
		}
		return m, nil
	}
	return m, nil
}

// overlayMsg passes a non-key message (the cursor's blink) to the focused field.
func (m Model) overlayMsg(msg tea.Msg) (common.Screen, tea.Cmd) {
	var cmd tea.Cmd
	switch m.ov {
	case ovPicker:
		m.picker, cmd = m.picker.Update(msg)
	case ovJobForm:
		m.jobForm, _, cmd = m.jobForm.Update(msg)
	case ovClientForm:
		m.clientForm, _, cmd = m.clientForm.Update(msg)
	case ovMove, ovNote:
		m.form, _, cmd = m.form.Update(msg)
	}
	return m, cmd
}

// closePicker closes the person or client chooser: back to the job form when it was opened
// from there, otherwise to the view (a new job is abandoned).
func (m Model) closePicker() (common.Screen, tea.Cmd) {
	m.flash = ""
	if m.pickFor == forForm {
		m.ov = ovJobForm
		return m, nil
	}
	m.ov = ovNone
	return m, nil
}

// picked acts on the person chosen in the picker.
func (m Model) picked(id uint64) (common.Screen, tea.Cmd) {
	switch m.pickFor {
	case forFilter:
		m.ov, m.personF = ovNone, id
		m.refilter()
		m.offset = scroll(m.cursor, 0, m.listRows())
		return m, nil
	case forNewJob:
		m.formIn.PersonID = id
		return m.openChooser(forNewJob, m.formIn.ClientID)
	case forForm:
		m.formIn.PersonID = id
		m.ov = ovJobForm
		return m, nil
	case forWorker:
		m.ov = ovNone
		return m.openWorker(id), nil
	}
	return m, nil
}

// chosenClient acts on the client chosen (0: every client, in the filter).
func (m Model) chosenClient(id uint64) (common.Screen, tea.Cmd) {
	switch m.pickFor {
	case forFilter:
		m.ov, m.clientF = ovNone, id
		m.refilter()
		m.offset = scroll(m.cursor, 0, m.listRows())
		return m, nil
	case forNewJob:
		m.formIn.ClientID = id
		return m.openJobForm(model.Job{})
	case forForm:
		m.formIn.ClientID = id
		m.ov = ovJobForm
		return m, nil
	}
	return m, nil
}
