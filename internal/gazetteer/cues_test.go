package gazetteer

import (
	"strings"
	"testing"
)

func TestListTypeHint(t *testing.T) {
	for _, tc := range []struct {
		name, text, word string
		want             kindHint
	}{
		{"first of three", "Roads in Becker, Clay and Otter Tail counties were shut.", "Becker", hintAdmin2},
		{"middle", "Roads in Becker, Clay and Otter Tail counties were shut.", "Clay", hintAdmin2},
		{"before and", "volunteers from Camden and Charlton counties in Georgia", "Camden", hintAdmin2},
		{"last", "volunteers from Camden and Charlton counties in Georgia", "Charlton", hintAdmin2},
		{"serial or", "live in Butler, Clark, Preble, or Warren counties.", "Clark", hintAdmin2},
		{"provinces", "fighting in Anbar and Diyala provinces", "Anbar", hintAdmin1},
		{"no list", "He drove from Becker to Clay on Monday.", "Becker", hintNone},
		{"list broken by a lower-case word", "Becker, the town, and Clay counties", "Becker", hintNone},
		{"the state holding them", "Its jobless rate is near the middle of Ohio counties this spring.", "Ohio", hintNone},
		{"the region holding them", "Flooding closed roads across three Punjab districts on Sunday.", "Punjab", hintNone},
	} {
		t.Run(tc.name, func(t *testing.T) {
			at := strings.Index(tc.text, tc.word)
			end := at + len(tc.word)
			if got := listTypeHint(tc.text, at, end, wordAfter(tc.text, end)); got != tc.want {
				t.Errorf("listTypeHint(%q after %q) = %v, want %v", tc.text, tc.word, got, tc.want)
			}
		})
	}
}

// TestHintAroundPlural checks that a plural type word after a single name
// says nothing of the name ("Punjab districts" are the districts in
// Punjab), while after a list it types each name.
func TestHintAroundPlural(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct {
		text, word string
		want       kindHint
	}{
		{"Flooding closed roads across three Punjab districts on Sunday.", "Punjab", hintNone},
		{"Troops moved into the Diyala and Salahuddin provinces overnight.", "Salahuddin", hintAdmin1},
		{"The clinic serves the Kent and Sussex districts of the county.", "Sussex", hintAdmin2},
	} {
		at := strings.Index(tc.text, tc.word)
		if got := g.hintAround(tc.text, at, at+len(tc.word)); got != tc.want {
			t.Errorf("hintAround(%q in %q) = %v, want %v", tc.word, tc.text, got, tc.want)
		}
	}
}

func TestQualifierAfterSentenceEnd(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct {
		text, admin1 string
	}{
		{"He grew up in Richmond, Ky. He moved away in 1990.", "US.KY"},
		{"He grew up in Richmond, Ky., and moved away.", "US.KY"},
		{"He grew up in Richmond, W. Va., and moved away.", "US.WV"},
		{"A bomb hit Taji, Iraq. Nobody was hurt.", ""},
	} {
		name := "Richmond"
		if !strings.Contains(tc.text, name) {
			name = "Taji"
		}
		end := strings.Index(tc.text, name) + len(name)
		q := g.qualifierAfter(tc.text, end)
		if q == nil {
			t.Errorf("qualifierAfter(%q) = nil, want a qualifier", tc.text)
			continue
		}
		if tc.admin1 != "" && !q.admin1.has(tc.admin1) {
			t.Errorf("qualifierAfter(%q) regions %v, want %s", tc.text, q.admin1, tc.admin1)
		}
		if tc.admin1 == "" && !q.countries.has("IQ") {
			t.Errorf("qualifierAfter(%q) countries %v, want IQ", tc.text, q.countries)
		}
	}
}

// TestFindListedGivenName: a word the gazetteer keeps as a given name
// ("Cass") is still a county inside a list closed by "counties", and still
// a person on its own.
func TestFindListedGivenName(t *testing.T) {
	g := loadTest(t)
	checkFind(t, g, "Flood warnings covered Berrien, Cass and Kalamazoo counties in Michigan.", []found{
		{"Berrien", "US.MI", "US", 2}, {"Cass", "US.MI", "US", 2}, {"Kalamazoo", "US.MI", "US", 2}, {"Michigan", "US.MI", "US", 3},
	})
	for _, m := range g.Find("Cass said the vote would be close.") {
		t.Errorf("a given name alone read as %q (%s)", m.Text, m.Place.Name)
	}
}
