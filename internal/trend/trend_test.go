package trend

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/incident"
)

func inc(date, actor1 string, inter1 int, actor2 string, inter2 int, admin1 string, fat int) incident.Incident {
	return incident.Incident{
		EventDate: date, Actor1: actor1, Inter1: inter1, Actor2: actor2, Inter2: inter2,
		Country: "Iraq", Admin1: admin1, Fatalities: incident.Int(fat),
	}
}

func TestParseBy(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr bool
	}{
		{"actor,admin1", []string{"actor", "admin1"}, false},
		{" Country ", []string{"country"}, false},
		{"actor,country", []string{"actor", "country"}, false},
		{"admin1,country", nil, true},
		{"actor,actor", nil, true},
		{"district", nil, true},
		{"", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseBy(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBuild(t *testing.T) {
	incs := []incident.Incident{
		inc("2024-01-01", "IS", 2, "Military Forces of Iraq", 1, "Kirkuk", 3), // a Monday
		inc("2024-01-07", "IS", 2, "Civilians (Iraq)", 7, "Kirkuk", 2),        // Sunday, same week
		inc("2024-01-08", "IS", 2, "", 0, "Nineveh", 1),
		inc("2024-01-20", "Military Forces of Iraq", 1, "IS", 2, "Kirkuk", 0),
		{EventDate: "sometime"},
	}
	by, _ := ParseBy("actor,admin1")
	res := Build(incs, by, time.Time{}, time.Time{})
	if diff := cmp.Diff([]string{"2024-01-01", "2024-01-08", "2024-01-15"}, res.Weeks); diff != "" {
		t.Errorf("weeks mismatch (-want +got):\n%s", diff)
	}
	if res.Skipped != 1 {
		t.Errorf("skipped = %d, want 1", res.Skipped)
	}
	got := map[string][2][]int{}
	for _, s := range res.Series {
		got[s.Name] = [2][]int{s.Incidents, s.Fatalities}
	}
	want := map[string][2][]int{
		"IS | Iraq / Kirkuk":                      {{2, 0, 1}, {5, 0, 0}},
		"Military Forces of Iraq | Iraq / Kirkuk": {{1, 0, 1}, {3, 0, 0}},
		"IS | Iraq / Nineveh":                     {{0, 1, 0}, {0, 1, 0}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("series mismatch (-want +got):\n%s", diff)
	}
	country := Build(incs, []string{ByCountry}, time.Time{}, time.Time{})
	if len(country.Series) != 1 || sum(country.Series[0].Incidents) != 4 {
		t.Errorf("country series = %+v, want one series of 4 incidents", country.Series)
	}
	if empty := Build(nil, by, time.Time{}, time.Time{}); len(empty.Series) != 0 || len(empty.Weeks) != 0 {
		t.Errorf("Build(nil) = %+v", empty)
	}
}

func TestHDX(t *testing.T) {
	p := HDXParams{WindowDays: 30, LookbackDays: 365, MinFatalities: 10, MinHistoryDays: 365, QuietDays: 30}
	daily := make([]int, 800)
	for d := 0; d < 400; d += 20 {
		daily[d] = 3 // a steady background: 30-day sums of 3 to 6
	}
	daily[500], daily[505] = 4, 8 // 12 in a month: above the minimum and the year's peak
	got := hdx(daily, p)
	if len(got) != 1 || got[0].Day != 505 || got[0].Sum30 != 12 || got[0].PreviousMax != 6 {
		t.Fatalf("hdx = %+v, want one signal on day 505 (12 vs 6)", got)
	}
	daily[700] = 12 // equal to the previous peak: not a new level
	if got := hdx(daily, p); len(got) != 1 {
		t.Errorf("a level equal to the previous peak signalled: %+v", got)
	}
	if got := hdx(daily[:20], p); got != nil {
		t.Errorf("too short a series signalled: %+v", got)
	}
}

func TestCUSUM(t *testing.T) {
	p := DefaultCUSUM()
	x := make([]int, 60)
	for i := range x {
		x[i] = 2
	}
	if got := cusum(x, p); len(got) != 0 {
		t.Errorf("flat series alarmed: %+v", got)
	}
	for i := 40; i < 60; i++ {
		x[i] = 6
	}
	got := cusum(x, p)
	if len(got) == 0 {
		t.Fatal("no alarm on a tripled rate")
	}
	a := got[0]
	if a.Week < 40 || a.Week > 42 || a.sinceWeek != 40 || a.Baseline != 2 || a.RateRatio != 3 {
		t.Errorf("alarm = %+v, want week 40-42 since 40, baseline 2, ratio 3", a)
	}
	dormant := make([]int, 60)
	dormant[50], dormant[51], dormant[52] = 3, 4, 3
	if got := cusum(dormant, p); len(got) == 0 || got[0].Baseline != p.FloorRate {
		t.Errorf("dormant group's return not detected at the floor rate: %+v", got)
	}
}

func TestDetectWhy(t *testing.T) {
	var incs []incident.Incident
	start := time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)
	for w := range 70 {
		n := 1
		if w >= 64 {
			n = 5
		}
		for range n {
			incs = append(incs, inc(start.AddDate(0, 0, 7*w+2).Format(time.DateOnly), "IS", 2, "", 0, "Anbar", 1))
		}
	}
	res := Build(incs, []string{ByActor}, time.Time{}, time.Time{})
	sigs := Detect(res, DefaultParams())
	if len(sigs) != 1 || !sigs[0].Signalling {
		t.Fatalf("signals = %+v, want one signalling series", sigs)
	}
	why := strings.Join(sigs[0].Why, "\n")
	if !strings.Contains(why, "CUSUM") || !strings.Contains(why, "HDX") {
		t.Errorf("why = %q, want both the CUSUM and the HDX rule", why)
	}
}
