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
	return g.loadPostalFile("postal_states.tsv", func(key string, i int32) {
		g.extra[key] = append(g.extra[key], i)
	})
}

// postalFiles are the post-office town files genpostal writes.
var postalFiles = [...]string{"data/postal_states.tsv", "data/postal_hamlets.tsv"}

// postalRows is about how many entries the post-office town files add (a
// line each, comments too): the entry slice is made that large up front,
// as growing a slice of 200,000 entries copies all of them.
func (g *Gazetteer) postalRows() int {
	n := 0
	for _, name := range postalFiles {
		if f, err := dataFS.Open(name); err == nil {
			if st, err := f.Stat(); err == nil {
				n += int(st.Size()/30) + 64 // rows are 35 bytes or more
			}
			f.Close()
		}
	}
	return n
}

// loadPostalHamlets adds the one-word post-office towns of
// data/postal_hamlets.tsv, whose names no entry has. They are kept out of
// the key index, so that neither the text scan nor the ranking sees them
// (most are surnames too); resolveHamlet reads them for a name that a
// reader marked as a place and that nothing else places.
func (g *Gazetteer) loadPostalHamlets() error {
	g.hamlets = map[string][]int32{}
	return g.loadPostalFile("postal_hamlets.tsv", func(key string, i int32) {
		g.hamlets[key] = append(g.hamlets[key], i)
	})
}

// namesakePrior is the prior of a post-office town named like a town of
// 100,000 people or more (Belgrade, Minnesota; Denver, Iowa): low enough
// that only its state given as a qualifier ("BELGRADE, Minn.") makes it
// beat the famous town.
const namesakePrior = 1

// loadPostalFile reads a post-office town file of genpostal's (name,
// state, lat, lon, normal form, and "namesake" or nothing), adds each town
// as an entry and hands its key and index to index.
func (g *Gazetteer) loadPostalFile(name string, index func(key string, i int32)) error {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	data := string(b)
	imp := placeImportance(PostalFCode, 0)
	fields := make([]string, 0, 6)
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
		if len(fields) != 5 && len(fields) != 6 {
			return parseErr(name, n, fmt.Errorf("%d fields, want 5 or 6", len(fields)))
		}
		lat, lon, err := parseLatLon(fields[2], fields[3])
		if err != nil {
			return parseErr(name, n, err)
		}
		p := Place{Name: fields[0], Kind: "P.PPL", CountryCode: "US", Admin1Code: "US." + fields[1],
			Lat: lat, Lon: lon, Source: "usps"}
		// the key as the generator normalised it: Normalize for each of
		// thousands of names would cost Load several milliseconds
		index(fields[4], int32(len(g.entries)))
		if len(fields) == 6 && fields[5] == "namesake" {
			g.entries = append(g.entries, g.newEntry(p, levelPlace, namesakePrior))
			continue
		}
		g.entries = append(g.entries, g.newEntry(p, levelPlace, imp))
	}
	return nil
}
