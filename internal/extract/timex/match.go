package timex

import (
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/extract/quantity"
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

// modWords are the literal words resolvers ask about; a match records them
// as bits so that captures stay small and cheap to copy while backtracking.
var modWords = []string{"last", "past", "previous", "this", "next", "coming",
	"early", "late", "mid", "mid-", "middle", "end", "beginning", "start",
	"close", "yesterday", "week", "month", "year", "weekend", "range"}

// grammar is the rule table compiled once: its vocabulary, and for every
// vocabulary id the modifier bit it sets.
type grammar struct {
	rules  []rule
	starts []start
	words  map[string]wordInfo
	vocab  map[string]int
	modBit []uint32
}

var gram = compile(rules)

// compile numbers every literal word of the rules and turns each element's
// word list into a bit set.
func compile(rs []rule) grammar {
	g := grammar{vocab: map[string]int{}}
	id := func(w string) int {
		if k, ok := g.vocab[w]; ok {
			return k
		}
		k := len(g.vocab)
		if k >= maxVocab {
			panic("timex: rule vocabulary exceeds maxVocab")
		}
		g.vocab[w] = k
		return k
	}
	for _, w := range modWords {
		if _, dup := g.vocab[w]; dup {
			panic("timex: duplicate modifier word " + w)
		}
		id(w)
	}
	g.rules = make([]rule, len(rs))
	for i, r := range rs {
		r.pat = append([]elem(nil), r.pat...)
		for k := range r.pat {
			for _, w := range r.pat[k].words {
				r.pat[k].bits.add(id(w))
			}
		}
		g.rules[i] = r
		g.starts = append(g.starts, startOf(r))
	}
	g.words = wordTable(g.vocab)
	g.modBit = make([]uint32, len(g.vocab))
	for i, w := range modWords {
		g.modBit[g.vocab[w]] = 1 << i
	}
	return g
}

// modIndex finds a modifier word's bit.
func modIndex(s string) uint32 {
	for i, w := range modWords {
		if w == s {
			return 1 << i
		}
	}
	return 0
}

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

// feature is what one token can be, worked out once per token.
// It is kept small (one per token of an article).
type feature struct {
	classes                uint16 // bit per class
	weekday, month, season uint8
	day, numA, numB        uint8
	yearFirst, vague       bool
	year                   int16
	n, nEnd                int32
	mods                   uint32 // modifier bits the token carries ("mid-March": mid)
}

func (f *feature) is(k class) bool { return f.classes&(1<<k) != 0 }

// matcher runs patterns over one text's tokens.
type matcher struct {
	toks  []quantity.Token
	feats []feature
	ids   []int // vocabulary id of each token, -1 when none
}

func newMatcher(toks []quantity.Token) matcher {
	feats := make([]feature, len(toks))
	ids := make([]int, len(toks))
	for i := range toks {
		feats[i], ids[i] = featureOf(toks, i)
	}
	return matcher{toks: toks, feats: feats, ids: ids}
}

// featureOf classifies token i.
func featureOf(toks []quantity.Token, i int) (feature, int) {
	t := toks[i]
	var f feature
	switch t.Kind {
	case quantity.Punct, quantity.Word:
		info, ok := gram.words[t.Lower]
		if !ok {
			return prefixedMonth(t), -1
		}
		if info.f.is(cWeekday) && masthead(toks, i) {
			info.f.classes &^= 1 << cWeekday
		}
		f = info.f
		if info.month != 0 {
			if mo, ok := monthOf(t); ok {
				f.month = uint8(mo)
				f.classes |= 1 << cMonth
			}
		}
		if info.count {
			f.countAt(toks, i)
		}
		return f, info.id
	}
	mark := func(k class, ok bool) {
		if ok {
			f.classes |= 1 << k
		}
	}
	d, ok := dayOf(t)
	f.day = uint8(d)
	mark(cDay, ok)
	if ok && strings.ContainsRune(t.Text, '-') {
		f.mods |= modIndex("range") // "3-4", read as its first day
	}
	y, ok := yearOf(t)
	f.year = int16(y)
	mark(cYear, ok)
	a, b, yy, yf, ok := numericDate(t)
	if ok {
		if yf {
			yy, a, b = a, b, yy
		}
		f.year, f.numA, f.numB, f.yearFirst = int16(yy), uint8(a), uint8(b), yf
	}
	mark(cNumDate, ok)
	f.countAt(toks, i)
	return f, -1
}

func (f *feature) countAt(toks []quantity.Token, i int) {
	n, end, vague, ok := countAt(toks, i)
	if ok {
		f.n, f.nEnd, f.vague = int32(n), int32(end), vague
		f.classes |= 1 << cCount
	}
}

// wordInfo is everything the grammar knows about one lower-case word.
type wordInfo struct {
	id    int        // vocabulary id, -1 when no rule names the word
	f     feature    // word classes (all but month)
	month time.Month // a month name, subject to monthOf's capital rule
	count bool       // may open a count
}

// wordTable builds the one-lookup lexicon of words.
func wordTable(vocab map[string]int) map[string]wordInfo {
	m := map[string]wordInfo{}
	get := func(w string) wordInfo {
		if info, ok := m[w]; ok {
			return info
		}
		return wordInfo{id: -1}
	}
	for w, id := range vocab {
		info := get(w)
		info.id = id
		m[w] = info
	}
	for w, d := range weekdays {
		info := get(w)
		info.f.weekday, info.f.classes = uint8(d), info.f.classes|1<<cWeekday
		m[w] = info
	}
	for w, s := range seasons {
		info := get(w)
		info.f.season, info.f.classes = uint8(s), info.f.classes|1<<cSeason
		m[w] = info
	}
	for w := range units {
		info := get(w)
		info.f.classes |= 1 << cUnit
		m[w] = info
	}
	for w := range dayParts {
		info := get(w)
		info.f.classes |= 1 << cPart
		m[w] = info
	}
	for w, mo := range months {
		info := get(w)
		info.month = mo
		m[w] = info
	}
	for w := range countWords {
		info := get(w)
		info.count = true
		m[w] = info
	}
	return m
}

// prefixedMonth reads "mid-March", "early-June", "late-May" as months
// carrying their part of the month.
func prefixedMonth(t quantity.Token) feature {
	var f feature
	pre, rest, ok := strings.Cut(t.Text, "-")
	if !ok || rest == "" {
		return f
	}
	mod := modIndex(strings.ToLower(pre))
	if mod == 0 || (pre != "mid" && pre != "Mid" && pre != "early" && pre != "Early" && pre != "late" && pre != "Late") {
		return f
	}
	mo, ok := monthOf(quantity.Token{Text: rest, Lower: strings.ToLower(rest), Kind: quantity.Word})
	if !ok || len(rest) < 4 {
		return f
	}
	f.month, f.mods = uint8(mo), mod
	f.classes |= 1 << cMonth
	return f
}

// mastheads are newspaper names that begin with a weekday.
var mastheads = set("Times", "Telegraph", "Express", "Mirror", "Post",
	"Herald", "Star", "Mail", "Observer", "Tribune", "Independent", "Sport",
	"People", "Journal", "Magazine", "Edition", "Show", "Review")

// masthead reports whether weekday token i opens a title ("Sunday Times").
func masthead(toks []quantity.Token, i int) bool {
	return i+1 < len(toks) && mastheads[toks[i+1].Text]
}

// countWords can open the count of "N units ago".
var countWords = set("a", "an", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
	"thirty", "forty", "fifty", "sixty", "few", "several", "some", "many",
	"couple", "dozen", "dozens", "hundreds", "half", "thirteen", "fourteen",
	"sixteen", "seventeen", "eighteen", "nineteen")

// countAt reads "three", "a", "an", "a few", "several" before a unit.
func countAt(toks []quantity.Token, i int) (n, end int, vague, ok bool) {
	l := toks[i].Lower
	if (l == "a" || l == "an" || l == "one") && i+1 < len(toks) {
		if _, unit := units[toks[i+1].Lower]; unit {
			return 1, i + 1, false, true
		}
	}
	n, end, vague, ok = quantity.NumberAt(toks, i)
	if !ok || (!vague && (n <= 0 || n > 500)) {
		return 0, i, false, false
	}
	return n, end, vague, true
}

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
// leading optional elements or its first required one accepts the token.
func (m *matcher) canStart(k, i int) bool {
	st := &gram.starts[k]
	return (st.words.has(m.ids[i]) || st.classes&m.feats[i].classes != 0) && m.needsMet(k, i)
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

// needsMet reports whether everything rule k requires occurs within the
// window from token i.
func (m *matcher) needsMet(k, i int) bool {
	st := &gram.starts[k]
	if st.needs != 0 {
		var seen uint16
		for j := i; j < len(m.feats) && j < i+window; j++ {
			seen |= m.feats[j].classes
		}
		return seen&st.needs == st.needs
	}
	if !st.hasWord {
		return true
	}
	for j := i; j < len(m.ids) && j < i+window; j++ {
		if st.needWord.has(m.ids[j]) {
			return true
		}
	}
	return false
}

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
