package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
)

// report is one outlet's account of an event on a day in a town.
func report(id, outlet, day, town string, lat float64) incident.Incident {
	lon, k := 44.0, 3
	return incident.Incident{
		EventID: id, ArticleID: "art-" + id, Doc: "doc-" + id, EventDate: "2024-05-" + day, TimePrecision: 1,
		EventType: "Explosions/Remote violence", SubEventType: "Remote explosive/landmine/IED",
		Actor1: "Islamic State", Country: "Iraq", CountryCode: "IQ", Admin1: "Diyala", Location: town,
		Latitude: &lat, Longitude: &lon, GeoPrecision: 1, Fatalities: &k,
		Sources: []incident.SourceRef{{ArticleID: "art-" + id, Outlet: outlet}},
	}
}

func TestSources(t *testing.T) {
	reports := []incident.Incident{
		// one event told by two outlets: corroborated
		report("E1", "Daily Courier", "03", "Baqubah", 33.75),
		report("E2", "Evening Wire", "03", "Baqubah", 33.75),
		// an event only a newcomer with no track record reports
		report("E3", "Lone Blog", "11", "Khanaqin", 34.35),
	}
	src := NewSources(reports, merge.DefaultCredibility())
	var outlets []string
	for _, p := range src.Profiles {
		outlets = append(outlets, p.Outlet)
	}
	if !slices.Equal(outlets, []string{"Daily Courier", "Evening Wire", "Lone Blog"}) {
		t.Errorf("profiled outlets %v", outlets)
	}
	for _, tc := range []struct {
		in   incident.Incident
		want bool
	}{
		{reports[0], false},
		{reports[1], false},
		{reports[2], true},
		// stored after the profiles were computed: judged alone; Daily
		// Courier has too short a record for its word alone
		{report("E9", "Daily Courier", "20", "Mandali", 33.74), true},
		{func() incident.Incident { in := reports[0]; in.Tags = []string{merge.TagUnverified}; return in }(), true},
	} {
		t.Run(tc.in.EventID, func(t *testing.T) {
			if got := src.Unverified(&tc.in); got != tc.want {
				t.Errorf("Unverified(%s by %s) = %v, want %v", tc.in.EventID, tc.in.Sources[0].Outlet, got, tc.want)
			}
		})
	}
}

func TestSourcesTaggingCSV(t *testing.T) {
	reports := []incident.Incident{
		report("E1", "Daily Courier", "03", "Baqubah", 33.75),
		report("E2", "Evening Wire", "03", "Baqubah", 33.75),
		report("E3", "Lone Blog", "11", "Khanaqin", 34.35),
	}
	src, err := LoadSources(context.Background(), slicePager(reports))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeAll(src.Tagging(NewCSVWriter(&buf)), reports); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "unverified")
	if col < 0 {
		t.Fatalf("no unverified column in %v", rows[0])
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[col])
	}
	if !slices.Equal(got, []string{"false", "false", "true"}) {
		t.Errorf("unverified cells %v, want false, false, true", got)
	}
	if len(reports[2].Tags) != 0 {
		t.Errorf("tagging changed the caller's incident: %v", reports[2].Tags)
	}

	buf.Reset()
	if err := writeAll(src.Tagging(NewGeoJSONWriter(&buf)), reports[2:]); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"unverified":true`)) {
		t.Errorf("GeoJSON lacks the unverified property: %s", buf.String())
	}
}

// slicePager serves a slice in pages of two.
type slicePager []incident.Incident

func (p slicePager) Incidents(_ context.Context, f incident.Filter) (incident.Page, error) {
	start := 0
	if f.Cursor != "" {
		fmt.Sscan(f.Cursor, &start)
	}
	end := min(start+2, len(p))
	page := incident.Page{Incidents: p[start:end]}
	if end < len(p) {
		page.Next = fmt.Sprint(end)
	}
	return page, nil
}
