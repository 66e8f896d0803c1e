// Package textfold holds the offset-preserving case folding that the
// extractor's matchers share: English lexicons are matched against a
// lower-cased copy of the text whose byte offsets still point into the
// original, so evidence spans need no mapping back.
package textfold

import "strings"

// ASCIILower lower-cases the ASCII letters of s and leaves every other byte
// as it is, so len and offsets are unchanged. It allocates once per text,
// writing the folded copy straight into a strings.Builder, and not at all
// when s has no ASCII capitals.
func ASCIILower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i < len(s) {
		b.WriteString(s[:i]) // a run without capitals, copied whole
		b.WriteByte(s[i] + 'a' - 'A')
		s, i = s[i+1:], 0
		for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
			i++
		}
	}
	b.WriteString(s)
	return b.String()
}
