package extract

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// TestCASESnippets runs Extract on the CASE 2021 task 2 dev snippets,
// which it was not written on: snippets labelled with a violent ACLED type
// should mostly yield an incident, snippets about disasters, crime and
// diplomacy should mostly not.
func TestCASESnippets(t *testing.T) {
	path := filepath.Join(sharedtest.Dir(t, "datasets/case2021-task2"), "dev.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("CASE 2021 dev set not available (%v)", err)
	}
	defer f.Close()
	r := resources(t)
	violent := map[string]bool{}
	for _, s := range incident.SubEventTypes() {
		violent[s.Code] = s.Disorder == incident.PoliticalViolence
	}
	nonEvent := map[string]bool{"NATURAL_DISASTER": true, "MAN_MADE_DISASTER": true, "ORG_CRIME": true, "DIPLO": true}
	var vN, vHit, nN, nHit int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 3 || p[0] == "id" {
			continue
		}
		got, err := Extract(testArticle("case.txt", "Snippet\n"+p[1], "2020-06-15", ""), r)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case violent[p[2]]:
			vN++
			vHit += min(len(got), 1)
		case nonEvent[p[2]]:
			nN++
			nHit += min(len(got), 1)
		}
	}
	if vN == 0 || nN == 0 {
		t.Fatalf("read no snippets from %s", path)
	}
	recall, falsePos := float64(vHit)/float64(vN), float64(nHit)/float64(nN)
	t.Logf("violent snippets with an incident: %d/%d (%.2f); non-events with one: %d/%d (%.2f)", vHit, vN, recall, nHit, nN, falsePos)
	if recall < 0.7 || falsePos > 0.25 {
		t.Errorf("recall %.2f (want >= 0.70), false positives %.2f (want <= 0.25)", recall, falsePos)
	}
}
