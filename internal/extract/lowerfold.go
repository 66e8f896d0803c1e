package extract

import (
	"unicode"
	"unicode/utf8"
)

// lowerEqual reports whether strings.ToLower(a) == strings.ToLower(b)
// without building either: both are read rune by rune (an invalid byte
// reads as utf8.RuneError, as ToLower reads it) and each rune lowered with
// unicode.ToLower, which is what ToLower does.
func lowerEqual(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

// lowerCut returns s less a leading prefix, compared as strings.ToLower(s)
// would be, and whether it was there. prefix must be lower-case ASCII.
func lowerCut(s, prefix string) (string, bool) {
	i := 0
	for k := 0; k < len(prefix); k++ {
		if i >= len(s) {
			return s, false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.ToLower(r) != rune(prefix[k]) {
			return s, false
		}
		i += n
	}
	return s[i:], true
}

// hasLowerPrefix is strings.HasPrefix(strings.ToLower(s), prefix) for a
// lower-case ASCII prefix, without the copy.
func hasLowerPrefix(s, prefix string) bool {
	_, ok := lowerCut(s, prefix)
	return ok
}
