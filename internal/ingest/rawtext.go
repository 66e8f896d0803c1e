package ingest

import (
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// parseHTML parses a page as html.Parse does, in less time. Scripts and
// styles are about half the bytes of a news page, and the tokenizer reads
// their bodies a byte at a time only to hand them over as one text node.
// hideRawText swaps each body for a short marker before parsing and
// restoreRawText puts the bodies back into the tree after.
//
// The result is the tree html.Parse gives: restoreRawText accepts the
// parse only if every marker came back as the whole text of the script or
// style element it was cut from, in the HTML namespace. That holds only
// where the tokenizer read the body as raw text, and a raw text body ends
// at the first closing tag, where hideRawText cut it, so both parses agree
// token for token. Anything else (a marker inside a comment, an SVG style,
// an old-style "<!--" script) and the page is parsed again as it is.
func parseHTML(text string) (*html.Node, error) {
	pieces, bodies := hideRawText(text)
	if len(bodies) > 0 {
		if doc, err := html.Parse(&piecesReader{pieces: pieces}); err == nil && restoreRawText(doc, bodies) {
			return doc, nil
		}
	}
	return html.Parse(strings.NewReader(text))
}

// piecesReader reads the page with its bodies hidden straight from the
// pieces of the original, so hiding copies nothing.
type piecesReader struct {
	pieces []string
}

func (r *piecesReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && len(r.pieces) > 0 {
		c := copy(p[n:], r.pieces[0])
		n += c
		if r.pieces[0] = r.pieces[0][c:]; r.pieces[0] == "" {
			r.pieces = r.pieces[1:]
		}
	}
	if n == 0 && len(r.pieces) == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// rawMarker starts the text standing in for a hidden body; a page that
// holds it is parsed as it is. Its first byte, a control character no page
// should hold, makes looking for it a fast byte scan.
const rawMarker = "\x01sitrep-hidden-raw-text-"

// minHiddenBody is the shortest body worth hiding.
const minHiddenBody = 64

// rawBody is one hidden script or style body.
type rawBody struct {
	tag, text string
}

func markerFor(i int) string { return rawMarker + strconv.Itoa(i) }

// hideRawText returns the page, in pieces, with the bodies of its script
// and style elements replaced by markers, and the bodies in order. It
// follows the tokenizer only as far as it must to find them: comments, and
// the elements whose content the tokenizer reads as raw text. Where it
// guesses wrong restoreRawText notices; it stops at what it cannot follow.
func hideRawText(s string) ([]string, []rawBody) {
	if strings.Contains(s, rawMarker) {
		return nil, nil
	}
	var pieces []string
	var bodies []rawBody
	copied := 0
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if strings.HasPrefix(s[i:], "<!--") {
			i = commentEnd(s, i+len("<!--"))
			continue
		}
		tag := rawTextTag(s[i+1:])
		if tag == "" {
			i++
			continue
		}
		start := startTagEnd(s, i+1+len(tag))
		if start < 0 || tag == "plaintext" {
			break
		}
		end := rawTextEnd(s, start, tag)
		if end < 0 {
			break
		}
		if body := s[start:end]; hideable(tag, body) {
			pieces = append(pieces, s[copied:start], markerFor(len(bodies)))
			bodies = append(bodies, rawBody{tag: tag, text: body})
			copied = end
		}
		i = end
	}
	if len(bodies) == 0 {
		return nil, nil
	}
	return append(pieces, s[copied:]), bodies
}

// hideable reports a body whose raw text token is the body itself: no NUL
// (the tokenizer replaces it), no carriage return (it folds line ends) and,
// in a script, no "<!" that could start the escaped states in which a
// closing tag does not close.
func hideable(tag, body string) bool {
	if len(body) < minHiddenBody || (tag != "script" && tag != "style") {
		return false
	}
	if strings.IndexByte(body, 0) >= 0 || strings.IndexByte(body, '\r') >= 0 {
		return false
	}
	return tag != "script" || !strings.Contains(body, "<!")
}

// rawTags are the start tags after which the tokenizer reads raw text.
var rawTags = []string{"script", "style", "iframe", "noembed", "noframes", "noscript", "plaintext", "textarea", "title", "xmp"}

// rawTextTag returns the lower-case name of the raw text element whose start
// tag s begins with (s follows the '<'), or "".
func rawTextTag(s string) string {
	if s == "" {
		return ""
	}
	switch s[0] | ('a' - 'A') { // the first letters of rawTags, either case
	case 'i', 'n', 'p', 's', 't', 'x':
	default:
		return ""
	}
	n := 0
	for n < len(s) && !isTagNameEnd(s[n]) {
		n++
	}
	for _, t := range rawTags {
		if asciiEqualFold(s[:n], t) {
			return t
		}
	}
	return ""
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

func isTagNameEnd(c byte) bool { return isHTMLSpace(c) || c == '/' || c == '>' }

// asciiEqualFold compares s with the lower-case ASCII word t, folding only
// ASCII letters, as the tokenizer does.
func asciiEqualFold(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != t[i] {
			return false
		}
	}
	return true
}

// commentEnd returns the index after the comment whose body starts at k,
// ending where the tokenizer ends it: at "-->", "--!>", or the ">" of
// "<!-->" and "<!--->".
func commentEnd(s string, k int) int {
	dashes, beginning := 0, true
	for ; k < len(s); k++ {
		switch s[k] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return k + 1
			}
		case '!':
			if dashes >= 2 {
				if k++; k >= len(s) {
					return len(s)
				}
				switch s[k] {
				case '>':
					return k + 1
				case '-':
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return len(s)
}

// startTagEnd returns the index after the ">" closing a start tag whose
// name ends at k, reading attributes as the tokenizer does (a quoted value
// may hold ">"), or -1 when the page ends first.
func startTagEnd(s string, k int) int {
	for k = skipHTMLSpace(s, k); k < len(s); k = skipHTMLSpace(s, k) {
		if s[k] == '>' {
			return k + 1
		}
		k = attrValueEnd(s, attrKeyEnd(s, k))
	}
	return -1
}

func skipHTMLSpace(s string, k int) int {
	for k < len(s) && isHTMLSpace(s[k]) {
		k++
	}
	return k
}

// attrKeyEnd returns the end of the attribute name at k; a leading "=" is
// part of the name.
func attrKeyEnd(s string, k int) int {
	for start := k; k < len(s); k++ {
		switch c := s[k]; {
		case c == '=' && k == start:
		case c == '=' || isTagNameEnd(c):
			return k
		}
	}
	return k
}

// attrValueEnd returns the end of the "=value" after an attribute name at
// k, or k when there is none.
func attrValueEnd(s string, k int) int {
	if k = skipHTMLSpace(s, k); k >= len(s) {
		return k
	}
	switch s[k] {
	case '/':
		return k + 1
	case '=':
	default:
		return k
	}
	if k = skipHTMLSpace(s, k+1); k >= len(s) {
		return k
	}
	switch q := s[k]; q {
	case '>':
		return k
	case '"', '\'':
		if j := strings.IndexByte(s[k+1:], q); j >= 0 {
			return k + 1 + j + 1
		}
		return len(s)
	}
	for k++; k < len(s); k++ {
		if isHTMLSpace(s[k]) {
			return k + 1
		}
		if s[k] == '>' {
			return k
		}
	}
	return k
}

// rawTextEnd returns the index of the tag closing raw text that starts at
// k: the first "</tag" followed by a space, "/" or ">", or -1 when the
// page ends first.
func rawTextEnd(s string, k int, tag string) int {
	for {
		j := strings.Index(s[k:], "</")
		if j < 0 {
			return -1
		}
		k += j
		if n := k + 2 + len(tag); n < len(s) && asciiEqualFold(s[k+2:n], tag) && isTagNameEnd(s[n]) {
			return k
		}
		k += 2
	}
}

// restoreRawText puts the hidden bodies back into the parsed tree and
// reports whether each marker was found, once, as the only text of a
// script or style element in the HTML namespace: the proof that the
// tokenizer read it as the raw text it replaced.
func restoreRawText(doc *html.Node, bodies []rawBody) bool {
	found := make([]bool, len(bodies))
	n, ok := 0, true
	var walk func(*html.Node)
	walk = func(e *html.Node) {
		for c := e.FirstChild; c != nil && ok; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.HasPrefix(c.Data, rawMarker):
				ok = restoreBody(c, bodies, found)
				n++
			case c.FirstChild != nil:
				walk(c)
			}
		}
	}
	walk(doc)
	return ok && n == len(bodies)
}

// restoreBody checks one marker text node and gives it its body back.
func restoreBody(t *html.Node, bodies []rawBody, found []bool) bool {
	i, err := strconv.Atoi(strings.TrimPrefix(t.Data, rawMarker))
	if err != nil || i < 0 || i >= len(bodies) || found[i] || t.Data != markerFor(i) {
		return false
	}
	e := t.Parent
	if e == nil || e.Type != html.ElementNode || e.Namespace != "" || e.Data != bodies[i].tag ||
		e.FirstChild != t || e.LastChild != t {
		return false
	}
	found[i] = true
	t.Data = bodies[i].text
	return true
}
