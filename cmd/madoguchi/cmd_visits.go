package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
)

func init() {
	register(command{"visits", "print a day's visits (text, csv, json) / その日の来館記録を表示", cmdVisits})
}

// visitJSON is one visit in `madoguchi visits --format json`. Times are RFC 3339 in Japan time
// (+09:00); out is null while the person is still in.
type visitJSON struct {
	VisitID         uint64  `json:"visit_id"`
	PersonID        uint64  `json:"person_id"`
	Name            string  `json:"name"`
	Reading         string  `json:"reading"`
	In              string  `json:"in"`
	Out             *string `json:"out"`
	Minutes         int     `json:"minutes"`
	Purpose         string  `json:"purpose"`
	PurposeLabel    string  `json:"purpose_label"`
	ClosedAtClosing bool    `json:"closed_at_closing"`
}

func cmdVisits(c *cli, args []string) int {
	var date, format string
	ok, code, fs := c.parse("visits", args, func(fs *flag.FlagSet) {
		fs.StringVar(&date, "date", "", "the day, YYYY-MM-DD (default: today)")
		fs.StringVar(&format, "format", "text", "text, csv or json")
	})
	if !ok {
		return code
	}
	day, ok := c.dayFlag("visits", date, fs)
	if !ok {
		return 2
	}
	if format, ok = c.formatFlag("visits", format, fs, "text", "csv", "json"); !ok {
		return 2
	}
	s, opened := c.open()
	if !opened {
		return 1
	}
	defer s.Close()
	lines, err := s.DayVisits(day)
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi: "+model.Message(err, c.lang))
		return 1
	}
	now := c.clock.Now()
	switch format {
	case "json":
		err = visitsJSON(c.out, lines, now, c.lang)
	case "csv":
		err = visitsCSV(c.out, lines, now, c.lang)
	default:
		visitsText(c.out, day, lines, now, c.lang)
	}
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi:", err)
		return 1
	}
	return 0
}

func visitsJSON(w io.Writer, lines []store.VisitLine, now time.Time, l model.Lang) error {
	out := make([]visitJSON, 0, len(lines))
	for _, x := range lines {
		v := visitJSON{
			VisitID: x.Visit.ID, PersonID: x.Person.ID, Name: x.Person.DisplayName(), Reading: x.Person.Reading,
			In: jst(x.Visit.In), Minutes: int(x.Visit.Duration(now) / time.Minute),
			Purpose: string(x.Visit.Purpose), PurposeLabel: x.Visit.Purpose.Label(l), ClosedAtClosing: x.Visit.ClosedAtClosing,
		}
		if !x.Visit.Open() {
			o := jst(x.Visit.Out)
			v.Out = &o
		}
		out = append(out, v)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// visitsCSV writes UTF-8 with a BOM, so Japanese Excel opens it with the names intact.
func visitsCSV(w io.Writer, lines []store.VisitLine, now time.Time, l model.Lang) error {
	cw, err := excelCSV(w)
	if err != nil {
		return err
	}
	_ = cw.Write(strings.Split(l.Pick("氏名,ふりがな,入館,退館,滞在(分),目的,閉館時退館", "name,reading,in,out,minutes,purpose,closed at closing"), ","))
	for _, x := range lines {
		out := ""
		if !x.Visit.Open() {
			out = jst(x.Visit.Out)
		}
		closing := ""
		if x.Visit.ClosedAtClosing {
			closing = "1"
		}
		_ = cw.Write([]string{x.Person.DisplayName(), x.Person.Reading, jst(x.Visit.In), out,
			fmt.Sprint(int(x.Visit.Duration(now) / time.Minute)), x.Visit.Purpose.Label(l), closing})
	}
	cw.Flush()
	return cw.Error()
}

func visitsText(w io.Writer, day model.Date, lines []store.VisitLine, now time.Time, l model.Lang) {
	fmt.Fprintln(w, l.Pick(fmt.Sprintf("%s %s の来館 %d件", model.FormatDateLong(day, l), day, len(lines)),
		fmt.Sprintf("Visits on %s (%s): %d", model.FormatDateLong(day, l), day, len(lines))))
	for _, x := range lines {
		v := x.Visit
		out := l.Pick("在館中", "still in")
		if !v.Open() {
			out = model.HHMM(v.Out)
			if v.ClosedAtClosing {
				out += l.Pick("（閉館）", " (closing)")
			}
		}
		fmt.Fprintf(w, "%s %s  %s - %s  %s  %s\n", common.Fit(x.Person.DisplayName(), 14), common.Fit(x.Person.Reading, 18),
			common.Fit(model.HHMM(v.In), 5), common.Fit(out, 14), common.Fit(model.FormatDuration(v.Duration(now), l), 10), v.Purpose.Label(l))
	}
}
