package server

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
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

// FuzzParseTrends: arbitrary query strings never panic the trends parser,
// and every refusal is the client's error.
func FuzzParseTrends(f *testing.F) {
	for _, s := range []string{"", "by=actor,admin1&all=1", "by=country&from=2024-01-01", "by=,,", "by=actor,actor", "all=2", "to=2024-01-01&from=2025-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		o, flt, err := parseTrends(q)
		if err != nil {
			if !errors.Is(err, incident.ErrInvalid) {
				t.Fatalf("error %v from %q is not ErrInvalid", err, raw)
			}
			return
		}
		if len(o.By) == 0 || (!flt.From.IsZero() && !flt.To.IsZero() && flt.To.Before(flt.From)) {
			t.Fatalf("accepted %+v from %q", o, raw)
		}
	})
}

// FuzzReadEdit: arbitrary bodies to the correction reader never panic and
// never yield a request with unknown fields accepted.
func FuzzReadEdit(f *testing.F) {
	for _, s := range []string{`{"field":"admin1","value":"x","why":"y"}`, `{"field":1}`, `{}{}`, `[`, `{"extra":true}`, ``} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		var req correctionRequest
		if err := readEdit(httptest.NewRecorder(), r, &req); err != nil {
			if status, _ := statusFor(err); status != http.StatusBadRequest && status != http.StatusRequestEntityTooLarge {
				t.Fatalf("status %d for %q", status, body)
			}
		}
	})
}
