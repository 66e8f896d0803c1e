package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a run of letters and digits in a text.
type token struct{ start, end int }

// tokenize splits s into runs of letters and digits; everything else
// (spaces, hyphens, apostrophes, dots) separates, so "al-Shabaab",
// "al Shabaab" and "Asa’ib" tokenize alike in aliases and in text.
func tokenize(s string) []token {
	var out []token
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
	var out []Mention
	for i := 0; i < len(toks); {
		e, n := d.match(text, toks, i, weak)
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
// its length in tokens (0: none).
func (d *Dictionary) match(text string, toks []token, i int, weak bool) (entry, int) {
	first := strings.ToLower(text[toks[i].start:toks[i].end])
	var best entry
	bestN := 0
	for _, e := range d.byFirst[first] {
		n := len(e.tokens)
		if n <= bestN || i+n > len(toks) || (e.weak && !weak) {
			continue
		}
		if d.matches(text, toks[i:i+n], e) {
			best, bestN = e, n
		}
	}
	return best, bestN
}

func (d *Dictionary) matches(text string, toks []token, e entry) bool {
	for k, t := range toks {
		w := text[t.start:t.end]
		if e.exact {
			if w != e.tokens[k] {
				return false
			}
			continue
		}
		if !equalFold(w, e.tokens[k]) {
			return false
		}
	}
	return true
}

// equalFold compares a text word with a lower-case alias word without
// allocating.
func equalFold(w, lower string) bool {
	if len(w) == len(lower) {
		ascii := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lower[i] {
				return false
			}
		}
		if ascii {
			return true
		}
	}
	return strings.ToLower(w) == lower
}
