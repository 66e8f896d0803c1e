package gazetteer

import (
	"math"
	"strings"
)

// Score weights: context beats importance only when importance is close.
const (
	wCountryCtx  = 4.0  // the candidate's country is named in the document
	wTopCountry  = 1.0  // ... and is the document's most named country
	wAdmin1Ctx   = 3.0  // the candidate's first-level region is named
	wQualifier   = 10.0 // "Karbala, Iraq": the qualifier names its country/region
	wKindMatch   = 8.0  // "Anbar province": the type word fits the candidate
	wKindClash   = -3.0 // ... or does not
	wExactName   = 2.0  // the text spells the name as the gazetteer does
	wForeignDemo = -2.0 // a demonym ("Turkish") is weaker than the name
)

// kindHint is what a type word next to a name says the place is.
type kindHint int

const (
	hintNone kindHint = iota
	hintAdmin1
	hintAdmin2
	hintTown
	hintMountain
	hintOil
	hintFeature
)

// resolveState is the document context prepared once for many names.
type resolveState struct {
	countries  map[string]bool
	topCountry string
	admin1     map[string]bool // codes and normal forms of names
}

func (g *Gazetteer) newResolveState(ctx Context) *resolveState {
	st := &resolveState{countries: map[string]bool{}, admin1: map[string]bool{}}
	for i, c := range ctx.Countries {
		c = upper(c)
		st.countries[c] = true
		if i == 0 {
			st.topCountry = c
		}
	}
	for _, a := range ctx.Admin1 {
		if _, ok := g.admin1[a]; ok {
			st.admin1[a] = true
			continue
		}
		for _, i := range g.lookup(Normalize(a)) {
			if e := &g.entries[i]; e.level == levelAdmin1 {
				st.admin1[e.Admin1Code] = true
			}
		}
	}
	return st
}

// candidate is one scored reading of a name.
type candidate struct {
	idx   int32
	score float64
}

// rank scores the candidates of a key and returns the best and the margin
// over the runner-up.
func (g *Gazetteer) rank(cands []int32, surface string, st *resolveState, hint kindHint, qual *qualifier) (candidate, float64, bool) {
	best, second := candidate{idx: -1, score: math.Inf(-1)}, math.Inf(-1)
	fold := foldSimple(surface)
	for _, i := range cands {
		e := &g.entries[i]
		s := e.imp
		if st.countries[e.CountryCode] {
			s += wCountryCtx
			if e.CountryCode == st.topCountry {
				s += wTopCountry
			}
		}
		if e.Admin1Code != "" && st.admin1[e.Admin1Code] && e.level != levelAdmin1 {
			s += wAdmin1Ctx
		}
		if qual != nil {
			s += qual.bonus(e)
		}
		s += hintScore(hint, e)
		if foldSimple(e.Name) == fold {
			s += wExactName
		}
		if e.level == levelCountry && g.isDemonym(e.CountryCode, fold) {
			s += wForeignDemo
		}
		if s > best.score {
			second = best.score
			best = candidate{idx: i, score: s}
		} else if s > second {
			second = s
		}
	}
	if best.idx < 0 {
		return best, 0, false
	}
	return best, best.score - second, true
}

func hintScore(h kindHint, e *entry) float64 {
	if h == hintNone {
		return 0
	}
	fits := false
	switch h {
	case hintAdmin1:
		fits = e.level == levelAdmin1
	case hintAdmin2:
		fits = e.level == levelAdmin2
	case hintTown:
		fits = e.level == levelPlace
	case hintMountain:
		fits = strings.HasPrefix(e.Kind, "T.MT") || strings.HasPrefix(e.Kind, "T.HLL")
	case hintOil:
		fits = e.Kind == "L.OILF" || e.Kind == "S.OILR"
	case hintFeature:
		fits = e.level == levelFeature
	}
	if fits {
		return wKindMatch
	}
	return wKindClash
}

func (g *Gazetteer) isDemonym(cc, fold string) bool {
	c := g.countries[cc]
	if c == nil {
		return false
	}
	for _, d := range c.demonyms {
		if foldSimple(d) == fold {
			return true
		}
	}
	return false
}

// foldSimple is a light normal form for "spelled the same": lower case,
// letters and digits only, diacritics dropped.
func foldSimple(s string) string {
	return strings.Join(dropDecorations(foldTokens(s)), " ")
}

// precisionFor is the ACLED geo_precision a place kind implies by itself.
func precisionFor(e *entry) int {
	switch e.level {
	case levelCountry, levelAdmin1:
		return 3
	case levelAdmin2, levelFeature:
		return 2
	}
	return 1
}

// confidence maps a score margin to 0..1.
func confidence(margin float64, n int) float64 {
	if n == 1 {
		return 0.95
	}
	return math.Round(100/(1+math.Exp(-margin))) / 100
}

// Resolve resolves one given toponym using the document context in hint.
func (g *Gazetteer) Resolve(name string, hint Context) (Mention, bool) {
	cands := g.lookup(Normalize(name))
	if len(cands) == 0 {
		return Mention{}, false
	}
	st := g.newResolveState(hint)
	var kh kindHint
	var qual *qualifier
	end := hint.End
	if end == 0 {
		end = hint.Offset + len(name)
	}
	if hint.Text != "" && hint.Offset >= 0 && end <= len(hint.Text) && hint.Offset <= end {
		kh = g.hintAround(hint.Text, hint.Offset, end)
		qual = g.qualifierAfter(hint.Text, end)
	}
	best, margin, ok := g.rank(cands, name, st, kh, qual)
	if !ok {
		return Mention{}, false
	}
	e := &g.entries[best.idx]
	m := Mention{Start: hint.Offset, End: end, Text: name, Place: g.place(best.idx), Precision: precisionFor(e),
		Score: confidence(margin, len(cands)), Rule: ruleName(e, kh, qual, st)}
	if hint.Text != "" && e.level == levelPlace && g.nearBefore(hint.Text, hint.Offset) {
		m.Precision = 2
	}
	return m, true
}

func ruleName(e *entry, kh kindHint, q *qualifier, st *resolveState) string {
	parts := []string{"gazetteer:" + strings.ToLower(e.Kind)}
	if kh != hintNone {
		parts = append(parts, "type-word")
	}
	if q != nil && q.bonus(e) > 0 {
		parts = append(parts, "qualifier")
	}
	if st.countries[e.CountryCode] {
		parts = append(parts, "doc-country")
	}
	return strings.Join(parts, "+")
}
