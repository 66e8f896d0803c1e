package gazetteer

import (
	"fmt"
	"strings"
)

//go:generate go run ./genpostal

// loadPostalStates adds the post-office towns of data/postal_states.tsv:
// towns whose name GeoNames has in other states only (Holliday, Missouri,
// beside GeoNames' Holliday, Texas). Each loads as a post-office town,
// with the low prior of a town of unknown population, so that it wins
// only where its state is named, qualifies it or holds the document's
// other towns. The scan finds no new name through them: GeoNames already
// spells each one.
func (g *Gazetteer) loadPostalStates() error {
	b, err := dataFS.ReadFile("data/postal_states.tsv")
	if err != nil {
		return fmt.Errorf("gazetteer: read postal_states.tsv: %w", err)
	}
	data := string(b)
	imp := placeImportance(PostalFCode, 0)
	fields := make([]string, 0, 5)
	for n := 1; data != ""; n++ {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		fields = splitTab(fields[:0], line)
		if len(fields) != 5 {
			return parseErr("postal_states.tsv", n, fmt.Errorf("%d fields, want 5", len(fields)))
		}
		lat, lon, err := parseLatLon(fields[2], fields[3])
		if err != nil {
			return parseErr("postal_states.tsv", n, err)
		}
		p := Place{Name: fields[0], Kind: "P.PPL", CountryCode: "US", Admin1Code: "US." + fields[1],
			Lat: lat, Lon: lon, Source: "usps"}
		// the key as the generator normalised it: Normalize for each of
		// thousands of names would cost Load several milliseconds
		g.extra[fields[4]] = append(g.extra[fields[4]], int32(len(g.entries)))
		g.entries = append(g.entries, g.newEntry(p, levelPlace, imp))
	}
	return nil
}
