package server

import (
	"embed"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// dist holds the dashboard bundle built by `make web` (web/ → dist/). In a
// checkout where it was never built it holds only .gitkeep and the server
// says so instead of serving a broken page.
//
//go:embed all:dist
var dist embed.FS

// notBuilt is served at / when the bundle is missing.
const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sitrep</title></head>
<body><h1>sitrep: dashboard not built</h1>
<p>This binary was built without the dashboard bundle. Run <code>make web</code>, then rebuild.
The API is available at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></body></html>
`

// dashboardFS returns the bundle, or false when it was not built.
func dashboardFS() (fs.FS, bool) {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		return nil, false
	}
	if _, err := fs.Stat(sub, "index.html"); err != nil {
		return nil, false
	}
	return sub, true
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	sub, ok := dashboardFS()
	if !ok {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, notBuilt)
		return
	}
	if r.URL.Path == "/" || r.URL.Path == "/index.html" {
		w.Header().Set("Cache-Control", "no-cache")
	}
	http.FileServerFS(sub).ServeHTTP(w, r)
}

// contentSecurityPolicy allows only the server's own scripts, styles and
// data, plus images from the tile server when one is configured. No inline
// script, no eval: article text reaches the page only as text nodes.
func (s *Server) contentSecurityPolicy() string {
	img := "'self' data:"
	if s.tiles != "" {
		if origin, err := tileOrigin(s.tiles); err == nil {
			img += " " + origin
		}
	}
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src " + img,
		"connect-src 'self'",
		"font-src 'self'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	}, "; ")
}

// tileOrigin derives the CSP source of a tile URL template such as
// https://{s}.tile.example.org/{z}/{x}/{y}.png: the subdomain placeholder
// becomes a wildcard.
func tileOrigin(template string) (string, error) {
	host := strings.ReplaceAll(template, "{s}.", "sub.")
	u, err := url.Parse(host)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(u.Host, "{}; '") {
		return "", fmt.Errorf("server: tiles %q: want an http(s) URL template like https://tile.example.org/{z}/{x}/{y}.png: %w",
			template, incident.ErrInvalid)
	}
	h := u.Host
	if strings.Contains(template, "{s}.") {
		h = strings.Replace(h, "sub.", "*.", 1)
	}
	return u.Scheme + "://" + h, nil
}
