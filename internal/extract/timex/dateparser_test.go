package timex

import (
	"strings"
	"testing"
	"time"

	dateparser "github.com/markusmobius/go-dateparser"
)

// TestAbsoluteAgainstDateparser cross-checks the absolute rules with
// go-dateparser, an independent port of Python's dateparser: for phrases
// that are dates by themselves both must agree on the day (or the month, for
// month-level phrases). The fast table rules do the work at run time; the
// library is the reference they are held to.
func TestAbsoluteAgainstDateparser(t *testing.T) {
	pub := day("2024-02-05")
	phrases := []struct {
		in    string
		month bool // compare year and month only
	}{
		{"Monday, 4 March 2019", false},
		{"March 8, 2020", false},
		{"8 March 2020", false},
		{"5 Feb 2024", false},
		{"Sept. 14, 2019", false},
		{"14 September, 2019", false},
		{"2020-03-08", false},
		{"09-03-2020", false},
		{"25/12/2016", false},
		{"Nov. 3", false},
		{"3 November", false},
		{"January 24", false},
		{"December 2017", true},
		{"August 2015", true},
	}
	for _, p := range phrases {
		t.Run(p.in, func(t *testing.T) {
			es := Find(p.in, pub, 1)
			if len(es) != 1 || es[0].Text != p.in {
				t.Fatalf("Find(%q) = %+v, want one expression spanning it", p.in, es)
			}
			cfg := &dateparser.Configuration{
				Languages:           []string{"en"},
				CurrentTime:         pub,
				PreferredDateSource: dateparser.Past,
			}
			if strings.Count(p.in, "-") == 2 && len(p.in) == 10 && p.in[4] != '-' || strings.Count(p.in, "/") == 2 {
				cfg.DateOrder = dateparser.DMY // numeric, day first
			}
			ref, err := dateparser.Parse(cfg, p.in)
			if err != nil {
				t.Fatalf("dateparser.Parse(%q): %v", p.in, err)
			}
			layout := time.DateOnly
			if p.month {
				layout = "2006-01"
			}
			if got, want := es[0].Date.Format(layout), ref.Time.Format(layout); got != want {
				t.Errorf("Find(%q) = %s, dateparser says %s", p.in, got, want)
			}
		})
	}
}
