package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/ingest"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

// TestIngestReextract ingests an article, then ingests it again with
// --reextract and an extractor that finds one more incident before the
// first: the first keeps its ID, the new one is added.
func TestIngestReextract(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "story.txt")
	text := "Gunmen attacked a police post in Baquba on Friday, killing two officers.\nA second attack hit a checkpoint in Khalis the same night.\n"
	if err := os.WriteFile(src, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	attack := func(id, place string, lat float64) incident.Incident {
		return incident.Incident{EventID: id, EventDate: "2024-03-08", TimePrecision: 1, EventType: incident.ViolenceAgainstCivs,
			SubEventType: "Attack", Actor1: "Unidentified Armed Group (Iraq)", Country: "Iraq", CountryCode: "IQ", Admin1: "Diyala",
			Location: place, Latitude: incident.Float(lat), Longitude: incident.Float(44.6), GeoPrecision: 1, Fatalities: incident.Int(2)}
	}
	old := func(article.Article) ([]incident.Incident, error) {
		return []incident.Incident{attack("OLD-0", "Baquba", 33.75)}, nil
	}
	recoded := func(article.Article) ([]incident.Incident, error) {
		return []incident.Incident{attack("NEW-0", "Khalis", 33.81), attack("NEW-1", "Baquba", 33.75)}, nil
	}
	var out bytes.Buffer
	cfg := &Config{DB: filepath.Join(dir, "rx.db"), Stdout: &out, Stderr: io.Discard, Logger: slog.New(slog.DiscardHandler), JSON: true}
	opts := ingest.Options{Published: mustPublished(t, "2024-03-09")}
	if err := ingestAll(t.Context(), cfg, opts, []string{src}, old, false); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := ingestAll(t.Context(), cfg, opts, []string{src}, recoded, true); err != nil {
		t.Fatal(err)
	}
	var sum ingestSummary
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Reextracted != 1 || len(sum.Results) != 1 || sum.Results[0].Reextract == nil ||
		sum.Results[0].Reextract.Kept != 1 || sum.Results[0].Reextract.Added != 1 {
		t.Fatalf("summary = %+v", sum)
	}
	db, err := sqlite.Open(t.Context(), cfg.DB, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if in, err := db.Incident(t.Context(), "OLD-0"); err != nil || in.Location != "Baquba" {
		t.Errorf("the re-coded incident lost its ID: %+v, %v", in, err)
	}
	if in, err := db.Incident(t.Context(), "NEW-0"); err != nil || in.Location != "Khalis" {
		t.Errorf("the newly found incident: %+v, %v", in, err)
	}
}

func mustPublished(t *testing.T, s string) *article.Published {
	t.Helper()
	p, err := ingest.ParsePublished(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
