package gazetteer

import (
	"slices"
	"strings"
	"testing"
)

// TestFindCoherence checks that Find, like Resolve with a document
// context, weighs the other names' region votes and counties: local news
// names small towns whose namesakes lie all over a country.
func TestFindCoherence(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct {
		name, text, place, admin1 string
	}{
		{"town in a named county", "Deputies from Madison County said a Richmond man was arrested after the crash on Monday.",
			"Richmond", "US.KY"},
		{"town near the other towns read", "Deputies in Athens arrested a man from Malakoff and another from Chandler on Friday.",
			"Athens", "US.TX"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, m := range g.Find(tc.text) {
				if m.Text == tc.place {
					if m.Place.Admin1Code != tc.admin1 {
						t.Errorf("Find read %s as %s in %s, want %s", tc.place, m.Place.Name, m.Place.Admin1Code, tc.admin1)
					}
					return
				}
			}
			t.Errorf("Find missed %s", tc.place)
		})
	}
}

// TestAnchorTypeWord checks that a county named with its type word
// vouches for its country although towns of the same name lie abroad.
func TestAnchorTypeWord(t *testing.T) {
	g := loadTest(t)
	text := "Deputies of the Henderson County Sheriff's Office arrested a man on Monday."
	ctx := g.DocContext(text)
	if len(ctx.Countries) == 0 || ctx.Countries[0] != "US" {
		t.Errorf("DocContext(%q).Countries = %v, want US first", text, ctx.Countries)
	}
}

// TestRegionInTeamName checks that a region opening a longer name (a
// team's) is not counted as named outright, while a region named alone is.
func TestRegionInTeamName(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct {
		text  string
		named bool
	}{
		{"The Texas Rangers beat the Oakland Athletics on Sunday.", false},
		{"He moved to Texas last year and never looked back.", true},
		{"Texas and Oklahoma officials said the road was closed.", true},
	} {
		ctx := g.DocContext(tc.text)
		got := slices.Contains(ctx.agg.named.without(""), "US.TX")
		if got != tc.named {
			t.Errorf("DocContext(%q): Texas named outright = %v, want %v", tc.text, got, tc.named)
		}
	}
}

// TestResolveNearFoundTowns checks Resolve's second pass: a name is read
// near the towns Find reads for the other names, though none of them is
// an anchor by itself.
func TestResolveNearFoundTowns(t *testing.T) {
	g := loadTest(t)
	text := "Deputies in Athens arrested a man from Malakoff and another from Chandler on Friday."
	m, ok := resolveIn(t, g, text, "Athens")
	if !ok || m.Place.Admin1Code != "US.TX" {
		t.Errorf("Resolve(Athens) beside Malakoff and Chandler = %s %s, %v; want Athens, Texas", m.Place.Name, m.Place.Admin1Code, ok)
	}
}

// TestResolveInsideNoBareCounty checks that a part of a longer name is not
// read as the county it names without "County".
func TestResolveInsideNoBareCounty(t *testing.T) {
	g := loadTest(t)
	text := "Climbers were rescued on Mount Hood after the storm."
	at := strings.Index(text, "Mount Hood")
	m, ok := g.Resolve("Mount Hood", Context{Text: text, Offset: at, End: at + len("Mount Hood")})
	if ok && m.Place.Kind == "A.ADM2" && m.Place.Name == "Hood County" {
		t.Errorf("Resolve(Mount Hood) = %s, %s; a mountain is no county", m.Place.Name, m.Place.Admin1Code)
	}
}
