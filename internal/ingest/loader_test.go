package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Test articles written for these tests.
const (
	testTitle = "Roadside bomb hits patrol on the coastal road"
	testPara1 = "A roadside bomb struck a police patrol on the coastal road east of the port on Thursday morning, killing one officer and wounding two others, the provincial police chief said."
	testPara2 = "No group claimed the attack. The road links the port with farming villages and has seen several similar blasts this year, residents told local radio."
	testPara3 = "Engineers cleared two more devices found near a culvert later in the day, and traffic resumed in the afternoon under army escort."
)

func testHTML(title string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>` + title + `</title>
<meta property="og:site_name" content="Coastal Herald">
<meta property="article:published_time" content="2023-06-15T09:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>` + title + `</h1><p>` + testPara1 + `</p><p>` + testPara2 + `</p><p>` + testPara3 + `</p></article>
<footer>Copyright 2023 Coastal Herald</footer></body></html>`
}

func collect(t *testing.T, l *Loader, srcs []Source, stdin string) []Result {
	t.Helper()
	var out []Result
	for _, s := range srcs {
		l.Load(context.Background(), s, strings.NewReader(stdin), func(r Result) { out = append(out, r) })
	}
	return out
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFromHTMLKeepsParagraphs(t *testing.T) {
	a, err := FromHTML("p.html", "https://herald.example/a", []byte(testHTML(testTitle+" - Coastal Herald")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var body []string
	for _, l := range a.Lines {
		if l.Kind == "body" {
			body = append(body, a.Text[l.Start:l.End])
		}
	}
	want := []string{testPara1, testPara2, testPara3}
	if diff := cmp.Diff(want, body); diff != "" {
		t.Errorf("body paragraphs mismatch (-want +got):\n%s", diff)
	}
	if a.Title != testTitle {
		t.Errorf("title %q: the site suffix should be gone", a.Title)
	}
}

func TestTrimSiteSuffix(t *testing.T) {
	tests := []struct{ title, site, host, want string }{
		{"Talks collapse - Coastal Herald", "Coastal Herald", "", "Talks collapse"},
		{"Talks collapse | herald.example", "", "herald.example", "Talks collapse"},
		{"Talks collapse - Sportsnet.ca", "Sportsnet.ca", "sportsnet.ca", "Talks collapse"},
		{"Talks - the morning after", "Coastal Herald", "herald.example", "Talks - the morning after"},
		{"Coastal Herald", "Coastal Herald", "", "Coastal Herald"},
	}
	for _, tt := range tests {
		if got := trimSiteSuffix(tt.title, tt.site, tt.host); got != tt.want {
			t.Errorf("trimSiteSuffix(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b/2.txt", "b/1.txt", "a.txt", ".hidden.txt", ".git/config", "b/.draft.txt"} {
		writeFile(t, filepath.Join(dir, p), []byte("x"))
	}
	missing := filepath.Join(dir, "nope.txt")
	got := Expand([]string{dir, "-", "https://example.org/a", missing})
	want := []Source{
		{filepath.Join(dir, "a.txt"), KindFile}, {filepath.Join(dir, "b/1.txt"), KindFile}, {filepath.Join(dir, "b/2.txt"), KindFile},
		{"-", KindStdin}, {"https://example.org/a", KindURL}, {missing, KindFile},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadBadInputs(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.txt":     {},
		"blank.txt":     []byte("\n  \n\t\n"),
		"binary.bin":    {0x7f, 'E', 'L', 'F', 0, 1, 2, 3},
		"huge.txt":      bytes.Repeat([]byte("word "), 1000),
		"nothing.html":  []byte("<!doctype html><html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>"),
		"feed.rss":      []byte("this is not xml at all"),
		"furniture.txt": []byte("Advertisement\nShare | Tweet\n{{}}\n"),
	}
	for name, data := range files {
		writeFile(t, filepath.Join(dir, name), data)
	}
	wantErr := map[string]error{
		"empty.txt": ErrEmpty, "blank.txt": ErrEmpty, "binary.bin": ErrBinary, "huge.txt": ErrTooLarge,
		"nothing.html": ErrNoArticle, "feed.rss": ErrNotFeed, "furniture.txt": ErrNoArticle, "missing.txt": os.ErrNotExist,
	}
	l := NewLoader(Options{MaxBytes: 4000})
	for name, want := range wantErr {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			res := collect(t, l, []Source{{path, KindFile}}, "")
			if len(res) != 1 || !errors.Is(res[0].Err, want) {
				t.Fatalf("got %+v, want one error %v", res, want)
			}
			msg := res[0].Err.Error()
			if !strings.Contains(msg, name) || strings.Contains(msg, "\n") {
				t.Errorf("error %q should be one line naming the input", msg)
			}
		})
	}
}

func TestLoadFileStdinGzip(t *testing.T) {
	dir := t.TempDir()
	page := testTitle + "\n\n" + testPara1 + "\n\n" + testPara2 + "\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write([]byte(testHTML(testTitle)))
	_ = zw.Close()
	writeFile(t, filepath.Join(dir, "a.txt"), []byte(page))
	writeFile(t, filepath.Join(dir, "b.html.gz"), gz.Bytes())
	l := NewLoader(Options{})
	res := collect(t, l, append(Expand([]string{dir}), Source{"-", KindStdin}), page)
	if len(res) != 3 {
		t.Fatalf("got %d results", len(res))
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Input, r.Err)
		}
		if r.Article.Title != testTitle || !strings.Contains(r.Article.Text, "provincial police chief") {
			t.Errorf("%s: title %q text %q", r.Input, r.Article.Title, r.Article.Text)
		}
	}
	if res[0].Article.ID != res[2].Article.ID {
		t.Error("the same text from a file and from stdin should share an ID")
	}
	if h := res[1].Article; h.Format != "html" || h.Outlet != "Coastal Herald" || h.Published.From != "html" {
		t.Errorf("html metadata: format %q outlet %q published %+v", h.Format, h.Outlet, h.Published)
	}
}

func TestLoadJSONL(t *testing.T) {
	lines := []string{
		fmt.Sprintf(`{"url":"https://news.example/a","title":%q,"text":%q,"published":"2023-01-02","outlet":"Example News"}`, testTitle, testPara1+"\n\n"+testPara2),
		``,
		`{"title":"broken"`,
		fmt.Sprintf(`{"url":"https://news.example/b","html":%q}`, testHTML("A second report on the coastal road attack")),
		`{"title":"nothing here"}`,
		fmt.Sprintf(`{"text":%q,"published":"yesterday"}`, testPara3),
	}
	path := filepath.Join(t.TempDir(), "bulk.jsonl")
	writeFile(t, path, []byte(strings.Join(lines, "\n")))
	res := collect(t, NewLoader(Options{}), []Source{{path, KindFile}}, "")
	got := map[string]string{}
	for _, r := range res {
		key := strings.TrimPrefix(r.Input, path)
		if r.Err != nil {
			got[key] = "error"
			continue
		}
		got[key] = r.Article.Outlet + " " + r.Article.Published.Time.Format("2006-01-02") + " " + r.Article.Published.From
	}
	want := map[string]string{":1": "Example News 2023-01-02 jsonl", ":3": "error", ":4": "Coastal Herald 2023-06-15 html", ":5": "error", ":6": "error"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Coastal Herald</title><link>%[1]s/</link>
<item><title>Full item about the port</title><link>%[1]s/full</link><pubDate>Mon, 12 Jun 2023 08:00:00 GMT</pubDate>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>%[2]s</p><p>%[3]s</p>]]></content:encoded></item>
<item><title>%[4]s</title><link>%[1]s/page</link><pubDate>Wed, 14 Jun 2023 07:00:00 GMT</pubDate><description>A short teaser.</description></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Delta Wire</title><id>urn:x</id><updated>2023-05-02T10:00:00Z</updated>
<entry><title>%s</title><link href="https://delta.example/a"/><id>urn:a</id><published>2023-05-01T18:00:00Z</published><updated>2023-05-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;%s&lt;/p&gt;&lt;p&gt;%s&lt;/p&gt;</content></entry></feed>`

func TestLoadAtomFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "delta.atom")
	writeFile(t, path, []byte(fmt.Sprintf(atomFeed, testTitle, testPara1, testPara2)))
	res := collect(t, NewLoader(Options{}), []Source{{path, KindFile}}, "")
	if len(res) != 1 || res[0].Err != nil {
		t.Fatalf("got %+v", res)
	}
	a := res[0].Article
	got := []string{a.Title, a.Outlet, a.OutletFrom, a.URL, a.Published.Time.Format(time.DateOnly), a.Published.From, a.Format, res[0].Input}
	want := []string{testTitle, "Delta Wire", "feed", "https://delta.example/a", "2023-05-01", "feed", "feed", path + "#1 https://delta.example/a"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if len(a.Lines) < 3 || a.Lines[0].Kind != "title" {
		t.Errorf("lines %+v", a.Lines)
	}
}

func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("GET /page", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "sitrep/") {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, testHTML(testTitle))
	})
	mux.HandleFunc("GET /feed", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, rssFeed, srv.URL, testPara1, testPara2, testTitle)
	})
	mux.HandleFunc("GET /badfeed", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "{not: xml}")
	})
	mux.HandleFunc("GET /loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("GET /big", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", "999999")
		_, _ = w.Write(bytes.Repeat([]byte("a"), 1000))
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestLoadURLs(t *testing.T) {
	srv := testServer(t)
	l := NewLoader(Options{AllowPrivate: true, MaxBytes: 100000, Timeout: 500 * time.Millisecond, UserAgent: UserAgentFor("test")})
	t.Run("page", func(t *testing.T) {
		res := collect(t, l, []Source{{srv.URL + "/page", KindURL}}, "")
		if len(res) != 1 || res[0].Err != nil {
			t.Fatalf("got %+v", res)
		}
		a := res[0].Article
		if a.URL != srv.URL+"/page" || a.Title != testTitle || a.Published.Time.Format("2006-01-02") != "2023-06-15" {
			t.Errorf("url %q title %q published %+v", a.URL, a.Title, a.Published)
		}
	})
	t.Run("feed with a summary-only item", func(t *testing.T) {
		res := collect(t, l, []Source{{srv.URL + "/feed", KindURL}}, "")
		if len(res) != 2 {
			t.Fatalf("got %d results", len(res))
		}
		for _, r := range res {
			if r.Err != nil {
				t.Fatalf("%s: %v", r.Input, r.Err)
			}
			if r.Article.Outlet != "Coastal Herald" || r.Article.OutletFrom != "feed" || r.Article.Published.From != "feed" {
				t.Errorf("%s: outlet %q/%q published %+v", r.Input, r.Article.Outlet, r.Article.OutletFrom, r.Article.Published)
			}
		}
		if !strings.Contains(res[1].Article.Text, "army escort") || !strings.HasPrefix(res[1].Input, srv.URL+"/feed#2 ") {
			t.Errorf("summary-only item was not replaced by its page: %s %q", res[1].Input, res[1].Article.Text)
		}
	})
	errs := []struct {
		path string
		want string
	}{
		{"/badfeed", ErrNotFeed.Error()}, {"/loop", "redirects"}, {"/big", ErrTooLarge.Error()},
		{"/missing", "404"}, {"/slow", "timed out"},
	}
	for _, e := range errs {
		t.Run(e.path, func(t *testing.T) {
			res := collect(t, l, []Source{{srv.URL + e.path, KindURL}}, "")
			if len(res) != 1 || res[0].Err == nil || !strings.Contains(res[0].Err.Error(), e.want) || !strings.Contains(res[0].Err.Error(), srv.URL) {
				t.Fatalf("got %+v, want an error naming the URL and %q", res, e.want)
			}
		})
	}
}

func TestUnreachableURL(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.URL
	srv.Close()
	res := collect(t, NewLoader(Options{AllowPrivate: true, Timeout: time.Second}), []Source{{addr + "/x", KindURL}}, "")
	if len(res) != 1 || res[0].Err == nil || !strings.Contains(res[0].Err.Error(), addr) {
		t.Fatalf("got %+v", res)
	}
}

func TestRefusePrivateAddresses(t *testing.T) {
	srv := testServer(t)
	l := NewLoader(Options{Timeout: time.Second})
	for _, u := range []string{srv.URL + "/page", strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/page", "http://[::1]:9/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/"} {
		t.Run(u, func(t *testing.T) {
			res := collect(t, l, []Source{{u, KindURL}}, "")
			if len(res) != 1 || !errors.Is(res[0].Err, ErrRefused) {
				t.Fatalf("got %+v, want ErrRefused", res)
			}
		})
	}
	t.Run("feed items pointing inside are refused too", func(t *testing.T) {
		feed := []byte(fmt.Sprintf(rssFeed, srv.URL, testPara1, testPara2, testTitle))
		path := filepath.Join(t.TempDir(), "feed.xml")
		writeFile(t, path, feed)
		res := collect(t, l, []Source{{path, KindFile}}, "")
		if len(res) != 2 || res[0].Err != nil || !errors.Is(res[1].Err, ErrRefused) {
			t.Fatalf("got %+v", res)
		}
	})
}
