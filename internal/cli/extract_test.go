package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "report.txt")
	text := "Bomb kills soldiers near Kandahar\n\nA roadside bomb killed three soldiers near Kandahar on Tuesday, officials said.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "dates.json")
	if err := os.WriteFile(manifest, []byte(`{"report.txt": "2022-03-03"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"jsonl with a date", []string{"extract", "--published", "2022-03-03", article}, ExitOK, `"event_date":"2022-03-01"`},
		{"manifest", []string{"extract", "--manifest", manifest, article}, ExitOK, `"fatalities":3`},
		{"csv", []string{"extract", "--published", "2022-03-03", "--format", "csv", article}, ExitOK, "event_id_cnty,event_date"},
		{"geojson", []string{"extract", "--published", "2022-03-03", "--format", "geojson", article}, ExitOK, `"FeatureCollection"`},
		{"bad date", []string{"extract", "--published", "March 3", article}, ExitUsage, ""},
		{"both dates", []string{"extract", "--published", "2022-03-03", "--manifest", manifest, article}, ExitUsage, ""},
		{"bad format", []string{"extract", "--format", "xml", article}, ExitUsage, ""},
		{"missing input", []string{"extract", filepath.Join(dir, "nope.txt")}, ExitPartial, ""},
		{"no input", []string{"extract"}, ExitUsage, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Run(context.Background(), "test", tc.args, strings.NewReader(""), &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tc.code, errb.String())
			}
			if !strings.Contains(out.String(), tc.contains) {
				t.Errorf("output lacks %q:\n%s", tc.contains, out.String())
			}
		})
	}
}

func TestExtractCommandJSONLines(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "two.txt")
	text := "Two attacks\n\nGunmen killed four villagers in Kaduna state on Sunday, police said.\n\nIn a separate attack on Saturday, a car bomb killed two soldiers in Mogadishu.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run(context.Background(), "test", []string{"extract", "--published", "2021-06-21", article}, nil, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var docs []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var in struct {
			Doc      string `json:"doc"`
			Evidence []struct {
				Start, End int
				Quote      string
			} `json:"evidence"`
		}
		if err := json.Unmarshal([]byte(line), &in); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		for _, e := range in.Evidence {
			if e.Start < 0 || e.End > len(text) {
				t.Errorf("evidence outside the text: %+v", e)
			}
		}
		docs = append(docs, in.Doc)
	}
	if len(docs) != 2 || docs[0] != article {
		t.Errorf("got docs %v, want two incidents from %s", docs, article)
	}
}
