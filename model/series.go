package model

import (
	"fmt"
	"sort"
	"strings"
)

// MaxSeriesSessions bounds one series: a year of weekly sessions.
const MaxSeriesSessions = 52

// SeriesInput is the series form as typed: N sessions of a course, either weekly from a first
// date or on listed dates, with the same times, place and capacity.
type SeriesInput struct {
	CourseID uint64
	// From and Count make a weekly series: Count sessions, seven days apart, from From.
	From, Count string
	// Dates lists the dates instead (separated by commas, 、, spaces or lines); when it is not
	// blank, From is ignored and Count, if given, must match.
	Dates      string
	Start, End string
	// Titles is one title per session separated by 、 or commas (PC基礎、業務ツール活用、…), or a
	// single title that every session shares with 第N回 after it; blank titles them 第N回.
	Titles   string
	Place    string
	Capacity string
	// Number is the number of the first session in 第N回 titles (0 means 1): a series added to
	// a course with three sessions numbers from 4.
	Number int
}

// NewSeries validates a series and returns its sessions in date order (ids unset). Every field
// in error is reported at once, under the series form's field names (from, count, dates, start,
// end, titles, place, capacity).
func NewSeries(in SeriesInput) ([]Session, error) {
	var errs FieldErrors
	if in.CourseID == 0 {
		errs.add(Invalid("course", "講座を選んでください", "Choose the course"))
	}
	titles := seriesSplit(in.Titles, false)
	count := 0
	if strings.TrimSpace(in.Count) != "" {
		n, bad := atoiRange(in.Count, 1, MaxSeriesSessions)
		if bad {
			errs.add(Invalid("count", fmt.Sprintf("回数は1〜%dで入力してください", MaxSeriesSessions), fmt.Sprintf("Enter 1 to %d sessions", MaxSeriesSessions)))
		}
		count = n
	}

	var dates []Date
	if strings.TrimSpace(in.Dates) != "" {
		seen := map[Date]bool{}
		for _, s := range seriesSplit(in.Dates, true) {
			d, err := ParseDate(s)
			if err != nil {
				errs.add(Invalid("dates", fmt.Sprintf("日付「%s」が読めません（2025-04-01 の形で、読点か空白で区切ってください）", s),
					fmt.Sprintf("Cannot read the date %q (write YYYY-MM-DD, separated by commas or spaces)", s)))
				dates = nil
				break
			}
			if seen[d] {
				errs.add(Invalid("dates", fmt.Sprintf("%s が二回あります", d), fmt.Sprintf("%s is listed twice", d)))
				dates = nil
				break
			}
			seen[d] = true
			dates = append(dates, d)
		}
		if len(dates) > MaxSeriesSessions {
			errs.add(Invalid("dates", fmt.Sprintf("一度に作れるのは%d回までです", MaxSeriesSessions), fmt.Sprintf("At most %d sessions at once", MaxSeriesSessions)))
			dates = nil
		}
		sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
		if dates != nil && count > 0 && count != len(dates) {
			errs.add(Invalid("count", fmt.Sprintf("回数（%d）と日付の数（%d）が合いません", count, len(dates)),
				fmt.Sprintf("The count (%d) does not match the dates listed (%d)", count, len(dates))))
		}
	} else {
		from, err := ParseDate(in.From)
		if err != nil {
			errs.add(Invalid("from", "初回の日付は 2025-04-01 の形で入力してください", "Enter the first date as YYYY-MM-DD"))
		}
		if count == 0 && len(titles) > 1 {
			count = len(titles) // one session per title
		}
		if count == 0 && strings.TrimSpace(in.Count) == "" {
			errs.add(Invalid("count", "回数を入力するか、日付を並べてください", "Enter how many sessions, or list the dates"))
		}
		if err == nil && count > 0 {
			for i := range count {
				dates = append(dates, from.AddDays(7*i))
			}
		}
	}
	if len(titles) > 1 && len(dates) > 0 && len(titles) != len(dates) {
		errs.add(Invalid("titles", fmt.Sprintf("タイトルの数（%d）と回数（%d）が合いません", len(titles), len(dates)),
			fmt.Sprintf("%d titles for %d sessions", len(titles), len(dates))))
	}
	capacity := 0
	if strings.TrimSpace(in.Capacity) != "" {
		n, bad := atoiRange(in.Capacity, 0, 500)
		if bad {
			errs.add(Invalid("capacity", "定員は0〜500人です（0か空欄は制限なし）", "Capacity must be 0 to 500 (0 or blank: no limit)"))
		}
		capacity = n
	}

	// Each session goes through NewSession; its messages land on the series' fields.
	out := make([]Session, 0, len(dates))
	proto := SessionInput{CourseID: max(in.CourseID, 1), Start: in.Start, End: in.End, Title: "x", Place: in.Place}
	if len(dates) == 0 {
		proto.Date = "2000-01-01"
	} else {
		proto.Date = dates[0].String()
	}
	if _, err := NewSession(proto); err != nil {
		if fe, ok := err.(FieldErrors); ok {
			for _, e := range fe {
				if e.Field != "course" && e.Field != "date" && errs.For(e.Field) == nil {
					errs.add(e)
				}
			}
		}
	}
	if len(titles) == 1 && len(titles[0]) > 0 {
		if e := checkLen("titles", titles[0], 70); e != nil {
			errs.add(e)
		}
	}
	for _, t := range titles {
		if e := checkLen("titles", t, 80); e != nil && errs.For("titles") == nil {
			errs.add(e)
		}
	}
	if e := checkLen("place", NormalizeName(in.Place), 80); e != nil {
		errs.add(e)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for i, d := range dates {
		se, err := NewSession(SessionInput{CourseID: in.CourseID, Date: d.String(), Start: in.Start, End: in.End,
			Title: seriesTitle(titles, i, max(in.Number, 1), len(dates)), Place: in.Place, Capacity: capacity})
		if err != nil {
			return nil, err
		}
		out = append(out, se)
	}
	return out, nil
}

// seriesTitle names session i of n, numbering from first.
func seriesTitle(titles []string, i, first, n int) string {
	switch {
	case len(titles) > 1:
		return titles[i]
	case len(titles) == 1 && n == 1:
		return titles[0]
	case len(titles) == 1:
		return fmt.Sprintf("%s 第%d回", titles[0], first+i)
	}
	return fmt.Sprintf("第%d回", first+i)
}

// seriesSplit splits a list typed in one field on commas (ASCII, full-width, 、), line breaks
// and, for dates, spaces; blanks are dropped.
func seriesSplit(s string, spaces bool) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ',', '，', '、', '､', '\n', '\r', ';', '；':
			return true
		case ' ', '　', '\t':
			return spaces
		}
		return false
	}) {
		if f = NormalizeName(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
