package gazetteer

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the readings Resolve falls back on for names the
// gazetteer lacks or reads only through a part: a place inside the name,
// the document's focus, a demonym's stem.

// resolveInside resolves a name the gazetteer lacks ("Colorado State
// University", "Dubai World Cup") by the longest place name inside it, at
// precision 2 at best: the thing named is in or near that place.
func (g *Gazetteer) resolveInside(name string, hint Context) (Mention, bool) {
	if long, region, ok := spellOut(name); ok && len(g.lookup(Normalize(long))) > 0 {
		if m, ok := g.Resolve(long, hint); ok && (!region || strings.HasPrefix(m.Place.Kind, "A.")) {
			m.Text = name
			m.Rule += "+spelled-out"
			return m, true
		}
	}
	if m, ok := g.resolveAnchored(name, hint); ok {
		return m, true
	}
	toks, _ := tokenize(name)
	if len(toks) < 2 || len(toks) > 12 {
		return Mention{}, false // a sentence is not a name
	}
	for n := len(toks) - 1; n >= 1; n-- {
		var best Mention
		found, bestImp := false, math.Inf(-1)
		for i := 0; i+n <= len(toks); i++ {
			sub := name[toks[i].start:toks[i+n-1].end]
			if g.genericSpan(toks[i : i+n]) {
				continue
			}
			if len(g.lookup(Normalize(sub))) == 0 {
				continue
			}
			h := hint
			h.Offset, h.End = hint.Offset+toks[i].start, hint.Offset+toks[i+n-1].end
			if n == 1 && featureHeads[toks[i].lower] {
				continue // "Islands" in "Aleutian Islands" says what, not where
			}
			m, ok := g.Resolve(sub, h)
			if !ok || !g.spelledReading(sub, m.Place.ID) {
				continue
			}
			// of two parts as long, the better-known place: "Nazi Germany"
			// is Germany, not a village that spells like "Nazi"
			if imp := placeWeight(m.Place); imp > bestImp {
				best, bestImp, found = m, imp, true
			}
		}
		if found {
			m := best
			m.Start, m.End, m.Text = hint.Offset, hint.Offset+len(name), name
			m.Precision = max(m.Precision, 2)
			m.Score = math.Round(m.Score*50) / 100
			m.Rule += "+inside-name"
			return m, true
		}
	}
	return Mention{}, false
}

// resolveFocus places a name the gazetteer lacks altogether ("Barclays
// Center", a hamlet, a district) at the document's focus: the town it
// names most, else its most named region, else its most named country.
// The thing named is most likely there or near; the low score and
// precision 2 at best say it is a guess.
func (g *Gazetteer) resolveFocus(name, key string, hint Context) (Mention, bool) {
	ms := hint.agg.mentionsFor(g, hint.Text)
	if m, ok := g.resolveHamlet(name, key, hint, ms); ok {
		return m, true
	}
	end := hint.End
	if end == 0 {
		end = hint.Offset + len(name)
	}
	ms = outside(ms, hint.Offset, end)
	p, ok := g.focusPlace(ms, key, mainCountry(ms, key))
	if !ok {
		return Mention{}, false
	}
	prec := 2
	if p.Kind == "A.PCLI" || p.Kind == "A.ADM1" {
		prec = 3
	}
	return Mention{Start: hint.Offset, End: end, Text: name, Place: p, Precision: prec,
		Score: 0.2, Rule: "gazetteer:doc-focus"}, true
}

// placeWeight ranks readings of different parts of a name: countries, then
// regions, then towns by population.
func placeWeight(p Place) float64 {
	switch p.Kind {
	case "A.PCLI":
		return 12
	case "A.ADM1":
		return 9
	}
	return placeImportance(strings.TrimPrefix(p.Kind, "P."), p.Population)
}

// demonymEndings are the endings an adjective of a country or region adds
// to its name ("Korean", "Sicilian", "Dagestani").
var demonymEndings = []string{"ians", "ian", "ans", "an", "ese", "ish", "i"}

// resolveStem reads a single word the gazetteer lacks as an adjective of a
// country or first-level region whose name begins with its stem ("Korean":
// Korea; "Sicilian": Sicilia; "Ohioans": Ohio), at region precision.
func (g *Gazetteer) resolveStem(name, key string, hint Context) (Mention, bool) {
	if strings.ContainsRune(strings.TrimSpace(name), ' ') || len(key) < 6 {
		return Mention{}, false
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		return Mention{}, false
	}
	for _, end := range demonymEndings {
		stem, ok := strings.CutSuffix(key, end)
		if !ok || len(stem) < 4 {
			continue
		}
		var cands []int32
		for k := range g.keysWithPrefix(stem) {
			if len(cands) >= 16 {
				break
			}
			for _, c := range g.lookup(k) {
				if e := &g.entries[c]; e.level <= levelAdmin1 && !containsIdx(cands, c) {
					cands = append(cands, c)
				}
			}
		}
		if len(cands) == 0 {
			continue
		}
		st := g.newResolveState(hint, key)
		best, margin, ok := g.rank(cands, make([]uint8, len(cands)), st, hintNone, nil)
		if !ok {
			continue
		}
		end := hint.End
		if end == 0 {
			end = hint.Offset + len(name)
		}
		return Mention{Start: hint.Offset, End: end, Text: name, Place: g.place(best.idx), Precision: 3,
			Score: math.Round(confidence(margin, len(cands))*50) / 100, Rule: "gazetteer:stem"}, true
	}
	return Mention{}, false
}

// focusFarKm is how far from the document's focus a small town read inside
// a longer name may lie before the focus is the better guess.
const focusFarKm = 161

// facilityName reports a name whose last word makes it a building, street
// or facility ("Windsor Castle", "Oval Office").
func (g *Gazetteer) facilityName(name string) bool {
	ws := wordsBefore(name, len(name), 1)
	return len(ws) == 1 && g.words.facility[ws[0]] && strings.ContainsRune(strings.TrimSpace(name), ' ')
}

// preferFocus replaces a reading taken from a part of a longer name
// ("Windsor Castle" read as Windsor, Ontario, in a story about England) by
// the document's focus when the reading lies in a country the rest of the
// document does not name, or is a small town far from the focus ("West
// Wing" read as Wing, a village): the building is where the story is.
func (g *Gazetteer) preferFocus(m Mention, key string, hint Context) Mention {
	if strings.HasSuffix(m.Rule, "+anchored") {
		return m // the text says where it is
	}
	st := g.newResolveState(hint, key)
	f, ok := g.resolveFocus(m.Text, key, hint)
	if !ok {
		return m
	}
	smallFar := m.Place.Kind != "A.PCLI" && m.Place.Kind != "A.ADM1" && m.Place.Kind != "A.ADM2" &&
		m.Place.Population < remoteBigPop && Distance(f.Place.Lat, f.Place.Lon, m.Place.Lat, m.Place.Lon) > focusFarKm
	if m.Place.CountryCode != "" && st.countries.has(m.Place.CountryCode) && !smallFar {
		return m
	}
	f.Start, f.End = m.Start, m.End
	return f
}

// spelledReading reports that part, a piece of a longer name, spells the
// place id as its name or an alias. resolveInside asks it of counties,
// which the gazetteer also finds by their names without "County": "Hood"
// inside "Mount Hood" is no reading of Hood County, Texas.
func (g *Gazetteer) spelledReading(part string, id int64) bool {
	fold := foldSimple(part)
	for _, i := range g.lookup(Normalize(part)) {
		if g.entries[i].ID == id {
			return g.spelledAs(i, fold)
		}
	}
	return false
}

// featureHeads are the words that say what kind of natural feature or
// landform a name is ("Aleutian Islands", "Lake Vermont", "Neches River").
// Alone, inside a longer name, such a word is no place, even where a
// district happens to bear it (Islands, a district of Hong Kong).
var featureHeads = map[string]bool{
	"island": true, "islands": true, "isle": true, "isles": true, "lake": true, "lakes": true,
	"river": true, "creek": true, "bay": true, "gulf": true, "sound": true, "falls": true,
	"valley": true, "mountain": true, "mountains": true, "mount": true, "hills": true, "hill": true,
	"peninsula": true, "strait": true, "straits": true, "sea": true, "ocean": true, "desert": true,
	"plateau": true, "canyon": true, "forest": true, "reservoir": true, "harbor": true, "harbour": true,
	"cape": true, "coast": true, "glacier": true, "basin": true, "delta": true, "channel": true,
}

// outside returns the mentions of ms that do not overlap the bytes
// [start, end): a word read inside the unknown name itself ("Islands" in
// "Tellwether Islands") says nothing of where the rest of the story is.
// ms is copied only when something must go.
func outside(ms []Mention, start, end int) []Mention {
	for i, m := range ms {
		if m.Start < end && m.End > start {
			out := append([]Mention(nil), ms[:i]...)
			for _, m := range ms[i+1:] {
				if m.Start >= end || m.End <= start {
					out = append(out, m)
				}
			}
			return out
		}
	}
	return ms
}

// shortTypeWords are the abbreviations of a type word that local news
// puts after a name ("Platte Co.", "Madison Twp.") and the word each
// stands for.
var shortTypeWords = map[string]string{
	"co": "County", "cnty": "County", "cty": "County", "twp": "Township", "twsp": "Township",
	"par": "Parish", "mtns": "Mountains", "mts": "Mountains",
}

// shortPrefixes are the abbreviations that open a name ("Mt. Hood", "Ft.
// Bragg") and the word each stands for.
var shortPrefixes = map[string]string{"mt": "Mount", "ft": "Fort", "pt": "Point"}

// spellOut writes name's abbreviated type word in full ("Platte Co." is
// Platte County), so that a county or township the text abbreviates is
// read as the gazetteer spells it. region reports a type word of a
// region, which only a region's reading may take ("Hudson Co." may be a
// firm, but no town). ok is false when there is nothing to spell out.
func spellOut(name string) (long string, region, ok bool) {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexByte(name, ' '); i > 0 {
		w := strings.ToLower(strings.TrimSuffix(name[i+1:], "."))
		if full, ok := shortTypeWords[w]; ok {
			return name[:i+1] + full, full != "Mountains", true
		}
	}
	if i := strings.IndexByte(name, ' '); i > 0 && i+1 < len(name) {
		w := strings.ToLower(strings.TrimSuffix(name[:i], "."))
		if full, ok := shortPrefixes[w]; ok {
			return full + name[i:], false, true
		}
	}
	return "", false, false
}
