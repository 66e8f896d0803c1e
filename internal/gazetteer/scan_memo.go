package gazetteer

// A news report names the same places, people and organisations again and
// again; the scan's look-ups depend only on the words' spelling, so each
// distinct spelling is normalised and looked up once per document.

// surfaceHit is the look-up of one spelling: its normal form and the
// entries indexed under it (none: the spelling names no place).
type surfaceHit struct {
	key   string
	cands []int32
}

// lookupSurface is lookup(Normalize(surface)), less the borrowed readings
// of common words (see commonWordOnly) and the abbreviations that need
// context (see withoutCopies), once per spelling and document.
// The candidates are shared between the spans that spell a name alike:
// read them, never write them.
func (g *Gazetteer) lookupSurface(sc *scanScratch, surface string) (string, []int32) {
	if h, ok := sc.hits[surface]; ok {
		return h.key, h.cands
	}
	key := Normalize(surface)
	cands := g.withoutCopies(g.commonWordOnly(surface, key, g.lookup(key)))
	if sc.hits == nil {
		sc.hits = map[string]surfaceHit{}
	}
	sc.hits[surface] = surfaceHit{key, cands}
	return key, cands
}

// surfaceIsName reports whether surface, by itself, spells a gazetteer name.
func (g *Gazetteer) surfaceIsName(sc *scanScratch, surface string) bool {
	_, cands := g.lookupSurface(sc, surface)
	return len(cands) > 0
}

// surfaceMayOpen reports whether some key begins with the normal form of
// surface (two words) less its last letter, which a following word can
// still change ("Salah ad Din"); once per spelling and document.
func (g *Gazetteer) surfaceMayOpen(sc *scanScratch, surface string) bool {
	if ok, seen := sc.opens[surface]; seen {
		return ok
	}
	ok := true
	if p := Normalize(surface); len(p) >= 2 {
		ok = g.hasKeyPrefix(p[:len(p)-1])
	}
	if sc.opens == nil {
		sc.opens = map[string]bool{}
	}
	sc.opens[surface] = ok
	return ok
}
