package gazetteer

import "testing"

// TestFindCommonWords checks that ordinary English words are not read as
// places through spellings that are not the places' own names (GeoNames
// codes and alternates: Fortaleza's "For", Callao's "Region", Mon State's
// "Moon", Seoul's "Sell"), also at a sentence start, while towns, regions
// and countries that bear such a word as their own name still are.
func TestFindCommonWords(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name string
		text string
		want []found
	}{
		{
			name: "sentence-initial words and contractions",
			text: "For months, crowds filled the Region square. Eat early, they said. Music played while Moon watchers waited. I’ve seen it; We'll see. Sell now. They’re calm.",
		},
		{
			name: "a capitalised word inside a sentence",
			text: "Volunteers rebuilt the old Mill behind the church, and the Region council paid For the roof.",
		},
		{
			name: "places whose own names are words",
			text: "Firefighters in Mill Valley, California, contained a blaze. Flooding hit Mill, a town in the Netherlands, and Turkey sent aid.",
			want: []found{
				{"Mill Valley", "US.CA", "US", 1}, {"California", "US.CA", "US", 3},
				{"Mill", "NL.06", "NL", 1}, {"Netherlands", "", "NL", 3}, {"Turkey", "", "TR", 3},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFind(t, g, tt.text, tt.want)
		})
	}
}

// TestCommonWordOnly pins the filter itself: a borrowed reading of a common
// word goes, a place's own name stays, and two capitals are a code.
func TestCommonWordOnly(t *testing.T) {
	g := loadTest(t)
	for _, tt := range []struct {
		surface  string
		keepSome bool // some reading survives
		keepAll  bool
	}{
		{"Ail", false, false}, // Eyl, Ayl and Ell share its key; none is spelt so
		{"Region", false, false},
		{"Are", true, false}, // Åre in Sweden, not Aarau or Arre
		{"IN", true, true},   // a state code after a town
		{"Q", false, false},  // a letter, no code of Kansas City
		{"Fortaleza", true, true},
	} {
		cands := g.lookup(Normalize(tt.surface))
		got := g.commonWordOnly(tt.surface, Normalize(tt.surface), cands)
		if (len(got) > 0) != tt.keepSome || (len(got) == len(cands)) != tt.keepAll {
			t.Errorf("commonWordOnly(%q) kept %d of %d readings, want some=%v all=%v", tt.surface, len(got), len(cands), tt.keepSome, tt.keepAll)
		}
	}
}
