package server

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// outletStore: two wires report the same six events (each corroborates
// the other), the first wire alone reports a seventh, and a blog with no
// track record reports an eighth.
func outletStore(t *testing.T) *memStore {
	st := newMemStore(t)
	st.incidents = nil
	add := func(id, outlet string, day int, town string) {
		k, lat, lon := 2, 36.0+float64(day)/10, 43.0
		st.incidents = append(st.incidents, incident.Incident{
			EventID: id, ArticleID: "a-" + id, Doc: "d-" + id,
			EventDate: fmt.Sprintf("2024-04-%02d", day), TimePrecision: 1,
			EventType: "Battles", SubEventType: "Armed clash", Actor1: "Islamic State",
			Country: "Iraq", CountryCode: "IQ", Admin1: "Nineveh", Location: town,
			Latitude: &lat, Longitude: &lon, GeoPrecision: 1, Fatalities: &k,
			Sources: []incident.SourceRef{{ArticleID: "a-" + id, Outlet: outlet}},
		})
	}
	for d := 1; d <= 6; d++ {
		town := fmt.Sprintf("Town %d", d)
		add(fmt.Sprintf("A%d", d), "North Wire", d*3, town)
		add(fmt.Sprintf("B%d", d), "South Wire", d*3, town)
	}
	add("A7", "North Wire", 25, "Town 7")
	add("L1", "Lone Blog", 27, "Town 8")
	return st
}

func TestSourcesProfiles(t *testing.T) {
	s, _ := newTestServer(t, Options{Store: outletStore(t)})
	rec := do(t, s, "GET", "/api/v1/sources", nil)
	got := decode[sourcesResponse](t, rec)
	if rec.Code != http.StatusOK || len(got.Outlets) != 3 {
		t.Fatalf("status %d, outlets %+v", rec.Code, got.Outlets)
	}
	i := slices.IndexFunc(got.Outlets, func(p merge.Profile) bool { return p.Outlet == "North Wire" })
	if i < 0 {
		t.Fatalf("no North Wire in %+v", got.Outlets)
	}
	north := got.Outlets[i]
	if north.Articles != 7 || north.Incidents != 7 || north.Corroborated != 6 {
		t.Errorf("North Wire profile %+v, want 7 articles, 7 incidents, 6 corroborated", north)
	}
	if got.Credibility.MinIncidents == 0 {
		t.Errorf("credibility rule missing: %+v", got.Credibility)
	}
	wantError(t, do(t, s, "GET", "/api/v1/sources?outlet=x", nil), http.StatusBadRequest, "invalid")
}

func TestUnverifiedFlag(t *testing.T) {
	s, _ := newTestServer(t, Options{Store: outletStore(t)})
	// A7: the corroborated wire alone, trusted; L1: a blog with no record.
	want := map[string]bool{"A1": false, "B3": false, "A7": false, "L1": true}
	for id, w := range want {
		got := decode[map[string]any](t, do(t, s, "GET", "/api/v1/incidents/"+id, nil))
		if got["unverified"] != w {
			t.Errorf("incident %s unverified = %v, want %v", id, got["unverified"], w)
		}
	}
	for _, view := range []string{"full", "summary"} {
		page := decode[struct {
			Incidents []struct {
				EventID    string `json:"event_id"`
				Unverified *bool  `json:"unverified"`
			} `json:"incidents"`
		}](t, do(t, s, "GET", "/api/v1/incidents?limit=1000&view="+view, nil))
		var flagged []string
		for _, in := range page.Incidents {
			if in.Unverified == nil {
				t.Fatalf("view %s: %s has no unverified field", view, in.EventID)
			}
			if *in.Unverified {
				flagged = append(flagged, in.EventID)
			}
		}
		if !slices.Equal(flagged, []string{"L1"}) {
			t.Errorf("view %s flags %v, want only L1", view, flagged)
		}
	}

	rec := do(t, s, "GET", "/api/v1/export.csv", nil)
	rows, err := csv.NewReader(rec.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col, id := slices.Index(rows[0], "unverified"), slices.Index(rows[0], "event_id_cnty")
	for _, r := range rows[1:] {
		if w := r[id] == "L1"; r[col] != fmt.Sprint(w) {
			t.Errorf("CSV row %s: unverified %q, want %v", r[id], r[col], w)
		}
	}
	geo := do(t, s, "GET", "/api/v1/export.geojson", nil).Body.String()
	if strings.Count(geo, `"unverified":true`) != 1 || strings.Count(geo, `"unverified":false`) != 13 {
		t.Errorf("GeoJSON unverified properties: %d true, %d false; want 1 and 13",
			strings.Count(geo, `"unverified":true`), strings.Count(geo, `"unverified":false`))
	}
}

// TestUnverifiedAfterIngest: a newly ingested report of L1's event by
// another outlet corroborates it at once, since a write drops the profiles.
func TestUnverifiedAfterIngest(t *testing.T) {
	st := outletStore(t)
	ing := IngesterFunc(func(ctx context.Context, req IngestRequest) (IngestResult, error) {
		in := st.incidents[len(st.incidents)-1]
		in.EventID, in.ArticleID = "N1", "a-N1"
		in.Sources = []incident.SourceRef{{ArticleID: "a-N1", Outlet: "North Wire"}}
		a := article.Article{ID: "a-N1", Text: req.Text}
		saved, err := st.SaveArticle(ctx, &a, []incident.Incident{in})
		return IngestResult{Article: a, Incidents: []incident.Incident{in}, Saved: saved}, err
	})
	s, _ := newTestServer(t, Options{Store: st, Ingester: ing, Token: "k"})
	if got := decode[map[string]any](t, do(t, s, "GET", "/api/v1/incidents/L1", nil)); got["unverified"] != true {
		t.Fatalf("L1 before: unverified = %v", got["unverified"])
	}
	rec := do(t, s, "POST", "/api/v1/articles", strings.NewReader("a second outlet tells of the clash"),
		"Content-Type", "text/plain", "Authorization", "Bearer k")
	if rec.Code != http.StatusCreated {
		t.Fatalf("ingest: %d %s", rec.Code, rec.Body.String())
	}
	// The write marks the profiles stale: the next request starts their
	// recomputation and is answered from the old ones meanwhile.
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := decode[map[string]any](t, do(t, s, "GET", "/api/v1/incidents/L1", nil))
		if got["unverified"] == false {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("L1 still unverified 10 s after a second outlet reported it")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSourcesFirstLoadError: with no profiles yet a store failure is the
// request's error; once the store recovers the next request succeeds.
func TestSourcesFirstLoadError(t *testing.T) {
	st := outletStore(t)
	st.fail = errors.New("disk gone")
	s, _ := newTestServer(t, Options{Store: st})
	wantError(t, do(t, s, "GET", "/api/v1/sources", nil), http.StatusInternalServerError, "internal")
	st.mu.Lock()
	st.fail = nil
	st.mu.Unlock()
	if rec := do(t, s, "GET", "/api/v1/sources", nil); rec.Code != http.StatusOK {
		t.Errorf("after the store recovered: %d %s", rec.Code, rec.Body.String())
	}
	// Stale profiles are still served while the store fails again.
	s.staleSources()
	st.mu.Lock()
	st.fail = errors.New("disk gone again")
	st.mu.Unlock()
	if rec := do(t, s, "GET", "/api/v1/sources", nil); rec.Code != http.StatusOK {
		t.Errorf("stale profiles not served: %d %s", rec.Code, rec.Body.String())
	}
}
