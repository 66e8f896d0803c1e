package gazetteer

// monthWords are month names and their abbreviations, lower case.
var monthWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// monthDate reports a one-word name that is a month before a day of the
// month or a year ("Jan. 1", "March 15th", "May 2019"): a date, not
// Jackson's airport code or March in Cambridgeshire.
func monthDate(text, low string, sp *span) bool {
	if sp.tokens != 1 || !monthWords[low[sp.start:sp.nameEnd]] {
		return false
	}
	i := sp.nameEnd
	if i < len(text) && text[i] == '.' {
		i++
	}
	if i >= len(text) || text[i] != ' ' {
		return false
	}
	i++
	n := 0
	for i+n < len(text) && text[i+n] >= '0' && text[i+n] <= '9' {
		n++
	}
	if n == 0 || n == 3 || n > 4 {
		return false
	}
	if i+n < len(text) {
		c := text[i+n]
		if c >= 'a' && c <= 'z' && c != 's' && c != 'n' && c != 'r' && c != 't' {
			return false // "May 5km" is no date; "5th", "1st", "2nd", "3rd" are
		}
	}
	return true
}

// dropDates removes the months before a day of the month (monthDate).
func dropDates(text, low string, spans []span) []span {
	out := spans[:0]
	for k := range spans {
		if !monthDate(text, low, &spans[k]) {
			out = append(out, spans[k])
		}
	}
	return out
}
