package sqlite

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// TestBackfill stores incidents the way a store without history did, and
// checks that opening it adopts each into a cluster a later report can join.
func TestBackfill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(t.Context(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := fill1M(t.Context(), db, 500); err != nil {
		t.Fatal(err)
	}
	if err := markUnadopted(db); err != nil {
		t.Fatal(err)
	}
	old, err := db.Incident(t.Context(), "GEN0000123")
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = Open(t.Context(), path, nil); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var clusters, reports int
	if err := db.r.QueryRow(`SELECT (SELECT count(*) FROM clusters), (SELECT count(*) FROM reports)`).Scan(&clusters, &reports); err != nil {
		t.Fatal(err)
	}
	if clusters != 500 || reports != 500 {
		t.Errorf("adopted %d clusters, %d reports; want 500 each", clusters, reports)
	}
	retold := old
	retold.EventID, retold.ArticleID, retold.Doc, retold.Sources, retold.Evidence = "", "", "", nil, nil
	retold.Fatalities = incident.Int(fatalN(&old) + 3)
	if _, err := db.SaveArticle(t.Context(), &article.Article{Outlet: "Late Wire", Text: "a later retelling of incident one two three"}, []incident.Incident{retold}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Incident(t.Context(), "GEN0000123")
	if err != nil || len(got.Sources) != 2 || fatalN(&got) != fatalN(&old) {
		t.Errorf("adopted incident after a retelling: %d sources, fatalities %d, %v; want 2 and %d", len(got.Sources), fatalN(&got), err, fatalN(&old))
	}
}

// BenchmarkIngestMerging measures incremental ingest as the store grows:
// one article whose three incidents retell stored ones (so each finds its
// candidates, merges and rewrites the event). SITREP_BENCH_BIG=N adds a
// store of N incidents (1000000 takes a long while to build: each is
// adopted into a cluster one by one).
func BenchmarkIngestMerging(b *testing.B) {
	sizes := []int{10_000}
	if n, err := strconv.Atoi(os.Getenv("SITREP_BENCH_BIG")); err == nil && n > 0 {
		sizes = append(sizes, n)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("store=%d", n), func(b *testing.B) { benchIngestMerging(b, n) })
	}
}

func benchIngestMerging(b *testing.B, n int) {
	path := filepath.Join(b.TempDir(), "grow.db")
	db, err := Open(b.Context(), path, nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := fill1M(b.Context(), db, n); err != nil {
		b.Fatal(err)
	}
	if err := markUnadopted(db); err != nil {
		b.Fatal(err)
	}
	db.Close()
	if db, err = Open(b.Context(), path, nil); err != nil { // adopts the incidents into clusters
		b.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(5, 6))
	i := 0
	for b.Loop() {
		ins := make([]incident.Incident, 3)
		for k := range ins {
			in, err := db.Incident(b.Context(), fmt.Sprintf("GEN%07d", rng.IntN(n)))
			if err != nil {
				b.Fatal(err)
			}
			in.EventID, in.ArticleID, in.Doc, in.Sources, in.Evidence = "", "", "", nil, nil
			in.Fatalities = incident.Int(fatalN(&in) + k)
			ins[k] = in
		}
		words := make([]string, 200)
		for j := range words {
			words[j] = noteWords[rng.IntN(len(noteWords))] + strconv.Itoa(rng.IntN(1000))
		}
		a := &article.Article{Source: fmt.Sprintf("r%d.txt", i), Text: strings.Join(words, " ")}
		if _, err := db.SaveArticle(b.Context(), a, ins); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "articles/s")
}

// markUnadopted says the store holds incidents without clusters, as
// fill1M leaves it (it writes incidents straight into the tables), so the
// next Open adopts them.
func markUnadopted(db *DB) error {
	_, err := db.w.Exec(`UPDATE store_meta SET value = '0' WHERE key = 'adopted'`)
	return err
}
