package quantity

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

func TestLowerASCIIMatchesTextfold(t *testing.T) {
	for _, s := range []string{"", "a", "Z", "AB", "abc", "ABC def GHI", "Élan ÖL", "x\xffY", "ends in CAPS", "Cap at start"} {
		if got, want := textfold.ASCIILower(s), textfold.ASCIILower(s); got != want {
			t.Errorf("textfold.ASCIILower(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestAppendTokensLower(t *testing.T) {
	for _, s := range []string{"", "Killed 3,500 Fighters", "Élan ÖL x\xffY al-Tarmiyah's", "Sunday's 2020-03-08"} {
		want := Tokenize(s)
		if got := AppendTokensLower([]Token{}, s, textfold.ASCIILower(s)); !reflect.DeepEqual(got, want) {
			t.Errorf("AppendTokensLower(%q) = %v, want %v", s, got, want)
		}
		if got := AppendTokensLower([]Token{}, s, s+"!"); !reflect.DeepEqual(got, want) {
			t.Errorf("AppendTokensLower(%q) with a lower of another length = %v, want %v", s, got, want)
		}
	}
}

// TestShapeFilters holds the shape filters to the sets they stand before:
// every word of the sets passes them, and canStartItem and wordValue
// answer as the plain look-ups do.
func TestShapeFilters(t *testing.T) {
	for w := range itemStarters {
		if !startShapes.may(w) {
			t.Errorf("startShapes rejects item starter %q", w)
		}
	}
	for w := range numberWords {
		if !startShapes.may(w) || !numberShapes.may(w) {
			t.Errorf("shapes reject number word %q", w)
		}
	}
	for w := range statStarters {
		if !statShapes.may(w) {
			t.Errorf("statShapes rejects statistic cue starter %q", w)
		}
	}
	plainWordValue := func(w string) (int, bool) {
		if v, ok := numberWords[w]; ok {
			return v, true
		}
		tens, unit, found := strings.Cut(w, "-")
		if !found {
			return 0, false
		}
		t, ok1 := numberWords[tens]
		u, ok2 := numberWords[unit]
		if !ok1 || !ok2 || t < 20 || t%10 != 0 || u == 0 || u > 9 {
			return 0, false
		}
		return t + u, true
	}
	text := "Zero, one or twenty-five of the several dozens; a few, his men, some 3,500 and thirty-zero x-ray al-Qaeda ÉTAT an ox"
	for _, tok := range Tokenize(text) {
		_, num := plainWordValue(tok.Lower)
		want := tok.Kind == Num || tok.Kind == Word && (itemStarters[tok.Lower] || num)
		if got := canStartItem(tok); got != want {
			t.Errorf("canStartItem(%q) = %v, want %v", tok.Text, got, want)
		}
		v1, ok1 := wordValue(tok.Lower)
		v2, ok2 := plainWordValue(tok.Lower)
		if v1 != v2 || ok1 != ok2 {
			t.Errorf("wordValue(%q) = %d, %v, want %d, %v", tok.Lower, v1, ok1, v2, ok2)
		}
	}
}

// TestParseNumberShapes holds parseNumber's shape test to the plain
// reading that tries every word phrase at every token.
func TestParseNumberShapes(t *testing.T) {
	plain := func(toks []Token, i int) (numPhrase, bool) {
		if i >= len(toks) {
			return numPhrase{}, false
		}
		for _, sp := range smallPhrases {
			if hasWords(toks, i, sp.words) {
				return numPhrase{n: sp.n, end: i + len(sp.words)}, true
			}
		}
		if v, ok := vagueWords[toks[i].Lower]; ok {
			end := i + 1
			if end < len(toks) && toks[end].Lower == "of" {
				end++
			}
			return numPhrase{n: v, round: true, end: end}, true
		}
		if p, ok := parseCardinal(toks, i); ok {
			return p, true
		}
		for _, words := range unknownPhrases {
			if hasWords(toks, i, words) {
				return numPhrase{n: -1, vague: true, end: i + len(words)}, true
			}
		}
		return numPhrase{}, false
	}
	text := "Half a dozen, a couple of, a pair of, a dozen, a score of, dozens of, tens, hundreds of, 3,500, two hundred and five, " +
		"twenty-five, a hundred, a number of, a few, a handful of, several, many, numerous, multiple, scores of, scores, some, few, countless, a lot of, none 1.5 million"
	toks := Tokenize(text)
	for i := 0; i <= len(toks); i++ {
		want, wok := plain(toks, i)
		if got, ok := parseNumber(toks, i); got != want || ok != wok {
			t.Errorf("parseNumber at %d = %+v, %v; want %+v, %v", i, got, ok, want, wok)
		}
	}
}

// scanWordRunes is scanWord decoding every rune, as it did before its
// ASCII table: the words it must find.
func scanWordRunes(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if isAlnum(r) || joins(text, i, r, w) {
			i += w
			continue
		}
		break
	}
	return i
}

// FuzzScanWord holds scanWord to scanWordRunes from every offset.
func FuzzScanWord(f *testing.F) {
	for _, s := range []string{"twenty-five al-Tarmiyah 3,500 2020-03-08 1.5 9/3", "a‑b Ünal’s 3,50 x,\xff-y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i := range len(text) {
			if got, want := scanWord(text, i), scanWordRunes(text, i); got != want {
				t.Fatalf("scanWord(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	})
}
