package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lowerHasPrefix is strings.HasPrefix(strings.ToLower(s), prefix) for a
// valid lower-case prefix, without the copy: s is read rune by rune (an
// invalid byte reads as utf8.RuneError, as ToLower reads it) and each rune
// lowered with unicode.ToLower, which is what ToLower does.
func lowerHasPrefix(s, prefix string) bool {
	for prefix != "" {
		if s == "" {
			return false
		}
		r, n := utf8.DecodeRuneInString(s)
		p, m := utf8.DecodeRuneInString(prefix)
		if unicode.ToLower(r) != p {
			return false
		}
		s, prefix = s[n:], prefix[m:]
	}
	return true
}

// lowerIs is strings.ToLower(s) == lower for a valid lower-case string.
func lowerIs(s, lower string) bool {
	return lowerHasPrefix(s, lower) && lowerLen(s) == len(lower)
}

// lowerLen is len(strings.ToLower(s)).
func lowerLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf8.RuneLen(unicode.ToLower(r))
	}
	return n
}

// appendLower writes strings.ToLower(s) to b.
func appendLower(b *strings.Builder, s string) {
	for _, r := range s {
		b.WriteRune(unicode.ToLower(r))
	}
}
