package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/article"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "Gunmen attacked. Police fled! Why?", []string{"Gunmen attacked.", "Police fled!", "Why?"}},
		{"abbreviations", "The U.S. said on Oct. 9 that Gen. Smith left. He returned.", []string{"The U.S. said on Oct. 9 that Gen. Smith left.", "He returned."}},
		{"initials", "J. R. Doe was hurt. Two died.", []string{"J. R. Doe was hurt.", "Two died."}},
		{"quotes", "\"They fled.\" The army said so.", []string{"\"They fled.\"", "The army said so."}},
		{"lower case after dot", "It cost $3.5 million. e.g. not split", []string{"It cost $3.5 million. e.g. not split"}},
		{"paragraphs", "One.\n\nTwo.", []string{"One.", "Two."}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article.Article{Text: tc.text}
			var got []string
			for _, s := range splitSentences(&a) {
				got = append(got, tc.text[s.start:s.end])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBackgroundLinesAreSkipped(t *testing.T) {
	title, caption, body := "Title", "A caption: gunmen killed 40 people in Mosul in 2014.", "Nothing happened today."
	text := title + "\n" + caption + "\n" + body
	c0 := len(title) + 1
	b0 := c0 + len(caption) + 1
	a := article.Article{Text: text, Lines: []article.Line{
		{Kind: article.KindTitle, Start: 0, End: len(title)},
		{Kind: article.KindCaption, Start: c0, End: c0 + len(caption)},
		{Kind: article.KindBody, Start: b0, End: len(text)},
	}}
	var kinds []article.LineKind
	for _, s := range splitSentences(&a) {
		kinds = append(kinds, s.kind)
	}
	if diff := cmp.Diff([]article.LineKind{article.KindTitle, article.KindCaption, article.KindBody}, kinds); diff != "" {
		t.Errorf("kinds mismatch (-want +got):\n%s", diff)
	}
}

func TestConservative(t *testing.T) {
	c := func(n int, q string, flags ...string) CountMention {
		return CountMention{N: n, Qualifier: q, Kind: KindKilled, Flags: flags, Start: n}
	}
	tests := []struct {
		name   string
		sc     sideCounts
		want   int
		range_ string
	}{
		{"agreeing", sideCounts{exact: []CountMention{c(2, ""), c(2, "")}}, 2, ""},
		{"disagreeing: lowest, with the range", sideCounts{exact: []CountMention{c(9, ""), c(6, "")}}, 6, "6-9 killed"},
		{"a floor does not lower an exact figure", sideCounts{exact: []CountMention{c(5, "")}, floors: []CountMention{c(1, "at least", flagPartly)}}, 5, ""},
		{"only floors: the highest", sideCounts{floors: []CountMention{c(3, "at least"), c(7, "more than")}}, 7, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, _, rng := conservative(&tc.sc)
			if n != tc.want || rng != tc.range_ {
				t.Errorf("got %d %q, want %d %q", n, rng, tc.want, tc.range_)
			}
		})
	}
}

func TestHistorical(t *testing.T) {
	pub := time.Date(2019, 10, 22, 0, 0, 0, 0, time.UTC)
	d := &doc{pub: pub}
	tests := []struct {
		name string
		m    DateMention
		want bool
	}{
		{"last week", DateMention{Date: pub.AddDate(0, 0, -7), Precision: 1}, false},
		{"two years before", DateMention{Date: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), Precision: 3, Year: 2017}, true},
		{"year only, long ago", DateMention{Year: 2014, Precision: 3}, true},
		{"this year", DateMention{Year: 2019, Precision: 3}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.historical(tc.m); got != tc.want {
				t.Errorf("historical = %v, want %v", got, tc.want)
			}
		})
	}
	undated := &doc{}
	if !undated.historical(DateMention{Year: 2019, Precision: 3}) {
		t.Error("a stated year in an undated report should read as background")
	}
}

func TestLexiconRules(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	text := "ISIS claimed responsibility, Reuters reported; the AP said a separate attack may follow."
	got := map[string]bool{}
	for _, h := range lx.find(text, tokenize(text)) {
		got[h.cat+":"+text[h.start:h.end]] = true
	}
	for _, want := range []string{"claim:claimed responsibility", "agency:Reuters", "agency:AP", "another:a separate", "modal:may", "report:reported"} {
		if !got[want] {
			t.Errorf("missing hit %s in %v", want, got)
		}
	}
	if got["agency:ap"] {
		t.Error("acronym agencies must match in their case")
	}
}

// TestUnplacedIncidentsAreKept: an incident whose statements name no place
// is kept at the country of its actors or of the document (precision 3),
// or with no place and low confidence when nothing tells the country.
func TestUnplacedIncidentsAreKept(t *testing.T) {
	type want struct {
		Country, Location string
		Precision         int
		Tag               string
		LowConfidence     bool
	}
	tests := []struct {
		name, text string
		want       []want
	}{
		{"country of actors", "Clashes near the border\n\nKenyan police shot dead three suspected cattle raiders on Tuesday, officers said.",
			[]want{{"KE", "Kenya", 3, "", false}}},
		{"country of the document", "Night of violence\n\nGunmen on motorbikes killed seven farmers on Tuesday in a remote hamlet, residents said.\n\nThe government of Niger has promised more patrols, and Niger's aid groups have called for calm.",
			[]want{{"NE", "Niger", 3, "country-of-document", false}}},
		{"nothing known", "Night of violence\n\nGunmen on motorbikes killed seven farmers on Tuesday in a remote hamlet, residents said.",
			[]want{{"", "", 3, "unplaced", true}}},
	}
	r := resources(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Extract(testArticle("unplaced.txt", tc.text, "2024-02-15", "Test Wire"), r)
			if err != nil {
				t.Fatal(err)
			}
			var ws []want
			for _, in := range got {
				w := want{Country: in.CountryCode, Location: in.Location, Precision: in.GeoPrecision, LowConfidence: in.Confidence <= unplacedConfidence}
				for _, tag := range in.Tags {
					if tag == "unplaced" || tag == "country-of-document" {
						w.Tag = tag
					}
				}
				ws = append(ws, w)
			}
			if diff := cmp.Diff(tc.want, ws); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLowerFoldHelpers(t *testing.T) {
	words := []string{"", "a", "A", "of ", "Of Kabul", "OF", "since May", "SINCE ", "The Hague", "the hague",
		"İstanbul", "istanbul", "\u212Aabul", "kabul", "Σίσσος", "σίσσος", "ſince x", "bad\xffbyte", "BAD\xffBYTE", "Ünye", "ünye"}
	for _, a := range words {
		for _, b := range words {
			t.Run(a+"|"+b, func(t *testing.T) {
				if got, want := lowerEqual(a, b), strings.ToLower(a) == strings.ToLower(b); got != want {
					t.Errorf("lowerEqual = %v, want %v", got, want)
				}
			})
		}
		for _, p := range []string{"of ", "since ", "the ", "a ", "an ", "k", "i"} {
			t.Run(a+"|prefix "+p, func(t *testing.T) {
				low := strings.ToLower(a)
				rest, ok := lowerCut(a, p)
				if ok != strings.HasPrefix(low, p) {
					t.Fatalf("lowerCut ok = %v, want %v", ok, !ok)
				}
				if ok && strings.ToLower(rest) != strings.TrimPrefix(low, p) {
					t.Errorf("lowerCut rest = %q, want %q lowered", rest, strings.TrimPrefix(low, p))
				}
			})
		}
	}
}
