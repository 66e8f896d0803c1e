package merge

import (
	"strconv"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// A store that merges at ingest compares a new report with every cluster in
// its (country, region, dates) block. In a dense store that is hundreds of
// clusters, and decoding each one's merged incident costs more than the
// test. A sketch is what the same-event test reads of an incident — date
// window, place, type, sides — in a compact text the store keeps beside
// each cluster; Probe.MayJoin runs the test on it. The one thing a sketch
// leaves out is the articles an incident comes from, so MayJoin can only
// say yes more often than Join: every cluster Join could pick passes it.

// SketchVersion starts every sketch. MayJoin takes a sketch of another
// version as "may join", and a store re-sketches its clusters when the
// version it last sketched with differs. Bump it whenever what Sketch
// writes for an incident changes (its fields, or how newReport folds
// them): TestSketchPinned fails until then.
const SketchVersion = "s1"

// Sketch encodes what the same-event test reads of in, except its articles.
func Sketch(in *incident.Incident) string {
	r := newReport(in, 0)
	var b strings.Builder
	b.WriteString(SketchVersion)
	num := func(v int) { put(&b, strconv.Itoa(v)) }
	flag := func(v bool) {
		if v {
			put(&b, "1")
		} else {
			put(&b, "")
		}
	}
	num(r.lo)
	num(r.hi)
	flag(r.dated)
	for _, s := range []string{r.country, r.admin1, r.admin2, r.location} {
		put(&b, s)
	}
	put(&b, strconv.FormatFloat(r.lat, 'g', -1, 64))
	put(&b, strconv.FormatFloat(r.lon, 'g', -1, 64))
	flag(r.hasPoint)
	num(r.geo)
	for _, s := range []string{r.group, r.evType, r.subType} {
		put(&b, s)
	}
	for _, sl := range r.slots {
		put(&b, sl.name)
		num(len(sl.assoc))
		for _, a := range sl.assoc {
			put(&b, a)
		}
	}
	return b.String()
}

// put appends one field as its length, a colon and its bytes, so any
// text, separators included, comes back unchanged.
func put(b *strings.Builder, s string) {
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(len(s)))
	b.WriteByte(':')
	b.WriteString(s)
}

// sketchReader reads the fields put wrote; after the first malformed
// field ok is false and every later read returns zero values.
type sketchReader struct {
	s  string
	ok bool
}

func (r *sketchReader) str() string {
	if !r.ok || len(r.s) == 0 || r.s[0] != '|' {
		r.ok = false
		return ""
	}
	colon := strings.IndexByte(r.s, ':')
	if colon < 0 {
		r.ok = false
		return ""
	}
	n, err := strconv.Atoi(r.s[1:colon])
	if err != nil || n < 0 || n > len(r.s)-colon-1 {
		r.ok = false
		return ""
	}
	v := r.s[colon+1 : colon+1+n]
	r.s = r.s[colon+1+n:]
	return v
}

func (r *sketchReader) num() int {
	s := r.str()
	if !r.ok {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		r.ok = false
	}
	return v
}

func (r *sketchReader) float() float64 {
	s := r.str()
	if !r.ok {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		r.ok = false
	}
	return v
}

func (r *sketchReader) flag() bool { return r.str() != "" }

// decodeSketch rebuilds the report a sketch was made from, without its
// articles; ok is false when s is not a sketch of this version.
func decodeSketch(s string) (report, bool) {
	var out report
	rest, found := strings.CutPrefix(s, SketchVersion)
	if !found {
		return out, false
	}
	r := &sketchReader{s: rest, ok: true}
	out.lo, out.hi, out.dated = r.num(), r.num(), r.flag()
	out.country, out.admin1, out.admin2, out.location = r.str(), r.str(), r.str(), r.str()
	out.lat, out.lon, out.hasPoint = r.float(), r.float(), r.flag()
	out.geo = r.num()
	out.group, out.evType, out.subType = r.str(), r.str(), r.str()
	for k := range out.slots {
		out.slots[k].name = r.str()
		n := r.num()
		if n < 0 || n > len(r.s) { // each entry takes at least 3 bytes
			return out, false
		}
		for range n {
			out.slots[k].assoc = append(out.slots[k].assoc, r.str())
		}
	}
	return out, r.ok && r.s == ""
}

// Probe is a new report prepared to be tried against many sketches.
type Probe struct {
	o Options
	r report
}

// Probe prepares in for MayJoin.
func (o Options) Probe(in *incident.Incident) *Probe {
	return &Probe{o: o, r: newReport(in, 1<<30)}
}

// MayJoin reports whether the report could be the same event as the
// incident sketched: the same-event test Join applies, except that a
// sketch carries no articles, so the test that the two come from
// different articles is left to Join. A sketch that does not decode may
// join: the caller then reads the incident itself.
func (p *Probe) MayJoin(sketch string) bool {
	c, ok := decodeSketch(sketch)
	if !ok {
		return true
	}
	ok, _ = p.o.sameEvent(&p.r, &c)
	return ok
}

// TypeGroup is the family of event types a report's type belongs to
// ("" when unknown): two reports of different families never merge, so a
// store can rule clusters out by it before reading their sketches.
func TypeGroup(in *incident.Incident) string { return typeGroup(in.EventType, in.SubEventType) }
