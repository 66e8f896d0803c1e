package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// loadResources loads the embedded resources once for all tests.
var loadResources = sync.OnceValues(DefaultResources)

func resources(tb testing.TB) Resources {
	tb.Helper()
	r, err := loadResources()
	if err != nil {
		tb.Fatalf("DefaultResources: %v", err)
	}
	return r
}

// testArticle builds an article from a text whose first line is its
// title and whose other non-blank lines are body paragraphs.
func testArticle(name, text, published, outlet string) article.Article {
	a := article.Article{Source: name, Outlet: outlet, Text: text, Format: "text"}
	a.ID = article.Hash(text)
	if published != "" {
		t, err := time.Parse("2006-01-02", published)
		if err == nil {
			a.Published = article.Published{Time: t, Precision: article.PrecisionDay, From: "caller"}
		}
	}
	off := 0
	for i, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimRight(line, "\n")
		if strings.TrimSpace(body) != "" {
			kind := article.KindBody
			if len(a.Lines) == 0 {
				kind = article.KindTitle
			}
			a.Lines = append(a.Lines, article.Line{Kind: kind, Text: body, Source: i + 1, Start: off, End: off + len(body)})
		}
		off += len(line)
	}
	return a
}

// expectation is what a reader of a test article codes by hand; empty
// fields are not checked.
type expectation struct {
	CountryCode  string `json:"country_code"`
	EventType    string `json:"event_type"`
	SubEventType string `json:"sub_event_type"`
	Date         string `json:"date"`
	Admin1       string `json:"admin1"`
	Actor1       string `json:"actor1"`
	Actor2       string `json:"actor2"`
	ClaimedBy    *string
	Fatalities   *int `json:"fatalities"`
	Wounded      *int `json:"wounded"`
	Abducted     *int `json:"abducted"`
}

// UnmarshalJSON reads claimed_by so that "" (expressly unclaimed) differs
// from absent.
func (e *expectation) UnmarshalJSON(b []byte) error {
	type plain expectation
	var aux struct {
		plain
		Claimed *string `json:"claimed_by"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*e = expectation(aux.plain)
	e.ClaimedBy = aux.Claimed
	return nil
}

type testCase struct {
	Published string        `json:"published"`
	Outlet    string        `json:"outlet"`
	Expect    []expectation `json:"expect"`
}

func readCases(t *testing.T) map[string]testCase {
	t.Helper()
	b, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases map[string]testCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("cases.json: %v", err)
	}
	return cases
}

// TestExtractArticles runs the hand-coded test articles: each must yield
// exactly the incidents a reader codes, with the fields the reader wrote
// down, and the full projection must match the golden file.
func TestExtractArticles(t *testing.T) {
	r := resources(t)
	cases := readCases(t)
	names := make([]string, 0, len(cases))
	for n := range cases {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		tc := cases[name]
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join("testdata", "articles", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Extract(testArticle(name+".txt", string(text), tc.Published, tc.Outlet), r)
			if err != nil {
				t.Fatal(err)
			}
			checkExpectations(t, got, tc.Expect)
			checkEvidence(t, string(text), got)
			checkGolden(t, name, got)
		})
	}
}

func checkExpectations(t *testing.T, got []incident.Incident, want []expectation) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d incidents, want %d:\n%s", len(got), len(want), summary(got))
	}
	used := map[int]bool{}
	for _, w := range want {
		i := findIncident(got, w, used)
		if i < 0 {
			t.Errorf("no incident in %s with %s:\n%s", w.CountryCode, w.EventType, summary(got))
			continue
		}
		used[i] = true
		if diff := cmp.Diff(w, project(got[i], w)); diff != "" {
			t.Errorf("incident %d mismatch (-want +got):\n%s", i, diff)
		}
	}
}

func findIncident(got []incident.Incident, w expectation, used map[int]bool) int {
	for i, in := range got {
		if !used[i] && in.CountryCode == w.CountryCode && in.EventType == w.EventType && (w.Date == "" || in.EventDate == w.Date) {
			return i
		}
	}
	for i, in := range got {
		if !used[i] && in.CountryCode == w.CountryCode && in.EventType == w.EventType {
			return i
		}
	}
	return -1
}

// project reads an incident as the expectation sees it: only the fields
// the expectation sets, actors matched by substring.
func project(in incident.Incident, w expectation) expectation {
	p := expectation{CountryCode: in.CountryCode, EventType: in.EventType}
	if w.SubEventType != "" {
		p.SubEventType = in.SubEventType
	}
	if w.Date != "" {
		p.Date = in.EventDate
	}
	if w.Admin1 != "" {
		p.Admin1 = w.Admin1
		if !strings.Contains(fold(in.Admin1), fold(w.Admin1)) {
			p.Admin1 = in.Admin1
		}
	}
	p.Actor1 = substr(in.Actor1+"; "+in.AssocActor1, w.Actor1)
	p.Actor2 = substr(in.Actor2+"; "+in.AssocActor2, w.Actor2)
	if w.ClaimedBy != nil {
		c := substr(in.ClaimedBy, *w.ClaimedBy)
		if *w.ClaimedBy == "" {
			c = in.ClaimedBy
		}
		p.ClaimedBy = &c
	}
	if w.Fatalities != nil {
		p.Fatalities = in.Fatalities
	}
	if w.Wounded != nil {
		p.Wounded = in.Wounded
	}
	if w.Abducted != nil {
		p.Abducted = in.Abducted
	}
	return p
}

func substr(have, want string) string {
	if want == "" {
		return ""
	}
	if strings.Contains(fold(have), fold(want)) {
		return want
	}
	return have
}

func fold(s string) string {
	return strings.NewReplacer("-", " ", "'", "", "ā", "a", "á", "a").Replace(strings.ToLower(s))
}

func summary(got []incident.Incident) string {
	var b strings.Builder
	for _, in := range got {
		b.WriteString("  " + in.Notes + "\n")
	}
	return b.String()
}

// checkEvidence holds every incident to the evidence contract: spans in
// the text, quotes equal to the text they point at, and evidence for the
// fields that are coded.
func checkEvidence(t *testing.T, text string, got []incident.Incident) {
	t.Helper()
	for _, in := range got {
		for _, e := range in.Evidence {
			if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Quote {
				t.Errorf("evidence %+v does not quote the text", e)
			}
		}
		for field, set := range map[string]bool{
			"event_type": in.EventType != "", "actor1": in.Actor1 != "", "actor2": in.Actor2 != "",
			"location": in.Location != "", "event_date": in.EventDate != "", "fatalities": in.Fatalities != nil,
			"wounded": in.Wounded != nil, "claimed_by": in.ClaimedBy != "", "country": in.Country != "",
		} {
			if set && len(in.EvidenceFor(field)) == 0 {
				t.Errorf("incident %s: %s coded without evidence", in.EventID, field)
			}
		}
	}
}

// goldenIncident is the part of an incident the golden files keep: the
// coded fields, without evidence rules that other packages' tables change.
type goldenIncident struct {
	EventDate, EventType, SubEventType string
	TimePrecision                      int
	Actor1, AssocActor1, Actor2        string
	AssocActor2, CivilianTargeting     string
	Inter1, Inter2, Interaction        int
	CountryCode, Admin1, Location      string
	GeoPrecision                       int
	Fatalities, Wounded, Abducted      *int
	Arrested                           *int
	KilledBySide                       map[string]int
	ClaimedBy, Source, Notes           string
}

func checkGolden(t *testing.T, name string, got []incident.Incident) {
	t.Helper()
	proj := make([]goldenIncident, 0, len(got))
	for _, in := range got {
		proj = append(proj, goldenIncident{
			EventDate: in.EventDate, EventType: in.EventType, SubEventType: in.SubEventType, TimePrecision: in.TimePrecision,
			Actor1: in.Actor1, AssocActor1: in.AssocActor1, Actor2: in.Actor2, AssocActor2: in.AssocActor2,
			CivilianTargeting: in.CivilianTargeting, Inter1: in.Inter1, Inter2: in.Inter2, Interaction: in.Interaction,
			CountryCode: in.CountryCode, Admin1: in.Admin1, Location: in.Location, GeoPrecision: in.GeoPrecision,
			Fatalities: in.Fatalities, Wounded: in.Wounded, Abducted: in.Abducted, Arrested: in.Arrested,
			KilledBySide: in.KilledBySide, ClaimedBy: in.ClaimedBy, Source: in.Source, Notes: in.Notes,
		})
	}
	b, err := json.MarshalIndent(proj, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(strings.TrimSpace(string(want)), strings.TrimSpace(string(b))); diff != "" {
		t.Errorf("golden %s mismatch (-want +got):\n%s", path, diff)
	}
}
