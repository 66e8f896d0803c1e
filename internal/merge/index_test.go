package merge

import (
	"fmt"
	"testing"

	"github.com/sitrep-org/sitrep/internal/merge/mergetest"
)

// TestIndexEvaluation scores incremental merging on the same set as
// TestMergeEvaluation, reports arriving in file order, with the same floors.
func TestIndexEvaluation(t *testing.T) {
	reps := mergetest.Load(t, "reports.jsonl")
	x := NewIndex(DefaultOptions())
	gold := make([]string, len(reps))
	clusterOf := make([]int, len(reps))
	ids := map[string]int{}
	for i := range reps {
		gold[i] = reps[i].Gold
		id, _ := x.Add(&reps[i].Incident)
		if _, ok := ids[id]; !ok {
			ids[id] = len(ids)
		}
		clusterOf[i] = ids[id]
	}
	tp, fp, fn := mergetest.PairScores(gold, clusterOf)
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("incremental: %d reports → %d incidents; pairwise precision %.3f, recall %.3f", len(reps), len(ids), p, r)
	if p < 0.95 || r < 0.9 {
		t.Errorf("precision %.3f, recall %.3f: want ≥ 0.95 and ≥ 0.9", p, r)
	}
	first := reps[0].EventID
	if got := x.Members(first); len(got) == 0 || got[0] != first {
		t.Errorf("Members(%s) = %v, want the cluster led by it", first, got)
	}
	retold := reps[0].Incident
	retold.ArticleID, retold.Sources = "another-article", nil
	if got := x.Match(&retold); got != first {
		t.Errorf("Match(a retelling of the first report) = %q, want %q", got, first)
	}
	if got := x.Members("no such id"); got != nil {
		t.Errorf("Members(unknown) = %v", got)
	}
}

// BenchmarkIndexMatch measures deciding where one article's reports (three)
// belong, in an index already holding n reports; filing them afterwards is
// a few appends. The regions grow with n so that each region-week holds
// about 1.6 reports at both sizes (ACLED holds well under one): the cost follows that density, not the
// size of the store. Half the new reports retell stored events.
func BenchmarkIndexMatch(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("stored=%d", n), func(b *testing.B) {
			regions := max(4, n/250)
			stored := synthetic(n, regions, 3)
			x := NewIndex(DefaultOptions())
			for i := range stored {
				x.Add(&stored[i])
			}
			fresh := synthetic(3000, regions, 4)
			for i := 0; i < len(fresh); i += 2 {
				fresh[i] = stored[(i*7919)%len(stored)]
				fresh[i].EventID, fresh[i].ArticleID, fresh[i].Sources = fmt.Sprintf("new-%d", i), fmt.Sprintf("new-art-%d", i), nil
			}
			joined := 0
			b.ReportAllocs()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				for range 3 {
					if x.Match(&fresh[i%len(fresh)]) != "" {
						joined++
					}
					i++
				}
			}
			b.ReportMetric(float64(joined)/float64(i), "joined/report")
		})
	}
}
