package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/export"
	"github.com/sitrep-org/sitrep/internal/extract"
	"github.com/sitrep-org/sitrep/internal/ingest"
)

// extractFlags are the extract command's options.
type extractFlags struct {
	published string
	manifest  string
	format    string
}

func newExtractCmd(cfg *Config) *cobra.Command {
	var fl extractFlags
	cmd := &cobra.Command{
		Use:   "extract [--published DATE | --manifest FILE] [--format jsonl|csv|geojson] PATH...",
		Short: "Print the incidents that articles report, without a database",
		Long: "extract reads files, directories, URLs, feeds or JSON lines (- for stdin), codes the\n" +
			"incidents each article reports and prints them with their evidence. --published gives\n" +
			"every input one publication date; --manifest maps file names to dates.",
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.MinimumNArgs(1)(cmd, args); err != nil {
				return usageError{fmt.Errorf("extract: %w", err)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd.Context(), cfg, fl, args)
		},
	}
	cmd.Flags().StringVar(&fl.published, "published", "", "publication date of every input (YYYY-MM-DD)")
	cmd.Flags().StringVar(&fl.manifest, "manifest", "", "JSON file mapping input file names to publication dates")
	cmd.Flags().StringVar(&fl.format, "format", export.JSONL, "output format: "+strings.Join(export.Formats(), ", "))
	return cmd
}

// extractOptions turns the flags into loader options.
func extractOptions(cfg *Config, fl extractFlags) (ingest.Options, error) {
	opts := ingest.Options{Logger: cfg.Logger, UserAgent: ingest.UserAgentFor(cfg.Version)}
	if fl.published != "" && fl.manifest != "" {
		return opts, usageError{errors.New("extract: give --published or --manifest, not both")}
	}
	if fl.published != "" {
		t, err := time.Parse("2006-01-02", fl.published)
		if err != nil {
			return opts, usageError{fmt.Errorf("extract: --published %q: want YYYY-MM-DD", fl.published)}
		}
		opts.Published = &article.Published{Time: t, Precision: article.PrecisionDay, From: "caller"}
	}
	if fl.manifest != "" {
		m, err := ingest.ReadManifest(fl.manifest)
		if err != nil {
			return opts, usageError{fmt.Errorf("extract: %w", err)}
		}
		opts.Manifest = m
	}
	return opts, nil
}

func runExtract(ctx context.Context, cfg *Config, fl extractFlags, args []string) error {
	opts, err := extractOptions(cfg, fl)
	if err != nil {
		return err
	}
	w, err := export.New(fl.format, cfg.Stdout)
	if err != nil {
		return usageError{err}
	}
	res, err := extract.DefaultResources()
	if err != nil {
		return err
	}
	res.Logger = cfg.Logger
	loader := ingest.NewLoader(opts)
	failed, total := 0, 0
	var werr error
	for _, src := range ingest.Expand(args) {
		loader.Load(ctx, src, cfg.Stdin, func(r ingest.Result) {
			total++
			if r.Err != nil {
				failed++
				cfg.Logger.Warn("extract: input rejected", "input", r.Input, "err", r.Err)
				return
			}
			incs, err := extract.Extract(*r.Article, res)
			if err != nil {
				failed++
				cfg.Logger.Warn("extract: article failed", "input", r.Input, "err", err)
				return
			}
			for i := range incs {
				if werr == nil {
					werr = w.Write(&incs[i])
				}
			}
		})
	}
	if err := w.Close(); err != nil && werr == nil {
		werr = err
	}
	if werr != nil {
		return fmt.Errorf("extract: write: %w", werr)
	}
	if failed > 0 {
		return withCode(ExitPartial, fmt.Errorf("extract: %d of %d inputs failed", failed, total))
	}
	return nil
}
