package merge

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// FuzzMerge feeds incidents with arbitrary field values (as JSON lines, one
// incident each) through Merge, Profiles and Unverified: none may panic,
// every report must land in exactly one cluster, and no cluster may hold two
// reports of one article.
func FuzzMerge(f *testing.F) {
	if data, err := os.ReadFile("testdata/reports.jsonl"); err == nil {
		lines := strings.Split(string(data), "\n")
		f.Add(strings.Join(lines[:6], "\n"))
		f.Add(strings.Join(lines[30:40], "\n"))
	}
	f.Add(`{"event_id":"a","event_date":"2020-02-30","time_precision":3,"country_code":"X","geo_precision":3}
{"event_id":"b","event_date":"0001-01-01","time_precision":2,"country_code":"X","latitude":1e308,"longitude":-1e308}`)
	f.Fuzz(func(t *testing.T, s string) {
		var incs []incident.Incident
		sc := bufio.NewScanner(strings.NewReader(s))
		for sc.Scan() && len(incs) < 64 {
			var in incident.Incident
			if json.Unmarshal(sc.Bytes(), &in) == nil {
				incs = append(incs, in)
			}
		}
		clusters := Merge(incs, DefaultOptions())
		seen := 0
		for i := range clusters {
			c := &clusters[i]
			seen += len(c.Members)
			arts := map[string]bool{}
			for j := range c.Members {
				for _, a := range articleKeys(&c.Members[j], -1-j) {
					if arts[a] && len(c.Members) > 1 {
						t.Fatalf("cluster %d holds two reports of article %q", i, a)
					}
					arts[a] = true
				}
			}
		}
		if seen != len(incs) {
			t.Fatalf("%d reports in clusters, %d given", seen, len(incs))
		}
		profiles := Profiles(clusters)
		for i := range clusters {
			Unverified(&clusters[i], profiles, DefaultCredibility())
		}
	})
}
