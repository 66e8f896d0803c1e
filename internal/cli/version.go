package cli

import (
	"encoding/json"
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
)

func newVersionCmd(cfg *Config) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print sitrep's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.JSON {
				return json.NewEncoder(cfg.Stdout).Encode(map[string]string{
					"version": cfg.Version, "go": runtime.Version(),
				})
			}
			_, err := fmt.Fprintf(cfg.Stdout, "sitrep %s (%s)\n", cfg.Version, runtime.Version())
			return err
		},
	}
}
