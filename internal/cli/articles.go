package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

// articleRow is one article as list and search print it.
type articleRow struct {
	ID          string    `json:"id"`
	Source      string    `json:"source,omitempty"`
	URL         string    `json:"url,omitempty"`
	Outlet      string    `json:"outlet,omitempty"`
	Title       string    `json:"title,omitempty"`
	Published   string    `json:"published,omitempty"`
	DuplicateOf string    `json:"duplicate_of,omitempty"`
	Similarity  float64   `json:"similarity,omitempty"`
	IngestedAt  time.Time `json:"ingested_at,omitzero"`
}

func newArticlesCmd(cfg *Config) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List, search and show stored articles",
	}
	var limit, offset int
	list := &cobra.Command{
		Use:   "list",
		Short: "List stored articles in ingest order",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return listArticles(cmd.Context(), cfg, incident.ArticleQuery{Limit: limit, Offset: offset})
		},
	}
	search := &cobra.Command{
		Use:   "search QUERY",
		Short: "Full-text search over article titles and text, best match first",
		Args:  usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return listArticles(cmd.Context(), cfg, incident.ArticleQuery{Text: strings.Join(args, " "), Limit: limit, Offset: offset})
		},
	}
	for _, c := range []*cobra.Command{list, search} {
		c.Flags().IntVar(&limit, "limit", 100, "most articles to print")
		c.Flags().IntVar(&offset, "offset", 0, "articles to skip")
	}
	show := &cobra.Command{
		Use:   "show ID|PREFIX",
		Short: "Show one article: metadata, clean text and what cleaning dropped",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return showArticle(cmd.Context(), cfg, args[0])
		},
	}
	cmd.AddCommand(list, search, show)
	return cmd
}

// openExisting opens the store for reading commands, refusing to create an
// empty database where the user expected one.
func openExisting(ctx context.Context, cfg *Config) (*sqlite.DB, error) {
	if _, err := os.Stat(cfg.DB); err != nil {
		return nil, withCode(ExitError, fmt.Errorf("no database at %s (run sitrep ingest first, or set --db): %w", cfg.DB, err))
	}
	db, err := sqlite.Open(ctx, cfg.DB, cfg.Logger)
	if err != nil {
		return nil, withCode(ExitError, err)
	}
	return db, nil
}

func listArticles(ctx context.Context, cfg *Config, q incident.ArticleQuery) error {
	db, err := openExisting(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	as, err := db.Articles(ctx, q)
	if err != nil {
		return withCode(ExitError, err)
	}
	rows := make([]articleRow, len(as))
	for i, a := range as {
		rows[i] = toRow(a)
	}
	if cfg.JSON {
		return writeJSON(cfg.Stdout, rows)
	}
	tw := tabwriter.NewWriter(cfg.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tOUTLET\tTITLE\tDUP-OF")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", short(r.ID), orDash(r.Published), orDash(clipRunes(r.Outlet, 24)),
			orDash(clipRunes(r.Title, 60)), orDash(short(r.DuplicateOf)))
	}
	if err := tw.Flush(); err != nil {
		return withCode(ExitError, err)
	}
	if q.Text != "" && len(rows) == 0 {
		fmt.Fprintf(cfg.Stderr, "no article matches %q\n", q.Text)
	}
	return nil
}

func toRow(a article.Article) articleRow {
	r := articleRow{ID: a.ID, Source: a.Source, URL: a.URL, Outlet: a.Outlet, Title: a.Title,
		DuplicateOf: a.DuplicateOf, Similarity: a.Similarity, IngestedAt: a.IngestedAt}
	if a.Published.Known() {
		r.Published = a.Published.Time.Format(time.DateOnly)
	}
	return r
}

func showArticle(ctx context.Context, cfg *Config, id string) error {
	db, err := openExisting(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := db.Article(ctx, id)
	switch {
	case errors.Is(err, incident.ErrNotFound):
		return withCode(ExitError, fmt.Errorf("no article %s", id))
	case errors.Is(err, incident.ErrInvalid):
		return usageError{err}
	case err != nil:
		return withCode(ExitError, err)
	}
	if cfg.JSON {
		return writeJSON(cfg.Stdout, a)
	}
	return printArticle(cfg.Stdout, a)
}

func printArticle(w io.Writer, a article.Article) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", k, v)
		}
	}
	field("ID", a.ID)
	field("Title", a.Title)
	field("Outlet", strings.TrimSpace(a.Outlet+" "+paren(a.OutletFrom)))
	field("Source", a.Source)
	field("URL", a.URL)
	if a.Published.Known() {
		field("Published", strings.TrimSpace(a.Published.Time.Format(time.DateOnly)+" "+paren(a.Published.From)))
	} else {
		field("Published", "unknown")
	}
	field("Date note", a.Published.Note)
	field("Format", strings.TrimSpace(a.Format+" "+paren(a.Encoding)))
	if a.DuplicateOf != "" {
		field("Near-duplicate of", fmt.Sprintf("%s (similarity %.2f)", a.DuplicateOf, a.Similarity))
	}
	if !a.IngestedAt.IsZero() {
		field("Ingested", a.IngestedAt.Format(time.RFC3339))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s\n", a.Text)
	var dropped []article.Line
	for _, l := range a.Lines {
		if l.Kind == article.KindDropped {
			dropped = append(dropped, l)
		}
	}
	if len(dropped) > 0 {
		fmt.Fprintf(w, "\nDropped lines (%d):\n", len(dropped))
		for _, l := range dropped {
			fmt.Fprintf(w, "  %4d  %-22s %s\n", l.Source, clipRunes(l.Reason, 22), clipRunes(l.Text, 70))
		}
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return withCode(ExitError, fmt.Errorf("write json: %w", err))
	}
	return nil
}

// short abbreviates a content hash as git abbreviates commits.
func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

func clipRunes(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}
