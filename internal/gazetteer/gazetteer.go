package gazetteer

import (
	"embed"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ./gen
//go:generate go run ./gen/words

//go:embed data/gazetteer.tsv.zst data/admin1.tsv.gz data/*.tsv data/*.txt
var dataFS embed.FS

// CountryInfo is one country as the extractor codes it.
type CountryInfo struct {
	Code       string  `json:"code"` // ISO 3166-1 alpha-2
	Name       string  `json:"name"`
	ISONumeric int     `json:"iso_numeric"`
	Region     string  `json:"region"` // ACLED region, e.g. "Middle East", "Western Africa"
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
}

// Context is what the rest of a document says about where it is: the
// countries and first-level regions it names, and optionally the whole text
// and the offset of the name being resolved so qualifiers ("Karbala, Iraq",
// "in Salahuddin province") can be read.
type Context struct {
	Countries []string // alpha-2 codes seen in the document
	Admin1    []string // admin-1 codes ("IQ.18") or names seen in the document
	Text      string   // the whole document, optional
	Offset    int      // byte offset of the name in Text
	End       int      // byte end of the name in Text (0: Offset+len(name))

	agg *docAgg // set by DocContext: lets Resolve leave a name's own mentions out
}

const (
	levelCountry = iota
	levelAdmin1
	levelAdmin2
	levelPlace
	levelFeature
)

// Gazetteer is the loaded world gazetteer. It is read-only after Load and
// safe for concurrent use.
type Gazetteer struct {
	entries   []entry
	pool      strPool             // the entries' strings
	keys      keyTable            // sorted normal forms from the data file and their entries
	keyIx     keyIndex            // hash index over keys
	extraKeys []string            // the keys of extra, sorted
	extra     map[string][]int32  // keys added at load (curated, aliases)
	countries map[string]*country // by alpha-2
	admin1    map[string]int32    // "IQ.18" -> entry
	admin2    map[string]int32    // "IQ.11.93817" -> entry
	words     wordLists
	w         Weights
	// aliasFolds holds the alias-table spellings of an entry, which count
	// as exact spellings.
	aliasFolds map[int32][]string
	// seats are the normal forms of seat-of-government names (see Seat).
	seats map[string]bool
	// hamlets are the one-word post-office towns no key reads, by their
	// normal form (see resolveHamlet).
	hamlets map[string][]int32
	// abbrevFrom is the first of the abbreviation copies (see
	// loadAbbreviations), which Load adds last but for the hamlets: no
	// entry from there on is indexed under its own name.
	abbrevFrom int32
	// countryPoints overrides country centre points while loading.
	countryPoints map[string][2]string
	maxTokens     int

	// scratch pools scan working memory across documents (see scanScratch).
	scratch sync.Pool

	boundsOnce sync.Once
	bounds     *boundaryIndex
	boundsErr  error
}

type country struct {
	info     CountryInfo
	entry    int32
	code3    string
	demonyms []string
	borders  []string // alpha-2 codes of neighbouring countries
}

// Load parses the embedded gazetteer. Boundaries for Locate are parsed on
// first use.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{
		extra:      map[string][]int32{},
		w:          DefaultWeights(),
		aliasFolds: map[int32][]string{},
		seats:      map[string]bool{},
		countries:  map[string]*country{},
		admin1:     map[string]int32{},
		admin2:     map[string]int32{},
	}
	if err := g.loadWords(); err != nil {
		return nil, err
	}
	if err := g.loadMain(); err != nil {
		return nil, err
	}
	if err := g.loadFeatures(); err != nil {
		return nil, err
	}
	if err := g.loadAliases(); err != nil {
		return nil, err
	}
	if err := g.loadAbbreviations(); err != nil {
		return nil, err
	}
	if err := g.loadPostalHamlets(); err != nil {
		return nil, err
	}
	if err := g.loadFirstNames(); err != nil {
		return nil, err
	}
	for k := range g.extra {
		g.extraKeys = append(g.extraKeys, k)
	}
	sort.Strings(g.extraKeys)
	g.pool.last = [nFields]lastString{} // it points into the data files
	return g, nil
}

// Country looks a country up by alpha-2 code, alpha-3 code, name, alias or
// demonym ("IQ", "IRQ", "Iraq", "Iraqi").
func (g *Gazetteer) Country(code string) (CountryInfo, bool) {
	if len(code) == 2 {
		if c, ok := g.countries[upper(code)]; ok {
			return c.info, true
		}
	}
	if len(code) == 3 {
		for _, c := range g.countries {
			if c.code3 == upper(code) {
				return c.info, true
			}
		}
	}
	for _, i := range g.lookup(Normalize(code)) {
		if e := &g.entries[i]; e.level == levelCountry {
			return g.countries[g.str(e.CountryCode)].info, true
		}
	}
	return CountryInfo{}, false
}

// Region finds a first- or second-level region of a country by any of its
// spellings (Salahuddin, Salah ad Din, Saladin) or by its code ("IQ.18").
func (g *Gazetteer) Region(countryCode, name string) (Place, bool) {
	if i, ok := g.admin1[name]; ok {
		return g.place(i), true
	}
	if i, ok := g.admin2[name]; ok {
		return g.place(i), true
	}
	cc := upper(countryCode)
	best, bestImp := int32(-1), math.Inf(-1)
	for _, i := range g.lookup(Normalize(name)) {
		e := &g.entries[i]
		if (e.level != levelAdmin1 && e.level != levelAdmin2) || (cc != "" && g.str(e.CountryCode) != cc) {
			continue
		}
		imp := e.imp
		if e.level == levelAdmin1 {
			imp += 10
		}
		if imp > bestImp {
			best, bestImp = i, imp
		}
	}
	if best < 0 {
		return Place{}, false
	}
	return g.place(best), true
}

// Candidates returns every place a name can mean before any document is
// read: the readings Resolve ranks, in the gazetteer's order.
func (g *Gazetteer) Candidates(name string) []Place {
	cands := g.lookup(Normalize(name))
	out := make([]Place, len(cands))
	for k, i := range cands {
		out[k] = g.place(i)
	}
	return out
}

// Places reports how many entries the gazetteer holds.
func (g *Gazetteer) Places() int { return len(g.entries) }

func upper(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' }) {
		return s // already upper case: no copy
	}
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func (g *Gazetteer) add(p Place, level int, imp float64, names ...string) int32 {
	idx := int32(len(g.entries))
	g.entries = append(g.entries, g.newEntry(p, level, imp))
	seen := map[string]bool{}
	for _, n := range names {
		k := Normalize(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		g.extra[k] = append(g.extra[k], idx)
	}
	return idx
}

// hasKeyPrefix reports whether some key begins with p.
func (g *Gazetteer) hasKeyPrefix(p string) bool {
	for range g.keysWithPrefix(p) {
		return true
	}
	return false
}

// lookup returns the entries indexed under a normal form.
func (g *Gazetteer) lookup(key string) []int32 {
	var out []int32
	if i := g.keyIx.find(&g.keys, key); i >= 0 {
		out = parseList(g.keys.list(i), make([]int32, 0, 4))
	}
	if x := g.extra[key]; len(x) > 0 {
		for _, idx := range x {
			if !containsIdx(out, idx) {
				out = append(out, idx)
			}
		}
	}
	return out
}

func parseList(s string, dst []int32) []int32 {
	n, any := int32(0), false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ',' {
			if any {
				dst = append(dst, n)
			}
			n, any = 0, false
			continue
		}
		if c >= '0' && c <= '9' {
			n = n*10 + int32(c-'0')
			any = true
		}
	}
	if any {
		dst = append(dst, n)
	}
	return dst
}

func parseErr(file string, line int, err error) error {
	return fmt.Errorf("gazetteer: %s line %d: %w", file, line, err)
}
