package gazetteer

import (
	"math"
	"slices"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

// spatialIndex is a document's spatial coherence by distance: every
// reading of every name the scan finds, as a point, so that a reading can
// ask which other names have a reading near it. Namesakes that lie near
// each other support each other (Alexandria and Pineville in Louisiana;
// London and St. Thomas in Ontario), across state lines and in countries
// whose first-level regions are too large or too small for the region
// votes to tell.
type spatialIndex struct {
	keys   []string
	w      []float64      // each name's weight: less for a name read in many places
	points []spatialPoint // sorted by latitude
}

type spatialPoint struct {
	lat, lon float64
	key      int32
}

// spatialCommon is the number of point readings at which a name's support
// halves: that one of many namesakes lies near a reading is likelier a
// coincidence (Springfield, Franklin), while two names with few readings
// each that meet in one county rarely meet by chance.
const spatialCommon = 10

// spatialFor returns the document's index, built on first use.
func (a *docAgg) spatialFor(g *Gazetteer, text string) *spatialIndex {
	if a == nil || text == "" {
		return nil
	}
	a.lazy.spatialOnce.Do(func() {
		sc := g.getScratch()
		defer g.putScratch(sc)
		a.lazy.spatial = g.newSpatialIndex(g.scan(sc, text, textfold.ASCIILower(text)))
	})
	return a.lazy.spatial
}

// pointLevel reports whether a reading is small enough for its point to
// say where it is: a town or a second-level region.
func pointLevel(e *entry) bool {
	return e.level == levelPlace || e.level == levelAdmin2
}

func (g *Gazetteer) newSpatialIndex(spans []span) *spatialIndex {
	x := &spatialIndex{}
	for _, sp := range spans {
		if slices.Contains(x.keys, sp.key) {
			continue
		}
		k := int32(len(x.keys))
		n := 0
		for _, i := range sp.cands {
			if e := &g.entries[i]; pointLevel(e) {
				n++
				x.points = append(x.points, spatialPoint{e.Lat, e.Lon, k})
			}
		}
		x.keys = append(x.keys, sp.key)
		x.w = append(x.w, 1/(1+float64(n)/spatialCommon))
	}
	slices.SortFunc(x.points, func(a, b spatialPoint) int {
		switch {
		case a.lat < b.lat:
			return -1
		case a.lat > b.lat:
			return 1
		}
		return 0
	})
	return x
}

// support is how much the names other than the one numbered own say for
// a reading at lat, lon: per name, its weight times the nearness of its
// closest reading (1 within fullKm, fading to 0 at zeroKm), summed over
// at most 16 names.
func (x *spatialIndex) support(lat, lon float64, own int32, fullKm, zeroKm float64) float64 {
	maxDeg := zeroKm / 111
	lonScale := math.Max(math.Cos(lat*math.Pi/180), 0.01)
	lo, _ := slices.BinarySearchFunc(x.points, lat-maxDeg, func(p spatialPoint, t float64) int {
		if p.lat < t {
			return -1
		}
		return 1
	})
	var seen [16]struct {
		key int32
		v   float64
	}
	n, s := 0, 0.0
	for _, p := range x.points[lo:] {
		if p.lat > lat+maxDeg {
			break
		}
		if p.key == own || math.Abs(p.lon-lon)*lonScale > maxDeg*1.01 {
			continue
		}
		d := Distance(lat, lon, p.lat, p.lon)
		if d >= zeroKm {
			continue
		}
		v := 1.0
		if d > fullKm {
			v = (zeroKm - d) / (zeroKm - fullKm)
		}
		v *= x.w[p.key]
		k := 0
		for k < n && seen[k].key != p.key {
			k++
		}
		switch {
		case k < n:
			if v > seen[k].v {
				s += v - seen[k].v
				seen[k].v = v
			}
		case n < len(seen):
			seen[n].key, seen[n].v = p.key, v
			n++
			s += v
		}
	}
	return s
}

// spatialReading is what the index says for the readings of one name:
// per candidate, its support less the most any candidate has (0 for the
// best supported), so the term chooses among towns and never turns a
// region or a country into a town.
type spatialReading struct {
	cands []int32
	term  []float64
}

// setSpatial reads the candidates cands of the name key with the index x
// and keeps the result in st. A reading in another country the document
// names than the best supported reading's is not marked down: Paris when
// France is named, though Lexington, Kentucky, lies next to another Paris.
func (g *Gazetteer) setSpatial(st *resolveState, x *spatialIndex, key string, cands []int32) {
	st.spatial = spatialReading{}
	if x == nil || len(cands) < 2 {
		return
	}
	own := int32(slices.Index(x.keys, key))
	term := make([]float64, len(cands))
	top, topCC := 0.0, ""
	for k, i := range cands {
		if e := &g.entries[i]; pointLevel(e) {
			term[k] = x.support(e.Lat, e.Lon, own, g.w.SpatialFullKm, g.w.SpatialZeroKm)
			if term[k] > top {
				top, topCC = term[k], g.str(e.CountryCode)
			}
		}
	}
	if top == 0 {
		return
	}
	for k, i := range cands {
		e := &g.entries[i]
		switch {
		case !pointLevel(e), g.str(e.CountryCode) != topCC && st.countries.has(g.str(e.CountryCode)):
			term[k] = 0
		default:
			term[k] -= top
		}
	}
	st.spatial = spatialReading{cands, term}
}

// of returns the term of candidate i, 0 when it has none.
func (r spatialReading) of(i int32) float64 {
	for k, c := range r.cands {
		if c == i {
			return r.term[k]
		}
	}
	return 0
}
