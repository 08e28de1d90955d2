package model_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nagawaka/madoguchi/model"
)

// ---- helpers (prefixed crs… so they never clash with the other model_test files) ----

func crsDate(t *testing.T, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// crsFields returns the fields in error, failing when err is not FieldErrors with bilingual messages.
func crsFields(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var fe model.FieldErrors
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not FieldErrors", err, err)
	}
	if !errors.Is(err, model.ErrInvalid) {
		t.Errorf("errors.Is(%v, ErrInvalid) = false", err)
	}
	var out []string
	for _, e := range fe {
		if e.Msg.JA == "" || e.Msg.EN == "" || e.Msg.JA == e.Msg.EN {
			t.Errorf("field %s message not in both languages: %+v", e.Field, e.Msg)
		}
		out = append(out, e.Field)
	}
	return out
}

func TestParseCourseKind(t *testing.T) {
	tests := []struct {
		in   string
		want model.CourseKind
	}{
		{"basic", model.CourseBasic}, {"育成講座", model.CourseBasic}, {"2", model.CourseBasic}, {"２", model.CourseBasic},
		{" OJT研修 ", model.CourseOJT}, {"ＯＪＴ研修", model.CourseOJT}, {"OJT course", model.CourseOJT}, {"3", model.CourseOJT},
		{"周知セミナー", model.CourseSeminar}, {"1", model.CourseSeminar}, {"Info Seminar", model.CourseSeminar},
		{"勉強会", model.CourseStudy}, {"4", model.CourseStudy}, {"study", model.CourseStudy},
		{"", ""}, {"5", ""}, {"0", ""}, {"講座", ""}, {"party", ""},
	}
	for _, tt := range tests {
		got, err := model.ParseCourseKind(tt.in)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("ParseCourseKind(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if err != nil && !errors.Is(err, model.ErrInvalid) {
			t.Errorf("ParseCourseKind(%q) error %v is not ErrInvalid", tt.in, err)
		}
	}
	for _, k := range model.CourseKinds {
		if !k.Valid() {
			t.Errorf("%q not valid", k)
		}
	}
	if model.CourseKind("party").Valid() {
		t.Error("unknown kind valid")
	}
}

func TestParseCourseForm(t *testing.T) {
	tests := []struct {
		name string
		in   model.CourseForm
		errs []string
		want model.Course
	}{
		{"default rule", model.CourseForm{Kind: "育成講座", Name: "育成講座 第3期", FiscalYear: "2026"}, nil,
			model.Course{Kind: model.CourseBasic, Name: "育成講座 第3期", FiscalYear: 2026}},
		{"full-width year and rule", model.CourseForm{Kind: "3", Name: "OJT", FiscalYear: "２０２６", MinSessions: "２"}, nil,
			model.Course{Kind: model.CourseOJT, Name: "OJT", FiscalYear: 2026, MinSessions: 2}},
		{"bad kind", model.CourseForm{Kind: "講演", Name: "x", FiscalYear: "2026"}, []string{"kind"}, model.Course{}},
		{"era year refused", model.CourseForm{Kind: "1", Name: "x", FiscalYear: "令和8"}, []string{"fiscal_year"}, model.Course{}},
		{"two-digit year refused", model.CourseForm{Kind: "1", Name: "x", FiscalYear: "26"}, []string{"fiscal_year"}, model.Course{}},
		{"bad rule", model.CourseForm{Kind: "1", Name: "x", FiscalYear: "2026", MinSessions: "全部"}, []string{"min_sessions"}, model.Course{}},
		{"rule too big", model.CourseForm{Kind: "1", Name: "x", FiscalYear: "2026", MinSessions: "101"}, []string{"min_sessions"}, model.Course{}},
		{"everything wrong, each once", model.CourseForm{}, []string{"kind", "fiscal_year", "name"}, model.Course{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := model.ParseCourseForm(tt.in)
			got := crsFields(t, err)
			if !reflect.DeepEqual(got, tt.errs) {
				t.Fatalf("fields in error = %v, want %v", got, tt.errs)
			}
			if tt.errs == nil && c != tt.want {
				t.Errorf("course = %+v, want %+v", c, tt.want)
			}
		})
	}
	// The form round-trips.
	c := model.Course{Kind: model.CourseOJT, Name: "OJT研修", FiscalYear: 2025, MinSessions: 2}
	back, err := model.ParseCourseForm(c.Form())
	if err != nil || back != c {
		t.Errorf("round trip %+v → %+v, %v", c, back, err)
	}
	if f := (model.Course{Kind: model.CourseBasic, Name: "x", FiscalYear: 2025}).Form(); f.MinSessions != "" {
		t.Errorf("default rule shows as %q, want blank", f.MinSessions)
	}
}

func TestCourseProgress(t *testing.T) {
	P, L, E, A, X, N := model.MarkPresent, model.MarkLate, model.MarkLeftEarly, model.MarkAbsent, model.MarkExcused, model.MarkNone
	tests := []struct {
		name  string
		min   int
		marks []model.Mark
		total int
		want  model.CourseProgress
	}{
		{"all five attended", 0, []model.Mark{P, P, L, E, P}, 5, model.CourseProgress{Attended: 5, Total: 5, Needed: 4, Completed: true}},
		{"default: all but one", 0, []model.Mark{P, A, P, P, P}, 5, model.CourseProgress{Attended: 4, Total: 5, Needed: 4, Completed: true}},
		{"excused does not attend", 0, []model.Mark{P, X, X, P, P}, 5, model.CourseProgress{Attended: 3, Total: 5, Needed: 4, Completed: false}},
		{"late and left early attend", 0, []model.Mark{L, E, L, E}, 5, model.CourseProgress{Attended: 4, Total: 5, Needed: 4, Completed: true}},
		{"unmarked and future sessions count in the total", 0, []model.Mark{P, P, N}, 5, model.CourseProgress{Attended: 2, Total: 5, Needed: 4}},
		{"rule of 2 (OJT)", 2, []model.Mark{A, P, L}, 3, model.CourseProgress{Attended: 2, Total: 3, Needed: 2, Completed: true}},
		{"seminar: one session", 1, []model.Mark{P}, 1, model.CourseProgress{Attended: 1, Total: 1, Needed: 1, Completed: true}},
		{"no sessions never complete", 0, nil, 0, model.CourseProgress{Needed: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := model.Course{MinSessions: tt.min}.Progress(tt.marks, tt.total)
			if got != tt.want {
				t.Errorf("Progress = %+v, want %+v", got, tt.want)
			}
		})
	}
	if s := (model.CourseProgress{Attended: 4, Total: 5, Completed: true}).Text(model.JA); s != "4/5 修了" {
		t.Errorf("Text = %q", s)
	}
	if s := (model.CourseProgress{Attended: 2, Total: 5}).Text(model.EN); s != "2/5" {
		t.Errorf("Text = %q", s)
	}
	if s := (model.Course{}).RuleText(5, model.JA); s != "4回以上出席で修了（全5回）" {
		t.Errorf("RuleText = %q", s)
	}
	if s := (model.Course{MinSessions: 4}).RuleText(0, model.JA); s != "4回以上出席で修了" {
		t.Errorf("RuleText with no sessions = %q", s)
	}
	if s := (model.Course{}).RuleText(0, model.EN); s != "complete with all sessions but one attended" {
		t.Errorf("RuleText default, no sessions = %q", s)
	}
}

func TestEnrolWarning(t *testing.T) {
	ojt := model.Course{Kind: model.CourseOJT, Name: "OJT研修"}
	if w, ok := model.EnrolWarning(ojt, "山田 花子", false); !ok || !strings.Contains(w.JA, "山田 花子さんは育成講座を修了していません") || !strings.Contains(w.EN, "basic course") {
		t.Errorf("OJT without a basic course: %v %+v", ok, w)
	}
	if _, ok := model.EnrolWarning(ojt, "山田 花子", true); ok {
		t.Error("warned though the basic course is completed")
	}
	for _, k := range []model.CourseKind{model.CourseBasic, model.CourseSeminar, model.CourseStudy} {
		if _, ok := model.EnrolWarning(model.Course{Kind: k}, "x", false); ok {
			t.Errorf("%s warned", k)
		}
	}
}

func TestParseMarkAndShort(t *testing.T) {
	for _, m := range append([]model.Mark{model.MarkNone}, model.Marks...) {
		for _, s := range []string{string(m), m.Label(model.JA), m.Label(model.EN)} {
			if s == "" && m != model.MarkNone {
				continue
			}
			got, err := model.ParseMark(s)
			if err != nil || got != m {
				t.Errorf("ParseMark(%q) = %q, %v; want %q", s, got, err, m)
			}
		}
		if m.Short(model.JA) == "" || m.Short(model.EN) == "" {
			t.Errorf("%q has no short form", m)
		}
	}
	if got, err := model.ParseMark("欠席（連絡あり）"); err != nil || got != model.MarkExcused {
		t.Errorf("full-width parentheses: %q %v", got, err)
	}
	if _, err := model.ParseMark("休み"); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("ParseMark(休み) = %v", err)
	}
}

func TestNewSeriesWeekly(t *testing.T) {
	ss, err := model.NewSeries(model.SeriesInput{CourseID: 7, From: "2026-10-28", Count: "", Start: "10:00", End: "12:00",
		Titles: "PC基礎、業務ツール活用、SNSマーケティング、WEBライティング、仕上げと振り返り", Place: "多目的室", Capacity: "12"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 5 {
		t.Fatalf("%d sessions from five titles", len(ss))
	}
	for i, se := range ss {
		want := crsDate(t, "2026-10-28").AddDays(7 * i)
		if se.Date != want || se.CourseID != 7 || se.Span() != "10:00-12:00" || se.Place != "多目的室" || se.Capacity != 12 {
			t.Errorf("session %d = %+v", i, se)
		}
	}
	if ss[0].Title != "PC基礎" || ss[4].Title != "仕上げと振り返り" {
		t.Errorf("titles %q … %q", ss[0].Title, ss[4].Title)
	}
	// One title: numbered; no title: 第N回.
	ss, err = model.NewSeries(model.SeriesInput{CourseID: 1, From: "2026-04-06", Count: "3", Start: "19:00", End: "20:30", Titles: "勉強会"})
	if err != nil || len(ss) != 3 || ss[2].Title != "勉強会 第3回" || ss[2].Date != crsDate(t, "2026-04-20") {
		t.Fatalf("numbered series: %+v %v", ss, err)
	}
	ss, err = model.NewSeries(model.SeriesInput{CourseID: 1, From: "2026-04-06", Count: "2", Start: "19:00", End: "20:30"})
	if err != nil || ss[1].Title != "第2回" || ss[0].Capacity != 0 {
		t.Fatalf("untitled series: %+v %v", ss, err)
	}
	// Added to a course that has three sessions: numbered from 4.
	ss, err = model.NewSeries(model.SeriesInput{CourseID: 1, From: "2026-04-06", Count: "2", Start: "19:00", End: "20:30", Titles: "勉強会", Number: 4})
	if err != nil || ss[0].Title != "勉強会 第4回" || ss[1].Title != "勉強会 第5回" {
		t.Fatalf("numbered from 4: %+v %v", ss, err)
	}
	// A single session keeps its title as typed.
	ss, err = model.NewSeries(model.SeriesInput{CourseID: 1, From: "2026-04-06", Count: "1", Start: "10:00", End: "11:30", Titles: "テレワークってなに？"})
	if err != nil || len(ss) != 1 || ss[0].Title != "テレワークってなに?" {
		t.Fatalf("single session: %+v %v", ss, err)
	}
	// Weekly across the year end and a month end.
	ss, _ = model.NewSeries(model.SeriesInput{CourseID: 1, From: "2026-12-24", Count: "2", Start: "10:00", End: "11:00"})
	if ss[1].Date != crsDate(t, "2026-12-31") {
		t.Errorf("second date %v", ss[1].Date)
	}
	ss, _ = model.NewSeries(model.SeriesInput{CourseID: 1, From: "2026-12-31", Count: "2", Start: "10:00", End: "11:00"})
	if ss[1].Date != crsDate(t, "2027-01-07") {
		t.Errorf("across the year: %v", ss[1].Date)
	}
}

func TestNewSeriesListedDates(t *testing.T) {
	ss, err := model.NewSeries(model.SeriesInput{CourseID: 3, Dates: "2026-11-25、2026/11/11 ２０２６－１２－０９\n2026-11-18", Start: "１３：３０", End: "15:30", Titles: "OJT"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, se := range ss {
		got = append(got, se.Date.String()+" "+se.Title)
	}
	want := []string{"2026-11-11 OJT 第1回", "2026-11-18 OJT 第2回", "2026-11-25 OJT 第3回", "2026-12-09 OJT 第4回"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("listed dates in order:\n got %v\nwant %v", got, want)
	}
	if ss[0].Start != 13*60+30 {
		t.Errorf("full-width time: %v", ss[0].Start)
	}
	// From is ignored with listed dates; a matching count is fine.
	if _, err := model.NewSeries(model.SeriesInput{CourseID: 3, From: "bad", Count: "2", Dates: "2026-11-11,2026-11-18", Start: "10:00", End: "11:00"}); err != nil {
		t.Errorf("listed dates with a matching count: %v", err)
	}
}

func TestNewSeriesRefuses(t *testing.T) {
	ok := model.SeriesInput{CourseID: 1, From: "2026-04-06", Count: "3", Start: "10:00", End: "12:00", Titles: "講座", Place: "多目的室", Capacity: "10"}
	tests := []struct {
		name string
		mod  func(*model.SeriesInput)
		errs []string
	}{
		{"valid", func(*model.SeriesInput) {}, nil},
		{"no course", func(in *model.SeriesInput) { in.CourseID = 0 }, []string{"course"}},
		{"no first date", func(in *model.SeriesInput) { in.From = "" }, []string{"from"}},
		{"bad first date", func(in *model.SeriesInput) { in.From = "2026-02-30" }, []string{"from"}},
		{"no count and one title", func(in *model.SeriesInput) { in.Count = "" }, []string{"count"}},
		{"count 0", func(in *model.SeriesInput) { in.Count = "0" }, []string{"count"}},
		{"count too big", func(in *model.SeriesInput) { in.Count = "53" }, []string{"count"}},
		{"count not a number", func(in *model.SeriesInput) { in.Count = "五" }, []string{"count"}},
		{"titles do not match the count", func(in *model.SeriesInput) { in.Titles = "a、b" }, []string{"titles"}},
		{"bad listed date", func(in *model.SeriesInput) { in.Count, in.Dates = "", "2026-04-06, 4月13日" }, []string{"dates"}},
		{"listed date twice", func(in *model.SeriesInput) { in.Count, in.Dates = "", "2026-04-06 2026/04/06" }, []string{"dates"}},
		{"count does not match the listed dates", func(in *model.SeriesInput) { in.Dates = "2026-04-06" }, []string{"count"}},
		{"bad start", func(in *model.SeriesInput) { in.Start = "朝" }, []string{"start"}},
		{"end before start", func(in *model.SeriesInput) { in.End = "9:00" }, []string{"end"}},
		{"capacity", func(in *model.SeriesInput) { in.Capacity = "-1" }, []string{"capacity"}},
		{"title too long", func(in *model.SeriesInput) { in.Titles = strings.Repeat("長", 71) }, []string{"titles"}},
		{"place too long", func(in *model.SeriesInput) { in.Place = strings.Repeat("所", 81) }, []string{"place"}},
		{"everything wrong", func(in *model.SeriesInput) { *in = model.SeriesInput{Count: "x", Start: "x", End: "y", Capacity: "z"} },
			[]string{"course", "count", "from", "capacity", "start", "end"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.mod(&in)
			ss, err := model.NewSeries(in)
			got := crsFields(t, err)
			if !reflect.DeepEqual(got, tt.errs) {
				t.Fatalf("fields in error = %v, want %v", got, tt.errs)
			}
			if err != nil && ss != nil {
				t.Errorf("refused series returned %d sessions", len(ss))
			}
		})
	}
}

func TestUnmarked(t *testing.T) {
	now := time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC)
	es := []model.Enrollment{
		{CourseID: 1, PersonID: 1, Enrolled: now},
		{CourseID: 1, PersonID: 2, Enrolled: now},
		{CourseID: 1, PersonID: 3, Enrolled: now, Withdrawn: now}, // withdrawn: never unmarked
		{CourseID: 1, PersonID: 4, Enrolled: now},
	}
	marks := []model.Attendance{
		{SessionID: 9, PersonID: 1, Mark: model.MarkPresent},
		{SessionID: 9, PersonID: 4, Mark: model.MarkNone, Note: "遅れて来るかも"}, // a note alone is not a mark
		{SessionID: 9, PersonID: 5, Mark: model.MarkLate, WalkIn: true},
	}
	if got := model.Unmarked(es, marks); !reflect.DeepEqual(got, []uint64{2, 4}) {
		t.Errorf("Unmarked = %v, want [2 4]", got)
	}
	if got := model.Unmarked(nil, marks); got != nil {
		t.Errorf("no enrolments: %v", got)
	}
	for s, want := range map[model.BookingStatus]bool{model.BookingBooked: true, model.BookingWaitlisted: false, model.BookingCancelled: false,
		model.BookingDroppedOff: false, model.BookingPickedUp: false, model.BookingNoShow: false} {
		if model.NotArrivedStatus(s) != want {
			t.Errorf("NotArrivedStatus(%s) = %v", s, !want)
		}
	}
}

func TestDayReviewLinesAndOrder(t *testing.T) {
	d := crsDate(t, "2026-11-25")
	at := func(hh, mm int) time.Time { return time.Date(2026, 11, 25, hh, mm, 0, 0, model.Tokyo) }
	slot := func(start, end int) model.ChildcareSlot {
		return model.ChildcareSlot{Date: d, Start: model.ClockTime(start * 60), End: model.ClockTime(end * 60)}
	}
	r := model.DayReview{Date: d,
		Sessions: []model.ReviewSession{
			{Session: model.Session{Date: d, Start: 13*60 + 30, End: 15*60 + 30, Title: "目標設定"}, Course: model.Course{Name: "OJT研修"}, Unmarked: []model.Person{{Name: "a"}}},
			{Session: model.Session{Date: d, Start: 10 * 60, End: 12 * 60, Title: "仕上げ"}, Course: model.Course{Name: "育成講座"}, Unmarked: []model.Person{{Name: "a"}, {Name: "b"}}},
		},
		Here: []model.ReviewVisit{
			{Visit: model.Visit{In: at(9, 30)}, Person: model.Person{Name: "木村 香織"}},
			{Visit: model.Visit{In: at(9, 5)}, Person: model.Person{Name: "山田 花子"}},
		},
		InCare:     []model.ReviewBooking{{Slot: slot(13, 16), Child: model.Child{Name: "b"}}, {Slot: slot(9, 12), Child: model.Child{Name: "山田 陽翔"}, Guardian: model.Person{Name: "山田 花子"}}},
		NotArrived: []model.ReviewBooking{{Slot: slot(13, 16), Child: model.Child{Name: "伊藤 凛"}}},
		Jobs: []model.ReviewJob{
			{Job: model.Job{Title: "今日", Due: d, Status: model.JobInProgress}},
			{Job: model.Job{Title: "昨日", Due: d.AddDays(-1), Status: model.JobQA}, Person: model.Person{Name: "山田 花子"}},
		},
	}
	if r.Open() != 9 || r.Clear() {
		t.Fatalf("Open = %d", r.Open())
	}
	r.Sort()
	got := r.LeftOpen(model.JA)
	want := []string{
		"出欠未記入: 11-25 10:00-12:00 育成講座「仕上げ」 2人",
		"出欠未記入: 11-25 13:30-15:30 OJT研修「目標設定」 1人",
		"来館中: 山田 花子（11-25 9:05〜）",
		"来館中: 木村 香織（11-25 9:30〜）",
		"お迎え未完了: 山田 陽翔（11-25 9:00-12:00、保護者 山田 花子）",
		"お迎え未完了: b（11-25 13:00-16:00、保護者 ）",
		"予約未処理: 伊藤 凛（11-25 13:00-16:00、保護者 ）",
		"納期 2026-11-24: 昨日（検品、山田 花子）",
		"納期 2026-11-25: 今日（作業中、）",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LeftOpen:\n got %q\nwant %q", got, want)
	}
	en := r.LeftOpen(model.EN)
	if len(en) != len(want) || en[2] != "Still in: 山田 花子 (since 11-25 9:05)" || !strings.HasPrefix(en[0], "Unmarked: ") {
		t.Errorf("English lines %q", en)
	}
	if !r.InCare[0].Late(at(12, 0)) || r.InCare[0].Late(at(11, 59)) {
		t.Error("Late is at the slot's end")
	}
	if !r.NotArrived[0].Missed(at(13, 0)) || r.NotArrived[0].Missed(at(12, 59)) {
		t.Error("Missed is at the slot's start")
	}
	if (model.DayReview{}).Open() != 0 || !(model.DayReview{}).Clear() {
		t.Error("an empty review is not clear")
	}
}
