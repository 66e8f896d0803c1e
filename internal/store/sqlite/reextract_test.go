package sqlite

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

func diyala(id, place string, lat, lon float64, dead int) incident.Incident {
	return incident.Incident{
		EventID: id, EventDate: "2024-06-02", TimePrecision: 1,
		EventType: incident.ExplosionsRemote, SubEventType: "Suicide bomb",
		Actor1: "Islamic State (Iraq)", Actor2: "Civilians (Iraq)",
		Country: "Iraq", CountryCode: "IQ", Admin1: "Diyala", Location: place,
		Latitude: incident.Float(lat), Longitude: incident.Float(lon), GeoPrecision: 1, Fatalities: incident.Int(dead),
	}
}

// TestReextractKeepsIDs re-codes a stored article with an extractor that
// finds one more incident earlier in the text and counts another toll: the
// incidents it found before keep their IDs, the new one is added, and the
// same extraction again changes nothing.
func TestReextractKeepsIDs(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := t.Context()
	a := &article.Article{Outlet: "Plain Herald", Text: "Two bombings in Diyala on Sunday: one at the Jalawla market, one in Qara Tapa.\nOfficials gave tolls for both."}
	first := []incident.Incident{diyala("X-0", "Jalawla", 34.27, 45.16, 9), diyala("X-1", "Qara Tapa", 34.42, 44.93, 3)}
	saved, err := db.SaveArticle(ctx, a, first)
	if err != nil {
		t.Fatal(err)
	}
	b := &article.Article{Outlet: "Ridge Post", Text: "The market blast in Jalawla left eleven dead, a hospital source told us.\nIt was the worst in months."}
	if _, err := db.SaveArticle(ctx, b, []incident.Incident{diyala("Y-0", "Jalawla", 34.27, 45.16, 11)}); err != nil {
		t.Fatal(err)
	}
	// the new extractor numbers its incidents differently and finds a third
	recoded := []incident.Incident{
		diyala("X-0", "Saadiya", 34.19, 45.12, 2),
		diyala("X-1", "Jalawla", 34.27, 45.16, 9),
		diyala("X-2", "Qara Tapa", 34.42, 44.93, 4),
	}
	res, err := db.Reextract(ctx, saved.ArticleID, recoded)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ReextractResult{ArticleID: saved.ArticleID, Kept: 1, Changed: 1, Added: 1}, res); diff != "" {
		t.Errorf("re-extract result (-want +got):\n%s", diff)
	}
	if in, err := db.Incident(ctx, "X-1"); err != nil || in.Location != "Qara Tapa" || *in.Fatalities != 4 {
		t.Errorf("X-1 after re-extraction: %+v, %v; want Qara Tapa with 4 dead under its old ID", in, err)
	}
	if in, err := db.Incident(ctx, "X-0"); err != nil || in.Location != "Jalawla" || len(in.Sources) != 2 {
		t.Errorf("X-0 after re-extraction: %+v, %v; want Jalawla with both sources", in, err)
	}
	page, err := db.Incidents(ctx, incident.Filter{})
	if err != nil || len(page.Incidents) != 3 {
		t.Fatalf("incidents after re-extraction: %d, %v; want 3", len(page.Incidents), err)
	}
	revs, _ := db.Revisions(ctx, "X-1")
	again, err := db.Reextract(ctx, saved.ArticleID, recoded)
	if err != nil || again.Kept != 3 || again.Changed+again.Added+again.Withdrawn != 0 {
		t.Errorf("same extraction again: %+v, %v; want 3 kept", again, err)
	}
	if revs2, _ := db.Revisions(ctx, "X-1"); len(revs2) != len(revs) {
		t.Errorf("an unchanged re-extraction wrote revisions: %d → %d", len(revs), len(revs2))
	}
	// an extractor that finds only the market bombing withdraws the rest
	res, err = db.Reextract(ctx, saved.ArticleID, recoded[1:2])
	if err != nil || res.Withdrawn != 2 {
		t.Fatalf("narrower extraction: %+v, %v; want 2 withdrawn", res, err)
	}
	ts, err := db.Tombstones(ctx, time.Time{})
	if err != nil || len(ts) != 2 {
		t.Errorf("tombstones: %+v, %v; want the two withdrawn incidents", ts, err)
	}
}
