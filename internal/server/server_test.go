package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

func newTestServer(t *testing.T, opts Options) (*Server, *memStore) {
	t.Helper()
	st := newMemStore(t)
	if opts.Store == nil {
		opts.Store = st
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// do runs one request against the handler and returns the recorder.
func do(t *testing.T, h http.Handler, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %q: %v", rec.Body.String(), err)
	}
	return v
}

// wantError checks the status and the one error shape.
func wantError(t *testing.T, rec *httptest.ResponseRecorder, status int, code string) {
	t.Helper()
	if rec.Code != status {
		t.Errorf("status = %d, want %d; body %s", rec.Code, status, rec.Body.String())
	}
	e := decode[errorBody](t, rec)
	if e.Error.Code != code || e.Error.Message == "" {
		t.Errorf("error = %+v, want code %q and a message", e.Error, code)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("error Content-Type = %q", ct)
	}
}

func ids(p incident.Page) []string {
	out := []string{}
	for _, in := range p.Incidents {
		out = append(out, in.EventID)
	}
	return out
}

func TestListIncidentsFilters(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	tests := []struct {
		name, query string
		want        []string
	}{
		{"all", "", []string{"SRX003", "SRX001", "SRX004", "SRX002", "SRX005", "SRX006", "SRX007", "SRX008", "SRX009"}},
		{"date range", "from=2024-03-06&to=2024-03-14", []string{"SRX002", "SRX005", "SRX006", "SRX007"}},
		{"country code", "country=so", []string{"SRX003", "SRX004"}},
		{"country and admin1", "country=Nigeria&admin1=Borno&to=2024-03-06", []string{"SRX001", "SRX002"}},
		{"actor either side", "actor=Al+Shabaab", []string{"SRX003"}},
		{"event type", "event_type=Battles", []string{"SRX002", "SRX008", "SRX009"}},
		{"sub-event type", "sub_event_type=Air%2Fdrone+strike", []string{"SRX006"}},
		{"min fatalities", "min_fatalities=5&sort=-fatalities", []string{"SRX001", "SRX008", "SRX002"}},
		{"bbox", "bbox=40,0,50,40", []string{"SRX003", "SRX004", "SRX005", "SRX006"}},
		{"text", "q=roadside", []string{"SRX003"}},
		{"newest first", "sort=-event_date&limit=2", []string{"SRX009", "SRX008"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, s, "GET", "/api/v1/incidents?"+tc.query, nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
			}
			if diff := cmp.Diff(tc.want, ids(decode[incident.Page](t, rec))); diff != "" {
				t.Errorf("ids mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestListIncidentsPagination(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("pagination does not end")
		}
		rec := do(t, s, "GET", "/api/v1/incidents?limit=4&cursor="+cursor, nil)
		p := decode[incident.Page](t, rec)
		if len(p.Incidents) > 4 {
			t.Fatalf("page of %d incidents, limit 4", len(p.Incidents))
		}
		got = append(got, ids(p)...)
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	if len(got) != 9 {
		t.Errorf("paged through %d incidents, want 9: %v", len(got), got)
	}
}

func TestListIncidentsBadParams(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	for _, q := range []string{
		"from=yesterday", "to=2024-13-01", "from=2024-03-10&to=2024-03-01", "min_fatalities=-1",
		"limit=0", "limit=5000", "limit=ten", "bbox=1,2,3", "bbox=10,0,5,5", "bbox=0,0,200,10", "bbox=NaN,0,1,1",
		"sort=random", "contry=Nigeria", "country=a&country=b", "q=" + strings.Repeat("x", 600), "cursor=zz",
	} {
		t.Run(q[:min(len(q), 30)], func(t *testing.T) {
			wantError(t, do(t, s, "GET", "/api/v1/incidents?"+q, nil), http.StatusBadRequest, "invalid")
		})
	}
}

func TestGetIncident(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	rec := do(t, s, "GET", "/api/v1/incidents/SRX008", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	in := decode[incident.Incident](t, rec)
	if len(in.Evidence) == 0 || len(in.Sources) == 0 || in.KilledBySide["Military Forces of Nigeria (2023-)"] != 2 {
		t.Errorf("incident lacks evidence, sources or per-side tolls: %+v", in)
	}
	wantError(t, do(t, s, "GET", "/api/v1/incidents/NOPE", nil), http.StatusNotFound, "not_found")
	wantError(t, do(t, s, "GET", "/api/v1/incidents/"+strings.Repeat("a", 300), nil), http.StatusBadRequest, "invalid")
}

func TestGetArticle(t *testing.T) {
	s, st := newTestServer(t, Options{})
	in := st.incidents[0]
	rec := do(t, s, "GET", "/api/v1/articles/"+in.ArticleID, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	v := decode[articleView](t, rec)
	if v.Text == "" || len(v.Dropped) != 2 || v.Dropped[0].Kind != article.KindDropped {
		t.Errorf("article view: text %d bytes, dropped %+v", len(v.Text), v.Dropped)
	}
	for _, e := range in.Evidence {
		if v.Text[e.Start:e.End] != e.Quote {
			t.Errorf("evidence %s [%d,%d) = %q, want %q", e.Field, e.Start, e.End, v.Text[e.Start:e.End], e.Quote)
		}
	}
	wantError(t, do(t, s, "GET", "/api/v1/articles/deadbeef", nil), http.StatusNotFound, "not_found")
}

func TestSeries(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	rec := do(t, s, "GET", "/api/v1/stats/series?interval=week&country=Nigeria", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	got := decode[struct {
		Interval string                 `json:"interval"`
		Points   []incident.SeriesPoint `json:"points"`
	}](t, rec)
	want := []incident.SeriesPoint{
		{Period: "2024-03-04", Incidents: 2, Fatalities: 17},
		{Period: "2024-03-11", Incidents: 1, Fatalities: 0},
		{Period: "2024-03-18", Incidents: 2, Fatalities: 9},
	}
	if diff := cmp.Diff(want, got.Points); diff != "" || got.Interval != "week" {
		t.Errorf("series mismatch (-want +got):\n%s", diff)
	}
	for _, q := range []string{"interval=year", "by=weather", "limit=5"} {
		wantError(t, do(t, s, "GET", "/api/v1/stats/series?"+q, nil), http.StatusBadRequest, "invalid")
	}
}

func TestStoreFailureIs500WithoutDetail(t *testing.T) {
	s, st := newTestServer(t, Options{})
	st.fail = errors.New("disk on fire at /secret/path")
	rec := do(t, s, "GET", "/api/v1/incidents", nil)
	wantError(t, rec, http.StatusInternalServerError, "internal")
	if strings.Contains(rec.Body.String(), "secret") {
		t.Errorf("500 leaks detail: %s", rec.Body.String())
	}
	wantError(t, do(t, s, "GET", "/api/v1/export.csv", nil), http.StatusInternalServerError, "internal")
	if rec := do(t, s, "GET", "/healthz", nil); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("healthz with a failing store = %d", rec.Code)
	}
}

func TestHealthAndMetrics(t *testing.T) {
	s, _ := newTestServer(t, Options{Version: "v-test"})
	if rec := do(t, s, "GET", "/healthz", nil); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "v-test") {
		t.Errorf("healthz = %d %s", rec.Code, rec.Body.String())
	}
	do(t, s, "GET", "/api/v1/incidents/SRX001", nil)
	rec := do(t, s, "GET", "/metrics", nil)
	body := rec.Body.String()
	for _, want := range []string{
		`sitrep_http_requests_total{code="200",method="GET",route="GET /api/v1/incidents/{id}"} 1`,
		"sitrep_http_request_duration_seconds_bucket", "go_goroutines",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestUnknownAPIRoute(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	wantError(t, do(t, s, "GET", "/api/v1/nothing", nil), http.StatusNotFound, "not_found")
	wantError(t, do(t, s, "DELETE", "/api/v1/incidents/SRX001", nil), http.StatusNotFound, "not_found")
}

func TestSecurityHeaders(t *testing.T) {
	s, _ := newTestServer(t, Options{Tiles: "https://{s}.tiles.example.org/{z}/{x}/{y}.png"})
	for _, path := range []string{"/", "/api/v1/incidents", "/healthz"} {
		rec := do(t, s, "GET", path, nil)
		csp := rec.Header().Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'",
			"img-src 'self' data: https://*.tiles.example.org", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		for _, bad := range []string{"unsafe-inline", "unsafe-eval", "*;"} {
			if strings.Contains(csp, bad) {
				t.Errorf("%s: CSP %q allows %q", path, csp, bad)
			}
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
	}
}

func TestBadTiles(t *testing.T) {
	for _, tiles := range []string{"javascript:alert(1)", "https://x.org'; script-src *", "ftp://x/{z}"} {
		if _, err := New(Options{Store: newMemStore(t), Tiles: tiles}); !errors.Is(err, incident.ErrInvalid) {
			t.Errorf("New(tiles %q) error = %v, want ErrInvalid", tiles, err)
		}
	}
}

func TestConfig(t *testing.T) {
	s, _ := newTestServer(t, Options{Tiles: "https://tiles.example.org/{z}/{x}/{y}.png", Token: "t"})
	got := decode[clientConfig](t, do(t, s, "GET", "/api/v1/config", nil))
	if got.Tiles == "" || got.Writes {
		t.Errorf("config = %+v: want tiles, and writes off without an ingester", got)
	}
}

func TestExports(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	tests := []struct {
		path, ctype, want string
	}{
		{"/api/v1/export.csv?country=Iraq", "text/csv", "event_id_cnty,event_date,year"},
		{"/api/v1/export.geojson?country=Nigeria", "application/geo+json", `"skipped_without_coordinates":1`},
		{"/api/v1/export.jsonl?limit=2", "application/jsonl", `"event_id":"SRX001"`},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			rec := do(t, s, "GET", tc.path, nil)
			if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), tc.ctype) {
				t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
			}
			if !strings.Contains(rec.Body.String(), tc.want) {
				t.Errorf("body lacks %q:\n%.400s", tc.want, rec.Body.String())
			}
		})
	}
	csvLines := strings.Count(do(t, s, "GET", "/api/v1/export.csv?country=Iraq", nil).Body.String(), "\nSRX")
	if csvLines != 2 {
		t.Errorf("CSV for Iraq has %d rows, want 2", csvLines)
	}
	if n := strings.Count(do(t, s, "GET", "/api/v1/export.jsonl?limit=2", nil).Body.String(), "\n"); n != 2 {
		t.Errorf("JSONL with limit=2 has %d lines", n)
	}
	wantError(t, do(t, s, "GET", "/api/v1/export.csv?bbox=x", nil), http.StatusBadRequest, "invalid")
}

// TestExportStreamsAllPages checks that an export follows the cursor past
// the first store page.
func TestExportStreamsAllPages(t *testing.T) {
	s, st := newTestServer(t, Options{})
	base := st.incidents[0]
	for i := range 2500 {
		in := base
		in.EventID = fmt.Sprintf("GEN%05d", i)
		st.incidents = append(st.incidents, in)
	}
	body := do(t, s, "GET", "/api/v1/export.jsonl", nil).Body.String()
	if n := strings.Count(body, "\n"); n != 2509 {
		t.Errorf("export has %d lines, want 2509", n)
	}
}

func TestPostArticleAuth(t *testing.T) {
	ing := IngesterFunc(func(_ context.Context, req IngestRequest) (IngestResult, error) {
		if strings.Contains(req.Text, "boom") {
			return IngestResult{}, fmt.Errorf("extract: %w", incident.ErrInvalid)
		}
		a := article.Article{ID: article.Hash(req.Text), Text: req.Text}
		return IngestResult{Article: a, Saved: incident.SaveResult{ArticleID: a.ID, Created: true}}, nil
	})
	open, _ := newTestServer(t, Options{Ingester: ing})
	wantError(t, do(t, open, "POST", "/api/v1/articles", strings.NewReader(`{"text":"x"}`), "Content-Type", "application/json"),
		http.StatusForbidden, "writes_disabled")

	s, _ := newTestServer(t, Options{Ingester: ing, Token: "s3cret", MaxBody: 1024})
	post := func(body, ctype string, header ...string) *httptest.ResponseRecorder {
		return do(t, s, "POST", "/api/v1/articles", strings.NewReader(body), append([]string{"Content-Type", ctype}, header...)...)
	}
	auth := []string{"Authorization", "Bearer s3cret"}
	wantError(t, post(`{"text":"x"}`, "application/json"), http.StatusUnauthorized, "unauthorized")
	wantError(t, post(`{"text":"x"}`, "application/json", "Authorization", "Bearer wrong"), http.StatusUnauthorized, "unauthorized")
	wantError(t, post(`{"text":"x","html":"<p>y</p>"}`, "application/json", auth...), http.StatusBadRequest, "invalid")
	wantError(t, post(`{"txt":"x"}`, "application/json", auth...), http.StatusBadRequest, "invalid")
	wantError(t, post(`{"url":"file:///etc/passwd"}`, "application/json", auth...), http.StatusBadRequest, "invalid")
	wantError(t, post(`{"text":"boom"}`, "application/json", auth...), http.StatusBadRequest, "invalid")
	wantError(t, post(`x`, "application/pdf", auth...), http.StatusUnsupportedMediaType, "unsupported_media_type")
	wantError(t, post(strings.Repeat("a", 2000), "text/plain", auth...), http.StatusRequestEntityTooLarge, "too_large")

	rec := post("Troops and rebels fought near the river.", "text/plain", auth...)
	if rec.Code != http.StatusCreated {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	got := decode[ingestResponse](t, rec)
	if got.Saved.ArticleID == "" || !got.Saved.Created || got.Incidents == nil {
		t.Errorf("ingest response = %+v", got)
	}
}

func TestDashboardOrNotBuilt(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	rec := do(t, s, "GET", "/", nil)
	if _, built := dashboardFS(); built {
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<script") {
			t.Errorf("dashboard: %d %.200s", rec.Code, rec.Body.String())
		}
		return
	}
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "make web") {
		t.Errorf("unbuilt dashboard: %d %.200s", rec.Code, rec.Body.String())
	}
}

// TestIngestBusy fills the only ingestion slot and checks that the next
// submission gets a 503 in the error shape instead of piling up.
func TestIngestBusy(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	ing := IngesterFunc(func(context.Context, IngestRequest) (IngestResult, error) {
		close(entered)
		<-release
		return IngestResult{Saved: incident.SaveResult{Created: true}}, nil
	})
	s, _ := newTestServer(t, Options{Ingester: ing, Token: "k", MaxIngest: 1})
	s.ingestWait = 20 * time.Millisecond
	post := func() *httptest.ResponseRecorder {
		return do(t, s, "POST", "/api/v1/articles", strings.NewReader("Clashes were reported."),
			"Content-Type", "text/plain", "Authorization", "Bearer k")
	}
	first := make(chan int, 1)
	go func() { first <- post().Code }()
	<-entered
	wantError(t, post(), http.StatusServiceUnavailable, "busy")
	close(release)
	if code := <-first; code != http.StatusCreated {
		t.Errorf("first ingestion: %d", code)
	}
}

func TestListIncidentsSummaryView(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	full := do(t, s, "GET", "/api/v1/incidents", nil).Body.Len()
	rec := do(t, s, "GET", "/api/v1/incidents?view=summary&country=Iraq", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	p := decode[summaryPage](t, rec)
	if len(p.Incidents) != 2 || p.Incidents[0].Latitude == nil || p.Incidents[0].EventType == "" {
		t.Errorf("summary page %+v", p)
	}
	if strings.Contains(rec.Body.String(), `"evidence"`) {
		t.Error("summary view carries evidence")
	}
	if all := do(t, s, "GET", "/api/v1/incidents?view=summary", nil).Body.Len(); all*2 > full {
		t.Errorf("summary is %d bytes against %d for the full view", all, full)
	}
	wantError(t, do(t, s, "GET", "/api/v1/incidents?view=tiny", nil), http.StatusBadRequest, "invalid")
}

func TestExportExcel(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	if body := do(t, s, "GET", "/api/v1/export.csv?excel=1", nil).Body.String(); !strings.HasPrefix(body, "\ufeffevent_id_cnty") {
		t.Errorf("excel CSV starts %.20q", body)
	}
	wantError(t, do(t, s, "GET", "/api/v1/export.geojson?excel=1", nil), http.StatusBadRequest, "invalid")
}
