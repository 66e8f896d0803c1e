package gazetteer

import (
	"reflect"
	"testing"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

// TestFindLower holds FindLower, given textfold's lower-cased copy (or a
// copy of the wrong length, which it must ignore), to Find.
func TestFindLower(t *testing.T) {
	g := loadTest(t)
	for _, text := range []string{
		"",
		"Insurgents attacked an army post near Tikrit in Salahuddin province on Monday.",
		"DEIR EZ-ZOR, Syria — Fighting in Deir ez-Zor and Ḑayr az Zawr; ÉTAT ISLAMIQUE near Maïduguri.",
		"between Gao and Menaka, Mali; Kirkuk Governorate; the U.S. and the UAE",
	} {
		want := g.Find(text)
		if got := g.FindLower(text, textfold.ASCIILower(text)); !reflect.DeepEqual(got, want) {
			t.Errorf("FindLower(%q) = %v, Find = %v", text, got, want)
		}
		if got := g.FindLower(text, "x"+text); !reflect.DeepEqual(got, want) {
			t.Errorf("FindLower(%q) with a lower of another length = %v, Find = %v", text, got, want)
		}
	}
}
