package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
	"github.com/sitrep-org/sitrep/internal/gazetteer/gen/postaltowns"
)

// readPostal reads the US post-office towns of the npm package cities (USPS
// city names with ZIP-code centre points), one place per town and state at
// the mean of its ZIP points. Local news names hamlets of a few hundred
// people that GeoNames' city lists (1,000 people and up) leave out.
func readPostal(npmDir string) ([]city, error) {
	towns, err := postaltowns.Read(filepath.Join(npmDir, "node_modules", "cities", "locations.json"))
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	out := make([]city, 0, len(towns))
	for _, t := range towns {
		out = append(out, city{Name: t.Name, FCode: gazetteer.PostalFCode, postal: true, CC: "US", A1: t.State, Lat: t.Lat, Lon: t.Lon})
	}
	return out, nil
}

// gapTowns keeps the postal towns of two or more words whose name no entry
// already has. They fill gaps and never compete with a GeoNames reading of
// the same name, which keeps a hamlet from outranking the town a report
// more likely means; one-word names are left out because most are also
// surnames ("Jamison", "Biddle") a text scan would take for hamlets.
func (s *sources) gapTowns(existing map[string][]int) []city {
	var out []city
	for _, c := range s.postal {
		if _, ok := existing[gazetteer.Normalize(c.Name)]; ok {
			continue
		}
		if oneWordName(c.Name) {
			continue // too often a surname
		}
		out = append(out, c)
	}
	return out
}

// surnameParticles open names the Postal Service splits in two that are one
// word, and a surname, in text ("Mc Coy" is McCoy).
var surnameParticles = map[string]bool{"mc": true, "mac": true, "o": true, "de": true, "di": true, "da": true,
	"du": true, "la": true, "le": true, "van": true, "von": true, "del": true, "des": true}

// oneWordName reports a name of one word, or of a surname particle and one
// more word.
func oneWordName(name string) bool {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
	return len(words) < 2 || (len(words) == 2 && surnameParticles[strings.ToLower(words[0])])
}
