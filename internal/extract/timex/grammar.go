package timex

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
	// wordRules and classRules hold, per vocabulary id and per class, the
	// rules (bit k for rule k) whose leading elements accept it
	wordRules  [maxVocab]uint64
	classRules [16]uint64
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
	if len(g.starts) > maxRules {
		panic("timex: rule table exceeds maxRules")
	}
	for k, st := range g.starts {
		for id := range maxVocab {
			if st.words.has(id) {
				g.wordRules[id] |= 1 << k
			}
		}
		for c := range g.classRules {
			if st.classes&(1<<c) != 0 {
				g.classRules[c] |= 1 << k
			}
		}
	}
	g.words = wordTable(g.vocab)
	g.modBit = make([]uint32, len(g.vocab))
	for i, w := range modWords {
		g.modBit[g.vocab[w]] = 1 << i
	}
	return g
}

// maxRules is the most rules the start masks (one bit per rule) hold.
const maxRules = 64

// modIndex finds a modifier word's bit.
func modIndex(s string) uint32 {
	for i, w := range modWords {
		if w == s {
			return 1 << i
		}
	}
	return 0
}
