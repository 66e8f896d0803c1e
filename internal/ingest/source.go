package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sitrep-org/sitrep/internal/article"
)

// Source kinds.
const (
	KindFile  = "file"
	KindStdin = "stdin"
	KindURL   = "url"
)

// Source is one input named by the caller: a file, "-" (stdin), or an
// http(s) URL.
type Source struct{ Name, Kind string }

// Result is one article or one error; Input names it ("a.txt",
// "feed.xml#3 https://...", "bulk.jsonl:17").
type Result struct {
	Input   string
	Article *article.Article
	Err     error
}

// Expand turns command-line arguments into sources. Directories expand
// recursively (hidden files and folders skipped, sorted by path). It never
// fails: a missing path becomes a Source whose Load reports the error, so one
// bad argument does not stop a batch.
func Expand(args []string) []Source {
	var out []Source
	for _, arg := range args {
		switch {
		case arg == "-":
			out = append(out, Source{Name: "-", Kind: KindStdin})
		case isURL(arg):
			out = append(out, Source{Name: arg, Kind: KindURL})
		default:
			out = append(out, expandPath(arg)...)
		}
	}
	return out
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func expandPath(p string) []Source {
	info, err := os.Stat(p)
	if err != nil || !info.IsDir() {
		return []Source{{Name: p, Kind: KindFile}}
	}
	var files []string
	_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, path) // reported when loaded
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	out := make([]Source, 0, len(files))
	for _, f := range files {
		out = append(out, Source{Name: f, Kind: KindFile})
	}
	return out
}
