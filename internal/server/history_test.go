package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// historyStore adds revisions, tombstones and corrections to memStore, the
// simplest way that honours the interfaces' contracts, so the tests below
// exercise the handlers rather than a backend.
type historyStore struct {
	*memStore
	revs  []incident.Revision
	tombs []incident.Tombstone
	now   time.Time
}

var (
	_ incident.History   = (*historyStore)(nil)
	_ incident.Corrector = (*historyStore)(nil)
)

func (h *historyStore) index(id string) (int, error) {
	i := slices.IndexFunc(h.incidents, func(in incident.Incident) bool { return in.EventID == id })
	if i < 0 {
		return 0, fmt.Errorf("incident %s: %w", id, incident.ErrNotFound)
	}
	return i, nil
}

func (h *historyStore) tick() time.Time { h.now = h.now.Add(time.Minute); return h.now }

func (h *historyStore) Revisions(_ context.Context, id string) ([]incident.Revision, error) {
	if _, err := h.index(id); err != nil {
		return nil, err
	}
	var out []incident.Revision
	for _, r := range h.revs {
		if r.IncidentID == id {
			out = append(out, r)
		}
	}
	return out, nil
}

func (h *historyStore) Tombstones(_ context.Context, since time.Time) ([]incident.Tombstone, error) {
	var out []incident.Tombstone
	for _, t := range h.tombs {
		if !t.At.Before(since) {
			out = append(out, t)
		}
	}
	return out, nil
}

func (h *historyStore) Correct(_ context.Context, c incident.Correction) (incident.Incident, error) {
	i, err := h.index(c.IncidentID)
	if err != nil {
		return incident.Incident{}, err
	}
	in := &h.incidents[i]
	var old string
	switch c.Field {
	case "admin1":
		old, in.Admin1 = in.Admin1, c.Value
	case "fatalities":
		n, err := strconv.Atoi(c.Value)
		if err != nil || n < 0 {
			return incident.Incident{}, fmt.Errorf("fatalities %q: %w", c.Value, incident.ErrInvalid)
		}
		old, in.Fatalities = strconv.Itoa(deref(in.Fatalities)), &n
	default:
		return incident.Incident{}, fmt.Errorf("field %q cannot be corrected: %w", c.Field, incident.ErrInvalid)
	}
	h.revs = append(h.revs, incident.Revision{IncidentID: c.IncidentID, At: h.tick(), Field: c.Field, Old: old, New: c.Value,
		Why: "correction by " + c.Author + ": " + c.Why})
	return *in, nil
}

func (h *historyStore) MergeIncidents(_ context.Context, keep, absorb, why string) (incident.Incident, error) {
	k, err := h.index(keep)
	if err != nil {
		return incident.Incident{}, err
	}
	a, err := h.index(absorb)
	if err != nil {
		return incident.Incident{}, err
	}
	h.incidents[k].Sources = append(h.incidents[k].Sources, h.incidents[a].Sources...)
	kept := h.incidents[k]
	h.incidents = slices.Delete(h.incidents, a, a+1)
	h.tombs = append(h.tombs, incident.Tombstone{EventID: absorb, MergedInto: keep, Why: why, At: h.tick()})
	h.revs = append(h.revs, incident.Revision{IncidentID: keep, At: h.now, Field: "sources", New: absorb, Why: why})
	return kept, nil
}

func (h *historyStore) SplitSource(_ context.Context, id, articleID, why string) (incident.Incident, error) {
	i, err := h.index(id)
	if err != nil {
		return incident.Incident{}, err
	}
	in := h.incidents[i]
	if in.ArticleID != articleID {
		return incident.Incident{}, fmt.Errorf("article %s is not in %s: %w", articleID, id, incident.ErrNotFound)
	}
	in.EventID = id + "-split"
	h.incidents = append(h.incidents, in)
	h.revs = append(h.revs, incident.Revision{IncidentID: id, At: h.tick(), Field: "sources", Old: articleID, Why: why})
	return in, nil
}

func newHistoryServer(t *testing.T) (*Server, *historyStore) {
	t.Helper()
	hs := &historyStore{memStore: newMemStore(t), now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}
	s, err := New(Options{Store: hs, Token: "k"})
	if err != nil {
		t.Fatal(err)
	}
	return s, hs
}

var jsonAuth = []string{"Content-Type", "application/json", "Authorization", "Bearer k"}

// TestHistoryNotImplemented: a store without the interfaces answers 501
// with the one error shape on every history route.
func TestHistoryNotImplemented(t *testing.T) {
	s, _ := newTestServer(t, Options{Token: "k"})
	for _, tc := range []struct{ method, path, body string }{
		{"GET", "/api/v1/incidents/SRX001/revisions", ""},
		{"GET", "/api/v1/tombstones", ""},
		{"POST", "/api/v1/incidents/SRX001/corrections", `{"field":"admin1","value":"Borno","why":"x"}`},
		{"POST", "/api/v1/incidents/SRX001/merge", `{"absorb":"SRX002","why":"x"}`},
		{"POST", "/api/v1/incidents/SRX001/split", `{"article_id":"a","why":"x"}`},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			rec := do(t, s, tc.method, tc.path, strings.NewReader(tc.body), jsonAuth...)
			wantError(t, rec, http.StatusNotImplemented, "not_implemented")
		})
	}
}

func TestCorrections(t *testing.T) {
	s, hs := newHistoryServer(t)
	post := func(path, body string, header ...string) *httptest.ResponseRecorder {
		return do(t, s, "POST", path, strings.NewReader(body), header...)
	}
	const path = "/api/v1/incidents/SRX001/corrections"
	good := `{"field":"fatalities","value":"4","why":"the ministry's later toll"}`
	wantError(t, post(path, good, "Content-Type", "application/json"), http.StatusUnauthorized, "unauthorized")
	wantError(t, post(path, good, "Content-Type", "text/plain", "Authorization", "Bearer k"), http.StatusUnsupportedMediaType, "unsupported_media_type")
	for _, bad := range []string{
		`{"field":"fatalities","value":"4"}`,
		`{"field":"","value":"4","why":"w"}`,
		`{"field":"fatalities","value":"4","why":"w","extra":1}`,
		`{"field":"fatalities","value":"four","why":"w"}`,
		`{"field":"weather","value":"rain","why":"w"}`,
		`{"field":"fatalities","value":"4","why":"w"} {}`,
		`not json`,
		`{"field":"admin1","value":"x","why":"` + strings.Repeat("w", maxWhyLen+1) + `"}`,
	} {
		wantError(t, post(path, bad, jsonAuth...), http.StatusBadRequest, "invalid")
	}
	wantError(t, post("/api/v1/incidents/NOPE/corrections", good, jsonAuth...), http.StatusNotFound, "not_found")
	wantError(t, post(path, `{"field":"admin1","value":"`+strings.Repeat("x", maxEditBody)+`","why":"w"}`, jsonAuth...),
		http.StatusRequestEntityTooLarge, "too_large")

	rec := post(path, good, jsonAuth...)
	got := decode[map[string]any](t, rec)
	if rec.Code != http.StatusOK || got["fatalities"] != 4.0 || got["unverified"] == nil {
		t.Fatalf("correction answered %d %v", rec.Code, rec.Body.String())
	}
	revs := decode[struct {
		IncidentID string              `json:"incident_id"`
		Revisions  []incident.Revision `json:"revisions"`
	}](t, do(t, s, "GET", "/api/v1/incidents/SRX001/revisions", nil))
	if revs.IncidentID != "SRX001" || len(revs.Revisions) != 1 || revs.Revisions[0].New != "4" ||
		!strings.Contains(revs.Revisions[0].Why, "correction by api") {
		t.Errorf("revisions after the correction: %+v", revs)
	}
	if in, _ := hs.Incident(context.Background(), "SRX001"); deref(in.Fatalities) != 4 {
		t.Errorf("store holds fatalities %d", deref(in.Fatalities))
	}
	wantError(t, do(t, s, "GET", "/api/v1/incidents/NOPE/revisions", nil), http.StatusNotFound, "not_found")
	wantError(t, do(t, s, "GET", "/api/v1/incidents/SRX001/revisions?x=1", nil), http.StatusBadRequest, "invalid")
}

func TestMergeSplitTombstones(t *testing.T) {
	s, _ := newHistoryServer(t)
	const merge = "/api/v1/incidents/SRX001/merge"
	wantError(t, do(t, s, "POST", merge, strings.NewReader(`{"absorb":"SRX001","why":"w"}`), jsonAuth...), http.StatusBadRequest, "invalid")
	wantError(t, do(t, s, "POST", merge, strings.NewReader(`{"absorb":"NOPE","why":"w"}`), jsonAuth...), http.StatusNotFound, "not_found")
	wantError(t, do(t, s, "POST", merge, strings.NewReader(`{"absorb":"SRX002"}`), jsonAuth...), http.StatusBadRequest, "invalid")
	rec := do(t, s, "POST", merge, strings.NewReader(`{"absorb":"SRX002","why":"same raid, two wires"}`), jsonAuth...)
	if rec.Code != http.StatusOK || decode[map[string]any](t, rec)["event_id"] != "SRX001" {
		t.Fatalf("merge answered %d %s", rec.Code, rec.Body.String())
	}
	wantError(t, do(t, s, "GET", "/api/v1/incidents/SRX002", nil), http.StatusGone, "gone")
	wantError(t, do(t, s, "GET", "/api/v1/incidents/NEVER", nil), http.StatusNotFound, "not_found")

	type tombs struct {
		Tombstones []incident.Tombstone `json:"tombstones"`
	}
	all := decode[tombs](t, do(t, s, "GET", "/api/v1/tombstones", nil))
	if len(all.Tombstones) != 1 || all.Tombstones[0].EventID != "SRX002" || all.Tombstones[0].MergedInto != "SRX001" {
		t.Errorf("tombstones %+v", all)
	}
	for q, n := range map[string]int{"since=2024-06-01": 1, "since=2024-06-02": 0, "since=2024-06-01T00:00:30Z": 1} {
		if got := decode[tombs](t, do(t, s, "GET", "/api/v1/tombstones?"+q, nil)); len(got.Tombstones) != n {
			t.Errorf("%s: %d tombstones, want %d", q, len(got.Tombstones), n)
		}
	}
	if body := do(t, s, "GET", "/api/v1/tombstones?since=2030-01-01", nil).Body.String(); !strings.Contains(body, `"tombstones":[]`) {
		t.Errorf("no tombstones is not an empty list: %s", body)
	}
	for _, bad := range []string{"since=yesterday", "since=2024-06-01&since=2024-06-02", "until=2024-01-01"} {
		wantError(t, do(t, s, "GET", "/api/v1/tombstones?"+bad, nil), http.StatusBadRequest, "invalid")
	}

	in, _ := s.store.Incident(context.Background(), "SRX003")
	split := "/api/v1/incidents/SRX003/split"
	wantError(t, do(t, s, "POST", split, strings.NewReader(`{"article_id":"nope","why":"w"}`), jsonAuth...), http.StatusNotFound, "not_found")
	rec = do(t, s, "POST", split, strings.NewReader(`{"article_id":"`+in.ArticleID+`","why":"a second attack that day"}`), jsonAuth...)
	if rec.Code != http.StatusCreated || decode[map[string]any](t, rec)["event_id"] != "SRX003-split" {
		t.Errorf("split answered %d %s", rec.Code, rec.Body.String())
	}
	wantError(t, do(t, s, "POST", split, strings.NewReader(`{"why":"w"}`), jsonAuth...), http.StatusBadRequest, "invalid")
}

func TestExportDeleted(t *testing.T) {
	s, _ := newHistoryServer(t)
	if rec := do(t, s, "POST", "/api/v1/incidents/SRX008/merge", strings.NewReader(`{"absorb":"SRX009","why":"one raid"}`), jsonAuth...); rec.Code != http.StatusOK {
		t.Fatalf("merge: %d %s", rec.Code, rec.Body.String())
	}
	rec := do(t, s, "GET", "/api/v1/export.deleted.csv?since=2024-06-01", nil)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "SRX009,") || !strings.Contains(lines[1], ",SRX008,one raid") {
		t.Errorf("deletions file:\n%s", rec.Body.String())
	}
	if body := do(t, s, "GET", "/api/v1/export.deleted.csv?since=2030-01-01&excel=1", nil).Body.String(); body != "\ufeffevent_id_cnty,deleted_timestamp,merged_into,reason\n" {
		t.Errorf("no deletions since 2030: %q", body)
	}
	for _, bad := range []string{"since=soon", "excel=yes", "format=csv"} {
		wantError(t, do(t, s, "GET", "/api/v1/export.deleted.csv?"+bad, nil), http.StatusBadRequest, "invalid")
	}
	plain, _ := newTestServer(t, Options{})
	wantError(t, do(t, plain, "GET", "/api/v1/export.deleted.csv", nil), http.StatusNotImplemented, "not_implemented")
}
