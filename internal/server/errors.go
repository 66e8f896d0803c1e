package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// errorBody is the one shape every API error takes:
// {"error":{"code":"not_found","message":"..."}}.
type errorBody struct {
	Error apiError `json:"error"`
}

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// httpError is an error with its own status and code, for the conditions
// that no store sentinel describes (auth, size limits, writes turned off).
type httpError struct {
	status  int
	code    string
	message string
}

func (e *httpError) Error() string { return e.message }

func errStatus(status int, code, message string) error {
	return &httpError{status: status, code: code, message: message}
}

// statusFor maps an error to its HTTP status and code. It is the only place
// that knows how sentinel errors become statuses.
func statusFor(err error) (int, string) {
	var he *httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.status, he.code
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, "too_large"
	case errors.Is(err, incident.ErrNotFound):
		return http.StatusNotFound, "not_found"
	case errors.Is(err, incident.ErrInvalid):
		return http.StatusBadRequest, "invalid"
	case errors.Is(err, incident.ErrConflict):
		return http.StatusConflict, "conflict"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "unavailable"
	}
	return http.StatusInternalServerError, "internal"
}

// writeError sends err in the error shape. A 500 is logged with its detail
// and the client gets a short message; 4xx messages are meant for the user.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, code := statusFor(err)
	msg := userMessage(err)
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = http.StatusText(status)
	}
	s.writeJSON(w, status, errorBody{Error: apiError{Code: code, Message: msg}})
}

// writeJSON sends v as JSON with the given status.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		s.log.Debug("write response", "err", err)
	}
}

func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	s.writeError(w, r, errStatus(http.StatusNotFound, "not_found", "no API route "+r.Method+" "+r.URL.Path))
}

// userMessage is the error's text without the sentinel's own word at the
// end ("...: invalid"), which the code field already says.
func userMessage(err error) string {
	msg := err.Error()
	for _, s := range []error{incident.ErrInvalid, incident.ErrNotFound, incident.ErrConflict} {
		if errors.Is(err, s) {
			msg = strings.TrimSuffix(msg, ": "+s.Error())
		}
	}
	return msg
}
