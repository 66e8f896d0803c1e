// Package quantity reads numbers and casualty phrases in news English: digits
// and number words ("3,500", "twenty-five", "one hundred and five"), ACLED's
// rules for vague numbers ("dozens" = 12, "tens" = 10, "hundreds" = 100;
// "several" is not a number), and counts of the killed, wounded, abducted and
// arrested with the noun phrase they count. Everything here is a pure
// function over a string; the rules are tables, not branches.
package quantity

import (
	"strconv"
	"strings"
)

// maxNumber bounds every parsed value so that arithmetic never overflows.
const maxNumber = 1_000_000_000

// numberWords maps the words that are numbers by themselves.
var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// scaleWords multiply what precedes them ("two hundred", "3 million").
var scaleWords = map[string]int{
	"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12,
}

// vagueWords are ACLED's conventions for plural round numbers: the
// smallest value the word can mean.
var vagueWords = map[string]int{
	"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1000,
}

// unknownPhrases say "more than one" without a number. ACLED records no
// figure for them; Casualties reports them with N = -1.
var unknownPhrases = [][]string{
	{"a", "number", "of"}, {"a", "few"}, {"a", "handful", "of"},
	{"several"}, {"many"}, {"numerous"}, {"multiple"}, {"scores", "of"},
	{"scores"}, {"some"}, {"few"}, {"countless"}, {"a", "lot", "of"},
}

// smallPhrases are fixed multi-word numbers.
var smallPhrases = []struct {
	words []string
	n     int
}{
	{[]string{"half", "a", "dozen"}, 6},
	{[]string{"a", "couple", "of"}, 2},
	{[]string{"a", "pair", "of"}, 2},
	{[]string{"a", "dozen"}, 12},
	{[]string{"a", "score", "of"}, 20},
}

// Number parses a whole number phrase: "25", "3,500", "two", "twenty-five",
// "one hundred and five", "a dozen", "dozens" (12), "tens of" (10). Phrases
// that say "more than one" without a figure ("several", "a number of",
// "many") give ok = false, as do phrases with anything left over.
func Number(s string) (n int, ok bool) {
	toks := Tokenize(s)
	if len(toks) == 0 {
		return 0, false
	}
	p, good := parseNumber(toks, 0)
	if !good || p.vague {
		return 0, false
	}
	end := p.end
	if end < len(toks) && toks[end].Lower == "of" {
		end++
	}
	if end != len(toks) {
		return 0, false
	}
	return p.n, true
}

// numPhrase is a number phrase found in a token slice.
type numPhrase struct {
	n     int  // value; -1 when vague
	vague bool // "several", "a number of": casualties without a figure
	round bool // an ACLED plural convention ("dozens"), a lower bound
	rng   bool // the lower end of a range ("10 to 15")
	end   int  // index of the first token after the phrase
}

// parseNumber reads the longest number phrase starting at toks[i].
func parseNumber(toks []Token, i int) (numPhrase, bool) {
	if i >= len(toks) {
		return numPhrase{}, false
	}
	// most tokens open no word phrase: only the cardinal reading is left
	lead := phraseShapes.may(toks[i].Lower)
	if lead {
		for _, sp := range smallPhrases {
			if hasWords(toks, i, sp.words) {
				return numPhrase{n: sp.n, end: i + len(sp.words)}, true
			}
		}
		if v, ok := vagueWords[toks[i].Lower]; ok {
			end := i + 1
			if end < len(toks) && toks[end].Lower == "of" {
				end++
			}
			return numPhrase{n: v, round: true, end: end}, true
		}
	}
	if p, ok := parseCardinal(toks, i); ok {
		return p, true
	}
	if lead {
		for _, words := range unknownPhrases {
			if hasWords(toks, i, words) {
				return numPhrase{n: -1, vague: true, end: i + len(words)}, true
			}
		}
	}
	return numPhrase{}, false
}

// phraseShapes are the shapes of the words that open a word phrase
// parseNumber reads before or after cardinals: small and unknown phrases,
// and vague plurals.
var phraseShapes = func() *shapes {
	first := map[string]bool{}
	for _, sp := range smallPhrases {
		first[sp.words[0]] = true
	}
	for _, p := range unknownPhrases {
		first[p[0]] = true
	}
	return shapesOf(first, keys(vagueWords))
}()

// hasWords reports whether toks from i spell words.
func hasWords(toks []Token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].Lower != w {
			return false
		}
	}
	return true
}

// parseCardinal reads digits or number words with scales: "3,500",
// "1.5 million", "two hundred and five", "twenty five", "a hundred".
func parseCardinal(toks []Token, i int) (numPhrase, bool) {
	var total, current int
	j, seen := i, false
	if toks[j].Lower == "a" || toks[j].Lower == "an" {
		if j+1 < len(toks) && scaleWords[toks[j+1].Lower] > 0 && toks[j+1].Lower != "dozen" {
			current, seen = 1, true
			j++
		} else {
			return numPhrase{}, false
		}
	}
	for ; j < len(toks); j++ {
		w := toks[j].Lower
		if f, ok := digitValue(toks[j]); ok && !seen {
			if j+1 < len(toks) && scaleWords[toks[j+1].Lower] >= 1000 {
				j++
				total, seen = int(f*float64(scaleWords[toks[j].Lower])), true
				if total > maxNumber {
					return numPhrase{}, false
				}
				continue
			}
			current, seen = int(f), true
			continue
		}
		if v, ok := wordValue(w); ok && (!seen || current%100 == 0 || (current%10 == 0 && current%100 >= 20 && v < 10)) {
			current += v
			seen = true
			continue
		}
		if m, ok := scaleWords[w]; ok && seen {
			if m >= 1000 {
				total += current * m
				current = 0
			} else {
				current *= m
			}
			if total+current > maxNumber {
				return numPhrase{}, false
			}
			continue
		}
		if w == "and" && seen && (current%100 == 0 || total > 0) && j+1 < len(toks) && isWordNumber(toks[j+1].Lower) {
			continue
		}
		break
	}
	if !seen {
		return numPhrase{}, false
	}
	return numPhrase{n: total + current, end: j}, true
}

// digitValue reads "25", "3,500" or "1.5"; decimals only make sense before
// a scale ("1.5 million"), which the caller multiplies.
func digitValue(t Token) (float64, bool) {
	if t.Kind != Num || len(t.Text) > 14 {
		return 0, false
	}
	s := strings.ReplaceAll(t.Text, ",", "")
	dots := 0
	for k := 0; k < len(s); k++ {
		if s[k] == '.' {
			dots++
			continue
		}
		if !isDigit(s[k]) {
			return 0, false
		}
	}
	if dots > 1 {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f > maxNumber {
		return 0, false
	}
	return f, true
}

// wordValue reads "seven", "twenty", "twenty-five".
func wordValue(w string) (int, bool) {
	if numberShapes.may(w) {
		if v, ok := numberWords[w]; ok {
			return v, true
		}
	}
	tens, unit, found := strings.Cut(w, "-")
	if !found {
		return 0, false
	}
	t, ok1 := numberWords[tens]
	u, ok2 := numberWords[unit]
	if !ok1 || !ok2 || t < 20 || t%10 != 0 || u == 0 || u > 9 {
		return 0, false
	}
	return t + u, true
}

func isWordNumber(w string) bool {
	_, ok := wordValue(w)
	return ok
}

// NumberAt reads the longest number phrase starting at toks[i], for callers
// that scan tokens themselves (dates: "three weeks ago"). It returns the
// value, the index after the phrase, and vague = true for phrases without a
// figure ("several", "a few"), whose n is -1.
func NumberAt(toks []Token, i int) (n, end int, vague, ok bool) {
	p, ok := parseNumber(toks, i)
	if !ok {
		return 0, i, false, false
	}
	return p.n, p.end, p.vague, true
}
