package checkin

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/components"
)

// The forms: walk-in registration, visit correction, person and child. All are components.Form:
// enter, tab and down move to the next field (the Enter that confirms an IME conversion never
// submits), ctrl+s saves, esc cancels; validation messages sit under their fields.

// formTopRows is the title line and the blank line above every form.
const formTopRows = 2

// prefill splits what was typed in the search into a name or a reading for a new person: kana or
// romaji that make a valid reading go to the reading (as hiragana), anything else (kanji) to the
// name.
func prefill(query string) (name, reading string) {
	q := strings.TrimSpace(query)
	if q == "" {
		return "", ""
	}
	if strings.ContainsFunc(q, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		return q, ""
	}
	if r, err := model.ValidateReading(q); err == nil {
		return "", r
	}
	return q, ""
}

// roleChoices are the roles as a form's choices: the labels shown, the codes read back.
func (m Model) roleChoices() []components.Choice {
	var cs []components.Choice
	for _, r := range model.Roles {
		cs = append(cs, components.Choice{Value: string(r), Label: r.Label(m.ctx.Lang)})
	}
	return cs
}

// walkInRole is the role a walk-in most likely has, by the purpose of the visit: someone on a
// tour is a 見学, someone at a course a 受講生, anyone else a 利用者.
func walkInRole(p model.Purpose) model.Role {
	switch p {
	case model.PurposeTour:
		return model.RoleVisitor
	case model.PurposeCourse:
		return model.RoleTrainee
	}
	return model.RoleMember
}

// openWalkIn opens the walk-in form with the search text as the name or the reading.
func (m Model) openWalkIn() Model {
	m.namesakeOK = "" // a namesake is confirmed on this form only
	c := m.ctx
	name, reading := prefill(m.picker.Query())
	m.view = viewWalkIn
	m.title = c.T("新しい方の登録と入館", "Register a walk-in and check them in")
	role := components.NewChoiceField("role", c.T("区分", "Role"), m.roleChoices(), string(walkInRole(m.purpose)))
	phone := components.NewField("phone", c.T("電話（任意）", "Phone (optional)"), "", 20)
	phone.Hint = m.ctx.T("例 0494-75-1234", "e.g. 0494-75-1234")
	rd := components.NewField("reading", c.T("ふりがな", "Reading"), reading, model.MaxNameRunes)
	rd.Hint = c.T("ひらがな・カタカナ・ローマ字", "kana or romaji")
	m.form = components.NewForm(c.Lang,
		components.NewField("name", c.T("氏名", "Name"), name, model.MaxNameRunes), rd, phone, role)
	if name != "" {
		m.form = m.form.FocusField("reading")
	}
	m.formErr = ""
	return m
}

// openPerson opens the person form: a new person (p.ID 0, prefilled from the directory's search)
// or an edit.
func (m Model) openPerson(p model.Person, query string) Model {
	c := m.ctx
	m.view = viewPerson
	name, reading := p.Name, p.Reading
	if p.ID == 0 {
		m.title = c.T("新しい方の登録（名簿）", "New person (directory)")
		name, reading = prefill(query)
	} else {
		m.title = c.T("利用者の編集  ", "Edit person  ") + p.DisplayName()
	}
	var roles []string
	for _, r := range p.Roles {
		roles = append(roles, string(r))
	}
	if p.ID == 0 {
		roles = []string{string(model.RoleMember)}
	}
	role := components.NewMultiChoiceField("role", c.T("区分", "Roles"), m.roleChoices(), roles...)
	m.form = components.NewForm(c.Lang,
		components.NewField("name", c.T("氏名", "Name"), name, model.MaxNameRunes),
		components.NewField("reading", c.T("ふりがな", "Reading"), reading, model.MaxNameRunes),
		components.NewField("phone", c.T("電話", "Phone"), p.Phone, 20),
		components.NewField("email", c.T("メール", "Email"), p.Email, 100),
		role,
		components.NewField("notes", c.T("メモ", "Notes"), p.Notes, 300),
	)
	m.editingPerson = p
	m.formErr = ""
	return m
}

// pickupRows is how many pick-up person rows the child form shows: the child's, plus one empty.
func pickupRows(c model.Child) int { return min(max(2, len(c.Pickups)+1), 5) }

// openChild opens the child form for a new child (c.ID 0) or an edit.
func (m Model) openChild(ch model.Child) Model {
	c := m.ctx
	m.view = viewChild
	m.editing = ch
	if ch.ID == 0 {
		m.title = c.T("子どもの追加  保護者: ", "Add a child  guardian: ") + m.person.DisplayName()
	} else {
		m.title = c.T("子どもの編集  ", "Edit child  ") + ch.Name
	}
	birth := ""
	if !ch.BirthDate.IsZero() {
		birth = ch.BirthDate.String()
	}
	bd := components.NewField("birth_date", c.T("生年月日", "Birth date"), birth, 10)
	bd.Hint = "2023-04-01"
	fields := []components.Field{
		components.NewField("name", c.T("氏名", "Name"), ch.Name, model.MaxNameRunes),
		components.NewField("reading", c.T("ふりがな", "Reading"), ch.Reading, model.MaxNameRunes),
		bd,
		components.NewField("allergies", c.T("アレルギー", "Allergies"), ch.Allergies, 300),
		components.NewField("care_notes", c.T("配慮事項", "Care notes"), ch.CareNotes, 300),
	}
	for i := range pickupRows(ch) {
		var p model.PickupPerson
		if i < len(ch.Pickups) {
			p = ch.Pickups[i]
		}
		name := fmt.Sprintf("pickup_name_%d", i)
		if i == 0 {
			name = "pickups" // the model's field for pick-up errors
		}
		f := components.NewField(name, c.T(fmt.Sprintf("お迎え%d 氏名", i+1), fmt.Sprintf("Pick-up %d name", i+1)), p.Name, model.MaxNameRunes)
		r := components.NewField(fmt.Sprintf("pickup_rel_%d", i), c.T(fmt.Sprintf("お迎え%d 続柄", i+1), fmt.Sprintf("Pick-up %d relation", i+1)), p.Relation, 20)
		r.Hint = c.T("祖母・父 など", "grandmother, father, ...")
		fields = append(fields, f, r)
	}
	m.form = components.NewForm(c.Lang, fields...)
	m.formErr = ""
	return m
}

// formKey drives the open form; ctrl+o still changes the purpose in the walk-in form (and the
// role with it, unless staff chose another).
func (m Model) formKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	if m.view == viewWalkIn && key.Matches(k, m.keys.Purpose) {
		was := walkInRole(m.purpose)
		m.purpose = m.purpose.Next()
		if m.form.Value("role") == string(was) {
			m.form = m.form.SetValue("role", string(walkInRole(m.purpose)))
		}
		return m, nil
	}
	var res components.FormResult
	var cmd tea.Cmd
	m.form, res, cmd = m.form.Update(k)
	switch res {
	case components.FormSubmitted:
		return m.submit()
	case components.FormCancelled:
		return m.cancelForm(), nil
	}
	return m, cmd
}

func (m Model) submit() (common.Screen, tea.Cmd) {
	switch m.view {
	case viewWalkIn:
		return m.submitWalkIn()
	case viewCorrect:
		return m.submitCorrect()
	case viewPerson:
		return m.submitPerson()
	case viewChild:
		return m.submitChild()
	}
	return m, nil
}

func (m Model) cancelForm() Model {
	m.form, m.formErr = m.form.SetErrors(nil)
	switch m.view {
	case viewWalkIn:
		return m.toCounter()
	case viewCorrect:
		m.view = viewVisits
	case viewPerson:
		m.view = m.from
		if m.view == viewDirectory {
			m.dir.Input.Focus()
		}
	case viewChild:
		m.view = viewDetail
	}
	return m
}

// formFailed puts the errors beside their fields (the rest under the form) and on the status line.
func (m Model) formFailed(err error) (common.Screen, tea.Cmd) {
	m.form, m.formErr = m.form.SetErrors(err)
	return m, common.Fail(err)
}

// personFromForm validates the person form's fields (the walk-in form has no email or notes).
func (m Model) personFromForm() (model.Person, error) {
	v := m.form.Value
	var errs model.FieldErrors
	roles, err := model.ParseRoles(v("role"))
	if err != nil {
		errs = append(errs, errField("role", err))
	}
	p, err := model.NewPerson(model.PersonInput{Name: v("name"), Reading: v("reading"), Phone: v("phone"),
		Email: v("email"), Notes: v("notes"), Roles: roles})
	var fe model.FieldErrors
	switch {
	case errors.As(err, &fe):
		errs = append(errs, fe...)
	case err != nil:
		errs = append(errs, errField("", err))
	}
	if len(errs) > 0 {
		return p, errs
	}
	return p, nil
}

// duplicate returns who already has the person's name and reading.
func (m Model) duplicate(p model.Person) (model.Person, bool) {
	k := model.RosterKey(p.Name, p.Reading)
	for _, o := range m.people {
		if o.ID != p.ID && !o.Forgotten && model.RosterKey(o.Name, o.Reading) == k {
			return o, true
		}
	}
	return model.Person{}, false
}

func (m Model) submitWalkIn() (common.Screen, tea.Cmd) {
	p, err := m.personFromForm()
	if err != nil {
		return m.formFailed(err)
	}
	if o, dup := m.duplicate(p); dup {
		ja := fmt.Sprintf("%s（%s）さんは登録済みです。検索から選んでください", o.Name, o.Reading)
		if o.Archived {
			ja = fmt.Sprintf("%s（%s）さんはアーカイブされています。名簿（ctrl+e）で解除してください", o.Name, o.Reading)
		}
		return m.formFailed(model.FieldErrors{model.Invalid("name", ja, fmt.Sprintf("%s (%s) is already registered; find them in the search (archived people: ctrl+e)", o.Name, model.Romaji(o.Reading)))})
	}
	// the same name with another reading is most often the same person with a shortened
	// reading: ask once; ctrl+s again with the same entries registers a namesake
	if o, same := m.namesake(p); same && m.namesakeOK != model.RosterKey(p.Name, p.Reading) {
		m.namesakeOK = model.RosterKey(p.Name, p.Reading)
		return m.formFailed(model.FieldErrors{model.Invalid("name",
			fmt.Sprintf("同じ名前の %s（%s）さんが登録済みです。同じ方なら esc で戻って検索から選んでください。別の方なら、もう一度 ctrl+s で登録します", o.Name, o.Reading),
			fmt.Sprintf("%s (%s) is already registered under this name. If it is the same person, esc and pick them in the search; if not, ctrl+s again registers a new person", o.Name, model.Romaji(o.Reading)))})
	}
	return m, register(m.store, p, m.purpose)
}

// namesake finds someone else with the same name (any reading).
func (m Model) namesake(p model.Person) (model.Person, bool) {
	n := model.NormalizeName(p.Name)
	for _, o := range m.people {
		if o.ID != p.ID && !o.Forgotten && model.NormalizeName(o.Name) == n {
			return o, true
		}
	}
	return model.Person{}, false
}

func (m Model) registered(msg RegisteredMsg) (common.Screen, tea.Cmd) {
	if msg.Err != nil {
		if m.view == viewWalkIn {
			return m.formFailed(msg.Err)
		}
		return m, common.Fail(msg.Err)
	}
	c := m.ctx
	v := msg.Visit
	name := msg.Person.DisplayName()
	m.last = &lastAction{VisitID: v.ID, CheckedIn: true, Name: name, At: c.Clock.Now()}
	m.purpose = model.PurposeCoworking
	m = m.clearSearch().toCounter()
	text := c.T(fmt.Sprintf("%s %sさんを登録して入館（%s）", model.HHMM(v.In), name, v.Purpose.Label(c.Lang)),
		fmt.Sprintf("%s %s registered and checked in (%s)", model.HHMM(v.In), name, v.Purpose.Label(c.Lang)))
	return m, tea.Batch(common.Status(text), common.Changed(model.KindPerson))
}

func (m Model) submitPerson() (common.Screen, tea.Cmd) {
	p, err := m.personFromForm()
	if err != nil {
		return m.formFailed(err)
	}
	old := m.editingPerson
	p.ID, p.Archived, p.Forgotten, p.Created = old.ID, old.Archived, old.Forgotten, old.Created
	if o, dup := m.duplicate(p); dup {
		return m.formFailed(model.FieldErrors{model.Invalid("name",
			fmt.Sprintf("同じ氏名・ふりがなの方（ID %d）が登録済みです", o.ID),
			fmt.Sprintf("Someone with the same name and reading is already registered (ID %d)", o.ID))})
	}
	return m, savePerson(m.store, p)
}

func (m Model) personSaved(msg PersonSavedMsg) (common.Screen, tea.Cmd) {
	if msg.Err != nil {
		if m.view == viewPerson {
			return m.formFailed(msg.Err)
		}
		return m, common.Fail(msg.Err)
	}
	c := m.ctx
	name := msg.Person.DisplayName()
	text := c.T(fmt.Sprintf("%sさんを保存しました", name), fmt.Sprintf("Saved %s", name))
	if msg.Created {
		text = c.T(fmt.Sprintf("%sさんを名簿に登録しました", name), fmt.Sprintf("Added %s to the directory", name))
	}
	m.form, m.formErr = m.form.SetErrors(nil)
	m.view, m.person, m.children, m.childCursor = viewDetail, msg.Person, nil, 0
	return m, tea.Batch(common.Status(text), common.Changed(model.KindPerson), loadDetail(m.store, msg.Person.ID))
}

func (m Model) submitChild() (common.Screen, tea.Cmd) {
	v := m.form.Value
	in := model.ChildInput{GuardianID: m.person.ID, Name: v("name"), Reading: v("reading"), BirthDate: v("birth_date"),
		Allergies: v("allergies"), CareNotes: v("care_notes")}
	for i := range pickupRows(m.editing) {
		name := fmt.Sprintf("pickup_name_%d", i)
		if i == 0 {
			name = "pickups"
		}
		in.Pickups = append(in.Pickups, model.PickupPerson{Name: v(name), Relation: v(fmt.Sprintf("pickup_rel_%d", i))})
	}
	ch, err := model.NewChild(in, m.ctx.Today())
	if err != nil {
		return m.formFailed(err)
	}
	old := m.editing
	ch.ID, ch.Archived, ch.Forgotten = old.ID, old.Archived, old.Forgotten
	if old.ID != 0 {
		ch.GuardianID = old.GuardianID
	}
	return m, saveChild(m.store, ch)
}

func (m Model) childSaved(msg ChildSavedMsg) (common.Screen, tea.Cmd) {
	if msg.Err != nil {
		if m.view == viewChild {
			return m.formFailed(msg.Err)
		}
		return m, common.Fail(msg.Err)
	}
	c := m.ctx
	text := c.T(fmt.Sprintf("%sさんを保存しました", msg.Child.Name), fmt.Sprintf("Saved %s", msg.Child.Name))
	m.form, m.formErr = m.form.SetErrors(nil)
	m.view = viewDetail
	return m, tea.Batch(common.Status(text), common.Changed(model.KindChild))
}

// sizedForm is the open form drawn at the screen's width (its errors wrap within it).
func (m Model) sizedForm() components.Form {
	f := m.form
	f.SetWidth(m.ctx.Width)
	return f
}

func (m Model) formView() string {
	c, st := m.ctx, m.ctx.Styles
	lines := []string{common.Cut(st.Title.Render(m.title), c.Width), ""}
	lines = append(lines, m.sizedForm().View(st))
	if m.formErr != "" {
		lines = append(lines, wrap(m.formErr, c.Width, st.Danger.Render)...)
	}
	lines = append(lines, "")
	if m.view == viewWalkIn {
		lines = append(lines, c.T("目的: ", "Purpose: ")+st.Label.Render(m.purpose.Label(c.Lang))+st.Muted.Render(c.T("（ctrl+o で変更）", " (ctrl+o changes)")))
	}
	if m.view == viewCorrect {
		lines = append(lines, wrap(c.T("時刻はその日の H:MM。退館を空にすると在館中に戻ります。", "Times are H:MM on that day; an empty Out means still in."), c.Width, st.Muted.Render)...)
		lines = append(lines, wrap(c.T("訂正は理由とともに操作履歴に残ります。", "The correction and its reason are kept in the audit log."), c.Width, st.Muted.Render)...)
	}
	hint := c.T("enter・tab で次の項目へ（enter では確定しません）。ctrl+s で確定、esc で取消",
		"enter or tab: next field (enter never saves). ctrl+s saves, esc cancels.")
	if m.focusedChoice() {
		if m.form.Fields[m.form.Focus()].Multi {
			hint = c.T("左右キーで移動、スペースで付け外し（いくつでも）。", "left/right move, space turns one on or off (any number). ") + hint
		} else {
			hint = c.T("左右キーかスペースで選びます。", "left/right or space chooses. ") + hint
		}
	}
	lines = append(lines, wrap(hint, c.Width, st.Muted.Render)...)
	return strings.Join(lines, "\n")
}

// focusedChoice reports whether the open form's focused field is a choice (left, right and space
// change it).
func (m Model) focusedChoice() bool {
	if len(m.form.Fields) == 0 {
		return false
	}
	return m.form.Fields[m.form.Focus()].IsChoice()
}
