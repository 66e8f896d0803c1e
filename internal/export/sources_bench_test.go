package export

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// BenchmarkNewSources profiles 20 outlets over 10,000 and 100,000 stored
// reports (two years, 50 regions), the work the server repeats at most once
// a minute to flag unverified incidents.
func BenchmarkNewSources(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(7, 7))
			start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
			reports := make([]incident.Incident, n)
			for i := range reports {
				lat, lon := 30+rng.Float64()*6, 40+rng.Float64()*6
				reports[i] = incident.Incident{
					EventID: fmt.Sprintf("B%d", i), ArticleID: fmt.Sprintf("a%d", i/2),
					EventDate: start.AddDate(0, 0, rng.IntN(730)).Format(time.DateOnly), TimePrecision: 1,
					EventType: "Battles", SubEventType: "Armed clash", Actor1: fmt.Sprintf("Group %d", rng.IntN(8)),
					Country: "Examplia", Admin1: fmt.Sprintf("Region %d", rng.IntN(50)),
					Latitude: &lat, Longitude: &lon, GeoPrecision: 1, Fatalities: incident.Int(rng.IntN(4)),
					Sources: []incident.SourceRef{{ArticleID: fmt.Sprintf("a%d", i/2), Outlet: fmt.Sprintf("Outlet %d", rng.IntN(20))}},
				}
			}
			b.ReportAllocs()
			var src *Sources
			for b.Loop() {
				src = NewSources(reports, merge.DefaultCredibility())
			}
			b.ReportMetric(float64(len(src.Profiles)), "outlets")
		})
	}
}
