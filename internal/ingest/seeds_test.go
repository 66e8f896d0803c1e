package ingest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// seedWant lists, by source line number, what cleaning must decide for one
// seed. Lines not listed must be blank.
type seedWant struct {
	file      string
	lines     int
	title     []int
	body      []int
	marked    map[int]article.LineKind
	dropped   map[int]string
	published string // YYYY-MM-DD read from the text, "" for unknown
	outlet    string
}

func span(from, to, step int) []int {
	var out []int
	for i := from; i <= to; i += step {
		out = append(out, i)
	}
	return out
}

var seedWants = []seedWant{
	{file: "000_c6f2e08ed90e8c2d.txt", lines: 34, title: []int{1},
		body:    []int{13, 14, 15, 18, 20, 22, 24, 28, 30, 32},
		marked:  map[int]article.LineKind{6: article.KindCaption, 10: article.KindCaption},
		dropped: map[int]string{3: "advertisement", 4: "repeated-headline", 8: "photo-credit", 12: "advertisement", 16: "home-page-promo", 26: "advertisement", 34: "template-debris"},
		outlet:  "Business Insider"},
	{file: "001_e8797aea7a97c89d.txt", lines: 36, title: []int{1}, body: span(6, 28, 2),
		marked:  map[int]article.LineKind{4: article.KindDateline},
		dropped: map[int]string{32: "source-link", 34: "comments", 36: "comments"}},
	{file: "002_bc2177a8227d8cb8.txt", lines: 24, body: span(1, 23, 1),
		dropped: map[int]string{24: "copyright"}, outlet: "MENA Research and Study Center"},
	{file: "003_ff56eb9a6082e9aa.txt", lines: 25, title: []int{3}, body: span(7, 21, 2),
		marked:    map[int]article.LineKind{5: article.KindDateline},
		dropped:   map[int]string{1: "qr-code", 23: "story-code", 25: "news-link"},
		published: "2024-02-05", outlet: "Afghan Voice Agency"},
	{file: "004_d0d255c26b8c6a8a.txt", lines: 56, title: []int{1}, body: span(8, 30, 2),
		marked: map[int]article.LineKind{3: article.KindDateline, 4: article.KindByline},
		dropped: map[int]string{5: "repeated-line", 6: "font-size-controls",
			34: "comments", 36: "comments", 38: "comments", 40: "comments", 42: "comments", 44: "comments", 46: "comments", 47: "comments",
			50: "related-stories", 52: "related-stories", 54: "related-stories", 56: "related-stories"},
		published: "2020-03-09", outlet: "Rudaw"},
}

func TestSeedsCleaned(t *testing.T) {
	dir := sharedtest.Dir(t, "seeds")
	for _, w := range seedWants {
		t.Run(w.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, w.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := FromText(w.file, data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Lines) != w.lines {
				t.Fatalf("%d line records, want %d", len(a.Lines), w.lines)
			}
			if diff := cmp.Diff(w.expected(), seedVerdicts(a.Lines)); diff != "" {
				t.Errorf("line verdicts mismatch (-want +got):\n%s", diff)
			}
			got := ""
			if a.Published.Known() {
				got = a.Published.Time.Format("2006-01-02")
			}
			if got != w.published {
				t.Errorf("published %q, want %q (%+v)", got, w.published, a.Published)
			}
			if a.Outlet != w.outlet {
				t.Errorf("outlet %q (from %s), want %q", a.Outlet, a.OutletFrom, w.outlet)
			}
			if a.ID != article.Hash(a.Text) {
				t.Error("ID is not the hash of the clean text")
			}
		})
	}
}

func (w seedWant) expected() map[int]string {
	out := map[int]string{}
	for _, n := range w.title {
		out[n] = "title"
	}
	for _, n := range w.body {
		out[n] = "body"
	}
	for n, k := range w.marked {
		out[n] = string(k)
	}
	for n, r := range w.dropped {
		out[n] = "dropped:" + r
	}
	return out
}

func seedVerdicts(lines []article.Line) map[int]string {
	out := map[int]string{}
	for _, l := range lines {
		switch {
		case l.Reason == "blank":
		case l.Kind == article.KindDropped:
			out[l.Source] = "dropped:" + l.Reason
		default:
			out[l.Source] = string(l.Kind)
		}
	}
	return out
}

func TestSeedsWithManifest(t *testing.T) {
	dir := sharedtest.Dir(t, "seeds")
	m, err := ReadManifest(filepath.Join(dir, "..", "gold", "seeds.manifest.json"))
	if err != nil {
		t.Skipf("manifest unavailable: %v", err)
	}
	want := map[string]string{"000_c6f2e08ed90e8c2d.txt": "2019-10-22 manifest", "001_e8797aea7a97c89d.txt": "2024-05-14 manifest",
		"002_bc2177a8227d8cb8.txt": "unknown", "003_ff56eb9a6082e9aa.txt": "2024-02-05 dateline", "004_d0d255c26b8c6a8a.txt": "2020-03-09 dateline"}
	loader := NewLoader(Options{Manifest: m})
	got := map[string]string{}
	ids := map[string]bool{}
	for _, src := range Expand([]string{dir, dir}) {
		loader.Load(t.Context(), src, nil, func(r Result) {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			p := r.Article.Published
			got[filepath.Base(r.Input)] = "unknown"
			if p.Known() {
				got[filepath.Base(r.Input)] = p.Time.Format(time.DateOnly) + " " + p.From
			}
			ids[r.Article.ID] = true
		})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dates mismatch (-want +got):\n%s", diff)
	}
	if len(ids) != 5 {
		t.Errorf("loading the seeds twice gave %d distinct IDs, want 5", len(ids))
	}
}
