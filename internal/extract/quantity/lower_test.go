package quantity

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

func TestLowerASCIIMatchesTextfold(t *testing.T) {
	for _, s := range []string{"", "a", "Z", "AB", "abc", "ABC def GHI", "Élan ÖL", "x\xffY", "ends in CAPS", "Cap at start"} {
		if got, want := lowerASCII(s), textfold.ASCIILower(s); got != want {
			t.Errorf("lowerASCII(%q) = %q, want %q", s, got, want)
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
