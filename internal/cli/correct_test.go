package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

// analystDB stores two outlets' retellings of one ambush, which merge into
// incident AMB-1, and returns the database path and the second article.
func analystDB(t *testing.T) (string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "analyst.db")
	db, err := sqlite.Open(t.Context(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ambush := func(id string, dead int) incident.Incident {
		return incident.Incident{EventID: id, EventDate: "2024-09-14", TimePrecision: 1,
			EventType: incident.Battles, SubEventType: "Armed clash", Actor1: "Islamic State (Iraq)", Actor2: "Military Forces of Iraq (2020-)",
			Country: "Iraq", CountryCode: "IQ", Admin1: "Kirkuk", Location: "Hawija",
			Latitude: incident.Float(35.33), Longitude: incident.Float(43.78), GeoPrecision: 1, Fatalities: incident.Int(dead)}
	}
	if _, err := db.SaveArticle(t.Context(), &article.Article{Outlet: "North Line", Text: "Militants ambushed an army convoy outside Hawija overnight, killing four soldiers.\nThe army sent reinforcements."},
		[]incident.Incident{ambush("AMB-1", 4)}); err != nil {
		t.Fatal(err)
	}
	b := &article.Article{Outlet: "Plains Radio", Text: "Six troops lost their lives when fighters attacked a military column near Hawija, a local official said.\nThe attackers fled."}
	if _, err := db.SaveArticle(t.Context(), b, []incident.Incident{ambush("AMB-2", 6)}); err != nil {
		t.Fatal(err)
	}
	return path, b.ID
}

func TestAnalystCommands(t *testing.T) {
	db, second := analystDB(t)
	code, out, stderr := runSitrep(t, "", "--db", db, "--json", "correct", "AMB-1", "fatalities=5", "--why", "army statement")
	if code != ExitOK {
		t.Fatalf("correct: exit %d, %s", code, stderr)
	}
	var in incident.Incident
	if err := json.Unmarshal([]byte(out), &in); err != nil || *in.Fatalities != 5 || len(in.Sources) != 2 {
		t.Errorf("corrected incident: %s, %v", out, err)
	}
	if code, _, _ := runSitrep(t, "", "--db", db, "correct", "AMB-1", "weather=rain", "--why", "x"); code != ExitUsage {
		t.Errorf("unknown field: exit %d, want %d", code, ExitUsage)
	}
	if code, _, _ := runSitrep(t, "", "--db", db, "correct", "AMB-1", "fatalities=9"); code != ExitUsage {
		t.Errorf("no --why: exit %d, want %d", code, ExitUsage)
	}
	code, out, stderr = runSitrep(t, "", "--db", db, "split", "AMB-1", second, "--why", "a second ambush")
	if code != ExitOK || !strings.Contains(out, "AMB-2") {
		t.Fatalf("split: exit %d, out %q, %s", code, out, stderr)
	}
	code, _, stderr = runSitrep(t, "", "--db", db, "merge-incidents", "AMB-1", "AMB-2", "--why", "one ambush after all")
	if code != ExitOK {
		t.Fatalf("merge-incidents: exit %d, %s", code, stderr)
	}
	code, out, _ = runSitrep(t, "", "--db", db, "--json", "history", "--deleted")
	var ts []incident.Tombstone
	if err := json.Unmarshal([]byte(out), &ts); code != ExitOK || err != nil || len(ts) != 1 || ts[0].MergedInto != "AMB-1" {
		t.Errorf("history --deleted: exit %d, %s", code, out)
	}
	code, out, _ = runSitrep(t, "", "--db", db, "history", "AMB-1")
	if code != ExitOK || !strings.Contains(out, "correction: army statement") || !strings.Contains(out, "merge: one ambush after all") {
		t.Errorf("history: exit %d:\n%s", code, out)
	}
	if code, _, _ := runSitrep(t, "", "--db", db, "split", "NOPE", second, "--why", "x"); code != ExitError {
		t.Errorf("split of an unknown incident: exit %d, want %d", code, ExitError)
	}
}
