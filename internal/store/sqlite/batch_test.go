package sqlite

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/dedup"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/store/storetest"
)

// batchStore saves through a Batch, committing after each article so the
// suite's reads see it: the suite then checks the savepoint path keeps
// SaveArticle's contract (atomicity, idempotence, near-duplicates).
type batchStore struct {
	*DB
	b *Batch
}

func (s batchStore) SaveArticle(ctx context.Context, a *article.Article, ins []incident.Incident) (incident.SaveResult, error) {
	res, err := s.b.SaveArticle(ctx, a, ins)
	return res, errors.Join(err, s.b.Commit())
}

func TestStoreThroughBatch(t *testing.T) {
	storetest.Run(t, func(t *testing.T) incident.Store {
		db := openTemp(t)
		return batchStore{DB: db, b: db.Batch()}
	})
}

// TestBatchFailedArticleLeavesNothing fails the middle article of a batch,
// once after its article row and once after its first incident: it must
// leave no row anywhere while its neighbours, in the same transaction, are
// stored whole.
func TestBatchFailedArticleLeavesNothing(t *testing.T) {
	for _, stage := range []string{"article", "incident"} {
		t.Run(stage, func(t *testing.T) {
			db := openTemp(t)
			defer db.Close()
			boom := errors.New("injected failure")
			b := db.Batch()
			b.warm = true      // keep all three articles in one transaction,
			b.Wait = time.Hour // however slow a loaded machine under -race is
			texts := []string{
				"Rebels ambushed a supply truck on the northern road at noon.\nThe driver escaped on foot.",
				"A grenade was thrown into a crowded tea shop near the bus depot.\nSeven customers were hurt.",
				"Farmers clashed with herders over a watering point before dusk.\nElders later brokered a truce.",
			}
			var ids []string
			for i, text := range texts {
				db.hook = nil
				if i == 1 {
					db.hook = func(s string) error {
						if s == stage {
							return boom
						}
						return nil
					}
				}
				a := &article.Article{Source: fmt.Sprintf("b%d.txt", i), Text: text}
				in := incident.Incident{EventID: fmt.Sprintf("BATCH%d", i), EventDate: "2024-05-0" + fmt.Sprint(i+1), Actor1: "Militia",
					Notes: text[:20], Evidence: []incident.Evidence{{Field: "event_type", Start: 0, End: 6, Quote: text[:6], Rule: "t"}}}
				res, err := b.SaveArticle(t.Context(), a, []incident.Incident{in})
				if i == 1 {
					if !errors.Is(err, boom) {
						t.Fatalf("article 1: err = %v, want the injected failure", err)
					}
					if a.ID != "" || !a.IngestedAt.IsZero() {
						t.Errorf("failed article was changed: id %q, ingested %v", a.ID, a.IngestedAt)
					}
					continue
				}
				if err != nil || !res.Created {
					t.Fatalf("article %d: %+v, %v", i, res, err)
				}
				ids = append(ids, res.ArticleID)
			}
			if b.tx == nil || b.n != 2 {
				t.Fatalf("batch holds %d articles (open %v), want 2 in one open transaction", b.n, b.tx != nil)
			}
			if err := b.Close(); err != nil {
				t.Fatal(err)
			}
			counts := map[string]int{"articles": 2, "article_bands": 2 * dedup.DefaultBands, "incidents": 2, "evidence": 2,
				"incident_sources": 2, "incidents_fts": 2}
			checkFTS(t, db, "grenade", 0) // the failed article's
			checkFTS(t, db, "ambushed OR clashed", 2)
			for table, want := range counts {
				var n int
				if err := db.r.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != want {
					t.Errorf("%s has %d rows, want %d (the failed article's must be gone)", table, n, want)
				}
			}
			for _, id := range ids {
				if _, err := db.Article(t.Context(), id); err != nil {
					t.Errorf("Article(%s): %v", id, err)
				}
			}
		})
	}
}

// TestBatchIndexFailureLosesBatch fails the full-text indexing a batch does
// when it commits: the commit fails, says so, and leaves none of the
// batch's articles, and the batch goes on with the next ones.
func TestBatchIndexFailureLosesBatch(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	b := db.Batch()
	b.warm = true
	for i, text := range []string{"Gunmen torched a granary at the edge of the village.", "Protesters blocked the bridge with burning tyres."} {
		if _, err := b.SaveArticle(t.Context(), &article.Article{Source: fmt.Sprint(i), Text: text}, nil); err != nil {
			t.Fatal(err)
		}
	}
	boom := errors.New("injected failure")
	db.hook = func(s string) error {
		if s == "index" {
			return boom
		}
		return nil
	}
	if err := b.Commit(); !errors.Is(err, boom) {
		t.Fatalf("Commit err = %v, want the injected failure", err)
	}
	db.hook = nil
	var n int
	if err := db.r.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil || n != 0 {
		t.Errorf("articles after a failed commit: %d, %v; want 0", n, err)
	}
	checkFTS(t, db, "granary OR bridge", 0)
	res, err := b.SaveArticle(t.Context(), &article.Article{Text: "Gunmen torched a granary at the edge of the village."}, nil)
	if err != nil || !res.Created {
		t.Fatalf("save after the failed commit: %+v, %v", res, err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	checkFTS(t, db, "granary", 1)
}
