// Package postaltowns reads the US post-office towns of the npm package
// cities (USPS city names with ZIP-code centre points) for the gazetteer's
// generators: gen, which fills names GeoNames lacks, and genpostal, which
// writes the towns GeoNames has only in other states.
package postaltowns

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
)

// Town is one post-office town of a state, at the mean of its ZIP points.
type Town struct {
	Name, State string // the USPS spelling and the state's two-letter code
	Lat, Lon    float64
}

// Read reads the package's locations.json and returns one town per name and
// state, sorted by name and then state.
func Read(path string) ([]Town, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("postal towns: %w", err)
	}
	var raw []struct {
		City, Latitude, Longitude string
		StateAbbr                 string `json:"state_abbr"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("postal towns: parse %s: %w", path, err)
	}
	type acc struct{ lat, lon, n float64 }
	sums := map[[2]string]*acc{}
	for _, r := range raw {
		lat, err1 := strconv.ParseFloat(r.Latitude, 64)
		lon, err2 := strconv.ParseFloat(r.Longitude, 64)
		if err1 != nil || err2 != nil || r.City == "" || len(r.StateAbbr) != 2 {
			continue
		}
		k := [2]string{r.City, r.StateAbbr}
		a := sums[k]
		if a == nil {
			a = &acc{}
			sums[k] = a
		}
		a.lat, a.lon, a.n = a.lat+lat, a.lon+lon, a.n+1
	}
	out := make([]Town, 0, len(sums))
	for k, a := range sums {
		out = append(out, Town{Name: k[0], State: k[1], Lat: a.lat / a.n, Lon: a.lon / a.n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].State < out[j].State
	})
	return out, nil
}
