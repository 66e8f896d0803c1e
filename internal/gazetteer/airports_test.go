package gazetteer

import (
	"strings"
	"testing"
)

// TestAirportsFound checks that airports are found under the names reports
// give them, with the regions of the city they serve.
func TestAirportsFound(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		text, name       string
		wantName, wantCC string
		wantAdmin1       string
	}{
		{"Strikers walked out at Heathrow on Friday and some flights were cancelled.", "Heathrow",
			"London Heathrow Airport", "GB", "England"},
		{"Travellers queued for hours at Heathrow Airport after the outage.", "Heathrow Airport",
			"London Heathrow Airport", "GB", "England"},
		{"A drone sighting closed Gatwick for the evening.", "Gatwick",
			"London Gatwick Airport", "GB", "England"},
		{"Two rockets fell near Baghdad International Airport late on Sunday, police said.", "Baghdad International Airport",
			"Baghdad International Airport / New Al Muthana Air Base", "IQ", "Baghdad"},
		{"Gunfire was heard outside Kabul Airport as the last evacuation flights left.", "Kabul Airport",
			"Kabul International Airport", "AF", "Kabul"},
		{"The minister flew into Ottawa's Macdonald-Cartier International Airport on Tuesday.", "Macdonald-Cartier International Airport",
			"Ottawa Macdonald-Cartier International Airport", "CA", "Ontario"},
		{"A convoy left Bagram Airbase before dawn.", "Bagram Airbase",
			"Bagram Airfield", "AF", "Parwan"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := resolveIn(t, g, tc.text, tc.name)
			if !ok {
				t.Fatalf("%q found nothing", tc.name)
			}
			p := m.Place
			if p.Name != tc.wantName || p.CountryCode != tc.wantCC || p.Admin1 != tc.wantAdmin1 || p.Source != "ourairports" {
				t.Errorf("%q = %s (%s, %s, %s), want %s (%s, %s) from OurAirports", tc.name, p.Name, p.CountryCode, p.Admin1, p.Source,
					tc.wantName, tc.wantCC, tc.wantAdmin1)
			}
		})
	}
}

// TestAirportNamesNoFalsePlaces checks that the bare names of airports
// named after people or known places, and the airports' type words alone,
// make no place of ordinary text.
func TestAirportNamesNoFalsePlaces(t *testing.T) {
	g := loadTest(t)
	text := "Pearson and Lambert played Chopin at the festival in Provence. " +
		"The Metropolitan opera sold out, and the airport said a new airport and an air base were planned. " +
		"City airport staff met the Naval Air Station crews, and the Sea Airport ferry ran late."
	for _, m := range g.Find(text) {
		if m.Place.Source == "ourairports" {
			t.Errorf("%q read as the airport %s", m.Text, m.Place.Name)
		}
	}
	for _, name := range []string{"International Airport", "Air Base", "Airbase", "New Airport", "City Airport", "North Air Base", "SEA Airport"} {
		if m, ok := g.Resolve(name, Context{}); ok && strings.Contains(m.Place.Source, "ourairports") {
			t.Errorf("Resolve(%q) = the airport %s from type words alone", name, m.Place.Name)
		}
	}
}

// TestAirportRanksAboveSmallTown checks that a large airport's own name
// outranks a small town spelled the same, unless the document is about the
// town's country.
func TestAirportRanksAboveSmallTown(t *testing.T) {
	g := loadTest(t)
	m, ok := resolveIn(t, g, "Flights out of Heathrow were delayed by fog across southern England.", "Heathrow")
	if !ok || m.Place.CountryCode != "GB" {
		t.Errorf("Heathrow in a British story = %+v, want the London airport", m.Place)
	}
	m, ok = resolveIn(t, g, "Deputies in Seminole County, Florida, closed a road in Heathrow after a crash near Lake Mary.", "Heathrow")
	if !ok || m.Place.CountryCode != "US" {
		t.Errorf("Heathrow in a Florida story = %+v, want the Florida town", m.Place)
	}
}

// TestAirportLowerCaseTypeWord checks that the scan reads "Kabul airport"
// and "JFK airport", as reports write them, as the airport rather than the
// city or nothing.
func TestAirportLowerCaseTypeWord(t *testing.T) {
	g := loadTest(t)
	text := "A blast went off near Kabul airport before dawn, and travellers at JFK airport were told to wait."
	want := map[string]string{"Kabul airport": "Kabul International Airport", "JFK airport": "John F Kennedy International Airport"}
	got := map[string]string{}
	for _, m := range g.Find(text) {
		got[m.Text] = m.Place.Name
	}
	for surface, name := range want {
		if got[surface] != name {
			t.Errorf("%q = %q, want %q (found %v)", surface, got[surface], name, got)
		}
	}
}

// TestAirportKeys checks that the normal forms the generator wrote are
// those of the names: after a change to Normalize the data must be
// regenerated.
func TestAirportKeys(t *testing.T) {
	g := loadTest(t)
	for _, name := range []string{"London Heathrow Airport", "Heathrow", "Kabul Airport", "Pearson International Airport"} {
		found := false
		for _, i := range g.lookup(Normalize(name)) {
			if g.str(g.entries[i].Source) == "ourairports" {
				found = true
			}
		}
		if !found {
			t.Errorf("no airport under the key of %q: regenerate the data (go generate ./internal/gazetteer/...)", name)
		}
	}
}
