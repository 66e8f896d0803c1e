// Package article holds the Article, the unit every later stage works on: the
// clean text of one report with its metadata and a record of what cleaning
// kept, marked and dropped, so that every offset downstream points into one
// stable string.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
	"unicode"
	"unicode/utf8"
)

// DatePrecision says how much of a publication date is known. It follows
// ACLED's time_precision scale so that one vocabulary serves articles and
// incidents.
type DatePrecision int

// Date precisions, from exact day to unknown.
const (
	PrecisionUnknown DatePrecision = 0
	PrecisionDay     DatePrecision = 1
	PrecisionWeek    DatePrecision = 2
	PrecisionMonth   DatePrecision = 3
)

// LineKind classifies one line of the source page after cleaning.
type LineKind string

// Line kinds. Body, Title, Caption, Byline and Dateline lines are kept in the
// clean text; Caption and Byline are background that extraction must not code
// as events. Dropped lines are not in the clean text.
const (
	KindTitle    LineKind = "title"
	KindBody     LineKind = "body"
	KindCaption  LineKind = "caption"
	KindByline   LineKind = "byline"
	KindDateline LineKind = "dateline"
	KindDropped  LineKind = "dropped"
)

// Line records what cleaning decided about one source line and why.
type Line struct {
	Kind   LineKind `json:"kind"`
	Reason string   `json:"reason,omitempty"` // the rule that decided
	Text   string   `json:"text"`
	Source int      `json:"source_line"` // 1-based line number in the input
	Start  int      `json:"start"`       // byte offset in Article.Text; -1 when dropped
	End    int      `json:"end"`
}

// Span is a half-open byte range [Start, End) in Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Published is a publication date with how it was decided.
type Published struct {
	Time      time.Time     `json:"time"`
	Precision DatePrecision `json:"precision"`
	From      string        `json:"from,omitempty"` // caller, manifest, feed, html, dateline
	Evidence  *Span         `json:"evidence,omitempty"`
	Note      string        `json:"note,omitempty"` // how an ambiguous date was resolved
}

// Known reports whether any publication date is known.
func (p Published) Known() bool { return !p.Time.IsZero() && p.Precision != PrecisionUnknown }

// Article is one cleaned report.
type Article struct {
	ID          string    `json:"id"`     // content hash of Text, hex
	Source      string    `json:"source"` // the input as named by the caller: file path or URL
	URL         string    `json:"url,omitempty"`
	Outlet      string    `json:"outlet,omitempty"`
	OutletFrom  string    `json:"outlet_from,omitempty"` // feed, url, page, caller
	Title       string    `json:"title,omitempty"`
	Published   Published `json:"published"`
	Text        string    `json:"text"` // clean text; all offsets refer to it
	Lines       []Line    `json:"lines,omitempty"`
	Format      string    `json:"format,omitempty"` // text, html, feed, jsonl
	Encoding    string    `json:"encoding,omitempty"`
	DuplicateOf string    `json:"duplicate_of,omitempty"` // near-duplicate original's ID
	Similarity  float64   `json:"similarity,omitempty"`   // estimated Jaccard with DuplicateOf
	IngestedAt  time.Time `json:"ingested_at,omitzero"`
}

// Hash returns the content key of a clean text: SHA-256 over the text with
// runs of white space folded, so re-wrapped copies of one text share a key.
func Hash(text string) string {
	sum := sha256.Sum256(appendFields(make([]byte, 0, len(text)), text))
	return hex.EncodeToString(sum[:])
}

// appendFields appends strings.Join(strings.Fields(s), " ") to dst without
// the slice of words and the joined copy: Hash runs on every article. Runs
// of ASCII words with single spaces, most of a text, are copied whole.
func appendFields(dst []byte, s string) []byte {
	i := skipSpaces(s, 0)
	for i < len(s) {
		start := i
		for i < len(s) {
			if k := byteKind[s[i]]; k == asciiText {
				i++
			} else if s[i] == ' ' && i+1 < len(s) && byteKind[s[i+1]] == asciiText {
				i += 2
			} else {
				break
			}
		}
		dst = append(dst, s[start:i]...)
		if i == len(s) {
			break
		}
		if byteKind[s[i]] == multiByte {
			if r, size := utf8.DecodeRuneInString(s[i:]); !unicode.IsSpace(r) {
				dst = append(dst, s[i:i+size]...)
				i += size
				continue
			}
		}
		if i = skipSpaces(s, i); i < len(s) {
			dst = append(dst, ' ')
		}
	}
	return dst
}

// byteKind sorts bytes for strings.Fields' reading: its ASCII spaces, other
// ASCII, and bytes that start or continue a longer rune (decoded then, with
// unicode.IsSpace deciding; a byte that is not UTF-8 is text).
var byteKind = func() (k [256]uint8) {
	for c := 0x80; c < 0x100; c++ {
		k[c] = multiByte
	}
	for _, c := range "\t\n\v\f\r " {
		k[c] = asciiSpace
	}
	return k
}()

const (
	asciiText = iota
	asciiSpace
	multiByte
)

// skipSpaces returns the first offset from i that is not white space.
func skipSpaces(s string, i int) int {
	for i < len(s) {
		switch byteKind[s[i]] {
		case asciiSpace:
			i++
		case asciiText:
			return i
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				return i
			}
			i += size
		}
	}
	return i
}

// Background reports whether the byte offset falls in a line that is kept
// only as background (a caption or a byline).
func (a *Article) Background(off int) bool {
	for _, l := range a.Lines {
		if l.Start <= off && off < l.End {
			return l.Kind == KindCaption || l.Kind == KindByline
		}
	}
	return false
}
