package cli

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/ingest"
	"github.com/sitrep-org/sitrep/internal/sharedtest"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

// The benchmark's articles are generated from these phrase lists and
// generated names (written for it): every sentence draws each slot at
// random, so five-word shingles rarely repeat across articles and the
// near-duplicate check sees unrelated reports, as in a real feed.
var (
	benchSubjects = []string{"Gunmen", "Armed men on motorcycles", "Soldiers", "Suspected militants", "Unknown assailants",
		"Police officers", "Rebel fighters", "A crowd of youths", "Local militia members", "Bandits", "Herders", "Masked attackers"}
	benchVerbs = []string{"attacked", "raided", "opened fire on", "surrounded", "shelled", "stormed", "ambushed",
		"set fire to", "looted", "blockaded", "besieged", "overran"}
	benchObjects = []string{"a cattle market", "a police post", "the primary school", "a minibus", "a gold mining site",
		"a mosque", "farmers in their fields", "a church", "an army patrol", "a checkpoint", "the district office", "a displacement camp"}
	benchPlaces = []string{"Dawaro", "Kelemi", "Baranso", "Tuluma", "Ngaroua", "Selbeni", "Marwazi", "Oyapa", "Kintaru",
		"Haddal", "Sokoro", "Bellanga", "Fimbar", "Ourezi", "Tassawa", "Gidan Musa"}
	benchWhen = []string{"on Monday", "late on Tuesday", "at dawn on Wednesday", "overnight", "on Thursday evening",
		"early on Friday", "during Saturday prayers", "on Sunday afternoon", "last weekend", "before sunrise"}
	benchTails = []string{"killing %d people, a local official said", "leaving %d dead according to residents",
		"wounding %d civilians, hospital staff reported", "and abducted %d villagers, witnesses told reporters",
		"in an assault that lasted %d hours", "a week after %d soldiers died nearby", "forcing %d families to flee",
		"the regional governor confirmed, putting the toll at %d", "in which %d attackers were killed, the army claimed"}
)

func pick(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

// benchSyllables make the names of people and villages, two or three
// syllables each (about 8,000 names), so articles differ as real reports
// do: they tell of other places and people. Without them unrelated
// articles shared a twentieth of their shingles (real reports: almost
// none) and each new one met dozens of near-duplicate candidates.
var benchSyllables = strings.Fields("ka ra mo tu si ba ne lo gi da fa wu ye zo hi pe ma ku ri so")

func benchName(rng *rand.Rand) string {
	var b strings.Builder
	for range 2 + rng.IntN(2) {
		b.WriteString(pick(rng, benchSyllables))
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// benchArticle builds article i's plain text: a headline line and three
// paragraphs of four generated sentences.
func benchArticle(rng *rand.Rand, i int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s near %s, report %d\n\n", pick(rng, benchSubjects), pick(rng, benchVerbs),
		pick(rng, benchObjects), pick(rng, benchPlaces), i)
	for range 3 {
		for range 4 {
			fmt.Fprintf(&b, "%s from %s %s %s in %s %s, "+pick(rng, benchTails)+" (%s %s). ", pick(rng, benchSubjects), benchName(rng),
				pick(rng, benchVerbs), pick(rng, benchObjects), benchName(rng), pick(rng, benchWhen), rng.IntN(60)+1,
				benchName(rng), benchName(rng))
		}
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}

// benchIncidents makes n synthetic incidents citing the article's text.
// Dates and places vary with i, so merging sees the spread of a real feed
// rather than every report telling of one event.
func benchIncidents(a article.Article, i, n int) []incident.Incident {
	ins := make([]incident.Incident, n)
	for k := range ins {
		end := min(len(a.Text), 40*(k+1))
		day := (i*n + k) % 700
		ins[k] = incident.Incident{
			EventID: fmt.Sprintf("%s-%d", a.Source, k), EventDate: time.Date(2023, 1, 1+day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
			Country: "Mali", CountryCode: "ML", Location: benchPlaces[(i+k)%len(benchPlaces)], Actor1: "Unidentified Armed Group (Mali)",
			Actor2: "Civilians (Mali)", Fatalities: incident.Int(k + 1), Notes: a.Text[:end],
			Evidence: []incident.Evidence{{Field: "location", Start: 0, End: end, Quote: a.Text[:end], Rule: "bench"}},
		}
	}
	return ins
}

// benchHTMLPage wraps article i's generated text in a news page of about
// 12 KB, the size of BenchmarkFromHTML's page in internal/ingest: head
// metadata, a script and a style, navigation, the article with a byline
// and share links, "most read" and "related" boxes and a footer, so the
// extractor has furniture to remove as on a real page.
func benchHTMLPage(rng *rand.Rand, i int) []byte {
	text := strings.Split(strings.TrimSpace(string(benchArticle(rng, i))), "\n\n")
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s | Sahel Courier</title>`+
		`<meta name="viewport" content="width=device-width, initial-scale=1"><meta property="og:site_name" content="Sahel Courier">`+
		`<meta property="og:type" content="article"><meta property="article:published_time" content="2024-03-%02dT08:15:00Z">`+
		`<link rel="stylesheet" href="/static/site.css"><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}`+
		`gtag('js',new Date());gtag('config','G-000000');</script>`+
		`<style>body{font-family:serif;margin:0}.nav li{display:inline;margin:0 .5em}.story p{line-height:1.5}.most-read li{font-size:.9em}</style>`+
		`</head><body class="article-page"><header class="site-header"><a class="logo" href="/">Sahel Courier</a><nav class="nav"><ul>`,
		text[0], 1+i%28)
	for _, s := range []string{"Home", "News", "Regions", "Politics", "Security", "Economy", "Opinion", "Video",
		"Sport", "Culture", "Health", "Environment", "Podcasts", "Newsletters", "About"} {
		fmt.Fprintf(&b, `<li class="nav-item"><a class="nav-link" href="/section/%s">%s</a></li>`, strings.ToLower(s), s)
	}
	fmt.Fprintf(&b, `</ul></nav></header><main class="container"><article class="story"><h1 class="headline">%s</h1>`+
		`<p class="byline">By Staff Reporter</p><time datetime="2024-03-%02d">March %d, 2024</time>`, text[0], 1+i%28, 1+i%28)
	b.WriteString(`<div class="share"><a class="share-fb" href="#">Share</a> <a class="share-x" href="#">Tweet</a> <a class="share-mail" href="#">Email</a></div>`)
	for _, para := range text[1:] {
		b.WriteString(`<p>` + para + `</p>`)
	}
	b.WriteString(`</article>`)
	for _, box := range []string{"Most read", "Related stories", "More from Regions"} {
		fmt.Fprintf(&b, `<aside class="box"><h2>%s</h2><ol>`, box)
		for k := range 14 {
			fmt.Fprintf(&b, `<li class="box-item"><a class="box-link" href="/story/%d-%d">%s from %s %s %s</a> <span class="time">%d hours ago</span></li>`,
				i, k, pick(rng, benchSubjects), benchName(rng), pick(rng, benchVerbs), pick(rng, benchObjects), 1+k)
		}
		b.WriteString(`</ol></aside>`)
	}
	b.WriteString(`</main><footer class="site-footer"><p>Copyright 2024 Sahel Courier. All rights reserved.</p><ul class="footer-links">`)
	for _, s := range []string{"About us", "Contact", "Advertise", "Careers", "Privacy policy", "Terms of use", "Cookie settings", "Corrections"} {
		fmt.Fprintf(&b, `<li><a href="/%s">%s</a></li>`, strings.ReplaceAll(strings.ToLower(s), " ", "-"), s)
	}
	b.WriteString(`</ul></footer></body></html>`)
	return []byte(b.String())
}

// cpuTime is the process's user+system CPU time so far: with SQLite
// in-process (modernc, no cgo) this is the whole pipeline's cost, parse,
// clean, hashing, SQL and garbage collection, whatever the wall clock of a
// shared machine says.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// maxRSS is the process's peak resident set so far, in MB (Linux reports
// kilobytes). It never goes down, so a figure for one case comes from
// running that case alone (-bench with its full name).
func maxRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}

// heapMeter samples the Go heap every few articles and keeps the peak: the
// bytes of heap objects, live or dead but not yet swept, so what the
// process holds, not the live set alone. SQLite's page cache (64 MB at
// most per connection) is allocated outside the Go heap; maxrss-MB counts
// it.
type heapMeter struct {
	s    []metrics.Sample
	peak uint64
}

func newHeapMeter() *heapMeter {
	return &heapMeter{s: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}}
}

func (h *heapMeter) sample() {
	metrics.Read(h.s)
	if h.s[0].Value.Kind() == metrics.KindUint64 {
		h.peak = max(h.peak, h.s[0].Value.Uint64())
	}
}

// pipeMeter reports a pipeline benchmark's rates and memory: articles per
// wall-clock second, per CPU-second of the whole process (the per-core
// figure: on a shared 2-core machine wall time says more about the
// neighbours than about ingest), peak heap and peak RSS.
type pipeMeter struct {
	cpu  time.Duration
	heap *heapMeter
	n    int
}

func startMeter() *pipeMeter { return &pipeMeter{cpu: cpuTime(), heap: newHeapMeter()} }

func (m *pipeMeter) done() {
	m.n++
	if m.n%64 == 0 {
		m.heap.sample()
	}
}

func (m *pipeMeter) report(b *testing.B) {
	m.heap.sample()
	b.ReportMetric(float64(m.n)/b.Elapsed().Seconds(), "articles/s")
	if cpu := cpuTime() - m.cpu; cpu > 0 {
		b.ReportMetric(float64(m.n)/cpu.Seconds(), "articles/cpu-s")
	}
	b.ReportMetric(float64(m.heap.peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(maxRSS(), "maxrss-MB")
}

// BenchmarkIngestPipeline measures ingest's whole path: parse and clean
// (ingest.FromText, or ingest.FromHTML for a generated news page), then
// store, one transaction per article (save=single) or through a batch as
// `sitrep ingest` does (save=batch), without extraction and with none or
// two synthetic incidents per article. Every article is new text, so each
// save does the near-duplicate lookup and full-text indexing. The per-core
// rate is articles/cpu-s: articles per second of the process's CPU time.
// The store lives under TMPDIR (set TMPDIR=/dev/shm to take the disk out
// of the numbers).
func BenchmarkIngestPipeline(b *testing.B) {
	for _, format := range []string{"text", "html"} {
		for _, batch := range []bool{false, true} {
			for _, per := range []int{0, 2} {
				save := "single"
				if batch {
					save = "batch"
				}
				b.Run(fmt.Sprintf("format=%s/save=%s/incidents=%d", format, save, per), func(b *testing.B) {
					benchPipeline(b, format, per, batch)
				})
			}
		}
	}
}

// benchStore opens a fresh store and the saver a run writes through.
func benchStore(b *testing.B, batch bool) (*sqlite.DB, articleSaver, func()) {
	db, err := sqlite.Open(b.Context(), filepath.Join(b.TempDir(), "ingest.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	if !batch {
		return db, db, func() { _ = db.Close() }
	}
	bt := db.Batch()
	return db, bt, func() {
		if err := bt.Close(); err != nil {
			b.Error(err)
		}
		_ = db.Close()
	}
}

func benchPipeline(b *testing.B, format string, per int, batch bool) {
	ctx := b.Context()
	_, saver, closeStore := benchStore(b, batch)
	defer closeStore()
	rng := rand.New(rand.NewPCG(11, uint64(per)))
	b.ReportAllocs()
	m := startMeter()
	for b.Loop() {
		n := m.n
		var a article.Article
		var err error
		if format == "html" {
			a, err = ingest.FromHTML(fmt.Sprintf("d%d.html", n), fmt.Sprintf("https://news.example/a/%d", n), benchHTMLPage(rng, n), ingest.Options{})
		} else {
			a, err = ingest.FromText(fmt.Sprintf("d%d.txt", n), benchArticle(rng, n), ingest.Options{})
		}
		if err != nil {
			b.Fatal(err)
		}
		var ins []incident.Incident
		if per > 0 {
			ins = benchIncidents(a, n, per)
		}
		if _, err := saver.SaveArticle(ctx, &a, ins); err != nil {
			b.Fatal(err)
		}
		m.done()
	}
	m.report(b)
}

// BenchmarkIngestPipelinePages runs the real pages of the shared
// article-extraction benchmark (about 100 KB of HTML each) through parse,
// clean and a batched store, without incidents. A store sees each page
// once: after the last page the run goes on into a fresh store, outside
// the timer, so no save is a cheap repeat. Skipped when the shared
// datasets are absent.
func BenchmarkIngestPipelinePages(b *testing.B) {
	var pages [][]byte
	for _, p := range sharedtest.Pages(b, "datasets/article-extraction/html", 1) {
		pages = append(pages, p.HTML)
	}
	ctx := b.Context()
	_, saver, closeStore := benchStore(b, true)
	defer func() { closeStore() }()
	b.ReportAllocs()
	m := startMeter()
	for b.Loop() {
		i := m.n % len(pages)
		if i == 0 && m.n > 0 {
			b.StopTimer()
			closeStore()
			_, saver, closeStore = benchStore(b, true)
			b.StartTimer()
		}
		a, err := ingest.FromHTML(fmt.Sprintf("page%d.html", i), "", pages[i], ingest.Options{})
		if err == nil {
			if _, err := saver.SaveArticle(ctx, &a, nil); err != nil {
				b.Fatal(err)
			}
		} else if !errors.Is(err, ingest.ErrNoArticle) {
			b.Fatal(err)
		}
		m.done()
	}
	m.report(b)
}
