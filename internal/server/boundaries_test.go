package server

import (
	"net/http"
	"testing"
)

func TestBoundaries(t *testing.T) {
	if _, ok := dashboardFS(); !ok {
		t.Skip("dashboard bundle not built (run make web); skipping province boundaries")
	}
	s, _ := newTestServer(t, Options{})
	rec := do(t, s, "GET", "/api/v1/boundaries/ng", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	fc := decode[struct {
		Type     string `json:"type"`
		Features []struct {
			Properties struct {
				Code string `json:"code"`
			} `json:"properties"`
			Geometry struct {
				Type        string           `json:"type"`
				Coordinates [][][][2]float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}](t, rec)
	if fc.Type != "FeatureCollection" || len(fc.Features) < 30 {
		t.Fatalf("got %s with %d regions; Nigeria has 37", fc.Type, len(fc.Features))
	}
	for _, f := range fc.Features {
		if f.Geometry.Type != "MultiPolygon" || len(f.Properties.Code) < 4 || f.Properties.Code[:3] != "NG." {
			t.Errorf("region %q: geometry %s", f.Properties.Code, f.Geometry.Type)
		}
		for _, poly := range f.Geometry.Coordinates {
			ring := poly[0]
			if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
				t.Errorf("region %s: ring of %d points not closed", f.Properties.Code, len(ring))
			}
			for _, p := range ring {
				if p[0] < 2 || p[0] > 15 || p[1] < 4 || p[1] > 14.5 {
					t.Errorf("region %s: point %v is outside Nigeria (lon, lat order?)", f.Properties.Code, p)
					break
				}
			}
		}
	}
	wantError(t, do(t, s, "GET", "/api/v1/boundaries/ZZ", nil), http.StatusNotFound, "not_found")
	wantError(t, do(t, s, "GET", "/api/v1/boundaries/N1", nil), http.StatusBadRequest, "invalid")
}
