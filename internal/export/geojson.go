package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// GeoJSONWriter streams an RFC 7946 FeatureCollection: one Point feature per
// incident with coordinates, positions in longitude, latitude order, and
// the flat columns as properties (numbers as numbers, unknowns as null).
type GeoJSONWriter struct {
	bw      *bufio.Writer
	cols    []column
	started bool
	written int
	skipped int
	buf     []byte
}

// NewGeoJSONWriter returns a GeoJSON writer.
func NewGeoJSONWriter(w io.Writer) *GeoJSONWriter {
	return &GeoJSONWriter{bw: bufio.NewWriter(w), cols: allColumns()}
}

// Written is the number of features written so far.
func (g *GeoJSONWriter) Written() int { return g.written }

// Skipped is the number of incidents left out for want of valid coordinates.
func (g *GeoJSONWriter) Skipped() int { return g.skipped }

func (g *GeoJSONWriter) start() {
	if !g.started {
		g.started = true
		g.bw.WriteString(`{"type":"FeatureCollection","features":[`)
	}
}

// Write writes one feature, or counts the incident as skipped when it has
// no usable position.
func (g *GeoJSONWriter) Write(in *incident.Incident) error {
	g.start()
	lon, lat, ok := position(in)
	if !ok {
		g.skipped++
		return nil
	}
	b := g.buf[:0]
	if g.written > 0 {
		b = append(b, ',')
	}
	b = append(b, "\n"+`{"type":"Feature","id":`...)
	b = appendJSON(b, in.EventID)
	b = append(b, `,"geometry":{"type":"Point","coordinates":[`...)
	b = strconv.AppendFloat(b, lon, 'f', -1, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, lat, 'f', -1, 64)
	b = append(b, `]},"properties":{`...)
	for i, col := range g.cols {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSON(b, col.name)
		b = append(b, ':')
		b = appendValue(b, col.value(in))
	}
	b = append(b, "}}"...)
	g.buf = b
	g.written++
	if _, err := g.bw.Write(b); err != nil {
		return fmt.Errorf("export: geojson %s: %w", in.EventID, err)
	}
	return nil
}

// Close ends the collection, recording how many incidents were skipped as a
// foreign member (RFC 7946 section 6.1), and flushes.
func (g *GeoJSONWriter) Close() error {
	g.start()
	fmt.Fprintf(g.bw, "\n],\"skipped_without_coordinates\":%d}\n", g.skipped)
	if err := g.bw.Flush(); err != nil {
		return fmt.Errorf("export: geojson flush: %w", err)
	}
	return nil
}

// position returns a valid WGS84 position or false.
func position(in *incident.Incident) (lon, lat float64, ok bool) {
	if in.Latitude == nil || in.Longitude == nil {
		return 0, 0, false
	}
	lat, lon = *in.Latitude, *in.Longitude
	if math.IsNaN(lat) || math.IsNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, false
	}
	return lon, lat, true
}

// appendValue appends a column value as JSON; nil pointers become null.
func appendValue(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return appendJSON(b, x)
	case bool:
		return strconv.AppendBool(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case *int:
		if x == nil {
			return append(b, "null"...)
		}
		return strconv.AppendInt(b, int64(*x), 10)
	case float64:
		return appendFloat(b, x)
	case *float64:
		if x == nil {
			return append(b, "null"...)
		}
		return appendFloat(b, *x)
	}
	return appendJSON(b, fmt.Sprint(v))
}

func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// appendJSON appends s as a JSON string; marshalling a string cannot fail.
func appendJSON(b []byte, s string) []byte {
	enc, _ := json.Marshal(s)
	return append(b, enc...)
}
