package gazetteer

import "strings"

// countryTwin is what a country gives up to a first-level region of
// another country that bears its name (Georgia, the country, against the
// US state) when the document points to the region's country and not to
// the country's: none of its other names could lie in the country, and
// either the region's country is the one its anchors name most or,
// naming no country, its other names could lie there with a full vote
// (MinVote). A document that names another country most (Russia) keeps
// the country: the American namesakes of Moscow say nothing. A story
// about the Caucasus names Tbilisi or Russia; one about the American
// South names Macon or Savannah, which have readings in the state and
// none in the country.
func (g *Gazetteer) countryTwin(e *entry, rv *rivals, st *resolveState) float64 {
	if e.level != levelCountry || len(rv.regions) == 0 || g.w.CountryTwin == 0 {
		return 0
	}
	cc := g.str(e.CountryCode)
	if cc == "" || st.countries.has(cc) || st.votes.countryVote(cc) > 0 {
		return 0 // the document is where the country is
	}
	for _, r := range rv.regions {
		other, _, ok := strings.Cut(r, ".")
		if !ok || other == cc {
			continue
		}
		if other == st.topCountry || len(st.countries) == 0 && st.votes.countryVote(other) >= g.w.MinVote {
			return g.w.CountryTwin
		}
	}
	return 0
}
