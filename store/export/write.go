package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"github.com/nagawaka/madoguchi/model"
)

// Format is an export's file format.
type Format string

// The formats.
const (
	XLSX Format = "xlsx" // one workbook, a sheet per table
	CSV  Format = "csv"  // a folder with a file per table
)

// Encoding is the character encoding of CSV files.
type Encoding string

// The encodings.
const (
	UTF8 Encoding = "utf8" // UTF-8 with a BOM: Excel in Japan opens it correctly
	SJIS Encoding = "sjis" // CP932 (Windows Shift_JIS), for older tools
)

// ParseFormat reads --format.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "xlsx", "excel":
		return XLSX, nil
	case "csv":
		return CSV, nil
	}
	return "", model.Invalid("format", fmt.Sprintf("形式「%s」は使えません（xlsx か csv）", s), fmt.Sprintf("Unknown format %q (xlsx or csv)", s))
}

// ParseEncoding reads --encoding.
func ParseEncoding(s string) (Encoding, error) {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "-", "")) {
	case "", "utf8":
		return UTF8, nil
	case "sjis", "shiftjis", "cp932", "windows31j":
		return SJIS, nil
	}
	return "", model.Invalid("encoding", fmt.Sprintf("文字コード「%s」は使えません（utf8 か sjis）", s), fmt.Sprintf("Unknown encoding %q (utf8 or sjis)", s))
}

// EncodingError names the cell that CP932 cannot hold: the sheet, the row and column as the
// file numbers them (1-based, the title lines and the header counted), and the character.
type EncodingError struct {
	Sheet, File string
	Row, Col    int
	Header      string
	Char        rune
}

// Error describes the cell in English.
func (e *EncodingError) Error() string { return e.Message(model.EN) }

// Message describes the cell in the staff member's language.
func (e *EncodingError) Message(l model.Lang) string {
	col, _ := excelize.ColumnNumberToName(e.Col)
	return l.Pick(
		fmt.Sprintf("Shift_JIS（CP932）で書けない文字があります: シート「%s」（%s）%d行 %s列「%s」の「%c」（U+%04X）。UTF-8 で出力するか、元の記録を直してください",
			e.Sheet, e.File, e.Row, col, e.Header, e.Char, e.Char),
		fmt.Sprintf("A character cannot be written in Shift_JIS (CP932): sheet %q (%s) row %d column %s %q has %q (U+%04X). Export in UTF-8, or correct the record",
			e.Sheet, e.File, e.Row, col, e.Header, e.Char, e.Char))
}

// Unwrap makes errors.Is(err, model.ErrInvalid) true.
func (e *EncodingError) Unwrap() error { return model.ErrInvalid }

// cp932Forms are the two characters whose CP932 form is a different code point: Windows decodes
// 0x8160 as U+FF5E and 0x817C as U+FF0D. They are the only characters ever changed.
var cp932Forms = strings.NewReplacer("\u301C", "\uFF5E", "\u2212", "\uFF0D")

// toCP932 encodes s in CP932 after mapping 〜 and −; it returns the first character that has no
// CP932 form, never replacing it.
func toCP932(s string) ([]byte, rune, bool) {
	s = cp932Forms.Replace(s)
	enc := japanese.ShiftJIS.NewEncoder()
	if b, err := enc.String(s); err == nil {
		return []byte(b), 0, true
	}
	for _, r := range s {
		if r == utf8.RuneError {
			return nil, r, false
		}
		if _, err := japanese.ShiftJIS.NewEncoder().String(string(r)); err != nil {
			return nil, r, false
		}
	}
	return nil, utf8.RuneError, false
}

// encodeCSV lays a table out as CSV bytes in the encoding.
func encodeCSV(t Table, enc Encoding) ([]byte, error) {
	var out bytes.Buffer
	if enc == UTF8 {
		out.WriteString("\uFEFF")
	}
	var lines [][]string
	for _, p := range t.Preamble {
		line := make([]string, len(p))
		for i, v := range p {
			line[i] = cellText(v)
		}
		lines = append(lines, line)
	}
	lines = append(lines, t.Header)
	for _, r := range t.Rows {
		line := make([]string, len(r))
		for i, v := range r {
			line[i] = cellText(v)
		}
		lines = append(lines, line)
	}
	headerRow := len(t.Preamble) + 1
	for ri, line := range lines {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.UseCRLF = true // what Excel writes and expects
		if err := w.Write(line); err != nil {
			return nil, err
		}
		w.Flush()
		if enc == UTF8 {
			out.Write(buf.Bytes())
			continue
		}
		if b, _, ok := toCP932(buf.String()); ok {
			out.Write(b)
			continue
		}
		for ci, cell := range line { // name the cell
			if _, r, ok := toCP932(cell); !ok {
				header := ""
				if ri+1 > headerRow && ci < len(t.Header) {
					header = t.Header[ci]
				}
				return nil, &EncodingError{Sheet: t.Sheet, File: t.File, Row: ri + 1, Col: ci + 1, Header: header, Char: r}
			}
		}
		return nil, fmt.Errorf("export: line %d of %s cannot be encoded", ri+1, t.File)
	}
	return out.Bytes(), nil
}

// WriteCSV writes each table as a CSV file in dir (created with mode 0700 when missing), files
// with mode 0600. Every table is encoded before any file is written, so an unmappable character
// writes nothing. It returns the files written.
func WriteCSV(dir string, ts []Table, enc Encoding) ([]string, error) {
	data := make([][]byte, len(ts))
	for i, t := range ts {
		b, err := encodeCSV(t, enc)
		if err != nil {
			return nil, err
		}
		data[i] = b
	}
	if err := privateDir(dir); err != nil {
		return nil, err
	}
	var paths []string
	for i, t := range ts {
		p := filepath.Join(dir, t.File)
		if err := writePrivate(p, func(f *os.File) error { _, err := f.Write(data[i]); return err }); err != nil {
			for _, done := range paths {
				os.Remove(done)
			}
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// WriteXLSX writes the tables as one workbook, a sheet per table, with mode 0600: headers bold,
// the header row frozen, yen columns as #,##0.
func WriteXLSX(path string, ts []Table) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	yen, err := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	if err != nil {
		return err
	}
	for i, t := range ts {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.Sheet); err != nil {
			return err
		}
		row := 1
		put := func(cells []any) error {
			cell, _ := excelize.CoordinatesToCellName(1, row)
			row++
			return f.SetSheetRow(t.Sheet, cell, &cells)
		}
		for _, p := range t.Preamble {
			if err := put(p); err != nil {
				return err
			}
		}
		if len(t.Preamble) > 0 {
			first, _ := excelize.CoordinatesToCellName(1, 1)
			if err := f.SetCellStyle(t.Sheet, first, first, bold); err != nil {
				return err
			}
		}
		headerRow := row
		header := make([]any, len(t.Header))
		for i, h := range t.Header {
			header[i] = h
		}
		if err := put(header); err != nil {
			return err
		}
		for _, r := range t.Rows {
			if err := put(r); err != nil {
				return err
			}
		}
		left, _ := excelize.CoordinatesToCellName(1, headerRow)
		right, _ := excelize.CoordinatesToCellName(max(len(t.Header), 1), headerRow)
		if err := f.SetCellStyle(t.Sheet, left, right, bold); err != nil {
			return err
		}
		for _, c := range t.Yen {
			if len(t.Rows) == 0 {
				break
			}
			top, _ := excelize.CoordinatesToCellName(c+1, headerRow+1)
			bottom, _ := excelize.CoordinatesToCellName(c+1, headerRow+len(t.Rows))
			if err := f.SetCellStyle(t.Sheet, top, bottom, yen); err != nil {
				return err
			}
		}
		for c, h := range t.Header {
			name, _ := excelize.ColumnNumberToName(c + 1)
			w := 4 + float64(2*utf8.RuneCountInString(h))
			if err := f.SetColWidth(t.Sheet, name, name, min(max(w, 10), 36)); err != nil {
				return err
			}
		}
		below, _ := excelize.CoordinatesToCellName(1, headerRow+1)
		if err := f.SetPanes(t.Sheet, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: below, ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	if err := privateDir(filepath.Dir(path)); err != nil {
		return err
	}
	return writePrivate(path, func(out *os.File) error { return f.Write(out) })
}

// privateDir makes dir (mode 0700) when it is missing.
func privateDir(dir string) error {
	if st, err := os.Stat(dir); err == nil {
		if !st.IsDir() {
			return model.Invalid("out", dir+" はフォルダではありません", dir+" is not a folder")
		}
		return nil
	}
	return os.MkdirAll(dir, 0o700)
}

// writePrivate writes a file with mode 0600 through a temporary file in the same folder, renamed
// into place once complete, so a failed export never leaves half a file.
func writePrivate(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".madoguchi-export-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && runtime.GOOS != "windows" {
		err = os.Chmod(name, 0o600)
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// Dir is the exports folder beside the database: exports/ in the database's folder.
func Dir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "exports") }

// DefaultName is the name of an export made at now: report_FY2025_20261125-103000.xlsx, with
// _names when names are included (a folder of that name, without the extension, for CSV).
func DefaultName(p model.ReportPeriod, f Format, withNames bool, now time.Time) string {
	n := "report_" + p.Slug() + "_" + now.In(model.Tokyo).Format("20060102-150405")
	if withNames {
		n += "_names"
	}
	if f == XLSX {
		n += ".xlsx"
	}
	return n
}

// Source is what an export reads and audits to; *store.Store is one.
type Source interface {
	Path() string
	Settings() (model.Settings, error)
	ReportRecords(model.ReportPeriod) (model.ReportRecords, error)
	RecordExport(path string, p model.ReportPeriod, withNames bool) error
}

// Options are an export's choices.
type Options struct {
	Period    model.ReportPeriod
	Format    Format
	Encoding  Encoding // CSV only
	WithNames bool
	// Out is the file (xlsx) or folder (csv) to write; "" is a new name in Dir(database).
	Out string
	Now time.Time
}

// Result is what an export wrote.
type Result struct {
	Path   string   // the workbook, or the CSV folder
	Files  []string // every file written
	Report model.Report
}

// Run gathers the period's records, writes the export and audits it. When the audit cannot be
// written, the files are removed again: no unaudited export is left behind.
func Run(src Source, o Options) (Result, error) {
	if o.Format == "" {
		o.Format = XLSX
	}
	if o.Encoding == "" {
		o.Encoding = UTF8
	}
	if o.Format == XLSX && o.Encoding != UTF8 {
		return Result{}, model.Invalid("encoding", "文字コードの指定は CSV のときだけです", "An encoding applies to CSV only")
	}
	st, err := src.Settings()
	if err != nil {
		return Result{}, err
	}
	recs, err := src.ReportRecords(o.Period)
	if err != nil {
		return Result{}, err
	}
	rep := model.BuildReport(recs)
	ts := Tables(rep, TableOptions{WithNames: o.WithNames, SiteName: st.SiteName, Made: o.Now})
	out := o.Out
	if out == "" {
		dir := Dir(src.Path())
		if err := privateDir(dir); err != nil {
			return Result{}, err
		}
		out = filepath.Join(dir, DefaultName(o.Period, o.Format, o.WithNames, o.Now))
	}
	if abs, err := filepath.Abs(out); err == nil {
		out = abs
	}
	res := Result{Path: out, Report: rep}
	switch o.Format {
	case XLSX:
		if err := WriteXLSX(out, ts); err != nil {
			return Result{}, writeError(out, err)
		}
		res.Files = []string{out}
	case CSV:
		files, err := WriteCSV(out, ts, o.Encoding)
		if err != nil {
			return Result{}, writeError(out, err)
		}
		res.Files = files
	default:
		return Result{}, model.Invalid("format", "形式は xlsx か csv です", "The format is xlsx or csv")
	}
	if err := src.RecordExport(out, o.Period, o.WithNames); err != nil {
		for _, f := range res.Files {
			os.Remove(f)
		}
		return Result{}, err
	}
	return res, nil
}

// writeError puts a failed write in the model's words (a CP932 cell error is already).
func writeError(path string, err error) error {
	var ee *EncodingError
	var me *model.Error
	if errors.As(err, &ee) || errors.As(err, &me) {
		return err
	}
	return &model.Error{Kind: model.ErrStorage, Msg: model.T(
		fmt.Sprintf("%s に書き出せませんでした: %v", path, err),
		fmt.Sprintf("Could not write %s: %v", path, err))}
}
