package gazetteer

import (
	"strings"
	"testing"
)

// TestMonthDates checks that a month before a day or a year is a date,
// not a place the month's name or abbreviation also spells.
func TestMonthDates(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct {
		text, name string
		place      bool
	}{
		{"Bars in Lexington County that were open as of Jan. 1 may keep their patios.", "Jan", false},
		{"The council in Cambridge will vote on March 15th on the new road.", "March", false},
		{"Farmers near Peterborough said the frost of March 2019 ruined the crop.", "March", false},
	} {
		found := false
		for _, m := range g.Find(tc.text) {
			found = found || m.Text == tc.name
		}
		if found != tc.place {
			t.Errorf("%q: %s found %v, want %v", tc.text, tc.name, found, tc.place)
		}
	}
	for s, want := range map[string]bool{"jan. 1": true, "march 2019": true, "sept. 30th": true, "may 5km": false, "may 123": false, "mayo 5": false, "may": false} {
		end := len(s)
		if k := strings.IndexAny(s, ". "); k >= 0 {
			end = k
		}
		sp := span{nameEnd: end, tokens: 1}
		if got := monthDate(s, s, &sp); got != want {
			t.Errorf("monthDate(%q) = %v, want %v", s, got, want)
		}
	}
}
