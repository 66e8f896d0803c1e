package gazetteer

import (
	"testing"
)

// TestFindNewsText checks Find on sentences shaped like ordinary wire
// copy: possessives, acronyms, demonyms, official region names written the
// English way, and the precision the extractor codes from a mention.
func TestFindNewsText(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name string
		text string
		want []found
	}{
		{
			name: "possessives with straight and curly apostrophes",
			text: "Mali’s junta and Niger's army traded blame, while Chad’s envoy stayed silent.",
			want: []found{{"Mali", "", "ML", 3}, {"Niger", "", "NE", 3}, {"Chad", "", "TD", 3}},
		},
		{
			name: "country acronyms and demonyms",
			text: "A convoy of US troops left the base; British and American officials in Kabul declined to comment, the UN said.",
			want: []found{{"US", "", "US", 3}, {"British", "", "GB", 3}, {"American", "", "US", 3}, {"Kabul", "AF.13", "AF", 1}},
		},
		{
			name: "agency acronyms and people are no places",
			text: "The NNA news service quoted Obama and a spokesman of US Central Command on the strike in Lebanon.",
			want: []found{{"US", "", "US", 3}, {"Lebanon", "", "LB", 3}},
		},
		{
			name: "sentence-initial function word before a province (a second-level region: precision 2)",
			text: "In Seno province, gunmen torched a market. Troops later returned to Dori.",
			want: []found{{"Seno province", "BF.12", "BF", 2}, {"Dori", "BF.12", "BF", 1}},
		},
		{
			name: "a dateline's capitals before a lone article (Kabul's alternate spelling is Kabula)",
			text: "KABUL - A minibus hit a mine on Tuesday; officials in Herat said nothing.",
			want: []found{{"KABUL", "AF.13", "AF", 1}, {"Herat", "AF.11", "AF", 1}},
		},
		{
			name: "French region names written in English",
			text: "Rebels advanced across North Kivu toward Kitshanga in the Democratic Republic of Congo.",
			want: []found{{"North Kivu", "CD.11", "CD", 3}, {"Kitshanga", "CD.11", "CD", 1}, {"Democratic Republic of Congo", "", "CD", 3}},
		},
		{
			name: "small towns with their country named",
			text: "Militants killed villagers in Seytenga, and a day later a bus was ambushed outside Boni, Mali.",
			want: []found{{"Seytenga", "BF.12", "BF", 1}, {"Boni", "ML.04", "ML", 2}, {"Mali", "", "ML", 3}},
		},
		{
			name: "a town named like a range is the town without the type word",
			text: "Jihadists shelter in the Makhmour Mountains in Iraq. On Friday they raided a farm near Makhmour.",
			want: []found{{"Makhmour Mountains", "IQ.11", "IQ", 2}, {"Iraq", "", "IQ", 3}, {"Makhmour", "IQ.11", "IQ", 2}},
		},
		{
			name: "the head of an ezafe name is no town of its own",
			text: "Gunmen attacked a clinic in the Pul-e-Sorkh quarter of Herat. Residents of Dasht-e-Gul fled to Herat.",
			want: []found{{"Herat", "AF.11", "AF", 1}, {"Herat", "AF.11", "AF", 1}},
		},
		{
			name: "a given name before a middle initial is a person's",
			text: "By Carey L. Biron. Officials in Kabul said Cory T. Stowers, an aid worker, had left for Herat.",
			want: []found{{"Kabul", "AF.13", "AF", 1}, {"Herat", "AF.11", "AF", 1}},
		},
		{
			name: "a word before an initialism does not take its first letter",
			text: "In D.C., the mayor said troops had left Kabul.",
			want: []found{{"D.C", "US.DC", "US", 3}, {"Kabul", "AF.13", "AF", 1}},
		},
		{
			name: "the West and Western countries are no towns, though a state is named",
			text: "The governor of Texas blamed the West for the crisis, and Western countries sent aid to Kabul.",
			want: []found{{"Texas", "US.TX", "US", 3}, {"Kabul", "AF.13", "AF", 1}},
		},
		{
			name: "a one-word name that speaks is a person's, a town after a preposition is not",
			text: "Officials in Kidal said two soldiers died. Troopers in Lawrenceburg, Indiana, stopped a truck; Bright said its driver had fled.",
			want: []found{{"Kidal", "ML.10", "ML", 1}, {"Lawrenceburg", "US.IN", "US", 1}, {"Indiana", "US.IN", "US", 3}},
		},
		{
			name: "unknown names do not become far-away namesakes",
			text: "Syrian troops shelled the Al-Sakar village, and Obama Hamed, a local elder, was wounded in Idlib.",
			want: []found{{"Syrian", "", "SY", 3}, {"Idlib", "SY.12", "SY", 1}},
		},
		{
			name: "wide features are region level, point features area level",
			text: "Smugglers cross the Sahara toward the Mediterranean Sea, far from the Haditha dam in Iraq.",
			want: []found{{"Sahara", "", "", 3}, {"Mediterranean Sea", "", "", 3}, {"Haditha dam", "IQ.01", "IQ", 2}, {"Iraq", "", "IQ", 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFind(t, g, tt.text, tt.want)
		})
	}
}

// TestPrecisionForKinds pins the geo_precision the extractor reads off a
// mention's place: region level for anything as large as a region, area
// level for point features and districts, town level for towns.
func TestPrecisionForKinds(t *testing.T) {
	tests := []struct {
		name  string
		p     Place
		level int
		want  int
	}{
		{"country", Place{Kind: "A.PCLI", CountryCode: "IQ"}, levelCountry, 3},
		{"first-level region", Place{Kind: "A.ADM1", CountryCode: "IQ"}, levelAdmin1, 3},
		{"district", Place{Kind: "A.ADM2", CountryCode: "IQ"}, levelAdmin2, 2},
		{"continent", Place{Kind: "L.CONT"}, levelFeature, 3},
		{"ocean", Place{Kind: "H.OCN"}, levelFeature, 3},
		{"desert in one country", Place{Kind: "T.DSRT", CountryCode: "IQ"}, levelFeature, 3},
		{"world region", Place{Kind: "L.RGN"}, levelFeature, 3},
		{"lake across borders", Place{Kind: "H.LK"}, levelFeature, 3},
		{"lake in one country", Place{Kind: "H.LK", CountryCode: "IQ"}, levelFeature, 2},
		{"oil field", Place{Kind: "L.OILF", CountryCode: "IQ"}, levelFeature, 2},
		{"dam", Place{Kind: "S.DAM", CountryCode: "IQ"}, levelFeature, 2},
		{"border crossing", Place{Kind: "S.BDCR", CountryCode: "SY"}, levelFeature, 2},
		{"mountains", Place{Kind: "T.MTS", CountryCode: "IQ"}, levelFeature, 2},
		{"town", Place{Kind: "P.PPL", CountryCode: "IQ"}, levelPlace, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &Gazetteer{}
			e := g.newEntry(tt.p, tt.level, 0)
			if got := g.precisionFor(&e); got != tt.want {
				t.Errorf("precisionFor(%s) = %d, want %d", tt.p.Kind, got, tt.want)
			}
		})
	}
}
