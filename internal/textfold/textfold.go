// Package textfold holds the offset-preserving case folding that the
// extractor's matchers share: English lexicons are matched against a
// lower-cased copy of the text whose byte offsets still point into the
// original, so evidence spans need no mapping back.
package textfold

// ASCIILower lower-cases the ASCII letters of s and leaves every other byte
// as it is, so len and offsets are unchanged. It allocates once per text,
// and not at all when s has no ASCII capitals.
func ASCIILower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
