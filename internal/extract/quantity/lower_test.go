package quantity

import (
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
