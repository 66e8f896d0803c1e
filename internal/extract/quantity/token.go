package quantity

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

// TokenKind separates words, numbers and punctuation.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota + 1
	Num
	Punct
)

// Token is one word, number or punctuation mark with its byte span in the
// text it came from. Lower is the text with ASCII letters lower-cased, used
// for matching (the lexicons are English).
type Token struct {
	Start, End int
	Text       string
	Lower      string
	Kind       TokenKind
}

// Tokenize splits text into tokens. Letters and digits joined by an inner
// hyphen, slash, comma-thousands or decimal point stay one token
// ("twenty-five", "al-Tarmiyah", "3,500", "2020-03-08", "1.5"); a possessive
// "'s" becomes its own token so that "Sunday's" still reads as "sunday".
// Whitespace is dropped; every other rune is a one-rune punctuation token.
func Tokenize(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/5+1), text)
}

// AppendTokens is Tokenize appending to dst, so a caller that tokenizes
// many texts can reuse one slice.
func AppendTokens(dst []Token, text string) []Token {
	return AppendTokensLower(dst, text, textfold.ASCIILower(text))
}

// AppendTokensLower is AppendTokens for a caller that has lower-cased the
// text already: lower must be text with its ASCII letters lower-cased and
// every other byte kept (textfold.ASCIILower). A lower of another length
// is ignored.
func AppendTokensLower(dst []Token, text, lower string) []Token {
	if len(lower) != len(text) {
		lower = textfold.ASCIILower(text)
	}
	toks := dst
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				i++
				continue
			case asciiAlnum(c):
				end := scanWord(text, i)
				toks = append(toks, newToken(text, lower, i, end))
				i = end
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case isAlnum(r):
			end := scanWord(text, i)
			toks = append(toks, newToken(text, lower, i, end))
			i = end
		default:
			if (r == '\'' || r == '’') && len(toks) > 0 && toks[len(toks)-1].End == i && possessive(text, i+w) {
				toks = append(toks, newToken(text, lower, i, i+w+1))
				i += w + 1
				continue
			}
			toks = append(toks, Token{Start: i, End: i + w, Text: text[i : i+w], Lower: text[i : i+w], Kind: Punct})
			i += w
		}
	}
	return toks
}

// tokenBufs holds token slices for the per-sentence entry points
// (Casualties, StatisticCue), which use their tokens only during the call.
var tokenBufs = sync.Pool{New: func() any { return new([]Token) }}

// borrowTokens tokenizes text into a pooled slice; give it back with
// returnTokens once nothing refers to the slice any more.
func borrowTokens(text string) *[]Token {
	p := tokenBufs.Get().(*[]Token)
	*p = AppendTokens((*p)[:0], text)
	return p
}

func returnTokens(p *[]Token) { tokenBufs.Put(p) }

func newToken(text, lower string, start, end int) Token {
	s := text[start:end]
	k := Word
	if s[0] >= '0' && s[0] <= '9' {
		k = Num
	}
	return Token{Start: start, End: end, Text: s, Lower: lower[start:end], Kind: k}
}

// alnumBytes marks the bytes asciiAlnum accepts (a byte indexes it without
// a bounds check).
var alnumBytes = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiAlnum(byte(c))
	}
	return t
}()

func asciiAlnum(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// possessive reports whether text at i begins "s" followed by a non-letter.
func possessive(text string, i int) bool {
	if i >= len(text) || (text[i] != 's' && text[i] != 'S') {
		return false
	}
	if i+1 == len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i+1:])
	return !isAlnum(r)
}

func isAlnum(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// scanWord returns the end of the word or number starting at i.
func scanWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if alnumBytes[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf && c != '-' && c != '/' && c != '.' && c != ',' {
			break // other ASCII neither continues a word nor joins two parts
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if isAlnum(r) {
			i += w
			continue
		}
		if joins(text, i, r, w) {
			i += w
			continue
		}
		break
	}
	return i
}

// joins decides whether the separator rune r at i glues two parts of one token.
func joins(text string, i int, r rune, w int) bool {
	if i == 0 || i+w >= len(text) {
		return false
	}
	prev, next := text[i-1], text[i+w]
	switch r {
	case '-', '‑':
		nr, _ := utf8.DecodeRuneInString(text[i+w:])
		pr, _ := utf8.DecodeLastRuneInString(text[:i])
		return isAlnum(pr) && isAlnum(nr)
	case '/':
		return isDigit(prev) && isDigit(next)
	case '.':
		return isDigit(prev) && isDigit(next)
	case ',':
		// thousands separator: exactly three digits follow, then a non-digit
		if !isDigit(prev) || i+4 > len(text) {
			return false
		}
		for j := i + 1; j < i+4; j++ {
			if !isDigit(text[j]) {
				return false
			}
		}
		return i+4 == len(text) || !isDigit(text[i+4])
	}
	return false
}
