package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/incident"
)

func TestWriteTombstonesCSV(t *testing.T) {
	at := time.Date(2024, 6, 2, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		ts   []incident.Tombstone
		bom  bool
		want [][]string
	}{
		{"none: header only", nil, false, [][]string{TombstoneColumns()}},
		{"merged and withdrawn", []incident.Tombstone{
			{EventID: "IRQ10", MergedInto: "IRQ7", Why: "same ambush, two wires", At: at},
			{EventID: "IRQ11", Why: "=its only article was withdrawn"},
		}, true, [][]string{
			TombstoneColumns(),
			{"IRQ10", "1717322400", "IRQ7", "same ambush, two wires"},
			{"IRQ11", "", "", "'=its only article was withdrawn"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteTombstonesCSV(&buf, tc.ts, tc.bom); err != nil {
				t.Fatal(err)
			}
			body := buf.String()
			if tc.bom != strings.HasPrefix(body, "\ufeff") {
				t.Errorf("byte order mark present = %v, want %v", !tc.bom, tc.bom)
			}
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteTombstonesCSVError(t *testing.T) {
	if err := WriteTombstonesCSV(failWriter{}, []incident.Tombstone{{EventID: "X"}}, false); err == nil {
		t.Error("a failed write is reported as success")
	}
}
