package timex

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// want is the part of an Expr a table case checks; Flags lists flags that
// must be present (others may be too).
type want struct {
	Text string
	Date string // YYYY-MM-DD, "" for an undated expression
	Prec int
	Year int
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func view(es []Expr) []want {
	var out []want
	for _, e := range es {
		d := ""
		if !e.Date.IsZero() {
			d = e.Date.Format("2006-01-02")
		}
		out = append(out, want{e.Text, d, e.Precision, e.Year})
	}
	return out
}

func TestFind(t *testing.T) {
	const pub = "2024-05-14" // a Tuesday
	tests := []struct {
		name  string
		text  string
		pub   string
		prec  int
		want  []want
		flags []string // flags the first expression must carry
	}{
		{"weekday same day", "Officials spoke on Tuesday.", pub, 1, []want{{"on Tuesday", "2024-05-14", 1, 0}}, nil},
		{"weekday before", "The convoy was hit on Sunday.", pub, 1, []want{{"on Sunday", "2024-05-12", 1, 0}}, nil},
		{"late weekday", "Gunmen struck late Friday.", pub, 1, []want{{"late Friday", "2024-05-10", 1, 0}}, []string{FlagPartLate}},
		{"weekday part", "Shelling resumed Thursday evening.", pub, 1, []want{{"Thursday evening", "2024-05-09", 1, 0}}, nil},
		{"possessive weekday", "Wednesday's raid left the town empty.", pub, 1, []want{{"Wednesday", "2024-05-08", 1, 0}}, nil},
		{"last weekday", "The post fell last Tuesday.", pub, 1, []want{{"last Tuesday", "2024-05-07", 1, 0}}, nil},
		{"yesterday", "A patrol was ambushed yesterday.", pub, 1, []want{{"yesterday", "2024-05-13", 1, 0}}, nil},
		{"earlier today", "Sirens sounded earlier today.", pub, 1, []want{{"earlier today", "2024-05-14", 1, 0}}, nil},
		{"last night", "Drones flew over the base last night.", pub, 1, []want{{"last night", "2024-05-13", 1, 0}}, nil},
		{"this afternoon", "Talks collapsed this afternoon.", pub, 1, []want{{"this afternoon", "2024-05-14", 1, 0}}, nil},
		{"day before yesterday", "It began the day before yesterday.", pub, 1, []want{{"the day before yesterday", "2024-05-12", 1, 0}}, nil},
		{"last week", "Two towns were shelled last week.", pub, 1, []want{{"last week", "2024-05-06", 2, 0}}, nil},
		{"earlier this week", "Earlier this week a bridge was blown up.", pub, 1, []want{{"Earlier this week", "2024-05-13", 2, 0}}, nil},
		{"last month", "The curfew was imposed last month.", pub, 1, []want{{"last month", "2024-04-01", 3, 0}}, nil},
		{"earlier this month", "Fighting flared earlier this month.", pub, 1, []want{{"earlier this month", "2024-05-01", 3, 0}}, nil},
		{"last year", "The militia was formed late last year.", pub, 1, []want{{"late last year", "2023-01-01", 3, 2023}}, []string{FlagPartLate, FlagYearOnly}},
		{"last winter", "Supplies ran out last winter.", pub, 1, []want{{"last winter", "2023-12-01", 3, 0}}, []string{FlagSeason}},
		{"last summer", "The dam was seized last summer.", pub, 1, []want{{"last summer", "2023-06-01", 3, 0}}, []string{FlagSeason}},
		{"this spring", "Raids grew in number this spring.", pub, 1, []want{{"this spring", "2024-03-01", 3, 0}}, nil},
		{"last June", "The prison break happened last June.", pub, 1, []want{{"last June", "2023-06-01", 3, 0}}, nil},
		{"last April", "He was detained last April.", pub, 1, []want{{"last April", "2024-04-01", 3, 0}}, nil},
		{"end of last March", "Toward the end of last March the road reopened.", pub, 1, []want{{"Toward the end of last March", "2024-03-01", 3, 0}}, []string{FlagPartLate}},
		{"in a month", "Protests spread in February.", pub, 1, []want{{"in February", "2024-02-01", 3, 0}}, nil},
		{"days ago", "The village was attacked four days ago.", pub, 1, []want{{"four days ago", "2024-05-10", 1, 0}}, nil},
		{"weeks ago", "Two weeks ago the army withdrew.", pub, 1, []want{{"Two weeks ago", "2024-04-30", 2, 0}}, nil},
		{"a month ago", "A month ago the checkpoint was moved.", pub, 1, []want{{"A month ago", "2024-04-01", 3, 0}}, nil},
		{"years ago", "The mosque was bombed two years ago.", pub, 1, []want{{"two years ago", "2022-01-01", 3, 2022}}, nil},
		{"few days ago", "A few days ago shots were heard.", pub, 1, []want{{"A few days ago", "2024-05-07", 2, 0}}, []string{FlagVague}},
		{"month day inferred back", "The exchange took place on Nov. 3.", pub, 1, []want{{"Nov. 3", "2023-11-03", 1, 0}}, []string{FlagYearInferred, FlagFutureCorrected}},
		{"day month this year", "Elections were held on 3 May.", pub, 1, []want{{"3 May", "2024-05-03", 1, 0}}, []string{FlagYearInferred}},
		{"month day later in year", "A car bomb exploded on May 20.", pub, 1, []want{{"May 20", "2023-05-20", 1, 0}}, []string{FlagFutureCorrected}},
		{"ordinal of", "Talks resumed on the 5th of April.", pub, 1, []want{{"the 5th of April", "2024-04-05", 1, 0}}, nil},
		{"leap day", "The office was looted on Feb 29.", "2023-06-01", 1, []want{{"Feb 29", "2020-02-29", 1, 0}}, nil},
		{"mdy", "The ceasefire of January 7, 2015 did not hold.", pub, 1, []want{{"January 7, 2015", "2015-01-07", 1, 0}}, nil},
		{"dmy", "Filed 7 January 2015 - 14:05", pub, 1, []want{{"7 January 2015", "2015-01-07", 1, 0}}, nil},
		{"iso", "Posted 2015-01-07 at noon", pub, 1, []want{{"2015-01-07", "2015-01-07", 1, 0}}, nil},
		{"iso with time", "Posted 2015-01-07T10:00", pub, 1, []want{{"2015-01-07T10", "2015-01-07", 1, 0}}, nil},
		{"numeric day first", "Updated 07/01/2015", "2015-01-10", 1, []want{{"07/01/2015", "2015-01-07", 1, 0}}, []string{FlagAmbiguousOrder}},
		{"numeric month first", "Updated 12/25/2016", pub, 1, []want{{"12/25/2016", "2016-12-25", 1, 0}}, nil},
		{"month year", "The town fell in March 2016.", pub, 1, []want{{"March 2016", "2016-03-01", 3, 0}}, nil},
		{"month of year", "It was retaken in October of 2017.", pub, 1, []want{{"October of 2017", "2017-10-01", 3, 0}}, nil},
		{"season of year", "They arrived in the spring of 2011.", pub, 1, []want{{"the spring of 2011", "2011-03-01", 3, 0}}, []string{FlagSeason}},
		{"year", "The group emerged in 2009 and has fought since 2003.", pub, 1, []want{{"in 2009", "2009-01-01", 3, 2009}, {"since 2003", "2003-01-01", 3, 2003}}, []string{FlagYearOnly}},
		{"future full date", "A vote is planned for June 30, 2025.", pub, 1, []want{{"June 30, 2025", "", 1, 0}}, []string{FlagAfterPub}},
		{"next weekday", "Talks will resume next Wednesday.", pub, 1, []want{{"next Wednesday", "", 1, 0}}, []string{FlagAfterPub}},
		{"future year", "Troops are to leave by 2030.", pub, 1, []want{{"by 2030", "", 3, 2030}}, []string{FlagAfterPub}},
		{"weekday conflict", "Militants attacked on Friday (June 8), a day after the raid.", pub, 1, []want{{"on Friday (June 8)", "2024-05-10", 1, 0}, {"a day after", "", 1, 0}}, []string{FlagWeekdayConflict, FlagFutureCorrected}},
		{"weekday agrees", "Militants attacked on Friday, May 10, near the dam.", pub, 1, []want{{"on Friday, May 10", "2024-05-10", 1, 0}}, nil},
		{"weekday vs explicit year", "The ruling of Sunday, 4 March 2014 was appealed.", pub, 1, []want{{"Sunday, 4 March 2014", "2014-03-04", 1, 0}}, []string{FlagWeekdayConflict}},
		{"anaphoric", "Three weeks later the rebels returned.", pub, 1, []want{{"Three weeks later", "", 2, 0}}, []string{FlagAnaphoric}},
		{"no pub weekday", "The clinic was raided on Monday.", "", 0, []want{{"on Monday", "", 1, 0}}, []string{FlagNoPublication}},
		{"no pub last year", "Attacks doubled last year.", "", 0, []want{{"last year", "", 3, 0}}, []string{FlagNoPublication}},
		{"no pub no year", "The strike came on 12 June.", "", 0, []want{{"12 June", "", 1, 0}}, []string{FlagNoYear, FlagNoPublication}},
		{"no pub absolute", "The strike came on June 12, 2019.", "", 0, []want{{"June 12, 2019", "2019-06-12", 1, 0}}, nil},
		{"month precision pub", "The depot burned on Monday.", "2024-05-01", 3, []want{{"on Monday", "2024-05-01", 3, 0}}, []string{FlagImprecisePub}},
		{"mid-month", "Clashes broke out in mid-March.", pub, 1, []want{{"in mid-March", "2024-03-01", 3, 0}}, []string{FlagPartMid}},
		{"early-month year", "The town fell in early-June 2019.", pub, 1, []want{{"early-June 2019", "2019-06-01", 3, 0}}, []string{FlagPartEarly}},
		{"day range", "Talks were held on April 8-9.", pub, 1, []want{{"April 8-9", "2024-04-08", 1, 0}}, []string{FlagRange}},
		{"overnight", "Rockets hit the base overnight.", pub, 1, []want{{"overnight", "2024-05-13", 1, 0}}, []string{FlagOvernight}},
		{"overnight weekday", "The raid came overnight Saturday.", pub, 1, []want{{"overnight Saturday", "2024-05-11", 1, 0}}, nil},
		{"recent days", "Raids have multiplied in recent days.", pub, 1, []want{{"in recent days", "2024-05-07", 2, 0}}, []string{FlagVague}},
		{"past few weeks", "Over the past few weeks the army advanced.", pub, 1, []want{{"Over the past few weeks", "2024-04-14", 3, 0}}, []string{FlagVague}},
		{"coming days", "More raids are expected in the coming days.", pub, 1, []want{{"in the coming days", "", 2, 0}}, []string{FlagAfterPub}},
		{"month range shares year", "Raids went on between June and December of 2015.", pub, 1, []want{{"between June", "2015-06-01", 3, 0}, {"December of 2015", "2015-12-01", 3, 0}}, []string{FlagRange}},
		{"day range shares year", "The report covers October 1 to December 31, 2019.", pub, 1, []want{{"October 1", "2019-10-01", 1, 0}, {"December 31, 2019", "2019-12-31", 1, 0}}, []string{FlagRange}},
		{"range across new year", "The siege lasted from November to February 2016.", pub, 1, []want{{"from November", "2015-11-01", 3, 0}, {"February 2016", "2016-02-01", 3, 0}}, nil},
		{"last day", "Two raids were reported in the last day.", pub, 1, []want{{"in the last day", "2024-05-13", 1, 0}}, nil},
		{"mid-year", "The offensive stalled in mid-2019.", pub, 1, []want{{"in mid-2019", "2019-01-01", 3, 2019}}, []string{FlagPartMid}},
		{"early year", "Attacks rose in early 2020.", pub, 1, []want{{"early 2020", "2020-01-01", 3, 2020}}, []string{FlagPartEarly}},
		{"near future day", "The hearing is set for June 2.", pub, 1, []want{{"June 2", "2023-06-02", 1, 0}}, []string{FlagFutureCorrected, FlagNearFuture}},
		{"near future month", "Elections are due in July.", pub, 1, []want{{"in July", "2023-07-01", 3, 0}}, []string{FlagNearFuture}},
		{"last 24 hours", "Nine people were detained in the last 24 hours.", pub, 1, []want{{"in the last 24 hours", "2024-05-13", 1, 0}}, []string{FlagWindow}},
		{"past two months", "Attacks doubled over the past two months.", pub, 1, []want{{"over the past two months", "2024-03-14", 3, 0}}, []string{FlagWindow}},
		{"decade ago", "The revolt began a decade ago.", pub, 1, []want{{"a decade ago", "2014-01-01", 3, 2014}}, nil},
		{"hours ago", "The blast happened three hours ago.", pub, 1, []want{{"three hours ago", "2024-05-14", 1, 0}}, nil},
		{"masthead", "The Sunday Times reported the raid.", pub, 1, nil, nil},
		{"named day", "Marchers recalled Bloody Sunday and Good Friday.", pub, 1, nil, nil},
		{"not dates", "It may rain; they sat down to mar the mood. Route 66 has 12 lanes.", pub, 1, nil, nil},
		{"lower-case may", "Officials may return in may.", pub, 1, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text, day(tc.pub), tc.prec)
			if diff := cmp.Diff(tc.want, view(got)); diff != "" {
				t.Fatalf("Find(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
			for _, f := range tc.flags {
				if !got[0].HasFlag(f) {
					t.Errorf("Find(%q)[0] flags = %v, want %q", tc.text, got[0].Flags, f)
				}
			}
			checkExprs(t, tc.text, day(tc.pub), tc.prec, got)
		})
	}
}

// checkExprs holds the invariants of every result: spans match the text
// and no date is after the publication period.
func checkExprs(t *testing.T, text string, pub time.Time, prec int, es []Expr) {
	t.Helper()
	limit := newResolver(pub, prec).limit
	prevEnd := 0
	for _, e := range es {
		if e.Start < prevEnd || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
			t.Fatalf("bad span %d:%d %q in %q", e.Start, e.End, e.Text, text)
		}
		prevEnd = e.End
		if !pub.IsZero() && e.Date.After(limit) {
			t.Fatalf("%q dated %s, after publication %s", e.Text, e.Date.Format(time.DateOnly), pub.Format(time.DateOnly))
		}
		if e.Precision < 1 || e.Precision > 3 {
			t.Fatalf("%q precision %d", e.Text, e.Precision)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"on Saturday (April 3), a day after",
		"Oct. 9 and 2020-03-08 and 09-03-2020",
		"three weeks ago last summer at the end of last July",
		"in the summer of 2014 in December 2017 since 2003",
		"Feb 29 31 April 00/00/0000 9999-99-99",
		"yesterday’s the day before yesterday",
	} {
		f.Add(s, int64(1707091200), uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64, prec uint8) {
		pub := time.Unix(unix%(1<<34), 0).UTC()
		if unix%7 == 0 {
			pub = time.Time{}
		}
		p := int(prec % 4)
		es := Find(s, pub, p)
		checkExprs(t, s, pub, p, es)
	})
}

func BenchmarkFind(b *testing.B) {
	text := "" +
		"Militants attacked two checkpoints on Monday, officials said on Tuesday, a week after a similar raid. " +
		"The group seized the area in the summer of 2014 and lost it in December 2017. " +
		"Analysts say attacks have risen since last August; on Oct. 9 a bomb exploded near the market. " +
		"The government said it will respond, and talks with the coalition continue this month. "
	pub := day("2019-10-22")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, pub, 1)
	}
}

// TestLookupWordFindsEveryWord holds the shape tests in front of the
// grammar's word table to what they stand for: no word of the table is
// turned away.
func TestLookupWordFindsEveryWord(t *testing.T) {
	for w, want := range gram.words {
		if got, ok := lookupWord(w); !ok || got != want {
			t.Errorf("lookupWord(%q) = %v, %v; want the table's entry", w, got, ok)
		}
	}
	for _, w := range []string{",", ".", "a", "x", "1", "-", "’"} {
		_, want := gram.words[w]
		if _, ok := lookupWord(w); ok != want {
			t.Errorf("lookupWord(%q) = %v, the table says %v", w, ok, want)
		}
	}
}
