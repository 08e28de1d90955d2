package model_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/nagawaka/madoguchi/model"
)

// FuzzNewSettings: whatever is typed into the settings form, NewSettings either returns
// settings inside every bound, which the form writes back (Input) and reads again unchanged,
// or field errors that name their field in both languages. Nothing panics.
func FuzzNewSettings(f *testing.F) {
	d := model.DefaultSettings().Input()
	f.Add(d.SiteName, d.Opening, d.Closing, d.Ratio0, d.Ratio12, d.Ratio3, d.Ratio4, d.MinCaregivers, d.TargetTeleworkers, d.TargetParticipants, d.BackupKeep, d.QAChecklist, d.DefaultFee)
	f.Add("長若集学校　分室", "９：００", "17:30", "３", "6", "20", "30", "0", "15", "40", "365", "誤字脱字,納品形式、期限\n体裁", "12.5")
	f.Add("", "25:00", "8:00", "0", "61", "-1", "x", "21", "0", "10001", "366", "、、", "100.01")
	f.Add("x", "9:00", "9:00", "1", "1", "1", "1", "20", "1", "1", "1", "", "0")
	f.Add("\x00", "0900", "1700", "+3", "03", "2e1", " 30 ", "2", "１５", "４０", "14", "a,a,A", "20%")
	f.Fuzz(func(t *testing.T, site, open, close, r0, r12, r3, r4, minc, tw, tp, keep, qa, fee string) {
		in := model.SettingsInput{SiteName: site, Opening: open, Closing: close, Ratio0: r0, Ratio12: r12, Ratio3: r3, Ratio4: r4,
			MinCaregivers: minc, TargetTeleworkers: tw, TargetParticipants: tp, BackupKeep: keep, QAChecklist: qa, DefaultFee: fee}
		s, err := model.NewSettings(in)
		if err != nil {
			var fe model.FieldErrors
			if !errors.As(err, &fe) || len(fe) == 0 || !errors.Is(err, model.ErrInvalid) {
				t.Fatalf("error %v (%T) is not FieldErrors", err, err)
			}
			for _, e := range fe {
				if e.Field == "" || e.Msg.JA == "" || e.Msg.EN == "" {
					t.Fatalf("field error %+v lacks a field or a message", e)
				}
			}
			return
		}
		if s.SiteName == "" || s.Opening < 0 || s.Closing <= s.Opening || s.Closing > 24*60 {
			t.Fatalf("accepted %+v", s)
		}
		for _, n := range s.Ratio.PerCaregiver {
			if n < 1 || n > 60 {
				t.Fatalf("accepted ratio %v", s.Ratio)
			}
		}
		if s.Ratio.MinCaregivers < 0 || s.Ratio.MinCaregivers > 20 || s.BackupKeep < 1 || s.BackupKeep > 365 ||
			s.Targets.Teleworkers < 1 || s.Targets.Participants < 1 || s.DefaultFeeBP < 0 || s.DefaultFeeBP > 10000 {
			t.Fatalf("accepted out-of-range settings %+v", s)
		}
		seen := map[string]bool{}
		for _, item := range s.QAChecklist {
			if item == "" || seen[item] || model.NormalizeName(item) != item {
				t.Fatalf("accepted QA items %q", s.QAChecklist)
			}
			seen[item] = true
		}
		// The settings screen shows what was saved; saving it again changes nothing.
		again, err := model.NewSettings(s.Input())
		if err != nil || !reflect.DeepEqual(again, s) {
			t.Fatalf("settings %+v written back as %+v read as %+v, %v", s, s.Input(), again, err)
		}
	})
}
