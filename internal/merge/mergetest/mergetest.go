// Package mergetest holds what the merge evaluations share: the
// hand-written sets in internal/merge/testdata (reports with the event each
// tells of) and pairwise scoring. The merge package scores its batch Merge
// on them, the SQLite store its merging at ingest.
package mergetest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// Labelled is one report of an evaluation set with the event it tells of.
type Labelled struct {
	incident.Incident
	Gold string `json:"gold"`
}

// Load reads internal/merge/testdata/<name> (JSON lines of Labelled).
func Load(t testing.TB, name string) []Labelled {
	t.Helper()
	path := filepath.Join(sharedtest.RepoRoot(t), "internal", "merge", "testdata", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("mergetest: %v", err)
	}
	defer f.Close()
	var out []Labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var l Labelled
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("mergetest: %s line %d: %v", name, len(out)+1, err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("mergetest: %s: %v", name, err)
	}
	return out
}

// PairScores counts same-event pairs of reports: tp merged and one gold
// event, fp merged but two events, fn one event left apart. gold[i] is
// report i's event and clusterOf[i] the cluster it was put in.
func PairScores[K comparable](gold []string, clusterOf []K) (tp, fp, fn int) {
	for i := range gold {
		for j := i + 1; j < len(gold); j++ {
			same, pred := gold[i] == gold[j], clusterOf[i] == clusterOf[j]
			switch {
			case same && pred:
				tp++
			case pred:
				fp++
			case same:
				fn++
			}
		}
	}
	return tp, fp, fn
}
