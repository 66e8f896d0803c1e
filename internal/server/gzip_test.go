package server

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
)

func TestGzip(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	tests := []struct {
		name, path, accept string
		wantGzip           bool
	}{
		{"json accepted", "/api/v1/incidents", "gzip, deflate", true},
		{"not accepted", "/api/v1/incidents", "", false},
		{"csv export", "/api/v1/export.csv", "gzip", true},
		{"error shape", "/api/v1/incidents/NOPE", "gzip", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, s, "GET", tc.path, nil, "Accept-Encoding", tc.accept)
			got := rec.Header().Get("Content-Encoding") == "gzip"
			if got != tc.wantGzip {
				t.Fatalf("gzip = %v, want %v", got, tc.wantGzip)
			}
			if !got {
				return
			}
			zr, err := gzip.NewReader(rec.Body)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(zr)
			if err != nil || len(body) == 0 {
				t.Fatalf("decompress: %v (%d bytes)", err, len(body))
			}
			if tc.path == "/api/v1/incidents" {
				var p incident.Page
				if err := json.Unmarshal(body, &p); err != nil || len(p.Incidents) != 9 {
					t.Errorf("decompressed page: %v, %d incidents", err, len(p.Incidents))
				}
			}
			if rec.Header().Get("Content-Length") != "" || rec.Header().Get("Vary") != "Accept-Encoding" {
				t.Errorf("headers %v", rec.Header())
			}
		})
	}
	if rec := do(t, s, "GET", "/metrics", nil, "Accept-Encoding", "gzip"); rec.Code != http.StatusOK {
		t.Errorf("metrics with gzip: %d", rec.Code)
	}
}
