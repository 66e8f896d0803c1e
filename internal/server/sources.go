package server

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/sitrep-org/sitrep/internal/export"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// sourcesTTL is how long outlet profiles are reused before the store is
// read again; a write through this server drops them at once.
const sourcesTTL = time.Minute

// sourcesCache holds the outlet profiles over the whole store, which every
// incident response needs for its unverified flag. Computing them reads and
// merges every incident, so they are shared between requests.
type sourcesCache struct {
	mu  sync.Mutex
	src *export.Sources
	at  time.Time
}

// sources returns the current profiles, recomputing them when stale. One
// request recomputes while the others wait for its result.
func (s *Server) sources(ctx context.Context) (*export.Sources, error) {
	c := &s.srcCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.src != nil && time.Since(c.at) < sourcesTTL {
		return c.src, nil
	}
	src, err := export.LoadSources(ctx, s.store)
	if err != nil {
		return nil, err
	}
	c.src, c.at = src, time.Now()
	return src, nil
}

// dropSources forgets the profiles after a write changed the incidents.
func (s *Server) dropSources() {
	s.srcCache.mu.Lock()
	s.srcCache.src = nil
	s.srcCache.mu.Unlock()
}

// sourcesResponse is GET /api/v1/sources.
type sourcesResponse struct {
	Outlets     []merge.Profile `json:"outlets"`
	Credibility credibility     `json:"credibility"`
}

// credibility is merge.Credibility as the API names it.
type credibility struct {
	MinIncidents int     `json:"min_incidents"`
	MinShare     float64 `json:"min_share"`
}

// listSources serves every outlet's profile: articles, incidents and the
// shares of them another outlet corroborates or contradicts.
func (s *Server) listSources(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.Query()) > 0 {
		s.writeError(w, r, invalidf("this endpoint takes no parameters"))
		return
	}
	src, err := s.sources(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := sourcesResponse{Outlets: src.Profiles, Credibility: credibility(src.Credibility)}
	if out.Outlets == nil {
		out.Outlets = []merge.Profile{}
	}
	s.writeJSON(w, http.StatusOK, out)
}

// incidentView is an incident as the API sends it: the stored record and
// whether only a single low-corroboration outlet reports it.
type incidentView struct {
	incident.Incident
	Unverified bool `json:"unverified"`
}

type pageView struct {
	Incidents []incidentView `json:"incidents"`
	Next      string         `json:"next,omitempty"`
}

func viewOf(src *export.Sources, in incident.Incident) incidentView {
	return incidentView{Incident: in, Unverified: src.Unverified(&in)}
}

func viewsOf(src *export.Sources, ins []incident.Incident) []incidentView {
	out := make([]incidentView, len(ins))
	for i, in := range ins {
		out[i] = viewOf(src, in)
	}
	return out
}
