package eventtype

import (
	"fmt"
	"strconv"
	"strings"
)

// addPattern compiles one pattern of cue set set and indexes it by the
// words it may start with.
func (rs *ruleSet) addPattern(set int, src string) error {
	if src == "" {
		return fmt.Errorf("empty pattern")
	}
	p := pattern{src: src, set: set}
	for _, w := range strings.Fields(strings.ToLower(src)) {
		e, err := rs.parseElem(w)
		if err != nil {
			return fmt.Errorf("pattern %q: %w", src, err)
		}
		p.elems = append(p.elems, e)
	}
	if k := p.elems[0].kind; k == elemGap || k == elemNot || p.elems[len(p.elems)-1].kind == elemGap {
		return fmt.Errorf("pattern %q: a gap must sit between words, and a pattern must start with a word", src)
	}
	if len(p.elems) > 1 && oneToken(p.elems[0].kind) && (p.elems[1].kind == elemWord || p.elems[1].kind == elemExact) {
		p.next, p.hasNext = p.elems[1], true
	}
	id := len(rs.patterns)
	rs.patterns = append(rs.patterns, p)
	rs.setPatterns[set] = append(rs.setPatterns[set], id)
	stems, words, any := map[string]bool{}, map[string]bool{}, false
	rs.firsts(p.elems[0], stems, words, &any)
	for len(rs.setIndex) <= set {
		rs.setIndex = append(rs.setIndex, firstIndex{byStem: map[string][]int{}, byWord: map[string][]int{}})
	}
	ix := &rs.setIndex[set]
	if any {
		rs.prefixed = append(rs.prefixed, id)
		ix.any = append(ix.any, id)
		return nil
	}
	for st := range stems {
		rs.byFirst[st] = append(rs.byFirst[st], id)
		ix.byStem[st] = append(ix.byStem[st], id)
	}
	for w := range words {
		rs.byWord[w] = append(rs.byWord[w], id)
		ix.byWord[w] = append(ix.byWord[w], id)
	}
	return nil
}

// firstIndex finds a cue set's patterns by the word they may start with,
// so a group inside a pattern is only tried where one of its members may
// match.
type firstIndex struct {
	byStem, byWord map[string][]int
	any            []int
}

// setList is one cue set's patterns that may start with a word.
type setList struct {
	set  int
	pats []int
}

// listOf returns the patterns of set in lists (a word's sets), or nil.
func listOf(lists []setList, set int) []int {
	for k := range lists {
		if lists[k].set == set {
			return lists[k].pats
		}
	}
	return nil
}

// firsts collects the stems and exact words a pattern can start with, so a
// pattern is only tried where it may match; any is set when it can start
// with a prefix or a number, which no index covers.
func (rs *ruleSet) firsts(e elem, stems, words map[string]bool, any *bool) {
	switch e.kind {
	case elemWord:
		stems[e.s] = true
	case elemExact:
		words[e.s] = true
	case elemGroup:
		for _, p := range rs.setPatterns[e.n] {
			rs.firsts(rs.patterns[p].elems[0], stems, words, any)
		}
	default:
		*any = true
	}
}

func (rs *ruleSet) parseElem(w string) (elem, error) {
	switch {
	case w == "#":
		return elem{kind: elemNumber}, nil
	case w == "#year":
		return elem{kind: elemYear}, nil
	case w == "#name":
		return elem{kind: elemName}, nil
	case w == "..":
		return elem{kind: elemGap, n: rs.opts.gap}, nil
	case strings.HasPrefix(w, ".."):
		n, err := strconv.Atoi(w[2:])
		if err != nil || n < 1 || n > 20 {
			return elem{}, fmt.Errorf("bad gap %q", w)
		}
		return elem{kind: elemGap, n: n}, nil
	case strings.HasSuffix(w, "*") && len(w) > 2:
		return elem{kind: elemPrefix, s: w[:len(w)-1]}, nil
	case strings.HasPrefix(w, "=") && len(w) > 1:
		if err := checkWord(w[1:]); err != nil {
			return elem{}, err
		}
		return elem{kind: elemExact, s: w[1:]}, nil
	case strings.HasPrefix(w, "@") && len(w) > 1:
		i, ok := rs.setIdx[w[1:]]
		if !ok {
			return elem{}, fmt.Errorf("unknown group %q (define groups before use)", w)
		}
		return elem{kind: elemGroup, n: i}, nil
	case strings.HasPrefix(w, "!") && len(w) > 1:
		if err := checkWord(w[1:]); err != nil {
			return elem{}, err
		}
		return elem{kind: elemNot, s: rs.vocabStem(w[1:])}, nil
	}
	lower := strings.HasPrefix(w, "_") && len(w) > 1
	if lower {
		w = w[1:]
	}
	if err := checkWord(w); err != nil {
		return elem{}, err
	}
	return elem{kind: elemWord, s: rs.vocabStem(w), lower: lower}, nil
}

func checkWord(w string) error {
	for _, r := range w {
		if !isWordRune(r) {
			return fmt.Errorf("word %q: only letters and digits (hyphens split words: write two)", w)
		}
	}
	return nil
}

// vocabStem stems a rule word and records the stem in the vocabulary.
func (rs *ruleSet) vocabStem(w string) string {
	s := rs.stemKey(w)
	if v, ok := rs.vocab[s]; ok {
		return v
	}
	rs.vocab[s] = s
	return s
}

// oneToken reports an element that always matches exactly one token.
func oneToken(k elemKind) bool {
	switch k {
	case elemWord, elemExact, elemPrefix, elemNumber, elemYear, elemName:
		return true
	}
	return false
}

// numberWords gives every word, exact word and stem the patterns name a
// number, so matching compares numbers, and indexes the patterns by them.
// A text's word outside this vocabulary (number -1) matches no such element
// and starts no indexed pattern.
func (rs *ruleSet) numberWords() {
	rs.ids = map[string]int32{}
	rs.idKeys = keyFilter{}
	number := func(s string) int32 {
		if id, ok := rs.ids[s]; ok {
			return id
		}
		id := int32(len(rs.ids))
		rs.ids[s] = id
		rs.idKeys.add(s)
		return id
	}
	numberElem := func(e *elem) {
		switch e.kind {
		case elemWord, elemExact, elemNot:
			e.id = number(e.s)
		}
	}
	for i := range rs.patterns {
		p := &rs.patterns[i]
		for k := range p.elems {
			numberElem(&p.elems[k])
		}
		numberElem(&p.next)
	}
	byID := func(m map[string][]int) map[int32][]int {
		out := make(map[int32][]int, len(m))
		for s, ps := range m {
			out[number(s)] = ps
		}
		return out
	}
	rs.stemSets = make([][]setList, len(rs.ids))
	rs.wordSets = make([][]setList, len(rs.ids))
	for set := range rs.setIndex {
		ix := &rs.setIndex[set]
		for s, ps := range ix.byStem {
			id := rs.ids[s]
			rs.stemSets[id] = append(rs.stemSets[id], setList{set, ps})
		}
		for s, ps := range ix.byWord {
			id := rs.ids[s]
			rs.wordSets[id] = append(rs.wordSets[id], setList{set, ps})
		}
	}
	first, word := byID(rs.byFirst), byID(rs.byWord)
	rs.firstByID = make([][]int, len(rs.ids))
	rs.wordByID = make([][]int, len(rs.ids))
	for id, ps := range first {
		rs.firstByID[id] = ps
	}
	for id, ps := range word {
		rs.wordByID[id] = ps
	}
}

// wordID returns the number of a text's word or stem, or -1 when no
// pattern names it.
func (rs *ruleSet) wordID(s string) int32 {
	if !rs.idKeys.mayHave(s) {
		return -1
	}
	if id, ok := rs.ids[s]; ok {
		return id
	}
	return -1
}
