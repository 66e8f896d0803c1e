package article

import (
	"strings"
	"testing"
	"time"
)

// fieldCases hold the white space strings.Fields knows: ASCII, Latin-1
// (NEL, no-break space), wider Unicode, and bytes that are not UTF-8.
var fieldCases = []string{"", " ", "a", " a ", "a  b\tc\n\v\f\rd", "a\u0085b\u00a0c", "a\u2003b\u3000 c\u200bd",
	"\xff a \xc3", "é  ü", "\u00a0", "Gunmen attacked\n\nthe town."}

func TestAppendFieldsIsJoinedFields(t *testing.T) {
	for _, s := range fieldCases {
		if got, want := string(appendFields(nil, s)), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzAppendFields(f *testing.F) {
	for _, s := range fieldCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendFields(nil, s)), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("appendFields(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestHashFoldsWhiteSpace(t *testing.T) {
	a := Hash("Gunmen attacked a checkpoint\nnear the town.")
	b := Hash("  Gunmen   attacked a checkpoint near\tthe town.  ")
	if a != b {
		t.Errorf("re-wrapped text hashed differently: %s vs %s", a, b)
	}
	if c := Hash("Gunmen attacked a checkpoint near the city."); c == a {
		t.Error("different texts share a hash")
	}
	if len(a) != 64 {
		t.Errorf("hash length %d, want 64 hex digits", len(a))
	}
}

func TestBackground(t *testing.T) {
	a := Article{Lines: []Line{
		{Kind: KindTitle, Start: 0, End: 10},
		{Kind: KindCaption, Start: 11, End: 30},
		{Kind: KindBody, Start: 31, End: 80},
		{Kind: KindDropped, Start: -1, End: -1},
		{Kind: KindByline, Start: 81, End: 90},
	}}
	tests := []struct {
		off  int
		want bool
	}{{5, false}, {11, true}, {29, true}, {30, false}, {40, false}, {85, true}, {200, false}}
	for _, tt := range tests {
		if got := a.Background(tt.off); got != tt.want {
			t.Errorf("Background(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
}

func TestPublishedKnown(t *testing.T) {
	if (Published{}).Known() {
		t.Error("zero Published is known")
	}
	p := Published{Time: time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC), Precision: PrecisionDay}
	if !p.Known() {
		t.Error("a dated Published is unknown")
	}
	if (Published{Time: p.Time}).Known() {
		t.Error("a time without precision counts as known")
	}
}
