package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/alert"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
	"github.com/sitrep-org/sitrep/internal/trend"
)

type watchFlags struct {
	rules, webhook, state string
	interval, since       time.Duration
	once                  bool
}

func newWatchCmd(cfg *Config) *cobra.Command {
	return watchCommand(cfg, openTrendStore, func(u string) alert.Sender { return alert.NewWebhook(u) })
}

func watchCommand(cfg *Config, open trendStoreOpener, sender func(url string) alert.Sender) *cobra.Command {
	var fl watchFlags
	cmd := &cobra.Command{
		Use:   "watch --rules FILE --webhook URL",
		Short: "Post alerts to a webhook when incidents or resurgence signals match rules",
		Long: `watch evaluates alert rules against the store every --interval (or once with
--once) and POSTs each new match to the webhook as JSON, retrying with
exponential backoff. What was delivered is remembered in a state file next
to the database (<db>.alerts.json), so no alert is sent twice.

Rules file (JSON):
  {"rules": [
    {"name": "deadly", "country": "Iraq", "min_fatalities": 10},
    {"name": "is-kirkuk", "actor": "Islamic State", "admin1": "Kirkuk", "event_type": "Battles"},
    {"name": "resurgence", "actor": "Islamic State", "signal": "any", "by": "actor,admin1"}
  ]}
An incident rule matches merged incidents (actor: any side, substring, any
case; country: name or ISO code; event_type: event or sub-event type). A
signal rule (signal: hdx, cusum or any) matches series that signalled in
the last weeks, as 'sitrep trends' reports them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWatch(cmd.Context(), cfg, open, sender, fl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.rules, "rules", "", "alert rules file (JSON)")
	f.StringVar(&fl.webhook, "webhook", "", "URL to POST alerts to")
	f.StringVar(&fl.state, "state", "", "state file (default <db>.alerts.json)")
	f.DurationVar(&fl.interval, "interval", 5*time.Minute, "time between passes")
	f.BoolVar(&fl.once, "once", false, "run one pass and exit")
	f.DurationVar(&fl.since, "since", 0, "incident rules only consider events this recent, e.g. 720h (0: all)")
	return cmd
}

func runWatch(ctx context.Context, cfg *Config, open trendStoreOpener, sender func(string) alert.Sender, fl watchFlags) error {
	runner, err := watchRunner(cfg, sender, fl)
	if err != nil {
		return err
	}
	for {
		if fl.since > 0 {
			runner.Since = time.Now().UTC().Add(-fl.since)
		}
		sum, err := watchPass(ctx, cfg, open, runner)
		if fl.once {
			if err != nil && sum.Failed > 0 {
				return withCode(ExitPartial, err)
			}
			return err
		}
		if err != nil {
			cfg.Logger.Error("watch pass failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(fl.interval):
		}
	}
}

// watchRunner validates the flags and reads the rules.
func watchRunner(cfg *Config, sender func(string) alert.Sender, fl watchFlags) (*alert.Runner, error) {
	if fl.rules == "" || fl.webhook == "" {
		return nil, usageError{errors.New("watch needs --rules FILE and --webhook URL")}
	}
	u, err := url.Parse(fl.webhook)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, usageError{fmt.Errorf("--webhook %q: want an http or https URL", fl.webhook)}
	}
	if fl.since < 0 {
		return nil, usageError{fmt.Errorf("--since %s: want a positive duration", fl.since)}
	}
	if !fl.once && fl.interval < time.Second {
		return nil, usageError{fmt.Errorf("--interval %s: want at least 1s", fl.interval)}
	}
	f, err := os.Open(fl.rules)
	if err != nil {
		return nil, usageError{fmt.Errorf("rules: %w", err)}
	}
	defer f.Close()
	rules, err := alert.ParseRules(f)
	if err != nil {
		return nil, usageError{fmt.Errorf("%s: %w", fl.rules, err)}
	}
	state := fl.state
	if state == "" {
		state = alert.StatePath(cfg.DB)
	}
	return &alert.Runner{
		Rules: rules, Sender: sender(fl.webhook), StatePath: state,
		Merge: merge.DefaultOptions(), Trend: trend.DefaultParams(), Logger: cfg.Logger,
	}, nil
}

// watchPass reads the store, runs the rules and reports what it did.
func watchPass(ctx context.Context, cfg *Config, open trendStoreOpener, r *alert.Runner) (alert.Summary, error) {
	st, err := open(ctx, cfg)
	if err != nil {
		return alert.Summary{}, err
	}
	incs, err := loadIncidents(ctx, st, incident.Filter{})
	_ = st.Close()
	if err != nil {
		return alert.Summary{}, err
	}
	sum, err := r.Run(ctx, merge.ByIngestion(incs))
	if cfg.JSON {
		_ = json.NewEncoder(cfg.Stdout).Encode(sum)
	} else {
		fmt.Fprintf(cfg.Stdout, "%s: %d alerts match, %d new, %d sent, %d failed\n",
			time.Now().UTC().Format(time.RFC3339), sum.Matched, sum.New, sum.Sent, sum.Failed)
	}
	return sum, err
}
