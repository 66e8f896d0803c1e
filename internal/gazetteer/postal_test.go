package gazetteer

import "testing"

// TestPostalTowns checks that US post-office towns fill the city lists'
// gaps and that one-word ones, mostly surnames too, stay out.
func TestPostalTowns(t *testing.T) {
	g := loadTest(t)
	m, ok := g.Resolve("Meadow Grove", Context{Countries: []string{"US"}})
	if !ok || m.Place.Admin1Code != "US.NE" || m.Place.Kind != "P.PPL" || m.Place.Source != "usps" {
		t.Errorf("Resolve(Meadow Grove) = %+v, %v; want the Nebraska post-office town", m.Place, ok)
	}
	// Jamison, Pennsylvania and Mc Coy, Texas are post-office towns only
	for _, name := range []string{"Jamison", "Mc Coy"} {
		for _, i := range g.lookup(Normalize(name)) {
			if p := g.place(i); p.Name == name && p.ID == 0 {
				t.Errorf("%q reads as the postal town in %s", name, p.Admin1)
			}
		}
	}
}
