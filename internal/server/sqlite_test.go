package server

import (
	"cmp"
	"context"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

// newSQLiteStore opens a fresh SQLite store seeded with the demo articles
// and their incidents, the way sitrep serve would see them.
func newSQLiteStore(t testing.TB) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	d := loadDemo(t)
	for i := range d.Articles {
		a := d.Articles[i]
		var incs []incident.Incident
		for _, in := range d.Incidents {
			if in.ArticleID == a.ID {
				incs = append(incs, in)
			}
		}
		if _, err := db.SaveArticle(ctx, &a, incs); err != nil {
			t.Fatalf("seed %s: %v", a.ID, err)
		}
	}
	return db
}

// TestSQLiteAgreesWithMemStore runs the same filtered queries through the
// API over the SQLite backend and over the in-test store: the handlers must
// give the same incidents whichever store is behind them.
func TestSQLiteAgreesWithMemStore(t *testing.T) {
	mem, _ := newTestServer(t, Options{})
	lite, err := New(Options{Store: newSQLiteStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"", "from=2024-03-06&to=2024-03-14", "country=Somalia", "admin1=Borno", "event_type=Battles",
		"min_fatalities=5", "bbox=40,0,50,40", "actor=Al+Shabaab", "sort=-fatalities&limit=3",
	} {
		t.Run(q, func(t *testing.T) {
			want := ids(decode[incident.Page](t, do(t, mem, "GET", "/api/v1/incidents?"+q, nil)))
			rec := do(t, lite, "GET", "/api/v1/incidents?"+q, nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("sqlite: %d %s", rec.Code, rec.Body.String())
			}
			got := ids(decode[incident.Page](t, rec))
			if q == "" || q == "country=Somalia" || q == "admin1=Borno" || q == "event_type=Battles" {
				slices.Sort(want) // ties on event_date may be broken differently
				slices.Sort(got)
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("sqlite vs in-test store (-mem +sqlite):\n%s", diff)
			}
		})
	}
}

func TestSQLiteSeries(t *testing.T) {
	mem, _ := newTestServer(t, Options{})
	lite, err := New(Options{Store: newSQLiteStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	type series struct {
		Points []incident.SeriesPoint `json:"points"`
	}
	for _, q := range []string{"interval=week", "interval=week&country=Nigeria", "interval=week&by=event_type"} {
		t.Run(q, func(t *testing.T) {
			want := decode[series](t, do(t, mem, "GET", "/api/v1/stats/series?"+q, nil)).Points
			got := decode[series](t, do(t, lite, "GET", "/api/v1/stats/series?"+q, nil)).Points
			less := func(a, b incident.SeriesPoint) int {
				if c := cmp.Compare(a.Period, b.Period); c != 0 {
					return c
				}
				return cmp.Compare(a.Key, b.Key)
			}
			slices.SortFunc(want, less)
			slices.SortFunc(got, less)
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("series (-mem +sqlite):\n%s", diff)
			}
		})
	}
}

// TestSQLiteHistory drives the history routes over the SQLite store, which
// implements History and Corrector: a correction shows in the incident and
// its revisions, and a merge leaves a tombstone.
func TestSQLiteHistory(t *testing.T) {
	db := newSQLiteStore(t)
	s, err := New(Options{Store: db, Token: "k"})
	if err != nil {
		t.Fatal(err)
	}
	cfg := decode[clientConfig](t, do(t, s, "GET", "/api/v1/config", nil))
	if !cfg.History || !cfg.Corrections {
		t.Errorf("config %+v: the SQLite store keeps history and takes corrections", cfg)
	}
	rec := do(t, s, "POST", "/api/v1/incidents/SRX001/corrections",
		strings.NewReader(`{"field":"fatalities","value":"7","why":"hospital count","author":"desk"}`), jsonAuth...)
	if got := decode[map[string]any](t, rec); rec.Code != http.StatusOK || got["fatalities"] != 7.0 {
		t.Fatalf("correction: %d %s", rec.Code, rec.Body.String())
	}
	revs := decode[struct {
		Revisions []incident.Revision `json:"revisions"`
	}](t, do(t, s, "GET", "/api/v1/incidents/SRX001/revisions", nil)).Revisions
	if !slices.ContainsFunc(revs, func(r incident.Revision) bool { return r.Field == "fatalities" && r.New == "7" }) {
		t.Errorf("revisions %+v lack the correction", revs)
	}
	wantError(t, do(t, s, "POST", "/api/v1/incidents/SRX001/corrections",
		strings.NewReader(`{"field":"no_such_field","value":"1","why":"w"}`), jsonAuth...), http.StatusBadRequest, "invalid")

	rec = do(t, s, "POST", "/api/v1/incidents/SRX008/merge", strings.NewReader(`{"absorb":"SRX007","why":"one offensive"}`), jsonAuth...)
	if rec.Code != http.StatusOK {
		t.Fatalf("merge: %d %s", rec.Code, rec.Body.String())
	}
	tombs := decode[struct {
		Tombstones []incident.Tombstone `json:"tombstones"`
	}](t, do(t, s, "GET", "/api/v1/tombstones", nil)).Tombstones
	if !slices.ContainsFunc(tombs, func(ts incident.Tombstone) bool { return ts.EventID == "SRX007" && ts.MergedInto == "SRX008" }) {
		t.Errorf("tombstones %+v lack SRX007 merged into SRX008", tombs)
	}
	rec = do(t, s, "GET", "/api/v1/incidents/SRX007", nil)
	wantError(t, rec, http.StatusGone, "gone")
	if !strings.Contains(rec.Body.String(), "merged into SRX008") {
		t.Errorf("410 for a merged incident does not say where it went: %s", rec.Body.String())
	}
}
