package extract

import "testing"

// TestSeatOfGovernment: a seat of government that stands for its government
// ("the Kremlin denied") is no event place; one where something happened
// ("a drone struck the roof of the Kremlin", "outside the White House") is.
func TestSeatOfGovernment(t *testing.T) {
	r := resources(t)
	tests := []struct {
		name, text string
		want       []string // the incidents' locations, in order
	}{
		{
			name: "government speaking",
			text: "Shelling kills three in Kharkiv\n\nShelling killed three civilians in Kharkiv on Sunday, regional officials said. The Kremlin denied that its forces had fired on the city.\n",
			want: []string{"Kharkiv"},
		},
		{
			name: "government condemning, no other place",
			text: "Aid workers killed\n\nThe White House on Tuesday condemned an ambush in which gunmen killed two aid workers a day earlier.\n",
			want: []string{""}, // an incident, unplaced
		},
		{
			name: "something happened there",
			text: "Protest outside the White House\n\nPolice arrested twelve demonstrators who clashed with officers outside the White House on Saturday, a police spokesman said.\n",
			want: []string{"Washington"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Extract(testArticle(tt.name, tt.text, "2024-03-04", "Test Wire"), r)
			if err != nil {
				t.Fatal(err)
			}
			var locs []string
			for _, in := range got {
				locs = append(locs, in.Location)
			}
			if len(locs) != len(tt.want) {
				t.Fatalf("locations %q, want %q", locs, tt.want)
			}
			for i := range locs {
				if locs[i] != tt.want[i] {
					t.Errorf("locations %q, want %q", locs, tt.want)
				}
			}
		})
	}
}
