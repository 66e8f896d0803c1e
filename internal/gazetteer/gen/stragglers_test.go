package main

import (
	"fmt"
	"testing"
)

func TestSimilarNames(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Odessa", "Odesa", true},
		{"Zaporizhia", "Zaporizhzhya", true},
		{"Kramators’k", "Kramatorsk", true},
		{"Lysychans’k", "Lysychansk", true},
		{"Cabo", "Cabo de Santo Agostinho", true},
		{"North York", "North Riverdale", false},
		{"Bochum-Hordel", "Bochum-Werne", false},
		{"Zaporizhia", "Zaporizhzhya-Live", false},
		{"Ai", "Ao", false},
	} {
		if _, got := similarNames(foldName(tc.a), foldName(tc.b)); got != tc.want {
			t.Errorf("similarNames(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestJoinUntaken joins a renamed record to its row by a similar name
// before a village on the record's point can take it, and adds a record
// no row takes as a town with the second-level region of its neighbour.
func TestJoinUntaken(t *testing.T) {
	rows := []city{
		{Name: "Petrivka", CC: "UA", A1: "05", A2: "1412", Lat: 48.7237, Lon: 37.5580, FCode: "PPL"},
		{Name: "Kramatorsk", CC: "UA", A1: "05", A2: "1412", Lat: 48.7311, Lon: 37.5678, FCode: "PPL"},
		{Name: "Lysychansk", CC: "UA", A1: "14", A2: "4412", Lat: 48.9121, Lon: 38.4209, FCode: "PPL"},
	}
	records := []city{
		{ID: 704508, Name: "Kramators’k", CC: "UA", A1: "05", FCode: "PPL", Pop: 173700, Lat: 48.72305, Lon: 37.55629},
		{ID: 691999, Name: "Syevyerodonets’k", CC: "UA", A1: "14", FCode: "PPL", Pop: 130000, Lat: 48.9483, Lon: 38.4917},
		{ID: 1, Name: "Old Quarter", CC: "UA", A1: "14", FCode: "PPLX", Pop: 5000, Lat: 48.9, Lon: 38.4},
	}
	extra := map[string]city{}
	for _, r := range records {
		extra[joinKey(r.CC, r.Name, r.Lat, r.Lon)] = r
		extra[joinKey(r.CC, "", r.Lat, r.Lon)] = r
	}
	taken := map[int64]bool{}
	joinSimilar(rows, extra, taken)
	if rows[1].ID != 704508 || rows[1].Pop != 173700 || rows[1].Alt != "Kramators’k" {
		t.Errorf("Kramatorsk row = %+v, want record 704508", rows[1])
	}
	if rows[0].ID != 0 {
		t.Errorf("Petrivka took record %d", rows[0].ID)
	}
	rows = addUntaken(rows, extra, taken)
	if len(rows) != 4 {
		t.Fatalf("addUntaken: %d rows, want 4 (the section of a town is no town): %s", len(rows), fmt.Sprint(rows))
	}
	if r := rows[3]; r.ID != 691999 || r.A1 != "14" || r.A2 != "4412" {
		t.Errorf("added row = %+v, want record 691999 in 14/4412", r)
	}
}
