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
// and the real cursor must sit where the IME expects it (see Input). Field errors are shown under
// their field (wrapped to the form's width once SetWidth is called) and cleared when the field's
// value changes.
type Form struct {
	Fields []Field
	focus  int
	keys   FormKeys
	lang   model.Lang
	labelW int
	width  int // 0: errors are not wrapped
}

// Field is one labelled input with its validation message, or, with Choices, a choice among
// fixed options (see NewChoiceField).
type Field struct {
	Name  string // the model's field name, matched against model.Error.Field
	Label string
	Hint  string // shown in place of an empty value while the field has no focus
	Input Input
	Err   string

	// Choices makes the field a choice: left and right move between the options and space picks;
	// nothing is typed. A single choice (Multi false) always has exactly one option chosen, and
	// left, right and space change it; with Multi, left and right move the highlight and space
	// turns the highlighted option on or off.
	Choices []Choice
	Multi   bool
	pick    int    // the highlighted option (a single choice's chosen one)
	on      []bool // the chosen options (Multi)
}

// Choice is one option of a choice field: Value is what Form.Value returns, Label what is shown.
type Choice struct{ Value, Label string }

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
// Save and cancel come first: when a screen adds keys of its own and the bar is cut at 80
// columns, the way out of a form must still show.
func (k FormKeys) ShortHelp() []key.Binding { return []key.Binding{k.Submit, k.Cancel, k.Next, k.Prev} }

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

// NewChoiceField returns a single choice among choices, starting at the one whose Value is
// value (the first when none is).
func NewChoiceField(name, label string, choices []Choice, value string) Field {
	f := Field{Name: name, Label: label, Choices: choices, Input: NewInput("", 0)} // never drawn; focus moves through it
	return f.set(value)
}

// NewMultiChoiceField returns a choice of any number of the choices (none at all included),
// starting with those whose Value is among values.
func NewMultiChoiceField(name, label string, choices []Choice, values ...string) Field {
	f := Field{Name: name, Label: label, Choices: choices, Multi: true, Input: NewInput("", 0)}
	return f.set(strings.Join(values, ","))
}

// IsChoice reports whether the field is a choice rather than typed text.
func (fl Field) IsChoice() bool { return len(fl.Choices) > 0 }

// value returns the field's text, or its chosen value(s) (a multiple choice's joined by commas,
// in the choices' order).
func (fl Field) value() string {
	if !fl.IsChoice() {
		return fl.Input.Value()
	}
	var vs []string
	for i, c := range fl.Choices {
		if fl.chosen(i) {
			vs = append(vs, c.Value)
		}
	}
	return strings.Join(vs, ",")
}

// chosen reports whether option i is chosen.
func (fl Field) chosen(i int) bool {
	if fl.Multi {
		return i < len(fl.on) && fl.on[i]
	}
	return i == fl.pick
}

// set replaces the field's value: the text, or the option(s) whose Value match (a multiple
// choice's values separated by commas).
func (fl Field) set(v string) Field {
	if !fl.IsChoice() {
		fl.Input.SetValue(v)
		return fl
	}
	if !fl.Multi {
		for i, c := range fl.Choices {
			if c.Value == v {
				fl.pick = i
			}
		}
		return fl
	}
	fl.on = make([]bool, len(fl.Choices))
	for _, x := range strings.Split(v, ",") {
		for i, c := range fl.Choices {
			if c.Value == strings.TrimSpace(x) {
				fl.on[i] = true
			}
		}
	}
	return fl
}

// choose handles a key on a choice field (other keys do nothing).
func (fl Field) choose(k tea.KeyPressMsg) Field {
	n := len(fl.Choices)
	switch k.String() {
	case "left":
		fl.pick = (fl.pick + n - 1) % n
	case "right":
		fl.pick = (fl.pick + 1) % n
	case "space":
		if fl.Multi {
			on := make([]bool, n)
			copy(on, fl.on)
			on[fl.pick] = !on[fl.pick]
			fl.on = on
		} else {
			fl.pick = (fl.pick + 1) % n
		}
	}
	return fl
}

// SetWidth sets the width the form is drawn in: errors wrap within it.
func (f *Form) SetWidth(w int) { f.width = w }

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
	fl := &f.Fields[f.focus]
	before := fl.value()
	var cmd tea.Cmd
	if fl.IsChoice() {
		if k, ok := msg.(tea.KeyPressMsg); ok {
			*fl = fl.choose(k)
		}
	} else {
		fl.Input, cmd = fl.Input.Update(msg)
	}
	if fl.value() != before {
		fl.Err = "" // fixed, or at least changed: the old message no longer describes it
	}
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

// Value returns a field's text by name; for a choice, the chosen option's Value (a multiple
// choice's chosen Values joined by commas).
func (f Form) Value(name string) string {
	for _, fl := range f.Fields {
		if fl.Name == name {
			return fl.value()
		}
	}
	return ""
}

// SetValue replaces a field's value by name (see Value for a choice's), keeping its error.
func (f Form) SetValue(name, v string) Form {
	f.Fields = append([]Field(nil), f.Fields...)
	for i, fl := range f.Fields {
		if fl.Name == name {
			f.Fields[i] = fl.set(v)
		}
	}
	return f
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

// valueX is the column where fields' values start.
func (f Form) valueX() int { return 2 + f.labelW + 3 }

// errLines returns a field's error as drawn: wrapped within the form's width after the value
// column (or after a small indent when that leaves too little room), and that indent.
func (f Form) errLines(fl Field) ([]string, int) {
	if fl.Err == "" {
		return nil, 0
	}
	indent := f.valueX()
	if f.width > 0 && f.width-indent < 20 {
		indent = 4
	}
	if f.width <= indent {
		return []string{fl.Err}, indent
	}
	return Wrap(fl.Err, f.width-indent), indent
}

// row returns the screen row of field i (errors take lines of their own).
func (f Form) row(i int) int {
	r := 0
	for j := 0; j < i; j++ {
		ls, _ := f.errLines(f.Fields[j])
		r += 1 + len(ls)
	}
	return r
}

// options returns a choice's options as drawn: a single choice's chosen option in brackets (the
// others padded to the same width, so nothing moves as the choice changes), a multiple choice's
// as [x] or [ ].
func (fl Field) options() []string {
	out := make([]string, len(fl.Choices))
	for i, c := range fl.Choices {
		switch {
		case fl.Multi && fl.chosen(i):
			out[i] = "[x] " + c.Label
		case fl.Multi:
			out[i] = "[ ] " + c.Label
		case fl.chosen(i):
			out[i] = "[" + c.Label + "]"
		default:
			out[i] = " " + c.Label + " "
		}
	}
	return out
}

// choiceGap separates a choice's options.
const choiceGap = "  "

// choiceView draws a choice's options on one line, the highlighted one in the selected style
// while the field has focus and the options not chosen muted.
func (fl Field) choiceView(st common.Styles, focused bool) string {
	var b strings.Builder
	for i, opt := range fl.options() {
		if i > 0 {
			b.WriteString(choiceGap)
		}
		switch {
		case focused && i == fl.pick:
			b.WriteString(st.Selected.Render(opt))
		case !fl.chosen(i):
			b.WriteString(st.Muted.Render(opt))
		default:
			b.WriteString(opt)
		}
	}
	return b.String()
}

// pickX returns the column of the highlighted option's first cell after its opening bracket.
func (fl Field) pickX() int {
	x := 0
	for _, opt := range fl.options()[:fl.pick] {
		x += ansi.StringWidth(opt) + len(choiceGap)
	}
	return x + 1
}

// View draws the form: a label column, the fields, and errors under them. A hint takes the place
// of an empty value (starting where the value would) while its field has no focus.
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
		b.WriteString(marker + st.Label.Render(common.Fit(fl.Label, f.labelW)) + " : ")
		switch {
		case fl.IsChoice():
			b.WriteString(fl.choiceView(st, i == f.focus))
		case fl.Hint != "" && fl.Input.Value() == "" && i != f.focus:
			b.WriteString(st.Muted.Render(fl.Hint))
		default:
			b.WriteString(fl.Input.View())
		}
		ls, indent := f.errLines(fl)
		for _, l := range ls {
			b.WriteString("\n" + strings.Repeat(" ", indent) + st.FieldError.Render(l))
		}
	}
	return b.String()
}

// Cursor returns the real cursor of the focused field relative to the form's first cell: in a
// text field where the IME expects it, in a choice on the highlighted option.
func (f Form) Cursor() *tea.Cursor {
	if len(f.Fields) == 0 {
		return nil
	}
	fl := f.Fields[f.focus]
	var c *tea.Cursor
	if fl.IsChoice() {
		c = tea.NewCursor(fl.pickX(), 0)
	} else if c = fl.Input.Cursor(); c == nil {
		return nil
	}
	c.X += f.valueX()
	c.Y += f.row(f.focus)
	return c
}
