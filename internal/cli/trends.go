package cli

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
	"github.com/sitrep-org/sitrep/internal/trend"
)

// trendStoreOpener opens the incident store; tests pass an in-memory one.
type trendStoreOpener func(ctx context.Context, cfg *Config) (incident.Store, error)

func openTrendStore(ctx context.Context, cfg *Config) (incident.Store, error) {
	return sqlite.Open(ctx, cfg.DB, cfg.Logger)
}

type trendsFlags struct {
	by, from, to string
	merge, all   bool
	hdxMin       int
	cusumH       float64
	recentWeeks  int
}

func newTrendsCmd(cfg *Config) *cobra.Command { return trendsCommand(cfg, openTrendStore) }

func trendsCommand(cfg *Config, open trendStoreOpener) *cobra.Command {
	var fl trendsFlags
	cmd := &cobra.Command{
		Use:   "trends",
		Short: "Weekly series by actor and region, and which are resurging",
		Long: `trends groups the stored incidents into weekly series (ISO weeks) by actor
and first-level region, or by country, and tests each series for resurgence:
  HDX    the 30-day fatality sum reaches a level not seen in the previous year
         (needs a year of history in the range) and at least --hdx-min;
  CUSUM  a one-sided Poisson CUSUM on weekly counts detects a rise in the rate
         against the weeks before (needs 8 weeks of history).
Reports of one event from several articles are merged first, so an attack
retold by ten outlets counts once. It prints the series signalling within
the last --recent-weeks weeks and why (all series with --all).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTrends(cmd.Context(), cfg, open, fl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.by, "by", "actor,admin1", "grouping: actor, admin1, country, or a pair such as actor,country")
	f.StringVar(&fl.from, "from", "", "first event date, YYYY-MM-DD (default: the earliest stored)")
	f.StringVar(&fl.to, "to", "", "last event date, YYYY-MM-DD (default: the latest stored)")
	f.BoolVar(&fl.merge, "merge", true, "merge reports of one event before counting")
	f.BoolVar(&fl.all, "all", false, "list every series, not only those signalling")
	f.IntVar(&fl.hdxMin, "hdx-min", trend.DefaultHDX().MinFatalities, "minimum 30-day fatalities for the HDX rule")
	f.Float64Var(&fl.cusumH, "cusum-h", trend.DefaultCUSUM().H, "CUSUM decision threshold (log-likelihood units)")
	f.IntVar(&fl.recentWeeks, "recent-weeks", trend.DefaultParams().RecentWeeks, "a series is signalling when a signal fired in this many last weeks")
	return cmd
}

func runTrends(ctx context.Context, cfg *Config, open trendStoreOpener, fl trendsFlags) error {
	by, err := trend.ParseBy(fl.by)
	if err != nil {
		return usageError{err}
	}
	from, to, err := trendsRange(fl.from, fl.to)
	if err != nil {
		return usageError{err}
	}
	p := trend.DefaultParams()
	p.HDX.MinFatalities, p.CUSUM.H, p.RecentWeeks = fl.hdxMin, fl.cusumH, fl.recentWeeks
	if p.CUSUM.H <= 0 || p.RecentWeeks < 0 {
		return usageError{fmt.Errorf("--cusum-h must be positive and --recent-weeks not negative")}
	}
	st, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	reports, err := loadIncidents(ctx, st, incident.Filter{From: from, To: to})
	if err != nil {
		return err
	}
	sum := trend.Summarize(reports, trend.Options{By: by, From: from, To: to, Merge: fl.merge, All: fl.all, Params: p})
	if cfg.JSON {
		enc := json.NewEncoder(cfg.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	}
	return printTrends(cfg.Stdout, sum)
}

// trendsRange parses --from and --to.
func trendsRange(from, to string) (time.Time, time.Time, error) {
	var f, t time.Time
	var err error
	if from != "" {
		if f, err = time.Parse(time.DateOnly, from); err != nil {
			return f, t, fmt.Errorf("--from %q: want YYYY-MM-DD", from)
		}
	}
	if to != "" {
		if t, err = time.Parse(time.DateOnly, to); err != nil {
			return f, t, fmt.Errorf("--to %q: want YYYY-MM-DD", to)
		}
	}
	if !f.IsZero() && !t.IsZero() && t.Before(f) {
		return f, t, fmt.Errorf("--to %s is before --from %s", to, from)
	}
	return f, t, nil
}

// loadIncidents pages through every incident the filter selects.
func loadIncidents(ctx context.Context, st incident.Store, f incident.Filter) ([]incident.Incident, error) {
	f.Limit = 1000
	var out []incident.Incident
	for {
		page, err := st.Incidents(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("read incidents: %w", err)
		}
		out = append(out, page.Incidents...)
		if page.Next == "" || len(page.Incidents) == 0 {
			return out, nil
		}
		f.Cursor = page.Next
	}
}

func printTrends(w io.Writer, out trend.Summary) error {
	if out.From == "" {
		_, err := fmt.Fprintln(w, "no dated incidents in the store for this range")
		return err
	}
	fmt.Fprintf(w, "%d reports, %d incidents after merging, weeks %s to %s; %d of %d series shown\n\n",
		out.Reports, out.Incidents, out.From, out.To, len(out.Signals), out.Series)
	if len(out.Signals) == 0 {
		_, err := fmt.Fprintln(w, "no series is signalling (use --all to list every series)")
		return err
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SERIES\tINCIDENTS\tFATALITIES\tLAST 8 WEEKS\tSIGNAL")
	for _, s := range out.Signals {
		why := cmp.Or(strings.Join(s.Why, "; "), "-")
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", s.Name, s.Incidents, s.Fatalities, sparkline(s.WeeklyIncidents, 8), why)
	}
	return tw.Flush()
}

// sparkline renders the last n weekly counts, so a reader sees the rise.
func sparkline(xs []int, n int) string {
	xs = xs[max(0, len(xs)-n):]
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, " ")
}
