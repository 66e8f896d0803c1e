package server

import (
	"net/http"

	"github.com/sitrep-org/sitrep/internal/export"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// exportPage is how many incidents an export reads from the store at a
// time; the response streams, so memory stays flat however many match.
const exportPage = 1000

// exportHandler streams every incident matching the filters in one format.
// There, limit caps the total number of incidents rather than a page.
func (s *Server) exportHandler(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		f, err := parseFilter(q)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		total := 0
		if q.Get("limit") != "" {
			total = f.Limit
		}
		// Check the first page before committing to a 200.
		f.Limit = exportPage
		page, err := s.store.Incidents(r.Context(), f)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", export.ContentType(format))
		w.Header().Set("Content-Disposition", `attachment; filename="sitrep-incidents.`+format+`"`)
		ew, err := export.New(format, w)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if err := s.streamPages(r, ew, f, page, total); err != nil {
			// Headers are gone; all that is left is to log and cut the body.
			s.log.Error("export failed", "format", format, "err", err)
			return
		}
	}
}

func (s *Server) streamPages(r *http.Request, ew export.Writer, f incident.Filter, page incident.Page, total int) error {
	n := 0
	for {
		for i := range page.Incidents {
			if total > 0 && n == total {
				return ew.Close()
			}
			if err := ew.Write(&page.Incidents[i]); err != nil {
				return err
			}
			n++
		}
		if page.Next == "" {
			return ew.Close()
		}
		f.Cursor = page.Next
		var err error
		if page, err = s.store.Incidents(r.Context(), f); err != nil {
			return err
		}
	}
}
