package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/trend"
)

// risingStore holds a quiet series (one attack a week for 30 weeks) that
// then jumps to five a week for four weeks, and a steady series in another
// region; every incident is a different day, place or actor, so merging
// keeps them apart.
func risingStore(t *testing.T) *memStore {
	st := newMemStore(t)
	st.incidents = nil
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	add := func(day int, actor, admin1, outlet string, killed int) {
		n := len(st.incidents)
		k := killed
		lat, lon := 35.4+float64(n%20)/50, 44.4
		if admin1 == "Basra" {
			lat, lon = 30.5+float64(n%20)/50, 47.8
		}
		st.incidents = append(st.incidents, incident.Incident{
			EventID: fmt.Sprintf("TST%04d", n), ArticleID: fmt.Sprintf("a%04d", n), Doc: fmt.Sprintf("doc%d", n),
			EventDate: start.AddDate(0, 0, day).Format(time.DateOnly), TimePrecision: 1,
			EventType: "Violence against civilians", SubEventType: "Attack",
			Actor1: actor, Country: "Iraq", CountryCode: "IQ", Admin1: admin1,
			Location: fmt.Sprintf("Village %d", n), Latitude: &lat, Longitude: &lon, GeoPrecision: 1, Fatalities: &k,
			Sources: []incident.SourceRef{{ArticleID: fmt.Sprintf("a%04d", n), Outlet: outlet}},
		})
	}
	for w := range 30 {
		add(w*7+2, "Islamic State", "Kirkuk", "Wire A", 1)
		add(w*7+3, "Unidentified Armed Group (Iraq)", "Basra", "Wire B", 0)
	}
	for w := 30; w < 34; w++ {
		for d := range 5 {
			add(w*7+d, "Islamic State", "Kirkuk", "Wire A", 2)
		}
		add(w*7+3, "Unidentified Armed Group (Iraq)", "Basra", "Wire B", 0)
	}
	return st
}

func TestTrends(t *testing.T) {
	st := risingStore(t)
	s, _ := newTestServer(t, Options{Store: st})

	rec := do(t, s, "GET", "/api/v1/trends?all=true", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	by, _ := trend.ParseBy("actor,admin1")
	want := trend.Summarize(st.incidents, trend.Options{By: by, Merge: true, All: true, Params: trend.DefaultParams()})
	// The API answers with what `sitrep trends --json --all` prints.
	wantJSON, _ := json.Marshal(want)
	var wantAny, gotAny any
	if err := json.Unmarshal(wantJSON, &wantAny); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &gotAny); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantAny, gotAny); diff != "" {
		t.Errorf("API differs from trend.Summarize (-want +got):\n%s", diff)
	}
	got := decode[trend.Summary](t, rec)
	if got.Series != 2 || len(got.Signals) != 2 {
		t.Fatalf("series_total %d, %d listed; want 2 and 2", got.Series, len(got.Signals))
	}

	rec = do(t, s, "GET", "/api/v1/trends", nil)
	got = decode[trend.Summary](t, rec)
	if len(got.Signals) != 1 || got.Signals[0].Key.Actor != "Islamic State" || got.Signals[0].Key.Admin1 != "Kirkuk" {
		t.Fatalf("signalling series %+v, want only Islamic State in Kirkuk", got.Signals)
	}
	sig := got.Signals[0]
	if len(sig.CUSUM) == 0 || !strings.Contains(strings.Join(sig.Why, " "), "CUSUM") {
		t.Errorf("the rise is not explained by a CUSUM alarm: %+v", sig)
	}
}

func TestTrendsParams(t *testing.T) {
	s, _ := newTestServer(t, Options{Store: risingStore(t)})
	tests := []struct {
		query  string
		status int
		series int
	}{
		{"by=country&all=1", http.StatusOK, 1},
		{"by=actor,country&all=true", http.StatusOK, 2},
		{"from=2024-08-01&to=2024-12-31&all=1", http.StatusOK, 2},
		{"from=2030-01-01", http.StatusOK, 0},
		{"by=actor,admin1,country", http.StatusBadRequest, 0},
		{"by=weather", http.StatusBadRequest, 0},
		{"all=maybe", http.StatusBadRequest, 0},
		{"from=2024-13-01", http.StatusBadRequest, 0},
		{"from=2024-06-01&to=2024-01-01", http.StatusBadRequest, 0},
		{"country=Iraq", http.StatusBadRequest, 0},
		{"by=actor&by=country", http.StatusBadRequest, 0},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			rec := do(t, s, "GET", "/api/v1/trends?"+tc.query, nil)
			if tc.status != http.StatusOK {
				wantError(t, rec, tc.status, "invalid")
				return
			}
			got := decode[trend.Summary](t, rec)
			if rec.Code != http.StatusOK || len(got.Signals) != tc.series {
				t.Errorf("status %d, %d series; want %d, %d", rec.Code, len(got.Signals), tc.status, tc.series)
			}
			if !strings.Contains(rec.Body.String(), `"series":[`) {
				t.Errorf("series is not a list: %s", rec.Body.String()[:min(200, rec.Body.Len())])
			}
		})
	}
}

func TestTrendsStoreError(t *testing.T) {
	st := newMemStore(t)
	st.fail = fmt.Errorf("disk gone")
	s, _ := newTestServer(t, Options{Store: st})
	wantError(t, do(t, s, "GET", "/api/v1/trends", nil), http.StatusInternalServerError, "internal")
}

// TestTrendsCache: an answer is reused until a write through the server,
// and the cache holds a bounded number of ranges.
func TestTrendsCache(t *testing.T) {
	st := risingStore(t)
	s, _ := newTestServer(t, Options{Store: st})
	reports := func() int {
		return decode[trend.Summary](t, do(t, s, "GET", "/api/v1/trends?all=1", nil)).Reports
	}
	before := reports()
	st.mu.Lock()
	st.incidents = st.incidents[:len(st.incidents)-1]
	st.mu.Unlock()
	if got := reports(); got != before {
		t.Errorf("cached answer not reused: %d reports, then %d", before, got)
	}
	s.staleSources() // what a write through the server does
	if got := reports(); got != before-1 {
		t.Errorf("after a write: %d reports, want %d", got, before-1)
	}
	for i := range trendCacheSize + 4 {
		do(t, s, "GET", fmt.Sprintf("/api/v1/trends?from=2024-01-%02d", i+1), nil)
	}
	if n := len(s.trendCache.entries); n > trendCacheSize {
		t.Errorf("trend cache holds %d entries, bound %d", n, trendCacheSize)
	}
}
