package cli

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/ingest"
)

// newEvalBodiesCmd measures body extraction on the article-extraction
// benchmark (181 real pages) with the benchmark's own metric: F1 over
// 4-token shingles, precision and recall averaged per page.
func newEvalBodiesCmd(cfg *Config) *cobra.Command {
	var datasets string
	var worst int
	cmd := &cobra.Command{
		Use:   "bodies",
		Short: "Score HTML body extraction against the article-extraction benchmark",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if datasets == "" {
				return usageError{fmt.Errorf("--datasets is required")}
			}
			return runEvalBodies(cfg, filepath.Join(datasets, "article-extraction"), worst)
		},
	}
	cmd.Flags().StringVar(&datasets, "datasets", "", "folder holding article-extraction/ (ground-truth.json, html/*.html.gz)")
	cmd.Flags().IntVar(&worst, "worst", 5, "list this many lowest-scoring pages")
	return cmd
}

// bodyPage is one benchmark page's scores.
type bodyPage struct {
	ID        string
	Extracted ingest.BodyScore // go-trafilatura's text
	Clean     ingest.BodyScore // sitrep's clean text without the title line
	Err       error
}

type bodiesReport struct {
	Extracted ingest.BodyMetrics `json:"extracted"`
	Clean     ingest.BodyMetrics `json:"clean"`
	// Over-cleaning: the true bodies are article text only, so every line
	// the plain-text cleaner drops from them is a false drop.
	TrueLines      int            `json:"true_body_lines"`
	FalseDrops     int            `json:"true_body_lines_dropped"`
	FalseDropRules map[string]int `json:"false_drops_by_rule"`
	Errors         int            `json:"errors"`
	Reference      string         `json:"reference"`
	Metric         string         `json:"metric"`
	Seconds        float64        `json:"seconds"`
}

func runEvalBodies(cfg *Config, dir string, worst int) error {
	truth, err := readBodyTruth(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("eval bodies: no html/*.html.gz under %s", dir)
	}
	start := time.Now()
	pages := scoreBodyPages(files, truth)
	rep := bodiesReport{
		Reference: "go-trafilatura 0.960 (benchmark README)",
		Metric:    "F1 over 4-token shingles, per-page normalised, as the benchmark's evaluate.py",
		Seconds:   time.Since(start).Seconds(),
	}
	var ext, cln []ingest.BodyScore
	for _, p := range pages {
		if p.Err != nil {
			rep.Errors++
			cfg.Logger.Warn("eval bodies: page failed", "page", p.ID, "err", p.Err)
		}
		ext, cln = append(ext, p.Extracted), append(cln, p.Clean)
	}
	rep.Extracted, rep.Clean = ingest.SummarizeBodies(ext), ingest.SummarizeBodies(cln)
	rep.TrueLines, rep.FalseDrops, rep.FalseDropRules = falseDrops(truth)
	if cfg.JSON {
		return json.NewEncoder(cfg.Stdout).Encode(rep)
	}
	printBodiesReport(cfg, rep, pages, worst)
	return nil
}

func printBodiesReport(cfg *Config, rep bodiesReport, pages []bodyPage, worst int) {
	w := tabwriter.NewWriter(cfg.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "text\tpages\tprecision\trecall\tF1\n")
	for _, r := range []struct {
		name string
		m    ingest.BodyMetrics
	}{{"go-trafilatura extract", rep.Extracted}, {"sitrep clean text", rep.Clean}} {
		fmt.Fprintf(w, "%s\t%d\t%.4f\t%.4f\t%.4f\n", r.name, r.m.Pages, r.m.Precision, r.m.Recall, r.m.F1)
	}
	w.Flush()
	fmt.Fprintf(cfg.Stdout, "errors: %d   time: %.1fs   metric: %s\nreference: %s\n", rep.Errors, rep.Seconds, rep.Metric, rep.Reference)
	fmt.Fprintf(cfg.Stdout, "over-cleaning: %d of %d lines of the true bodies dropped by the text cleaner %v\n", rep.FalseDrops, rep.TrueLines, rep.FalseDropRules)
	sort.Slice(pages, func(i, j int) bool { return pageF1(pages[i].Clean) < pageF1(pages[j].Clean) })
	for i := 0; i < worst && i < len(pages); i++ {
		fmt.Fprintf(cfg.Stdout, "  low: %s  F1 %.3f\n", pages[i].ID, pageF1(pages[i].Clean))
	}
}

// falseDrops runs the plain-text cleaner over the true article bodies and
// counts the lines it drops, by rule.
func falseDrops(truth map[string]bodyTruth) (lines, dropped int, byRule map[string]int) {
	byRule = map[string]int{}
	for _, t := range truth {
		_, ls := ingest.Clean(t.ArticleBody)
		for _, l := range ls {
			if l.Reason == "blank" {
				continue
			}
			lines++
			if l.Kind == article.KindDropped {
				dropped++
				byRule[l.Reason]++
			}
		}
	}
	return lines, dropped, byRule
}

func pageF1(s ingest.BodyScore) float64 {
	if s.TP == 0 {
		return 0
	}
	return 2 * s.TP / (2*s.TP + s.FP + s.FN)
}

type bodyTruth struct {
	URL         string `json:"url"`
	ArticleBody string `json:"articleBody"`
}

func readBodyTruth(path string) (map[string]bodyTruth, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval bodies: %w", err)
	}
	var truth map[string]bodyTruth
	if err := json.Unmarshal(data, &truth); err != nil {
		return nil, fmt.Errorf("eval bodies: %s: %w", path, err)
	}
	return truth, nil
}

// scoreBodyPages runs the pages on all cores; results keep file order.
func scoreBodyPages(files []string, truth map[string]bodyTruth) []bodyPage {
	out := make([]bodyPage, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = scoreBodyPage(files[i], truth)
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

func scoreBodyPage(file string, truth map[string]bodyTruth) bodyPage {
	id := strings.TrimSuffix(filepath.Base(file), ".html.gz")
	p := bodyPage{ID: id}
	t := truth[id]
	data, err := readGzip(file)
	if err != nil {
		p.Err = err
		return p
	}
	extracted, err := ingest.ExtractHTML(t.URL, data)
	p.Extracted = ingest.ScoreBody(t.ArticleBody, extracted)
	a, err2 := ingest.FromHTML(id, t.URL, data, ingest.Options{})
	p.Clean = ingest.ScoreBody(t.ArticleBody, bodyOnly(a))
	if err == nil {
		err = err2
	}
	p.Err = err
	return p
}

// bodyOnly is the clean text without the title line, which the benchmark's
// articleBody does not include.
func bodyOnly(a article.Article) string {
	var b strings.Builder
	for _, l := range a.Lines {
		if l.Start >= 0 && l.Kind != article.KindTitle {
			b.WriteString(a.Text[l.Start:l.End])
			b.WriteString("\n")
		}
	}
	return b.String()
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(io.LimitReader(zr, 64<<20))
}
