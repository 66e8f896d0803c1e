package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// possessorQualifier reads a place's possessive before the name that ends
// at end ("Syria's Idlib", "Cairo's Abbasiya district", "Giza's Haram")
// as a qualifier: the countries and first-level regions the possessor can
// be or lie in. A town as possessor stands for its region; only towns of
// some standing (a district seat, or 10,000 people) count, as a report
// names its neighbourhoods after them. nil when there is none.
func (g *Gazetteer) possessorQualifier(text string, end int) *qualifier {
	start := nameStart(text, end)
	if start < 0 {
		return nil
	}
	from, cut := possessorBefore(text, start)
	if from >= cut {
		return nil
	}
	var q *qualifier
	for _, i := range g.lookup(Normalize(text[from:cut])) {
		e := &g.entries[i]
		if e.level == levelAdmin2 || e.level == levelFeature || e.level == levelPlace && e.imp < possessorImp {
			continue
		}
		if q == nil {
			q = &qualifier{}
		}
		if e.level == levelCountry {
			q.countries.add(g.str(e.CountryCode))
		} else if a := g.str(e.Admin1Code); a != "" {
			q.admin1.add(a)
		}
	}
	return q
}

// possessorImp is the importance a town needs to qualify the name after
// its possessive: a district seat, or 10,000 people.
const possessorImp = 6

// nameStart walks back from end over the capitalised words of the name
// that ends there (up to four, joined by spaces or hyphens) and returns
// where it begins, or -1 when the word before end is not capitalised.
func nameStart(text string, end int) int {
	if end > len(text) || end < 1 {
		return -1
	}
	start := capitalisedRunBack(text, end, 4)
	if start >= end {
		return -1
	}
	return start
}

// capitalisedRunBack returns where the run of up to n capitalised words
// ending at end begins (end when the word before end is not capitalised).
// The words are joined by a space or a hyphen; a possessive before them
// ("Cairo's") ends the run.
func capitalisedRunBack(text string, end, n int) int {
	start, i := end, end
	for w := 0; w < n; w++ {
		j := i
		for j > 0 {
			r, sz := utf8.DecodeLastRuneInString(text[:j])
			if !unicode.IsLetter(r) && r != '.' {
				break
			}
			j -= sz
		}
		if r, _ := utf8.DecodeRuneInString(text[j:i]); j == i || !unicode.IsUpper(r) {
			break
		}
		start = j
		if j < 2 || text[j-1] != ' ' && text[j-1] != '-' || possessiveEnd(text[:j-1]) {
			break
		}
		i = j - 1
	}
	return start
}

// possessiveEnd reports text ending in a possessive ("Cairo's", "Paris'").
func possessiveEnd(text string) bool {
	for _, suf := range possessives {
		if strings.HasSuffix(text, strings.TrimSuffix(suf, " ")) {
			return true
		}
	}
	return false
}
