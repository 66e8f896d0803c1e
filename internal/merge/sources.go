package merge

import (
	"slices"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// Field groups: each group of fields is taken whole from one report, so a
// location never comes with another report's coordinates.
const (
	groupPlace  = "place"
	groupDate   = "date"
	groupType   = "type"
	groupActors = "actors"
	groupCounts = "counts"
)

// fieldGroup names the group an evidence field belongs to; fields not listed
// stay with the earliest report.
func fieldGroup(field string) string {
	switch field {
	case "country", "region", "admin1", "admin2", "admin3", "location",
		"latitude", "longitude", "geo_precision":
		return groupPlace
	case "event_date", "time_precision":
		return groupDate
	case "disorder_type", "event_type", "sub_event_type":
		return groupType
	case "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2",
		"interaction", "civilian_targeting":
		return groupActors
	case "fatalities", "wounded", "killed_by_side", "abducted", "arrested":
		return groupCounts
	}
	return ""
}

// mergedEvidence keeps, for each field group, the evidence of the report
// that won it; for counts it keeps every source's evidence, since each
// figure is cited. Evidence is stamped with its article so a reader can tell
// which text each span points into.
func mergedEvidence(ms []incident.Incident, winners map[string]int) []incident.Evidence {
	var out []incident.Evidence
	for i := range ms {
		m := &ms[i]
		for _, e := range m.Evidence {
			g := fieldGroup(e.Field)
			keep := false
			switch {
			case g == groupCounts:
				keep = true
			case g == "":
				keep = i == 0
			default:
				keep = winners[g] == i
			}
			if keep {
				if e.ArticleID == "" {
					e.ArticleID = m.ArticleID
				}
				out = append(out, e)
			}
		}
	}
	return out
}

// sourcesOf lists the articles behind one report: its Sources, or one built
// from its own article when an extractor left Sources empty.
func sourcesOf(in *incident.Incident) []incident.SourceRef {
	if len(in.Sources) > 0 {
		return in.Sources
	}
	if in.ArticleID == "" && in.Doc == "" {
		return nil
	}
	return []incident.SourceRef{{ArticleID: in.ArticleID, Doc: in.Doc, Outlet: in.Source}}
}

// outletOf names the outlet of a single report.
func outletOf(in *incident.Incident) string {
	for _, s := range sourcesOf(in) {
		if s.Outlet != "" {
			return s.Outlet
		}
	}
	return in.Source
}

func mergedSources(ms []incident.Incident) []incident.SourceRef {
	seen := map[string]bool{}
	var out []incident.SourceRef
	for i := range ms {
		for _, s := range sourcesOf(&ms[i]) {
			key := s.ArticleID + "\x00" + s.Doc
			if !seen[key] {
				seen[key] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// outletList is ACLED's source column: the distinct outlets, "; "-joined.
func outletList(srcs []incident.SourceRef) string {
	var names []string
	for _, s := range srcs {
		if s.Outlet != "" && !slices.Contains(names, s.Outlet) {
			names = append(names, s.Outlet)
		}
	}
	return strings.Join(names, "; ")
}
