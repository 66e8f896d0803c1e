package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/extract"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/ingest"
	"github.com/sitrep-org/sitrep/internal/server"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

func newServeCmd(cfg *Config) *cobra.Command {
	var addr, tiles string
	var maxBody int64
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the JSON API, the exports and the dashboard",
		Long: `Serve the JSON API (/api/v1, described at /api/v1/openapi.json), the
exports, Prometheus metrics (/metrics) and the dashboard on one address.

Write endpoints (POST /api/v1/articles, and an analyst's corrections, merges
and splits under /api/v1/incidents/{id}/) are on only when SITREP_TOKEN is
set; clients then send "Authorization: Bearer $SITREP_TOKEN". Trends and
resurgence signals are at /api/v1/trends, outlet profiles at /api/v1/sources,
revisions and tombstones at /api/v1/incidents/{id}/revisions and
/api/v1/tombstones. The dashboard works
offline with embedded country boundaries; --tiles adds an online tile layer,
e.g. --tiles 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), cfg, addr, tiles, maxBody)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().StringVar(&tiles, "tiles", "", "optional tile URL template for the dashboard basemap")
	cmd.Flags().Int64Var(&maxBody, "max-body", server.DefaultMaxBody, "largest request body accepted, in bytes")
	return cmd
}

func runServe(ctx context.Context, cfg *Config, addr, tiles string, maxBody int64) error {
	logger := serveLogger(cfg)
	db, err := sqlite.Open(ctx, cfg.DB, logger)
	if err != nil {
		return err
	}
	defer db.Close()
	opts := server.Options{
		Store: db, Token: os.Getenv("SITREP_TOKEN"), Tiles: tiles,
		Logger: logger, MaxBody: maxBody, Version: cfg.Version,
	}
	if opts.Token != "" {
		g, err := newIngesterFor(db, logger, cfg.Version)
		if err != nil {
			return err
		}
		opts.Ingester = g
	}
	srv, err := server.New(opts)
	if err != nil {
		return withCode(ExitUsage, err)
	}
	writes := "off (set SITREP_TOKEN to enable POST /api/v1/articles and corrections)"
	if opts.Ingester != nil {
		writes = "on (bearer token from SITREP_TOKEN)"
	}
	fmt.Fprintf(cfg.Stderr, "sitrep: serving %s on http://%s; writes %s\n", cfg.DB, addr, writes)
	return srv.ListenAndServe(ctx, addr)
}

// serveLogger logs at info level so every request leaves an access-log
// line; JSON lines with --json, text otherwise.
func serveLogger(cfg *Config) *slog.Logger {
	level := slog.LevelInfo
	if cfg.Verbose {
		level = slog.LevelDebug
	}
	ho := &slog.HandlerOptions{Level: level}
	if cfg.JSON {
		return slog.New(slog.NewJSONHandler(cfg.Stderr, ho))
	}
	return slog.New(slog.NewTextHandler(cfg.Stderr, ho))
}

// ingester is the server's write path: clean the submitted text, HTML or
// URL into an article, extract its incidents and store both.
type ingester struct {
	res     extract.Resources
	store   incident.Store
	logger  *slog.Logger
	version string
}

// newIngesterFor loads the extraction resources (a moment: the gazetteer)
// and returns the write path over st.
func newIngesterFor(st incident.Store, logger *slog.Logger, version string) (*ingester, error) {
	res, err := extract.DefaultResources()
	if err != nil {
		return nil, err
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &ingester{res: res, store: st, logger: logger, version: version}, nil
}

func (g *ingester) Ingest(ctx context.Context, req server.IngestRequest) (server.IngestResult, error) {
	opts := ingest.Options{Logger: g.logger, UserAgent: ingest.UserAgentFor(g.version)}
	if req.Published != "" {
		p, err := ingest.ParsePublished(req.Published)
		if err != nil {
			return server.IngestResult{}, fmt.Errorf("published %q: %v: %w", req.Published, err, incident.ErrInvalid)
		}
		opts.Published = p
	}
	a, err := g.load(ctx, req, opts)
	if err != nil {
		return server.IngestResult{}, err
	}
	if req.Title != "" {
		a.Title = req.Title
	}
	if req.Outlet != "" {
		a.Outlet, a.OutletFrom = req.Outlet, "caller"
	}
	incs, err := extract.Extract(a, g.res)
	if err != nil {
		return server.IngestResult{}, fmt.Errorf("extract: %w", err)
	}
	saved, err := g.store.SaveArticle(ctx, &a, incs)
	if err != nil {
		return server.IngestResult{}, err
	}
	return server.IngestResult{Article: a, Incidents: incs, Saved: saved}, nil
}

func (g *ingester) load(ctx context.Context, req server.IngestRequest, opts ingest.Options) (article.Article, error) {
	name := req.Source
	if name == "" {
		name = "api"
	}
	var a article.Article
	var err error
	switch {
	case req.URL != "":
		a, err = loadURL(ctx, req.URL, opts)
	case req.HTML != "":
		a, err = ingest.FromHTML(name, "", []byte(req.HTML), opts)
	default:
		a, err = ingest.FromText(name, []byte(req.Text), opts)
	}
	if err != nil {
		var inv error = err
		if !errors.Is(err, incident.ErrInvalid) {
			inv = fmt.Errorf("%v: %w", err, incident.ErrInvalid)
		}
		return a, inv
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, fmt.Errorf("no article text left after cleaning: %w", incident.ErrInvalid)
	}
	return a, nil
}

// loadURL fetches one page with ingest's limits (size, time, redirects, no
// private addresses) and returns its first article.
func loadURL(ctx context.Context, url string, opts ingest.Options) (article.Article, error) {
	var got *article.Article
	var firstErr error
	ingest.NewLoader(opts).Load(ctx, ingest.Source{Name: url, Kind: ingest.KindURL}, nil, func(r ingest.Result) {
		switch {
		case r.Err != nil && firstErr == nil:
			firstErr = r.Err
		case r.Article != nil && got == nil:
			got = r.Article
		}
	})
	if got != nil {
		return *got, nil
	}
	if firstErr == nil {
		firstErr = errors.New("no article found")
	}
	return article.Article{}, fmt.Errorf("fetch %s: %w", url, firstErr)
}
