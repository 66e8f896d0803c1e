package eventtype

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of the input: its byte span in the original text, its
// stem (a substring of the lower-cased text, or an irregular form's lemma)
// and the sentence it belongs to.
type token struct {
	start, end int
	word, stem string // lower-cased word; its stem
	wid, sid   int32  // their numbers in ruleSet.ids, or -1
	sent       int
	num        bool // all digits (with , or . inside)
	name       bool // capitalised inside a sentence: likely part of a name
	clause     int  // clause number: commas, colons, brackets and dashes split clauses
	sub        bool // inside a subordinate clause ("after ...", "amid ...")
}

// isAbbreviation reports whether a lower-cased word, written before a
// period, is an abbreviation whose period does not end a sentence.
func isAbbreviation(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "st", "col", "gen", "lt", "capt", "sgt", "maj", "gov",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"no", "vs", "u.s", "u.n", "u.k", "e.g", "i.e", "inc", "co", "corp", "jr", "sr":
		return true
	}
	return false
}

// lowerASCIIish lower-cases text without changing any byte offset: ASCII
// letters are folded, and so are other letters whose lower-case form has the
// same encoded length. Everything else is kept as is.
//
// The copy is written straight into a strings.Builder: one allocation.
func lowerASCIIish(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] < utf8.RuneSelf && (text[j] < 'A' || text[j] > 'Z') {
			j++
		}
		b.WriteString(text[i:j]) // a run of ASCII without capitals, copied whole
		if i = j; i == len(text) {
			break
		}
		if c := text[i]; c < utf8.RuneSelf {
			b.WriteByte(c + 'a' - 'A')
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if l := unicode.ToLower(r); r != utf8.RuneError && utf8.RuneLen(l) == n {
			b.WriteRune(l)
		} else {
			b.WriteString(text[i : i+n])
		}
		i += n
	}
	return b.String()
}

// isASCIIWordByte is isWordRune for an ASCII byte, small enough to inline.
func isASCIIWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

// isWordRune reports whether r belongs inside a word. Hyphens split words,
// so "gang-raped" and "gang raped" tokenize alike.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWordByte(byte(r))
	}
	return isWordRuneWide(r)
}

// isWordRuneWide is isWordRune beyond ASCII.
func isWordRuneWide(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Lower is the lower-cased copy of text that Rank reads (same length, same
// byte offsets). Each rune is folded alone, so Lower(text)[i:j] is
// Lower(text[i:j]) whenever i and j are rune starts (utf8.RuneStart) or
// the text's ends: a caller that ranks many spans of one text can fold it
// once and hand the spans to RankLower.
func Lower(text string) string { return lowerASCIIish(text) }

// tokenize splits text into stemmed word tokens with sentence numbers. A
// possessive "'s" is dropped; digits separated by "," or "." stay one token.
// lower is Lower(text), or "" to have it computed.
func (rs *ruleSet) tokenize(text, lower string, out []token) []token {
	if len(lower) != len(text) {
		lower = lowerASCIIish(text)
	}
	sent, clause := 0, 0
	for i := 0; i < len(lower); {
		// ASCII is read in line: most of a news text is ASCII, and
		// tokenize reads every byte.
		r, n := rune(lower[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(lower[i:])
		}
		if r < utf8.RuneSelf && !isASCIIWordByte(byte(r)) || r >= utf8.RuneSelf && !isWordRuneWide(r) {
			if (r == '.' || r == '!' || r == '?' || r == ';') && endsSentence(lower, i, out) {
				sent++
				clause++
			} else if r == ',' || r == ':' || r == '(' || r == ')' || r == '—' || r == '–' {
				clause++
			}
			i += n
			continue
		}
		start := i
		num := true
		for i < len(lower) {
			c := lower[i]
			if asciiWordBytes[c] { // the common case, without a call
				num = num && '0' <= c && c <= '9'
				i++
				continue
			}
			if r, n = rune(c), 1; c >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(lower[i:])
			}
			if r >= utf8.RuneSelf && isWordRuneWide(r) {
				if r < '0' || r > '9' {
					num = false
				}
				i += n
				continue
			}
			// 1,000 and 2.5 stay whole; so do inner periods of "u.s".
			if (r == ',' || r == '.') && i+1 < len(lower) && num && isDigit(lower[i+1]) {
				i++
				continue
			}
			break
		}
		word := lower[start:i]
		if i+1 < len(lower) && (lower[i] == '\'') && lower[i+1] == 's' && (i+2 == len(lower) || !isLetter(lower[i+2])) {
			i += 2 // possessive
		} else if i+3 < len(lower) && lower[i:i+3] == "\u2019" && lower[i+3] == 's' && (i+4 == len(lower) || !isLetter(lower[i+4])) {
			i += 4
		}
		name := isName(text[start:start+len(word)]) && len(out) > 0 && out[len(out)-1].sent == sent
		stem := rs.stem(word)
		wid := rs.wordID(word)
		sid := wid
		if stem != word {
			sid = rs.wordID(stem)
		}
		out = append(out, token{start: start, end: start + len(word), word: word, stem: stem, wid: wid, sid: sid, sent: sent, num: num, name: name, clause: clause})
	}
	return out
}

// asciiWordBytes marks the bytes isASCIIWordByte accepts, for the
// tokenizer's inner loop.
var asciiWordBytes = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isASCIIWordByte(byte(c))
	}
	return t
}()

// isName reports whether an original word is capitalised but not all
// capitals (a headline in capitals says nothing about names).
func isName(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf { // ASCII first: no Unicode tables until a wider rune
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
		for i := 1; i < len(w); i++ {
			switch c := w[i]; {
			case c >= utf8.RuneSelf:
				return hasLower(w[i:])
			case 'a' <= c && c <= 'z':
				return true
			}
		}
		return false
	}
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	return hasLower(w[n:])
}

// hasLower reports whether w holds a lower-case letter.
func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// endsSentence decides whether the punctuation at lower[i] closes a
// sentence: it must be followed by space (or the end), and a period after an
// abbreviation or a single letter does not count.
func endsSentence(lower string, i int, toks []token) bool {
	if i+1 < len(lower) && lower[i+1] != ' ' && lower[i+1] != '\n' && lower[i+1] != '\t' && lower[i+1] != '"' {
		return false
	}
	if lower[i] != '.' || len(toks) == 0 {
		return true
	}
	last := toks[len(toks)-1]
	if last.end != i {
		return true
	}
	w := lower[last.start:last.end]
	return len(w) > 1 && !isAbbreviation(w)
}

// stem reduces an inflected word to a stem, conservatively: irregular forms
// from the rules' lemma table first, then plural, past and gerund endings,
// and a final y becomes i (so "casualty" meets "casualties") and a final e
// goes (so "fire" meets "fired"). Rules are stemmed with the same function,
// so a rule's "killed", "kill" and "killing" all meet the text's "kills".
//
// At match time stemming does not allocate: the result is a substring of
// word, or a string of the rules' vocabulary.
func (rs *ruleSet) stem(word string) string {
	if rs.lemmaKeys.mayHave(word) {
		if l, ok := rs.lemmas[word]; ok {
			return l
		}
	}
	s, yToI := stemRegular(word)
	if !yToI {
		return s
	}
	// The short concatenation in a map index does not escape, so it does
	// not allocate. A stem the rules never use cannot match anyway.
	if v, ok := rs.vocab[s+"i"]; ok {
		return v
	}
	return word
}

// stemKey is stem for rule words at load time, where allocating is fine.
func (rs *ruleSet) stemKey(word string) string {
	if l, ok := rs.lemmas[word]; ok {
		return l
	}
	s, yToI := stemRegular(word)
	if yToI {
		return s + "i"
	}
	return s
}

// stemRegular strips regular endings. When yToI is set the stem is s+"i".
func stemRegular(w string) (s string, yToI bool) {
	if len(w) <= 3 {
		return undouble(w), false
	}
	switch {
	case hasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-2], false // casualties -> casualti
	case hasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-2], false // carried -> carri
	case hasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case hasSuffix(w, "ing") && len(w) > 5:
		w = w[:len(w)-3]
	case hasSuffix(w, "ed") && len(w) > 4:
		w = w[:len(w)-2]
	case hasSuffix(w, "es") && len(w) > 4 && (hasSuffix(w, "ches") || hasSuffix(w, "shes") || hasSuffix(w, "xes")):
		w = w[:len(w)-2] // clashes -> clash
	case hasSuffix(w, "s") && !hasSuffix(w, "ss") && !hasSuffix(w, "us") && !hasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case hasSuffix(w, "y") && len(w) > 3:
		return w[:len(w)-1], true
	case hasSuffix(w, "e") && len(w) > 3:
		return w[:len(w)-1], false
	}
	return undouble(w), false
}

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }

// undouble turns "stabb" into "stab" and "boycott" into "boycot", but keeps
// the double l, s and z of "kill", "pass" and "buzz". It applies to bare
// words too, so "boycott" and "boycotted" meet.
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' && w[n-1] != 'z' && !isVowel(w[n-1]) {
		return w[:n-1]
	}
	return w
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }
