package timex

import (
	"math/bits"
	"time"
)

// class is what a pattern element accepts besides literal words.
type class uint8

const (
	lit      class = iota // one of elem.words
	cWeekday              // "Monday"
	cMonth                // "October", "Oct", "May" (capitalised)
	cDay                  // 1-31, "9th"
	cYear                 // 1900-2199
	cNumDate              // "2020-03-08", "09/03/2020"
	cCount                // a number phrase: "three", "a", "a few", "several"
	cUnit                 // "days", "weeks"
	cSeason               // "summer"
	cPart                 // "morning", "night"
)

// elem is one step of a pattern. Literal words are compiled into a bit set
// over the grammar's vocabulary (see compile), so that matching a word is a
// bit test rather than a map lookup.
type elem struct {
	c     class
	words []string
	bits  wordset
	opt   bool
}

func w(words ...string) elem  { return elem{c: lit, words: words} }
func ow(words ...string) elem { return elem{c: lit, words: words, opt: true} }

// wordset is a set of vocabulary ids.
type wordset [4]uint64

const maxVocab = 256

func (s *wordset) add(id int)      { s[id>>6] |= 1 << (id & 63) }
func (s *wordset) has(id int) bool { return id >= 0 && s[id>>6]&(1<<(id&63)) != 0 }
func c(k class) elem               { return elem{c: k} }
func oc(k class) elem              { return elem{c: k, opt: true} }
func seq(es ...elem) []elem        { return es }

// caps collects what a match saw.
type caps struct {
	mods         uint32
	weekday      time.Weekday
	month        time.Month
	season       time.Month
	day, year    int
	n            int
	numA, numB   int // numeric date parts other than the year
	vague        bool
	numYearFirst bool
	unit         string
}

func (c *caps) mod(s string) bool { return c.mods&modIndex(s) != 0 }

// match tries pat at token i; optional elements are tried present first.
func (m *matcher) match(pat []elem, i int, c caps) (int, caps, bool) {
	if len(pat) == 0 {
		return i, c, true
	}
	e := &pat[0]
	if j, c2, ok := m.one(e, i, c); ok {
		if end, c3, ok := m.match(pat[1:], j, c2); ok {
			return end, c3, true
		}
	}
	if e.opt {
		return m.match(pat[1:], i, c)
	}
	return 0, c, false
}

// one matches a single element at token i.
func (m *matcher) one(e *elem, i int, c caps) (int, caps, bool) {
	if i >= len(m.toks) {
		return 0, c, false
	}
	if e.c == lit {
		id := m.ids[i]
		if !e.bits.has(id) {
			return 0, c, false
		}
		c.mods |= gram.modBit[id]
		return i + 1, c, true
	}
	f := &m.feats[i]
	if !f.is(e.c) {
		return 0, c, false
	}
	c.mods |= f.mods
	switch e.c {
	case cWeekday:
		c.weekday = time.Weekday(f.weekday)
	case cMonth:
		c.month = time.Month(f.month)
	case cDay:
		c.day = int(f.day)
	case cYear:
		c.year = int(f.year)
	case cNumDate:
		c.year, c.numA, c.numB, c.numYearFirst = int(f.year), int(f.numA), int(f.numB), f.yearFirst
	case cCount:
		c.n, c.vague = int(f.n), f.vague
		return int(f.nEnd), c, true
	case cUnit:
		c.unit = m.toks[i].Lower
	case cSeason:
		c.season = time.Month(f.season)
	}
	return i + 1, c, true
}

// canStart reports whether rule k could match at token i: one of its
// leading optional elements or its first required one accepts the token,
// and what it requires occurs in w, the window from i.
func (m *matcher) canStart(k, i int, w *windowSeen) bool {
	return m.startsAt(k, i) && gram.starts[k].needsIn(w)
}

// startsAt reports whether one of rule k's leading optional elements or
// its first required one accepts token i.
func (m *matcher) startsAt(k, i int) bool {
	st := &gram.starts[k]
	return st.words.has(m.ids[i]) || st.classes&m.feats[i].classes != 0
}

// startMask is the set of rules (bit k for rule k) whose leading elements
// may accept token i: a superset of those startsAt accepts, read from the
// token's word and classes instead of rule by rule.
func (m *matcher) startMask(i int) uint64 {
	var mask uint64
	if id := m.ids[i]; id >= 0 {
		mask = gram.wordRules[id]
	}
	for cls := m.feats[i].classes; cls != 0; cls &= cls - 1 {
		mask |= gram.classRules[bits.TrailingZeros16(cls)]
	}
	return mask
}

// needsIn reports whether what the rule requires occurs in the window w.
func (st *start) needsIn(w *windowSeen) bool {
	if st.needs != 0 {
		return w.classes&st.needs == st.needs
	}
	return !st.hasWord || st.needWord.meets(&w.words)
}

// windowSeen is what the tokens of one window hold: their classes and
// their vocabulary words. Gathered once per starting token, it answers
// needsMet for every rule.
type windowSeen struct {
	classes uint16
	words   wordset
}

// seenFrom gathers the window from token i.
func (m *matcher) seenFrom(i int) windowSeen {
	var w windowSeen
	for j := i; j < len(m.feats) && j < i+window; j++ {
		w.classes |= m.feats[j].classes
		if id := m.ids[j]; id >= 0 {
			w.words.add(id)
		}
	}
	return w
}

// meets reports whether the two sets share a word.
func (s *wordset) meets(t *wordset) bool {
	return s[0]&t[0]|s[1]&t[1]|s[2]&t[2]|s[3]&t[3] != 0
}

// start is what a rule needs, for canStart: what its leading elements
// accept, and what must turn up within window tokens for it to match at all
// (its required classes, or else its last required word).
type start struct {
	words    wordset
	classes  uint16
	needs    uint16
	needWord wordset
	hasWord  bool
}

// window bounds the length of a match, in tokens.
const window = 10

func startOf(r rule) start {
	var st start
	for _, e := range r.pat {
		if e.c == lit {
			for k := range st.words {
				st.words[k] |= e.bits[k]
			}
		} else {
			st.classes |= 1 << e.c
		}
		if !e.opt {
			break
		}
	}
	for _, e := range r.pat {
		switch {
		case e.opt:
		case e.c != lit:
			st.needs |= 1 << e.c
		default:
			st.needWord, st.hasWord = e.bits, true
		}
	}
	return st
}
