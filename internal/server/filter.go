package server

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// filterParams are the query parameters parseFilter understands, named as
// in ACLED's API where ACLED has a name for them.
var filterParams = []string{
	"from", "to", "country", "admin1", "actor", "event_type", "sub_event_type",
	"min_fatalities", "bbox", "q", "sort", "cursor", "limit",
}

// sorts are the orders the store supports.
var sorts = []string{"event_date", "-event_date", "fatalities", "-fatalities"}

// maxParamLen bounds one query value; nothing legitimate is longer.
const maxParamLen = 512

func invalidf(format string, args ...any) error {
	return fmt.Errorf(format+": %w", append(args, incident.ErrInvalid)...)
}

// ParseFilter turns query parameters into a Filter. extra names parameters
// the caller handles itself; any other unknown parameter is an error, so a
// misspelt filter is reported instead of silently ignored.
func ParseFilter(q url.Values, extra ...string) (incident.Filter, error) {
	var f incident.Filter
	if err := checkParams(q, extra); err != nil {
		return f, err
	}
	var err error
	if f.From, err = parseDate(q, "from"); err != nil {
		return f, err
	}
	if f.To, err = parseDate(q, "to"); err != nil {
		return f, err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, invalidf("to (%s) is before from (%s)", q.Get("to"), q.Get("from"))
	}
	f.Country, f.Admin1, f.Actor = q.Get("country"), q.Get("admin1"), q.Get("actor")
	f.EventType, f.SubEventType = q.Get("event_type"), q.Get("sub_event_type")
	f.Text, f.Cursor = strings.TrimSpace(q.Get("q")), q.Get("cursor")
	if f.MinFatalities, err = parseInt(q, "min_fatalities", 0, 0, 1<<30); err != nil {
		return f, err
	}
	if f.Limit, err = parseInt(q, "limit", DefaultPageSize, 1, MaxPageSize); err != nil {
		return f, err
	}
	if f.BBox, err = parseBBox(q.Get("bbox")); err != nil {
		return f, err
	}
	if f.Sort = q.Get("sort"); f.Sort != "" && !slices.Contains(sorts, f.Sort) {
		return f, invalidf("sort %q: want one of %s", f.Sort, strings.Join(sorts, ", "))
	}
	return f, nil
}

func checkParams(q url.Values, extra []string) error {
	var unknown []string
	for k, vs := range q {
		if !slices.Contains(filterParams, k) && !slices.Contains(extra, k) {
			unknown = append(unknown, k)
			continue
		}
		if len(vs) > 1 {
			return invalidf("parameter %s given %d times", k, len(vs))
		}
		if len(vs[0]) > maxParamLen {
			return invalidf("parameter %s is longer than %d bytes", k, maxParamLen)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		known := append(slices.Clone(filterParams), extra...)
		return invalidf("unknown parameter %s (known: %s)", strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	return nil
}

func parseDate(q url.Values, name string) (time.Time, error) {
	v := q.Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, invalidf("%s %q: want a date as YYYY-MM-DD", name, v)
	}
	return t, nil
}

func parseInt(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, invalidf("%s %q: want a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// parseBBox reads "minLon,minLat,maxLon,maxLat" in WGS84 degrees.
func parseBBox(v string) (*incident.BBox, error) {
	if v == "" {
		return nil, nil
	}
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return nil, invalidf("bbox %q: want minLon,minLat,maxLon,maxLat", v)
	}
	var n [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) {
			return nil, invalidf("bbox %q: %q is not a number", v, p)
		}
		n[i] = f
	}
	b := &incident.BBox{MinLon: n[0], MinLat: n[1], MaxLon: n[2], MaxLat: n[3]}
	switch {
	case b.MinLon < -180 || b.MaxLon > 180 || b.MinLat < -90 || b.MaxLat > 90:
		return nil, invalidf("bbox %q: outside -180..180, -90..90", v)
	case b.MinLon > b.MaxLon || b.MinLat > b.MaxLat:
		return nil, invalidf("bbox %q: minimum above maximum", v)
	}
	return b, nil
}
