package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// FuzzWriters puts arbitrary article-derived text into the free-text fields
// and checks that both flat formats still parse and keep the text.
func FuzzWriters(f *testing.F) {
	f.Add("Gunmen, \"armed\"\nkilled 3", "=cmd|' /C calc'!A0", 12.5, 44.1)
	f.Add("", "", 0.0, 0.0)
	f.Add("\x00\xff\xfe", "\r\n", 91.0, 181.0)
	f.Fuzz(func(t *testing.T, notes, actor string, lat, lon float64) {
		in := incident.Incident{EventID: "F1", Notes: notes, Actor1: actor, Latitude: &lat, Longitude: &lon}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, []incident.Incident{in}); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil || len(rows) != 2 {
			t.Fatalf("CSV does not read back: %v (%d rows)", err, len(rows))
		}
		got := rows[1][slices.Index(Columns(), "notes")]
		// encoding/csv turns \r\n into \n inside quoted fields.
		want := strings.ReplaceAll(defuseFormula(notes), "\r\n", "\n")
		if got != want && !strings.ContainsRune(notes, '\r') {
			t.Fatalf("notes %q read back as %q", notes, got)
		}
		buf.Reset()
		if err := WriteGeoJSON(&buf, []incident.Incident{in}); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(buf.Bytes()) {
			t.Fatalf("GeoJSON is not JSON: %q", buf.String())
		}
	})
}
