package gazetteer

import "testing"

// TestWorldFeatures checks that names of seas and world regions resolve to
// GeoNames' own entries, so distances are measured from GeoNames' points.
func TestWorldFeatures(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name string
		id   int64
	}{
		{"Atlantic", 3373405},
		{"Pacific Ocean", 2363254},
		{"Middle East", 6269133},
		{"Mediterranean", 363196},
		{"Europe", 6255148},
		{"Balkans", 685608},
		{"West Africa", 7729885},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := g.Resolve(tc.name, Context{})
			if !ok {
				t.Fatalf("Resolve(%q) found nothing", tc.name)
			}
			if m.Place.ID != tc.id || m.Place.CountryCode != "" {
				t.Errorf("Resolve(%q) = %d %s (%s), want GeoNames %d in no country", tc.name, m.Place.ID, m.Place.Name, m.Place.CountryCode, tc.id)
			}
		})
	}
}

// TestShippingFeatures checks the straits and regions conflict and shipping
// reports name, which GeoNames' city lists lack.
func TestShippingFeatures(t *testing.T) {
	g := loadTest(t)
	for _, name := range []string{"Strait of Hormuz", "Bab el-Mandeb", "Suez Canal", "Puntland", "Horn of Africa"} {
		if _, ok := g.Resolve(name, Context{}); !ok {
			t.Errorf("Resolve(%q) found nothing", name)
		}
	}
	if c, ok := g.Country("Persia"); !ok || c.Code != "IR" {
		t.Errorf("Country(Persia) = %v, %v; want IR", c.Code, ok)
	}
}

// TestUSRegions checks that a US region outranks the post-office hamlet that
// shares its name (New England, North Dakota).
func TestUSRegions(t *testing.T) {
	g := loadTest(t)
	m, ok := g.Resolve("New England", Context{Countries: []string{"US"}})
	if !ok || m.Place.Kind != "L.RGN" {
		t.Errorf("Resolve(New England) = %s %s, %v; want the region", m.Place.Name, m.Place.Kind, ok)
	}
}
