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
	settleSharedAlternates(admin1, codes)
}

// settleSharedAlternates gives an alternate that several regions of one
// country carry, and none of them as its own name, to the region whose
// own name it spells most nearly ("Taegu" to Daegu, not to the province
// around it; "Uruzgan" to Oruzgan, not to Daykundi, split from it), and
// only when it is near that name at all (at most half its letters
// differ): "Upper Normandy" on two southern regions, or "Janub Darfur"
// on South and East Darfur alike, is nobody's. codes are admin1's keys
// in order.
func settleSharedAlternates(admin1 map[string]*admin, codes []string) {
	holders := map[string][]string{} // country.normal form -> codes carrying it
	for _, code := range codes {
		seen := map[string]bool{}
		for _, alt := range admin1[code].Alt {
			if k := gazetteer.Normalize(alt); !seen[k] {
				seen[k] = true
				holders[code[:2]+"."+k] = append(holders[code[:2]+"."+k], code)
			}
		}
	}
	owner := map[string]string{} // country.normal form -> the one code keeping it ("": none)
	for ck, hs := range holders {
		k := ck[3:]
		if len(hs) < 2 || k == "" || ownKey(admin1, hs, k) {
			continue // one region's, a script Normalize keeps nothing of, or a spelling of a holder's own name
		}
		best, bestD, tie := "", 1<<30, false
		for _, code := range hs {
			d := min(editDistance(k, gazetteer.Normalize(admin1[code].Name)), editDistance(k, gazetteer.Normalize(admin1[code].ASCII)))
			switch {
			case d < bestD:
				best, bestD, tie = code, d, false
			case d == bestD:
				tie = true
			}
		}
		if tie || bestD > len([]rune(k))/2 {
			best = ""
		}
		owner[ck] = best
	}
	for _, code := range codes {
		a := admin1[code]
		kept := a.Alt[:0]
		for _, alt := range a.Alt {
			if o, shared := owner[code[:2]+"."+gazetteer.Normalize(alt)]; shared && o != code {
				continue
			}
			kept = append(kept, alt)
		}
		a.Alt = kept
	}
}

// ownKey reports k as the normal form of one of the regions' own names.
func ownKey(admin1 map[string]*admin, codes []string, k string) bool {
	for _, code := range codes {
		if gazetteer.Normalize(admin1[code].Name) == k || gazetteer.Normalize(admin1[code].ASCII) == k {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			sub := prev[j-1]
			if ra[i-1] != rb[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
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

// nameRegionsAfterCapitals gives a first-level region named after a capital
// (the country's or a region's) that capital's own spellings. GeoNames
// calls the oblast "Kiev" and the city "Kyiv" (with "Kiev" among its
// alternates); without the city's spelling, "Kyiv oblast" finds no region.
// Only spellings of the region's own name are given, alike in their
// normal form and with as many words: "Mexico City" is no spelling of the
// State of Mexico, nor Salvador, which GeoNames also calls "Bahia", of the
// state of Bahia. alternates are GeoNames' alternate names by id. It
// returns how many names were added.
func nameRegionsAfterCapitals(admin1 map[string]*admin, cities []city, alternates map[int64][]string) int {
	capitals := map[string][]int{} // country.normal form -> capitals spelt so
	for i, c := range cities {
		if c.Pop < altTownPop || c.FCode != "PPLC" && c.FCode != "PPLA" {
			continue
		}
		seen := map[string]bool{}
		for _, n := range append([]string{c.Name, c.Alt}, alternates[c.ID]...) {
			if k := gazetteer.Normalize(n); k != "" && !seen[k] {
				seen[k] = true
				capitals[c.CC+"."+k] = append(capitals[c.CC+"."+k], i)
			}
		}
	}
	codes := make([]string, 0, len(admin1))
	for code := range admin1 {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	added := 0
	for _, code := range codes {
		a := admin1[code]
		have := map[string]bool{}
		for _, n := range append([]string{a.Name, a.ASCII}, a.Alt...) {
			have[gazetteer.Normalize(n)] = true
		}
		words := len(strings.Fields(a.ASCII))
		for _, own := range []string{a.Name, a.ASCII} {
			ownKey := gazetteer.Normalize(own)
			for _, i := range capitals[code[:2]+"."+ownKey] {
				for _, n := range []string{cities[i].Name, cities[i].Alt} {
					k := gazetteer.Normalize(n)
					if k == "" || have[k] || len(strings.Fields(n)) != words {
						continue
					}
					if _, ok := similarNames(strings.Fields(ownKey), strings.Fields(k)); !ok {
						continue // another name GeoNames lists for the capital ("Bahia" of Salvador)
					}
					have[k] = true
					a.Alt = append(a.Alt, n)
					added++
				}
			}
		}
	}
	return added
}
