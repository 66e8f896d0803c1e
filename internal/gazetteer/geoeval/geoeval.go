// Package geoeval measures toponym resolution on the public geoparsing
// corpora (GeoWebNews, LGL, TR-News): given the gold toponym spans, how often
// the gazetteer puts each within 161 km (100 miles) of the gold point, in the
// right country, and the median error.
package geoeval

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// Toponym is one gold toponym: its span in the document text and its point.
type Toponym struct {
	Start, End int
	Name       string
	Lat, Lon   float64
	Country    string // gold country name when the corpus gives one
}

// Document is one article with its gold toponyms.
type Document struct {
	Text     string
	Toponyms []Toponym
}

type xmlCorpus struct {
	Articles []struct {
		Text     string `xml:"text"`
		Toponyms []struct {
			Start      int    `xml:"start"`
			End        int    `xml:"end"`
			Phrase     string `xml:"phrase"`
			Extracted  string `xml:"extractedName"`
			GeonamesID string `xml:"geonamesID"`
			Latitude   string `xml:"latitude"`
			Longitude  string `xml:"longitude"`
			Gaztag     *struct {
				Lat     string `xml:"lat"`
				Lon     string `xml:"lon"`
				Country string `xml:"country"`
			} `xml:"gaztag"`
		} `xml:"toponyms>toponym"`
	} `xml:"article"`
}

// Parse reads a corpus in either the LGL/TR-News (gaztag) or the GeoWebNews
// (geonamesID, latitude, longitude) layout. Toponyms without a gold point,
// or whose span does not fit the text, are left out.
func Parse(r io.Reader) ([]Document, error) {
	var c xmlCorpus
	if err := xml.NewDecoder(r).Decode(&c); err != nil {
		return nil, fmt.Errorf("geoeval: parse corpus: %w", err)
	}
	docs := make([]Document, 0, len(c.Articles))
	for _, a := range c.Articles {
		d := Document{Text: a.Text}
		byteAt := runeOffsets(d.Text)
		for _, t := range a.Toponyms {
			tp := Toponym{Start: t.Start, End: t.End, Name: strings.TrimSpace(t.Phrase + t.Extracted)}
			latS, lonS := t.Latitude, t.Longitude
			if t.Gaztag != nil {
				latS, lonS, tp.Country = t.Gaztag.Lat, t.Gaztag.Lon, strings.TrimSpace(t.Gaztag.Country)
			} else if strings.TrimSpace(t.GeonamesID) == "" {
				continue // GeoWebNews: only toponyms resolved to GeoNames are scored
			}
			lat, err1 := strconv.ParseFloat(strings.TrimSpace(latS), 64)
			lon, err2 := strconv.ParseFloat(strings.TrimSpace(lonS), 64)
			if err1 != nil || err2 != nil || tp.Start < 0 || tp.End >= len(byteAt) || tp.Start >= tp.End {
				continue
			}
			tp.Start, tp.End = byteAt[tp.Start], byteAt[tp.End] // the corpora count characters
			tp.Lat, tp.Lon = lat, lon
			if d.Text[tp.Start:tp.End] != tp.Name {
				if at, ok := nearest(d.Text, tp.Name, tp.Start); ok {
					tp.Start, tp.End = at, at+len(tp.Name)
				} else {
					tp.Name = d.Text[tp.Start:tp.End]
				}
			}
			d.Toponyms = append(d.Toponyms, tp)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// realignWithin is how far (in bytes) a toponym's phrase may lie from the
// offset the corpus gives. In 19 TR-News articles the offsets drift a few
// characters ahead of the text (up to 10 by the end of an article), so the
// span cuts words ("Ot[tawa i]s"); the phrase the corpus also gives is then
// taken at its nearest occurrence.
const realignWithin = 300

// nearest finds the occurrence of phrase in text closest to at, within
// realignWithin bytes.
func nearest(text, phrase string, at int) (int, bool) {
	if phrase == "" {
		return 0, false
	}
	best, found := 0, false
	lo := max(0, at-realignWithin)
	for {
		j := strings.Index(text[lo:], phrase)
		if j < 0 {
			break
		}
		j += lo
		if j > at+realignWithin {
			break
		}
		if !found || abs(j-at) < abs(best-at) {
			best, found = j, true
		}
		lo = j + 1
	}
	return best, found
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// runeOffsets maps character offsets to byte offsets (one past the end
// included).
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// Result is what one corpus (or part of one) scored.
type Result struct {
	Name          string  `json:"name"`
	Toponyms      int     `json:"toponyms"`
	Resolved      int     `json:"resolved"`
	Unresolved    int     `json:"unresolved"`
	Within161km   float64 `json:"acc_161km"`        // share of all toponyms
	CountryAcc    float64 `json:"country_accuracy"` // share of toponyms with a known gold country
	MedianErrorKm float64 `json:"median_error_km"`  // over resolved toponyms
	InReach       float64 `json:"in_reach_161km"`   // share placed within 161 km, or with a candidate there
	Reference     float64 `json:"mordecai3_161km"`  // published Mordecai 3 figure, 0 if none
	Misses        []Miss  `json:"-"`                // toponyms not placed within 161 km
}

// Miss is one gold toponym the gazetteer did not place within 161 km: what
// it chose (empty when nothing) and how far that is from the gold point.
type Miss struct {
	Doc      int     `json:"doc"`
	Name     string  `json:"name"`
	Context  string  `json:"context"`
	GoldLat  float64 `json:"gold_lat"`
	GoldLon  float64 `json:"gold_lon"`
	GoldCC   string  `json:"gold_country,omitempty"`
	Got      string  `json:"got,omitempty"`
	GotKind  string  `json:"got_kind,omitempty"`
	GotCC    string  `json:"got_country,omitempty"`
	GotAdmin string  `json:"got_admin1,omitempty"`
	Rule     string  `json:"rule,omitempty"`
	Km       float64 `json:"km,omitempty"`
}

// Evaluate resolves every gold toponym of docs with the document's context
// and scores it. keep selects documents by index (nil: all). The context
// comes from the gold toponym spans, or from the gazetteer's own scan of
// the text when scan is set (as when sitrep reads an article).
func Evaluate(g *gazetteer.Gazetteer, name string, docs []Document, keep func(i int) bool, scan bool) Result {
	res := Result{Name: name}
	var errs []float64
	hits, reach, countryN, countryOK := 0, 0, 0, 0
	for i, d := range docs {
		if keep != nil && !keep(i) {
			continue
		}
		ctx := documentContext(g, d, scan)
		for _, t := range d.Toponyms {
			res.Toponyms++
			goldCC := goldCountry(g, t)
			c := ctx
			c.Text, c.Offset, c.End = d.Text, t.Start, t.End
			m, ok := g.Resolve(t.Name, c)
			if !ok {
				if candidateNear(g, t) {
					reach++
				}
				if goldCC != "" {
					countryN++
				}
				res.Unresolved++
				res.Misses = append(res.Misses, Miss{Doc: i, Name: t.Name, Context: around(d.Text, t.Start, t.End),
					GoldLat: t.Lat, GoldLon: t.Lon, GoldCC: goldCC})
				continue
			}
			if t.Country == "" && m.Place.CountryCode == "" {
				goldCC = "" // a continent or ocean against a country read off the gold point: not scored
			}
			if goldCC != "" {
				countryN++
			}
			res.Resolved++
			km := gazetteer.Distance(t.Lat, t.Lon, m.Place.Lat, m.Place.Lon)
			errs = append(errs, km)
			if km <= 161 {
				hits++
				reach++
			} else {
				if candidateNear(g, t) {
					reach++
				}
				res.Misses = append(res.Misses, Miss{Doc: i, Name: t.Name, Context: around(d.Text, t.Start, t.End),
					GoldLat: t.Lat, GoldLon: t.Lon, GoldCC: goldCC, Got: m.Place.Name, GotKind: m.Place.Kind,
					GotCC: m.Place.CountryCode, GotAdmin: m.Place.Admin1, Rule: m.Rule, Km: math.Round(km)})
			}
			if goldCC != "" && goldCC == m.Place.CountryCode {
				countryOK++
			}
		}
	}
	if res.Toponyms > 0 {
		res.Within161km = round3(float64(hits) / float64(res.Toponyms))
		res.InReach = round3(float64(reach) / float64(res.Toponyms))
	}
	if countryN > 0 {
		res.CountryAcc = round3(float64(countryOK) / float64(countryN))
	}
	res.MedianErrorKm = math.Round(median(errs)*10) / 10
	return res
}

// candidateNear reports a reading of the toponym's name within 161 km of
// the gold point: what a perfect ranker over the gazetteer's candidates
// could reach, so that what is missing from the data shows apart from
// what is ranked wrong.
func candidateNear(g *gazetteer.Gazetteer, t Toponym) bool {
	for _, p := range g.Candidates(t.Name) {
		if gazetteer.Distance(t.Lat, t.Lon, p.Lat, p.Lon) <= 161 {
			return true
		}
	}
	return false
}

// around is the toponym with up to 60 bytes either side, on one line.
func around(text string, start, end int) string {
	lo, hi := max(0, start-60), min(len(text), end+60)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	s := text[lo:start] + "[" + text[start:end] + "]" + text[end:hi]
	return strings.Join(strings.Fields(s), " ")
}

func documentContext(g *gazetteer.Gazetteer, d Document, scan bool) gazetteer.Context {
	if scan {
		return g.DocContext(d.Text)
	}
	spans := make([][2]int, 0, len(d.Toponyms))
	for _, t := range d.Toponyms {
		spans = append(spans, [2]int{t.Start, t.End})
	}
	return g.SpanContext(d.Text, spans)
}

func goldCountry(g *gazetteer.Gazetteer, t Toponym) string {
	if t.Country != "" {
		if c, ok := g.Country(t.Country); ok {
			return c.Code
		}
	}
	if p, ok := g.Locate(t.Lat, t.Lon); ok {
		return p.CountryCode
	}
	return ""
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
