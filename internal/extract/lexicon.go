package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/actors"
	"github.com/sitrep-org/sitrep/internal/textfold"
)

//go:embed rules/*.tsv
var rulesFS embed.FS

// Phrase categories in rules/cues.tsv.
const (
	catModal     = "modal"
	catNegation  = "negation"
	catGeneral   = "general"
	catStatistic = "statistic"
	catCoref     = "coref"
	catAnother   = "another"
	catReport    = "report"
	catClaim     = "claim"
	catVague     = "vague"
	catSkipPlace = "skipplace"
	catFromRole  = "fromrole"
	catAgency    = "agency"
	catChannel   = "channel" // an armed group's own media arm (rules/agencies.tsv, third column)
	catActVerb   = "actverb"
	catMedia     = "medianoun"
	catBoast     = "boast"
)

// word is one token of the text: a run of letters or digits.
type word struct {
	start, end int
	lower      string
}

// tokenize splits text into words with byte offsets, lower-cased. ASCII
// words are cut from one lower-cased copy of the text, so that only words
// with other letters allocate.
func tokenize(text string) []word {
	return appendWords(make([]word, 0, len(text)/6+1), text, textfold.ASCIILower(text))
}

// appendWords is tokenize appending to out, so that a caller can reuse
// its slice; low is textfold.ASCIILower(text).
func appendWords(out []word, text, low string) []word {
	for i := 0; i < len(text); {
		start, ascii := i, true
		if c := text[i]; c < utf8.RuneSelf { // the common case, without the Unicode tables
			if i++; !asciiWordByte[c] {
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			if i += n; !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				continue
			}
			ascii = false
		}
		for i < len(text) {
			c := text[i]
			if asciiWordByte[c] {
				i++
				continue
			}
			if c < utf8.RuneSelf {
				break
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			i += n
			ascii = false
		}
		out = append(out, word{start, i, foldWord(text, low, start, i, ascii)})
	}
	return out
}

// asciiWordByte marks the ASCII letters and digits (a byte indexes it
// without a bounds check).
var asciiWordByte = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// wordList hands the words to the actor dictionary, which cuts text into
// words the same way (actors.Words).
type wordList []word

func (ws wordList) Len() int { return len(ws) }

func (ws wordList) At(i int) (int, int, string) { return ws[i].start, ws[i].end, ws[i].lower }

// spanWords are the article's words inside text[base:...], with offsets
// from base: the words of that span read alone, when wordBounded holds.
type spanWords struct {
	ws   []word
	base int
}

func (s spanWords) Len() int { return len(s.ws) }

func (s spanWords) At(i int) (int, int, string) {
	return s.ws[i].start - s.base, s.ws[i].end - s.base, s.ws[i].lower
}

// wordBounded reports whether text[start:end] begins and ends at rune
// boundaries with no letter or digit just outside it: no word crosses its
// edges, so its words are the article's words inside it.
func wordBounded(text string, start, end int) bool {
	if start < 0 || end > len(text) || start > end {
		return false
	}
	if start < len(text) && !utf8.RuneStart(text[start]) || end < len(text) && !utf8.RuneStart(text[end]) {
		return false
	}
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// findAllIn is Actors.FindAll over text[start:end] (offsets from start),
// reading the article's words instead of cutting the span again.
func (d *doc) findAllIn(start, end int) []actors.Mention {
	if !wordBounded(d.text, start, end) {
		return d.r.Actors.FindAll(d.text[start:end])
	}
	i, j := d.wordsIn(start, end)
	return d.r.Actors.FindAllWords(d.text[start:end], spanWords{d.words[i:j], start})
}

func foldWord(text, low string, start, end int, ascii bool) string {
	if ascii {
		return low[start:end]
	}
	return strings.ToLower(text[start:end])
}

// phrase is one rule of the lexicon.
type phrase struct {
	cat   string
	words []string
	value string // canonical value (agency name); the phrase itself otherwise
	exact string // non-empty: the phrase must appear in this case (acronyms)
}

// hit is a phrase found in a text.
type hit struct {
	cat        string
	start, end int
	value      string
}

// lexicon indexes phrases by their first word, and the phrases of busy
// first words ("the" opens dozens) by their second word too.
type lexicon struct {
	byFirst  map[string][]phrase
	bySecond map[[2]string][]int32 // positions in byFirst[first] of the longer phrases of a busy first word
	oneWord  map[string][]int32    // positions of the one-word phrases of a busy first word
	shapes   [26 * 26]uint32       // per first two letters, a bit per length of the first words (see mayOpen)
	speaker  map[string]string     // a claim channel's name -> the actor it speaks for
}

// mayOpen reports whether some phrase may begin with w: false for most
// words of a text, settled by a bit per (first two letters, length)
// without hashing w. Words of other shapes always pass.
func (lx *lexicon) mayOpen(w string) bool {
	i, ok := lowerShape(w)
	return !ok || lx.shapes[i]&(1<<len(w)) != 0
}

func lowerShape(w string) (int, bool) {
	if len(w) < 2 || len(w) >= 32 || w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z' {
		return 0, false
	}
	return int(w[0]-'a')*26 + int(w[1]-'a'), true
}

// busyFirst is how many phrases a first word opens before they are also
// indexed by their second word.
const busyFirst = 8

// index builds the second-word index; call it once every phrase is added.
func (lx *lexicon) index() {
	lx.bySecond, lx.oneWord = map[[2]string][]int32{}, map[string][]int32{}
	for first := range lx.byFirst {
		if i, ok := lowerShape(first); ok {
			lx.shapes[i] |= 1 << len(first)
		}
	}
	for first, ps := range lx.byFirst {
		if len(ps) < busyFirst {
			continue
		}
		for k, p := range ps {
			if len(p.words) == 1 {
				lx.oneWord[first] = append(lx.oneWord[first], int32(k))
			} else {
				key := [2]string{first, p.words[1]}
				lx.bySecond[key] = append(lx.bySecond[key], int32(k))
			}
		}
	}
}

// loadLexicon reads the embedded rule tables.
func loadLexicon() (*lexicon, error) {
	lx := &lexicon{byFirst: map[string][]phrase{}, speaker: map[string]string{}}
	for _, name := range []string{"rules/cues.tsv", "rules/agencies.tsv"} {
		f, err := rulesFS.Open(name)
		if err != nil {
			return nil, fmt.Errorf("extract: open %s: %w", name, err)
		}
		err = lx.read(f, name == "rules/agencies.tsv")
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("extract: %s: %w", name, err)
		}
	}
	lx.index()
	return lx, nil
}

func (lx *lexicon) read(r io.Reader, agencies bool) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 && !(agencies && len(f) == 3) {
			return fmt.Errorf("line %d: want 2 tab-separated fields (3 for a claim channel)", n)
		}
		if !agencies {
			lx.add(phrase{cat: f[0], value: f[1]}, f[1])
			continue
		}
		cat := catAgency
		if len(f) == 3 {
			speaks := strings.TrimSpace(f[2])
			if speaks == "" {
				return fmt.Errorf("line %d: empty actor for claim channel %q", n, f[0])
			}
			cat, lx.speaker[f[0]] = catChannel, speaks
		}
		for _, alias := range strings.Split(f[1], "|") {
			p := phrase{cat: cat, value: f[0]}
			if len(alias) <= 4 && strings.ToUpper(alias) == alias {
				p.exact = alias
			}
			lx.add(p, alias)
		}
	}
	return sc.Err()
}

func (lx *lexicon) add(p phrase, text string) {
	for _, w := range tokenize(text) {
		p.words = append(p.words, w.lower)
	}
	if len(p.words) > 0 {
		lx.byFirst[p.words[0]] = append(lx.byFirst[p.words[0]], p)
	}
}

// find returns every phrase hit in the words of text, longest first at each
// position; hits of different categories may overlap.
func (lx *lexicon) find(text string, ws []word) []hit { return lx.appendHits(nil, text, ws) }

// appendHits is find appending to out, so that a caller can reuse its slice.
func (lx *lexicon) appendHits(out []hit, text string, ws []word) []hit {
	for i, w := range ws {
		if !lx.mayOpen(w.lower) {
			continue
		}
		ps := lx.byFirst[w.lower]
		if len(ps) < busyFirst {
			for k := range ps {
				out = lx.try(out, text, ws, i, &ps[k])
			}
			continue
		}
		// a busy first word: only its one-word phrases and those whose
		// second word follows can match, tried in the phrases' order
		one := lx.oneWord[w.lower]
		var two []int32
		if i+1 < len(ws) {
			two = lx.bySecond[[2]string{w.lower, ws[i+1].lower}]
		}
		for len(one) > 0 || len(two) > 0 {
			var k int32
			if len(two) == 0 || (len(one) > 0 && one[0] < two[0]) {
				k, one = one[0], one[1:]
			} else {
				k, two = two[0], two[1:]
			}
			out = lx.try(out, text, ws, i, &ps[k])
		}
	}
	return out
}

// try appends the hit of phrase p at word i, if it matches there; the
// first word is known to match.
func (lx *lexicon) try(out []hit, text string, ws []word, i int, p *phrase) []hit {
	n := len(p.words)
	if i+n > len(ws) || !matchWords(ws[i+1:i+n], p.words[1:]) {
		return out
	}
	end := ws[i+n-1].end
	if p.exact != "" && text[ws[i].start:end] != p.exact {
		return out
	}
	return append(out, hit{cat: p.cat, start: ws[i].start, end: end, value: p.value})
}

func matchWords(ws []word, want []string) bool {
	for k := range want {
		if ws[k].lower != want[k] {
			return false
		}
	}
	return true
}
