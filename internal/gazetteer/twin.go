package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// twinCityPop is the population of a city that a bare locative means
// over the first-level region of the same name around it ("met the
// minister in New York" is the city, not the state).
const twinCityPop = 1000000

// twinLocatives are the words before a name that make it the place where
// something is, happens or goes.
var twinLocatives = map[string]bool{"in": true, "at": true, "from": true, "to": true}

// twinCity reads the name at [start, end) as the great city of the
// region best when the region's reading won only by being the region:
// the name follows a locative ("in", "from"), no type word or region
// list says otherwise ("New York state", "in New York and New Jersey"),
// and a city of twinCityPop or more with the name lies in that very
// region. It returns the candidate to report (best when nothing changes).
func (g *Gazetteer) twinCity(text string, start, end int, cands []int32, best int32, hint kindHint) int32 {
	e := &g.entries[best]
	if e.level != levelAdmin1 || hint != hintNone || len(cands) < 2 || start < 1 || end > len(text) {
		return best
	}
	city := int32(-1)
	for _, i := range cands {
		if c := &g.entries[i]; c.level == levelPlace && c.Population >= twinCityPop && g.str(c.Admin1Code) == g.str(e.Admin1Code) {
			city = i
		}
	}
	if city < 0 {
		return best
	}
	var buf [1]string
	if ws := wordsBeforeInto(buf[:], text, start); len(ws) != 1 || !twinLocatives[ws[0]] || text[start-1] != ' ' {
		return best
	}
	if w := wordAfter(text, end); w == "state" || regionListAfter(text, end) || nameGoesOn(text, end) {
		return best
	}
	return city
}

// regionListAfter reports " and Name", " or Name" or ", Name" after end:
// a list, which may be one of regions ("New York and New Jersey").
func regionListAfter(text string, end int) bool {
	rest := text[end:]
	for _, sep := range []string{" and ", " or ", ", "} {
		if r, ok := strings.CutPrefix(rest, sep); ok {
			c, _ := utf8.DecodeRuneInString(r)
			return unicode.IsUpper(c)
		}
	}
	return false
}

// nameGoesOn reports a capitalised word right after end, other than a
// day or month: the name is part of a longer one ("at New York Public
// Library"), unlike "in New York Saturday".
func nameGoesOn(text string, end int) bool {
	r, ok := strings.CutPrefix(text[end:], " ")
	if !ok {
		return false
	}
	c, _ := utf8.DecodeRuneInString(r)
	return unicode.IsUpper(c) && !calendarWords[wordAfter(text, end)]
}

// calendarWords are the days and months, capitalised in running text.
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}
