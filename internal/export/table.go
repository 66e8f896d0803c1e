package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// Table is the name of the human-readable format. It is for terminals, not
// for scripts, so it is not among Formats and the API does not serve it.
const Table = "table"

// TableWriter prints one aligned line per incident: when, where, what, who
// against whom and how many were hurt, the fields an analyst scans first.
type TableWriter struct {
	tw     *tabwriter.Writer
	header bool
}

// NewTableWriter returns a TableWriter over w.
func NewTableWriter(w io.Writer) *TableWriter {
	return &TableWriter{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
}

// Write adds one incident's line.
func (t *TableWriter) Write(in *incident.Incident) error {
	if !t.header {
		t.header = true
		if _, err := fmt.Fprintln(t.tw, "DATE\tCOUNTRY\tADMIN1\tLOCATION\tSUB-EVENT TYPE\tACTOR 1\tACTOR 2\tKILLED\tWOUNDED\tSOURCE"); err != nil {
			return fmt.Errorf("export: table header: %w", err)
		}
	}
	date := in.EventDate
	if date == "" {
		date = "unknown"
	}
	cells := []string{
		date, in.Country, in.Admin1, in.Location, in.SubEventType,
		in.Actor1, in.Actor2, count(in.Fatalities), count(in.Wounded), in.Source,
	}
	for i, c := range cells {
		cells[i] = clip(strings.ReplaceAll(c, "\t", " "), 40)
	}
	if _, err := fmt.Fprintln(t.tw, strings.Join(cells, "\t")); err != nil {
		return fmt.Errorf("export: table row %s: %w", in.EventID, err)
	}
	return nil
}

// Close aligns and flushes the table.
func (t *TableWriter) Close() error {
	if err := t.tw.Flush(); err != nil {
		return fmt.Errorf("export: table: %w", err)
	}
	return nil
}

// count shows an unreported figure as "-", not as zero.
func count(n *int) string {
	if n == nil {
		return "-"
	}
	return strconv.Itoa(*n)
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
