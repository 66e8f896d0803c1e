package gazetteer

import (
	"math"
	"strings"
	"testing"
)

func TestResolvePart(t *testing.T) {
	g := loadTest(t)
	cases := []struct {
		name, text string
		lat, lon   float64 // the part's centre, within 150 km
		rule       string
	}{
		// the south of California, not the middle of the state
		{"Southern California", "Wildfires spread across Southern California on Sunday.", 34.4, -117.1, "gazetteer:part-of-region"},
		{"North Queensland", "Cyclone warnings were issued for North Queensland overnight.", -17.8, 142.8, "gazetteer:part-of-region"},
		{"East Texas", "Two towns in East Texas lost power after the storm.", 31.0, -96.1, "gazetteer:part-of-region"},
		{"northern Syria", "Shelling was reported in northern Syria late on Monday.", 36.3, 39.2, "gazetteer:part-of-country"},
		{"southern Iraq", "Protesters gathered in southern Iraq over water shortages.", 30.8, 45.0, "gazetteer:part-of-country"},
		{"eastern Ukraine", "Drone strikes hit eastern Ukraine again this week.", 48.4, 36.0, "gazetteer:part-of-country"},
		// the mainland: not Alaska
		{"western United States", "Heat warnings covered the western United States.", 41.0, -114.7, "gazetteer:part-of-country"},
	}
	for _, c := range cases {
		off := strings.Index(c.text, c.name)
		m, ok := g.Resolve(c.name, Context{Text: c.text, Offset: off, End: off + len(c.name)})
		if !ok {
			t.Errorf("%s: not resolved", c.name)
			continue
		}
		if d := Distance(m.Place.Lat, m.Place.Lon, c.lat, c.lon); d > 150 || m.Rule != c.rule || m.Precision != 3 {
			t.Errorf("%s: got %.2f,%.2f (%.0f km off) rule %s precision %d", c.name, m.Place.Lat, m.Place.Lon, d, m.Rule, m.Precision)
		}
	}
	// where Natural Earth's regions are a patchwork of GeoNames' (Spain),
	// the country's part is not placed
	text := "Storms flooded southern Spain overnight."
	if m, ok := g.Resolve("southern Spain", Context{Text: text, Offset: 15, End: 29}); ok && strings.Contains(m.Rule, "part-of") {
		t.Errorf("southern Spain: placed as a part at %.2f,%.2f", m.Place.Lat, m.Place.Lon)
	}
	// names GeoNames has for such parts keep their own places
	for _, name := range []string{"Northern Ireland", "West Virginia", "South Sudan", "Western Australia"} {
		text := "Officials in " + name + " met on Friday."
		m, ok := g.Resolve(name, Context{Text: text, Offset: 13, End: 13 + len(name)})
		if !ok || strings.Contains(m.Rule, "part-of") {
			t.Errorf("%s: got %+v", name, m)
		}
	}
}

func TestPartCentre(t *testing.T) {
	// a 4 x 3 degree box on the equator: its northern third by area is the
	// top degree, centred half a degree below the top edge
	box := ring{pts: [][2]float32{{0, 0}, {4, 0}, {4, 3}, {0, 3}, {0, 0}}, maxX: 4, maxY: 3}
	lat, lon, ok := partCentre([]ring{box}, compassPart{0, 1, partShare})
	if !ok || math.Abs(lat-2.5) > 0.01 || math.Abs(lon-2) > 0.01 {
		t.Errorf("north: %.3f,%.3f %v", lat, lon, ok)
	}
	lat, lon, _ = partCentre([]ring{box}, compassPart{0, 0, 1})
	if math.Abs(lat-1.5) > 0.01 || math.Abs(lon-2) > 0.01 {
		t.Errorf("central: %.3f,%.3f", lat, lon)
	}
	if _, _, ok := partCentre(nil, compassPart{1, 0, partShare}); ok {
		t.Error("no rings: want no point")
	}
}

func TestFindWidensParts(t *testing.T) {
	g := loadTest(t)
	text := "Aid convoys reached northern Syria on Tuesday, while fighting in North Korea's press was denied and floods hit Texas."
	var got []string
	for _, m := range g.Find(text) {
		got = append(got, m.Text+"|"+m.Rule)
		if m.Text == "northern Syria" && (m.Precision != 3 || Distance(m.Place.Lat, m.Place.Lon, 36.3, 39.2) > 150) {
			t.Errorf("northern Syria: %.2f,%.2f precision %d", m.Place.Lat, m.Place.Lon, m.Precision)
		}
	}
	want := map[string]bool{"northern Syria": false, "North Korea": false, "Texas": false}
	for _, s := range got {
		name, rule, _ := strings.Cut(s, "|")
		if _, ok := want[name]; ok {
			want[name] = true
		}
		if name != "northern Syria" && strings.Contains(rule, "part-of") {
			t.Errorf("%s: read as a part (%s)", name, rule)
		}
	}
	for name, seen := range want {
		if !seen {
			t.Errorf("%s not found; got %v", name, got)
		}
	}
}

// TestCompassBeforeFilter holds compassBefore's quick test of the last
// letters to the word-by-word comparison it stands in front of.
func TestCompassBeforeFilter(t *testing.T) {
	slow := func(text string, end int) (int, bool) {
		for _, c := range compassWords {
			start := end - len(c.word)
			if start < 0 || !strings.EqualFold(text[start:end], c.word) {
				continue
			}
			if start > 0 {
				if b := text[start-1]; b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '-' || b >= 0x80 {
					continue
				}
			}
			return start, true
		}
		return 0, false
	}
	texts := []string{"in", "of", "the", "a", "to", "far-flung", "ſouth", "Kentral", "(east", "ERN", "rn", "n"}
	for _, c := range compassWords {
		texts = append(texts, c.word, strings.ToUpper(c.word), "in "+c.word, "mid"+c.word, "-"+c.word)
	}
	for _, text := range texts {
		wantStart, wantOK := slow(text, len(text))
		start, _, ok := compassBefore(text, len(text))
		if ok != wantOK || start != wantStart {
			t.Errorf("compassBefore(%q) = %d, %v; the word-by-word test says %d, %v", text, start, ok, wantStart, wantOK)
		}
	}
}
