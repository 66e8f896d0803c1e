package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/ingest"
	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// runSitrep runs the CLI in-process and returns its exit code and output.
func runSitrep(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(t.Context(), "test", args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func samplesArgs(t *testing.T, db string) []string {
	root := sharedtest.RepoRoot(t)
	return []string{"--db", db, "ingest", "--manifest", filepath.Join(root, "samples", "manifest.json"), filepath.Join(root, "samples", "articles")}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// checkSummary compares the article counts of an ingest summary exactly and
// requires at least minIncidents incidents: how many the extractor finds
// belongs to the extractor's own tests.
func checkSummary(t *testing.T, got, wantArticles string, minIncidents int) {
	t.Helper()
	head, tail, ok := strings.Cut(got, ", ")
	for i := 0; ok && i < 3; i++ {
		var next string
		next, tail, ok = strings.Cut(tail, ", ")
		head += ", " + next
	}
	if !ok || head != wantArticles {
		t.Errorf("summary = %q, want it to start %q", got, wantArticles)
		return
	}
	var n int
	if _, err := fmt.Sscanf(tail, "%d incident", &n); err != nil || n < minIncidents {
		t.Errorf("summary = %q, want at least %d incidents", got, minIncidents)
	}
}

func TestIngestSamplesTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	code, _, stderr := runSitrep(t, "", samplesArgs(t, db)...)
	if code != ExitOK {
		t.Fatalf("first ingest exit %d, stderr:\n%s", code, stderr)
	}
	checkSummary(t, lastLine(stderr), "10 ingested, 0 duplicates, 1 near-duplicate, 0 rejected", 10)
	code, stdout, stderr := runSitrep(t, "", append([]string{"--json"}, samplesArgs(t, db)...)...)
	if code != ExitOK {
		t.Fatalf("second ingest exit %d, stderr:\n%s", code, stderr)
	}
	if got, want := lastLine(stderr), "0 ingested, 11 duplicates, 0 near-duplicates, 0 rejected, 0 incidents"; got != want {
		t.Errorf("second summary = %q, want %q", got, want)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("--json output: %v\n%s", err, stdout)
	}
	if sum.Duplicates != 11 || len(sum.Results) != 11 {
		t.Errorf("--json: %d duplicates, %d results; want 11 and 11", sum.Duplicates, len(sum.Results))
	}
}

// TestIngestNearDuplicateSamples checks the retold wire story links to the
// original and the other story about Mosul does not.
func TestIngestNearDuplicateSamples(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nd.db")
	code, stdout, stderr := runSitrep(t, "", append([]string{"--json"}, samplesArgs(t, db)...)...)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatal(err)
	}
	byFile := map[string]ingestResult{}
	for _, r := range sum.Results {
		byFile[filepath.Base(r.Input)] = r
	}
	orig, dup, other := byFile["01_badush_tigris_wire.txt"], byFile["02_badush_northern_gazette.txt"], byFile["03_mosul_protest_euphrates_daily.txt"]
	if dup.Status != statusNearDuplicate || dup.DuplicateOf != orig.ArticleID || dup.Similarity < 0.5 {
		t.Errorf("retold story = %+v, want near-duplicate of %s", dup, orig.ArticleID)
	}
	if other.Status != statusIngested || other.DuplicateOf != "" {
		t.Errorf("other Mosul story = %+v, want ingested, unlinked", other)
	}
	for name, r := range byFile {
		if name != "02_badush_northern_gazette.txt" && r.Status != statusIngested {
			t.Errorf("%s: status %s, want ingested", name, r.Status)
		}
	}
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := "Gunmen fired on a police post near the border on Friday night, killing one officer, officials said.\n" +
		"The attackers escaped into the hills before reinforcements arrived."
	files := map[string][]byte{"good.txt": []byte(good), "empty.txt": nil, "binary.bin": {0, 1, 2, 0xff, 0, 0, 0x89, 0}}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "b.db")
	code, stdout, stderr := runSitrep(t, "", "--db", db, "--json", "ingest", dir, filepath.Join(dir, "missing.txt"))
	if code != ExitPartial {
		t.Errorf("exit %d, want %d (partial)", code, ExitPartial)
	}
	for _, name := range []string{"empty.txt", "binary.bin", "missing.txt"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr)
		}
	}
	// The good file reports a killing: the extractor codes it.
	checkSummary(t, lastLine(stderr), "1 ingested, 0 duplicates, 0 near-duplicates, 3 rejected", 1)
	var sum ingestSummary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatal(err)
	}
	for _, r := range sum.Results {
		if (r.Status == statusRejected) != (r.Error != "") {
			t.Errorf("result %+v: an error goes with rejected status and only with it", r)
		}
	}
}

func TestIngestStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "in.db")
	text := "Protesters blocked the main road into the city on Monday to demand the release of detained students.\nPolice made no arrests."
	code, _, stderr := runSitrep(t, text, "--db", db, "ingest", "--published", "2024-02-12", "-")
	if code != ExitOK {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	// A road blockade by protesters is an ACLED protest event.
	checkSummary(t, lastLine(stderr), "1 ingested, 0 duplicates, 0 near-duplicates, 0 rejected", 1)
}

func TestIngestExitCodes(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no inputs", []string{"--db", filepath.Join(dir, "a.db"), "ingest"}, ExitUsage},
		{"bad date", []string{"--db", filepath.Join(dir, "a.db"), "ingest", "--published", "last tuesday", "x.txt"}, ExitUsage},
		{"bad max-bytes", []string{"--db", filepath.Join(dir, "a.db"), "ingest", "--max-bytes", "0", "x.txt"}, ExitUsage},
		{"missing manifest", []string{"--db", filepath.Join(dir, "a.db"), "ingest", "--manifest", filepath.Join(dir, "none.json"), "x.txt"}, ExitError},
		{"database cannot open", []string{"--db", filepath.Join(dir, "no", "such", "dir", "a.db"), "ingest", "x.txt"}, ExitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runSitrep(t, "", tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
		})
	}
}

// TestRunIngestExtractor runs the ingest flow with a stand-in extractor:
// its incidents are stored once, a near-duplicate adds none, and an
// extractor failure rejects only its input.
func TestRunIngestExtractor(t *testing.T) {
	root := sharedtest.RepoRoot(t)
	cfg := &Config{DB: filepath.Join(t.TempDir(), "x.db"), Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
	extract := func(a article.Article) ([]incident.Incident, error) {
		if strings.Contains(a.Text, "Dasht-e-Barchi") {
			return nil, errors.New("stand-in failure")
		}
		return []incident.Incident{{EventID: "T-" + a.ID[:8], EventDate: a.Published.Time.Format("2006-01-02"), Notes: a.Title}}, nil
	}
	m, err := ingest.ReadManifest(filepath.Join(root, "samples", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	err = runIngest(context.Background(), cfg, ingest.Options{Manifest: m}, []string{filepath.Join(root, "samples", "articles")}, extract)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != ExitPartial {
		t.Fatalf("runIngest err = %v, want exit %d", err, ExitPartial)
	}
	got := lastLine(cfg.Stderr.(*bytes.Buffer).String())
	if diff := cmp.Diff("9 ingested, 0 duplicates, 1 near-duplicate, 1 rejected, 9 incidents", got); diff != "" {
		t.Errorf("summary mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(cfg.Stderr.(*bytes.Buffer).String(), "extract: stand-in failure") {
		t.Errorf("extractor error not reported:\n%s", cfg.Stderr)
	}
}

// TestIngestSeedsTwice stores the five shared seed articles twice: five
// articles, no near-duplicates among them, and nothing new the second time.
func TestIngestSeedsTwice(t *testing.T) {
	seeds := sharedtest.Dir(t, "seeds")
	shared := filepath.Dir(seeds)
	db := filepath.Join(t.TempDir(), "seeds.db")
	args := []string{"--db", db, "ingest", "--manifest", filepath.Join(shared, "gold", "seeds.manifest.json"), seeds}
	code, _, stderr := runSitrep(t, "", args...)
	if code != ExitOK {
		t.Fatalf("first run: exit %d, stderr:\n%s", code, stderr)
	}
	// The seeds' gold has seven core incidents; secondary ones may add more.
	checkSummary(t, lastLine(stderr), "5 ingested, 0 duplicates, 0 near-duplicates, 0 rejected", 7)
	code, _, stderr = runSitrep(t, "", args...)
	if code != ExitOK || lastLine(stderr) != "0 ingested, 5 duplicates, 0 near-duplicates, 0 rejected, 0 incidents" {
		t.Fatalf("second run: exit %d, stderr:\n%s", code, stderr)
	}
	code, stdout, _ := runSitrep(t, "", "--db", db, "--json", "articles", "list")
	var rows []articleRow
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil || code != ExitOK {
		t.Fatalf("articles list: exit %d, %v", code, err)
	}
	if len(rows) != 5 {
		t.Errorf("stored %d articles, want 5", len(rows))
	}
	for _, r := range rows {
		if r.DuplicateOf != "" {
			t.Errorf("seed %s linked as near-duplicate of %s", r.Source, r.DuplicateOf)
		}
	}
}

// TestIngestProgressBar runs a batch as if stderr were a terminal: the bar
// draws there and the summary still ends the output.
func TestIngestProgressBar(t *testing.T) {
	root := sharedtest.RepoRoot(t)
	var errOut bytes.Buffer
	cfg := &Config{DB: filepath.Join(t.TempDir(), "p.db"), Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &errOut, Terminal: true}
	if err := runIngest(t.Context(), cfg, ingest.Options{}, []string{filepath.Join(root, "samples", "articles")}, nil); err != nil {
		t.Fatalf("runIngest: %v", err)
	}
	if !strings.Contains(errOut.String(), "ingesting") {
		t.Errorf("no progress bar drawn on a terminal:\n%q", errOut.String())
	}
	if got := lastLine(errOut.String()); !strings.HasSuffix(got, "10 ingested, 0 duplicates, 1 near-duplicate, 0 rejected, 0 incidents") {
		t.Errorf("summary line = %q", got)
	}
}
