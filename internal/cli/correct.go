package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// Analyst commands: correct a field, merge two incidents, split one
// article's report out of an incident, and show an incident's history.
// Each change is recorded with its reason and kept through re-extraction.

func newCorrectCmd(cfg *Config) *cobra.Command {
	var why, author string
	cmd := &cobra.Command{
		Use:   "correct ID FIELD=VALUE... --why TEXT",
		Short: "Correct fields of an incident; corrections survive new reports and re-extraction",
		Long: `Correct sets fields of a stored incident to the analyst's values, for
example "sitrep correct SR12AB fatalities=11 --why 'hospital list'". Counts,
coordinates and the date may be emptied with FIELD= (not reported). Each
correction is stored as such and applied again whenever a new report of the
event arrives or its articles are re-extracted, and the change is a revision.`,
		Args: usageArgs(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			sets, err := parseAssignments(args[1:])
			if err != nil {
				return err
			}
			if strings.TrimSpace(why) == "" {
				return usageError{errors.New("correct: --why is required")}
			}
			return withCorrector(cmd.Context(), cfg, func(c incident.Corrector) (incident.Incident, error) {
				var in incident.Incident
				for _, kv := range sets {
					in, err = c.Correct(cmd.Context(), incident.Correction{
						IncidentID: args[0], Field: kv[0], Value: kv[1], Why: why, Author: author,
					})
					if err != nil {
						return in, err
					}
				}
				return in, nil
			})
		},
	}
	cmd.Flags().StringVar(&why, "why", "", "the reason, kept with the correction (required)")
	cmd.Flags().StringVar(&author, "author", os.Getenv("USER"), "who made the correction")
	return cmd
}

func newMergeIncidentsCmd(cfg *Config) *cobra.Command {
	var why string
	cmd := &cobra.Command{
		Use:   "merge-incidents KEEP ABSORB --why TEXT",
		Short: "Merge incident ABSORB into KEEP; ABSORB's ID becomes a tombstone",
		Args:  usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withCorrector(cmd.Context(), cfg, func(c incident.Corrector) (incident.Incident, error) {
				return c.MergeIncidents(cmd.Context(), args[0], args[1], why)
			})
		},
	}
	cmd.Flags().StringVar(&why, "why", "", "the reason, kept in the revisions (required)")
	return cmd
}

func newSplitCmd(cfg *Config) *cobra.Command {
	var why string
	cmd := &cobra.Command{
		Use:   "split ID ARTICLE --why TEXT",
		Short: "Move one article's report out of an incident into an incident of its own",
		Args:  usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withCorrector(cmd.Context(), cfg, func(c incident.Corrector) (incident.Incident, error) {
				return c.SplitSource(cmd.Context(), args[0], args[1], why)
			})
		},
	}
	cmd.Flags().StringVar(&why, "why", "", "the reason, kept in the revisions (required)")
	return cmd
}

func newHistoryCmd(cfg *Config) *cobra.Command {
	var deleted bool
	cmd := &cobra.Command{
		Use:   "history [ID]",
		Short: "Show an incident's revisions, or with --deleted the incidents merged away or withdrawn",
		Args:  usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !deleted && len(args) != 1 {
				return usageError{errors.New("history: give an incident ID, or --deleted")}
			}
			db, err := openExisting(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			defer db.Close()
			if deleted {
				ts, err := db.Tombstones(cmd.Context(), time.Time{})
				if err != nil {
					return withCode(ExitError, err)
				}
				if cfg.JSON {
					return writeJSON(cfg.Stdout, ts)
				}
				for _, t := range ts {
					fmt.Fprintf(cfg.Stdout, "%s  %-16s → %-16s %s\n", t.At.Format("2006-01-02 15:04"), t.EventID, orDash(t.MergedInto), t.Why)
				}
				return nil
			}
			revs, err := db.Revisions(cmd.Context(), args[0])
			if err != nil {
				return storeError(err)
			}
			if cfg.JSON {
				return writeJSON(cfg.Stdout, revs)
			}
			printRevisions(cfg.Stdout, revs)
			return nil
		},
	}
	cmd.Flags().BoolVar(&deleted, "deleted", false, "list tombstones (ACLED-style deletions) instead")
	return cmd
}

func printRevisions(w io.Writer, revs []incident.Revision) {
	for _, r := range revs {
		fmt.Fprintf(w, "%s  %-16s %s → %s  (%s)\n", r.At.Format("2006-01-02 15:04:05"), r.Field,
			orDash(clipRunes(r.Old, 40)), orDash(clipRunes(r.New, 40)), r.Why)
	}
}

// withCorrector opens the store, runs one analyst change and prints the
// resulting incident.
func withCorrector(ctx context.Context, cfg *Config, fn func(incident.Corrector) (incident.Incident, error)) error {
	db, err := openExisting(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	in, err := fn(db)
	if err != nil {
		return storeError(err)
	}
	if cfg.JSON {
		return writeJSON(cfg.Stdout, in)
	}
	fat := "not reported"
	if in.Fatalities != nil {
		fat = fmt.Sprint(*in.Fatalities)
	}
	fmt.Fprintf(cfg.Stdout, "%s  %s  %s, %s  fatalities %s  %d source(s)\n",
		in.EventID, in.EventDate, in.Location, in.Country, fat, len(in.Sources))
	return nil
}

// storeError maps the store's sentinels to exit codes: a bad field or
// value is a usage error, anything else (unknown ID included) an error.
func storeError(err error) error {
	if errors.Is(err, incident.ErrInvalid) {
		return usageError{err}
	}
	return withCode(ExitError, err)
}

// parseAssignments reads FIELD=VALUE arguments.
func parseAssignments(args []string) ([][2]string, error) {
	out := make([][2]string, 0, len(args))
	for _, a := range args {
		field, value, ok := strings.Cut(a, "=")
		if !ok || strings.TrimSpace(field) == "" {
			return nil, usageError{fmt.Errorf("correct: %q is not FIELD=VALUE", a)}
		}
		out = append(out, [2]string{strings.TrimSpace(field), value})
	}
	return out, nil
}
