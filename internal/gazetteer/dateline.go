package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A dateline ("NEW YORK (AP) —", "CHARLESTON, W.Va. --", "(WASHINGTON) —")
// names the city a report was filed from: a town, not the state or
// province of the same name.

// datelineReach is how far into a text a dateline may sit: after a
// headline at most.
const datelineReach = 400

// datelineAt reports that the name at text[start:end] is a report's
// dateline: written in capitals at the start of the text or of a
// sentence or line, and followed (after an optional ", Qualifier") by a
// dash or an opening parenthesis.
func datelineAt(text string, start, end int) bool {
	if start >= datelineReach || end > len(text) || start >= end || !allCapitals(text[start:end]) {
		return false
	}
	before := strings.TrimRight(text[:start], " \t(")
	if before != "" && !strings.HasSuffix(before, ".") && !strings.HasSuffix(before, "\n") {
		return false
	}
	rest := text[end:]
	if strings.HasPrefix(rest, ",") { // "CHARLESTON, W.Va. --"
		k := strings.IndexAny(rest, "(-\u2014\u2013\n")
		if k < 0 || k > 30 || strings.Contains(rest[:k], ";") {
			return false
		}
		rest = rest[k:]
	}
	rest = strings.TrimLeft(rest, " )")
	return strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "-") ||
		strings.HasPrefix(rest, "\u2014") || strings.HasPrefix(rest, "\u2013")
}

// allCapitals reports a name with three letters or more, none lower
// case ("US —" is no dateline).
func allCapitals(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 3
}

// datelineHint is the kind hint of a dateline: a town, unless a type word
// says otherwise ("LAUREL COUNTY, Ky.", "PLYMOUTH CO.").
func datelineHint(text string, start, end int, h kindHint) kindHint {
	if h != hintNone || !datelineAt(text, start, end) {
		return h
	}
	if w := wordAfter(text, end); w == "co" || w == "county" || w == "parish" {
		return h
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); r == '.' {
		return h // "PLYMOUTH CO." read as far as "CO"
	}
	return hintTown
}
