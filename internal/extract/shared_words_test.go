package extract

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/sitrep-org/sitrep/internal/actors"
	"github.com/sitrep-org/sitrep/internal/extract/quantity"
	"github.com/sitrep-org/sitrep/internal/textfold"
)

// sharedWordTexts are texts whose words are easy to cut wrongly: other
// scripts, capitals outside ASCII, invalid UTF-8, apostrophes and hyphens.
var sharedWordTexts = []string{
	"ISIS militants killed two members of the Iraqi security forces in al-Tarmiyah.",
	"Gunmen from the Popular Mobilization Forces (PMF) attacked; IS and LeT denied it.",
	"ÉTAT ISLAMIQUE: Boko Haram fighters’ raid near Maïduguri, Asa’ib Ahl al-Haq.",
	"Straße \xff\xfe Taliban\u00a0forces — Ahrar al-Sham, people and police 123 killed",
	"",
	"a",
}

// TestActorWordsAgree holds the words extract hands to the actor
// dictionary to the dictionary's own cutting: FindWords over them must
// find what Find finds.
func TestActorWordsAgree(t *testing.T) {
	dict, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	texts := append([]string{}, sharedWordTexts...)
	texts = append(texts, testArticleTexts(t)...)
	for _, text := range texts {
		want := dict.Find(text)
		got := dict.FindWords(text, wordList(tokenize(text)))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("FindWords differs from Find on %.60q (-Find +FindWords):\n%s", text, diff)
		}
	}
}

// FuzzActorWords is TestActorWordsAgree on any text.
func FuzzActorWords(f *testing.F) {
	for _, s := range sharedWordTexts {
		f.Add(s)
	}
	dict, err := actors.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := dict.Find(text)
		got := dict.FindWords(text, wordList(tokenize(text)))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("FindWords differs from Find on %q:\n%s", text, diff)
		}
	})
}

// checkSentenceTokens holds the sentence tokens cut from the article's
// tokens to quantity.Tokenize of the sentence alone, wherever they are
// used.
func checkSentenceTokens(t *testing.T, text string) {
	t.Helper()
	a := testArticle("t.txt", text, "", "")
	d := &doc{a: &a, text: text, sc: &scratch{shared: true}}
	d.sc.qtoks = quantity.AppendTokens(nil, text)
	for _, s := range splitSentences(&a) {
		got, ok := d.sentenceTokens(s.start, s.end)
		if !ok {
			continue
		}
		want := quantity.Tokenize(text[s.start:s.end])
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("tokens of sentence %q differ (-alone +from the article):\n%s", text[s.start:s.end], diff)
		}
	}
}

func TestSentenceTokens(t *testing.T) {
	texts := append([]string{
		"Gunmen killed 5. Police said 3,500 fled.\nA bomb-maker's car exploded near al-Tarmiyah's market on 2020-03-08.",
		"He said 'no.' Then: “Ten were killed.” 1.5 km away\u00a0Two died!\tThree? Yes.",
	}, sharedWordTexts...)
	texts = append(texts, testArticleTexts(t)...)
	for _, text := range texts {
		checkSentenceTokens(t, text)
	}
}

func FuzzSentenceTokens(f *testing.F) {
	for _, s := range sharedWordTexts {
		f.Add(s)
	}
	f.Add("Gunmen killed 5. Police said 3,500 fled.\nA bomb-maker's car exploded.")
	f.Fuzz(checkSentenceTokens)
}

// TestLexiconIndex holds the lexicon's second-word index to the plain
// first-word scan it stands in for: same hits, in the same order.
func TestLexiconIndex(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	plain := func(text string, ws []word) []hit {
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
	texts := append([]string{
		"The attack, the attacks and the group that claimed the bombing; the Islamic State said the SANA agency reported.",
	}, sharedWordTexts...)
	texts = append(texts, testArticleTexts(t)...)
	busy := 0
	for _, ps := range lx.byFirst {
		if len(ps) >= busyFirst {
			busy++
		}
	}
	if busy == 0 {
		t.Error("no first word is busy: the index is never used")
	}
	for first := range lx.byFirst {
		if !lx.mayOpen(first) {
			t.Errorf("mayOpen(%q) = false for a phrase's first word", first)
		}
	}
	for _, text := range texts {
		ws := tokenize(text)
		if diff := cmp.Diff(plain(text, ws), lx.find(text, ws), cmp.AllowUnexported(hit{})); diff != "" {
			t.Errorf("hits differ on %.60q (-plain +indexed):\n%s", text, diff)
		}
	}
}

func TestASCIILowerMatchesTextfold(t *testing.T) {
	for _, s := range append([]string{"Z", "AB", "ABC def GHI", "Élan ÖL", "x\xffY", "ends in CAPS"}, sharedWordTexts...) {
		if got, want := textfold.ASCIILower(s), textfold.ASCIILower(s); got != want {
			t.Errorf("textfold.ASCIILower(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFindAllIn holds findAllIn, which reads the article's words, to
// FindAll over the span cut out, for every span between two word edges
// (and some that are not) of varied texts.
func TestFindAllIn(t *testing.T) {
	r := resources(t)
	for _, text := range sharedWordTexts {
		a := testArticle("t.txt", text, "", "")
		d := &doc{a: &a, text: text, r: &r, words: tokenize(text)}
		for start := 0; start <= len(text); start++ {
			for end := start; end <= len(text) && end <= start+60; end++ {
				want := r.Actors.FindAll(text[start:end])
				if got := d.findAllIn(start, end); !cmp.Equal(got, want) {
					t.Errorf("findAllIn(%q) = %v, FindAll = %v", text[start:end], got, want)
				}
			}
		}
	}
}

// testArticleTexts reads the project's own test articles in
// testdata/articles, in file-name order.
func testArticleTexts(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no test articles in testdata/articles: %v", err)
	}
	out := make([]string, 0, len(files))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// runeWords is tokenize as the rune-by-rune reading the actor dictionary
// documents (actors.Words): runs of unicode.IsLetter or unicode.IsDigit,
// lower-cased with strings.ToLower. tokenize reads ASCII a byte at a time
// and must cut the same words.
func runeWords(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, word{start, i, strings.ToLower(text[start:i])})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(text), strings.ToLower(text[start:])})
	}
	return out
}

// FuzzTokenizeRunes holds tokenize to runeWords on any text.
func FuzzTokenizeRunes(f *testing.F) {
	for _, s := range sharedWordTexts {
		f.Add(s)
	}
	f.Add("Ünal's 3rd\u0301x ДОМ 北京 \xc3")
	f.Fuzz(func(t *testing.T, text string) {
		if diff := cmp.Diff(runeWords(text), tokenize(text), cmp.AllowUnexported(word{}), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("tokenize(%q) (-rune by rune +tokenize):\n%s", text, diff)
		}
	})
}

// TestWordsInSearches holds wordsIn to the two binary searches it stands
// for, on every span of a text, backwards spans included.
func TestWordsInSearches(t *testing.T) {
	text := "Gunmen killed 12 people in al-Tarmiyah on Monday, and a car bomb hit a market in the north of the city."
	d := &doc{text: text, words: tokenize(text)}
	for start := -1; start <= len(text)+1; start++ {
		for end := -1; end <= len(text)+1; end++ {
			wi := sort.Search(len(d.words), func(i int) bool { return d.words[i].start >= start })
			wj := sort.Search(len(d.words), func(j int) bool { return d.words[j].start >= end })
			if i, j := d.wordsIn(start, end); i != wi || j != wj {
				t.Fatalf("wordsIn(%d, %d) = %d, %d, want %d, %d", start, end, i, j, wi, wj)
			}
		}
	}
}
