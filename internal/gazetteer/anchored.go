package gazetteer

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// resolveAnchored places a name the gazetteer lacks (a university, a
// church, a stadium) where the text says it is: in the place named right
// after it ("Washington University in St. Louis", "the Federal
// University of Technology, Owerri") or in the place whose possessive
// comes right before it ("Paris' Champs-Elysees", "Ottawa's airport").
// The text's word beats a place inside the name, which is often a
// namesake (Washington) or a whole state (Colorado State University).
func (g *Gazetteer) resolveAnchored(name string, hint Context) (Mention, bool) {
	text := hint.Text
	start, end := hint.Offset, hint.End
	if end == 0 {
		end = start + len(name)
	}
	if text == "" || start < 0 || end > len(text) || start >= end {
		return Mention{}, false
	}
	if at, n, weak := placeAfter(text, end); n > 0 && (!weak || institution(name)) {
		if m, ok := g.anchorAt(text, wordEnds(text, at, n), at, hint); ok && (!weak || g.townAnchor(m, text)) {
			return g.anchoredMention(m, name, start, end), true
		}
	}
	if at, cut := possessorBefore(text, start); cut > at {
		if m, ok := g.anchorAt(text, wordEnds(text[:cut], at, maxAnchorWords), at, hint); ok {
			return g.anchoredMention(m, name, start, end), true
		}
	}
	return Mention{}, false
}

// anchoredMention is the anchor's reading given to the name.
func (g *Gazetteer) anchoredMention(anchor Mention, name string, start, end int) Mention {
	m := anchor
	m.Start, m.End, m.Text = start, end, name
	m.Score = math.Round(m.Score*80) / 100
	m.Rule += "+anchored"
	return m
}

// anchorAt resolves the longest run of the words at byte at, ending at
// one of ends, that names a place read directly (not itself a guess from
// the document's focus or from a part of it).
func (g *Gazetteer) anchorAt(text string, ends []int, at int, hint Context) (Mention, bool) {
	for k := len(ends) - 1; k >= 0; k-- {
		sub := text[at:ends[k]]
		if len(g.lookup(Normalize(sub))) == 0 {
			continue
		}
		h := hint
		h.Offset, h.End = at, ends[k]
		m, ok := g.Resolve(sub, h)
		if ok && !strings.Contains(m.Rule, "doc-focus") && !strings.Contains(m.Rule, "inside-name") {
			return m, true
		}
	}
	return Mention{}, false
}

// maxAnchorWords bounds the place name read beside an institution's.
const maxAnchorWords = 3

// placeAfter finds " in Name", ", Name" or " of Name" after end and
// returns where Name begins, how many capitalised words it has (0: none)
// and whether the link is weak: a comma or "of" places only an
// institution, and only in a town ("the Coptic church of Alexandria").
func placeAfter(text string, end int) (int, int, bool) {
	rest := text[end:]
	var at int
	weak := true
	switch {
	case strings.HasPrefix(rest, " in "):
		at, weak = end+len(" in "), false
	case strings.HasPrefix(rest, ", "):
		at = end + len(", ")
	case strings.HasPrefix(rest, " of "):
		at = end + len(" of ")
	default:
		return 0, 0, false
	}
	return at, len(wordEnds(text, at, maxAnchorWords)), weak
}

// townAnchor reports an anchor read after a comma that is a town standing
// alone: "Oaxaca State, Mexico" and "Maineville, Ohio" are qualified by
// their region, not placed by it, and "Pleasant Township, Madison
// Township and Trenton" is a list.
func (g *Gazetteer) townAnchor(m Mention, text string) bool {
	if !strings.HasPrefix(m.Place.Kind, "P.") {
		return false
	}
	rest := text[m.End:]
	return !strings.HasPrefix(rest, ", ") && !strings.HasPrefix(rest, " and ") && !strings.HasPrefix(rest, " or ")
}

// institutionWords make a name one that a comma may follow with the town
// it is in ("the Federal University of Technology, Owerri").
var institutionWords = map[string]bool{
	"university": true, "college": true, "institute": true, "polytechnic": true, "school": true,
	"academy": true, "seminary": true, "hospital": true, "church": true, "cathedral": true,
	"mosque": true, "temple": true, "monastery": true, "stadium": true, "prison": true,
}

// institution reports a name with one of institutionWords.
func institution(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if institutionWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// possessorBefore finds "Name's " or "Name' " right before start, past
// one adjective ("Paris' iconic"), and returns where Name begins and ends
// (equal: none).
func possessorBefore(text string, start int) (int, int) {
	head := skipModifier(text[:start])
	for _, suf := range possessives {
		if cut := len(head) - len(suf); cut > 0 && strings.HasSuffix(head, suf) {
			return capitalisedRunBack(text, cut, maxAnchorWords), cut
		}
	}
	return 0, 0
}

// skipModifier drops one lower-case word between a possessive and the
// name from head, the text before the name: "Paris' iconic
// Champs-Elysees". Other heads come back as they are.
func skipModifier(head string) string {
	if !strings.HasSuffix(head, " ") {
		return head
	}
	j := len(head) - 1
	for j > 0 && head[j-1] >= 'a' && head[j-1] <= 'z' {
		j--
	}
	if j == len(head)-1 || len(head)-1-j > 12 {
		return head
	}
	for _, suf := range possessives {
		if strings.HasSuffix(head[:j], suf) {
			return head[:j]
		}
	}
	return head
}

// possessives end a place's possessive and the space after it.
var possessives = []string{"'s ", "\u2019s ", "' ", "\u2019 "}

// wordEnds returns the byte ends of up to n capitalised words from at,
// joined by single spaces ("St. Louis", "New York").
func wordEnds(text string, at, n int) []int {
	var ends []int
	i := at
	for len(ends) < n && i < len(text) {
		r, _ := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsUpper(r) {
			break
		}
		j := i
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' {
				break
			}
			j += sz
		}
		e := j
		for e > i && (text[e-1] == '.' || text[e-1] == '\'') && !abbrevWordEnd(text[i:e]) {
			e-- // a full stop that ends the sentence is no part of the name
		}
		ends = append(ends, e)
		if j+1 >= len(text) || text[j] != ' ' {
			break
		}
		i = j + 1
	}
	return ends
}

// abbrevWordEnd reports a word whose full stop is its own ("St.", "Mt.").
func abbrevWordEnd(w string) bool {
	switch w {
	case "St.", "Ste.", "Mt.", "Ft.":
		return true
	}
	return false
}
