package sqlite

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/article"
)

func TestLinesRoundTrip(t *testing.T) {
	text := "Gunmen raided a market.\nTwo traders were hurt."
	tests := []struct {
		name  string
		lines []article.Line
	}{
		{"none", nil},
		{"kept and dropped", []article.Line{
			{Kind: article.KindBody, Reason: "body", Text: "Gunmen raided a market.", Source: 3, Start: 0, End: 23},
			{Kind: article.KindDropped, Reason: "advertisement", Text: "Advertisement", Source: 4, Start: -1, End: -1},
			{Kind: article.KindCaption, Reason: "photo caption", Text: "Two traders were hurt.", Source: 5, Start: 24, End: 46},
		}},
		// A kept line whose text is not the text at its span keeps its own.
		{"text off its span", []article.Line{
			{Kind: article.KindTitle, Text: "Market raid", Source: 1, Start: 0, End: 6},
			{Kind: article.KindBody, Text: "beyond", Source: 2, Start: 40, End: 99},
		}},
		{"unknown kind, empty text", []article.Line{
			{Kind: "sidebar", Reason: "new rule", Source: 9, Start: 5, End: 5},
			{Kind: "", Text: "x", Source: -2, Start: 7, End: 3},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := encodeLines(text, tt.lines)
			got, err := decodeLines(text, b)
			if err != nil {
				t.Fatalf("decodeLines: %v", err)
			}
			if diff := cmp.Diff(tt.lines, got); diff != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLinesSmallerThanText: a kept line costs a few bytes, not its text.
func TestLinesSmallerThanText(t *testing.T) {
	text := "Gunmen raided a market at dawn.\nTwo traders were hurt, police said."
	lines := []article.Line{
		{Kind: article.KindBody, Reason: "body", Text: text[:31], Source: 1, Start: 0, End: 31},
		{Kind: article.KindBody, Reason: "body", Text: text[32:], Source: 2, Start: 32, End: len(text)},
	}
	if n := len(encodeLines(text, lines)); n >= len(text)/2 {
		t.Errorf("encoded lines take %d bytes for a %d-byte text; want the kept text left out", n, len(text))
	}
}

func TestDecodeLinesRejectsCorrupt(t *testing.T) {
	text := "Gunmen raided a market."
	good := encodeLines(text, []article.Line{{Kind: article.KindBody, Reason: "body", Text: text, Source: 1, Start: 0, End: 23}})
	for name, b := range map[string][]byte{
		"version":      {9, 1},
		"truncated":    good[:len(good)-1],
		"trailing":     append(append([]byte{}, good...), 0),
		"span outside": encodeLines(text+" and more", []article.Line{{Kind: article.KindBody, Text: "more", Start: 28, End: 32}}),
		"huge count":   {linesV1, 0xff, 0xff, 0xff, 0x7f},
		"bad json":     []byte(`[["body","r","t",1,2]]`),
	} {
		if _, err := decodeLines(text, b); err == nil {
			t.Errorf("%s: decodeLines(%v) gave no error", name, b)
		}
	}
}

func FuzzDecodeLines(f *testing.F) {
	text := "Gunmen raided a market.\nTwo traders were hurt."
	f.Add(encodeLines(text, []article.Line{{Kind: article.KindBody, Reason: "body", Text: "Gunmen raided a market.", Source: 1, Start: 0, End: 23},
		{Kind: "other", Text: "menu", Source: 2, Start: -1, End: -1}}))
	f.Add([]byte(`[["body","body","Gunmen",1,0,6]]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		lines, err := decodeLines(text, b)
		if err != nil {
			return
		}
		again, err := decodeLines(text, encodeLines(text, lines))
		if err != nil {
			t.Fatalf("re-encoded lines do not decode: %v", err)
		}
		if len(lines) > 0 && !cmp.Equal(lines, again) {
			t.Errorf("re-encoding changed the lines:\n%s", cmp.Diff(lines, again))
		}
	})
}

// TestMigrationCarriesLinesOver builds a store at the schema before the
// lines column, with lines in rows of their own, and opens it: the lines
// come back through Article, the rows' table is gone, and the article is
// still found by full-text search.
func TestMigrationCarriesLinesOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	w := openAt(t, path, 11)
	text := "Gunmen raided a cattle market.\nTwo traders were hurt."
	id := article.Hash(text)
	want := []article.Line{
		{Kind: article.KindTitle, Reason: "title", Text: "Gunmen raided a cattle market.", Source: 1, Start: 0, End: 30},
		{Kind: article.KindDropped, Reason: "share prompt", Text: "Share this", Source: 2, Start: -1, End: -1},
		{Kind: article.KindBody, Reason: "body", Text: "Two traders were hurt.", Source: 4, Start: 31, End: 53},
	}
	if _, err := w.Exec(`INSERT INTO articles (seq, id, text, ingested_at) VALUES (7, ?, ?, '2024-01-01T00:00:00Z')`, id, text); err != nil {
		t.Fatal(err)
	}
	// Inserted out of order: n, not rowid order, is the lines' order.
	for _, n := range []int{2, 0, 1} {
		l := want[n]
		if _, err := w.Exec(`INSERT INTO article_lines (article_seq, n, kind, reason, text, source_line, span_start, span_end) VALUES (7,?,?,?,?,?,?,?)`,
			n, string(l.Kind), l.Reason, l.Text, l.Source, l.Start, l.End); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(t.Context(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, err := db.Article(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, a.Lines); diff != "" {
		t.Errorf("carried-over lines mismatch (-want +got):\n%s", diff)
	}
	if _, err := db.r.Exec(`SELECT 1 FROM article_lines`); err == nil {
		t.Error("article_lines still exists after migration 00013")
	}
	checkFTS(t, db, "cattle", 1)
	// A new article after the migration is indexed and keeps its lines.
	b := &article.Article{Text: "Soldiers repelled an attack on a cattle convoy.", Lines: []article.Line{
		{Kind: article.KindBody, Reason: "body", Text: "Soldiers repelled an attack on a cattle convoy.", Source: 1, Start: 0, End: 47}}}
	if _, err := db.SaveArticle(t.Context(), b, nil); err != nil {
		t.Fatal(err)
	}
	checkFTS(t, db, "cattle", 2)
	got, err := db.Article(t.Context(), b.ID)
	if err != nil || !cmp.Equal(b.Lines, got.Lines) {
		t.Errorf("new article's lines: %v, %v", got.Lines, err)
	}
}
