package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/ingest"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

// extractFunc codes the incidents of one article. ingest takes it as a
// parameter so the command can be tested with any extractor.
type extractFunc func(article.Article) ([]incident.Incident, error)

// noExtract stores articles without incidents, for tests of the storing
// path alone.
func noExtract(article.Article) ([]incident.Incident, error) { return nil, nil }

// ingestFlags are ingest's own flags.
type ingestFlags struct {
	published    string
	manifest     string
	maxBytes     int64
	timeout      time.Duration
	allowPrivate bool
	reextract    bool
}

// Input outcomes, as they appear in --json output.
const (
	statusIngested      = "ingested"
	statusDuplicate     = "duplicate"
	statusNearDuplicate = "near-duplicate"
	statusRejected      = "rejected"
	statusReextracted   = "re-extracted"
)

// ingestResult is what happened to one input (one article of it, for feeds
// and JSON lines).
type ingestResult struct {
	Input       string  `json:"input"`
	Status      string  `json:"status"`
	ArticleID   string  `json:"article_id,omitempty"`
	Title       string  `json:"title,omitempty"`
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Similarity  float64 `json:"similarity,omitempty"`
	Incidents   int     `json:"incidents"`
	Error       string  `json:"error,omitempty"`
	// Reextract says what re-coding a stored article changed (--reextract).
	Reextract *sqlite.ReextractResult `json:"reextract,omitempty"`
}

// ingestSummary is the batch's outcome, printed as one line or as JSON.
type ingestSummary struct {
	Ingested       int            `json:"ingested"`
	Duplicates     int            `json:"duplicates"`
	NearDuplicates int            `json:"near_duplicates"`
	Rejected       int            `json:"rejected"`
	Reextracted    int            `json:"reextracted,omitempty"`
	Incidents      int            `json:"incidents"`
	Results        []ingestResult `json:"results"`
}

func (s *ingestSummary) add(r ingestResult) {
	switch r.Status {
	case statusIngested:
		s.Ingested++
	case statusDuplicate:
		s.Duplicates++
	case statusNearDuplicate:
		s.NearDuplicates++
	case statusReextracted:
		s.Reextracted++
	default:
		s.Rejected++
	}
	s.Incidents += r.Incidents
	s.Results = append(s.Results, r)
}

// Line is the summary as a person reads it.
func (s *ingestSummary) Line() string {
	n := func(k int, one, many string) string {
		if k == 1 {
			return fmt.Sprintf("%d %s", k, one)
		}
		return fmt.Sprintf("%d %s", k, many)
	}
	parts := []string{
		fmt.Sprintf("%d ingested", s.Ingested),
		n(s.Duplicates, "duplicate", "duplicates"),
		n(s.NearDuplicates, "near-duplicate", "near-duplicates"),
		fmt.Sprintf("%d rejected", s.Rejected),
		n(s.Incidents, "incident", "incidents"),
	}
	if s.Reextracted > 0 {
		parts = append(parts[:1], append([]string{fmt.Sprintf("%d re-extracted", s.Reextracted)}, parts[1:]...)...)
	}
	return strings.Join(parts, ", ")
}

func newIngestCmd(cfg *Config) *cobra.Command {
	return ingestCommand(cfg, defaultExtractor())
}

// ingestCommand builds the ingest command around an extractor.
func ingestCommand(cfg *Config, extract extractFunc) *cobra.Command {
	var f ingestFlags
	cmd := &cobra.Command{
		Use:   "ingest [flags] PATH|URL|- ...",
		Short: "Load, clean, date and store articles (files, folders, URLs, feeds, JSON lines, stdin)",
		Long: `Ingest loads each input, cleans and dates it, codes its incidents and stores
the article with its incidents atomically: articles are written in batches
(one transaction, committed every few hundred articles or half second), each
article under its own savepoint, so a failed article leaves nothing and a
crash loses at most the uncommitted batch, never part of an article; running
ingest again stores what was lost. The same text stored twice
changes nothing; a near-duplicate of a stored article is linked to it and its
incidents are not counted again. Each incident is merged with the stored
incidents other articles reported of the same event (one incident, several
sources). With --reextract, an article already stored is coded again and its
incidents replaced, each keeping its ID when the new coding matches an old one. A bad input is reported on stderr and the
batch goes on; the exit code is 3 when any input was rejected.`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := ingestOptions(cfg, f)
			if err != nil {
				return err
			}
			return ingestAll(cmd.Context(), cfg, opts, args, extract, f.reextract)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.published, "published", "", "publication date of every input (YYYY-MM-DD or RFC 3339)")
	fl.StringVar(&f.manifest, "manifest", "", "JSON file mapping file names to publication dates")
	fl.Int64Var(&f.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "refuse inputs larger than this many bytes")
	fl.DurationVar(&f.timeout, "timeout", ingest.DefaultTimeout, "time limit for each fetch")
	fl.BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching loopback, private and link-local addresses")
	fl.BoolVar(&f.reextract, "reextract", false, "code articles already stored again, keeping incident IDs where the new coding matches")
	return cmd
}

func ingestOptions(cfg *Config, f ingestFlags) (ingest.Options, error) {
	opts := ingest.Options{
		MaxBytes: f.maxBytes, Timeout: f.timeout, AllowPrivate: f.allowPrivate,
		UserAgent: ingest.UserAgentFor(cfg.Version), Logger: cfg.Logger,
	}
	if f.maxBytes <= 0 {
		return opts, usageError{fmt.Errorf("--max-bytes must be positive, got %d", f.maxBytes)}
	}
	if f.published != "" {
		p, err := ingest.ParsePublished(f.published)
		if err != nil {
			return opts, usageError{fmt.Errorf("--published: %w", err)}
		}
		opts.Published = p
	}
	if f.manifest != "" {
		m, err := ingest.ReadManifest(f.manifest)
		if err != nil {
			return opts, withCode(ExitError, err)
		}
		opts.Manifest = m
	}
	return opts, nil
}

// optimizeAfter is the batch size after which ingest merges the store's
// full-text segments (see sqlite.DB.Optimize).
const optimizeAfter = 1000

// runIngest loads every input, extracts and stores each article, and ends
// with a summary. It returns an exitError carrying ExitPartial when an
// input was rejected and ExitError when the store could not be used.
// Articles are stored through a sqlite.Batch, one savepoint each: an
// interrupted ingest loses at most the last uncommitted batch, never part
// of an article, and re-running it stores what was lost.
func runIngest(ctx context.Context, cfg *Config, opts ingest.Options, args []string, extract extractFunc) error {
	return ingestAll(ctx, cfg, opts, args, extract, false)
}

// ingestAll is runIngest, re-coding stored articles when reextract is set.
func ingestAll(ctx context.Context, cfg *Config, opts ingest.Options, args []string, extract extractFunc, reextract bool) error {
	if extract == nil {
		extract = noExtract
	}
	db, err := sqlite.Open(ctx, cfg.DB, cfg.Logger)
	if err != nil {
		return withCode(ExitError, fmt.Errorf("ingest: %w", err))
	}
	defer db.Close()
	sources := ingest.Expand(args)
	bar := newBar(cfg, len(sources))
	loader := ingest.NewLoader(opts)
	sum := ingestSummary{Results: []ingestResult{}}
	batch := db.Batch()
	var storeErr error
	for _, src := range sources {
		if ctx.Err() != nil || storeErr != nil {
			break
		}
		loader.Load(ctx, src, cfg.Stdin, func(r ingest.Result) {
			res := ingestOne(ctx, batch, r, extract)
			if reextract && res.Status == statusDuplicate {
				// Reextract writes through the store's one writer
				// connection, which the batch holds until it commits.
				if err := batch.Commit(); err != nil {
					storeErr = err
				}
				res = reextractOne(ctx, db, r, res, extract)
			}
			if res.Status == statusRejected {
				if bar != nil {
					_ = bar.Clear()
				}
				fmt.Fprintln(cfg.Stderr, "sitrep:", res.Error)
			}
			sum.add(res)
		})
		if bar != nil {
			_ = bar.Add(1)
		}
		if err := batch.CommitIfDue(); err != nil {
			storeErr = err
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	if err := errors.Join(storeErr, batch.Close()); err != nil {
		return withCode(ExitError, fmt.Errorf("ingest: %w (run ingest again: articles already stored are skipped)", err))
	}
	if sum.Ingested+sum.NearDuplicates >= optimizeAfter {
		if err := db.Optimize(ctx); err != nil && cfg.Logger != nil {
			cfg.Logger.Warn("ingest: optimize store", "err", err)
		}
	}
	fmt.Fprintln(cfg.Stderr, sum.Line())
	if cfg.JSON {
		enc := json.NewEncoder(cfg.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			return withCode(ExitError, fmt.Errorf("ingest: write json: %w", err))
		}
	}
	if err := ctx.Err(); err != nil {
		return withCode(ExitError, fmt.Errorf("ingest: stopped: %w", err))
	}
	if sum.Rejected > 0 {
		return withCode(ExitPartial, errors.New(""))
	}
	return nil
}

// articleSaver stores one article with its incidents: the store itself or
// a batch of it.
type articleSaver interface {
	SaveArticle(ctx context.Context, a *article.Article, incidents []incident.Incident) (incident.SaveResult, error)
}

// ingestOne extracts and stores one loaded article.
func ingestOne(ctx context.Context, db articleSaver, r ingest.Result, extract extractFunc) ingestResult {
	out := ingestResult{Input: r.Input, Status: statusRejected}
	if r.Err != nil {
		out.Error = r.Err.Error()
		return out
	}
	if r.Article == nil {
		out.Error = r.Input + ": no article"
		return out
	}
	a := r.Article
	out.Title = a.Title
	ins, err := extract(*a)
	if err != nil {
		out.Error = fmt.Sprintf("%s: extract: %v", r.Input, err)
		return out
	}
	saved, err := db.SaveArticle(ctx, a, ins)
	if err != nil {
		out.Error = fmt.Sprintf("%s: store: %v", r.Input, err)
		return out
	}
	out.ArticleID, out.Incidents = saved.ArticleID, saved.Incidents
	switch {
	case !saved.Created:
		out.Status, out.DuplicateOf = statusDuplicate, saved.DuplicateOf
	case saved.DuplicateOf != "":
		out.Status, out.DuplicateOf, out.Similarity = statusNearDuplicate, saved.DuplicateOf, a.Similarity
	default:
		out.Status = statusIngested
	}
	return out
}

// reextractOne codes a stored article again and replaces its incidents,
// keeping IDs (see sqlite.DB.Reextract). A near-duplicate's incidents are
// its original's, so it is left as it is.
func reextractOne(ctx context.Context, db *sqlite.DB, r ingest.Result, res ingestResult, extract extractFunc) ingestResult {
	if res.DuplicateOf != "" {
		return res
	}
	ins, err := extract(*r.Article)
	if err == nil {
		var rx sqlite.ReextractResult
		if rx, err = db.Reextract(ctx, res.ArticleID, ins); err == nil {
			res.Status, res.Reextract, res.Incidents = statusReextracted, &rx, len(ins)
			return res
		}
	}
	res.Status, res.Error = statusRejected, fmt.Sprintf("%s: re-extract: %v", r.Input, err)
	return res
}

// usageArgs marks argument-count errors as usage errors (exit 2).
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{fmt.Errorf("%s: %w", cmd.CommandPath(), err)}
		}
		return nil
	}
}

// newBar returns a progress bar on stderr when it is a terminal, else nil.
func newBar(cfg *Config, n int) *progressbar.ProgressBar {
	if !cfg.Terminal || n < 2 {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(cfg.Stderr),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}
