package ingest

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenPage is what a golden file records for one of the project's own
// test pages: the metadata decided and one verdict per non-blank line.
type goldenPage struct {
	Title     string   `json:"title"`
	Outlet    string   `json:"outlet"`
	Published string   `json:"published"`
	Note      string   `json:"note,omitempty"`
	Lines     []string `json:"lines"`
}

func summarize(t *testing.T, path string) goldenPage {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := FromText(filepath.Base(path), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := goldenPage{Title: a.Title, Outlet: "unknown", Published: "unknown", Note: a.Published.Note}
	if a.Outlet != "" {
		g.Outlet = a.Outlet + " (" + a.OutletFrom + ")"
	}
	if a.Published.Known() {
		g.Published = a.Published.Time.Format("2006-01-02") + " (" + a.Published.From + ")"
	}
	for _, l := range a.Lines {
		if l.Reason == "blank" {
			continue
		}
		g.Lines = append(g.Lines, strings.TrimSpace(fmt.Sprintf("%d %s %s", l.Source, l.Kind, l.Reason)))
	}
	return g
}

func TestGoldenPages(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "pages", "*.txt"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		t.Run(name, func(t *testing.T) {
			got := summarize(t, p)
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			var want goldenPage
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
