package server

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOpenAPIMatchesRoutes checks that every API route is documented and
// every documented operation is served, and that parameters the handlers
// accept are the ones the document lists.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	rec := do(t, s, "GET", "/api/v1/openapi.json", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	var documented []string
	for path, ops := range doc.Paths {
		for method := range ops {
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	var served []string
	for _, rt := range s.routeTable() {
		if rt.api {
			served = append(served, rt.pattern)
		}
	}
	sort.Strings(documented)
	sort.Strings(served)
	if diff := cmp.Diff(served, documented); diff != "" {
		t.Errorf("routes and OpenAPI paths differ (-served +documented):\n%s", diff)
	}
}

// TestOpenAPIFilterParams checks that the shared filter parameters in the
// document are exactly those parseFilter accepts.
func TestOpenAPIFilterParams(t *testing.T) {
	var doc struct {
		Components struct {
			Parameters map[string]struct {
				Name string `json:"name"`
			} `json:"parameters"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range doc.Components.Parameters {
		names = append(names, p.Name)
	}
	sort.Strings(names)
	want := slices.Clone(filterParams)
	sort.Strings(want)
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("filter parameters differ (-handler +document):\n%s", diff)
	}
}

// TestOpenAPIRefsResolve catches a $ref to a schema or parameter that the
// document does not define.
func TestOpenAPIRefsResolve(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	comps := doc["components"].(map[string]any)
	for _, m := range regexp.MustCompile(`"\$ref":\s*"#/components/(\w+)/(\w+)"`).FindAllStringSubmatch(string(openAPIDoc), -1) {
		group, _ := comps[m[1]].(map[string]any)
		if _, ok := group[m[2]]; !ok {
			t.Errorf("unresolved $ref #/components/%s/%s", m[1], m[2])
		}
	}
}
