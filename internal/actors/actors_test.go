package actors

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func load(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return d
}

type found struct {
	Text, Name string
	Inter      int
}

func TestFind(t *testing.T) {
	d := load(t)
	tests := []struct {
		name string
		text string
		want []found
	}{
		{"acronym in its case only", "The IS fighters said it is over.",
			[]found{{"IS fighters", "Islamic State (ISIS)", 2}}},
		{"long name beats its prefix", "Fighters of the Islamic State West Africa Province struck.",
			[]found{{"Fighters", "Unidentified Armed Group ({country})", 3}, {"Islamic State West Africa Province", "Islamic State West Africa Province (ISWAP)", 2}}},
		{"demonym fills the country", "Somali troops and Kenyan police patrolled.",
			[]found{{"Somali troops", "Military Forces of Somalia", 1}, {"Kenyan police", "Police Forces of Kenya", 1}}},
		{"generic noun joins a named group", "al-Shabaab militants ambushed the convoy.",
			[]found{{"al-Shabaab militants", "Al-Shabaab", 2}}},
		{"weapon nouns need a nationality", "Warplanes struck; Russian jets returned.",
			[]found{{"Russian jets", "Military Forces of Russia", 1}}},
		{"civilian kinds", "Gunmen shot worshippers and two journalists.",
			[]found{{"Gunmen", "Unidentified Armed Group ({country})", 3}, {"worshippers", "Civilians ({country})", 7}, {"journalists", "Civilians ({country})", 7}}},
		{"police are state forces", "Three policemen died.",
			[]found{{"policemen", "Police Forces of {country}", 1}}},
		{"weak words stay out of Find", "Five people and others were hurt.", nil},
		{"curly apostrophes", "Kata’ib Hezbollah and Asa’ib Ahl al-Haq denied it.",
			[]found{{"Kata’ib Hezbollah", "Kataib Hezbollah", 3}, {"Asa’ib Ahl al-Haq", "Asa'ib Ahl al-Haq", 3}}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []found
			for _, m := range d.Find(tc.text) {
				if tc.text[m.Start:m.End] != m.Text {
					t.Errorf("mention %+v does not quote the text", m)
				}
				got = append(got, found{m.Text, m.Actor.Name, m.Actor.Inter})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestFindAllIncludesWeak(t *testing.T) {
	d := load(t)
	ms := d.FindAll("a dozen people")
	if len(ms) != 1 || ms[0].Actor.Kind != KindCivilians || !ms[0].Weak {
		t.Fatalf("FindAll(people) = %+v, want one weak civilian mention", ms)
	}
}

func TestIn(t *testing.T) {
	d := load(t)
	a, ok := d.Lookup("Military Forces")
	if !ok {
		t.Fatal("Lookup(Military Forces) failed")
	}
	if got := a.In("IQ", "Iraq"); got.Name != "Military Forces of Iraq" || got.Country != "IQ" || got.Generic {
		t.Errorf("In(IQ) = %+v", got)
	}
	if got := a.In("", ""); got.Name != "Military Forces" {
		t.Errorf("In(\"\") = %+v", got)
	}
	named, _ := d.Lookup("Hezbollah")
	if got := named.In("SY", "Syria"); got != named {
		t.Errorf("a named actor changed: %+v", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, table string }{
		{"too few fields", "ISIS\t2\trebel\n"},
		{"bad inter", "ISIS\t9\trebel\t\t\tISIS\n"},
		{"generic without placeholder", "Army\t1\tstate\t\tgeneric\tarmy\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse(strings.NewReader(tc.table), strings.NewReader("")); err == nil {
				t.Error("Parse succeeded, want an error")
			}
		})
	}
}

func TestArmed(t *testing.T) {
	for kind, want := range map[string]bool{KindState: true, KindRebel: true, KindCivilians: false, KindProtesters: false} {
		if got := (Actor{Kind: kind}).Armed(); got != want {
			t.Errorf("Armed(%s) = %v, want %v", kind, got, want)
		}
	}
}

func FuzzFind(f *testing.F) {
	d := load(f)
	for _, s := range []string{"ISIS militants killed two Iraqi soldiers", "Kata’ib", "U.S.-led coalition", "\xff\xfe IS"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range d.FindAll(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	d := load(b)
	text := strings.Repeat("Suspected al-Shabaab militants attacked a Somali army base near Kismayo on Monday, killing four soldiers and two civilians, officials said. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Find(text)
	}
}

func TestAsOf(t *testing.T) {
	d := load(t)
	tal, ok := d.Lookup("Taliban")
	if !ok {
		t.Fatal("Lookup(Taliban) failed")
	}
	day := func(s string) time.Time { x, _ := time.Parse("2006-01-02", s); return x }
	if got := d.AsOf(tal, day("2020-10-25")); got.Name != "Taliban" || got.Inter != 2 {
		t.Errorf("before August 2021: %+v", got)
	}
	if got := d.AsOf(tal, day("2023-01-10")); got.Inter != 1 || got.Country != "AF" {
		t.Errorf("after August 2021: %+v", got)
	}
	if got := d.AsOf(tal, time.Time{}); got.Name != "Taliban" {
		t.Errorf("no date: %+v", got)
	}
}

// TestFirstWordFilter holds the first-word signatures to the trie: with
// or without them, Find and FindAll give the same mentions, and every word
// that begins an alias passes them.
func TestFirstWordFilter(t *testing.T) {
	d := load(t)
	plain := *d
	plain.rootSigs = nil
	for w := range d.root.next {
		if !d.mayBegin(w) {
			t.Errorf("mayBegin(%q) = false for a first word", w)
		}
	}
	texts := []string{
		"Suspected al-Shabaab militants attacked a Somali army base near Kismayo, killing four soldiers and two civilians.",
		"ISIS fighters and Houthi rebels; the PMF, IS and LeT; Iraqi security forces and unidentified gunmen.",
		"Protesters and rioters clashed with police; people in Niger and Malian troops; Asa’ib Ahl al-Haq.",
	}
	for _, text := range texts {
		if got, want := d.Find(text), plain.Find(text); !cmp.Equal(got, want) {
			t.Errorf("Find(%q) = %v with the filter, %v without", text, got, want)
		}
		if got, want := d.FindAll(text), plain.FindAll(text); !cmp.Equal(got, want) {
			t.Errorf("FindAll(%q) = %v with the filter, %v without", text, got, want)
		}
	}
}
