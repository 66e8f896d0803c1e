package merge

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge/mergetest"
)

func TestProfilesAndUnverified(t *testing.T) {
	reps := mergetest.Load(t, "reports.jsonl")
	incs := make([]incident.Incident, len(reps))
	for i, r := range reps {
		incs[i] = r.Incident
	}
	clusters := Merge(incs, DefaultOptions())
	profiles := Profiles(clusters)
	byName := map[string]Profile{}
	for _, p := range profiles {
		byName[p.Outlet] = p
		t.Logf("%-22s articles %2d incidents %2d corroborated %.2f contradicted %.2f",
			p.Outlet, p.Articles, p.Incidents, p.CorroboratedShare, p.ContradictedShare)
	}
	rumour := byName["Rumour Mill Daily"]
	if rumour.Incidents != 1 || rumour.Corroborated != 0 {
		t.Errorf("Rumour Mill Daily = %+v, want 1 uncorroborated incident", rumour)
	}
	if fm := byName["Frontline Monitor"]; fm.Articles != 7 || fm.Incidents != 8 {
		t.Errorf("Frontline Monitor = %+v, want 7 articles (one telling of two bombings), 8 incidents", fm)
	}
	if lc := byName["Lake Chad Herald"]; lc.Contradicted == 0 {
		t.Errorf("Lake Chad Herald = %+v, want contradicted figures", lc)
	}
	var unverified []string
	for i := range clusters {
		if Unverified(&clusters[i], profiles, DefaultCredibility()) {
			unverified = append(unverified, clusters[i].ID)
		}
	}
	byID := map[string]string{}
	for _, r := range reps {
		byID[r.EventID] = r.Gold
	}
	found := false
	for _, id := range unverified {
		found = found || byID[id] == "S01"
	}
	if !found {
		t.Errorf("unverified = %v, want the lone Rumour Mill Daily report among them", unverified)
	}
	MarkUnverified(clusters, DefaultCredibility())
	tagged := 0
	for _, c := range clusters {
		if slices.Contains(c.Incident.Tags, TagUnverified) {
			tagged++
		}
	}
	if tagged != len(unverified) {
		t.Errorf("%d incidents tagged unverified, want %d", tagged, len(unverified))
	}
}

// synthetic makes n reports of about n/2.5 events spread over `regions`
// first-level regions of 4 countries and three years, each event retold by
// 1-4 outlets.
func synthetic(n, regions int, seed uint64) []incident.Incident {
	rng := rand.New(rand.NewPCG(seed, 42))
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	types := []string{incident.Battles, incident.ExplosionsRemote, incident.ViolenceAgainstCivs, incident.Protests}
	actors := []string{"Group A", "Group B", "Group C", "State forces", "Civilians"}
	out := make([]incident.Incident, 0, n)
	for ev := 0; len(out) < n; ev++ {
		country := rng.IntN(4)
		admin1 := rng.IntN(max(regions/4, 1))
		lat, lon := float64(country*10+admin1), float64(country*10)+rng.Float64()
		date := start.AddDate(0, 0, rng.IntN(3*365))
		typ := types[rng.IntN(len(types))]
		a1, a2 := actors[rng.IntN(3)], actors[3+rng.IntN(2)]
		for k := rng.IntN(4); k >= 0 && len(out) < n; k-- {
			art := fmt.Sprintf("art-%d-%d", ev, k)
			out = append(out, incident.Incident{
				EventID: fmt.Sprintf("ev-%d-%d", ev, k), ArticleID: art,
				EventDate: date.AddDate(0, 0, rng.IntN(2)).Format(time.DateOnly), TimePrecision: 1,
				EventType: typ, Actor1: a1, Actor2: a2,
				CountryCode: fmt.Sprintf("C%d", country), Admin1: fmt.Sprintf("R%d", admin1),
				Admin2: fmt.Sprintf("D%d", int(lon*3)%3), Location: fmt.Sprintf("T%d", ev),
				Latitude: incident.Float(lat + rng.Float64()*0.01), Longitude: incident.Float(lon),
				GeoPrecision: 1, Fatalities: incident.Int(rng.IntN(10)),
				Sources: []incident.SourceRef{{ArticleID: art, Outlet: fmt.Sprintf("outlet-%d", rng.IntN(30))}},
			})
		}
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// BenchmarkMerge100k merges 100,000 reports (about 40,000 events) in 40
// regions: 16 reports per region-week, denser than any real conflict data.
func BenchmarkMerge100k(b *testing.B) {
	incs := synthetic(100_000, 40, 1)
	b.ReportAllocs()
	b.ResetTimer()
	var clusters int
	for b.Loop() {
		clusters = len(Merge(incs, DefaultOptions()))
	}
	b.ReportMetric(float64(clusters), "clusters")
}

// TestSyntheticScale scores merging on 20,000 generated reports whose true
// events are known from their IDs ("ev-<event>-<k>"): a check that blocking
// and linkage hold up when many events share regions and weeks.
func TestSyntheticScale(t *testing.T) {
	incs := synthetic(20_000, 40, 9)
	clusters := Merge(incs, DefaultOptions())
	event := func(id string) string { return id[:strings.LastIndex(id, "-")] }
	clusterOf := map[string]int{}
	for k, c := range clusters {
		for _, m := range c.Members {
			clusterOf[m.EventID] = k
		}
	}
	byEvent := map[string][]string{}
	for _, in := range incs {
		byEvent[event(in.EventID)] = append(byEvent[event(in.EventID)], in.EventID)
	}
	tp, fn, fp := 0, 0, 0
	for _, ids := range byEvent {
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				if clusterOf[ids[i]] == clusterOf[ids[j]] {
					tp++
				} else {
					fn++
				}
			}
		}
	}
	for _, c := range clusters {
		for i := range c.Members {
			for j := i + 1; j < len(c.Members); j++ {
				if event(c.Members[i].EventID) != event(c.Members[j].EventID) {
					fp++
				}
			}
		}
	}
	p, r := float64(tp)/float64(max(tp+fp, 1)), float64(tp)/float64(max(tp+fn, 1))
	t.Logf("synthetic: %d reports of %d events → %d incidents; pairwise precision %.4f, recall %.4f",
		len(incs), len(byEvent), len(clusters), p, r)
	if p < 0.95 || r < 0.95 {
		t.Errorf("precision %.4f, recall %.4f: want ≥ 0.95 both", p, r)
	}
}
