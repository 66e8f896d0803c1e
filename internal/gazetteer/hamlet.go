package gazetteer

import "strings"

// resolveHamlet places a name that nothing in the gazetteer's index reads
// at a one-word post-office town of that name (data/postal_hamlets.tsv),
// when the document points to the town's state: a qualifier after the
// name, here or where the document names it again, names the state
// ("Atalissa, Iowa"), or the other places the document names lie in it.
// ms are the document's mentions. Of several towns of the name, the one
// whose state has the most support wins; without support there is none,
// and the document's focus remains the guess.
func (g *Gazetteer) resolveHamlet(name, key string, hint Context, ms []Mention) (Mention, bool) {
	cands := g.hamlets[key]
	if len(cands) == 0 {
		return Mention{}, false
	}
	support := map[string]int{}
	for _, m := range ms {
		if m.Place.Admin1Code != "" && Normalize(m.Text) != key {
			support[m.Place.Admin1Code]++
		}
	}
	end := hint.End
	if end == 0 {
		end = hint.Offset + len(name)
	}
	g.qualifiedSupport(hint.Text, name, support)
	best, bestN := int32(-1), 0
	for _, i := range cands {
		if n := support[g.str(g.entries[i].Admin1Code)]; n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return Mention{}, false
	}
	rule := "gazetteer:postal-hamlet+doc-region"
	if bestN >= 100 {
		rule = "gazetteer:postal-hamlet+qualifier"
	}
	return Mention{Start: hint.Offset, End: end, Text: name, Place: g.place(best), Precision: 1,
		Score: 0.5, Rule: rule}, true
}

// qualifiedSupport adds, for each place in text where name stands with a
// qualifier after it ("Orient, Ohio"), a strong vote for the qualifier's
// states: the text says which state.
func (g *Gazetteer) qualifiedSupport(text, name string, support map[string]int) {
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return
		}
		end := from + i + len(name)
		if q := g.qualifierAfter(text, end); q != nil {
			for _, a := range q.admin1 {
				support[a] += 100
			}
		}
		from = end
	}
}
