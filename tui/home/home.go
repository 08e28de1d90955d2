// Package home is ホーム: today at a glance. Who is in, children in the kids space, today's
// sessions and slots, jobs due, and the red alert for children not picked up by their slot's end.
package home

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
)

// Store is what ホーム reads.
type Store interface {
	Today(d model.Date) (store.Today, error)
	Review(d model.Date) (model.DayReview, error)
	Settings() (model.Settings, error)
	BackupStatus() store.BackupStatus
}

var _ Store = (*store.Store)(nil)

// LoadedMsg carries the day's summary.
type LoadedMsg struct {
	Today    store.Today
	Review   model.DayReview
	Settings model.Settings
	Backup   store.BackupStatus
	Err      error
}

// tickMsg refreshes durations and alerts once a minute.
type tickMsg struct{}

// KeyMap is ホーム's keys.
type KeyMap struct {
	Refresh key.Binding
}

// DefaultKeyMap returns ホーム's keys in the language.
func DefaultKeyMap(l model.Lang) KeyMap {
	return KeyMap{Refresh: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", l.Pick("再読込", "refresh")))}
}

// ShortHelp lists the keys for the help bar.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Refresh} }

// FullHelp lists the keys for the full help.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Model is the ホーム screen.
type Model struct {
	ctx    common.Context
	store  Store
	keys   KeyMap
	today  store.Today
	review model.DayReview
	set    model.Settings
	backup store.BackupStatus
	loaded bool
	err    error
}

// New returns ホーム.
func New(ctx common.Context, s Store) Model {
	return Model{ctx: ctx, store: s, keys: DefaultKeyMap(ctx.Lang)}
}

// load reads the day's summary in a command; the store and date are copied in.
func load(s Store, d model.Date) tea.Cmd {
	return func() tea.Msg {
		t, err := s.Today(d)
		if err != nil {
			return LoadedMsg{Err: err}
		}
		r, err := s.Review(d)
		if err != nil {
			return LoadedMsg{Err: err}
		}
		st, err := s.Settings()
		return LoadedMsg{Today: t, Review: r, Settings: st, Backup: s.BackupStatus(), Err: err}
	}
}

func (m Model) tick() tea.Cmd {
	return m.ctx.After(time.Minute, func(time.Time) tea.Msg { return tickMsg{} })
}

// Init loads today.
func (m Model) Init() tea.Cmd { return tea.Batch(load(m.store, m.ctx.Today()), m.tick()) }

// Update handles data and keys.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		m.today, m.review, m.set, m.backup, m.err, m.loaded = msg.Today, msg.Review, msg.Settings, msg.Backup, msg.Err, true
	case common.DataChangedMsg:
		return m, load(m.store, m.ctx.Today())
	case tickMsg:
		return m, tea.Batch(load(m.store, m.ctx.Today()), m.tick())
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.Refresh) {
			return m, load(m.store, m.ctx.Today())
		}
	}
	return m, nil
}

// SetContext applies a new size or language.
func (m Model) SetContext(c common.Context) common.Screen {
	m.ctx = c
	m.keys = DefaultKeyMap(c.Lang)
	return m
}

// Keys returns the help bar's keys.
func (m Model) Keys() help.KeyMap { return m.keys }

// Capturing is false: ホーム has no text field.
func (m Model) Capturing() bool { return false }

// Cursor is nil: no text field.
func (m Model) Cursor() *tea.Cursor { return nil }

// Today returns what the screen shows (for tests).
func (m Model) Today() store.Today { return m.today }

// NotPickedUp returns the children still in care after their slot ended.
func NotPickedUp(t store.Today, now time.Time) []store.InCareLine {
	var out []store.InCareLine
	for _, c := range t.InCare {
		if !now.Before(c.Slot.EndTime()) {
			out = append(out, c)
		}
	}
	return out
}

// View draws the day.
func (m Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	if !m.loaded {
		return st.Muted.Render(c.T("読み込み中", "Loading"))
	}
	if m.err != nil {
		return st.Danger.Render(model.Message(m.err, c.Lang))
	}
	now := c.Clock.Now()
	t := m.today
	var top []string
	for _, l := range NotPickedUp(t, now) {
		top = append(top, st.Alert.Render(common.Fit(c.T(
			fmt.Sprintf(" ！お迎え未完了: %s（%s）%s 終了の枠 保護者 %s", l.Child.DisplayName(), l.Slot.Date.String()[5:], l.Slot.End, l.Guardian.Name),
			fmt.Sprintf(" ! Not picked up: %s (%s) slot ended %s guardian %s", l.Child.DisplayName(), l.Slot.Date.String()[5:], l.Slot.End, l.Guardian.Name)), c.Width)))
	}
	if b := m.backup; b.Err != nil {
		last := c.T("まだありません", "none yet")
		if !b.LastGood.IsZero() {
			last = model.DateOf(b.LastGood).String()[5:] + " " + model.HHMM(b.LastGood)
		}
		top = append(top, st.Alert.Render(common.Fit(c.T(
			fmt.Sprintf(" ！バックアップに失敗しました（%s）: %s　最後の正常なバックアップ: %s", model.HHMM(b.ErrAt), model.Message(b.Err, model.JA), last),
			fmt.Sprintf(" ! Backup failed (%s): %s. Last good backup: %s", model.HHMM(b.ErrAt), model.Message(b.Err, model.EN), last)), c.Width)))
	}
	switch open := m.review.Open(); {
	case t.Closed != nil:
		closed := c.T(fmt.Sprintf("%s に %sさんが締めました", model.HHMM(t.Closed.At), t.Closed.Staff),
			fmt.Sprintf("closed at %s by %s", model.HHMM(t.Closed.At), t.Closed.Staff))
		if open > 0 {
			// what is still open now (a child not yet collected) comes first: a long name may cut
			// the end of the line, never the count
			line := c.T(fmt.Sprintf("日次締め: いま未了 %d件（D で確認）。", open), fmt.Sprintf("Day review: %d open now (D); ", open)) + closed
			top = append(top, st.Warn.Render(common.Fit(line, c.Width)))
			break
		}
		line := c.T("日次締め: ", "Day ") + closed
		if n := len(t.Closed.LeftOpen); n > 0 {
			line += c.T(fmt.Sprintf("（未了 %d件を記録）", n), fmt.Sprintf(" (%d open items recorded)", n))
		}
		top = append(top, st.OK.Render(common.Fit(line, c.Width)))
	case open > 0:
		line := c.T(fmt.Sprintf("日次締め: 未了 %d件（D で確認）", open), fmt.Sprintf("Day review: %d open (D)", open))
		if m.set.Closing > 0 && model.ClockOf(now) >= m.set.Closing {
			top = append(top, st.Warn.Render(line))
		} else {
			top = append(top, st.Muted.Render(line))
		}
	default:
		top = append(top, st.Muted.Render(c.T("日次締め: 未了なし（D で締める）", "Day review: nothing open (D to close)")))
	}

	gap := 2
	lw := (c.Width - gap) / 2
	rw := c.Width - gap - lw

	// left: here now
	var left []string
	left = append(left, st.Heading.Render(c.T(fmt.Sprintf("来館中 %d人", len(t.Here)), fmt.Sprintf("Here now: %d", len(t.Here)))))
	if len(t.Here) == 0 {
		left = append(left, st.Muted.Render(c.T("  いまは誰もいません", "  Nobody is in")))
	}
	for _, h := range t.Here {
		since := c.T(model.HHMM(h.Visit.In)+"〜", "from "+model.HHMM(h.Visit.In))
		line := fmt.Sprintf("  %s %s %s", common.Fit(h.Person.DisplayName(), 12), since, model.FormatDuration(h.Visit.Duration(now), c.Lang))
		if h.Visit.Purpose != model.PurposeCoworking {
			line += " " + st.Muted.Render(h.Visit.Purpose.Label(c.Lang))
		}
		left = append(left, line)
		for _, ch := range h.Children {
			left = append(left, st.Muted.Render("    - "+c.T("キッズ: ", "kids: ")+ch.Child.DisplayName()))
		}
	}

	// right: kids, sessions, jobs
	var right []string
	inCareToday := 0
	booked := 0
	for _, sl := range t.Slots {
		for _, b := range sl.Bookings {
			if b.Booking.Status.Occupies() {
				booked++
			}
		}
	}
	inCareToday = len(t.InCare)
	right = append(right, st.Heading.Render(c.T(
		fmt.Sprintf("キッズスペース 利用中 %d人 / 予約 %d件", inCareToday, booked),
		fmt.Sprintf("Kids space: %d in care / %d booked", inCareToday, booked))))
	for _, ic := range t.InCare {
		line := "  " + common.Fit(ic.Child.DisplayName(), 12) + " " + ic.Slot.Span()
		if ic.Child.HasAllergy() {
			line += " " + st.Allergy.Render(c.T("アレルギー", "allergy"))
		}
		right = append(right, line)
	}
	if len(t.Slots) == 0 {
		right = append(right, st.Muted.Render(c.T("  本日の枠はありません", "  No slots today")))
	}
	right = append(right, "")
	right = append(right, st.Heading.Render(c.T(fmt.Sprintf("本日の講座 %d件", len(t.Sessions)), fmt.Sprintf("Today's sessions: %d", len(t.Sessions)))))
	if len(t.Sessions) == 0 {
		right = append(right, st.Muted.Render(c.T("  本日の講座はありません", "  No sessions today")))
	}
	for _, s := range t.Sessions {
		right = append(right, "  "+s.Session.Span()+" "+s.Course.Kind.Label(c.Lang)+" "+s.Session.Title)
	}
	right = append(right, "")
	right = append(right, st.Heading.Render(c.T(fmt.Sprintf("納期が本日まで %d件", len(t.JobsDue)), fmt.Sprintf("Jobs due by today: %d", len(t.JobsDue)))))
	if len(t.JobsDue) == 0 {
		right = append(right, st.Muted.Render(c.T("  ありません", "  None")))
	}
	for _, j := range t.JobsDue {
		mark := "  "
		due := j.Due.String()[5:]
		if j.Overdue(t.Date) {
			mark = st.Danger.Render(c.T("遅", "! "))
		}
		right = append(right, mark+" "+due+" "+common.Cut(j.Title, rw-16)+" "+st.Muted.Render(j.Status.Label(c.Lang)))
	}

	body := common.Columns(gap, []int{lw, rw}, strings.Join(left, "\n"), strings.Join(right, "\n"))
	if len(top) > 0 {
		body = strings.Join(top, "\n") + "\n" + body
	}
	return common.Lines(body, c.Width, c.Height)
}
