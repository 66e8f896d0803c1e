package server

import (
	"net/http"

	"github.com/sitrep-org/sitrep/internal/export"
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
