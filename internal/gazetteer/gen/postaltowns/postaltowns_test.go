package postaltowns

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadAveragesZipPointsPerTownAndState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locations.json")
	data := `[
{"city":"Maple Ford","state_abbr":"IA","latitude":"42.0","longitude":"-96.0"},
{"city":"Maple Ford","state_abbr":"IA","latitude":"42.2","longitude":"-96.2"},
{"city":"Maple Ford","state_abbr":"MO","latitude":"39.5","longitude":"-92.1"},
{"city":"Alder Run","state_abbr":"PA","latitude":"41.0","longitude":"-78.0"},
{"city":"","state_abbr":"PA","latitude":"41.0","longitude":"-78.0"},
{"city":"Nowhere","state_abbr":"XYZ","latitude":"1","longitude":"1"},
{"city":"Bad Point","state_abbr":"OH","latitude":"north","longitude":"-80"}]`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	towns, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []Town{
		{"Alder Run", "PA", 41.0, -78.0},
		{"Maple Ford", "IA", 42.1, -96.1},
		{"Maple Ford", "MO", 39.5, -92.1},
	}
	if len(towns) != len(want) {
		t.Fatalf("towns = %+v, want %+v", towns, want)
	}
	for i, w := range want {
		g := towns[i]
		if g.Name != w.Name || g.State != w.State || abs(g.Lat-w.Lat) > 1e-9 || abs(g.Lon-w.Lon) > 1e-9 {
			t.Errorf("town %d = %+v, want %+v", i, g, w)
		}
	}
	if _, err := Read(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("a missing file read without error")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
