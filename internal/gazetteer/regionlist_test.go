package gazetteer

import "testing"

// kindCase is a name in a text and the feature kind both Resolve and Find
// should read it as.
type kindCase struct{ name, text, place, kind string }

func checkKind(t *testing.T, g *Gazetteer, tc kindCase) {
	t.Helper()
	m, ok := resolveIn(t, g, tc.text, tc.place)
	if !ok || m.Place.Kind != tc.kind {
		t.Errorf("Resolve(%s) = %s %s, want %s", tc.place, m.Place.Name, m.Place.Kind, tc.kind)
	}
	for _, f := range g.Find(tc.text) {
		if f.Text == tc.place && f.Place.Kind != tc.kind {
			t.Errorf("Find read %s as %s %s, want %s", tc.place, f.Place.Name, f.Place.Kind, tc.kind)
		}
	}
}

// TestListedWithRegions checks that a name listed with first-level
// regions is read as one, in Find and Resolve, while a region after a
// comma stays a qualifier.
func TestListedWithRegions(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []kindCase{
		{"after a region and \"and\"", "Doctors in Oregon and Washington may now help patients die, the senator said.", "Washington", "A.ADM1"},
		{"inside a list of regions", "Lawmakers from Montana, Washington and Idaho met on Monday to talk about wolves.", "Washington", "A.ADM1"},
		{"before a qualifier", "Officials in Washington, D.C., said nothing about the wolves in Idaho.", "Washington", "P.PPLC"},
		{"a region before a comma is a qualifier", "Troops reached Matias Romero, Oaxaca State, Mexico, on Monday.", "Mexico", "A.PCLI"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkKind(t, g, tc) })
	}
}

// TestRegionPart checks that a region adjective makes a name the region
// when the region is not the seat of a reading, and leaves cities and
// countries alone.
func TestRegionPart(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []kindCase{
		{"a state, not the capital", "Crews drove to central Washington to fight the wildfire near the orchards, officials in Seattle said.", "Washington", "A.ADM1"},
		{"part of a city", "A car bomb killed four people in southern Baghdad on Sunday.", "Baghdad", "P.PPLC"},
		{"part of a country", "Migrants set up camp in southern Mexico on Monday.", "Mexico", "A.PCLI"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkKind(t, g, tc) })
	}
}
