package incident

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInteraction(t *testing.T) {
	tests := []struct {
		name           string
		inter1, inter2 int
		want           int
	}{
		{"no actors", 0, 0, 0},
		{"sole rebel group", InterRebelGroup, 0, 20},
		{"sole actor on side two", 0, InterStateForces, 10},
		{"state against rebels", InterStateForces, InterRebelGroup, 12},
		{"lower code goes first", InterCivilians, InterRebelGroup, 27},
		{"same kind on both sides", InterPoliticalMil, InterPoliticalMil, 33},
		{"external against state", InterExternalOther, InterStateForces, 18},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Interaction(tt.inter1, tt.inter2); got != tt.want {
				t.Errorf("Interaction(%d, %d) = %d, want %d", tt.inter1, tt.inter2, got, tt.want)
			}
		})
	}
}

func TestSubEventTaxonomy(t *testing.T) {
	subs := SubEventTypes()
	if len(subs) != 25 {
		t.Fatalf("ACLED has 25 sub-event types, got %d", len(subs))
	}
	perType := map[string]int{}
	codes := map[string]bool{}
	for _, s := range subs {
		perType[s.EventType]++
		if codes[s.Code] {
			t.Errorf("code %s used twice", s.Code)
		}
		codes[s.Code] = true
		if s.Disorder == "" {
			t.Errorf("%s has no disorder type", s.Name)
		}
	}
	want := map[string]int{
		Battles: 3, ExplosionsRemote: 6, ViolenceAgainstCivs: 3,
		Protests: 3, Riots: 2, StrategicDevelopment: 8,
	}
	if diff := cmp.Diff(want, perType); diff != "" {
		t.Errorf("sub-event types per event type mismatch (-want +got):\n%s", diff)
	}
}

func TestLookupSubEvent(t *testing.T) {
	tests := []struct {
		in       string
		wantName string
		wantOK   bool
	}{
		{"AIR_STRIKE", "Air/drone strike", true},
		{"air/drone strike", "Air/drone strike", true},
		{"Remote explosive/landmine/IED", "Remote explosive/landmine/IED", true},
		{"suic_bomb", "Suicide bomb", true},
		{"NATURAL_DISASTER", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := LookupSubEvent(tt.in)
			if ok != tt.wantOK || got.Name != tt.wantName {
				t.Errorf("LookupSubEvent(%q) = %q, %v; want %q, %v", tt.in, got.Name, ok, tt.wantName, tt.wantOK)
			}
		})
	}
}

func TestSubEventTypesIsACopy(t *testing.T) {
	a := SubEventTypes()
	a[0].Name = "changed"
	if SubEventTypes()[0].Name != "Armed clash" {
		t.Error("a caller changed the shared taxonomy")
	}
}

func TestEvidenceFor(t *testing.T) {
	in := Incident{Evidence: []Evidence{
		{Field: "fatalities", Start: 0, End: 3, Rule: "a"},
		{Field: "location", Start: 4, End: 9, Rule: "b"},
		{Field: "fatalities", Start: 10, End: 12, Rule: "c"},
	}}
	got := in.EvidenceFor("fatalities")
	if len(got) != 2 || got[0].Rule != "a" || got[1].Rule != "c" {
		t.Errorf("EvidenceFor(fatalities) = %+v", got)
	}
	if got := in.EvidenceFor("admin1"); got != nil {
		t.Errorf("EvidenceFor(admin1) = %+v, want none", got)
	}
}

func TestLookupSubEventDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { LookupSubEvent("GRENADE") })
	if allocs != 0 {
		t.Errorf("LookupSubEvent allocates %.0f times a call, want 0", allocs)
	}
}
