package server

import (
	_ "embed"
	"net/http"
)

// openAPIDoc describes the API; TestOpenAPIMatchesRoutes keeps it and
// routeTable in step.
//
//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) openAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	if _, err := w.Write(openAPIDoc); err != nil {
		s.log.Debug("write openapi", "err", err)
	}
}
