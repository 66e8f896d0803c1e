package merge

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// labelled is one report of the evaluation set with the event it tells of.
type labelled struct {
	incident.Incident
	Gold string `json:"gold"`
}

// loadReports reads testdata/reports.jsonl: 52 reports by ten made-up
// outlets of 22 events. 12 events are retold by two to four outlets with
// lagged or vaguer dates, region-level or shifted places, reordered or
// unnamed actors, disagreeing figures and, once, a different event type;
// the rest are near misses: the same town on another day, the next village
// on the next day, the same province on the same day, the same place and day
// with other actors or another type, and two bombings told by one article.
func loadReports(t testing.TB) []labelled {
	t.Helper()
	f, err := os.Open("testdata/reports.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var l labelled
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("testdata line %d: %v", len(out)+1, err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// pairScores counts same-event pairs: predicted (in one cluster), true (one
// gold event) and both.
func pairScores(gold []string, clusterOf []int) (tp, fp, fn int) {
	for i := range gold {
		for j := i + 1; j < len(gold); j++ {
			same, pred := gold[i] == gold[j], clusterOf[i] == clusterOf[j]
			switch {
			case same && pred:
				tp++
			case pred:
				fp++
			case same:
				fn++
			}
		}
	}
	return tp, fp, fn
}

// TestMergeEvaluation measures pairwise precision and recall on the
// hand-written set. Floors: precision 0.95, because a false merge silently
// deletes an attack from every count downstream, which is worse than a
// duplicate an analyst can merge by hand; recall 0.9, leaving room for the
// one report in ten whose place or actor coding is too far off to match.
func TestMergeEvaluation(t *testing.T) {
	reps := loadReports(t)
	incs := make([]incident.Incident, len(reps))
	gold := make([]string, len(reps))
	events := map[string]bool{}
	for i, r := range reps {
		incs[i], gold[i] = r.Incident, r.Gold
		events[r.Gold] = true
	}
	clusters := Merge(incs, DefaultOptions())
	clusterOf := make([]int, len(incs))
	byID := map[string]int{}
	for i, in := range incs {
		byID[in.EventID] = i
	}
	for k, c := range clusters {
		for _, m := range c.Members {
			clusterOf[byID[m.EventID]] = k
		}
	}
	tp, fp, fn := pairScores(gold, clusterOf)
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("reports %d, gold events %d, merged incidents %d", len(incs), len(events), len(clusters))
	t.Logf("pairwise precision %.3f (%d/%d), recall %.3f (%d/%d)", p, tp, tp+fp, r, tp, tp+fn)
	for i := range incs {
		for j := i + 1; j < len(incs); j++ {
			if (gold[i] == gold[j]) != (clusterOf[i] == clusterOf[j]) {
				t.Logf("disagreement: %s (%s) vs %s (%s): merged=%v", incs[i].EventID, gold[i],
					incs[j].EventID, gold[j], clusterOf[i] == clusterOf[j])
			}
		}
	}
	if p < 0.95 || r < 0.9 {
		t.Errorf("precision %.3f, recall %.3f: want ≥ 0.95 and ≥ 0.9", p, r)
	}
}
