package server

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io/fs"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// admin1File is the gazetteer's Natural Earth admin-1 boundary table, copied
// into the dashboard bundle by `make web`. Each line is a region code
// ("NG.05") and its rings; a ring is "x0,y0,dx1,dy1,..." in hundredths of a
// degree, the first point absolute and the rest as steps from the last.
const admin1File = "admin1.tsv.gz"

// provinces indexes the raw boundary lines by country, read once on first
// use so that a server nobody asks for provinces never pays for them.
type provinces struct {
	once      sync.Once
	byCountry map[string][]string
	err       error
}

func (p *provinces) load(fsys fs.FS) {
	p.byCountry = map[string][]string{}
	f, err := fsys.Open(admin1File)
	if err != nil {
		p.err = fmt.Errorf("province boundaries are not in this build (run make web): %w", incident.ErrNotFound)
		return
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		p.err = fmt.Errorf("server: read %s: %w", admin1File, err)
		return
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || len(line) < 3 || line[2] != '.' {
			continue
		}
		cc := line[:2]
		p.byCountry[cc] = append(p.byCountry[cc], line)
	}
	if err := sc.Err(); err != nil {
		p.err = fmt.Errorf("server: read %s: %w", admin1File, err)
	}
}

var countryCode = regexp.MustCompile(`^[A-Z]{2}$`)

// boundaries serves one country's first-level regions as a GeoJSON
// FeatureCollection (one MultiPolygon per region, no fill semantics: the
// rings are outlines simplified to about a kilometre).
func (s *Server) boundaries(w http.ResponseWriter, r *http.Request) {
	cc := strings.ToUpper(r.PathValue("country"))
	if !countryCode.MatchString(cc) {
		s.writeError(w, r, invalidf("country %.10q: want an ISO 3166-1 alpha-2 code", r.PathValue("country")))
		return
	}
	sub, ok := dashboardFS()
	if !ok {
		s.writeError(w, r, fmt.Errorf("dashboard not built (run make web): %w", incident.ErrNotFound))
		return
	}
	s.provinces.once.Do(func() { s.provinces.load(sub) })
	if s.provinces.err != nil {
		s.writeError(w, r, s.provinces.err)
		return
	}
	lines, ok := s.provinces.byCountry[cc]
	if !ok {
		s.writeError(w, r, fmt.Errorf("no region boundaries for %s: %w", cc, incident.ErrNotFound))
		return
	}
	w.Header().Set("Content-Type", "application/geo+json")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	var b []byte
	b = append(b, `{"type":"FeatureCollection","features":[`...)
	for i, line := range lines {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendRegion(b, line); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	b = append(b, "]}\n"...)
	if _, err := w.Write(b); err != nil {
		s.log.Debug("write boundaries", "err", err)
	}
}

// appendRegion decodes one boundary line into a GeoJSON Feature.
func appendRegion(b []byte, line string) ([]byte, error) {
	code, body, ok := strings.Cut(line, "\t")
	if !ok {
		return b, fmt.Errorf("server: boundary line %.20q has no tab", line)
	}
	b = append(b, `{"type":"Feature","properties":{"code":`...)
	b = strconv.AppendQuote(b, code)
	b = append(b, `},"geometry":{"type":"MultiPolygon","coordinates":[`...)
	for i, ring := range strings.Split(body, ";") {
		nums := strings.Split(ring, ",")
		if len(nums) < 6 || len(nums)%2 != 0 {
			return b, fmt.Errorf("server: boundary %s: ring of %d numbers", code, len(nums))
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "[["...)
		var x, y, x0, y0 int
		for k := 0; k < len(nums); k += 2 {
			dx, err1 := strconv.Atoi(nums[k])
			dy, err2 := strconv.Atoi(nums[k+1])
			if err1 != nil || err2 != nil {
				return b, fmt.Errorf("server: boundary %s: bad number", code)
			}
			x, y = x+dx, y+dy
			if k == 0 {
				x0, y0 = x, y
			} else {
				b = append(b, ',')
			}
			b = appendPoint(b, x, y)
		}
		if x != x0 || y != y0 { // RFC 7946 rings end where they start
			b = append(b, ',')
			b = appendPoint(b, x0, y0)
		}
		b = append(b, "]]"...)
	}
	return append(b, "]}}"...), nil
}

func appendPoint(b []byte, x, y int) []byte {
	b = append(b, '[')
	b = strconv.AppendFloat(b, float64(x)/100, 'f', -1, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, float64(y)/100, 'f', -1, 64)
	return append(b, ']')
}
