package gazetteer

import (
	"math"
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
	byKey map[string]keyVote
	// counties lists, per name, the second-level regions it could be
	// ("Madison County": twenty of them) and, prefixed "in:", those its
	// towns lie in, so that a town and its county named in one document
	// support each other (Richmond, Kentucky, is in Madison County).
	counties map[string][]string
	countyN  map[string]int // how many names could be (or lie in) each county
}

// keyVote is one name's share: the regions it votes for and the weight.
type keyVote struct {
	regions []string
	w       float64
}

// lazyVotes computes a document's votes once, on first use, for all the
// Context copies that share its aggregate.
type lazyVotes struct {
	once  sync.Once
	votes *regionVotes

	findOnce sync.Once
	found    []Mention // what Find reads in the document
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
	a.lazy.findOnce.Do(func() { a.lazy.found = g.Find(text) })
	return a.lazy.found
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
	v := &regionVotes{total: map[string]float64{}, byKey: map[string]keyVote{}, counties: map[string][]string{}, countyN: map[string]int{}}
	for _, sp := range spans {
		if _, done := v.byKey[sp.key]; done {
			continue
		}
		var regions []string
		for _, i := range sp.cands {
			e := &g.entries[i]
			code := ""
			switch {
			case e.level == levelAdmin2:
				code = e.Admin2Code
			case e.level == levelPlace && e.Admin2Code != "":
				code = "in:" + e.Admin2Code
			}
			if code != "" && !containsStr(v.counties[sp.key], code) {
				v.counties[sp.key] = append(v.counties[sp.key], code)
				v.countyN[code]++
			}
			if e.level == levelCountry || e.Admin1Code == "" {
				continue
			}
			if !containsStr(regions, e.Admin1Code) {
				regions = append(regions, e.Admin1Code)
			}
		}
		kv := keyVote{regions: regions}
		if len(regions) > 0 {
			kv.w = 1 / math.Sqrt(float64(len(regions)))
		}
		v.byKey[sp.key] = kv
		for _, r := range regions {
			v.total[r] += kv.w
		}
	}
	return v
}

// without returns the vote each region gets from the names other than key,
// as a share of the strongest region's vote, keeping only regions whose
// vote reaches minVote.
func (v *regionVotes) without(key string, minVote float64) map[string]float64 {
	if v == nil {
		return nil
	}
	own := v.byKey[key]
	out := map[string]float64{}
	top := 0.0
	for r, t := range v.total {
		if containsStr(own.regions, r) {
			t -= own.w
		}
		if t >= minVote {
			out[r] = t
			top = max(top, t)
		}
	}
	for r, t := range out {
		out[r] = t / top
	}
	return out
}

// countyNamed reports whether a name other than key could be the county
// code ("in:"+code: could lie in it).
func (v *regionVotes) countyNamed(code, key string) bool {
	if v == nil {
		return false
	}
	n := v.countyN[code]
	if n > 0 && containsStr(v.counties[key], code) {
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
	key string
}

func (c countyCtx) named(code string) bool { return c.v.countyNamed(code, c.key) }

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
