package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

func runPlacesCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), "test", args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestPlacesJSON(t *testing.T) {
	text := "Gunmen attacked a checkpoint near Tikrit in Salahuddin province, Iraq."
	code, out, errOut := runPlacesCLI(t, "", "places", "--json", text)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var ms []gazetteer.Mention
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatalf("output is not JSON mentions: %v\n%s", err, out)
	}
	if len(ms) != 3 || ms[0].Text != "Tikrit" || ms[0].Precision != 2 || ms[1].Place.Admin1Code != "IQ.18" {
		t.Errorf("mentions = %+v", ms)
	}
	for _, m := range ms {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("offsets %d-%d do not give %q", m.Start, m.End, m.Text)
		}
	}
}

func TestPlacesFileAndTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(path, []byte("Shelling hit Raqqa, Syria, overnight."), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runPlacesCLI(t, "", "places", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"SPAN", "13-18", "Ar Raqqah", "SY"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestPlacesUsage(t *testing.T) {
	if code, _, _ := runPlacesCLI(t, "", "places"); code != ExitUsage {
		t.Errorf("places without text: exit %d, want %d", code, ExitUsage)
	}
	code, out, _ := runPlacesCLI(t, "Fighting near Kirkuk.", "places", "-")
	if code != ExitOK || !strings.Contains(out, "Kirkuk") {
		t.Errorf("places - (stdin): exit %d\n%s", code, out)
	}
}

func TestEvalGeoMissingDatasets(t *testing.T) {
	code, _, errOut := runPlacesCLI(t, "", "eval", "geo", "--datasets", filepath.Join(t.TempDir(), "none"))
	if code != ExitUsage || !strings.Contains(errOut, "eval geo") {
		t.Errorf("exit %d, stderr %q; want usage error", code, errOut)
	}
}

func TestEvalGeoBadSplit(t *testing.T) {
	code, _, errOut := runPlacesCLI(t, "", "eval", "geo", "--split", "odd")
	if code != ExitUsage || !strings.Contains(errOut, "--split") {
		t.Errorf("exit %d, stderr %q; want a usage error naming --split", code, errOut)
	}
}

func TestEvalGeoMissesOnlyOnTuningHalves(t *testing.T) {
	code, _, errOut := runPlacesCLI(t, "", "eval", "geo", "--misses")
	if code != ExitUsage || !strings.Contains(errOut, "--split tune") {
		t.Errorf("exit %d, stderr %q; want a usage error asking for --split tune", code, errOut)
	}
}

func TestSplitFilter(t *testing.T) {
	tune, err := splitFilter("tune")
	if err != nil {
		t.Fatal(err)
	}
	held, err := splitFilter("heldout")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		tune, held bool
	}{
		{"LGL", true, false},
		{"GeoWebNews (even, tuned on)", true, false},
		{"GeoWebNews (odd, held out)", false, true},
		{"TR-News (even, tuned on)", true, false},
		{"TR-News (odd, held out)", false, true},
		{"TR-News", false, false},
		{"GeoWebNews", false, false},
	} {
		if tune(c.name) != c.tune || held(c.name) != c.held {
			t.Errorf("%s: tune %v held %v, want %v %v", c.name, tune(c.name), held(c.name), c.tune, c.held)
		}
	}
}
