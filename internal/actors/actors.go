// Package actors holds sitrep's actor dictionary: the armed groups, state
// forces and civilian kinds that conflict reports name, each with its
// aliases, ACLED inter code and home country. The dictionary is data
// (data/actors.tsv, data/demonyms.tsv) embedded in the binary, so adding a
// group or a spelling is an edit to a table, not to code.
package actors

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Kinds of actor, coarser than ACLED's inter codes where the extractor
// needs it (police and military are both inter 1).
const (
	KindState        = "state"
	KindPolice       = "police"
	KindRebel        = "rebel"
	KindMilitia      = "militia"
	KindIdentity     = "identity"
	KindExternal     = "external"
	KindCivilians    = "civilians"
	KindUnidentified = "unidentified"
	KindProtesters   = "protesters"
	KindRioters      = "rioters"
)

// countryPlaceholder marks where a generic actor's name takes its country.
const countryPlaceholder = "{country}"

// Actor is one canonical actor.
type Actor struct {
	Name    string `json:"name"`
	Inter   int    `json:"inter"`
	Kind    string `json:"kind"`
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2; "" when unknown or transnational
	Generic bool   `json:"generic,omitempty"` // the name still waits for a country
}

// Armed reports whether the actor carries arms as an organisation: state
// forces, rebels, militias and external forces (not civilians, protesters
// or rioters).
func (a Actor) Armed() bool {
	switch a.Kind {
	case KindCivilians, KindProtesters, KindRioters, "":
		return false
	}
	return true
}

// State reports whether the actor is a state force (military, police).
func (a Actor) State() bool { return a.Kind == KindState || a.Kind == KindPolice }

// In fills a generic actor's country: "Military Forces of {country}" in
// Iraq becomes "Military Forces of Iraq". With no country name the
// placeholder is dropped ("Civilians"). Named actors are returned as they are.
func (a Actor) In(code, country string) Actor {
	if !a.Generic {
		return a
	}
	if country == "" {
		a.Name = strings.TrimSpace(strings.NewReplacer(" of "+countryPlaceholder, "", " ("+countryPlaceholder+")", "", countryPlaceholder, "").Replace(a.Name))
		return a
	}
	a.Name = strings.ReplaceAll(a.Name, countryPlaceholder, country)
	a.Country = code
	a.Generic = false
	return a
}

// Mention is an actor named in a text.
type Mention struct {
	Start int    `json:"start"` // byte offsets into the text searched
	End   int    `json:"end"`
	Text  string `json:"text"`
	Actor Actor  `json:"actor"`
	Weak  bool   `json:"weak,omitempty"` // matched by a weak alias ("people")
}

// entry is one alias in the index.
type entry struct {
	tokens []string // folded tokens, or exact tokens when caseSensitive
	exact  bool
	weak   bool
	actor  Actor
}

// node is one step of the alias trie, keyed by lower-case tokens.
type node struct {
	next map[string]*node
	ents []entry // aliases that end here
}

func (n *node) child(tok string) *node {
	if n.next == nil {
		n.next = map[string]*node{}
	}
	c := n.next[tok]
	if c == nil {
		c = &node{}
		n.next[tok] = c
	}
	return c
}

// Dictionary finds actor mentions in text. It is read-only after Load and
// safe for concurrent use.
type Dictionary struct {
	root      *node
	byName    map[string]Actor
	countries map[string]string // ISO alpha-2 -> the country's name in actor names
	succ      map[string]succession
	rootSigs  []uint64 // signatures of the words that begin an alias (see mayBegin)
}

// succession is a change of an actor's coding from a date on (the Taliban
// became Afghanistan's state forces on 15 August 2021).
type succession struct {
	from time.Time
	to   Actor
}

// Load reads the embedded dictionary.
func Load() (*Dictionary, error) {
	a, err := dataFS.Open("data/actors.tsv")
	if err != nil {
		return nil, fmt.Errorf("actors: open data: %w", err)
	}
	defer a.Close()
	d, err := dataFS.Open("data/demonyms.tsv")
	if err != nil {
		return nil, fmt.Errorf("actors: open demonyms: %w", err)
	}
	defer d.Close()
	dict, err := Parse(a, d)
	if err != nil {
		return nil, err
	}
	sf, err := dataFS.Open("data/successions.tsv")
	if err != nil {
		return nil, fmt.Errorf("actors: open successions: %w", err)
	}
	defer sf.Close()
	if err := dict.readSuccessions(sf); err != nil {
		return nil, err
	}
	return dict, nil
}

// readSuccessions reads a succession table in the format of the embedded
// data/successions.tsv.
func (d *Dictionary) readSuccessions(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 6 {
			return fmt.Errorf("actors: successions line %d: want 6 fields", n)
		}
		from, err := time.Parse("2006-01-02", f[1])
		if err != nil {
			return fmt.Errorf("actors: successions line %d: %w", n, err)
		}
		inter, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("actors: successions line %d: bad inter %q", n, f[3])
		}
		d.succ[f[0]] = succession{from: from, to: Actor{Name: f[2], Inter: inter, Kind: f[4], Country: f[5]}}
	}
	return sc.Err()
}

// AsOf codes an actor as of a date: an actor that changed coding (see
// data/successions.tsv) is its successor on and after the change. A zero
// date leaves the actor as named.
func (d *Dictionary) AsOf(a Actor, t time.Time) Actor {
	s, ok := d.succ[a.Name]
	if !ok || t.IsZero() || t.Before(s.from) {
		return a
	}
	return s.to
}

// demonym is a nationality word and the country it names.
type demonym struct{ word, code, country string }

// Parse builds a dictionary from an actor table and a demonym table in the
// format of the embedded files.
func Parse(actorTable, demonymTable io.Reader) (*Dictionary, error) {
	dems, err := parseDemonyms(demonymTable)
	if err != nil {
		return nil, err
	}
	dict := &Dictionary{root: &node{}, byName: map[string]Actor{}, countries: map[string]string{}, succ: map[string]succession{}}
	for _, dm := range dems {
		if _, ok := dict.countries[dm.code]; !ok {
			dict.countries[dm.code] = dm.country
		}
	}
	sc := bufio.NewScanner(actorTable)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if err := dict.addLine(text, dems); err != nil {
			return nil, fmt.Errorf("actors: line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("actors: read table: %w", err)
	}
	dict.indexFirstWords()
	return dict, nil
}

func parseDemonyms(r io.Reader) ([]demonym, error) {
	var out []demonym
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("actors: demonym line %q: want 3 fields", text)
		}
		out = append(out, demonym{f[0], f[1], f[2]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("actors: read demonyms: %w", err)
	}
	return out, nil
}

func (d *Dictionary) addLine(text string, dems []demonym) error {
	f := strings.Split(text, "\t")
	if len(f) != 6 {
		return fmt.Errorf("want 6 tab-separated fields, got %d", len(f))
	}
	inter, err := strconv.Atoi(f[1])
	if err != nil || inter < 1 || inter > 8 {
		return fmt.Errorf("bad inter code %q", f[1])
	}
	flags := strings.Split(f[4], ",")
	a := Actor{Name: f[0], Inter: inter, Kind: f[2], Country: f[3], Generic: has(flags, "generic")}
	if a.Generic != strings.Contains(a.Name, countryPlaceholder) {
		return fmt.Errorf("actor %q: generic flag and {country} placeholder disagree", a.Name)
	}
	weak, qualified := has(flags, "weak"), has(flags, "qualified")
	if !weak && !qualified {
		d.byName[strings.ToLower(a.In("", "").Name)] = a
	}
	for _, alias := range strings.Split(f[5], "|") {
		if alias = strings.TrimSpace(alias); alias == "" {
			continue
		}
		if !qualified {
			d.add(alias, a, weak)
		}
		if !a.Generic {
			continue
		}
		for _, dm := range dems {
			d.add(dm.word+" "+alias, a.In(dm.code, dm.country), weak)
		}
	}
	return nil
}

func (d *Dictionary) add(alias string, a Actor, weak bool) {
	exact := caseSensitive(alias)
	var toks []string
	for _, t := range tokenize(alias) {
		w := alias[t.start:t.end]
		if !exact {
			w = strings.ToLower(w)
		}
		toks = append(toks, w)
	}
	if len(toks) == 0 {
		return
	}
	n := d.root
	for _, t := range toks {
		n = n.child(strings.ToLower(t))
	}
	n.ents = append(n.ents, entry{tokens: toks, exact: exact, weak: weak, actor: a})
}

// caseSensitive reports whether an alias is an acronym that must match in
// its own case: one word, short, with a capital after the first letter
// (IS, ISIS, PMF, LeT), so that "is" and "let" never match.
func caseSensitive(alias string) bool {
	if strings.ContainsAny(alias, " ") || len(alias) > 7 {
		return false
	}
	for i, r := range alias {
		if i > 0 && r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return len(alias) <= 2 && strings.ToUpper(alias) == alias
}

func has(list []string, s string) bool {
	for _, x := range list {
		if strings.TrimSpace(x) == s {
			return true
		}
	}
	return false
}

// CountryName is the name a country takes in actor names ("Democratic
// Republic of Congo" for CD), or "" when the table does not know it.
func (d *Dictionary) CountryName(code string) string { return d.countries[code] }

// Lookup finds an actor by its canonical name, case-insensitively; generic
// actors are found by their name without a country ("Civilians").
func (d *Dictionary) Lookup(name string) (Actor, bool) {
	a, ok := d.byName[strings.ToLower(strings.TrimSpace(name))]
	return a, ok
}
