package dedup

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"punctuation splits", "Gunmen, al-Shabaab's fighters!", []string{"gunmen", "al", "shabaab", "s", "fighters"}},
		{"digits kept", "killed 12 on 3 May", []string{"killed", "12", "on", "3", "may"}},
		{"non-latin letters", "قتل 5 في الموصل", []string{"قتل", "5", "في", "الموصل"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Tokens(tt.in)); diff != "" {
				t.Errorf("Tokens mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		name string
		in   string
		k    int
		want int
	}{
		{"empty", "", 5, 0},
		{"shorter than k", "three short words", 5, 1},
		{"exact k", "one two three four five", 5, 1},
		{"sliding", "a b c d e f g", 5, 3},
		{"repeats collapse", "x y x y x y x y", 2, 2},
		{"k below one acts as one", "a b a", 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(Shingles(tt.in, tt.k)); got != tt.want {
				t.Errorf("len(Shingles(%q, %d)) = %d, want %d", tt.in, tt.k, got, tt.want)
			}
		})
	}
	if diff := cmp.Diff(Shingles("The Town", 1), Shingles("the town", 1)); diff != "" {
		t.Errorf("case should not matter (-upper +lower):\n%s", diff)
	}
}

// words builds a text of n distinct words starting at offset.
func words(offset, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("w%d", offset+i)
	}
	return out
}

func TestSimilarityEstimatesJaccard(t *testing.T) {
	base := words(0, 400)
	tests := []struct {
		name    string
		other   []string
		minJ    float64
		maxJ    float64
		maxDiff float64
	}{
		{"identical", base, 1, 1, 0},
		{"half overlap", append(append([]string{}, base[:200]...), words(1000, 200)...), 0.2, 0.5, 0.12},
		{"disjoint", words(5000, 400), 0, 0, 0.05},
	}
	a := Shingles(strings.Join(base, " "), DefaultShingle)
	sa := OnePermutation(a, DefaultHashes)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Shingles(strings.Join(tt.other, " "), DefaultShingle)
			j := Jaccard(a, b)
			if j < tt.minJ || j > tt.maxJ {
				t.Fatalf("Jaccard = %.3f, want in [%.2f, %.2f]", j, tt.minJ, tt.maxJ)
			}
			est := Similarity(sa, OnePermutation(b, DefaultHashes))
			if math.Abs(est-j) > tt.maxDiff {
				t.Errorf("estimate %.3f too far from exact %.3f", est, j)
			}
		})
	}
}

func TestMinHashDeterministic(t *testing.T) {
	text := "Militants attacked a checkpoint near the town on Tuesday, officials said."
	if diff := cmp.Diff(Sign(text), Sign(text)); diff != "" {
		t.Errorf("Sign not deterministic (-first +second):\n%s", diff)
	}
	if Sign("") != nil {
		t.Errorf("Sign(empty) should be nil")
	}
	if got := Similarity(Sign("a b c d e f"), nil); got != 0 {
		t.Errorf("Similarity with nil = %v, want 0", got)
	}
}

func TestBands(t *testing.T) {
	sig := Sign("Security forces said three soldiers died when a roadside bomb struck their patrol.")
	keys, err := Bands(sig, DefaultBands, DefaultRows)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != DefaultBands {
		t.Fatalf("got %d keys, want %d", len(keys), DefaultBands)
	}
	again := BandKeys(sig)
	if diff := cmp.Diff(keys, again); diff != "" {
		t.Errorf("Bands not deterministic (-first +second):\n%s", diff)
	}
	// The same rows in different bands must not share a key.
	flat := make(Signature, DefaultHashes)
	if fk := BandKeys(flat); fk[0] == fk[1] {
		t.Errorf("band index not mixed into key")
	}
	for _, br := range [][2]int{{0, 2}, {20, 0}, {65, 2}} {
		if _, err := Bands(sig, br[0], br[1]); err == nil {
			t.Errorf("Bands(sig, %d, %d): want error", br[0], br[1])
		}
	}
	if BandKeys(nil) != nil {
		t.Errorf("BandKeys(nil) should be nil")
	}
}

func TestEncodeDecode(t *testing.T) {
	sig := Sign("An explosion hit the market in the early hours of the morning.")
	got, err := Decode(sig.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sig, got); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	if _, err := Decode([]byte{1, 2, 3}); err == nil {
		t.Errorf("Decode of 3 bytes: want error")
	}
}

func BenchmarkSign(b *testing.B) {
	text := strings.Join(words(0, 600), " ")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Sign(text)
	}
}

// TestSignMatchesReference: Sign must give exactly the signature of
// OnePermutation over Shingles, which stored articles were signed with.
func TestSignMatchesReference(t *testing.T) {
	for _, text := range signCases {
		want := OnePermutation(Shingles(text, DefaultShingle), DefaultHashes)
		if diff := cmp.Diff(want, Sign(text)); diff != "" {
			t.Errorf("Sign(%q) differs from the reference (-want +got):\n%s", text, diff)
		}
	}
}

var signCases = []string{
	"", "   ", "one", "two words", "exactly five words in here", "Gunmen, al-Shabaab's fighters!",
	"ÉTAT İstanbul ǅemal Straße ΣΟΦΙΑ Ⅻ Ⓐ ⅻ 12 ٣ 三 الموصل قتل",
	"bad \xff\xfe utf8 \xc3 here and \uFFFD there, then more words after it",
	strings.Repeat("x y x y x y ", 20),
	signStory, "Updated: " + strings.Replace(signStory, "gunmen", "attackers", 1),
}

// signStory is a short report written for these tests.
const signStory = `Gunmen on motorcycles raided a cattle market outside the district town at dawn on Sunday,
killing nine traders and wounding several others, a local official said. Residents said the attackers
fled towards the forest before soldiers arrived; the army said it had launched a search of nearby villages.`

func FuzzSign(f *testing.F) {
	for _, c := range signCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := OnePermutation(Shingles(text, DefaultShingle), DefaultHashes)
		if got := Sign(text); !cmp.Equal(want, got) {
			t.Errorf("Sign(%q) = %v, reference %v", text, got, want)
		}
	})
}
