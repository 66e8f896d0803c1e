package server

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// maxEditBody bounds a correction, merge or split request body.
const maxEditBody = 64 << 10

// Limits on the free-text parts of an edit, generous for a real note.
const (
	maxWhyLen   = 2000
	maxValueLen = 20000
)

func isHistory(st incident.Store) bool {
	_, ok := st.(incident.History)
	return ok
}

func isCorrector(st incident.Store) bool {
	_, ok := st.(incident.Corrector)
	return ok
}

func errNoHistory() error {
	return errStatus(http.StatusNotImplemented, "not_implemented",
		"this store keeps no revision history (revisions and tombstones need a store that implements it)")
}

func errNoCorrections() error {
	return errStatus(http.StatusNotImplemented, "not_implemented",
		"this store does not accept corrections, merges or splits")
}

// revisions serves an incident's changes, oldest first.
func (s *Server) revisions(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	h, ok := s.store.(incident.History)
	if !ok {
		s.writeError(w, r, errNoHistory())
		return
	}
	if len(r.URL.Query()) > 0 {
		s.writeError(w, r, invalidf("this endpoint takes no parameters"))
		return
	}
	revs, err := h.Revisions(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if revs == nil {
		revs = []incident.Revision{}
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"incident_id": id, "revisions": revs})
}

// tombstones serves the incidents merged away or withdrawn since a time,
// so a mirror of the data can delete them (as ACLED's deletions API does).
func (s *Server) tombstones(w http.ResponseWriter, r *http.Request) {
	h, ok := s.store.(incident.History)
	if !ok {
		s.writeError(w, r, errNoHistory())
		return
	}
	q := r.URL.Query()
	for k, vs := range q {
		if k != "since" {
			s.writeError(w, r, invalidf("unknown parameter %.40s (known: since)", k))
			return
		}
		if len(vs) > 1 {
			s.writeError(w, r, invalidf("parameter since given %d times", len(vs)))
			return
		}
	}
	since, err := parseSince(q.Get("since"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ts, err := h.Tombstones(r.Context(), since)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if ts == nil {
		ts = []incident.Tombstone{}
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"tombstones": ts})
}

// parseSince reads a date (YYYY-MM-DD, midnight UTC) or an RFC 3339 time.
func parseSince(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, invalidf("since %.40q: want YYYY-MM-DD or an RFC 3339 time", v)
	}
	return t, nil
}

// correctionRequest is the body of POST .../corrections.
type correctionRequest struct {
	Field  string `json:"field"`
	Value  string `json:"value"`
	Why    string `json:"why"`
	Author string `json:"author"`
}

type mergeRequest struct {
	Absorb string `json:"absorb"`
	Why    string `json:"why"`
}

type splitRequest struct {
	ArticleID string `json:"article_id"`
	Why       string `json:"why"`
}

// readEdit decodes a small JSON body strictly: unknown fields are errors,
// so a misspelt key is not silently dropped from an analyst's edit.
func readEdit(w http.ResponseWriter, r *http.Request, v any) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return errStatus(http.StatusUnsupportedMediaType, "unsupported_media_type", "Content-Type must be application/json")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxEditBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("request body: %w", wrapBodyErr(err))
	}
	if dec.More() {
		return invalidf("request body: more than one JSON value")
	}
	return nil
}

// checkText requires a non-empty single value of bounded length.
func checkText(name, v string, max int) error {
	switch {
	case strings.TrimSpace(v) == "":
		return invalidf("%s is required", name)
	case len(v) > max:
		return invalidf("%s is longer than %d bytes", name, max)
	}
	return nil
}
