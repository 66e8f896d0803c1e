package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/article"
)

func ingestSamples(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "a.db")
	if code, _, stderr := runSitrep(t, "", samplesArgs(t, db)...); code != ExitOK {
		t.Fatalf("ingest samples: exit %d\n%s", code, stderr)
	}
	return db
}

func TestArticlesList(t *testing.T) {
	db := ingestSamples(t)
	code, stdout, stderr := runSitrep(t, "", "--db", db, "articles", "list")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 12 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("want a header and 11 rows, got:\n%s", stdout)
	}
	dups := 0
	for _, l := range lines[1:] {
		if !strings.HasSuffix(strings.TrimSpace(l), "-") {
			dups++
		}
	}
	if dups != 1 {
		t.Errorf("%d rows name a DUP-OF, want 1:\n%s", dups, stdout)
	}
	code, stdout, _ = runSitrep(t, "", "--db", db, "--json", "articles", "list", "--limit", "3", "--offset", "1")
	var rows []articleRow
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil || code != ExitOK {
		t.Fatalf("--json list: exit %d, %v", code, err)
	}
	if len(rows) != 3 || rows[0].Title == "" || rows[0].Published == "" {
		t.Errorf("--json list rows = %+v", rows)
	}
}

func TestArticlesSearch(t *testing.T) {
	db := ingestSamples(t)
	tests := []struct {
		query string
		want  int
	}{
		{"Badush", 2},
		{"tear gas", 1},
		{"al-Shabaab", 1},
		{"ISKP OR Shabaab", 3},
		{"nonexistentword", 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			code, stdout, stderr := runSitrep(t, "", "--db", db, "--json", "articles", "search", tt.query)
			var rows []articleRow
			if err := json.Unmarshal([]byte(stdout), &rows); err != nil || code != ExitOK {
				t.Fatalf("exit %d, %v, %s", code, err, stderr)
			}
			if len(rows) != tt.want {
				t.Errorf("search %q: %d articles, want %d", tt.query, len(rows), tt.want)
			}
		})
	}
}

func TestArticlesShow(t *testing.T) {
	db := ingestSamples(t)
	_, stdout, _ := runSitrep(t, "", "--db", db, "--json", "articles", "search", "Badush")
	var rows []articleRow
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
		t.Fatalf("search: %v", err)
	}
	id := ""
	for _, r := range rows {
		if r.DuplicateOf != "" {
			id = r.ID
		}
	}
	if id == "" {
		t.Fatalf("no near-duplicate among %+v", rows)
	}
	code, stdout, stderr := runSitrep(t, "", "--db", db, "articles", "show", id[:8])
	if code != ExitOK {
		t.Fatalf("show: exit %d, %s", code, stderr)
	}
	for _, want := range []string{id, "Near-duplicate of", "Published:", "2024-09-18", "Dropped lines", "Advertisement", "Badush"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("show output lacks %q:\n%s", want, stdout)
		}
	}
	code, stdout, _ = runSitrep(t, "", "--db", db, "--json", "articles", "show", id)
	var a article.Article
	if err := json.Unmarshal([]byte(stdout), &a); err != nil || code != ExitOK {
		t.Fatalf("show --json: exit %d, %v", code, err)
	}
	if a.ID != id || len(a.Lines) == 0 || a.Text == "" || a.DuplicateOf == "" {
		t.Errorf("show --json: id %s, %d lines, %d bytes of text, dup-of %q", a.ID, len(a.Lines), len(a.Text), a.DuplicateOf)
	}
}

func TestArticlesErrors(t *testing.T) {
	db := ingestSamples(t)
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"unknown id", []string{"--db", db, "articles", "show", strings.Repeat("0", 64)}, ExitError},
		{"not hex", []string{"--db", db, "articles", "show", "zz"}, ExitUsage},
		{"no id", []string{"--db", db, "articles", "show"}, ExitUsage},
		{"no query", []string{"--db", db, "articles", "search"}, ExitUsage},
		{"no database", []string{"--db", filepath.Join(t.TempDir(), "none.db"), "articles", "list"}, ExitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, stderr := runSitrep(t, "", tt.args...); code != tt.want {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.want, stderr)
			}
		})
	}
}
