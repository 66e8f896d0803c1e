package quantity

import (
	"reflect"
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
