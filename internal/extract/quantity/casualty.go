package quantity

import (
	"sort"
	"strings"
)

// Count is one casualty figure found in a sentence.
//
// Conventions: N >= 0 is a figure (a lower bound when Qualifier is "at
// least" or "more than", or when Flags holds "round" for ACLED's plural
// rules such as "dozens" = 12). N = -1 with Rule "vague" means casualties of
// this Kind are reported without a figure ("several soldiers were killed").
// Kind is one of Killed, Wounded, Abducted, Arrested, or two of them joined by
// "_or_" when the text gives one figure for both ("killing and arresting more
// than 50": "killed_or_arrested"); the caller decides how to code those.
type Count struct {
	Start, End       int // span of the whole phrase in the text
	Text             string
	N                int
	Kind             string
	Qualifier        string // "", "at least", "more than", "about", "up to"
	Who              string // the counted noun phrase, "" if none
	WhoStart, WhoEnd int
	Rule             string
	// Flags: "statistic" (the sentence reads as an aggregate or estimate, see
	// IsStatistic), "round" (an ACLED plural convention), "range" (N is the
	// lower end of "10 to 15"), "definite" (one person named by a definite
	// phrase in object position: "killed the mayor"; a later sentence may
	// name the same person again), "partly-vague" (a sum with a vague part,
	// so N is a floor), "large" (N >= 1000).
	Flags []string
}

// item is one counted noun phrase: "a commanding officer", "four soldiers".
type item struct {
	start, end       int // token range, qualifier included
	n                int
	vague, round     bool
	rng              bool // a range, n is its lower end
	definite         bool // "the mayor": one person, named by role
	qual             string
	whoStart, whoEnd int // token range of the noun phrase
}

// scanner holds one sentence's tokens while the rules run over them.
type scanner struct {
	text   string
	toks   []Token
	used   []bool // tokens already part of a count
	active []bool // triggers that took an object after them
}

// Casualties finds the casualty counts in one sentence. Objects of a verb
// are counted, not its subject: in "gunmen killed two guards" the count is
// two guards.
func Casualties(text string) []Count {
	if !mentionsTrigger(text) {
		return nil
	}
	toks := Tokenize(text)
	if !anyTrigger(toks) {
		return nil
	}
	s := &scanner{text: text, toks: toks, used: make([]bool, len(toks)), active: make([]bool, len(toks))}
	var out []Count
	for t := range toks {
		if c, ok := s.objectCount(t); ok {
			out = append(out, c)
		}
	}
	for i := range toks {
		if !canStartItem(toks[i]) {
			continue
		}
		if c, ok := s.subjectCount(i); ok {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	if _, stat := statisticCue(toks); stat {
		for k := range out {
			out[k].Flags = append(out[k].Flags, "statistic")
		}
	}
	return out
}

// objectCount applies the rules where the figure follows its trigger:
// "killed two members", "killing and arresting 50", "the deaths of five".
func (s *scanner) objectCount(t int) (Count, bool) {
	tr, ok := triggers[s.toks[t].Lower]
	if !ok || s.used[t] {
		return Count{}, false
	}
	j, rule := t+1, "object"
	if len(tr.follow) > 0 {
		n := s.follows(j, tr)
		if n < 0 {
			return Count{}, false
		}
		j += n
	}
	kinds := []string{tr.kind}
	if tr.head && s.numberOf(t) {
		tr.toll = true // "the number of dead rose to 20"
	}
	switch {
	case tr.toll:
		for n := 0; n < 5 && tollVerbs[s.lower(j)]; n++ {
			j++
		}
		rule = "toll"
	case tr.ofNoun && s.is(j, "of"):
		j, rule = j+1, "of-noun"
	case tr.active:
		if s.is(j, "and") || s.is(j, "or") {
			if tr2, ok := triggers[s.lower(j+1)]; ok && tr2.active {
				kinds = append(kinds, tr2.kind)
				s.active[j+1] = true
				j, rule = j+2, "joint"
			} else if !ok && j+2 < len(s.toks) && s.toks[j+1].Kind == Word && s.startsNumberOrItem(j+2) {
				j += 2 // "arrested and beat six members": the count is of the first verb
			}
		}
	default:
		return Count{}, false
	}
	items, end := s.list(j, rule == "toll")
	if len(items) == 0 {
		return Count{}, false
	}
	s.active[t] = true
	for k := t; k < end; k++ {
		s.used[k] = true
	}
	return s.build(t, end, items, jointKind(kinds), rule), true
}

// startsNumberOrItem reports whether a counted phrase starts at k.
func (s *scanner) startsNumberOrItem(k int) bool {
	_, ok := s.item(k)
	return ok
}

// numberOf reports whether "number of" or "number of the" comes before
// token t.
func (s *scanner) numberOf(t int) bool {
	if s.is(t-1, "the") {
		t--
	}
	return s.is(t-1, "of") && s.is(t-2, "number")
}

// follows returns how many tokens at j complete a trigger that needs
// following words, or -1 when none of its phrases is there.
func (s *scanner) follows(j int, tr trigger) int {
	for _, f := range tr.follow {
		if hasWords(s.toks, j, f) {
			return len(f)
		}
	}
	return -1
}

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
	for k := it.whoEnd - 1; k >= it.whoStart && k >= 0; k-- {
		if tr, ok := triggers[s.toks[k].Lower]; ok && headOnly(tr) {
			return s.finishSubject(i, it.end-1, it, []string{tr.kind}, "head-noun"), true
		}
	}
	return Count{}, false
}

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

// list reads counted noun phrases joined by "and" or commas, stopping before
// one that is the subject of its own casualty verb ("killed two soldiers
// and three others were wounded").
func (s *scanner) list(j int, single bool) ([]item, int) {
	first, ok := s.objectItem(j)
	if !ok {
		return nil, j
	}
	items := []item{first}
	if !single {
		items = s.joined(first, true)
	}
	return items, items[len(items)-1].end
}

// joined extends a counted phrase with more joined by commas and a final
// "and" ("a colonel, a major and four soldiers"). Phrases after a comma
// with no "and" to close the run are dropped ("wounding several people, an
// official said"), as are bare vague words ("66 and several still missing").
func (s *scanner) joined(first item, object bool) []item {
	items, keep, end := []item{first}, 1, first.end
	for len(items) < 8 {
		k := end
		comma := s.is(k, ",")
		if comma {
			k++
		}
		and := s.is(k, "and")
		if and {
			k++
		}
		if !comma && !and {
			break
		}
		next, ok := s.item(k)
		if !ok && object {
			next, ok = s.objectItem(k)
		}
		if !ok || (object && s.hasOwnVerb(next)) || (next.vague && next.whoEnd == next.whoStart) {
			break
		}
		items, end = append(items, next), next.end
		if and {
			keep = len(items)
		}
	}
	return items[:keep]
}

// hasOwnVerb reports whether a casualty participle follows the item.
func (s *scanner) hasOwnVerb(it item) bool {
	k, aux := it.end, 0
	for k < len(s.toks) && auxWords[s.toks[k].Lower] {
		k, aux = k+1, aux+1
	}
	return aux > 0 && s.passiveTrigger(k)
}

// build turns a run of items into a Count spanning tokens [t, end).
func (s *scanner) build(t, end int, items []item, kind, rule string) Count {
	c := Count{Start: s.toks[t].Start, End: s.toks[end-1].End, Kind: kind, Rule: rule, Qualifier: items[0].qual}
	c.Text = s.text[c.Start:c.End]
	known, vague := 0, 0
	for _, it := range items {
		if it.vague {
			vague++
			continue
		}
		known++
		c.N += it.n
		if it.round {
			c.Flags = append(c.Flags, "round")
		}
		if it.rng {
			c.Flags = append(c.Flags, "range")
		}
		if it.definite {
			c.Flags = append(c.Flags, "definite")
		}
	}
	switch {
	case known == 0:
		c.N, c.Rule = -1, "vague"
	case vague > 0:
		c.Flags = append(c.Flags, "partly-vague")
		if c.Qualifier == "" {
			c.Qualifier = "at least"
		}
	}
	if len(items) > 1 && known > 0 {
		c.Rule += "+compound"
	}
	if c.N >= 1000 {
		c.Flags = append(c.Flags, "large")
	}
	first, last := items[0], items[len(items)-1]
	ws, we := first.whoStart, last.whoEnd
	if ws < we-1 && s.toks[ws].Lower == "of" {
		ws++ // "two of them" counts "them"
	}
	if len(items) > 1 {
		ws = first.start
		if first.qual != "" {
			ws = s.skipQualifier(first.start)
		}
	}
	if we > ws {
		c.WhoStart, c.WhoEnd = s.toks[ws].Start, s.toks[we-1].End
		c.Who = s.text[c.WhoStart:c.WhoEnd]
	}
	return c
}

func (s *scanner) skipQualifier(i int) int {
	if _, j := s.qualifier(i); j > i {
		return j
	}
	return i
}

// jointKind joins kinds in a fixed order without repeats.
func jointKind(kinds []string) string {
	if len(kinds) == 1 {
		return kinds[0]
	}
	var parts []string
	for _, k := range kindOrder {
		for _, have := range kinds {
			if have == k {
				parts = append(parts, k)
				break
			}
		}
	}
	return strings.Join(parts, "_or_")
}

func (s *scanner) is(k int, w string) bool {
	return k >= 0 && k < len(s.toks) && s.toks[k].Lower == w
}

func (s *scanner) lower(k int) string {
	if k < 0 || k >= len(s.toks) {
		return ""
	}
	return s.toks[k].Lower
}

// mentionsTrigger scans the raw text for a casualty word without
// tokenizing it: the quick exit for most sentences of an article.
func mentionsTrigger(text string) bool {
	var buf [16]byte
	n := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) {
			c := text[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c >= 'a' && c <= 'z' {
				if n < len(buf) {
					buf[n] = c
				}
				n++
				continue
			}
		}
		if n > 1 && n <= len(buf) && triggerShapes[int(buf[0]-'a')*26+int(buf[1]-'a')]&(1<<n) != 0 {
			if _, ok := triggers[string(buf[:n])]; ok {
				return true
			}
		}
		n = 0
	}
	return false
}

// triggerShapes holds, for each pair of first letters, a bit per length
// of the casualty words that start with them: most words fail this test
// without a map lookup.
var triggerShapes = func() (m [26 * 26]uint32) {
	for w := range triggers {
		if len(w) > 1 && len(w) < 32 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z' {
			m[int(w[0]-'a')*26+int(w[1]-'a')] |= 1 << len(w)
		}
	}
	return m
}()

// anyTrigger is the quick exit for the many sentences without a casualty word.
func anyTrigger(toks []Token) bool {
	for _, t := range toks {
		if _, ok := triggers[t.Lower]; ok {
			return true
		}
	}
	return false
}

// canStartItem is a cheap filter: only figures, number words, qualifiers
// and determiners can open a counted phrase.
func canStartItem(t Token) bool {
	if t.Kind == Num {
		return true
	}
	return t.Kind == Word && (itemStarters[t.Lower] || isWordNumber(t.Lower))
}

// itemStarters are the first words of every phrase item() can read.
var itemStarters = func() map[string]bool {
	m := set("a", "an", "his", "her", "their", "its")
	for w := range vagueWords {
		m[w] = true
	}
	for w := range leadDeterminers {
		m[w] = true
	}
	for w := range reflexives {
		m[w] = true
	}
	for _, q := range qualifiers {
		m[q.words[0]] = true
	}
	for _, p := range unknownPhrases {
		m[p[0]] = true
	}
	for _, p := range smallPhrases {
		m[p.words[0]] = true
	}
	return m
}()
