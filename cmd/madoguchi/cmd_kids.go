package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

func init() {
	register(command{"kids", "a day's kids-space slots and bookings / キッズスペースの一日の枠と予約", cmdKids})
}

// kidsDay is the JSON shape of `madoguchi kids`.
type kidsDay struct {
	Date  string     `json:"date"`
	Slots []kidsSlot `json:"slots"`
}

type kidsSlot struct {
	ID         uint64        `json:"id"`
	Start      string        `json:"start"`
	End        string        `json:"end"`
	Capacity   int           `json:"capacity"`
	Caregivers int           `json:"caregivers"`
	Required   int           `json:"required"` // caregivers the ratio requires for the children booked
	Short      bool          `json:"short"`
	Booked     int           `json:"booked"`
	Waitlisted int           `json:"waitlisted"`
	Note       string        `json:"note,omitempty"`
	Bookings   []kidsBooking `json:"bookings"`
}

type kidsBooking struct {
	ID          uint64           `json:"id"`
	Child       string           `json:"child"`
	AgeBand     string           `json:"age_band"` // stable code: 0, 1-2, 3, 4+
	AgeLabel    string           `json:"age_band_label"`
	Guardian    string           `json:"guardian"`
	Status      string           `json:"status"`
	StatusLabel string           `json:"status_label"`
	Position    int              `json:"waitlist_position,omitempty"`
	DroppedOff  string           `json:"dropped_off,omitempty"` // RFC 3339, +09:00
	PickedUp    string           `json:"picked_up,omitempty"`
	CollectedBy *model.Collector `json:"collected_by,omitempty"`
}

// kidsExport shapes a day for output, in the language of the labels.
func kidsExport(d store.KidsDay, l model.Lang) kidsDay {
	out := kidsDay{Date: d.Date.String(), Slots: []kidsSlot{}}
	for _, r := range d.Slots {
		load := r.Load()
		s := kidsSlot{ID: r.Slot.ID, Start: r.Slot.Start.String(), End: r.Slot.End.String(), Capacity: r.Slot.Capacity,
			Caregivers: r.Slot.Caregivers, Required: load.Required(d.Ratio), Short: load.Short(r.Slot, d.Ratio),
			Booked: load.Booked, Waitlisted: load.Waitlisted, Note: r.Slot.Note, Bookings: []kidsBooking{}}
		pos := 0
		for _, line := range r.Bookings {
			b := line.Booking
			kb := kidsBooking{ID: b.ID, Child: line.Child.Name, AgeBand: model.BandOf(line.Child.BirthDate, r.Slot.Date).Code(), AgeLabel: model.BandOf(line.Child.BirthDate, r.Slot.Date).Label(l),
				Guardian: line.Guardian.DisplayName(), Status: string(b.Status), StatusLabel: b.Status.Label(l),
				DroppedOff: jst(b.DroppedOff), PickedUp: jst(b.PickedUp), CollectedBy: b.CollectedBy}
			if b.Status == model.BookingWaitlisted {
				pos++
				kb.Position = pos
			}
			s.Bookings = append(s.Bookings, kb)
		}
		out.Slots = append(out.Slots, s)
	}
	return out
}

func cmdKids(c *cli, args []string) int {
	var date, format string
	ok, code, fs := c.parse("kids", args, func(fs *flag.FlagSet) {
		fs.StringVar(&date, "date", "", "the day, YYYY-MM-DD (default: today)")
		fs.StringVar(&format, "format", "text", "text, csv or json")
	})
	if !ok {
		return code
	}
	d, ok := c.dayFlag("kids", date, fs)
	if !ok {
		return 2
	}
	if format, ok = c.formatFlag("kids", format, fs, "text", "csv", "json"); !ok {
		return 2
	}
	s, ok := c.open()
	if !ok {
		return 1
	}
	defer s.Close()
	day, err := s.KidsDay(d)
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi kids: "+model.Message(err, c.lang))
		return 1
	}
	ex := kidsExport(day, c.lang)
	switch format {
	case "json":
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		err = enc.Encode(ex)
	case "csv":
		err = writeKidsCSV(c.out, ex)
	default:
		err = writeKidsText(c.out, ex, d, c.lang)
	}
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi kids:", err)
		return 1
	}
	return 0
}

// kidsCSVHeader names the CSV columns: one row per booking, or one for a slot without any.
var kidsCSVHeader = []string{"date", "slot_id", "start", "end", "capacity", "caregivers", "required", "short",
	"booking_id", "child", "age_band", "guardian", "status", "status_label", "waitlist_position",
	"dropped_off", "picked_up", "collected_by", "collected_relation", "override", "override_reason"}

// writeKidsCSV writes UTF-8 CSV with a byte-order mark and CRLF, so Excel on a Japanese Windows
// PC opens the names correctly.
func writeKidsCSV(w io.Writer, ex kidsDay) error {
	cw, err := excelCSV(w)
	if err != nil {
		return err
	}
	if err := cw.Write(kidsCSVHeader); err != nil {
		return err
	}
	itoa := strconv.Itoa
	for _, s := range ex.Slots {
		head := []string{ex.Date, fmt.Sprint(s.ID), s.Start, s.End, itoa(s.Capacity), itoa(s.Caregivers), itoa(s.Required), strconv.FormatBool(s.Short)}
		if len(s.Bookings) == 0 {
			if err := cw.Write(append(head, make([]string, len(kidsCSVHeader)-len(head))...)); err != nil {
				return err
			}
		}
		for _, b := range s.Bookings {
			pos := ""
			if b.Position > 0 {
				pos = itoa(b.Position)
			}
			var who, rel, over, reason string
			if b.CollectedBy != nil {
				who, rel, over, reason = b.CollectedBy.Name, b.CollectedBy.Relation, strconv.FormatBool(b.CollectedBy.Override), b.CollectedBy.Reason
			}
			row := append(append([]string{}, head...), fmt.Sprint(b.ID), b.Child, b.AgeBand, b.Guardian, b.Status, b.StatusLabel, pos,
				b.DroppedOff, b.PickedUp, who, rel, over, reason)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// kidsPad pads s with spaces to w display cells (Japanese is two cells a character).
func kidsPad(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// writeKidsText writes the day for a person to read: each slot, then its bookings.
func writeKidsText(w io.Writer, ex kidsDay, d model.Date, l model.Lang) error {
	var b strings.Builder
	b.WriteString(l.Pick("キッズスペース ", "Kids space ") + model.FormatDateLong(d, l) + " " + ex.Date + "\n")
	if len(ex.Slots) == 0 {
		b.WriteString(l.Pick("この日の枠はありません\n", "No slots on this day\n"))
	}
	for _, s := range ex.Slots {
		b.WriteString("\n" + l.Pick(
			fmt.Sprintf("%s-%s  定員%d  予約%d  空き待ち%d  保育%d人（必要%d人）", s.Start, s.End, s.Capacity, s.Booked, s.Waitlisted, s.Caregivers, s.Required),
			fmt.Sprintf("%s-%s  capacity %d  booked %d  waiting %d  caregivers %d (need %d)", s.Start, s.End, s.Capacity, s.Booked, s.Waitlisted, s.Caregivers, s.Required)))
		if s.Short {
			b.WriteString(l.Pick("  保育スタッフ不足", "  SHORT OF CAREGIVERS"))
		}
		if s.Note != "" {
			b.WriteString("  " + s.Note)
		}
		b.WriteString("\n")
		for _, k := range s.Bookings {
			status := k.StatusLabel
			if k.Position > 0 {
				status += strconv.Itoa(k.Position)
			}
			line := "  " + kidsPad(k.Child, 14) + kidsPad(k.AgeLabel, 9) + kidsPad(k.Guardian, 14) + kidsPad(status, 12)
			if k.DroppedOff != "" {
				line += l.Pick(" 預 ", " in ") + k.DroppedOff
			}
			if k.PickedUp != "" {
				line += l.Pick(" 迎 ", " out ") + k.PickedUp
			}
			if cb := k.CollectedBy; cb != nil {
				line += " " + cb.Name + "（" + cb.Relation + "）"
				if cb.Override {
					line += l.Pick(" 例外 理由: ", " override, reason: ") + cb.Reason
				}
			}
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
