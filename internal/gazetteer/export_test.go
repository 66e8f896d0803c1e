package gazetteer

import (
	"fmt"
	"reflect"
)

// CandidateFeatures is for the weight trainer (train_test.go): the
// candidates Resolve ranks for a name, and per candidate the score's
// derivative by each of the named linear weights, after a first column
// holding the rest of the score (importance and everything not learned).
// It changes the weights while it runs: not for concurrent use.
func (g *Gazetteer) CandidateFeatures(name string, hint Context, fields []string) ([]Place, [][]float64, error) {
	key := Normalize(name)
	cands := g.lookup(key)
	if len(cands) == 0 {
		return nil, nil, nil
	}
	q := g.readName(name, key, hint)
	spelled := g.spellings(cands, name)
	rv := g.rivalsOf(cands, make([]string, 8))
	bareOK := g.bareFeatureOK(cands, q.hint)
	base := g.w
	defer func() { g.w = base }()
	var places []Place
	var feats [][]float64
	for k, i := range cands {
		if !bareOK && g.entries[i].level == levelFeature && spelled[k]&spelledExact == 0 {
			continue // rank skips it too
		}
		g.w = base
		s0 := g.score(i, spelled[k], &rv, q.st, q.hint, q.qual)
		row := make([]float64, 1+len(fields))
		row[0] = s0
		for j, f := range fields {
			w := base
			v := reflect.ValueOf(&w).Elem().FieldByName(f)
			if !v.IsValid() {
				return nil, nil, fmt.Errorf("no weight %q", f)
			}
			v.SetFloat(v.Float() + 1)
			g.w = w
			row[1+j] = g.score(i, spelled[k], &rv, q.st, q.hint, q.qual) - s0
			row[0] -= reflect.ValueOf(base).FieldByName(f).Float() * row[1+j]
		}
		places = append(places, g.place(i))
		feats = append(feats, row)
	}
	return places, feats, nil
}
