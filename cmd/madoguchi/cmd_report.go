package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store/export"
	"github.com/nagawaka/madoguchi/tui/common"
)

func init() {
	register(command{"kpi", "print the programme's KPIs for a 年度, month or range / KPI を表示", cmdKPI})
	register(command{"export", "write the report as xlsx or csv for the town / レポートを Excel・CSV に出力", cmdExport})
}

// periodFlags are the period flags kpi and export share.
type periodFlags struct{ fy, month, from, to string }

func (p *periodFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&p.fy, "fy", "", "年度 (fiscal year), e.g. 2025 or R7 (default: the current one)")
	fs.StringVar(&p.month, "month", "", "a month, YYYY-MM")
	fs.StringVar(&p.from, "from", "", "first day of a range, YYYY-MM-DD (with --to)")
	fs.StringVar(&p.to, "to", "", "last day of a range, YYYY-MM-DD (with --from)")
}

// period reads the flags; ok is false (and the reason printed) when they do not make a period.
func (c *cli) period(name string, p periodFlags) (model.ReportPeriod, bool) {
	rp, err := model.ParsePeriod(p.fy, p.month, p.from, p.to, model.DateOf(c.clock.Now()))
	if err != nil {
		fmt.Fprintf(c.errw, "madoguchi %s: %s\n", name, model.Message(err, c.lang))
		return rp, false
	}
	return rp, true
}

// kpiJSON is one KPI in `madoguchi kpi --format json`: target and rate are null for the figures
// that have no target, actual is null for a rate that does not exist (nothing marked yet).
type kpiJSON struct {
	Key    string `json:"key"`
	Name   string `json:"name"`
	Unit   string `json:"unit"`
	Actual *int64 `json:"actual"`
	Target *int64 `json:"target"`
	Rate   *int   `json:"rate"`
}

type periodJSON struct {
	Kind  string `json:"kind"`
	Label string `json:"label"`
	From  string `json:"from"`
	To    string `json:"to"`
}

type reportJSON struct {
	Period periodJSON `json:"period"`
	KPIs   []kpiJSON  `json:"kpis"`
}

var periodKinds = map[model.PeriodKind]string{model.PeriodFiscalYear: "fiscal_year", model.PeriodMonth: "month", model.PeriodRange: "range"}

func cmdKPI(c *cli, args []string) int {
	var pf periodFlags
	var format string
	ok, code, fs := c.parse("kpi", args, func(fs *flag.FlagSet) {
		pf.define(fs)
		fs.StringVar(&format, "format", "text", "text, json or csv")
	})
	if !ok {
		return code
	}
	if format, ok = c.formatFlag("kpi", format, fs, "text", "json", "csv"); !ok {
		return 2
	}
	p, ok := c.period("kpi", pf)
	if !ok {
		return 2
	}
	s, opened := c.open()
	if !opened {
		return 1
	}
	defer s.Close()
	r, err := s.Report(p)
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi: "+model.Message(err, c.lang))
		return 1
	}
	switch format {
	case "json":
		err = kpisJSON(c.out, r, c.lang)
	case "csv":
		err = kpisCSV(c.out, r, c.lang)
	default:
		kpisText(c.out, r, c.lang)
	}
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi:", err)
		return 1
	}
	return 0
}

func kpisJSON(w io.Writer, r model.Report, l model.Lang) error {
	out := reportJSON{Period: periodJSON{Kind: periodKinds[r.Period.Kind], Label: r.Period.Label(l), From: r.Period.From.String(), To: r.Period.To.String()}}
	for _, k := range r.KPIs() {
		j := kpiJSON{Key: k.Key, Name: k.Name.In(l), Unit: string(k.Unit)}
		if k.Valid {
			a := k.Actual
			j.Actual = &a
		}
		if k.HasTarget {
			t, rate := k.Target, k.Rate
			j.Target, j.Rate = &t, &rate
		}
		out.KPIs = append(out.KPIs, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// kpisCSV writes UTF-8 with a BOM, so Japanese Excel opens it with the names intact.
func kpisCSV(w io.Writer, r model.Report, l model.Lang) error {
	cw, err := excelCSV(w)
	if err != nil {
		return err
	}
	_ = cw.Write(strings.Split(l.Pick("キー,項目,実績,目標,達成率(%),単位,期間,開始日,終了日", "key,name,actual,target,rate,unit,period,from,to"), ","))
	for _, k := range r.KPIs() {
		row := []string{k.Key, k.Name.In(l), "", "", "", string(k.Unit), r.Period.Label(l), r.Period.From.String(), r.Period.To.String()}
		if k.Valid {
			row[2] = fmt.Sprint(k.Actual)
		}
		if k.HasTarget {
			row[3], row[4] = fmt.Sprint(k.Target), fmt.Sprint(k.Rate)
		}
		_ = cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func kpisText(w io.Writer, r model.Report, l model.Lang) {
	fmt.Fprintln(w, r.Period.Label(l)+l.Pick("（"+r.Period.Span(l)+"）", " ("+r.Period.Span(l)+")"))
	for _, k := range r.KPIs() {
		line := common.Fit(k.Name.In(l), 34) + " " + padLeft(k.Format(l), 12)
		if k.HasTarget {
			line += l.Pick("  目標 ", "  target ") + padLeft(model.FormatKPIValue(k.Unit, k.Target, true, l), 8) + fmt.Sprintf("%6d%%", k.Rate)
		}
		if k.Key == "participants" {
			var parts []string
			for _, kind := range model.CourseKinds {
				if n, ok := r.ParticipantsByKind[kind]; ok {
					parts = append(parts, fmt.Sprintf("%s %d", kind.Label(l), n))
				}
			}
			if len(parts) > 0 {
				line += l.Pick("  （"+strings.Join(parts, "・")+"）", "  ("+strings.Join(parts, ", ")+")")
			}
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
}

func cmdExport(c *cli, args []string) int {
	var pf periodFlags
	var out, format, encoding, staff string
	var withNames bool
	ok, code, _ := c.parse("export", args, func(fs *flag.FlagSet) {
		pf.define(fs)
		fs.StringVar(&out, "out", "", "the .xlsx file, or the folder for csv (default: a new name in exports/ beside the database)")
		fs.StringVar(&format, "format", "xlsx", "xlsx or csv")
		fs.StringVar(&encoding, "encoding", "utf8", "csv only: utf8 (with a BOM) or sjis (CP932)")
		fs.BoolVar(&withNames, "with-names", false, "include the names of children and other people (counts only without it)")
		fs.StringVar(&staff, "staff", "", "who is exporting, for the audit log")
	})
	if !ok {
		return code
	}
	f, err := export.ParseFormat(format)
	if err == nil {
		var enc export.Encoding
		if enc, err = export.ParseEncoding(encoding); err == nil && f == export.XLSX && enc != export.UTF8 {
			err = model.Invalid("encoding", "--encoding は --format csv のときだけ使えます", "--encoding applies to --format csv only")
		}
		encoding = string(enc)
	}
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi export: "+model.Message(err, c.lang))
		return 2
	}
	p, ok := c.period("export", pf)
	if !ok {
		return 2
	}
	s, opened := c.open()
	if !opened {
		return 1
	}
	defer s.Close()
	if staff == "" {
		staff = "レポート出力（madoguchi export）"
	}
	s.SetStaff(staff)
	res, err := export.Run(s, export.Options{Period: p, Format: f, Encoding: export.Encoding(encoding), WithNames: withNames, Out: out, Now: c.clock.Now()})
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi export: "+model.Message(err, c.lang))
		return 1
	}
	names := c.lang.Pick("件数のみ", "counts only")
	if withNames {
		names = c.lang.Pick("氏名あり", "with names")
	}
	fmt.Fprintln(c.out, c.lang.Pick(
		fmt.Sprintf("%s（%s、%s）を書き出しました: %s", p.Label(c.lang), p.Span(c.lang), names, res.Path),
		fmt.Sprintf("Wrote %s (%s, %s): %s", p.Label(c.lang), p.Span(c.lang), names, res.Path)))
	if f == export.CSV {
		for _, file := range res.Files {
			fmt.Fprintln(c.out, "  "+file)
		}
	}
	return 0
}

// padLeft right-aligns s in w display cells (fmt pads by runes, not by width).
func padLeft(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}
