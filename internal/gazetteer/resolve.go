package gazetteer

import (
	"math"
	"slices"
	"strings"
)

// Weights are the resolver's scoring weights. Context beats importance only
// when importance is close.
type Weights struct {
	CountryCtx  float64 // the candidate's country is named in the document
	TopCountry  float64 // ... and is the document's most named country
	Admin1Ctx   float64 // the candidate's first-level region is named
	Qualifier   float64 // "Karbala, Iraq": the qualifier names its country/region
	KindMatch   float64 // "Anbar province": the type word fits the candidate
	KindClash   float64 // ... or does not
	ExactName   float64 // the text spells the name as the gazetteer does
	ForeignDemo float64 // added to ExactName for a country's demonym ("Turkish")
	PopScale    float64 // weight of log10(population) in a town's importance
	BigPlace    float64 // per power of ten of population above a million
	// SeatOfRegion favours a region's capital over the region of the same
	// name when nothing says "province".
	SeatOfRegion float64
	// SecondMargin is the lead a name needs, in the first anchors' context,
	// to vouch for its own region.
	SecondMargin float64
	// BigFrom is the log10 population above which BigPlace applies.
	BigFrom float64
	// Neighbour is for a country bordering one the document names (Gaza
	// when only Israel is named).
	Neighbour float64
	// SmallCtx scales the country bonus for towns whose importance is
	// below SmallBelow.
	SmallCtx, SmallBelow float64
	// Worldwide is the bonus of features in no country (oceans, continents).
	Worldwide float64
	// Near is for a candidate close to other towns the document names:
	// full within NearFullKm, fading to nothing at NearZeroKm.
	Near, NearFullKm, NearZeroKm float64
	// Admin2Ctx is for a town in a second-level region the document names.
	Admin2Ctx float64
	// Section is added for sections of cities (GeoNames PPLX).
	Section float64
	// Coherence is for a candidate in the first-level region most of the
	// document's other names could lie in, scaled by that region's share
	// of the strongest vote; MinVote is the vote a region needs.
	Coherence, MinVote float64
	// Admin1Named is added to Admin1Ctx when the region is named outright
	// rather than inferred from a town in it.
	Admin1Named float64
	// CountyAny is for a town in a second-level region that one reading of
	// another name in the document is.
	CountyAny float64
	// SportCity is for a city big enough to field teams, in a document
	// that reads as sports, where names are often teams from elsewhere.
	SportCity float64
	// CapitalCtx is for a country's capital when the document names the
	// country.
	CapitalCtx float64
	// RegionTwin is taken from a town or county that bears the name of a
	// first-level region of its country (Florida, New York; Delaware
	// County, Indiana): the bare name is the region.
	RegionTwin float64
	// RegionNamed is for a first-level region that another name of the
	// document (an abbreviation, another spelling) names outright.
	RegionNamed float64
	// Spatial is for a town or county near readings of the document's
	// other names (spatial.go): per name, full within SpatialFullKm,
	// fading to nothing at SpatialZeroKm. A reading is marked down by how
	// much less support it has than its best supported namesake.
	Spatial, SpatialFullKm, SpatialZeroKm float64
	// CountryTwin is taken from a country whose name a first-level region
	// of another country bears, when the document points to the region's
	// country and not to the country's (countrytwin.go).
	CountryTwin float64
}

// DefaultWeights are the weights Load sets, tuned on LGL and the even
// halves of GeoWebNews and TR-News. The conditional logit of train_test.go
// learns nearly the same linear ones; refitted on two tuning sets, they
// score worse than these on the third (TestCrossFit), so these stay.
func DefaultWeights() Weights {
	return Weights{CountryCtx: 3, TopCountry: 1, Admin1Ctx: 1.125, Qualifier: 10, KindMatch: 8,
		KindClash: -3, ExactName: 3, ForeignDemo: 2, PopScale: 1, BigPlace: 1, SeatOfRegion: 2.5, SecondMargin: 1, BigFrom: 5, Neighbour: 1,
		SmallCtx: 1.5, SmallBelow: 5, Worldwide: 4,
		Near: 1.5, NearFullKm: 50, NearZeroKm: 250, Admin2Ctx: 2, Section: -1, Coherence: 1.5, MinVote: 1.125, Admin1Named: 2, CountyAny: 2, SportCity: 3, CapitalCtx: 2.5, RegionTwin: 3, RegionNamed: 6,
		Spatial: 2, SpatialFullKm: 20, SpatialZeroKm: 60, CountryTwin: 4}
}

// SetWeights replaces the scoring weights; it is meant for evaluation runs
// and must not be called while the gazetteer is in use.
func (g *Gazetteer) SetWeights(w Weights) { g.w = w }

// kindHint is what a type word next to a name says the place is.
type kindHint int

const (
	hintNone kindHint = iota
	hintAdmin1
	hintAdmin2
	hintTown
	hintMountain
	hintOil
	hintFeature
)

// resolveState is the document context prepared once for many names.
type resolveState struct {
	countries   strSet
	countryList []string // the countries as the context listed them
	neighbours  strSet   // countries bordering a named one
	topCountry  string
	admin1      strSet         // codes and normal forms of names
	points      [][2]float64   // towns the document names, for proximity
	holding     strSet         // admin-1 codes holding those towns
	admin2      strSet         // second-level regions the document names
	named       strSet         // admin-1 codes the document names outright
	votes       voteView       // region votes of the other names, 0..1
	county      countyCtx      // second-level regions the other names could be or hold
	focus       focus          // the place the other names point to most
	sport       bool           // the document reads as sports
	spatial     spatialReading // what nearby readings of other names say (spatial.go)
}

// strSet is a small set of codes: a document names few countries and
// regions, and a scan of a short slice beats hashing.
type strSet []string

func (s strSet) has(x string) bool { return slices.Contains(s, x) }

func (s *strSet) add(x string) {
	if !s.has(x) {
		*s = append(*s, x)
	}
}

// newResolveState prepares the context for resolving the name with normal
// form key; when the context came from DocContext, that name's own
// mentions are left out of it.
func (g *Gazetteer) newResolveState(ctx Context, key string) *resolveState {
	return g.resolveStateLike(ctx, key, nil)
}

// resolveStateLike is newResolveState that shares base's country sets
// when leaving key out changes no country (most names in a document).
func (g *Gazetteer) resolveStateLike(ctx Context, key string, base *resolveState) *resolveState {
	st := &resolveState{}
	countries, regions := ctx.Countries, ctx.Admin1
	if ctx.agg != nil {
		countries, regions = ctx.agg.fill(st, key)
	}
	st.countryList = countries
	st.sport = ctx.agg != nil && ctx.agg.sport
	if base != nil && slices.Equal(countries, base.countryList) {
		st.countries, st.neighbours, st.topCountry = base.countries, base.neighbours, base.topCountry
	} else {
		g.fillCountries(st, countries)
	}
	g.fillRegions(st, regions)
	return st
}

// fillCountries sets the named countries, the first named most, and their
// neighbours.
func (g *Gazetteer) fillCountries(st *resolveState, countries []string) {
	st.countries = make(strSet, 0, len(countries))
	nb := 0
	for _, c := range countries {
		if ci := g.countries[upper(c)]; ci != nil {
			nb += len(ci.borders)
		}
	}
	st.neighbours = make(strSet, 0, nb)
	for i, c := range countries {
		c = upper(c)
		st.countries.add(c)
		if i == 0 {
			st.topCountry = c
		}
	}
	for _, c := range countries {
		if ci := g.countries[upper(c)]; ci != nil {
			for _, b := range ci.borders {
				st.neighbours.add(b)
			}
		}
	}
}

// fillRegions sets the first-level regions named, by code or name.
func (g *Gazetteer) fillRegions(st *resolveState, regions []string) {
	for _, a := range regions {
		if _, ok := g.admin1[a]; ok {
			st.admin1.add(a)
			continue
		}
		for _, i := range g.lookup(Normalize(a)) {
			if e := &g.entries[i]; e.level == levelAdmin1 {
				st.admin1.add(g.str(e.Admin1Code))
			}
		}
	}
}

// candidate is one scored reading of a name.
type candidate struct {
	idx   int32
	score float64
}

// spelling flags say how the text spells a candidate.
const (
	spelledExact   = 1 << iota // as its name or an alias spelling
	spelledDemonym             // as its country's demonym ("Turkish")
)

// spellings returns the spelling flags of each candidate for the text
// surface; a span computes them once for its several rankings.
func (g *Gazetteer) spellings(cands []int32, surface string) []uint8 {
	fold := foldSimple(surface)
	out := make([]uint8, len(cands))
	for k, i := range cands {
		e := &g.entries[i]
		if g.spelledAs(i, fold) {
			out[k] |= spelledExact
		}
		if e.level == levelCountry && g.isDemonym(g.str(e.CountryCode), fold) {
			out[k] |= spelledDemonym
		}
	}
	g.seatsSpelled(cands, out)
	return out
}

// seatsSpelled gives a region's seat the region's exact spelling: the
// region is named after the town, and "Zaporizhzhia" against the city's
// "Zaporizhzhya" is a habit of transliteration, not a sign that the text
// means the region (SeatOfRegion then decides for the town).
func (g *Gazetteer) seatsSpelled(cands []int32, spelled []uint8) {
	for k, i := range cands {
		if g.entries[i].level != levelAdmin1 || spelled[k]&spelledExact == 0 {
			continue
		}
		a1 := g.str(g.entries[i].Admin1Code)
		for j, t := range cands {
			e := &g.entries[t]
			if g.isSeat(e) && g.str(e.Admin1Code) == a1 {
				spelled[j] |= spelledExact
			}
		}
	}
}

// rank scores the candidates of a key and returns the best and the margin
// over the runner-up; spelled holds the candidates' spelling flags.
func (g *Gazetteer) rank(cands []int32, spelled []uint8, st *resolveState, hint kindHint, qual *qualifier) (candidate, float64, bool) {
	best, second := candidate{idx: -1, score: math.Inf(-1)}, math.Inf(-1)
	var rivalBuf [8]string
	rv := g.rivalsOf(cands, rivalBuf[:])
	bareOK := g.bareFeatureOK(cands, hint)
	for k, i := range cands {
		if !bareOK && g.entries[i].level == levelFeature && spelled[k]&spelledExact == 0 {
			continue // "Makhmour" is the town; the range is "Makhmour Mountains"
		}
		s := g.score(i, spelled[k], &rv, st, hint, qual)
		if s > best.score {
			second = best.score
			best = candidate{idx: i, score: s}
		} else if s > second {
			second = s
		}
	}
	if best.idx < 0 {
		return best, 0, false
	}
	return best, best.score - second, true
}

// rivals is what a name's candidates say about each other: the regions
// whose capital is among them (and shares the name), and whether one of
// them is a country.
type rivals struct {
	seats   []string
	country bool
	regions []string // the first-level regions among them
}

// seatIn reports a capital (of a country or a region) among the rivals in
// country cc: a first-level region of the same name there is named after
// that town.
func (r rivals) seatIn(cc string) bool {
	for _, a1 := range r.seats {
		if inCountry(a1, cc) {
			return true
		}
	}
	return false
}

// regionElsewhere reports a region among the rivals in country cc, none
// of them the region a1 (where the town in question lies): the town is a
// namesake of a region elsewhere, not the city that gave it its name.
func (r rivals) regionElsewhere(cc, a1 string) bool {
	found := false
	for _, x := range r.regions {
		if x == a1 {
			return false
		}
		found = found || inCountry(x, cc)
	}
	return found
}

// regionAbroad reports a first-level region among the rivals outside
// country cc.
func (r rivals) regionAbroad(cc string) bool {
	for _, x := range r.regions {
		if !inCountry(x, cc) {
			return true
		}
	}
	return false
}

// isSeat reports a town that is the seat of its first-level region or
// of its country.
func (g *Gazetteer) isSeat(e *entry) bool {
	k := g.str(e.Kind)
	return e.level == levelPlace && (k == "P.PPLA" || k == "P.PPLC")
}

// inCountry reports a first-level region code ("IQ.04") of country cc.
func inCountry(a1, cc string) bool {
	return len(a1) > len(cc) && a1[:len(cc)] == cc && a1[len(cc)] == '.'
}

// rivalsOf reads the rivals of cands; buf (eight strings) holds the
// seats and regions without a heap allocation for most names.
func (g *Gazetteer) rivalsOf(cands []int32, buf []string) rivals {
	r := rivals{seats: buf[: 0 : len(buf)/2]}
	r.regions = buf[len(buf)/2 : len(buf)/2]
	for _, i := range cands {
		switch e := &g.entries[i]; e.level {
		case levelPlace:
			if g.isSeat(e) {
				r.seats = append(r.seats, g.str(e.Admin1Code))
			}
		case levelAdmin1:
			r.regions = append(r.regions, g.str(e.Admin1Code))
		case levelCountry:
			r.country = true
		}
	}
	return r
}

// score is one candidate's score: its prior, what the document says for
// it, the type word and qualifier around the name, and its spelling.
func (g *Gazetteer) score(i int32, spelled uint8, rv *rivals, st *resolveState, hint kindHint, qual *qualifier) float64 {
	e := &g.entries[i]
	s := g.prior(i, rv) + g.contextScore(e, st) + g.hintScore(hint, e) + g.regionNamed(e, rv, st) - g.countryTwin(e, rv, st)
	if st.spatial.term != nil {
		s += g.w.Spatial * st.spatial.of(i) // namesakes near each other (spatial.go)
	}
	if e.level == levelPlace && !rv.country && len(st.countries) > 0 && g.str(e.Kind) == "P.PPLC" && st.countries.has(g.str(e.CountryCode)) {
		s += g.w.CapitalCtx // Paris when France is named, though the story is in Kentucky; not Mexico City for "Mexico"
	}
	if len(rv.regions) > 0 && (e.level == levelPlace || e.level == levelAdmin2) && g.str(e.Kind) != "P.PPLC" &&
		rv.regionElsewhere(g.str(e.CountryCode), g.str(e.Admin1Code)) {
		s -= g.w.RegionTwin // "in Florida" is the state, not Florida, New York; "a Delaware company" not Delaware County, Indiana
	}
	if qual != nil {
		s += qual.bonus(g, e) * g.w.Qualifier
	}
	return s + g.spellingScore(spelled)
}

// bareFeatureOK says whether a feature may be read from its name without
// the type word its spelling carries: only when a type word is there or no
// town, region or country has the name.
func (g *Gazetteer) bareFeatureOK(cands []int32, hint kindHint) bool {
	if hint != hintNone {
		return true
	}
	for _, i := range cands {
		if g.entries[i].level != levelFeature {
			return false
		}
	}
	return true
}

// spelledAs reports that fold is entry i's name or one of its alias
// spellings.
func (g *Gazetteer) spelledAs(i int32, fold string) bool {
	return foldEqual(g.str(g.entries[i].Name), fold) || g.aliasSpelled(i, fold)
}

// foldEqual reports foldSimple(name) == fold, without allocating for an
// ASCII name.
func foldEqual(name, fold string) bool {
	if !isASCII(name) {
		return foldSimple(name) == fold
	}
	ntok := 0
	for i := 0; i < len(name); {
		i = nextFoldToken(name, i, nil)
		if i < 0 {
			break
		}
		ntok++
	}
	var buf [64]byte
	pos, first := 0, true
	for i := 0; ; {
		t := buf[:0]
		if i = nextFoldToken(name, i, &t); i < 0 {
			break
		}
		if len(t) > len(buf) || (ntok != 1 && articles[string(t)]) {
			if len(t) > len(buf) {
				return foldSimple(name) == fold
			}
			continue
		}
		if !first {
			if pos >= len(fold) || fold[pos] != ' ' {
				return false
			}
			pos++
		}
		first = false
		if len(fold)-pos < len(t) || fold[pos:pos+len(t)] != string(t) {
			return false
		}
		pos += len(t)
	}
	return pos == len(fold)
}

// nextFoldToken finds the next run of ASCII letters and digits in s from
// i (apostrophes dropped inside it), appends it lower-cased to *t when t
// is not nil, and returns the offset after it, or -1 when none is left.
func nextFoldToken(s string, i int, t *[]byte) int {
	for i < len(s) && !isFoldByte(s[i]) {
		i++
	}
	if i == len(s) {
		return -1
	}
	for i < len(s) && (isFoldByte(s[i]) || s[i] == '\'' || s[i] == '`') {
		c := s[i]
		i++
		if c == '\'' || c == '`' || t == nil {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		*t = append(*t, c)
	}
	return i
}

func isFoldByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// prior is what a candidate is worth before the document is read.
func (g *Gazetteer) prior(i int32, rv *rivals) float64 {
	e := &g.entries[i]
	s := g.importance(e)
	switch {
	case g.str(e.Kind) == "P.PPLX":
		s += g.w.Section // a neighbourhood of a city, rarely what a bare name means
	case e.level == levelAdmin1 && rv.seatIn(g.str(e.CountryCode)):
		// Karbala the city over Karbala the province; and Kyiv the city
		// over the oblast named after it, though the city is a region of
		// its own and so not the oblast's seat in GeoNames' codes (a seat
		// of the region itself lies in its country too).
		s -= g.w.SeatOfRegion
	case e.level == levelPlace && e.Population >= bigCapitalPop && g.str(e.Kind) == "P.PPLA" &&
		e.imp < regionImportance && rv.regionAbroad(g.str(e.CountryCode)):
		// A bare "Gaza" is the Palestinian city, not Mozambique's province:
		// a big regional capital ranks with a foreign region of its name.
		// Only then: against a namesake town abroad its size already counts.
		s += regionImportance - e.imp
	}
	return s
}

// contextScore is what the rest of the document says for a candidate.
func (g *Gazetteer) contextScore(e *entry, st *resolveState) float64 {
	s := 0.0
	switch {
	case st.countries.has(g.str(e.CountryCode)):
		f := 1.0
		if e.level == levelPlace && e.imp < g.w.SmallBelow {
			f = g.w.SmallCtx // a hamlet needs more than its country named
		}
		s += f * g.w.CountryCtx
		if g.str(e.CountryCode) == st.topCountry {
			s += f * g.w.TopCountry
		}
	case g.str(e.CountryCode) == "" && e.level == levelFeature:
		s += g.w.Worldwide // oceans and continents belong to every document
	case st.neighbours.has(g.str(e.CountryCode)):
		s += g.w.Neighbour
	}
	if g.w.Near != 0 && len(st.points) > 0 {
		if e.level >= levelAdmin2 {
			s += g.w.Near * g.nearness(st.points, e.Lat, e.Lon)
		} else if e.level == levelAdmin1 && st.holding.has(g.str(e.Admin1Code)) {
			s += g.w.Near // a region holding towns the document names
		}
	}
	if g.str(e.Admin2Code) != "" && e.level != levelAdmin2 && st.admin2.has(g.str(e.Admin2Code)) {
		s += g.w.Admin2Ctx // Huntsville when Walker County is named
	} else if g.str(e.Admin2Code) != "" && e.level != levelAdmin2 && st.county.named(g.str(e.Admin2Code)) {
		s += g.w.CountyAny // Richmond, Kentucky, when some Madison County is named
	}
	if e.level == levelAdmin2 && st.county.holds(g.str(e.Admin2Code)) {
		s += g.w.CountyAny // Madison County, Kentucky, when some Richmond is named
	}
	if g.str(e.Admin1Code) != "" && st.admin1.has(g.str(e.Admin1Code)) && e.level != levelAdmin1 {
		s += g.w.Admin1Ctx
		if st.named.has(g.str(e.Admin1Code)) {
			s += g.w.Admin1Named // "Ohio" in the text, not a town that might be in Ohio
		}
	}
	if e.level != levelCountry && st.votes.any() {
		s += g.w.Coherence * st.votes.get(g.str(e.Admin1Code))
	}
	if st.sport && e.level == levelPlace && e.Population >= sportCityPop {
		s += g.w.SportCity // a team's home: "the game against Louisville"
	}
	return s
}

// regionNamed is for a first-level region the document names outright by
// another of its names ("Washington" when "Wash." is written elsewhere),
// unless a country is among the readings (the country stays the country).
func (g *Gazetteer) regionNamed(e *entry, rv *rivals, st *resolveState) float64 {
	if e.level != levelAdmin1 || rv.country || len(st.named) == 0 || !st.named.has(g.str(e.Admin1Code)) {
		return 0
	}
	return g.w.RegionNamed
}

// spellingScore rewards the text spelling the name as the gazetteer (or
// its alias table) does, and a country named by its demonym.
func (g *Gazetteer) spellingScore(flags uint8) float64 {
	s := 0.0
	if flags&spelledExact != 0 {
		s += g.w.ExactName
	}
	if flags&spelledDemonym != 0 {
		s += g.w.ExactName + g.w.ForeignDemo // "Canadian" is Canada's word before it is a Texas town
	}
	return s
}

// nearness is 1 when a named town lies within NearFullKm of the point,
// fading to 0 at NearZeroKm.
func (g *Gazetteer) nearness(points [][2]float64, lat, lon float64) float64 {
	best := 0.0
	maxDeg := g.w.NearZeroKm / 111.0
	lonScale := math.Max(math.Cos(lat*math.Pi/180), 0.01)
	for _, p := range points {
		if math.Abs(p[0]-lat) > maxDeg || math.Abs(p[1]-lon)*lonScale > maxDeg*1.01 {
			continue // cheaply out of reach
		}
		d := Distance(lat, lon, p[0], p[1])
		switch {
		case d <= g.w.NearFullKm:
			return 1
		case d < g.w.NearZeroKm:
			best = max(best, (g.w.NearZeroKm-d)/(g.w.NearZeroKm-g.w.NearFullKm))
		}
	}
	return best
}

// importance is the prior of an entry; a town's grows with its population.
func (g *Gazetteer) importance(e *entry) float64 {
	if e.level != levelPlace || e.Population == 0 {
		return e.imp
	}
	imp := e.imp
	lp := math.Log10(float64(e.Population) + 1)
	if g.w.PopScale != 1 {
		imp = math.Max(imp, 2+g.w.PopScale*lp)
	}
	if lp > g.w.BigFrom {
		imp += g.w.BigPlace * (lp - g.w.BigFrom)
	}
	return imp
}

func (g *Gazetteer) hintScore(h kindHint, e *entry) float64 {
	if h == hintNone {
		return 0
	}
	if g.hintFits(h, e) {
		return g.w.KindMatch
	}
	return g.w.KindClash
}

// hintFits reports whether e is the kind of place the type word h says.
func (g *Gazetteer) hintFits(h kindHint, e *entry) bool {
	fits := false
	switch h {
	case hintAdmin1:
		fits = e.level == levelAdmin1
	case hintAdmin2:
		fits = e.level == levelAdmin2
	case hintTown:
		fits = e.level == levelPlace
	case hintMountain:
		fits = strings.HasPrefix(g.str(e.Kind), "T.MT") || strings.HasPrefix(g.str(e.Kind), "T.HLL")
	case hintOil:
		fits = g.str(e.Kind) == "L.OILF" || g.str(e.Kind) == "S.OILR"
	case hintFeature:
		fits = e.level == levelFeature
	}
	return fits
}

func (g *Gazetteer) isDemonym(cc, fold string) bool {
	c := g.countries[cc]
	if c == nil {
		return false
	}
	for _, d := range c.demonyms {
		if foldSimple(d) == fold {
			return true
		}
	}
	return false
}

// foldSimple is a light normal form for "spelled the same": lower case,
// letters and digits only, diacritics and Arabic articles dropped.
func foldSimple(s string) string {
	tokens := foldTokens(s)
	out := tokens[:0:0]
	for _, t := range tokens {
		if !articles[t] || len(tokens) == 1 {
			out = append(out, t) // articles go; type words stay: "Makhmour" is not "Makhmour Mountains"
		}
	}
	return strings.Join(out, " ")
}

// wideKinds are features as large as a region (deserts, seas, rivers,
// world regions): an event placed there is coded at region precision.
var wideKinds = map[string]bool{
	"L.CONT": true, "L.RGN": true, "L.PEN": true, "H.OCN": true, "H.SEA": true,
	"H.GULF": true, "T.DSRT": true, "H.STM": true,
}

// precisionFor is the ACLED geo_precision a place kind implies by itself.
func (g *Gazetteer) precisionFor(e *entry) int {
	switch {
	case e.level == levelCountry || e.level == levelAdmin1 || wideKinds[g.str(e.Kind)],
		e.level == levelFeature && g.str(e.CountryCode) == "": // it spans countries (Lake Chad)
		return 3
	case e.level == levelAdmin2 || e.level == levelFeature:
		return 2
	}
	return 1
}

// confidence maps a score margin to 0..1.
func confidence(margin float64, n int) float64 {
	if n == 1 {
		return 0.95
	}
	return math.Round(100/(1+math.Exp(-margin))) / 100
}

// Resolve resolves one given toponym using the document context in hint.
func (g *Gazetteer) Resolve(name string, hint Context) (Mention, bool) {
	key := Normalize(name)
	cands := g.lookup(key)
	if len(cands) == 0 {
		if m, ok := g.resolvePart(name, hint); ok { // "Southern California" (parts.go)
			return m, true
		}
		if m, ok := g.resolveInside(name, hint); ok {
			return g.preferFocus(m, key, hint), true
		}
		if m, ok := g.resolveStem(name, key, hint); ok {
			return m, true
		}
		return g.resolveFocus(name, key, hint)
	}
	q := g.readName(name, key, hint)
	if q.cues && q.qual == nil {
		q.hint = g.listHint(hint.Text, hint.Offset, q.end, cands, regionMentions(hint.agg.mentionsFor(g, hint.Text)), q.hint)
		q.hint = g.partHint(hint.Text, hint.Offset, cands, q.hint)
	}
	best, margin, ok := g.rank(cands, g.spellings(cands, name), q.st, q.hint, q.qual)
	if !ok {
		return Mention{}, false
	}
	kh, qual, st, end, cues := q.hint, q.qual, q.st, q.end, q.cues
	if cues && qual == nil {
		best.idx = g.twinCity(hint.Text, hint.Offset, end, cands, best.idx, kh)
	}
	e := &g.entries[best.idx]
	m := Mention{Start: hint.Offset, End: end, Text: name, Place: g.place(best.idx), Precision: g.precisionFor(e),
		Score: confidence(margin, len(cands)), Rule: g.ruleName(e, kh, qual, st)}
	if cues && e.level == levelPlace && (g.nearBefore(hint.Text, hint.Offset) || g.areaAfter(hint.Text, end)) {
		m.Precision = 2
	}
	if cues {
		if a, ok := g.partOf(hint, hint.Offset, end); ok {
			m = g.partReading(m, a, cands)
		}
	}
	if g.facilityName(name) && !g.spelledAs(best.idx, foldSimple(name)) {
		return g.preferFocus(m, key, hint), true // "White House" is no Whitehouse, Texas
	}
	return m, true
}

func (g *Gazetteer) ruleName(e *entry, kh kindHint, q *qualifier, st *resolveState) string {
	var b strings.Builder // one allocation: this runs for every mention
	b.Grow(len("gazetteer:+type-word+qualifier+doc-country") + len(g.str(e.Kind)))
	b.WriteString("gazetteer:")
	appendLower(&b, g.str(e.Kind))
	if kh != hintNone {
		b.WriteString("+type-word")
	}
	if q != nil && q.bonus(g, e) > 0 {
		b.WriteString("+qualifier")
	}
	if st.countries.has(g.str(e.CountryCode)) {
		b.WriteString("+doc-country")
	}
	return b.String()
}

// aliasSpelled reports whether the alias table gives entry i the spelling fold.
func (g *Gazetteer) aliasSpelled(i int32, fold string) bool {
	for _, a := range g.aliasFolds[i] {
		if a == fold {
			return true
		}
	}
	return false
}

// genericSpan reports a run of words that are all ordinary words,
// connectors or facility words ("International Airport"), or a single
// word under three letters: no place by themselves.
func (g *Gazetteer) genericSpan(toks []token) bool {
	if len(toks) == 1 && toks[0].end-toks[0].start < 3 {
		return true
	}
	for _, t := range toks {
		if !g.words.stop[t.lower] && !connectors[t.lower] {
			return false
		}
	}
	return true
}

// nameReading is what Resolve reads around one name before ranking it.
type nameReading struct {
	st   *resolveState
	hint kindHint
	qual *qualifier
	end  int
	cues bool // the text around the name can be read
}

// readName prepares the document context (leaving the name's own mentions
// out), the type word and the qualifier of one name given to Resolve.
func (g *Gazetteer) readName(name, key string, hint Context) nameReading {
	q := nameReading{st: g.newResolveState(hint, key), end: hint.End}
	if g.w.Coherence != 0 {
		v := hint.agg.votesFor(g, hint.Text)
		q.st.votes, q.st.county = v.without(key, g.w.MinVote), v.countiesWithout(key)
	}
	if g.w.Near != 0 {
		hint.agg.foundPoints(g, hint.Text, key, q.st) // the second pass
	}
	if g.w.Spatial != 0 {
		g.setSpatial(q.st, hint.agg.spatialFor(g, hint.Text), key, g.lookup(key))
	}
	if q.end == 0 {
		q.end = hint.Offset + len(name)
	}
	q.cues = hint.Text != "" && hint.Offset >= 0 && q.end <= len(hint.Text) && hint.Offset <= q.end
	if q.cues {
		q.hint = datelineHint(hint.Text, hint.Offset, q.end, g.hintAround(hint.Text, hint.Offset, q.end))
		q.qual = g.qualifierAfter(hint.Text, q.end)
	}
	if ws := wordsBefore(name, len(name), 1); len(ws) == 1 && extendsSpan[ws[0]] && strings.ContainsRune(strings.TrimSpace(name), ' ') {
		q.hint = typeHints[ws[0]] // "Walker County": the type word is part of the name
	}
	return q
}
