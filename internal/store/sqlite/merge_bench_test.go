package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

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
// candidates, merges and rewrites the event). SITREP_BENCH_BIG=N (or a
// comma-separated list, e.g. 100000,1000000) adds stores of N incidents;
// 1000000 takes a long while to build, since each incident is adopted into
// a cluster one by one. SITREP_BENCH_MERGE_DIR=dir keeps each built store
// at dir/ingest-merging-N.db and reuses it: every run opens it (applying
// any new migration), then ingests into a fresh copy, so the cached store
// is not changed by the articles a run adds.
func BenchmarkIngestMerging(b *testing.B) {
	sizes := []int{10_000}
	for _, f := range strings.Split(os.Getenv("SITREP_BENCH_BIG"), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			sizes = append(sizes, n)
		}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("store=%d", n), func(b *testing.B) { benchIngestMerging(b, n) })
	}
}

func benchIngestMerging(b *testing.B, n int) {
	path, err := mergingFixture(b, n)
	if err != nil {
		b.Fatal(err)
	}
	db, err := Open(b.Context(), path, nil)
	if err != nil {
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

// mergingFixture returns the path of a store of n generated incidents, each
// adopted into a one-report cluster, for the benchmark to ingest into: a
// fresh store in a temporary directory, or a copy of the one cached under
// SITREP_BENCH_MERGE_DIR (built there first when missing).
func mergingFixture(b *testing.B, n int) (string, error) {
	tmp := filepath.Join(b.TempDir(), "grow.db")
	dir := os.Getenv("SITREP_BENCH_MERGE_DIR")
	if dir == "" {
		return tmp, buildMergingFixture(b.Context(), tmp, n)
	}
	cached := filepath.Join(dir, fmt.Sprintf("ingest-merging-%d.db", n))
	if _, err := os.Stat(cached); err != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		t0 := time.Now()
		part := cached + ".part"
		_ = os.Remove(part)
		if err := buildMergingFixture(b.Context(), part, n); err != nil {
			return "", err
		}
		if err := os.Rename(part, cached); err != nil {
			return "", err
		}
		b.Logf("built %d-incident store at %s in %s", n, cached, time.Since(t0).Round(time.Second))
	}
	db, err := Open(b.Context(), cached, nil) // applies migrations added since it was built
	if err != nil {
		return "", err
	}
	if err := db.Close(); err != nil {
		return "", err
	}
	if _, err := os.Stat(cached + "-wal"); err == nil {
		return "", fmt.Errorf("%s-wal left behind: the cached store was not closed cleanly", cached)
	}
	return tmp, copyFile(cached, tmp)
}

// buildMergingFixture fills a new store at path and adopts its incidents
// into clusters, as a store from before merging at ingest would be.
func buildMergingFixture(ctx context.Context, path string, n int) error {
	db, err := Open(ctx, path, nil)
	if err != nil {
		return err
	}
	if err := fill1M(ctx, db, n); err != nil {
		return errors.Join(err, db.Close())
	}
	if err := markUnadopted(db); err != nil {
		return errors.Join(err, db.Close())
	}
	if err := db.Close(); err != nil {
		return err
	}
	if db, err = Open(ctx, path, nil); err != nil { // adopts the incidents into clusters
		return err
	}
	return db.Close()
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		return errors.Join(err, dst.Close())
	}
	// Flush the copy now: left dirty, it would be written out by the
	// first checkpoint's fsync, inside the timed loop.
	if err := dst.Sync(); err != nil {
		return errors.Join(err, dst.Close())
	}
	return dst.Close()
}

// markUnadopted says the store holds incidents without clusters, as
// fill1M leaves it (it writes incidents straight into the tables), so the
// next Open adopts them.
func markUnadopted(db *DB) error {
	_, err := db.w.Exec(`UPDATE store_meta SET value = '0' WHERE key = 'adopted'`)
	return err
}
