package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sitrep-org/sitrep/internal/article"
)

// Loader reads sources into articles. It holds the HTTP client, so
// connections are reused across a batch, and nothing else that changes: it
// is safe for concurrent use.
type Loader struct {
	opts  Options
	fetch *fetcher
}

// NewLoader prepares a loader; zero option fields get defaults.
func NewLoader(opts Options) *Loader {
	opts = opts.withDefaults()
	return &Loader{opts: opts, fetch: newFetcher(opts)}
}

// Load reads one source and calls emit for each article it holds (a feed or
// a JSONL file holds many). An error is one Result naming the input; the
// rest of the source goes on.
func (l *Loader) Load(ctx context.Context, src Source, stdin io.Reader, emit func(Result)) {
	switch src.Kind {
	case KindURL:
		l.loadURL(ctx, src.Name, emit)
	case KindStdin:
		if stdin == nil {
			stdin = os.Stdin
		}
		data, err := readCapped(stdin, l.opts.MaxBytes)
		l.loadBytes(ctx, "-", data, err, emit)
	default:
		data, err := l.readFile(src.Name)
		l.loadBytes(ctx, src.Name, data, err, emit)
	}
}

func (l *Loader) readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("is a directory")
		}
		if st.Size() > l.opts.MaxBytes {
			return nil, fmt.Errorf("%w: %d bytes > %d", ErrTooLarge, st.Size(), l.opts.MaxBytes)
		}
	}
	return readCapped(f, l.opts.MaxBytes)
}

// readCapped reads at most max bytes and fails beyond that.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

// loadBytes dispatches file or stdin content by what it is: gzip is
// unwrapped, then JSON lines, feeds, HTML and plain text are told apart by
// name and content.
func (l *Loader) loadBytes(ctx context.Context, name string, data []byte, err error, emit func(Result)) {
	if err == nil && bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		data, err = gunzip(data, l.opts.MaxBytes)
		name = strings.TrimSuffix(name, ".gz")
	}
	if err != nil {
		emit(Result{Input: name, Err: inputError(name, err)})
		return
	}
	switch sniff(name, data, "") {
	case formatJSONL:
		l.loadJSONL(ctx, name, data, emit)
	case formatFeed:
		l.loadFeed(ctx, name, data, emit)
	case formatHTML:
		l.emitArticle(name, emit)(fromHTML(name, "", data, "", l.opts))
	default:
		l.emitArticle(name, emit)(FromText(name, data, l.opts))
	}
}

func gunzip(data []byte, max int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	defer zr.Close()
	return readCapped(zr, max)
}

// emitArticle returns a function that emits an article or its error under
// the input's name.
func (l *Loader) emitArticle(input string, emit func(Result)) func(a article.Article, err error) {
	return func(a article.Article, err error) {
		if err != nil {
			emit(Result{Input: input, Err: inputError(input, err)})
			return
		}
		l.opts.Logger.Debug("ingest: loaded", "input", input, "format", a.Format, "bytes", len(a.Text))
		emit(Result{Input: input, Article: &a})
	}
}

// loadURL fetches a page or a feed.
func (l *Loader) loadURL(ctx context.Context, rawURL string, emit func(Result)) {
	resp, err := l.fetch.get(ctx, rawURL)
	if err != nil {
		emit(Result{Input: rawURL, Err: inputError(rawURL, err)})
		return
	}
	switch sniff(resp.url, resp.body, resp.contentType) {
	case formatFeed:
		l.loadFeed(ctx, rawURL, resp.body, emit)
	case formatJSONL:
		l.loadJSONL(ctx, rawURL, resp.body, emit)
	case formatText:
		l.emitArticle(rawURL, emit)(l.textFromURL(rawURL, resp))
	default:
		l.emitArticle(rawURL, emit)(fromHTML(rawURL, resp.url, resp.body, resp.contentType, l.opts))
	}
}

func (l *Loader) textFromURL(name string, resp response) (article.Article, error) {
	text, enc, err := decodeText(resp.body, resp.contentType, false)
	if err != nil {
		return article.Article{}, err
	}
	return fromPage(page{name: name, url: resp.url, text: text, encoding: enc, format: "text"}, l.opts)
}

// Formats a source can hold.
const (
	formatText  = "text"
	formatHTML  = "html"
	formatFeed  = "feed"
	formatJSONL = "jsonl"
)

// sniff decides a source's format from its name, the server's content type
// and its first bytes.
func sniff(name string, data []byte, contentType string) string {
	ext := strings.ToLower(filepath.Ext(strings.SplitN(name, "?", 2)[0]))
	ct := strings.ToLower(contentType)
	head := strings.ToLower(string(bytes.TrimLeft(firstBytes(data, 1024), " \t\r\n\ufeff")))
	switch {
	case ext == ".jsonl" || ext == ".ndjson" || strings.Contains(ct, "ndjson") || strings.Contains(ct, "jsonl"):
		return formatJSONL
	case ext == ".rss" || ext == ".atom" || strings.Contains(ct, "rss") || strings.Contains(ct, "atom"):
		return formatFeed
	case strings.Contains(head, "<rss") || strings.Contains(head, "<feed") || strings.Contains(head, "<rdf:rdf"):
		return formatFeed
	case ext == ".xml" && !strings.Contains(head, "<html"):
		return formatFeed
	case strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") || strings.Contains(ct, "html"):
		return formatHTML
	case ext == ".html" || ext == ".htm" || ext == ".xhtml":
		return formatHTML
	case strings.Contains(ct, "xml"):
		return formatFeed
	case ct != "" && !strings.HasPrefix(ct, "text/plain") && strings.Contains(head, "<") && strings.Contains(head, "<p"):
		return formatHTML
	}
	return formatText
}

func firstBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}
