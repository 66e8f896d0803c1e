package merge

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/incident"
)

func attack(article, place string, lat, lon float64, date string, dead int) incident.Incident {
	return incident.Incident{
		ArticleID: article, EventDate: date, TimePrecision: 1,
		EventType: incident.ExplosionsRemote, SubEventType: "Suicide bomb",
		Actor1: "Islamic State (Iraq)", Actor2: "Civilians (Iraq)",
		Country: "Iraq", CountryCode: "IQ", Admin1: "Diyala", Admin2: "Khanaqin",
		Location: place, Latitude: incident.Float(lat), Longitude: incident.Float(lon), GeoPrecision: 1,
		Fatalities: incident.Int(dead),
	}
}

func TestJoin(t *testing.T) {
	o := DefaultOptions()
	market := []incident.Incident{attack("a1", "Jalawla", 34.27, 45.16, "2024-06-02", 9)}
	village := []incident.Incident{attack("a2", "Qara Tapa", 34.42, 44.93, "2024-06-02", 3)}
	tests := []struct {
		name string
		in   incident.Incident
		want int
	}{
		{"retelling a day late joins the market bombing", attack("b", "Jalawla", 34.27, 45.16, "2024-06-03", 12), 0},
		{"the village attack joins the village", attack("b", "Qara Tapa", 34.42, 44.93, "2024-06-02", 4), 1},
		{"another town the same day is new", attack("b", "Saadiya", 34.19, 45.12, "2024-06-02", 2), -1},
		{"the same article never joins itself", attack("a1", "Jalawla", 34.27, 45.16, "2024-06-02", 9), -1},
		{"undated never joins", attack("b", "Jalawla", 34.27, 45.16, "", 9), -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := o.Join(&tt.in, [][]incident.Incident{market, village}); got != tt.want {
				t.Errorf("Join = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestRematch(t *testing.T) {
	old := []incident.Incident{
		attack("a", "Jalawla", 34.27, 45.16, "2024-06-02", 9),
		attack("a", "Qara Tapa", 34.42, 44.93, "2024-06-02", 3),
	}
	recoded := attack("a", "Qara Tapa", 34.42, 44.93, "2024-06-02", 5)
	recoded.EventType, recoded.SubEventType = incident.ViolenceAgainstCivs, "Attack"
	fresh := []incident.Incident{
		attack("a", "Saadiya", 34.19, 45.12, "2024-06-01", 1), // newly found, earlier in the text
		recoded,
		attack("a", "Jalawla", 34.27, 45.16, "2024-06-02", 10),
	}
	if diff := cmp.Diff([]int{-1, 1, 0}, DefaultOptions().Rematch(old, fresh)); diff != "" {
		t.Errorf("Rematch mismatch (-want +got):\n%s", diff)
	}
}

// TestRematchUndated pairs codings without a date: the same one again, and
// one where the new extractor found the date.
func TestRematchUndated(t *testing.T) {
	o := DefaultOptions()
	undated := attack("a", "Jalawla", 34.27, 45.16, "", 9)
	other := attack("a", "Qara Tapa", 34.42, 44.93, "", 3)
	nowDated := attack("a", "Qara Tapa", 34.42, 44.93, "2024-06-02", 3)
	if diff := cmp.Diff([]int{1, 0}, o.Rematch([]incident.Incident{undated, other}, []incident.Incident{nowDated, undated})); diff != "" {
		t.Errorf("Rematch mismatch (-want +got):\n%s", diff)
	}
	bare := incident.Incident{ArticleID: "a", EventType: incident.StrategicDevelopment, SubEventType: "Arrests", Country: "Syria"}
	if got := o.Rematch([]incident.Incident{bare}, []incident.Incident{bare}); got[0] != 0 {
		t.Errorf("an unplaced, undated coding did not pair with itself: %v", got)
	}
}
