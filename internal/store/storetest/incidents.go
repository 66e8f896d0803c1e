package storetest

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/sitrep-org/sitrep/internal/incident"
)

func sampleIncident(id, date string) incident.Incident {
	return incident.Incident{
		EventID: id, EventDate: date, TimePrecision: 1,
		DisorderType: incident.PoliticalViolence, EventType: incident.Battles, SubEventType: "Armed clash",
		Actor1: "Military Forces of Iraq (2020-)", Inter1: 1, Actor2: "Islamic State (Iraq)", Inter2: 2, Interaction: 12,
		Country: "Iraq", CountryCode: "IQ", ISO: 368, Region: "Middle East", Admin1: "Kirkuk", Admin2: "Hawija",
		Location: "Hawija", Latitude: incident.Float(35.33), Longitude: incident.Float(43.78), GeoPrecision: 1,
		Fatalities: incident.Int(3), Source: "Test Wire", Notes: "Troops clashed with militants near Hawija.",
		Confidence: 0.8,
		Evidence:   []incident.Evidence{{Field: "location", Start: 0, End: 6, Quote: "Hawija", Rule: "gazetteer"}},
	}
}

func testIncidentRoundTrip(t *testing.T, s incident.Store) {
	a := newArticle(30, "Full incident")
	in := sampleIncident("RT1", "2024-02-29")
	in.AssocActor1 = "Popular Mobilization Forces; Tribal Militia (Iraq)"
	in.AssocActor2 = ""
	in.CivilianTargeting = ""
	in.Admin3 = "Riyadh"
	in.Wounded, in.Abducted, in.Arrested = incident.Int(5), incident.Int(0), nil
	in.KilledBySide = map[string]int{"actor1": 1, "actor2": 2}
	in.ClaimedBy = "Islamic State"
	in.Tags = []string{"crowd size=no report", "local source"}
	in.Evidence = append(in.Evidence, incident.Evidence{Field: "fatalities", Start: 7, End: 12, Quote: "three", Rule: "casualty-count"})
	in.Sources = []incident.SourceRef{{ArticleID: "otherarticle", Doc: "other.txt", Outlet: "Other", Published: "2024-03-01"}}
	res := mustSave(t, s, a, []incident.Incident{in})
	got, err := s.Incident(ctx(t), "RT1")
	if err != nil {
		t.Fatal(err)
	}
	want := in
	want.ArticleID, want.Doc = res.ArticleID, "030.txt"
	for i := range want.Evidence {
		want.Evidence[i].ArticleID = res.ArticleID
	}
	want.Sources = []incident.SourceRef{
		{ArticleID: res.ArticleID, Doc: "030.txt", Outlet: a.Outlet, Published: a.Published.Time.Format(time.DateOnly)},
		in.Sources[0],
	}
	opts := cmp.Options{cmpopts.IgnoreFields(incident.Incident{}, "UpdatedAt"),
		cmpopts.SortSlices(func(x, y incident.SourceRef) bool { return x.ArticleID < y.ArticleID })}
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Errorf("Incident round trip mismatch (-want +got):\n%s", diff)
	}
	if got.UpdatedAt.IsZero() {
		t.Errorf("UpdatedAt not set")
	}
}

func testIncidentNotFound(t *testing.T, s incident.Store) {
	if _, err := s.Incident(ctx(t), "NOPE"); !errors.Is(err, incident.ErrNotFound) {
		t.Errorf("Incident(NOPE): err = %v, want ErrNotFound", err)
	}
}

// fixture stores a small, varied set of incidents across three articles.
func fixture(t *testing.T, s incident.Store) {
	t.Helper()
	mk := func(id, date, country, cc, admin1, et, sub, a1, a2, assoc string, fat *int, lat, lon float64, notes string) incident.Incident {
		in := sampleIncident(id, date)
		in.Country, in.CountryCode, in.Admin1 = country, cc, admin1
		in.EventType, in.SubEventType = et, sub
		in.Actor1, in.Actor2, in.AssocActor2 = a1, a2, assoc
		in.Fatalities = fat
		in.Latitude, in.Longitude = incident.Float(lat), incident.Float(lon)
		in.Notes = notes
		return in
	}
	batches := [][]incident.Incident{
		{
			mk("F1", "2024-01-03", "Iraq", "IQ", "Nineveh", incident.ExplosionsRemote, "Remote explosive/landmine/IED",
				"Islamic State (Iraq)", "Military Forces of Iraq (2020-)", "", incident.Int(4), 36.34, 43.13, "A roadside bomb struck an army patrol near Mosul."),
			mk("F2", "2024-01-10", "Iraq", "IQ", "Kirkuk", incident.Battles, "Armed clash",
				"Military Forces of Iraq (2020-)", "Islamic State (Iraq)", "", incident.Int(0), 35.47, 44.39, "Troops fought militants in the hills south of Kirkuk."),
		},
		{
			mk("F3", "2024-01-11", "Syria", "SY", "Deir ez-Zor", incident.ViolenceAgainstCivs, "Attack",
				"Unidentified Armed Group (Syria)", "Civilians (Syria)", "Farmers (Syria)", incident.Int(2), 35.33, 40.14, "Gunmen shot two shepherds outside the city."),
			mk("F4", "2024-02-05", "Syria", "SY", "Idlib", incident.ExplosionsRemote, "Air/drone strike",
				"Military Forces of Russia (2000-)", "Hayat Tahrir al-Sham", "", nil, 35.93, 36.63, "Warplanes bombed a market; casualties were not reported."),
		},
		{
			mk("F5", "2024-02-06", "Nigeria", "NG", "Borno", incident.Battles, "Armed clash",
				"Islamic State West Africa Province", "Military Forces of Nigeria (2023-)", "", incident.Int(12), 11.85, 13.16, "Insurgents overran a base near Maiduguri."),
			mk("F6", "", "Nigeria", "NG", "Borno", incident.StrategicDevelopment, "Looting/property destruction",
				"Islamic State West Africa Province", "", "", nil, 11.85, 13.16, "Fighters burned houses; the date was not given."),
		},
	}
	for i, b := range batches {
		mustSave(t, s, newArticle(100+i, fmt.Sprintf("Fixture report %d", i)), b)
	}
}

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func testFilters(t *testing.T, s incident.Store) {
	fixture(t, s)
	tests := []struct {
		name string
		f    incident.Filter
		want []string
	}{
		{"all, dated first by default order", incident.Filter{}, []string{"F6", "F1", "F2", "F3", "F4", "F5"}},
		{"from", incident.Filter{From: day("2024-01-11")}, []string{"F3", "F4", "F5"}},
		{"to excludes unknown dates", incident.Filter{To: day("2024-01-10")}, []string{"F1", "F2"}},
		{"range", incident.Filter{From: day("2024-01-10"), To: day("2024-02-05")}, []string{"F2", "F3", "F4"}},
		{"country name any case", incident.Filter{Country: "syria"}, []string{"F3", "F4"}},
		{"country alpha-2", incident.Filter{Country: "ng"}, []string{"F6", "F5"}},
		{"admin1", incident.Filter{Admin1: "KIRKUK"}, []string{"F2"}},
		{"actor either side", incident.Filter{Actor: "Islamic State (Iraq)"}, []string{"F1", "F2"}},
		{"actor without parenthetical", incident.Filter{Actor: "military forces of iraq"}, []string{"F1", "F2"}},
		{"associated actor", incident.Filter{Actor: "Farmers (Syria)"}, []string{"F3"}},
		{"actor sorted by fatalities", incident.Filter{Actor: "Islamic State West Africa Province", Sort: "-fatalities"}, []string{"F5", "F6"}},
		{"event type any case", incident.Filter{EventType: "explosions/remote violence"}, []string{"F1", "F4"}},
		{"sub-event type by CASE code", incident.Filter{SubEventType: "AIR_STRIKE"}, []string{"F4"}},
		{"min fatalities", incident.Filter{MinFatalities: 3}, []string{"F1", "F5"}},
		{"bbox", incident.Filter{BBox: &incident.BBox{MinLon: 40, MinLat: 34, MaxLon: 45, MaxLat: 37}}, []string{"F1", "F2", "F3"}},
		{"text over notes", incident.Filter{Text: "roadside bomb"}, []string{"F1"}},
		{"text stemmed", incident.Filter{Text: "bombing"}, []string{"F1", "F4"}},
		{"combined", incident.Filter{Country: "IQ", Actor: "Islamic State", From: day("2024-01-05")}, []string{"F2"}},
		{"sort -event_date", incident.Filter{Sort: "-event_date"}, []string{"F5", "F4", "F3", "F2", "F1", "F6"}},
		{"sort fatalities", incident.Filter{Sort: "-fatalities", Country: "Iraq"}, []string{"F1", "F2"}},
		{"nothing", incident.Filter{Country: "Mali"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(allIncidents(t, s, tt.f))
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Incidents(%+v) mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}
}

func testPagination(t *testing.T, s incident.Store) {
	for b := range 5 {
		var ins []incident.Incident
		for i := range 5 {
			in := sampleIncident(fmt.Sprintf("P%d%d", b, i), fmt.Sprintf("2024-03-%02d", 1+(b*5+i)%7))
			in.Fatalities = incident.Int((b*7 + i*3) % 5)
			// 25 distinct events: each its own village, ~20 km from the next,
			// so merging at ingest keeps them apart
			in.Location = fmt.Sprintf("Village %d-%d", b, i)
			in.Latitude = incident.Float(33 + 0.2*float64(b*5+i))
			ins = append(ins, in)
		}
		mustSave(t, s, newArticle(200+b, fmt.Sprintf("Page report %d", b)), ins)
	}
	for _, sort := range []string{"event_date", "-event_date", "fatalities", "-fatalities"} {
		t.Run(sort, func(t *testing.T) {
			whole, err := s.Incidents(ctx(t), incident.Filter{Sort: sort, Limit: 100})
			if err != nil || whole.Next != "" || len(whole.Incidents) != 25 {
				t.Fatalf("one page: %d incidents, next %q, %v", len(whole.Incidents), whole.Next, err)
			}
			paged := allIncidents(t, s, incident.Filter{Sort: sort, Limit: 7})
			if diff := cmp.Diff(ids(whole.Incidents), ids(paged)); diff != "" {
				t.Errorf("pages differ from one page (-one +paged):\n%s", diff)
			}
			keys := make([]int, len(paged))
			for i, in := range paged {
				if sort == "fatalities" || sort == "-fatalities" {
					keys[i] = *in.Fatalities
				} else {
					keys[i] = day(in.EventDate).Day()
				}
			}
			if sort[0] == '-' {
				slices.Reverse(keys)
			}
			if !slices.IsSorted(keys) {
				t.Errorf("order by %s broken: %v", sort, keys)
			}
		})
	}
	p, err := s.Incidents(ctx(t), incident.Filter{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Incidents(ctx(t), incident.Filter{Limit: 5, Sort: "-fatalities", Cursor: p.Next}); !errors.Is(err, incident.ErrInvalid) {
		t.Errorf("cursor from another sort: err = %v, want ErrInvalid", err)
	}
}

func testBadFilter(t *testing.T, s incident.Store) {
	for name, f := range map[string]incident.Filter{
		"sort":     {Sort: "location"},
		"cursor":   {Cursor: "!!!not base64"},
		"cursor 2": {Cursor: "YWJj"},
		"bbox":     {BBox: &incident.BBox{MinLon: 0, MinLat: 50, MaxLon: 10, MaxLat: 40}},
	} {
		if _, err := s.Incidents(ctx(t), f); !errors.Is(err, incident.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	for _, iv := range [][2]string{{"year", ""}, {"week", "outlet"}} {
		if _, err := s.Series(ctx(t), incident.Filter{}, iv[0], iv[1]); !errors.Is(err, incident.ErrInvalid) {
			t.Errorf("Series(%s, %s): err = %v, want ErrInvalid", iv[0], iv[1], err)
		}
	}
}

func testSeries(t *testing.T, s incident.Store) {
	fixture(t, s)
	tests := []struct {
		name, interval, by string
		f                  incident.Filter
		want               []incident.SeriesPoint
	}{
		{"weekly, Monday starts, gaps filled", "week", "", incident.Filter{Country: "IQ"}, []incident.SeriesPoint{
			{Period: "2024-01-01", Incidents: 1, Fatalities: 4}, {Period: "2024-01-08", Incidents: 1, Fatalities: 0}}},
		{"weekly over range", "week", "", incident.Filter{From: day("2024-01-08"), To: day("2024-01-28")}, []incident.SeriesPoint{
			{Period: "2024-01-08", Incidents: 2, Fatalities: 2}, {Period: "2024-01-15"}, {Period: "2024-01-22"}}},
		{"monthly by event type", "month", "event_type", incident.Filter{}, []incident.SeriesPoint{
			{Period: "2024-01-01", Key: incident.Battles, Incidents: 1},
			{Period: "2024-01-01", Key: incident.ExplosionsRemote, Incidents: 1, Fatalities: 4},
			{Period: "2024-01-01", Key: incident.ViolenceAgainstCivs, Incidents: 1, Fatalities: 2},
			{Period: "2024-02-01", Key: incident.Battles, Incidents: 1, Fatalities: 12},
			{Period: "2024-02-01", Key: incident.ExplosionsRemote, Incidents: 1}}},
		{"daily by country", "day", "country", incident.Filter{MinFatalities: 1}, []incident.SeriesPoint{
			{Period: "2024-01-03", Key: "Iraq", Incidents: 1, Fatalities: 4},
			{Period: "2024-01-11", Key: "Syria", Incidents: 1, Fatalities: 2},
			{Period: "2024-02-06", Key: "Nigeria", Incidents: 1, Fatalities: 12}}},
		{"by actor counts each side", "month", "actor", incident.Filter{Country: "Iraq"}, []incident.SeriesPoint{
			{Period: "2024-01-01", Key: "Islamic State (Iraq)", Incidents: 2, Fatalities: 4},
			{Period: "2024-01-01", Key: "Military Forces of Iraq (2020-)", Incidents: 2, Fatalities: 4}}},
		{"by admin1 with actor filter", "month", "admin1", incident.Filter{Actor: "islamic state west africa province"}, []incident.SeriesPoint{
			{Period: "2024-02-01", Key: "Borno", Incidents: 1, Fatalities: 12}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Series(ctx(t), tt.f, tt.interval, tt.by)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Series mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// testRevision saves a second report of one incident (the extractor gives
// its stored ID) with a later date and a higher toll: it stays one
// incident with both sources, keeping the conservative toll and the date
// the earlier report gave, marked disputed, and series count it once.
func testRevision(t *testing.T, s incident.Store) {
	in := sampleIncident("REV1", "2024-05-06")
	mustSave(t, s, newArticle(300, "First report"), []incident.Incident{in})
	in.EventDate, in.Fatalities, in.Evidence = "2024-05-07", incident.Int(7), nil
	mustSave(t, s, newArticle(301, "Later report"), []incident.Incident{in})
	got, err := s.Incident(ctx(t), "REV1")
	if err != nil {
		t.Fatal(err)
	}
	if got.EventDate != "2024-05-06" || *got.Fatalities != 3 || len(got.Sources) != 2 || len(got.Evidence) != 1 ||
		!slices.Contains(got.Tags, "disputed") {
		t.Errorf("revised incident: date %s, fatalities %d, %d sources, %d evidence, tags %v; want 2024-05-06, 3, 2, 1 (first report's evidence kept), disputed",
			got.EventDate, *got.Fatalities, len(got.Sources), len(got.Evidence), got.Tags)
	}
	for _, f := range []incident.Filter{{}, {Admin1: "Kirkuk"}} {
		pts, err := s.Series(ctx(t), f, "week", "")
		if err != nil {
			t.Fatal(err)
		}
		want := []incident.SeriesPoint{{Period: "2024-05-06", Incidents: 1, Fatalities: 3}}
		if diff := cmp.Diff(want, pts); diff != "" {
			t.Errorf("Series(%+v) after revision mismatch (-want +got):\n%s", f, diff)
		}
	}
}
