package gazetteer

import (
	"math"
	"slices"
	"sync"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

// regionVotes is a document's spatial coherence: each distinct name the
// scan finds votes for the first-level regions its readings lie in, with
// weight 1/(number of such regions), so a name read in one region votes
// fully and a name with namesakes in thirty states barely at all. Local
// news names many small towns that each have namesakes elsewhere; the
// region most of them share is where the story is (Montgomery, Watertown,
// Delano and Hutchinson are all in Minnesota).
type regionVotes struct {
	total map[string]float64
	order []string // the regions most voted for, most first (see topRegions)
	byKey map[string]keyVote
	// countyN and inN count the names that could be each second-level
	// region ("Madison County": twenty of them) and that have a reading
	// lying in it, so that a town and its county named in one document
	// support each other (Richmond, Kentucky, is in Madison County).
	countyN, inN map[string]int
}

// countyRef is a second-level region a name could be, or with in set,
// one a reading of the name lies in.
type countyRef struct {
	code string
	in   bool
}

// keyVote is one name's share: the regions it votes for and the weight,
// and the second-level regions it could be or lie in.
type keyVote struct {
	regions  []string
	w        float64
	counties []countyRef
}

// lazyVotes computes a document's votes once, on first use, for all the
// Context copies that share its aggregate.
type lazyVotes struct {
	once  sync.Once
	votes *regionVotes

	findOnce sync.Once
	found    []Mention // what Find reads in the document
	points   []keyPoint

	spatialOnce sync.Once
	spatial     *spatialIndex
}

// keyPoint is where Find places one mention of a town or feature, and
// the county it lies in.
type keyPoint struct {
	key    string
	pt     [2]float64
	admin2 string
}

// votesFor returns the votes of text, computing them on first use.
func (a *docAgg) votesFor(g *Gazetteer, text string) *regionVotes {
	if a == nil || text == "" {
		return nil
	}
	a.lazy.once.Do(func() {
		sc := g.getScratch()
		defer g.putScratch(sc)
		a.lazy.votes = g.regionVotes(g.scan(sc, text, textfold.ASCIILower(text)))
	})
	return a.lazy.votes
}

// focusMinScore is the confidence a town mention needs to be a document's
// focus.
const focusMinScore = 0.9

// mentionsFor returns Find's mentions in text, computing them on first use.
func (a *docAgg) mentionsFor(g *Gazetteer, text string) []Mention {
	if a == nil || text == "" {
		return nil
	}
	a.lazy.findOnce.Do(func() {
		a.lazy.found = g.Find(text)
		for _, m := range a.lazy.found {
			if m.Place.CountryCode != "" && m.Place.Kind != "A.PCLI" && m.Place.Kind != "A.ADM1" {
				a.lazy.points = append(a.lazy.points, keyPoint{Normalize(m.Text), [2]float64{m.Place.Lat, m.Place.Lon}, m.Place.Admin2Code})
			}
		}
	})
	return a.lazy.found
}

// foundPoints adds to st where Find places the towns and features of
// text other than those named key, and the counties they lie in:
// Resolve's second pass, in which a name is read near the places the
// first pass found for the others (Columbus beside Lincoln and Colfax
// County reads as Columbus, Nebraska, though each name alone has
// namesakes in many states).
func (a *docAgg) foundPoints(g *Gazetteer, text, key string, st *resolveState) {
	if a == nil || text == "" {
		return
	}
	a.mentionsFor(g, text)
	for _, p := range a.lazy.points {
		if p.key != key {
			st.points = append(st.points, p.pt)
			if p.admin2 != "" {
				st.admin2.add(p.admin2) // a town in the same county as another
			}
		}
	}
}

// focusPlace is the place a document is about, for a name the gazetteer
// cannot place: the town (or district, or feature) the document names
// most, first named on a tie; else its most named region; else its most
// named country, all within country when it is set (the document's
// main country) and on a tie the most populous. Mentions of key itself are
// left out.
func (g *Gazetteer) focusPlace(ms []Mention, key, country string) (Place, bool) {
	var best [3]struct {
		p Place
		n int
	}
	counts := map[int64]int{}
	for _, m := range ms {
		if Normalize(m.Text) == key {
			continue
		}
		tier := 0
		switch m.Place.Kind {
		case "A.PCLI":
			tier = 2
		case "A.ADM1":
			tier = 1
		}
		if tier == 0 && m.Score < focusMinScore {
			continue // a town Find is unsure of (a person's name?) is no focus
		}
		if m.Place.CountryCode == "" || (country != "" && m.Place.CountryCode != country) {
			continue // a continent or ocean says too little; another country is a side story
		}
		counts[m.Place.ID]++
		if n := counts[m.Place.ID]; n > best[tier].n || n == best[tier].n && m.Place.Population > best[tier].p.Population {
			best[tier].p, best[tier].n = m.Place, n
		}
	}
	for _, b := range best {
		if b.n > 0 {
			return b.p, true
		}
	}
	return Place{}, false
}

func (g *Gazetteer) regionVotes(spans []span) *regionVotes {
	v := &regionVotes{total: map[string]float64{}, byKey: map[string]keyVote{}, countyN: map[string]int{}, inN: map[string]int{}}
	for _, sp := range spans {
		if _, done := v.byKey[sp.key]; done {
			continue
		}
		var kv keyVote
		for _, i := range sp.cands {
			e := &g.entries[i]
			if (e.level == levelAdmin2 || e.level == levelPlace) && g.str(e.Admin2Code) != "" {
				ref := countyRef{g.str(e.Admin2Code), e.level == levelPlace}
				if !slices.Contains(kv.counties, ref) {
					kv.counties = append(kv.counties, ref)
					v.countyCount(ref.in)[ref.code]++
				}
			}
			if e.level != levelCountry && g.str(e.Admin1Code) != "" && !containsStr(kv.regions, g.str(e.Admin1Code)) {
				kv.regions = append(kv.regions, g.str(e.Admin1Code))
			}
		}
		if len(kv.regions) > 0 {
			kv.w = 1 / math.Sqrt(float64(len(kv.regions)))
		}
		v.byKey[sp.key] = kv
		for _, r := range kv.regions {
			if v.total[r] == 0 {
				v.order = append(v.order, r) // all of them, until topRegions
			}
			v.total[r] += kv.w
		}
	}
	v.order = v.topRegions()
	return v
}

// topRegionsN is how many of the most voted regions a document keeps in
// order: a name is left out of one of them unless it votes for all.
const topRegionsN = 8

// topRegions returns the regions with the most votes, most first, at most
// topRegionsN of them.
func (v *regionVotes) topRegions() []string {
	top := make([]string, 0, topRegionsN)
	for _, r := range v.order {
		t := v.total[r]
		k := len(top)
		for k > 0 && v.total[top[k-1]] < t {
			k--
		}
		if k == topRegionsN {
			continue
		}
		if len(top) < topRegionsN {
			top = append(top, "")
		}
		copy(top[k+1:], top[k:])
		top[k] = r
	}
	return top
}

// countyCount is the count of names that could be a county, or with in,
// that could lie in one.
func (v *regionVotes) countyCount(in bool) map[string]int {
	if in {
		return v.inN
	}
	return v.countyN
}

// voteView is the vote each region gets from the names other than one,
// as a share of the strongest region's vote, counting only regions whose
// vote reaches min. It reads the document's votes without copying them:
// Find asks for one per name.
type voteView struct {
	v        *regionVotes
	own      keyVote
	top, min float64
}

// without returns the view that leaves key's own vote out.
func (v *regionVotes) without(key string, minVote float64) voteView {
	if v == nil {
		return voteView{}
	}
	vv := voteView{v: v, own: v.byKey[key], min: minVote}
	found := false
	for _, r := range v.order {
		if !containsStr(vv.own.regions, r) {
			vv.top, found = v.total[r], true // the strongest region key does not vote for
			break
		}
	}
	if !found && len(v.order) < len(v.total) {
		for r, t := range v.total { // key votes for every region kept in order
			if !containsStr(vv.own.regions, r) {
				vv.top = max(vv.top, t)
			}
		}
	}
	for _, r := range vv.own.regions {
		vv.top = max(vv.top, v.total[r]-vv.own.w)
	}
	if vv.top < minVote {
		vv.top = 0 // no region has votes enough
	}
	return vv
}

// any reports whether some region has votes enough.
func (vv voteView) any() bool { return vv.top > 0 }

// get returns region r's share of the strongest vote, or 0.
func (vv voteView) get(r string) float64 {
	if vv.top == 0 {
		return 0
	}
	t := vv.v.total[r]
	if containsStr(vv.own.regions, r) {
		t -= vv.own.w
	}
	if t < vv.min {
		return 0
	}
	return t / vv.top
}

// countyNamed reports whether a name other than the one whose own
// counties are own could be the county (or, with ref.in, lie in it).
func (v *regionVotes) countyNamed(ref countyRef, own []countyRef) bool {
	if v == nil {
		return false
	}
	n := v.countyCount(ref.in)[ref.code]
	if n > 0 && slices.Contains(own, ref) {
		n--
	}
	return n > 0
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// countyCtx asks a document's votes about counties, leaving one name out.
type countyCtx struct {
	v   *regionVotes
	own []countyRef // the counties the name left out could be or lie in
}

// countiesWithout returns the county context that leaves key out.
func (v *regionVotes) countiesWithout(key string) countyCtx {
	if v == nil {
		return countyCtx{}
	}
	return countyCtx{v, v.byKey[key].counties}
}

// named reports whether another name could be the county code.
func (c countyCtx) named(code string) bool { return c.v.countyNamed(countyRef{code: code}, c.own) }

// holds reports whether another name could lie in the county code.
func (c countyCtx) holds(code string) bool {
	return c.v.countyNamed(countyRef{code: code, in: true}, c.own)
}

// mainCountry is the country a document's mentions lie in most (first on a
// tie), leaving out the mentions of key.
func mainCountry(ms []Mention, key string) string {
	n := map[string]int{}
	best := ""
	for _, m := range ms {
		cc := m.Place.CountryCode
		if cc == "" || Normalize(m.Text) == key {
			continue
		}
		n[cc]++
		if n[cc] > n[best] {
			best = cc
		}
	}
	return best
}

// countryVote is the vote the names other than the view's own give the
// regions of country cc, all together: some of them could lie there.
func (vv voteView) countryVote(cc string) float64 {
	if vv.v == nil {
		return 0
	}
	t := 0.0
	for r, n := range vv.v.total {
		if len(r) > len(cc) && r[len(cc)] == '.' && r[:len(cc)] == cc {
			t += n
			if containsStr(vv.own.regions, r) {
				t -= vv.own.w
			}
		}
	}
	if t < 1e-9 {
		return 0
	}
	return t
}
