package gazetteer

import "testing"

// TestTwinCity checks that a bare locative before the name of a great
// city and its region is the city, and that region cues keep the region.
func TestTwinCity(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		text, span, wantKind string
	}{
		{"The senator flew home after dinner with donors in New York on Friday.", "New York", "P.PPL"},
		{"The envoy met the minister in New York Tuesday.", "New York", "P.PPL"},
		{"He read the papers at New York Public Library.", "New York", "A.ADM1"},
		{"She moved from New York to Ohio after college.", "New York", "P.PPL"},
		{"Snow closed schools across upstate New York on Monday.", "New York", "A.ADM1"},
		{"Voters in New York State will decide the measure.", "New York", "A.ADM1"},
		{"Storms hit roads in New York and New Jersey overnight.", "New York", "A.ADM1"},
		{"The plant near Albany, New York, will close.", "New York", "A.ADM1"},
	}
	for _, tc := range tests {
		m, ok := resolveIn(t, g, tc.text, tc.span)
		if !ok || m.Place.Kind != tc.wantKind {
			t.Errorf("Resolve(%q in %q) = %s %s (%s), want %s", tc.span, tc.text, m.Place.Name, m.Place.Kind, m.Rule, tc.wantKind)
		}
	}
}
