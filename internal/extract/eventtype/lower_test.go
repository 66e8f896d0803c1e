package eventtype

import (
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
