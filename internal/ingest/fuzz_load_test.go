package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
)

type failingTransport struct{}

func (failingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("offline")
}

// FuzzLoad feeds arbitrary bytes through format sniffing and every parser
// (text, HTML, RSS/Atom, JSONL): each result must be an article or an
// error, never both or neither, and articles must be self-consistent.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(testTitle+"\n\n"+testPara1), ".txt")
	f.Add([]byte(testHTML(testTitle)), ".html")
	f.Add([]byte(fmt.Sprintf(rssFeed, "https://x.example", testPara1, testPara2, testTitle)), ".xml")
	f.Add([]byte(fmt.Sprintf(atomFeed, testTitle, testPara1, testPara2)), ".atom")
	f.Add([]byte(`{"title":"t","text":"`+testPara1+`"}`+"\n{bad"), ".jsonl")
	f.Add([]byte("\x1f\x8b\x08garbage"), ".gz")
	f.Add([]byte("<rss><channel><item><description>x</description></item>"), ".rss")
	// Feed items may name links; the fuzzer's client never reaches a network.
	offline := &http.Client{Transport: failingTransport{}}
	l := NewLoader(Options{MaxBytes: 1 << 16, HTTPClient: offline})
	f.Fuzz(func(t *testing.T, data []byte, ext string) {
		if len(ext) > 8 {
			ext = ext[:8]
		}
		l.loadBytes(context.Background(), "input"+ext, data, nil, func(r Result) {
			if (r.Article == nil) == (r.Err == nil) {
				t.Fatalf("result %s has article %v and error %v", r.Input, r.Article != nil, r.Err)
			}
			if r.Article == nil {
				return
			}
			a := r.Article
			for _, ln := range a.Lines {
				if ln.Start >= 0 && (ln.End > len(a.Text) || ln.Start > ln.End) {
					t.Fatalf("line %d offsets %d-%d outside text of %d bytes", ln.Source, ln.Start, ln.End, len(a.Text))
				}
			}
			if e := a.Published.Evidence; e != nil && (e.Start < 0 || e.End > len(a.Text) || e.Start > e.End) {
				t.Fatalf("evidence %+v outside text", e)
			}
		})
	})
}
