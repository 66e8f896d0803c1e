package gazetteer

import "testing"

// TestResolveInsideSpelled checks that a part of a longer name places the
// name only where it spells a place: a demonym ("Spanish") or a word
// that only shares a matching key with a town is no reading of the place.
func TestResolveInsideSpelled(t *testing.T) {
	g := loadTest(t)
	text := "A fire gutted a bakery in the Spanish Quarter overnight, police in Naples said. " +
		"Two tourists from Spain were treated for smoke, and firefighters from Naples and Pozzuoli worked until dawn."
	m, ok := resolveIn(t, g, text, "Spanish Quarter")
	if !ok || m.Place.CountryCode != "IT" {
		t.Errorf("Resolve(Spanish Quarter) = %s (%s) by %s, want the story's Naples", m.Place.Name, m.Place.CountryCode, m.Rule)
	}
}

// TestResolveInsideFeatureHead checks that the word naming a feature's
// kind ("Islands") is not read as the place a longer name lies in, even
// where a district bears that word as its name.
func TestResolveInsideFeatureHead(t *testing.T) {
	g := loadTest(t)
	text := "The survey crew spent the summer on the Tellwether Islands counting seabirds."
	if m, ok := resolveIn(t, g, text, "Tellwether Islands"); ok && m.Place.CountryCode == "HK" {
		t.Errorf("Resolve(Tellwether Islands) = %s (%s) by %s, want no Hong Kong district", m.Place.Name, m.Place.CountryCode, m.Rule)
	}
}

// TestResolveSpelledOut checks that an abbreviated type word is read in
// full: "Tillman Co." is Tillman County, not the story's main town.
func TestResolveSpelledOut(t *testing.T) {
	g := loadTest(t)
	text := "Hail flattened wheat across Tillman Co. on Sunday, officials in Lawton said, and schools in Lawton and Frederick closed early."
	m, ok := resolveIn(t, g, text, "Tillman Co.")
	if !ok || m.Place.Kind != "A.ADM2" || m.Place.Admin1Code != "US.OK" {
		t.Errorf("Resolve(Tillman Co.) = %s %s %s by %s, want Tillman County, Oklahoma", m.Place.Name, m.Place.Kind, m.Place.Admin1Code, m.Rule)
	}
	if long, _, ok := spellOut("Acme Holdings"); ok {
		t.Errorf("spellOut(Acme Holdings) = %q, want nothing to spell out", long)
	}
}
