package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER owned by the store work: replace this file whole.
func newArticlesCmd(cfg *Config) *cobra.Command {
	_ = cfg
	return &cobra.Command{
		Use:   "articles",
		Short: "(in progress)",
		RunE:  func(*cobra.Command, []string) error { return errors.New("articles: not built yet") },
	}
}
