package server

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// requireToken guards a write endpoint with the bearer token. With no token
// configured every write is refused: an open write endpoint on a server
// someone forgot to protect is worse than a missing feature.
func (s *Server) requireToken(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.token == "" {
			s.writeError(w, r, errStatus(http.StatusForbidden, "writes_disabled",
				"write endpoints are off: start the server with SITREP_TOKEN set to enable them"))
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
			s.writeError(w, r, errStatus(http.StatusUnauthorized, "unauthorized",
				"a valid bearer token is required (Authorization: Bearer <SITREP_TOKEN>)"))
			return
		}
		next(w, r)
	}
}
