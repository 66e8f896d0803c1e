package ingest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sameTree reports the first difference between two parsed trees, or "".
func sameTree(a, b *html.Node, path string) string {
	if a.Type != b.Type || a.Data != b.Data || a.DataAtom != b.DataAtom || a.Namespace != b.Namespace {
		return fmt.Sprintf("%s: node %d %q (%s) != %d %q (%s)", path, a.Type, a.Data, a.Namespace, b.Type, b.Data, b.Namespace)
	}
	if !slices.Equal(a.Attr, b.Attr) {
		return fmt.Sprintf("%s: attributes %v != %v", path, a.Attr, b.Attr)
	}
	ca, cb := a.FirstChild, b.FirstChild
	for i := 0; ca != nil || cb != nil; i++ {
		if ca == nil || cb == nil {
			return fmt.Sprintf("%s/%s: child %d missing on one side", path, a.Data, i)
		}
		if d := sameTree(ca, cb, fmt.Sprintf("%s/%s[%d]", path, a.Data, i)); d != "" {
			return d
		}
		ca, cb = ca.NextSibling, cb.NextSibling
	}
	return ""
}

func checkParse(t *testing.T, page string) (hidden int) {
	t.Helper()
	want, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got, err := parseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	if d := sameTree(want, got, ""); d != "" {
		t.Errorf("parseHTML differs from html.Parse: %s", d)
	}
	_, bodies := hideRawText(page)
	return len(bodies)
}

var longJS = strings.Repeat("var x = a < b && c > d; ", 4)

// parseCase is a page with what hiding must get right, and how many
// bodies hideRawText takes out of it (before restoreRawText checks them).
type parseCase struct {
	name, page string
	hidden     int
}

func parseCases() []parseCase {
	return []parseCase{
		{"script and style", `<html><head><style>` + longJS + `</style></head><body><p>a</p><script type="x">` + longJS + `</script>tail</body></html>`, 2},
		{"short bodies stay", `<script>var a;</script><style>p{}</style><p>x`, 0},
		{"closing tag variants", `<SCRIPT>` + longJS + `</ScRiPt >x<style>` + longJS + `</style/>y<script>` + longJS + "</scripts></script\t>z", 3},
		{"quoted > in attribute", `<script data-x="a>b" src='c>d'>` + longJS + `</script><p>after`, 1},
		{"odd attributes", `<script =a b = c d=e/ f>` + longJS + `</script><p>after`, 1},
		{"conditional comment", `<!--[if lt IE 9]><script>` + longJS + `</script><![endif]--><p>x</p><script>` + longJS + `</script>`, 1},
		{"comment forms", `<!--><script>` + longJS + `</script><!---><style>` + longJS + `</style><!-- a --!><script>` + longJS + `</script>`, 3},
		{"old-style script comment", `<script><!--` + longJS + `//--></script><p>x</p><script>` + longJS + `</script>`, 1},
		{"escaped script", `<script><!--<script>` + longJS + `</script>--></script><p>x</p>`, 0},
		{"svg style", `<svg><style>` + longJS + `</style></svg><p>x</p><style>` + longJS + `</style>`, 2},
		{"svg breakout", `<svg><p><style>` + longJS + `</style></svg><p>x`, 1},
		{"textarea holds a script", `<textarea><script>` + longJS + `</script></textarea><p>x`, 0},
		{"title holds a script", `<title>a <script>` + longJS + `</script></title><p>x`, 0},
		{"attribute holds a script", `<div data-html="<script>` + longJS + `</script>"><p>x</p></div>`, 1},
		{"script in a table", `<table><tr><td>a</td><script>` + longJS + `</script><style>` + longJS + `</style></tr></table>`, 2},
		{"script after the end", `<html><body><p>x</p></body></html><script>` + longJS + `</script>`, 1},
		{"frameset", `<frameset><script>` + longJS + `</script></frameset>`, 1},
		{"unterminated script", `<p>x</p><script>` + longJS, 0},
		{"unterminated tag", `<p>x</p><script src="a`, 0},
		{"plaintext", `<plaintext><script>` + longJS + `</script>`, 0},
		{"nul and cr", "<script>" + longJS + "\x00</script><style>" + longJS + "\r</style>", 0},
		{"marker in page", `<p>` + rawMarker + `0</p><script>` + longJS + `</script>`, 0},
		{"noscript", `<noscript><script>` + longJS + `</script></noscript><p>x`, 0},
	}
}

func TestParseHTMLMatchesParse(t *testing.T) {
	for _, tt := range parseCases() {
		t.Run(tt.name, func(t *testing.T) {
			if got := checkParse(t, tt.page); got != tt.hidden {
				t.Errorf("hid %d bodies, want %d", got, tt.hidden)
			}
		})
	}
}

// TestParseHTMLOnRealPages checks parseHTML against html.Parse on the 181
// pages of the article-extraction benchmark and that the fast path, not
// the second parse, serves nearly all of them.
func TestParseHTMLOnRealPages(t *testing.T) {
	files := realPages(t)
	fast := 0
	for _, p := range files {
		page, _, err := decodeText(p.HTML, "", true)
		if err != nil {
			t.Fatal(err)
		}
		checkParse(t, page)
		if pieces, bodies := hideRawText(page); len(bodies) > 0 {
			if doc, err := html.Parse(&piecesReader{pieces: pieces}); err == nil && restoreRawText(doc, bodies) {
				fast++
			}
		}
	}
	if fast < len(files)*9/10 {
		t.Errorf("fast path served %d of %d pages, want at least 90%%", fast, len(files))
	}
	t.Logf("fast path served %d of %d pages", fast, len(files))
}

// FuzzParseHTML: whatever the page, parseHTML gives html.Parse's tree.
func FuzzParseHTML(f *testing.F) {
	for _, c := range parseCases() {
		f.Add(c.page)
	}
	f.Fuzz(func(t *testing.T, page string) {
		want, err1 := html.Parse(strings.NewReader(page))
		got, err2 := parseHTML(page)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("errors differ: %v, %v", err1, err2)
		}
		if err1 == nil {
			if d := sameTree(want, got, ""); d != "" {
				t.Fatalf("parseHTML differs from html.Parse: %s", d)
			}
		}
	})
}
