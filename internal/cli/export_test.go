package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/server"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

// seedExportDemo stores the server's demo fixture in a fresh database.
func seedExportDemo(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../server/testdata/demo.json")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Articles  []article.Article   `json:"articles"`
		Incidents []incident.Incident `json:"incidents"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := range d.Articles {
		var incs []incident.Incident
		for _, in := range d.Incidents {
			if in.ArticleID == d.Articles[i].ID {
				incs = append(incs, in)
			}
		}
		if _, err := db.SaveArticle(ctx, &d.Articles[i], incs); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func runExportCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), "test", args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExportCommand(t *testing.T) {
	db := seedExportDemo(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		check    func(t *testing.T, out, errOut string)
	}{
		{"csv for one country", []string{"--format", "csv", "--country", "Iraq"}, ExitOK, func(t *testing.T, out, _ string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(rows) != 3 || rows[0][0] != "event_id_cnty" {
				t.Errorf("rows %d, err %v, header %v", len(rows), err, rows[0])
			}
		}},
		{"geojson counts the unplaced", []string{"--format", "geojson", "--admin1", "Borno"}, ExitOK, func(t *testing.T, out, errOut string) {
			if !strings.Contains(out, `"FeatureCollection"`) || !strings.Contains(errOut, "1 without coordinates") {
				t.Errorf("stdout %.100q, stderr %q", out, errOut)
			}
		}},
		{"jsonl with limit", []string{"--format", "jsonl", "--limit", "3", "--sort", "-fatalities"}, ExitOK, func(t *testing.T, out, _ string) {
			if strings.Count(out, "\n") != 3 || !strings.HasPrefix(out, `{"event_id":"SRX001"`) {
				t.Errorf("jsonl %.200q", out)
			}
		}},
		{"excel csv", []string{"--excel", "--country", "Iraq"}, ExitOK, func(t *testing.T, out, _ string) {
			if !strings.HasPrefix(out, "\ufeffevent_id_cnty,") {
				t.Errorf("excel CSV starts %.20q", out)
			}
		}},
		{"excel needs csv", []string{"--excel", "--format", "jsonl"}, ExitUsage, nil},
		{"bad date", []string{"--from", "March"}, ExitUsage, nil},
		{"bad format", []string{"--format", "xlsx"}, ExitUsage, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runExportCLI(t, append([]string{"--db", db, "export"}, tc.args...)...)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.wantCode, errOut)
			}
			if tc.check != nil {
				tc.check(t, out, errOut)
			}
		})
	}
}

func TestExportToFile(t *testing.T) {
	db := seedExportDemo(t)
	path := filepath.Join(t.TempDir(), "out.csv")
	if code, _, errOut := runExportCLI(t, "--db", db, "export", "-o", path); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(path)
	if err != nil || strings.Count(string(b), "\nSRX") != 9 {
		t.Errorf("file has %d rows (%v)", strings.Count(string(b), "\nSRX"), err)
	}
	if code, _, _ := runExportCLI(t, "--db", filepath.Join(t.TempDir(), "missing.db"), "export"); code != ExitError {
		t.Errorf("missing database: exit %d, want %d", code, ExitError)
	}
}

func TestServeIngester(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the extraction resources")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	g, err := newIngesterFor(db, nil, "test")
	if err != nil {
		t.Fatal(err)
	}
	req := apiIngestRequest("Police said gunmen shot dead four traders at a market in Maiduguri, Borno State, on Friday.", "2024-06-08")
	res, err := g.Ingest(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Saved.Created || res.Article.ID == "" {
		t.Errorf("saved %+v", res.Saved)
	}
	again, err := g.Ingest(ctx, req)
	if err != nil || again.Saved.Created {
		t.Errorf("second ingest of the same text: created %v, err %v", again.Saved.Created, err)
	}
	if _, err := g.Ingest(ctx, apiIngestRequest("text", "someday")); err == nil {
		t.Error("a bad published date was accepted")
	}
}

func apiIngestRequest(text, published string) server.IngestRequest {
	return server.IngestRequest{Text: text, Published: published, Outlet: "Test Desk"}
}
