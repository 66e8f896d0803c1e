package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// TombstoneColumns is the header of the deletions file: ACLED's two
// columns (the event ID and when it was deleted, as a Unix timestamp), then
// where the event went and why.
func TombstoneColumns() []string {
	return []string{"event_id_cnty", "deleted_timestamp", "merged_into", "reason"}
}

// WriteTombstonesCSV writes the incident IDs that no longer stand on their
// own, so a copy of an earlier export can drop them as ACLED users drop
// ACLED's deletions. bom starts the file with a byte order mark for Excel.
func WriteTombstonesCSV(w io.Writer, ts []incident.Tombstone, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return fmt.Errorf("export: deletions byte order mark: %w", err)
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(TombstoneColumns()); err != nil {
		return fmt.Errorf("export: deletions header: %w", err)
	}
	for _, t := range ts {
		stamp := ""
		if !t.At.IsZero() {
			stamp = strconv.FormatInt(t.At.Unix(), 10)
		}
		row := []string{defuseFormula(t.EventID), stamp, defuseFormula(t.MergedInto), defuseFormula(t.Why)}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("export: deletions row %s: %w", t.EventID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export: deletions flush: %w", err)
	}
	return nil
}
