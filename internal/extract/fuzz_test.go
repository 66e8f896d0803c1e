package extract

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/ingest"
	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// FuzzExtract holds Extract to its contract on any text: no panic, no
// error with complete resources, and every evidence span inside the text
// quoting exactly what it points at.
func FuzzExtract(f *testing.F) {
	r := resources(f)
	for _, text := range testArticleTexts(f) {
		f.Add(text, "2023-05-02")
	}
	f.Add("Gunmen killed 3. people on Monday in Kabul.", "")
	f.Add("\xff\xfe\x00 ISIS \u201cattack\u201d on", "2020-01-01")
	f.Add("A. B. C. D.\n\n\nthe attack the attack, and the attack; while", "1999-12-31")
	f.Fuzz(func(t *testing.T, text, published string) {
		a := testArticle("fuzz.txt", text, published, "Fuzz")
		got, err := Extract(a, r)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		for _, in := range got {
			for _, e := range in.Evidence {
				if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Quote {
					t.Fatalf("evidence %+v outside or misquoting the text", e)
				}
			}
			if in.EventID == "" || in.EventType == "" || (in.CountryCode == "" && !slices.Contains(in.Tags, "unplaced")) {
				t.Fatalf("incident without id, type or country: %+v", in)
			}
		}
	})
}

// TestExtractWithoutLines reads an article that has no line records (as
// from a JSONL source) as body text.
func TestExtractWithoutLines(t *testing.T) {
	r := resources(t)
	text := "Gunmen killed four villagers in Kaduna state on Sunday, police said."
	a := testArticle("plain.txt", "Title\n"+text, "2021-06-21", "")
	a.Lines = nil
	got, err := Extract(a, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Fatalities == nil || *got[0].Fatalities != 4 {
		t.Fatalf("got %d incidents (%s), want one with 4 killed", len(got), summary(got))
	}
}

// TestExtractIncompleteResources fails cleanly without resources.
func TestExtractIncompleteResources(t *testing.T) {
	if _, err := Extract(testArticle("x", "x", "", ""), Resources{}); err == nil {
		t.Fatal("Extract with no resources succeeded")
	}
}

// TestEventIDStable gives the same identifiers to the same article twice.
func TestEventIDStable(t *testing.T) {
	r := resources(t)
	text := "Title\nA roadside bomb killed two soldiers near Kandahar on Tuesday, officials said."
	a := testArticle("id.txt", text, "2022-03-03", "")
	x, _ := Extract(a, r)
	y, _ := Extract(a, r)
	if len(x) == 0 || len(x) != len(y) || x[0].EventID != y[0].EventID {
		t.Fatalf("ids differ or no incident: %v %v", x, y)
	}
}

// BenchmarkExtract measures articles per second through the whole
// extractor, gazetteer included, over the test articles.
func BenchmarkExtract(b *testing.B) {
	r := resources(b)
	arts := testArticleTexts(b)
	total := 0
	for _, text := range arts {
		total += len(text)
	}
	b.SetBytes(int64(total / len(arts)))
	b.ResetTimer()
	i := 0
	for b.Loop() {
		text := arts[i%len(arts)]
		i++
		if _, err := Extract(testArticle("bench.txt", text, "2023-05-02", "Bench"), r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractLong runs one long report (all test articles, twenty
// times over): extraction must stay near-linear in the text's length.
func BenchmarkExtractLong(b *testing.B) {
	r := resources(b)
	arts := testArticleTexts(b)
	var sb []byte
	for k := 0; k < 20; k++ {
		for _, text := range arts {
			sb = append(sb, text...)
			sb = append(sb, '\n')
		}
	}
	a := testArticle("long.txt", string(sb), "2023-05-02", "Bench")
	b.SetBytes(int64(len(sb)))
	for b.Loop() {
		if _, err := Extract(a, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractSeeds runs the five seed reports (full news pages, a few
// kilobytes each) through ingest's cleaning and Extract.
func BenchmarkExtractSeeds(b *testing.B) {
	seeds, _ := sharedtest.Find("seeds")
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(files) == 0 {
		b.Skip("seed articles not available")
	}
	r := resources(b)
	var arts []article.Article
	total := 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		a, err := ingest.FromText(p, data, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		total += len(a.Text)
	}
	b.SetBytes(int64(total / len(arts)))
	// Each seed once before the clock starts: what is loaded at first use
	// (the region outlines, read at the first "northern ...") is a cost of
	// loading, not of every article, and would otherwise weigh on the
	// first -count's figure only.
	for _, a := range arts {
		if _, err := Extract(a, r); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	start := cpuTime()
	for b.Loop() {
		if _, err := Extract(arts[i%len(arts)], r); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	reportCPU(b, start)
}

// reportCPU adds the process CPU time per article since start, and its
// inverse, to a benchmark: the per-core figure, which on a shared machine
// holds where wall time does not. The garbage collector's background work
// is included.
func reportCPU(b *testing.B, start time.Duration) {
	if start == 0 {
		return
	}
	cpu := (cpuTime() - start).Seconds()
	if cpu <= 0 {
		return
	}
	b.ReportMetric(cpu*1e6/float64(b.N), "cpu-us/op")
	b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
}
