package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER owned by the extract work: replace this file whole.
func newExtractCmd(cfg *Config) *cobra.Command {
	_ = cfg
	return &cobra.Command{
		Use:   "extract",
		Short: "(in progress)",
		RunE:  func(*cobra.Command, []string) error { return errors.New("extract: not built yet") },
	}
}
