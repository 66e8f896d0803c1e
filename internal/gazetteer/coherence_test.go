package gazetteer

import (
	"math"
	"testing"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

// TestVoteViewMatchesShares checks the copy-free view of a document's
// votes against the shares computed the plain way: every region's vote
// without the name's own, over the strongest, where it reaches the minimum.
func TestVoteViewMatchesShares(t *testing.T) {
	g := loadTest(t)
	text := "Officials in Montgomery, Watertown, Delano and Hutchinson met in Springfield, " +
		"Washington, Columbus and Richmond after storms hit Madison County and Jackson County."
	sc := g.getScratch()
	defer g.putScratch(sc)
	spans := g.scan(sc, text, textfold.ASCIILower(text))
	v := g.regionVotes(spans)
	if len(v.total) <= topRegionsN {
		t.Fatalf("only %d regions voted for; the test wants more than topRegionsN", len(v.total))
	}
	for _, minVote := range []float64{0, 1.125, 3} {
		for _, sp := range spans {
			own := v.byKey[sp.key]
			want, top := map[string]float64{}, 0.0
			for r, n := range v.total {
				if containsStr(own.regions, r) {
					n -= own.w
				}
				if n >= minVote {
					want[r], top = n, math.Max(top, n)
				}
			}
			vv := v.without(sp.key, minVote)
			if vv.any() != (len(want) > 0) {
				t.Errorf("%s (min %g): any() = %v, want %v", sp.key, minVote, vv.any(), len(want) > 0)
			}
			for r := range v.total {
				w := want[r] / top
				if len(want) == 0 {
					w = 0
				}
				if got := vv.get(r); math.Abs(got-w) > 1e-12 {
					t.Errorf("%s (min %g): get(%s) = %g, want %g", sp.key, minVote, r, got, w)
				}
			}
		}
	}
}
