package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// acledHeader is ACLED's export header, written out here independently of
// the column table so the test catches a reordering.
var acledHeader = strings.Split("event_id_cnty,event_date,year,time_precision,disorder_type,"+
	"event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"+
	"interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"+
	"latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp", ",")

func fixture() []incident.Incident {
	return []incident.Incident{
		{
			EventID: "XKA1", Doc: "report-a", ArticleID: "aa11", EventDate: "2024-03-09", TimePrecision: 1,
			DisorderType: incident.PoliticalViolence, EventType: incident.Battles, SubEventType: "Armed clash",
			Actor1: "Military Forces of Examplia (2020-)", Inter1: 1, Actor2: "Northern Liberation Front", Inter2: 2,
			Interaction: 12, Country: "Examplia", CountryCode: "XK", ISO: 999, Region: "Western Africa",
			Admin1: "North Province", Location: "Riverton, \"old town\"",
			Latitude: incident.Float(12.5), Longitude: incident.Float(-3.25), GeoPrecision: 1,
			Fatalities: incident.Int(7), Wounded: incident.Int(3), KilledBySide: map[string]int{"b": 5, "a": 2},
			Source: "Example Post", Notes: "On 9 March, soldiers and fighters clashed near the market;\nseven died.",
			Confidence: 0.8, Tags: []string{"crowd size=no report"},
			Evidence:  []incident.Evidence{{Field: "fatalities", Start: 3, End: 8, Quote: "seven", Rule: "count"}},
			Sources:   []incident.SourceRef{{ArticleID: "aa11", Outlet: "Example Post"}, {ArticleID: "bb22", Outlet: "Daily Sample"}},
			UpdatedAt: time.Unix(1710000000, 0).UTC(),
		},
		{
			EventID: "XKA2", EventDate: "2024-03-10", EventType: incident.Protests, SubEventType: "Peaceful protest",
			Actor1: "Protesters (Examplia)", Inter1: 6, Country: "Examplia", Notes: "=HYPERLINK(\"x\")",
			Sources: []incident.SourceRef{{ArticleID: "cc33", Outlet: "Daily Sample"}},
		},
		{
			EventID: "XKA3", EventDate: "2024-03-11", EventType: incident.Riots, Country: "Examplia",
			Latitude: incident.Float(40.1), Longitude: incident.Float(22.75), Fatalities: incident.Int(0),
		},
	}
}

func TestColumnsStartWithACLED(t *testing.T) {
	got := Columns()
	if diff := cmp.Diff(acledHeader, got[:len(acledHeader)]); diff != "" {
		t.Errorf("ACLED columns mismatch (-want +got):\n%s", diff)
	}
	seen := map[string]bool{}
	for _, c := range got {
		if seen[c] {
			t.Errorf("column %q appears twice", c)
		}
		seen[c] = true
	}
}

func TestCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if len(rows) != 4 {
		t.Fatalf("got %d rows, want header + 3", len(rows))
	}
	if diff := cmp.Diff(Columns(), rows[0]); diff != "" {
		t.Errorf("header mismatch (-want +got):\n%s", diff)
	}
	get := func(row int, col string) string {
		for i, c := range rows[0] {
			if c == col {
				return rows[row][i]
			}
		}
		t.Fatalf("no column %q", col)
		return ""
	}
	tests := []struct {
		row       int
		col, want string
	}{
		{1, "year", "2024"},
		{1, "latitude", "12.5"},
		{1, "longitude", "-3.25"},
		{1, "fatalities", "7"},
		{1, "location", `Riverton, "old town"`},
		{1, "notes", "On 9 March, soldiers and fighters clashed near the market;\nseven died."},
		{1, "killed_by_side", "a=2; b=5"},
		{1, "source_articles", "aa11; bb22"},
		{1, "timestamp", "1710000000"},
		{1, "evidence_fields", "fatalities"},
		{2, "source", "Daily Sample"},
		{2, "fatalities", ""},
		{2, "latitude", ""},
		{2, "inter2", ""},
		{2, "notes", `'=HYPERLINK("x")`},
		{3, "fatalities", "0"},
	}
	for _, tc := range tests {
		t.Run(tc.col+"/"+strconv.Itoa(tc.row), func(t *testing.T) {
			if got := get(tc.row, tc.col); got != tc.want {
				t.Errorf("row %d %s = %q, want %q", tc.row, tc.col, got, tc.want)
			}
		})
	}
}

func TestEmptyExports(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := New(f, &buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			switch f {
			case CSV:
				if got := strings.TrimSpace(buf.String()); got != strings.Join(Columns(), ",") {
					t.Errorf("empty CSV = %q, want the header alone", got)
				}
			case GeoJSON:
				var fc struct {
					Type     string `json:"type"`
					Features []any  `json:"features"`
				}
				if err := json.Unmarshal(buf.Bytes(), &fc); err != nil || fc.Type != "FeatureCollection" || fc.Features == nil {
					t.Errorf("empty GeoJSON %q: %v", buf.String(), err)
				}
			case JSONL:
				if buf.Len() != 0 {
					t.Errorf("empty JSONL = %q", buf.String())
				}
			}
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xlsx", &bytes.Buffer{}); !errors.Is(err, incident.ErrInvalid) {
		t.Errorf("New(xlsx) error = %v, want ErrInvalid", err)
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	want := fixture()
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, want); err != nil {
		t.Fatal(err)
	}
	var got []incident.Incident
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		var in incident.Incident
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			t.Fatalf("line %d: %v", len(got)+1, err)
		}
		got = append(got, in)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSONL round trip mismatch (-want +got):\n%s", diff)
	}
}

type featureCollection struct {
	Type     string `json:"type"`
	Skipped  int    `json:"skipped_without_coordinates"`
	Features []struct {
		Type     string `json:"type"`
		ID       string `json:"id"`
		Geometry struct {
			Type        string    `json:"type"`
			Coordinates []float64 `json:"coordinates"`
		} `json:"geometry"`
		Properties map[string]any `json:"properties"`
	} `json:"features"`
}

func TestGeoJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGeoJSON(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	var fc featureCollection
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 2 || fc.Skipped != 1 {
		t.Fatalf("got type %q, %d features, %d skipped; want FeatureCollection, 2, 1", fc.Type, len(fc.Features), fc.Skipped)
	}
	f := fc.Features[0]
	if diff := cmp.Diff([]float64{-3.25, 12.5}, f.Geometry.Coordinates); diff != "" {
		t.Errorf("coordinates are not lon, lat (-want +got):\n%s", diff)
	}
	if f.ID != "XKA1" || f.Properties["fatalities"] != 7.0 || f.Properties["wounded"] != 3.0 {
		t.Errorf("feature 0: id %q, properties %v", f.ID, f.Properties)
	}
	if v, ok := fc.Features[1].Properties["inter1"]; !ok || v != nil {
		t.Errorf("unknown inter1 = %v (present %v), want null", v, ok)
	}
}

func TestGeoJSONSkipsInvalidPositions(t *testing.T) {
	bad := []incident.Incident{
		{EventID: "a", Latitude: incident.Float(95), Longitude: incident.Float(10)},
		{EventID: "b", Latitude: incident.Float(10), Longitude: nil},
		{EventID: "c", Latitude: incident.Float(-10), Longitude: incident.Float(-181)},
	}
	var buf bytes.Buffer
	w := NewGeoJSONWriter(&buf)
	for i := range bad {
		if err := w.Write(&bad[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if w.Written() != 0 || w.Skipped() != 3 {
		t.Errorf("written %d skipped %d, want 0 and 3", w.Written(), w.Skipped())
	}
}

// TestGeoJSONLoadsInGDAL opens the export with GDAL's ogrinfo, the reader
// QGIS uses, and checks the feature count and the field types it sees.
func TestGeoJSONLoadsInGDAL(t *testing.T) {
	ogr, err := exec.LookPath("ogrinfo")
	if err != nil {
		t.Skip("ogrinfo not found (Debian package gdal-bin); skipping the GDAL check")
	}
	path := filepath.Join(t.TempDir(), "incidents.geojson")
	var buf bytes.Buffer
	if err := WriteGeoJSON(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(ogr, "-ro", "-al", "-so", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	text := string(out)
	if m := regexp.MustCompile(`Feature Count: (\d+)`).FindStringSubmatch(text); m == nil || m[1] != "2" {
		t.Errorf("ogrinfo feature count: %v\n%s", m, text)
	}
	for _, want := range []string{
		"event_id_cnty: String", "event_date: Date", "fatalities: Integer",
		"latitude: Real", "geo_precision: Integer", "notes: String", "confidence: Real",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("ogrinfo output lacks %q:\n%s", want, text)
		}
	}
}

// TestCSVLoadsInPython reads the export with Python's csv module, as pandas
// and most scripts do, and checks the header and the row count.
func TestCSVLoadsInPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found; skipping the Python csv check")
	}
	path := filepath.Join(t.TempDir(), "incidents.csv")
	var buf bytes.Buffer
	if err := WriteCSV(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	script := `import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    r = csv.DictReader(f)
    rows = list(r)
print(json.dumps({"header": r.fieldnames, "rows": len(rows), "notes": rows[0]["notes"]}))`
	out, err := exec.Command(py, "-c", script, path).Output()
	if err != nil {
		t.Fatalf("python3 csv: %v", err)
	}
	var got struct {
		Header []string `json:"header"`
		Rows   int      `json:"rows"`
		Notes  string   `json:"notes"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("python output %q: %v", out, err)
	}
	if diff := cmp.Diff(Columns(), got.Header); diff != "" {
		t.Errorf("python header mismatch (-want +got):\n%s", diff)
	}
	if got.Rows != 3 || !strings.Contains(got.Notes, "\nseven died.") {
		t.Errorf("python read %d rows, notes %q", got.Rows, got.Notes)
	}
}

func BenchmarkCSV(b *testing.B) {
	incs := fixture()
	w := NewCSVWriter(&bytes.Buffer{})
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := w.Write(&incs[i%len(incs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGeoJSON(b *testing.B) {
	incs := fixture()
	w := NewGeoJSONWriter(&bytes.Buffer{})
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := w.Write(&incs[i%len(incs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCSVByteOrderMark(t *testing.T) {
	var buf bytes.Buffer
	w := NewCSVWriter(&buf)
	w.BOM = true
	in := fixture()[0]
	if err := w.Write(&in); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "\ufeffevent_id_cnty,") {
		t.Errorf("CSV starts %q, want a byte order mark then the header", buf.String()[:20])
	}
}
