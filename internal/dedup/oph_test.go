package dedup

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestDensifyFillsEveryBin: a text with fewer shingles than bins still
// gives a full signature, and every value is one of its own shingles'.
func TestDensifyFillsEveryBin(t *testing.T) {
	for _, n := range []int{1, 2, 7, 60} {
		sh := Shingles(strings.Join(words(0, n+DefaultShingle-1), " "), DefaultShingle)
		sig := OnePermutation(sh, DefaultHashes)
		own := map[uint64]bool{}
		for _, s := range sh {
			own[mix(s)&0xffffffff] = true
		}
		for i, v := range sig {
			if !own[v] {
				t.Fatalf("%d shingles: bin %d holds %x, not one of the set's hashes", n, i, v)
			}
		}
	}
}

// pairAt builds two shingle sets of about size elements whose exact
// Jaccard similarity is j.
func pairAt(rng *rand.Rand, size int, j float64) (a, b []uint64) {
	shared := int(math.Round(2 * j * float64(size) / (1 + j)))
	for range shared {
		x := rng.Uint64()
		a, b = append(a, x), append(b, x)
	}
	for range size - shared {
		a, b = append(a, rng.Uint64()), append(b, rng.Uint64())
	}
	return a, b
}

// TestSimilarityUnbiased: over many pairs the estimate's mean stays on the
// exact Jaccard similarity, for long texts and for short ones whose bins
// are mostly filled by densification.
func TestSimilarityUnbiased(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{30, 300} {
		for _, j := range []float64{0.2, 0.5, 0.8} {
			sum, exact := 0.0, 0.0
			const trials = 300
			for range trials {
				a, b := pairAt(rng, size, j)
				exact += Jaccard(a, b)
				sum += Similarity(OnePermutation(a, DefaultHashes), OnePermutation(b, DefaultHashes))
			}
			if d := math.Abs(sum-exact) / trials; d > 0.02 {
				t.Errorf("size %d, J %.1f: mean estimate off by %.3f", size, j, d)
			}
		}
	}
}

// TestBandCurve checks the LSH detection curve the defaults promise: a pair
// at the threshold nearly always shares DefaultMinShared band keys, an
// unrelated pair almost never does.
func TestBandCurve(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		j        float64
		min, max float64
	}{{0.5, 0.98, 1}, {0.65, 0.995, 1}, {0.05, 0, 0.01}, {0.02, 0, 0.002}} {
		hit := 0
		const trials = 1000
		for range trials {
			a, b := pairAt(rng, 250, tc.j)
			if shareKey(BandKeys(OnePermutation(a, DefaultHashes)), BandKeys(OnePermutation(b, DefaultHashes))) {
				hit++
			}
		}
		if p := float64(hit) / trials; p < tc.min || p > tc.max {
			t.Errorf("J %.2f: candidate rate %.3f, want in [%.3f, %.3f]", tc.j, p, tc.min, tc.max)
		}
	}
}

func shareKey(a, b []int64) bool {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
			}
		}
	}
	return n >= DefaultMinShared
}
