package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER owned by the server work: replace this file whole.
func newExportCmd(cfg *Config) *cobra.Command {
	_ = cfg
	return &cobra.Command{
		Use:   "export",
		Short: "(in progress)",
		RunE:  func(*cobra.Command, []string) error { return errors.New("export: not built yet") },
	}
}
