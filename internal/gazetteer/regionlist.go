package gazetteer

import (
	"slices"
	"strings"
)

// A name listed with first-level regions is one too: "Oregon and
// Washington laws", "Alaska, Hawaii, Florida and Washington" name the
// state of Washington, not the capital.

// regionListSeps join the names of a list.
var regionListSeps = []string{", ", " and ", " or ", ", and ", ", or ", " & "}

// listedWithRegion reports the country of a first-level region that ms
// places right before the name at text[start:end] in a list ("Oregon and
// Washington"), or right after it joined by "and" or "or" ("Washington
// and Oregon"). A comma alone joins a list only between two regions
// ("Alaska, Washington and Hawaii"): "Oaxaca State, Mexico" and
// "Columbus, Ohio" are qualifiers.
func listedWithRegion(text string, start, end int, ms []Mention) (string, bool) {
	before, bsep := regionNext(text, start, ms, true)
	after, asep := regionNext(text, end, ms, false)
	switch {
	case before != "" && bsep != ", ":
		return before, true
	case after != "" && asep != ", ":
		return after, true
	case before != "" && after != "" && before == after:
		return before, true
	}
	return "", false
}

// regionNext finds the first-level region ms places right before at (or
// right after it), joined to it by a list separator, and returns its
// country and the separator.
func regionNext(text string, at int, ms []Mention, before bool) (string, string) {
	for _, m := range ms {
		if m.Place.Kind != "A.ADM1" {
			continue
		}
		var sep string
		switch {
		case before && m.End <= at && at-m.End <= len(", and "):
			sep = text[m.End:at]
		case !before && m.Start >= at && m.Start-at <= len(", and "):
			sep = text[at:m.Start]
		default:
			continue
		}
		if slices.Contains(regionListSeps, sep) {
			return m.Place.CountryCode, sep
		}
	}
	return "", ""
}

// regionInCountry reports a first-level region of country cc among cands.
func (g *Gazetteer) regionInCountry(cands []int32, cc string) bool {
	for _, i := range cands {
		if e := &g.entries[i]; e.level == levelAdmin1 && g.str(e.CountryCode) == cc {
			return true
		}
	}
	return false
}

// listHint is the type hint a list of regions gives a name whose
// candidates include a region of the same country; h when there is none.
func (g *Gazetteer) listHint(text string, start, end int, cands []int32, ms []Mention, h kindHint) kindHint {
	if h != hintNone || strings.TrimSpace(text[start:end]) == "" {
		return h
	}
	if cc, ok := listedWithRegion(text, start, end, ms); ok && g.regionInCountry(cands, cc) {
		return hintAdmin1
	}
	return h
}
