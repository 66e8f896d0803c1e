// Package cli builds sitrep's cobra commands. It is the only package that
// reads flags and the environment; it builds one Config and passes explicit
// values down to the packages it wires together.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes, stable for scripts.
const (
	ExitOK      = 0 // everything asked for was done
	ExitError   = 1 // a fatal error: nothing or little was done
	ExitUsage   = 2 // bad flags or arguments
	ExitPartial = 3 // some inputs were rejected; the rest were processed
)

// Config is what every command gets: settings from flags and environment,
// the streams to use and the logger. It is built once per run.
type Config struct {
	DB       string
	JSON     bool
	Verbose  bool
	Stdin    io.Reader
	Stdout   io.Writer
	Stderr   io.Writer
	Logger   *slog.Logger
	Terminal bool // stderr is a terminal: progress bars are shown
	Version  string
}

// exitError carries an exit code up to Run with a message already shaped
// for the user.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// withCode marks err to end the run with the given exit code.
func withCode(code int, err error) error { return &exitError{code: code, err: err} }

// Run builds the root command, runs it with args and returns the exit code.
func Run(ctx context.Context, version string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg := &Config{Stdin: stdin, Stdout: stdout, Stderr: stderr, Version: version}
	if f, ok := stderr.(*os.File); ok {
		cfg.Terminal = term.IsTerminal(int(f.Fd())) && os.Getenv("CI") == ""
	}
	root := newRoot(cfg)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "sitrep:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "sitrep:", err)
	if isUsage(err) {
		return ExitUsage
	}
	return ExitError
}

func newRoot(cfg *Config) *cobra.Command {
	root := &cobra.Command{
		Use:           "sitrep",
		Short:         "Turn news reports of political violence into a coded incident database",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.DB == "" {
				cfg.DB = os.Getenv("SITREP_DB")
			}
			if cfg.DB == "" {
				cfg.DB = "sitrep.db"
			}
			level := slog.LevelWarn
			if cfg.Verbose {
				level = slog.LevelDebug
			}
			cfg.Logger = slog.New(slog.NewTextHandler(cfg.Stderr, &slog.HandlerOptions{Level: level}))
			return nil
		},
	}
	root.PersistentFlags().StringVar(&cfg.DB, "db", "", "database path (default $SITREP_DB or ./sitrep.db)")
	root.PersistentFlags().BoolVar(&cfg.JSON, "json", false, "print machine-readable JSON")
	root.PersistentFlags().BoolVarP(&cfg.Verbose, "verbose", "v", false, "log debug detail to stderr")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })

	evalCmd := &cobra.Command{Use: "eval", Short: "Measure accuracy on the shared datasets"}
	evalCmd.AddCommand(newEvalGeoCmd(cfg), newEvalEventsCmd(cfg), newEvalBodiesCmd(cfg))
	root.AddCommand(
		newVersionCmd(cfg),
		newIngestCmd(cfg),
		newArticlesCmd(cfg),
		newInspectCmd(cfg),
		newPlacesCmd(cfg),
		newExtractCmd(cfg),
		newServeCmd(cfg),
		newExportCmd(cfg),
		newTrendsCmd(cfg),
		newWatchCmd(cfg),
		newCorrectCmd(cfg),
		newMergeIncidentsCmd(cfg),
		newSplitCmd(cfg),
		newHistoryCmd(cfg),
		evalCmd,
	)
	return root
}

// usageError marks a flag or argument error so Run exits with ExitUsage.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}
