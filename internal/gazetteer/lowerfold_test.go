package gazetteer

import (
	"strings"
	"testing"
)

// The allocation-free helpers must agree with strings.ToLower on every
// input, including letters whose lower case is ASCII and invalid bytes.
func TestLowerFoldHelpers(t *testing.T) {
	inputs := []string{"", "Nord", "NORD-Kivu", "nord", "Est", "\u212Aivu", "kivu", "İdlib", "idlib", "Région du Centre",
		"RÉGION DE la Mer", "région", "Sud\xff", "sud\ufffd", "ouest", "OUEST Province", "ſud"}
	for _, s := range inputs {
		for _, p := range append([]string{"nord", "sud", "est", "ouest", "kivu", "i", "région du ", "province de "}, inputs...) {
			low := strings.ToLower(p)
			t.Run(s+"|"+low, func(t *testing.T) {
				if got, want := lowerHasPrefix(s, low), strings.HasPrefix(strings.ToLower(s), low); got != want {
					t.Errorf("lowerHasPrefix = %v, want %v", got, want)
				}
				if got, want := lowerIs(s, low), strings.ToLower(s) == low; got != want {
					t.Errorf("lowerIs = %v, want %v", got, want)
				}
			})
		}
		t.Run(s+"|append", func(t *testing.T) {
			var b strings.Builder
			appendLower(&b, s)
			if b.String() != strings.ToLower(s) {
				t.Errorf("appendLower = %q, want %q", b.String(), strings.ToLower(s))
			}
		})
	}
}
