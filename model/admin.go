package model

import (
	"fmt"
	"strings"
	"time"
)

// Staff is a staff member on duty; their name goes into every audit entry.
type Staff struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
}

// NewStaff validates a staff member's name.
func NewStaff(name string) (Staff, error) {
	var errs FieldErrors
	n, _ := validateName("name", name, &errs)
	return Staff{Name: n}, errs.Err()
}

// DayClose is a 日次締め: who closed the day, when, and what was still open.
type DayClose struct {
	Date     Date      `json:"date"`
	Staff    string    `json:"staff"`
	At       time.Time `json:"at"`
	LeftOpen []string  `json:"left_open,omitempty"` // one line per open item
}

// AuditEntry is an 操作履歴 line: every change, who made it and what it was.
type AuditEntry struct {
	ID     uint64    `json:"id"`
	At     time.Time `json:"at"`
	Staff  string    `json:"staff"`
	Action string    `json:"action"` // create, update, delete, check_in, …
	Kind   Kind      `json:"kind"`
	Ref    string    `json:"ref"` // the record's id (or composite key)
	Before string    `json:"before,omitempty"`
	After  string    `json:"after,omitempty"`
}

// KPITargets are the programme's targets.
type KPITargets struct {
	Teleworkers  int `json:"teleworkers"`  // 業務を受注したテレワーカーの数
	Participants int `json:"participants"` // 講座受講者数（延べ）
}

// Settings are the site's settings, stored in the database. Later features add fields with
// defaults filled in by Defaults, so old databases read cleanly.
type Settings struct {
	SiteName     string     `json:"site_name"`
	Opening      ClockTime  `json:"opening"`
	Closing      ClockTime  `json:"closing"`
	Ratio        Ratio      `json:"ratio"`
	Targets      KPITargets `json:"targets"`
	BackupKeep   int        `json:"backup_keep"`
	QAChecklist  []string   `json:"qa_checklist"`
	DefaultFeeBP int64      `json:"default_fee_bp"`
}

// DefaultSettings are the settings of a new database.
func DefaultSettings() Settings {
	return Settings{
		SiteName:     "長若集学校",
		Opening:      9 * 60,
		Closing:      17 * 60,
		Ratio:        DefaultRatio,
		Targets:      KPITargets{Teleworkers: 15, Participants: 40},
		BackupKeep:   14,
		QAChecklist:  []string{"誤字脱字", "納品形式", "期限"},
		DefaultFeeBP: 2000,
	}
}

// WithDefaults fills zero fields (from an older database) with defaults.
func (s Settings) WithDefaults() Settings {
	d := DefaultSettings()
	if s.SiteName == "" { // no settings record was stored: everything takes its default
		s.SiteName = d.SiteName
		if s.DefaultFeeBP == 0 {
			s.DefaultFeeBP = d.DefaultFeeBP
		}
	}
	if s.Opening == 0 && s.Closing == 0 {
		s.Opening, s.Closing = d.Opening, d.Closing
	}
	if s.Ratio.PerCaregiver == [4]int{} {
		s.Ratio = d.Ratio
	}
	if s.Targets == (KPITargets{}) {
		s.Targets = d.Targets
	}
	if s.BackupKeep == 0 {
		s.BackupKeep = d.BackupKeep
	}
	if s.QAChecklist == nil {
		s.QAChecklist = d.QAChecklist
	}
	return s
}

// SettingsInput is the settings form as typed.
type SettingsInput struct {
	SiteName, Opening, Closing      string
	Ratio0, Ratio12, Ratio3, Ratio4 string
	MinCaregivers                   string
	TargetTeleworkers               string
	TargetParticipants              string
	BackupKeep                      string
	QAChecklist                     string // items separated by 、 or ,
	DefaultFee                      string
}

// Input returns the settings as form text.
func (s Settings) Input() SettingsInput {
	fee := fmt.Sprintf("%d", s.DefaultFeeBP/100)
	if s.DefaultFeeBP%100 != 0 {
		fee = fmt.Sprintf("%d.%02d", s.DefaultFeeBP/100, s.DefaultFeeBP%100)
	}
	return SettingsInput{
		SiteName: s.SiteName, Opening: s.Opening.String(), Closing: s.Closing.String(),
		Ratio0: fmt.Sprint(s.Ratio.PerCaregiver[0]), Ratio12: fmt.Sprint(s.Ratio.PerCaregiver[1]),
		Ratio3: fmt.Sprint(s.Ratio.PerCaregiver[2]), Ratio4: fmt.Sprint(s.Ratio.PerCaregiver[3]),
		MinCaregivers:      fmt.Sprint(s.Ratio.MinCaregivers),
		TargetTeleworkers:  fmt.Sprint(s.Targets.Teleworkers),
		TargetParticipants: fmt.Sprint(s.Targets.Participants),
		BackupKeep:         fmt.Sprint(s.BackupKeep),
		QAChecklist:        strings.Join(s.QAChecklist, "、"),
		DefaultFee:         fee,
	}
}

// NewSettings validates the settings form.
func NewSettings(in SettingsInput) (Settings, error) {
	var errs FieldErrors
	var s Settings
	s.SiteName = NormalizeName(in.SiteName)
	if s.SiteName == "" {
		errs.add(Invalid("site_name", "施設名を入力してください", "Enter the site name"))
	}
	var err error
	if s.Opening, err = ParseClock(in.Opening); err != nil {
		errs.add(Invalid("opening", "開館時刻は 9:00 の形で入力してください", "Enter the opening time as H:MM"))
	}
	if s.Closing, err = ParseClock(in.Closing); err != nil {
		errs.add(Invalid("closing", "閉館時刻は 17:00 の形で入力してください", "Enter the closing time as H:MM"))
	} else if s.Closing <= s.Opening {
		errs.add(Invalid("closing", "閉館時刻は開館時刻より後にしてください", "Closing must be after opening"))
	}
	ratioField := []string{"ratio0", "ratio12", "ratio3", "ratio4"}
	for i, v := range []string{in.Ratio0, in.Ratio12, in.Ratio3, in.Ratio4} {
		n, e := atoiRange(v, 1, 60)
		if e {
			errs.add(Invalid(ratioField[i], "1〜60の整数で入力してください", "Enter a whole number from 1 to 60"))
		}
		s.Ratio.PerCaregiver[i] = n
	}
	var bad bool
	if s.Ratio.MinCaregivers, bad = atoiRange(in.MinCaregivers, 0, 20); bad {
		errs.add(Invalid("min_caregivers", "0〜20の整数で入力してください", "Enter a whole number from 0 to 20"))
	}
	if s.Targets.Teleworkers, bad = atoiRange(in.TargetTeleworkers, 1, 10000); bad {
		errs.add(Invalid("target_teleworkers", "目標は1以上の整数で入力してください", "Enter a target of 1 or more"))
	}
	if s.Targets.Participants, bad = atoiRange(in.TargetParticipants, 1, 10000); bad {
		errs.add(Invalid("target_participants", "目標は1以上の整数で入力してください", "Enter a target of 1 or more"))
	}
	if s.BackupKeep, bad = atoiRange(in.BackupKeep, 1, 365); bad {
		errs.add(Invalid("backup_keep", "バックアップの世代数は1〜365です", "Keep 1 to 365 backups"))
	}
	for _, item := range strings.FieldsFunc(in.QAChecklist, func(r rune) bool { return r == '、' || r == '､' || r == ',' || r == '，' || r == '\n' || r == '\r' }) {
		if item = NormalizeName(item); item != "" && !contains(s.QAChecklist, item) {
			s.QAChecklist = append(s.QAChecklist, item)
		}
	}
	if s.QAChecklist == nil {
		s.QAChecklist = []string{}
	}
	if s.DefaultFeeBP, err = ParsePercentBP(in.DefaultFee); err != nil {
		errs.add(Invalid("default_fee", "手数料は0〜100の割合で入力してください", "Enter the fee as a percentage 0 to 100"))
	}
	return s, errs.Err()
}

func atoiRange(s string, lo, hi int) (int, bool) {
	var n int
	t := strings.TrimSpace(foldASCII(s))
	if _, err := fmt.Sscanf(t, "%d", &n); err != nil || fmt.Sprint(n) != t || n < lo || n > hi {
		return 0, true
	}
	return n, false
}

// Rate returns actual ÷ target as a whole percent, rounded half up (16/15 → 107).
func Rate(actual, target int) int {
	if target <= 0 {
		return 0
	}
	return (actual*200 + target) / (2 * target)
}
