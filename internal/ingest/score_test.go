package ingest

import (
	"math"
	"testing"
)

func TestScoreBody(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		tp, fp, fn  float64
	}{
		{"identical", "one two three four five", "one two three four five", 1, 0, 0},
		{"nothing predicted", "one two three four five", "", 0, 0, 1},
		{"extra text", "one two three four", "one two three four five", 0.5, 0.5, 0},
		{"short texts are one shingle", "a b", "a b", 1, 0, 0},
		{"punctuation ignored", "one, two; three - four", "one two three four", 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScoreBody(tt.truth, tt.pred)
			if math.Abs(s.TP-tt.tp) > 1e-9 || math.Abs(s.FP-tt.fp) > 1e-9 || math.Abs(s.FN-tt.fn) > 1e-9 {
				t.Errorf("got %+v, want tp %v fp %v fn %v", s, tt.tp, tt.fp, tt.fn)
			}
		})
	}
}

func TestSummarizeBodies(t *testing.T) {
	m := SummarizeBodies([]BodyScore{{TP: 1}, {TP: 0.5, FP: 0.5}, {FN: 1}})
	// precision over pages that predicted: (1 + 0.5)/2; recall over pages with truth: (1 + 1 + 0)/3.
	if math.Abs(m.Precision-0.75) > 1e-9 || math.Abs(m.Recall-2.0/3) > 1e-9 || m.Pages != 3 {
		t.Fatalf("got %+v", m)
	}
	want := 2 * 0.75 * (2.0 / 3) / (0.75 + 2.0/3)
	if math.Abs(m.F1-want) > 1e-9 {
		t.Errorf("F1 %v, want %v", m.F1, want)
	}
}
