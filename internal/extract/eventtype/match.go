package eventtype

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
)

// hit is one pattern found in the text, over tokens [start, end).
type hit struct {
	set, pat   int
	start, end int
	sent       int
}

// evidence is a cue before it is turned into a public Cue.
type evidence struct {
	label      int
	start, end int // bytes
	sent       int
	rule       string
	weight     float64
}

// state is the per-call scratch space, pooled so Classify allocates little.
type state struct {
	toks     []token
	hits     []hit
	first    []int   // per cue set: index of its first hit, or -1
	best     []int   // per cue set: index of its best-weighted hit, or -1
	touched  []int   // the cue sets with a hit: the only ones reset sets back to -1
	scored   []int   // scoreCues' scratch: the sets it scores, in cueOrder
	cands    []int   // scoreCombos' and applyPrefs' scratch: the rules that may apply
	modes    []uint8 // per sentence: bit m set when sentence mode m's group matched
	cueScore []float64
	score    []float64
	dropped  []bool
	evidence []evidence
	order    []int
	lede     int // last sentence of the lede: the first with ledeWords words, and any dateline before it
}

// ledeWords is how many words the first real sentence of a snippet has at
// least; shorter ones before it ("Sanaa.", "Kabul (AP).") are datelines.
const ledeWords = 6

// maxHits bounds the work on pathological input (a text repeating one cue).
const maxHits = 4096

func (s *state) reset(nSets, nLabels int) {
	s.toks, s.hits, s.evidence, s.order = s.toks[:0], s.hits[:0], s.evidence[:0], s.order[:0]
	if len(s.first) == nSets && len(s.best) == nSets {
		// a classifier has hundreds of sets and a text hits a few:
		// only those are not -1 still
		for _, set := range s.touched {
			s.first[set], s.best[set] = -1, -1
		}
	} else {
		s.first, s.best = resize(s.first, nSets), resize(s.best, nSets)
		for i := range s.first {
			s.first[i], s.best[i] = -1, -1
		}
	}
	s.touched = s.touched[:0]
	s.modes = s.modes[:0]
	s.cueScore = zero(s.cueScore, nLabels)
	s.score = zero(s.score, nLabels)
	if cap(s.dropped) < nLabels {
		s.dropped = make([]bool, nLabels)
	}
	s.dropped = s.dropped[:nLabels]
	clear(s.dropped)
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

func zero(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// run tokenizes text, finds every pattern and scores every label; lower
// is Lower(text), or "".
func (c *Classifier) run(text, lower string) *state {
	rs := c.rs
	st := c.scratch.Get().(*state)
	st.reset(len(rs.sets), len(rs.labels))
	st.toks = rs.tokenize(text, lower, st.toks)
	st.lede = findLede(st.toks)
	rs.findHits(st)
	rs.markModes(st)
	rs.markSubordinate(st)
	rs.scoreCues(st)
	rs.scoreCombos(st)
	rs.applyPrefs(st)
	return st
}

// bestUncovered returns the best-weighted hit of cue set set whose words no
// heavier cue of its label has counted, or best and true when every hit is
// covered.
func (rs *ruleSet) bestUncovered(st *state, set, best int) (int, bool) {
	l := rs.sets[set].label
	pick, f := -1, 0.0
	for i := st.first[set]; i < len(st.hits); i++ {
		h := &st.hits[i]
		if h.set != set || st.covered(l, st.toks[h.start].start, st.toks[h.end-1].end) {
			continue
		}
		if hf := rs.factor(st, h.sent, h.start); pick < 0 || hf > f {
			pick, f = i, hf
		}
	}
	if pick < 0 {
		return best, true
	}
	return pick, false
}

// indexPrefixed fills prefixedBy: for each first byte of a word, the
// prefixed patterns, in their order, that may start there. A pattern led by
// a prefix ("smuggl*") can only start at a word with the prefix's first
// byte; one led otherwise (a number, a group with words in it) may start
// anywhere and is kept under every byte.
func (rs *ruleSet) indexPrefixed() {
	for b := range rs.prefixedBy {
		rs.prefixedBy[b] = nil
	}
	for _, p := range rs.prefixed {
		var bytes [256]bool
		if !rs.leadBytes(rs.patterns[p].elems[0], &bytes, 0) {
			for b := range bytes {
				bytes[b] = true
			}
		}
		for b, ok := range bytes {
			if ok {
				rs.prefixedBy[b] = append(rs.prefixedBy[b], p)
			}
		}
	}
}

// leadBytes marks the first bytes of the words element e can start with,
// and reports false when it cannot tell (a stem, which an irregular form
// may reach from another letter, a number, a name).
func (rs *ruleSet) leadBytes(e elem, bytes *[256]bool, depth int) bool {
	switch e.kind {
	case elemPrefix:
		bytes[e.s[0]] = true
		return true
	case elemExact:
		bytes[e.s[0]] = true
		return true
	case elemGroup:
		if depth > 8 {
			return false
		}
		for _, q := range rs.setPatterns[e.n] {
			if !rs.leadBytes(rs.patterns[q].elems[0], bytes, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// haveAll reports whether every cue set in sets has a hit.
func (st *state) haveAll(sets []int) bool {
	for _, s := range sets {
		if st.first[s] < 0 {
			return false
		}
	}
	return true
}

// covered reports whether a cue already counted for label l overlaps the
// bytes [start, end): the same words named again by a lighter cue.
func (st *state) covered(l, start, end int) bool {
	for _, ev := range st.evidence {
		if ev.label == l && ev.weight > 0 && ev.start < end && start < ev.end {
			return true
		}
	}
	return false
}

// inLede reports whether label l has positive evidence in the lede.
func (st *state) inLede(l int) bool {
	for _, ev := range st.evidence {
		if ev.label == l && ev.weight > 0 && ev.sent <= st.lede {
			return true
		}
	}
	return false
}

// findLede returns the sentence that ends the lede: the first sentence of
// at least ledeWords words (the sentences before it are datelines), or the
// last sentence when none is that long.
func findLede(toks []token) int {
	n, sent := 0, 0
	for _, t := range toks {
		if t.sent != sent {
			sent, n = t.sent, 0
		}
		if n++; n >= ledeWords {
			return sent
		}
	}
	return sent
}

// findHits tries, at every token, the patterns that may start there.
func (rs *ruleSet) findHits(st *state) {
	toks := st.toks
	for i := range toks {
		if id := toks[i].sid; id >= 0 {
			rs.tryAll(st, rs.firstByID[id], i)
		}
		if id := toks[i].wid; id >= 0 {
			rs.tryAll(st, rs.wordByID[id], i)
		}
		rs.tryAll(st, rs.prefixedBy[toks[i].word[0]], i)
		if len(st.hits) >= maxHits {
			return
		}
	}
}

// tryAll tries the patterns ps at token i. Most end at their next
// element, checked here in line, before the call that matches the rest.
func (rs *ruleSet) tryAll(st *state, ps []int, i int) {
	for _, p := range ps {
		pt := &rs.patterns[p]
		if pt.hasNext && !nextMatches(st.toks, i, &pt.next) {
			continue
		}
		rs.matchPattern(st, pt, p, i)
	}
}

// nextMatches reports whether the token after i, in i's sentence, matches
// a pattern's next element.
func nextMatches(toks []token, i int, next *elem) bool {
	j := i + 1
	return j < len(toks) && toks[j].sent == toks[i].sent && next.matchesWord(&toks[j])
}

// matchPattern records a hit of pattern p (pt) when it matches from token i.
func (rs *ruleSet) matchPattern(st *state, pt *pattern, p, i int) {
	end := rs.matchFrom(pt.elems, st.toks, i, st.toks[i].sent)
	if end < 0 {
		return
	}
	set := pt.set
	if st.first[set] < 0 {
		st.first[set] = len(st.hits)
		st.touched = append(st.touched, set)
	}
	st.hits = append(st.hits, hit{set: set, pat: p, start: i, end: end, sent: st.toks[i].sent})
}

// matchFrom matches elems against toks from index i, within one sentence,
// and returns the index after the match or -1.
func (rs *ruleSet) matchFrom(elems []elem, toks []token, i, sent int) int {
	for k := range elems {
		e := &elems[k]
		if e.kind == elemGroup {
			return rs.matchGroup(e.n, elems[k+1:], toks, i, sent)
		}
		if e.kind == elemGap {
			for skip := 0; skip <= e.n; skip++ {
				j := i + skip
				if j >= len(toks) || toks[j].sent != sent {
					break
				}
				if end := rs.matchFrom(elems[k+1:], toks, j, sent); end >= 0 {
					return end
				}
			}
			return -1
		}
		if e.kind == elemNot {
			if i < len(toks) && toks[i].sent == sent && toks[i].sid == e.id {
				return -1
			}
			continue
		}
		if i >= len(toks) || toks[i].sent != sent || !e.matches(&toks[i]) {
			return -1
		}
		i++
	}
	return i
}

// matchGroup matches any pattern of group set at i, followed by rest.
func (rs *ruleSet) matchGroup(set int, rest []elem, toks []token, i, sent int) int {
	if i >= len(toks) || toks[i].sent != sent {
		return -1
	}
	ix := &rs.setIndex[set]
	var byStem, byWord []int
	if id := toks[i].sid; id >= 0 {
		byStem = listOf(rs.stemSets[id], set)
	}
	if id := toks[i].wid; id >= 0 {
		byWord = listOf(rs.wordSets[id], set)
	}
	for _, list := range [3][]int{byStem, byWord, ix.any} {
		for _, p := range list {
			pt := &rs.patterns[p]
			if pt.hasNext && (i+1 >= len(toks) || toks[i+1].sent != sent || !pt.next.matchesWord(&toks[i+1])) {
				continue
			}
			end := rs.matchFrom(pt.elems, toks, i, sent)
			if end < 0 {
				continue
			}
			if r := rs.matchFrom(rest, toks, end, sent); r >= 0 {
				return r
			}
		}
	}
	return -1
}

// matchesWord is matches for a pattern's next element, which is a word
// or an exact word (see addPattern): small enough to inline where every
// candidate pattern is tried.
func (e *elem) matchesWord(t *token) bool {
	if e.kind == elemWord {
		return t.sid == e.id && !(e.lower && t.name)
	}
	return t.wid == e.id
}

func (e *elem) matches(t *token) bool {
	switch e.kind {
	case elemWord:
		return t.sid == e.id && !(e.lower && t.name)
	case elemExact:
		return t.wid == e.id
	case elemPrefix:
		return len(t.word) >= len(e.s) && t.word[:len(e.s)] == e.s
	case elemNumber:
		return t.num
	case elemYear:
		w := t.word
		return len(w) == 4 && t.num && (w[:2] == "19" || w[:2] == "20")
	case elemName:
		return t.name
	}
	return false
}

// factor is how much a cue at token tok of sentence sent counts: the first
// sentence in full, later ones less, background or hypothetical sentences
// and subordinate clauses less again. tok < 0 means the sentence as a whole.
func (rs *ruleSet) factor(st *state, sent, tok int) float64 {
	f := 1.0
	if sent > 0 {
		f = rs.opts.laterFactor
	}
	if sent < len(st.modes) {
		for m := range numModes {
			if st.modes[sent]&(1<<m) != 0 {
				f *= rs.opts.modeFactor[m]
			}
		}
	}
	if tok >= 0 && st.toks[tok].sub {
		f *= rs.opts.subFactor
	}
	return f
}

// markSubordinate flags the tokens after a subordinate group's match, to
// the end of its clause.
func (rs *ruleSet) markSubordinate(st *state) {
	if rs.subSet < 0 || st.first[rs.subSet] < 0 {
		return
	}
	for _, h := range st.hits[st.first[rs.subSet]:] {
		if h.set != rs.subSet {
			continue
		}
		// From the marker's end: a cue that starts at the marker itself
		// ("after .. withdrew") is about the context and keeps its weight.
		cl := st.toks[h.start].clause
		for j := h.end; j < len(st.toks) && st.toks[j].clause == cl; j++ {
			st.toks[j].sub = true
		}
	}
}

// markModes flags the sentences where a sentence mode's group matched.
func (rs *ruleSet) markModes(st *state) {
	if len(st.toks) == 0 {
		return
	}
	n := st.toks[len(st.toks)-1].sent + 1
	for i := 0; i < n; i++ {
		st.modes = append(st.modes, 0)
	}
	for m, set := range rs.modeSet {
		if set < 0 || st.first[set] < 0 {
			continue
		}
		for _, h := range st.hits[st.first[set]:] {
			if h.set == set {
				st.modes[h.sent] |= 1 << m
			}
		}
	}
}

// scoreCues adds each fired cue line's weight to its label once, scaled by
// the factor of its best-placed hit (an early, asserted, main-clause one).
func (rs *ruleSet) scoreCues(st *state) {
	for i, h := range st.hits {
		if rs.sets[h.set].label < 0 {
			continue
		}
		if b := st.best[h.set]; b < 0 || rs.factor(st, h.sent, h.start) > rs.factor(st, st.hits[b].sent, st.hits[b].start) {
			st.best[h.set] = i
		}
	}
	// The sets with a best hit, in cueOrder: the same walk as over all of
	// cueOrder, skipping the (many) sets without one.
	st.scored = st.scored[:0]
	for _, set := range st.touched {
		if st.best[set] >= 0 {
			st.scored = append(st.scored, set)
		}
	}
	slices.SortFunc(st.scored, func(a, b int) int { return cmp.Compare(rs.cuePos[a], rs.cuePos[b]) })
	for _, set := range st.scored {
		h := st.best[set]
		cs := &rs.sets[set]
		covered := false
		if rs.opts.overlap != 1 && cs.weight > 0 {
			h, covered = rs.bestUncovered(st, set, h)
		}
		first := st.hits[h]
		w := cs.weight * rs.factor(st, first.sent, first.start)
		if covered {
			w *= rs.opts.overlap
		}
		st.cueScore[cs.label] += w
		st.evidence = append(st.evidence, evidence{
			label: cs.label, start: st.toks[first.start].start, end: st.toks[first.end-1].end,
			sent: first.sent, rule: rs.patterns[first.pat].rule, weight: w,
		})
	}
	copy(st.score, st.cueScore)
}

// scoreCombos applies the "when" rules whose conditions all hold.
func (rs *ruleSet) scoreCombos(st *state) {
	// Only a combo whose first needed set was hit (or that needs none) can
	// hold: those, in file order, are the same walk as over every combo.
	st.cands = append(st.cands[:0], rs.combosAlways...)
	for _, set := range st.touched {
		st.cands = append(st.cands, rs.combosBy[set]...)
	}
	slices.Sort(st.cands)
	for _, ci := range st.cands {
		cb := &rs.combos[ci]
		if !st.haveAll(cb.need) {
			continue // a group the conditions need found nothing
		}
		start, end, sent, ok := rs.holds(st, cb)
		if !ok {
			continue
		}
		w := cb.weight
		if w > 0 {
			w *= rs.factor(st, sent, tokenAt(st.toks, start))
		}
		st.score[cb.label] += w
		st.evidence = append(st.evidence, evidence{label: cb.label, start: start, end: end, sent: sent, rule: cb.rule, weight: w})
	}
}

// holds evaluates a combo's conditions and returns the span its positive
// group conditions cover.
func (rs *ruleSet) holds(st *state, cb *combo) (start, end, sent int, ok bool) {
	start, end = -1, -1
	widen := func(a, b int) {
		if start < 0 || a < start {
			start = a
		}
		if b > end {
			end = b
		}
	}
	for _, cd := range cb.conds {
		var fired bool
		var a, b, s int
		switch {
		case cd.before >= 0:
			a, b, s, fired = rs.ordered(st, cd.set, cd.before, cd.window)
		case cd.set >= 0:
			if h := st.first[cd.set]; h >= 0 {
				fired = true
				a, b, s = st.toks[st.hits[h].start].start, st.toks[st.hits[h].end-1].end, st.hits[h].sent
			}
		case cd.lede:
			fired = st.inLede(cd.label)
		default:
			fired = st.cueScore[cd.label] > 0
		}
		if cd.lede && s > st.lede {
			fired = false // the first match is past the lede, so none is in it
		}
		if fired == cd.neg {
			return 0, 0, 0, false
		}
		if fired && cd.set >= 0 {
			widen(a, b)
			sent = max(sent, s)
		}
	}
	if start < 0 {
		start, end = 0, 0
	}
	return start, end, sent, true
}

// ordered finds a hit of set a that ends before a hit of set b starts, in
// the same sentence and within the before window.
func (rs *ruleSet) ordered(st *state, a, b, window int) (start, end, sent int, ok bool) {
	if st.first[a] < 0 || st.first[b] < 0 {
		return 0, 0, 0, false
	}
	for _, ha := range st.hits[st.first[a]:] {
		if ha.set != a {
			continue
		}
		for _, hb := range st.hits[st.first[b]:] {
			if hb.set == b && hb.sent == ha.sent && hb.start >= ha.end && hb.start-ha.end <= window {
				return st.toks[ha.start].start, st.toks[hb.end-1].end, ha.sent, true
			}
		}
	}
	return 0, 0, 0, false
}

// applyPrefs drops a loser label when its winner scored too, and leaves a
// zero-weight note on the winner saying which rival it beat and why.
func (rs *ruleSet) applyPrefs(st *state) {
	// A preference whose loser scores nothing never applies (scores do not
	// change here): the others, in file order.
	st.cands = st.cands[:0]
	for l, sc := range st.score {
		if sc > 0 {
			st.cands = append(st.cands, rs.prefsBy[l]...)
		}
	}
	slices.Sort(st.cands)
	for _, pi := range st.cands {
		p := rs.prefs[pi]
		if st.dropped[p.winner] || st.dropped[p.loser] || st.score[p.winner] < p.min || st.score[p.loser] <= 0 {
			continue
		}
		st.dropped[p.loser] = true
		for _, ev := range st.evidence {
			if ev.label == p.loser && ev.weight > 0 {
				st.evidence = append(st.evidence, evidence{label: p.winner, start: ev.start, end: ev.end, sent: ev.sent, rule: p.rule, weight: 0})
				break
			}
		}
	}
}

// ranked lists the labels that reached the minimum score, best first; ties
// go to the label whose first cue comes earlier, then to codebook order.
func (st *state) ranked(rs *ruleSet) []int {
	return st.rankedAbove(rs, rs.opts.minScore)
}

// rankedAbove lists the labels scoring at least min, best first.
func (st *state) rankedAbove(rs *ruleSet, min float64) []int {
	firstAt := func(l int) int {
		best := -1
		for _, ev := range st.evidence {
			if ev.label == l && ev.weight > 0 && (best < 0 || ev.start < best) {
				best = ev.start
			}
		}
		return best
	}
	for l, s := range st.score {
		if !st.dropped[l] && s >= min && s > 0 {
			st.order = append(st.order, l)
		}
	}
	slices.SortStableFunc(st.order, func(a, b int) int {
		if st.score[a] != st.score[b] {
			if st.score[a] > st.score[b] {
				return -1
			}
			if st.score[b] > st.score[a] {
				return 1
			}
			return 0
		}
		return cmp.Compare(firstAt(a), firstAt(b))
	})
	return st.order
}

// describe precomputes the rule strings that cues carry.
func (rs *ruleSet) describe() {
	for i := range rs.patterns {
		p := &rs.patterns[i]
		cs := rs.sets[p.set]
		if cs.label >= 0 {
			p.rule = fmt.Sprintf("%s:%d cue %s %+g: %s", rs.file, cs.line, rs.labels[cs.label], cs.weight, p.src)
		} else {
			p.rule = fmt.Sprintf("%s:%d group %s: %s", rs.file, cs.line, cs.name, p.src)
		}
	}
	for i := range rs.combos {
		cb := &rs.combos[i]
		cb.rule = fmt.Sprintf("%s:%d when %s %+g: %s", rs.file, cb.line, rs.labels[cb.label], cb.weight, cb.src)
	}
	for i := range rs.prefs {
		p := &rs.prefs[i]
		p.rule = fmt.Sprintf("%s:%d prefer %s > %s min %g", rs.file, p.line, rs.labels[p.winner], rs.labels[p.loser], p.min)
	}
	rs.indexPrefixed()
	rs.numberWords()
	// Cue sets are scored in file order, or heaviest first when lighter
	// cues over the same words count less (option overlap).
	rs.cueOrder = rs.cueOrder[:0]
	for i := range rs.sets {
		rs.cueOrder = append(rs.cueOrder, i)
	}
	if rs.opts.overlap != 1 {
		slices.SortStableFunc(rs.cueOrder, func(a, b int) int { return cmp.Compare(rs.sets[b].weight, rs.sets[a].weight) })
	}
	rs.cuePos = make([]int, len(rs.sets))
	for pos, set := range rs.cueOrder {
		rs.cuePos[set] = pos
	}
	rs.indexCombos()
}

// indexCombos files each combo under the first cue set it needs and each
// preference under its loser, so that a text is only checked against the
// rules its hits can make hold.
func (rs *ruleSet) indexCombos() {
	rs.combosBy, rs.combosAlways = make([][]int, len(rs.sets)), nil
	for ci, cb := range rs.combos {
		if len(cb.need) == 0 {
			rs.combosAlways = append(rs.combosAlways, ci)
			continue
		}
		rs.combosBy[cb.need[0]] = append(rs.combosBy[cb.need[0]], ci)
	}
	rs.prefsBy = make([][]int, len(rs.labels))
	for pi, p := range rs.prefs {
		rs.prefsBy[p.loser] = append(rs.prefsBy[p.loser], pi)
	}
}

// inMode reports whether every positive cue of label l lies in a sentence
// of mode m, and adds to cues a zero-weight note for each of that mode's
// markers.
func (rs *ruleSet) inMode(st *state, text string, l, m int, cues []Cue) (bool, []Cue) {
	set := rs.modeSet[m]
	if set < 0 || st.first[set] < 0 {
		return false, cues
	}
	any := false
	for _, ev := range st.evidence {
		if ev.label == l && ev.weight > 0 {
			if ev.sent >= len(st.modes) || st.modes[ev.sent]&(1<<m) == 0 {
				return false, cues
			}
			any = true
		}
	}
	if !any {
		return false, cues
	}
	for _, h := range st.hits[st.first[set]:] {
		if h.set == set {
			s, e := st.toks[h.start].start, st.toks[h.end-1].end
			cues = append(cues, Cue{Start: s, End: e, Text: text[s:e], Rule: rs.patterns[h.pat].rule})
		}
	}
	return true, cues
}

// tokenAt returns the index of the token starting at byte offset b, or -1.
func tokenAt(toks []token, b int) int {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= b })
	if i < len(toks) && toks[i].start == b {
		return i
	}
	return -1
}
