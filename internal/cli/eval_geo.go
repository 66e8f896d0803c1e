package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
	"github.com/sitrep-org/sitrep/internal/gazetteer/geoeval"
)

// geoCorpora are the corpora eval geo scores, with Mordecai 3's published
// accuracy within 161 km for comparison.
var geoCorpora = []struct {
	name, file string
	mordecai   float64
}{
	{"GeoWebNews", "GWN.xml", 0.941},
	{"LGL", "lgl.xml", 0.827},
	{"TR-News", "TR-News.xml", 0.873},
}

// newEvalGeoCmd scores toponym resolution on the geoparsing corpora.
func newEvalGeoCmd(cfg *Config) *cobra.Command {
	var datasets string
	var gold bool
	var split string
	var misses bool
	cmd := &cobra.Command{
		Use:   "geo",
		Short: "Score toponym resolution on GeoWebNews, LGL and TR-News (gold spans given)",
		Long: "Resolves every gold toponym with its document's context (from sitrep's own scan of the text, or\n" +
			"with --gold-context from the gold toponym spans) and reports accuracy within 161 km,\n" +
			"country accuracy and median error. IN REACH is the share a perfect ranker could place within\n" +
			"161 km: what the gazetteer holds a reading for, whatever sitrep chose. GeoWebNews and TR-News\n" +
			"are also split into even articles (used while tuning) and odd articles (held out). --split tune\n" +
			"prints only what tuning may look at (LGL and the even halves); --split heldout only the odd\n" +
			"halves. --misses writes every toponym not placed within 161 km as JSON lines, and only with\n" +
			"--split tune.",
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.NoArgs(cmd, args); err != nil {
				return usageError{fmt.Errorf("eval geo: %w", err)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			keep, err := splitFilter(split)
			if err != nil {
				return err
			}
			if misses && split != "tune" {
				return usageError{fmt.Errorf("eval geo: --misses shows single toponyms, so only the tuning halves: add --split tune")}
			}
			g, err := gazetteer.Load()
			if err != nil {
				return fmt.Errorf("eval geo: %w", err)
			}
			var results []geoeval.Result
			for _, c := range geoCorpora {
				rs, err := evalCorpus(g, filepath.Join(datasets, "geoparsing", c.file), c.name, c.mordecai, !gold)
				if err != nil {
					return err
				}
				for _, r := range rs {
					if keep(r.Name) {
						results = append(results, r)
					}
				}
			}
			if misses {
				return writeMisses(cfg, results)
			}
			if cfg.JSON {
				enc := json.NewEncoder(cfg.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(results)
			}
			tw := tabwriter.NewWriter(cfg.Stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CORPUS\tTOPONYMS\tRESOLVED\tUNRESOLVED\tACC@161KM\tCOUNTRY ACC\tMEDIAN KM\tIN REACH\tMORDECAI3 @161KM")
			for _, r := range results {
				ref := "-"
				if r.Reference > 0 {
					ref = fmt.Sprintf("%.1f%%", r.Reference*100)
				}
				fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f%%\t%.1f%%\t%.1f\t%.1f%%\t%s\n", r.Name, r.Toponyms, r.Resolved, r.Unresolved,
					r.Within161km*100, r.CountryAcc*100, r.MedianErrorKm, r.InReach*100, ref)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&datasets, "datasets", "../shared/datasets", "directory holding geoparsing/")
	cmd.Flags().StringVar(&split, "split", "all", "which results to print: all, tune (LGL and the even halves) or heldout (the odd halves)")
	cmd.Flags().BoolVar(&misses, "misses", false, "write the toponyms missed by more than 161 km as JSON lines (needs --split tune)")
	cmd.Flags().BoolVar(&gold, "gold-context", false, "take each document's context from the gold toponym spans instead of sitrep's own place scan")
	return cmd
}

func evalCorpus(g *gazetteer.Gazetteer, path, name string, ref float64, scan bool) ([]geoeval.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, withCode(ExitUsage, fmt.Errorf("eval geo: %w", err))
	}
	defer f.Close()
	docs, err := geoeval.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("eval geo: %s: %w", name, err)
	}
	all := geoeval.Evaluate(g, name, docs, nil, scan)
	all.Reference = ref
	out := []geoeval.Result{all}
	if name != "LGL" {
		even := geoeval.Evaluate(g, name+" (even, tuned on)", docs, func(i int) bool { return i%2 == 0 }, scan)
		odd := geoeval.Evaluate(g, name+" (odd, held out)", docs, func(i int) bool { return i%2 == 1 }, scan)
		out = append(out, even, odd)
	}
	return out, nil
}

// writeMisses writes each result's misses as JSON lines tagged with the
// corpus, for reading what the resolver gets wrong.
func writeMisses(cfg *Config, results []geoeval.Result) error {
	enc := json.NewEncoder(cfg.Stdout)
	for _, r := range results {
		for _, m := range r.Misses {
			if err := enc.Encode(struct {
				Corpus string `json:"corpus"`
				geoeval.Miss
			}{r.Name, m}); err != nil {
				return fmt.Errorf("eval geo: write misses: %w", err)
			}
		}
	}
	return nil
}

// splitFilter keeps tuning honest: while rules are tuned, --split tune prints
// only the corpora tuning may look at, so held-out figures are never seen
// between changes.
func splitFilter(split string) (func(name string) bool, error) {
	tune := map[string]bool{"LGL": true, "GeoWebNews (even, tuned on)": true, "TR-News (even, tuned on)": true}
	heldout := map[string]bool{"GeoWebNews (odd, held out)": true, "TR-News (odd, held out)": true}
	switch split {
	case "all":
		return func(string) bool { return true }, nil
	case "tune":
		return func(n string) bool { return tune[n] }, nil
	case "heldout":
		return func(n string) bool { return heldout[n] }, nil
	}
	return nil, usageError{fmt.Errorf("eval geo: --split %q: want all, tune or heldout", split)}
}
