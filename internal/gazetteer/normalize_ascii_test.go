package gazetteer

import (
	"strings"
	"testing"
)

// TestNormalizeASCIIMatchesGeneral checks the fast path against the general
// rule on every ASCII name and alias spelling the gazetteer holds, and on
// phrases of several names.
func TestNormalizeASCIIMatchesGeneral(t *testing.T) {
	g := loadTest(t)
	check := func(s string) {
		t.Helper()
		if !isASCII(s) {
			return
		}
		if got, want := normalizeASCII(s), normalizeGeneral(s); got != want {
			t.Errorf("normalizeASCII(%q) = %q, want %q", s, got, want)
		}
	}
	for i := range g.entries {
		check(g.str(g.entries[i].Name))
		if i%50 == 0 && i+2 < len(g.entries) {
			check(g.str(g.entries[i].Name) + " al-" + g.str(g.entries[i+1].Name) + " Province")
		}
	}
	for _, s := range []string{"", " ", "'", "Qarachogh Mountains", "Muhafazat Karbala'", "Deir Ezzor",
		"Salah ad-Din Province", "Al Anbar", "al", "Province", "Ar Raqqah", strings.Repeat("Abu ", 20) + "Dhabi"} {
		check(s)
	}
}

func FuzzNormalizeASCII(f *testing.F) {
	for _, s := range []string{"Makhmour", "Deir ez-Zor", "Salah ad Din", "Kirkuk Governorate", "a-b-c", "Qqq  hh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		if got, want := normalizeASCII(s), normalizeGeneral(s); got != want {
			t.Errorf("normalizeASCII(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestFoldEqualMatchesFoldSimple checks the allocation-free comparison
// against foldSimple on gazetteer names paired with their neighbours.
func TestFoldEqualMatchesFoldSimple(t *testing.T) {
	g := loadTest(t)
	for i := 0; i+1 < len(g.entries); i += 7 {
		a, b := g.str(g.entries[i].Name), g.str(g.entries[i+1].Name)
		for _, fold := range []string{foldSimple(a), foldSimple(b), foldSimple("al " + a)} {
			if got, want := foldEqual(a, fold), foldSimple(a) == fold; got != want {
				t.Errorf("foldEqual(%q, %q) = %v, want %v", a, fold, got, want)
			}
		}
	}
}

func FuzzFoldEqual(f *testing.F) {
	f.Add("Al Anbar", "anbar")
	f.Add("Karbala'", "karbala")
	f.Add("al", "al")
	f.Fuzz(func(t *testing.T, name, other string) {
		fold := foldSimple(other)
		if got, want := foldEqual(name, fold), foldSimple(name) == fold; got != want {
			t.Errorf("foldEqual(%q, %q) = %v, want %v", name, fold, got, want)
		}
	})
}

// TestLongNamePrefix checks the invariant the scan's long-name filter
// relies on: the normal form of a name's first two words, less its last
// letter, begins the name's own key.
func TestLongNamePrefix(t *testing.T) {
	g := loadTest(t)
	checked := 0
	for i := range g.entries {
		name := g.str(g.entries[i].Name)
		toks, _ := tokenize(name)
		if len(toks) < 3 || !isASCII(toks[0].lower) || articles[toks[0].lower] || typePrefixes[toks[0].lower] || connectors[toks[0].lower] {
			continue
		}
		p := Normalize(name[toks[0].start:toks[1].end])
		if len(p) < 2 {
			continue
		}
		checked++
		if key := Normalize(name); !strings.HasPrefix(key, p[:len(p)-1]) {
			t.Errorf("key %q of %q does not begin with %q", key, name, p[:len(p)-1])
		}
	}
	if checked == 0 {
		t.Fatal("no names of three words checked")
	}
}
