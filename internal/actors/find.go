package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

// token is a run of letters and digits in a text.
type token struct{ start, end int }

// tokenize splits s into runs of letters and digits; everything else
// (spaces, hyphens, apostrophes, dots) separates, so "al-Shabaab",
// "al Shabaab" and "Asa’ib" tokenize alike in aliases and in text.
func tokenize(s string) []token {
	out := make([]token, 0, len(s)/6+1)
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, token{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, token{start, len(s)})
	}
	return out
}

// Find returns the actors named in text, longest alias first, in text
// order, without overlaps. Weak aliases ("people") are left out; a generic
// noun right after a named actor ("ISIS militants") joins that mention.
func (d *Dictionary) Find(text string) []Mention { return d.find(text, false) }

// FindAll is Find with weak aliases included: for naming the victims of a
// casualty count or the target of an attack ("killed a dozen people").
func (d *Dictionary) FindAll(text string) []Mention { return d.find(text, true) }

func (d *Dictionary) find(text string, weak bool) []Mention {
	toks := tokenize(text)
	low := textfold.ASCIILower(text)
	var out []Mention
	for i := 0; i < len(toks); {
		e, n := d.match(text, low, toks, i, weak)
		if n == 0 {
			i++
			continue
		}
		m := Mention{Start: toks[i].start, End: toks[i+n-1].end, Actor: e.actor, Weak: e.weak}
		if prev := len(out) - 1; prev >= 0 && joins(text, out[prev], m) {
			out[prev].End = m.End
		} else {
			out = append(out, m)
		}
		i += n
	}
	for i := range out {
		out[i].Text = text[out[i].Start:out[i].End]
	}
	return out
}

// joins reports whether m is a generic noun that continues the named
// actor before it ("ISIS fighters", "Houthi rebels").
func joins(text string, prev, m Mention) bool {
	if !m.Actor.Generic || prev.Actor.Generic || m.Actor.Kind != KindUnidentified || !prev.Actor.Armed() {
		return false
	}
	gap := text[prev.End:m.Start]
	return strings.TrimSpace(gap) == "" && len(gap) <= 2
}

// match finds the longest alias starting at token i and returns it with
// its length in tokens (0: none), walking the alias trie.
func (d *Dictionary) match(text, low string, toks []token, i int, weak bool) (entry, int) {
	var best entry
	bestN := 0
	n := d.root
	for k := i; k < len(toks) && n != nil; k++ {
		n = n.next[lower(low[toks[k].start:toks[k].end])]
		if n == nil {
			break
		}
		for _, e := range n.ents {
			if (e.weak && !weak) || (e.exact && !exactMatch(text, toks[i:k+1], e)) {
				continue
			}
			best, bestN = e, k-i+1
			break
		}
	}
	return best, bestN
}

// exactMatch checks a case-sensitive alias against the text's words.
func exactMatch(text string, toks []token, e entry) bool {
	for k, t := range toks {
		if text[t.start:t.end] != e.tokens[k] {
			return false
		}
	}
	return true
}

// lower lower-cases a word, without allocating when it is already lower
// case ASCII.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}
