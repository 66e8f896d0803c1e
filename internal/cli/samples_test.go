package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

var updateSamples = flag.Bool("update-samples", false, "rewrite testdata/samples.golden")

// TestSamplesGolden extracts the bundled sample articles (the demo's input)
// and compares the coded core of each incident with a golden file, so that
// a rule or gazetteer change that moves the demo's incidents shows up as a
// reviewed diff: go test ./internal/cli -run TestSamplesGolden -update-samples.
func TestSamplesGolden(t *testing.T) {
	root := sharedtest.RepoRoot(t)
	paths, err := filepath.Glob(filepath.Join(root, "samples", "articles", "*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no sample articles under %s: %v", root, err)
	}
	args := append([]string{"extract", "--manifest", filepath.Join(root, "samples", "manifest.json"), "--format", "jsonl"}, paths...)
	var out, errb bytes.Buffer
	if code := Run(context.Background(), "test", args, nil, &out, &errb); code != ExitOK {
		t.Fatalf("extract exit %d: %s", code, errb.String())
	}
	var got strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r struct {
			Doc          string `json:"doc"`
			Date         string `json:"event_date"`
			SubEventType string `json:"sub_event_type"`
			Actor1       string `json:"actor1"`
			Actor2       string `json:"actor2"`
			Country      string `json:"country"`
			Admin1       string `json:"admin1"`
			Location     string `json:"location"`
			Precision    int    `json:"geo_precision"`
			Fatalities   *int   `json:"fatalities"`
			Wounded      *int   `json:"wounded"`
			Abducted     *int   `json:"abducted"`
			ClaimedBy    string `json:"claimed_by"`
			Source       string `json:"source"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		fmt.Fprintf(&got, "%s | %s | %s | %s / %s | %s, %s, %s (%d) | killed %s wounded %s abducted %s | claimed %q | source %q\n",
			filepath.Base(r.Doc), r.Date, r.SubEventType, r.Actor1, r.Actor2, r.Location, r.Admin1, r.Country, r.Precision,
			num(r.Fatalities), num(r.Wounded), num(r.Abducted), r.ClaimedBy, r.Source)
	}
	golden := filepath.Join("testdata", "samples.golden")
	if *updateSamples {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read %s (run with -update-samples to create it): %v", golden, err)
	}
	if got.String() != string(want) {
		t.Errorf("sample incidents changed; review and rerun with -update-samples if better.\ngot:\n%s\nwant:\n%s", got.String(), want)
	}
}

func num(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}
