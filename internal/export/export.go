package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// Formats sitrep exports, by the name the CLI and the API use.
const (
	CSV     = "csv"
	GeoJSON = "geojson"
	JSONL   = "jsonl"
)

// Formats lists the export format names.
func Formats() []string { return []string{CSV, GeoJSON, JSONL} }

// ContentType returns the media type of a format.
func ContentType(format string) string {
	switch format {
	case CSV:
		return "text/csv; charset=utf-8"
	case GeoJSON:
		return "application/geo+json"
	case JSONL:
		return "application/jsonl"
	}
	return "application/octet-stream"
}

// Writer streams incidents in one format. Close finishes the document (the
// GeoJSON collection needs closing) and flushes; it does not close the
// underlying io.Writer.
type Writer interface {
	Write(in *incident.Incident) error
	Close() error
}

// New returns a streaming writer for the named format, or an error wrapping
// incident.ErrInvalid for an unknown one.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case CSV:
		return NewCSVWriter(w), nil
	case GeoJSON:
		return NewGeoJSONWriter(w), nil
	case JSONL:
		return NewJSONLWriter(w), nil
	}
	return nil, fmt.Errorf("export: unknown format %q (want one of %s): %w",
		format, strings.Join(Formats(), ", "), incident.ErrInvalid)
}

// WriteCSV writes incidents as CSV with ACLED's columns first.
func WriteCSV(w io.Writer, incidents []incident.Incident) error {
	return writeAll(NewCSVWriter(w), incidents)
}

// WriteJSONL writes one full incident, evidence included, per line.
func WriteJSONL(w io.Writer, incidents []incident.Incident) error {
	return writeAll(NewJSONLWriter(w), incidents)
}

// WriteGeoJSON writes an RFC 7946 FeatureCollection of the incidents that
// have coordinates; the number left out is recorded in the collection's
// "skipped_without_coordinates" member.
func WriteGeoJSON(w io.Writer, incidents []incident.Incident) error {
	return writeAll(NewGeoJSONWriter(w), incidents)
}

func writeAll(wr Writer, incidents []incident.Incident) error {
	for i := range incidents {
		if err := wr.Write(&incidents[i]); err != nil {
			return err
		}
	}
	return wr.Close()
}

// CSVWriter streams the flat CSV export.
type CSVWriter struct {
	w      *csv.Writer
	out    io.Writer
	cols   []column
	header bool
	row    []string
	// BOM, set before the first write, starts the file with a UTF-8 byte
	// order mark: Excel then reads non-ASCII names (Diyālá, Ouagadougou's
	// quarters, Arabic actors) correctly. Leave it off for scripts: Python's
	// csv module would see the mark in the first column name.
	BOM bool
}

// NewCSVWriter returns a CSV writer; the header is written with the first
// row, or by Close when there is none.
func NewCSVWriter(w io.Writer) *CSVWriter {
	cols := allColumns()
	return &CSVWriter{w: csv.NewWriter(w), out: w, cols: cols, row: make([]string, len(cols))}
}

func (c *CSVWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	if c.BOM {
		if _, err := io.WriteString(c.out, "\ufeff"); err != nil {
			return fmt.Errorf("export: csv byte order mark: %w", err)
		}
	}
	if err := c.w.Write(Columns()); err != nil {
		return fmt.Errorf("export: csv header: %w", err)
	}
	return nil
}

// Write writes one row.
func (c *CSVWriter) Write(in *incident.Incident) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	for i, col := range c.cols {
		cell := cellString(col.value(in))
		if col.text {
			cell = defuseFormula(cell)
		}
		c.row[i] = cell
	}
	if err := c.w.Write(c.row); err != nil {
		return fmt.Errorf("export: csv row %s: %w", in.EventID, err)
	}
	return nil
}

// Close writes the header if no row was written and flushes.
func (c *CSVWriter) Close() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("export: csv flush: %w", err)
	}
	return nil
}

// cellString formats a column value; nil and nil pointers are empty cells.
func cellString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case *int:
		if x == nil {
			return ""
		}
		return strconv.Itoa(*x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case *float64:
		if x == nil || math.IsNaN(*x) || math.IsInf(*x, 0) {
			return ""
		}
		return strconv.FormatFloat(*x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// defuseFormula keeps article text from running as a spreadsheet formula
// when the CSV is opened in Excel or LibreOffice: a cell that starts with
// a formula character gets a leading apostrophe (OWASP's advice for CSV
// injection). Only free-text columns are guarded; numbers stay numbers.
func defuseFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// JSONLWriter streams full incidents, one JSON object per line.
type JSONLWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

// NewJSONLWriter returns a JSON lines writer.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{bw: bw, enc: enc}
}

// Write writes one line.
func (j *JSONLWriter) Write(in *incident.Incident) error {
	if err := j.enc.Encode(in); err != nil {
		return fmt.Errorf("export: jsonl %s: %w", in.EventID, err)
	}
	return nil
}

// Close flushes.
func (j *JSONLWriter) Close() error {
	if err := j.bw.Flush(); err != nil {
		return fmt.Errorf("export: jsonl flush: %w", err)
	}
	return nil
}
