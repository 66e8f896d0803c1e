package gazetteer

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
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
	if at := partOfAfter(text, end); at > 0 {
		if p, ok := g.cityAt(text, at); ok {
			return partAnchor{p, "gazetteer:city", partPossessive}, true
		}
	}
	if urbanAfter(text, end) {
		if p, ok := focusTown(hint.agg.mentionsFor(g, hint.Text)); ok {
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

// partOfAfter finds " district of Name" (or neighbourhood, quarter,
// suburb, borough) after end, with or without the word when the span
// holds it already, and returns where Name begins (0: none).
func partOfAfter(text string, end int) int {
	rest := text[end:]
	if w := wordAfter(text, end); urbanWords[w] || w == "district" {
		if len(rest) < len(w)+1 {
			return 0
		}
		rest = rest[1+len(w):]
	}
	r, ok := strings.CutPrefix(rest, " of ")
	if !ok {
		return 0
	}
	return len(text) - len(r)
}

// cityAt is the most populous city (of partCityPop or more) that the
// longest run of capitalised words at byte at names: "the Hodan district
// of Mogadishu" is a part of a city, whatever the type word says of the
// name after "of".
func (g *Gazetteer) cityAt(text string, at int) (Place, bool) {
	ends := wordEnds(text, at, maxAnchorWords)
	for k := len(ends) - 1; k >= 0; k-- {
		best := int32(-1)
		for _, i := range g.lookup(Normalize(text[at:ends[k]])) {
			if e := &g.entries[i]; e.level == levelPlace && e.Population >= partCityPop && (best < 0 || e.Population > g.entries[best].Population) {
				best = i
			}
		}
		if best >= 0 {
			return g.place(best), true
		}
	}
	return Place{}, false
}

// urbanAfter reports one of urbanWords after end, past a space, without
// allocating (Find asks it of every name).
func urbanAfter(text string, end int) bool {
	if end >= len(text) || text[end] != ' ' {
		return false
	}
	i := end + 1
	j := i
	for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		j++
	}
	if j-i < 6 || j-i > 13 {
		return false
	}
	for w := range urbanWords {
		if strings.EqualFold(text[i:j], w) {
			return true
		}
	}
	return false
}

// cityPossessive reports "the city's " (or the capital's, the town's)
// right before start, past one adjective.
func cityPossessive(text string, start int) bool {
	if start < 3 || text[start-1] != ' ' {
		return false
	}
	head := skipModifier(text[:start])
	for _, suf := range possessives {
		h, ok := strings.CutSuffix(head, suf)
		if !ok {
			continue
		}
		for _, w := range [...]string{" city", " capital", " town"} {
			if len(h) >= len(w) && strings.EqualFold(h[len(h)-len(w):], w) {
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
		if m.End <= start && strings.HasPrefix(m.Place.Kind, "P.") && m.Place.Population >= partTownPop && m.Score >= 0.5 && !strings.HasSuffix(m.Rule, "+part-of-town") {
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
	if m.Place.Kind == "P.PPLC" || m.Place.Population >= partCityPop {
		return m // "Washington's Kabul embassy": a city is no part of another
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
	out.Rule = "gazetteer:" + strings.ToLower(a.place.Kind) + "+part-of-town"
	return out
}

// partFound is Find's reading of the span sp when the text ties it to a
// town the first pass found (out): "Kabul's X", "the city's X", "X
// Borough". A first reading near the town stands (found false); else the
// reading near the town, else the town itself at precision 2, even when
// the far namesake would not have been reported at all.
func (g *Gazetteer) partFound(text string, sp span, out []Mention, best candidate, ok bool, st *resolveState) (Mention, bool) {
	a, found := partFoundAnchor(text, sp, out)
	if !found {
		return Mention{}, false
	}
	var m Mention
	if ok {
		m = g.mention(text, sp, best, 0, st, nil)
		if Distance(m.Place.Lat, m.Place.Lon, a.place.Lat, a.place.Lon) <= partFarKm {
			return Mention{}, false
		}
	} else {
		m = Mention{Start: sp.start, End: sp.end, Text: text[sp.start:sp.end], Score: 0.5}
		m.Place.Kind = "P.PPL" // no reading: the name is the town's part
	}
	r := g.partReading(m, a, sp.cands)
	if r.Place.ID == m.Place.ID || r.Place.ID == 0 {
		return Mention{}, false
	}
	return r, true
}

// partFoundAnchor is the town of out that the text ties the span to.
func partFoundAnchor(text string, sp span, out []Mention) (partAnchor, bool) {
	town := func(m Mention) bool {
		return strings.HasPrefix(m.Place.Kind, "P.") && m.Place.Population >= partTownPop && !strings.HasSuffix(m.Rule, "+part-of-town")
	}
	if at, cut := possessorBefore(text, sp.start); cut > at {
		for k := len(out) - 1; k >= 0 && out[k].End >= at; k-- {
			if out[k].Start == at && out[k].End == cut && town(out[k]) {
				return partAnchor{out[k].Place, out[k].Rule, partPossessive}, true
			}
		}
		return partAnchor{}, false
	}
	if cityPossessive(text, sp.start) {
		for k := len(out) - 1; k >= 0; k-- {
			if town(out[k]) {
				return partAnchor{out[k].Place, out[k].Rule, partPossessive}, true
			}
		}
		return partAnchor{}, false
	}
	if urbanAfter(text, sp.nameEnd) {
		if p, ok := focusTown(out); ok {
			return partAnchor{p, "gazetteer:city", partWord}, true
		}
	}
	return partAnchor{}, false
}

// focusTown is the city (of partCityPop or more) that ms name most;
// none when two cities are named as often (the story has no one city).
// Parts placed at their town do not count.
func focusTown(ms []Mention) (Place, bool) {
	counts := map[int64]int{}
	var best Place
	n, tie := 0, false
	for _, m := range ms {
		if !strings.HasPrefix(m.Place.Kind, "P.") || m.Place.Population < partCityPop || strings.HasSuffix(m.Rule, "+part-of-town") {
			continue
		}
		counts[m.Place.ID]++
		switch c := counts[m.Place.ID]; {
		case c > n:
			best, n, tie = m.Place, c, false
		case c == n && m.Place.ID != best.ID:
			tie = true
		}
	}
	return best, n > 0 && !tie
}

// ownsPartAfter reports a town's possessive before a capitalised name at
// end ("Kabul's Dasht-e-Barchi"): what happened there happened in a part
// of the town, at precision 2.
func ownsPartAfter(text string, end int) bool {
	rest := text[end:]
	for _, suf := range possessives {
		if strings.HasPrefix(rest, suf) {
			r, _ := utf8.DecodeRuneInString(rest[len(suf):])
			return unicode.IsUpper(r)
		}
	}
	return false
}
