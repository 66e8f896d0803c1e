package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER owned by the ingest work: replace this file whole.
func newInspectCmd(cfg *Config) *cobra.Command {
	_ = cfg
	return &cobra.Command{
		Use:   "inspect",
		Short: "(in progress)",
		RunE:  func(*cobra.Command, []string) error { return errors.New("inspect: not built yet") },
	}
}
