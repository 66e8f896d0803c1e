package merge

import (
	"slices"
	"strings"

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
// a re-coded incident keeps its ID. Identical codings pair first; then
// pairs are taken best score first by the same-event rules, the
// same-article rule aside and a missing date counting as agreement (an
// extractor that finds no date, or finds one now, still tells of the
// same event). Pairs are one-to-one. The result gives, for each new
// report, the index of its old report or -1.
func (o Options) Rematch(old, fresh []incident.Incident) []int {
	type pair struct {
		n, o  int
		score float64
	}
	var pairs []pair
	for i := range fresh {
		for j := range old {
			if s, ok := o.rematchScore(&fresh[i], &old[j], i, j); ok {
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

// identicalScore ranks an identical coding above any rule-based pair.
const identicalScore = 100

// rematchScore scores a new report against an old one of the same article.
func (o Options) rematchScore(n, old *incident.Incident, i, j int) (float64, bool) {
	if codingKey(n) == codingKey(old) {
		return identicalScore, true
	}
	nr, or := newReport(n, i), newReport(old, j)
	nr.articles, or.articles = nil, nil
	if !nr.dated || !or.dated {
		nr.lo, nr.hi, nr.dated = 0, 0, true
		or.lo, or.hi, or.dated = 0, 0, true
	}
	ok, s := o.compatible(&nr, &or)
	return s, ok
}

// codingKey is what makes two codings of one article the same incident
// when nothing else has changed: type, sides, place and date.
func codingKey(in *incident.Incident) string {
	return strings.Join([]string{fold(in.EventType), fold(in.SubEventType), actorKey(in.Actor1), actorKey(in.Actor2),
		countryKey(in), fold(in.Admin1), fold(in.Location), in.EventDate}, "|")
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
