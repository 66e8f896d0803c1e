package ingest

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
)

// FromText builds an article from a plain-text page like the seeds: decode,
// clean, then read title, outlet and publication date.
func FromText(name string, data []byte, opts Options) (article.Article, error) {
	text, enc, err := decodeText(data, "", false)
	if err != nil {
		return article.Article{}, err
	}
	return fromPage(page{name: name, text: text, encoding: enc, format: "text"}, opts)
}

// page is decoded text with what the container (HTML, feed, JSONL) already
// told us about it.
type page struct {
	name, url, text, encoding, format string
	title                             string             // from metadata; "" when unknown
	outlet, outletFrom                string             // from metadata
	published                         *article.Published // from metadata
	extracted                         string             // HTML: the extractor's text before cleaning
}

// fromPage cleans a decoded page and fills the article's metadata.
func fromPage(p page, opts Options) (article.Article, error) {
	c := cleanLines(p.text, p.title)
	clean, lines := c.assemble()
	if !hasBody(lines) {
		return article.Article{}, ErrNoArticle
	}
	a := article.Article{
		ID: article.Hash(clean), Source: p.name, URL: p.url, Text: clean, Lines: lines,
		Format: p.format, Encoding: p.encoding, Title: p.title,
	}
	if t := titleOf(lines, clean); t != "" {
		a.Title = t
	}
	setOutlet(&a, p.outlet, p.outletFrom)
	if o, _ := outletFrom(c.norm, c.hits); o != "" {
		setOutlet(&a, o, "page")
	}
	setOutlet(&a, OutletFromURL(p.url), "url")
	a.Published = decidePublished(p, &a, opts)
	return a, nil
}

// minBodyWords: fewer words of body than this is not an article but a
// scrap of navigation or an error page.
const minBodyWords = 8

func hasBody(lines []article.Line) bool {
	words := 0
	for _, l := range lines {
		if l.Kind == article.KindBody {
			if words += countFieldsUpTo(l.Text, minBodyWords-words); words >= minBodyWords {
				return true
			}
		}
	}
	return false
}

func titleOf(lines []article.Line, clean string) string {
	for _, l := range lines {
		if l.Kind == article.KindTitle {
			return clean[l.Start:l.End]
		}
	}
	return ""
}

// decidePublished applies the order of trust: the caller's date, the
// manifest, the container's metadata, then a dateline in the text.
func decidePublished(p page, a *article.Article, opts Options) article.Published {
	if opts.Published != nil && !opts.Published.Time.IsZero() {
		pub := *opts.Published
		if pub.From == "" {
			pub.From = "caller"
		}
		return pub
	}
	if t, ok := manifestDate(opts.Manifest, p.name); ok {
		return article.Published{Time: t, Precision: article.PrecisionDay, From: "manifest"}
	}
	if p.published != nil && !p.published.Time.IsZero() {
		return *p.published
	}
	return datelineDate(a)
}

// manifestDate looks a source up by base name (then by full name).
func manifestDate(m Manifest, name string) (t time.Time, ok bool) {
	if m == nil || name == "" {
		return t, false
	}
	for _, k := range []string{filepath.Base(name), path.Base(name), name} {
		if d, found := m[k]; found && d != nil {
			return *d, true
		}
	}
	return t, false
}

// datelineDate reads the first dateline holding a date: a line that is only
// a date, or a location dateline with one ("BAMAKO, Aug 5, 2024 (Agency) –").
// An ambiguous numeric date is resolved with the weekdays the body mentions.
func datelineDate(a *article.Article) article.Published {
	for _, l := range a.Lines {
		if l.Kind != article.KindDateline {
			continue
		}
		line := a.Text[l.Start:l.End]
		dm, ok := FindDate(line)
		if !ok {
			continue
		}
		pub := article.Published{Time: dm.Time, Precision: dm.Precision, From: "dateline",
			Evidence: &article.Span{Start: l.Start + dm.Start, End: l.Start + dm.End}}
		if len(dm.Alternatives) > 0 {
			readings := append([]time.Time{dm.Time}, dm.Alternatives...)
			i, note := ResolveByPrintedWeekday(line, dm.Start, readings)
			if i < 0 {
				i, note = ResolveAmbiguous(line[dm.Start:dm.End], readings, bodyText(a))
			}
			pub.Time, pub.Note = readings[i], note
		}
		return pub
	}
	return article.Published{Precision: article.PrecisionUnknown}
}

// bodyText is the article's body lines, the only ones whose weekdays speak
// about the report's own events.
func bodyText(a *article.Article) string {
	var b strings.Builder
	for _, l := range a.Lines {
		if l.Kind == article.KindBody {
			b.WriteString(a.Text[l.Start:l.End])
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// inputError names the input in a one-line error.
func inputError(input string, err error) error {
	return fmt.Errorf("%s: %w", input, err)
}
