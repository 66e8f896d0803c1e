package gazetteer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
	"github.com/sitrep-org/sitrep/internal/gazetteer/geoeval"
)

// tuneSet is one corpus's tuning documents: all of LGL, the even-numbered
// articles of GeoWebNews and TR-News. The odd articles are dropped as soon
// as the file is parsed: they are held out.
type tuneSet struct {
	name string
	docs []geoeval.Document
}

// loadTuneSets reads the tuning documents of the three corpora.
func loadTuneSets(t *testing.T, dir string) []tuneSet {
	t.Helper()
	var out []tuneSet
	for _, c := range []struct {
		name, file string
		even       bool
	}{{"LGL", "lgl.xml", false}, {"GWN-even", "GWN.xml", true}, {"TR-even", "TR-News.xml", true}} {
		f, err := os.Open(filepath.Join(dir, "geoparsing", c.file))
		if err != nil {
			t.Fatal(err)
		}
		docs, err := geoeval.Parse(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		s := tuneSet{name: c.name}
		for i, d := range docs {
			if !c.even || i%2 == 0 {
				s.docs = append(s.docs, d)
			}
		}
		out = append(out, s)
	}
	return out
}

// foldScore is the hits and toponyms of one corpus's two folds (its
// tuning documents taken alternately).
type foldScore struct {
	hits, n [2]int
}

func (f foldScore) acc(k int) float64 { return float64(f.hits[k]) / float64(max(f.n[k], 1)) }

func (f foldScore) all() float64 {
	return float64(f.hits[0]+f.hits[1]) / float64(max(f.n[0]+f.n[1], 1))
}

// scoreSets scores the resolver with its current weights on each tuning
// set, fold by fold, as eval geo does (context from sitrep's own scan).
func scoreSets(g *gazetteer.Gazetteer, sets []tuneSet) []foldScore {
	out := make([]foldScore, len(sets))
	for si, s := range sets {
		for k := range 2 {
			r := geoeval.Evaluate(g, s.name, s.docs, func(i int) bool { return i%2 == k }, true)
			out[si].n[k] = r.Toponyms
			out[si].hits[k] = r.Toponyms - len(r.Misses)
		}
	}
	return out
}

func formatScores(sets []tuneSet, sc []foldScore) string {
	var b strings.Builder
	for i, s := range sets {
		fmt.Fprintf(&b, "%s %.2f%% (folds %.2f%% / %.2f%%)  ", s.name, 100*sc[i].all(), 100*sc[i].acc(0), 100*sc[i].acc(1))
	}
	return b.String()
}

// tuneSetup loads the gazetteer and the tuning sets from
// $SITREP_GEO_DATASETS, skipping the test when it is unset.
func tuneSetup(t *testing.T) (*gazetteer.Gazetteer, []tuneSet) {
	t.Helper()
	dir := os.Getenv("SITREP_GEO_DATASETS")
	if dir == "" {
		t.Skip("set SITREP_GEO_DATASETS to the directory holding geoparsing/")
	}
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	return g, loadTuneSets(t, dir)
}

// TestCrossCheck prints the tuning accuracy per corpus and per fold, the
// figures every resolver change is measured with:
//
//	SITREP_GEO_DATASETS=/path/to/datasets go test ./internal/gazetteer -run TestCrossCheck -v
func TestCrossCheck(t *testing.T) {
	g, sets := tuneSetup(t)
	t.Logf("default weights: %s", formatScores(sets, scoreSets(g, sets)))
}

// weightsFrom turns a logit's parameters into resolver weights, scaled so
// that the rest of the score (importance) counts 1 as it does in Resolve.
func weightsFrom(base gazetteer.Weights, theta []float64) gazetteer.Weights {
	w := base
	v := reflect.ValueOf(&w).Elem()
	for j, f := range learnedWeights {
		v.FieldByName(f).SetFloat(theta[1+j] / theta[0])
	}
	return w
}

func formatWeights(w gazetteer.Weights) string {
	var b strings.Builder
	v := reflect.ValueOf(w)
	for _, f := range learnedWeights {
		fmt.Fprintf(&b, "%s %.3g, ", f, v.FieldByName(f).Float())
	}
	return b.String()
}

// TestCrossFit measures whether fitting the learned weights generalises:
// it fits them on two tuning sets and scores the third (each rotation),
// and on one fold of every set and scores the other, against the hand-set
// weights on the same documents. Fitting is worth it only where the fitted
// weights beat the hand-set ones on documents they were not fitted on.
//
//	SITREP_GEO_DATASETS=/path/to/datasets go test ./internal/gazetteer -run TestCrossFit -v
func TestCrossFit(t *testing.T) {
	g, sets := tuneSetup(t)
	exs := rankExamples(t, g, sets)
	base := gazetteer.DefaultWeights()
	hand := weightVector(base)
	handSc := scoreSets(g, sets)
	t.Logf("hand-set: %s", formatScores(sets, handSc))
	fits := []struct {
		name string
		fit  func([]rankExample) []float64
	}{
		{"logit l2=0.002", func(x []rankExample) []float64 { return fitLogitL2(x, hand, 0.002) }},
		{"logit l2=0.02", func(x []rankExample) []float64 { return fitLogitL2(x, hand, 0.02) }},
		{"logit l2=0.2", func(x []rankExample) []float64 { return fitLogitL2(x, hand, 0.2) }},
		{"coordinate", func(x []rankExample) []float64 { return fitCoord(x, hand) }},
	}
	for _, f := range fits {
		var held []string
		var gain, n int
		for h := range sets {
			var train []rankExample
			for _, x := range exs {
				if x.set != h {
					train = append(train, x)
				}
			}
			w := weightsFrom(base, f.fit(train))
			g.SetWeights(w)
			sc := scoreSets(g, sets)[h]
			held = append(held, fmt.Sprintf("%s %.2f%% (hand %.2f%%)", sets[h].name, 100*sc.all(), 100*handSc[h].all()))
			gain += sc.hits[0] + sc.hits[1] - handSc[h].hits[0] - handSc[h].hits[1]
			n += sc.n[0] + sc.n[1]
		}
		var folds []string
		for k := range 2 {
			var train []rankExample
			for _, x := range exs {
				if x.fold != k {
					train = append(train, x)
				}
			}
			g.SetWeights(weightsFrom(base, f.fit(train)))
			sc := scoreSets(g, sets)
			d := 0
			for i := range sets {
				d += sc[i].hits[k] - handSc[i].hits[k]
			}
			folds = append(folds, fmt.Sprintf("fold %d %+d toponyms", k, d))
		}
		g.SetWeights(base)
		t.Logf("%s: leave one set out: %s; %+d toponyms of %d; by fold: %s", f.name, strings.Join(held, ", "), gain, n, strings.Join(folds, ", "))
	}
	full := weightsFrom(base, fitLogitL2(exs, hand, 0.02))
	t.Logf("logit l2=0.02 on all: %s", formatWeights(full))
}

// TestAblation zeroes each learned weight in turn and prints how many
// tuning toponyms each set and fold gains or loses: a cue that helps
// little, or in one set only, fits the tuning data rather than the task.
func TestAblation(t *testing.T) {
	g, sets := tuneSetup(t)
	base := gazetteer.DefaultWeights()
	handSc := scoreSets(g, sets)
	fields := learnedWeights
	if f := os.Getenv("SITREP_ABLATE"); f != "" {
		fields = strings.Split(f, ",")
	}
	for _, f := range fields {
		w := base
		for _, a := range strings.Split(f, ";") {
			name, val := a, 0.0
			if k := strings.IndexByte(a, '='); k > 0 {
				name = a[:k]
				if _, err := fmt.Sscan(a[k+1:], &val); err != nil {
					t.Fatal(err)
				}
			}
			reflect.ValueOf(&w).Elem().FieldByName(name).SetFloat(val)
		}
		if os.Getenv("SITREP_FLIPS") != "" {
			logFlips(t, g, sets, base, w)
		}
		g.SetWeights(w)
		sc := scoreSets(g, sets)
		var b strings.Builder
		tot := 0
		for i := range sets {
			d0, d1 := sc[i].hits[0]-handSc[i].hits[0], sc[i].hits[1]-handSc[i].hits[1]
			tot += d0 + d1
			fmt.Fprintf(&b, "%s %+d/%+d  ", sets[i].name, d0, d1)
		}
		t.Logf("%-24s total %+4d: %s", f, tot, b.String())
	}
	g.SetWeights(base)
}

// TestRankMisses writes, for each tuning toponym Resolve misses although a
// reading within 161 km is among its candidates, what was chosen and what
// was right, to the file SITREP_RANK_MISSES names.
func TestRankMisses(t *testing.T) {
	dir, outPath := os.Getenv("SITREP_GEO_DATASETS"), os.Getenv("SITREP_RANK_MISSES")
	if dir == "" || outPath == "" {
		t.Skip("set SITREP_GEO_DATASETS and SITREP_RANK_MISSES")
	}
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	counts := map[string]int{}
	for _, s := range loadTuneSets(t, dir) {
		for di, d := range s.docs {
			ctx := g.DocContext(d.Text)
			for _, tp := range d.Toponyms {
				cx := ctx
				cx.Text, cx.Offset, cx.End = d.Text, tp.Start, tp.End
				m, ok := g.Resolve(tp.Name, cx)
				if ok && gazetteer.Distance(tp.Lat, tp.Lon, m.Place.Lat, m.Place.Lon) <= 161 {
					continue
				}
				places, _, err := g.CandidateFeatures(tp.Name, cx, nil)
				if err != nil {
					t.Fatal(err)
				}
				var good []string
				for _, p := range places {
					if gazetteer.Distance(tp.Lat, tp.Lon, p.Lat, p.Lon) <= 161 {
						good = append(good, fmt.Sprintf("%s %s/%s %s pop %d", p.Name, p.CountryCode, p.Admin1, p.Kind, p.Population))
					}
				}
				kind := "absent"
				if len(good) > 0 {
					kind = "ranked"
				}
				counts[s.name+" "+kind]++
				if len(good) == 0 {
					continue
				}
				lo, hi := max(0, tp.Start-80), min(len(d.Text), tp.End+80)
				fmt.Fprintf(&b, "%s doc %d: %q chose %s %s/%s %s pop %d (%s); right: %s\n   %s\n", s.name, di, tp.Name, m.Place.Name,
					m.Place.CountryCode, m.Place.Admin1, m.Place.Kind, m.Place.Population, m.Rule, strings.Join(good, "; "),
					strings.Join(strings.Fields(d.Text[lo:hi]), " "))
			}
		}
	}
	t.Logf("%v", counts)
	if err := os.WriteFile(outPath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// logFlips logs the tuning toponyms that weights b place right and a
// wrong (lost) or the other way (gained).
func logFlips(t *testing.T, g *gazetteer.Gazetteer, sets []tuneSet, a, b gazetteer.Weights) {
	t.Helper()
	misses := func(w gazetteer.Weights) map[string]geoeval.Miss {
		g.SetWeights(w)
		out := map[string]geoeval.Miss{}
		for _, s := range sets {
			r := geoeval.Evaluate(g, s.name, s.docs, nil, true)
			for _, m := range r.Misses {
				out[fmt.Sprintf("%s doc %d %s", s.name, m.Doc, m.Context)] = m
			}
		}
		return out
	}
	ma, mb := misses(a), misses(b)
	for k, m := range mb {
		if _, ok := ma[k]; !ok {
			t.Logf("lost: %s -> %s %s/%s (%s)", k, m.Got, m.GotCC, m.GotAdmin, m.Rule)
		}
	}
	for k, m := range ma {
		if _, ok := mb[k]; !ok {
			t.Logf("gained: %s (was %s %s/%s)", k, m.Got, m.GotCC, m.GotAdmin)
		}
	}
}
