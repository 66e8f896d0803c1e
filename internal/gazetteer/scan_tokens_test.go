package gazetteer

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/textfold"
)

// plainAppendTokens is the tokenizer before its ASCII fast path, kept to
// hold the fast path to it.
func plainAppendTokens(toks []token, breakBefore []bool, text, low string) ([]token, []bool) {
	brk := true
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && !foldBytes[c] {
			// ASCII punctuation and spaces, without decoding
			if c != ' ' && c != '-' && c != '\'' && c != '.' || c == '.' && i+1 < len(text) && text[i+1] == ' ' {
				brk = true
			}
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if r != ' ' && r != '-' && r != '\'' && r != '\u2019' && r != '.' {
				brk = true
			}
			if r == '.' && i+1 < len(text) && text[i+1] == ' ' {
				brk = true
			}
			i += sz
			continue
		}
		j := i
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf && c != '\'' && c != '`' {
				if !foldBytes[c] {
					break
				}
				j++ // ASCII letters and digits, without decoding
				continue
			}
			r, sz := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				j += sz
				continue
			}
			if isApostrophe(r) && j+sz < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[j+sz:]); unicode.IsLetter(r2) {
					j += sz
					continue
				}
			}
			break
		}
		w := text[i:j]
		if p := possessive(w); p > 0 {
			w = w[:len(w)-p] // "Iraq's" names Iraq
		}
		lw := low[i : i+len(w)]
		if !isASCII(w) {
			lw = strings.ToLower(w)
		}
		toks = append(toks, token{start: i, end: i + len(w), lower: lw, cap: unicode.IsUpper(r),
			acronym: isAcronym(w), shortMixed: isShortMixed(w)})
		breakBefore = append(breakBefore, brk)
		brk = false
		i = j
	}
	return toks, breakBefore
}

func checkTokens(t *testing.T, text string) {
	t.Helper()
	low := textfold.ASCIILower(text)
	wt, wb := plainAppendTokens(nil, nil, text, low)
	gt, gb := appendTokens(nil, nil, text, low)
	if !reflect.DeepEqual(gt, wt) || !reflect.DeepEqual(gb, wb) {
		t.Errorf("tokens of %q differ:\n got %v %v\nwant %v %v", text, gt, gb, wt, wb)
	}
}

var tokenTexts = []string{
	"", "a", "Iraq's Anbar province, al-Tarmiyah’s market; U.S. and UAE.",
	"ÉTAT ISLAMIQUE à Maïduguri: Ḑayr az Zawr, Ba'qubah, Karbala' and Asa’ib Ahl al-Haq",
	"x\xffY \xe2\x80 DEIR EZ-ZOR — 12th 3,500 `quoted` O'Neil d'Ivoire Cote d’Ivoire",
}

func TestAppendTokensFastPath(t *testing.T) {
	for _, text := range tokenTexts {
		checkTokens(t, text)
	}
}

func FuzzAppendTokensFastPath(f *testing.F) {
	for _, text := range tokenTexts {
		f.Add(text)
	}
	f.Fuzz(checkTokens)
}
