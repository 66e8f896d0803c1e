package server

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

// benchStore fills a SQLite store with n incidents generated from the demo
// fixture: dates spread over two years, positions jittered around the
// fixture's places, 50 incidents per article.
func benchStore(b *testing.B, n int) *sqlite.DB {
	b.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	d := loadDemo(b)
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for a := 0; a*50 < n; a++ {
		art := d.Articles[a%len(d.Articles)]
		art.Text = randomText(r, a) // distinct enough not to be a near-duplicate
		art.ID = article.Hash(art.Text)
		incs := make([]incident.Incident, 0, 50)
		for i := 0; i < 50 && a*50+i < n; i++ {
			in := d.Incidents[r.IntN(len(d.Incidents))]
			in.EventID = fmt.Sprintf("B%07d", a*50+i)
			in.ArticleID = art.ID
			in.EventDate = start.AddDate(0, 0, r.IntN(730)).Format(time.DateOnly)
			if in.Latitude != nil {
				lat, lon := *in.Latitude+r.Float64()-0.5, *in.Longitude+r.Float64()-0.5
				in.Latitude, in.Longitude = &lat, &lon
			}
			in.Evidence, in.Sources = nil, nil
			incs = append(incs, in)
		}
		if _, err := db.SaveArticle(ctx, &art, incs); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

// BenchmarkAPI measures whole requests (routing, parsing, store, JSON)
// against a 20,000-incident SQLite store.
func BenchmarkAPI(b *testing.B) {
	s, err := New(Options{Store: benchStore(b, 20000)})
	if err != nil {
		b.Fatal(err)
	}
	for _, path := range []string{
		"/api/v1/incidents?limit=100",
		"/api/v1/incidents?country=Nigeria&from=2024-01-01&to=2024-06-30&limit=100",
		"/api/v1/incidents?bbox=40,0,50,12&sort=-fatalities&limit=100",
		"/api/v1/incidents/B0001234",
		"/api/v1/stats/series?interval=week",
		"/api/v1/stats/series?interval=week&by=event_type&country=Somalia",
		"/api/v1/export.csv?country=Iraq&limit=1000",
	} {
		b.Run(path, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", path, rec.Code, rec.Body.String())
				}
			}
		})
	}
}

func randomText(r *rand.Rand, seq int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "Report %d.", seq)
	for range 80 {
		fmt.Fprintf(&sb, " w%x", r.Uint32())
	}
	return sb.String()
}
