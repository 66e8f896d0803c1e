package timex

import (
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

// elem is one step of a pattern.
type elem struct {
	c     class
	words []string
	opt   bool
}

func w(words ...string) elem     { return elem{c: lit, words: words} }
func ow(words ...string) elem    { return elem{c: lit, words: words, opt: true} }
func c(k class) elem             { return elem{c: k} }
func oc(k class) elem            { return elem{c: k, opt: true} }
func seq(es ...elem) []elem      { return es }
func (e elem) has(s string) bool { return contains(e.words, s) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// caps collects what a match saw.
type caps struct {
	weekday      time.Weekday
	hasWeekday   bool
	month        time.Month
	day, year    int
	n            int
	vague        bool
	unit         string
	season       time.Month
	hasSeason    bool
	numA, numB   int // numeric date parts other than the year
	numYearFirst bool
	mods         [8]string // literal words matched, in order
	nmods        int
}

func (c *caps) mod(s string) bool {
	for i := 0; i < c.nmods; i++ {
		if c.mods[i] == s {
			return true
		}
	}
	return false
}

// matcher runs patterns over one text's tokens.
type matcher struct {
	toks []quantity.Token
}

// match tries pat at token i; optional elements are tried present first.
func (m *matcher) match(pat []elem, i int, c caps) (int, caps, bool) {
	if len(pat) == 0 {
		return i, c, true
	}
	e := pat[0]
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
func (m *matcher) one(e elem, i int, c caps) (int, caps, bool) {
	if i >= len(m.toks) {
		return 0, c, false
	}
	t := m.toks[i]
	switch e.c {
	case lit:
		if !e.has(t.Lower) {
			return 0, c, false
		}
		if c.nmods < len(c.mods) {
			c.mods[c.nmods] = t.Lower
			c.nmods++
		}
		return i + 1, c, true
	case cWeekday:
		wd, ok := weekdays[t.Lower]
		c.weekday, c.hasWeekday = wd, ok
		return i + 1, c, ok
	case cMonth:
		mo, ok := monthOf(t)
		c.month = mo
		return i + 1, c, ok
	case cDay:
		d, ok := dayOf(t)
		c.day = d
		return i + 1, c, ok
	case cYear:
		y, ok := yearOf(t)
		c.year = y
		return i + 1, c, ok
	case cNumDate:
		a, b, cc, yf, ok := numericDate(t)
		if yf {
			c.year, c.numA, c.numB = a, b, cc
		} else {
			c.numA, c.numB, c.year = a, b, cc
		}
		c.numYearFirst = yf
		return i + 1, c, ok
	case cCount:
		return m.count(i, c)
	case cUnit:
		_, ok := units[t.Lower]
		c.unit = t.Lower
		return i + 1, c, ok
	case cSeason:
		s, ok := seasons[t.Lower]
		c.season, c.hasSeason = s, ok
		return i + 1, c, ok
	case cPart:
		return i + 1, c, dayParts[t.Lower]
	}
	return 0, c, false
}

// count reads "three", "a", "an", "a few", "several" before a unit.
func (m *matcher) count(i int, c caps) (int, caps, bool) {
	t := m.toks[i]
	if t.Lower == "a" || t.Lower == "an" || t.Lower == "one" {
		if i+1 < len(m.toks) {
			if _, unit := units[m.toks[i+1].Lower]; unit {
				c.n = 1
				return i + 1, c, true
			}
		}
	}
	n, end, vague, ok := quantity.NumberAt(m.toks, i)
	if !ok || (!vague && (n <= 0 || n > 500)) {
		return 0, c, false
	}
	c.n, c.vague = n, vague
	return end, c, true
}
