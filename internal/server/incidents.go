package server

import (
	"net/http"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
)

const maxIDLen = 200

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
	f, err := ParseFilter(r.URL.Query())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	page, err := s.store.Incidents(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if page.Incidents == nil {
		page.Incidents = []incident.Incident{}
	}
	s.writeJSON(w, http.StatusOK, page)
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
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, in)
}
