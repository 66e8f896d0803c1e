package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// IngestRequest is one article submitted for ingestion: exactly one of
// Text, HTML and URL, with optional metadata.
type IngestRequest struct {
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	Source    string `json:"source,omitempty"`    // a name for the input, e.g. a file name
}

// IngestResult is what ingesting one article did.
type IngestResult struct {
	Article   article.Article
	Incidents []incident.Incident
	Saved     incident.SaveResult
}

// ingestResponse is IngestResult as the API sends it.
type ingestResponse struct {
	Article   article.Article     `json:"article"`
	Incidents []incident.Incident `json:"incidents"`
	Saved     savedView           `json:"saved"`
}

type savedView struct {
	ArticleID   string `json:"article_id"`
	Created     bool   `json:"created"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
	Incidents   int    `json:"incidents"`
}

// Ingester cleans, extracts and stores one submitted article. The CLI
// wires it from the ingest, extract and store packages; the server only
// validates the request and reports the result.
type Ingester interface {
	Ingest(ctx context.Context, req IngestRequest) (IngestResult, error)
}

// IngesterFunc adapts a function to Ingester.
type IngesterFunc func(ctx context.Context, req IngestRequest) (IngestResult, error)

// Ingest calls f.
func (f IngesterFunc) Ingest(ctx context.Context, req IngestRequest) (IngestResult, error) {
	return f(ctx, req)
}

// articleView is an article as the API shows it: the clean text, every
// line's fate, and the dropped lines on their own for quick reading.
type articleView struct {
	article.Article
	Dropped []article.Line `json:"dropped"`
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	a, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	v := articleView{Article: a, Dropped: []article.Line{}}
	for _, l := range a.Lines {
		if l.Kind == article.KindDropped {
			v.Dropped = append(v.Dropped, l)
		}
	}
	s.writeJSON(w, http.StatusOK, v)
}

// postArticle ingests an article sent as JSON (IngestRequest), or as a raw
// text/plain or text/html body.
func (s *Server) postArticle(w http.ResponseWriter, r *http.Request) {
	if s.ingester == nil {
		s.writeError(w, r, errStatus(http.StatusForbidden, "writes_disabled",
			"ingestion is not available on this server"))
		return
	}
	req, err := readIngestRequest(http.MaxBytesReader(w, r.Body, s.maxBody), r.Header.Get("Content-Type"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	release, err := s.acquireIngest(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.ingester.Ingest(r.Context(), req)
	release()
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if res.Saved.Created {
		s.staleSources()
	}
	resp := ingestResponse{Article: res.Article, Incidents: res.Incidents, Saved: savedView{
		ArticleID: res.Saved.ArticleID, Created: res.Saved.Created,
		DuplicateOf: res.Saved.DuplicateOf, Incidents: res.Saved.Incidents,
	}}
	if resp.Incidents == nil {
		resp.Incidents = []incident.Incident{}
	}
	status := http.StatusCreated
	if !res.Saved.Created {
		status = http.StatusOK
	}
	s.writeJSON(w, status, resp)
}

func readIngestRequest(body io.Reader, contentType string) (IngestRequest, error) {
	var req IngestRequest
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return req, errStatus(http.StatusUnsupportedMediaType, "unsupported_media_type",
			"Content-Type must be application/json, text/plain or text/html")
	}
	switch mt {
	case "application/json":
		dec := json.NewDecoder(body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return req, fmt.Errorf("request body: %w", wrapBodyErr(err))
		}
	case "text/plain", "text/html":
		b, err := io.ReadAll(body)
		if err != nil {
			return req, fmt.Errorf("request body: %w", wrapBodyErr(err))
		}
		if mt == "text/html" {
			req.HTML = string(b)
		} else {
			req.Text = string(b)
		}
	default:
		return req, errStatus(http.StatusUnsupportedMediaType, "unsupported_media_type",
			"Content-Type must be application/json, text/plain or text/html")
	}
	return req, validateIngest(req)
}

// wrapBodyErr keeps size-limit errors recognisable and marks the rest as
// the client's mistake.
func wrapBodyErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return fmt.Errorf("%v: %w", err, incident.ErrInvalid)
}

func validateIngest(req IngestRequest) error {
	n := 0
	for _, v := range []string{req.Text, req.HTML, req.URL} {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	if n != 1 {
		return invalidf("give exactly one of text, html and url (got %d)", n)
	}
	if req.URL != "" && !strings.HasPrefix(req.URL, "http://") && !strings.HasPrefix(req.URL, "https://") {
		return invalidf("url %.80q: want an http or https URL", req.URL)
	}
	if req.Published != "" {
		if _, err := time.Parse(time.DateOnly, req.Published); err != nil {
			return invalidf("published %.40q: want YYYY-MM-DD", req.Published)
		}
	}
	return nil
}

// defaultIngestWait is how long a submission waits for a free ingestion
// slot before the server answers 503.
const defaultIngestWait = 15 * time.Second

// acquireIngest takes one of the ingestion slots, waiting a while when all
// are busy; the returned func gives it back.
func (s *Server) acquireIngest(r *http.Request) (func(), error) {
	t := time.NewTimer(s.ingestWait)
	defer t.Stop()
	select {
	case s.ingestSlots <- struct{}{}:
		return func() { <-s.ingestSlots }, nil
	case <-t.C:
		return nil, errStatus(http.StatusServiceUnavailable, "busy", "every ingestion slot is busy; retry shortly")
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
}
