package mergetest

import "testing"

func TestPairScores(t *testing.T) {
	gold := []string{"a", "a", "b", "c"}
	// a's two reports merged; b wrongly merged with them; c apart.
	tp, fp, fn := PairScores(gold, []int{1, 1, 1, 2})
	if tp != 1 || fp != 2 || fn != 0 {
		t.Errorf("PairScores = %d, %d, %d; want 1, 2, 0", tp, fp, fn)
	}
	tp, fp, fn = PairScores(gold, []string{"x", "y", "z", "w"})
	if tp != 0 || fp != 0 || fn != 1 {
		t.Errorf("all apart: PairScores = %d, %d, %d; want 0, 0, 1", tp, fp, fn)
	}
}

func TestLoad(t *testing.T) {
	reps := Load(t, "reports.jsonl")
	if len(reps) == 0 {
		t.Fatal("no reports")
	}
	for _, r := range reps {
		if r.Gold == "" || r.EventID == "" {
			t.Fatalf("report without gold event or id: %+v", r)
		}
	}
}
