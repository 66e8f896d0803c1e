package gazetteer

import (
	"strings"
	"testing"
)

// TestPartOfTown checks that a name tied to a town (by its possessive,
// "the city's", a comma, or a borough word) whose readings all lie far
// from the town is placed at the town, at precision 2.
func TestPartOfTown(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name, text, span, wantCC string
		wantPrec                 int
	}{
		{"a possessive", "Two shops burned overnight in Cairo's Abbasiya quarter, witnesses said.", "Abbasiya", "EG", 2},
		{"the city's", "Officials in Cairo counted the damage. The device went off in the city's Abbasiya district on Sunday.", "Abbasiya", "EG", 2},
		{"another possessive", "Security forces sealed off Giza's Haram district after the attack.", "Haram", "EG", 2},
		{"a borough word", "Council leaders in London met on Monday. A spokesman for Enfield Borough said the shelter would open.", "Enfield", "GB", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := resolveIn(t, g, tc.text, tc.span)
			if !ok || m.Place.CountryCode != tc.wantCC || tc.wantPrec != 0 && m.Precision != tc.wantPrec {
				t.Errorf("Resolve(%q) = %s, %s prec %d (%s), want %s prec %d", tc.span, m.Place.Name, m.Place.CountryCode, m.Precision, m.Rule, tc.wantCC, tc.wantPrec)
			}
		})
	}
	// a big city after a comma is a list, not a part of the town
	m, ok := resolveIn(t, g, "Bombs went off in Kabul, Jalalabad and Kandahar.", "Kabul")
	if !ok || m.Place.Name != "Kabul" {
		t.Errorf("Kabul in a list = %s (%s)", m.Place.Name, m.Rule)
	}
}

// TestFindPartOfTown checks Find's side: a part of a town the gazetteer
// knows only abroad is reported at the town, and a town whose possessive
// names a part of it is read at precision 2.
func TestFindPartOfTown(t *testing.T) {
	g := loadTest(t)
	text := "Witnesses in Cairo said a bomb tore through the city's Abbasiya district at dawn."
	var part, town bool
	for _, m := range g.Find(text) {
		if m.Text == "Abbasiya district" {
			part = m.Place.CountryCode == "EG" && m.Precision == 2 && strings.HasSuffix(m.Rule, "+part-of-town")
		}
	}
	for _, m := range g.Find("Gunmen stormed a wedding hall in Kabul's Qala-e-Fatullah late on Friday.") {
		if m.Text == "Kabul" {
			town = m.Precision == 2
		}
	}
	if !part {
		t.Errorf("Find(%q) does not place the Abbasiya district in Cairo: %+v", text, g.Find(text))
	}
	if !town {
		t.Error("Kabul before a part of it is not at precision 2")
	}
}

// TestPartOfAfter checks "the X district of Town".
func TestPartOfAfter(t *testing.T) {
	g := loadTest(t)
	m, ok := resolveIn(t, g, "Mortar rounds fell on the Abbasiya district of Cairo late on Monday.", "Abbasiya")
	if !ok || m.Place.CountryCode != "EG" || m.Precision != 2 {
		t.Errorf("Abbasiya district of Cairo = %s, %s (%s)", m.Place.Name, m.Place.CountryCode, m.Rule)
	}
}

// TestPartOfCityStays checks that a city after another's possessive
// stays itself.
func TestPartOfCityStays(t *testing.T) {
	g := loadTest(t)
	m, ok := resolveIn(t, g, "The State Department said Washington's Kabul embassy would stay open.", "Kabul")
	if !ok || m.Place.CountryCode != "AF" {
		t.Errorf("Washington's Kabul = %s, %s (%s)", m.Place.Name, m.Place.CountryCode, m.Rule)
	}
}
