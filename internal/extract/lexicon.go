package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

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
	return appendWords(make([]word, 0, len(text)/6+1), text)
}

// appendWords is tokenize appending to out, so that a caller can reuse
// its slice.
func appendWords(out []word, text string) []word {
	low := textfold.ASCIILower(text)
	start, ascii := -1, true
	for i, r := range text {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case isWord && start < 0:
			start, ascii = i, r < utf8.RuneSelf
		case isWord:
			ascii = ascii && r < utf8.RuneSelf
		case start >= 0:
			out = append(out, word{start, i, foldWord(text, low, start, i, ascii)})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(text), foldWord(text, low, start, len(text), ascii)})
	}
	return out
}

// wordList hands the words to the actor dictionary, which cuts text into
// words the same way (actors.Words).
type wordList []word

func (ws wordList) Len() int { return len(ws) }

func (ws wordList) At(i int) (int, int, string) { return ws[i].start, ws[i].end, ws[i].lower }

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

// lexicon indexes phrases by their first word.
type lexicon struct {
	byFirst map[string][]phrase
}

// loadLexicon reads the embedded rule tables.
func loadLexicon() (*lexicon, error) {
	lx := &lexicon{byFirst: map[string][]phrase{}}
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
		if len(f) != 2 {
			return fmt.Errorf("line %d: want 2 tab-separated fields", n)
		}
		if !agencies {
			lx.add(phrase{cat: f[0], value: f[1]}, f[1])
			continue
		}
		for _, alias := range strings.Split(f[1], "|") {
			p := phrase{cat: catAgency, value: f[0]}
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
func (lx *lexicon) find(text string, ws []word) []hit {
	var out []hit
	for i, w := range ws {
		for _, p := range lx.byFirst[w.lower] {
			n := len(p.words)
			if i+n > len(ws) || !matchWords(ws[i:i+n], p.words) {
				continue
			}
			end := ws[i+n-1].end
			if p.exact != "" && text[w.start:end] != p.exact {
				continue
			}
			out = append(out, hit{cat: p.cat, start: w.start, end: end, value: p.value})
		}
	}
	return out
}

func matchWords(ws []word, want []string) bool {
	for k := range want {
		if ws[k].lower != want[k] {
			return false
		}
	}
	return true
}
