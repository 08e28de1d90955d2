// Package common holds what every screen shares: the context (language, clock, styles, size),
// the messages that cross screens, and the Screen interface the root routes to. It is a leaf
// package so screens and the root can both import it.
package common

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/nagawaka/madoguchi/model"
)

// Context is what a screen needs to know about its surroundings. It is passed by value; the root
// owns it and hands a fresh copy to screens on resize or theme change.
type Context struct {
	Lang   model.Lang
	Clock  model.Clock
	Styles Styles
	Width  int // body width
	Height int // body height
	// Tick schedules a timed message (tea.Tick in the app; tests pass one that never fires, so
	// draining commands never waits on a timer).
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
}

// After returns a command that sends fn's message after d, through the context's Tick.
func (c Context) After(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	if c.Tick == nil {
		return tea.Tick(d, fn)
	}
	return c.Tick(d, fn)
}

// T picks the string for the context's language.
func (c Context) T(ja, en string) string { return c.Lang.Pick(ja, en) }

// Today is the day in Tokyo by the context's clock.
func (c Context) Today() model.Date { return model.DateOf(c.Clock.Now()) }

// Screen is one tab of the app. Screens own their state; the root routes keys to the focused
// screen and data messages to every screen.
type Screen interface {
	// Init returns the command that loads the screen's data.
	Init() tea.Cmd
	// Update handles a message.
	Update(msg tea.Msg) (Screen, tea.Cmd)
	// View draws the screen body at the context's size.
	View() string
	// SetContext gives the screen a new size, language or theme.
	SetContext(Context) Screen
	// Keys returns the screen's key bindings for the help bar.
	Keys() help.KeyMap
	// Capturing reports whether a text field has focus: then letter and digit keys go to the
	// screen, not to the global key map.
	Capturing() bool
	// Cursor is where the terminal's real cursor goes (for the IME), relative to the body, or
	// nil when no text field has focus.
	Cursor() *tea.Cursor
}

// TabSwitcher is implemented by screens whose focused text field is a lone search box: then
// tab and shift+tab still switch screens while letters and digits are typed into the field.
type TabSwitcher interface {
	TabSwitches() bool
}

// Activator is implemented by screens that want to know when they are shown (e.g. to focus
// their search field again).
type Activator interface {
	Activate() (Screen, tea.Cmd)
}

// DataChangedMsg tells every screen that records changed, so they reload what they show.
type DataChangedMsg struct{ Kind model.Kind }

// StatusMsg puts a confirmation on the status line. It goes with the next key unless Keep is
// set: something staff must act on (a child promoted from the waitlist: call the guardian)
// stays until esc or the next message.
type StatusMsg struct {
	Text string
	Keep bool
}

// ErrorMsg puts an error on the status line, in the staff member's language.
type ErrorMsg struct{ Err error }

// Error returns the error's English text.
func (e ErrorMsg) Error() string { return e.Err.Error() }

// ReturnMsg says a screen has finished what another screen sent it to do (a pick-up opened from
// the review or a check-out, the review opened with D): the root goes back to the screen staff
// came from, if they came from another.
type ReturnMsg struct{}

// Return returns a command that sends ReturnMsg.
func Return() tea.Cmd { return func() tea.Msg { return ReturnMsg{} } }

// GotoMsg asks the root to switch to a tab, optionally with a payload for the screen.
type GotoMsg struct {
	Tab     int
	Payload any
}

// Changed returns a command that announces a change of records.
func Changed(k model.Kind) tea.Cmd {
	return func() tea.Msg { return DataChangedMsg{Kind: k} }
}

// Status returns a command that shows a confirmation.
func Status(text string) tea.Cmd { return func() tea.Msg { return StatusMsg{Text: text} } }

// KeepStatus returns a command that shows a confirmation staff must act on: it stays until esc
// or the next message.
func KeepStatus(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Keep: true} }
}

// Fail returns a command that shows an error.
func Fail(err error) tea.Cmd { return func() tea.Msg { return ErrorMsg{Err: err} } }
