package server

import (
	"net/http"

	"github.com/sitrep-org/sitrep/internal/export"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// written remembers whether any byte reached the client, so an error can
// still be sent as a JSON error while nothing has been.
type written struct {
	http.ResponseWriter
	any bool
}

func (w *written) Write(b []byte) (int, error) {
	w.any = true
	return w.ResponseWriter.Write(b)
}

// exportHandler streams every incident matching the filters in one format.
// There, limit caps the total number of incidents rather than a page.
func (s *Server) exportHandler(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		f, err := ParseFilter(q, "excel")
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		excel := q.Get("excel")
		if excel != "" && (format != export.CSV || (excel != "1" && excel != "true")) {
			s.writeError(w, r, invalidf("excel=%.10q: only export.csv takes excel=1 (a byte order mark for Excel)", excel))
			return
		}
		limit := 0
		if q.Get("limit") != "" {
			limit = f.Limit
		}
		ww := &written{ResponseWriter: w}
		ew, err := export.New(format, ww)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if cw, ok := ew.(*export.CSVWriter); ok && excel != "" {
			cw.BOM = true
		}
		src, err := s.sources(r.Context())
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		ew = src.Tagging(ew)
		w.Header().Set("Content-Type", export.ContentType(format))
		w.Header().Set("Content-Disposition", `attachment; filename="sitrep-incidents.`+format+`"`)
		if _, err := export.Stream(r.Context(), s.store, f, ew, limit); err != nil {
			if !ww.any {
				w.Header().Del("Content-Disposition")
				s.writeError(w, r, err)
				return
			}
			// The body has started; all that is left is to log and cut it short.
			s.log.Error("export failed", "format", format, "err", err)
		}
	}
}

// exportDeleted serves the tombstones as the deletions CSV, the file an
// analyst applies to an earlier export to drop merged-away incidents.
func (s *Server) exportDeleted(w http.ResponseWriter, r *http.Request) {
	h, ok := s.store.(incident.History)
	if !ok {
		s.writeError(w, r, errNoHistory())
		return
	}
	q := r.URL.Query()
	for k, vs := range q {
		if k != "since" && k != "excel" {
			s.writeError(w, r, invalidf("unknown parameter %.40s (known: since, excel)", k))
			return
		}
		if len(vs) > 1 {
			s.writeError(w, r, invalidf("parameter %s given %d times", k, len(vs)))
			return
		}
	}
	since, err := parseSince(q.Get("since"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	excel := q.Get("excel")
	if excel != "" && excel != "1" && excel != "true" {
		s.writeError(w, r, invalidf("excel=%.10q: want 1 or true", excel))
		return
	}
	ts, err := h.Tombstones(r.Context(), since)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", export.ContentType(export.CSV))
	w.Header().Set("Content-Disposition", `attachment; filename="sitrep-deleted.csv"`)
	if err := export.WriteTombstonesCSV(w, ts, excel != ""); err != nil {
		s.log.Error("deletions export failed", "err", err)
	}
}
