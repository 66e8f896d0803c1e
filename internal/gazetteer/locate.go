package gazetteer

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
)

// ring is a boundary ring in degrees.
type ring struct {
	pts                    [][2]float32 // lon, lat
	minX, minY, maxX, maxY float32
}

type region struct {
	code  string
	rings []ring
}

// boundaryIndex holds the admin-1 polygons and a coarse grid of places for
// filling admin-2 by the nearest town.
type boundaryIndex struct {
	regions []region
	grid    map[[2]int][]int32
	parts   sync.Map // partKey -> partPoint: the centres of named parts, once computed
}

// Locate returns the country, first- and second-level region of a point.
// The admin-1 comes from Natural Earth boundaries; the admin-2 from the
// nearest GeoNames town in that region.
func (g *Gazetteer) Locate(lat, lon float64) (Place, bool) {
	if math.IsNaN(lat) || math.IsNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return Place{}, false
	}
	g.boundsOnce.Do(func() { g.bounds, g.boundsErr = g.loadBounds() })
	if g.boundsErr != nil {
		return Place{}, false
	}
	code := g.bounds.regionAt(lat, lon)
	near, dist := g.nearestPlace(lat, lon, code)
	if code == "" {
		if near < 0 || dist > 30 {
			return Place{}, false
		}
		code = g.str(g.entries[near].Admin1Code)
	}
	p := Place{Name: "", Kind: "L.POINT", Lat: lat, Lon: lon, Source: "locate"}
	if i, ok := g.admin1[code]; ok {
		a := g.entries[i]
		p.CountryCode, p.Country, p.Admin1Code, p.Admin1 = g.str(a.CountryCode), g.str(a.Country), g.str(a.Admin1Code), g.str(a.Admin1)
		p.Name = g.str(a.Name)
	} else if near >= 0 {
		np := g.place(near)
		p.CountryCode, p.Country = np.CountryCode, np.Country
	}
	if near >= 0 && g.str(g.entries[near].Admin1Code) == p.Admin1Code {
		np := g.place(near)
		p.Admin2Code, p.Admin2 = np.Admin2Code, np.Admin2
		if p.Admin2 != "" {
			p.Name = p.Admin2
		}
	}
	return p, p.CountryCode != ""
}

func (b *boundaryIndex) regionAt(lat, lon float64) string {
	x, y := float32(lon), float32(lat)
	for _, r := range b.regions {
		for _, rg := range r.rings {
			if x < rg.minX || x > rg.maxX || y < rg.minY || y > rg.maxY {
				continue
			}
			if pointInRing(rg.pts, x, y) {
				return r.code
			}
		}
	}
	return ""
}

func pointInRing(pts [][2]float32, x, y float32) bool {
	in := false
	for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
		xi, yi, xj, yj := pts[i][0], pts[i][1], pts[j][0], pts[j][1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

// nearestPlace finds the closest populated place (preferring one in admin1
// code when given) and its distance in km.
func (g *Gazetteer) nearestPlace(lat, lon float64, code string) (int32, float64) {
	best, bestD := int32(-1), math.Inf(1)
	cx, cy := int(math.Floor(lon)), int(math.Floor(lat))
	for dx := -1; dx <= 1; dx++ {
		for dy := -1; dy <= 1; dy++ {
			for _, i := range g.bounds.grid[[2]int{cx + dx, cy + dy}] {
				e := &g.entries[i]
				d := Distance(lat, lon, e.Lat, e.Lon)
				if code != "" && g.str(e.Admin1Code) != code {
					d += 1000
				}
				if d < bestD {
					best, bestD = i, d
				}
			}
		}
	}
	if bestD >= 1000 {
		bestD -= 1000
	}
	return best, bestD
}

// Distance is the great-circle distance in km.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

func (g *Gazetteer) loadBounds() (*boundaryIndex, error) {
	f, err := dataFS.Open("data/admin1.tsv.gz")
	if err != nil {
		return nil, fmt.Errorf("gazetteer: open boundaries: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: gunzip boundaries: %w", err)
	}
	b := &boundaryIndex{grid: map[[2]int][]int32{}}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		code, body, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, parseErr("admin1.tsv", n, fmt.Errorf("no tab"))
		}
		r, err := parseRegion(code, body)
		if err != nil {
			return nil, parseErr("admin1.tsv", n, err)
		}
		b.regions = append(b.regions, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: read boundaries: %w", err)
	}
	for i := range g.entries {
		if e := &g.entries[i]; e.level == levelPlace {
			k := [2]int{int(math.Floor(e.Lon)), int(math.Floor(e.Lat))}
			b.grid[k] = append(b.grid[k], int32(i))
		}
	}
	return b, nil
}

func parseRegion(code, body string) (region, error) {
	r := region{code: code}
	for _, rs := range strings.Split(body, ";") {
		nums := strings.Split(rs, ",")
		if len(nums)%2 != 0 {
			return r, fmt.Errorf("odd coordinate count in %s", code)
		}
		rg := ring{minX: math.MaxFloat32, minY: math.MaxFloat32, maxX: -math.MaxFloat32, maxY: -math.MaxFloat32}
		var x, y int
		for k := 0; k < len(nums); k += 2 {
			dx, err1 := strconv.Atoi(nums[k])
			dy, err2 := strconv.Atoi(nums[k+1])
			if err1 != nil || err2 != nil {
				return r, fmt.Errorf("bad coordinate in %s", code)
			}
			x, y = x+dx, y+dy
			px, py := float32(x)/100, float32(y)/100
			rg.pts = append(rg.pts, [2]float32{px, py})
			rg.minX, rg.maxX = min(rg.minX, px), max(rg.maxX, px)
			rg.minY, rg.maxY = min(rg.minY, py), max(rg.maxY, py)
		}
		r.rings = append(r.rings, rg)
	}
	return r, nil
}
