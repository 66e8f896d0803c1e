package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/ingest"
)

// inspectFlags are the loading settings inspect shares with ingest.
type inspectFlags struct {
	published    string
	manifest     string
	allowPrivate bool
	maxBytes     int64
	width        int
}

// newInspectCmd shows what cleaning kept, marked and dropped in a page, and
// why, with the metadata decided for it; nothing is stored.
func newInspectCmd(cfg *Config) *cobra.Command {
	var f inspectFlags
	cmd := &cobra.Command{
		Use:   "inspect FILE|URL|- ...",
		Short: "Show how a page is cleaned and dated, line by line, without storing it",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := inspectOptions(cfg, f)
			if err != nil {
				return err
			}
			return runInspect(cmd, cfg, opts, args, f.width)
		},
	}
	cmd.Flags().StringVar(&f.published, "published", "", "publication date to use (YYYY-MM-DD or RFC 3339)")
	cmd.Flags().StringVar(&f.manifest, "manifest", "", "JSON file mapping file names to publication dates")
	cmd.Flags().BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching loopback, private and link-local addresses")
	cmd.Flags().Int64Var(&f.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "refuse inputs larger than this")
	cmd.Flags().IntVar(&f.width, "width", 72, "characters of each line to show")
	return cmd
}

func inspectOptions(cfg *Config, f inspectFlags) (ingest.Options, error) {
	opts := ingest.Options{
		AllowPrivate: f.allowPrivate, MaxBytes: f.maxBytes, Logger: cfg.Logger,
		UserAgent: ingest.UserAgentFor(cfg.Version),
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
			return opts, usageError{err}
		}
		opts.Manifest = m
	}
	return opts, nil
}

func runInspect(cmd *cobra.Command, cfg *Config, opts ingest.Options, args []string, width int) error {
	loader := ingest.NewLoader(opts)
	var ok, failed int
	for _, src := range ingest.Expand(args) {
		loader.Load(cmd.Context(), src, cfg.Stdin, func(r ingest.Result) {
			if r.Err != nil {
				failed++
				fmt.Fprintln(cfg.Stderr, "sitrep:", r.Err)
				return
			}
			ok++
			if cfg.JSON {
				enc := json.NewEncoder(cfg.Stdout)
				enc.SetIndent("", "  ")
				_ = enc.Encode(r.Article)
				return
			}
			printInspect(cfg.Stdout, r.Input, r.Article, width)
		})
	}
	switch {
	case failed > 0 && ok == 0:
		return withCode(ExitError, fmt.Errorf("inspect: %d input(s) rejected", failed))
	case failed > 0:
		return withCode(ExitPartial, fmt.Errorf("inspect: %d shown, %d rejected", ok, failed))
	}
	return nil
}

func printInspect(w io.Writer, input string, a *article.Article, width int) {
	fmt.Fprintf(w, "== %s\n", input)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "title\t%s\n", a.Title)
	fmt.Fprintf(tw, "outlet\t%s\n", withFrom(a.Outlet, a.OutletFrom))
	fmt.Fprintf(tw, "url\t%s\n", a.URL)
	fmt.Fprintf(tw, "published\t%s\n", describePublished(a))
	if a.Published.Note != "" {
		fmt.Fprintf(tw, "date note\t%s\n", a.Published.Note)
	}
	fmt.Fprintf(tw, "format\t%s, %s, %d bytes of clean text\n", a.Format, a.Encoding, len(a.Text))
	fmt.Fprintf(tw, "id\t%s\n", a.ID)
	tw.Flush()
	counts := map[string]int{}
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\nline\tkind\treason\ttext\n")
	for _, l := range a.Lines {
		if l.Reason == "blank" {
			continue
		}
		counts[inspectBucket(l.Kind)]++
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", l.Source, l.Kind, l.Reason, clip(strings.TrimSpace(l.Text), width))
	}
	tw.Flush()
	fmt.Fprintf(w, "%d kept, %d marked, %d dropped\n\n", counts["kept"], counts["marked"], counts["dropped"])
}

func inspectBucket(k article.LineKind) string {
	switch k {
	case article.KindDropped:
		return "dropped"
	case article.KindCaption, article.KindByline, article.KindDateline:
		return "marked"
	}
	return "kept"
}

func describePublished(a *article.Article) string {
	p := a.Published
	if !p.Known() {
		return "unknown"
	}
	layout := "2006-01-02"
	prec := "day"
	switch p.Precision {
	case article.PrecisionMonth:
		layout, prec = "2006-01", "month"
	case article.PrecisionWeek:
		prec = "week"
	}
	s := fmt.Sprintf("%s (%s, from %s", p.Time.Format(layout), prec, p.From)
	if p.Evidence != nil {
		s += fmt.Sprintf(", text %d-%d %q", p.Evidence.Start, p.Evidence.End, a.Text[p.Evidence.Start:p.Evidence.End])
	}
	return s + ")"
}

func withFrom(v, from string) string {
	if v == "" {
		return "unknown"
	}
	return v + " (from " + from + ")"
}

// clip shortens s to n characters, marking the cut.
func clip(s string, n int) string {
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
