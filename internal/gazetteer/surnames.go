package gazetteer

import (
	"slices"
	"strings"
)

// dropNonPlaces removes from a scan's spans the names that the rest of
// the document shows are no places: dates (monthdates.go) and people.
func (g *Gazetteer) dropNonPlaces(text, low string, toks []token, brk []bool, spans []span) []span {
	return g.dropSurnames(low, toks, brk, dropDates(text, low, spans))
}

// dropSurnames removes the one-word names that the document also writes
// right after a given name ("Bill Campbell" ... "Campbell said"): in this
// document the word is a person's, and none of its mentions is the place
// (Campbell County) or says where the story is. Local news names many
// people whose surnames are towns and counties elsewhere; read as places
// they pull the document's real towns towards their namesakes. Names
// with a region, a country or a city of speakerMaxPop among their
// readings stay (George Washington does not take Washington away).
func (g *Gazetteer) dropSurnames(low string, toks []token, brk []bool, spans []span) []span {
	var buf [8]string
	after := buf[:0] // the words written right after a given name: few per document
	for i := 1; i < len(toks); i++ {
		t, p := toks[i], toks[i-1]
		if !brk[i] && t.cap && p.cap && g.words.given[strings.TrimSuffix(p.lower, ".")] && !slices.Contains(after, t.lower) {
			after = append(after, t.lower)
		}
	}
	if len(after) == 0 {
		return spans
	}
	var persons []string
	for _, sp := range spans {
		if w := low[sp.start:sp.nameEnd]; sp.tokens == 1 && !sp.caseless && slices.Contains(after, w) && !slices.Contains(persons, w) && g.surnameOK(sp.cands) {
			persons = append(persons, w)
		}
	}
	if len(persons) == 0 {
		return spans
	}
	out := spans[:0]
	for _, sp := range spans {
		if sp.tokens == 1 && !sp.caseless && slices.Contains(persons, low[sp.start:sp.nameEnd]) {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// surnameOK reports whether a name may be a person's throughout a
// document: none of its readings is a region, a country or a big city.
func (g *Gazetteer) surnameOK(cands []int32) bool {
	for _, c := range cands {
		if e := &g.entries[c]; e.level <= levelAdmin1 || e.Population >= speakerMaxPop {
			return false
		}
	}
	return true
}
