package merge

import (
	"cmp"
	"slices"
)

// edge is a compatible pair of reports and how well they fit.
type edge struct {
	i, j  int
	score float64
}

// blockKey groups reports that could possibly be one event: same country,
// same first-level region, same ISO week. A report lands in every week its
// date window (plus the lag) touches, so no true pair is lost at a week
// boundary; pairs in different regions or weeks are never compared, which is
// what keeps merging near-linear.
type blockKey struct {
	country, admin1 string
	week            int
}

// weekOf numbers Monday-start weeks; day 0 (1970-01-01) was a Thursday.
func weekOf(day int) int {
	d := day + 3
	if d < 0 {
		return (d - 6) / 7
	}
	return d / 7
}

// candidateEdges compares every pair of reports that share a block and
// keeps the compatible ones.
func (o Options) candidateEdges(reps []report) []edge {
	blocks := map[blockKey][]int{}
	for i := range reps {
		r := &reps[i]
		if !r.dated || r.country == "" {
			continue
		}
		for w := weekOf(r.lo - o.LagDays); w <= weekOf(r.hi+o.LagDays); w++ {
			k := blockKey{r.country, r.admin1, w}
			blocks[k] = append(blocks[k], i)
		}
	}
	seen := make([]int, len(reps)) // seen[j] == i+1: pair (i, j) already tried
	var edges []edge
	for i := range reps {
		r := &reps[i]
		if !r.dated || r.country == "" {
			continue
		}
		for w := weekOf(r.lo - o.LagDays); w <= weekOf(r.hi+o.LagDays); w++ {
			for _, j := range blocks[blockKey{r.country, r.admin1, w}] {
				if j <= i || seen[j] == i+1 {
					continue
				}
				seen[j] = i + 1
				if ok, s := o.compatible(r, &reps[j]); ok {
					edges = append(edges, edge{i, j, s})
				}
			}
		}
	}
	return edges
}

// clusterReports joins reports greedily, best-fitting pair first, with
// complete linkage: two groups join only if every report of one is
// compatible with every report of the other. A vague report that fits two
// distinct attacks therefore joins one of them instead of chaining them into
// one, and two incidents from one article never end up together.
func (o Options) clusterReports(reps []report) [][]int {
	edges := o.candidateEdges(reps)
	slices.SortFunc(edges, func(a, b edge) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.i, b.i); c != 0 {
			return c
		}
		return cmp.Compare(a.j, b.j)
	})
	owner := make([]int, len(reps)) // index of the group a report is in
	groups := make([][]int, len(reps))
	for i := range reps {
		owner[i] = i
		groups[i] = []int{i}
	}
	for _, e := range edges {
		gi, gj := owner[e.i], owner[e.j]
		if gi == gj || !o.allCompatible(reps, groups[gi], groups[gj]) {
			continue
		}
		if len(groups[gi]) < len(groups[gj]) {
			gi, gj = gj, gi
		}
		for _, m := range groups[gj] {
			owner[m] = gi
		}
		groups[gi] = append(groups[gi], groups[gj]...)
		groups[gj] = nil
	}
	var out [][]int
	for _, g := range groups {
		if len(g) > 0 {
			slices.Sort(g)
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return out
}

func (o Options) allCompatible(reps []report, a, b []int) bool {
	for _, x := range a {
		for _, y := range b {
			if ok, _ := o.compatible(&reps[x], &reps[y]); !ok {
				return false
			}
		}
	}
	return true
}
