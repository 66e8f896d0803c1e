package merge

import (
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge/mergetest"
)

// The evaluation sets. testdata/reports.jsonl: 52 reports by ten made-up
// outlets of 22 events. 12 events are retold by two to four outlets with
// lagged or vaguer dates, region-level or shifted places, reordered or
// unnamed actors, disagreeing figures and, once, a different event type;
// the rest are near misses: the same town on another day, the next village
// on the next day, the same province on the same day, the same place and day
// with other actors or another type, and two bombings told by one article.
//
// testdata/heldout.jsonl (29 reports, 12 events, in Somalia, Mali,
// Afghanistan, Yemen and Nigeria) was written after the rules were fixed and
// never tuned on: a district named instead of its city, a region-level
// report, type confusion on the day, a month-precise retelling, a "near"
// report 15 km out, and near misses in the same city on the same day.

// TestMergeEvaluation measures pairwise precision and recall on the
// hand-written sets. Floors on the tuning set: precision 0.95, because a
// false merge silently deletes an attack from every count downstream, which
// is worse than a duplicate an analyst can merge by hand; recall 0.9,
// leaving room for the one report in ten whose coding is too far off to
// match. The held-out set gets looser floors (0.9 and 0.8), set before it
// was first scored.
func TestMergeEvaluation(t *testing.T) {
	for _, tc := range []struct {
		file       string
		minP, minR float64
	}{{"reports.jsonl", 0.95, 0.9}, {"heldout.jsonl", 0.9, 0.8}} {
		t.Run(tc.file, func(t *testing.T) {
			p, r := evaluate(t, mergetest.Load(t, tc.file))
			if p < tc.minP || r < tc.minR {
				t.Errorf("precision %.3f, recall %.3f: want ≥ %.2f and ≥ %.2f", p, r, tc.minP, tc.minR)
			}
		})
	}
}

func evaluate(t *testing.T, reps []mergetest.Labelled) (p, r float64) {
	incs := make([]incident.Incident, len(reps))
	gold := make([]string, len(reps))
	events := map[string]bool{}
	for i, l := range reps {
		incs[i], gold[i] = l.Incident, l.Gold
		events[l.Gold] = true
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
	tp, fp, fn := mergetest.PairScores(gold, clusterOf)
	p = float64(tp) / float64(max(tp+fp, 1))
	r = float64(tp) / float64(max(tp+fn, 1))
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
	return p, r
}
