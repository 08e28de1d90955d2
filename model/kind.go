package model

// Kind names a record kind, for audit entries, not-found messages and dumps.
type Kind string

// The record kinds of DOMAIN.md.
const (
	KindPerson     Kind = "person"
	KindChild      Kind = "child"
	KindVisit      Kind = "visit"
	KindSlot       Kind = "slot"
	KindBooking    Kind = "booking"
	KindCourse     Kind = "course"
	KindSession    Kind = "session"
	KindEnrollment Kind = "enrollment"
	KindAttendance Kind = "attendance"
	KindClient     Kind = "client"
	KindJob        Kind = "job"
	KindJobEvent   Kind = "job_event"
	KindDayClose   Kind = "day_close"
	KindStaff      Kind = "staff"
	KindSettings   Kind = "settings"
	KindAudit      Kind = "audit"
	KindExport     Kind = "export"   // a report export (出力), audited
	KindDatabase   Kind = "database" // the whole database: backups, restores, dumps
)

var kindLabels = map[Kind]Text{
	KindPerson:     T("利用者", "person"),
	KindChild:      T("子ども", "child"),
	KindVisit:      T("来館", "visit"),
	KindSlot:       T("キッズスペース枠", "childcare slot"),
	KindBooking:    T("予約", "booking"),
	KindCourse:     T("講座", "course"),
	KindSession:    T("回", "session"),
	KindEnrollment: T("受講登録", "enrolment"),
	KindAttendance: T("出欠", "attendance"),
	KindClient:     T("発注元", "client"),
	KindJob:        T("案件", "job"),
	KindJobEvent:   T("伴走メモ", "job event"),
	KindDayClose:   T("日次締め", "day close"),
	KindStaff:      T("スタッフ", "staff member"),
	KindSettings:   T("設定", "settings"),
	KindAudit:      T("操作履歴", "audit entry"),
	KindExport:     T("出力", "export"),
	KindDatabase:   T("データベース", "database"),
}

// Label returns the kind as staff call it.
func (k Kind) Label(l Lang) string {
	if t, ok := kindLabels[k]; ok {
		return t.In(l)
	}
	return string(k)
}
