package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// qualifierPosition reports an abbreviation standing where a town's state
// or province stands: right after "Town, " ("Melville, Sask.", "Holliday,
// MO"), written with a full stop or in two to four capitals, and readable
// as a first-level region but as no country. There it names the region,
// not a town that GeoNames spells the same way (La. is Louisiana, not Los
// Angeles). Only such a span is looked up, so the common case costs a
// byte compare.
func (g *Gazetteer) qualifierPosition(text string, start, end int) bool {
	if start < 3 || end > len(text) || start >= end || text[start-2:start] != ", " {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:start-2]); !unicode.IsLetter(r) {
		return false
	}
	name := text[start:end]
	form := abbreviationForm(name, text[end:])
	if form == notAbbrev {
		return false
	}
	admin1 := false
	for _, i := range g.lookup(Normalize(name)) {
		e := &g.entries[i]
		switch {
		case e.level == levelCountry:
			return false // "Paris, UK"
		case e.level == levelAdmin1 && (form != stopAfter || shortensName(name, g.str(e.Name))):
			admin1 = true
		}
	}
	return admin1 && capitalisedBefore(text, start-2)
}

// shortensName reports that name could be an abbreviation of full: it has
// full's initial and is at least three letters shorter ("Alta" of
// Alberta, but not "Basra" of Al Basrah at the end of a list of towns).
func shortensName(name, full string) bool {
	return len(name) > 0 && len(full) >= len(name)+3 && strings.EqualFold(full[:1], name[:1])
}

// abbreviation forms a span can have.
const (
	notAbbrev = iota
	dotted    // "Calif.", "N.S.W."
	capitals  // "MO", "NSW"
	stopAfter // "Alta" before a full stop: an abbreviation or a sentence's end
)

// abbreviationForm says whether a short word is written as an
// abbreviation: with full stops ("Calif.", "N.S.W.", "W. Va."), in two to four
// capitals ("MO", "NSW"), or short before a full stop that the span left
// out (rest is the text after it).
func abbreviationForm(name, rest string) int {
	if len(name) > 8 {
		return notAbbrev
	}
	letters, caps, dots := 0, 0, 0
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '.':
			dots++
		case c == ' ' && i > 0 && name[i-1] == '.': // "W. Va."
		case c >= 'A' && c <= 'Z':
			letters++
			caps++
		case c >= 'a' && c <= 'z':
			letters++
		default:
			return notAbbrev
		}
	}
	switch {
	case caps == 0:
		return notAbbrev
	case dots > 0:
		return dotted
	case caps == letters && letters >= 2 && letters <= 4:
		return capitals
	case letters <= 5 && len(rest) > 0 && rest[0] == '.':
		return stopAfter
	}
	return notAbbrev
}

// capitalisedBefore reports a capitalised word ending at byte i: the town
// a qualifier follows.
func capitalisedBefore(text string, i int) bool {
	j := i
	for j > 0 {
		r, sz := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && r != '.' && r != '\'' {
			break
		}
		j -= sz
	}
	r, _ := utf8.DecodeRuneInString(text[j:i])
	return j < i && unicode.IsUpper(r)
}
