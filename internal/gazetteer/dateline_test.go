package gazetteer

import (
	"strings"
	"testing"
)

func TestDatelineAt(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		want       bool
	}{
		{"NEW YORK (AP) — Police said a man was shot.", "NEW YORK", true},
		{"(NEW YORK) — Police said a man was shot.", "NEW YORK", true},
		{"Council cuts budget. SPRINGFIELD — The council voted on Monday.", "SPRINGFIELD", true},
		{"CHARLESTON, W.Va. -- Crews cleared the road.", "CHARLESTON", true},
		{"TORONTO—A man was hurt.", "TORONTO", true},
		{"Police in NEW YORK said a man was shot.", "NEW YORK", false},
		{"New York (AP) — Police said a man was shot.", "New York", false},
		{"US — Officials said a man was shot.", "US", false},
	} {
		at := strings.Index(tc.text, tc.name)
		if got := datelineAt(tc.text, at, at+len(tc.name)); got != tc.want {
			t.Errorf("datelineAt(%q, %q) = %v, want %v", tc.text, tc.name, got, tc.want)
		}
	}
}

// TestResolveDateline checks that a dateline is read as a town, not the
// state of the same name, unless a type word follows.
func TestResolveDateline(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct {
		text, name, kind string
	}{
		{"NEW YORK (AP) — Officers shot a man holding a pipe in Brooklyn on Tuesday, police said.", "NEW YORK", "P"},
		{"LAUREL COUNTY, Ky. (AP) — A man died in a crash on Sunday, deputies said.", "LAUREL COUNTY", "A.ADM2"},
	} {
		m, ok := resolveIn(t, g, tc.text, tc.name)
		if !ok || m.Place.Kind[:len(tc.kind)] != tc.kind {
			t.Errorf("Resolve(%s) = %s %s, want kind %s", tc.name, m.Place.Name, m.Place.Kind, tc.kind)
		}
		for _, f := range g.Find(tc.text) {
			if f.Text == tc.name && f.Place.Kind[:len(tc.kind)] != tc.kind {
				t.Errorf("Find read %s as %s %s, want kind %s", tc.name, f.Place.Name, f.Place.Kind, tc.kind)
			}
		}
	}
}
