package main

import (
	"sort"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// pruneRegionAlternates drops the alternate names Natural Earth gives a
// first-level region that are another region's own name in the same
// country. Natural Earth lists a province's former or neighbouring names
// among its alternates (Paktika carries "Paktiya", Panjshir "Parwan",
// Copperbelt "Western"); as search keys they read the other region's
// name as this one. A region keeps every spelling no other region of its
// country is called by.
func pruneRegionAlternates(admin1 map[string]*admin) {
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
	for _, code := range codes {
		a := admin1[code]
		self := map[string]bool{gazetteer.Normalize(a.Name): true, gazetteer.Normalize(a.ASCII): true}
		kept := a.Alt[:0]
		for _, alt := range a.Alt {
			k := gazetteer.Normalize(alt)
			if other, ok := own[code[:2]][k]; ok && other != code && !self[k] {
				continue // another region's name ("Shaanxi" and "Shanxi" share a key, and each keeps it)
			}
			kept = append(kept, alt)
		}
		a.Alt = kept
	}
}
