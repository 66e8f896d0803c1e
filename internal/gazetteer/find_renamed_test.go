package gazetteer

import "testing"

// TestFindUkrainianTowns checks towns of Ukraine that the two city lists
// the generator joins spell differently (Kramators’k and Kramatorsk) or
// only one of them has, under the spellings reports use.
func TestFindUkrainianTowns(t *testing.T) {
	g := loadTest(t)
	text := "Ukraine's army said Russian forces shelled Kramatorsk, Sievierodonetsk, Izium, Kupiansk and Odesa " +
		"on Thursday, and a drone hit Kryvyi Rih."
	want := map[string]string{"Kramatorsk": "UA.05", "Sievierodonetsk": "", "Izium": "UA.07", "Kupiansk": "UA.07",
		"Odesa": "UA.17", "Kryvyi Rih": "UA.04"}
	got := map[string]Mention{}
	for _, m := range g.Find(text) {
		got[m.Text] = m
	}
	for name, a1 := range want {
		m, ok := got[name]
		switch {
		case !ok:
			t.Errorf("Find did not read %s", name)
		case m.Place.CountryCode != "UA" || a1 != "" && m.Place.Admin1Code != a1:
			t.Errorf("Find: %s = %s %s/%s, want UA/%s", name, m.Place.Name, m.Place.CountryCode, m.Place.Admin1Code, a1)
		case m.Place.Kind != "P.PPLA" && m.Place.Population == 0 && name != "Sievierodonetsk":
			t.Errorf("Find: %s = %s with no population: the city lists were not joined", name, m.Place.Name)
		}
	}
}

// TestFindCapitalOverRegionNamedAfterIt: Kyiv is a first-level region of
// its own, so the oblast around it is not the region it is the seat of;
// a bare "Kiev" is still the city, and "Kiev region" or "Kyiv oblast" the
// oblast. And an
// airport code GeoNames lists among Chisinau's names ("KIV") makes it no
// reading of "Kyiv" when Moldova is in the story.
func TestFindCapitalOverRegionNamedAfterIt(t *testing.T) {
	g := loadTest(t)
	for _, c := range []struct {
		text, name, kind, a1 string
	}{
		{"Overnight shelling hit Kiev, the mayor said.", "Kiev", "P.PPLC", "UA.12"},
		{"Villages in the Kiev region lost power.", "Kiev region", "A.ADM1", "UA.13"},
		{"A drone fell in Kyiv oblast overnight.", "Kyiv oblast", "A.ADM1", "UA.13"}, // GeoNames spells the oblast "Kiev"
		{"Moldova's foreign minister flew to Kyiv for talks.", "Kyiv", "P.PPLC", "UA.12"},
		{"Crowds gathered in Tashkent after the vote.", "Tashkent", "P.PPLC", ""},
	} {
		var got *Mention
		ms := g.Find(c.text)
		for k := range ms {
			if ms[k].Text == c.name {
				got = &ms[k]
			}
		}
		switch {
		case got == nil:
			t.Errorf("%q: %s not found in %+v", c.text, c.name, ms)
		case got.Place.Kind != c.kind || c.a1 != "" && got.Place.Admin1Code != c.a1:
			t.Errorf("%q: %s = %s %s %s, want %s %s", c.text, c.name, got.Place.Name, got.Place.Kind, got.Place.Admin1Code, c.kind, c.a1)
		}
	}
}
