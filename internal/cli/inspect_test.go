package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/article"
)

// inspectPage is a page written for this test.
const inspectPage = "Militants attack a border post in the hills\n\nAdvertisement\n\n14-07-2022\n\nBy Rana Aziz\n\nMilitants attacked a border post in the hills on Wednesday night, killing two guards, officials said on Thursday.\n\nLeave a Comment\nYour email address will not be published.\n"

func runInspectCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), "test", append([]string{"inspect"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestInspectTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "page.txt")
	if err := os.WriteFile(path, []byte(inspectPage), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runInspectCLI(t, "", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"2022-07-14 (day, from dateline", "advertisement", "byline-by", "comments", "2 kept, 2 marked, 3 dropped"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestInspectJSONFromStdin(t *testing.T) {
	code, out, errOut := runInspectCLI(t, inspectPage, "--json", "--published", "2022-07-15", "-")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var a article.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("not one JSON article: %v\n%s", err, out)
	}
	if a.Published.From != "caller" || a.Title == "" || len(a.Lines) == 0 || a.ID != article.Hash(a.Text) {
		t.Errorf("article %+v", a)
	}
}

func TestInspectErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	empty := filepath.Join(dir, "empty.txt")
	_ = os.WriteFile(good, []byte(inspectPage), 0o644)
	_ = os.WriteFile(empty, nil, 0o644)
	code, _, errOut := runInspectCLI(t, "", good, empty)
	if code != ExitPartial || !strings.Contains(errOut, "empty.txt: empty input") {
		t.Errorf("partial failure: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runInspectCLI(t, "", empty)
	if code != ExitError {
		t.Errorf("all failed: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ = runInspectCLI(t, "", "--published", "someday", good); code != ExitUsage {
		t.Errorf("bad --published: exit %d", code)
	}
}
