package sqlite

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge/mergetest"
)

// TestStoreMergeEvaluation ingests the merge package's hand-written sets
// (made-up outlets retelling the same events, and near misses) one article
// at a time, as sitrep ingest does, and scores the store's incremental
// merging pairwise against the gold events. It scores as batch merge.Merge
// does: 52 → 23 incidents (22 events), precision 1.000, recall 0.938; held
// out 29 → 13 (12), precision 1.000, recall 0.885.
func TestStoreMergeEvaluation(t *testing.T) {
	for _, set := range []struct {
		name             string
		minPrec, minRecl float64
	}{{"reports.jsonl", 0.99, 0.9}, {"heldout.jsonl", 0.99, 0.85}} {
		t.Run(set.name, func(t *testing.T) {
			reports := mergetest.Load(t, set.name)
			db := openTemp(t)
			defer db.Close()
			var order []string
			byArticle := map[string][]incident.Incident{}
			outlet := map[string]string{}
			for _, r := range reports {
				if _, ok := byArticle[r.ArticleID]; !ok {
					order = append(order, r.ArticleID)
				}
				in := r.Incident
				if len(in.Sources) > 0 {
					outlet[r.ArticleID] = in.Sources[0].Outlet
				}
				in.Sources = nil
				byArticle[r.ArticleID] = append(byArticle[r.ArticleID], in)
			}
			for _, id := range order {
				a := &article.Article{Outlet: outlet[id], Text: fmt.Sprintf("article %s: %s", id, strings.Repeat(id+" words ", 20))}
				for i := range byArticle[id] {
					byArticle[id][i].ArticleID = ""
				}
				if _, err := db.SaveArticle(t.Context(), a, byArticle[id]); err != nil {
					t.Fatal(err)
				}
			}
			clusterOf := map[string]string{}
			rows, err := db.r.QueryContext(t.Context(), `SELECT origin_id, cluster_id FROM reports`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var o, c string
				if err := rows.Scan(&o, &c); err != nil {
					t.Fatal(err)
				}
				clusterOf[o] = c
			}
			rows.Close()
			gold := make([]string, len(reports))
			clusters := make([]string, len(reports))
			for i, r := range reports {
				gold[i], clusters[i] = r.Gold, clusterOf[r.EventID]
			}
			tp, fp, fn := mergetest.PairScores(gold, clusters)
			page, err := db.Incidents(t.Context(), incident.Filter{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			events := map[string]bool{}
			for _, r := range reports {
				events[r.Gold] = true
			}
			prec, recl := ratio(tp, tp+fp), ratio(tp, tp+fn)
			t.Logf("%s: %d reports → %d incidents (gold %d); pairwise precision %.3f recall %.3f",
				set.name, len(reports), len(page.Incidents), len(events), prec, recl)
			if prec < set.minPrec || recl < set.minRecl {
				t.Errorf("precision %.3f recall %.3f, want at least %.2f and %.2f", prec, recl, set.minPrec, set.minRecl)
			}
		})
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
