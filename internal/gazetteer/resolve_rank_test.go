package gazetteer

import "testing"

// placeCase is one name to resolve in a text and the country and
// first-level region (none when admin1 is empty) it should lie in; the
// resolver's tests share it.
type placeCase struct {
	name, text, place string
	country, admin1   string
}

func checkPlace(t *testing.T, g *Gazetteer, tc placeCase) {
	t.Helper()
	m, ok := resolveIn(t, g, tc.text, tc.place)
	if !ok {
		t.Fatalf("Resolve(%s) found nothing", tc.place)
	}
	if m.Place.CountryCode != tc.country || tc.admin1 != "" && m.Place.Admin1Code != tc.admin1 {
		t.Errorf("Resolve(%s) = %s %s/%s (%s), want %s/%s", tc.place, m.Place.Name, m.Place.CountryCode, m.Place.Admin1Code, m.Rule, tc.country, tc.admin1)
	}
}

// TestResolveSportCity checks that a report that reads as sports names
// its opponents by their big cities, while a local report keeps the
// namesake in its own state.
func TestResolveSportCity(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "opponent in a sports report",
			text: "HOUSTON, Texas (AP) - The Rockets held on in overtime to beat Portland 112-108, their third straight win of the season. " +
				"Their coach praised the rookie from Austin who scored 19 points in the game, and the team heads to San Antonio " +
				"and Dallas for two more games before the playoffs. The league fined Portland's coach after the game.",
			place: "Portland", country: "US", admin1: "US.OR"},
		{name: "namesake in a local report",
			text:  "Police in Portland arrested two men from Corpus Christi on Monday. Officers from Aransas Pass and Ingleside helped, Texas officials said.",
			place: "Portland", country: "US", admin1: "US.TX"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
}

// TestResolveNamedCountryCapital checks that a capital is read when the
// document names its country, though the story is told from a namesake's
// state.
func TestResolveNamedCountryCapital(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "capital of the country named",
			text: "LEXINGTON, Ky. - A nurse from Lexington was on holiday in France when the shooting began. " +
				"She saw the gunman near a cafe in Paris on Thursday and plans to fly home to Kentucky next week.",
			place: "Paris", country: "FR"},
		{name: "namesake when the country is not named",
			text:  "LEXINGTON, Ky. - A nurse from Lexington was driving to Paris on Thursday when the storm hit central Kentucky.",
			place: "Paris", country: "US", admin1: "US.KY"},
		{name: "a capital named like its country is no reading of the country",
			text:  "Officials in Mexico said the Mexican army had moved north, a Mexican newspaper reported.",
			place: "Mexico", country: "MX"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
}

// TestResolveRegionTwin checks that a bare name shared by a first-level
// region and a town in another region of the same country is the region,
// while a town named like the region it lies in, or qualified, stays.
func TestResolveRegionTwin(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "state over a town elsewhere named after it",
			text:  "Lottery officials in Albany said the ticket was bought in New York by a retiree who now lives in Florida.",
			place: "Florida", country: "US", admin1: "US.FL"},
		{name: "state over a county elsewhere named after it",
			text:  "The buyer, a Delaware company with offices in Indianapolis, Indiana, paid $40 million for a mall in Fort Wayne.",
			place: "Delaware", country: "US", admin1: "US.DE"},
		{name: "town qualified by its state",
			text:  "A fire destroyed a barn in Nevada, Iowa, on Sunday, the Story County sheriff said.",
			place: "Nevada", country: "US", admin1: "US.IA"},
		{name: "city named like the region it lies in",
			text:  "Rebels shelled Idlib on Monday, and the fighting spread to villages south of the city.",
			place: "Idlib", country: "SY"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
}

// TestResolveRegionNamedElsewhere checks that a bare name is the region
// the document names outright by another of its names (a postal
// abbreviation in a dateline), and the capital otherwise.
func TestResolveRegionNamedElsewhere(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "the state, named by its abbreviation",
			text:  "YAKIMA, Wash. - Crews from Oregon held the fire line on Monday; it is the worst season Washington has had, a state forester said.",
			place: "Washington", country: "US", admin1: "US.WA"},
		{name: "the capital, when nothing names the state",
			text:  "Crews from Oregon held the fire line on Monday, and officials in Washington promised money for the next season.",
			place: "Washington", country: "US", admin1: "US.DC"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
}

// TestResolveSpatialNamesakes checks that namesakes lying near each other
// support each other though no state is named: Alexandria beside
// Pineville is the Louisiana pair, not the big Alexandria in Virginia,
// while beside Fairfax and Arlington it is the one in Virginia.
func TestResolveSpatialNamesakes(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "small namesakes next to each other",
			text:  "The fair drew families from Alexandria and Pineville, and the school board met in Alexandria on Monday.",
			place: "Alexandria", country: "US", admin1: "US.LA"},
		{name: "the other one of the pair",
			text:  "The fair drew families from Alexandria and Pineville, and the school board met in Alexandria on Monday.",
			place: "Pineville", country: "US", admin1: "US.LA"},
		{name: "the big namesake with its own neighbours",
			text:  "The fair drew families from Alexandria, Fairfax and Arlington, and the school board met in Alexandria on Monday.",
			place: "Alexandria", country: "US", admin1: "US.VA"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
}

// TestFindSpatialNamesakes checks that Find, as Resolve, reads namesakes
// lying near each other as the pair: the extractor sees what eval geo
// measures.
func TestFindSpatialNamesakes(t *testing.T) {
	g := loadTest(t)
	text := "The fair drew families from Alexandria and Pineville, and the school board met in Alexandria on Monday."
	found := 0
	for _, m := range g.Find(text) {
		if m.Text == "Alexandria" || m.Text == "Pineville" {
			found++
			if m.Place.Admin1Code != "US.LA" {
				t.Errorf("Find read %s as %s in %s, want US.LA", m.Text, m.Place.Name, m.Place.Admin1Code)
			}
		}
	}
	if found != 3 {
		t.Errorf("Find read %d of the 3 mentions", found)
	}
}

// TestResolveBigCapitalOverForeignRegion checks that a regional capital
// of a quarter of a million people or more is not taken for a
// first-level region of the same name in another country when nothing in
// the text points there, while the region's own country still brings it
// back.
func TestResolveBigCapitalOverForeignRegion(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "bare name", text: "An airstrike hit Gaza before dawn, killing four people, medics said.",
			place: "Gaza", country: "PS"},
		{name: "the region's country named", text: "Floods in Mozambique cut roads in Gaza and Inhambane provinces.",
			place: "Gaza", country: "MZ"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
}

// TestFindTownOverForeignBigCapital checks that a town of the country a
// report is about, misspelt by a letter ("Samara" for Samarra), is not
// taken for a big regional capital of the same spelling in a country the
// report never names.
func TestFindTownOverForeignBigCapital(t *testing.T) {
	g := loadTest(t)
	text := "Iraqi police said gunmen killed a shepherd near Kirkuk on Tuesday. A day later a bomb " +
		"went off in the city of Samara, wounding four soldiers, an officer in Baghdad said."
	for _, m := range g.Find(text) {
		if m.Text == "Samara" {
			if m.Place.CountryCode != "IQ" {
				t.Errorf("Find: Samara = %s %s (%s), want the Iraqi city", m.Place.Name, m.Place.CountryCode, m.Rule)
			}
			return
		}
	}
	t.Error("Find did not read Samara")
}

// TestResolveNamesakeRegions: two first-level regions of one name, and
// nothing in the text for either, go to the one more people live in;
// a text that names the other country still gets its region.
func TestResolveNamesakeRegions(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "bare", text: "Hundreds marched through Maryland on Saturday.", place: "Maryland", country: "US", admin1: "US.MD"},
		{name: "the other country named", text: "Liberian police said the clashes in Maryland left four dead.", place: "Maryland", country: "LR"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
}
