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
// low prior abbrevPrior. The text scan leaves the copies out but after a
// town (see withoutCopies and withCopiesAfterTown): it finds no place in
// "Mass graves", yet "Kindersley, Sask." still qualifies the town. Resolve,
// given a name a reader marked as a place, reads them. An abbreviation
// that already reads as its target (GeoNames spells British Columbia "BC")
// adds nothing.
func (g *Gazetteer) loadAbbreviations() error {
	rows, err := readTSV("data/abbreviations.tsv", 3)
	if err != nil {
		return err
	}
	g.abbrevFrom = int32(len(g.entries))
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

// withoutCopies returns cands less the abbreviation copies, for the text
// scan: "Mass graves" and "the ACT score" name no state. Copies are the
// last entries, so most lists pass unchanged; cands is not modified.
func (g *Gazetteer) withoutCopies(cands []int32) []int32 {
	n := 0
	for _, i := range cands {
		if i < g.abbrevFrom {
			n++
		}
	}
	if n == len(cands) {
		return cands
	}
	out := make([]int32, 0, n)
	for _, i := range cands {
		if i < g.abbrevFrom {
			out = append(out, i)
		}
	}
	return out
}

// withCopiesAfterTown gives the text scan every reading of key, the
// abbreviation copies and those a common word lends, where the span
// [start, end) stands after a town ("CAMP MURRAY, Wash."): there the
// abbreviation names the town's region. Elsewhere it returns cands, the
// scan's candidates; it never modifies them.
func (g *Gazetteer) withCopiesAfterTown(text string, start, end int, key string, cands []int32) []int32 {
	if start < 3 || text[start-2:start] != ", " || !g.qualifierPosition(text, start, end) {
		return cands
	}
	all := g.lookup(key)
	if len(all) == len(cands) {
		return cands
	}
	return all
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
