package merge

import (
	"slices"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// This file is the merge package's face towards a store that merges at
// ingest: the keys a store files reports under, and the two decisions it
// asks for — which stored cluster a new report joins, and which old report
// a re-extracted one is.

// Window returns the days (since 1970-01-01) an incident's date may stand
// for, by its time_precision; ok is false when it has no usable date, and
// then it never merges.
func Window(in *incident.Incident) (lo, hi int, ok bool) {
	return dayRange(in.EventDate, in.TimePrecision)
}

// MaxWindowDays bounds hi-lo of any Window, so a store can look up
// candidates by a range on lo alone.
const MaxWindowDays = 31

// CountryKey is the country a report is filed under: the ISO code when
// known, else the folded name. Reports in different countries never merge.
func CountryKey(in *incident.Incident) string { return countryKey(in) }

// Join returns the index of the cluster (each given as its members in
// ingestion order) that the report in fits best, judged against each
// cluster's representative as Index.Add does, or -1 when it fits none.
func (o Options) Join(in *incident.Incident, clusters [][]incident.Incident) int {
	r := newReport(in, 1<<30)
	best, bestScore := -1, 0.0
	for i, members := range clusters {
		if len(members) == 0 {
			continue
		}
		reps := make([]report, len(members))
		idx := make([]int, len(members))
		for k := range members {
			reps[k] = newReport(&members[k], k)
			idx[k] = k
		}
		rep := representative(reps, idx)
		if ok, s := o.compatible(&r, &rep); ok && (best < 0 || s > bestScore) {
			best, bestScore = i, s
		}
	}
	return best
}

// Rematch pairs the reports a new extraction of one article produced with
// the reports an earlier extraction of the same article produced, so that
// a re-coded incident keeps its ID. Pairs are taken best score first by the
// same-event rules, the same-article rule aside, and one-to-one. The result
// gives, for each new report, the index of its old report or -1.
func (o Options) Rematch(old, fresh []incident.Incident) []int {
	type pair struct {
		n, o  int
		score float64
	}
	var pairs []pair
	for i := range fresh {
		nr := newReport(&fresh[i], i)
		nr.articles = nil
		for j := range old {
			or := newReport(&old[j], j)
			or.articles = nil
			if ok, s := o.compatible(&nr, &or); ok {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	out := make([]int, len(fresh))
	for i := range out {
		out[i] = -1
	}
	used := make([]bool, len(old))
	for _, p := range pairs {
		if out[p.n] < 0 && !used[p.o] {
			out[p.n], used[p.o] = p.o, true
		}
	}
	return out
}

// Admin1Key is the first-level region a report is filed under within its
// country (folded; "" when unknown). Two reports naming different regions
// never merge, and a report naming none is compared only with others
// naming none, as Index blocks them.
func Admin1Key(in *incident.Incident) string { return fold(in.Admin1) }

// Mergeable reports whether a report can ever be the same event as
// another: it needs a date and some place to compare (a named location, a
// point, or a region-level report).
func Mergeable(in *incident.Incident) bool {
	if _, _, ok := Window(in); !ok || countryKey(in) == "" {
		return false
	}
	return in.Location != "" || in.GeoPrecision == 3 || (in.Latitude != nil && in.Longitude != nil)
}
