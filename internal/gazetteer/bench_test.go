package gazetteer

import (
	"runtime"
	"strings"
	"testing"
)

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadMemory reports the heap a loaded gazetteer holds.
func BenchmarkLoadMemory(b *testing.B) {
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = Load(); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-inuse-MB")
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
	runtime.KeepAlive(g)
}

func BenchmarkFind(b *testing.B) {
	g := loadTest(b)
	doc := strings.Repeat("Insurgents attacked an army post near Tikrit in Salahuddin province on Monday, "+
		"while officials in Baghdad and Erbil said Donald Trump had called. Fighting continued around Raqqa, Syria. ", 10)
	b.SetBytes(int64(len(doc)))
	n := 0
	for b.Loop() {
		n += len(g.Find(doc))
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "mentions/s")
}
