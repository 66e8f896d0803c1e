package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// metrics are the server's Prometheus collectors, on the server's own
// registry so that two servers in one process (as in tests) never clash.
type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inflight prometheus.Gauge
}

func newMetrics(reg *prometheus.Registry) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sitrep_http_requests_total", Help: "HTTP requests by route, method and status code.",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "sitrep_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
		}, []string{"route"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "sitrep_http_requests_in_flight", Help: "HTTP requests being served.",
		}),
	}
	reg.MustRegister(m.requests, m.duration, m.inflight,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (s *Server) promMetrics(w http.ResponseWriter, r *http.Request) {
	promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}).ServeHTTP(w, r)
}

// health answers whether the server can reach its store.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if _, err := s.store.Incidents(r.Context(), incident.Filter{Limit: 1}); err != nil {
		s.log.Error("health check", "err", err)
		s.writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		return
	}
	s.writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.version})
}

// clientConfig is what the dashboard needs to know about this server.
type clientConfig struct {
	Version string `json:"version"`
	Tiles   string `json:"tiles,omitempty"`
	Writes  bool   `json:"writes"`
	// History: the store keeps revisions and tombstones; Corrections: it
	// takes corrections, merges and splits (when writes are on).
	History     bool `json:"history"`
	Corrections bool `json:"corrections"`
}

func (s *Server) config(w http.ResponseWriter, _ *http.Request) {
	s.writeJSON(w, http.StatusOK, clientConfig{
		Version: s.version, Tiles: s.tiles, Writes: s.token != "" && s.ingester != nil,
		History: isHistory(s.store), Corrections: s.token != "" && isCorrector(s.store),
	})
}
