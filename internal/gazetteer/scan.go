package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

// maxSpan is the longest name, in words, Find tries.
const maxSpan = 6

// connectors may sit lower-case inside a name ("Deir ez-Zor", "Salah ad Din",
// "Bosnia and Herzegovina", "Trinidad and Tobago").
var connectors = map[string]bool{
	"al": true, "el": true, "ad": true, "ed": true, "ud": true, "as": true, "es": true, "ar": true,
	"az": true, "ez": true, "ash": true, "at": true, "an": true, "of": true, "de": true, "la": true,
	"le": true, "du": true, "des": true, "del": true, "da": true, "do": true, "dos": true, "and": true,
	"on": true, "upon": true, "the": true, "bin": true, "ibn": true, "abu": true, "um": true,
}

type token struct {
	start, end int
	lower      string
	cap        bool // starts with an upper-case letter
	acronym    bool // two to four capitals ("US", "AVA")
	shortMixed bool // at most two letters, not all capitals ("Of", "Ur")
}

// tokenize splits text into words (letters and digits, with inner
// apostrophes), keeping byte offsets and whether a sentence boundary or
// comma separates a word from the one before.
func tokenize(text string) ([]token, []bool) {
	return appendTokens(make([]token, 0, len(text)/5+1), make([]bool, 0, len(text)/5+1), text, textfold.ASCIILower(text))
}

// appendTokens is tokenize appending to toks and breakBefore, so that a
// caller can reuse its slices; low is textfold.ASCIILower(text).
func appendTokens(toks []token, breakBefore []bool, text, low string) ([]token, []bool) {
	brk := true
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && !foldBytes[c] {
			// ASCII punctuation and spaces, without decoding
			if c != ' ' && c != '-' && c != '\'' && c != '.' || c == '.' && i+1 < len(text) && text[i+1] == ' ' {
				brk = true
			}
			i++
			continue
		}
		r := rune(text[i]) // an ASCII letter or digit, or else decoded
		if r >= utf8.RuneSelf {
			var sz int
			r, sz = utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				if r != ' ' && r != '-' && r != '\'' && r != '\u2019' && r != '.' {
					brk = true
				}
				if r == '.' && i+1 < len(text) && text[i+1] == ' ' {
					brk = true
				}
				i += sz
				continue
			}
		}
		j, ascii := i, true
		for j < len(text) {
			c := text[j]
			if foldBytes[c] {
				j++ // ASCII letters and digits, without decoding
				continue
			}
			if c < utf8.RuneSelf && c != '\'' && c != '`' {
				break
			}
			r, sz := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				j += sz
				ascii = ascii && r < utf8.RuneSelf
				continue
			}
			if isApostrophe(r) && j+sz < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[j+sz:]); unicode.IsLetter(r2) {
					j += sz
					ascii = ascii && r < utf8.RuneSelf
					continue
				}
			}
			break
		}
		w := text[i:j]
		if p := possessive(w); p > 0 {
			w = w[:len(w)-p] // "Iraq's" names Iraq
		}
		lw := low[i : i+len(w)]
		if !ascii && !isASCII(w) {
			lw = strings.ToLower(w)
		}
		toks = append(toks, token{start: i, end: i + len(w), lower: lw, cap: unicode.IsUpper(r),
			acronym: isAcronym(w), shortMixed: isShortMixed(w)})
		breakBefore = append(breakBefore, brk)
		brk = false
		i = j
	}
	return toks, breakBefore
}

// possessive returns the byte length of a trailing 's or ’s, or 0.
func possessive(w string) int {
	switch {
	case strings.HasSuffix(w, "'s") && len(w) > 3:
		return 2
	case strings.HasSuffix(w, "\u2019s") && len(w) > 5:
		return 4
	}
	return 0
}

// span is a candidate match found in the first pass.
type span struct {
	start, end int // byte offsets of the name (with its type word, if any)
	nameEnd    int // end of the name itself
	key        string
	cands      []int32
	spelled    []uint8 // spelling flags of cands (see spellings)
	tokens     int
	hint       kindHint
	plural     bool // a plural type word follows ("Diyala and Salahuddin provinces")
	inName     bool // one word inside a longer proper name ("Ahl al-Haq", "Qais al-Khazali")
	word       string
	caseless   bool // found in text whose case says nothing
}

// scan finds the longest gazetteer names in text, skipping ordinary words
// and people's names.
// The spans live in sc and are valid until sc is reused.
func (g *Gazetteer) scan(sc *scanScratch, text, low string) []span {
	sc.toks, sc.brk = appendTokens(sc.toks[:0], sc.brk[:0], text, low)
	toks, brk := sc.toks, sc.brk
	caseless := isCaseless(toks)
	out := sc.spans[:0]
	if sc.spelled == nil {
		sc.spelled = map[string][]uint8{}
	}
	clear(sc.spelled)
	spelledSeen := sc.spelled // a name's spelling flags, once per way it is written
	for i := 0; i < len(toks); {
		sp, ok := g.longestAt(sc, text, toks, brk, i, caseless)
		if !ok {
			i++
			continue
		}
		surface := text[sp.start:sp.nameEnd]
		if sp.spelled = spelledSeen[surface]; len(sp.spelled) != len(sp.cands) { // after a town, a spelling has more (withCopiesAfterTown)
			sp.spelled = g.spellings(sp.cands, surface)
			spelledSeen[surface] = sp.spelled
		}
		out = append(out, sp)
		for i += sp.tokens; i < len(toks) && toks[i].start < sp.end; i++ {
			// a type word taken into the mention ("Borno State") is not scanned again
		}
	}
	out = g.dropNonPlaces(text, low, toks, brk, out) // "Bill Campbell", "Jan. 1": a person, a date (surnames.go)
	g.spreadPluralHints(text, out)
	sc.spans = out
	return out
}

// isCaseless reports text written all in capitals or all in lower case, where
// capitalisation says nothing.
func isCaseless(toks []token) bool {
	caps := 0
	for _, t := range toks {
		if t.cap {
			caps++
		}
	}
	return len(toks) > 0 && (caps == 0 || caps*10 > len(toks)*9)
}

func (g *Gazetteer) longestAt(sc *scanScratch, text string, toks []token, brk []bool, i int, caseless bool) (span, bool) {
	first := &toks[i] // most tokens are settled by the first test: not copied
	if !caseless && !first.cap && !(i+1 < len(toks) && toks[i+1].cap && isArticle(first.lower)) {
		return span{}, false
	}
	if isArticle(first.lower) && !g.articleOpens(text, toks, i) {
		return span{}, false // English "an", "at", "as" before a name
	}
	if first.lower == "the" && !caseless {
		return span{}, false // "The Hague" is reached through its own key below
	}
	longest := min(maxSpan, len(toks)-i)
	if longest > 2 && !caseless && toks[i+1].cap && toks[i+2].cap && !g.longerNameAt(sc, text, toks, brk, i) {
		longest = 1
	}
	// spanOK fails for every span longer than the run of name words after
	// token i, plus one word for a feature tail: those are not tried
	longest = min(longest, g.nameRun(text, toks, brk, i, longest, caseless)+2)
	compound := ezafeRun(text, toks, brk, i, caseless) // "Mazar-i-Sharif" (scan_ezafe.go)
	for n := longest; n >= 1; n-- {
		if n < compound {
			return g.unknownCompound(text, toks, brk, i, compound, caseless) // no word of it is a name alone
		}
		last := toks[i+n-1]
		tail := n > 1 && featureTail[last.lower] // "Anbar desert", "Haditha dam"
		if !caseless && !last.cap && !tail {
			continue
		}
		if n > 1 && isConnector(last.lower) {
			continue // "Rashid Al Hamad": a name does not end in an article
		}
		if !g.spanOK(text, toks, brk, i, n-btoi(tail), caseless) || (tail && brk[i+n-1]) {
			continue
		}
		if n == 1 && !caseless && !first.acronym && g.neverAlone(text, *first) {
			return span{}, false // settled without normalising the word
		}
		key, cands := g.lookupSurface(sc, text[first.start:last.end])
		if len(cands) == 0 && n == compound {
			if k, c := g.ezafeLookup(sc, text, toks, i, n); len(c) > 0 {
				key, cands = k, c
			}
		}
		cands = g.withCopiesAfterTown(text, first.start, last.end, key, cands)
		if len(cands) == 0 {
			continue
		}
		if n > 1 && g.addsNothing(sc, text, toks, i, n, cands) {
			continue // "KABUL - A suicide bomber": the "A" is no part of the name
		}
		if n > 1 && insideInitialism(text, last) {
			continue // "In D.C.": the "D" is the first letter of an initialism, not the end of a name
		}
		if n > 1 && brk[i] && !caseless && openers[first.lower] && g.surfaceIsName(sc, text[toks[i+1].start:last.end]) {
			continue // "In Seno province": a sentence's first word is no part of the name after it
		}
		sp := span{start: first.start, end: last.end, nameEnd: last.end, key: key, cands: cands, tokens: n, word: text[first.start:first.end], caseless: caseless}
		g.readTypeWord(text, &sp, last, n)
		return sp, g.acceptSpan(text, toks, brk, i, &sp, caseless)
	}
	return span{}, false
}

// addsNothing reports a span whose last word is a lone letter and whose
// words before it already name one of the same places: "KABUL - A suicide
// bomber" met Kabul's alternate spelling Kabula, as the normal form drops
// spaces. The shorter span is the name.
func (g *Gazetteer) addsNothing(sc *scanScratch, text string, toks []token, i, n int, cands []int32) bool {
	if len(toks[i+n-1].lower) != 1 {
		return false
	}
	_, short := g.lookupSurface(sc, text[toks[i].start:toks[i+n-2].end])
	for _, c := range cands {
		if containsIdx(short, c) {
			return true
		}
	}
	return false
}

// longerNameAt reports whether a name of two or more words may start at
// token i: some key begins with the normal form of its first two words
// less the last letter (which the next word can still change, as in
// "Salah ad Din"). Names opening with an article, a prefix or a word in
// another alphabet (whose prefix forms the map does not hold) are not
// filtered.
func (g *Gazetteer) longerNameAt(sc *scanScratch, text string, toks []token, brk []bool, i int) bool {
	first, second := toks[i], toks[i+1]
	if !isASCII(first.lower) || isArticle(first.lower) || typePrefixes[first.lower] || isConnector(first.lower) || brk[i+1] {
		return true
	}
	return g.surfaceMayOpen(sc, text[first.start:second.end])
}

// insideProperName reports a word that sits in a longer run of capitalised
// words that is not itself a place: after a capitalised word mid-sentence
// ("Ahl al-Haq"), or before an article and a capitalised word ("Qais
// al-Khazali").
func (g *Gazetteer) insideProperName(text string, toks []token, brk []bool, i, at int) bool {
	if i > 0 && !brk[i] && !brk[i-1] && toks[i-1].cap && !g.words.stop[toks[i-1].lower] && !g.words.near[toks[i-1].lower] {
		return true
	}
	if familyNameAfter(text, toks, brk, at) {
		return true
	}
	// "Dasht-e-Barchi", "Pul-i-Charkhi": a Persian ezafe joins the word to a
	// capitalised one after it, so the word is only the head of a longer name
	if j := at + 1; j+1 < len(toks) && ezafe[toks[j].lower] && toks[j+1].cap &&
		text[toks[at].end:toks[j].start] == "-" && text[toks[j].end:toks[j+1].start] == "-" {
		return true
	}
	return false
}

// ezafe are the spellings of the Persian linking particle in romanised
// names ("Sar-e-Pul", "Pul-i-Khumri", "Dasht-e-Leili").
var ezafe = map[string]bool{"e": true, "i": true, "ye": true, "yi": true, "o": true}

// openers are function words that start sentences; capitalised there,
// they are taken into a name only when the rest is no name by itself
// ("In Amenas" is a town, "In Seno province" is Seno).
var openers = map[string]bool{
	"in": true, "on": true, "at": true, "from": true, "to": true, "by": true, "for": true, "with": true,
	"near": true, "into": true, "after": true, "before": true, "of": true, "and": true, "but": true,
	"or": true, "if": true, "when": true, "while": true, "since": true, "during": true, "across": true,
	"against": true, "between": true, "through": true, "under": true, "over": true, "a": true, "an": true,
	"this": true, "that": true, "these": true, "those": true, "some": true, "many": true, "all": true,
	"both": true, "each": true, "every": true, "no": true, "his": true, "her": true, "its": true,
	"their": true, "our": true, "as": true, "so": true, "then": true, "also": true, "yet": true,
}

// featureTail are the lower-case words that end a feature's name.
var featureTail = map[string]bool{
	"desert": true, "valley": true, "dam": true, "crossing": true, "highway": true, "road": true,
	"mountains": true, "mountain": true, "oilfield": true, "base": true, "camp": true, "lake": true,
	"river": true, "refinery": true, "barrage": true, "strip": true, "heights": true, "delta": true,
	"airport": true, "airbase": true, "airfield": true,
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// readTypeWord sets the kind hint from a type word in or after the name
// and takes a following one ("Anbar province") into the mention.
func (g *Gazetteer) readTypeWord(text string, sp *span, last token, n int) {
	sp.hint = datelineHint(text, sp.start, sp.end, g.hintAround(text, sp.start, sp.end))
	sp.hint = g.partHint(text, sp.start, sp.cands, sp.hint)
	if h, ok := typeHints[last.lower]; ok && n > 1 && extendsSpan[last.lower] {
		sp.hint = h // "Kirkuk Governorate": the type word is part of the name
	}
	if after := wordAfter(text, last.end); after != "" && (extendsSpan[after] || capitalState(text, last.end, after)) {
		sp.end = indexWordEnd(text, last.end)
		sp.plural = strings.HasSuffix(after, "s") && after != "mountains" && after != "oilfields"
	}
}

// acceptSpan rejects ordinary words, acronyms and names after a title or
// given name, and marks words inside longer proper names.
func (g *Gazetteer) acceptSpan(text string, toks []token, brk []bool, i int, sp *span, caseless bool) bool {
	first := toks[i]
	acronym := sp.tokens == 1 && !caseless && first.acronym
	if acronym && !g.acronymPlace(sp.cands, sp.word) {
		return false // "AVA", "NATO": an agency, not a town
	}
	if sp.tokens == 1 && !acronym && !g.singleWordOK(text, toks, i, sp.hint) {
		return false // an acronym that names a country ("US") is no ordinary word
	}
	if sp.tokens > 1 && sp.hint == hintNone && g.genericSpan(toks[i:i+sp.tokens]) && !g.acronymPlace(sp.cands, text[sp.start:sp.nameEnd]) {
		return false // "May Day": ordinary words together are still ordinary
	}
	if sp.tokens > 1 && initials(toks[i:i+sp.tokens]) && !g.acronymPlace(sp.cands, text[sp.start:sp.nameEnd]) {
		return false // "U.N." is no town; "U.S." is a country by the alias table
	}
	if g.personBefore(text, toks, brk, i) || personInitialAfter(text, toks, brk, i+sp.tokens) {
		return false
	}
	if !caseless && g.nisbaAfterName(text, toks, brk, i, i+sp.tokens-1) {
		return false // "Younis al-Mosuli": where a person comes from
	}
	if sp.tokens == 1 && !caseless && g.speakerName(toks, brk, i, sp.cands) {
		return false // "Bright said": a surname, not Bright, Indiana
	}
	nameToks, at := sp.tokens, i
	if isArticle(first.lower) && sp.tokens > 1 {
		nameToks, at = sp.tokens-1, i+1 // "al-Haq" is one name word
	}
	if nameToks == 1 && !caseless && g.insideProperName(text, toks, brk, i, at) {
		sp.inName = true
	}
	if nameToks > 1 && !caseless && familyNameAfter(text, toks, brk, i+sp.tokens-1) {
		sp.inName = true // "Abu Hassan al-Muhajir": a kunya before a family name
	}
	return true
}

// articleOpens reports an Arabic article that belongs to the name after it:
// joined by a hyphen ("al-Tarmiyah") or one of al/el written apart ("Al Anbar").
func (g *Gazetteer) articleOpens(text string, toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	gap := text[toks[i].end:toks[i+1].start]
	return gap == "-" || toks[i].lower == "al" || toks[i].lower == "el"
}

// spanOK rejects spans that cross a sentence break or hold lower-case words
// other than connectors and hyphenated linking particles.
func (g *Gazetteer) spanOK(text string, toks []token, brk []bool, i, n int, caseless bool) bool {
	for k := i + 1; k < i+n; k++ {
		if brk[k] {
			return false
		}
		if !caseless && !toks[k].cap && !isConnector(toks[k].lower) && !ezafeJoined(text, toks, k) {
			return false
		}
	}
	return true
}

// nameRun counts the tokens after token i, up to limit, that spanOK
// accepts inside a name: no break before them, and capitalised or
// connectors.
func (g *Gazetteer) nameRun(text string, toks []token, brk []bool, i, limit int, caseless bool) int {
	m := 0
	for k := i + 1; k < i+limit && k < len(toks); k++ {
		if brk[k] || (!caseless && !toks[k].cap && !isConnector(toks[k].lower) && !ezafeJoined(text, toks, k)) {
			break
		}
		m++
	}
	return m
}

// neverAlone reports a word singleWordOK rejects whatever follows it:
// connectors, given names, "near" words and short mixed-case words. A
// given name in a list closed by a plural type word is one of the list:
// "Cass" in "Calhoun, Cass and Kalamazoo counties" is the county.
func (g *Gazetteer) neverAlone(text string, t token) bool {
	if isConnector(t.lower) || g.words.near[t.lower] || t.shortMixed {
		return true
	}
	return g.words.given[t.lower] && listTypeHint(text, t.start, t.end, wordAfter(text, t.end)) == hintNone
}

// singleWordOK rejects one-word matches that are ordinary words (unless a type
// word backs them) and very short words not written in capitals.
func (g *Gazetteer) singleWordOK(text string, toks []token, i int, hint kindHint) bool {
	t := toks[i]
	if g.words.stop[t.lower] && hint == hintNone {
		return false
	}
	return !g.neverAlone(text, t) // "Of", "Ur": two-letter mixed-case words are not taken alone
}

// personBefore reports a title or given name right before token i ("Mike
// Pence", "President Trump"), or before the article that opens token i's
// family name ("Ahmed al-Sharaa"), and a word after a capitalised name and
// a patronymic particle ("Abdullah ibn Saud").
func (g *Gazetteer) personBefore(text string, toks []token, brk []bool, i int) bool {
	if i == 0 || brk[i] {
		return false
	}
	p := toks[i-1]
	if i >= 2 && !brk[i-1] && toks[i-2].cap {
		if patronymic[p.lower] {
			return true // "Osama bin Laden", "Iyad Ag Ghaly": a father's or clan's name
		}
		if isArticle(p.lower) && (p.lower == "al" || p.lower == "el" || text[p.end:toks[i].start] == "-") {
			p = toks[i-2] // "Ahmed al-Sharaa": the article opens the family name
		}
	}
	return p.cap && g.words.given[strings.TrimSuffix(p.lower, ".")]
}

// insideInitialism reports a one-letter token followed by a dot and a
// letter ("D" in "D.C."), which belongs to an initialism.
func insideInitialism(text string, t token) bool {
	return t.end-t.start == 1 && t.end+1 < len(text) && text[t.end] == '.' && isFoldByte(text[t.end+1])
}

// personInitialAfter reports a middle initial at token j, between the
// name before it and a capitalised surname ("Carey L. Biron"): the name
// is a given name, not a town.
func personInitialAfter(text string, toks []token, brk []bool, j int) bool {
	if j+1 >= len(toks) || brk[j] {
		return false
	}
	t, next := toks[j], toks[j+1]
	if t.end-t.start != 1 || !t.cap || t.end >= len(text) || text[t.end] != '.' || !next.cap || next.end-next.start < 2 {
		return false
	}
	return text[t.end:next.start] == ". "
}

// speakerName reports a one-word name that speaks ("Bright said",
// "Abe Oudshoorn told"): at a sentence's start or after a capitalised
// word, never after a preposition ("officials in Gao said"), and only
// when every reading is a town or county under speakerMaxPop (a capital
// speaks for its government: "Moscow said").
func (g *Gazetteer) speakerName(toks []token, brk []bool, i int, cands []int32) bool {
	j := i + 1
	if j >= len(toks) || brk[j] || !speechVerbs[toks[j].lower] || !(brk[i] || i > 0 && toks[i-1].cap) {
		return false
	}
	for _, c := range cands {
		if e := &g.entries[c]; e.level <= levelAdmin1 || e.Population >= speakerMaxPop {
			return false
		}
	}
	return true
}

// speakerMaxPop is the population from which a place is known well
// enough to speak for its government.
const speakerMaxPop = 100000

// speechVerbs follow the name of whoever speaks.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "explained": true,
	"recalled": true, "wrote": true, "tweeted": true,
}

// initials reports a run of one-letter words ("U.N", "D.C").
func initials(toks []token) bool {
	for _, t := range toks {
		if t.end-t.start != 1 {
			return false
		}
	}
	return true
}

// capitalState reports "State" written capitalised after a name ("Borno
// State"), which belongs to it.
func capitalState(text string, end int, word string) bool {
	return word == "state" && strings.HasPrefix(strings.TrimLeft(text[end:], " -"), "State")
}

// isShortMixed reports a word of at most two letters that is not all
// capitals.
func isShortMixed(w string) bool {
	if len(w) > 2*utf8.UTFMax || len(w) > 2 && w[0]|w[1]|w[2] < utf8.RuneSelf {
		return false // more than two runes, whatever they are (or three ASCII bytes first)
	}
	if isASCII(w) {
		return len(w) <= 2 && strings.ContainsFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' })
	}
	return utf8.RuneCountInString(w) <= 2 && w != strings.ToUpper(w)
}

func isAcronym(w string) bool {
	if len(w) > 4 || len(w) < 2 {
		return false
	}
	if !isASCII(w) {
		return strings.ToUpper(w) == w && strings.ToLower(w) != w
	}
	upperSeen := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'a' && c <= 'z':
			return false
		case c >= 'A' && c <= 'Z':
			upperSeen = true
		}
	}
	return upperSeen
}

// acronymPlace accepts an all-caps short word only as a country, region
// or an alias spelled so (US, UK, UAE).
func (g *Gazetteer) acronymPlace(cands []int32, w string) bool {
	fold := foldSimple(w)
	for _, i := range cands {
		if g.aliasSpelled(i, fold) || (g.entries[i].level <= levelAdmin1 && foldSimple(g.str(g.entries[i].Name)) == fold) {
			return true
		}
	}
	return false
}

// spreadPluralHints gives "Diyala" in "Diyala and Salahuddin provinces" the
// type word that follows the last name.
func (g *Gazetteer) spreadPluralHints(text string, spans []span) {
	for k := len(spans) - 2; k >= 0; k-- {
		next := spans[k+1]
		if spans[k].end > next.start {
			continue
		}
		between := strings.TrimSpace(text[spans[k].end:next.start])
		if (between == "and" || between == "," || between == "or") && next.plural && spans[k].hint == hintNone {
			spans[k].hint, spans[k].plural = next.hint, true
		}
	}
}

func indexWordEnd(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '-') {
		i++
	}
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += sz
	}
	return i
}
