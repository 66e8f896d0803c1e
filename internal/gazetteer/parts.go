package gazetteer

import (
	"math"
	"strings"
)

// This file places a part of a region or country named by a compass word
// ("Southern California", "northern Syria", "Far North Queensland") at the
// centre of that part of its Natural Earth outline, not at the centre of the
// whole: the north of California lies 400 km from California's point.

// compassPart is a compass word a part of a region is named by: the
// direction it points (east, north; central has none) and how much of the
// outline's area the part holds.
type compassPart struct {
	dx, dy float64
	share  float64
}

// partShare is the share of a region's area a "northern" or "east" part
// holds: the outer third along the named direction.
const partShare = 1.0 / 3

// compassWords are the words, longest first, a part of a region is named
// by; "Far North" is the outer fifth. "Upper" and "Lower" are left out:
// their direction depends on a river (Upper Egypt is the south).
var compassWords = []struct {
	word string
	part compassPart
}{
	{"far north", compassPart{0, 1, 0.2}}, {"far south", compassPart{0, -1, 0.2}},
	{"far east", compassPart{1, 0, 0.2}}, {"far west", compassPart{-1, 0, 0.2}},
	{"northeastern", compassPart{1, 1, partShare}}, {"north-eastern", compassPart{1, 1, partShare}},
	{"northwestern", compassPart{-1, 1, partShare}}, {"north-western", compassPart{-1, 1, partShare}},
	{"southeastern", compassPart{1, -1, partShare}}, {"south-eastern", compassPart{1, -1, partShare}},
	{"southwestern", compassPart{-1, -1, partShare}}, {"south-western", compassPart{-1, -1, partShare}},
	{"northeast", compassPart{1, 1, partShare}}, {"north-east", compassPart{1, 1, partShare}},
	{"northwest", compassPart{-1, 1, partShare}}, {"north-west", compassPart{-1, 1, partShare}},
	{"southeast", compassPart{1, -1, partShare}}, {"south-east", compassPart{1, -1, partShare}},
	{"southwest", compassPart{-1, -1, partShare}}, {"south-west", compassPart{-1, -1, partShare}},
	{"northern", compassPart{0, 1, partShare}}, {"southern", compassPart{0, -1, partShare}},
	{"eastern", compassPart{1, 0, partShare}}, {"western", compassPart{-1, 0, partShare}},
	{"central", compassPart{0, 0, 1}},
	{"north", compassPart{0, 1, partShare}}, {"south", compassPart{0, -1, partShare}},
	{"east", compassPart{1, 0, partShare}}, {"west", compassPart{-1, 0, partShare}},
}

// splitCompass splits "Southern California" into its compass part and the
// rest ("California").
func splitCompass(name string) (compassPart, string, bool) {
	low := strings.ToLower(name)
	for _, c := range compassWords {
		if len(low) > len(c.word)+1 && strings.HasPrefix(low, c.word) && low[len(c.word)] == ' ' {
			return c.part, strings.TrimSpace(name[len(c.word)+1:]), true
		}
	}
	return compassPart{}, "", false
}

// resolvePart resolves a name the gazetteer lacks that is a compass word
// and a first-level region or country it has an outline for, at region
// precision, at the centre of the named part of the outline. GeoNames' own
// names for such parts ("Northern Territory", "West Bank") never get here:
// they are in the gazetteer.
func (g *Gazetteer) resolvePart(name string, hint Context) (Mention, bool) {
	part, rest, ok := splitCompass(name)
	if !ok || rest == "" {
		return Mention{}, false
	}
	h := hint
	h.Offset = hint.Offset + len(name) - len(rest)
	h.End = h.Offset + len(rest)
	m, ok := g.Resolve(rest, h)
	if !ok || m.Place.Kind != "A.ADM1" && m.Place.Kind != "A.PCLI" || !g.namesDirectly(rest, m.Place) {
		return Mention{}, false
	}
	lat, lon, rule, ok := g.compassPartOf(m.Place, part)
	if !ok {
		return Mention{}, false
	}
	end := hint.End
	if end == 0 {
		end = hint.Offset + len(name)
	}
	m.Start, m.End, m.Text = hint.Offset, end, name
	m.Place.Lat, m.Place.Lon = lat, lon
	m.Precision = 3
	m.Rule = rule
	return m, true
}

// compassPartOf is the centre of the named part of a first-level region's or
// country's outline (a country's is the union of its regions'), and the
// rule that says which.
func (g *Gazetteer) compassPartOf(p Place, part compassPart) (float64, float64, string, bool) {
	g.boundsOnce.Do(func() { g.bounds, g.boundsErr = g.loadBounds() })
	if g.boundsErr != nil {
		return 0, 0, "", false
	}
	key := partKey{p.Kind, p.CountryCode, p.Admin1Code, part}
	if v, ok := g.bounds.parts.Load(key); ok {
		pp := v.(partPoint)
		return pp.lat, pp.lon, pp.rule, pp.ok
	}
	var rings []ring
	rule := "gazetteer:part-of-region"
	if p.Kind == "A.ADM1" {
		for _, r := range g.bounds.regions {
			if r.code == p.Admin1Code {
				rings = append(rings, r.rings...)
			}
		}
	} else {
		rule = "gazetteer:part-of-country"
		prefix := p.CountryCode + "."
		for _, r := range g.bounds.regions {
			if strings.HasPrefix(r.code, prefix) {
				rings = append(rings, r.rings...)
			}
		}
	}
	lat, lon, ok := 0.0, 0.0, false
	if p.Kind == "A.ADM1" || g.outlineCovers(p.CountryCode, rings) {
		lat, lon, ok = partCentre(rings, part)
	}
	g.bounds.parts.Store(key, partPoint{lat, lon, rule, ok})
	return lat, lon, rule, ok
}

// outlineCovers reports whether the outlines of a country's regions, joined,
// hold nine in ten of the points of its first-level regions: where
// Natural Earth's regions do not match GeoNames' (Spain, Italy, Norway),
// the outline is a patchwork and the country's part is not placed.
func (g *Gazetteer) outlineCovers(cc string, rings []ring) bool {
	n, in := 0, 0
	for code, i := range g.admin1 {
		if len(code) < 3 || code[:2] != cc || code[2] != '.' {
			continue
		}
		n++
		e := &g.entries[i]
		x, y := float32(e.Lon), float32(e.Lat)
		for _, rg := range rings {
			if x >= rg.minX && x <= rg.maxX && y >= rg.minY && y <= rg.maxY && pointInRing(rg.pts, x, y) {
				in++
				break
			}
		}
	}
	return n > 0 && in*10 >= n*9
}

// partKey names a part of a region or country; partPoint is its centre.
type partKey struct {
	kind, cc, admin1 string
	part             compassPart
}

type partPoint struct {
	lat, lon float64
	rule     string
	ok       bool
}

// widenParts widens a region or country Find read ("Syria") over the
// compass word just before it ("northern Syria") and places it at the
// centre of that part, as Resolve does the whole name; a name the
// gazetteer has ("North Korea") was read whole by the scan and is left.
func (g *Gazetteer) widenParts(text string, out []Mention) {
	for i := range out {
		m := &out[i]
		if m.Place.Kind != "A.ADM1" && m.Place.Kind != "A.PCLI" || m.Start < 2 || text[m.Start-1] != ' ' {
			continue
		}
		start, part, ok := compassBefore(text, m.Start-1)
		if !ok {
			continue
		}
		name := text[start:m.End]
		if len(g.lookup(Normalize(name))) > 0 {
			continue
		}
		lat, lon, rule, ok := g.compassPartOf(m.Place, part)
		if !ok {
			continue
		}
		m.Start, m.Text = start, name
		m.Place.Lat, m.Place.Lon = lat, lon
		m.Precision = 3
		m.Rule += "+" + strings.TrimPrefix(rule, "gazetteer:")
	}
}

// compassBefore finds a compass word ending at end ("northern" in
// "in northern Syria"), starting a word, and returns where it starts.
func compassBefore(text string, end int) (int, compassPart, bool) {
	if !mayEndCompass(text, end) {
		return 0, compassPart{}, false
	}
	for _, c := range compassWords {
		start := end - len(c.word)
		if start < 0 || !strings.EqualFold(text[start:end], c.word) {
			continue
		}
		if start > 0 {
			if b := text[start-1]; b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '-' || b >= 0x80 {
				continue
			}
		}
		return start, c.part, true
	}
	return 0, compassPart{}, false
}

// mayEndCompass reports whether text[:end] can end in a compass word: every
// one ends in h, t, l or "ern" (no other rune folds to those ASCII
// letters), and most words before a region's name ("in", "of") do not.
func mayEndCompass(text string, end int) bool {
	if end < len("east") {
		return false
	}
	switch text[end-1] | 0x20 {
	case 'h', 't', 'l':
		return true
	case 'n':
		return text[end-2]|0x20 == 'r' && text[end-3]|0x20 == 'e'
	}
	return false
}

// namesDirectly reports whether name is the region's own name or one of
// its spellings, or one of a country's names ("Turkey" for Türkiye), not a
// place read inside it or a guess.
func (g *Gazetteer) namesDirectly(name string, p Place) bool {
	if g.spelledReading(name, p.ID) {
		return true
	}
	if p.Kind != "A.PCLI" {
		return false
	}
	for _, i := range g.lookup(Normalize(name)) {
		if e := &g.entries[i]; e.level == levelCountry && g.str(e.CountryCode) == p.CountryCode {
			return true
		}
	}
	return false
}

// partCentre is the area-weighted centre of the part of the rings that
// lies furthest along the part's direction and holds its share of their
// area (the whole, for "central"). Longitudes are scaled by the cosine of
// the middle latitude so that "north-east" is the diagonal on the ground.
func partCentre(rings []ring, part compassPart) (float64, float64, bool) {
	if len(rings) == 0 {
		return 0, 0, false
	}
	rings = mainland(rings)
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, r := range rings {
		minY, maxY = min(minY, float64(r.minY)), max(maxY, float64(r.maxY))
	}
	k := math.Cos((minY + maxY) / 2 * math.Pi / 180)
	polys := make([][][2]float64, len(rings))
	for i, r := range rings {
		p := make([][2]float64, len(r.pts))
		for j, pt := range r.pts {
			p[j] = [2]float64{float64(pt[0]) * k, float64(pt[1])}
		}
		polys[i] = p
	}
	total, cx, cy := polysCentroid(polys)
	if total == 0 {
		return 0, 0, false
	}
	if part.share < 1 {
		n := math.Hypot(part.dx, part.dy)
		ux, uy := part.dx/n, part.dy/n
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, p := range polys {
			for _, pt := range p {
				d := pt[0]*ux + pt[1]*uy
				lo, hi = min(lo, d), max(hi, d)
			}
		}
		// bisect for the cut that leaves the share of the area beyond it
		var clipped [][][2]float64
		for range 24 {
			t := (lo + hi) / 2
			clipped = clipped[:0]
			for _, p := range polys {
				if c := clipHalf(p, ux, uy, t); len(c) >= 3 {
					clipped = append(clipped, c)
				}
			}
			a, x, y := polysCentroid(clipped)
			if a/total > part.share {
				lo = t
			} else {
				hi = t
			}
			if a > 0 {
				cx, cy = x, y
			}
		}
	}
	return cy, cx / k, true
}

// islandGap is how far, in degrees, land lies from the rest of a region or
// country before it is counted apart: the Canaries from Spain, Alaska and
// Hawaii from the other states, not Java from Sumatra.
const islandGap = 3

// mainland keeps the group of rings, each within islandGap of another in
// the group, that holds the most area: "southern Spain" is Andalusia, not
// the Canaries, and "the western United States" is not Alaska.
func mainland(rings []ring) []ring {
	if len(rings) < 2 {
		return rings
	}
	group := make([]int, len(rings))
	for i := range group {
		group[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for group[i] != i {
			group[i] = group[group[i]]
			i = group[i]
		}
		return i
	}
	for i := range rings {
		for j := i + 1; j < len(rings); j++ {
			a, b := &rings[i], &rings[j]
			if a.minX-islandGap <= b.maxX && b.minX-islandGap <= a.maxX && a.minY-islandGap <= b.maxY && b.minY-islandGap <= a.maxY {
				group[find(i)] = find(j)
			}
		}
	}
	area := make([]float64, len(rings))
	for i, r := range rings {
		k := math.Cos(float64(r.minY+r.maxY) / 2 * math.Pi / 180)
		var a float64
		for j := range r.pts {
			p, q := r.pts[j], r.pts[(j+1)%len(r.pts)]
			a += float64(p[0])*float64(q[1]) - float64(q[0])*float64(p[1])
		}
		area[find(i)] += math.Abs(a) * k
	}
	best := 0
	for i := range area {
		if area[i] > area[best] {
			best = i
		}
	}
	out := make([]ring, 0, len(rings))
	for i, r := range rings {
		if find(i) == best {
			out = append(out, r)
		}
	}
	return out
}

// polysCentroid is the total unsigned area and area-weighted centre of
// polygons (each ring's own orientation taken as outer).
func polysCentroid(polys [][][2]float64) (float64, float64, float64) {
	var sa, sx, sy float64
	for _, p := range polys {
		var a, x, y float64
		for i := range p {
			x0, y0 := p[i][0], p[i][1]
			x1, y1 := p[(i+1)%len(p)][0], p[(i+1)%len(p)][1]
			c := x0*y1 - x1*y0
			a += c
			x += (x0 + x1) * c
			y += (y0 + y1) * c
		}
		if a == 0 {
			continue
		}
		// a ring's centre is x/(3a) whatever its orientation; weight it by |a|/2
		sa += math.Abs(a) / 2
		sx += x / (3 * a) * math.Abs(a) / 2
		sy += y / (3 * a) * math.Abs(a) / 2
	}
	if sa == 0 {
		return 0, 0, 0
	}
	return sa, sx / sa, sy / sa
}

// clipHalf keeps the part of a ring where x*ux + y*uy >= t
// (Sutherland-Hodgman against one line).
func clipHalf(p [][2]float64, ux, uy, t float64) [][2]float64 {
	var out [][2]float64
	for i := range p {
		a, b := p[i], p[(i+1)%len(p)]
		da, db := a[0]*ux+a[1]*uy-t, b[0]*ux+b[1]*uy-t
		if da >= 0 {
			out = append(out, a)
		}
		if (da >= 0) != (db >= 0) {
			s := da / (da - db)
			out = append(out, [2]float64{a[0] + s*(b[0]-a[0]), a[1] + s*(b[1]-a[1])})
		}
	}
	return out
}
