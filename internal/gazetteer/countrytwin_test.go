package gazetteer

import "testing"

// TestCountryTwin checks that a country gives way to a same-named region
// of another country when the document's other names lie in that country
// and none in the country itself, and stays the country otherwise.
func TestCountryTwin(t *testing.T) {
	g := loadTest(t)
	cases := []placeCase{
		{name: "a town of the state", text: "State troopers from Georgia searched a farm outside Dalton on Friday.", place: "Georgia", country: "US", admin1: "US.GA"},
		{name: "lawmakers in a town", text: "Georgia legislators held a hearing in Macon this week.", place: "Georgia", country: "US", admin1: "US.GA"},
		{name: "the capital named", text: "Crowds marched in Tbilisi as Georgia voted on Sunday.", place: "Georgia", country: "GE"},
		{name: "another country named", text: "Talks between Russia and Georgia stalled; Moscow blamed Geneva.", place: "Georgia", country: "GE"},
		{name: "alone", text: "Georgia signed the treaty on Monday.", place: "Georgia", country: "GE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
	// Find reads the document the same way
	for _, tc := range cases {
		t.Run("Find "+tc.name, func(t *testing.T) {
			for _, m := range g.Find(tc.text) {
				if m.Text == tc.place && m.Place.CountryCode != tc.country {
					t.Errorf("Find read %s as %s/%s (%s), want %s", tc.place, m.Place.CountryCode, m.Place.Admin1Code, m.Rule, tc.country)
				}
			}
		})
	}
}
