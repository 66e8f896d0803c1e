package gazetteer

import "strings"

// loadFirstNames adds to the given names (data/givennames.txt) the
// English first names of data/firstnames.txt that cannot be a place a
// report means: none of the name's readings is a region, a country or a
// town with a known population. A given name makes the capitalised word
// after it a surname ("Tina Hickson"), and is itself never read alone as
// a place, so "Tina", a hamlet of no recorded population, stays a person
// while Florence, Austin and Jackson stay towns.
func (g *Gazetteer) loadFirstNames() error {
	b, err := dataFS.ReadFile("data/firstnames.txt")
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(b), "\n") {
		w := strings.TrimSpace(line)
		if w == "" || w[0] == '#' || g.words.given[w] || !g.personOnly(w) {
			continue
		}
		g.words.given[w] = true
	}
	return nil
}

// personOnly reports whether no reading of the name is a region, a
// country or a populated town.
func (g *Gazetteer) personOnly(name string) bool {
	for _, c := range g.lookup(Normalize(name)) {
		if e := &g.entries[c]; e.level <= levelAdmin1 || e.Population > 0 {
			return false
		}
	}
	return true
}
