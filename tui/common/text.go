package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fit cuts s to at most w display cells (with … when cut) and pads it with spaces to exactly w.
// Japanese text is measured by display width, never by bytes or runes.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "~")
	}
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// Cut cuts s to at most w display cells, with … when cut, without padding.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "~")
	}
	return s
}

// Lines pads or cuts a block to exactly h lines, each cut to w cells.
func Lines(block string, w, h int) string {
	ls := strings.Split(block, "\n")
	if len(ls) > h {
		ls = ls[:h]
	}
	for i, l := range ls {
		if ansi.StringWidth(l) > w {
			ls[i] = ansi.Truncate(l, w, "")
		}
	}
	for len(ls) < h {
		ls = append(ls, "")
	}
	return strings.Join(ls, "\n")
}

// Columns lays blocks side by side with a gap; each block's lines are cut and padded to its
// width (by display width), so wide text never pushes a column out of place.
func Columns(gap int, widths []int, blocks ...string) string {
	split := make([][]string, len(blocks))
	rows := 0
	for i, b := range blocks {
		split[i] = strings.Split(b, "\n")
		rows = max(rows, len(split[i]))
	}
	var out strings.Builder
	for r := 0; r < rows; r++ {
		if r > 0 {
			out.WriteByte('\n')
		}
		for i := range blocks {
			if i > 0 {
				out.WriteString(strings.Repeat(" ", gap))
			}
			line := ""
			if r < len(split[i]) {
				line = split[i][r]
			}
			out.WriteString(Fit(line, widths[i]))
		}
	}
	return strings.TrimRight(out.String(), " ")
}
