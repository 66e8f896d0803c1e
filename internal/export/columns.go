// Package export writes incidents in the formats analysts load into their
// tools: CSV with ACLED's columns (for Excel, R and pandas), GeoJSON (for
// QGIS and web maps) and JSON lines (the full record, evidence included).
// Every format has a streaming Writer so a million incidents never have to
// sit in memory at once.
package export

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// column is one field of the flat formats (CSV, GeoJSON properties). value
// returns a string, int, float64, *int, *float64 or nil; the writers turn it
// into a cell or a JSON value.
type column struct {
	name  string
	value func(in *incident.Incident) any
	text  bool // free text from articles: guarded against spreadsheet formulas in CSV
}

// acledColumns are ACLED's export columns, in ACLED's order.
func acledColumns() []column {
	return []column{
		{"event_id_cnty", func(in *incident.Incident) any { return in.EventID }, true},
		{"event_date", func(in *incident.Incident) any { return in.EventDate }, false},
		{"year", year, false},
		{"time_precision", func(in *incident.Incident) any { return nonZero(in.TimePrecision) }, false},
		{"disorder_type", func(in *incident.Incident) any { return in.DisorderType }, false},
		{"event_type", func(in *incident.Incident) any { return in.EventType }, false},
		{"sub_event_type", func(in *incident.Incident) any { return in.SubEventType }, false},
		{"actor1", func(in *incident.Incident) any { return in.Actor1 }, true},
		{"assoc_actor_1", func(in *incident.Incident) any { return in.AssocActor1 }, true},
		{"inter1", func(in *incident.Incident) any { return nonZero(in.Inter1) }, false},
		{"actor2", func(in *incident.Incident) any { return in.Actor2 }, true},
		{"assoc_actor_2", func(in *incident.Incident) any { return in.AssocActor2 }, true},
		{"inter2", func(in *incident.Incident) any { return nonZero(in.Inter2) }, false},
		{"interaction", func(in *incident.Incident) any { return nonZero(in.Interaction) }, false},
		{"civilian_targeting", func(in *incident.Incident) any { return in.CivilianTargeting }, false},
		{"iso", func(in *incident.Incident) any { return nonZero(in.ISO) }, false},
		{"region", func(in *incident.Incident) any { return in.Region }, true},
		{"country", func(in *incident.Incident) any { return in.Country }, true},
		{"admin1", func(in *incident.Incident) any { return in.Admin1 }, true},
		{"admin2", func(in *incident.Incident) any { return in.Admin2 }, true},
		{"admin3", func(in *incident.Incident) any { return in.Admin3 }, true},
		{"location", func(in *incident.Incident) any { return in.Location }, true},
		{"latitude", func(in *incident.Incident) any { return in.Latitude }, false},
		{"longitude", func(in *incident.Incident) any { return in.Longitude }, false},
		{"geo_precision", func(in *incident.Incident) any { return nonZero(in.GeoPrecision) }, false},
		{"source", source, true},
		{"source_scale", func(*incident.Incident) any { return "" }, false},
		{"notes", func(in *incident.Incident) any { return in.Notes }, true},
		{"fatalities", func(in *incident.Incident) any { return in.Fatalities }, false},
		{"tags", func(in *incident.Incident) any { return strings.Join(in.Tags, "; ") }, true},
		{"timestamp", timestamp, false},
	}
}

// extraColumns are sitrep's fields that ACLED has no column for; they follow
// ACLED's so that scripts written for ACLED's layout keep working.
func extraColumns() []column {
	return []column{
		{"doc", func(in *incident.Incident) any { return in.Doc }, true},
		{"article_id", func(in *incident.Incident) any { return in.ArticleID }, false},
		{"country_code", func(in *incident.Incident) any { return in.CountryCode }, false},
		{"wounded", func(in *incident.Incident) any { return in.Wounded }, false},
		{"abducted", func(in *incident.Incident) any { return in.Abducted }, false},
		{"arrested", func(in *incident.Incident) any { return in.Arrested }, false},
		{"killed_by_side", killedBySide, true},
		{"claimed_by", func(in *incident.Incident) any { return in.ClaimedBy }, true},
		{"confidence", func(in *incident.Incident) any { return in.Confidence }, false},
		{"source_articles", sourceArticles, false},
		{"evidence_fields", evidenceFields, false},
		// unverified: only one low-corroboration outlet reports it (the
		// writer's caller tags it; see Sources.Tagging).
		{"unverified", func(in *incident.Incident) any { return slices.Contains(in.Tags, merge.TagUnverified) }, false},
	}
}

// Columns returns the header of the flat formats: ACLED's columns in
// ACLED's order, then sitrep's.
func Columns() []string {
	cols := allColumns()
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return names
}

func allColumns() []column { return append(acledColumns(), extraColumns()...) }

// nonZero maps the zero code (unknown) to nil so it is written as an empty
// cell or a JSON null rather than a misleading 0.
func nonZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func year(in *incident.Incident) any {
	if len(in.EventDate) < 4 {
		return nil
	}
	y, err := strconv.Atoi(in.EventDate[:4])
	if err != nil {
		return nil
	}
	return y
}

// source names the outlets; ACLED separates several with "; ".
func source(in *incident.Incident) any {
	if in.Source != "" {
		return in.Source
	}
	var outlets []string
	seen := map[string]bool{}
	for _, s := range in.Sources {
		if s.Outlet != "" && !seen[s.Outlet] {
			seen[s.Outlet] = true
			outlets = append(outlets, s.Outlet)
		}
	}
	return strings.Join(outlets, "; ")
}

func timestamp(in *incident.Incident) any {
	if in.UpdatedAt.IsZero() {
		return nil
	}
	return int(in.UpdatedAt.Unix())
}

// killedBySide writes the per-side death toll as "side=n; side=n", sorted
// by side so that the same incident always gives the same cell.
func killedBySide(in *incident.Incident) any {
	if len(in.KilledBySide) == 0 {
		return ""
	}
	sides := make([]string, 0, len(in.KilledBySide))
	for s := range in.KilledBySide {
		sides = append(sides, s)
	}
	sort.Strings(sides)
	parts := make([]string, len(sides))
	for i, s := range sides {
		parts[i] = s + "=" + strconv.Itoa(in.KilledBySide[s])
	}
	return strings.Join(parts, "; ")
}

func sourceArticles(in *incident.Incident) any {
	ids := make([]string, 0, len(in.Sources)+1)
	seen := map[string]bool{}
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	add(in.ArticleID)
	for _, s := range in.Sources {
		add(s.ArticleID)
	}
	return strings.Join(ids, "; ")
}

// evidenceFields lists the coded fields that carry evidence, so a reader of
// the flat export can tell a supported value from a default.
func evidenceFields(in *incident.Incident) any {
	var fields []string
	seen := map[string]bool{}
	for _, e := range in.Evidence {
		if !seen[e.Field] {
			seen[e.Field] = true
			fields = append(fields, e.Field)
		}
	}
	sort.Strings(fields)
	return strings.Join(fields, "; ")
}
