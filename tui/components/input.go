// Package components holds widgets shared by screens.
package components

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Input is a one-line text field for Japanese text. It wraps bubbles' textinput and fixes where
// the terminal's real cursor goes: textinput counts runes (bubbles issue 906), so after "やまだ"
// it would put the cursor 3 cells in instead of 6 and the IME window would open in the wrong
// place. Input measures the text before the cursor by display width instead.
//
// It never scrolls horizontally (no width is set on the inner field); CharLimit bounds it.
type Input struct {
	ti          textinput.Model
	placeholder string
}

// NewInput returns a blurred field with a prompt and a character limit.
func NewInput(prompt string, limit int) Input {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.CharLimit = limit
	ti.SetVirtualCursor(false)
	return Input{ti: ti}
}

// Update passes a message to the field.
func (in Input) Update(msg tea.Msg) (Input, tea.Cmd) {
	var cmd tea.Cmd
	in.ti, cmd = in.ti.Update(msg)
	return in, cmd
}

// View draws the field. The placeholder is drawn here: with no width set, bubbles' textinput
// shows only its first character.
func (in Input) View() string {
	if in.ti.Value() == "" && in.placeholder != "" {
		st := in.ti.Styles().Blurred
		if in.ti.Focused() {
			st = in.ti.Styles().Focused
		}
		return st.Prompt.Render(in.ti.Prompt) + st.Placeholder.Render(in.placeholder)
	}
	return in.ti.View()
}

// Value returns the text.
func (in Input) Value() string { return in.ti.Value() }

// SetValue replaces the text and moves the cursor to its end.
func (in *Input) SetValue(s string) { in.ti.SetValue(s); in.ti.CursorEnd() }

// Focus gives the field focus.
func (in *Input) Focus() tea.Cmd { return in.ti.Focus() }

// Blur takes focus away.
func (in *Input) Blur() { in.ti.Blur() }

// Focused reports whether the field has focus.
func (in Input) Focused() bool { return in.ti.Focused() }

// SetPlaceholder sets the grey hint shown when empty.
func (in *Input) SetPlaceholder(s string) { in.placeholder = s }

// SetPrompt changes the prompt.
func (in *Input) SetPrompt(s string) { in.ti.Prompt = s }

// Reset clears the text.
func (in *Input) Reset() { in.ti.Reset() }

// Cursor returns the real cursor's place relative to the field's first cell, measured by display
// width, or nil when the field is blurred.
func (in Input) Cursor() *tea.Cursor {
	c := in.ti.Cursor()
	if c == nil {
		return nil
	}
	runes := []rune(in.ti.Value())
	pos := min(in.ti.Position(), len(runes))
	c.X = ansi.StringWidth(in.ti.Prompt) + ansi.StringWidth(string(runes[:pos]))
	return c
}
