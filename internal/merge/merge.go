package merge

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// TagDisputed marks a merged incident whose sources disagree on a figure.
const TagDisputed = "disputed"

// Figure is one source's value for a count.
type Figure struct {
	Value     int    `json:"value"`
	EventID   string `json:"event_id"`
	ArticleID string `json:"article_id"`
	Outlet    string `json:"outlet,omitempty"`
}

// Figures are the values the sources give for one count, with the range.
// Low is what the merged incident codes (ACLED keeps the lowest credible
// figure); High is the largest any source gave.
type Figures struct {
	Low     *int     `json:"low"`
	High    *int     `json:"high"`
	Reports []Figure `json:"reports,omitempty"`
}

// Disputed reports whether the sources give different values.
func (f Figures) Disputed() bool {
	return f.Low != nil && f.High != nil && *f.Low != *f.High
}

// Cluster is one event: the reports that tell of it and the incident that
// results from merging them.
type Cluster struct {
	// ID is the merged incident's stable ID: the event_id of Members[0],
	// the earliest-ingested report (see DESIGN.md).
	ID       string              `json:"id"`
	Incident incident.Incident   `json:"incident"`
	Members  []incident.Incident `json:"members"`
	// Fatalities and Wounded keep every source's figure.
	Fatalities Figures `json:"fatalities"`
	Wounded    Figures `json:"wounded"`
}

// Disputed reports whether the sources disagree on a casualty figure.
func (c *Cluster) Disputed() bool { return c.Fatalities.Disputed() || c.Wounded.Disputed() }

// Merge groups incidents that describe the same event and merges each group.
// incs must be in ingestion order (oldest first): the earliest report of a
// group lends the merged incident its ID, so the ID survives new reports
// joining later. Clusters come back in the order of their first report.
func Merge(incs []incident.Incident, o Options) []Cluster {
	reps := make([]report, len(incs))
	for i := range incs {
		reps[i] = newReport(&incs[i], i)
	}
	groups := o.clusterReports(reps)
	out := make([]Cluster, 0, len(groups))
	for _, g := range groups {
		members := make([]incident.Incident, len(g))
		for k, i := range g {
			members[k] = incs[i]
		}
		out = append(out, Combine(members))
	}
	return out
}

// Combine merges reports already known to describe one event, members[0]
// being the earliest ingested. Each group of fields comes from the report
// that knows it best, with that report's evidence.
func Combine(members []incident.Incident) Cluster {
	if len(members) == 0 {
		return Cluster{}
	}
	anchor := members[0]
	out := anchor
	out.Tags = nil
	out.Evidence = nil
	winners := map[string]int{
		groupPlace: bestLocated(members), groupDate: bestDated(members),
		groupType: typeVote(members), groupActors: mostSpecificActors(members),
	}
	place, date := members[winners[groupPlace]], members[winners[groupDate]]
	kind, actors := members[winners[groupType]], members[winners[groupActors]]
	copyPlace(&out, &place)
	out.EventDate, out.TimePrecision = date.EventDate, date.TimePrecision
	out.DisorderType, out.EventType, out.SubEventType = kind.DisorderType, kind.EventType, kind.SubEventType
	copyActors(&out, &actors)

	c := Cluster{Members: members}
	c.Fatalities = collect(members, func(in *incident.Incident) *int { return in.Fatalities })
	c.Wounded = collect(members, func(in *incident.Incident) *int { return in.Wounded })
	out.Fatalities, out.Wounded = c.Fatalities.Low, c.Wounded.Low
	out.KilledBySide = killedBySide(members, c.Fatalities)
	out.Abducted = lowest(members, func(in *incident.Incident) *int { return in.Abducted })
	out.Arrested = lowest(members, func(in *incident.Incident) *int { return in.Arrested })

	out.Evidence = mergedEvidence(members, winners)
	out.Sources = mergedSources(members)
	out.Source = outletList(out.Sources)
	if len(members) == 1 && anchor.Source != "" {
		out.Source = anchor.Source // a lone report keeps the source its extractor cited
	}
	out.Tags = mergedTags(members, c.Disputed())
	out.Notes = mergedNotes(anchor.Notes, c)
	for _, m := range members {
		out.Confidence = max(out.Confidence, m.Confidence)
		if out.ClaimedBy == "" {
			out.ClaimedBy = m.ClaimedBy
		}
		if m.UpdatedAt.After(out.UpdatedAt) {
			out.UpdatedAt = m.UpdatedAt
		}
	}
	c.ID = out.EventID
	c.Incident = out
	return c
}

// bestLocated picks the report with the finest geo_precision (0, unknown,
// ranks last), preferring one with coordinates, then higher confidence, then
// the earlier report.
func bestLocated(ms []incident.Incident) int {
	rank := func(in *incident.Incident) int {
		r := in.GeoPrecision
		if r <= 0 {
			r = 9
		}
		if in.Latitude == nil || in.Longitude == nil {
			r += 10
		}
		return r
	}
	return bestBy(ms, rank)
}

// bestDated picks the finest time_precision; among equally precise reports,
// the date most of them give, then the earliest such date, since a lagging
// outlet dates an attack by the day it heard of it.
func bestDated(ms []incident.Incident) int {
	rank := func(in *incident.Incident) int {
		if in.EventDate == "" {
			return 99
		}
		if in.TimePrecision <= 0 {
			return 9
		}
		return in.TimePrecision
	}
	top := rank(&ms[bestBy(ms, rank)])
	votes := map[string]int{}
	for i := range ms {
		if rank(&ms[i]) == top {
			votes[ms[i].EventDate]++
		}
	}
	best := -1
	for i := range ms {
		if rank(&ms[i]) != top {
			continue
		}
		if best < 0 || votes[ms[i].EventDate] > votes[ms[best].EventDate] ||
			(votes[ms[i].EventDate] == votes[ms[best].EventDate] && ms[i].EventDate < ms[best].EventDate) {
			best = i
		}
	}
	return best
}

// typeVote picks the event type most reports give; ties go to the more
// confident report, then the earlier one.
func typeVote(ms []incident.Incident) int {
	votes := map[string]int{}
	for _, m := range ms {
		votes[m.EventType+"|"+m.SubEventType]++
	}
	return bestBy(ms, func(in *incident.Incident) int {
		return -votes[in.EventType+"|"+in.SubEventType]*1000 - int(in.Confidence*100)
	})
}

// mostSpecificActors picks the report that names the most actors: "gunmen"
// in one outlet and "Islamic State" in another are one attack by IS.
func mostSpecificActors(ms []incident.Incident) int {
	return bestBy(ms, func(in *incident.Incident) int {
		named := 0
		for _, a := range []string{in.Actor1, in.Actor2} {
			if actorKey(a) != "" {
				named++
			}
		}
		return -named*1000 - int(in.Confidence*100)
	})
}

// bestBy returns the index with the lowest rank, the earliest on ties.
func bestBy(ms []incident.Incident, rank func(*incident.Incident) int) int {
	best := 0
	for i := 1; i < len(ms); i++ {
		if rank(&ms[i]) < rank(&ms[best]) {
			best = i
		}
	}
	return best
}

func copyPlace(dst, src *incident.Incident) {
	dst.Country, dst.CountryCode, dst.ISO, dst.Region = src.Country, src.CountryCode, src.ISO, src.Region
	dst.Admin1, dst.Admin2, dst.Admin3 = src.Admin1, src.Admin2, src.Admin3
	dst.Location, dst.Latitude, dst.Longitude = src.Location, src.Latitude, src.Longitude
	dst.GeoPrecision = src.GeoPrecision
}

func copyActors(dst, src *incident.Incident) {
	dst.Actor1, dst.AssocActor1, dst.Inter1 = src.Actor1, src.AssocActor1, src.Inter1
	dst.Actor2, dst.AssocActor2, dst.Inter2 = src.Actor2, src.AssocActor2, src.Inter2
	dst.Interaction, dst.CivilianTargeting = src.Interaction, src.CivilianTargeting
}

// collect gathers each report's value of one count and its range.
func collect(ms []incident.Incident, get func(*incident.Incident) *int) Figures {
	var f Figures
	for i := range ms {
		v := get(&ms[i])
		if v == nil {
			continue
		}
		f.Reports = append(f.Reports, Figure{
			Value: *v, EventID: ms[i].EventID, ArticleID: ms[i].ArticleID, Outlet: outletOf(&ms[i]),
		})
		if f.Low == nil || *v < *f.Low {
			f.Low = incident.Int(*v)
		}
		if f.High == nil || *v > *f.High {
			f.High = incident.Int(*v)
		}
	}
	return f
}

func lowest(ms []incident.Incident, get func(*incident.Incident) *int) *int {
	return collect(ms, get).Low
}

// killedBySide comes from the report whose fatality figure was kept.
func killedBySide(ms []incident.Incident, f Figures) map[string]int {
	if f.Low == nil {
		return nil
	}
	for _, m := range ms {
		if m.Fatalities != nil && *m.Fatalities == *f.Low && len(m.KilledBySide) > 0 {
			return m.KilledBySide
		}
	}
	return nil
}

func mergedTags(ms []incident.Incident, disputed bool) []string {
	var tags []string
	for _, m := range ms {
		tags = append(tags, m.Tags...)
	}
	if disputed {
		tags = append(tags, TagDisputed)
	}
	slices.Sort(tags)
	return slices.Compact(tags)
}

// mergedNotes keeps the first report's notes and says where figures differ.
func mergedNotes(notes string, c Cluster) string {
	var parts []string
	if notes != "" {
		parts = append(parts, notes)
	}
	for _, x := range []struct {
		name string
		f    Figures
	}{{"fatalities", c.Fatalities}, {"wounded", c.Wounded}} {
		if !x.f.Disputed() {
			continue
		}
		var each []string
		for _, r := range x.f.Reports {
			each = append(each, fmt.Sprintf("%d (%s)", r.Value, cmp.Or(r.Outlet, r.ArticleID)))
		}
		parts = append(parts, fmt.Sprintf("Sources disagree on %s: %s; the lowest, %d, is coded.",
			x.name, strings.Join(each, ", "), *x.f.Low))
	}
	return strings.Join(parts, " ")
}

// ByIngestion returns the incidents in ingestion order, as Merge needs them
// for stable IDs. Stores have no ingestion sequence yet, so the time an
// incident was stored (UpdatedAt) stands in for it; ties keep the given
// order. The input is not modified.
func ByIngestion(incs []incident.Incident) []incident.Incident {
	ordered := slices.Clone(incs)
	slices.SortStableFunc(ordered, func(a, b incident.Incident) int { return a.UpdatedAt.Compare(b.UpdatedAt) })
	return ordered
}

// Incidents merges reports given in any order and returns the merged
// incidents, the form trends and exports count, tagged unverified where a
// lone low-corroboration outlet reports them.
func Incidents(reports []incident.Incident, o Options) []incident.Incident {
	clusters := Merge(ByIngestion(reports), o)
	MarkUnverified(clusters, DefaultCredibility())
	out := make([]incident.Incident, len(clusters))
	for i := range clusters {
		out[i] = clusters[i].Incident
	}
	return out
}
