package gazetteer

import "testing"

// TestAbbreviations checks the abbreviations whose reading depends on the
// document or on their place after a town.
func TestAbbreviations(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name, text, span string
		wantCC, wantA1   string
	}{
		{"SA in a South African story", "Platinum output from Rustenburg fell again. Mines in SA employ fewer people than in 2010.", "SA", "ZA", ""},
		{"SA in an Australian story", "Farmers near Adelaide and Mount Gambier want rain. Dams across SA are at record lows.", "SA", "AU", "AU.05"},
		{"ACT beside Tasmania", "Bushfire warnings were issued in Tasmania and the ACT on Sunday.", "ACT", "AU", "AU.01"},
		{"a postal code after a town", "A truck overturned two miles east of Mexico, MO, on Friday.", "MO", "US", "US.MO"},
		{"an AP abbreviation that spells a city's code", "The driver, of Jennings, La., was taken to hospital.", "La.", "US", "US.LA"},
		{"a Canadian Press abbreviation", "The cat was found in a freight car at Kindersley, Sask., by a conductor.", "Sask.", "CA", "CA.11"},
		{"a dotted Australian abbreviation", "Floods cut the highway north of Grafton, N.S.W., overnight.", "N.S.W.", "AU", "AU.02"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := resolveIn(t, g, tc.text, tc.span)
			if !ok || m.Place.CountryCode != tc.wantCC || tc.wantA1 != "" && m.Place.Admin1Code != tc.wantA1 {
				t.Errorf("Resolve(%q) = %s (%s, %s) %v, want %s %s", tc.span, m.Place.Name, m.Place.CountryCode, m.Place.Admin1Code, ok, tc.wantCC, tc.wantA1)
			}
		})
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
