package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Errors a caller can test for with errors.Is; each reaches the user as one
// line naming the input.
var (
	ErrEmpty     = errors.New("empty input")
	ErrBinary    = errors.New("binary data, not text")
	ErrTooLarge  = errors.New("input over the size cap")
	ErrEncoding  = errors.New("invalid UTF-8 and no usable charset")
	ErrNoArticle = errors.New("no article text found")
	ErrNotFeed   = errors.New("not an RSS/Atom feed")
	ErrRefused   = errors.New("address refused: loopback, private or link-local (use --allow-private)")
)

// binaryMagic lists file signatures that are certainly not text.
var binaryMagic = [][]byte{
	[]byte("%PDF-"), []byte("\x89PNG"), []byte("GIF8"), []byte("\xff\xd8\xff"),
	[]byte("PK\x03\x04"), []byte("\x7fELF"), []byte("MZ"), []byte("RIFF"),
}

// decodeText turns raw bytes into UTF-8 text with Unix line ends and names
// the encoding it came from. contentType (from HTTP, may be empty) and, for
// HTML, the page's own meta charset are honoured; undeclared non-UTF-8 text
// is identified statistically and rejected when that is not confident.
func decodeText(data []byte, contentType string, isHTML bool) (string, string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", ErrEmpty
	}
	if enc, name, n := bomEncoding(data); enc != nil {
		out, err := enc.NewDecoder().Bytes(data[n:])
		if err != nil {
			return "", "", fmt.Errorf("%w: %s: %w", ErrEncoding, name, err)
		}
		return finishText(out, name)
	}
	if isBinary(data) {
		return "", "", ErrBinary
	}
	declared := declaredCharset(data, contentType, isHTML)
	if utf8.Valid(data) && (declared == "" || declared == "utf-8" || isASCII(data)) {
		return finishText(data, "utf-8")
	}
	if declared == "" || declared == "utf-8" {
		declared = guessCharset(data, isHTML)
		if declared == "" {
			return "", "", ErrEncoding
		}
	}
	enc, name := charset.Lookup(declared)
	if enc == nil {
		return "", "", fmt.Errorf("%w: unknown charset %q", ErrEncoding, declared)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: %s: %w", ErrEncoding, name, err)
	}
	return finishText(out, name)
}

func finishText(b []byte, name string) (string, string, error) {
	s := string(b)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimPrefix(s, "\ufeff")
	if strings.TrimSpace(s) == "" {
		return "", "", ErrEmpty
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd")
	}
	return s, name, nil
}

func bomEncoding(b []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		return encoding.Nop, "utf-8", 3
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	}
	return nil, "", 0
}

// isBinary reports data that is not text in any encoding: a known file
// signature, a NUL byte, or many control characters near the start.
func isBinary(b []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(b, m) {
			return true
		}
	}
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
			ctrl++
		}
	}
	return ctrl*20 > len(head)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// declaredCharset returns the canonical name of the charset the transport
// or (for HTML) the page itself declares, or "".
func declaredCharset(data []byte, contentType string, isHTML bool) string {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			if _, name := charset.Lookup(params["charset"]); name != "" {
				return name
			}
		}
	}
	if !isHTML {
		return ""
	}
	_, name, certain := charset.DetermineEncoding(data, "text/html")
	if !certain && name == "windows-1252" {
		return "" // DetermineEncoding's fallback, not a declaration
	}
	return name
}

// guessCharset identifies undeclared 8-bit text; it answers only when the
// detector is reasonably sure.
func guessCharset(data []byte, isHTML bool) string {
	d := chardet.NewTextDetector()
	if isHTML {
		d = chardet.NewHtmlDetector()
	}
	sample := data
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	r, err := d.DetectBest(sample)
	if err != nil || r == nil || r.Confidence < 30 {
		return ""
	}
	if _, name := charset.Lookup(r.Charset); name != "" && name != "utf-8" {
		return name
	}
	return ""
}
