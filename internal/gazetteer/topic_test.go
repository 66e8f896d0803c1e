package gazetteer

import (
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

func TestReadsAsSport(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The coach said the rookie played his best game of the season, and the team is two games from the playoffs in a league it leads.", true},
		{"Gunmen attacked a police post near the town on Monday, and officials said the game of politics had cost lives this season.", false},
		{strings.Repeat("The council voted on the budget and the mayor said the city would cut spending. ", 20) +
			"He coached a basketball team in his youth, a game he still loves.", false},
	} {
		if got := readsAsSport(textfold.ASCIILower(tc.text)); got != tc.want {
			t.Errorf("readsAsSport(%.50q...) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
