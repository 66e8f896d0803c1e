package ingest

import (
	"unicode"
	"unicode/utf8"
)

// dateShape is what one pass over a line tells about the dates it could
// hold. The date patterns are unanchored and the month alternation is
// large, so running them on every line with a four-digit number (a year
// in prose, a report number in a headline) cost more than the rest of the
// dateline parsing; a pattern whose shape is absent cannot match.
type dateShape uint8

const (
	shapeYear    dateShape = 1 << iota // a run of four or more digits
	shapeYearSep                       // such a run followed by '-', '/' or '.'
	shapeSepYear                       // such a run after '-', '/' or '.'
	shapeMonth                         // a month word followed as the patterns need (mayHoldMonth)
)

func isDateSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

// shapeOf reads the digit shapes of s (not shapeMonth, which costs more).
func shapeOf(s string) dateShape {
	var shape dateShape
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i >= 4 {
			shape |= shapeYear
			if j < len(s) && isDateSep(s[j]) {
				shape |= shapeYearSep
			}
			if i > 0 && isDateSep(s[i-1]) {
				shape |= shapeSepYear
			}
		}
		i = j
	}
	return shape
}

// monthKeys holds the month words by their folded spelling: each rune
// replaced by the smallest member of its case-folding orbit, which is what
// the patterns' (?i) compares ("ſept" and "SEPT" both fold to "SEPT").
type monthKeys struct {
	words   map[string]bool
	fold    map[rune]rune // every rune of every orbit a month word's runes lie in
	maxRune int           // the longest month word, in runes
}

var monthSpellings = newMonthKeys(monthWords)

func newMonthKeys(words map[string]int) *monthKeys {
	m := &monthKeys{words: map[string]bool{}, fold: map[rune]rune{}}
	for w := range words {
		var key []byte
		n := 0
		for _, r := range w {
			key = utf8.AppendRune(key, m.addOrbit(r))
			n++
		}
		m.words[string(key)] = true
		m.maxRune = max(m.maxRune, n)
	}
	return m
}

// addOrbit records r's orbit and returns its smallest member.
func (m *monthKeys) addOrbit(r rune) rune {
	low := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		low = min(low, f)
	}
	m.fold[r] = low
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m.fold[f] = low
	}
	return low
}

func isLetterRun(c byte) bool { return c >= 0x80 || 'a' <= c|0x20 && c|0x20 <= 'z' }

// mayHoldMonth reports whether s could hold a month word as the month
// patterns read one: a run of letters that ends in a month word and is
// followed by '.' or ',' and white space or dashes, then a digit or "de".
// False means no month pattern can match s.
func mayHoldMonth(s string) bool {
	for i := 0; i < len(s); {
		if !isLetterRun(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isLetterRun(s[j]) {
			j++
		}
		if monthFollows(s, j) && monthSpellings.endsRun(s[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// monthFollows reports whether what follows a month word at s[j:] could be
// what the patterns allow: \.?,? then [\s-]+ then a digit, or "de" then
// [\s-]+ and a digit.
func monthFollows(s string, j int) bool {
	if j < len(s) && s[j] == '.' {
		j++
	}
	if j < len(s) && s[j] == ',' {
		j++
	}
	k := skipSpaceDash(s, j)
	if k == j || k == len(s) {
		return false
	}
	if s[k] >= '0' && s[k] <= '9' {
		return true
	}
	if k+2 < len(s) && s[k]|0x20 == 'd' && s[k+1]|0x20 == 'e' {
		m := skipSpaceDash(s, k+2)
		return m > k+2 && m < len(s) && s[m] >= '0' && s[m] <= '9'
	}
	return false
}

// skipSpaceDash skips what the patterns' [\s-] matches (RE2's \s is ASCII).
func skipSpaceDash(s string, j int) int {
	for j < len(s) {
		switch s[j] {
		case ' ', '\t', '\n', '\f', '\r', '-':
			j++
		default:
			return j
		}
	}
	return j
}

// endsRun reports whether the letter run ends in a month word that could
// begin where the patterns let one begin. In an ASCII run that is only the
// whole run (an inner start has a letter before it, so no \b); a run with
// other bytes is tried at every rune, which errs towards running the
// patterns.
func (m *monthKeys) endsRun(run string) bool {
	var buf [64]byte
	ascii := true
	for i := 0; i < len(run); i++ {
		if run[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		if len(run) > len(buf) || len(run) > m.maxRune {
			return false
		}
		for i := 0; i < len(run); i++ {
			buf[i] = run[i] &^ 0x20 // an ASCII letter's orbit starts with its capital
		}
		return m.words[string(buf[:len(run)])]
	}
	for i := range run {
		if m.foldedWord(run[i:], buf[:0]) {
			return true
		}
	}
	return false
}

// foldedWord folds a whole candidate and looks it up.
func (m *monthKeys) foldedWord(w string, buf []byte) bool {
	n := 0
	for _, r := range w {
		f, ok := m.fold[r]
		if n++; !ok || n > m.maxRune {
			return false
		}
		buf = utf8.AppendRune(buf, f)
	}
	return m.words[string(buf)]
}
