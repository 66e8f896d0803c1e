package gazetteer

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

// minFindScore is the score a reading needs to be reported by Find; small
// towns pass only with support from the document (country, region, type word).
const minFindScore = 7.0

// Find returns the place mentions in text, resolved with the document's own
// context, sorted by Start.
func (g *Gazetteer) Find(text string) []Mention { return g.find(text, textfold.ASCIILower(text)) }

func (g *Gazetteer) find(text, low string) []Mention {
	sc := g.getScratch()
	defer g.putScratch(sc)
	spans := g.scan(sc, text, low)
	if len(spans) == 0 {
		return nil
	}
	ctx := g.docContext(text, low, spans)

	out := make([]Mention, 0, len(spans))
	states := map[string]*resolveState{}
	shared := g.newResolveState(ctx, "") // for names that vouch for nothing themselves
	var votes *regionVotes
	if g.w.Coherence != 0 {
		votes = g.regionVotes(spans)
	}
	var spatial *spatialIndex
	if g.w.Spatial != 0 {
		spatial = g.newSpatialIndex(spans)
	}
	from := make([]int, 0, len(spans))         // the span each mention reads
	margins := make([]float64, 0, len(spans))  // and its lead over the runner-up
	quals := make([]*qualifier, 0, len(spans)) // and the qualifier after it
	for k, sp := range spans {
		st := states[sp.key]
		if st == nil {
			st = g.findState(ctx, sp.key, shared, votes)
			if spatial != nil {
				if st == shared {
					c := *shared
					st = &c
				}
				g.setSpatial(st, spatial, sp.key, sp.cands)
			}
			states[sp.key] = st
		}
		qual := g.qualifierAfter(text, sp.nameEnd)
		best, margin, ok := g.rank(sp.cands, sp.spelled, st, sp.hint, qual)
		if pm, part := g.partFound(text, sp, out, best, ok, st); part {
			out = append(out, pm) // "Cairo's X": a part of the town, not a namesake abroad
			from, margins, quals = append(from, k), append(margins, math.Inf(1)), append(quals, qual)
			continue
		}
		if !ok || best.score < g.threshold(sp)+g.foreignPenalty(st, best.idx) {
			continue
		}
		if g.remoteTown(st, &g.entries[best.idx], qual) {
			continue // "Al-Sakar" in a story about Syria is no village in Afghanistan
		}
		out = append(out, g.mention(text, sp, best, margin, st, qual))
		from, margins, quals = append(from, k), append(margins, margin), append(quals, qual)
	}
	if g.w.Near != 0 && len(out) > 1 {
		g.rereadNear(text, spans, out, firstPass{from, margins, quals}, states)
	}
	g.rereadListed(text, spans, out, firstPass{from, margins, quals}, states)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	betweenTowns(text, out)
	g.widenParts(text, out) // "northern Syria" (parts.go)
	return out
}

// findState is the context for one name in Find: the shared one unless
// the name vouches for something itself, with the coherence votes of the
// other names, as Resolve has them.
func (g *Gazetteer) findState(ctx Context, key string, shared *resolveState, votes *regionVotes) *resolveState {
	st := shared
	if ctx.agg.touches(key) {
		st = g.resolveStateLike(ctx, key, shared)
	}
	if votes == nil {
		return st
	}
	if st == shared {
		c := *shared
		st = &c
	}
	st.votes, st.county = votes.without(key, g.w.MinVote), votes.countiesWithout(key)
	return st
}

// mention is what Find reports for a span read as best.
func (g *Gazetteer) mention(text string, sp span, best candidate, margin float64, st *resolveState, qual *qualifier) Mention {
	if qual == nil {
		best.idx = g.twinCity(text, sp.start, sp.nameEnd, sp.cands, best.idx, sp.hint) // "in New York": the city
	}
	e := &g.entries[best.idx]
	m := Mention{Start: sp.start, End: sp.end, Text: text[sp.start:sp.end], Place: g.place(best.idx),
		Precision: g.precisionFor(e), Score: confidence(margin, len(sp.cands)), Rule: g.ruleName(e, sp.hint, qual, st)}
	if e.level == levelPlace && (g.nearBefore(text, sp.start) || g.areaAfter(text, sp.end) || ownsPartAfter(text, sp.end)) {
		m.Precision = 2
		m.Rule += "+near"
	}
	return m
}

// rereadNear is Find's second pass: each mention is read again near where
// the first pass put the document's other towns and features, not only
// its anchors (Athens beside Malakoff and Chandler is Athens, Texas), and
// with their counties as counties the document names. The mentions stay
// those the first pass found; only their readings change.
func (g *Gazetteer) rereadNear(text string, spans []span, out []Mention, first firstPass, states map[string]*resolveState) {
	found := foundPlaces(spans, out, first.from)
	again := map[string]*resolveState{}
	type reading struct {
		key  string
		hint kindHint
	}
	type result struct {
		best   candidate
		margin float64
		ok     bool
	}
	read := map[reading]result{} // a name read again without a qualifier, once
	for i := range out {
		sp := spans[first.from[i]]
		if len(sp.cands) < 2 || first.margins[i] > g.w.Near+g.w.Admin2Ctx {
			continue // the pass adds at most Near+Admin2Ctx to a runner-up and takes nothing from the best
		}
		st := again[sp.key]
		if st == nil {
			st = withFound(states[sp.key], sp.key, found)
			again[sp.key] = st
		}
		qual := first.quals[i]
		r := reading{sp.key, sp.hint}
		res, done := read[r]
		if !done || qual != nil {
			res.best, res.margin, res.ok = g.rank(sp.cands, sp.spelled, st, sp.hint, qual)
			if qual == nil {
				read[r] = res
			}
		}
		if res.ok && g.entries[res.best.idx].ID != out[i].Place.ID {
			out[i] = g.mention(text, sp, res.best, res.margin, st, qual)
		}
	}
}

// rereadListed reads again, as a first-level region, a name that is not
// read as one but is listed with regions of a country where it names one
// too ("Oregon and Washington laws"); see listHint.
func (g *Gazetteer) rereadListed(text string, spans []span, out []Mention, first firstPass, states map[string]*resolveState) {
	regions := regionMentions(out)
	if len(regions) == 0 {
		return
	}
	for i := range out {
		sp := spans[first.from[i]]
		if sp.hint != hintNone || first.quals[i] != nil || out[i].Place.Kind == "A.ADM1" || len(sp.cands) < 2 {
			continue
		}
		if g.listHint(text, sp.start, sp.nameEnd, sp.cands, regions, hintNone) != hintAdmin1 {
			continue
		}
		best, margin, ok := g.rank(sp.cands, sp.spelled, states[sp.key], hintAdmin1, nil)
		if ok && g.entries[best.idx].ID != out[i].Place.ID {
			out[i] = g.mention(text, sp, best, margin, states[sp.key], nil)
			out[i].Rule += "+listed"
		}
	}
}

// firstPass is what Find's first pass read for each mention it reports:
// the span, the lead over the runner-up and the qualifier.
type firstPass struct {
	from    []int
	margins []float64
	quals   []*qualifier
}

// foundPlace is a town or feature the first pass read, under its name's
// normal form.
type foundPlace struct {
	key    string
	pt     [2]float64
	admin2 string
}

// foundPlaces lists the towns and features of out, each place once.
func foundPlaces(spans []span, out []Mention, from []int) []foundPlace {
	var list []foundPlace
	seen := map[int64]bool{}
	for j, m := range out {
		if m.Place.CountryCode == "" || m.Place.Kind == "A.PCLI" || m.Place.Kind == "A.ADM1" || seen[m.Place.ID] {
			continue
		}
		seen[m.Place.ID] = true
		list = append(list, foundPlace{spans[from[j]].key, [2]float64{m.Place.Lat, m.Place.Lon}, m.Place.Admin2Code})
	}
	return list
}

// withFound copies st with the found places of names other than key as
// points, and their counties as counties the document names.
func withFound(st *resolveState, key string, found []foundPlace) *resolveState {
	c := *st
	c.points = append([][2]float64(nil), c.points...)
	c.admin2 = append(strSet(nil), c.admin2...)
	for _, f := range found {
		if f.key == key {
			continue
		}
		c.points = append(c.points, f.pt)
		if f.admin2 != "" {
			c.admin2.add(f.admin2) // a town in the same county as another
		}
	}
	return &c
}

// betweenTowns puts "between Gao and Menaka" at precision 2: the event is
// in neither town but somewhere between them.
func betweenTowns(text string, ms []Mention) {
	for k := 0; k+1 < len(ms); k++ {
		a, b := &ms[k], &ms[k+1]
		if a.End > b.Start || strings.TrimSpace(text[a.End:b.Start]) != "and" {
			continue
		}
		if w := wordsBefore(text, a.Start, 1); len(w) == 1 && w[0] == "between" {
			for _, m := range []*Mention{a, b} {
				if m.Precision == 1 {
					m.Precision = 2
					m.Rule += "+between"
				}
			}
		}
	}
}

// foreignPenalty raises the bar for a town in a country the document does
// not otherwise name ("Obama" in Japan in a story about Iraq).
func (g *Gazetteer) foreignPenalty(st *resolveState, idx int32) float64 {
	e := &g.entries[idx]
	if len(st.countries) == 0 || e.level < levelAdmin2 || g.str(e.CountryCode) == "" || st.countries.has(g.str(e.CountryCode)) {
		return 0
	}
	if st.neighbours.has(g.str(e.CountryCode)) {
		return 1
	}
	return 4
}

// remoteBigPop is the population from which a town is known well enough
// to be named in a story about another part of the world.
const remoteBigPop = 100000

// remoteTown reports a town in a country neither named by the document
// nor bordering one it names, small, not a region's capital, and with no
// qualifier naming its country ("Boni, Mali"): a namesake, not the place.
func (g *Gazetteer) remoteTown(st *resolveState, e *entry, qual *qualifier) bool {
	if len(st.countries) == 0 || e.level != levelPlace || g.str(e.CountryCode) == "" ||
		st.countries.has(g.str(e.CountryCode)) || st.neighbours.has(g.str(e.CountryCode)) {
		return false
	}
	if e.Population >= remoteBigPop || g.str(e.Kind) == "P.PPLC" || g.str(e.Kind) == "P.PPLA" {
		return false
	}
	return qual.bonus(g, e) == 0
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
	if sp.caseless {
		t += 3 // all capitals or all lower case: every word looks like a name
	}
	return t
}

// docContext resolves every span without context and collects the
// countries and first-level regions the document points to, most named first.
func (g *Gazetteer) docContext(text, low string, spans []span) Context {
	empty := g.newResolveState(Context{}, "")
	var ctx Context
	anchors := make([]anchor, 0, len(spans))
	for _, sp := range spans {
		best, _, ok := g.rank(sp.cands, sp.spelled, empty, sp.hint, nil)
		if !ok || best.score < g.threshold(sp) || !g.isAnchor(sp.cands, best.idx, sp.hint) {
			continue
		}
		e := &g.entries[best.idx]
		a := anchor{key: sp.key, country: g.str(e.CountryCode), weight: 1, lat: e.Lat, lon: e.Lon, point: e.level >= levelAdmin2, within: g.str(e.Admin1Code)}
		if e.level <= levelAdmin1 {
			a.weight = 2
		}
		if g.str(e.Admin1Code) != "" && (e.level == levelAdmin1 || g.oneRegion(sp.cands, best.idx, sp.hint)) {
			a.admin1 = g.str(e.Admin1Code)
		}
		if e.level == levelAdmin2 {
			a.admin2 = g.str(e.Admin2Code)
		}
		a.inName = e.level <= levelAdmin1 && g.beforeName(text, sp.end)
		anchors = append(anchors, a)
	}
	ctx.agg = newDocAgg(anchors)
	ctx.agg.sport = g.sportCityRival(spans) && readsAsSport(low)
	if second := g.secondAnchors(text, spans, ctx, anchors); len(second) > 0 {
		ctx.agg.add(second) // the sums of first+second, without recounting first
	}
	ctx.agg.seal()
	ctx.Countries, ctx.Admin1 = ctx.agg.countries.without(""), ctx.agg.regions.without("")
	return ctx
}

// secondAnchors resolves the names that were no anchors by themselves
// ("Georgia", "Hall County") with the anchors' context, and lets the clear
// winners vouch for their country and region too.
func (g *Gazetteer) secondAnchors(text string, spans []span, ctx Context, first []anchor) []anchor {
	var out []anchor
	done := map[string]bool{}
	for _, a := range first {
		done[a.key] = true
	}
	st := g.newResolveState(ctx, "") // the names left vouch for nothing yet: one context serves all
	for _, sp := range spans {
		if done[sp.key] {
			continue
		}
		done[sp.key] = true
		best, margin, ok := g.rank(sp.cands, sp.spelled, st, sp.hint, nil)
		if !ok || margin < g.w.SecondMargin || best.score < g.threshold(sp)+g.foreignPenalty(st, best.idx) {
			continue
		}
		e := &g.entries[best.idx]
		a := anchor{key: sp.key, country: g.str(e.CountryCode), admin1: g.str(e.Admin1Code), weight: 1,
			lat: e.Lat, lon: e.Lon, point: e.level >= levelAdmin2, within: g.str(e.Admin1Code)}
		if e.level == levelAdmin2 {
			a.admin2 = g.str(e.Admin2Code)
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
	inName               bool   // the start of a longer name ("Texas Rangers")
	within               string // the admin-1 the point lies in
}

// isAnchor says whether a name's reading can vouch for the document's
// country: every reading lies in one country, or the best is a country or
// region that no reading of another country's region or country rivals
// (Georgia the state against Georgia the country is no anchor). When a
// type word fits the best reading, readings it does not fit are no rivals:
// the towns called Henderson abroad say nothing against "Henderson County"
// lying in the United States.
func (g *Gazetteer) isAnchor(cands []int32, best int32, hint kindHint) bool {
	b := &g.entries[best]
	fitOnly := hint != hintNone && g.hintFits(hint, b)
	same := true
	for _, i := range cands {
		e := &g.entries[i]
		if g.str(e.CountryCode) == g.str(b.CountryCode) || fitOnly && !g.hintFits(hint, e) {
			continue // "Henderson County": no town called Henderson rivals the counties
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
// first-level region: no reading elsewhere (of the kind a type word says,
// when it fits the best) comes within 3 of its importance.
func (g *Gazetteer) oneRegion(cands []int32, best int32, hint kindHint) bool {
	b := &g.entries[best]
	fitOnly := hint != hintNone && g.hintFits(hint, b)
	for _, i := range cands {
		e := &g.entries[i]
		if fitOnly && !g.hintFits(hint, e) {
			continue
		}
		if g.str(e.Admin1Code) != g.str(b.Admin1Code) && b.imp-e.imp < 3 {
			return false
		}
	}
	return true
}

// DocContext returns the countries and first-level regions a document
// names, most named first, for resolving its toponyms one by one with
// Resolve. Text is set; Offset and End are left for the caller.
func (g *Gazetteer) DocContext(text string) Context {
	sc := g.getScratch()
	defer g.putScratch(sc)
	low := textfold.ASCIILower(text)
	ctx := g.docContext(text, low, g.scan(sc, text, low))
	ctx.Text = text
	return ctx
}

// SpanContext is DocContext for a text whose place names are already
// marked (byte offsets [start, end) in spans), as in corpora with gold
// toponyms: the context comes from those names instead of a scan.
func (g *Gazetteer) SpanContext(text string, spans [][2]int) Context {
	var sps []span
	for _, s := range spans {
		if s[0] < 0 || s[1] > len(text) || s[0] >= s[1] {
			continue
		}
		key := Normalize(text[s[0]:s[1]])
		cands := g.lookup(key)
		if len(cands) == 0 {
			continue
		}
		toks, _ := tokenize(text[s[0]:s[1]])
		sp := span{start: s[0], end: s[1], nameEnd: s[1], key: key, cands: cands, tokens: max(1, len(toks)), word: text[s[0]:s[1]]}
		sp.hint = g.hintAround(text, s[0], s[1])
		sp.spelled = g.spellings(cands, text[s[0]:s[1]])
		sps = append(sps, sp)
	}
	ctx := g.docContext(text, textfold.ASCIILower(text), sps)
	ctx.Text = text
	return ctx
}

// beforeName reports a capitalised word right after end (one space on)
// that is neither an ordinary word nor a place name: the name before it
// begins a longer one, a team's or a firm's ("Texas Rangers"), and names
// no region outright.
func (g *Gazetteer) beforeName(text string, end int) bool {
	if end+1 >= len(text) || text[end] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[end+1:])
	if !unicode.IsUpper(r) {
		return false
	}
	w := wordAfter(text, end+1)
	if len(w) < 2 || g.words.stop[w] || g.words.facility[w] || isConnector(w) || g.words.near[w] || g.words.given[w] {
		return false
	}
	if _, ok := typeHints[w]; ok {
		return false
	}
	return len(g.lookup(Normalize(w))) == 0
}
