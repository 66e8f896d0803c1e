package sqlite

import (
	"bytes"
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/dedup"
)

// resignStory is a short report written for these tests; resignRewrite
// retells it as a second outlet would, with a new first line and a few
// words swapped.
const resignStory = `Armed men on motorbikes stormed a weekly livestock market near the river crossing on Thursday, killing at least nine herders, the district commissioner said.
Witnesses said the attackers surrounded the market before dawn, opened fire on traders and drove away several hundred head of cattle towards the hills.
The commissioner said soldiers had been sent to the area and that four of the wounded had been taken to the regional hospital by road.
Local leaders said the market had been attacked twice this year and that many families had moved to camps near the town.`

func resignRewrite() string {
	r := strings.NewReplacer("on motorbikes", "on motorcycles", "the district commissioner said", "a local administrator said",
		"several hundred head", "hundreds of head")
	return "Herders killed in market raid\n" + r.Replace(resignStory)
}

const resignOther = `Flooding after three days of heavy rain destroyed hundreds of homes in the eastern lowlands, relief workers said on Monday.
The regional disaster agency said roads to several villages were cut and that boats were being used to reach families stranded on rooftops.`

// openAt makes a store at path migrated up to version (and no further).
func openAt(t *testing.T, path string, version int64) *sql.DB {
	t.Helper()
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, w, sub, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(t.Context(), version); err != nil {
		t.Fatal(err)
	}
	return w
}

// TestMigrationResignsStoredArticles builds a store at 00013 whose
// articles carry signatures and band keys of the old scheme (40 bands of
// 3 rows over 120 values) and opens it: every article is signed again, the
// old keys are gone, and a rewrite of an old article saved afterwards is
// linked to it.
func TestMigrationResignsStoredArticles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	w := openAt(t, path, 13)
	texts := []string{resignStory, resignOther}
	for i, text := range texts {
		seq := int64(i + 1)
		old := bytes.Repeat([]byte{byte(i + 1)}, 8*120)
		if _, err := w.Exec(`INSERT INTO articles (seq, id, text, ingested_at, signature) VALUES (?, ?, ?, '2024-01-01T00:00:00Z', ?)`,
			seq, article.Hash(text), text, old); err != nil {
			t.Fatal(err)
		}
		for b := range 40 {
			if _, err := w.Exec(`INSERT INTO article_bands (band_key, article_seq) VALUES (?, ?)`, int64(b)<<20+seq, seq); err != nil {
				t.Fatal(err)
			}
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
	checkSigned(t, db, len(texts))
	dup := &article.Article{Source: "rewrite.txt", Text: resignRewrite()}
	res, err := db.SaveArticle(t.Context(), dup, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.DuplicateOf != article.Hash(resignStory) {
		t.Errorf("rewrite of an article stored before the migration: duplicate_of %q (similarity %.2f), want %s",
			res.DuplicateOf, dup.Similarity, article.Hash(resignStory))
	}
	checkSigned(t, db, len(texts)+1)
}

// TestResignOnVersionChange: a store marked as signed with another
// version is signed again at Open, and keys left by that version go.
func TestResignOnVersionChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.db")
	db, err := Open(t.Context(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{resignStory, resignOther} {
		if _, err := db.SaveArticle(t.Context(), &article.Article{Text: text}, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{`UPDATE store_meta SET value = 'older' WHERE key = 'signed'`,
		`INSERT INTO article_bands (band_key, article_seq) VALUES (42, 1)`, `UPDATE articles SET signature = NULL`} {
		if _, err := db.w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(t.Context(), path, nil); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkSigned(t, db, 2)
}

// checkSigned checks that the store's n articles carry the signature of
// their text and exactly its band keys, and that the mark says so.
func checkSigned(t *testing.T, db *DB, n int) {
	t.Helper()
	var mark string
	if err := db.r.QueryRow(`SELECT value FROM store_meta WHERE key = 'signed'`).Scan(&mark); err != nil || mark != dedup.Version {
		t.Errorf("signed mark = %q, %v; want %q", mark, err, dedup.Version)
	}
	rows, err := db.r.Query(`SELECT seq, text, signature FROM articles ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := map[string]bool{}
	count := 0
	for rows.Next() {
		var seq int64
		var text string
		var blob []byte
		if err := rows.Scan(&seq, &text, &blob); err != nil {
			t.Fatal(err)
		}
		count++
		p := fingerprint(text)
		if !bytes.Equal(blob, p.sig.Encode()) {
			t.Errorf("article %d: stored signature is not its text's", seq)
		}
		for _, k := range p.keys {
			want[fmt.Sprint(k, seq)] = true
		}
	}
	if count != n {
		t.Errorf("%d articles, want %d", count, n)
	}
	got := map[string]bool{}
	brows, err := db.r.Query(`SELECT band_key, article_seq FROM article_bands`)
	if err != nil {
		t.Fatal(err)
	}
	defer brows.Close()
	for brows.Next() {
		var k, seq int64
		if err := brows.Scan(&k, &seq); err != nil {
			t.Fatal(err)
		}
		got[fmt.Sprint(k, seq)] = true
	}
	if len(got) != len(want) || len(want) != n*dedup.DefaultBands {
		t.Errorf("article_bands has %d rows, want %d (%d per article)", len(got), len(want), dedup.DefaultBands)
	}
	for k := range got {
		if !want[k] {
			t.Errorf("stray band row %s", k)
		}
	}
}

// TestBatchLinksNearDuplicateBeforeCommit: a rewrite saved in the same
// open batch as its original is linked to it through the keys the batch
// has not written yet, the same text again is a no-op, and once the
// batch commits the keys are in the table.
func TestBatchLinksNearDuplicateBeforeCommit(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	b := db.Batch()
	b.warm = true
	orig, err := b.SaveArticle(t.Context(), &article.Article{Text: resignStory}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{resignOther, resignRewrite(), resignStory} {
		res, err := b.SaveArticle(t.Context(), &article.Article{Text: text}, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := "" // the original itself, saved again, is no duplicate
		if i == 1 {
			want = orig.ArticleID
		}
		if res.DuplicateOf != want || res.Created == (i == 2) {
			t.Errorf("save %d = %+v, want duplicate_of %q", i, res, want)
		}
	}
	if b.tx == nil || b.n != 4 {
		t.Fatalf("batch holds %d articles (open %v), want 4 in one open transaction", b.n, b.tx != nil)
	}
	var n int
	if err := b.tx.QueryRow(`SELECT count(*) FROM article_bands`).Scan(&n); err != nil || n != 0 {
		t.Errorf("band rows before commit: %d, %v; want 0", n, err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	checkSigned(t, db, 3)
	// After the commit, the stored keys find it.
	res, err := db.SaveArticle(t.Context(), &article.Article{Text: "Updated: " + resignRewrite()}, nil)
	if err != nil || res.DuplicateOf != orig.ArticleID {
		t.Errorf("rewrite after commit = %+v, %v; want linked to %s", res, err, orig.ArticleID)
	}
}

// TestPendingCandidatesNeedMinShared: an article of the open batch is a
// candidate when it shares dedup.DefaultMinShared keys, not fewer, and
// each comes once, in the order stored.
func TestPendingCandidatesNeedMinShared(t *testing.T) {
	var pb pendingBands
	pb.add(1, "a", "", simPrint{keys: []int64{1, 2, 3}})
	pb.add(2, "b", "", simPrint{keys: []int64{3, 4, 5}})
	pb.add(3, "c", "a", simPrint{keys: []int64{1, 2, 9}})
	var got []string
	for _, c := range pb.candidates([]int64{1, 2, 3, 5}) {
		got = append(got, c.id)
	}
	if want := []string{"a", "b", "c"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("candidates = %v, want %v", got, want)
	}
	if c := pb.candidates([]int64{4, 9}); len(c) != 0 {
		t.Errorf("one shared key each: candidates %v, want none", c)
	}
	pb.reset()
	if c := pb.candidates([]int64{1, 2}); len(c) != 0 || len(pb.rows()) != 0 {
		t.Errorf("after reset: %d candidates, %d rows", len(c), len(pb.rows()))
	}
}
