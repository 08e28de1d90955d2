package components

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/tui/common"
)

// Form is a column of labelled text fields for Japanese input. It is written in-house rather
// than taken from huh because two counter rules need it: the Enter that confirms an IME
// conversion must never submit (Enter, Tab and the down arrow only move to the next field; ctrl+s submits),
// and the real cursor must sit where the IME expects it (see Input). Field errors are shown on
// the line under their field.
type Form struct {
	Fields []Field
	focus  int
	keys   FormKeys
	lang   model.Lang
	labelW int
}

// Field is one labelled input with its validation message.
type Field struct {
	Name  string // the model's field name, matched against model.Error.Field
	Label string
	Hint  string
	Input Input
	Err   string
}

// FormKeys are the form's keys.
type FormKeys struct {
	Next, Prev, Submit, Cancel key.Binding
}

// DefaultFormKeys returns the form keys in the language.
func DefaultFormKeys(l model.Lang) FormKeys {
	return FormKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "down", "enter"), key.WithHelp("tab/down", l.Pick("次の項目", "next field"))),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab/up", l.Pick("前の項目", "previous"))),
		Submit: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", l.Pick("確定", "save"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.Pick("取消", "cancel"))),
	}
}

// ShortHelp lists the form keys.
func (k FormKeys) ShortHelp() []key.Binding { return []key.Binding{k.Next, k.Prev, k.Submit, k.Cancel} }

// FullHelp lists the form keys.
func (k FormKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// NewForm builds a form; the first field has focus.
func NewForm(l model.Lang, fields ...Field) Form {
	f := Form{Fields: fields, keys: DefaultFormKeys(l), lang: l}
	for _, fl := range fields {
		f.labelW = max(f.labelW, ansi.StringWidth(fl.Label))
	}
	if len(f.Fields) > 0 {
		f.Fields[0].Input.Focus()
	}
	return f
}

// NewField returns a field with a character limit and an initial value.
func NewField(name, label, value string, limit int) Field {
	in := NewInput("", limit)
	in.SetValue(value)
	return Field{Name: name, Label: label, Input: in}
}

// Keys returns the form's keys for the help bar.
func (f Form) Keys() FormKeys { return f.keys }

// FormResult tells the owner what a key did.
type FormResult int

// Results of Form.Update.
const (
	FormEditing FormResult = iota
	FormSubmitted
	FormCancelled
)

// Update moves between fields, submits on ctrl+s, cancels on esc, and types into the focused
// field otherwise.
func (f Form) Update(msg tea.Msg) (Form, FormResult, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, f.keys.Submit):
			return f, FormSubmitted, nil
		case key.Matches(k, f.keys.Cancel):
			return f, FormCancelled, nil
		case key.Matches(k, f.keys.Next):
			return f.move(1), FormEditing, nil
		case key.Matches(k, f.keys.Prev):
			return f.move(-1), FormEditing, nil
		}
	}
	if len(f.Fields) == 0 {
		return f, FormEditing, nil
	}
	var cmd tea.Cmd
	f.Fields[f.focus].Input, cmd = f.Fields[f.focus].Input.Update(msg)
	return f, FormEditing, cmd
}

func (f Form) move(d int) Form {
	if len(f.Fields) == 0 {
		return f
	}
	f.Fields[f.focus].Input.Blur()
	f.focus = (f.focus + d + len(f.Fields)) % len(f.Fields)
	f.Fields[f.focus].Input.Focus()
	return f
}

// Focus returns the index of the focused field.
func (f Form) Focus() int { return f.focus }

// FocusField moves focus to the named field.
func (f Form) FocusField(name string) Form {
	for i, fl := range f.Fields {
		if fl.Name == name {
			return f.move(i - f.focus)
		}
	}
	return f
}

// Value returns a field's text by name.
func (f Form) Value(name string) string {
	for _, fl := range f.Fields {
		if fl.Name == name {
			return fl.Input.Value()
		}
	}
	return ""
}

// SetErrors places validation errors beside their fields (errors for unknown fields, and errors
// that are not field errors, are returned as one line for the status bar) and moves focus to
// the first field in error.
func (f Form) SetErrors(err error) (Form, string) {
	for i := range f.Fields {
		f.Fields[i].Err = ""
	}
	if err == nil {
		return f, ""
	}
	var rest []string
	place := func(e *model.Error) {
		for i := range f.Fields {
			if f.Fields[i].Name == e.Field && f.Fields[i].Err == "" {
				f.Fields[i].Err = e.Message(f.lang)
				return
			}
		}
		rest = append(rest, e.Message(f.lang))
	}
	switch e := err.(type) {
	case model.FieldErrors:
		for _, x := range e {
			place(x)
		}
	case *model.Error:
		place(e)
	default:
		rest = append(rest, model.Message(err, f.lang))
	}
	for i, fl := range f.Fields {
		if fl.Err != "" {
			f = f.move(i - f.focus)
			break
		}
	}
	return f, strings.Join(rest, " / ")
}

// row returns the screen row of field i (errors take a line of their own).
func (f Form) row(i int) int {
	r := 0
	for j := 0; j < i; j++ {
		r++
		if f.Fields[j].Err != "" {
			r++
		}
	}
	return r
}

// View draws the form: a label column, the fields, and errors under them.
func (f Form) View(st common.Styles) string {
	var b strings.Builder
	for i, fl := range f.Fields {
		if i > 0 {
			b.WriteByte('\n')
		}
		marker := "  "
		if i == f.focus {
			marker = "> "
		}
		b.WriteString(marker + st.Label.Render(common.Fit(fl.Label, f.labelW)) + " : " + fl.Input.View())
		if fl.Hint != "" && fl.Input.Value() == "" && i != f.focus {
			b.WriteString(st.Muted.Render(fl.Hint))
		}
		if fl.Err != "" {
			b.WriteString("\n" + strings.Repeat(" ", 2+f.labelW+3) + st.FieldError.Render(fl.Err))
		}
	}
	return b.String()
}

// Cursor returns the real cursor of the focused field relative to the form's first cell.
func (f Form) Cursor() *tea.Cursor {
	if len(f.Fields) == 0 {
		return nil
	}
	c := f.Fields[f.focus].Input.Cursor()
	if c == nil {
		return nil
	}
	c.X += 2 + f.labelW + 3
	c.Y += f.row(f.focus)
	return c
}
