// Package export writes a period's report as files the town office opens: an Excel workbook
// (xlsx, via excelize) or CSV files, UTF-8 with a BOM (what Excel in Japan opens correctly) or
// CP932 (Shift_JIS) for older tools. The tables are the same in every format: the KPI summary,
// the monthly figures, attendance per session, childcare per day, and the jobs.
//
// Exports carry counts only. Names of children and of other people (attendees, guardians,
// teleworkers) appear only when Options.WithNames is set, in sheets of their own; without it a
// teleworker is shown by id. Every export is audited (Store.RecordExport) and its files are
// written with mode 0600 in a folder with mode 0700: they may hold personal data.
package export

import (
	"fmt"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// Table is one sheet of the workbook, or one CSV file.
type Table struct {
	Sheet    string  // the sheet's name in the workbook (Japanese)
	File     string  // the CSV file's name, ASCII (kpi.csv, …)
	Preamble [][]any // lines above the header (the KPI sheet's title and period)
	Header   []string
	Rows     [][]any // cells: string, int, int64
	// Yen lists the columns (0-based) that hold yen, formatted #,##0 in the workbook.
	Yen []int
}

// TableOptions shape the tables.
type TableOptions struct {
	WithNames bool
	SiteName  string
	Made      time.Time // when the export was made (作成日)
}

// Tables lays a report out as the export's tables, in sheet order.
func Tables(r model.Report, o TableOptions) []Table {
	ts := []Table{kpiTable(r, o), monthTable(r), courseTable(r), sessionTable(r)}
	if o.WithNames {
		ts = append(ts, attendanceNames(r))
	}
	ts = append(ts, dayTable(r))
	if o.WithNames {
		ts = append(ts, childcareNames(r))
	}
	return append(ts, jobTable(r, o.WithNames))
}

func yesNo(b bool) string {
	if b {
		return "はい"
	}
	return "いいえ"
}

func kpiTable(r model.Report, o TableOptions) Table {
	made := model.DateOf(o.Made)
	t := Table{
		Sheet: "KPI", File: "kpi.csv",
		Preamble: [][]any{
			{o.SiteName + " テレワーク推進事業 実績"},
			{"期間", r.Period.Label(model.JA), r.Period.From.String(), r.Period.To.String()},
			{"作成日", model.FormatWareki(made), made.String()},
			{"氏名", map[bool]string{true: "あり", false: "なし（件数のみ）"}[o.WithNames]},
		},
		Header: []string{"項目", "キー", "実績", "目標", "達成率(%)", "単位"},
	}
	units := map[model.KPIUnit]string{model.UnitPeople: "人", model.UnitCount: "件", model.UnitYen: "円", model.UnitPercent: "%"}
	for _, k := range r.KPIs() {
		row := []any{k.Name.JA, k.Key, "", "", "", units[k.Unit]}
		if k.Valid {
			row[2] = k.Actual
		}
		if k.HasTarget {
			row[3], row[4] = k.Target, k.Rate
		}
		t.Rows = append(t.Rows, row)
		if k.Key == "participants" {
			for _, kind := range model.CourseKinds {
				if n, ok := r.ParticipantsByKind[kind]; ok {
					t.Rows = append(t.Rows, []any{"　うち" + kind.Label(model.JA), "participants_" + string(kind), n, "", "", "人"})
				}
			}
		}
	}
	t.Rows = append(t.Rows, []any{"金額計（入金分）", "paid_amount", r.Income.Amount, "", "", "円"},
		[]any{"手数料計（入金分）", "paid_fee", r.Income.Fee, "", "", "円"},
		[]any{"入金件数", "paid_jobs", r.Income.Jobs, "", "", "件"})
	return t
}

func monthTable(r model.Report) Table {
	t := Table{Sheet: "月次", File: "monthly.csv",
		Header: []string{"月", "月(ISO)", "来館数", "うちコワーキング", "来館者数(実人数)", "延べ利用児童数", "利用児童数(実人数)",
			"講座回数", "延べ出席", "受注件数", "入金件数", "金額計", "純収入", "入金のあったテレワーカー数", "1人あたり純収入", "平均単価"},
		Yen: []int{11, 12, 14, 15}}
	for _, m := range r.Months {
		t.Rows = append(t.Rows, []any{model.FormatMonth(m.Month, model.JA), m.Month.String(), m.Visits, m.CoworkingVisits, m.Visitors,
			m.ChildcareUses, m.ChildcareChildren, m.Sessions, m.Attended, m.JobsAccepted, m.Income.Jobs, m.Income.Amount,
			m.Income.Net, m.PaidTeleworkers, m.NetPerTeleworker(), m.Income.AverageUnitPrice()})
	}
	return t
}

func rateCell(rate int, ok bool) any {
	if !ok {
		return ""
	}
	return rate
}

func sessionTable(r model.Report) Table {
	t := Table{Sheet: "出欠（回別）", File: "sessions.csv",
		Header: []string{"日付", "日付(ISO)", "時間", "講座の種類", "講座名", "年度", "回", "出席", "遅刻", "早退", "欠席", "欠席(連絡あり)", "記録数", "出席者数", "出席率(%)"}}
	for _, s := range r.Sessions {
		rate, ok := s.Rate()
		row := []any{model.FormatWareki(s.Session.Date), s.Session.Date.String(), s.Session.Span(), s.Course.Kind.Label(model.JA),
			s.Course.Name, model.FormatFiscalYear(s.Course.FiscalYear, model.JA), s.Session.Title}
		for _, n := range s.Counts {
			row = append(row, n)
		}
		t.Rows = append(t.Rows, append(row, s.Marked, s.Attended, rateCell(rate, ok)))
	}
	return t
}

func courseTable(r model.Report) Table {
	t := Table{Sheet: "講座別", File: "courses.csv",
		Header: []string{"講座の種類", "講座名", "年度", "初回", "最終回", "期間内の回数", "全回数", "受講者数(期間内)", "記録数", "出席者数", "出席率(%)", "修了者数", "修了を期間に計上"}}
	for _, c := range r.Courses {
		rate, ok := c.Rate()
		t.Rows = append(t.Rows, []any{c.Course.Kind.Label(model.JA), c.Course.Name, model.FormatFiscalYear(c.Course.FiscalYear, model.JA),
			c.First.String(), c.Last.String(), c.SessionsInPeriod, c.SessionsTotal, c.Participants, c.Marked, c.Attended,
			rateCell(rate, ok), c.Completed, yesNo(c.Ends)})
	}
	return t
}

func attendanceNames(r model.Report) Table {
	t := Table{Sheet: "出欠（氏名）", File: "attendance_names.csv",
		Header: []string{"日付", "日付(ISO)", "講座名", "回", "氏名", "出欠", "メモ"}}
	for _, s := range r.Sessions {
		for _, a := range s.Marks {
			t.Rows = append(t.Rows, []any{model.FormatWareki(s.Session.Date), s.Session.Date.String(), s.Course.Name, s.Session.Title,
				r.PersonName(a.PersonID), a.Mark.Label(model.JA), a.Note})
		}
	}
	return t
}

func dayTable(r model.Report) Table {
	t := Table{Sheet: "託児（日別）", File: "childcare.csv",
		Header: []string{"日付", "日付(ISO)", "曜日", "枠数", "定員計", "延べ利用児童数", "利用児童数(実人数)", "無断欠席", "取消", "空き待ち"}}
	for _, d := range r.Days {
		t.Rows = append(t.Rows, []any{model.FormatWareki(d.Date), d.Date.String(), model.WeekdayJA(d.Date.Weekday()), d.Slots, d.Capacity,
			d.Uses, d.Children, d.NoShows, d.Cancelled, d.Waitlisted})
	}
	return t
}

func childcareNames(r model.Report) Table {
	t := Table{Sheet: "託児（氏名）", File: "childcare_names.csv",
		Header: []string{"日付", "日付(ISO)", "子ども", "保護者", "状態", "預かり", "お迎え", "お迎えの方"}}
	for _, d := range r.Days {
		for _, b := range d.Used {
			collector := ""
			if b.CollectedBy != nil {
				collector = b.CollectedBy.Name
			}
			t.Rows = append(t.Rows, []any{model.FormatWareki(d.Date), d.Date.String(), r.ChildName(b.ChildID), r.PersonName(r.Child(b.ChildID).GuardianID),
				b.Status.Label(model.JA), model.HHMM(b.DroppedOff), model.HHMM(b.PickedUp), collector})
		}
	}
	return t
}

func jobTable(r model.Report, withNames bool) Table {
	who := "テレワーカーID"
	if withNames {
		who = "テレワーカー"
	}
	t := Table{Sheet: "案件", File: "jobs.csv",
		Header: []string{"受注日", "受注日(ISO)", "期間内に受注", "期間内に入金", "案件ID", "案件名", "発注元", "地域内企業", "分類", who,
			"単価", "数量", "単位", "金額", "手数料", "純額", "進捗", "入金日", "入金日(ISO)", "入金額"},
		Yen: []int{10, 13, 14, 15, 19}}
	for _, l := range r.Jobs {
		j := l.Job
		accepted, acceptedISO := "", ""
		if j.ReachedAccepted() {
			d := model.DateOf(j.AcceptedAt)
			accepted, acceptedISO = model.FormatWareki(d), d.String()
		}
		var person any = j.PersonID
		if withNames {
			person = r.PersonName(j.PersonID)
		}
		var paid any = ""
		if !j.PaidOn.IsZero() {
			paid = j.PaidAmount
		}
		t.Rows = append(t.Rows, []any{accepted, acceptedISO, yesNo(l.Accepted), yesNo(l.Paid), j.ID, j.Title, l.Client.Name, yesNo(l.Client.Local),
			j.Category, person, j.UnitPrice, j.Quantity, j.Unit, j.Amount(), j.Fee(), j.Net(), j.Status.Label(model.JA),
			model.FormatWareki(j.PaidOn), j.PaidOn.String(), paid})
	}
	return t
}

// cellText writes a cell for CSV.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	default:
		return fmt.Sprint(x)
	}
}
