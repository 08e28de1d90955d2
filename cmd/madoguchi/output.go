package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// excelCSV starts a CSV the way Japanese Excel opens it intact: UTF-8 with a BOM, CRLF line ends.
// Every command's --format csv writes through it.
func excelCSV(w io.Writer) (*csv.Writer, error) {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return cw, nil
}

// jst writes an instant as RFC 3339 in Japan time (2026-11-25T09:05:00+09:00), "" for the zero
// time: the form every command's csv and json use.
func jst(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(model.Tokyo).Format(time.RFC3339)
}

// dayFlag reads a command's --date (empty: today by the clock), reporting a bad one in the
// staff member's language with the command's usage; ok is false when the command should exit 2.
func (c *cli) dayFlag(name, raw string, fs *flag.FlagSet) (model.Date, bool) {
	if raw == "" {
		return model.DateOf(c.clock.Now()), true
	}
	d, err := model.ParseDate(raw)
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi "+name+": "+model.Message(err, c.lang))
		fs.Usage()
		return model.Date{}, false
	}
	return d, true
}

// formatFlag checks a command's --format against the formats it writes (case-insensitive) and
// returns it lower-cased; ok is false when the command should exit 2.
func (c *cli) formatFlag(name, raw string, fs *flag.FlagSet, allowed ...string) (string, bool) {
	f := strings.ToLower(raw)
	if slices.Contains(allowed, f) {
		return f, true
	}
	fmt.Fprintf(c.errw, "madoguchi %s: %s\n", name, c.lang.Pick(
		"--format は "+strings.Join(allowed, "・")+" のどれかです（"+raw+"）",
		"--format must be "+strings.Join(allowed, ", ")+" ("+raw+")"))
	fs.Usage()
	return "", false
}
