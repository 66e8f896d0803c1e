package quantity

// subjectCount applies the rules where the figure comes first: "two members
// were killed", "12 bodies", "five others had also been wounded".
func (s *scanner) subjectCount(i int) (Count, bool) {
	if s.used[i] {
		return Count{}, false
	}
	it, ok := s.item(i)
	if !ok {
		return Count{}, false
	}
	items := s.subjectList(it)
	k := s.skipAside(items[len(items)-1].end)
	aux := 0
	for k < len(s.toks) && (auxWords[s.toks[k].Lower] || s.mannerAdverb(k)) && aux < 6 && !s.active[k] {
		k, aux = k+1, aux+1
	}
	tr, ok := triggers[s.lower(k)]
	if !ok || !(tr.passive || (tr.head && aux == 0)) {
		return s.headCount(i, it)
	}
	if len(tr.follow) > 0 {
		n := s.follows(k+1, tr)
		if n < 0 {
			return s.headCount(i, it)
		}
		k += n
	} else if bareHead := tr.head && it.whoEnd == it.whoStart; aux == 0 && !bareHead && !s.passiveReading(k) {
		return s.headCount(i, it) // "9 wounded" is fine, "two gunmen killed the guard" is not
	}
	kinds := []string{tr.kind}
	if (s.is(k+1, "and") || s.is(k+1, "or")) && s.passiveTrigger(k+2) {
		kinds = append(kinds, triggers[s.lower(k+2)].kind)
		k += 2
	}
	rule := "subject-passive"
	if aux == 0 && tr.head && !tr.passive {
		rule = "head-noun"
	}
	for m := i; m <= k; m++ {
		s.used[m] = true
	}
	return s.build(i, k+1, items, jointKind(kinds), rule), true
}

// subjectList extends a counted phrase with more joined by "and" or commas:
// "two soldiers and a translator were killed".
func (s *scanner) subjectList(first item) []item { return s.joined(first, false) }

// headCount counts a phrase whose own noun says what happened: "four
// hostages", "12 bodies were found".
func (s *scanner) headCount(i int, it item) (Count, bool) {
	if s.is(it.end, "lives") && lifeVerbs[s.lower(i-1)] { // "claimed 12 lives"
		return s.finishSubject(i, it.end, it, []string{Killed}, "lives"), true
	}
	for k := it.whoEnd - 1; k >= it.whoStart && k >= 0; k-- {
		if tr, ok := triggers[s.toks[k].Lower]; ok && headOnly(tr) {
			return s.finishSubject(i, it.end-1, it, []string{tr.kind}, "head-noun"), true
		}
	}
	return Count{}, false
}

// lifeVerbs take a number of lives: "claimed 12 lives", "cost three lives"
// (not "saved 12 lives").
var lifeVerbs = set("claimed", "claiming", "claims", "claim", "took", "taking",
	"takes", "cost", "costing", "costs")

// asides may sit between a counted phrase and its verb: "seven people,
// including two children, were killed".
var asides = set("including", "among", "mostly", "most", "all", "many", "some", "both", "mainly")

// skipAside passes over ", including two children," after a counted phrase,
// or "including two children" up to the verb.
func (s *scanner) skipAside(k int) int {
	if dash := s.lower(k); dash == "-" || dash == "–" || dash == "—" {
		for j := k + 1; j < len(s.toks) && j < k+14; j++ { // "- including a major -"
			if l := s.toks[j].Lower; l == dash {
				return j + 1
			}
		}
		return k
	}
	if placePreps[s.lower(k)] {
		for j := k + 1; j < len(s.toks) && j < k+8; j++ { // "six rangers in the park were killed"
			if auxWords[s.toks[j].Lower] && !leadDeterminers[s.toks[j].Lower] && s.passiveAfter(j) {
				return j
			}
			if s.toks[j].Kind == Punct || npStop[s.toks[j].Lower] && !placeInner[s.toks[j].Lower] {
				break
			}
		}
		return k
	}
	if s.is(k, "including") || s.is(k, "among") {
		for j := k + 1; j < len(s.toks) && j < k+10; j++ {
			if auxWords[s.toks[j].Lower] && !leadDeterminers[s.toks[j].Lower] {
				return j
			}
			if s.toks[j].Kind == Punct {
				break
			}
		}
		return k
	}
	if !s.is(k, ",") || !asides[s.lower(k+1)] {
		return k
	}
	for j := k + 2; j < len(s.toks) && j < k+14; j++ {
		if s.is(j, ",") {
			return j + 1
		}
	}
	return k
}

// placePreps open a place phrase a subject may carry before its verb.
var placePreps = set("in", "at", "near", "from", "on", "inside", "outside")

// placeInner may occur inside such a phrase.
var placeInner = set("of", "the")

// passiveAfter reports whether auxiliaries from j lead to a casualty
// participle.
func (s *scanner) passiveAfter(j int) bool {
	for n := 0; j < len(s.toks) && n < 6 && auxWords[s.toks[j].Lower]; n++ {
		j++
	}
	tr, ok := triggers[s.lower(j)]
	return ok && tr.passive
}

func (s *scanner) finishSubject(i, k int, it item, kinds []string, rule string) Count {
	for m := i; m <= k; m++ {
		s.used[m] = true
	}
	return s.build(i, k+1, []item{it}, jointKind(kinds), rule)
}

// passiveReading decides whether a bare participle right after a noun
// phrase is passive ("three soldiers killed in the blast") rather than an
// active verb whose object has no figure ("two gunmen killed the guard").
func (s *scanner) passiveReading(k int) bool {
	if s.active[k] {
		return false
	}
	next := k + 1
	if next >= len(s.toks) || s.toks[next].Kind == Punct {
		return true
	}
	return afterPassive[s.toks[next].Lower] || s.passiveTrigger(next)
}

func (s *scanner) passiveTrigger(k int) bool {
	tr, ok := triggers[s.lower(k)]
	return ok && (tr.passive || tr.head)
}
