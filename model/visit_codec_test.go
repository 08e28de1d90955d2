package model

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

func plainDecode(t testing.TB, b []byte) Visit {
	var v visitJSON
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return Visit(v)
}

func TestVisitCodecAgreesWithEncodingJSON(t *testing.T) {
	in := time.Date(2026, 11, 25, 0, 5, 7, 0, time.UTC)
	for _, v := range []Visit{
		{ID: 1, PersonID: 2, In: in, Purpose: PurposeCoworking},
		{ID: 1<<63 + 5, PersonID: 99, In: in, Out: in.Add(3 * time.Hour), Purpose: PurposeTour},
		{ID: 7, PersonID: 8, In: in, Out: in.Add(time.Minute), Purpose: PurposeOther, ClosedAtClosing: true},
	} {
		b, _ := json.Marshal(v)
		fast, ok := decodeVisit(b)
		if !ok {
			t.Fatalf("fast path refused %s", b)
		}
		if !reflect.DeepEqual(fast, plainDecode(t, b)) || !fast.In.Equal(v.In) || !fast.Out.Equal(v.Out) {
			t.Fatalf("fast %+v\nplain %+v", fast, plainDecode(t, b))
		}
		if via, err := DecodeVisit(b); err != nil || !reflect.DeepEqual(via, fast) {
			t.Fatalf("DecodeVisit %+v %v", via, err)
		}
	}
	// shapes the fast path does not know fall back to encoding/json
	for _, s := range []string{
		`{"person_id":2,"id":1,"in":"2026-11-25T00:05:07Z","purpose":"course"}`,
		`{"id":1,"person_id":2,"in":"2026-11-25T09:05:07+09:00","purpose":"course"}`,
		`{"id":1,"person_id":2,"in":"2026-11-25T00:05:07.5Z","purpose":"course"}`,
		`{"id":1, "person_id":2,"in":"2026-11-25T00:05:07Z","purpose":"course"}`,
	} {
		if _, ok := decodeVisit([]byte(s)); ok {
			t.Errorf("fast path accepted %s", s)
		}
		if v, err := DecodeVisit([]byte(s)); err != nil || v.PersonID != 2 || v.In.IsZero() {
			t.Errorf("fallback on %s: %+v %v", s, v, err)
		}
	}
}

func FuzzVisitCodec(f *testing.F) {
	f.Add([]byte(`{"id":1,"person_id":2,"in":"2026-11-25T00:05:07Z","out":"2026-11-25T03:05:07Z","purpose":"coworking"}`))
	f.Add([]byte(`{"id":1,"person_id":2,"in":"2026-02-31T00:05:07Z","purpose":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		fast, ok := decodeVisit(b)
		if !ok {
			return
		}
		var plain visitJSON
		if err := json.Unmarshal(b, &plain); err != nil {
			t.Fatalf("fast path accepted what encoding/json refuses: %s", b)
		}
		if !reflect.DeepEqual(fast, Visit(plain)) {
			t.Fatalf("disagree on %s:\nfast  %+v\nplain %+v", b, fast, Visit(plain))
		}
	})
}

func BenchmarkVisitDecode(b *testing.B) {
	in := time.Date(2026, 11, 25, 0, 5, 7, 0, time.UTC)
	data, _ := json.Marshal(Visit{ID: 123456, PersonID: 42, In: in, Out: in.Add(time.Hour), Purpose: PurposeCoworking})
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			_, _ = DecodeVisit(data)
		}
	})
	b.Run("reflect", func(b *testing.B) {
		for b.Loop() {
			var v visitJSON
			_ = json.Unmarshal(data, &v)
		}
	})
}
