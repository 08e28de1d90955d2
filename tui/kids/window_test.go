package kids

import (
	"fmt"
	"testing"
)

// The "above" and "below" counts say how many of the list's lines are out of view, the lines
// under the markers included: off=3, h=4 on ten one-line rows shows rows 4 and 5, so the marker
// above stands for rows 0-3 (4 lines) and the one below for rows 6-9 (4 lines).
func TestWindowCountsEveryHiddenLine(t *testing.T) {
	list := make([]string, 10)
	starts, ends := make([]int, 10), make([]int, 10)
	for i := range list {
		list[i], starts[i], ends[i] = fmt.Sprintf("row %d", i), i, i
	}
	w := window(list, starts, ends, 3, 4)
	if w.above != 4 || w.aboveAt != 0 || w.below != 4 || w.belowAt != 3 {
		t.Errorf("above %d at %d, below %d at %d; want 4 at 0, 4 at 3", w.above, w.aboveAt, w.below, w.belowAt)
	}
	if w.lines[1] != "row 4" || w.lines[2] != "row 5" {
		t.Errorf("lines %q", w.lines)
	}
}

// For every height, cursor and offset it is scrolled from (clampOffset, as the screen does), with
// rows of one to three lines (a child and its notes), the lines in view and the counts above and
// below add up to the whole list, and a marker sits on a line no row uses.
func TestWindowAddsUp(t *testing.T) {
	var list []string
	var starts, ends []int
	for r := range 12 {
		starts = append(starts, len(list))
		for j := range r%3 + 1 {
			list = append(list, fmt.Sprintf("row %d line %d", r, j))
		}
		ends = append(ends, len(list)-1)
	}
	for h := 4; h <= len(list); h++ { // at 3, a three-line row under the cursor leaves no room for both markers
		for n := range 2 * len(starts) * len(list) {
			cursor, from := n%len(starts), n/len(starts)%len(list)
			if n >= len(starts)*len(list) { // the cursor first, then an offset to scroll from
				cursor, from = n/len(list)%len(starts), n%len(list)
			}
			off := clampOffset(from, starts, ends, cursor, h, len(list))
			w := window(list, starts, ends, off, h)
			shown := 0
			for i, l := range w.lines {
				if l == "" {
					continue
				}
				shown++
				if (w.above > 0 && i == w.aboveAt) || (w.below > 0 && i == w.belowAt) {
					t.Errorf("off %d h %d cursor %d: a marker on %q", off, h, cursor, l)
				}
			}
			if got := w.above + shown + w.below; got != len(list) {
				t.Errorf("off %d h %d cursor %d: %d above + %d shown + %d below = %d, want %d", off, h, cursor, w.above, shown, w.below, got, len(list))
			}
		}
	}
}
