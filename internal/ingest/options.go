// Package ingest turns what an analyst hands sitrep — files, directories,
// stdin, web pages, RSS/Atom feeds and JSON lines — into clean, dated
// articles. It fetches with limits, decodes foreign encodings, takes the main
// text out of HTML, drops page furniture from plain-text pages (recording
// why, line by line) and decides the publication date and outlet.
//
// The pure helpers (FromText, FromHTML, Clean) do no I/O; only Loader
// touches files and the network.
package ingest

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
)

// Defaults used when an Options field is zero.
const (
	DefaultMaxBytes     = 10 << 20
	DefaultTimeout      = 20 * time.Second
	DefaultMaxRedirects = 5
)

// Options control loading; the zero value gets sane defaults (10 MiB cap,
// 20 s timeout, 5 redirects, a sitrep User-Agent).
type Options struct {
	MaxBytes     int64
	Timeout      time.Duration
	MaxRedirects int
	UserAgent    string
	// AllowPrivate permits loopback, private and link-local fetches. Feeds
	// can point anywhere, so this is off unless the caller asks.
	AllowPrivate bool
	// Published is the caller's date (From "caller"); it overrides all others.
	Published *article.Published
	// Manifest maps file base names to dates (From "manifest").
	Manifest   Manifest
	HTTPClient *http.Client // optional; when set, its own dialer decides what it may reach
	Logger     *slog.Logger
}

// withDefaults fills the zero fields of o.
func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.UserAgent == "" {
		o.UserAgent = "sitrep/dev (+https://github.com/sitrep-org/sitrep)"
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// UserAgentFor builds the User-Agent string for a sitrep version.
func UserAgentFor(version string) string {
	if version == "" {
		version = "dev"
	}
	return "sitrep/" + version + " (+https://github.com/sitrep-org/sitrep)"
}

// Manifest maps a file's base name to its publication date; a nil date means
// the manifest names the file but gives no date.
type Manifest map[string]*time.Time

// ReadManifest reads a JSON object of file name to "YYYY-MM-DD" (or RFC 3339,
// or null).
func ReadManifest(path string) (Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	var raw map[string]*string
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	m := make(Manifest, len(raw))
	for name, s := range raw {
		if s == nil || strings.TrimSpace(*s) == "" {
			m[name] = nil
			continue
		}
		t, err := parseGivenDate(*s)
		if err != nil {
			return nil, fmt.Errorf("manifest %s: %s: %w", path, name, err)
		}
		m[name] = &t
	}
	return m, nil
}

// parseGivenDate reads a date handed over by a caller: a day or a full
// timestamp.
func parseGivenDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unreadable date %q (want YYYY-MM-DD or RFC 3339)", s)
}

// dayOf is the calendar day t falls on where it was stamped (a feed's
// "23:30 -0500" is that evening's date, not the next day in UTC), as a UTC
// midnight like every other day-precision date.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// ParsePublished reads a --published value into a caller-given date.
func ParsePublished(s string) (*article.Published, error) {
	t, err := parseGivenDate(s)
	if err != nil {
		return nil, err
	}
	return &article.Published{Time: t, Precision: article.PrecisionDay, From: "caller"}, nil
}
