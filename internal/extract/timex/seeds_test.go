package timex

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// TestSeeds checks the incident dates of the sample articles (the gold
// file's dates, against its publication dates) without copying their text.
func TestSeeds(t *testing.T) {
	dir := sharedtest.Dir(t, "seeds")
	tests := []struct {
		prefix, pub string
		days        []string // dates that must be among the resolved days
		conflict    string   // a day that must carry FlagWeekdayConflict
	}{
		{"000_", "2019-10-22", []string{"2019-10-21", "2019-10-09"}, ""},
		{"001_", "2024-05-14", []string{"2024-05-13"}, ""},
		{"002_", "", nil, ""},
		{"003_", "2024-02-05", []string{"2024-02-03"}, "2024-02-03"},
		{"004_", "2020-03-09", []string{"2020-03-08"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.prefix, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(dir, tc.prefix+"*.txt"))
			if len(files) != 1 {
				t.Skipf("seed %s not found", tc.prefix)
			}
			b, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			text, pub := string(b), day(tc.pub)
			es := Find(text, pub, 1)
			checkExprs(t, text, pub, 1, es)
			seen := map[string]Expr{}
			for _, e := range es {
				if !e.Date.IsZero() {
					seen[e.Date.Format(time.DateOnly)] = e
				}
				if pub.IsZero() && !e.Date.IsZero() && e.Rule != "date-mdy" && e.Rule != "date-dmy" &&
					e.Rule != "month-year" && e.Rule != "season-year" && e.Rule != "year" && e.Rule != "date-numeric" {
					t.Errorf("%q (%s) dated %s without a publication date", e.Text, e.Rule, e.Date.Format(time.DateOnly))
				}
			}
			for _, d := range tc.days {
				if _, ok := seen[d]; !ok {
					t.Errorf("no expression dated %s", d)
				}
			}
			if tc.conflict != "" && !seen[tc.conflict].HasFlag(FlagWeekdayConflict) {
				t.Errorf("%s: want flag %q, got %v", tc.conflict, FlagWeekdayConflict, seen[tc.conflict].Flags)
			}
		})
	}
}

// BenchmarkFindSeeds dates every sample article once per iteration.
func BenchmarkFindSeeds(b *testing.B) {
	texts, n := sharedtest.Texts(b, "seeds", "*.txt")
	pub := day("2020-03-09")
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Find(t, pub, 1)
		}
	}
}
