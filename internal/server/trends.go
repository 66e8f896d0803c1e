package server

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-org/sitrep/internal/export"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/trend"
)

// trendParams are the parameters GET /api/v1/trends takes, as the flags of
// `sitrep trends`.
var trendParams = []string{"by", "from", "to", "all"}

// maxTrendIncidents bounds what one trends request loads into memory.
const maxTrendIncidents = 2_000_000

// trends serves the weekly series and resurgence signals that `sitrep
// trends --json` prints, computed by the same trend.Summarize.
func (s *Server) trends(w http.ResponseWriter, r *http.Request) {
	o, f, err := parseTrends(r.URL.Query())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	key := r.URL.Query().Encode() // sorted by key, so equal queries share an entry
	sum, ok := s.trendCache.get(key, s.srcCache.generation())
	if !ok {
		gen := s.srcCache.generation()
		reports, err := export.Collect(r.Context(), s.store, f, maxTrendIncidents)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		sum = trend.Summarize(reports, o)
		s.trendCache.put(key, gen, sum)
	}
	if sum.Weeks == nil {
		sum.Weeks = []string{}
	}
	if sum.Signals == nil {
		sum.Signals = []trend.SeriesSummary{}
	}
	s.writeJSON(w, http.StatusOK, sum)
}

// parseTrends reads the trends parameters into Summarize's options and the
// store filter of the date range.
func parseTrends(q url.Values) (trend.Options, incident.Filter, error) {
	var o trend.Options
	var f incident.Filter
	for k, vs := range q {
		if !slices.Contains(trendParams, k) {
			return o, f, invalidf("unknown parameter %.40s (known: %s)", k, strings.Join(trendParams, ", "))
		}
		if len(vs) > 1 {
			return o, f, invalidf("parameter %s given %d times", k, len(vs))
		}
	}
	by := q.Get("by")
	if by == "" {
		by = trend.ByActor + "," + trend.ByAdmin1
	}
	if len(by) > 64 {
		return o, f, invalidf("by is longer than 64 bytes")
	}
	var err error
	if o.By, err = trend.ParseBy(by); err != nil {
		return o, f, err
	}
	if f.From, err = parseDate(q, "from"); err != nil {
		return o, f, err
	}
	if f.To, err = parseDate(q, "to"); err != nil {
		return o, f, err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return o, f, invalidf("to (%s) is before from (%s)", q.Get("to"), q.Get("from"))
	}
	switch v := q.Get("all"); v {
	case "", "0", "false":
	case "1", "true":
		o.All = true
	default:
		return o, f, invalidf("all %.10q: want true or false", v)
	}
	o.From, o.To, o.Merge, o.Params = f.From, f.To, true, trend.DefaultParams()
	return o, f, nil
}

// trendCacheSize bounds the summaries kept; the dashboard asks for one per
// date range.
const trendCacheSize = 16

// trendCache keeps recent summaries: each reads and merges every incident
// in its range, while the answer changes only when the store does. An entry
// is good for sourcesTTL and until a write through this server.
type trendCache struct {
	mu      sync.Mutex
	entries map[string]trendEntry
}

type trendEntry struct {
	sum trend.Summary
	gen uint64
	at  time.Time
}

func (c *trendCache) get(key string, gen uint64) (trend.Summary, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || e.gen != gen || time.Since(e.at) >= sourcesTTL {
		return trend.Summary{}, false
	}
	return e.sum, true
}

func (c *trendCache) put(key string, gen uint64, sum trend.Summary) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]trendEntry{}
	}
	if len(c.entries) >= trendCacheSize {
		oldest := ""
		for k, e := range c.entries {
			if oldest == "" || e.at.Before(c.entries[oldest].at) {
				oldest = k
			}
		}
		delete(c.entries, oldest)
	}
	c.entries[key] = trendEntry{sum: sum, gen: gen, at: time.Now()}
}
