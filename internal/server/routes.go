package server

import "net/http"

// route is one registered pattern. doc is false for routes that are not
// part of the JSON API and so not in the OpenAPI document.
type route struct {
	pattern string
	handler http.HandlerFunc
	api     bool
}

// routeTable is the one place routes are declared; routes registers it and
// the OpenAPI test checks it against the document.
func (s *Server) routeTable() []route {
	return []route{
		{"GET /healthz", s.health, true},
		{"GET /metrics", s.promMetrics, false},
		{"GET /api/v1/openapi.json", s.openAPI, true},
		{"GET /api/v1/config", s.config, true},
		{"GET /api/v1/incidents", s.listIncidents, true},
		{"GET /api/v1/incidents/{id}", s.getIncident, true},
		{"GET /api/v1/incidents/{id}/revisions", s.revisions, true},
		{"POST /api/v1/incidents/{id}/corrections", s.requireToken(s.postCorrection), true},
		{"POST /api/v1/incidents/{id}/merge", s.requireToken(s.postMerge), true},
		{"POST /api/v1/incidents/{id}/split", s.requireToken(s.postSplit), true},
		{"GET /api/v1/tombstones", s.tombstones, true},
		{"GET /api/v1/articles/{id}", s.getArticle, true},
		{"POST /api/v1/articles", s.requireToken(s.postArticle), true},
		{"GET /api/v1/stats/series", s.series, true},
		{"GET /api/v1/trends", s.trends, true},
		{"GET /api/v1/sources", s.listSources, true},
		{"GET /api/v1/boundaries/{country}", s.boundaries, true},
		{"GET /api/v1/export.csv", s.exportHandler("csv"), true},
		{"GET /api/v1/export.geojson", s.exportHandler("geojson"), true},
		{"GET /api/v1/export.jsonl", s.exportHandler("jsonl"), true},
		{"GET /api/v1/export.deleted.csv", s.exportDeleted, true},
		{"/api/", s.apiNotFound, false},
		{"/", s.dashboard, false},
	}
}

func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	for _, rt := range s.routeTable() {
		mux.HandleFunc(rt.pattern, rt.handler)
	}
	return mux
}
