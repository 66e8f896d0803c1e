package quantity

import (
	"testing"
	"unicode/utf8"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"7", 7, true},
		{"42", 42, true},
		{"3,500", 3500, true},
		{"12,000,000", 12000000, true},
		{"1.5 million", 1500000, true},
		{"2 million", 2000000, true},
		{"one", 1, true},
		{"Eleven", 11, true},
		{"thirty", 30, true},
		{"thirty-one", 31, true},
		{"sixty four", 64, true},
		{"a hundred", 100, true},
		{"one hundred and five", 105, true},
		{"three hundred twelve", 312, true},
		{"two thousand five hundred", 2500, true},
		{"four thousand and twenty", 4020, true},
		{"a dozen", 12, true},
		{"half a dozen", 6, true},
		{"two dozen", 24, true},
		{"a couple of", 2, true},
		{"dozens", 12, true},
		{"Dozens of", 12, true},
		{"tens of", 10, true},
		{"hundreds", 100, true},
		{"thousands of", 1000, true},
		{"several", 0, false},
		{"a number of", 0, false},
		{"many", 0, false},
		{"a few", 0, false},
		{"numerous", 0, false},
		{"", 0, false},
		{"soldiers", 0, false},
		{"five soldiers", 0, false},
		{"twenty-zero", 0, false},
		{"hundred", 0, false},
		{"99999999999999999999", 0, false},
		{"1.2.3", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := Number(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Number(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	text := "On Sunday's raid, 3,500 twenty-five al-Qaim 2020-03-08 (1.5)."
	var got []string
	for _, tok := range Tokenize(text) {
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %q does not match its span %d:%d", tok.Text, tok.Start, tok.End)
		}
		got = append(got, tok.Text)
	}
	want := []string{"On", "Sunday", "'s", "raid", ",", "3,500", "twenty-five", "al-Qaim", "2020-03-08", "(", "1.5", ")", "."}
	if len(got) != len(want) {
		t.Fatalf("Tokenize = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Tokenize = %q, want %q", got, want)
		}
	}
}

func FuzzNumber(f *testing.F) {
	for _, s := range []string{"3,500", "one hundred and five", "a dozen", "dozens of", "1.5 million", "several", "twenty-", "-", "a", "9999999999 million"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := Number(s)
		if ok && (n < 0 || n > maxNumber) {
			t.Errorf("Number(%q) = %d out of range", s, n)
		}
		for _, tok := range Tokenize(s) {
			if tok.Start < 0 || tok.End > len(s) || tok.Start >= tok.End {
				t.Fatalf("bad token span %d:%d in %q", tok.Start, tok.End, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(tok.Text) {
				t.Fatalf("token %q splits a rune", tok.Text)
			}
		}
	})
}

func BenchmarkNumber(b *testing.B) {
	for b.Loop() {
		Number("one hundred and twenty-five")
		Number("3,500")
	}
}
