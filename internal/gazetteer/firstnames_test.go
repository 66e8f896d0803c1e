package gazetteer

import "testing"

// TestFirstNames checks that first names which name no notable place join
// the given names, while names that are towns, regions or countries do
// not, and that a surname after such a first name is no place.
func TestFirstNames(t *testing.T) {
	g := loadTest(t)
	for _, w := range []string{"tina", "gwendolyn", "marlene", "kendra"} {
		if !g.words.given[w] {
			t.Errorf("%q is not a given name", w)
		}
	}
	for _, w := range []string{"florence", "austin", "georgia", "jordan", "victoria"} {
		if g.words.given[w] {
			t.Errorf("%q, a place, was taken as a given name", w)
		}
	}
	text := "Gwendolyn Brooks, who runs the shelter, met officials in Florence on Monday."
	found := false
	for _, m := range g.Find(text) {
		switch got := text[m.Start:m.End]; got {
		case "Brooks", "Gwendolyn", "Gwendolyn Brooks":
			t.Errorf("person %q read as a place (%s)", got, m.Place.Name)
		case "Florence":
			found = true
		}
	}
	if !found {
		t.Errorf("Florence not found in %q", text)
	}
}
