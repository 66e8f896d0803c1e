package gazetteer

import "testing"

// TestAbbreviations checks the abbreviations whose reading depends on the
// document or on their place after a town.
func TestAbbreviations(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "SA in a South African story", text: "Platinum output from Rustenburg fell again. Mines in SA employ fewer people than in 2010.", place: "SA", country: "ZA"},
		{name: "SA in an Australian story", text: "Farmers near Adelaide and Mount Gambier want rain. Dams across SA are at record lows.", place: "SA", country: "AU", admin1: "AU.05"},
		{name: "ACT beside Tasmania", text: "Bushfire warnings were issued in Tasmania and the ACT on Sunday.", place: "ACT", country: "AU", admin1: "AU.01"},
		{name: "a postal code after a town", text: "A truck overturned two miles east of Mexico, MO, on Friday.", place: "MO", country: "US", admin1: "US.MO"},
		{name: "an AP abbreviation that spells a city's code", text: "The driver, of Jennings, La., was taken to hospital.", place: "La.", country: "US", admin1: "US.LA"},
		{name: "a Canadian Press abbreviation", text: "The cat was found in a freight car at Kindersley, Sask., by a conductor.", place: "Sask.", country: "CA", admin1: "CA.11"},
		{name: "a dotted Australian abbreviation", text: "Floods cut the highway north of Grafton, N.S.W., overnight.", place: "N.S.W.", country: "AU", admin1: "AU.02"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
}

// TestAbbreviationsFindNothing checks that the text scan does not take a
// word or code that is also an abbreviation for a place by itself.
func TestAbbreviationsFindNothing(t *testing.T) {
	g := loadTest(t)
	for _, text := range []string{
		"The ACT scores rose. Act now, the senator said, OR lose the vote.",
		"Man arrested after brawl. IN other news, the SA team lost.",
		"N.B. The hearing resumes on Monday; the NT office stays shut.",
		"Mass graves lay by the road. Ill health kept him home. Wash the wound, Pa said.",
	} {
		if ms := g.Find(text); len(ms) > 0 {
			t.Errorf("Find(%q) = %s as %s, want nothing", text, ms[0].Text, ms[0].Place.Name)
		}
	}
}

// TestAbbreviationAfterTown checks that the scan reads an abbreviation
// that is also a word where it qualifies a town.
func TestAbbreviationAfterTown(t *testing.T) {
	g := loadTest(t)
	text := "Soldiers trained at a base outside Tacoma, Wash. on Friday."
	for _, m := range g.Find(text) {
		if m.Text == "Wash" && m.Place.Admin1Code == "US.WA" {
			return
		}
	}
	t.Errorf("Find(%q) has no Washington", text)
}

// TestAbbreviationSpelledTwice checks a spelling that stands alone and
// after a town in one text: after the town it has more candidates, and
// the scan must not share the shorter list's spelling flags with it.
func TestAbbreviationSpelledTwice(t *testing.T) {
	g := loadTest(t)
	for _, text := range []string{
		"Penn was quiet on Sunday. Police in Erie, Penn. said nothing.",
		"Police in Erie, Penn. said nothing. Penn was quiet on Sunday.",
	} {
		found := false
		for _, m := range g.Find(text) {
			found = found || m.Place.Admin1Code == "US.PA" && m.Text == "Penn"
		}
		if !found {
			t.Errorf("Find(%q) has no Pennsylvania after Erie", text)
		}
	}
}
