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

// writeCASE writes a tiny CASE-format file of our own sentences.
func writeCASE(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sub := filepath.Join(dir, "case2021-task2")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	tsv := "id\tEventSnippet\tSubType\n" +
		"1\tAn air strike hit a fuel depot outside the town.\tAIR_STRIKE\n" +
		"3\tPolice arrested six activists at their office.\tARREST\n" +
		"5\tA strong earthquake shook the coastal province.\tNATURAL_DISASTER\n" +
		"7\tThe weather stayed mild all week.\tOTHER\n"
	if err := os.WriteFile(filepath.Join(sub, "dev.tsv"), []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEvalEventsText(t *testing.T) {
	dir := writeCASE(t)
	var out, errOut bytes.Buffer
	code := Run(context.Background(), "test", []string{"eval", "events", "--datasets", dir, "--errors", "all"}, strings.NewReader(""), &out, &errOut)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut.String())
	}
	for _, want := range []string{"weighted F1", "tune", "held-out", "AIR_STRIKE", "misclassified (all)", "#7 gold OTHER"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestEvalEventsJSON(t *testing.T) {
	dir := writeCASE(t)
	var out, errOut bytes.Buffer
	code := Run(context.Background(), "test", []string{"--json", "eval", "events", "--datasets", dir}, strings.NewReader(""), &out, &errOut)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut.String())
	}
	var rep eventsReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("output is not the JSON report: %v\n%s", err, out.String())
	}
	all := rep.Splits["all"]
	if all.N != 4 || all.Accuracy != 0.75 || rep.Splits["tune"].N != 2 || rep.Splits["held-out"].N != 2 {
		t.Errorf("splits = %+v", rep.Splits)
	}
}

func TestEvalEventsUsage(t *testing.T) {
	for _, args := range [][]string{
		{"eval", "events"},
		{"eval", "events", "--datasets", "x", "--errors", "some"},
		{"eval", "events", "--datasets", "x", "--detail", ""},
	} {
		var out, errOut bytes.Buffer
		if code := Run(context.Background(), "test", args, strings.NewReader(""), &out, &errOut); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, ExitUsage, errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if code := Run(context.Background(), "test", []string{"eval", "events", "--datasets", t.TempDir()}, strings.NewReader(""), &out, &errOut); code != ExitError {
		t.Errorf("missing file: exit %d, want %d", code, ExitError)
	}
}

func TestEvalEventsExplain(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Run(context.Background(), "test", []string{"eval", "events", "--explain", "A suicide bomber set off an explosion at the gate."}, strings.NewReader(""), &out, &errOut)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut.String())
	}
	for _, want := range []string{"SUIC_BOMB", "rules.txt:", "prefer SUIC_BOMB > REM_EXPLOS", "[2:16]"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
