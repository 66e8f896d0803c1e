package gazetteer

import "testing"

// TestPossessorQualifier checks that a place's possessive before a name
// qualifies it as ", Place" after it would.
func TestPossessorQualifier(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name, text, span, wantA1 string
	}{
		{"a state's town", "Flood water rose in Ohio's Lebanon overnight.", "Lebanon", "US.OH"},
		{"a country's town", "A cyclone crossed Australia's Perth on Monday.", "Perth", "AU.08"},
		{"a curly apostrophe", "Police in Kentucky’s Paris made two arrests.", "Paris", "US.KY"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := resolveIn(t, g, tc.text, tc.span)
			if !ok || m.Place.Admin1Code != tc.wantA1 {
				t.Errorf("Resolve(%q) = %s, %s (%s), want %s", tc.span, m.Place.Name, m.Place.Admin1Code, m.Rule, tc.wantA1)
			}
		})
	}
	// a person's or a common noun's possessive, or none, qualifies nothing
	for _, text := range []string{"Trump's Paris", "the mayor's Paris", "Paris", "'s Paris"} {
		if q := g.possessorQualifier(text, len(text)); q != nil {
			t.Errorf("possessorQualifier(%q) = %+v, want none", text, *q)
		}
	}
}
