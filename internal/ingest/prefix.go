package ingest

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode"
)

// prefixLen is how many leading bytes a prefilter reads at most.
const prefixLen = 8

// maxPrefixStates bounds a prefilter's automaton; past it, lines are left
// to the pattern.
const maxPrefixStates = 1024

const (
	deadState   = -1 // no match can begin with what was read
	enoughState = -2 // prefixLen bytes read: the pattern decides
)

// prefilter is a small automaton over the first bytes of a line telling
// whether a match of an anchored pattern can begin so. Most lines fail an
// anchored rule within two or three characters, yet a call into regexp
// costs a few hundred nanoseconds whatever the outcome, and the cleaner
// tries a dozen anchored rules on every short line. The automaton is built
// from the compiled program (subset construction over ASCII, assertions
// taken as true), so it holds for any pattern in the tables without being
// written by hand, and only ever errs towards running the pattern.
type prefilter struct {
	class [128]uint8 // ASCII byte → column; bytes every instruction treats alike share one
	ncls  int
	next  []int16 // next[state*ncls+class]: a state, deadState or enoughState
	final []bool  // a match may end in this state: the rest is free
	other []bool  // a non-ASCII rune (or a byte that is not UTF-8) may come next
}

// newFilters builds both filters of re (see newPrefilter, newSuffilter)
// from one parse.
func newFilters(re *regexp.Regexp) (pre, post *prefilter) {
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil, nil
	}
	tree := parsed.Simplify()
	return prefilterOf(tree), prefilterOf(reverse(tree))
}

// newPrefilter builds the filter for re, or nil when re is not anchored at
// the start of the text (then a match may begin anywhere).
func newPrefilter(re *regexp.Regexp) *prefilter {
	pre, _ := newFilters(re)
	return pre
}

// newSuffilter builds the filter for the end of re's matches: the prefilter
// of re read backwards, used with mayEnd. It is nil when re is not anchored
// at the end of the text. Rules such as "Name, Staff Writer" or a caption's
// trailing credit say little about how a line begins and much about how it
// ends.
func newSuffilter(re *regexp.Regexp) *prefilter {
	_, post := newFilters(re)
	return post
}

// reverse returns a pattern matching the reversed strings re matches: its
// concatenations and literals read backwards, the text's start and end
// (and a line's) swapped.
func reverse(re *syntax.Regexp) *syntax.Regexp {
	r := *re
	r.Sub = make([]*syntax.Regexp, len(re.Sub))
	for i, sub := range re.Sub {
		r.Sub[i] = reverse(sub)
	}
	switch re.Op {
	case syntax.OpConcat:
		slices.Reverse(r.Sub)
	case syntax.OpLiteral:
		r.Rune = slices.Clone(re.Rune)
		slices.Reverse(r.Rune)
	case syntax.OpBeginText:
		r.Op = syntax.OpEndText
	case syntax.OpEndText:
		r.Op = syntax.OpBeginText
	case syntax.OpBeginLine:
		r.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		r.Op = syntax.OpBeginLine
	}
	return &r
}

func prefilterOf(re *syntax.Regexp) *prefilter {
	prog, err := syntax.Compile(re)
	if err != nil || prog.StartCond()&syntax.EmptyBeginText == 0 {
		return nil
	}
	f := &prefilter{}
	ascii := asciiReads(prog)
	f.classify(prog, ascii)
	f.build(prog, ascii)
	if len(f.final) == 0 {
		return nil // the pattern can match nothing; leave it to regexp
	}
	return f
}

// asciiReads lists, for each rune instruction, the ASCII runes it reads
// (a bit per rune), so that building tests a bit instead of asking
// MatchRune. It reads the instruction as MatchRune does: a single rune is a
// literal (with its case-folding orbit when FoldCase is set), more are
// ranges in pairs.
func asciiReads(prog *syntax.Prog) [][2]uint64 {
	reads := make([][2]uint64, len(prog.Inst))
	set := func(pc int, lo, hi rune) {
		for c := max(lo, 0); c <= min(hi, 127); c++ {
			reads[pc][c/64] |= 1 << (c % 64)
		}
	}
	for pc := range prog.Inst {
		switch i := &prog.Inst[pc]; {
		case i.Op == syntax.InstRuneAny:
			set(pc, 0, 127)
		case i.Op == syntax.InstRuneAnyNotNL:
			set(pc, 0, '\n'-1)
			set(pc, '\n'+1, 127)
		case !isRuneInst(i):
		case len(i.Rune) == 1:
			set(pc, i.Rune[0], i.Rune[0])
			if i.Op == syntax.InstRune && syntax.Flags(i.Arg)&syntax.FoldCase != 0 {
				for r := unicode.SimpleFold(i.Rune[0]); r != i.Rune[0]; r = unicode.SimpleFold(r) {
					set(pc, r, r)
				}
			}
		default:
			for k := 0; k+1 < len(i.Rune); k += 2 {
				set(pc, i.Rune[k], i.Rune[k+1])
			}
		}
	}
	return reads
}

func readsASCII(reads [][2]uint64, pc uint32, c rune) bool { return reads[pc][c/64]&(1<<(c%64)) != 0 }

// classify gives ASCII bytes that every rune instruction accepts or
// rejects alike the same column.
func (f *prefilter) classify(prog *syntax.Prog, reads [][2]uint64) {
	var runeInsts []uint32
	for pc := range prog.Inst {
		if isRuneInst(&prog.Inst[pc]) {
			runeInsts = append(runeInsts, uint32(pc))
		}
	}
	seen := map[string]uint8{}
	sig := make([]byte, len(runeInsts))
	for c := rune(0); c < 128; c++ {
		for k, pc := range runeInsts {
			sig[k] = 0
			if readsASCII(reads, pc, c) {
				sig[k] = 1
			}
		}
		k, ok := seen[string(sig)]
		if !ok {
			k = uint8(len(seen))
			seen[string(sig)] = k
		}
		f.class[c] = k
	}
	f.ncls = len(seen)
}

// build runs the subset construction to prefixLen bytes deep.
func (f *prefilter) build(prog *syntax.Prog, reads [][2]uint64) {
	ids := map[string]int{}
	var sets [][]uint32
	var depth []int
	var key []byte
	intern := func(set []uint32, d int) int16 {
		if len(set) == 0 {
			return deadState
		}
		key = key[:0]
		for _, pc := range set {
			key = append(key, byte(pc), byte(pc>>8), byte(pc>>16))
		}
		if id, ok := ids[string(key)]; ok {
			return int16(id)
		}
		if d >= prefixLen || len(sets) >= maxPrefixStates {
			return enoughState
		}
		ids[string(key)] = len(sets)
		sets, depth = append(sets, slices.Clone(set)), append(depth, d)
		return int16(len(sets) - 1)
	}
	c := newCloser(prog)
	intern(c.closure([]uint32{uint32(prog.Start)}), 0)
	rep := make([]rune, f.ncls) // one byte of each column
	for ch := 127; ch >= 0; ch-- {
		rep[f.class[ch]] = rune(ch)
	}
	var outs []uint32
	for st := 0; st < len(sets); st++ {
		f.next = append(f.next, make([]int16, f.ncls)...)
		f.final = append(f.final, slices.ContainsFunc(sets[st], func(pc uint32) bool { return prog.Inst[pc].Op == syntax.InstMatch }))
		f.other = append(f.other, slices.ContainsFunc(sets[st], func(pc uint32) bool { return readsNonASCII(&prog.Inst[pc]) }))
		for k, ch := range rep {
			outs = outs[:0]
			for _, pc := range sets[st] {
				if isRuneInst(&prog.Inst[pc]) && readsASCII(reads, pc, ch) {
					outs = append(outs, prog.Inst[pc].Out)
				}
			}
			f.next[st*f.ncls+k] = intern(c.closure(outs), depth[st]+1)
		}
	}
}

// closer computes closures over one program, reusing its buffers: the
// subset construction asks for one per state and column.
type closer struct {
	prog  *syntax.Prog
	mark  []uint32 // mark[pc] == gen: pc already visited in this closure
	gen   uint32
	stack []uint32
	out   []uint32
}

func newCloser(prog *syntax.Prog) *closer {
	return &closer{prog: prog, mark: make([]uint32, len(prog.Inst))}
}

// closure follows the instructions that read nothing (assertions taken as
// true, both arms of alternations) and returns, sorted, the ones that read
// or match. The result is valid until the next call.
func (c *closer) closure(pcs []uint32) []uint32 {
	c.gen++
	c.stack = append(c.stack[:0], pcs...)
	c.out = c.out[:0]
	for len(c.stack) > 0 {
		pc := c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
		if c.mark[pc] == c.gen {
			continue
		}
		c.mark[pc] = c.gen
		switch i := &c.prog.Inst[pc]; i.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			c.stack = append(c.stack, i.Out, i.Arg)
		case syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstNop:
			c.stack = append(c.stack, i.Out)
		case syntax.InstMatch, syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			c.out = append(c.out, pc)
		}
	}
	slices.Sort(c.out)
	return c.out
}

func isRuneInst(i *syntax.Inst) bool {
	switch i.Op {
	case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		return true
	}
	return false
}

// readsRune asks the instruction itself (MatchRune knows only rune lists).
func readsRune(i *syntax.Inst, c rune) bool {
	switch i.Op {
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return c != '\n'
	}
	return i.MatchRune(c)
}

// readsNonASCII reports whether the instruction may read a rune above
// U+007F, including U+FFFD for a byte that is not UTF-8.
func readsNonASCII(i *syntax.Inst) bool {
	switch i.Op {
	case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		return true
	case syntax.InstRune, syntax.InstRune1:
		if slices.ContainsFunc(i.Rune, func(r rune) bool { return r >= 0x80 }) {
			return true
		}
		if len(i.Rune) == 1 && syntax.Flags(i.Arg)&syntax.FoldCase != 0 {
			for r := unicode.SimpleFold(i.Rune[0]); r != i.Rune[0]; r = unicode.SimpleFold(r) {
				if r >= 0x80 {
					return true
				}
			}
		}
	}
	return false
}

// mayMatch reports false only when no match of the pattern can begin s.
func (f *prefilter) mayMatch(s string) bool {
	if f == nil {
		return true
	}
	st := 0
	for p := 0; ; p++ {
		switch {
		case f.final[st]:
			return true
		case p >= len(s):
			return false // no match ends here, nor (else it had been final) sooner
		case s[p] >= 0x80:
			return f.other[st] // rune boundaries end the reading here
		}
		next := f.next[st*f.ncls+int(f.class[s[p]])]
		switch next {
		case deadState:
			return false
		case enoughState:
			return true
		}
		st = int(next)
	}
}

// mayEnd is mayMatch for a suffilter: it reads s from its last byte back.
func (f *prefilter) mayEnd(s string) bool {
	if f == nil {
		return true
	}
	st := 0
	for p := 0; ; p++ {
		switch {
		case f.final[st]:
			return true
		case p >= len(s):
			return false
		case s[len(s)-1-p] >= 0x80:
			return f.other[st]
		}
		next := f.next[st*f.ncls+int(f.class[s[len(s)-1-p]])]
		switch next {
		case deadState:
			return false
		case enoughState:
			return true
		}
		st = int(next)
	}
}
