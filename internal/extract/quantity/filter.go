package quantity

import "strings"

// mentionsTrigger scans the raw text for a casualty word without
// tokenizing it: the quick exit for most sentences of an article.
func mentionsTrigger(text string) bool {
	var buf [16]byte
	n := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) {
			c := text[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c >= 'a' && c <= 'z' {
				if n < len(buf) {
					buf[n] = c
				}
				n++
				continue
			}
		}
		if n > 1 && n <= len(buf) && triggerShapes[int(buf[0]-'a')*26+int(buf[1]-'a')]&(1<<n) != 0 {
			if _, ok := triggers[string(buf[:n])]; ok {
				return true
			}
		}
		n = 0
	}
	return false
}

// triggerShapes holds, for each pair of first letters, a bit per length
// of the casualty words that start with them: most words fail this test
// without a map lookup.
var triggerShapes = func() (m [26 * 26]uint32) {
	for w := range triggers {
		if len(w) > 1 && len(w) < 32 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z' {
			m[int(w[0]-'a')*26+int(w[1]-'a')] |= 1 << len(w)
		}
	}
	return m
}()

// anyTrigger is the quick exit for the many sentences without a casualty word.
func anyTrigger(toks []Token) bool {
	for _, t := range toks {
		if _, ok := triggers[t.Lower]; ok {
			return true
		}
	}
	return false
}

// canStartItem is a cheap filter: only figures, number words, qualifiers
// and determiners can open a counted phrase.
func canStartItem(t Token) bool {
	if t.Kind == Num {
		return true
	}
	if t.Kind != Word {
		return false
	}
	if startShapes.may(t.Lower) {
		if _, number := numberWords[t.Lower]; number || itemStarters[t.Lower] {
			return true
		}
	}
	return strings.IndexByte(t.Lower, '-') >= 0 && isWordNumber(t.Lower) // "twenty-five"
}

// shapes holds, for each pair of first letters, a bit per length of the
// words of a set that start with two letters a-z: most words fail this
// test without a map lookup. Words of other shapes always pass it.
type shapes [26 * 26]uint32

func shapesOf(sets ...map[string]bool) *shapes {
	var s shapes
	for _, m := range sets {
		for w := range m {
			if i, ok := shapeIndex(w); ok {
				s[i] |= 1 << len(w)
			}
		}
	}
	return &s
}

func shapeIndex(w string) (int, bool) {
	if len(w) < 2 || len(w) >= 32 || w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z' {
		return 0, false
	}
	return int(w[0]-'a')*26 + int(w[1]-'a'), true
}

// may reports whether w can be in the sets: false means it is in none.
func (s *shapes) may(w string) bool {
	i, ok := shapeIndex(w)
	return !ok || s[i]&(1<<len(w)) != 0
}

// startShapes are the shapes of itemStarters and numberWords.
var startShapes = shapesOf(itemStarters, keys(numberWords))

// statShapes are the shapes of statStarters.
var statShapes = shapesOf(statStarters)

// numberShapes are the shapes of numberWords.
var numberShapes = shapesOf(keys(numberWords))

func keys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// itemStarters are the first words of every phrase item() can read.
var itemStarters = func() map[string]bool {
	m := set("a", "an", "his", "her", "their", "its")
	for w := range vagueWords {
		m[w] = true
	}
	for w := range leadDeterminers {
		m[w] = true
	}
	for w := range reflexives {
		m[w] = true
	}
	for _, q := range qualifiers {
		m[q.words[0]] = true
	}
	for _, p := range unknownPhrases {
		m[p[0]] = true
	}
	for _, p := range smallPhrases {
		m[p.words[0]] = true
	}
	return m
}()
