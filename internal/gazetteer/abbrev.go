package gazetteer

import "fmt"

// abbrevPrior is the prior of a reading from data/abbreviations.tsv: that
// of a town of a million people, below a capital that GeoNames gives the
// same code (Sanaa is "SA", 11.3), so the abbreviation wins where the
// document names its country (+4) or where it stands after a town (+8,
// see qualifierPosition), and a lone code that GeoNames gives only to a
// smaller town (Waco is "ACT") reads as the region.
const abbrevPrior = 8

// loadAbbreviations adds the context-dependent abbreviations: each is a
// copy of its region or country, indexed under the abbreviation, with the
// low prior abbrevPrior. The copies are no alias spellings, so the text
// scan, which takes short capitals only as a place spelled so, does not
// find them by themselves; Resolve, given a name a reader marked as a
// place, does. An abbreviation that already reads as its target
// (GeoNames spells British Columbia "BC") adds nothing.
func (g *Gazetteer) loadAbbreviations() error {
	rows, err := readTSV("data/abbreviations.tsv", 3)
	if err != nil {
		return err
	}
	for n, r := range rows {
		if r[1] != "country" && r[1] != "admin1" {
			return parseErr("abbreviations.tsv", n+1, fmt.Errorf("target kind %q: want country or admin1", r[1]))
		}
		idx, ok := g.aliasTarget(r[1], r[2])
		if !ok {
			return parseErr("abbreviations.tsv", n+1, fmt.Errorf("no %s %q", r[1], r[2]))
		}
		k := Normalize(r[0])
		if k == "" || g.readsAs(k, idx) {
			continue
		}
		e := &g.entries[idx]
		g.add(g.place(idx), e.level, abbrevPrior, r[0])
	}
	return nil
}

// readsAs reports whether key already reads as entry idx or a copy of it.
func (g *Gazetteer) readsAs(key string, idx int32) bool {
	id := g.entries[idx].ID
	for _, i := range g.lookup(key) {
		if g.entries[i].ID == id {
			return true
		}
	}
	return false
}
