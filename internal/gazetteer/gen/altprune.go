package main

import (
	"sort"
	"strings"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// pruneRegionAlternates drops the alternate names Natural Earth gives a
// first-level region that are another region's own name in the same
// country, or the name of a town of 15,000 people or more that lies in
// another region of it. Natural Earth lists a province's former or
// neighbouring names among its alternates (Paktika carries "Paktiya",
// Panjshir "Parwan" and Parwan's seat "Charikar", Tirana "Durazzo");
// as search keys they read the other region or its town as this region.
// A region keeps every other spelling, and the names of its own towns.
func pruneRegionAlternates(admin1 map[string]*admin, cities []city) {
	own := map[string]map[string]string{} // country -> normal form -> region code
	codes := make([]string, 0, len(admin1))
	for code := range admin1 {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		a := admin1[code]
		cc := code[:2]
		if own[cc] == nil {
			own[cc] = map[string]string{}
		}
		for _, n := range []string{a.Name, a.ASCII} {
			if k := gazetteer.Normalize(n); k != "" {
				own[cc][k] = code
			}
		}
	}
	towns := map[string]map[string]bool{} // country.normal form -> region codes of its towns
	for _, c := range cities {
		if c.Pop < altTownPop || c.A1 == "" {
			continue
		}
		k := c.CC + "." + gazetteer.Normalize(c.Name)
		if towns[k] == nil {
			towns[k] = map[string]bool{}
		}
		towns[k][c.CC+"."+c.A1] = true
	}
	for _, code := range codes {
		a := admin1[code]
		self := map[string]bool{gazetteer.Normalize(a.Name): true, gazetteer.Normalize(a.ASCII): true}
		kept := a.Alt[:0]
		for _, alt := range a.Alt {
			k := gazetteer.Normalize(alt)
			if other, ok := own[code[:2]][k]; ok && other != code && !self[k] {
				continue // another region's name ("Shaanxi" and "Shanxi" share a key, and each keeps it)
			}
			if in := towns[code[:2]+"."+k]; len(in) > 0 && !in[code] && !self[k] && !sharesHead(alt, a) {
				continue // a town of another region
			}
			kept = append(kept, alt)
		}
		a.Alt = kept
	}
}

// altTownPop is the population from which a town's name, in another
// region, takes a region's alternate of that name away.
const altTownPop = 15000

// sharesHead reports an alternate that is the region's own name with a
// word more or less ("Caldas" of Caldas Department, "Ho Chi Minh City"
// of Ho Chi Minh): a short form of the region, whatever town shares it.
func sharesHead(alt string, a *admin) bool {
	alt = strings.ToLower(alt)
	for _, own := range []string{a.Name, a.ASCII} {
		own = strings.ToLower(own)
		if strings.HasPrefix(own, alt+" ") || strings.HasPrefix(alt, own+" ") {
			return true
		}
	}
	return false
}
