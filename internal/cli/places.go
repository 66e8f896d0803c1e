package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// newPlacesCmd shows what the gazetteer finds in a text, with the offsets
// an analyst can check against the source.
func newPlacesCmd(cfg *Config) *cobra.Command {
	return &cobra.Command{
		Use:   "places TEXT|FILE",
		Short: "Find and resolve the place names in a text or file",
		Long: "Prints every place mention found in TEXT (or in FILE when the argument names a readable file; - reads stdin):\n" +
			"byte offsets, the place, its first- and second-level regions, coordinates, ACLED geo_precision and the rule used.",
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.ExactArgs(1)(cmd, args); err != nil {
				return usageError{fmt.Errorf("places: %w", err)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := placesInput(cfg, args[0])
			if err != nil {
				return withCode(ExitUsage, err)
			}
			g, err := gazetteer.Load()
			if err != nil {
				return fmt.Errorf("places: %w", err)
			}
			mentions := g.Find(text)
			if cfg.JSON {
				enc := json.NewEncoder(cfg.Stdout)
				enc.SetIndent("", "  ")
				if mentions == nil {
					mentions = []gazetteer.Mention{}
				}
				return enc.Encode(mentions)
			}
			return printMentions(cfg, mentions)
		},
	}
}

func placesInput(cfg *Config, arg string) (string, error) {
	if arg == "-" {
		b, err := io.ReadAll(io.LimitReader(cfg.Stdin, 64<<20))
		if err != nil {
			return "", fmt.Errorf("places: read stdin: %w", err)
		}
		return string(b), nil
	}
	if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
		b, err := os.ReadFile(arg)
		if err != nil {
			return "", fmt.Errorf("places: read %s: %w", arg, err)
		}
		return string(b), nil
	}
	return arg, nil
}

func printMentions(cfg *Config, ms []gazetteer.Mention) error {
	tw := tabwriter.NewWriter(cfg.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SPAN\tTEXT\tPLACE\tKIND\tCOUNTRY\tADMIN1\tADMIN2\tLAT,LON\tPREC\tSCORE\tRULE")
	for _, m := range ms {
		p := m.Place
		fmt.Fprintf(tw, "%d-%d\t%s\t%s\t%s\t%s\t%s\t%s\t%.4f,%.4f\t%d\t%.2f\t%s\n",
			m.Start, m.End, oneLine(m.Text), p.Name, p.Kind, p.CountryCode, dash(p.Admin1), dash(p.Admin2),
			p.Lat, p.Lon, m.Precision, m.Score, m.Rule)
	}
	return tw.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
