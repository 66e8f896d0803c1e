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
