package ingest

import (
	"unicode"
	"unicode/utf8"
)

// countFields is len(strings.Fields(s)) without building the slice: the
// cleaner counts the words of every line several times, and those slices
// were a fifth of its allocations.
func countFields(s string) int { return countFieldsUpTo(s, len(s)) }

// countFieldsUpTo is min(countFields(s), limit), reading s only as far as
// it needs: the cleaner's tests ask "at least n words?" of long paragraphs.
func countFieldsUpTo(s string, limit int) int {
	n, inField := 0, false
	for i := 0; i < len(s) && n < limit; {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || '\t' <= c && c <= '\r' // strings.Fields' ASCII spaces
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}
