package storetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// The merge-at-ingest, revision, tombstone and correction behaviour of
// stores that implement incident.History and incident.Corrector; the
// tests skip for stores that do not.

func historyOf(t *testing.T, s incident.Store) (incident.History, incident.Corrector) {
	t.Helper()
	h, ok1 := s.(incident.History)
	c, ok2 := s.(incident.Corrector)
	if !ok1 || !ok2 {
		t.Skip("store keeps no history")
	}
	return h, c
}

// outletArticle is a made-up outlet's story, told in its own words.
func outletArticle(outlet, text string) *article.Article {
	return &article.Article{
		Source: outlet + ".txt", Outlet: outlet, Text: text, Format: "text",
		Published: article.Published{Time: time.Date(2024, 7, 3, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay, From: "caller"},
	}
}

// bombing is one coding of a market bombing in Diyala; each outlet's
// extraction gives its own ID and its own figure.
func bombing(id, date string, dead int) incident.Incident {
	return incident.Incident{
		EventID: id, EventDate: date, TimePrecision: 1,
		DisorderType: incident.PoliticalViolence, EventType: incident.ExplosionsRemote, SubEventType: "Suicide bomb",
		Actor1: "Islamic State (Iraq)", Inter1: 2, Actor2: "Civilians (Iraq)", Inter2: 7, Interaction: 27,
		Country: "Iraq", CountryCode: "IQ", Admin1: "Diyala", Admin2: "Khanaqin", Location: "Jalawla",
		Latitude: incident.Float(34.27), Longitude: incident.Float(45.16), GeoPrecision: 1,
		Fatalities: incident.Int(dead), Confidence: 0.7,
	}
}

const (
	tellingA = "A suicide bomber struck a crowded market in Jalawla on Tuesday, killing nine people, police said.\n" +
		"Witnesses described stalls overturned and smoke rising over the town centre."
	tellingB = "Twelve shoppers died when an attacker detonated an explosive vest among vegetable stalls in the Diyala town of Jalawla.\n" +
		"Islamic State said in an online statement that one of its fighters carried out the blast."
)

func saveTellings(t *testing.T, s incident.Store) (string, string) {
	t.Helper()
	a := mustSave(t, s, outletArticle("Valley Courier", tellingA), []incident.Incident{bombing("VC1", "2024-07-02", 9)})
	b := mustSave(t, s, outletArticle("Frontier Daily", tellingB), []incident.Incident{bombing("FD1", "2024-07-03", 12)})
	return a.ArticleID, b.ArticleID
}

func testMergeAtIngest(t *testing.T, s incident.Store) {
	historyOf(t, s)
	saveTellings(t, s)
	got := allIncidents(t, s, incident.Filter{})
	if len(got) != 1 {
		t.Fatalf("two retellings of one bombing gave %d incidents %v, want 1", len(got), ids(got))
	}
	in := got[0]
	if in.EventID != "VC1" || len(in.Sources) != 2 || in.Fatalities == nil || *in.Fatalities != 9 ||
		!slices.Contains(in.Tags, "disputed") || in.EventDate != "2024-07-02" {
		t.Errorf("merged incident %s: %d sources, fatalities %v, tags %v, date %s; want VC1, 2, 9, disputed, 2024-07-02",
			in.EventID, len(in.Sources), intOrNil(in.Fatalities), in.Tags, in.EventDate)
	}
}

func testDistinctSameDay(t *testing.T, s incident.Store) {
	historyOf(t, s)
	first := bombing("AT1", "2024-07-02", 4)
	second := bombing("AT2", "2024-07-02", 2)
	second.Location, second.Admin2 = "Muqdadiyah", "Al-Muqdadiya"
	second.Latitude, second.Longitude = incident.Float(33.98), incident.Float(44.94)
	mustSave(t, s, outletArticle("Valley Courier", "Two bombings shook Diyala province on Tuesday, one in Jalawla and one in Muqdadiyah.\nEach struck a market."), []incident.Incident{first})
	mustSave(t, s, outletArticle("Frontier Daily", "In Muqdadiyah a roadside device killed two farmers on Tuesday, officials said.\nNo group claimed it."), []incident.Incident{second})
	if got := allIncidents(t, s, incident.Filter{}); len(got) != 2 {
		t.Errorf("two attacks in one province on one day gave %d incidents, want 2", len(got))
	}
}

func testReingestNoRevisions(t *testing.T, s incident.Store) {
	h, _ := historyOf(t, s)
	saveTellings(t, s)
	before, err := h.Revisions(ctx(t), "VC1")
	if err != nil {
		t.Fatal(err)
	}
	if !hasField(before, "sources") || !hasField(before, "tags") || hasField(before, "fatalities") {
		t.Errorf("revisions after a joining report = %+v, want sources and tags changed, the conservative fatalities not", before)
	}
	mustSave(t, s, outletArticle("Frontier Daily", tellingB), []incident.Incident{bombing("FD1", "2024-07-03", 12)})
	after, err := h.Revisions(ctx(t), "VC1")
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("re-ingesting the same article added revisions: %d → %d", len(before), len(after))
	}
}

func testCorrectionSurvives(t *testing.T, s incident.Store) {
	h, c := historyOf(t, s)
	mustSave(t, s, outletArticle("Valley Courier", tellingA), []incident.Incident{bombing("VC1", "2024-07-02", 9)})
	if _, err := c.Correct(ctx(t), incident.Correction{IncidentID: "VC1", Field: "fatalities", Value: "11", Why: "hospital list", Author: "tester"}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []incident.Correction{
		{IncidentID: "VC1", Field: "colour", Value: "red", Why: "x"},
		{IncidentID: "VC1", Field: "fatalities", Value: "many", Why: "x"},
	} {
		if _, err := c.Correct(ctx(t), bad); !errors.Is(err, incident.ErrInvalid) {
			t.Errorf("Correct(%s=%s) err = %v, want ErrInvalid", bad.Field, bad.Value, err)
		}
	}
	mustSave(t, s, outletArticle("Frontier Daily", tellingB), []incident.Incident{bombing("FD1", "2024-07-03", 12)})
	got, err := s.Incident(ctx(t), "VC1")
	if err != nil {
		t.Fatal(err)
	}
	if *got.Fatalities != 11 || len(got.Sources) != 2 || !strings.Contains(got.Notes, "hospital list") {
		t.Errorf("after a new report: fatalities %d, %d sources, notes %q; want the corrected 11, 2 and the correction's reason",
			*got.Fatalities, len(got.Sources), got.Notes)
	}
	revs, err := h.Revisions(ctx(t), "VC1")
	if err != nil {
		t.Fatal(err)
	}
	var correction, joined bool
	for _, r := range revs {
		correction = correction || (r.Field == "fatalities" && r.New == "11")
		joined = joined || (r.Field == "sources" && r.ArticleID != "")
	}
	if !correction || !joined {
		t.Errorf("revisions %+v: want the correction and the joining report", revs)
	}
}

func testMergeSplitTombstone(t *testing.T, s incident.Store) {
	h, c := historyOf(t, s)
	_, bID := saveTellings(t, s)
	split, err := c.SplitSource(ctx(t), "VC1", bID, "different market")
	if err != nil {
		t.Fatal(err)
	}
	if split.EventID != "FD1" || *split.Fatalities != 12 || len(split.Sources) != 1 {
		t.Errorf("split-off incident %s: fatalities %d, %d sources; want FD1, 12, 1", split.EventID, *split.Fatalities, len(split.Sources))
	}
	if kept, err := s.Incident(ctx(t), "VC1"); err != nil || len(kept.Sources) != 1 || *kept.Fatalities != 9 {
		t.Errorf("incident left by the split: %+v, %v", kept, err)
	}
	merged, err := c.MergeIncidents(ctx(t), "VC1", "FD1", "same market after all")
	if err != nil {
		t.Fatal(err)
	}
	if len(merged.Sources) != 2 || *merged.Fatalities != 9 {
		t.Errorf("merged: %d sources, fatalities %d; want 2, 9", len(merged.Sources), *merged.Fatalities)
	}
	if _, err := s.Incident(ctx(t), "FD1"); !errors.Is(err, incident.ErrNotFound) {
		t.Errorf("absorbed incident still served: %v", err)
	}
	ts, err := h.Tombstones(ctx(t), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 1 || ts[0].EventID != "FD1" || ts[0].MergedInto != "VC1" {
		t.Errorf("tombstones = %+v, want FD1 merged into VC1", ts)
	}
	type oneTombstone interface {
		Tombstone(ctx context.Context, id string) (incident.Tombstone, error)
	}
	if one, ok := s.(oneTombstone); ok {
		if got, err := one.Tombstone(ctx(t), "FD1"); err != nil || got.MergedInto != "VC1" {
			t.Errorf("Tombstone(FD1) = %+v, %v; want merged into VC1", got, err)
		}
		if _, err := one.Tombstone(ctx(t), "VC1"); !errors.Is(err, incident.ErrNotFound) {
			t.Errorf("Tombstone(VC1) of a live incident: err = %v, want ErrNotFound", err)
		}
	}
	if later, _ := h.Tombstones(ctx(t), time.Now().Add(time.Hour)); len(later) != 0 {
		t.Errorf("tombstones since the future = %+v, want none", later)
	}
	if _, err := c.MergeIncidents(ctx(t), "VC1", "FD1", "again"); !errors.Is(err, incident.ErrNotFound) {
		t.Errorf("merging a tombstone: err = %v, want ErrNotFound", err)
	}
	// a later report naming the absorbed ID lands in the survivor
	mustSave(t, s, outletArticle("Hill Gazette", "Mourners buried the victims of the Jalawla market blast on Wednesday.\nThe toll stood at ten."),
		[]incident.Incident{bombing("FD1", "2024-07-02", 10)})
	if got := allIncidents(t, s, incident.Filter{}); len(got) != 1 || len(got[0].Sources) != 3 {
		t.Errorf("after a report naming the tombstone: %d incidents, want 1 with 3 sources", len(got))
	}
}

func hasField(revs []incident.Revision, field string) bool {
	return slices.ContainsFunc(revs, func(r incident.Revision) bool { return r.Field == field })
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}
