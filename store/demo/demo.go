// Package demo fills a database with a believable programme for trying madoguchi: about thirty
// people with kanji names and readings, children with allergy notes and pick-up people, a
// five-session 育成講座 and an OJT course with attendance, kids-space slots with bookings for
// today, jobs in every status and a few people checked in right now. Dates are relative to the
// day it is made, so the demo is always alive.
package demo

import (
	"fmt"
	"time"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// Staff is the staff member the demo starts as.
const Staff = "佐藤 由美"

// clock is the demo's own clock, moved before each action so times look like a real day.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time { return c.t }

type person struct {
	name, reading string
	roles         []model.Role
	phone         string
}

// People are the demo's people; the first ones are guardians.
var people = []person{
	{"山田 花子", "やまだ はなこ", []model.Role{model.RoleTrainee, model.RoleTeleworker}, "090-1234-5678"},
	{"佐々木 美咲", "ささき みさき", []model.Role{model.RoleTrainee, model.RoleTeleworker}, "080-2345-6789"},
	{"高橋 恵子", "たかはし けいこ", []model.Role{model.RoleTrainee}, ""},
	{"田中 由美", "たなか ゆみ", []model.Role{model.RoleTrainee, model.RoleTeleworker}, "070-3456-7890"},
	{"伊藤 さくら", "いとう さくら", []model.Role{model.RoleTrainee}, ""},
	{"渡辺 真理", "わたなべ まり", []model.Role{model.RoleTeleworker}, "090-4567-8901"},
	{"中村 優子", "なかむら ゆうこ", []model.Role{model.RoleTrainee}, ""},
	{"小林 愛", "こばやし あい", []model.Role{model.RoleTrainee, model.RoleTeleworker}, ""},
	{"強矢 千春", "すねや ちはる", []model.Role{model.RoleTrainee}, "0494-75-1234"},
	{"逸見 由香", "へんみ ゆか", []model.Role{model.RoleTrainee}, ""},
	{"加藤 明美", "かとう あけみ", []model.Role{model.RoleTrainee}, ""},
	{"吉田 奈々", "よしだ なな", []model.Role{model.RoleTrainee}, ""},
	{"山本 千尋", "やまもと ちひろ", []model.Role{model.RoleTeleworker}, ""},
	{"松本 彩", "まつもと あや", []model.Role{model.RoleTrainee}, ""},
	{"井上 舞", "いのうえ まい", []model.Role{model.RoleTrainee}, ""},
	{"木村 香織", "きむら かおり", []model.Role{model.RoleMember}, ""},
	{"林 直美", "はやし なおみ", []model.Role{model.RoleMember}, ""},
	{"清水 智子", "しみず ともこ", []model.Role{model.RoleTrainee}, ""},
	{"山口 陽子", "やまぐち ようこ", []model.Role{model.RoleTrainee}, ""},
	{"森 麻衣", "もり まい", []model.Role{model.RoleMember}, ""},
	{"池田 瞳", "いけだ ひとみ", []model.Role{model.RoleTrainee}, ""},
	{"橋本 絵里", "はしもと えり", []model.Role{model.RoleTrainee}, ""},
	{"阿部 恵", "あべ めぐみ", []model.Role{model.RoleMember}, ""},
	{"石川 里美", "いしかわ さとみ", []model.Role{model.RoleTrainee}, ""},
	{"新井 美穂", "あらい みほ", []model.Role{model.RoleTrainee, model.RoleTeleworker}, ""},
	{"黒沢 亜希", "くろさわ あき", []model.Role{model.RoleMember}, ""},
	{"坂本 志保", "さかもと しほ", []model.Role{model.RoleTrainee}, ""},
	{"浅見 友美", "あさみ ともみ", []model.Role{model.RoleTrainee}, ""},
	{"新井 健一", "あらい けんいち", []model.Role{model.RoleVisitor}, ""},
	{"黒澤 典子", "くろさわ のりこ", []model.Role{model.RoleMember}, ""},
}

type child struct {
	guardian       int
	name, reading  string
	ageDays        int
	allergy, notes string
	pickups        []model.PickupPerson
}

var children = []child{
	{0, "山田 陽翔", "やまだ はると", 2*365 + 40, "卵アレルギー（加熱卵も不可）", "", []model.PickupPerson{{Name: "山田 和子", Relation: "祖母"}}},
	{0, "山田 結衣", "やまだ ゆい", 300, "", "午睡は11時ごろ", nil},
	{1, "佐々木 蓮", "ささき れん", 4*365 + 100, "", "", []model.PickupPerson{{Name: "佐々木 健", Relation: "父"}}},
	{2, "高橋 芽依", "たかはし めい", 1*365 + 200, "乳アレルギー", "エピペンなし。おやつは持参", nil},
	{3, "田中 湊", "たなか みなと", 3*365 + 10, "", "", []model.PickupPerson{{Name: "田中 誠", Relation: "父"}, {Name: "田中 節子", Relation: "祖母"}}},
	{4, "伊藤 凛", "いとう りん", 5*365 + 80, "小麦アレルギー", "", nil},
	{5, "渡辺 蒼", "わたなべ あおい", 2*365 + 150, "", "", nil},
	{6, "中村 咲良", "なかむら さくら", 200, "", "ミルクは持参", []model.PickupPerson{{Name: "中村 洋子", Relation: "祖母"}}},
	{8, "強矢 大和", "すねや やまと", 1*365 + 30, "そばアレルギー", "", nil},
}

// FillIfEmpty opens the database at path and, when it has no people yet, fills it with the demo
// as of now. The store is closed again before it returns.
func FillIfEmpty(path string, now time.Time) error {
	_, err := Fill(path, now)
	return err
}

// Fill is FillIfEmpty that also says whether it filled the file (false: it already held people,
// and nothing was written).
func Fill(path string, now time.Time) (filled bool, err error) {
	clk := &clock{t: now}
	s, err := store.Open(path, store.Options{Clock: clk})
	if err != nil {
		return false, err
	}
	defer s.Close()
	ps, err := s.People()
	if err != nil {
		return false, err
	}
	if len(ps) > 0 {
		return false, nil
	}
	return true, fill(s, clk, now)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// fill writes the demo. Errors in the demo's own data are bugs, so they panic inside and come
// back as an error.
func fill(s *store.Store, clk *clock, now time.Time) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("demo: %v", r)
		}
	}()
	today := model.DateOf(now)
	at := func(d model.Date, hhmm string) time.Time {
		c := must(model.ParseClock(hhmm))
		return d.At(c)
	}
	set := func(t time.Time) { clk.t = t }

	set(at(today.AddDays(-120), "9:00"))
	s.SetStaff(Staff)
	must(s.AddStaff(model.Staff{Name: Staff}))
	must(s.AddStaff(model.Staff{Name: "田中 恵"}))

	var ids []uint64
	for _, p := range people {
		pp := must(model.NewPerson(model.PersonInput{Name: p.name, Reading: p.reading, Roles: p.roles, Phone: p.phone}))
		ids = append(ids, must(s.CreatePerson(pp)).ID)
	}
	var kids []model.Child
	for _, c := range children {
		birth := today.AddDays(-c.ageDays)
		cc := must(model.NewChild(model.ChildInput{GuardianID: ids[c.guardian], Name: c.name, Reading: c.reading,
			BirthDate: birth.String(), Allergies: c.allergy, CareNotes: c.notes, Pickups: c.pickups}, today))
		kids = append(kids, must(s.CreateChild(cc)))
	}

	// Courses: an info seminar, the five-session 育成講座 (the last session today), an OJT course.
	fy := model.FiscalYear(today)
	seminar := must(s.CreateCourse(must(model.NewCourse(model.CourseInput{Kind: model.CourseSeminar, Name: "テレワーク周知セミナー", FiscalYear: fy, MinSessions: 1}))))
	basic := must(s.CreateCourse(must(model.NewCourse(model.CourseInput{Kind: model.CourseBasic, Name: "育成講座 第2期", FiscalYear: fy}))))
	ojt := must(s.CreateCourse(must(model.NewCourse(model.CourseInput{Kind: model.CourseOJT, Name: "OJT研修 スキルアップ", FiscalYear: fy, MinSessions: 2}))))
	session := func(c model.Course, d model.Date, start, end, title string) model.SessionInput {
		return model.SessionInput{CourseID: c.ID, Date: d.String(), Start: start, End: end, Title: title, Place: "長若集学校 多目的室", Capacity: 12}
	}
	var ins []model.Session
	ins = append(ins, must(model.NewSession(session(seminar, today.AddDays(-49), "10:00", "11:30", "テレワークってなに？"))))
	for i, title := range []string{"PC基礎", "業務ツール活用", "SNSマーケティング", "WEBライティング", "仕上げと振り返り"} {
		ins = append(ins, must(model.NewSession(session(basic, today.AddDays(-7*(4-i)), "10:00", "12:00", title))))
	}
	for i, title := range []string{"クラウドソーシングで受注する", "納品と請求書", "目標設定と行動計画"} {
		ins = append(ins, must(model.NewSession(session(ojt, today.AddDays(-14+7*i), "13:30", "15:30", title))))
	}
	sessions := must(s.CreateSessions(ins))

	// Enrolment and attendance: seminar ← 0..17, basic ← 0..11, OJT ← 0,1,3,5.
	marks := []model.Mark{model.MarkPresent, model.MarkPresent, model.MarkLate, model.MarkPresent, model.MarkExcused, model.MarkPresent, model.MarkLeftEarly, model.MarkAbsent}
	enrol := func(c model.Course, who []int) {
		for _, i := range who {
			must(s.Enroll(c.ID, ids[i]))
		}
	}
	rangeN := func(n int) []int {
		r := make([]int, n)
		for i := range r {
			r[i] = i
		}
		return r
	}
	set(at(today.AddDays(-60), "10:00"))
	enrol(seminar, rangeN(18))
	enrol(basic, rangeN(12))
	enrol(ojt, []int{0, 1, 3, 5})
	for si, se := range sessions {
		if !se.Date.Before(today) {
			continue // today's and future rolls are for staff to take
		}
		set(se.Date.At(se.End))
		var who []int
		switch se.CourseID {
		case seminar.ID:
			who = rangeN(18)
		case basic.ID:
			who = rangeN(12)
		default:
			who = []int{0, 1, 3, 5}
		}
		for k, i := range who {
			m := marks[(k+si)%len(marks)]
			must(s.SetMark(must(model.NewAttendance(se.ID, ids[i], m, ""))))
		}
	}

	// Jobs in every status.
	set(at(today.AddDays(-45), "11:00"))
	local := must(s.CreateClient(must(model.NewClient("小鹿野町観光協会", true, "町内のイベント情報"))))
	bakery := must(s.CreateClient(must(model.NewClient("おがのベーカリー", true, ""))))
	tokyo := must(s.CreateClient(must(model.NewClient("東京ウェブ制作株式会社", false, "クラウドソーシング経由"))))
	type jobSpec struct {
		title, cat     string
		client         model.Client
		who            int
		price, qty     string
		unit, fee, due string
		hours          string
		to             []model.JobStatus
	}
	qa := must(s.Settings()).QAChecklist
	specs := []jobSpec{
		{"観光協会ブログ記事（秋の紅葉）", "ライティング", local, 0, "3000", "4", "件", "0", today.AddDays(-20).String(), "6", []model.JobStatus{model.JobAccepted, model.JobInProgress, model.JobQA, model.JobDelivered, model.JobInvoiced, model.JobPaid}},
		{"パン屋のInstagram投稿代行 11月分", "SNS運用", bakery, 1, "1500", "12", "件", "0", today.AddDays(-2).String(), "9", []model.JobStatus{model.JobAccepted, model.JobInProgress, model.JobQA, model.JobDelivered, model.JobInvoiced}},
		{"商品データ入力（300件）", "データ入力", tokyo, 3, "20", "300", "件", "20", today.String(), "5.5", []model.JobStatus{model.JobAccepted, model.JobInProgress, model.JobQA, model.JobDelivered}},
		{"観光パンフレット文字起こし", "ライティング", local, 5, "1", "8000", "文字", "0", today.AddDays(3).String(), "", []model.JobStatus{model.JobAccepted, model.JobInProgress, model.JobQA}},
		{"ECサイト商品説明文 20本", "ライティング", tokyo, 0, "800", "20", "本", "20", today.AddDays(-1).String(), "4", []model.JobStatus{model.JobAccepted, model.JobInProgress}},
		{"イベント告知チラシ案", "デザイン", local, 7, "5000", "1", "件", "0", today.AddDays(10).String(), "", []model.JobStatus{model.JobAccepted}},
		{"アンケート集計入力", "データ入力", tokyo, 12, "2000", "3", "時間", "20", today.AddDays(14).String(), "", nil},
		{"求人票リライト", "ライティング", tokyo, 24, "1200", "5", "件", "20", today.AddDays(-5).String(), "", []model.JobStatus{model.JobCancelled}},
		{"町の広報SNS画像 10枚", "デザイン", local, 1, "1000", "10", "枚", "0", today.AddDays(2).String(), "3", []model.JobStatus{model.JobAccepted, model.JobInProgress, model.JobQA, model.JobReturned}},
	}
	for k, sp := range specs {
		set(at(today.AddDays(-40+k), "10:00"))
		j := must(s.CreateJob(must(model.NewJob(model.JobInput{Title: sp.title, Category: sp.cat, ClientID: sp.client.ID, PersonID: ids[sp.who],
			UnitPrice: sp.price, Quantity: sp.qty, Unit: sp.unit, FeePercent: sp.fee, Due: sp.due, Hours: sp.hours}))))
		for n, to := range sp.to {
			set(at(today.AddDays(-38+k+2*n), "15:00"))
			m := model.Move{To: to}
			switch to {
			case model.JobReturned:
				m.Reason = "画像サイズが指定と違うため修正をお願いします"
			case model.JobDelivered:
				must(s.SetChecklist(j.ID, qa))
			case model.JobPaid:
				m.Amount, m.On = j.Amount(), model.DateOf(clk.t)
			case model.JobCancelled:
				m.Reason = "発注元の都合で中止"
			}
			j = must(s.MoveJob(j.ID, m))
			if n == 1 {
				must(s.AddJobNote(j.ID, "作業の進め方を一緒に確認。不明点はチャットで相談できるよう案内"))
			}
		}
	}

	// Kids space: yesterday's slots (done), today's, tomorrow's.
	slot := func(d model.Date, start, end string, capacity, caregivers int) model.ChildcareSlot {
		return must(s.CreateSlot(must(model.NewSlot(model.SlotInput{Date: d.String(), Start: start, End: end, Capacity: capacity, Caregivers: caregivers}))))
	}
	set(at(today.AddDays(-10), "9:00"))
	yesterday := today.AddDays(-1)
	ym := slot(yesterday, "9:30", "12:30", 6, 2)
	b := must(s.Book(ym.ID, kids[0].ID, ids[0], false))
	set(at(yesterday, "9:35"))
	must(s.DropOff(b.ID))
	set(at(yesterday, "12:20"))
	must(s.PickUp(b.ID, must(model.NewCollector(kids[0], model.Person{Name: people[0].name}, "山田 和子", "", false, ""))))
	set(at(today.AddDays(-3), "9:00"))
	nb := must(s.Book(ym.ID, kids[2].ID, ids[1], false))
	set(at(yesterday, "12:31"))
	must(s.NoShow(nb.ID))

	// Today: a slot around now with children in care, and an afternoon slot with a waitlist.
	nowClock := model.ClockOf(now)
	start := max(min(nowClock-90, 20*60), 0) / 30 * 30
	cur := slot(today, model.ClockTime(start).String(), model.ClockTime(start+180).String(), 6, 2)
	later := slot(today, model.ClockTime(start+210).String(), model.ClockTime(min(start+390, 24*60)).String(), 3, 2)
	slot(today.AddDays(1), "9:30", "12:30", 6, 2)
	slot(today.AddDays(1), "13:00", "16:00", 6, 2)
	set(at(today.AddDays(-2), "14:00"))
	var inCare []model.Booking
	for _, k := range []int{0, 3, 4} {
		inCare = append(inCare, must(s.Book(cur.ID, kids[k].ID, kids[k].GuardianID, false)))
	}
	waitFor := must(s.Book(cur.ID, kids[8].ID, kids[8].GuardianID, false))
	must(s.Book(later.ID, kids[5].ID, kids[5].GuardianID, false))
	must(s.Book(later.ID, kids[2].ID, kids[2].GuardianID, false))
	must(s.Book(later.ID, kids[6].ID, kids[6].GuardianID, true))
	must(s.Book(later.ID, kids[1].ID, kids[1].GuardianID, true))

	// People checked in right now, the guardians of children in care among them.
	here := []struct {
		who     int
		minutes int
		purpose model.Purpose
	}{{0, 85, model.PurposeCoworking}, {2, 80, model.PurposeCourse}, {3, 70, model.PurposeCoworking}, {15, 60, model.PurposeCoworking}, {28, 20, model.PurposeTour}}
	for _, h := range here {
		set(now.Add(-time.Duration(h.minutes) * time.Minute))
		must(s.CheckIn(ids[h.who], h.purpose))
	}
	// earlier today, already gone (a short consultation within the last hour and a half, so it
	// falls inside opening hours on the demo's morning clock)
	set(now.Add(-80 * time.Minute))
	must(s.CheckIn(ids[16], model.PurposeConsult))
	set(now.Add(-45 * time.Minute))
	must(s.CheckOut(ids[16]))
	for i, b := range inCare {
		set(now.Add(-time.Duration(80-i*5) * time.Minute))
		must(s.DropOff(b.ID))
	}
	_ = waitFor
	set(now)
	return nil
}
