package gazetteer

import (
	"strings"
	"testing"
)

// TestPostalStates checks that a post-office town whose name GeoNames has
// in other states wins where its state is named and loses elsewhere.
func TestPostalStates(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []placeCase{
		{name: "qualified by its state", text: "A pickup slid off the road three miles north of Holliday, Missouri, on Sunday.", place: "Holliday", country: "US", admin1: "US.MO"},
		{name: "qualified by an AP abbreviation", text: "HOLLIDAY, Mo. - A pickup slid off the road on Sunday.", place: "HOLLIDAY", country: "US", admin1: "US.MO"},
		{name: "in a story about its county", text: "Deputies in Le Mars said tools were stolen from a farm near Hinton, and the Sioux City police helped, Iowa officials said.", place: "Hinton", country: "US", admin1: "US.IA"},
		{name: "unqualified, the GeoNames town", text: "The rodeo in Holliday drew riders from Wichita Falls, Texas.", place: "Holliday", country: "US", admin1: "US.TX"},
		{name: "a famous town's namesake, qualified", text: "ATHENS, Ohio - A dorm fire sent two students to hospital.", place: "ATHENS", country: "US", admin1: "US.OH"},
		{name: "a famous town's namesake, in a Minnesota story", text: "Crews from St. Cloud fought a barn fire in Belgrade, Minn., on Sunday.", place: "Belgrade", country: "US", admin1: "US.MN"},
		{name: "the famous town itself", text: "Protesters marched through Belgrade and Novi Sad on Sunday.", place: "Belgrade", country: "RS", admin1: "RS.SE"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPlace(t, g, tc) })
	}
}

// TestPostalStatesKeys checks that the normal forms the generator stored
// are still what Normalize makes of the names.
func TestPostalStatesKeys(t *testing.T) {
	b, err := dataFS.ReadFile("data/postal_states.tsv")
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 5 || strings.HasPrefix(line, "#") {
			continue
		}
		if k := Normalize(f[0]); k != f[4] && bad < 5 {
			bad++
			t.Errorf("%s: stored key %q, Normalize gives %q: run go generate", f[0], f[4], k)
		}
	}
}

// TestPostalHamlets checks that a one-word post-office town no entry
// spells is read only for a name marked as a place, and only where the
// document points to its state.
func TestPostalHamlets(t *testing.T) {
	g := loadTest(t)
	text := "Deputies from Muscatine and Iowa City searched a barn in Atalissa on Monday."
	m, ok := resolveIn(t, g, text, "Atalissa")
	if !ok || m.Place.Admin1Code != "US.IA" || m.Place.Source != "usps" {
		t.Errorf("Resolve(Atalissa) = %s, %s (%s), want the Iowa post-office town", m.Place.Name, m.Place.Admin1Code, m.Rule)
	}
	// named again later without its state, the qualified mention decides
	text = "Inmates are held at the prison in Niota, Tennessee. Visitors to Niota wait for hours, officials in Chicago said."
	at := strings.LastIndex(text, "Niota")
	ctx := g.DocContext(text)
	ctx.Offset, ctx.End = at, at+len("Niota")
	if m, ok := g.Resolve("Niota", ctx); !ok || m.Place.Admin1Code != "US.TN" {
		t.Errorf("Resolve(Niota) = %s, %s (%s), want Tennessee", m.Place.Name, m.Place.Admin1Code, m.Rule)
	}
	for _, m := range g.Find(text) {
		if m.Place.Source == "usps" && m.Text == "Niota" {
			t.Errorf("Find took %q for the post-office town", m.Text)
		}
	}
}
