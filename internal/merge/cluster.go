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

// clusterReports joins reports greedily, best-fitting pair first. Two
// groups join only if their representatives — what each group's merged
// incident would be: best place, best date, majority type, most specific
// actors, all its articles — are compatible. A vague report that fits two
// distinct attacks joins one of them and cannot chain them, since the
// group's representative keeps the precise report's place and date; and as
// the representative carries every member's articles, two incidents from one
// article never end up together.
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
	repr := slices.Clone(reps) // each group's representative
	for i := range reps {
		owner[i] = i
		groups[i] = []int{i}
	}
	for _, e := range edges {
		gi, gj := owner[e.i], owner[e.j]
		if gi == gj {
			continue
		}
		if ok, _ := o.compatible(&repr[gi], &repr[gj]); !ok {
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
		repr[gi] = representative(reps, groups[gi])
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

// representative folds a group into the report its merged incident would
// be, with the rules Combine uses: the finest place, the finest date (the
// most common, then the earliest), the majority type, the most specific
// actors, every article. Ties go to the earliest report.
func representative(reps []report, group []int) report {
	first := &reps[slices.Min(group)]
	place, date, actors := first, first, first
	types := map[[2]string]int{}
	for _, m := range group {
		types[[2]string{reps[m].evType, reps[m].subType}]++
	}
	kind := first
	days := map[int]int{}
	for _, m := range group {
		if r := &reps[m]; r.dated && r.lo == r.hi {
			days[r.lo]++
		}
	}
	for _, m := range group {
		r := &reps[m]
		if placeRank(r) < placeRank(place) || (placeRank(r) == placeRank(place) && r.idx < place.idx) {
			place = r
		}
		if dateBetter(r, date, days) {
			date = r
		}
		if named(r) > named(actors) || (named(r) == named(actors) && r.idx < actors.idx) {
			actors = r
		}
		kt, bt := types[[2]string{r.evType, r.subType}], types[[2]string{kind.evType, kind.subType}]
		if kt > bt || (kt == bt && r.idx < kind.idx) {
			kind = r
		}
	}
	out := *place
	out.idx = first.idx
	out.lo, out.hi, out.dated = date.lo, date.hi, date.dated
	out.group, out.evType, out.subType = kind.group, kind.evType, kind.subType
	out.slots = actors.slots
	out.articles = nil
	for _, m := range group {
		for _, a := range reps[m].articles {
			if !slices.Contains(out.articles, a) {
				out.articles = append(out.articles, a)
			}
		}
	}
	return out
}

func placeRank(r *report) int {
	rank := r.geo
	if rank <= 0 {
		rank = 9
	}
	if !r.hasPoint {
		rank += 10
	}
	return rank
}

// dateBetter: undated last, then narrower windows, then the day more
// reports give, then the earlier day, then the earlier report.
func dateBetter(r, than *report, days map[int]int) bool {
	if r.dated != than.dated {
		return r.dated
	}
	wr, wt := r.hi-r.lo, than.hi-than.lo
	if wr != wt {
		return wr < wt
	}
	if days[r.lo] != days[than.lo] {
		return days[r.lo] > days[than.lo]
	}
	if r.lo != than.lo {
		return r.lo < than.lo
	}
	return r.idx < than.idx
}

func named(r *report) int {
	n := 0
	for _, s := range r.slots {
		if s.name != "" {
			n++
		}
	}
	return n
}
