package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER owned by the merge/trend work: replace this file whole.
func newWatchCmd(cfg *Config) *cobra.Command {
	_ = cfg
	return &cobra.Command{
		Use:   "watch",
		Short: "(in progress)",
		RunE:  func(*cobra.Command, []string) error { return errors.New("watch: not built yet") },
	}
}
