package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

func testArticleRoundTrip(t *testing.T, s incident.Store) {
	text := "Police said a grenade was thrown at a bus station\nPhoto: a damaged bus\n" + filler(10, 40)
	loc := time.FixedZone("AST", 3*3600)
	a := &article.Article{
		Source: "/tmp/in/report.txt", URL: "https://news.example/report", Outlet: "Example News", OutletFrom: "url",
		Title: "Grenade at bus station",
		Published: article.Published{Time: time.Date(2024, 5, 14, 0, 0, 0, 0, loc), Precision: article.PrecisionDay,
			From: "dateline", Evidence: &article.Span{Start: 0, End: 6}, Note: "weekday Tuesday matches 14 May"},
		Text: text, Format: "text", Encoding: "windows-1256",
		Lines: []article.Line{
			{Kind: article.KindBody, Reason: "body", Text: "Police said a grenade was thrown at a bus station", Source: 3, Start: 0, End: 50},
			{Kind: article.KindDropped, Reason: "advertisement", Text: "Advertisement", Source: 4, Start: -1, End: -1},
			{Kind: article.KindCaption, Reason: "photo caption", Text: "Photo: a damaged bus", Source: 5, Start: 51, End: 71},
		},
	}
	want := *a
	res := mustSave(t, s, a, nil)
	want.ID = res.ArticleID
	got, err := s.Article(ctx(t), res.ArticleID)
	if err != nil {
		t.Fatalf("Article: %v", err)
	}
	want.IngestedAt = a.IngestedAt
	opts := cmp.Options{cmp.Comparer(func(x, y time.Time) bool { return x.Equal(y) })}
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Errorf("Article round trip mismatch (-want +got):\n%s", diff)
	}
	if got.Published.Time.Format(time.DateOnly) != "2024-05-14" {
		t.Errorf("publication day shifted: %v", got.Published.Time)
	}
}

// testArticlePrefix finds two texts whose hashes share a 4-digit prefix, so
// that prefix is ambiguous while longer ones are not.
func testArticlePrefix(t *testing.T, s incident.Store) {
	seen := map[string]string{}
	var t1, t2 string
	for i := 0; t2 == ""; i++ {
		text := fmt.Sprintf("prefix probe %d\n%s", i, filler(1000+i, 30))
		sum := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
		p := hex.EncodeToString(sum[:])[:4]
		if prev, ok := seen[p]; ok {
			t1, t2 = prev, text
		}
		seen[p] = text
	}
	r1 := mustSave(t, s, &article.Article{Text: t1}, nil)
	r2 := mustSave(t, s, &article.Article{Text: t2}, nil)
	if _, err := s.Article(ctx(t), r1.ArticleID[:4]); !errors.Is(err, incident.ErrInvalid) {
		t.Errorf("ambiguous prefix: err = %v, want ErrInvalid", err)
	}
	n := 5
	for r1.ArticleID[:n] == r2.ArticleID[:n] {
		n++
	}
	got, err := s.Article(ctx(t), strings.ToUpper(r2.ArticleID[:n]))
	if err != nil || got.ID != r2.ArticleID {
		t.Errorf("Article(prefix %s) = %s, %v; want %s", r2.ArticleID[:n], got.ID, err, r2.ArticleID)
	}
	for _, bad := range []string{"", "ab", "zzzzzz", "'; drop table articles"} {
		if _, err := s.Article(ctx(t), bad); !errors.Is(err, incident.ErrInvalid) {
			t.Errorf("Article(%q): err = %v, want ErrInvalid", bad, err)
		}
	}
	if _, err := s.Article(ctx(t), strings.Repeat("0", 64)); !errors.Is(err, incident.ErrNotFound) {
		t.Errorf("Article(unknown): err = %v, want ErrNotFound", err)
	}
}

func testArticleSearch(t *testing.T, s incident.Store) {
	mustSave(t, s, newArticle(20, "Drone strike hits convoy outside Kidal"), nil)
	mustSave(t, s, newArticle(21, "Protesters gather in the capital over fuel prices"), nil)
	mustSave(t, s, newArticle(22, "Al-Shabaab fighters ambush patrol near Afgooye"), nil)
	tests := []struct {
		query string
		want  []string // titles, any order
	}{
		{"kidal", []string{"Drone strike hits convoy outside Kidal"}},
		{"strikes", []string{"Drone strike hits convoy outside Kidal"}}, // stemmed
		{"Al-Shabaab", []string{"Al-Shabaab fighters ambush patrol near Afgooye"}},
		{"prote*", []string{"Protesters gather in the capital over fuel prices"}},
		{"kidal OR afgooye", []string{"Drone strike hits convoy outside Kidal", "Al-Shabaab fighters ambush patrol near Afgooye"}},
		{`"unbalanced`, nil},
		{"nothingmatcheshere", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := s.Articles(ctx(t), incident.ArticleQuery{Text: tt.query})
			if err != nil {
				t.Fatalf("Articles(%q): %v", tt.query, err)
			}
			var titles []string
			for _, a := range got {
				titles = append(titles, a.Title)
			}
			if diff := cmp.Diff(tt.want, titles, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
				t.Errorf("Articles(%q) mismatch (-want +got):\n%s", tt.query, diff)
			}
		})
	}
	all, err := s.Articles(ctx(t), incident.ArticleQuery{Limit: 2, Offset: 1})
	if err != nil || len(all) != 2 || all[0].Title != "Protesters gather in the capital over fuel prices" {
		t.Errorf("Articles(limit 2, offset 1) = %d articles, %v; want 2 in ingest order from the second", len(all), err)
	}
}

// nearDupText is a short wire story written for this suite; variant
// rewords a few phrases and adds furniture, as a second outlet would.
const nearDupText = `Gunmen on motorcycles attacked a village market in the north-west on Sunday, killing at least eleven traders and wounding several others, local officials said.
The attackers arrived shortly after noon, fired on shoppers and set fire to several stalls before fleeing into a nearby forest, according to a council official who asked not to be named.
Residents said the same market had been raided twice in the past year, and many families had already left for the state capital.
No group has claimed responsibility for the attack, but armed bandits who kidnap travellers for ransom are active across the area.
A police spokesman said officers had been deployed to the village and that an investigation had begun.`

func nearDupVariant() string {
	r := strings.NewReplacer("killing at least eleven traders", "killing at least 11 traders",
		"local officials said", "officials told reporters", "shortly after noon", "around midday")
	return "Share this story\n" + r.Replace(nearDupText) + "\nRead more: regional news"
}

func testNearDuplicate(t *testing.T, s incident.Store) {
	orig := &article.Article{Source: "wire-a.txt", Outlet: "Wire A", Text: nearDupText}
	in := sampleIncident("ND1", "2024-04-07")
	first := mustSave(t, s, orig, []incident.Incident{in})
	dup := &article.Article{Source: "site-b.txt", Outlet: "Site B", Text: nearDupVariant()}
	in2 := sampleIncident("ND1-B", "2024-04-07")
	res := mustSave(t, s, dup, []incident.Incident{in2})
	if !res.Created || res.DuplicateOf != first.ArticleID || res.Incidents != 0 {
		t.Fatalf("near-duplicate save = %+v, want created, linked to %s, 0 incidents", res, first.ArticleID)
	}
	got, err := s.Article(ctx(t), res.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if got.DuplicateOf != first.ArticleID || got.Similarity < 0.5 || got.Similarity >= 1 {
		t.Errorf("stored near-duplicate: duplicate_of %q similarity %.2f", got.DuplicateOf, got.Similarity)
	}
	if _, err := s.Incident(ctx(t), "ND1-B"); !errors.Is(err, incident.ErrNotFound) {
		t.Errorf("near-duplicate's incident was stored: err = %v", err)
	}
	orig1, err := s.Incident(ctx(t), "ND1")
	if err != nil {
		t.Fatal(err)
	}
	if len(orig1.Sources) != 2 {
		t.Errorf("original incident sources = %+v, want both reports", orig1.Sources)
	}
	other := &article.Article{Source: "other.txt", Text: "Soldiers repelled an attack on a army base in the north-west on Sunday, the army said.\n" +
		"Troops killed several attackers and recovered weapons after a gun battle that lasted two hours, a military spokesman said in a statement.\n" +
		"The base lies on the main road to the state capital and has been attacked before."}
	if r := mustSave(t, s, other, []incident.Incident{sampleIncident("ND2", "2024-04-07")}); r.DuplicateOf != "" || r.Incidents != 1 {
		t.Errorf("a different story = %+v, want no link and 1 incident", r)
	}
}
