package export

import (
	"context"
	"fmt"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// PageSize is how many incidents Stream asks the store for at a time.
const PageSize = 1000

// Pager is the part of incident.Store that Stream needs.
type Pager interface {
	Incidents(ctx context.Context, f incident.Filter) (incident.Page, error)
}

// Stream writes every incident matching f to w, following the store's
// cursor page by page so memory stays flat however many match, and closes
// w. limit > 0 caps the number written. It returns how many were passed to w.
func Stream(ctx context.Context, st Pager, f incident.Filter, w Writer, limit int) (int, error) {
	f.Limit, f.Cursor = PageSize, ""
	n := 0
	for {
		page, err := st.Incidents(ctx, f)
		if err != nil {
			return n, fmt.Errorf("export: read incidents: %w", err)
		}
		for i := range page.Incidents {
			if limit > 0 && n == limit {
				return n, w.Close()
			}
			if err := w.Write(&page.Incidents[i]); err != nil {
				return n, err
			}
			n++
		}
		if page.Next == "" || len(page.Incidents) == 0 {
			return n, w.Close()
		}
		f.Cursor = page.Next
	}
}
