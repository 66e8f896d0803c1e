package gazetteer

import "strings"

// Romanised names from Persian, Pashto and Urdu join their words with a
// particle between hyphens ("Mazar-i-Sharif", "Pul-e-Khumri",
// "Dasht-e-Barchi", "Jabal-ul-Siraj"). The scan takes such a compound as
// one name: it looks it up as written and with the particle's other
// spellings, and when the gazetteer knows none, the compound is still one
// span with no reading (a part of a town only, "Kabul's Dasht-e-Barchi"),
// never its words one by one.

// isEzafe reports the linking particles that may sit lower-case inside a
// name when a hyphen joins them to the word before.
func isEzafe(w string) bool {
	switch w {
	case "e", "i", "ye", "yi", "ul":
		return true
	}
	return false
}

// ezafeJoined reports token k as a linking particle hyphenated to the word
// before it ("Mazar-i-Sharif", "Sar-e Pol"). The hyphen is tested first:
// the scan asks this of every lower-case word after a capitalised one.
func ezafeJoined(text string, toks []token, k int) bool {
	return k > 0 && toks[k].start == toks[k-1].end+1 && text[toks[k-1].end] == '-' && isEzafe(toks[k].lower)
}

// ezafeRun returns the number of tokens of the compound that opens at
// token i (a word, then one or more particles each followed by a
// capitalised word), or 0 when none opens there.
func ezafeRun(text string, toks []token, brk []bool, i int, caseless bool) int {
	k := i
	for k+2 < len(toks) && !brk[k+1] && !brk[k+2] && ezafeJoined(text, toks, k+1) && (caseless || toks[k+2].cap) {
		if gap := text[toks[k+1].end:toks[k+2].start]; gap != "-" && gap != " " {
			break
		}
		k += 2
	}
	if k == i {
		return 0
	}
	return k - i + 1
}

// ezafeVariants are the particle's spellings tried, in order, when a
// compound is not known as written: GeoNames writes "Mazar-e Sharif" and
// "Pul-i-Khumri" where reporters write "Mazar-i-Sharif" and
// "Pul-e-Khumri".
var ezafeVariants = [...]string{"e", "i", ""}

// ezafeLookup looks a compound up with each particle written the other
// ways; the key and readings of the first spelling known, if any.
func (g *Gazetteer) ezafeLookup(sc *scanScratch, text string, toks []token, i, n int) (string, []int32) {
	for _, v := range ezafeVariants {
		var b strings.Builder
		b.WriteString(text[toks[i].start:toks[i].end])
		changed := false
		for k := i + 1; k < i+n; k++ {
			t := toks[k]
			if ezafeJoined(text, toks, k) {
				changed = changed || t.lower != v
				if v != "" {
					b.WriteString(" " + v)
				}
				continue
			}
			b.WriteString(" " + text[t.start:t.end])
		}
		if !changed {
			continue
		}
		if key, cands := g.lookupSurface(sc, b.String()); len(cands) > 0 {
			return key, cands
		}
	}
	return "", nil
}

// unknownCompound is the span of a compound the gazetteer does not know
// under any spelling: one name with no reading, which Find places only as
// a part of a town the text ties it to.
func (g *Gazetteer) unknownCompound(text string, toks []token, brk []bool, i, n int, caseless bool) (span, bool) {
	first, last := toks[i], toks[i+n-1]
	sp := span{start: first.start, end: last.end, nameEnd: last.end, key: Normalize(text[first.start:last.end]),
		tokens: n, word: text[first.start:first.end], caseless: caseless}
	g.readTypeWord(text, &sp, last, n)
	return sp, !g.personBefore(text, toks, brk, i)
}
