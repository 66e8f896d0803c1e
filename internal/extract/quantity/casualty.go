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
	buf := borrowTokens(text)
	defer returnTokens(buf)
	return casualties(text, *buf)
}

// CasualtiesIn is Casualties for a caller that has tokenized the sentence
// already: toks must be Tokenize(text). It neither keeps nor changes toks.
func CasualtiesIn(text string, toks []Token) []Count {
	if !mentionsTrigger(text) {
		return nil
	}
	return casualties(text, toks)
}

func casualties(text string, toks []Token) []Count {
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
// A run that a reporting verb follows ends at its last comma: the phrases
// after it name who spoke ("wounding nine others, a nurse and a guard
// told reporters").
func (s *scanner) joined(first item, object bool) []item {
	items, keep, end := []item{first}, 1, first.end
	lastComma := 0 // index of the last item a comma introduced
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
		if comma {
			lastComma = len(items) - 1
		}
		if and {
			keep = len(items)
		}
	}
	if lastComma > 0 && lastComma < keep && s.reportingAt(items[keep-1].end) {
		keep = lastComma
	}
	return items[:keep]
}

// reportingAt reports whether a reporting verb opens the clause at token k,
// perhaps after an adverb ("a medic later said").
func (s *scanner) reportingAt(k int) bool {
	if reportingAdverbs[s.lower(k)] {
		k++
	}
	return reportingVerbs[s.lower(k)]
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
