package gazetteer

import (
	"math"
	"strings"
)

// This file places the parts of a town (its neighbourhoods, districts,
// boroughs) that the text ties to the town but the gazetteer knows only
// as namesakes elsewhere: "Cairo's Abbasiya district" is no town in
// Israel, "Northumberland Park, Tottenham" no village in the north.

// partFarKm is how far from its town a reading of a part may lie before
// the reading is a namesake, not the part.
const partFarKm = 50

// partAnchor is the town a name is said to be part of, and how surely:
// a possessive ("Kabul's") or "the city's" places the name at the town
// when no reading lies near it; a comma or a borough word only picks a
// reading near the town over far ones, or places at the town a name whose
// reading elsewhere is a smaller place (the comma) or abroad (the word).
type partAnchor struct {
	place Place
	rule  string
	how   int
}

// How a name is tied to its town.
const (
	partPossessive = iota + 1 // "Kabul's X", "the city's X"
	partComma                 // "X, Tottenham"
	partWord                  // "X Borough" in a story about London
)

// partOf finds the town the name at [start, end) of the text is a part of.
func (g *Gazetteer) partOf(hint Context, start, end int) (partAnchor, bool) {
	text := hint.Text
	if at, cut := possessorBefore(text, start); cut > at {
		if m, ok := g.anchorAt(text, wordEnds(text[:cut], at, maxAnchorWords), at, hint); ok && strings.HasPrefix(m.Place.Kind, "P.") && m.Place.Population >= partTownPop {
			return partAnchor{m.Place, m.Rule, partPossessive}, true
		}
		return partAnchor{}, false
	}
	if cityPossessive(text, start) {
		if p, ok := g.townBefore(hint, start); ok {
			return partAnchor{p, "gazetteer:city", partPossessive}, true
		}
		return partAnchor{}, false
	}
	if at, n, weak := placeAfter(text, end); n > 0 && weak && strings.HasPrefix(text[end:], ", ") {
		ends := wordEnds(text, at, n) // the whole run: "Hornsey, Stoke Newington" is not in Stoke
		if m, ok := g.anchorAt(text, ends[len(ends)-1:], at, hint); ok && g.townAnchor(m, text) {
			return partAnchor{m.Place, m.Rule, partComma}, true
		}
	}
	if urbanWords[wordAfter(text, end)] {
		if p, ok := g.townBefore(hint, start); ok && p.Population >= partCityPop {
			return partAnchor{p, "gazetteer:city", partWord}, true
		}
	}
	return partAnchor{}, false
}

// partTownPop is the population of a town whose possessive makes the
// name after it one of its parts ("Kabul's", not a hamlet's "Trump's").
const partTownPop = 10000

// partCityPop is the population of a city whose boroughs and suburbs a
// story names without naming the city again.
const partCityPop = 100000

// urbanWords after a name make it a part of a city ("Enfield Borough",
// "the Hodan neighbourhood").
var urbanWords = map[string]bool{
	"neighbourhood": true, "neighborhood": true, "quarter": true, "suburb": true, "borough": true,
}

// cityPossessive reports "the city's " (or the capital's, the town's)
// right before start, past one adjective.
func cityPossessive(text string, start int) bool {
	head := strings.ToLower(skipModifier(text[:start]))
	for _, w := range []string{"city", "capital", "town"} {
		for _, suf := range possessives {
			if strings.HasSuffix(head, " "+w+suf) {
				return true
			}
		}
	}
	return false
}

// townBefore is the town the document names last before start (with
// some standing), else its focus town.
func (g *Gazetteer) townBefore(hint Context, start int) (Place, bool) {
	ms := hint.agg.mentionsFor(g, hint.Text)
	var last Place
	found := false
	for _, m := range ms {
		if m.End <= start && strings.HasPrefix(m.Place.Kind, "P.") && m.Place.Population >= partTownPop && m.Score >= 0.5 {
			last, found = m.Place, true
		}
	}
	if found {
		return last, true
	}
	p, ok := g.focusPlace(ms, "", mainCountry(ms, ""))
	return p, ok && strings.HasPrefix(p.Kind, "P.")
}

// partReading checks the reading m of a name tied to the town of a: a
// reading far from the town gives way to the nearest reading near it
// among cands, or to the town itself. It returns m unchanged when the
// tie says nothing.
func (g *Gazetteer) partReading(m Mention, a partAnchor, cands []int32) Mention {
	if m.Place.Kind == "A.PCLI" || m.Place.Kind == "A.ADM1" || m.Place.ID == a.place.ID {
		return m
	}
	if a.how == partComma && !strings.HasPrefix(m.Place.Kind, "P.") {
		return m // "Jefferson County, Colo.": a county is qualified, not placed, by what follows
	}
	if Distance(m.Place.Lat, m.Place.Lon, a.place.Lat, a.place.Lon) <= partFarKm {
		return m
	}
	bestD, best := math.Inf(1), int32(-1)
	for _, i := range cands {
		e := &g.entries[i]
		if e.level <= levelAdmin1 {
			continue
		}
		if d := Distance(e.Lat, e.Lon, a.place.Lat, a.place.Lon); d <= partFarKm && d < bestD {
			bestD, best = d, i
		}
	}
	if best >= 0 {
		out := m
		e := &g.entries[best]
		out.Place, out.Precision = g.place(best), g.precisionFor(e)
		out.Rule = "gazetteer:" + strings.ToLower(g.str(e.Kind)) + "+part-of-town"
		return out
	}
	switch a.how {
	case partComma:
		if m.Place.Population*10 > a.place.Population {
			return m // "Kabul, Kandahar" is a list
		}
	case partWord:
		if m.Place.CountryCode == a.place.CountryCode {
			return m
		}
	}
	out := m
	out.Place, out.Precision = a.place, 2
	out.Score = math.Round(m.Score*80) / 100
	out.Rule = a.rule + "+part-of-town"
	return out
}
