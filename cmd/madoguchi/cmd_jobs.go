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
	"github.com/nagawaka/madoguchi/tui/common"
)

func init() {
	register(command{"jobs", "list jobs by due date (text, csv, json) / 案件の一覧", cmdJobs})
}

// jobJSON is one job in `madoguchi jobs --format json`. Money is whole yen; invoiced_on,
// invoiced, paid_amount and paid_on are null until the job gets there.
type jobJSON struct {
	ID          uint64  `json:"id"`
	Title       string  `json:"title"`
	ClientID    uint64  `json:"client_id"`
	Client      string  `json:"client"`
	Local       bool    `json:"local"`
	Category    string  `json:"category"`
	PersonID    uint64  `json:"teleworker_id"`
	Teleworker  string  `json:"teleworker"`
	UnitPrice   int64   `json:"unit_price"`
	Quantity    int64   `json:"quantity"`
	Unit        string  `json:"unit"`
	Amount      int64   `json:"amount"`
	FeePercent  string  `json:"fee_percent"`
	Fee         int64   `json:"fee"`
	Net         int64   `json:"net"`
	Minutes     int64   `json:"minutes"`
	Due         string  `json:"due"`
	Status      string  `json:"status"`
	StatusLabel string  `json:"status_label"`
	Invoiced    *int64  `json:"invoiced"`
	InvoicedOn  *string `json:"invoiced_on"`
	PaidAmount  *int64  `json:"paid_amount"`
	PaidOn      *string `json:"paid_on"`
}

// jobLine is a job with its client's and teleworker's names, as every format writes it.
type jobLine struct {
	Job        model.Job
	Client     model.Client
	Teleworker string
}

func cmdJobs(c *cli, args []string) int {
	var status, person, format string
	ok, code, fs := c.parse("jobs", args, func(fs *flag.FlagSet) {
		fs.StringVar(&status, "status", "", "only this status: code or label (offered, 受注, paid, キャンセル, ...; active = not paid or cancelled)")
		fs.StringVar(&person, "person", "", "only this teleworker's jobs (person ID)")
		fs.StringVar(&format, "format", "text", "text, csv or json")
	})
	if !ok {
		return code
	}
	var f model.JobFilter
	if s := strings.TrimSpace(status); s != "" {
		switch strings.ToLower(model.NormalizeName(s)) {
		case "all", "すべて":
		case "active", "対応中":
			f.Statuses = model.ActiveStatuses
		default:
			st, err := model.ParseJobStatus(s)
			if err != nil {
				fmt.Fprintln(c.errw, "madoguchi jobs: "+model.Message(err, c.lang))
				return 2
			}
			f.Statuses = []model.JobStatus{st}
		}
	}
	if person != "" {
		id, err := strconv.ParseUint(strings.TrimSpace(person), 10, 64)
		if err != nil || id == 0 {
			fmt.Fprintln(c.errw, "madoguchi jobs: "+c.lang.Pick("--person には利用者のID（数字）を指定してください: ", "--person takes a person's ID (a number): ")+person)
			return 2
		}
		f.PersonID = id
	}
	if format, ok = c.formatFlag("jobs", format, fs, "text", "csv", "json"); !ok {
		return 2
	}
	s, opened := c.open()
	if !opened {
		return 1
	}
	defer s.Close()
	b, err := s.JobBoard()
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi: "+model.Message(err, c.lang))
		return 1
	}
	lines, err := jobLines(b, f)
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi jobs: "+model.Message(err, c.lang))
		return 1
	}
	switch format {
	case "json":
		err = jobsJSON(c.out, lines, c.lang)
	case "csv":
		err = jobsCSV(c.out, lines, c.lang)
	default:
		jobsText(c.out, lines, c.lang, model.DateOf(c.clock.Now()))
	}
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi:", err)
		return 1
	}
	return 0
}

// jobLines filters the board's jobs (sorted by due date) and names their clients and
// teleworkers. An unknown --person is an error, not an empty list.
func jobLines(b store.JobBoard, f model.JobFilter) ([]jobLine, error) {
	people := make(map[uint64]model.Person, len(b.People))
	for _, p := range b.People {
		people[p.ID] = p
	}
	if _, ok := people[f.PersonID]; f.PersonID != 0 && !ok {
		return nil, model.NotFound(model.KindPerson, f.PersonID)
	}
	clients := make(map[uint64]model.Client, len(b.Clients))
	for _, cl := range b.Clients {
		clients[cl.ID] = cl
	}
	var out []jobLine
	for _, j := range model.FilterJobs(b.Jobs, f) {
		out = append(out, jobLine{Job: j, Client: clients[j.ClientID], Teleworker: people[j.PersonID].DisplayName()})
	}
	return out, nil
}

func jobsJSON(w io.Writer, lines []jobLine, l model.Lang) error {
	out := make([]jobJSON, 0, len(lines))
	for _, x := range lines {
		j := x.Job
		v := jobJSON{
			ID: j.ID, Title: j.Title, ClientID: j.ClientID, Client: x.Client.Name, Local: x.Client.Local, Category: j.Category,
			PersonID: j.PersonID, Teleworker: x.Teleworker, UnitPrice: j.UnitPrice, Quantity: j.Quantity, Unit: j.Unit,
			Amount: j.Amount(), FeePercent: model.FormatPercentBP(j.FeeBP), Fee: j.Fee(), Net: j.Net(), Minutes: j.Minutes,
			Due: j.Due.String(), Status: string(j.Status), StatusLabel: j.Status.Label(l),
		}
		if !j.InvoicedOn.IsZero() {
			amount, on := j.Invoiced, j.InvoicedOn.String()
			v.Invoiced, v.InvoicedOn = &amount, &on
		}
		if !j.PaidOn.IsZero() {
			amount, on := j.PaidAmount, j.PaidOn.String()
			v.PaidAmount, v.PaidOn = &amount, &on
		}
		out = append(out, v)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// jobsCSV writes UTF-8 with a BOM and CRLF, so Japanese Excel opens it with the names intact.
// Money is whole yen without separators; empty cells mean "not yet".
func jobsCSV(w io.Writer, lines []jobLine, l model.Lang) error {
	cw, err := excelCSV(w)
	if err != nil {
		return err
	}
	_ = cw.Write(strings.Split(l.Pick(
		"ID,案件名,発注元,地域内企業,分類,テレワーカー,単価,数量,単位,金額,手数料,手取り,納期,進捗,進捗コード,請求額,入金額,入金日",
		"id,title,client,local,category,teleworker,unit price,quantity,unit,amount,fee,net,due,status,status code,invoiced,paid amount,paid date"), ","))
	yen := func(n int64) string { return strconv.FormatInt(n, 10) }
	for _, x := range lines {
		j := x.Job
		local := "0"
		if x.Client.Local {
			local = "1"
		}
		invoiced, paid := "", ""
		if !j.InvoicedOn.IsZero() {
			invoiced = yen(j.Invoiced)
		}
		if !j.PaidOn.IsZero() {
			paid = yen(j.PaidAmount)
		}
		_ = cw.Write([]string{fmt.Sprint(j.ID), j.Title, x.Client.Name, local, j.Category, x.Teleworker,
			yen(j.UnitPrice), fmt.Sprint(j.Quantity), j.Unit, yen(j.Amount()), yen(j.Fee()), yen(j.Net()),
			j.Due.String(), j.Status.Label(l), string(j.Status), invoiced, paid, j.PaidOn.String()})
	}
	cw.Flush()
	return cw.Error()
}

func jobsText(w io.Writer, lines []jobLine, l model.Lang, today model.Date) {
	var amount, net int64
	for _, x := range lines {
		amount += x.Job.Amount()
		net += x.Job.Net()
	}
	fmt.Fprintln(w, l.Pick(fmt.Sprintf("案件 %d件  金額 %s  手取り %s", len(lines), model.FormatYen(amount), model.FormatYen(net)),
		fmt.Sprintf("Jobs: %d  amount %s  net %s", len(lines), model.FormatYen(amount), model.FormatYen(net))))
	for _, x := range lines {
		j := x.Job
		late := "  "
		if j.Overdue(today) {
			late = l.Pick("遅", "! ")
		}
		client := x.Client.Name
		if x.Client.Local {
			client += l.Pick("（地域内）", " (local)")
		}
		fmt.Fprintf(w, "%s %s %s %s %s %s %s %s\n", common.Fit(fmt.Sprintf("#%d", j.ID), 5), late, j.Due, common.Fit(j.Status.Label(l), 15),
			common.Fit(j.Title, 30), common.Fit(x.Teleworker, 12), common.Fit(client, 26), padYen(j.Amount(), 12))
	}
}

// padYen right-aligns an amount in w cells; it is never cut.
func padYen(n int64, w int) string {
	s := model.FormatYen(n)
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s = strings.Repeat(" ", pad) + s
	}
	return s
}
