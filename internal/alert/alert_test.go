package alert

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/merge"
	"github.com/sitrep-org/sitrep/internal/trend"
)

func TestParseRules(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int
		wantErr string
	}{
		{"object", `{"rules":[{"name":"big","min_fatalities":10},{"name":"is","actor":"Islamic State","signal":"any"}]}`, 2, ""},
		{"bare array", `[{"name":"kirkuk","admin1":"Kirkuk","event_type":"Battles"}]`, 1, ""},
		{"no name", `[{"actor":"IS"}]`, 0, "needs a name"},
		{"duplicate name", `[{"name":"a","actor":"x"},{"name":"a","actor":"y"}]`, 0, "used twice"},
		{"bad signal", `[{"name":"a","signal":"bayes"}]`, 0, "want hdx"},
		{"no condition", `[{"name":"all"}]`, 0, "at least one condition"},
		{"signal with type", `[{"name":"a","signal":"hdx","event_type":"Battles"}]`, 0, "incident rules"},
		{"bad grouping", `[{"name":"a","signal":"hdx","by":"district"}]`, 0, "unknown grouping"},
		{"unknown field", `[{"name":"a","actor":"x","treshold":3}]`, 0, "unknown field"},
		{"empty", ``, 0, "parse rules"},
		{"no rules", `{"rules":[]}`, 0, "no rules"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseRules(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !errors.Is(err, incident.ErrInvalid) {
					t.Fatalf("err = %v, want one containing %q and ErrInvalid", err, tc.wantErr)
				}
				return
			}
			if err != nil || len(got) != tc.want {
				t.Fatalf("got %d rules, err %v; want %d", len(got), err, tc.want)
			}
		})
	}
}

func FuzzParseRules(f *testing.F) {
	f.Add(`{"rules":[{"name":"big","min_fatalities":10}]}`)
	f.Add(`[{"name":"is","actor":"Islamic State","signal":"cusum","by":"actor,country"}]`)
	f.Add(`[{"name":"","signal":"x"}]`)
	f.Add(`{"rules":null}`)
	f.Fuzz(func(t *testing.T, s string) {
		rules, err := ParseRules(strings.NewReader(s))
		if err == nil && len(rules) == 0 {
			t.Fatal("no error and no rules")
		}
		for _, r := range rules {
			if err := r.validate(); err != nil {
				t.Fatalf("accepted an invalid rule %+v: %v", r, err)
			}
		}
	})
}

// reports: one attack told by two outlets, a small clash, and a group
// whose weekly count jumps in the last weeks.
func reports() []incident.Incident {
	mk := func(id, art, outlet, date, actor, admin1, loc string, lat float64, fat int) incident.Incident {
		return incident.Incident{
			EventID: id, ArticleID: art, EventDate: date, TimePrecision: 1,
			EventType: incident.ExplosionsRemote, Actor1: actor, Inter1: 2, Actor2: "Military Forces of Iraq (2014-)", Inter2: 1,
			Country: "Iraq", CountryCode: "IQ", Admin1: admin1, Admin2: loc, Location: loc,
			Latitude: incident.Float(lat), Longitude: incident.Float(44), GeoPrecision: 1,
			Fatalities: incident.Int(fat), Sources: []incident.SourceRef{{ArticleID: art, Outlet: outlet}},
		}
	}
	incs := []incident.Incident{
		mk("A1", "a1", "Outlet One", "2024-03-04", "Islamic State (Iraq)", "Kirkuk", "Hawija", 35.3, 12),
		mk("A2", "a2", "Outlet Two", "2024-03-04", "Islamic State (Iraq)", "Kirkuk", "Hawija", 35.3, 14),
		mk("B1", "b1", "Outlet One", "2024-03-06", "Islamic State (Iraq)", "Diyala", "Jalawla", 34.3, 1),
	}
	start := time.Date(2023, 9, 4, 0, 0, 0, 0, time.UTC)
	n := 0
	for w := range 30 {
		per := 0
		if w%8 == 0 {
			per = 1
		}
		if w >= 26 {
			per = 4
		}
		for k := range per {
			n++
			id := "S" + strconv.Itoa(n)
			d := start.AddDate(0, 0, 7*w+k).Format(time.DateOnly)
			incs = append(incs, mk(id, "s"+id, "Outlet Three", d, "Tribal Militia", "Anbar", "Loc"+id, 33+float64(n)/10, 0))
		}
	}
	return incs
}

func TestEvaluate(t *testing.T) {
	rules := []Rule{
		{Name: "deadly-kirkuk", Admin1: "kirkuk", MinFatalities: 10},
		{Name: "is-iq", Actor: "islamic state", Country: "IQ"},
		{Name: "militia-up", Actor: "Tribal", Signal: SignalCUSUM},
	}
	got := Evaluate(rules, Prepare(reports(), rules, merge.DefaultOptions(), trend.DefaultParams()))
	var keys []string
	for _, a := range got {
		keys = append(keys, a.Key)
	}
	if len(keys) < 4 {
		t.Fatalf("alerts = %v, want the merged Kirkuk attack twice, the Diyala clash and a CUSUM alarm", keys)
	}
	want := []string{"deadly-kirkuk|incident|A1", "is-iq|incident|A1", "is-iq|incident|B1"}
	if diff := cmp.Diff(want, keys[:3]); diff != "" {
		t.Errorf("incident alerts mismatch (-want +got):\n%s", diff)
	}
	if got[0].Incident == nil || *got[0].Incident.Fatalities != 12 || len(got[0].Incident.Sources) != 2 {
		t.Errorf("first alert's incident = %+v, want the merged attack with 12 (lowest) and two sources", got[0].Incident)
	}
	if !strings.HasPrefix(keys[3], "militia-up|cusum|Tribal Militia | Iraq / Anbar|") || got[3].CUSUM == nil {
		t.Errorf("fourth alert = %+v, want a CUSUM alarm on the militia series", got[3])
	}
	in := Prepare(reports(), rules, merge.DefaultOptions(), trend.DefaultParams())
	in.Since = "2024-03-05"
	for _, a := range Evaluate(rules, in) {
		if a.Kind == KindIncident && a.Incident.EventDate < in.Since {
			t.Errorf("alert %s on an incident of %s, before since %s", a.Key, a.Incident.EventDate, in.Since)
		}
	}
}

// hook is a webhook receiver that fails its first `fail` requests.
type hook struct {
	mu       sync.Mutex
	fail     int
	status   int
	requests int
	received []Alert
}

func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.requests++
	if h.fail > 0 {
		h.fail--
		w.WriteHeader(h.status)
		return
	}
	var a Alert
	body, _ := io.ReadAll(r.Body)
	if r.Header.Get("Content-Type") != "application/json" || json.Unmarshal(body, &a) != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	h.received = append(h.received, a)
}

func testWebhook(url string, waits *[]time.Duration) *Webhook {
	w := NewWebhook(url)
	w.BaseDelay, w.MaxDelay = 100*time.Millisecond, 250*time.Millisecond
	w.Sleep = func(_ context.Context, d time.Duration) error {
		*waits = append(*waits, d)
		return nil
	}
	return w
}

func TestWebhookRetries(t *testing.T) {
	tests := []struct {
		name      string
		fail      int
		status    int
		wantErr   bool
		wantReqs  int
		wantWaits []time.Duration
	}{
		{"fails twice then succeeds", 2, http.StatusServiceUnavailable, false, 3, []time.Duration{100 * time.Millisecond, 200 * time.Millisecond}},
		{"gives up after five", 9, http.StatusInternalServerError, true, 5,
			[]time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 250 * time.Millisecond, 250 * time.Millisecond}},
		{"client error is not retried", 1, http.StatusBadRequest, true, 1, nil},
		{"rate limit is retried", 1, http.StatusTooManyRequests, false, 2, []time.Duration{100 * time.Millisecond}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := &hook{fail: tc.fail, status: tc.status}
			srv := httptest.NewServer(h)
			defer srv.Close()
			var waits []time.Duration
			err := testWebhook(srv.URL, &waits).Send(context.Background(), Alert{Key: "k", Rule: "r"})
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if h.requests != tc.wantReqs {
				t.Errorf("requests = %d, want %d", h.requests, tc.wantReqs)
			}
			if diff := cmp.Diff(tc.wantWaits, waits); diff != "" {
				t.Errorf("waits mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRunnerNeverSendsTwice(t *testing.T) {
	h := &hook{fail: 2, status: http.StatusBadGateway}
	srv := httptest.NewServer(h)
	defer srv.Close()
	var waits []time.Duration
	rules := []Rule{{Name: "is-iq", Actor: "Islamic State", Country: "Iraq"}}
	state := filepath.Join(t.TempDir(), "sitrep.db.alerts.json")
	r := &Runner{
		Rules: rules, Sender: testWebhook(srv.URL, &waits), StatePath: state,
		Merge: merge.DefaultOptions(), Trend: trend.DefaultParams(),
		Now: func() time.Time { return time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC) },
	}
	first, err := r.Run(context.Background(), reports())
	if err != nil {
		t.Fatal(err)
	}
	if first.Sent != 2 || len(h.received) != 2 {
		t.Fatalf("first pass %+v, received %d; want 2 sent", first, len(h.received))
	}
	second, err := r.Run(context.Background(), reports())
	if err != nil {
		t.Fatal(err)
	}
	if second.Matched != 2 || second.New != 0 || len(h.received) != 2 {
		t.Errorf("second pass %+v, received %d; want nothing new", second, len(h.received))
	}
	st, err := LoadState(state)
	if err != nil || len(st.Sent) != 2 {
		t.Errorf("state = %+v, %v; want two keys", st, err)
	}
}

func TestRunnerRetriesFailedNextPass(t *testing.T) {
	h := &hook{fail: 100, status: http.StatusInternalServerError}
	srv := httptest.NewServer(h)
	defer srv.Close()
	var waits []time.Duration
	r := &Runner{
		Rules:  []Rule{{Name: "big", MinFatalities: 10}},
		Sender: testWebhook(srv.URL, &waits), StatePath: filepath.Join(t.TempDir(), "s.json"),
		Merge: merge.DefaultOptions(), Trend: trend.DefaultParams(),
	}
	sum, err := r.Run(context.Background(), reports())
	if err == nil || sum.Failed != 1 || sum.Sent != 0 {
		t.Fatalf("pass against a dead webhook: %+v, %v; want one failure", sum, err)
	}
	h.mu.Lock()
	h.fail = 0
	h.mu.Unlock()
	sum, err = r.Run(context.Background(), reports())
	if err != nil || sum.Sent != 1 {
		t.Errorf("pass after recovery: %+v, %v; want the failed alert sent", sum, err)
	}
}

func TestLoadStateErrors(t *testing.T) {
	dir := t.TempDir()
	st, err := LoadState(filepath.Join(dir, "missing.json"))
	if err != nil || len(st.Sent) != 0 {
		t.Errorf("missing state = %+v, %v; want empty", st, err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := (State{Sent: map[string]time.Time{"k": {}}}).Save(bad); err != nil {
		t.Fatal(err)
	}
	if st, err := LoadState(bad); err != nil || len(st.Sent) != 1 {
		t.Errorf("round trip = %+v, %v", st, err)
	}
	if err := (State{}).Save(filepath.Join(dir, "no", "such", "dir.json")); err == nil {
		t.Error("saving into a missing folder succeeded")
	}
}
