package store

import (
	"container/heap"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/nagawaka/madoguchi/model"
)

// Generate builds a believable history of the programme into a new database file at path, for
// benchmarks and for trying madoguchi with years of data: about 300 people (some with children),
// about 60 visits and 10 childcare bookings per open day, a seminar, a 育成講座 cohort and an OJT
// course per 年度 with weekly sessions and attendance, about 200 jobs a year with their history,
// the day closes, and every audit entry all of that implies, each stamped with its historical time.
//
// Everything is written through the transaction helpers the public methods are thin wrappers of
// (t.book behind Book, t.moveJob behind MoveJob, ...; one bbolt Update per month, the clock set
// before each operation), so records, indexes and audit entries are exactly what the app would
// have written; TestGenWritesMatchPublicMethods checks it. The same options (Seed, Now, Years,
// Months, People) give the same logical content. The file is built under a temporary name without
// fsync, synced once, and renamed to path; an existing file is never touched.
func Generate(path string, opts GenOptions) error {
	if opts.Years < 0 || opts.Months < 0 || opts.Years*12+opts.Months < 1 || opts.Years*12+opts.Months > 50*12 {
		return model.Invalid("years", "期間は1か月から50年までで指定してください", "The history must be 1 month to 50 years long")
	}
	if opts.People == 0 {
		opts.People = 300
	}
	if opts.People < 10 || opts.People > 100_000 {
		return model.Invalid("people", "人数は10〜100000人で指定してください", "People must be 10 to 100000")
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	opts.Now = opts.Now.Truncate(time.Second)
	if st, err := os.Stat(path); err == nil && (st.IsDir() || st.Size() > 0) {
		return &model.Error{Kind: model.ErrConflict, Msg: model.T(
			fmt.Sprintf("%s はすでにあります。新しいファイル名を指定してください（既存のデータベースには書き込みません）", path),
			fmt.Sprintf("%s already exists; give a new file name (gen never writes into an existing database)", path))}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return pathError(path, err)
	}
	tmp := fmt.Sprintf("%s.gen-%d.tmp", path, os.Getpid())
	_ = os.Remove(tmp)
	err := generate(tmp, opts)
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil { // make the rename durable
		_ = d.Sync()
		d.Close()
	}
	if opts.Stats != nil {
		if st, err := os.Stat(path); err == nil {
			opts.Stats.Bytes = st.Size()
		}
	}
	return nil
}

// GenOptions shape a generated history.
type GenOptions struct {
	// Years and Months are the length of the history, ending at Now (Years 10; or Months 1).
	Years, Months int
	// Seed drives every random choice (math/rand/v2 PCG).
	Seed uint64
	// Now is the end of history: nothing after it is written, so on Now's day people are still
	// in and children still in care. Zero means the system clock.
	Now time.Time
	// People is how many people the programme has had (default 300).
	People int
	// Stats, when non-nil, is filled with what was written.
	Stats *GenStats
}

// GenStats counts what Generate wrote.
type GenStats struct {
	From, To                                  model.Date
	People, Children, Staff, Visits, Slots    int
	Bookings, Courses, Sessions, Enrollments  int
	Marks, Clients, Jobs, JobEvents, DayClose int
	Audit                                     int
	Bytes                                     int64
}

// String sums the counts up in one line.
func (s GenStats) String() string {
	return fmt.Sprintf("%s..%s: %d people, %d children, %d visits, %d slots, %d bookings, %d courses, %d sessions, %d marks, %d clients, %d jobs, %d job events, %d day closes, %d audit entries, %.1f MB",
		s.From, s.To, s.People, s.Children, s.Visits, s.Slots, s.Bookings, s.Courses, s.Sessions, s.Marks, s.Clients, s.Jobs, s.JobEvents, s.DayClose, s.Audit, float64(s.Bytes)/1e6)
}

// GeneratePeople returns n validated people with believable kanji names and hiragana readings
// (ids 1..n, not stored), for search benchmarks. The same seed gives the same people.
func GeneratePeople(seed uint64, n int) []model.Person {
	r := rand.New(rand.NewPCG(seed, 0x5eed_9e09))
	out := make([]model.Person, 0, n)
	for i := 0; i < n; i++ {
		p, err := model.NewPerson(genPersonInput(r))
		if err != nil {
			panic(err) // the name tables are the generator's own: a bug
		}
		p.ID = uint64(i + 1)
		p.Created = time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
		out = append(out, p)
	}
	return out
}

// ---- the event loop ----

// genEvent is one thing that happens at a moment of the history; do runs inside the month's
// transaction with t.now already set to at.
type genEvent struct {
	at  time.Time
	seq uint64
	do  func(t *tx) error
}

type genQueue []genEvent

func (q genQueue) Len() int { return len(q) }
func (q genQueue) Less(i, j int) bool {
	if !q[i].at.Equal(q[j].at) {
		return q[i].at.Before(q[j].at)
	}
	return q[i].seq < q[j].seq
}
func (q genQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *genQueue) Push(x any)   { *q = append(*q, x.(genEvent)) }
func (q *genQueue) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}

// genLookahead is how far ahead of the day being written days are planned: slots are created a
// week before their day and bookings come in during that week.
const genLookahead = 8

type generator struct {
	opts        GenOptions
	s           *Store
	rng         *rand.Rand
	first, last model.Date // first and last (Now's) day of the history
	start, now  time.Time
	q           genQueue
	seq         uint64
	planned     model.Date

	openDays  []model.Date
	people    []*genPerson // in registration order
	children  []*genChild
	clients   []*genClient
	staff     []genStaff
	sessions  map[model.Date][]*genSession // looked up by day only, never ranged over
	basicDone []bool                       // person took a 育成講座 already
	jobPools  map[int][]*genPerson         // by 年度, looked up only
}

type genPerson struct {
	idx        int
	in         model.PersonInput
	regAt      time.Time
	walkIn     bool
	weight     float64
	teleworker bool
	trainee    bool
	visitor    bool
	id         uint64
}

type genChild struct {
	guardian *genPerson
	in       model.ChildInput
	birth    model.Date
	regAt    time.Time
	id       uint64
}

type genClient struct {
	name  string
	local bool
	note  string
	at    time.Time
	id    uint64
}

type genStaff struct {
	name     string
	from, to model.Date // on duty from..to (to exclusive; zero: open)
}

type genSession struct {
	se    model.Session
	marks []genMark
}

type genMark struct {
	p    *genPerson
	mark model.Mark
	note string
}

// at schedules fn at the moment when (never before the history starts; dropped after Now).
func (g *generator) at(when time.Time, fn func(t *tx) error) {
	if when.Before(g.start) {
		when = g.start
	}
	if when.After(g.now) {
		return
	}
	g.seq++
	heap.Push(&g.q, genEvent{at: when, seq: g.seq, do: fn})
}

func generate(path string, opts GenOptions) error {
	now := opts.Now.In(model.Tokyo)
	from := now.AddDate(-opts.Years, -opts.Months, 0)
	g := &generator{
		opts:     opts,
		rng:      rand.New(rand.NewPCG(opts.Seed, 0x9e3779b97f4a7c15)),
		first:    model.DateOf(from),
		last:     model.DateOf(now),
		now:      now,
		sessions: map[model.Date][]*genSession{},
		jobPools: map[int][]*genPerson{},
	}
	g.start = g.first.At(8 * 60)
	if !g.start.Before(g.now) {
		g.start = g.now.Add(-time.Hour)
	}
	for d := g.first; !d.After(g.last); d = d.AddDays(1) {
		if genOpen(d) {
			g.openDays = append(g.openDays, d)
		}
	}
	if len(g.openDays) == 0 {
		g.openDays = []model.Date{g.last}
	}

	s, err := Open(path, Options{Clock: model.FixedClock{T: g.start}})
	if err != nil {
		return err
	}
	g.s = s
	// A fresh file nobody else reads: skip fsync while building, sync once at the end.
	s.db.NoSync, s.db.NoGrowSync = true, true
	if err := g.run(); err != nil {
		s.Close()
		return err
	}
	if opts.Stats != nil {
		*opts.Stats = g.count()
	}
	s.db.NoSync, s.db.NoGrowSync = false, false
	if err := s.db.Sync(); err != nil {
		s.Close()
		return storageError(err)
	}
	return s.Close()
}

func (g *generator) run() error {
	g.planStaff()
	g.planClients()
	g.planPeople()
	g.planned = g.first.AddDays(-1)
	cur := ""
	day := g.first
	for !day.After(g.last) {
		next := model.NewDate(day.Year, day.Month+1, 1)
		err := g.s.db.Update(func(btx *bolt.Tx) error {
			t := &tx{Tx: btx, s: g.s}
			for ; day.Before(next) && !day.After(g.last); day = day.AddDays(1) {
				g.planThrough(day.AddDays(genLookahead))
				limit := day.AddDays(1).Start()
				for g.q.Len() > 0 && g.q[0].at.Before(limit) {
					e := heap.Pop(&g.q).(genEvent)
					if st := g.staffOn(model.DateOf(e.at)); st != cur {
						g.s.SetStaff(st)
						cur = st
					}
					t.now = e.at.UTC()
					if err := e.do(t); err != nil {
						return fmt.Errorf("gen: %s: %w", e.at.Format(time.DateTime), err)
					}
				}
			}
			return nil
		})
		if err != nil {
			return storageError(err)
		}
	}
	return nil
}

// planThrough plans every day up to and including d.
func (g *generator) planThrough(d model.Date) {
	for g.planned.Before(d) {
		g.planned = g.planned.AddDays(1)
		p := g.planned
		if p == g.first || (p.Month == time.April && p.Day == 1) {
			g.planCourses(model.FiscalYear(p))
		}
		if genOpen(p) {
			g.planDay(p)
		}
	}
}

func (g *generator) count() GenStats {
	st := GenStats{From: g.first, To: g.last}
	_ = g.s.view(func(t *tx) error {
		seq := func(b []byte) int { return int(t.b(b).Sequence()) }
		keys := func(b []byte) int { return t.b(b).Stats().KeyN }
		st.People, st.Children, st.Staff, st.Visits = seq(bPeople), seq(bChildren), seq(bStaff), seq(bVisits)
		st.Slots, st.Bookings, st.Courses, st.Sessions = seq(bSlots), seq(bBookings), seq(bCourses), seq(bSessions)
		st.Enrollments, st.Marks, st.Clients, st.Jobs = keys(bEnroll), keys(bAttend), seq(bClients), seq(bJobs)
		st.JobEvents, st.DayClose, st.Audit = seq(bEvents), keys(bDayClose), seq(bAudit)
		return nil
	})
	return st
}

// ---- calendar ----

// genHolidays are the fixed-date days the space is closed besides weekends (month*100+day).
var genHolidays = map[int]bool{101: true, 102: true, 103: true, 211: true, 223: true, 429: true, 503: true,
	504: true, 505: true, 811: true, 1103: true, 1123: true, 1229: true, 1230: true, 1231: true}

// genOpen reports whether the space is open on d: weekdays, less the fixed holidays.
func genOpen(d model.Date) bool {
	w := d.Weekday()
	return w != time.Saturday && w != time.Sunday && !genHolidays[int(d.Month)*100+d.Day]
}

// genDayNum numbers days, to seed each day's own random stream.
func genDayNum(d model.Date) uint64 {
	return uint64(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dayRand is the random stream of one day: the same day gets the same counts whatever the span.
func (g *generator) dayRand(d model.Date, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.opts.Seed^stream, genDayNum(d)))
}

func hm(d model.Date, h, m int) time.Time { return d.At(model.ClockTime(h*60 + m)) }

func mins(n int) time.Duration { return time.Duration(n) * time.Minute }

// ---- staff ----

func (g *generator) planStaff() {
	span := g.last.Start().Sub(g.first.Start())
	frac := func(f float64) model.Date { return model.DateOf(g.first.Start().Add(time.Duration(float64(span) * f))) }
	g.staff = []genStaff{
		{"佐藤 由美", g.first, model.Date{}},
		{"田中 恵", g.first, frac(0.6)},
		{"新井 智也", frac(0.3), frac(0.8)},
		{"小池 瑞穂", frac(0.55), model.Date{}},
	}
	for _, st := range g.staff {
		at := g.start
		if st.from != g.first {
			at = hm(st.from, 8, 40)
		}
		name := st.name
		g.at(at, func(t *tx) error { _, err := t.addStaff(model.Staff{Name: name}); return err })
	}
}

// staffOn is who is at the desk on d: the staff then employed, in turn.
func (g *generator) staffOn(d model.Date) string {
	var on []string
	for _, st := range g.staff {
		if !d.Before(st.from) && (st.to.IsZero() || d.Before(st.to)) {
			on = append(on, st.name)
		}
	}
	if len(on) == 0 {
		return g.staff[0].name
	}
	return on[genDayNum(d)%uint64(len(on))]
}

// ---- people and children ----

func (g *generator) randomOpenInstant(r *rand.Rand, from, to int) time.Time {
	d := g.openDays[r.IntN(len(g.openDays))]
	return hm(d, 0, from+r.IntN(to-from)).Add(time.Duration(r.IntN(60)) * time.Second)
}

func (g *generator) planPeople() {
	r := g.rng
	n := g.opts.People
	initial := max(n/4, 1)
	for i := 0; i < n; i++ {
		p := &genPerson{}
		in := genPersonInput(r)
		p.in = in
		if i < initial {
			p.regAt = g.start.Add(time.Duration(i*10) * time.Second)
		} else {
			p.regAt = g.randomOpenInstant(r, 9*60, 16*60)
			p.walkIn = r.IntN(10) < 6
		}
		for _, role := range in.Roles {
			p.teleworker = p.teleworker || role == model.RoleTeleworker
			p.trainee = p.trainee || role == model.RoleTrainee
			p.visitor = p.visitor || role == model.RoleVisitor
		}
		switch x := r.IntN(10); {
		case x == 0:
			p.weight = 8 // comes nearly every day
		case x < 5:
			p.weight = 2
		default:
			p.weight = 0.5
		}
		g.people = append(g.people, p)
	}
	sort.SliceStable(g.people, func(i, j int) bool { return g.people[i].regAt.Before(g.people[j].regAt) })
	for i, p := range g.people {
		p.idx = i
	}
	g.basicDone = make([]bool, len(g.people))

	for _, p := range g.people {
		p := p
		g.at(p.regAt, func(t *tx) error {
			pp, err := model.NewPerson(p.in)
			if err != nil {
				return err
			}
			if pp, err = t.createPerson(pp); err != nil {
				return err
			}
			p.id = pp.ID
			if p.walkIn { // RegisterAndCheckIn: one transaction in the app, one event here
				purpose := model.PurposeCoworking
				if p.visitor {
					purpose = model.PurposeTour
				}
				_, err = t.checkIn(p.id, purpose)
			}
			return err
		})
		if p.walkIn {
			out := p.regAt.Add(mins(30 + r.IntN(150)))
			if close := hm(model.DateOf(p.regAt), 16, 59); out.After(close) {
				out = close
			}
			g.at(out, func(t *tx) error { _, err := t.checkOut(p.id, t.now, false); return err })
		}
		g.planChildren(r, p)
	}
	sort.SliceStable(g.children, func(i, j int) bool { return g.children[i].regAt.Before(g.children[j].regAt) })
	for _, c := range g.children {
		c := c
		g.at(c.regAt, func(t *tx) error {
			c.in.GuardianID = c.guardian.id
			cc, err := model.NewChild(c.in, model.DateOf(t.now))
			if err != nil {
				return err
			}
			if cc, err = t.createChild(cc); err != nil {
				return err
			}
			c.id = cc.ID
			return nil
		})
	}
}

func (g *generator) planChildren(r *rand.Rand, p *genPerson) {
	if r.IntN(100) >= 32 {
		return
	}
	reg := model.DateOf(p.regAt)
	birth := reg.AddDays(-(60 + r.IntN(4*365)))
	kids := 1
	if r.IntN(10) < 3 {
		kids = 2
	}
	for k := 0; k < kids; k++ {
		c := &genChild{guardian: p, birth: birth, regAt: p.regAt.Add(mins(2 + k))}
		if birth.After(reg.AddDays(-30)) { // a younger sibling, registered once old enough
			c.regAt = hm(birth.AddDays(120+r.IntN(300)), 10, r.IntN(60))
		}
		given := genKidNames[r.IntN(len(genKidNames))]
		c.in = model.ChildInput{
			Name:      p.in.Name[:genSurnameLen(p.in.Name)] + " " + given.kanji,
			Reading:   p.in.Reading[:genSurnameLen(p.in.Reading)] + " " + given.kana,
			BirthDate: birth.String(),
		}
		if r.IntN(100) < 12 {
			c.in.Allergies = genAllergies[r.IntN(len(genAllergies))]
		}
		if r.IntN(100) < 15 {
			c.in.CareNotes = genCareNotes[r.IntN(len(genCareNotes))]
		}
		if r.IntN(100) < 50 {
			rel := genPickups[r.IntN(len(genPickups))]
			given := genGiven[r.IntN(len(genGiven))]
			c.in.Pickups = []model.PickupPerson{{Name: p.in.Name[:genSurnameLen(p.in.Name)] + " " + given.kanji, Relation: rel}}
		}
		if !c.regAt.After(g.now) {
			g.children = append(g.children, c)
		}
		birth = birth.AddDays(500 + r.IntN(700))
	}
}

// genSurnameLen is the byte length of the surname in "姓 名".
func genSurnameLen(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return i
		}
	}
	return len(s)
}

// genPersonInput draws one person as staff would type them in.
func genPersonInput(r *rand.Rand) model.PersonInput {
	sn := genSurnames[r.IntN(len(genSurnames))]
	gn := genGiven[r.IntN(len(genGiven))]
	in := model.PersonInput{Name: sn.kanji + " " + gn.kanji, Reading: sn.kana + " " + gn.kana}
	switch x := r.IntN(100); {
	case x < 30:
		in.Roles = []model.Role{model.RoleTrainee}
	case x < 55:
		in.Roles = []model.Role{model.RoleTrainee, model.RoleTeleworker}
	case x < 65:
		in.Roles = []model.Role{model.RoleTeleworker}
	case x < 95:
		in.Roles = []model.Role{model.RoleMember}
	default:
		in.Roles = []model.Role{model.RoleVisitor}
	}
	if r.IntN(100) < 45 {
		in.Phone = fmt.Sprintf("0%d0-%04d-%04d", 7+r.IntN(3), r.IntN(10000), r.IntN(10000))
		if r.IntN(4) == 0 {
			in.Phone = fmt.Sprintf("0494-%02d-%04d", 75+r.IntN(5), r.IntN(10000))
		}
	}
	if r.IntN(100) < 30 {
		in.Email = fmt.Sprintf("%s.%s%d@example.jp", model.Romaji(gn.kana), model.Romaji(sn.kana), r.IntN(100))
	}
	if r.IntN(100) < 8 {
		in.Notes = genPersonNotes[r.IntN(len(genPersonNotes))]
	}
	return in
}

// ---- clients ----

func (g *generator) planClients() {
	r := g.rng
	for i, c := range genClientNames {
		gc := &genClient{name: c.name, local: c.local, note: c.note}
		if i < len(genClientNames)/3 {
			gc.at = g.start.Add(mins(20 + i))
		} else {
			gc.at = g.randomOpenInstant(r, 11*60, 12*60)
		}
		g.clients = append(g.clients, gc)
	}
	sort.SliceStable(g.clients, func(i, j int) bool { return g.clients[i].at.Before(g.clients[j].at) })
	for _, c := range g.clients {
		c := c
		g.at(c.at, func(t *tx) error {
			cl, err := model.NewClient(c.name, c.local, c.note)
			if err != nil {
				return err
			}
			cl, err = t.createClient(cl)
			c.id = cl.ID
			return err
		})
	}
}

// ---- courses ----

// nthWeekday is the n-th (1-based) given weekday of a month.
func nthWeekday(y int, m time.Month, w time.Weekday, n int) model.Date {
	d := model.NewDate(y, m, 1)
	for d.Weekday() != w {
		d = d.AddDays(1)
	}
	return d.AddDays(7 * (n - 1))
}

// weekly lists n held dates (open days) from first on, a week apart.
func weekly(first model.Date, n int) []model.Date {
	var out []model.Date
	for d := first; len(out) < n; d = d.AddDays(7) {
		if genOpen(d) {
			out = append(out, d)
		}
	}
	return out
}

var genBasicTitles = []string{"PC基礎", "業務ツール活用", "SNSマーケティング", "WEBライティング", "画像編集の基本", "表計算の活用", "クラウドソーシング入門", "仕上げと振り返り"}
var genStudyTitles = []string{"案件の進め方を共有", "ツール紹介", "ポートフォリオ相談", "もくもく会"}
var genOJTTitles = []string{"クラウドソーシングで受注する", "見積もりと契約", "納品と請求書", "目標設定と行動計画", "案件の振り返り"}

// planCourses plans 年度 fy's seminar, 育成講座 cohort, OJT course and weekly study group with
// their sessions, enrolments and attendance.
func (g *generator) planCourses(fy int) {
	r := rand.New(rand.NewPCG(g.opts.Seed^0xc0, uint64(fy)))
	created := hm(model.NewDate(fy, time.April, 10), 14, 0)
	if created.Before(g.start) {
		created = g.start.Add(mins(10))
	}
	if created.After(g.now) {
		return
	}
	type plan struct {
		in          model.CourseInput
		dates       []model.Date
		start, end  model.ClockTime
		titles      []string
		place       string
		capacity    int
		enrolled    []*genPerson
		reliability []float64
	}
	eligible := g.registeredBefore(created)
	seminar := plan{in: model.CourseInput{Kind: model.CourseSeminar, Name: "テレワーク周知セミナー", FiscalYear: fy, MinSessions: 1},
		dates: []model.Date{nthWeekday(fy, time.May, time.Wednesday, 3)}, start: 10 * 60, end: 11*60 + 30,
		titles: []string{"テレワークってなに？"}, place: "長若集学校 多目的室", capacity: 40}
	basic := plan{in: model.CourseInput{Kind: model.CourseBasic, Name: "育成講座 第1期", FiscalYear: fy},
		dates: weekly(nthWeekday(fy, time.June, time.Tuesday, 1), 30), start: 10 * 60, end: 12 * 60,
		titles: genBasicTitles, place: "長若集学校 多目的室", capacity: 20}
	ojt := plan{in: model.CourseInput{Kind: model.CourseOJT, Name: "OJT研修 スキルアップ", FiscalYear: fy, MinSessions: 12},
		dates: weekly(nthWeekday(fy, time.October, time.Thursday, 1), 16), start: 13*60 + 30, end: 15*60 + 30,
		titles: genOJTTitles, place: "長若集学校 交流スペース", capacity: 12}

	study := plan{in: model.CourseInput{Kind: model.CourseStudy, Name: "テレワーク勉強会", FiscalYear: fy, MinSessions: 1},
		dates: weekly(nthWeekday(fy, time.April, time.Wednesday, 3), 46), start: 13*60 + 30, end: 15 * 60,
		titles: genStudyTitles, place: "長若集学校 交流スペース", capacity: 15}

	// who enrols: anyone for the seminar, trainees new to the course for the cohort, teleworkers
	// for the study group
	pick := func(pool []*genPerson, n int) []*genPerson {
		pool = append([]*genPerson(nil), pool...)
		r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		if len(pool) > n {
			pool = pool[:n]
		}
		sort.Slice(pool, func(i, j int) bool { return pool[i].idx < pool[j].idx })
		return pool
	}
	seminar.enrolled = pick(eligible, 15+r.IntN(11))
	var fresh, trainees []*genPerson
	for _, p := range eligible {
		if p.trainee {
			trainees = append(trainees, p)
			if !g.basicDone[p.idx] {
				fresh = append(fresh, p)
			}
		}
	}
	// OJT is for graduates: people from earlier cohorts (teleworkers first); in the history's
	// first 年度 there are none yet, so this year's cohort is asked instead
	var graduates []*genPerson
	for _, p := range eligible {
		if g.basicDone[p.idx] && (p.teleworker || r.IntN(3) == 0) {
			graduates = append(graduates, p)
		}
	}
	want := 10 + r.IntN(7)
	basic.enrolled = pick(fresh, want)
	if len(basic.enrolled) < want {
		basic.enrolled = pick(trainees, want)
	}
	for _, p := range basic.enrolled {
		g.basicDone[p.idx] = true
	}
	if len(graduates) < 5 {
		graduates = basic.enrolled
	}
	ojt.enrolled = pick(graduates, 5+r.IntN(5))
	var workers []*genPerson
	for _, p := range eligible {
		if p.teleworker {
			workers = append(workers, p)
		}
	}
	study.enrolled = pick(workers, 6+r.IntN(5))

	plans := []*plan{&seminar, &basic, &ojt, &study}
	for k, pl := range plans {
		var dates []model.Date
		for _, d := range pl.dates {
			if !d.Before(g.first) && d.At(pl.start).After(created) {
				dates = append(dates, d)
			}
		}
		if len(dates) == 0 || len(pl.enrolled) == 0 {
			continue
		}
		course := &model.Course{}
		cin := pl.in
		var sessions []*genSession
		for i, d := range dates {
			title := pl.titles[i%len(pl.titles)]
			if len(pl.dates) > 1 {
				title = fmt.Sprintf("第%d回 %s", i+1+len(pl.dates)-len(dates), title)
			}
			sessions = append(sessions, &genSession{se: model.Session{Date: d, Start: pl.start, End: pl.end, Title: title, Place: pl.place, Capacity: pl.capacity}})
		}
		at := created.Add(mins(3 * k))
		g.at(at, func(t *tx) error {
			c, err := model.NewCourse(cin)
			if err != nil {
				return err
			}
			*course, err = t.createCourse(c)
			return err
		})
		g.at(at.Add(mins(1)), func(t *tx) error {
			var ins []model.Session
			for _, gs := range sessions {
				se, err := model.NewSession(model.SessionInput{CourseID: course.ID, Date: gs.se.Date.String(), Start: gs.se.Start.String(),
					End: gs.se.End.String(), Title: gs.se.Title, Place: gs.se.Place, Capacity: gs.se.Capacity})
				if err != nil {
					return err
				}
				ins = append(ins, se)
			}
			out, err := t.createSessions(ins)
			for i := range out {
				sessions[i].se = out[i]
			}
			return err
		})
		// enrolments between creation and the day before the first session
		firstAt := dates[0].At(pl.start)
		window := firstAt.Add(-24 * time.Hour).Sub(at)
		for i, p := range pl.enrolled {
			when := at.Add(mins(2 + i))
			if window > time.Hour {
				when = at.Add(mins(2) + time.Duration(r.Int64N(int64(window))))
			}
			if !when.Before(firstAt) {
				when = firstAt.Add(-mins(30 - i%25))
			}
			p := p
			g.at(when, func(t *tx) error { _, err := t.enroll(course.ID, p.id); return err })
		}
		// attendance: each person has a reliability; marks are taken at the session's end
		pl.reliability = make([]float64, len(pl.enrolled))
		for i := range pl.reliability {
			pl.reliability[i] = 0.65 + 0.33*r.Float64()
		}
		for _, gs := range sessions {
			for i, p := range pl.enrolled {
				m, note := model.MarkPresent, ""
				if r.Float64() < pl.reliability[i] {
					switch x := r.IntN(100); {
					case x < 7:
						m, note = model.MarkLate, genLateNotes[r.IntN(len(genLateNotes))]
					case x < 12:
						m = model.MarkLeftEarly
					}
				} else if r.IntN(10) < 6 {
					m, note = model.MarkExcused, genExcusedNotes[r.IntN(len(genExcusedNotes))]
				} else {
					m = model.MarkAbsent
				}
				gs.marks = append(gs.marks, genMark{p: p, mark: m, note: note})
			}
			if r.IntN(100) < 4 { // a walk-in joins the session
				pool := g.registeredBefore(firstAt)
				if len(pool) > 0 {
					p := pool[r.IntN(len(pool))]
					known := false
					for _, e := range pl.enrolled {
						known = known || e == p
					}
					if !known {
						gs.marks = append(gs.marks, genMark{p: p, mark: model.MarkPresent})
					}
				}
			}
			g.sessions[gs.se.Date] = append(g.sessions[gs.se.Date], gs)
			gs := gs
			g.at(gs.se.Date.At(gs.se.End).Add(mins(3+r.IntN(10))), func(t *tx) error {
				for _, mk := range gs.marks {
					a, err := model.NewAttendance(gs.se.ID, mk.p.id, mk.mark, mk.note)
					if err != nil {
						return err
					}
					if _, err := t.setMark(a); err != nil {
						return err
					}
				}
				return nil
			})
		}
	}
}

// registeredBefore returns the people registered before at (people are in registration order).
func (g *generator) registeredBefore(at time.Time) []*genPerson {
	n := sort.Search(len(g.people), func(i int) bool { return !g.people[i].regAt.Before(at) })
	return g.people[:n]
}

// ---- one open day ----

// visitWindow is one person's stay on a day.
type visitWindow struct {
	in, out time.Time
	purpose model.Purpose
	set     bool
}

func (g *generator) planDay(d model.Date) {
	r := g.dayRand(d, 0xda1)
	// counts first, so a day has the same counts whatever the length of history
	nVisits := 60 + int(math.Round(r.NormFloat64()*6))
	nBook := 10 + r.IntN(5) - 2
	nJobs := 0
	for range 3 {
		if r.Float64() < 0.275 {
			nJobs++
		}
	}
	opening := hm(d, 8, 59) // who was registered before the doors opened may come today
	windows := make([]visitWindow, len(g.people))
	merge := func(p *genPerson, in, out time.Time, purpose model.Purpose) {
		w := &windows[p.idx]
		if !w.set {
			*w = visitWindow{in: in, out: out, purpose: purpose, set: true}
			return
		}
		if in.Before(w.in) {
			w.in = in
		}
		if out.After(w.out) {
			w.out = out
		}
		if purpose == model.PurposeCourse {
			w.purpose = purpose
		}
	}

	// kids space: two slots, created a week ahead; bookings come in during that week
	slotAt := hm(d.AddDays(-7), 16, 30)
	type slotPlan struct {
		sl model.ChildcareSlot
	}
	slots := []*slotPlan{
		{model.ChildcareSlot{Date: d, Start: 9*60 + 30, End: 12*60 + 30, Capacity: 6, Caregivers: 2}},
		{model.ChildcareSlot{Date: d, Start: 13 * 60, End: 16 * 60, Capacity: 6, Caregivers: 2}},
	}
	for i, sp := range slots {
		sp := sp
		g.at(slotAt.Add(time.Duration(i)*time.Second), func(t *tx) error {
			sl, err := model.NewSlot(model.SlotInput{Date: d.String(), Start: sp.sl.Start.String(), End: sp.sl.End.String(),
				Capacity: sp.sl.Capacity, Caregivers: sp.sl.Caregivers})
			if err != nil {
				return err
			}
			sp.sl, err = t.createSlot(sl)
			return err
		})
	}
	if !slotAt.Before(g.start) {
		slotAt = slotAt.Add(time.Minute)
	} else {
		slotAt = g.start.Add(time.Minute)
	}
	var kids []*genChild
	for _, c := range g.children {
		if c.regAt.Before(slotAt) && !c.birth.AddDays(180).After(d) && c.birth.AgeOn(d) <= 5 {
			kids = append(kids, c)
		}
	}
	r.Shuffle(len(kids), func(i, j int) { kids[i], kids[j] = kids[j], kids[i] })
	if len(kids) > nBook {
		kids = kids[:nBook]
	}
	for _, c := range kids {
		c := c
		sp := slots[0]
		if r.IntN(10) >= 6 {
			sp = slots[1]
		}
		bookAt := slotAt.Add(time.Duration(r.Int64N(max(int64(hm(d.AddDays(-1), 17, 0).Sub(slotAt)), int64(time.Minute)))))
		if !bookAt.After(slotAt) {
			bookAt = slotAt.Add(time.Second)
		}
		var bid uint64
		g.at(bookAt, func(t *tx) error {
			b, err := t.book(sp.sl.ID, c.id, c.guardian.id, true)
			bid = b.ID
			return err
		})
		slotStart, slotEnd := sp.sl.StartTime(), sp.sl.EndTime()
		switch x := r.IntN(100); {
		case x < 5: // cancelled after booking, before the slot
			cancelAt := bookAt.Add(time.Duration(r.Int64N(max(int64(slotStart.Sub(bookAt)), 1))))
			g.at(cancelAt, func(t *tx) error {
				_, err := t.cancelBooking(bid)
				return err
			})
			continue
		case x < 9: // never came
			g.at(slotStart.Add(mins(40)), func(t *tx) error {
				var b model.Booking
				if _, err := t.get(bBookings, u64(bid), &b); err != nil || b.Status != model.BookingBooked {
					return err
				}
				_, _, err := t.markNoShow(bid)
				return err
			})
			continue
		}
		drop := slotStart.Add(mins(r.IntN(25)) + time.Duration(r.IntN(60))*time.Second)
		pick := slotEnd.Add(-mins(r.IntN(20)) + time.Duration(r.IntN(60))*time.Second)
		if r.IntN(20) == 0 {
			pick = slotEnd.Add(mins(5 + r.IntN(20))) // late pick-up
		}
		byPickup := r.IntN(100) < 15
		g.at(drop, func(t *tx) error {
			var b model.Booking
			if _, err := t.get(bBookings, u64(bid), &b); err != nil || b.Status != model.BookingBooked {
				return err // waitlisted and never promoted: nothing to do
			}
			_, err := t.dropOff(bid)
			return err
		})
		g.at(pick, func(t *tx) error {
			var b model.Booking
			if _, err := t.get(bBookings, u64(bid), &b); err != nil || b.Status != model.BookingDroppedOff {
				return err
			}
			var ch model.Child
			var guardian model.Person
			if _, err := t.get(bChildren, u64(b.ChildID), &ch); err != nil {
				return err
			}
			if _, err := t.get(bPeople, u64(ch.GuardianID), &guardian); err != nil {
				return err
			}
			name := guardian.Name
			if byPickup && len(ch.Pickups) > 0 {
				name = ch.Pickups[0].Name
			}
			who, err := model.NewCollector(ch, guardian, name, "", false, "")
			if err != nil {
				return err
			}
			_, err = t.pickUp(bid, who)
			return err
		})
		merge(c.guardian, drop.Add(-mins(3+r.IntN(8))), pick.Add(mins(2+r.IntN(8))), model.PurposeCoworking)
	}

	// course sessions: those who attend come for the course
	for _, gs := range g.sessions[d] {
		for _, mk := range gs.marks {
			if !mk.mark.Attended() || !mk.p.regAt.Before(opening) {
				continue
			}
			in := d.At(gs.se.Start).Add(-mins(5 + r.IntN(15)))
			out := d.At(gs.se.End).Add(mins(5 + r.IntN(90)))
			switch mk.mark {
			case model.MarkLate:
				in = d.At(gs.se.Start).Add(mins(5 + r.IntN(20)))
			case model.MarkLeftEarly:
				out = d.At(gs.se.End).Add(-mins(20 + r.IntN(20)))
			}
			merge(mk.p, in, out, model.PurposeCourse)
		}
	}

	// everyone else who drops in, weighted by how often each person comes
	pool := g.registeredBefore(opening)
	have := 0
	for i := range pool {
		if windows[i].set {
			have++
		}
	}
	type keyed struct {
		p   *genPerson
		key float64
	}
	cand := make([]keyed, 0, len(pool))
	for _, p := range pool {
		if !windows[p.idx].set {
			cand = append(cand, keyed{p, math.Pow(r.Float64(), 1/p.weight)}) // Efraimidis–Spirakis
		}
	}
	sort.Slice(cand, func(i, j int) bool {
		if cand[i].key != cand[j].key {
			return cand[i].key > cand[j].key
		}
		return cand[i].p.idx < cand[j].p.idx
	})
	for _, c := range cand[:max(0, min(len(cand), nVisits-have))] {
		in := hm(d, 9, int(390*math.Pow(r.Float64(), 1.6))).Add(time.Duration(r.IntN(60)) * time.Second)
		out := in.Add(mins(40 + r.IntN(360)))
		if out.After(hm(d, 16, 59)) && r.IntN(10) < 7 {
			out = hm(d, 16, 30+r.IntN(29))
		}
		purpose := model.PurposeCoworking
		switch x := r.IntN(100); {
		case c.p.visitor:
			purpose = model.PurposeTour
		case x < 7:
			purpose = model.PurposeConsult
		case x < 11:
			purpose = model.PurposeOther
		}
		merge(c.p, in, out, purpose)
	}
	closing := hm(d, 17, 0)
	for i := range windows {
		w := windows[i]
		if !w.set {
			continue
		}
		p := g.people[i]
		if !w.out.After(w.in) {
			w.out = w.in.Add(mins(30))
		}
		g.at(w.in, func(t *tx) error { _, err := t.checkIn(p.id, w.purpose); return err })
		if w.out.Before(closing) {
			g.at(w.out, func(t *tx) error { _, err := t.checkOut(p.id, t.now, false); return err })
		}
	}
	// closing: check out whoever is still in, then close the day
	g.at(closing, func(t *tx) error { _, err := t.checkOutAll(t.now); return err })
	g.at(hm(d, 17, 10+r.IntN(20)), func(t *tx) error { _, err := t.closeDay(d, nil); return err })

	for k := 0; k < nJobs; k++ {
		g.planJob(r, d)
	}
}

// ---- jobs ----

type genJobKind struct {
	category, unit string
	titles         []string
	price          [2]int // yen per unit, min..max
	qty            [2]int
}

var genJobKinds = []genJobKind{
	{"データ入力", "件", []string{"商品データ入力", "名刺データ入力", "顧客リスト整備", "アンケート集計入力"}, [2]int{15, 60}, [2]int{100, 600}},
	{"ライティング", "本", []string{"観光ブログ記事（%s）", "ECサイト商品説明文", "店舗紹介記事", "求人票リライト"}, [2]int{800, 4000}, [2]int{2, 20}},
	{"ライティング", "文字", []string{"インタビュー文字起こし", "観光パンフレット文字起こし"}, [2]int{1, 3}, [2]int{3000, 12000}},
	{"SNS運用", "件", []string{"Instagram投稿代行（%s）", "町の広報SNS投稿"}, [2]int{1000, 1800}, [2]int{6, 15}},
	{"デザイン", "枚", []string{"SNS用画像", "イベント告知チラシ案（%s）", "バナー制作"}, [2]int{800, 6000}, [2]int{1, 10}},
	{"事務", "時間", []string{"請求書発行補助", "書類整理とスキャン"}, [2]int{1000, 1300}, [2]int{4, 30}},
}

var genSeasons = map[time.Month]string{1: "冬の味覚", 2: "梅まつり", 3: "春の花", 4: "桜", 5: "新緑", 6: "紫陽花", 7: "夏祭り",
	8: "川遊び", 9: "秋の味覚", 10: "紅葉", 11: "紅葉", 12: "年末年始"}

func (g *generator) planJob(r *rand.Rand, d model.Date) {
	offer := hm(d, 10, r.IntN(6*60))
	var workers []*genPerson
	for _, p := range g.registeredBefore(d.Start()) {
		if p.teleworker {
			workers = append(workers, p)
		}
	}
	var clients []*genClient
	for _, c := range g.clients {
		if c.at.Before(offer) {
			clients = append(clients, c)
		}
	}
	kind := genJobKinds[r.IntN(len(genJobKinds))]
	title := kind.titles[r.IntN(len(kind.titles))]
	var clientPick, workerPick int
	clientPick, workerPick = r.IntN(1<<20), r.IntN(1<<20)
	price := kind.price[0] + r.IntN(kind.price[1]-kind.price[0]+1)
	if kind.price[1] >= 1000 {
		price = price / 100 * 100
	}
	qty := kind.qty[0] + r.IntN(kind.qty[1]-kind.qty[0]+1)
	due := d.AddDays(7 + r.IntN(22))
	hours := ""
	if r.IntN(3) > 0 {
		hours = strconv.FormatFloat(float64(1+r.IntN(40))/2, 'f', -1, 64)
	}
	// the path the job takes, decided now; times follow each other
	declined := r.IntN(100) < 6
	abandoned := !declined && r.IntN(100) < 3
	returned := r.IntN(100) < 12
	note := r.IntN(100) < 60
	bankFee := r.IntN(100) < 8
	feePct := []string{"20", "10", "5"}[r.IntN(3)]
	inPool := r.IntN(100) < 93
	if len(workers) == 0 || len(clients) == 0 {
		return
	}
	worker := workers[workerPick%len(workers)]
	if pool := g.jobPool(d, workers); len(pool) > 0 && inPool {
		worker = pool[workerPick%len(pool)]
	}
	client := clients[clientPick%len(clients)]
	if client.local {
		feePct = "0"
	}
	if containsPct(title) {
		title = fmt.Sprintf(title, genSeasons[d.Month])
	}
	in := model.JobInput{Title: title, Category: kind.category, Unit: kind.unit, UnitPrice: strconv.Itoa(price), Quantity: strconv.Itoa(qty),
		FeePercent: feePct, Due: due.String(), Hours: hours}

	var jobID uint64
	g.at(offer, func(t *tx) error {
		in.ClientID, in.PersonID = client.id, worker.id
		j, err := model.NewJob(in)
		if err != nil {
			return err
		}
		j, err = t.createJob(j)
		jobID = j.ID
		return err
	})
	at := offer
	step := func(minDays, maxDays int) time.Time {
		next := at.Add(time.Duration(minDays*24)*time.Hour + time.Duration(r.Int64N(int64(maxDays-minDays+1)*int64(24*time.Hour))))
		day := model.DateOf(next)
		next = hm(day, 9, 30+r.IntN(8*60))
		if !next.After(at) {
			next = at.Add(mins(20 + r.IntN(60)))
		}
		at = next
		return next
	}
	move := func(when time.Time, m model.Move) {
		g.at(when, func(t *tx) error { _, err := t.moveJob(jobID, m); return err })
	}
	if declined {
		move(step(0, 2), model.Move{To: model.JobCancelled, Reason: genDeclineReasons[r.IntN(len(genDeclineReasons))]})
		return
	}
	move(step(0, 2), model.Move{To: model.JobAccepted})
	move(step(0, 1), model.Move{To: model.JobInProgress})
	if note {
		text := genJobNotes[r.IntN(len(genJobNotes))]
		g.at(step(0, 3), func(t *tx) error { _, err := t.addJobNote(jobID, text); return err })
	}
	if abandoned {
		move(step(1, 4), model.Move{To: model.JobCancelled, Reason: "発注元の都合で中止"})
		return
	}
	qaAt := hm(due.AddDays(-r.IntN(4)), 10, r.IntN(6*60))
	if !qaAt.After(at) {
		qaAt = at.Add(mins(60 + r.IntN(240)))
	}
	at = qaAt
	move(at, model.Move{To: model.JobQA})
	if returned {
		move(step(0, 1), model.Move{To: model.JobReturned, Reason: genReturnReasons[r.IntN(len(genReturnReasons))]})
		move(step(0, 1), model.Move{To: model.JobInProgress})
		move(step(1, 2), model.Move{To: model.JobQA})
	}
	checked := step(0, 1)
	g.at(checked, func(t *tx) error {
		st, err := t.settings()
		if err != nil {
			return err
		}
		_, err = t.setChecklist(jobID, st.QAChecklist)
		return err
	})
	at = checked.Add(mins(5 + r.IntN(30)))
	move(at, model.Move{To: model.JobDelivered})
	invoiced := step(1, 10)
	move(invoiced, model.Move{To: model.JobInvoiced, On: model.DateOf(invoiced)})
	paid := step(15, 45)
	g.at(paid, func(t *tx) error {
		j, err := t.job(jobID)
		if err != nil {
			return err
		}
		amount := j.Invoiced
		if bankFee && amount > 1000 {
			amount -= 440
		}
		_, err = t.moveJob(jobID, model.Move{To: model.JobPaid, Amount: amount, On: model.DateOf(t.now)})
		return err
	})
}

// jobPool is the 年度's active teleworkers, who take most of its jobs (the town counts about
// sixteen a year), chosen at the 年度's first job from the teleworkers registered by then.
func (g *generator) jobPool(d model.Date, workers []*genPerson) []*genPerson {
	fy := model.FiscalYear(d)
	if pool, ok := g.jobPools[fy]; ok {
		return pool
	}
	r := rand.New(rand.NewPCG(g.opts.Seed^0x10b, uint64(fy)))
	pool := append([]*genPerson(nil), workers...)
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	pool = pool[:min(len(pool), 12+r.IntN(7))]
	g.jobPools[fy] = pool
	return pool
}

func containsPct(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' && s[i+1] == 's' {
			return true
		}
	}
	return false
}

// ---- word lists ----

type genName struct{ kanji, kana string }

var genSurnames = []genName{
	{"新井", "あらい"}, {"黒沢", "くろさわ"}, {"強矢", "すねや"}, {"浅見", "あさみ"}, {"逸見", "へんみ"}, {"山中", "やまなか"},
	{"坂本", "さかもと"}, {"高橋", "たかはし"}, {"田中", "たなか"}, {"山田", "やまだ"}, {"佐藤", "さとう"}, {"鈴木", "すずき"},
	{"伊藤", "いとう"}, {"渡辺", "わたなべ"}, {"中村", "なかむら"}, {"小林", "こばやし"}, {"加藤", "かとう"}, {"吉田", "よしだ"},
	{"山本", "やまもと"}, {"松本", "まつもと"}, {"井上", "いのうえ"}, {"木村", "きむら"}, {"林", "はやし"}, {"清水", "しみず"},
	{"山口", "やまぐち"}, {"森", "もり"}, {"池田", "いけだ"}, {"橋本", "はしもと"}, {"阿部", "あべ"}, {"石川", "いしかわ"},
	{"斎藤", "さいとう"}, {"根岸", "ねぎし"}, {"守屋", "もりや"}, {"千島", "ちしま"}, {"宮前", "みやまえ"}, {"黒澤", "くろさわ"},
	{"設楽", "したら"}, {"大野", "おおの"}, {"横田", "よこた"}, {"町田", "まちだ"}, {"高野", "たかの"}, {"若林", "わかばやし"},
	{"神田", "かんだ"}, {"福島", "ふくしま"}, {"内田", "うちだ"}, {"岩田", "いわた"}, {"小池", "こいけ"}, {"荻原", "おぎわら"},
	{"今井", "いまい"}, {"関口", "せきぐち"}, {"島田", "しまだ"}, {"野口", "のぐち"}, {"金子", "かねこ"}, {"引間", "ひきま"},
	{"豊田", "とよだ"}, {"柴崎", "しばさき"}, {"大塚", "おおつか"}, {"持田", "もちだ"}, {"富田", "とみた"}, {"小板橋", "こいたばし"},
	{"田島", "たじま"}, {"新島", "にいじま"}, {"栗原", "くりはら"}, {"須田", "すだ"}, {"原", "はら"}, {"宮下", "みやした"},
	{"中島", "なかじま"}, {"本間", "ほんま"}, {"青木", "あおき"}, {"近藤", "こんどう"},
}

var genGiven = []genName{
	{"花子", "はなこ"}, {"美咲", "みさき"}, {"恵子", "けいこ"}, {"由美", "ゆみ"}, {"さくら", "さくら"}, {"真理", "まり"},
	{"優子", "ゆうこ"}, {"愛", "あい"}, {"千春", "ちはる"}, {"由香", "ゆか"}, {"明美", "あけみ"}, {"奈々", "なな"},
	{"千尋", "ちひろ"}, {"彩", "あや"}, {"舞", "まい"}, {"香織", "かおり"}, {"直美", "なおみ"}, {"智子", "ともこ"},
	{"陽子", "ようこ"}, {"麻衣", "まい"}, {"瞳", "ひとみ"}, {"絵里", "えり"}, {"恵", "めぐみ"}, {"里美", "さとみ"},
	{"美穂", "みほ"}, {"亜希", "あき"}, {"志保", "しほ"}, {"友美", "ともみ"}, {"典子", "のりこ"}, {"健一", "けんいち"},
	{"誠", "まこと"}, {"大輔", "だいすけ"}, {"翔太", "しょうた"}, {"拓也", "たくや"}, {"和也", "かずや"}, {"直樹", "なおき"},
	{"浩二", "こうじ"}, {"聡", "さとし"}, {"裕子", "ゆうこ"}, {"真由美", "まゆみ"}, {"久美子", "くみこ"}, {"幸子", "さちこ"},
	{"純子", "じゅんこ"}, {"京子", "きょうこ"}, {"美紀", "みき"}, {"沙織", "さおり"}, {"理恵", "りえ"}, {"佳奈", "かな"},
	{"梨花", "りか"}, {"綾香", "あやか"}, {"遥", "はるか"}, {"結衣", "ゆい"}, {"葵", "あおい"}, {"美月", "みづき"},
	{"涼子", "りょうこ"}, {"加奈子", "かなこ"}, {"亜矢", "あや"}, {"早苗", "さなえ"}, {"晴美", "はるみ"}, {"雅子", "まさこ"},
	{"孝", "たかし"}, {"修", "おさむ"}, {"亮", "りょう"}, {"悠", "ゆう"}, {"舞子", "まいこ"}, {"弘美", "ひろみ"},
	{"明日香", "あすか"}, {"紀子", "のりこ"}, {"千里", "ちさと"}, {"朋子", "ともこ"}, {"由紀", "ゆき"}, {"美和", "みわ"},
	{"祐子", "ゆうこ"}, {"夏美", "なつみ"}, {"秋子", "あきこ"}, {"春香", "はるか"}, {"薫", "かおる"}, {"静香", "しずか"},
	{"瑞穂", "みずほ"}, {"景子", "けいこ"}, {"文子", "ふみこ"}, {"礼子", "れいこ"}, {"順子", "じゅんこ"}, {"啓介", "けいすけ"},
	{"隆", "たかし"}, {"陽介", "ようすけ"}, {"健太", "けんた"}, {"雄一", "ゆういち"}, {"信也", "しんや"}, {"真奈美", "まなみ"},
	{"由佳里", "ゆかり"}, {"昌子", "まさこ"}, {"穂乃花", "ほのか"}, {"恭子", "きょうこ"}, {"敦子", "あつこ"}, {"知美", "ともみ"},
}

var genKidNames = []genName{
	{"陽翔", "はると"}, {"結衣", "ゆい"}, {"蓮", "れん"}, {"芽依", "めい"}, {"湊", "みなと"}, {"凛", "りん"}, {"蒼", "あおい"},
	{"咲良", "さくら"}, {"大和", "やまと"}, {"陽菜", "ひな"}, {"悠真", "ゆうま"}, {"莉子", "りこ"}, {"樹", "いつき"},
	{"結菜", "ゆいな"}, {"颯太", "そうた"}, {"紬", "つむぎ"}, {"律", "りつ"}, {"杏", "あん"}, {"朝陽", "あさひ"},
	{"心春", "こはる"}, {"蒼空", "そら"}, {"美桜", "みお"}, {"陽向", "ひなた"}, {"芽生", "めい"},
}

var genAllergies = []string{"卵アレルギー", "卵アレルギー（加熱卵も不可）", "乳アレルギー", "小麦アレルギー", "そばアレルギー",
	"えびアレルギー", "ピーナッツアレルギー（エピペンあり）"}

var genCareNotes = []string{"午睡は11時ごろ", "ミルクは持参", "おやつは持参", "人見知りが強いので最初はそばにいてあげてください", "喘息あり。発作時は保護者へ連絡"}

var genPickups = []string{"祖母", "祖父", "父", "叔母"}

var genPersonNotes = []string{"車いす利用。入口のスロープ側から案内", "平日午前のみ利用", "町外から通所（秩父市）", "Zoom参加を希望することがある"}

var genLateNotes = []string{"", "", "電車遅延", "子どもの送り"}

var genExcusedNotes = []string{"", "子どもの発熱", "通院", "仕事の都合"}

var genDeclineReasons = []string{"日程が合わないため辞退", "作業量が多く辞退"}

var genReturnReasons = []string{"誤字があるため修正をお願いします", "画像サイズが指定と違うため修正をお願いします", "表記ゆれの統一をお願いします"}

var genJobNotes = []string{"作業の進め方を一緒に確認。不明点はチャットで相談できるよう案内", "納期について発注元と調整",
	"ツールの使い方をサポート", "初回案件のため検品を丁寧に実施", "進捗を確認。予定どおり"}

var genClientNames = []struct {
	name  string
	local bool
	note  string
}{
	{"小鹿野町観光協会", true, "町内のイベント情報"},
	{"おがのベーカリー", true, ""},
	{"東京ウェブ制作株式会社", false, "クラウドソーシング経由"},
	{"小鹿野町商工会", true, ""},
	{"両神温泉 旅館やまびこ", true, ""},
	{"株式会社データリンク", false, "クラウドソーシング経由"},
	{"秩父みやげ本舗", true, ""},
	{"合同会社ことのは編集室", false, ""},
	{"小鹿野町役場 総務課", true, "広報おがの"},
	{"株式会社ミライ人材", false, "求人媒体"},
	{"ちちぶ農園", true, "直売所のSNS"},
	{"株式会社スマートEC", false, "クラウドソーシング経由"},
	{"カフェ はなみずき", true, ""},
	{"株式会社トラベルノート", false, "旅行メディア"},
	{"小鹿野歌舞伎保存会", true, ""},
	{"株式会社クラウドワークス案件", false, "クラウドソーシング経由"},
	{"秩父地域おもてなし観光公社", true, ""},
	{"株式会社アンケートラボ", false, ""},
	{"おがの手づくり工房", true, ""},
	{"株式会社ライトハウス", false, ""},
	{"道の駅 両神温泉", true, ""},
	{"一般社団法人 子育てネット", false, ""},
	{"小鹿野町社会福祉協議会", true, ""},
	{"株式会社ブルーオーシャン", false, "クラウドソーシング経由"},
}
