package ingest

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// cpuTime is the process's user+system CPU time so far. On a shared machine
// wall-clock rates understate a core's throughput; with -cpu 1 the process
// CPU time is the benchmark's own work plus its garbage collection.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rates reports articles per wall-clock second and per CPU second.
func rates(b *testing.B, n int, cpuStart time.Duration) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	if cpu := cpuTime() - cpuStart; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
	}
}

// benchText is a plain-text page of typical length (about 3 KB) with the
// usual furniture, written for the benchmark.
func benchText() []byte {
	var b strings.Builder
	b.WriteString(testTitle + "\n\nAdvertisement\n" + testTitle + "\n\n09-03-2020\nBy Sam Carter\nA+ A-\n\n")
	for range 5 {
		b.WriteString(testPara1 + "\n\n" + testPara2 + "\n\n" + testPara3 + "\n\n")
	}
	b.WriteString("Comments\nThe Herald moderates all comments.\nLeave a Comment\nRequired\n")
	return []byte(b.String())
}

// benchHTML is a news page of about 12 KB: head metadata, navigation, the
// article and a footer.
func benchHTML() []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><meta charset="utf-8"><title>` + testTitle + `</title><meta property="og:site_name" content="Coastal Herald"><meta property="article:published_time" content="2023-06-15T09:30:00Z"><script>var x = 1;</script><style>body{margin:0}</style></head><body><header><nav><ul>`)
	for _, s := range []string{"Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion"} {
		b.WriteString(`<li><a href="/` + s + `">` + s + `</a></li>`)
	}
	b.WriteString(`</ul></nav></header><main><article><h1>` + testTitle + `</h1><p class="byline">By Sam Carter</p>`)
	for range 8 {
		b.WriteString(`<p>` + testPara1 + `</p><p>` + testPara2 + `</p><p>` + testPara3 + `</p>`)
	}
	b.WriteString(`</article><aside><h2>Most read</h2><ul>`)
	for range 10 {
		b.WriteString(`<li><a href="/story">Another story about something else entirely</a></li>`)
	}
	b.WriteString(`</ul></aside></main><footer><p>Copyright 2023 Coastal Herald</p></footer></body></html>`)
	return []byte(b.String())
}

func BenchmarkFromText(b *testing.B) {
	data := benchText()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu, n := cpuTime(), 0
	for b.Loop() {
		if _, err := FromText("bench.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	rates(b, n, cpu)
}

func BenchmarkFromHTML(b *testing.B) {
	data := benchHTML()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu, n := cpuTime(), 0
	for b.Loop() {
		if _, err := FromHTML("bench.html", "https://news.example/a", data, Options{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	rates(b, n, cpu)
}

// BenchmarkFromHTMLBenchmarkPages runs the 181 real pages of the
// article-extraction benchmark (average ~100 KB each); skipped when the
// shared datasets are absent.
func BenchmarkFromHTMLBenchmarkPages(b *testing.B) {
	var pages [][]byte
	var total int64
	for _, p := range sharedtest.Pages(b, "datasets/article-extraction/html", 1) {
		pages = append(pages, p.HTML)
		total += int64(len(p.HTML))
	}
	b.SetBytes(total / int64(len(pages)))
	b.ReportAllocs()
	cpu, i := cpuTime(), 0
	for b.Loop() {
		_, _ = FromHTML("page.html", "", pages[i%len(pages)], Options{})
		i++
	}
	rates(b, i, cpu)
}
