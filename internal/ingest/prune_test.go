package ingest

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// prunePage is a news page with everything pruning deals with: scripts
// (one of them JSON-LD), styles, an SVG, navigation, a form, comments,
// text after removed elements (go-trafilatura drops it with them), an
// element followed by a tag go-trafilatura unwraps, and a heading inside
// an aside the title fallback may read.
func prunePage() string {
	return `<!doctype html><html><head><title>` + testTitle + ` | Coastal Herald</title>
<style>body{margin:0}</style><script>var a = "<p>not text</p>";</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"` + testTitle + `","datePublished":"2023-06-15"}</script>
<link rel="canonical" href="https://herald.example/a"></head>
<body><!-- masthead --><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<svg width="10"><path d="M0 0"/></svg>
<main><article><h1>` + testTitle + `</h1>
<p>` + testPara1 + `<script>track()</script> tail after a script</p>
<p>` + testPara2 + `<button>Share</button><small>kept when unwrapped</small></p>
<form><input name="q"><label>Search</label></form>loose text after a form
<p>` + testPara3 + `<time datetime="2023-06-15">15 June</time> and more.</p></article>
<aside><h2>Most read</h2><ul><li><a href="/x">Another story</a></li></ul></aside></main>
<footer><p>Copyright 2023 Coastal Herald</p><noscript><img src="x.gif"></noscript></footer></body></html>`
}

func parseString(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var b bytes.Buffer
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestPruneRestoresTheTree(t *testing.T) {
	doc := parseString(t, prunePage())
	want := render(t, doc)
	p := pruneForExtraction(doc)
	if len(p.removed) == 0 {
		t.Fatal("nothing pruned")
	}
	pruned := render(t, doc)
	for _, gone := range []string{"track()", "<nav>", "<svg", "masthead", "tail after a script", "loose text"} {
		if strings.Contains(pruned, gone) {
			t.Errorf("pruned tree still holds %q", gone)
		}
	}
	for _, kept := range []string{"ld+json", "canonical", "Most read", "kept when unwrapped", "<button>"} {
		if !strings.Contains(pruned, kept) {
			t.Errorf("pruned tree lost %q", kept)
		}
	}
	// go-htmldate reads the restored tree, so extraction must leave it alone.
	if _, err := trafilatura.ExtractDocument(doc, extractOptions("")); err != nil {
		t.Fatal(err)
	}
	p.restore()
	if diff := cmp.Diff(want, render(t, doc)); diff != "" {
		t.Errorf("restored tree mismatch (-want +got):\n%s", diff)
	}
}

// extraction is what sitrep reads from go-trafilatura's result.
type extraction struct {
	Text, Title, URL, Sitename string
}

func extractBoth(t testing.TB, data string) (whole, pruned extraction, ok bool) {
	doc, err := html.Parse(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	get := func() (extraction, bool) {
		r, err := trafilatura.ExtractDocument(doc, extractOptions(""))
		if err != nil || r == nil {
			return extraction{}, false
		}
		return extraction{r.ContentText, r.Metadata.Title, r.Metadata.URL, r.Metadata.Sitename}, true
	}
	whole, ok1 := get()
	p := pruneForExtraction(doc)
	pruned, ok2 := get()
	p.restore()
	return whole, pruned, ok1 == ok2
}

func TestPruneKeepsExtraction(t *testing.T) {
	whole, pruned, ok := extractBoth(t, prunePage())
	if !ok {
		t.Fatal("extraction succeeded on one tree only")
	}
	if diff := cmp.Diff(whole, pruned); diff != "" {
		t.Errorf("pruning changed go-trafilatura's output (-whole +pruned):\n%s", diff)
	}
}

// TestPruneKeepsExtractionOnRealPages compares go-trafilatura's output with
// and without pruning on the 181 pages of the article-extraction
// benchmark. Metadata must match on every page. A body may differ only
// where go-trafilatura's own extraction came up short and it took its
// rescue path over the uncleaned tree, where forms and navigation are gone
// after pruning (one page, f6ac15a4…, a municipal page whose rescue text
// loses its login form).
func TestPruneKeepsExtractionOnRealPages(t *testing.T) {
	files := realPages(t)
	bodies := 0
	for _, p := range files {
		whole, pruned, ok := extractBoth(t, string(p.HTML))
		if !ok {
			t.Errorf("%s: extraction succeeded on one tree only", p.Name)
			continue
		}
		if whole.Text != pruned.Text {
			bodies++
			whole.Text, pruned.Text = "", ""
		}
		if diff := cmp.Diff(whole, pruned); diff != "" {
			t.Errorf("%s: pruning changed metadata (-whole +pruned):\n%s", p.Name, diff)
		}
	}
	if bodies > 1 {
		t.Errorf("pruning changed %d of %d bodies, want at most 1", bodies, len(files))
	}
}

// realPages reads the pages of the shared article-extraction benchmark,
// every tenth under the race detector; it skips when they are absent.
func realPages(t *testing.T) []sharedtest.Page {
	t.Helper()
	every := 1
	if raceEnabled {
		every = 10
	}
	return sharedtest.Pages(t, "datasets/article-extraction/html", every)
}

// TestPlaceholdersReachTrafilatura checks that go-trafilatura reads the
// placeholder author, tags and category, so it skips its own searches for
// them (if a version stops reading them, pruning gets slower, not wrong).
func TestPlaceholdersReachTrafilatura(t *testing.T) {
	doc := parseString(t, prunePage())
	p := pruneForExtraction(doc)
	defer p.restore()
	r, err := trafilatura.ExtractDocument(doc, extractOptions(""))
	if err != nil {
		t.Fatal(err)
	}
	m := r.Metadata
	if !strings.EqualFold(m.Author, placeholder) || !slices.Contains(m.Tags, placeholder) || !slices.Contains(m.Categories, placeholder) {
		t.Errorf("placeholders not read: author %q, tags %q, categories %q", m.Author, m.Tags, m.Categories)
	}
}
