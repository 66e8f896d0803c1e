package gazetteer

import (
	"fmt"
	"strings"
)

// wordLists are the embedded word tables the resolver reads.
type wordLists struct {
	stop       map[string]bool // ordinary words that are also towns somewhere
	given      map[string]bool // given names and titles that open a person's name
	qualifiers map[string]bool // upper/lower/new/old words in multi-word names
	near       map[string]bool // words before a name that make it "near X" (precision 2)
	facility   map[string]bool // last words that make a name a building or street
	// common are ordinary English words that spell some gazetteer key,
	// folded (see commonWordOnly); commonKeys are their normal forms, a
	// test that needs no folding of the surface.
	common, commonKeys map[string]bool
}

func (g *Gazetteer) loadWords() error {
	var err error
	load := func(path string) map[string]bool {
		if err != nil {
			return nil
		}
		var b []byte
		b, err = dataFS.ReadFile(path)
		if err != nil {
			err = fmt.Errorf("gazetteer: read %s: %w", path, err)
			return nil
		}
		m := map[string]bool{}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line[0] == '#' {
				continue
			}
			for _, w := range strings.Fields(line) {
				m[strings.ToLower(w)] = true
			}
		}
		return m
	}
	g.words.stop = load("data/stopwords.txt")
	g.words.given = load("data/givennames.txt")
	g.words.near = load("data/nearwords.txt")
	g.words.facility = load("data/facilitywords.txt")
	q := load("data/qualifiers.txt")
	common := load("data/commonwords.txt")
	if err != nil {
		return err
	}
	g.words.common = make(map[string]bool, len(common))
	g.words.commonKeys = make(map[string]bool, len(common))
	for w := range common {
		g.words.common[foldSimple(w)] = true
		g.words.commonKeys[Normalize(w)] = true
	}
	g.words.qualifiers = map[string]bool{}
	for w := range q {
		g.words.qualifiers[Normalize(w)] = true
	}
	return nil
}

// loadFeatures adds the curated table of features GeoNames' city lists lack
// (name, alternates, kind, country, admin-1 code, lat, lon, source note),
// then the world features of loadWorld and the airports of loadAirports.
func (g *Gazetteer) loadFeatures() error {
	rows, err := readTSV("data/features.tsv", 8)
	if err != nil {
		return err
	}
	for n, r := range rows {
		lat, lon, err := parseLatLon(r[5], r[6])
		if err != nil {
			return parseErr("features.tsv", n+1, err)
		}
		p := Place{ID: int64(-1 - n), Name: r[0], Kind: r[2], CountryCode: r[3], Lat: lat, Lon: lon, Source: "curated: " + r[7]}
		if c := g.countries[r[3]]; c != nil {
			p.Country = c.info.Name
		}
		if i, ok := g.admin1[r[4]]; ok {
			p.Admin1Code, p.Admin1 = r[4], g.str(g.entries[i].Name)
		}
		names := []string{r[0]}
		if r[1] != "" {
			names = append(names, strings.Split(r[1], "|")...)
		}
		level := levelFeature
		if strings.HasPrefix(r[2], "P.") {
			level = levelPlace
		}
		g.addFeature(p, names, level)
	}
	if err := g.loadWorld(); err != nil {
		return err
	}
	return g.loadAirports()
}

// loadAliases adds exonyms and names no spelling rule can bridge (Saladin,
// Palmyra): alias, target kind, target key, note.
func (g *Gazetteer) loadAliases() error {
	rows, err := readTSV("data/aliases.tsv", 3)
	if err != nil {
		return err
	}
	for n, r := range rows {
		idx, ok := g.aliasTarget(r[1], r[2])
		if !ok {
			return parseErr("aliases.tsv", n+1, fmt.Errorf("no %s %q", r[1], r[2]))
		}
		k := Normalize(r[0])
		if r[1] == "seat" {
			g.seats[k] = true
		}
		g.aliasFolds[idx] = append(g.aliasFolds[idx], foldSimple(r[0]))
		if !containsIdx(g.lookup(k), idx) {
			g.extra[k] = append(g.extra[k], idx)
		}
	}
	return nil
}

func (g *Gazetteer) aliasTarget(kind, key string) (int32, bool) {
	switch kind {
	case "country":
		if c, ok := g.countries[key]; ok {
			return c.entry, true
		}
	case "admin1":
		i, ok := g.admin1[key]
		return i, ok
	case "admin2":
		i, ok := g.admin2[key]
		return i, ok
	case "place", "seat": // CC/Name: the most important place of that name in the country
		cc, name, _ := strings.Cut(key, "/")
		best, bestImp := int32(-1), -1.0
		for _, i := range g.lookup(Normalize(name)) {
			if e := &g.entries[i]; g.str(e.CountryCode) == cc && e.level >= levelPlace && e.imp > bestImp {
				best, bestImp = i, e.imp
			}
		}
		return best, best >= 0
	}
	return 0, false
}

func containsIdx(list []int32, i int32) bool {
	for _, x := range list {
		if x == i {
			return true
		}
	}
	return false
}
