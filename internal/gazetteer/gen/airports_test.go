package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAirportNameVariants(t *testing.T) {
	tests := []struct {
		name, city string
		want       []string
		kind       string
	}{
		{"Dunmore Kessly International Airport", "Dunmore",
			[]string{"Dunmore Kessly Airport", "Kessly International Airport", "Kessly Airport"}, "S.AIRP"},
		{"Varro Air Base", "",
			[]string{"Varro Airbase", "Varro Airfield"}, "S.AIRB"},
		{"Ostrel Airport / Ostrel Air Base", "",
			[]string{"Ostrel Airport", "Ostrel Air Base", "Ostrel Airbase", "Ostrel Airfield"}, "S.AIRP"},
		{"Al Qirsh International Airport", "Qirsh", // "Al" alone is no name
			[]string{"Al Qirsh Airport"}, "S.AIRP"},
		{"Tamsa Field / New Airport", "", nil, "S.AIRP"}, // type words and a short adjective are no name
		{"Pellow international Airport", "Pellow", []string{"Pellow International Airport", "Pellow Airport"}, "S.AIRP"},
		{"John Q. Varnick International Airport", "", // a person's airport is also named by the surname
			[]string{"John Q. Varnick Airport", "Varnick International Airport", "Varnick Airport"}, "S.AIRP"},
		{"Sorrel Bay Airport (Hamsby Field)", "", // bracketed words without type words are no name of the airport
			[]string{"Sorrel Bay Airport"}, "S.AIRP"},
		{"Dornby Airport (Keswith Regional Airport)", "",
			[]string{"Dornby Airport", "Keswith Regional Airport", "Keswith Airport"}, "S.AIRP"},
		{"Prince Ardley Airport", "", nil, "S.AIRP"},       // no initial: no surname read
		{"Dunmore City Airport", "Dunmore", nil, "S.AIRP"}, // "City Airport" names no one airport
		{"Varro Central Air Base", "Varro", []string{"Varro Central Airbase", "Varro Central Airfield"}, "S.AIRB"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := airport{Name: tc.name, Kind: "S.AIRP", municipality: tc.city}
			a.nameVariants(map[string]bool{"city": true, "central": true, "of": true})
			if diff := cmp.Diff(tc.want, a.Names); diff != "" || a.Kind != tc.kind {
				t.Errorf("variants mismatch (-want +got):\n%s kind %s want %s", diff, a.Kind, tc.kind)
			}
		})
	}
}

func TestBareNameOK(t *testing.T) {
	w := airportWords{common: map[string]bool{"chopin": true, "metropolitan": true}, big: map[string]bool{"toronto": true}}
	for name, want := range map[string]bool{"Kessly": true, "Chopin": false, "Metropolitan": false, "Toronto": false, "Ost": false, "T4": false} {
		if got := bareNameOK(name, w); got != want {
			t.Errorf("bareNameOK(%q) = %v, want %v", name, got, want)
		}
	}
}
