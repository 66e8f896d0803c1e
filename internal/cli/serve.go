package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER owned by the server work: replace this file whole.
func newServeCmd(cfg *Config) *cobra.Command {
	_ = cfg
	return &cobra.Command{
		Use:   "serve",
		Short: "(in progress)",
		RunE:  func(*cobra.Command, []string) error { return errors.New("serve: not built yet") },
	}
}
