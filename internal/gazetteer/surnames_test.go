package gazetteer

import "testing"

// TestDropSurnames checks that a one-word name the document also writes
// after a given name is a person's throughout it, while a name with a
// region or a big city among its readings stays a place.
func TestDropSurnames(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct {
		text string
		want map[string]bool // name -> reported as a place
	}{
		{"Lexington police arrested two men. Jim Fayette told reporters that Fayette expects more arrests.",
			map[string]bool{"Lexington": true, "Fayette": false}},
		{"The festival in Athens drew large crowds. Organiser Laura McMinn said McMinn hopes to hold it again.",
			map[string]bool{"Athens": true, "McMinn": false}},
		{"George Washington slept here, and Washington later paid the bill. Jim Jackson moved to Jackson.",
			map[string]bool{"Washington": true, "Jackson": true}},
		{"Fayette deputies searched the farm on Monday.", map[string]bool{"Fayette": true}},
	} {
		got := map[string]bool{}
		for _, m := range g.Find(tc.text) {
			got[m.Text] = true
		}
		for name, want := range tc.want {
			if got[name] != want {
				t.Errorf("%q: %s found %v, want %v", tc.text, name, got[name], want)
			}
		}
	}
}
