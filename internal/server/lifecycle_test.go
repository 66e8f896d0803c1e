package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// slowStore holds every Incidents call until release is closed.
type slowStore struct {
	*memStore
	entered chan struct{}
	release chan struct{}
	once    sync.Once
}

func (s *slowStore) Incidents(ctx context.Context, f incident.Filter) (incident.Page, error) {
	s.once.Do(func() { close(s.entered) })
	<-s.release
	return s.memStore.Incidents(ctx, f)
}

// TestGracefulShutdown cancels the server's context while a request is in
// flight: the request still completes and Serve returns without error.
func TestGracefulShutdown(t *testing.T) {
	st := &slowStore{memStore: newMemStore(t), entered: make(chan struct{}), release: make(chan struct{})}
	s, err := New(Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	got := make(chan int, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/api/v1/incidents")
		if err != nil {
			got <- -1
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	<-st.entered
	cancel()
	time.Sleep(50 * time.Millisecond) // let Shutdown close the listener
	close(st.release)
	if code := <-got; code != http.StatusOK {
		t.Errorf("in-flight request finished with %d, want 200", code)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve = %v, want nil after a graceful shutdown", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after the context was cancelled")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), 200*time.Millisecond); err == nil {
		t.Error("listener still accepts connections after shutdown")
	}
}

func TestListenError(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	if err := s.ListenAndServe(context.Background(), "256.0.0.1:99999"); err == nil {
		t.Error("ListenAndServe on a bad address returned nil")
	}
}

// TestAccessLog checks that every request leaves one structured log line
// with the fields an operator filters on.
func TestAccessLog(t *testing.T) {
	var buf bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewJSONHandler(lockedWriter{&buf, &mu}, nil))
	s, _ := newTestServer(t, Options{Logger: logger})
	do(t, s, "GET", "/api/v1/incidents/NOPE", nil)
	mu.Lock()
	defer mu.Unlock()
	var line map[string]any
	for l := range strings.SplitSeq(strings.TrimSpace(buf.String()), "\n") {
		if strings.Contains(l, `"http request"`) {
			if err := json.Unmarshal([]byte(l), &line); err != nil {
				t.Fatal(err)
			}
		}
	}
	if line == nil {
		t.Fatalf("no access log line in %q", buf.String())
	}
	for k, want := range map[string]any{"method": "GET", "path": "/api/v1/incidents/NOPE",
		"route": "GET /api/v1/incidents/{id}", "status": 404.0} {
		if line[k] != want {
			t.Errorf("access log %s = %v, want %v", k, line[k], want)
		}
	}
	if _, ok := line["duration_ms"]; !ok {
		t.Error("access log has no duration_ms")
	}
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestPanicBecomes500 checks the recovery middleware: a panicking store
// gives a JSON 500, not a dropped connection.
func TestPanicBecomes500(t *testing.T) {
	s, err := New(Options{Store: panicStore{newMemStore(t)}})
	if err != nil {
		t.Fatal(err)
	}
	wantError(t, do(t, s, "GET", "/api/v1/incidents/SRX001", nil), http.StatusInternalServerError, "internal")
}

type panicStore struct{ *memStore }

func (panicStore) Incident(context.Context, string) (incident.Incident, error) {
	panic(errors.New("corrupt row"))
}
