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

// regionMentions returns the mentions of ms read as first-level regions.
func regionMentions(ms []Mention) []Mention {
	var out []Mention
	for _, m := range ms {
		if m.Place.Kind == "A.ADM1" {
			out = append(out, m)
		}
	}
	return out
}

// listedWithRegion reports the country of a first-level region that ms
// (regions only) places right before the name at text[start:end] in a list ("Oregon and
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

// regionNext finds the first-level region ms (regions only) places right
// before at (or right after it), joined to it by a list separator, and
// returns its country and the separator.
func regionNext(text string, at int, ms []Mention, before bool) (string, string) {
	for _, m := range ms {
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

// listHint is the type hint a list of regions (the mentions ms read as
// regions) gives a name whose candidates include a region of the same
// country; h when there is none.
func (g *Gazetteer) listHint(text string, start, end int, cands []int32, ms []Mention, h kindHint) kindHint {
	if h != hintNone || len(ms) == 0 || strings.TrimSpace(text[start:end]) == "" {
		return h
	}
	if cc, ok := listedWithRegion(text, start, end, ms); ok && g.regionInCountry(cands, cc) {
		return hintAdmin1
	}
	return h
}

// regionAdjectives before a name speak of a part of a region ("central
// Washington", "upstate New York", "eastern Ukraine").
var regionAdjectives = map[string]bool{
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"upstate": true, "downstate": true,
}

// partHint is the region type hint of a name after a region adjective
// ("central Washington") when a reading is a first-level region whose
// seat is not among the readings, and none is a country: "southern
// Baghdad" is part of the city and "southern Mexico" of the country, but
// "central Washington" is no part of the capital. It is h otherwise.
func (g *Gazetteer) partHint(text string, start int, cands []int32, h kindHint) kindHint {
	if h != hintNone || start < 8 || text[start-1] != ' ' || !strings.ContainsRune("nle", rune(text[start-2])) {
		return h // every region adjective ends in n, l or e: most names are passed at once
	}
	var buf [1]string
	if ws := wordsBeforeInto(buf[:], text, start); len(ws) != 1 || !regionAdjectives[ws[0]] {
		return h
	}
	var rivalBuf [8]string
	rv := g.rivalsOf(cands, rivalBuf[:])
	if rv.country {
		return h // "southern Mexico" is part of the country
	}
	for _, i := range cands {
		if e := &g.entries[i]; e.level == levelAdmin1 && !slices.Contains(rv.seats, g.str(e.Admin1Code)) {
			return hintAdmin1
		}
	}
	return h
}
