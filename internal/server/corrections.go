package server

import (
	"net/http"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// defaultAuthor names corrections made through the API without an author.
const defaultAuthor = "api"

// editTarget reads the path ID and the store's Corrector, or answers.
func (s *Server) editTarget(w http.ResponseWriter, r *http.Request) (string, incident.Corrector, bool) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return "", nil, false
	}
	c, ok := s.store.(incident.Corrector)
	if !ok {
		s.writeError(w, r, errNoCorrections())
		return "", nil, false
	}
	return id, c, true
}

// postCorrection sets one field of an incident as an analyst's correction,
// which the store keeps and applies again after re-extraction.
func (s *Server) postCorrection(w http.ResponseWriter, r *http.Request) {
	id, c, ok := s.editTarget(w, r)
	if !ok {
		return
	}
	var req correctionRequest
	if err := readEdit(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	req.Field = strings.TrimSpace(req.Field)
	err := firstErr(checkText("field", req.Field, 64), checkText("why", req.Why, maxWhyLen))
	if err == nil && len(req.Value) > maxValueLen {
		err = invalidf("value is longer than %d bytes", maxValueLen)
	}
	if err == nil && len(req.Author) > 200 {
		err = invalidf("author is longer than 200 bytes")
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if req.Author = strings.TrimSpace(req.Author); req.Author == "" {
		req.Author = defaultAuthor
	}
	in, err := c.Correct(r.Context(), incident.Correction{
		IncidentID: id, Field: req.Field, Value: req.Value, Why: req.Why, Author: req.Author,
	})
	s.answerEdit(w, r, in, err, http.StatusOK)
}

// postMerge folds the incident named absorb into the one in the path.
func (s *Server) postMerge(w http.ResponseWriter, r *http.Request) {
	id, c, ok := s.editTarget(w, r)
	if !ok {
		return
	}
	var req mergeRequest
	if err := readEdit(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	err := firstErr(checkText("absorb", req.Absorb, maxIDLen), checkText("why", req.Why, maxWhyLen))
	if err == nil && req.Absorb == id {
		err = invalidf("an incident cannot absorb itself")
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	in, err := c.MergeIncidents(r.Context(), id, req.Absorb, req.Why)
	s.answerEdit(w, r, in, err, http.StatusOK)
}

// postSplit moves one article's report out of the incident into a new
// incident, which the response carries.
func (s *Server) postSplit(w http.ResponseWriter, r *http.Request) {
	id, c, ok := s.editTarget(w, r)
	if !ok {
		return
	}
	var req splitRequest
	if err := readEdit(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	if err := firstErr(checkText("article_id", req.ArticleID, maxIDLen), checkText("why", req.Why, maxWhyLen)); err != nil {
		s.writeError(w, r, err)
		return
	}
	in, err := c.SplitSource(r.Context(), id, req.ArticleID, req.Why)
	s.answerEdit(w, r, in, err, http.StatusCreated)
}

// answerEdit sends the edited incident, or the error. A successful edit
// changes what the outlet profiles were computed over, so they are marked
// stale; the flag in this answer still comes from the previous profiles.
func (s *Server) answerEdit(w http.ResponseWriter, r *http.Request, in incident.Incident, err error, status int) {
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.staleSources()
	src, err := s.sources(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.log.Info("incident edited", "path", r.URL.Path, "event_id", in.EventID)
	s.writeJSON(w, status, viewOf(src, in))
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
