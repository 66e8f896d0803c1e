package gazetteer

import (
	"strings"
	"testing"
)

// TestResolveAnchored checks that a name the gazetteer lacks is placed
// where the text around it says it is.
func TestResolveAnchored(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name, text, span string
		wantName, wantCC string
	}{
		{"in a town after it", "She studied law at Bellwether Polytechnic in Leeds before moving abroad.", "Bellwether Polytechnic", "Leeds", "GB"},
		{"a town after a comma", "The rector of the Saint Anselm Seminary, Enugu, spoke on Monday.", "Saint Anselm Seminary", "Enugu", "NG"},
		{"an institution of a town", "The bishop of the Evangelical Church of Mombasa preached.", "Evangelical Church", "Mombasa", "KE"},
		{"a town's possessive before it", "Flights were cancelled at Nairobi's Kilimanjaro Terminal on Sunday.", "Kilimanjaro Terminal", "Nairobi", "KE"},
		{"a possessive and an adjective", "Crowds gathered on Rome's famous Quirinale Esplanade at dusk.", "Quirinale Esplanade", "Rome", "IT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := resolveIn(t, g, tc.text, tc.span)
			if !ok || m.Place.Name != tc.wantName || m.Place.CountryCode != tc.wantCC {
				t.Errorf("Resolve(%q) = %s (%s) %q, want %s (%s)", tc.span, m.Place.Name, m.Place.CountryCode, m.Rule, tc.wantName, tc.wantCC)
			}
		})
	}
	// a comma after a name that is no institution, or before a region or a
	// list, anchors nothing
	for _, tc := range []struct{ text, span string }{
		{"Crews cleared Maplewood Bluff, Dover and Kent after the storm.", "Maplewood Bluff"},
		{"The Lakeside Seminary, Ohio, closed last year.", "Lakeside Seminary"},
		{"The Lakeside Seminary, Dover and Kent closed last year.", "Lakeside Seminary"},
		{"The Maplewood Bluff of Dover collapsed.", "Maplewood Bluff"},
	} {
		if m, ok := resolveIn(t, g, tc.text, tc.span); ok && strings.HasSuffix(m.Rule, "+anchored") {
			t.Errorf("Resolve(%q) = %s by %s: no anchor", tc.span, m.Place.Name, m.Rule)
		}
	}
}
