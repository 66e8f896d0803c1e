package gazetteer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSpan is the longest name, in words, Find tries.
const maxSpan = 6

// minFindScore is the score a reading needs to be reported by Find; small
// towns pass only with support from the document (country, region, type word).
const minFindScore = 7.0

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
	word       string // as written
	lower      string
	cap        bool // starts with an upper-case letter
}

// tokenize splits text into words (letters and digits, with inner
// apostrophes), keeping byte offsets and whether a sentence boundary or
// comma separates a word from the one before.
func tokenize(text string) ([]token, []bool) {
	var toks []token
	var breakBefore []bool
	brk := true
	i := 0
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
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
		j := i
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				j += sz
				continue
			}
			if isApostrophe(r) && j+sz < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[j+sz:]); unicode.IsLetter(r2) {
					j += sz
					continue
				}
			}
			break
		}
		w := text[i:j]
		toks = append(toks, token{start: i, end: j, word: w, lower: strings.ToLower(w), cap: unicode.IsUpper(r)})
		breakBefore = append(breakBefore, brk)
		brk = false
		i = j
	}
	return toks, breakBefore
}

// span is a candidate match found in the first pass.
type span struct {
	start, end int // byte offsets of the name (with its type word, if any)
	nameEnd    int // end of the name itself
	key        string
	cands      []int32
	tokens     int
	hint       kindHint
	plural     bool // a plural type word follows ("Diyala and Salahuddin provinces")
	inName     bool // one word inside a longer proper name ("Ahl al-Haq", "Qais al-Khazali")
	word       string
}

// Find returns the place mentions in text, resolved with the document's own
// context, sorted by Start.
func (g *Gazetteer) Find(text string) []Mention {
	spans := g.scan(text)
	if len(spans) == 0 {
		return nil
	}
	ctx := g.docContext(text, spans)

	var out []Mention
	states := map[string]*resolveState{}
	for _, sp := range spans {
		st := states[sp.key]
		if st == nil {
			st = g.newResolveState(ctx, sp.key)
			states[sp.key] = st
		}
		qual := g.qualifierAfter(text, sp.nameEnd)
		best, margin, ok := g.rank(sp.cands, text[sp.start:sp.nameEnd], st, sp.hint, qual)
		if !ok || best.score < g.threshold(sp)+g.foreignPenalty(st, best.idx) {
			continue
		}
		e := &g.entries[best.idx]
		m := Mention{Start: sp.start, End: sp.end, Text: text[sp.start:sp.end], Place: g.place(best.idx),
			Precision: precisionFor(e), Score: confidence(margin, len(sp.cands)), Rule: ruleName(e, sp.hint, qual, st)}
		if e.level == levelPlace && (g.nearBefore(text, sp.start) || g.areaAfter(text, sp.end)) {
			m.Precision = 2
			m.Rule += "+near"
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// foreignPenalty raises the bar for a town in a country the document does
// not otherwise name ("Obama" in Japan in a story about Iraq).
func (g *Gazetteer) foreignPenalty(st *resolveState, idx int32) float64 {
	e := &g.entries[idx]
	if len(st.countries) == 0 || e.level < levelAdmin2 || e.CountryCode == "" || st.countries[e.CountryCode] {
		return 0
	}
	if st.neighbours[e.CountryCode] {
		return 1
	}
	return 4
}

func (g *Gazetteer) threshold(sp span) float64 {
	t := minFindScore
	if sp.inName {
		t += 4 // only a country, region or big city survives inside a name
	}
	if sp.tokens > 1 {
		t -= 2 // multi-word names rarely match by accident
	}
	if sp.hint != hintNone {
		t -= 2
	}
	if sp.tokens == 1 && utf8.RuneCountInString(sp.word) <= 3 {
		t += 2 // "Gao", "Hit": short names need their country named
	}
	return t
}

// docContext resolves every span without context and collects the
// countries and first-level regions the document points to, most named first.
func (g *Gazetteer) docContext(text string, spans []span) Context {
	empty := g.newResolveState(Context{}, "")
	var ctx Context
	for _, sp := range spans {
		best, _, ok := g.rank(sp.cands, text[sp.start:sp.nameEnd], empty, sp.hint, nil)
		if !ok || best.score < g.threshold(sp) || !g.isAnchor(sp.cands, best.idx) {
			continue
		}
		e := &g.entries[best.idx]
		a := anchor{key: sp.key, country: e.CountryCode, weight: 1, lat: e.Lat, lon: e.Lon, point: e.level >= levelAdmin2, within: e.Admin1Code}
		if e.level <= levelAdmin1 {
			a.weight = 2
		}
		if e.Admin1Code != "" && (e.level == levelAdmin1 || g.oneRegion(sp.cands, best.idx)) {
			a.admin1 = e.Admin1Code
		}
		if e.level == levelAdmin2 {
			a.admin2 = e.Admin2Code
		}
		ctx.anchors = append(ctx.anchors, a)
	}
	ctx.anchors = append(ctx.anchors, g.secondAnchors(text, spans, ctx)...)
	ctx.Countries, ctx.Admin1 = tally(ctx.anchors, "")
	if ctx.anchors == nil {
		ctx.anchors = []anchor{} // scanned: no anchors, not "unknown"
	}
	return ctx
}

// secondAnchors resolves the names that were no anchors by themselves
// ("Georgia", "Hall County") with the anchors' context, and lets the clear
// winners vouch for their country and region too.
func (g *Gazetteer) secondAnchors(text string, spans []span, ctx Context) []anchor {
	var out []anchor
	done := map[string]bool{}
	for _, a := range ctx.anchors {
		done[a.key] = true
	}
	for _, sp := range spans {
		if done[sp.key] {
			continue
		}
		done[sp.key] = true
		st := g.newResolveState(ctx, sp.key)
		best, margin, ok := g.rank(sp.cands, text[sp.start:sp.nameEnd], st, sp.hint, nil)
		if !ok || margin < g.w.SecondMargin || best.score < g.threshold(sp)+g.foreignPenalty(st, best.idx) {
			continue
		}
		e := &g.entries[best.idx]
		a := anchor{key: sp.key, country: e.CountryCode, admin1: e.Admin1Code, weight: 1,
			lat: e.Lat, lon: e.Lon, point: e.level >= levelAdmin2, within: e.Admin1Code}
		if e.level == levelAdmin2 {
			a.admin2 = e.Admin2Code
		}
		out = append(out, a)
	}
	return out
}

// anchor is one name that vouches for the document's country and region.
type anchor struct {
	key, country, admin1 string
	admin2               string // set when the anchor is a second-level region
	weight               int
	lat, lon             float64
	point                bool   // a town or feature: its position says where the story is
	within               string // the admin-1 the point lies in
}

// tally orders the countries of the anchors by weight and lists their
// regions, leaving out the anchors spelled like skip so a name does not
// vouch for itself.
func tally(anchors []anchor, skip string) ([]string, []string) {
	count := map[string]int{}
	var countries, regions []string
	seen := map[string]bool{}
	for _, a := range anchors {
		if a.key == skip && skip != "" {
			continue
		}
		if count[a.country] == 0 {
			countries = append(countries, a.country)
		}
		count[a.country] += a.weight
		if a.admin1 != "" && !seen[a.admin1] {
			seen[a.admin1] = true
			regions = append(regions, a.admin1)
		}
	}
	sort.SliceStable(countries, func(i, j int) bool { return count[countries[i]] > count[countries[j]] })
	return countries, regions
}

// isAnchor says whether a name's reading can vouch for the document's
// country: every reading lies in one country, or the best is a country or
// region that no reading of another country's region or country rivals
// (Georgia the state against Georgia the country is no anchor).
func (g *Gazetteer) isAnchor(cands []int32, best int32) bool {
	b := &g.entries[best]
	same := true
	for _, i := range cands {
		e := &g.entries[i]
		if e.CountryCode == b.CountryCode {
			continue
		}
		same = false
		// a rival in another country that is a region, a country, or close
		// in importance (Samara Oblast against Samarra) makes it no anchor
		if e.level <= levelAdmin1 || b.imp-e.imp < 3 {
			return false
		}
	}
	return same || b.level <= levelAdmin1
}

// oneRegion says whether a name's best reading clearly lies in one
// first-level region: no reading elsewhere comes within 3 of its importance.
func (g *Gazetteer) oneRegion(cands []int32, best int32) bool {
	b := &g.entries[best]
	for _, i := range cands {
		e := &g.entries[i]
		if e.Admin1Code != b.Admin1Code && b.imp-e.imp < 3 {
			return false
		}
	}
	return true
}

// scan finds the longest gazetteer names in text, skipping ordinary words
// and people's names.
func (g *Gazetteer) scan(text string) []span {
	toks, brk := tokenize(text)
	caseless := isCaseless(toks)
	var out []span
	for i := 0; i < len(toks); {
		sp, ok := g.longestAt(text, toks, brk, i, caseless)
		if !ok {
			i++
			continue
		}
		out = append(out, sp)
		i += sp.tokens
	}
	g.spreadPluralHints(text, out)
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

func (g *Gazetteer) longestAt(text string, toks []token, brk []bool, i int, caseless bool) (span, bool) {
	first := toks[i]
	if !caseless && !first.cap && !(articles[first.lower] && i+1 < len(toks) && toks[i+1].cap) {
		return span{}, false
	}
	if articles[first.lower] && !g.articleOpens(text, toks, i) {
		return span{}, false // English "an", "at", "as" before a name
	}
	if first.lower == "the" && !caseless {
		return span{}, false // "The Hague" is reached through its own key below
	}
	for n := min(maxSpan, len(toks)-i); n >= 1; n-- {
		last := toks[i+n-1]
		if !caseless && !last.cap {
			continue
		}
		if !g.spanOK(toks, brk, i, n, caseless) {
			continue
		}
		key := Normalize(text[first.start:last.end])
		cands := g.lookup(key)
		if len(cands) == 0 {
			continue
		}
		sp := span{start: first.start, end: last.end, nameEnd: last.end, key: key, cands: cands, tokens: n, word: first.word}
		sp.hint = g.hintAround(text, sp.start, sp.end)
		if h, ok := typeHints[last.lower]; ok && n > 1 && extendsSpan[last.lower] {
			sp.hint = h // "Kirkuk Governorate": the type word is part of the name
		}
		if after := wordsAfter(text, last.end, 1); len(after) == 1 && (extendsSpan[after[0]] || capitalState(text, last.end, after[0])) {
			sp.end = indexWordEnd(text, last.end)
			sp.plural = strings.HasSuffix(after[0], "s") && after[0] != "mountains" && after[0] != "oilfields"
		}
		if n == 1 && !g.singleWordOK(toks, brk, i, sp.hint) {
			return span{}, false
		}
		if n == 1 && !caseless && isAcronym(first.word) && !g.acronymPlace(cands, first.word) {
			return span{}, false // "AVA", "NATO": an agency, not a town
		}
		if g.personBefore(toks, brk, i) {
			return span{}, false
		}
		nameToks, at := n, i
		if articles[first.lower] && n > 1 {
			nameToks, at = n-1, i+1 // "al-Haq" is one name word
		}
		if nameToks == 1 && !caseless && g.insideProperName(text, toks, brk, i, at) {
			sp.inName = true
		}
		return sp, true
	}
	return span{}, false
}

// insideProperName reports a word that sits in a longer run of capitalised
// words that is not itself a place: after a capitalised word mid-sentence
// ("Ahl al-Haq"), or before an article and a capitalised word ("Qais
// al-Khazali").
func (g *Gazetteer) insideProperName(text string, toks []token, brk []bool, i, at int) bool {
	if i > 0 && !brk[i] && !brk[i-1] && toks[i-1].cap && !g.words.stop[toks[i-1].lower] && !g.words.near[toks[i-1].lower] {
		return true
	}
	// "Qais al-Khazali": the word after is an article joined to a capitalised word
	if j := at + 1; j+1 < len(toks) && !brk[j] && articles[toks[j].lower] && toks[j+1].cap &&
		text[toks[j].end:toks[j+1].start] == "-" {
		return true
	}
	return false
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
// other than connectors.
func (g *Gazetteer) spanOK(toks []token, brk []bool, i, n int, caseless bool) bool {
	for k := i + 1; k < i+n; k++ {
		if brk[k] {
			return false
		}
		if !caseless && !toks[k].cap && !connectors[toks[k].lower] {
			return false
		}
	}
	return true
}

// singleWordOK rejects one-word matches that are ordinary words (unless a type
// word backs them) and very short words not written in capitals.
func (g *Gazetteer) singleWordOK(toks []token, brk []bool, i int, hint kindHint) bool {
	t := toks[i]
	if g.words.stop[t.lower] && hint == hintNone {
		return false
	}
	if connectors[t.lower] || g.words.given[t.lower] || g.words.near[t.lower] {
		return false
	}
	if utf8.RuneCountInString(t.word) <= 2 && t.word != strings.ToUpper(t.word) {
		return false // "Of", "Ur": two-letter mixed-case words are not taken alone
	}
	return true
}

// personBefore reports a title or given name right before token i ("Mike
// Pence", "President Trump").
func (g *Gazetteer) personBefore(toks []token, brk []bool, i int) bool {
	if i == 0 || brk[i] {
		return false
	}
	p := toks[i-1]
	return p.cap && g.words.given[strings.TrimSuffix(p.lower, ".")]
}

// capitalState reports "State" written capitalised after a name ("Borno
// State"), which belongs to it.
func capitalState(text string, end int, word string) bool {
	return word == "state" && strings.HasPrefix(strings.TrimLeft(text[end:], " -"), "State")
}

func isAcronym(w string) bool {
	return len(w) <= 4 && len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// acronymPlace accepts an all-caps short word only as a country, region
// or an alias spelled so (US, UK, UAE).
func (g *Gazetteer) acronymPlace(cands []int32, w string) bool {
	fold := foldSimple(w)
	for _, i := range cands {
		if g.aliasSpelled(i, fold) || (g.entries[i].level <= levelAdmin1 && foldSimple(g.entries[i].Name) == fold) {
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

// DocContext returns the countries and first-level regions a document
// names, most named first, for resolving its toponyms one by one with
// Resolve. Text is set; Offset and End are left for the caller.
func (g *Gazetteer) DocContext(text string) Context {
	ctx := g.docContext(text, g.scan(text))
	ctx.Text = text
	return ctx
}
