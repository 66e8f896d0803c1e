package server

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzParseFilter feeds arbitrary query strings to the filter parser: it
// must never panic, and whatever it accepts must be within bounds.
func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{
		"", "from=2024-01-01&to=2024-02-01", "bbox=-10,-10,10,10", "limit=1000&sort=-fatalities",
		"min_fatalities=3&q=ambush", "bbox=NaN,1,2,3", "limit=-1", "from=2024-02-30", "%zz", "country=%00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		flt, err := ParseFilter(q)
		if err != nil {
			return
		}
		if flt.Limit < 1 || flt.Limit > MaxPageSize || flt.MinFatalities < 0 {
			t.Fatalf("accepted out-of-range filter %+v from %q", flt, raw)
		}
		if b := flt.BBox; b != nil && (b.MinLon > b.MaxLon || b.MinLat > b.MaxLat || b.MinLon < -180 || b.MaxLat > 90) {
			t.Fatalf("accepted bad bbox %+v from %q", *b, raw)
		}
		if !flt.From.IsZero() && !flt.To.IsZero() && flt.To.Before(flt.From) {
			t.Fatalf("accepted reversed dates from %q", raw)
		}
	})
}

// FuzzReadIngestRequest feeds arbitrary bodies and content types to the
// request reader: no panic, and an accepted request has exactly one input.
func FuzzReadIngestRequest(f *testing.F) {
	f.Add(`{"text":"Troops clashed with rebels."}`, "application/json")
	f.Add(`{"url":"https://example.org/a"}`, "application/json; charset=utf-8")
	f.Add(`<p>Protest in the capital</p>`, "text/html")
	f.Add(`{"text":"a","html":"b"}`, "application/json")
	f.Add(`plain words`, "text/plain")
	f.Add(`{`, "application/json")
	f.Fuzz(func(t *testing.T, body, ctype string) {
		req, err := readIngestRequest(strings.NewReader(body), ctype)
		if err != nil {
			return
		}
		n := 0
		for _, v := range []string{req.Text, req.HTML, req.URL} {
			if strings.TrimSpace(v) != "" {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("accepted %+v with %d inputs", req, n)
		}
	})
}
