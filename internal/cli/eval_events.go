package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER owned by the eventtype work: replace this file whole.
func newEvalEventsCmd(cfg *Config) *cobra.Command {
	_ = cfg
	return &cobra.Command{
		Use:   "events",
		Short: "(in progress)",
		RunE:  func(*cobra.Command, []string) error { return errors.New("events: not built yet") },
	}
}
