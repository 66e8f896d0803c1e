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
	} {
		t.Run(tc.name, func(t *testing.T) {
			at := strings.Index(tc.text, tc.word)
			end := at + len(tc.word)
			if got := listTypeHint(tc.text, end, wordAfter(tc.text, end)); got != tc.want {
				t.Errorf("listTypeHint(%q after %q) = %v, want %v", tc.text, tc.word, got, tc.want)
			}
		})
	}
}
