package sqlite

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// TestHistoryInvariants runs a random mix of ingests, re-extractions,
// corrections, merges and splits over a few places and days, and checks
// after each step that the store is consistent: one incident row per live
// cluster, every live report in a live cluster, tombstones pointing at
// live incidents (or nothing), and the rollups counting what incidents hold.
func TestHistoryInvariants(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := t.Context()
	rng := rand.New(rand.NewPCG(7, 8))
	places := []struct {
		name     string
		lat, lon float64
	}{{"Baquba", 33.75, 44.64}, {"Khalis", 33.81, 44.53}, {"Jalawla", 34.27, 45.16}, {"Muqdadiyah", 33.98, 44.94}}
	report := func() incident.Incident {
		p := places[rng.IntN(len(places))]
		return incident.Incident{EventDate: fmt.Sprintf("2024-05-%02d", 1+rng.IntN(4)), TimePrecision: 1,
			EventType: incident.Battles, SubEventType: "Armed clash", Actor1: "Islamic State (Iraq)",
			Country: "Iraq", CountryCode: "IQ", Admin1: "Diyala", Location: p.name,
			Latitude: incident.Float(p.lat), Longitude: incident.Float(p.lon), GeoPrecision: 1, Fatalities: incident.Int(rng.IntN(9))}
	}
	var articles []string
	for step := range 120 {
		var err error
		switch op := rng.IntN(10); {
		case op < 5 || len(articles) == 0:
			ins := make([]incident.Incident, 1+rng.IntN(2))
			for i := range ins {
				ins[i] = report()
			}
			a := &article.Article{Outlet: "Outlet " + strconv.Itoa(rng.IntN(5)), Text: fmt.Sprintf("story %d about Diyala %d", step, rng.Int())}
			if _, err = db.SaveArticle(ctx, a, ins); err == nil {
				articles = append(articles, a.ID)
			}
		case op == 5:
			_, err = db.Reextract(ctx, articles[rng.IntN(len(articles))], []incident.Incident{report()})
		default:
			err = randomAnalystStep(t, db, rng, op)
		}
		if err != nil && !errors.Is(err, incident.ErrInvalid) && !errors.Is(err, incident.ErrNotFound) {
			t.Fatalf("step %d: %v", step, err)
		}
		checkInvariants(t, db, step)
	}
	var clusters, reports, tombstones, corrections, revisions int
	if err := db.r.QueryRow(`SELECT (SELECT count(*) FROM clusters), (SELECT count(*) FROM reports),
		(SELECT count(*) FROM tombstones), (SELECT count(*) FROM corrections), (SELECT count(*) FROM revisions)`).
		Scan(&clusters, &reports, &tombstones, &corrections, &revisions); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d reports in %d incidents, %d tombstones, %d corrections, %d revisions", reports, clusters, tombstones, corrections, revisions)
	if clusters >= reports || tombstones == 0 || corrections == 0 {
		t.Errorf("the random steps exercised too little: %d reports, %d incidents, %d tombstones, %d corrections",
			reports, clusters, tombstones, corrections)
	}
}

func randomAnalystStep(t *testing.T, db *DB, rng *rand.Rand, op int) error {
	ctx := t.Context()
	page, err := db.Incidents(ctx, incident.Filter{Limit: 1000})
	if err != nil || len(page.Incidents) == 0 {
		return err
	}
	pick := func() incident.Incident { return page.Incidents[rng.IntN(len(page.Incidents))] }
	switch op {
	case 6, 7:
		_, err = db.Correct(ctx, incident.Correction{IncidentID: pick().EventID, Field: "fatalities", Value: strconv.Itoa(rng.IntN(20)), Why: "random"})
	case 8:
		_, err = db.MergeIncidents(ctx, pick().EventID, pick().EventID, "random")
	default:
		in := pick()
		if len(in.Sources) > 0 {
			_, err = db.SplitSource(ctx, in.EventID, in.Sources[rng.IntN(len(in.Sources))].ArticleID, "random")
		}
	}
	return err
}

func checkInvariants(t *testing.T, db *DB, step int) {
	t.Helper()
	queries := []struct{ what, q string }{
		{"clusters without an incident", `SELECT count(*) FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.event_id = c.id)`},
		{"incidents without a cluster", `SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = i.event_id)`},
		{"live reports in no cluster", `SELECT count(*) FROM reports r WHERE withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = r.cluster_id)`},
		{"clusters without a live report", `SELECT count(*) FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.cluster_id = c.id AND withdrawn_at IS NULL)`},
		{"tombstones of live IDs", `SELECT count(*) FROM tombstones t WHERE EXISTS (SELECT 1 FROM clusters c WHERE c.id = t.event_id)`},
		{"tombstones pointing nowhere", `SELECT count(*) FROM tombstones t WHERE merged_into <> '' AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = t.merged_into)`},
		{"rollup count off", `SELECT abs((SELECT coalesce(sum(n), 0) FROM series_daily) - (SELECT count(*) FROM incidents WHERE event_date <> ''))`},
	}
	for _, c := range queries {
		var n int
		if err := db.r.QueryRow(c.q).Scan(&n); err != nil {
			t.Fatalf("step %d: %s: %v", step, c.what, err)
		}
		if n != 0 {
			t.Fatalf("step %d: %d %s", step, n, c.what)
		}
	}
}
