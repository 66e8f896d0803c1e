package gazetteer

import "testing"

// TestResolveSeatSpelledAsRegion checks that a region's seat spelled the
// way the region is ("Zaporizhzhia" for the city GeoNames writes
// Zaporizhzhya) is read as the city, while a type word still gives the
// region.
func TestResolveSeatSpelledAsRegion(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "bare city", text: "Drones struck Zaporizhzhia overnight, the regional governor said.",
			place: "Zaporizhzhia", country: "UA", admin1: "UA.26"},
		{name: "bare city, other spelling", text: "A missile hit a hotel in Mykolaiv on Sunday.",
			place: "Mykolaiv", country: "UA", admin1: "UA.16"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkPlace(t, g, tc)
			if m, _ := resolveIn(t, g, tc.text, tc.place); m.Place.Kind != "P.PPLA" {
				t.Errorf("Resolve(%s) = %s (%s), want the city", tc.place, m.Place.Kind, m.Rule)
			}
		})
	}
	m, ok := resolveIn(t, g, "Shelling continued across Zaporizhzhia province.", "Zaporizhzhia")
	if !ok || m.Place.Kind != "A.ADM1" {
		t.Errorf("Resolve(Zaporizhzhia province) = %s (%s), want the region", m.Place.Kind, m.Rule)
	}
}
