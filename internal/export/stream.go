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

// Collect returns every incident matching f, following the store's cursor;
// for the computations that need them all at once (merging, trends, outlet
// profiles). max > 0 refuses a selection larger than max with an error
// wrapping incident.ErrInvalid, so a caller can bound its memory.
func Collect(ctx context.Context, st Pager, f incident.Filter, max int) ([]incident.Incident, error) {
	f.Limit, f.Cursor = PageSize, ""
	var out []incident.Incident
	for {
		page, err := st.Incidents(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("export: read incidents: %w", err)
		}
		out = append(out, page.Incidents...)
		if max > 0 && len(out) > max {
			return nil, fmt.Errorf("export: more than %d incidents selected; narrow the range: %w", max, incident.ErrInvalid)
		}
		if page.Next == "" || len(page.Incidents) == 0 {
			return out, nil
		}
		f.Cursor = page.Next
	}
}
