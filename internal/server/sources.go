package server

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/sitrep-org/sitrep/internal/export"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// sourcesTTL is how long outlet profiles are served before they are
// recomputed; a write through this server marks them stale at once.
const sourcesTTL = time.Minute

// sourcesRefreshTimeout bounds one recomputation in the background.
const sourcesRefreshTimeout = 10 * time.Minute

// sourcesCache holds the outlet profiles over the whole store, which every
// incident response needs for its unverified flag. Computing them reads and
// merges every incident (about 2 s for 100,000), so they are shared, and
// once there are profiles a stale set is served while a fresh one is
// computed in the background: no request waits for a recomputation except
// the very first.
type sourcesCache struct {
	mu         sync.Mutex
	src        *export.Sources
	err        error // of the last computation, while there are no profiles
	at         time.Time
	gen        uint64 // counts writes; profiles computed before one are stale
	srcGen     uint64 // gen when src was computed
	refreshing bool
	done       chan struct{} // closed when the running computation ends
}

// sources returns the outlet profiles: the current ones, starting a
// recomputation when they are stale, or on the first call the result of
// the first computation.
func (s *Server) sources(ctx context.Context) (*export.Sources, error) {
	c := &s.srcCache
	c.mu.Lock()
	if c.src != nil {
		if (time.Since(c.at) >= sourcesTTL || c.srcGen != c.gen) && !c.refreshing {
			s.refreshSources()
		}
		src := c.src
		c.mu.Unlock()
		return src, nil
	}
	if !c.refreshing {
		s.refreshSources()
	}
	done := c.done
	c.mu.Unlock()
	select {
	case <-done:
	case <-ctx.Done():
		return nil, fmt.Errorf("outlet profiles: %w", ctx.Err())
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.src == nil {
		return nil, c.err
	}
	return c.src, nil
}

// refreshSources starts a recomputation; c.mu must be held. It runs apart
// from any request, so a client hanging up does not waste it.
func (s *Server) refreshSources() {
	c := &s.srcCache
	c.refreshing, c.done = true, make(chan struct{})
	gen, done := c.gen, c.done
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), sourcesRefreshTimeout)
		defer cancel()
		src, err := export.LoadSources(ctx, s.store)
		if err != nil {
			s.log.Error("outlet profiles", "err", err)
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if err == nil {
			c.src, c.at, c.srcGen = src, time.Now(), gen
		}
		c.err, c.refreshing = err, false
		close(done)
	}()
}

// generation counts the writes seen, for caches of answers that depend on
// every incident.
func (c *sourcesCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// staleSources marks the profiles out of date after a write changed the
// incidents; the next request starts their recomputation.
func (s *Server) staleSources() {
	s.srcCache.mu.Lock()
	s.srcCache.gen++
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
