package gazetteer

import "strings"

// GeoNames gives many places alternate spellings, abbreviations and codes
// that are ordinary English words: "For" (Fortaleza's airport code),
// "Region" (Callao), "Moon" (Mon State). A report that writes the word means the
// word, and sentence-initial capitals make it look like a name. The scan
// therefore reads a common word only as a place that bears it as its own
// name (Mill in North Brabant) or as an alias the project curated, never
// through such a borrowed spelling.

// commonWordOnly filters the candidates of one spelling the scan found:
// when surface is an ordinary English word (data/commonwords.txt), only
// the candidates spelled that way by their own name or a curated alias,
// and countries, stay. Two capitals are a code ("IN", "OR" after a town)
// and keep all their readings; a lone capital letter ("Q") is not. A
// contraction ("We'll") is no town written without the apostrophe (Well).
// key is Normalize(surface), tested first so that most spellings cost one
// map look-up; cands is not modified.
func (g *Gazetteer) commonWordOnly(surface, key string, cands []int32) []int32 {
	if len(cands) == 0 || !g.words.commonKeys[key] || (len(surface) == 2 && upper(surface) == surface) {
		return cands
	}
	fold := foldSimple(surface)
	if !g.words.common[fold] {
		return cands
	}
	contraction := strings.ContainsFunc(surface, isApostrophe)
	var out []int32
	for k, i := range cands {
		if g.ownSpelling(i, fold) && (!contraction || strings.ContainsFunc(g.str(g.entries[i].Name), isApostrophe)) {
			if out != nil {
				out = append(out, i)
			}
			continue
		}
		if out == nil {
			out = append(make([]int32, 0, len(cands)), cands[:k]...)
		}
	}
	if out == nil {
		return cands // every candidate bears the word as its name
	}
	return out
}

// ownSpelling reports whether entry i is a country or is spelled fold by
// its own name or a curated alias. A region's name less its type word is
// not its own: "Ray" is a person before it is Ray County.
func (g *Gazetteer) ownSpelling(i int32, fold string) bool {
	return g.entries[i].level == levelCountry || g.spelledAs(i, fold)
}
