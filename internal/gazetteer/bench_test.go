//go:build unix

package gazetteer

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// BenchmarkLoad also reports the CPU time per load, which stays meaningful
// on a busy machine where wall time does not.
func BenchmarkLoad(b *testing.B) {
	start := cpuTime()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLoadMemory reports the heap one loaded gazetteer holds.
func BenchmarkLoadMemory(b *testing.B) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	g, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		g.Find("Mosul")
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse-before.HeapInuse)/(1<<20), "heap-inuse-MB")
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
	runtime.KeepAlive(g)
}

func BenchmarkFind(b *testing.B) {
	g := loadTest(b)
	doc := strings.Repeat("Insurgents attacked an army post near Tikrit in Salahuddin province on Monday, "+
		"while officials in Baghdad and Erbil said Donald Trump had called. Fighting continued around Raqqa, Syria. ", 10)
	b.SetBytes(int64(len(doc)))
	n := 0
	start := cpuTime()
	for b.Loop() {
		n += len(g.Find(doc))
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "mentions/s")
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/float64(b.N), "cpu-µs/op")
}

// BenchmarkFindSeeds runs Find over the five seed articles (about 3 KB
// each), reporting CPU time per article, which stays meaningful while other
// builds share the machine.
func BenchmarkFindSeeds(b *testing.B) {
	g := loadTest(b)
	root := sharedtest.RepoRoot(b)
	paths, _ := filepath.Glob(filepath.Join(root, "..", "shared", "seeds", "*.txt"))
	var docs []string
	size := 0
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			docs = append(docs, string(data))
			size += len(data)
		}
	}
	if len(docs) == 0 {
		b.Skip("no seed articles in ../shared/seeds")
	}
	b.SetBytes(int64(size / len(docs)))
	start := cpuTime()
	k := 0
	for b.Loop() {
		g.Find(docs[k%len(docs)])
		k++
	}
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/float64(b.N), "cpu-µs/op")
}
