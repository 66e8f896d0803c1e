// Package sharedtest finds the project's reference inputs for tests: the
// repository root, and ../shared beside it (seed articles, gold, datasets).
// Tests that need ../shared skip with a clear message when it is absent,
// so a checkout without it still passes.
package sharedtest

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the directory holding go.mod, walking up from the test's
// working directory; it skips the test when there is none.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("sharedtest: working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("sharedtest: repository root (go.mod) not found above the working directory")
		}
		dir = parent
	}
}

// Dir returns ../shared/<sub> beside the repository root, or skips the test
// with a message naming the missing path.
func Dir(t testing.TB, sub string) string {
	t.Helper()
	p := filepath.Join(RepoRoot(t), "..", "shared", sub)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is absent (the shared reference inputs sit beside the repository); skipping", p)
	}
	return p
}

// Find returns ../shared/<sub> beside the repository root and whether it
// exists, without skipping: for optional inputs such as fuzz seed corpora.
func Find(sub string) (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", sub)
			_, err := os.Stat(p)
			return p, err == nil
		}
	}
	return "", false
}

// Texts reads every file matching pattern in ../shared/<sub> (e.g. "seeds",
// "*.txt") and returns their contents and total size in bytes, or skips the
// test when there are none.
func Texts(t testing.TB, sub, pattern string) ([]string, int) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(Dir(t, sub), pattern))
	if err != nil || len(files) == 0 {
		t.Skipf("no %s files in ../shared/%s; skipping", pattern, sub)
	}
	var out []string
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("sharedtest: %v", err)
		}
		out, n = append(out, string(b)), n+len(b)
	}
	return out, n
}

// Page is one gzipped HTML page of a shared dataset, unpacked.
type Page struct {
	Name string // file name, without the directory
	HTML []byte
}

// Pages reads every every-th *.html.gz page in ../shared/<sub> (every 1:
// all of them), or skips the test when there are none.
func Pages(t testing.TB, sub string, every int) []Page {
	t.Helper()
	dir := Dir(t, sub)
	files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(files) == 0 {
		t.Skipf("no *.html.gz pages in %s; skipping", dir)
	}
	var out []Page
	for i := 0; i < len(files); i += max(every, 1) {
		data, err := readGzip(files[i])
		if err != nil {
			t.Fatalf("sharedtest: %v", err)
		}
		out = append(out, Page{Name: filepath.Base(files[i]), HTML: data})
	}
	return out
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", path, err)
	}
	return data, nil
}
