package ingest

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/article"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseDateline(t *testing.T) {
	tests := []struct {
		line   string
		ok     bool
		want   time.Time
		alts   []time.Time
		prec   article.DatePrecision
		layout string
	}{
		{"09-03-2020", true, day(2020, 3, 9), []time.Time{day(2020, 9, 3)}, article.PrecisionDay, "numeric"},
		{"5 Feb 2024 - 10:20", true, day(2024, 2, 5), nil, article.PrecisionDay, "dmy"},
		{"Published: Monday, March 9, 2020 8:14 AM", true, day(2020, 3, 9), nil, article.PrecisionDay, "mdy"},
		{"2021-11-30T08:00:00+03:00", true, day(2021, 11, 30), nil, article.PrecisionDay, "ymd"},
		{"2021-11-30 08:00 GMT", true, day(2021, 11, 30), nil, article.PrecisionDay, "ymd"},
		{"Updated 14th of July, 2019 | 09:41", true, day(2019, 7, 14), nil, article.PrecisionDay, "dmy"},
		{"25/12/2022", true, day(2022, 12, 25), nil, article.PrecisionDay, "numeric"},
		{"12/25/2022", true, day(2022, 12, 25), nil, article.PrecisionDay, "mdy-numeric"},
		{"07.07.2017", true, day(2017, 7, 7), nil, article.PrecisionDay, "numeric"},
		{"Sept. 4, 2018", true, day(2018, 9, 4), nil, article.PrecisionDay, "mdy"},
		{"June 2015", true, day(2015, 6, 1), nil, article.PrecisionMonth, "my"},
		{"Publié le 1er février 2024 à 10h", true, day(2024, 2, 1), nil, article.PrecisionDay, "dmy"},
		{"Publié le mardi 1er février 2022 à 10:15", true, day(2022, 2, 1), nil, article.PrecisionDay, "dmy"},
		{"5 de marzo de 2023", true, day(2023, 3, 5), nil, article.PrecisionDay, "dmy"},
		{"Veröffentlicht am 5. März 2023, 14:00 Uhr", true, day(2023, 3, 5), nil, article.PrecisionDay, "dmy"},
		{"juillet 2019", true, day(2019, 7, 1), nil, article.PrecisionMonth, "my"},
		{"31 April 2020", false, time.Time{}, nil, 0, ""},
		{"30/02/2020", false, time.Time{}, nil, 0, ""},
		{"Troops entered the town on 5 Feb 2024 after a siege.", false, time.Time{}, nil, 0, ""},
		{"Lawk Ghafuri", false, time.Time{}, nil, 0, ""},
		{"", false, time.Time{}, nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			dm, ok := ParseDateline(tt.line)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tt.ok, dm)
			}
			if !ok {
				return
			}
			got := struct {
				T      time.Time
				Alts   []time.Time
				Prec   article.DatePrecision
				Layout string
			}{dm.Time, dm.Alternatives, dm.Precision, dm.Layout}
			want := struct {
				T      time.Time
				Alts   []time.Time
				Prec   article.DatePrecision
				Layout string
			}{tt.want, tt.alts, tt.prec, tt.layout}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
			if s := tt.line[dm.Start:dm.End]; !strings.ContainsAny(s, "0123456789") {
				t.Errorf("span %q holds no date", s)
			}
		})
	}
}

func TestResolveAmbiguous(t *testing.T) {
	// 09-03-2020: Monday 9 March or Thursday 3 September.
	readings := []time.Time{day(2020, 3, 9), day(2020, 9, 3)}
	// 04-06-2021: Friday 4 June or Tuesday 6 April.
	readings2 := []time.Time{day(2021, 6, 4), day(2021, 4, 6)}
	tests := []struct {
		name     string
		readings []time.Time
		text     string
		want     int
		noteHas  string
	}{
		{"event Sunday, statement Monday: a Monday", readings, "Rebels shelled the village on Sunday, the governor said in a statement Monday.", 0, "Sunday, Monday"},
		{"Wednesday and Thursday: a Thursday", readings, "The raid began on Wednesday and ended early on Thursday, police said.", 1, "chose Thursday 3 September 2020"},
		{"no weekdays: day-first assumed", readings, "The raid began at dawn and ended at noon.", 0, "names no weekday"},
		{"forward-looking weekday ignored", readings, "Talks resume next Thursday; the clash happened on Sunday.", 0, "Sunday"},
		{"French weekdays", readings, "L'attaque a eu lieu dimanche, a indiqué lundi le gouverneur.", 0, "Sunday, Monday"},
		{"Tuesday report: month-first", readings2, "Police said on Monday that two men were detained on Sunday; a court hears the case Tuesday.", 1, "chose Tuesday 6 April 2021"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, note := ResolveAmbiguous("xx", tt.readings, tt.text)
			if got != tt.want {
				t.Errorf("chose %d, want %d (%s)", got, tt.want, note)
			}
			if !strings.Contains(note, tt.noteHas) {
				t.Errorf("note %q lacks %q", note, tt.noteHas)
			}
		})
	}
}

func TestPublishedFromDateline(t *testing.T) {
	page := "Two killed as mortar rounds hit a market town\n\n09-03-2020\n\nTwo people were killed when mortar rounds hit a market on Sunday, the district governor said Monday in a statement to reporters.\n"
	a, err := FromText("t.txt", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := a.Published
	if !p.Time.Equal(day(2020, 3, 9)) || p.From != "dateline" || p.Precision != article.PrecisionDay {
		t.Fatalf("published = %+v", p)
	}
	if p.Evidence == nil || a.Text[p.Evidence.Start:p.Evidence.End] != "09-03-2020" {
		t.Fatalf("evidence %+v does not point at the dateline", p.Evidence)
	}
	if !strings.Contains(p.Note, "ambiguous") {
		t.Errorf("note %q does not explain the choice", p.Note)
	}
}

func TestResolveByPrintedWeekday(t *testing.T) {
	readings := []time.Time{day(2020, 3, 9), day(2020, 9, 3)} // Monday, Thursday
	tests := []struct {
		line string
		want int
	}{
		{"Thursday 09-03-2020", 1},
		{"Published: Monday, 09-03-2020 10:00", 0},
		{"09-03-2020", -1},
		{"Friday 09-03-2020", -1},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, note := ResolveByPrintedWeekday(tt.line, strings.Index(tt.line, "09"), readings)
			if got != tt.want || (got >= 0) != (note != "") {
				t.Errorf("got %d %q, want %d", got, note, tt.want)
			}
		})
	}
}

func TestPublishedFromLocationDateline(t *testing.T) {
	page := "Gunmen raid a village near the river\n\nNIAMEY, Oct 2, 2023 (Sahel Ledger) –\n\nGunmen on motorbikes raided a village near the river on Sunday, killing six people, the mayor said on Monday.\n"
	a, err := FromText("t.txt", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Published; !got.Time.Equal(day(2023, 10, 2)) || got.From != "dateline" || got.Evidence == nil {
		t.Fatalf("published = %+v", got)
	}
	if a.Outlet != "Sahel Ledger" || a.Lines[2].Kind != article.KindDateline {
		t.Errorf("outlet %q, line 3 kind %s", a.Outlet, a.Lines[2].Kind)
	}
}

func TestPublishedPrecedence(t *testing.T) {
	page := []byte("A headline about a raid on a farm at night\n5 Feb 2024\nThe raid on the farm killed four people and wounded two more, officials said today.\n")
	given := day(2024, 2, 7)
	tests := []struct {
		name string
		opts Options
		want time.Time
		from string
	}{
		{"dateline", Options{}, day(2024, 2, 5), "dateline"},
		{"manifest", Options{Manifest: Manifest{"p.txt": &given}}, given, "manifest"},
		{"manifest null falls through", Options{Manifest: Manifest{"p.txt": nil}}, day(2024, 2, 5), "dateline"},
		{"caller beats manifest", Options{Manifest: Manifest{"p.txt": &given}, Published: &article.Published{Time: day(2024, 3, 1), Precision: article.PrecisionDay}}, day(2024, 3, 1), "caller"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromText("dir/p.txt", page, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Published.Time.Equal(tt.want) || a.Published.From != tt.from {
				t.Errorf("published = %s from %s, want %s from %s", a.Published.Time, a.Published.From, tt.want, tt.from)
			}
		})
	}
}

func FuzzDateline(f *testing.F) {
	for _, s := range []string{"09-03-2020", "5 Feb 2024 - 10:20", "Sept. 4, 2018", "2020-02-30", "June 2015",
		"Published: Monday, March 9, 2020 8:14 AM", "99/99/9999", "1 of may 2020", "0-0-0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		dm, ok := ParseDateline(s)
		if !ok {
			return
		}
		if dm.Start < 0 || dm.End > len(s) || dm.Start >= dm.End {
			t.Fatalf("bad span %d-%d for %q", dm.Start, dm.End, s)
		}
		if dm.Time.Year() < 1900 || dm.Time.Year() > 2200 {
			t.Fatalf("year out of range: %s", dm.Time)
		}
		all := append([]time.Time{dm.Time}, dm.Alternatives...)
		i, note := ResolveAmbiguous(s[dm.Start:dm.End], all, s)
		if i < 0 || i >= len(all) || note == "" {
			t.Fatalf("resolve gave %d %q", i, note)
		}
	})
}

func TestDayOfKeepsTheStampedDate(t *testing.T) {
	evening := time.Date(2023, 6, 12, 23, 30, 0, 0, time.FixedZone("-0500", -5*3600))
	if got := dayOf(evening); !got.Equal(day(2023, 6, 12)) {
		t.Errorf("dayOf(%s) = %s, want 2023-06-12", evening, got)
	}
}
