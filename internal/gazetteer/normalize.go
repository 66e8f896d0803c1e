package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// articles are the Arabic definite article in its transliterated shapes
// (al-, el-, and the sun-letter forms ad-, as-, ar-, az-, ash-, at-, an-, and
// the ud-/ul- seen inside compound names). They carry no identity: Al Anbar
// and Anbar are one province.
var articles = map[string]bool{
	"al": true, "el": true, "il": true, "ul": true, "ad": true, "ed": true, "ud": true,
	"as": true, "es": true, "ar": true, "az": true, "ez": true,
	"ash": true, "esh": true, "at": true, "an": true, "ath": true, "adh": true,
}

// typeWords name what kind of place a name is (province, district, mountains)
// and are dropped from the normal form when they end a longer name.
var typeWords = map[string]bool{
	"province": true, "provinces": true, "governorate": true, "governorates": true,
	"district": true, "districts": true, "subdistrict": true, "county": true,
	"parish": true, "municipality": true, "region": true, "mountains": true,
	"mountain": true, "mts": true, "range": true, "muhafazat": true, "nahiyat": true,
	"qada": true, "qadha": true, "muhafazah": true, "oblast": true, "prefecture": true,
	"oilfield": true, "oilfields": true, "field": true, "fields": true, "oil": true,
}

// typePrefixes open administrative names in Arabic transliteration
// ("Muhafazat Karbala", "Nahiyat al Fuhud") and are dropped likewise.
var typePrefixes = map[string]bool{"muhafazat": true, "nahiyat": true, "qada": true, "qadha": true, "markaz": true}

// digraphs are rewritten in order: transliteration variants of one sound
// collapse to one letter (Makhmour/Makhmur, Qarachogh/Qara Chokh,
// Deir/Dayr, Zor/Zawr).
var digraphs = strings.NewReplacer(
	"kh", "k", "gh", "k", "q", "k", "ck", "k", "dh", "d", "th", "t", "ph", "f",
	"ou", "u", "oo", "u", "ee", "i", "iy", "i", "ei", "e", "ey", "e", "ay", "e",
	"ai", "e", "aw", "o", "au", "o", "ow", "o",
)

// Normalize returns the transliteration-aware normal form of a place name:
// lower case, no diacritics, apostrophes or hyphens, no Arabic articles, no
// trailing type word, common transliteration variants folded and doubled
// letters single. It is a matching key, not a display form.
func Normalize(name string) string {
	if isASCII(name) {
		return normalizeASCII(name)
	}
	return normalizeGeneral(name)
}

// normalizeGeneral is Normalize for any script; normalizeASCII is the same
// rule without allocations but the result, for the text scan's hot path.
func normalizeGeneral(name string) string {
	tokens := foldTokens(name)
	tokens = dropDecorations(tokens)
	var b strings.Builder
	for i, t := range tokens {
		b.WriteString(assimilate(t, i > 0))
	}
	return phonetic(b.String())
}

// foldTokens lower-cases, strips diacritics and apostrophes, and splits on
// everything that is not a letter or digit. The tokens are cut from one
// string: a name costs a few allocations, not a few per word.
func foldTokens(s string) []string {
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	var bufArr [64]byte
	var boundsArr [8][2]int
	buf, bounds, start := bufArr[:0], boundsArr[:0], 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			buf = append(buf, byte(r))
		case r >= 'A' && r <= 'Z':
			buf = append(buf, byte(r+'a'-'A'))
		case isApostrophe(r) || unicode.Is(unicode.Mn, r):
			// dropped without splitting: Karbala' = Karbala, Ba'qubah = Baqubah
		case unicode.IsLetter(r):
			buf = append(buf, foldLetter(unicode.ToLower(r))...)
		default:
			if len(buf) > start {
				bounds = append(bounds, [2]int{start, len(buf)})
				start = len(buf)
			}
		}
	}
	if len(buf) > start {
		bounds = append(bounds, [2]int{start, len(buf)})
	}
	if len(bounds) == 0 {
		return nil
	}
	all := string(buf)
	tokens := make([]string, len(bounds))
	for k, b := range bounds {
		tokens[k] = all[b[0]:b[1]]
	}
	return tokens
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u02bb', '\u02bf', '\u02be', '`', '\u00b4', '\u02b9':
		return true
	}
	return false
}

// foldLetter maps letters NFD does not decompose to their ASCII look-alikes.
func foldLetter(r rune) string {
	switch r {
	case 'ø':
		return "o"
	case 'ł':
		return "l"
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'đ', 'ð':
		return "d"
	case 'ı':
		return "i"
	case 'þ':
		return "th"
	case 'ħ':
		return "h"
	}
	if r < 0x250 {
		return string(r)
	}
	return "" // other scripts do not take part in Latin keys
}

// dropDecorations removes articles, leading administrative prefixes and a
// trailing type word, keeping at least one token.
func dropDecorations(tokens []string) []string {
	out := tokens[:0:0]
	for i, t := range tokens {
		if articles[t] && len(tokens) > 1 {
			continue
		}
		if i == 0 && typePrefixes[t] && len(tokens) > 1 {
			continue
		}
		out = append(out, t)
	}
	for len(out) > 1 && typeWords[out[len(out)-1]] {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return tokens
	}
	return out
}

// assimilate drops an article fused by sun-letter assimilation at the start
// of a token (Ezzor → zor, Arramadi → ramadi) and the linking vowel of
// compound names (Salahuddin → salahdin).
func assimilate(t string, inner bool) string {
	// only after another word ("Deir Ezzor"): alone, Assam and Essen are names
	if inner && len(t) >= 5 && (t[0] == 'a' || t[0] == 'e') && t[1] == t[2] && strings.IndexByte("dstrz", t[1]) >= 0 {
		t = t[2:]
	}
	for i := 2; i+2 < len(t); i++ {
		if (t[i] == 'u' || t[i] == 'e') && t[i+1] == t[i+2] && strings.IndexByte("dstrz", t[i+1]) >= 0 && i+3 < len(t) {
			t = t[:i] + t[i+2:]
			break
		}
	}
	return t
}

// phonetic folds transliteration variants and doubled letters.
func phonetic(s string) string {
	s = digraphs.Replace(s)
	if len(s) > 2 && strings.IndexByte(s[1:], 'y') >= 0 {
		r := []byte(s)
		yAsI(r)
		s = string(r)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i > 0 && s[i-1] == c {
			continue // doubled letters
		}
		// a vowel-final h carries no sound of its own: Fallujah, Nineveh, Salah ad Din
		if c == 'h' && i > 0 && isVowel(s[i-1]) && (i+1 == len(s) || !isVowel(s[i+1])) {
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// yAsI writes as i a y inside a name before a vowel: Ukrainian and
// Russian names come as Izyum and Izium, Kupyansk and Kupiansk,
// Syevyerodonetsk and Sievierodonetsk. A name's first y stays (Yemen).
func yAsI(s []byte) {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == 'y' && isVowel(s[i+1]) {
			s[i] = 'i'
		}
	}
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
