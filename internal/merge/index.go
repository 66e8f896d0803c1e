package merge

import (
	"github.com/sitrep-org/sitrep/internal/incident"
)

// Index merges incrementally: it keeps every report seen, grouped into
// clusters and filed by block, so a new report is compared only with the
// clusters in its country, region and weeks, and ingesting one article costs
// the same whether the store holds ten thousand incidents or a million.
//
// A new report joins the best-fitting cluster whose representative it is
// compatible with (as in Merge), or starts its own. Arrival order
// decides ties, so for an ambiguous report the result can differ from a
// batch Merge over the same reports; Merge stays the reference, used to
// re-cluster from scratch (see DESIGN.md).
type Index struct {
	o       Options
	reps    []report
	ids     []string           // event ID of each report
	owner   []int              // the cluster (its first report) of each report
	members map[int][]int      // cluster → its reports, in arrival order
	repr    map[int]report     // cluster → its representative
	blocks  map[blockKey][]int // block → clusters with a report in it
	byID    map[string]int     // cluster ID → cluster
}

// NewIndex returns an empty index.
func NewIndex(o Options) *Index {
	return &Index{o: o, members: map[int][]int{}, blocks: map[blockKey][]int{}, byID: map[string]int{}, repr: map[int]report{}}
}

// Len is the number of reports indexed.
func (x *Index) Len() int { return len(x.reps) }

// Add files one report (in ingestion order) and returns the ID of the
// cluster it is now part of: its own event ID when it starts one, else the
// event ID of the cluster's first report.
func (x *Index) Add(in *incident.Incident) (clusterID string, joined bool) {
	seq := len(x.reps)
	x.reps = append(x.reps, newReport(in, seq))
	x.ids = append(x.ids, in.EventID)
	r := &x.reps[seq]
	best := x.bestCluster(r)
	if best < 0 {
		best = seq
		if _, taken := x.byID[in.EventID]; !taken {
			x.byID[in.EventID] = seq
		}
	}
	x.owner = append(x.owner, best)
	x.members[best] = append(x.members[best], seq)
	x.repr[best] = representative(x.reps, x.members[best])
	x.file(r, best)
	return x.ids[best], best != seq
}

// Match says which cluster a report would join, without filing it: "" when
// it would start its own.
func (x *Index) Match(in *incident.Incident) string {
	r := newReport(in, len(x.reps))
	if c := x.bestCluster(&r); c >= 0 {
		return x.ids[c]
	}
	return ""
}

// bestCluster returns the best-fitting compatible cluster, or -1.
func (x *Index) bestCluster(r *report) int {
	best, bestScore := -1, 0.0
	for _, c := range x.candidates(r) {
		if score, ok := x.fits(r, c); ok && (best < 0 || score > bestScore) {
			best, bestScore = c, score
		}
	}
	return best
}

// Members returns the event IDs of a cluster's reports, first the anchor.
func (x *Index) Members(clusterID string) []string {
	c, ok := x.byID[clusterID]
	if !ok {
		return nil
	}
	out := make([]string, len(x.members[c]))
	for i, m := range x.members[c] {
		out[i] = x.ids[m]
	}
	return out
}

// candidates lists the clusters sharing a block with r, each once.
func (x *Index) candidates(r *report) []int {
	if !r.dated || r.country == "" {
		return nil
	}
	var out []int
	seen := map[int]bool{}
	for w := weekOf(r.lo - x.o.LagDays); w <= weekOf(r.hi+x.o.LagDays); w++ {
		for _, c := range x.blocks[blockKey{r.country, r.admin1, w}] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// fits checks r against cluster c's representative.
func (x *Index) fits(r *report, c int) (float64, bool) {
	rep := x.repr[c]
	ok, s := x.o.compatible(r, &rep)
	return s, ok
}

// file records that cluster c has a report in r's blocks.
func (x *Index) file(r *report, c int) {
	if !r.dated || r.country == "" {
		return
	}
	for w := weekOf(r.lo - x.o.LagDays); w <= weekOf(r.hi+x.o.LagDays); w++ {
		k := blockKey{r.country, r.admin1, w}
		list := x.blocks[k]
		if n := len(list); n > 0 && list[n-1] == c {
			continue
		}
		x.blocks[k] = append(list, c)
	}
}
