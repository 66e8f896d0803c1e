package textfold

import "testing"

func TestASCIILower(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"already lower", "gunmen fired", "gunmen fired"},
		{"capitals", "ISIS Fighters Attacked", "isis fighters attacked"},
		{"non-ASCII letters kept as they are", "Ḑayr az Zawr ÉTAT", "Ḑayr az zawr État"},
		{"digits and punctuation", "A-10, B52!", "a-10, b52!"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ASCIILower(tt.in)
			if len(got) != len(tt.in) {
				t.Fatalf("length changed: %d -> %d", len(tt.in), len(got))
			}
			if got != tt.want {
				t.Errorf("ASCIILower(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestASCIILowerNoCapitalsDoesNotAllocate(t *testing.T) {
	s := "a text with no capitals at all"
	if n := testing.AllocsPerRun(100, func() { _ = ASCIILower(s) }); n != 0 {
		t.Errorf("allocates %.0f times for a lower-case text, want 0", n)
	}
}

func TestLowerASCIIFoldsOnlyASCIICapitals(t *testing.T) {
	for _, s := range []string{"", "a", "Z", "AB", "abc", "ABC def GHI", "Élan ÖL", "x\xffY", "ends in CAPS"} {
		want := []byte(s)
		for i, c := range want {
			if c >= 'A' && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		if got := ASCIILower(s); got != string(want) {
			t.Errorf("ASCIILower(%q) = %q, want %q", s, got, want)
		}
	}
}
