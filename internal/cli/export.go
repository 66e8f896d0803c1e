package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/export"
	"github.com/sitrep-org/sitrep/internal/server"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

// exportFlags are the export filters, named as the API's query parameters
// (with dashes for underscores) so one vocabulary serves both.
type exportFlags struct {
	format, output                              string
	from, to, country, admin1, actor            string
	eventType, subEventType, bbox, text, sortBy string
	minFatalities, limit                        int
	excel, deleted                              bool
	since                                       string
}

func newExportCmd(cfg *Config) *cobra.Command {
	var fl exportFlags
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write stored incidents as CSV (ACLED columns), GeoJSON or JSON lines",
		Long: `Write the stored incidents that match the filters to stdout or a file.

csv:     ACLED's columns in ACLED's order, then sitrep's (doc, wounded, ...).
geojson: an RFC 7946 FeatureCollection; incidents without coordinates are
         left out and counted on stderr.
jsonl:   one full incident per line, evidence and sources included.

An incident only one outlet with a weak or unknown track record reports is
marked unverified: the csv column and GeoJSON property "unverified", the
tag "unverified" in jsonl.`,
		Example: `  sitrep export --format csv --country Nigeria --from 2024-01-01 > ng.csv
  sitrep export --format geojson --bbox 40,0,50,12 -o somalia.geojson`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runExport(cmd.Context(), cfg, fl) },
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", export.CSV, "csv, geojson, jsonl, or table (aligned text for reading)")
	f.StringVarP(&fl.output, "output", "o", "-", "file to write, - for stdout")
	f.StringVar(&fl.from, "from", "", "first event date, YYYY-MM-DD")
	f.StringVar(&fl.to, "to", "", "last event date, YYYY-MM-DD")
	f.StringVar(&fl.country, "country", "", "country name or ISO alpha-2 code")
	f.StringVar(&fl.admin1, "admin1", "", "first-level region")
	f.StringVar(&fl.actor, "actor", "", "actor on either side")
	f.StringVar(&fl.eventType, "event-type", "", "ACLED event type")
	f.StringVar(&fl.subEventType, "sub-event-type", "", "ACLED sub-event type")
	f.IntVar(&fl.minFatalities, "min-fatalities", 0, "minimum reported fatalities")
	f.StringVar(&fl.bbox, "bbox", "", "minLon,minLat,maxLon,maxLat")
	f.StringVarP(&fl.text, "query", "q", "", "full-text search over notes and sources")
	f.StringVar(&fl.sortBy, "sort", "", "event_date, -event_date, fatalities or -fatalities")
	f.IntVar(&fl.limit, "limit", 0, "write at most this many incidents (0: all)")
	f.BoolVar(&fl.excel, "excel", false, "csv: start with a UTF-8 byte order mark so Excel reads non-ASCII names")
	f.BoolVar(&fl.deleted, "deleted", false, "write the deletions CSV instead: incidents merged away or withdrawn (see --since)")
	f.StringVar(&fl.since, "since", "", "with --deleted: only deletions at or after this date, YYYY-MM-DD")
	return cmd
}

// query turns the flags into the API's query parameters, so the CLI and
// the API validate filters with the same code.
func (fl exportFlags) query() url.Values {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("from", fl.from)
	set("to", fl.to)
	set("country", fl.country)
	set("admin1", fl.admin1)
	set("actor", fl.actor)
	set("event_type", fl.eventType)
	set("sub_event_type", fl.subEventType)
	set("bbox", fl.bbox)
	set("q", fl.text)
	set("sort", fl.sortBy)
	if fl.minFatalities != 0 {
		q.Set("min_fatalities", strconv.Itoa(fl.minFatalities))
	}
	return q
}

func runExport(ctx context.Context, cfg *Config, fl exportFlags) error {
	if fl.deleted || fl.since != "" {
		return runExportDeleted(ctx, cfg, fl)
	}
	filter, err := server.ParseFilter(fl.query())
	if err != nil {
		return usageError{err}
	}
	if fl.limit < 0 {
		return usageError{errors.New("--limit must not be negative")}
	}
	if _, err := os.Stat(cfg.DB); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no database at %s (ingest articles first, or pass --db)", cfg.DB)
	}
	db, err := sqlite.Open(ctx, cfg.DB, cfg.Logger)
	if err != nil {
		return err
	}
	defer db.Close()
	out, closeOut, err := openOutput(cfg, fl.output)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 1<<16)
	w, err := newExportWriter(strings.ToLower(fl.format), bw)
	if err != nil {
		closeOut()
		return usageError{err}
	}
	if cw, ok := w.(*export.CSVWriter); ok {
		cw.BOM = fl.excel
	} else if fl.excel {
		closeOut()
		return usageError{errors.New("--excel applies to --format csv only")}
	}
	src, err := export.LoadSources(ctx, db)
	if err != nil {
		closeOut()
		return err
	}
	// gw keeps the GeoJSON writer reachable for its count of skipped
	// incidents once w is wrapped.
	gw, _ := w.(*export.GeoJSONWriter)
	w = src.Tagging(w)
	n, err := export.Stream(ctx, db, filter, w, fl.limit)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("sitrep: exported %d incidents as %s", n, fl.format)
	if gw != nil && gw.Skipped() > 0 {
		msg += fmt.Sprintf(" (%d without coordinates left out)", gw.Skipped())
	}
	fmt.Fprintln(cfg.Stderr, msg)
	return nil
}

// openOutput returns stdout for "-", else a new file; close reports a
// failed write-back so a full disk is not a silent success.
func openOutput(cfg *Config, path string) (io.Writer, func() error, error) {
	if path == "-" || path == "" {
		return cfg.Stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, fmt.Errorf("export: %w", err)
	}
	return f, f.Close, nil
}

// newExportWriter adds the CLI's human-readable table to the formats the
// export package shares with the API.
func newExportWriter(format string, w io.Writer) (export.Writer, error) {
	if format == export.Table {
		return export.NewTableWriter(w), nil
	}
	return export.New(format, w)
}

// runExportDeleted writes the store's tombstones as the deletions CSV.
func runExportDeleted(ctx context.Context, cfg *Config, fl exportFlags) error {
	if !fl.deleted {
		return usageError{errors.New("--since applies to --deleted only")}
	}
	if len(fl.query()) > 0 || fl.limit != 0 || (fl.format != export.CSV && fl.format != "") {
		return usageError{errors.New("--deleted writes CSV and takes only --since, --excel and --output")}
	}
	var since time.Time
	if fl.since != "" {
		t, err := time.Parse(time.DateOnly, fl.since)
		if err != nil {
			return usageError{fmt.Errorf("--since %q: want YYYY-MM-DD", fl.since)}
		}
		since = t
	}
	if _, err := os.Stat(cfg.DB); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no database at %s (ingest articles first, or pass --db)", cfg.DB)
	}
	db, err := sqlite.Open(ctx, cfg.DB, cfg.Logger)
	if err != nil {
		return err
	}
	defer db.Close()
	ts, err := db.Tombstones(ctx, since)
	if err != nil {
		return err
	}
	out, closeOut, err := openOutput(cfg, fl.output)
	if err != nil {
		return err
	}
	err = export.WriteTombstonesCSV(out, ts, fl.excel)
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(cfg.Stderr, "sitrep: exported %d deletions\n", len(ts))
	return nil
}
