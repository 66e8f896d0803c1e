package cli

import (
	"context"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

func TestExportDeleted(t *testing.T) {
	path := seedExportDemo(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MergeIncidents(ctx, "SRX008", "SRX009", "one raid told twice"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	code, out, errOut := runExportCLI(t, "--db", path, "export", "--deleted")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][0] != "SRX009" || rows[1][2] != "SRX008" {
		t.Errorf("deletions %v (%v)", rows, err)
	}
	if code, out, _ := runExportCLI(t, "--db", path, "export", "--deleted", "--since", "2999-01-01"); code != ExitOK || strings.Count(out, "\n") != 1 {
		t.Errorf("--since in the future: exit %d, %q", code, out)
	}
	for _, args := range [][]string{
		{"--since", "2024-01-01"},
		{"--deleted", "--since", "soon"},
		{"--deleted", "--country", "Iraq"},
		{"--deleted", "--format", "jsonl"},
	} {
		if code, _, _ := runExportCLI(t, append([]string{"--db", path, "export"}, args...)...); code != ExitUsage {
			t.Errorf("export %v: exit %d, want usage error", args, code)
		}
	}
}

// TestExportUnverifiedColumn: the demo's outlets each report a few
// incidents no other outlet confirms, so every row is unverified.
func TestExportUnverifiedColumn(t *testing.T) {
	code, out, errOut := runExportCLI(t, "--db", seedExportDemo(t), "export", "--country", "Iraq")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "unverified")
	if col < 0 || len(rows) < 2 {
		t.Fatalf("header %v, %d rows", rows[0], len(rows))
	}
	for _, r := range rows[1:] {
		if r[col] != "true" {
			t.Errorf("row %s: unverified %q, want true", r[0], r[col])
		}
	}
}
