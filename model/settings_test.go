package model_test

import (
	"reflect"
	"testing"

	"github.com/nagawaka/madoguchi/model"
)

func TestDefaultSettings(t *testing.T) {
	s := model.DefaultSettings()
	if s.SiteName != "長若集学校" {
		t.Errorf("SiteName = %q", s.SiteName)
	}
	if s.Opening != 9*60 || s.Closing != 17*60 {
		t.Errorf("hours = %v–%v", s.Opening, s.Closing)
	}
	if s.Ratio.PerCaregiver != [4]int{3, 6, 20, 30} || s.Ratio.MinCaregivers != 2 || s.Ratio != model.DefaultRatio {
		t.Errorf("Ratio = %+v", s.Ratio)
	}
	if err := s.Ratio.Validate(); err != nil {
		t.Errorf("default ratio invalid: %v", err)
	}
	if s.Targets.Teleworkers != 15 || s.Targets.Participants != 40 {
		t.Errorf("Targets = %+v", s.Targets)
	}
	if s.BackupKeep != 14 {
		t.Errorf("BackupKeep = %d", s.BackupKeep)
	}
	if !reflect.DeepEqual(s.QAChecklist, []string{"誤字脱字", "納品形式", "期限"}) {
		t.Errorf("QAChecklist = %q", s.QAChecklist)
	}
	if s.DefaultFeeBP != 2000 {
		t.Errorf("DefaultFeeBP = %d", s.DefaultFeeBP)
	}
	// Each call returns its own checklist.
	s.QAChecklist[0] = "changed"
	if model.DefaultSettings().QAChecklist[0] != "誤字脱字" {
		t.Error("DefaultSettings shares its checklist slice")
	}
}

func TestSettingsInput(t *testing.T) {
	in := model.DefaultSettings().Input()
	want := model.SettingsInput{
		SiteName: "長若集学校", Opening: "9:00", Closing: "17:00",
		Ratio0: "3", Ratio12: "6", Ratio3: "20", Ratio4: "30", MinCaregivers: "2",
		TargetTeleworkers: "15", TargetParticipants: "40", BackupKeep: "14",
		QAChecklist: "誤字脱字、納品形式、期限", DefaultFee: "20",
	}
	if in != want {
		t.Errorf("Input()\n got %+v\nwant %+v", in, want)
	}
	for bp, fee := range map[int64]string{0: "0", 5: "0.05", 550: "5.50", 555: "5.55", 1000: "10", 9999: "99.99", 10000: "100"} {
		s := model.DefaultSettings()
		s.DefaultFeeBP = bp
		if got := s.Input().DefaultFee; got != fee {
			t.Errorf("fee %d bp → %q, want %q", bp, got, fee)
		}
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	def := model.DefaultSettings()
	got, err := model.NewSettings(def.Input())
	if err != nil {
		t.Fatalf("NewSettings(DefaultSettings().Input()): %v", err)
	}
	if !reflect.DeepEqual(got, def) {
		t.Errorf("round trip\n got %+v\nwant %+v", got, def)
	}
	// Any settings NewSettings accepts come back unchanged through Input.
	inputs := []model.SettingsInput{
		{SiteName: "長若集学校　別館", Opening: "８：３０", Closing: "2100", Ratio0: "１", Ratio12: "60", Ratio3: "15", Ratio4: "25",
			MinCaregivers: "0", TargetTeleworkers: "1", TargetParticipants: "10000", BackupKeep: "365",
			QAChecklist: "誤字脱字, ＰＤＦ形式，期限、 表記ゆれ ", DefaultFee: "5.5"},
		{SiteName: "ﾅｶﾞﾜｶ", Opening: "0:00", Closing: "24:00", Ratio0: "3", Ratio12: "6", Ratio3: "20", Ratio4: "30",
			MinCaregivers: "20", TargetTeleworkers: "15", TargetParticipants: "40", BackupKeep: "1", QAChecklist: "", DefaultFee: "0.05"},
		{SiteName: "x", Opening: "9:00", Closing: "9:01", Ratio0: "3", Ratio12: "6", Ratio3: "20", Ratio4: "30",
			MinCaregivers: "2", TargetTeleworkers: "15", TargetParticipants: "40", BackupKeep: "14", QAChecklist: "、、", DefaultFee: "100"},
	}
	for _, in := range inputs {
		s, err := model.NewSettings(in)
		if err != nil {
			t.Errorf("NewSettings(%+v): %v", in, err)
			continue
		}
		back, err := model.NewSettings(s.Input())
		if err != nil || !reflect.DeepEqual(back, s) {
			t.Errorf("round trip of %+v\n got %+v, %v", s, back, err)
		}
	}
	s, _ := model.NewSettings(inputs[0])
	if s.SiteName != "長若集学校 別館" || s.Opening != 8*60+30 || s.Closing != 21*60 || s.DefaultFeeBP != 550 ||
		!reflect.DeepEqual(s.QAChecklist, []string{"誤字脱字", "PDF形式", "期限", "表記ゆれ"}) {
		t.Errorf("parsed %+v", s)
	}
	s, _ = model.NewSettings(inputs[2])
	if s.QAChecklist == nil || len(s.QAChecklist) != 0 {
		t.Errorf("empty checklist = %#v, want an empty non-nil list", s.QAChecklist)
	}
}

func TestNewSettingsFieldErrors(t *testing.T) {
	tests := []struct {
		name string
		mod  func(*model.SettingsInput)
		errs []string
	}{
		{"defaults", func(*model.SettingsInput) {}, nil},
		{"fee empty means 0", func(in *model.SettingsInput) { in.DefaultFee = "" }, nil},
		{"full-width numbers", func(in *model.SettingsInput) {
			in.Ratio0, in.MinCaregivers, in.BackupKeep, in.DefaultFee = "３", "２", "１４", "２０"
		}, nil},
		{"minimum 0 caregivers", func(in *model.SettingsInput) { in.MinCaregivers = "0" }, nil},
		{"no site name", func(in *model.SettingsInput) { in.SiteName = "　" }, []string{"site_name"}},
		{"opening in words", func(in *model.SettingsInput) { in.Opening = "9時" }, []string{"opening"}},
		{"opening 25:00", func(in *model.SettingsInput) { in.Opening = "25:00" }, []string{"opening"}},
		{"closing garbage", func(in *model.SettingsInput) { in.Closing = "x" }, []string{"closing"}},
		{"closing equals opening", func(in *model.SettingsInput) { in.Closing = "9:00" }, []string{"closing"}},
		{"closing before opening", func(in *model.SettingsInput) { in.Opening, in.Closing = "17:00", "9:00" }, []string{"closing"}},
		{"ratio 0", func(in *model.SettingsInput) { in.Ratio0 = "0" }, []string{"ratio0"}},
		{"ratio 61", func(in *model.SettingsInput) { in.Ratio12 = "61" }, []string{"ratio12"}},
		{"ratio in words", func(in *model.SettingsInput) { in.Ratio3 = "二十" }, []string{"ratio3"}},
		{"ratio empty", func(in *model.SettingsInput) { in.Ratio4 = "" }, []string{"ratio4"}},
		{"ratio fractional", func(in *model.SettingsInput) { in.Ratio4 = "3.5" }, []string{"ratio4"}},
		{"ratio with a sign", func(in *model.SettingsInput) { in.Ratio0 = "+3" }, []string{"ratio0"}},
		{"ratio with trailing text", func(in *model.SettingsInput) { in.Ratio0 = "3人" }, []string{"ratio0"}},
		{"min caregivers negative", func(in *model.SettingsInput) { in.MinCaregivers = "-1" }, []string{"min_caregivers"}},
		{"min caregivers 21", func(in *model.SettingsInput) { in.MinCaregivers = "21" }, []string{"min_caregivers"}},
		{"teleworker target 0", func(in *model.SettingsInput) { in.TargetTeleworkers = "0" }, []string{"target_teleworkers"}},
		{"teleworker target 10001", func(in *model.SettingsInput) { in.TargetTeleworkers = "10001" }, []string{"target_teleworkers"}},
		{"participant target empty", func(in *model.SettingsInput) { in.TargetParticipants = "" }, []string{"target_participants"}},
		{"participant target in kanji", func(in *model.SettingsInput) { in.TargetParticipants = "四十" }, []string{"target_participants"}},
		{"backups 0", func(in *model.SettingsInput) { in.BackupKeep = "0" }, []string{"backup_keep"}},
		{"backups 366", func(in *model.SettingsInput) { in.BackupKeep = "366" }, []string{"backup_keep"}},
		{"fee over 100", func(in *model.SettingsInput) { in.DefaultFee = "100.01" }, []string{"default_fee"}},
		{"fee three decimals", func(in *model.SettingsInput) { in.DefaultFee = "5.555" }, []string{"default_fee"}},
		{"fee negative", func(in *model.SettingsInput) { in.DefaultFee = "-1" }, []string{"default_fee"}},
		{"everything empty", func(in *model.SettingsInput) { *in = model.SettingsInput{} }, []string{
			"site_name", "opening", "closing", "ratio0", "ratio12", "ratio3", "ratio4", "min_caregivers",
			"target_teleworkers", "target_participants", "backup_keep"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := model.DefaultSettings().Input()
			tt.mod(&in)
			_, err := model.NewSettings(in)
			recCheckFields(t, err, tt.errs)
		})
	}
}

func TestSettingsQAChecklistParsing(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"誤字脱字、納品形式、期限", []string{"誤字脱字", "納品形式", "期限"}},
		{"誤字脱字,納品形式，期限", []string{"誤字脱字", "納品形式", "期限"}},
		{"誤字脱字､納品形式", []string{"誤字脱字", "納品形式"}}, // half-width ideographic comma
		{" 誤字脱字 、　納品形式　", []string{"誤字脱字", "納品形式"}},
		{"期限、期限、 期限 ", []string{"期限"}},
		{"、,，", []string{}},
		{"", []string{}},
		{"ＰＤＦで納品", []string{"PDFで納品"}},
	}
	for _, tt := range tests {
		in := model.DefaultSettings().Input()
		in.QAChecklist = tt.in
		s, err := model.NewSettings(in)
		if err != nil || !reflect.DeepEqual(s.QAChecklist, tt.want) {
			t.Errorf("QAChecklist %q = %#v, %v; want %#v", tt.in, s.QAChecklist, err, tt.want)
		}
	}
}

func TestWithDefaults(t *testing.T) {
	def := model.DefaultSettings()
	z := model.Settings{}.WithDefaults()
	checks := []struct {
		field string
		ok    bool
	}{
		{"SiteName", z.SiteName == def.SiteName},
		{"Opening/Closing", z.Opening == def.Opening && z.Closing == def.Closing},
		{"Ratio", z.Ratio == def.Ratio},
		{"Targets", z.Targets == def.Targets},
		{"BackupKeep", z.BackupKeep == def.BackupKeep},
		{"QAChecklist", reflect.DeepEqual(z.QAChecklist, def.QAChecklist)},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("WithDefaults on zero Settings: %s not filled: %+v", c.field, z)
		}
	}
	t.Run("DefaultFeeBP", func(t *testing.T) {
		if !reflect.DeepEqual(z, def) {
			t.Fatal("regression: see the bug this test was written for:", z.DefaultFeeBP, def.DefaultFeeBP)
		}
	})

	// Fields that are set are kept, including an empty (non-nil) checklist and a 0 minimum.
	set := model.Settings{
		SiteName: "別館", Opening: 8 * 60, Closing: 20 * 60,
		Ratio:   model.Ratio{PerCaregiver: [4]int{2, 5, 15, 25}, MinCaregivers: 0},
		Targets: model.KPITargets{Teleworkers: 20}, BackupKeep: 30, QAChecklist: []string{}, DefaultFeeBP: 1500,
	}
	if got := set.WithDefaults(); !reflect.DeepEqual(got, set) {
		t.Errorf("WithDefaults changed set fields\n got %+v\nwant %+v", got, set)
	}
	// Defaults are idempotent.
	if again := z.WithDefaults(); !reflect.DeepEqual(again, z) {
		t.Errorf("WithDefaults not idempotent: %+v", again)
	}
	if got := def.WithDefaults(); !reflect.DeepEqual(got, def) {
		t.Errorf("WithDefaults changed the defaults: %+v", got)
	}
}

func TestRate(t *testing.T) {
	tests := []struct{ actual, target, want int }{
		{16, 15, 107},
		{38, 40, 95},
		{15, 15, 100},
		{30, 15, 200},
		{0, 15, 0},
		{1, 8, 13},   // 12.5 → 13
		{3, 8, 38},   // 37.5 → 38
		{5, 8, 63},   // 62.5 → 63
		{1, 200, 1},  // 0.5 → 1
		{1, 400, 0},  // 0.25 → 0
		{3, 400, 1},  // 0.75 → 1
		{1, 3, 33},   // 33.3
		{2, 3, 67},   // 66.7
		{39, 40, 98}, // 97.5 → 98
		{5, 0, 0},
		{5, -1, 0},
	}
	for _, tt := range tests {
		if got := model.Rate(tt.actual, tt.target); got != tt.want {
			t.Errorf("Rate(%d, %d) = %d, want %d", tt.actual, tt.target, got, tt.want)
		}
	}
}
