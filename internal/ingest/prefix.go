package ingest

import (
	"regexp"
	"regexp/syntax"
	"unicode"
)

// prefixLen is how many leading runes a prefilter checks.
const prefixLen = 6

// prefilter says which bytes each of the first runes of a match of an
// anchored pattern can be. Most lines fail an anchored rule within two
// characters, yet a call into regexp costs a few hundred nanoseconds
// whatever the outcome; the cleaner tries a dozen anchored rules on every
// short line. The sets are read off the compiled program, so they hold for
// any pattern in the tables without being written by hand, and they only
// ever err towards running the pattern.
type prefilter struct {
	n     int // positions checked: no match ends sooner
	ascii [prefixLen][128]bool
	other [prefixLen]bool // a non-ASCII rune (or a byte that is not UTF-8) may sit here
}

// newPrefilter builds the filter for re, or nil when re is not anchored at
// the start of the text (then a match may begin anywhere).
func newPrefilter(re *regexp.Regexp) *prefilter {
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil || prog.StartCond()&syntax.EmptyBeginText == 0 {
		return nil
	}
	f := &prefilter{n: prefixLen}
	states := closure(prog, []uint32{uint32(prog.Start)})
	for p := 0; p < prefixLen; p++ {
		var next []uint32
		for _, pc := range states {
			i := &prog.Inst[pc]
			switch i.Op {
			case syntax.InstMatch:
				f.n = min(f.n, p) // a match may stop here: later runes are free
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				f.addRunes(p, i)
				next = append(next, i.Out)
			}
		}
		if f.n <= p || len(next) == 0 {
			f.n = min(f.n, p+1) // no rune and no match here: nothing matches
			break
		}
		states = closure(prog, next)
	}
	return f
}

// closure follows the instructions that read nothing (assertions taken as
// true, both arms of alternations) and returns the ones that read or match.
func closure(prog *syntax.Prog, pcs []uint32) []uint32 {
	seen := map[uint32]bool{}
	var out []uint32
	for len(pcs) > 0 {
		pc := pcs[len(pcs)-1]
		pcs = pcs[:len(pcs)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		i := &prog.Inst[pc]
		switch i.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			pcs = append(pcs, i.Out, i.Arg)
		case syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstNop:
			pcs = append(pcs, i.Out)
		case syntax.InstFail:
		default:
			out = append(out, pc)
		}
	}
	return out
}

// addRunes records what instruction i can read at position p, asking the
// instruction itself about every ASCII rune.
func (f *prefilter) addRunes(p int, i *syntax.Inst) {
	switch i.Op {
	case syntax.InstRuneAny, syntax.InstRuneAnyNotNL: // MatchRune knows only rune lists
		for c := range f.ascii[p] {
			f.ascii[p][c] = f.ascii[p][c] || i.Op == syntax.InstRuneAny || c != '\n'
		}
		f.other[p] = true
		return
	}
	for c := rune(0); c < 128; c++ {
		if i.MatchRune(c) {
			f.ascii[p][c] = true
		}
	}
	if i.Op == syntax.InstRune && len(i.Rune) == 1 && syntax.Flags(i.Arg)&syntax.FoldCase != 0 {
		for r := unicode.SimpleFold(i.Rune[0]); r != i.Rune[0]; r = unicode.SimpleFold(r) {
			f.other[p] = f.other[p] || r >= 0x80
		}
	}
	for _, r := range i.Rune {
		f.other[p] = f.other[p] || r >= 0x80
	}
}

// mayMatch reports false only when no match of the pattern can begin s.
func (f *prefilter) mayMatch(s string) bool {
	if f == nil {
		return true
	}
	for p := 0; p < f.n; p++ {
		if p >= len(s) {
			return false // s is p ASCII runes long, and no match ends before n
		}
		c := s[p]
		if c >= 0x80 {
			return f.other[p] // rune boundaries end here; the rest is not checked
		}
		if !f.ascii[p][c] {
			return false
		}
	}
	return true
}
