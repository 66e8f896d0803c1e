package server

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/export"
	"github.com/sitrep-org/sitrep/internal/incident"
)

const maxIDLen = 200

// pathID reads the {id} path value, refusing what no stored ID can be.
func pathID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	if id == "" || len(id) > maxIDLen || strings.ContainsAny(id, "\x00/") {
		return "", invalidf("id %.40q is not a valid identifier", id)
	}
	return id, nil
}

// listIncidents serves one page of incidents matching the filters; the
// response's next is the cursor of the following page.
func (s *Server) listIncidents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := ParseFilter(q, "view")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	view := q.Get("view")
	if view != "" && view != "full" && view != "summary" {
		s.writeError(w, r, invalidf("view %.20q: want full or summary", view))
		return
	}
	page, err := s.store.Incidents(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	src, err := s.sources(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if view == "summary" {
		s.writeJSON(w, http.StatusOK, summaryPage{Incidents: summarize(src, page.Incidents), Next: page.Next})
		return
	}
	s.writeJSON(w, http.StatusOK, pageView{Incidents: viewsOf(src, page.Incidents), Next: page.Next})
}

// summary is the part of an incident a map needs: view=summary sends it
// instead of the full record, a fraction of the size once evidence and
// sources are left out.
type summary struct {
	EventID      string   `json:"event_id"`
	EventDate    string   `json:"event_date"`
	EventType    string   `json:"event_type"`
	SubEventType string   `json:"sub_event_type"`
	Actor1       string   `json:"actor1"`
	Actor2       string   `json:"actor2"`
	Country      string   `json:"country"`
	CountryCode  string   `json:"country_code"`
	Admin1       string   `json:"admin1"`
	Location     string   `json:"location"`
	Latitude     *float64 `json:"latitude"`
	Longitude    *float64 `json:"longitude"`
	GeoPrecision int      `json:"geo_precision"`
	Fatalities   *int     `json:"fatalities"`
	Unverified   bool     `json:"unverified"`
}

type summaryPage struct {
	Incidents []summary `json:"incidents"`
	Next      string    `json:"next,omitempty"`
}

func summarize(src *export.Sources, ins []incident.Incident) []summary {
	out := make([]summary, len(ins))
	for i, in := range ins {
		out[i] = summary{
			EventID: in.EventID, EventDate: in.EventDate, EventType: in.EventType, SubEventType: in.SubEventType,
			Actor1: in.Actor1, Actor2: in.Actor2, Country: in.Country, CountryCode: in.CountryCode,
			Admin1: in.Admin1, Location: in.Location, Latitude: in.Latitude, Longitude: in.Longitude,
			GeoPrecision: in.GeoPrecision, Fatalities: in.Fatalities, Unverified: src.Unverified(&in),
		}
	}
	return out
}

// getIncident serves one incident with its sources and evidence.
func (s *Server) getIncident(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	in, err := s.store.Incident(r.Context(), id)
	if err != nil {
		s.writeError(w, r, s.explainMissing(r.Context(), id, err))
		return
	}
	src, err := s.sources(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, viewOf(src, in))
}

// tombstoneFinder is implemented by stores that look one tombstone up by
// ID (the SQLite store); others are scanned through History.
type tombstoneFinder interface {
	Tombstone(ctx context.Context, id string) (incident.Tombstone, error)
}

// explainMissing turns "not found" for an incident that left a tombstone
// into 410 Gone naming where it went, so a stale link or an old export's
// ID leads the analyst to the incident that absorbed it.
func (s *Server) explainMissing(ctx context.Context, id string, err error) error {
	if !errors.Is(err, incident.ErrNotFound) {
		return err
	}
	t, ok := s.findTombstone(ctx, id)
	if !ok {
		return err
	}
	msg := "incident " + id + " was withdrawn"
	if t.MergedInto != "" {
		msg = "incident " + id + " was merged into " + t.MergedInto
	}
	if t.Why != "" {
		msg += ": " + t.Why
	}
	return errStatus(http.StatusGone, "gone", msg)
}

func (s *Server) findTombstone(ctx context.Context, id string) (incident.Tombstone, bool) {
	if f, ok := s.store.(tombstoneFinder); ok {
		t, err := f.Tombstone(ctx, id)
		return t, err == nil
	}
	h, ok := s.store.(incident.History)
	if !ok {
		return incident.Tombstone{}, false
	}
	ts, err := h.Tombstones(ctx, time.Time{})
	if err != nil {
		return incident.Tombstone{}, false
	}
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].EventID == id {
			return ts[i], true
		}
	}
	return incident.Tombstone{}, false
}
