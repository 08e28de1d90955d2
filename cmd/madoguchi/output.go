package main

import (
	"encoding/csv"
	"io"
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
