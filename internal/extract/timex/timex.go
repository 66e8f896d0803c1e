// Package timex finds temporal expressions in news text and dates them
// against the publication date: weekdays ("on Monday", "late Sunday"), days
// relative to publication ("yesterday", "three weeks ago", "last summer"),
// and absolute dates with or without a year ("Oct. 9", "5 Feb 2024",
// "2020-03-08", "in December 2017", "in 2014").
//
// Two rules hold everywhere: a date is never after publication (a cue that
// would land later is read the consistent way, or left undated, and
// flagged), and an unknown publication date leaves relative expressions
// undated rather than invented. The patterns are a table (rules.go); the
// calendar arithmetic lives in small resolvers.
package timex

import (
	"math/bits"
	"time"

	"github.com/sitrep-org/sitrep/internal/extract/quantity"
)

// Expr is one temporal expression.
type Expr struct {
	Start, End int    // byte offsets in the text given
	Text       string // text[Start:End]
	// Date is the resolved day, the first day of the period for vaguer
	// expressions; zero when it cannot be resolved (see Flags).
	Date time.Time
	// Precision is ACLED's time_precision: 1 day, 2 week, 3 month. Seasons
	// and years also get 3, with FlagSeason or FlagYearOnly.
	Precision int
	Year      int // for year-level mentions ("in 2014", "last year"), else 0
	Rule      string
	Flags     []string
}

// HasFlag reports whether the expression carries flag f.
func (e Expr) HasFlag(f string) bool {
	for _, g := range e.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// found is a match before overlap resolution.
type found struct {
	from, to int // token range
	rule     int
	c        caps
}

// Find returns the temporal expressions of text in order. pub is the
// publication date (zero when unknown) and pubPrecision its ACLED precision
// (1 day, 2 week, 3 month; 0 is read as 1 when pub is set).
func Find(text string, pub time.Time, pubPrecision int) []Expr {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.toks = quantity.AppendTokens(sc.toks[:0], text)
	return find(sc, text, sc.toks, pub, pubPrecision)
}

// FindIn is Find for a caller that has tokenized the text already: toks
// must be quantity.Tokenize(text). It neither keeps nor changes toks.
func FindIn(text string, toks []quantity.Token, pub time.Time, pubPrecision int) []Expr {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	return find(sc, text, toks, pub, pubPrecision)
}

func find(sc *scratch, text string, toks []quantity.Token, pub time.Time, pubPrecision int) []Expr {
	m := sc.matcher(toks)
	r := newResolver(pub, pubPrecision)
	cands := sc.cands[:0]
	for i := range toks {
		if m.feats[i].classes == 0 && m.ids[i] < 0 {
			continue
		}
		if f, ok := m.longest(i); ok {
			cands = append(cands, f)
		}
	}
	cands = dropOverlaps(cands)
	sc.cands = cands
	out := make([]Expr, 0, len(cands))
	kept := sc.kept[:0]
	for _, f := range cands {
		res := gram.rules[f.rule].resolve(&r, &f.c)
		if res.drop {
			continue
		}
		out = append(out, makeExpr(text, toks, f, res))
		kept = append(kept, f)
	}
	sc.kept = kept
	shareYears(out, kept, toks, &r)
	return mergeWeekdayDates(text, toks, out, kept, &r)
}

// longest tries every rule at token i and keeps the longest match.
func (m *matcher) longest(i int) (found, bool) {
	best, ok := found{}, false
	var w windowSeen
	gathered := false // the window is gathered for the first rule that starts here
	for mask := m.startMask(i); mask != 0; mask &= mask - 1 {
		k := bits.TrailingZeros64(mask) // the rules in order, as the table lists them
		if !m.startsAt(k, i) {
			continue
		}
		if !gathered {
			w, gathered = m.seenFrom(i), true
		}
		if !gram.starts[k].needsIn(&w) {
			continue
		}
		end, c, hit := m.match(gram.rules[k].pat, i, caps{})
		if hit && end > i && (!ok || end > best.to) {
			best, ok = found{from: i, to: end, rule: k, c: c}, true
		}
	}
	return best, ok
}

// dropOverlaps keeps, of two overlapping matches, the one reaching further
// ("from October 1" keeps "October 1", "in December 2017" the month-year).
// It filters cands in place.
func dropOverlaps(cands []found) []found {
	out := cands[:0]
	for _, f := range cands {
		if n := len(out); n > 0 && f.from < out[n-1].to {
			if f.to > out[n-1].to {
				out[n-1] = f
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

func makeExpr(text string, toks []quantity.Token, f found, res result) Expr {
	start, end := toks[f.from].Start, toks[f.to-1].End
	return Expr{
		Start: start, End: end, Text: text[start:end],
		Date: res.date, Precision: res.prec, Year: res.year,
		Rule: gram.rules[f.rule].name, Flags: res.flags,
	}
}
