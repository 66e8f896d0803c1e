package gazetteer

import "strings"

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
	var words map[string]bool
	for _, sp := range spans {
		if sp.tokens != 1 || sp.caseless || !g.surnameOK(sp.cands) {
			continue
		}
		if words == nil {
			words = map[string]bool{}
		}
		words[low[sp.start:sp.nameEnd]] = true
	}
	if words == nil {
		return spans
	}
	var persons map[string]bool
	for i := 1; i < len(toks); i++ {
		t, p := toks[i], toks[i-1]
		if brk[i] || !t.cap || !p.cap || !words[t.lower] || !g.words.given[strings.TrimSuffix(p.lower, ".")] {
			continue
		}
		if persons == nil {
			persons = map[string]bool{}
		}
		persons[t.lower] = true
	}
	if persons == nil {
		return spans
	}
	out := spans[:0]
	for _, sp := range spans {
		if sp.tokens == 1 && !sp.caseless && persons[low[sp.start:sp.nameEnd]] {
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
