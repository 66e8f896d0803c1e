package trend

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// BenchmarkSummarize100k builds series by actor × admin1 and runs both
// signals over 100,000 incidents (3 years, 8 actors, 50 regions), without
// merging.
func BenchmarkSummarize100k(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 5))
	start := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	incs := make([]incident.Incident, 100_000)
	for i := range incs {
		incs[i] = incident.Incident{
			EventDate: start.AddDate(0, 0, rng.IntN(3*365)).Format(time.DateOnly),
			Actor1:    fmt.Sprintf("Group %d", rng.IntN(8)), Inter1: 2,
			Country: "Examplia", Admin1: fmt.Sprintf("Region %d", rng.IntN(50)),
			Fatalities: incident.Int(rng.IntN(5)),
		}
	}
	by, _ := ParseBy("actor,admin1")
	b.ReportAllocs()
	var sum Summary
	for b.Loop() {
		sum = Summarize(incs, Options{By: by, Params: DefaultParams()})
	}
	b.ReportMetric(float64(sum.Series), "series")
}
