package server

import (
	"compress/gzip"
	"net/http"
	"strings"
)

// compressible lists the media types worth compressing: JSON pages and
// exports shrink five- to tenfold, which matters when the dashboard loads
// thousands of incidents over a slow link.
var compressible = []string{
	"application/json", "application/geo+json", "application/jsonl", "text/",
	"application/javascript", "image/svg+xml",
}

// gzipResponse compresses a response when the client accepts gzip and the
// content type is worth it. It decides at the first write, once the handler
// has set its headers.
type gzipResponse struct {
	http.ResponseWriter
	gz      *gzip.Writer
	decided bool
}

func wantsGzip(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && r.Header.Get("Range") == "" &&
		r.Method != http.MethodHead && r.URL.Path != "/metrics" // promhttp compresses on its own
}

func (g *gzipResponse) decide() {
	if g.decided {
		return
	}
	g.decided = true
	h := g.Header()
	if h.Get("Content-Encoding") != "" {
		return
	}
	ct := h.Get("Content-Type")
	for _, c := range compressible {
		if strings.HasPrefix(ct, c) {
			h.Del("Content-Length")
			h.Set("Content-Encoding", "gzip")
			h.Add("Vary", "Accept-Encoding")
			g.gz, _ = gzip.NewWriterLevel(g.ResponseWriter, gzip.DefaultCompression)
			return
		}
	}
}

func (g *gzipResponse) WriteHeader(code int) {
	if code != http.StatusNoContent && code != http.StatusNotModified {
		g.decide()
	} else {
		g.decided = true
	}
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipResponse) Write(b []byte) (int, error) {
	if !g.decided {
		if g.Header().Get("Content-Type") == "" {
			g.Header().Set("Content-Type", http.DetectContentType(b))
		}
		g.decide()
	}
	if g.gz != nil {
		return g.gz.Write(b)
	}
	return g.ResponseWriter.Write(b)
}

// Flush pushes compressed bytes out, so streamed exports keep moving.
func (g *gzipResponse) Flush() {
	if g.gz != nil {
		g.gz.Flush()
	}
	if f, ok := g.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// finish closes the gzip stream; it must run after the handler returns.
func (g *gzipResponse) finish() error {
	if g.gz != nil {
		return g.gz.Close()
	}
	return nil
}

func (g *gzipResponse) Unwrap() http.ResponseWriter { return g.ResponseWriter }
