package server

import (
	"net/http"
	"strconv"
	"time"
)

// recorder remembers the status and size of a response for logs and
// metrics. It passes Flush through so streamed exports reach the client.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// middleware wraps every request: security headers, panic recovery, the
// access log and the metrics.
func (s *Server) middleware(next http.Handler) http.Handler {
	csp := s.contentSecurityPolicy()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		rec := &recorder{ResponseWriter: w}
		var out http.ResponseWriter = rec
		if wantsGzip(r) {
			gz := &gzipResponse{ResponseWriter: rec}
			defer func() {
				if err := gz.finish(); err != nil {
					s.log.Debug("gzip close", "err", err)
				}
			}()
			out = gz
		}
		s.metrics.inflight.Inc()
		defer func() {
			s.metrics.inflight.Dec()
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", p)
				if rec.status == 0 {
					s.writeError(out, r, errStatus(http.StatusInternalServerError, "internal", "internal error"))
				}
			}
			s.observe(r, rec, time.Since(start))
		}()
		next.ServeHTTP(out, r)
	})
}

func (s *Server) observe(r *http.Request, rec *recorder, d time.Duration) {
	route := r.Pattern
	if route == "" {
		route = "unmatched"
	}
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	method := r.Method
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions, http.MethodPatch:
	default:
		method = "other" // the label set must stay bounded whatever clients send
	}
	s.metrics.requests.WithLabelValues(route, method, strconv.Itoa(rec.status)).Inc()
	s.metrics.duration.WithLabelValues(route).Observe(d.Seconds())
	s.log.Info("http request",
		"method", r.Method, "path", r.URL.Path, "route", route, "status", rec.status,
		"bytes", rec.bytes, "duration_ms", float64(d.Microseconds())/1000, "remote", r.RemoteAddr)
}
