package gazetteer

import (
	"math"
	"strings"
)

// entry is a gazetteer record with what ranking needs. Its strings are
// strRefs into the Gazetteer's string pool rather than string headers:
// hundreds of thousands of entries live as long as the gazetteer, and a
// record with no pointers is one the garbage collector never scans.
type entry struct {
	ID         int64
	Lat, Lon   float64
	Population int64

	Name, Kind, CountryCode, Country, Admin1Code, Admin1, Admin2Code, Admin2, Source strRef

	level int     // levelCountry .. levelFeature
	imp   float64 // importance prior, roughly log-population scaled
}

// strRef locates a string in a strPool.
type strRef struct {
	_      [0]func() // not comparable: compare the strings, not their places
	off, n uint32
}

// strPool holds the entries' strings back to back in one buffer.
type strPool struct {
	sb strings.Builder
	// last is, per entry field, the string interned last: consecutive
	// places mostly share their country, kind and source, so a compare
	// shares most repeats. (A map sharing every short string saved 3 MB
	// but made Load a quarter slower.) Load drops it.
	last [nFields]lastString
}

type lastString struct {
	s string
	r strRef
}

// nFields is how many string fields an entry has.
const nFields = 9

// internAt interns s as entry field f.
func (p *strPool) internAt(f int, s string) strRef {
	if l := &p.last[f]; l.s == s {
		return l.r
	}
	r := p.intern(s)
	p.last[f].s, p.last[f].r = s, r
	return r
}

func (p *strPool) intern(s string) strRef {
	if s == "" {
		return strRef{}
	}
	if p.sb.Len()+len(s) > math.MaxUint32 {
		panic("gazetteer: string pool overflow")
	}
	r := strRef{off: uint32(p.sb.Len()), n: uint32(len(s))}
	p.sb.WriteString(s)
	return r
}

// str returns the string r locates. Strings handed out stay valid as the
// pool grows: the builder never rewrites bytes it has written.
func (p *strPool) str(r strRef) string {
	return p.sb.String()[r.off : r.off+r.n]
}

// str returns the string r locates in the gazetteer's pool.
func (g *Gazetteer) str(r strRef) string { return g.pool.str(r) }

// newEntry packs p into a pooled entry.
func (g *Gazetteer) newEntry(p Place, level int, imp float64) entry {
	in := g.pool.internAt
	return entry{
		ID: p.ID, Lat: p.Lat, Lon: p.Lon, Population: p.Population,
		Name: in(0, p.Name), Kind: in(1, p.Kind), CountryCode: in(2, p.CountryCode), Country: in(3, p.Country),
		Admin1Code: in(4, p.Admin1Code), Admin1: in(5, p.Admin1), Admin2Code: in(6, p.Admin2Code), Admin2: in(7, p.Admin2),
		Source: in(8, p.Source), level: level, imp: imp,
	}
}

// placeOf unpacks entry e.
func (g *Gazetteer) placeOf(e *entry) Place {
	s := g.str
	return Place{
		ID: e.ID, Lat: e.Lat, Lon: e.Lon, Population: e.Population,
		Name: s(e.Name), Kind: s(e.Kind), CountryCode: s(e.CountryCode), Country: s(e.Country),
		Admin1Code: s(e.Admin1Code), Admin1: s(e.Admin1), Admin2Code: s(e.Admin2Code), Admin2: s(e.Admin2),
		Source: s(e.Source),
	}
}
