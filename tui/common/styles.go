package common

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Theme is the palette the styles are built from.
type Theme struct {
	Accent, Muted, Danger, Warn, OK, Border, TabActiveFg, TabActiveBg color.Color
}

// NewTheme returns the palette for a dark or light terminal.
func NewTheme(isDark bool) Theme {
	ld := lipgloss.LightDark(isDark)
	return Theme{
		Accent:      ld(lipgloss.Color("#1F5FA8"), lipgloss.Color("#7FB4F0")),
		Muted:       ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A")),
		Danger:      ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF5F5F")),
		Warn:        ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#FFC857")),
		OK:          ld(lipgloss.Color("#1B7F3B"), lipgloss.Color("#6BD68B")),
		Border:      ld(lipgloss.Color("#B0B0B0"), lipgloss.Color("#505050")),
		TabActiveFg: ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#101010")),
		TabActiveBg: ld(lipgloss.Color("#1F5FA8"), lipgloss.Color("#7FB4F0")),
	}
}

// Styles are every style the app draws with; screens never build ad-hoc styles.
type Styles struct {
	App        lipgloss.Style
	Tab        lipgloss.Style
	TabActive  lipgloss.Style
	Title      lipgloss.Style
	Heading    lipgloss.Style
	Muted      lipgloss.Style
	Danger     lipgloss.Style
	Alert      lipgloss.Style // the red alert bar on ホーム
	Warn       lipgloss.Style
	OK         lipgloss.Style
	Selected   lipgloss.Style
	Panel      lipgloss.Style
	StatusBar  lipgloss.Style
	StatusErr  lipgloss.Style
	StatusOK   lipgloss.Style
	Label      lipgloss.Style
	FieldError lipgloss.Style
	Allergy    lipgloss.Style // allergy and care notes: impossible to miss
}

// NewStyles builds the styles for a dark or light terminal. With noColor it uses only bold and
// reverse, for NO_COLOR terminals.
func NewStyles(isDark, noColor bool) Styles {
	t := NewTheme(isDark)
	s := lipgloss.NewStyle
	if noColor {
		return Styles{
			App: s(), Tab: s().Padding(0, 1), TabActive: s().Padding(0, 1).Reverse(true).Bold(true),
			Title: s().Bold(true), Heading: s().Bold(true).Underline(true), Muted: s(),
			Danger: s().Bold(true), Alert: s().Bold(true).Reverse(true), Warn: s().Bold(true), OK: s(),
			Selected: s().Reverse(true), Panel: s().PaddingLeft(1),
			StatusBar: s(), StatusErr: s().Bold(true), StatusOK: s(), Label: s().Bold(true),
			FieldError: s().Bold(true), Allergy: s().Bold(true).Reverse(true),
		}
	}
	return Styles{
		App:        s(),
		Tab:        s().Padding(0, 1).Foreground(t.Muted),
		TabActive:  s().Padding(0, 1).Bold(true).Foreground(t.TabActiveFg).Background(t.TabActiveBg),
		Title:      s().Bold(true).Foreground(t.Accent),
		Heading:    s().Bold(true).Foreground(t.Accent),
		Muted:      s().Foreground(t.Muted),
		Danger:     s().Bold(true).Foreground(t.Danger),
		Alert:      s().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(t.Danger),
		Warn:       s().Bold(true).Foreground(t.Warn),
		OK:         s().Foreground(t.OK),
		Selected:   s().Bold(true).Foreground(t.TabActiveFg).Background(t.TabActiveBg),
		Panel:      s().PaddingLeft(1), // no border: box-drawing glyphs are East Asian ambiguous width
		StatusBar:  s().Foreground(t.Muted),
		StatusErr:  s().Bold(true).Foreground(t.Danger),
		StatusOK:   s().Foreground(t.OK),
		Label:      s().Bold(true),
		FieldError: s().Foreground(t.Danger),
		Allergy:    s().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(t.Danger),
	}
}
