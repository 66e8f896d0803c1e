package server

import (
	"net/http"
	"slices"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
)

var (
	intervals = []string{"day", "week", "month"}
	seriesBy  = []string{"", "country", "admin1", "actor", "event_type"}
)

// series serves incident and fatality counts per period, optionally split
// by one dimension, for the incidents matching the filters.
func (s *Server) series(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := ParseFilter(q, "interval", "by")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	for _, p := range []string{"limit", "cursor", "sort"} {
		if q.Has(p) {
			s.writeError(w, r, invalidf("parameter %s does not apply to a series", p))
			return
		}
	}
	interval, by := q.Get("interval"), q.Get("by")
	if interval == "" {
		interval = "week"
	}
	if !slices.Contains(intervals, interval) {
		s.writeError(w, r, invalidf("interval %.20q: want one of %s", interval, strings.Join(intervals, ", ")))
		return
	}
	if !slices.Contains(seriesBy, by) {
		s.writeError(w, r, invalidf("by %.20q: want one of %s or nothing", by, strings.Join(seriesBy[1:], ", ")))
		return
	}
	f.Limit = 0
	points, err := s.store.Series(r.Context(), f, interval, by)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if points == nil {
		points = []incident.SeriesPoint{}
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"interval": interval, "by": by, "points": points})
}
