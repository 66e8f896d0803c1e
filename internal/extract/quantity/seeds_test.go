package quantity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// sentences is a rough splitter for tests: lines, then ". " boundaries.
func sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for _, s := range strings.SplitAfter(line, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

type kindN struct {
	kind string
	n    int
}

// TestSeeds checks the casualty figures of the gold incidents in the sample
// articles, and that the yearly statistics there are flagged, without
// copying their text.
func TestSeeds(t *testing.T) {
	dir := sharedtest.Dir(t, "seeds")
	tests := []struct {
		prefix string
		want   []kindN // figures that must be found outside statistics
	}{
		{"000_", []kindN{{Killed, 2}, {Wounded, 3}, {Killed, 12}}},
		{"001_", []kindN{{Killed, 5}, {Wounded, 5}}},
		{"002_", []kindN{{Killed, 7}, {"killed_or_arrested", 50}}},
		{"004_", []kindN{{Killed, 2}, {Killed, 25}}},
	}
	for _, tc := range tests {
		t.Run(tc.prefix, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(dir, tc.prefix+"*.txt"))
			if len(files) != 1 {
				t.Skipf("seed %s not found", tc.prefix)
			}
			b, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			found := map[kindN]bool{}
			for _, s := range sentences(string(b)) {
				for _, c := range Casualties(s) {
					stat := strings.Contains(strings.Join(c.Flags, ","), "statistic")
					if c.N >= 200 && !stat {
						t.Errorf("figure %d (%s) in %q is not flagged as a statistic", c.N, c.Kind, c.Text)
					}
					if !stat {
						found[kindN{c.Kind, c.N}] = true
					}
				}
			}
			for _, k := range tc.want {
				if !found[k] {
					t.Errorf("no %s count of %d; found %v", k.kind, k.n, found)
				}
			}
		})
	}
}

// BenchmarkCasualtiesSeeds reads every sentence of the sample articles once
// per iteration.
func BenchmarkCasualtiesSeeds(b *testing.B) {
	texts, n := sharedtest.Texts(b, "seeds", "*.txt")
	var ss []string
	for _, t := range texts {
		ss = append(ss, sentences(t)...)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range ss {
			Casualties(s)
		}
	}
}
