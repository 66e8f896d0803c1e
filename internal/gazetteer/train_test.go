package gazetteer_test

import (
	"fmt"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// learnedWeights are the resolver weights that are linear in the score, so
// that a conditional logit over a name's candidates can learn them. The
// others (distances, thresholds, the small-town factor) stay hand-set.
var learnedWeights = []string{"CountryCtx", "TopCountry", "Admin1Ctx", "Qualifier", "KindMatch", "KindClash",
	"ExactName", "ForeignDemo", "BigPlace", "SeatOfRegion", "Neighbour", "Worldwide", "Near", "Admin2Ctx",
	"Section", "Coherence", "Admin1Named", "CountyAny", "SportCity", "CapitalCtx", "RegionTwin", "RegionNamed", "Spatial"}

// rankExample is one gold toponym with several candidates: their feature
// rows and which lie within 161 km of the gold point.
type rankExample struct {
	feats [][]float64
	good  []bool
	doc   int
	set   int // index of the tuning set
	fold  int // the document's fold within its set (as in scoreSets)
}

// TestTrainWeights learns the linear resolver weights from the tuning
// documents (LGL and the even halves of GeoWebNews and TR-News; never the
// odd halves, which are held out), reports five-fold cross-validated ranking accuracy of the learned
// and the hand-set weights, and prints the learned ones. It is the
// reproducible training step behind DefaultWeights:
//
//	SITREP_GEO_DATASETS=/path/to/datasets go test ./internal/gazetteer -run TestTrainWeights -v
func TestTrainWeights(t *testing.T) {
	dir := os.Getenv("SITREP_GEO_DATASETS")
	if dir == "" {
		t.Skip("set SITREP_GEO_DATASETS to the directory holding geoparsing/ to train")
	}
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	exs := rankExamples(t, g, loadTuneSets(t, dir))
	hand := weightVector(gazetteer.DefaultWeights())
	const folds = 5
	var okHand, okLearned, okCoord, n int
	for f := range folds {
		var train, test []rankExample
		for _, x := range exs {
			if x.doc%folds == f {
				test = append(test, x)
			} else {
				train = append(train, x)
			}
		}
		theta := fitLogit(train, hand)
		coord := fitCoord(train, hand)
		for _, x := range test {
			okHand += btoi(x.good[argmax(x.feats, hand)])
			okLearned += btoi(x.good[argmax(x.feats, theta)])
			okCoord += btoi(x.good[argmax(x.feats, coord)])
			n++
		}
	}
	t.Logf("%d ambiguous toponyms; %d-fold CV ranking accuracy: hand-set %.4f, logit %.4f, coordinate search %.4f",
		n, folds, float64(okHand)/float64(n), float64(okLearned)/float64(n), float64(okCoord)/float64(n))
	coord := fitCoord(exs, hand)
	var c strings.Builder
	for j, f := range learnedWeights {
		fmt.Fprintf(&c, "%s: %.3g, ", f, coord[1+j])
	}
	t.Logf("coordinate search weights: %s (in-sample %d -> %d right)", c.String(), correct(exs, hand), correct(exs, coord))
	theta := fitLogit(exs, hand)
	var b strings.Builder
	for j, f := range learnedWeights {
		fmt.Fprintf(&b, "%s: %.3g, ", f, theta[1+j]/theta[0])
	}
	t.Logf("learned weights (scaled so importance counts 1): %s", b.String())
}

// rankExamples turns the tuning sets' toponyms into ranking examples,
// keeping those whose candidates include both a right and a wrong reading.
// Each example is tagged with its set and document (numbered across sets).
func rankExamples(t *testing.T, g *gazetteer.Gazetteer, sets []tuneSet) []rankExample {
	t.Helper()
	var out []rankExample
	docN := 0
	for si, s := range sets {
		for di, d := range s.docs {
			docN++
			ctx := g.DocContext(d.Text)
			for _, tp := range d.Toponyms {
				cx := ctx
				cx.Text, cx.Offset, cx.End = d.Text, tp.Start, tp.End
				places, feats, err := g.CandidateFeatures(tp.Name, cx, learnedWeights)
				if err != nil {
					t.Fatal(err)
				}
				x := rankExample{feats: feats, doc: docN, set: si, fold: di % 2}
				nGood := 0
				for _, p := range places {
					ok := gazetteer.Distance(tp.Lat, tp.Lon, p.Lat, p.Lon) <= 161
					x.good = append(x.good, ok)
					nGood += btoi(ok)
				}
				if nGood > 0 && nGood < len(places) {
					out = append(out, x)
				}
			}
		}
	}
	return out
}

// weightVector lays weights out as the logit's parameters: 1 for the rest
// of the score, then the learned weights in order.
func weightVector(w gazetteer.Weights) []float64 {
	v := []float64{1}
	for _, f := range learnedWeights {
		v = append(v, reflect.ValueOf(w).FieldByName(f).Float())
	}
	return v
}

// fitLogit fits a conditional logit (the probability of a right reading
// among a name's candidates) by gradient descent with Adam, with an L2
// pull toward the hand-set weights so rarely seen cues keep their value.
func fitLogit(exs []rankExample, prior []float64) []float64 {
	return fitLogitL2(exs, prior, 0.02)
}

// fitLogitL2 is fitLogit with the strength of the pull toward prior.
func fitLogitL2(exs []rankExample, prior []float64, lambda float64) []float64 {
	const (
		iters = 600
		rate  = 0.05
	)
	theta := append([]float64(nil), prior...)
	m, v := make([]float64, len(theta)), make([]float64, len(theta))
	grad := make([]float64, len(theta))
	for it := 1; it <= iters; it++ {
		for j := range grad {
			grad[j] = lambda * (theta[j] - prior[j])
		}
		for _, x := range exs {
			addLogitGrad(x, theta, grad, 1/float64(len(exs)))
		}
		for j := range theta {
			m[j] = 0.9*m[j] + 0.1*grad[j]
			v[j] = 0.999*v[j] + 0.001*grad[j]*grad[j]
			mh, vh := m[j]/(1-math.Pow(0.9, float64(it))), v[j]/(1-math.Pow(0.999, float64(it)))
			theta[j] -= rate * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
	return theta
}

// addLogitGrad adds scale times the gradient of -log P(right reading) for
// one example.
func addLogitGrad(x rankExample, theta, grad []float64, scale float64) {
	s := make([]float64, len(x.feats))
	top := math.Inf(-1)
	for k, row := range x.feats {
		s[k] = dot(row, theta)
		top = math.Max(top, s[k])
	}
	var zAll, zGood float64
	for k := range s {
		s[k] = math.Exp(s[k] - top)
		zAll += s[k]
		if x.good[k] {
			zGood += s[k]
		}
	}
	for k, row := range x.feats {
		pAll := s[k] / zAll
		pGood := 0.0
		if x.good[k] {
			pGood = s[k] / zGood
		}
		for j, f := range row {
			grad[j] += scale * (pAll - pGood) * f
		}
	}
}

func argmax(feats [][]float64, theta []float64) int {
	best, bestS := 0, math.Inf(-1)
	for k, row := range feats {
		if s := dot(row, theta); s > bestS {
			best, bestS = k, s
		}
	}
	return best
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fitCoord maximises the share of right readings directly: one weight at
// a time, it takes the step from a fixed menu that gains most, until no
// step gains. The importance column stays at 1.
func fitCoord(exs []rankExample, start []float64) []float64 {
	theta := append([]float64(nil), start...)
	best := correct(exs, theta)
	steps := []float64{-2, -1, -0.5, -0.25, 0.25, 0.5, 1, 2}
	for round := 0; round < 20; round++ {
		improved := false
		for j := 1; j < len(theta); j++ {
			orig, bestV := theta[j], theta[j]
			for _, d := range steps {
				theta[j] = orig + d
				if n := correct(exs, theta); n > best {
					best, bestV, improved = n, theta[j], true
				}
			}
			theta[j] = bestV
		}
		if !improved {
			break
		}
	}
	return theta
}

func correct(exs []rankExample, theta []float64) int {
	n := 0
	for _, x := range exs {
		n += btoi(x.good[argmax(x.feats, theta)])
	}
	return n
}
