package merge

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// base is a town-level, day-precise report of an IED attack on soldiers.
func base(id, article, outlet string) incident.Incident {
	return incident.Incident{
		EventID: id, ArticleID: article, Doc: article + ".txt",
		EventDate: "2021-06-10", TimePrecision: 1,
		EventType: incident.ExplosionsRemote, SubEventType: "Remote explosive/landmine/IED",
		Actor1: "Islamic State (Iraq)", Actor2: "Military Forces of Iraq (2014-)",
		Country: "Iraq", CountryCode: "IQ", Admin1: "Diyala", Admin2: "Khanaqin",
		Location: "Jalawla", Latitude: incident.Float(34.27), Longitude: incident.Float(45.16),
		GeoPrecision: 1, Fatalities: incident.Int(2),
		Sources: []incident.SourceRef{{ArticleID: article, Outlet: outlet}},
	}
}

func TestCompatible(t *testing.T) {
	tests := []struct {
		name string
		edit func(b *incident.Incident)
		want bool
	}{
		{"identical retelling", func(*incident.Incident) {}, true},
		{"next day, same type (reporting lag)", func(b *incident.Incident) { b.EventDate = "2021-06-11" }, true},
		{"two days later", func(b *incident.Incident) { b.EventDate = "2021-06-12" }, false},
		{"next day and another type", func(b *incident.Incident) {
			b.EventDate, b.EventType = "2021-06-11", incident.Battles
		}, false},
		{"same day, type confused within violence", func(b *incident.Incident) { b.EventType = incident.Battles }, true},
		{"protest is not an attack", func(b *incident.Incident) { b.EventType = incident.Protests }, false},
		{"week precision covers the day", func(b *incident.Incident) { b.EventDate, b.TimePrecision = "2021-06-14", 2 }, true},
		{"month precision, other month", func(b *incident.Incident) { b.EventDate, b.TimePrecision = "2021-07-01", 3 }, false},
		{"no date", func(b *incident.Incident) { b.EventDate = "" }, false},
		{"actors swapped", func(b *incident.Incident) { b.Actor1, b.Actor2 = b.Actor2, b.Actor1 }, true},
		{"unidentified perpetrator", func(b *incident.Incident) { b.Actor1 = "Unidentified Armed Group (Iraq)" }, true},
		{"other perpetrator", func(b *incident.Incident) { b.Actor1 = "Popular Mobilization Forces" }, false},
		{"perpetrator named as associate", func(b *incident.Incident) {
			b.Actor1, b.AssocActor1 = "Unidentified Armed Group (Iraq)", "Islamic State (Iraq)"
		}, true},
		{"other country", func(b *incident.Incident) { b.CountryCode = "SY" }, false},
		{"another village 6 km away, same day", func(b *incident.Incident) { b.Location, b.Latitude = "Jalawla outskirts", incident.Float(34.325) }, false},
		{"a district of the town, 3 km", func(b *incident.Incident) { b.Location, b.Latitude = "Jalawla centre", incident.Float(34.297) }, true},
		{"unnamed point 6 km away", func(b *incident.Incident) { b.Location, b.Latitude = "", incident.Float(34.325) }, true},
		{"next day in the next village", func(b *incident.Incident) {
			b.EventDate, b.Location, b.Latitude = "2021-06-11", "Jalawla outskirts", incident.Float(34.3)
		}, false},
		{"point 30 km away", func(b *incident.Incident) { b.Location, b.Latitude = "Qara Tapa", incident.Float(34.54) }, false},
		{"near town, 20 km", func(b *incident.Incident) {
			b.Location, b.Latitude, b.GeoPrecision = "near Jalawla", incident.Float(34.45), 2
		}, true},
		{"close but another district", func(b *incident.Incident) {
			b.Location, b.Latitude, b.Admin2 = "Sadiya", incident.Float(34.3), "Muqdadiya"
		}, false},
		{"region-level report in the region", func(b *incident.Incident) {
			b.Location, b.Admin2, b.GeoPrecision, b.Latitude = "Diyala", "", 3, incident.Float(33.9)
		}, true},
		{"region-level report of another region", func(b *incident.Incident) {
			b.Location, b.Admin1, b.Admin2, b.GeoPrecision = "Kirkuk", "Kirkuk", "", 3
		}, false},
		{"same article", func(b *incident.Incident) { b.ArticleID = "a1"; b.Sources[0].ArticleID = "a1" }, false},
	}
	o := DefaultOptions()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := base("A", "a1", "Outlet One"), base("B", "b1", "Outlet Two")
			tc.edit(&b)
			ra, rb := newReport(&a, 0), newReport(&b, 1)
			if got, _ := o.compatible(&ra, &rb); got != tc.want {
				t.Errorf("compatible = %v, want %v", got, tc.want)
			}
			if got, _ := o.compatible(&rb, &ra); got != tc.want {
				t.Errorf("compatible (reversed) = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestCombineFigures(t *testing.T) {
	a := base("A", "a1", "Outlet One")
	a.Evidence = []incident.Evidence{{Field: "fatalities", Quote: "two"}, {Field: "location", Quote: "Jalawla"}}
	b := base("B", "b1", "Outlet Two")
	b.Fatalities = incident.Int(5)
	b.Evidence = []incident.Evidence{{Field: "fatalities", Quote: "five"}}
	c := base("C", "c1", "Outlet Three")
	c.Fatalities = nil
	c.Location, c.GeoPrecision, c.Latitude = "Diyala", 3, incident.Float(33.9)
	c.EventDate, c.TimePrecision = "2021-06-09", 1

	got := Combine([]incident.Incident{a, b, c})
	if got.ID != "A" || got.Incident.EventID != "A" {
		t.Errorf("ID = %q, want the earliest report's A", got.ID)
	}
	if *got.Incident.Fatalities != 2 || *got.Fatalities.Low != 2 || *got.Fatalities.High != 5 {
		t.Errorf("fatalities %d, low %d, high %d: want 2, 2, 5",
			*got.Incident.Fatalities, *got.Fatalities.Low, *got.Fatalities.High)
	}
	if !got.Disputed() || !contains(got.Incident.Tags, TagDisputed) {
		t.Errorf("not marked disputed: tags %v", got.Incident.Tags)
	}
	if got.Incident.Notes == "" {
		t.Error("no note on the disputed figure")
	}
	if got.Incident.Location != "Jalawla" || got.Incident.GeoPrecision != 1 {
		t.Errorf("place = %s/%d, want the town-level Jalawla/1", got.Incident.Location, got.Incident.GeoPrecision)
	}
	wantEv := []incident.Evidence{
		{Field: "fatalities", Quote: "two", ArticleID: "a1"},
		{Field: "location", Quote: "Jalawla", ArticleID: "a1"},
		{Field: "fatalities", Quote: "five", ArticleID: "b1"},
	}
	if diff := cmp.Diff(wantEv, got.Incident.Evidence); diff != "" {
		t.Errorf("evidence mismatch (-want +got):\n%s", diff)
	}
	if got.Incident.Source != "Outlet One; Outlet Two; Outlet Three" || len(got.Incident.Sources) != 3 {
		t.Errorf("sources = %q %v", got.Incident.Source, got.Incident.Sources)
	}
}

func TestCombineDateVote(t *testing.T) {
	a, b, c := base("A", "a1", "O1"), base("B", "b1", "O2"), base("C", "c1", "O3")
	a.EventDate = "2021-06-11"
	c.EventDate, c.TimePrecision = "2021-06-01", 3
	got := Combine([]incident.Incident{a, b, c}).Incident
	if got.EventDate != "2021-06-10" || got.TimePrecision != 1 {
		t.Errorf("date = %s/%d, want the earlier of the day-precise dates 2021-06-10/1", got.EventDate, got.TimePrecision)
	}
}

// TestStableIDs: the merged ID does not move when a new report joins, when
// reports come back re-coded, or when a late report is the most precise.
func TestStableIDs(t *testing.T) {
	a, b := base("A", "a1", "O1"), base("B", "b1", "O2")
	first := Merge([]incident.Incident{a, b}, DefaultOptions())
	c := base("C", "c1", "O3")
	c.GeoPrecision, c.Fatalities = 1, incident.Int(9)
	recodedA := a
	recodedA.EventType, recodedA.Fatalities = incident.Battles, incident.Int(3)
	second := Merge([]incident.Incident{recodedA, b, c}, DefaultOptions())
	if len(first) != 1 || len(second) != 1 {
		t.Fatalf("clusters %d then %d, want 1 and 1", len(first), len(second))
	}
	if first[0].ID != "A" || second[0].ID != first[0].ID {
		t.Errorf("IDs %q then %q, want A both times", first[0].ID, second[0].ID)
	}
}

// TestNoChaining: a vague report that fits two distinct attacks joins one,
// it does not glue them together.
func TestNoChaining(t *testing.T) {
	a := base("A", "a1", "O1")
	b := base("B", "b1", "O2")
	b.Location, b.Admin2, b.Latitude = "Baladruz", "Baladruz", incident.Float(33.7)
	v := base("V", "v1", "O3")
	v.Location, v.Admin2, v.GeoPrecision = "Diyala", "", 3
	got := Merge([]incident.Incident{a, b, v}, DefaultOptions())
	if len(got) != 2 {
		t.Fatalf("%d clusters, want 2", len(got))
	}
}

func TestMergeEmptyAndOdd(t *testing.T) {
	if got := Merge(nil, DefaultOptions()); len(got) != 0 {
		t.Errorf("Merge(nil) = %v", got)
	}
	odd := []incident.Incident{{EventID: "x"}, {EventID: "y", EventDate: "not a date"}, {EventID: "z", EventDate: "1969-12-29", Country: "X"}}
	if got := Merge(odd, DefaultOptions()); len(got) != 3 {
		t.Errorf("%d clusters from 3 unplaceable reports, want 3", len(got))
	}
	if got := Combine(nil); got.ID != "" {
		t.Errorf("Combine(nil) = %+v", got)
	}
}

func TestWeekOf(t *testing.T) {
	for _, tc := range []struct {
		date string
		want int
	}{{"1970-01-01", 0}, {"1970-01-04", 0}, {"1970-01-05", 1}, {"1969-12-29", 0}, {"1969-12-28", -1}} {
		d, _ := dayNumber(tc.date)
		if got := weekOf(d); got != tc.want {
			t.Errorf("weekOf(%s) = %d, want %d", tc.date, got, tc.want)
		}
	}
}
