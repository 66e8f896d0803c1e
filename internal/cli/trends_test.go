package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/alert"
	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/trend"
)

// memTrendStore is an in-memory incident.Store: enough of one for trends
// and watch, which only page through incidents.
type memTrendStore struct {
	incs   []incident.Incident
	closed bool
}

var _ incident.Store = (*memTrendStore)(nil)

func (m *memTrendStore) SaveArticle(context.Context, *article.Article, []incident.Incident) (incident.SaveResult, error) {
	return incident.SaveResult{}, incident.ErrInvalid
}
func (m *memTrendStore) Article(context.Context, string) (article.Article, error) {
	return article.Article{}, incident.ErrNotFound
}
func (m *memTrendStore) Articles(context.Context, incident.ArticleQuery) ([]article.Article, error) {
	return nil, nil
}
func (m *memTrendStore) Incident(context.Context, string) (incident.Incident, error) {
	return incident.Incident{}, incident.ErrNotFound
}
func (m *memTrendStore) Series(context.Context, incident.Filter, string, string) ([]incident.SeriesPoint, error) {
	return nil, nil
}
func (m *memTrendStore) Close() error { m.closed = true; return nil }

// Incidents pages with a small page size so paging is exercised.
func (m *memTrendStore) Incidents(_ context.Context, f incident.Filter) (incident.Page, error) {
	var sel []incident.Incident
	for _, in := range m.incs {
		d, _ := time.Parse(time.DateOnly, in.EventDate)
		if (!f.From.IsZero() && d.Before(f.From)) || (!f.To.IsZero() && d.After(f.To)) {
			continue
		}
		sel = append(sel, in)
	}
	off, _ := strconv.Atoi(f.Cursor)
	end := min(off+7, len(sel))
	page := incident.Page{Incidents: sel[off:end]}
	if end < len(sel) {
		page.Next = strconv.Itoa(end)
	}
	return page, nil
}

// resurgenceStore: a group with one attack every few weeks for a year, then
// five a week, each told by two outlets; and a quiet second group.
func resurgenceStore() *memTrendStore {
	m := &memTrendStore{}
	start := time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)
	n := 0
	add := func(day time.Time, actor, admin1 string, fat int) {
		n++
		for k, outlet := range []string{"Outlet A", "Outlet B"} {
			id := "E" + strconv.Itoa(n) + "-" + strconv.Itoa(k)
			m.incs = append(m.incs, incident.Incident{
				EventID: id, ArticleID: id, EventDate: day.Format(time.DateOnly), TimePrecision: 1,
				EventType: incident.ExplosionsRemote, Actor1: actor, Inter1: 2,
				Country: "Iraq", CountryCode: "IQ", Admin1: admin1, Location: "Town " + strconv.Itoa(n),
				Latitude: incident.Float(30 + float64(n)/10), Longitude: incident.Float(44), GeoPrecision: 1, // towns 11 km apart
				Fatalities: incident.Int(fat + k), UpdatedAt: start.Add(time.Duration(len(m.incs)) * time.Second),
				Sources: []incident.SourceRef{{ArticleID: id, Outlet: outlet}},
			})
		}
	}
	for w := range 64 {
		day := start.AddDate(0, 0, 7*w+1)
		if w%6 == 0 {
			add(day, "Islamic State (Iraq)", "Anbar", 1)
			add(day, "Tribal Militia", "Diyala", 1)
		}
		if w >= 58 {
			for k := range 5 {
				add(day.AddDate(0, 0, k), "Islamic State (Iraq)", "Anbar", 2)
			}
		}
	}
	return m
}

func testConfig() (*Config, *bytes.Buffer) {
	var out bytes.Buffer
	return &Config{
		DB: filepath.Join(os.TempDir(), "unused.db"), Stdout: &out, Stderr: io.Discard,
		Logger: slog.New(slog.DiscardHandler),
	}, &out
}

func opener(m *memTrendStore) trendStoreOpener {
	return func(context.Context, *Config) (incident.Store, error) { return m, nil }
}

func TestTrendsTable(t *testing.T) {
	cfg, out := testConfig()
	m := resurgenceStore()
	if err := runTrends(context.Background(), cfg, opener(m), trendsFlags{by: "actor,admin1", merge: true, hdxMin: 10, cusumH: 5, recentWeeks: 8}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"Islamic State (Iraq) | Iraq / Anbar", "CUSUM", "HDX", "incidents after merging"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Tribal Militia") {
		t.Errorf("the quiet group is listed as signalling:\n%s", got)
	}
	if !m.closed {
		t.Error("store not closed")
	}
}

func TestTrendsJSON(t *testing.T) {
	cfg, out := testConfig()
	cfg.JSON = true
	fl := trendsFlags{by: "country", merge: true, all: true, hdxMin: 10, cusumH: 5, recentWeeks: 4}
	if err := runTrends(context.Background(), cfg, opener(resurgenceStore()), fl); err != nil {
		t.Fatal(err)
	}
	var got trend.Summary
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if got.Reports != 2*got.Incidents || len(got.Signals) != 1 || got.Signals[0].Name != "Iraq" {
		t.Fatalf("reports %d, incidents %d, series %+v: want each incident merged from two reports, one country series",
			got.Reports, got.Incidents, got.Signals)
	}
	if len(got.Signals[0].WeeklyIncidents) != len(got.Weeks) {
		t.Errorf("%d weekly counts for %d weeks", len(got.Signals[0].WeeklyIncidents), len(got.Weeks))
	}
}

func TestTrendsUsage(t *testing.T) {
	for _, fl := range []trendsFlags{
		{by: "district", cusumH: 5},
		{by: "actor", from: "2024-13-01", cusumH: 5},
		{by: "actor", from: "2024-02-01", to: "2024-01-01", cusumH: 5},
		{by: "actor", cusumH: 0},
	} {
		cfg, _ := testConfig()
		err := runTrends(context.Background(), cfg, opener(&memTrendStore{}), fl)
		if !isUsage(err) {
			t.Errorf("%+v: err = %v, want a usage error", fl, err)
		}
	}
}

// failingHook fails its first `fail` posts with 503, then records alerts.
type failingHook struct {
	mu       sync.Mutex
	fail     int
	received []alert.Alert
}

func (h *failingHook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.fail > 0 {
		h.fail--
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	var a alert.Alert
	if err := json.NewDecoder(r.Body).Decode(&a); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	h.received = append(h.received, a)
}

func TestWatchOnce(t *testing.T) {
	h := &failingHook{fail: 2}
	srv := httptest.NewServer(h)
	defer srv.Close()
	dir := t.TempDir()
	rules := filepath.Join(dir, "rules.json")
	os.WriteFile(rules, []byte(`{"rules":[
		{"name":"resurgence","actor":"Islamic State","signal":"cusum"},
		{"name":"deadly","country":"IQ","min_fatalities":2}]}`), 0o644)
	cfg, out := testConfig()
	cfg.DB = filepath.Join(dir, "sitrep.db")
	sender := func(u string) alert.Sender {
		w := alert.NewWebhook(u)
		w.Sleep = func(context.Context, time.Duration) error { return nil }
		return w
	}
	fl := watchFlags{rules: rules, webhook: srv.URL, once: true}
	m := resurgenceStore()
	if err := runWatch(context.Background(), cfg, opener(m), sender, fl); err != nil {
		t.Fatalf("first pass: %v\n%s", err, out.String())
	}
	first := len(h.received)
	if first == 0 {
		t.Fatalf("nothing delivered:\n%s", out.String())
	}
	if _, err := os.Stat(alert.StatePath(cfg.DB)); err != nil {
		t.Errorf("no state file next to the database: %v", err)
	}
	if err := runWatch(context.Background(), cfg, opener(m), sender, fl); err != nil {
		t.Fatal(err)
	}
	if len(h.received) != first {
		t.Errorf("second pass sent %d more alerts, want none", len(h.received)-first)
	}
	kinds := map[string]int{}
	for _, a := range h.received {
		kinds[a.Rule]++
	}
	if kinds["resurgence"] == 0 || kinds["deadly"] == 0 {
		t.Errorf("alerts by rule = %v, want both rules", kinds)
	}
}

func TestWatchUsage(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "rules.json")
	os.WriteFile(good, []byte(`[{"name":"a","actor":"x"}]`), 0o644)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`[{"name":"a"}]`), 0o644)
	for _, fl := range []watchFlags{
		{webhook: "http://127.0.0.1:1/"},
		{rules: good, webhook: "ftp://example.invalid/"},
		{rules: good, webhook: "http://127.0.0.1:1/", interval: time.Millisecond},
		{rules: bad, webhook: "http://127.0.0.1:1/", once: true},
		{rules: filepath.Join(dir, "missing.json"), webhook: "http://127.0.0.1:1/", once: true},
	} {
		cfg, _ := testConfig()
		err := runWatch(context.Background(), cfg, opener(&memTrendStore{}), func(string) alert.Sender { return nil }, fl)
		if !isUsage(err) {
			t.Errorf("%+v: err = %v, want a usage error", fl, err)
		}
	}
}

// TestTrendsOnSQLite runs trends on the real store: reports saved one
// article each are merged into events by the store at ingest, so the
// command sees each event once.
func TestTrendsOnSQLite(t *testing.T) {
	ctx := context.Background()
	cfg, out := testConfig()
	cfg.DB = filepath.Join(t.TempDir(), "sitrep.db")
	st, err := openTrendStore(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for i, in := range resurgenceStore().incs {
		words := make([]string, 40)
		for k := range words {
			words[k] = strconv.FormatUint(uint64(i*7919+k*104729)*2654435761%1000003, 36)
		}
		a := &article.Article{Text: strings.Join(words, " "), Outlet: in.Sources[0].Outlet}
		in.ArticleID, in.EventID = "", ""
		in.Sources[0].ArticleID = ""
		if _, err := st.SaveArticle(ctx, a, []incident.Incident{in}); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	cfg.JSON = true
	fl := trendsFlags{by: "actor,admin1", merge: true, hdxMin: 10, cusumH: 5, recentWeeks: 4}
	if err := runTrends(ctx, cfg, openTrendStore, fl); err != nil {
		t.Fatal(err)
	}
	var got trend.Summary
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Reports != 52 || got.Incidents != 52 {
		t.Errorf("reports %d, incidents %d; want the store's 52 merged events", got.Reports, got.Incidents)
	}
	if len(got.Signals) != 1 || got.Signals[0].Name != "Islamic State (Iraq) | Iraq / Anbar" {
		t.Errorf("signalling series = %+v, want the Anbar surge only", got.Signals)
	}
}
