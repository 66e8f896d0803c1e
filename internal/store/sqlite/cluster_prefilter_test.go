package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// crowded makes reports of a few places on a few days, most of which agree
// with many others on all tests but one or two: a dense block, where the
// prefilter has the most to rule out and the most chances to rule out a
// cluster it must keep.
func crowded(rng *rand.Rand) incident.Incident {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	types := [][2]string{
		{incident.Battles, "Armed clash"}, {incident.ExplosionsRemote, "Suicide bomb"},
		{incident.ViolenceAgainstCivs, "Attack"}, {incident.Protests, "Peaceful protest"},
		{incident.Riots, "Mob violence"}, {incident.StrategicDevelopment, "Arrests"}, {"", ""},
	}
	ty := types[rng.IntN(len(types))]
	day := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(10))
	in := incident.Incident{
		EventDate: day.Format(time.DateOnly), TimePrecision: 1 + rng.IntN(3)/2*(1+rng.IntN(2)),
		EventType: ty[0], SubEventType: ty[1],
		Actor1:      pick("Islamic State (Iraq)", "Unidentified Armed Group (Iraq)", "Military Forces of Iraq", "PMF", ""),
		AssocActor1: pick("", "", "", "PMF"),
		Actor2:      pick("Civilians (Iraq)", "", "Military Forces of Iraq"),
		Country:     "Iraq", CountryCode: "IQ", Admin1: pick("Diyala", "Diyala", "Kirkuk", ""),
		Admin2:   pick("Khanaqin", "Baqubah", ""),
		Location: pick("Jalawla", "Qara Tapa", "Khanaqin", "Saadiya", ""), GeoPrecision: 1 + rng.IntN(3),
	}
	if rng.IntN(8) > 0 {
		in.Latitude = incident.Float(34.3 + rng.NormFloat64()*0.12)
		in.Longitude = incident.Float(45.1 + rng.NormFloat64()*0.12)
	}
	if rng.IntN(4) > 0 {
		in.Fatalities = incident.Int(rng.IntN(9))
	}
	return in
}

// TestPrefilterKeepsEveryJoin ingests a crowded store one article at a
// time (with analyst corrections that move some merged incidents away from
// their reports), then for many new reports compares joinable — candidates
// ruled out by window, type family and sketch before any is decoded — with
// the full comparison the store made before sketches: every cluster of the
// block decoded and tried. Every cluster merge.Join accepts must survive,
// and the cluster chosen must be the same.
func TestPrefilterKeepsEveryJoin(t *testing.T) {
	ctx := t.Context()
	db := openTemp(t)
	defer db.Close()
	rng := rand.New(rand.NewPCG(3, 4))
	for a := range 150 {
		ins := make([]incident.Incident, 1+rng.IntN(3))
		for k := range ins {
			ins[k] = crowded(rng)
		}
		art := &article.Article{Outlet: fmt.Sprintf("Outlet %d", a%7), Text: fmt.Sprintf("crowded article %d", a)}
		if _, err := db.SaveArticle(ctx, art, ins); err != nil {
			t.Fatal(err)
		}
		if a%15 == 14 { // an analyst moves the latest incident's place, date or type
			var id string
			if err := db.r.QueryRowContext(ctx, `SELECT id FROM clusters ORDER BY seq DESC LIMIT 1`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			fix := [][2]string{{"location", "Saadiya"}, {"event_date", "2024-06-09"}, {"event_type", incident.Protests},
				{"latitude", "34.9"}, {"admin1", "Kirkuk"}}[a/15%5]
			if _, err := db.Correct(ctx, incident.Correction{IncidentID: id, Field: fix[0], Value: fix[1], Why: "test"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	c := compareWithFull(t, db, 250, func() incident.Incident { return crowded(rng) })
	t.Logf("%d probes: %d block candidates, %d past the prefilter, %d accepted by Join, %d joined",
		c.probes, c.blocks, c.survivors, c.accepted, c.joined)
	if c.accepted < 100 || c.joined < 50 || c.survivors*2 > c.blocks {
		t.Errorf("the store is not crowded enough to test the prefilter: %+v", c)
	}

	// Clusters not sketched yet (a store from before 00012, until Open
	// backfills it) are read whole.
	if _, err := db.w.ExecContext(ctx, `DELETE FROM cluster_sketches WHERE id IN (SELECT id FROM clusters WHERE seq % 2 = 0)`); err != nil {
		t.Fatal(err)
	}
	if c := compareWithFull(t, db, 50, func() incident.Incident { return crowded(rng) }); c.accepted == 0 {
		t.Errorf("no probe joined with half the sketches gone: %+v", c)
	}
}

var errRollback = errors.New("rolled back on purpose")

// prefilterCounts sums what compareWithFull saw.
type prefilterCounts struct{ probes, blocks, survivors, accepted, joined int }

// compareWithFull tries n reports from probe against the store both ways
// and reports any cluster Join accepts that joinable drops, or any
// difference in the cluster chosen. Nothing is written.
func compareWithFull(t *testing.T, db *DB, n int, probe func() incident.Incident) prefilterCounts {
	t.Helper()
	ctx := t.Context()
	c := prefilterCounts{probes: n}
	for range n {
		in := probe()
		in.ArticleID = "probe"
		err := db.inTx(ctx, func(tx *wtx) error {
			all, err := blockClusters(ctx, tx, &in)
			if err != nil {
				return err
			}
			ids, clusters, err := joinable(ctx, tx, &in)
			if err != nil {
				return err
			}
			c.blocks += len(all)
			c.survivors += len(ids)
			o := merge.DefaultOptions()
			full := make([][]incident.Incident, len(all))
			for i, id := range all {
				merged, err := clusterIncident(ctx, tx, id)
				if err != nil {
					return err
				}
				full[i] = []incident.Incident{merged}
				if o.Join(&in, full[i:i+1]) == 0 {
					c.accepted++
					if !slices.Contains(ids, id) {
						t.Errorf("prefilter drops cluster %s, which Join accepts for %+v", id, in)
					}
				}
			}
			want, got := "", ""
			if best := o.Join(&in, full); best >= 0 {
				want = all[best]
				c.joined++
			}
			if best := o.Join(&in, clusters); best >= 0 {
				got = ids[best]
			}
			if got != want {
				t.Errorf("joins %q through the prefilter, %q comparing all: %+v", got, want, in)
			}
			return errRollback
		})
		if !errors.Is(err, errRollback) {
			t.Fatal(err)
		}
	}
	return c
}

// TestCandidatePlan: the candidate lookup reads the block index alone (a
// table read per report in the date range made it grow with the store) and
// each sketch by its key.
func TestCandidatePlan(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	rows, err := db.r.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+candidateSQL, "IQ", "diyala", 1, 40, 30, 40, 30, "violence", "violence")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(plan, "\n")
	for _, want := range []string{"COVERING INDEX reports_block", "SEARCH s USING PRIMARY KEY"} {
		if !strings.Contains(all, want) {
			t.Errorf("candidate plan lacks %q:\n%s", want, all)
		}
	}
}

// TestPrefilterOnBenchStore runs the comparison on the 1M-incident store
// BenchmarkIngestMerging caches, when there is one (it takes ~50 min to
// build): retellings of stored incidents, some moved a day, a little or to
// another named place.
func TestPrefilterOnBenchStore(t *testing.T) {
	const n = 1_000_000
	dir := os.Getenv("SITREP_BENCH_MERGE_DIR")
	path := filepath.Join(dir, fmt.Sprintf("ingest-merging-%d.db", n))
	if _, err := os.Stat(path); dir == "" || err != nil {
		t.Skip("no cached store: set SITREP_BENCH_MERGE_DIR and run BenchmarkIngestMerging with SITREP_BENCH_BIG=1000000")
	}
	db, err := Open(t.Context(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(21, 22))
	c := compareWithFull(t, db, 600, func() incident.Incident {
		in, err := db.Incident(t.Context(), fmt.Sprintf("GEN%07d", rng.IntN(n)))
		if err != nil {
			t.Fatal(err)
		}
		in.EventID, in.Doc, in.Sources, in.Evidence = "", "", nil, nil
		switch rng.IntN(4) {
		case 0:
			if d, err := time.Parse(time.DateOnly, in.EventDate); err == nil {
				in.EventDate = d.AddDate(0, 0, 1).Format(time.DateOnly)
			}
		case 1:
			if in.Latitude != nil {
				in.Latitude = incident.Float(*in.Latitude + rng.NormFloat64()*0.1)
			}
		case 2:
			in.Location = fmt.Sprintf("Place %d", rng.IntN(500))
		}
		return in
	})
	t.Logf("%+v", c)
}

// blockClusters lists what the store compared a report with before
// sketches: every cluster with a live report in its block and window.
func blockClusters(ctx context.Context, tx *wtx, in *incident.Incident) ([]string, error) {
	lo, hi, ok := merge.Window(in)
	if !ok || !merge.Mergeable(in) {
		return nil, nil
	}
	lag := merge.DefaultOptions().LagDays
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT cluster_id FROM reports
		WHERE country_key = ? AND admin1_key = ? AND day_lo BETWEEN ? AND ? AND day_hi >= ?
		AND withdrawn_at IS NULL AND day_lo IS NOT NULL ORDER BY cluster_id`,
		merge.CountryKey(in), merge.Admin1Key(in), lo-lag-merge.MaxWindowDays, hi+lag, lo-lag)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// TestSketchesFollowClusters: every live cluster has a sketch made from
// its body as stored, through ingest, correction, merge, split and
// withdrawal, and a tombstoned cluster has none.
func TestSketchesFollowClusters(t *testing.T) {
	ctx := t.Context()
	db := openTemp(t)
	defer db.Close()
	rng := rand.New(rand.NewPCG(11, 12))
	var saved []string
	for a := range 40 {
		art := &article.Article{Outlet: "Wire", Text: fmt.Sprintf("article number %d", a)}
		res, err := db.SaveArticle(ctx, art, []incident.Incident{crowded(rng), crowded(rng)})
		if err != nil {
			t.Fatal(err)
		}
		saved = append(saved, res.ArticleID)
	}
	var multi, a, b string
	if err := db.r.QueryRowContext(ctx, `SELECT cluster_id FROM reports GROUP BY cluster_id HAVING count(*) > 1 LIMIT 1`).Scan(&multi); err != nil {
		t.Fatal(err)
	}
	var art string
	if err := db.r.QueryRowContext(ctx, `SELECT article_id FROM reports WHERE cluster_id = ? ORDER BY seq DESC LIMIT 1`, multi).Scan(&art); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SplitSource(ctx, multi, art, "test split"); err != nil {
		t.Fatal(err)
	}
	if err := db.r.QueryRowContext(ctx, `SELECT min(id), max(id) FROM clusters`).Scan(&a, &b); err != nil {
		t.Fatal(err)
	}
	if _, err := db.MergeIncidents(ctx, a, b, "test merge"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Correct(ctx, incident.Correction{IncidentID: a, Field: "location", Value: "Elsewhere", Why: "test"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Reextract(ctx, saved[3], []incident.Incident{crowded(rng)}); err != nil {
		t.Fatal(err)
	}
	checkSketches(t, db)
	var stale int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM cluster_sketches WHERE id NOT IN (SELECT id FROM clusters)`).Scan(&stale); err != nil || stale > 0 {
		t.Errorf("%d sketches of clusters that are gone (%v)", stale, err)
	}

	// A store from before sketches gets them at Open.
	if _, err := db.w.ExecContext(ctx, `DELETE FROM cluster_sketches`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `UPDATE store_meta SET value = '0' WHERE key = 'sketched'`); err != nil {
		t.Fatal(err)
	}
	if err := db.backfill(ctx); err != nil {
		t.Fatal(err)
	}
	checkSketches(t, db)
}

func checkSketches(t *testing.T, db *DB) {
	t.Helper()
	rows, err := db.r.QueryContext(t.Context(), `SELECT c.id, c.body, s.sketch, s.type_group, s.day_lo, s.day_hi
		FROM clusters c LEFT JOIN cluster_sketches s ON s.id = c.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id, body string
		var sketch, group *string
		var lo, hi *int
		if err := rows.Scan(&id, &body, &sketch, &group, &lo, &hi); err != nil {
			t.Fatal(err)
		}
		n++
		var merged incident.Incident
		if err := json.Unmarshal([]byte(body), &merged); err != nil {
			t.Fatal(err)
		}
		l, h, _ := merge.Window(&merged)
		if sketch == nil || *sketch != merge.Sketch(&merged) || *group != merge.TypeGroup(&merged) ||
			lo == nil || *lo != l || hi == nil || *hi != h {
			t.Errorf("cluster %s: sketch row (%v, %v, %v, %v) does not match its body", id, sketch, group, lo, hi)
		}
	}
	if err := rows.Err(); err != nil || n == 0 {
		t.Fatalf("%d clusters checked (%v)", n, err)
	}
}
