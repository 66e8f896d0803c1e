package gazetteer

import (
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// airportsFS holds the airports the generator takes from OurAirports
// (gen/airports.go).
//
//go:embed data/airports.tsv.gz
var airportsFS embed.FS

// Airports rank like a sizeable town (curated features rank 7): a large
// airport with scheduled flights above a town of 100,000, any other airport
// or air base like a town of 10,000, so that "Heathrow" is the airport
// before the Florida town of 6,000 unless the report is about Florida.
const (
	largeAirportImportance = 7
	airportImportance      = 6
)

// loadAirports adds the airports and air bases of data/airports.tsv.gz:
// OurAirports id, name, alternates (|), kind, country, admin-1 code, admin-2
// code, lat, lon, size (L: large with scheduled flights), and the normal
// forms of the names, written by the generator so that loading normalises
// nothing. Every alternate is one of the airport's own spellings:
// "Heathrow", "Heathrow Airport" and "London Heathrow Airport" name the same
// place.
func (g *Gazetteer) loadAirports() error {
	f, err := airportsFS.Open("data/airports.tsv.gz")
	if err != nil {
		return fmt.Errorf("gazetteer: open airports: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("gazetteer: gunzip airports: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("gazetteer: read airports: %w", err)
	}
	fields := make([]string, 0, 10)
	for n, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		fields = splitTab(fields[:0], line)
		if err := g.addAirport(fields); err != nil {
			return parseErr("airports.tsv", n+1, err)
		}
	}
	return nil
}

func (g *Gazetteer) addAirport(f []string) error {
	if len(f) < 11 {
		return fmt.Errorf("airport: %d fields", len(f))
	}
	id, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return fmt.Errorf("airport id %q: %w", f[0], err)
	}
	lat, lon, err := parseLatLon(f[7], f[8])
	if err != nil {
		return err
	}
	p := Place{ID: -2000000 - id, Name: f[1], Kind: f[3], CountryCode: f[4], Lat: lat, Lon: lon, Source: "ourairports"}
	if _, ok := g.admin1[f[5]]; ok {
		p.Admin1Code = f[5]
		if _, ok := g.admin2[f[6]]; ok {
			p.Admin2Code = f[6]
		}
	}
	imp := float64(airportImportance)
	if f[9] == "L" {
		imp = largeAirportImportance
	}
	idx := g.add(p, levelFeature, imp) // indexed under the generator's keys below
	for k := range strings.SplitSeq(f[10], "|") {
		if k != "" {
			g.extra[k] = append(g.extra[k], idx)
		}
	}
	for n := range strings.SplitSeq(f[2], "|") {
		if n != "" {
			g.aliasFolds[idx] = append(g.aliasFolds[idx], foldSimple(n))
		}
	}
	return nil
}
