package gazetteer

import (
	"math"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

// spatialIndex is a document's spatial coherence by distance: every
// reading of every name the scan finds, as a point in a grid of cells one
// degree square, so that a reading can ask which other names have a
// reading near it. Namesakes that lie near each other support each other
// (Alexandria and Pineville in Louisiana; London and St. Thomas in
// Ontario), across state lines and in countries whose first-level regions
// are too large or too small for the region votes to tell.
type spatialIndex struct {
	keys  []string
	w     []float64 // each name's weight: less for a name read in many places
	cells map[[2]int32][]spatialPoint
}

type spatialPoint struct {
	key      int32
	lat, lon float64
}

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

// spatialCommon is the number of point readings at which a name's support
// halves: that one of many namesakes lies near a reading is likelier a
// coincidence (Springfield, Franklin), while two names with few readings
// each that meet in one county rarely meet by chance.
const spatialCommon = 10

func cellOf(lat, lon float64) [2]int32 {
	return [2]int32{int32(math.Floor(lat)), int32(math.Floor(lon))}
}

// pointLevel reports whether a reading is small enough for its point to
// say where it is: a town, a second-level region or a feature.
func pointLevel(e *entry) bool {
	return e.level == levelPlace || e.level == levelAdmin2
}

func (g *Gazetteer) newSpatialIndex(spans []span) *spatialIndex {
	x := &spatialIndex{cells: map[[2]int32][]spatialPoint{}}
	seen := map[string]bool{}
	for _, sp := range spans {
		if seen[sp.key] {
			continue
		}
		seen[sp.key] = true
		k := int32(len(x.keys))
		n := 0
		for _, i := range sp.cands {
			e := &g.entries[i]
			if !pointLevel(e) {
				continue
			}
			n++
			c := cellOf(e.Lat, e.Lon)
			x.cells[c] = append(x.cells[c], spatialPoint{k, e.Lat, e.Lon})
		}
		if n == 0 {
			continue
		}
		x.keys = append(x.keys, sp.key)
		x.w = append(x.w, 1/(1+float64(n)/spatialCommon))
	}
	return x
}

// support is how much the names other than own say for a reading at
// lat, lon: per name, its weight times the nearness of its closest
// reading (1 within fullKm, fading to 0 at zeroKm), summed.
func (x *spatialIndex) support(lat, lon float64, own string, fullKm, zeroKm float64) float64 {
	if x == nil || len(x.keys) == 0 {
		return 0
	}
	best := make([]float64, len(x.keys))
	c := cellOf(lat, lon)
	dLat := int32(math.Ceil(zeroKm / 111))
	dLon := int32(math.Ceil(zeroKm / (111 * math.Max(math.Cos(lat*math.Pi/180), 0.05))))
	for a := c[0] - dLat; a <= c[0]+dLat; a++ {
		for b := c[1] - dLon; b <= c[1]+dLon; b++ {
			for _, p := range x.cells[[2]int32{a, b}] {
				if x.keys[p.key] == own {
					continue
				}
				d := Distance(lat, lon, p.lat, p.lon)
				v := 0.0
				switch {
				case d <= fullKm:
					v = 1
				case d < zeroKm:
					v = (zeroKm - d) / (zeroKm - fullKm)
				}
				best[p.key] = max(best[p.key], v)
			}
		}
	}
	s := 0.0
	for k, v := range best {
		s += v * x.w[k]
	}
	return s
}
