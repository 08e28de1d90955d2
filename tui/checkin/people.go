package checkin

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
)

// The people directory (名簿): the same search over everyone, archived people included (marked
// 保管), and a person's page with their children, from which both are edited. Archiving hides a
// person from the counter's search and keeps every record of them.

const dirSearchRow = 1

func (m Model) directoryKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	km := m.keys
	switch {
	case key.Matches(k, km.Open):
		p, ok := m.dir.Selected()
		if !ok {
			return m, nil
		}
		m.view, m.person, m.children, m.childCursor = viewDetail, p, nil, 0
		return m, loadDetail(m.store, p.ID)
	case key.Matches(k, km.WalkIn):
		m.from = viewDirectory
		return m.openPerson(model.Person{}, m.dir.Query()), nil
	case key.Matches(k, km.People):
		return m.toCounter(), nil
	case key.Matches(k, km.Back):
		if m.dir.Query() != "" {
			m.dir.Reset()
			return m, nil
		}
		return m.toCounter(), nil
	}
	var cmd tea.Cmd
	m.dir, cmd = m.dir.Update(k)
	if v := m.dir.Query(); strings.ContainsFunc(v, func(r rune) bool { return r >= 0xFF61 && r <= 0xFF9F }) {
		m.dir = foldSearch(m.dir, everyone(m.people))
	}
	return m, cmd
}

func (m Model) detailLoaded(msg DetailMsg) (common.Screen, tea.Cmd) {
	if msg.Err != nil {
		return m, common.Fail(msg.Err)
	}
	if m.person.ID != 0 && msg.Person.ID != m.person.ID {
		return m, nil // an answer for someone no longer shown
	}
	m.person, m.children = msg.Person, msg.Children
	m.childCursor = max(0, min(m.childCursor, len(m.children)-1))
	return m, nil
}

func (m Model) detailKey(k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	km := m.keys
	if m.forgetAsk {
		m.forgetAsk = false
		if key.Matches(k, km.Confirm) && k.String() == "y" {
			return m, forget(m.store, m.person.ID)
		}
		return m, common.Status(m.ctx.T("削除を取り消しました", "Erasure cancelled"))
	}
	switch {
	case key.Matches(k, km.Forget):
		if !m.person.Forgotten {
			m.forgetAsk = true
		}
	case key.Matches(k, km.Up):
		m.childCursor = max(0, m.childCursor-1)
	case key.Matches(k, km.Down):
		m.childCursor = max(0, min(len(m.children)-1, m.childCursor+1))
	case m.person.Forgotten && (key.Matches(k, km.Edit) || key.Matches(k, km.AddChild)):
		return m, nil // erased: nothing to edit, nobody to add a child to
	case key.Matches(k, km.Edit):
		m.from = viewDetail
		return m.openPerson(m.person, ""), nil
	case key.Matches(k, km.Archive):
		return m, archive(m.store, m.person.ID, !m.person.Archived)
	case key.Matches(k, km.AddChild):
		return m.openChild(model.Child{GuardianID: m.person.ID}), nil
	case key.Matches(k, km.EditChild):
		if m.childCursor < len(m.children) {
			return m.openChild(m.children[m.childCursor]), nil
		}
	case key.Matches(k, km.Back):
		m.view = viewDirectory
		m.dir.Input.Focus()
	}
	return m, nil
}

// ForgottenMsg reports an erasure of a person's personal data.
type ForgottenMsg struct {
	Result store.ForgetResult
	Err    error
}

func forget(s Store, personID uint64) tea.Cmd {
	return func() tea.Msg {
		r, err := s.Forget(personID)
		return ForgottenMsg{Result: r, Err: err}
	}
}

func (m Model) forgotten(msg ForgottenMsg) (common.Screen, tea.Cmd) {
	if msg.Err != nil {
		return m, common.Fail(msg.Err)
	}
	if msg.Result.Person.ID == m.person.ID {
		m.person, m.children = msg.Result.Person, nil
	}
	c := m.ctx
	text := c.T(fmt.Sprintf("個人情報を削除しました（子ども %d人分も）。古いバックアップには残っています（世代が入れ替わると消えます）。ファイルの空き領域は madoguchi compact で消せます", msg.Result.Children),
		fmt.Sprintf("Personal data erased (and %d children's). Old backups still hold it until they rotate out; madoguchi compact clears the file's free space", msg.Result.Children))
	return m, tea.Batch(common.Status(text), common.Changed(model.KindPerson))
}

func (m Model) archived(msg ArchivedMsg) (common.Screen, tea.Cmd) {
	if msg.Err != nil {
		return m, common.Fail(msg.Err)
	}
	c := m.ctx
	name := m.person.DisplayName()
	if msg.PersonID == m.person.ID {
		m.person.Archived = msg.Archived
	}
	text := c.T(fmt.Sprintf("%sさんをアーカイブしました（窓口の検索に出ません。記録は残ります）", name),
		fmt.Sprintf("%s archived (hidden at the counter; their records are kept)", name))
	if !msg.Archived {
		text = c.T(fmt.Sprintf("%sさんのアーカイブを解除しました", name), fmt.Sprintf("%s is back at the counter", name))
	}
	return m, tea.Batch(common.Status(text), common.Changed(model.KindPerson))
}

func (m Model) directoryView() string {
	c, st := m.ctx, m.ctx.Styles
	archived := 0
	for _, p := range m.people {
		if p.Archived {
			archived++
		}
	}
	header := st.Title.Render(c.T("名簿", "People")) + "  " + c.T(
		fmt.Sprintf("%d人（アーカイブ %d人）", len(m.people), archived),
		fmt.Sprintf("%d people (%d archived)", len(m.people), archived)) +
		st.Muted.Render(c.T("  enter 詳細  ctrl+r 新しい人  esc 窓口へ", "  enter open  ctrl+r new person  esc counter"))
	return common.Cut(header, c.Width) + "\n" + m.dir.View(st, c.Width, max(c.Height-1, 1))
}

func (m Model) detailView() string {
	c, st := m.ctx, m.ctx.Styles
	p := m.person
	var b strings.Builder
	reading := c.T("（"+p.Reading+"）", " ("+model.Romaji(p.Reading)+")")
	if p.Reading == "" {
		reading = ""
	}
	title := st.Title.Render(c.T("名簿", "People")+" > "+p.DisplayName()) + reading +
		st.Muted.Render(fmt.Sprintf("  ID %d", p.ID))
	if p.Archived {
		title += "  " + st.Warn.Render(c.T("アーカイブ済み（窓口の検索に出ません）", "archived (hidden at the counter)"))
	}
	b.WriteString(common.Cut(title, c.Width) + "\n")
	if m.forgetAsk {
		for _, l := range []string{
			c.T(" 個人情報を削除しますか？（y 削除 / ほかのキーで取消）", " Erase this person's personal data? (y erase / any other key cancels)"),
			c.T(" 氏名・ふりがな・連絡先・メモと、子どもの氏名・アレルギー・お迎え可能者を消します。", " Name, reading, contact and notes, and their children's names, allergies and"),
			c.T(" 来館・予約・出欠などの記録は匿名で残ります（KPI は変わりません）。", " pick-up people are erased; visits, bookings and marks stay, anonymous (KPIs hold)."),
		} {
			b.WriteString(st.Alert.Render(common.Fit(l, c.Width)) + "\n")
		}
	}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	b.WriteString(common.Cut("  "+st.Label.Render(c.T("区分", "Roles"))+": "+dash(p.RoleLabels(c.Lang))+"   "+
		st.Label.Render(c.T("電話", "Phone"))+": "+dash(p.Phone)+"   "+st.Label.Render(c.T("メール", "Email"))+": "+dash(p.Email), c.Width) + "\n")
	if p.Notes != "" {
		b.WriteString(common.Cut("  "+st.Label.Render(c.T("メモ", "Notes"))+": "+p.Notes, c.Width) + "\n")
	}
	if m.isIn(p.ID) {
		h, _ := m.hereNow(p.ID)
		b.WriteString("  " + st.OK.Render(c.T("在館中 "+model.HHMM(h.Visit.In)+"〜", "here since "+model.HHMM(h.Visit.In))) + "\n")
	}
	b.WriteString("\n" + st.Heading.Render(c.T(fmt.Sprintf("子ども %d人", len(m.children)), fmt.Sprintf("Children: %d", len(m.children)))) + "\n")
	if len(m.children) == 0 {
		b.WriteString(st.Muted.Render(c.T("  登録なし（n で追加）", "  None (n adds one)")) + "\n")
	}
	today := c.Today()
	for i, ch := range m.children {
		reading := c.T("（"+ch.Reading+"）", " ("+model.Romaji(ch.Reading)+")")
		if ch.Reading == "" {
			reading = ""
		}
		line := ch.DisplayName() + reading + "  " +
			c.T(fmt.Sprintf("%s生 %d歳", ch.BirthDate, ch.BirthDate.AgeOn(today)), fmt.Sprintf("born %s, age %d", ch.BirthDate, ch.BirthDate.AgeOn(today)))
		if ch.Archived {
			line += "  " + c.T("（アーカイブ）", "(archived)")
		}
		if i == m.childCursor {
			b.WriteString(st.Selected.Render("> "+common.Fit(line, c.Width-2)) + "\n")
		} else {
			b.WriteString("  " + common.Cut(line, c.Width-2) + "\n")
		}
		if ch.Allergies != "" {
			b.WriteString("    " + st.Allergy.Render(c.T("アレルギー", "Allergy")) + " " + common.Cut(ch.Allergies, c.Width-16) + "\n")
		}
		if ch.CareNotes != "" {
			b.WriteString(common.Cut("    "+st.Label.Render(c.T("配慮", "Care"))+": "+ch.CareNotes, c.Width) + "\n")
		}
		var pk []string
		for _, x := range ch.Pickups {
			pk = append(pk, x.Name+c.T("（"+x.Relation+"）", " ("+x.Relation+")"))
		}
		if len(pk) > 0 {
			b.WriteString(common.Cut("    "+st.Label.Render(c.T("お迎え", "Pick-up"))+": "+strings.Join(pk, c.T("、", ", ")), c.Width) + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}
