package gazetteer

import (
	"strconv"
	"strings"
)

// loadWorld adds the continents, oceans, seas and world regions of
// data/world.tsv: GeoNames id, name, alternates, kind, lat, lon. They sit
// at GeoNames' own points because a sea's or a region's centre is a
// convention, and the convention readers and geoparsing corpora share is
// GeoNames'; a hand-placed "centre" of the Atlantic lands 1,000 km away.
func (g *Gazetteer) loadWorld() error {
	rows, err := readTSV("data/world.tsv", 6)
	if err != nil {
		return err
	}
	for n, r := range rows {
		id, err := strconv.ParseInt(r[0], 10, 64)
		if err != nil {
			return parseErr("world.tsv", n+1, err)
		}
		lat, lon, err := parseLatLon(r[4], r[5])
		if err != nil {
			return parseErr("world.tsv", n+1, err)
		}
		p := Place{ID: id, Name: r[1], Kind: r[3], Lat: lat, Lon: lon, Source: "geonames"}
		names := []string{r[1]}
		if r[2] != "" {
			names = append(names, strings.Split(r[2], "|")...)
		}
		g.addFeature(p, names, levelFeature)
	}
	return nil
}

// addFeature indexes a curated feature under its names, which all count as
// exact spellings. Curated features are there because reports name them:
// they rank like a sizeable town.
func (g *Gazetteer) addFeature(p Place, names []string, level int) {
	idx := g.add(p, level, 7, names...)
	for _, n := range names[1:] {
		g.aliasFolds[idx] = append(g.aliasFolds[idx], foldSimple(n))
	}
}
