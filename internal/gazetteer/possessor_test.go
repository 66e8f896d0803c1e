package gazetteer

import "testing"

// TestPossessorQualifier checks that a place's possessive before a name
// qualifies it as ", Place" after it would.
func TestPossessorQualifier(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "a state's town", text: "Flood water rose in Ohio's Lebanon overnight.", place: "Lebanon", country: "US", admin1: "US.OH"},
		{name: "a country's town", text: "A cyclone crossed Australia's Perth on Monday.", place: "Perth", country: "AU", admin1: "AU.08"},
		{name: "a curly apostrophe", text: "Police in Kentucky’s Paris made two arrests.", place: "Paris", country: "US", admin1: "US.KY"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
	// a person's or a common noun's possessive, or none, qualifies nothing
	for _, text := range []string{"Trump's Paris", "the mayor's Paris", "Paris", "'s Paris"} {
		if q := g.possessorQualifier(text, len(text)); q != nil {
			t.Errorf("possessorQualifier(%q) = %+v, want none", text, *q)
		}
	}
}
