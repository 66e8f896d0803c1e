package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER owned by the store work: replace this file whole.
func newIngestCmd(cfg *Config) *cobra.Command {
	_ = cfg
	return &cobra.Command{
		Use:   "ingest",
		Short: "(in progress)",
		RunE:  func(*cobra.Command, []string) error { return errors.New("ingest: not built yet") },
	}
}
