// Package storetest is the behaviour every incident.Store backend must
// show, as one test suite: idempotent saves, atomic failures, each filter,
// keyset pagination, series, full-text search and near-duplicate linking;
// and, for stores with history, merging at ingest, revisions, tombstones
// and corrections.
// A backend's own test calls Run with a function opening an empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// Run runs the suite. open must return a new, empty store; the suite closes
// it.
func Run(t *testing.T, open func(t *testing.T) incident.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, incident.Store)
	}{
		{"SaveIdempotent", testSaveIdempotent},
		{"SaveRejectsBadID", testSaveRejectsBadID},
		{"SaveAtomic", testSaveAtomic},
		{"ArticleRoundTrip", testArticleRoundTrip},
		{"ArticlePrefix", testArticlePrefix},
		{"ArticleSearch", testArticleSearch},
		{"IncidentRoundTrip", testIncidentRoundTrip},
		{"IncidentNotFound", testIncidentNotFound},
		{"NearDuplicate", testNearDuplicate},
		{"Filters", testFilters},
		{"Pagination", testPagination},
		{"BadFilter", testBadFilter},
		{"Series", testSeries},
		{"Revision", testRevision},
		{"MergeAtIngest", testMergeAtIngest},
		{"DistinctSameDay", testDistinctSameDay},
		{"ReingestNoRevisions", testReingestNoRevisions},
		{"CorrectionSurvives", testCorrectionSurvives},
		{"MergeSplitTombstone", testMergeSplitTombstone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// filler returns n words that no other call with a different seed shares,
// so generated articles are never near-duplicates of one another.
func filler(seed, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("tok%dx%d", seed, i)
	}
	return strings.Join(w, " ")
}

// newArticle builds an article with a unique text derived from seed.
func newArticle(seed int, lead string) *article.Article {
	text := lead + "\n" + filler(seed, 60)
	return &article.Article{
		Source: fmt.Sprintf("gen/%03d.txt", seed),
		Outlet: fmt.Sprintf("Outlet %d", seed%3),
		Title:  lead,
		Text:   text,
		Format: "text",
		Published: article.Published{
			Time: time.Date(2024, 3, 1+seed%28, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay, From: "caller",
		},
	}
}

func ctx(t *testing.T) context.Context { return t.Context() }

func mustSave(t *testing.T, s incident.Store, a *article.Article, ins []incident.Incident) incident.SaveResult {
	t.Helper()
	res, err := s.SaveArticle(ctx(t), a, ins)
	if err != nil {
		t.Fatalf("SaveArticle(%s): %v", a.Source, err)
	}
	return res
}

func allIncidents(t *testing.T, s incident.Store, f incident.Filter) []incident.Incident {
	t.Helper()
	var out []incident.Incident
	for {
		p, err := s.Incidents(ctx(t), f)
		if err != nil {
			t.Fatalf("Incidents(%+v): %v", f, err)
		}
		out = append(out, p.Incidents...)
		if p.Next == "" {
			return out
		}
		f.Cursor = p.Next
	}
}

func ids(ins []incident.Incident) []string {
	out := make([]string, len(ins))
	for i, in := range ins {
		out[i] = in.EventID
	}
	return out
}

func countArticles(t *testing.T, s incident.Store) int {
	t.Helper()
	as, err := s.Articles(ctx(t), incident.ArticleQuery{Limit: 1000})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	return len(as)
}

func testSaveIdempotent(t *testing.T, s incident.Store) {
	a := newArticle(1, "Clashes reported near the river crossing")
	ins := []incident.Incident{sampleIncident("E1", "2024-03-01"), sampleIncident("E2", "2024-03-02")}
	first := mustSave(t, s, a, ins)
	if !first.Created || first.Incidents != 2 || first.ArticleID != article.Hash(a.Text) {
		t.Fatalf("first save = %+v, want created with 2 incidents and the content hash", first)
	}
	again := newArticle(1, "Clashes reported near the river crossing")
	second := mustSave(t, s, again, ins)
	if second.Created || second.Incidents != 0 || second.ArticleID != first.ArticleID {
		t.Errorf("second save = %+v, want not created, 0 incidents, same id", second)
	}
	if n := countArticles(t, s); n != 1 {
		t.Errorf("articles after two saves = %d, want 1", n)
	}
	if got := allIncidents(t, s, incident.Filter{}); len(got) != 2 {
		t.Errorf("incidents after two saves = %d, want 2", len(got))
	}
}

func testSaveRejectsBadID(t *testing.T, s incident.Store) {
	a := newArticle(2, "Mismatched key")
	a.ID = "not-the-hash"
	if _, err := s.SaveArticle(ctx(t), a, nil); !errors.Is(err, incident.ErrInvalid) {
		t.Errorf("save with wrong id: err = %v, want ErrInvalid", err)
	}
	if _, err := s.SaveArticle(ctx(t), &article.Article{Text: "  \n "}, nil); !errors.Is(err, incident.ErrInvalid) {
		t.Errorf("save of empty text: err = %v, want ErrInvalid", err)
	}
}

// testSaveAtomic saves an article whose second incident the store must
// reject; neither the article nor the first incident may remain.
func testSaveAtomic(t *testing.T, s incident.Store) {
	a := newArticle(3, "A report with one bad incident")
	bad := sampleIncident("BAD2", "2024-03-05")
	bad.Evidence = []incident.Evidence{{Field: "fatalities", Start: 10, End: 4, Quote: "x", Rule: "test"}}
	_, err := s.SaveArticle(ctx(t), a, []incident.Incident{sampleIncident("OK1", "2024-03-05"), bad})
	if err == nil {
		t.Fatal("save with an inverted evidence span succeeded, want an error")
	}
	if _, err := s.Article(ctx(t), article.Hash(a.Text)); !errors.Is(err, incident.ErrNotFound) {
		t.Errorf("article after failed save: err = %v, want ErrNotFound", err)
	}
	if _, err := s.Incident(ctx(t), "OK1"); !errors.Is(err, incident.ErrNotFound) {
		t.Errorf("first incident after failed save: err = %v, want ErrNotFound", err)
	}
	if res := mustSave(t, s, newArticle(3, "A report with one bad incident"), nil); !res.Created {
		t.Errorf("save after a failed one: %+v, want created", res)
	}
}
