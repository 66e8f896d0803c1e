package extract

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/article"
)

// sentence is one sentence of the clean text with its place in the article.
type sentence struct {
	start, end int // byte offsets in the article text
	para       int // index of the line (paragraph) it belongs to
	kind       article.LineKind
	index      int // position among body sentences; -1 for other kinds
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"u.s": true, "u.n": true, "u.k": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"gen": true, "lt": true, "col": true, "maj": true, "capt": true, "sgt": true, "brig": true,
	"st": true, "no": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"a.m": true, "p.m": true, "e.g": true, "i.e": true, "vs": true, "inc": true, "co": true,
	"ltd": true, "gov": true, "sen": true, "rep": true, "prof": true, "rev": true, "cpl": true,
	"pvt": true, "adm": true, "cmdr": true, "approx": true, "est": true, "fig": true,
}

// paragraphs yields the kept lines of an article, numbered; an article
// without line records is split at newlines and read as body text.
func paragraphs(a *article.Article) iter.Seq2[int, article.Line] {
	return func(yield func(int, article.Line) bool) {
		p := 0
		if len(a.Lines) > 0 {
			for _, l := range a.Lines {
				if l.Kind == article.KindDropped || l.Start < 0 || l.End > len(a.Text) || l.Start >= l.End {
					continue
				}
				if !yield(p, l) {
					return
				}
				p++
			}
			return
		}
		start := 0
		for start <= len(a.Text) {
			end := strings.IndexByte(a.Text[start:], '\n')
			if end < 0 {
				end = len(a.Text)
			} else {
				end += start
			}
			if strings.TrimSpace(a.Text[start:end]) != "" {
				if !yield(p, article.Line{Kind: article.KindBody, Start: start, End: end}) {
					return
				}
				p++
			}
			start = end + 1
		}
	}
}

// splitSentences cuts the article's kept lines into sentences.
func splitSentences(a *article.Article) []sentence {
	out := make([]sentence, 0, len(a.Text)/120+1) // room for sentences of news length
	body := 0
	for p, l := range paragraphs(a) {
		n := len(out)
		out = splitLine(out, a.Text, l.Start, l.End)
		for k := n; k < len(out); k++ {
			s := &out[k]
			s.para, s.kind, s.index = p, l.Kind, -1
			if l.Kind == article.KindBody {
				s.index = body
				body++
			}
		}
	}
	return out
}

// splitLine cuts text[start:end] at sentence ends: a '.', '!' or '?'
// (with closing quotes) followed by space and an upper-case letter, digit
// or opening quote, unless the dot ends an abbreviation or an initial.
// It appends the sentences to out.
func splitLine(out []sentence, text string, start, end int) []sentence {
	from := start
	next := [3]int{-1, -1, -1} // where the next '.', '!' and '?' are (see nextStop)
	for i := start; i < end; i++ {
		if i = nextStop(text, i, end, &next); i >= end {
			break
		}
		c := text[i]
		j := skipClosers(text, i+1, end)
		if j >= end || !isSpace(text, j) {
			continue
		}
		k := skipSpace(text, j, end)
		if k >= end || !opensSentence(text, k) || (c == '.' && abbreviation(text, from, i)) {
			continue
		}
		out = appendTrimmed(out, text, from, j)
		from = k
		i = k - 1
	}
	return appendTrimmed(out, text, from, end)
}

// nextStop returns the offset of the first '.', '!' or '?' in
// text[i:end], or end. next holds where each of them was found last (-1:
// not yet looked for); only those behind i are looked for again, each with
// strings.IndexByte, so a line is read about once per mark rather than a
// byte at a time.
func nextStop(text string, i, end int, next *[3]int) int {
	at := end
	for k, c := range [3]byte{'.', '!', '?'} {
		if next[k] < i {
			next[k] = end
			if n := strings.IndexByte(text[i:end], c); n >= 0 {
				next[k] = i + n
			}
		}
		at = min(at, next[k])
	}
	return at
}

func appendTrimmed(out []sentence, text string, s, e int) []sentence {
	for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r' || text[s] == '\n') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r' || text[e-1] == '\n') {
		e--
	}
	if e > s {
		out = append(out, sentence{start: s, end: e})
	}
	return out
}

func skipClosers(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '"' && r != '\'' && r != ')' && r != '”' && r != '’' && r != '»' {
			return i
		}
		i += n
	}
	return i
}

func isSpace(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

func skipSpace(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return i
}

func opensSentence(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘(«•-–", r)
}

// abbreviation reports whether the dot at text[dot] ends a known
// abbreviation or a one-letter initial.
func abbreviation(text string, from, dot int) bool {
	k := dot
	for k > from && (text[k-1] == '.' || unicode.IsLetter(rune(text[k-1]))) {
		k--
	}
	w := strings.ToLower(text[k:dot])
	if abbreviations[w] {
		return true
	}
	return len(w) == 1 && unicode.IsUpper(rune(text[k]))
}
