package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// typeHints maps type words (lower case) that follow or precede a name to
// what they say it is.
var typeHints = map[string]kindHint{
	"province": hintAdmin1, "provinces": hintAdmin1, "governorate": hintAdmin1,
	"governorates": hintAdmin1, "state": hintAdmin1, "region": hintAdmin1, "oblast": hintAdmin1,
	"district": hintAdmin2, "districts": hintAdmin2, "county": hintAdmin2, "parish": hintAdmin2,
	"subdistrict": hintAdmin2,
	"city":        hintTown, "town": hintTown, "village": hintTown, "villages": hintTown, "towns": hintTown,
	"mountains": hintMountain, "mountain": hintMountain, "mountainous": hintMountain, "mount": hintMountain,
	"mts": hintMountain, "range": hintMountain, "hills": hintMountain,
	"oilfield": hintOil, "oilfields": hintOil, "oil": hintOil, "refinery": hintOil,
	"dam": hintFeature, "crossing": hintFeature, "highway": hintFeature, "desert": hintFeature,
	"valley": hintFeature, "base": hintFeature, "airbase": hintFeature, "camp": hintFeature,
}

// pluralType are the plural type words of typeHints: after a single name
// they speak of the places in it ("Punjab districts"), not of the name.
var pluralType = map[string]bool{"provinces": true, "governorates": true, "districts": true, "villages": true, "towns": true}

// extendsSpan says whether a type word after a name belongs in the mention
// ("Anbar province") rather than only hinting ("the city").
var extendsSpan = map[string]bool{
	"province": true, "provinces": true, "governorate": true, "governorates": true,
	"district": true, "districts": true, "county": true, "parish": true, "subdistrict": true,
	"mountains": true, "mountain": true, "mts": true, "range": true, "hills": true,
	"oilfield": true, "oilfields": true, "refinery": true, "region": true, "oblast": true,
}

// hintAround reads the type words right after the name ("Anbar province",
// "Alas oil fields") or right before it ("the city of Mosul", "the province
// of Anbar", "Mount Sinjar").
func (g *Gazetteer) hintAround(text string, start, end int) kindHint {
	after := wordAfter(text, end)
	if after != "" {
		if h, ok := typeHints[after]; ok && after != "state" && after != "city" && (!pluralType[after] || listBefore(text, start)) {
			return h // a plural one only after a list: "Punjab districts" are no district
		}
		// "Borno State" names the state; "Iraqi state media" does not
		if after == "state" && strings.HasPrefix(strings.TrimLeft(text[end:], " -"), "State") {
			return hintAdmin1
		}
	}
	if h := listTypeHint(text, start, end, after); h != hintNone {
		return h
	}
	if g.qualifierPosition(text, start, end) {
		return hintAdmin1 // "Sulpher, La.": the abbreviation is the town's state
	}
	var buf [3]string
	before := wordsBeforeInto(buf[:], text, start)
	if len(before) >= 2 && before[len(before)-1] == "of" {
		if h, ok := typeHints[before[len(before)-2]]; ok {
			return h
		}
	}
	if len(before) >= 1 && (before[len(before)-1] == "mount" || before[len(before)-1] == "jabal" || before[len(before)-1] == "jebel") {
		return hintMountain
	}
	return hintNone
}

// nearBefore reports a "near", "outskirts of" or "north of" cue in the few
// words before start.
func (g *Gazetteer) nearBefore(text string, start int) bool {
	var buf [6]string
	ws := wordsBeforeInto(buf[:], text, start)
	for k, w := range ws {
		if compass[w] {
			// "north of Mosul" is near it; "the northern city of Mosul" is in it
			if k == len(ws)-2 && ws[k+1] == "of" {
				return true
			}
			continue
		}
		if g.words.near[w] {
			return true
		}
	}
	return false
}

// compass words place an event near a town only as "north of X".
var compass = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "northern": true, "southern": true, "eastern": true, "western": true,
}

// areaAfter reports a word after a town that widens it to its surroundings
// ("Idlib countryside", "Mosul outskirts").
func (g *Gazetteer) areaAfter(text string, end int) bool {
	return areaWords[wordAfter(text, end)]
}

var areaWords = map[string]bool{
	"countryside": true, "outskirts": true, "suburbs": true, "area": true, "areas": true,
	"environs": true, "vicinity": true, "hinterland": true, "surroundings": true,
}

// qualifier is a region or country named right after a place ("Karbala,
// Iraq", "Alexandria, Va.").
type qualifier struct {
	countries strSet
	admin1    strSet
}

// bonus is 1 when the qualifier names e's country or region, else 0.
func (q *qualifier) bonus(g *Gazetteer, e *entry) float64 {
	if q == nil {
		return 0
	}
	if g.str(e.Admin1Code) != "" && q.admin1.has(g.str(e.Admin1Code)) && e.level != levelAdmin1 {
		return 1
	}
	if q.countries.has(g.str(e.CountryCode)) && e.level != levelCountry {
		return 1
	}
	return 0
}

// qualifierAfter reads ", Name" after a place and returns the countries and
// first-level regions that Name can be.
func (g *Gazetteer) qualifierAfter(text string, end int) *qualifier {
	rest := text[end:]
	if !strings.HasPrefix(rest, ", ") {
		return g.possessorQualifier(text, end)
	}
	rest = rest[2:]
	// up to three capitalised words, the longest run that names a region
	// first: "Richmond, Ky. He said" is qualified by "Ky."
	var ends [3]int
	words := 0
	for n := 0; words < 3 && n < len(rest); {
		r, _ := utf8.DecodeRuneInString(rest[n:])
		if !unicode.IsUpper(r) {
			break
		}
		from := n
		for n < len(rest) {
			r, sz := utf8.DecodeRuneInString(rest[n:])
			if !unicode.IsLetter(r) && r != '.' {
				break
			}
			n += sz
		}
		ends[words] = n
		words++
		initial := n-from == 2 && rest[n-1] == '.' // "W. Va.": a lone initial goes on
		if n+1 >= len(rest) || rest[n] != ' ' || rest[n-1] == '.' && !initial {
			break // a word ending in a full stop ends the run: "Iraq. Fighting"
		}
		n++
	}
	for k := words - 1; k >= 0; k-- {
		if q := g.qualifierNamed(strings.TrimSuffix(rest[:ends[k]], ".")); q != nil {
			return q
		}
	}
	return nil
}

// qualifierNamed returns the countries and first-level regions name can
// be, or nil when it is neither.
func (g *Gazetteer) qualifierNamed(name string) *qualifier {
	var q *qualifier
	for _, i := range g.lookup(Normalize(name)) {
		e := &g.entries[i]
		if e.level != levelCountry && e.level != levelAdmin1 {
			continue
		}
		if q == nil {
			q = &qualifier{}
		}
		if e.level == levelCountry {
			q.countries.add(g.str(e.CountryCode))
		} else {
			q.admin1.add(g.str(e.Admin1Code))
		}
	}
	return q
}

// wordAfter returns the lower-cased word after byte offset i, past spaces
// and hyphens, or "" at punctuation.
func wordAfter(text string, i int) string {
	for i < len(text) && (text[i] == ' ' || text[i] == '-') {
		i++
	}
	j := i
	for j < len(text) {
		if c := text[j]; c < utf8.RuneSelf {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				break
			}
			j++
			continue
		}
		r, sz := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += sz
	}
	return strings.ToLower(text[i:j])
}

// wordsBefore returns up to n lower-cased words before byte offset i, in
// text order, stopping at sentence punctuation.
func wordsBefore(text string, i, n int) []string {
	return wordsBeforeInto(make([]string, n), text, i)
}

// wordsBeforeInto is wordsBefore for n = len(out), filling out from its
// end: a caller's array can hold the words without a heap allocation
// (hintAround and nearBefore run for every name the scan keeps).
func wordsBeforeInto(out []string, text string, i int) []string {
	k := len(out)
	if i > len(text) {
		i = len(text)
	}
	for k > 0 && i > 0 {
		for i > 0 && (text[i-1] == ' ' || text[i-1] == '-') {
			i--
		}
		j := i
		for j > 0 {
			r, sz := utf8.DecodeLastRuneInString(text[:j])
			if !unicode.IsLetter(r) {
				break
			}
			j -= sz
		}
		if j == i {
			break
		}
		k--
		out[k] = strings.ToLower(text[j:i])
		i = j
	}
	return out[k:]
}

// listType says what a plural type word that closes a list of names makes
// each of them ("Becker, Clay and Grant counties").
func listType(w string) (kindHint, bool) {
	switch w { // a switch, not a map: it runs after every name Find reads
	case "counties", "parishes", "districts":
		return hintAdmin2, true
	case "provinces", "governorates":
		return hintAdmin1, true
	}
	return hintNone, false
}

// maxListNames bounds how far a list is followed to its type word.
const maxListNames = 12

// listTypeHint reads the plural type word that ends a list the name
// belongs to (after is the word right after it): from end, past ", ", " and ", " or " and capitalised names,
// to "counties" or "provinces". A name in "Camden and Charlton counties"
// is a county, not the town of the same name.
func listTypeHint(text string, start, end int, after string) kindHint {
	if after != "and" && after != "or" && !strings.HasPrefix(text[end:], ",") {
		if h, _ := listType(after); h != hintNone && listBefore(text, start) {
			return h // the list's last name: "Camden and Charlton counties"
		}
		return hintNone // no list: "Indiana counties" are the counties in Indiana, not one of them
	}
	i := end
	for n := 0; n <= maxListNames; n++ {
		if h, ok := listType(wordAfter(text, i)); ok {
			return h
		}
		j := skipListSep(text, i)
		if j == i {
			return hintNone
		}
		k := skipCapitalised(text, j)
		if k == j {
			return hintNone
		}
		i = k
	}
	return hintNone
}

// listBefore reports ", ", " and " or " or " right before start: the name
// ends a list.
func listBefore(text string, start int) bool {
	t := strings.TrimRight(text[:start], " ")
	return strings.HasSuffix(t, ",") || strings.HasSuffix(t, " and") || strings.HasSuffix(t, " or")
}

// skipListSep skips ", ", " and ", " or " or ", and " at i.
func skipListSep(text string, i int) int {
	j := i
	if strings.HasPrefix(text[j:], ",") {
		j++
	}
	for _, w := range []string{" and ", " or ", " "} {
		if strings.HasPrefix(text[j:], w) {
			if w == " " && j == i {
				return i // a bare space is no separator
			}
			return j + len(w)
		}
	}
	return i
}

// skipCapitalised skips up to three capitalised words at i ("Otter Tail").
func skipCapitalised(text string, i int) int {
	for w := 0; w < 3; w++ {
		r, _ := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsUpper(r) {
			return i
		}
		j := i
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && r != '.' && r != '\'' {
				break
			}
			j += sz
		}
		i = j
		if !strings.HasPrefix(text[i:], " ") || i+1 >= len(text) {
			return i
		}
		if r, _ := utf8.DecodeRuneInString(text[i+1:]); !unicode.IsUpper(r) {
			return i
		}
		i++
	}
	return i
}
