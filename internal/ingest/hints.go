package ingest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hintBits is a set of rules, one bit per rule that has hint words.
type hintBits [2]uint64

func (b hintBits) any(o hintBits) bool { return b[0]&o[0] != 0 || b[1]&o[1] != 0 }

func (b *hintBits) add(o hintBits) { b[0] |= o[0]; b[1] |= o[1] }

func (b *hintBits) set(bit int) { b[bit/64] |= 1 << (bit % 64) }

// maxHintRules is how many rules with hint words the index can tell apart.
const maxHintRules = 128

// hintIndex finds in one pass over a line which rules' hint words it holds.
// Most lines hold none, and testing each rule's words one by one cost a
// quarter of cleaning time; an Aho–Corasick automaton reads each byte once
// for all of them. It answers exactly what strings.Contains on the
// lower-cased line would (see scan).
type hintIndex struct {
	class [256]uint8 // byte → column; 0 for bytes no hint holds
	ncls  int
	next  []uint16   // next[state*ncls+class]: the automaton's transitions
	out   []hintBits // out[state]: rules with a hint ending at this state
	// step is next renumbered for scan: states with output last, from
	// firstOut on, and each entry the target's offset (state*ncls), so a
	// byte costs one load and one comparison.
	step     []uint32
	outAt    []hintBits // outAt[state-firstOut] in step's numbering
	firstOut int
}

// newHintIndex builds the automaton; words[k] are the hints of rule k, in
// lower case.
func newHintIndex(words [][]string) *hintIndex {
	if len(words) > maxHintRules {
		panic(fmt.Sprintf("ingest: %d rules with hints, the index holds %d", len(words), maxHintRules))
	}
	h := &hintIndex{}
	for _, ws := range words {
		for _, w := range ws {
			if w == "" || w != strings.ToLower(w) {
				panic(fmt.Sprintf("ingest: hint %q must be non-empty and lower case", w))
			}
			for i := 0; i < len(w); i++ {
				if h.class[w[i]] == 0 {
					h.ncls++
					h.class[w[i]] = uint8(h.ncls)
				}
			}
		}
	}
	h.ncls++ // column 0: every other byte
	for c := 'A'; c <= 'Z'; c++ {
		h.class[c] = h.class[c+'a'-'A']
	}
	h.build(words)
	return h
}

// build makes the trie of all hints, then turns it into a complete
// automaton by following failure links breadth first.
func (h *hintIndex) build(words [][]string) {
	h.next = make([]uint16, h.ncls)
	h.out = []hintBits{{}}
	for k, ws := range words {
		for _, w := range ws {
			st := 0
			for i := 0; i < len(w); i++ {
				c := int(h.class[w[i]])
				if h.next[st*h.ncls+c] == 0 {
					h.next = append(h.next, make([]uint16, h.ncls)...)
					h.out = append(h.out, hintBits{})
					h.next[st*h.ncls+c] = uint16(len(h.out) - 1)
				}
				st = int(h.next[st*h.ncls+c])
			}
			h.out[st].set(k)
		}
	}
	if len(h.out) > 1<<16 {
		panic("ingest: hint automaton too large")
	}
	fail := make([]int, len(h.out))
	queue := []int{}
	for c := 0; c < h.ncls; c++ {
		if s := int(h.next[c]); s != 0 {
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		h.out[st].add(h.out[fail[st]])
		for c := 0; c < h.ncls; c++ {
			t := int(h.next[st*h.ncls+c])
			if t == 0 {
				h.next[st*h.ncls+c] = h.next[fail[st]*h.ncls+c]
				continue
			}
			fail[t] = int(h.next[fail[st]*h.ncls+c])
			queue = append(queue, t)
		}
	}
	h.renumber()
}

// renumber builds step and outAt from next and out.
func (h *hintIndex) renumber() {
	var order []int // states without output first; the root (no output) stays 0
	for st, o := range h.out {
		if o == (hintBits{}) {
			order = append(order, st)
		}
	}
	h.firstOut = len(order)
	for st, o := range h.out {
		if o != (hintBits{}) {
			order = append(order, st)
		}
	}
	id := make([]int, len(order))
	for n, st := range order {
		id[st] = n
	}
	h.step = make([]uint32, len(h.next))
	h.outAt = make([]hintBits, len(order)-h.firstOut)
	for st := range h.out {
		for c := 0; c < h.ncls; c++ {
			h.step[id[st]*h.ncls+c] = uint32(id[h.next[st*h.ncls+c]] * h.ncls)
		}
		if id[st] >= h.firstOut {
			h.outAt[id[st]-h.firstOut] = h.out[st]
		}
	}
}

// scan returns the rules whose hints strings.ToLower(s) contains. It
// lower-cases as it reads instead of building the lower-case copy (most
// lines of real text hold a curly quote or a dash, so are not ASCII): an
// ASCII letter folds through the byte classes, another rune goes in as the
// UTF-8 of unicode.ToLower, and a byte that is not UTF-8 as U+FFFD, which
// is what strings.ToLower writes for each.
func (h *hintIndex) scan(s string) hintBits {
	var found hintBits
	var buf [utf8.UTFMax]byte
	off, outFrom := 0, h.firstOut*h.ncls
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if off = int(h.step[off+int(h.class[c])]); off >= outFrom {
				found.add(h.outAt[off/h.ncls-h.firstOut])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		for _, b := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
			if off = int(h.step[off+int(h.class[b])]); off >= outFrom {
				found.add(h.outAt[off/h.ncls-h.firstOut])
			}
		}
	}
	return found
}
