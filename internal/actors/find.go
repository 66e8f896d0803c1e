package actors

import (
	"slices"
	"strings"
	"sync"
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
func (d *Dictionary) Find(text string) []Mention { return d.find(text, textWords(text), false) }

// FindAll is Find with weak aliases included: for naming the victims of a
// casualty count or the target of an attack ("killed a dozen people").
func (d *Dictionary) FindAll(text string) []Mention { return d.find(text, textWords(text), true) }

// Words is a text already cut into words the way Find cuts it: runs of
// letters and digits (unicode.IsLetter, unicode.IsDigit, reading the text
// rune by rune), each with its byte offsets and strings.ToLower form.
type Words interface {
	Len() int
	At(i int) (start, end int, lower string)
}

// FindWords is Find for a caller that has cut the text into words already
// (ws must be the words of text, as Words says).
func (d *Dictionary) FindWords(text string, ws Words) []Mention { return d.find(text, ws, false) }

// FindAllWords is FindAll for a caller that has cut the text into words
// already (ws must be the words of text, as Words says).
func (d *Dictionary) FindAllWords(text string, ws Words) []Mention { return d.find(text, ws, true) }

// textWords cuts text for Find: its tokens and one ASCII-lowered copy.
func textWords(text string) tokenWords {
	return tokenWords{toks: tokenize(text), low: textfold.ASCIILower(text)}
}

// tokenWords is Words over tokenize's output.
type tokenWords struct {
	toks []token
	low  string
}

func (w tokenWords) Len() int { return len(w.toks) }

func (w tokenWords) At(i int) (int, int, string) {
	t := w.toks[i]
	return t.start, t.end, lower(w.low[t.start:t.end])
}

func (d *Dictionary) find(text string, ws Words, weak bool) []Mention {
	// mentions gather in a reused buffer and leave as one exact copy,
	// rather than growing a new slice by doubling for every text
	bp := mentionBufs.Get().(*[]Mention)
	defer mentionBufs.Put(bp)
	out := (*bp)[:0]
	defer func() {
		clear(out)
		if *bp = out[:0]; cap(out) > maxPooledMentions {
			*bp = nil // one long text should not pin a big buffer
		}
	}()
	for i, n := 0, ws.Len(); i < n; {
		e, k := d.match(text, ws, i, weak)
		if k == 0 {
			i++
			continue
		}
		start, _, _ := ws.At(i)
		_, end, _ := ws.At(i + k - 1)
		m := Mention{Start: start, End: end, Actor: e.actor, Weak: e.weak}
		if prev := len(out) - 1; prev >= 0 && joins(text, out[prev], m) {
			out[prev].End = m.End
		} else {
			out = append(out, m)
		}
		i += k
	}
	for i := range out {
		out[i].Text = text[out[i].Start:out[i].End]
	}
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

var mentionBufs = sync.Pool{New: func() any { return new([]Mention) }}

const maxPooledMentions = 1024

// joins reports whether m is a generic noun that continues the named
// actor before it ("ISIS fighters", "Houthi rebels").
func joins(text string, prev, m Mention) bool {
	if !m.Actor.Generic || prev.Actor.Generic || m.Actor.Kind != KindUnidentified || !prev.Actor.Armed() {
		return false
	}
	gap := text[prev.End:m.Start]
	return strings.TrimSpace(gap) == "" && len(gap) <= 2
}

// match finds the longest alias starting at word i and returns it with
// its length in words (0: none), walking the alias trie.
func (d *Dictionary) match(text string, ws Words, i int, weak bool) (entry, int) {
	var best entry
	bestN := 0
	n := d.root
	for k := i; k < ws.Len() && n != nil; k++ {
		_, _, w := ws.At(k)
		if k == i && !d.mayBegin(w) {
			break
		}
		n = n.next[w]
		if n == nil {
			break
		}
		for _, e := range n.ents {
			if (e.weak && !weak) || (e.exact && !exactMatch(text, ws, i, e)) {
				continue
			}
			best, bestN = e, k-i+1
			break
		}
	}
	return best, bestN
}

// exactMatch checks a case-sensitive alias against the text's words from
// word i on.
func exactMatch(text string, ws Words, i int, e entry) bool {
	for k, tok := range e.tokens {
		s, end, _ := ws.At(i + k)
		if text[s:end] != tok {
			return false
		}
	}
	return true
}

// firstSig is a cheap signature of a word (its length, first and last
// byte) for rootSigs: most words of a text begin no alias, and checking a
// bit costs less than the map look-up it saves.
func firstSig(w string) uint32 {
	if w == "" {
		return 0
	}
	return uint32(min(len(w), 31))<<16 | uint32(w[0])<<8 | uint32(w[len(w)-1])
}

// rootSigBits is the size of the signature bitset: 5 bits of length and
// two bytes.
const rootSigBits = 1 << 21

// mayBegin reports whether some alias may begin with the lower-case word
// w; false means none does.
func (d *Dictionary) mayBegin(w string) bool {
	if d.rootSigs == nil {
		return true
	}
	s := firstSig(w)
	return d.rootSigs[s/64]&(1<<(s%64)) != 0
}

// indexFirstWords fills rootSigs from the trie's first level; call it
// once the trie is complete.
func (d *Dictionary) indexFirstWords() {
	sigs := make([]uint64, rootSigBits/64)
	for w := range d.root.next {
		s := firstSig(w)
		sigs[s/64] |= 1 << (s % 64)
	}
	d.rootSigs = sigs
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
