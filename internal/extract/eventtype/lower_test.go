package eventtype

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lowerBytewise is lowerASCIIish written the slow, obvious way.
func lowerBytewise(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if l := unicode.ToLower(r); r != utf8.RuneError && utf8.RuneLen(l) == n {
			b.WriteRune(l)
		} else {
			b.WriteString(text[i : i+n])
		}
		i += n
	}
	return b.String()
}

func TestLowerASCIIishKeepsOffsets(t *testing.T) {
	for _, s := range []string{"", "a", "Z", "ABC def GHI", "Élan vital ÖL", "İstanbul \u212A", "bad\xffBYTE", "ends in CAPS", "ŞANLIURFA, Türkiye"} {
		t.Run(s, func(t *testing.T) {
			got := lowerASCIIish(s)
			if want := lowerBytewise(s); got != want {
				t.Errorf("lowerASCIIish(%q) = %q, want %q", s, got, want)
			}
			if len(got) != len(s) {
				t.Errorf("length changed: %d -> %d", len(s), len(got))
			}
		})
	}
}

// TestRankLowerTakesSpans holds RankLower, given its span of one folded
// copy of a longer text, to Rank folding the span itself.
func TestRankLowerTakesSpans(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "ŞANLIURFA, Türkiye — Gunmen KILLED two police officers on Monday. Élan vital. " +
		"Militants shelled the town’s market, and protesters marched in İstanbul.\xff Troops clashed."
	lower := Lower(text)
	for start := 0; start < len(text); start++ {
		for _, end := range []int{start, start + 7, start + 40, len(text)} {
			end = min(end, len(text))
			if !utf8.RuneStart(text[start]) || end < len(text) && !utf8.RuneStart(text[end]) {
				continue
			}
			want := c.Rank(text[start:end])
			got := c.RankLower(text[start:end], lower[start:end])
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("RankLower of [%d:%d] = %+v, Rank = %+v", start, end, got, want)
			}
		}
	}
}

// tokenizeRunes is the tokenizer's word loop written rune by rune: the
// words and their digits-only flags it must find.
func tokenizeRunes(lower string) [][2]int {
	var out [][2]int
	for i := 0; i < len(lower); {
		r, n := utf8.DecodeRuneInString(lower[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		start, num := i, true
		for i < len(lower) {
			r, n := utf8.DecodeRuneInString(lower[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				num = num && '0' <= r && r <= '9'
				i += n
				continue
			}
			if (r == ',' || r == '.') && i+1 < len(lower) && num && lower[i+1] >= '0' && lower[i+1] <= '9' {
				i++
				continue
			}
			break
		}
		out = append(out, [2]int{start, btoi(num)})
		if i+1 < len(lower) && lower[i] == '\'' && lower[i+1] == 's' && (i+2 == len(lower) || !isLetter(lower[i+2])) {
			i += 2
		} else if i+3 < len(lower) && lower[i:i+3] == "\u2019" && lower[i+3] == 's' && (i+4 == len(lower) || !isLetter(lower[i+4])) {
			i += 4
		}
	}
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FuzzTokenizeWords holds the tokenizer's byte loops to tokenizeRunes, and
// its name flag to the rune-by-rune reading of isName.
func FuzzTokenizeWords(f *testing.F) {
	for _, s := range []string{"Gunmen killed 1,200 in U.S. towns.", "ŞANLIURFA’s 2.5 Élan", "bad\xffBYTE 3,4a Ab1 aB", "İstanbul \u212Aelvin Dž"} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := c.rs.tokenize(text, "", nil)
		want := tokenizeRunes(lowerASCIIish(text))
		if len(toks) != len(want) {
			t.Fatalf("%q: %d tokens, want %d", text, len(toks), len(want))
		}
		for k, tk := range toks {
			if tk.start != want[k][0] || btoi(tk.num) != want[k][1] {
				t.Fatalf("%q: token %d at %d (num %v), want %v", text, k, tk.start, tk.num, want[k])
			}
			w := text[tk.start:tk.end]
			r, n := utf8.DecodeRuneInString(w)
			name := unicode.IsUpper(r) && strings.ContainsFunc(w[n:], unicode.IsLower)
			if isName(w) != name {
				t.Fatalf("isName(%q) = %v, want %v", w, isName(w), name)
			}
		}
	})
}
