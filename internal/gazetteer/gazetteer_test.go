package gazetteer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

var (
	testOnce sync.Once
	testGaz  *Gazetteer
	testErr  error
)

func loadTest(t testing.TB) *Gazetteer {
	t.Helper()
	testOnce.Do(func() { testGaz, testErr = Load() })
	if testErr != nil {
		t.Fatalf("Load: %v", testErr)
	}
	return testGaz
}

func TestNormalizeVariants(t *testing.T) {
	groups := [][]string{
		{"Salahuddin", "Salah ad Din", "Salah al-Din", "Saladin", "Salaheddin", "Salah ad-Din Province"},
		{"Makhmour", "Makhmur", "Makhmūr"},
		{"Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "Deir el-Zor"},
		{"Anbar", "Al Anbar", "al-Anbar Governorate", "Anbar province"},
		{"Qarachogh", "Qara Chokh", "Qarachogh Mountains"},
		{"Raqqa", "Ar Raqqah", "Al-Raqqa", "ar-Raqqa"},
		{"Tarmiyah", "al-Tarmiyah", "Aţ Ţārmīyah", "Tarmiya"},
		{"Karbala", "Karbala'", "Karbalā’"},
		{"Samarra", "Sāmarrā’", "Samarrah"},
		{"Fallujah", "Falluja", "Al Fallūjah"},
	}
	for _, grp := range groups {
		t.Run(grp[0], func(t *testing.T) {
			want := Normalize(grp[0])
			if want == "" {
				t.Fatalf("Normalize(%q) is empty", grp[0])
			}
			for _, v := range grp[1:] {
				if got := Normalize(v); got != want {
					t.Errorf("Normalize(%q) = %q, want %q (as %q)", v, got, want, grp[0])
				}
			}
		})
	}
}

func TestNormalizeKeepsDistinctNamesApart(t *testing.T) {
	pairs := [][2]string{{"Mosul", "Basra"}, {"Erbil", "Kirkuk"}, {"Homs", "Hama"}, {"Niger", "Nigeria"}, {"Assam", "Sham"}, {"Essex", "Sex"}}
	for _, p := range pairs {
		if Normalize(p[0]) == Normalize(p[1]) {
			t.Errorf("Normalize(%q) == Normalize(%q) = %q", p[0], p[1], Normalize(p[0]))
		}
	}
}

func TestRegion(t *testing.T) {
	g := loadTest(t)
	tests := []struct{ cc, name, want string }{
		{"IQ", "Salahuddin", "IQ.18"},
		{"IQ", "Saladin", "IQ.18"},
		{"IQ", "Nineveh", "IQ.15"},
		{"IQ", "Ninawa", "IQ.15"},
		{"IQ", "Anbar", "IQ.01"},
		{"SY", "Dayr az Zawr", "SY.07"},
		{"SY", "Deir Ezzor", "SY.07"},
		{"IQ", "IQ.10", "IQ.10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Region(tt.cc, tt.name)
			if !ok || p.Admin1Code != tt.want {
				t.Errorf("Region(%q, %q) = %q, %v; want %q", tt.cc, tt.name, p.Admin1Code, ok, tt.want)
			}
		})
	}
}

func TestCountry(t *testing.T) {
	g := loadTest(t)
	tests := []struct{ in, code, region string }{
		{"IQ", "IQ", "Middle East"},
		{"IRQ", "IQ", "Middle East"},
		{"Syria", "SY", "Middle East"},
		{"Iraqi", "IQ", "Middle East"},
		{"Nigeria", "NG", "Western Africa"},
		{"Georgia", "GE", "Caucasus and Central Asia"},
		{"Mexico", "MX", "Central America"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, ok := g.Country(tt.in)
			if !ok || c.Code != tt.code || c.Region != tt.region || c.ISONumeric == 0 {
				t.Errorf("Country(%q) = %+v, %v; want %s in %s", tt.in, c, ok, tt.code, tt.region)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name     string
		lat, lon float64
		cc, a1   string
	}{
		{"Tikrit", 34.60, 43.68, "IQ", "IQ.18"},
		{"Ramadi", 33.42, 43.30, "IQ", "IQ.01"},
		{"Raqqa", 35.95, 39.01, "SY", "SY.04"},
		{"Lagos", 6.45, 3.40, "NG", "NG.05"},
		{"Kansas", 38.5, -98.0, "US", "US.KS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Locate(tt.lat, tt.lon)
			if !ok || p.CountryCode != tt.cc || p.Admin1Code != tt.a1 {
				t.Errorf("Locate(%v, %v) = %s %s, %v; want %s %s", tt.lat, tt.lon, p.CountryCode, p.Admin1Code, ok, tt.cc, tt.a1)
			}
			if p.Admin2 == "" && tt.cc == "IQ" {
				t.Errorf("Locate(%v, %v) has no admin2", tt.lat, tt.lon)
			}
		})
	}
	if _, ok := g.Locate(0, -140); ok {
		t.Error("Locate in the open Pacific found a region")
	}
}

// found is the part of a mention the find tests compare.
type found struct {
	Text      string
	Admin1    string
	Country   string
	Precision int
}

// checkFind runs Find on text and compares the mentions with want; every
// mention's text must be the text at its offsets.
func checkFind(t *testing.T, g *Gazetteer, text string, want []found) {
	t.Helper()
	var got []found
	for _, m := range g.Find(text) {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q does not match its offsets %d-%d", m.Text, m.Start, m.End)
		}
		a1 := m.Place.Admin1Code
		if m.Place.Kind == "A.PCLI" {
			a1 = ""
		}
		got = append(got, found{m.Text, a1, m.Place.CountryCode, m.Precision})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find mismatch (-want +got):\n%s", diff)
	}
}

func TestFind(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name string
		text string
		want []found
	}{
		{
			name: "provinces pair is region level",
			text: "Gunmen struck a checkpoint on the border between Diyala and Salahuddin provinces overnight.",
			want: []found{{"Diyala", "IQ.10", "IQ", 3}, {"Salahuddin provinces", "IQ.18", "IQ", 3}},
		},
		{
			name: "near a town is precision 2",
			text: "Clashes were reported near Samarra, in Iraq, on Tuesday.",
			want: []found{{"Samarra", "IQ.18", "IQ", 2}, {"Iraq", "", "IQ", 3}},
		},
		{
			name: "people's names are not places",
			text: "Donald Trump spoke with Mike Pence and Alina Romanowski about Syria.",
			want: []found{{"Syria", "", "SY", 3}},
		},
		{
			name: "ordinary words are not places",
			text: "Of the mission, officials said nothing. Said to be safe, the convoy left Karbala.",
			want: []found{{"Karbala", "IQ.12", "IQ", 1}},
		},
		{
			name: "mountains and oil fields",
			text: "Troops swept the Qarachogh Mountains and guarded the Alas oilfields in Iraq.",
			want: []found{{"Qarachogh Mountains", "IQ.11", "IQ", 2}, {"Alas oilfields", "IQ.18", "IQ", 2}, {"Iraq", "", "IQ", 3}},
		},
		{
			name: "English articles and acronyms are not names",
			text: "An Iraqi officer said The U.S. and the AVA agency were told. At Mosul, calm returned.",
			want: []found{{"Iraqi", "", "IQ", 3}, {"U.S", "", "US", 3}, {"Mosul", "IQ.15", "IQ", 1}},
		},
		{
			name: "words inside people's and groups' names",
			text: "In Iraq, the commander Qais al-Khazali of the Saraya Ahl al-Haq group spoke in Baghdad.",
			want: []found{{"Iraq", "", "IQ", 3}, {"Baghdad", "IQ.07", "IQ", 1}},
		},
		{
			name: "possessives, lower-case feature words, initialisms",
			text: "Fighters hid in Iraq's Anbar desert near the Haditha dam, the U.N. said on May Day.",
			want: []found{{"Iraq", "", "IQ", 3}, {"Anbar desert", "IQ.01", "IQ", 3}, {"Haditha dam", "IQ.01", "IQ", 2}},
		},
		{
			name: "lower-case text takes only strong names",
			text: "through a coordinated effort, police in baghdad and across iraq seized rifles",
			want: []found{{"baghdad", "IQ.07", "IQ", 1}, {"iraq", "", "IQ", 3}},
		},
		{
			name: "region after a name",
			text: "Shelling hit villages in the Chernihiv region of Ukraine.",
			want: []found{{"Chernihiv region", "UA.02", "UA", 3}, {"Ukraine", "", "UA", 3}},
		},
		{
			name: "between two towns",
			text: "In Mali, soldiers were ambushed on the road between Gao and Menaka.",
			want: []found{{"Mali", "", "ML", 3}, {"Gao", "ML.09", "ML", 2}, {"Menaka", "ML.12070577", "ML", 2}},
		},
		{
			name: "compass words",
			text: "Rockets fell 20 km north of Raqqa and in the northern city of Manbij, Syria.",
			want: []found{{"Raqqa", "SY.04", "SY", 2}, {"Manbij", "SY.09", "SY", 1}, {"Syria", "", "SY", 3}},
		},
		{
			name: "near the town of",
			text: "The raid took place near the disputed town of Makhmour in Iraq.",
			want: []found{{"Makhmour", "IQ.11", "IQ", 2}, {"Iraq", "", "IQ", 3}},
		},
		{
			name: "type word inside the name",
			text: "Police in Kirkuk Governorate and in the city of Kirkuk, Iraq, made arrests.",
			want: []found{{"Kirkuk Governorate", "IQ.13", "IQ", 3}, {"Kirkuk", "IQ.13", "IQ", 1}, {"Iraq", "", "IQ", 3}},
		},
		{
			name: "transliterations in Syria",
			text: "Herders were abducted in the Deir Ezzor countryside and near al-Baghouz, Syria.",
			want: []found{{"Deir Ezzor", "SY.07", "SY", 2}, {"al-Baghouz", "SY.07", "SY", 2}, {"Syria", "", "SY", 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFind(t, g, tt.text, tt.want)
		})
	}
}

// TestIndexCurrent checks that the name index in the embedded data was
// built with today's Normalize: run go generate after changing it.
func TestIndexCurrent(t *testing.T) {
	g := loadTest(t)
	for i := 0; i < int(g.abbrevFrom); i += 997 { // abbreviations and hamlets are read by other keys
		e := &g.entries[i]
		if name := g.str(e.Name); !containsIdx(g.lookup(Normalize(name)), int32(i)) {
			t.Fatalf("entry %q is not under key %q: regenerate the data (go generate ./internal/gazetteer/...)", name, Normalize(name))
		}
	}
}

func TestResolveInsideName(t *testing.T) {
	g := loadTest(t)
	text := "Fans gathered outside the Basra International Stadium in Iraq."
	m, ok := g.Resolve("Basra International Stadium", Context{Text: text, Offset: 26})
	if !ok || m.Place.CountryCode != "IQ" || m.Precision < 2 {
		t.Errorf("Resolve(stadium) = %+v, %v; want a point in Basra at precision 2", m, ok)
	}
	if _, ok := g.Resolve("International Airport", Context{}); ok {
		t.Error("Resolve(International Airport) found a place from facility words alone")
	}
}

func TestResolveFocus(t *testing.T) {
	g := loadTest(t)
	text := "Gunmen attacked a checkpoint in Kirkuk, Iraq, on Monday. Police in Kirkuk said the attackers " +
		"fled towards Qaryat Zzyzxwq, a hamlet south of Kirkuk."
	m, ok := resolveIn(t, g, text, "Qaryat Zzyzxwq")
	if !ok || m.Place.Name != "Kirkuk" || m.Rule != "gazetteer:doc-focus" || m.Precision < 2 || m.Score > 0.5 {
		t.Errorf("Resolve(unknown hamlet) = %+v, %v; want the document's focus, Kirkuk, as a low-scored guess", m, ok)
	}
	if _, ok := g.Resolve("Qaryat Zzyzxwq", Context{}); ok {
		t.Error("Resolve(unknown name) without a document found a place")
	}
}

// TestResolveSharedContext resolves names of one document from several
// goroutines: the context's lazily computed parts are shared (run with -race).
func TestResolveSharedContext(t *testing.T) {
	g := loadTest(t)
	text := "Gunmen attacked a checkpoint in Kirkuk, Iraq, near Hawija and Tikrit, on Monday."
	ctx := g.DocContext(text)
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := ctx
			name := []string{"Hawija", "Qaryat Zzyzxwq"}[i%2]
			c.Offset, c.End = 0, len(name)
			if m, ok := g.Resolve(name, c); ok {
				got[i] = m.Place.CountryCode
			}
		}()
	}
	wg.Wait()
	for i, cc := range got {
		if cc != "IQ" {
			t.Errorf("goroutine %d resolved to %q, want IQ", i, cc)
		}
	}
}

func TestResolveFacilityAtFocus(t *testing.T) {
	g := loadTest(t)
	text := "Crowds gathered in Kirkuk, Iraq, on Monday. Police in Kirkuk guarded the Windsor Castle Hotel " +
		"while officials in Kirkuk and Baghdad met."
	m, ok := resolveIn(t, g, text, "Windsor Castle Hotel")
	if !ok || m.Place.CountryCode != "IQ" {
		t.Errorf("Resolve(Windsor Castle Hotel) in a story about Kirkuk = %s %s, %v; want the document's focus in Iraq",
			m.Place.Name, m.Place.CountryCode, ok)
	}
}

func TestResolveCountyByPopulation(t *testing.T) {
	g := loadTest(t)
	// eleven states have a Henry County; Georgia's holds by far the most people
	m, ok := g.Resolve("Henry County", Context{})
	if !ok || m.Place.Admin1Code != "US.GA" {
		t.Errorf("Resolve(Henry County) without context = %s %s, %v; want the most populous, in Georgia",
			m.Place.Admin1Code, m.Place.Name, ok)
	}
}

func TestResolveTownInNamedCounty(t *testing.T) {
	g := loadTest(t)
	// many states have a Richmond and a Madison County; only Kentucky's
	// Richmond lies in a Madison County
	text := "Deputies from Madison County said a Richmond man was arrested after the crash on Monday."
	m, ok := resolveIn(t, g, text, "Richmond")
	if !ok || m.Place.Admin1Code != "US.KY" {
		t.Errorf("Resolve(Richmond) beside Madison County = %s %s, %v; want Richmond, Kentucky", m.Place.Admin1Code, m.Place.Name, ok)
	}
}

func TestResolveDemonymStem(t *testing.T) {
	g := loadTest(t)
	for name, want := range map[string]string{"Ohioans": "US.OH", "Sicilians": "IT.15", "Dagestani": "RU.17"} {
		text := "Many " + name + " said so."
		m, ok := g.Resolve(name, Context{Text: text, Offset: 5})
		if !ok || m.Place.Admin1Code != want || m.Precision != 3 {
			t.Errorf("Resolve(%s) = %s %s (precision %d), %v; want the region %s", name, m.Place.Admin1Code, m.Place.Name, m.Precision, ok, want)
		}
	}
	if m, ok := g.Resolve("Yardarm", Context{}); ok {
		t.Errorf("Resolve(Yardarm) = %s; a word with no demonym ending is no region", m.Place.Name)
	}
}

func TestResolveQualifier(t *testing.T) {
	g := loadTest(t)
	text := "A bomb went off in Alexandria, Louisiana, late on Friday."
	m, ok := g.Resolve("Alexandria", Context{Text: text, Offset: 19})
	if !ok || m.Place.CountryCode != "US" || m.Place.Admin1Code != "US.LA" {
		t.Errorf("Resolve(Alexandria, Louisiana) = %s %s, %v", m.Place.CountryCode, m.Place.Admin1Code, ok)
	}
	m, ok = g.Resolve("Alexandria", Context{})
	if !ok || m.Place.CountryCode != "EG" {
		t.Errorf("Resolve(Alexandria) without context = %s, want EG", m.Place.CountryCode)
	}
}

// TestSeedGoldPlaces resolves every place named in the seed gold incidents
// and checks it lands in one of the accepted first-level regions.
func TestSeedGoldPlaces(t *testing.T) {
	g := loadTest(t)
	path := filepath.Join(sharedtest.RepoRoot(t), "..", "shared", "gold", "seeds.gold.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed gold file not available (%v)", err)
	}
	var gold struct {
		Documents []struct {
			File      string
			Incidents []struct {
				Key, Country string
				Admin1       []string
				Place        *string
			}
		}
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("parse gold: %v", err)
	}
	for _, d := range gold.Documents {
		article, _ := os.ReadFile(filepath.Join(filepath.Dir(path), "..", "seeds", d.File))
		inArticle := g.Find(string(article))
		for _, inc := range d.Incidents {
			if inc.Place == nil || len(inc.Admin1) == 0 {
				continue
			}
			if len(article) > 0 && !anyInRegion(g, inArticle, inc.Country, inc.Admin1) {
				t.Errorf("%s: no mention in the article lies in %s %v", inc.Key, inc.Country, inc.Admin1)
			}
			t.Run(inc.Key, func(t *testing.T) {
				ms := g.Find(*inc.Place)
				if len(ms) == 0 {
					t.Skipf("no toponym in the gold place description %q: the region comes from the article", *inc.Place)
				}
				for _, m := range ms {
					if !hasCandidateIn(g, m.Text, inc.Country) {
						t.Logf("%q: the gazetteer knows no place of that name in %s; the region comes from the article", m.Text, inc.Country)
						continue
					}
					if m.Place.CountryCode != inc.Country || !acceptedRegion(g, m.Place, inc.Admin1) {
						t.Errorf("%q → %s %s (%s), want %s one of %v", m.Text, m.Place.CountryCode, m.Place.Admin1, m.Place.Name, inc.Country, inc.Admin1)
					}
				}
			})
		}
	}
}

func hasCandidateIn(g *Gazetteer, name, cc string) bool {
	for _, i := range g.lookup(Normalize(name)) {
		if g.str(g.entries[i].CountryCode) == cc {
			return true
		}
	}
	return false
}

func anyInRegion(g *Gazetteer, ms []Mention, cc string, names []string) bool {
	for _, m := range ms {
		if m.Place.CountryCode == cc && acceptedRegion(g, m.Place, names) {
			return true
		}
	}
	return false
}

func acceptedRegion(g *Gazetteer, p Place, names []string) bool {
	for _, n := range names {
		if r, ok := g.Region(p.CountryCode, n); ok && r.Admin1Code == p.Admin1Code {
			return true
		}
	}
	return false
}

// TestSeat: the alias table's seats of government are known as such, and
// resolve to their city; ordinary places are not seats.
func TestSeat(t *testing.T) {
	g := loadTest(t)
	for _, name := range []string{"Kremlin", "White House", "Downing Street"} {
		if !g.Seat(name) {
			t.Errorf("Seat(%q) = false", name)
		}
	}
	for _, name := range []string{"Moscow", "Kirkuk", "House"} {
		if g.Seat(name) {
			t.Errorf("Seat(%q) = true", name)
		}
	}
}

// resolveIn resolves name where it first stands in text, with text's
// document context.
func resolveIn(t *testing.T, g *Gazetteer, text, name string) (Mention, bool) {
	t.Helper()
	at := strings.Index(text, name)
	if at < 0 {
		t.Fatalf("%q is not in the text", name)
	}
	ctx := g.DocContext(text)
	ctx.Offset, ctx.End = at, at+len(name)
	return g.Resolve(name, ctx)
}

func TestCandidates(t *testing.T) {
	g := loadTest(t)
	kinds := map[string]bool{}
	for _, p := range g.Candidates("Kerbala") {
		if p.CountryCode == "IQ" {
			kinds[p.Kind] = true
		}
	}
	if !kinds["A.ADM1"] || !kinds["P.PPLA"] {
		t.Errorf("Candidates(Kerbala) in Iraq = %v, want the province and the city", kinds)
	}
	if c := g.Candidates("Qwxzv"); len(c) != 0 {
		t.Errorf("Candidates of a made-up name = %v", c)
	}
}
