package sqlite

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/sitrep-org/sitrep/internal/article"
)

// An article's cleaning record (its Lines) is stored in one column of its
// row rather than a row per line: writing a dozen index entries per article
// cost more than the rest of the article's row. The column holds one of
// two encodings, told apart by the first byte:
//
//   - linesV1 (new rows): a compact binary record. Per line: the kind as a
//     code, the reason, the text, the source line and the span. A kept
//     line's text is nearly always the clean text at its span; it is then
//     left out and read back from there.
//   - '[' (rows carried over by migration 00013): a JSON array of
//     [kind, reason, text, source_line, span_start, span_end].
//
// NULL is an article without lines.
const linesV1 = 1

// kindCodes numbers the line kinds; a kind not listed is written out.
var kindCodes = []article.LineKind{article.KindTitle, article.KindBody, article.KindCaption,
	article.KindByline, article.KindDateline, article.KindDropped}

// kindOther marks a kind written out in full.
const kindOther = 0xff

// textAtSpan marks a line whose text is the clean text at its span.
const textAtSpan = 0

var errLines = errors.New("corrupt lines record")

// encodeLines encodes the lines of an article whose clean text is text.
func encodeLines(text string, lines []article.Line) []byte {
	if len(lines) == 0 {
		return nil
	}
	n := 1 + binary.MaxVarintLen64
	for _, l := range lines {
		n += 5*binary.MaxVarintLen64 + 1 + len(l.Reason)
		if !atSpan(text, l) {
			n += len(l.Text)
		}
	}
	out := make([]byte, 0, n)
	out = append(out, linesV1)
	out = binary.AppendUvarint(out, uint64(len(lines)))
	for _, l := range lines {
		out = appendKind(out, l.Kind)
		out = appendString(out, l.Reason)
		if atSpan(text, l) {
			out = binary.AppendUvarint(out, textAtSpan)
		} else {
			out = binary.AppendUvarint(out, uint64(len(l.Text))+1)
			out = append(out, l.Text...)
		}
		out = binary.AppendVarint(out, int64(l.Source))
		out = binary.AppendVarint(out, int64(l.Start))
		out = binary.AppendVarint(out, int64(l.End)-int64(l.Start))
	}
	return out
}

func atSpan(text string, l article.Line) bool {
	return l.Start >= 0 && l.Start <= l.End && l.End <= len(text) && text[l.Start:l.End] == l.Text
}

func appendKind(out []byte, k article.LineKind) []byte {
	for i, c := range kindCodes {
		if c == k {
			return append(out, byte(i))
		}
	}
	return appendString(append(out, kindOther), string(k))
}

func appendString(out []byte, s string) []byte {
	out = binary.AppendUvarint(out, uint64(len(s)))
	return append(out, s...)
}

// decodeLines reads a lines column back, given the article's clean text.
func decodeLines(text string, b []byte) ([]article.Line, error) {
	switch {
	case len(b) == 0:
		return nil, nil
	case b[0] == '[':
		return decodeLinesJSON(b)
	case b[0] != linesV1:
		return nil, fmt.Errorf("lines record version %d: %w", b[0], errLines)
	}
	r := lineReader{b: b[1:]}
	n := r.uvarint()
	if n > uint64(len(b)) { // every line takes at least one byte
		return nil, fmt.Errorf("lines record of %d lines in %d bytes: %w", n, len(b), errLines)
	}
	out := make([]article.Line, 0, n)
	for range n {
		var l article.Line
		l.Kind = r.kind()
		l.Reason = r.str()
		tl := r.uvarint()
		var ownText string
		if tl != textAtSpan {
			ownText = r.bytes(tl - 1)
		}
		l.Source, l.Start = r.int(), r.int()
		l.End = l.Start + r.int()
		if r.err != nil {
			return nil, r.err
		}
		l.Text = ownText
		if tl == textAtSpan {
			if l.Start < 0 || l.Start > l.End || l.End > len(text) {
				return nil, fmt.Errorf("line span [%d,%d) outside the text: %w", l.Start, l.End, errLines)
			}
			l.Text = text[l.Start:l.End]
		}
		out = append(out, l)
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%d bytes after the last line: %w", len(r.b), errLines)
	}
	return out, nil
}

// lineReader reads a linesV1 record, keeping the first error.
type lineReader struct {
	b   []byte
	err error
}

func (r *lineReader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("truncated lines record: %w", errLines)
	}
	r.b = nil
}

func (r *lineReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *lineReader) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || int64(int(v)) != v {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *lineReader) bytes(n uint64) string {
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *lineReader) str() string { return r.bytes(r.uvarint()) }

func (r *lineReader) kind() article.LineKind {
	if len(r.b) == 0 {
		r.fail()
		return ""
	}
	c := r.b[0]
	r.b = r.b[1:]
	switch {
	case int(c) < len(kindCodes):
		return kindCodes[c]
	case c == kindOther:
		return article.LineKind(r.str())
	}
	r.fail()
	return ""
}

// decodeLinesJSON reads the JSON form migration 00013 wrote for articles
// stored before it.
func decodeLinesJSON(b []byte) ([]article.Line, error) {
	var raw [][]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("lines record: %w", err)
	}
	out := make([]article.Line, 0, len(raw))
	for i, f := range raw {
		if len(f) != 6 {
			return nil, fmt.Errorf("line %d has %d fields: %w", i, len(f), errLines)
		}
		var l article.Line
		var kind string
		for k, dst := range []any{&kind, &l.Reason, &l.Text, &l.Source, &l.Start, &l.End} {
			if err := json.Unmarshal(f[k], dst); err != nil {
				return nil, fmt.Errorf("line %d field %d: %w", i, k, err)
			}
		}
		l.Kind = article.LineKind(kind)
		out = append(out, l)
	}
	return out, nil
}
