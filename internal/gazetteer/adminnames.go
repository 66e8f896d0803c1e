package gazetteer

import "strings"

// adminPrefixes open official region names in French, Spanish and
// Portuguese ("Province du Séno", "Departamento de Antioquia"); reports name
// the region without them. Longest first, so "Province de la" wins over
// "Province de".
var adminPrefixes = []string{
	"province de la ", "province de l'", "province du ", "province des ", "province de ", "province of ",
	"région de la ", "région du ", "région des ", "région de l'", "région de ", "region of ",
	"département de l'", "département du ", "département de ", "préfecture de ", "cercle de ",
	"territoire de ", "commune of ", "district of ",
	"departamento del ", "departamento de ", "provincia del ", "provincia de ", "provincia da ",
	"província de ", "municipio de ", "distrito de ",
}

// frenchCompass are French compass words as English reports translate them
// inside region names (Nord-Kivu is North Kivu, Nord-Ouest is North West).
var frenchCompass = map[string]string{"nord": "North", "sud": "South", "est": "East", "ouest": "West"}

// adminShortNames returns the spellings a report uses for an official region
// name: without its administrative prefix and with French compass words in
// English. It returns nothing when the name has neither.
func adminShortNames(name string) []string {
	var out []string
	for _, p := range adminPrefixes {
		if lowerHasPrefix(name, p) && len(name) > len(p) {
			name = strings.TrimSpace(name[len(p):])
			out = append(out, name)
			break
		}
	}
	if en := englishCompass(name); en != "" {
		out = append(out, en)
	}
	return out
}

// englishCompass translates the French compass words of a name of two or
// more words ("Nord Kivu" → "North Kivu"); "" when there is none.
func englishCompass(name string) string {
	if !hasCompassWord(name) {
		return "" // the common case, settled without splitting the name
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) < 2 {
		return ""
	}
	changed := false
	for i, w := range words {
		if en, ok := frenchCompass[strings.ToLower(w)]; ok {
			words[i], changed = en, true
		}
	}
	if !changed {
		return ""
	}
	return strings.Join(words, " ")
}

// hasCompassWord reports whether a word of name (split at spaces and
// hyphens) is a French compass word.
func hasCompassWord(name string) bool {
	for name != "" {
		i := strings.IndexAny(name, " -")
		w := name
		if i >= 0 {
			w, name = name[:i], name[i+1:]
		} else {
			name = ""
		}
		for fr := range frenchCompass {
			if lowerIs(w, fr) {
				return true
			}
		}
	}
	return false
}
