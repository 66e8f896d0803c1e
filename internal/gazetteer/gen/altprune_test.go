package main

import (
	"slices"
	"testing"
)

func TestPruneRegionAlternates(t *testing.T) {
	admin1 := map[string]*admin{
		"XX.01": {Code: "XX.01", Name: "Northmarch", ASCII: "Northmarch", Alt: []string{"Nordmark", "Southvale", "Northmarch Province"}},
		"XX.02": {Code: "XX.02", Name: "Southvale", ASCII: "Southvale", Alt: []string{"Suedtal"}},
		"XX.03": {Code: "XX.03", Name: "Shaanland", ASCII: "Shaanland", Alt: []string{"Shānland"}},
		"XX.04": {Code: "XX.04", Name: "Shanland", ASCII: "Shanland", Alt: []string{"Shānland"}},
		"YY.01": {Code: "YY.01", Name: "Harbourside", ASCII: "Harbourside", Alt: []string{"Southvale"}},
	}
	admin1["XX.05"] = &admin{Code: "XX.05", Name: "Eastdale Department", ASCII: "Eastdale Department", Alt: []string{"Eastdale", "Portmore", "Kellby"}}
	cities := []city{
		{Name: "Portmore", CC: "XX", A1: "01", Pop: 80000}, // a town of another region
		{Name: "Kellby", CC: "XX", A1: "05", Pop: 50000},   // the region's own town
		{Name: "Eastdale", CC: "XX", A1: "02", Pop: 90000}, // namesake of the region's short form
		{Name: "Nordmark", CC: "XX", A1: "02", Pop: 2000},  // too small to matter
	}
	pruneRegionAlternates(admin1, cities)
	for code, want := range map[string][]string{
		"XX.01": {"Nordmark", "Northmarch Province"}, // Southvale is another region's name
		"XX.02": {"Suedtal"},
		"XX.03": {"Shānland"}, // a spelling of its own name, though its neighbour shares the key
		"XX.04": {"Shānland"},
		"YY.01": {"Southvale"}, // a region of another country may be called so
		"XX.05": {"Eastdale", "Kellby"},
	} {
		if got := admin1[code].Alt; !slices.Equal(got, want) {
			t.Errorf("%s alternates = %q, want %q", code, got, want)
		}
	}
}

func TestSettleSharedAlternates(t *testing.T) {
	admin1 := map[string]*admin{
		"XX.01": {Code: "XX.01", Name: "Kellby", ASCII: "Kellby", Alt: []string{"Kelbi", "Greyfell Reach", "Keleby"}},
		"XX.02": {Code: "XX.02", Name: "Northmarch", ASCII: "Northmarch", Alt: []string{"Kelbi", "Greyfell Reach"}},
		"XX.03": {Code: "XX.03", Name: "Dunmore", ASCII: "Dunmore", Alt: []string{"Greyfell Reach"}},
	}
	settleSharedAlternates(admin1, []string{"XX.01", "XX.02", "XX.03"})
	for code, want := range map[string][]string{
		"XX.01": {"Kelbi", "Keleby"}, // nearest to its own name; "Greyfell Reach" is near nobody's
		"XX.02": {},
		"XX.03": {},
	} {
		if got := admin1[code].Alt; !slices.Equal(got, want) {
			t.Errorf("%s alternates = %q, want %q", code, got, want)
		}
	}
	if d := editDistance("taegu", "daegu"); d != 1 {
		t.Errorf("editDistance(taegu, daegu) = %d, want 1", d)
	}
}

func TestAirportCode(t *testing.T) {
	for _, c := range []struct {
		alt, name string
		want      bool
	}{
		{"KIV", "Chisinau", true},
		{"QIV", "Ismailia", true},
		{"UKBB", "Boryspil", true},
		{"NYC", "New York City", false}, // initials: a name people write
		{"SLC", "Salt Lake City", false},
		{"SEVAN", "Sevan", false}, // the name in capitals
		{"Kiv", "Khiv", false},
		{"K2", "Karakoram", false},
	} {
		if got := airportCode(c.alt, c.name); got != c.want {
			t.Errorf("airportCode(%q, %q) = %v, want %v", c.alt, c.name, got, c.want)
		}
	}
}

func TestNameRegionsAfterCapitals(t *testing.T) {
	admin1 := map[string]*admin{
		"XX.01": {Code: "XX.01", Name: "Kievland", ASCII: "Kievland"},           // named after the capital, old spelling
		"XX.02": {Code: "XX.02", Name: "Kyivland City", ASCII: "Kyivland City"}, // the capital's own region
		"XX.03": {Code: "XX.03", Name: "Bayside", ASCII: "Bayside"},             // its seat is also called so, but is another name
		"XX.04": {Code: "XX.04", Name: "Marsh", ASCII: "Marsh"},                 // only a village spells it so
	}
	cities := []city{
		{ID: 1, Name: "Kyivland", FCode: "PPLC", CC: "XX", A1: "02", Pop: 2000000},
		{ID: 2, Name: "Port Salvage", FCode: "PPLA", CC: "XX", A1: "03", Pop: 300000},
		{ID: 3, Name: "Marsch", FCode: "PPL", CC: "XX", A1: "04", Pop: 40000},
	}
	alternates := map[int64][]string{1: {"Kievland"}, 2: {"Bayside"}, 3: {"Marsh"}}
	if n := nameRegionsAfterCapitals(admin1, cities, alternates); n != 1 {
		t.Errorf("added %d names, want 1", n)
	}
	for code, want := range map[string][]string{"XX.01": {"Kyivland"}, "XX.02": nil, "XX.03": nil, "XX.04": nil} {
		if got := admin1[code].Alt; !slices.Equal(got, want) {
			t.Errorf("%s alternates = %q, want %q", code, got, want)
		}
	}
}
