package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER owned by the gazetteer work: replace this file whole.
func newEvalGeoCmd(cfg *Config) *cobra.Command {
	_ = cfg
	return &cobra.Command{
		Use:   "geo",
		Short: "(in progress)",
		RunE:  func(*cobra.Command, []string) error { return errors.New("geo: not built yet") },
	}
}
