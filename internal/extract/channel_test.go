package extract

import (
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/actors"
)

// TestClaimChannelsSpeakForKnownActors: every claim channel in
// rules/agencies.tsv names an actor of the actor dictionary, or its claims
// would be silently dropped.
func TestClaimChannelsSpeakForKnownActors(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.speaker) == 0 {
		t.Fatal("no claim channel read from rules/agencies.tsv")
	}
	for channel, group := range lx.speaker {
		if _, ok := dict.Lookup(group); !ok {
			t.Errorf("claim channel %q speaks for %q, which is not in the actor dictionary", channel, group)
		}
	}
}

// TestClaimChannels: a group's own media arm is evidence of its claim, not
// a reporting source; independent agencies stay in source.
func TestClaimChannels(t *testing.T) {
	r := resources(t)
	tests := []struct {
		name, text, outlet string
		claimed            string // claimed_by of the first incident
		source             string // source of the first incident, exactly
	}{
		{
			name:    "statement carried by the group's agency",
			text:    "Checkpoint attacked near Tikrit\n\nGunmen attacked an army checkpoint near Tikrit on Sunday night, killing two soldiers, police said.\n\nThe group said in a statement carried by its Amaq news agency that its fighters had stormed the checkpoint.\n",
			outlet:  "Plains Courier",
			claimed: "Islamic State (ISIS)",
			source:  "Plains Courier",
		},
		{
			name:    "channel and an independent agency",
			text:    "Convoy ambushed in Lower Shabelle\n\nMilitants ambushed a government convoy near Afgooye on Tuesday, killing four soldiers, a military officer told Reuters.\n\nShahada News Agency said the fighters had seized two vehicles in the attack.\n",
			outlet:  "Coast Dispatch",
			claimed: "Al-Shabaab",
			source:  "Coast Dispatch; Reuters",
		},
		{
			name:    "media arm named as such",
			text:    "Soldiers killed in central Mali\n\nSuspected jihadists attacked a military post near Boni in central Mali on Friday, killing three soldiers, a local official said.\n\nIn a message posted via its az-Zallaqa media arm, the group said its fighters had carried out the raid.\n",
			outlet:  "Delta Ledger",
			claimed: "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)",
			source:  "Delta Ledger",
		},
		{
			name:    "no channel, no claim",
			text:    "Soldiers killed near Tikrit\n\nGunmen attacked an army checkpoint near Tikrit on Sunday night, killing two soldiers, police told Reuters.\n",
			outlet:  "Plains Courier",
			claimed: "",
			source:  "Plains Courier; Reuters",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Extract(testArticle(tt.name, tt.text, "2024-03-04", tt.outlet), r)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 {
				t.Fatal("no incident")
			}
			in := got[0]
			if in.ClaimedBy != tt.claimed {
				t.Errorf("claimed_by = %q, want %q", in.ClaimedBy, tt.claimed)
			}
			if in.Source != tt.source {
				t.Errorf("source = %q, want %q", in.Source, tt.source)
			}
			for _, part := range strings.Split(in.Source, "; ") {
				if _, channel := r.rules.speaker[part]; channel {
					t.Errorf("claim channel %q in source %q", part, in.Source)
				}
			}
		})
	}
}
