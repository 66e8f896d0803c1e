// Package server is sitrep's HTTP face: the JSON API over an incident.Store,
// the exports, Prometheus metrics and the embedded dashboard. It reads no
// flags or environment: the CLI builds Options and calls New.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// Defaults for Options fields left zero.
const (
	DefaultMaxBody  = 4 << 20 // bytes accepted in one request body
	DefaultPageSize = 100
	MaxPageSize     = 1000
)

// Options are the server's dependencies and settings.
type Options struct {
	Store    incident.Store
	Ingester Ingester // nil: POST /api/v1/articles is off
	Token    string   // bearer token for write endpoints; "" turns them off
	Tiles    string   // optional tile URL template for the dashboard basemap
	Logger   *slog.Logger
	MaxBody  int64
	Version  string
	// MaxIngest bounds concurrent ingestions (extraction is CPU-bound);
	// 0 means the number of CPUs.
	MaxIngest int
}

// Server serves the API and the dashboard. Build it with New.
type Server struct {
	store       incident.Store
	ingester    Ingester
	token       string
	tiles       string
	log         *slog.Logger
	maxBody     int64
	version     string
	ingestSlots chan struct{}
	ingestWait  time.Duration
	registry    *prometheus.Registry
	metrics     *metrics
	handler     http.Handler
	// provinces caches the region boundaries the dashboard asks for.
	provinces provinces
	// srcCache holds the outlet profiles behind the unverified flag.
	srcCache sourcesCache
	// trendCache keeps recent /api/v1/trends answers.
	trendCache trendCache
}

// New checks the options and builds the server's handler.
func New(opts Options) (*Server, error) {
	if opts.Store == nil {
		return nil, fmt.Errorf("server: no store: %w", incident.ErrInvalid)
	}
	if opts.Tiles != "" {
		if _, err := tileOrigin(opts.Tiles); err != nil {
			return nil, err
		}
	}
	s := &Server{
		store: opts.Store, ingester: opts.Ingester, token: opts.Token, tiles: opts.Tiles,
		log: opts.Logger, maxBody: opts.MaxBody, version: opts.Version,
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	if opts.MaxIngest <= 0 {
		opts.MaxIngest = runtime.NumCPU()
	}
	s.ingestSlots = make(chan struct{}, opts.MaxIngest)
	s.ingestWait = defaultIngestWait
	s.registry = prometheus.NewRegistry()
	s.metrics = newMetrics(s.registry)
	s.handler = s.middleware(s.routes())
	return s, nil
}

// ServeHTTP makes the Server an http.Handler (for tests and embedding).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ListenAndServe listens on addr and serves until ctx is cancelled.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("server: listen %s: %w", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is cancelled, then shuts down gracefully,
// giving requests in flight up to ten seconds to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	s.log.Info("serving", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: %w", err)
	}
	s.log.Info("stopped")
	return nil
}
