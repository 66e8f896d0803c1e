package ingest

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/article"
)

// DateMatch is a calendar date found in a line of text. Alternatives holds
// the other readings of an ambiguous numeric date (09-03-2020: day-first
// first, then month-first).
type DateMatch struct {
	Time         time.Time
	Precision    article.DatePrecision
	Start, End   int // byte offsets of the date in the line
	Alternatives []time.Time
	Layout       string // dmy, mdy, ymd, numeric, my
}

// monthWords maps month names and abbreviations, in the languages sitrep's
// sources are most often written in, to month numbers.
var monthWords = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	// French
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
	// Spanish and Portuguese
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
	"septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	"janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
	"outubro": 10, "dezembro": 12,
	// German
	"januar": 1, "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
}

// monthNames is the alternation of monthWords, longest first so that
// "september" wins over "sep".
var monthNames = alternation(monthWords)

func alternation[V any](words map[string]V) string {
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, regexp.QuoteMeta(k))
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return strings.Join(keys, "|")
}

// datePatterns are tried in order; the first that yields a valid calendar
// date wins.
var datePatterns = []struct {
	layout string
	needs  dateShape // what a line must show for the pattern to be tried
	re     *regexp.Regexp
}{
	{"ymd", shapeYearSep, regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)`)},
	{"numeric", shapeSepYear, regexp.MustCompile(`\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b`)},
	{"dmy", shapeMonth, regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?(?:\s+of|\s+de)?[\s-]+(` + monthNames + `)\.?,?(?:\s+de)?[\s-]+(\d{4})\b`)},
	{"mdy", shapeMonth, regexp.MustCompile(`(?i)\b(` + monthNames + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)},
	{"my", shapeMonth, regexp.MustCompile(`(?i)\b(` + monthNames + `)\.?,?\s+(\d{4})\b`)},
}

// dateResidue is what may surround a date on a line that is only a
// dateline: weekdays, times, time zones, "Published"/"Updated" labels and
// punctuation.
var dateResidue = regexp.MustCompile(`(?i)^(?:[\s,|:/()\[\].·•–—-]+|\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?|t\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?|\d{1,2}h(?:\d{2})?|\d{1,2}\s*[ap]\.?m\.?|(?:gmt|utc|est|edt|cet|cest|bst|ast|ist|msk|eet|eest|pst|pdt|cst|cdt|et|pt|z)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?|` + alternation(foreignWeekdays) + `|published|updated|posted|last|modified|created|first|on|at|date|time|local|am|pm|publié|publie|mis à jour|le|à|publicado|actualizado|el|de|às|veröffentlicht|aktualisiert|um|uhr)*$`)

// FindDate returns the first calendar date in s.
func FindDate(s string) (DateMatch, bool) {
	if len(s) > 4096 {
		s = s[:4096]
	}
	shape := shapeOf(s)
	if shape == 0 {
		return DateMatch{}, false // every pattern needs a four-digit year
	}
	monthRead := false
	for _, p := range datePatterns {
		if p.needs == shapeMonth && !monthRead {
			monthRead = true
			if mayHoldMonth(s) {
				shape |= shapeMonth
			}
		}
		if shape&p.needs == 0 {
			continue
		}
		for _, m := range p.re.FindAllStringSubmatchIndex(s, 4) {
			if dm, ok := readDate(p.layout, s, m); ok {
				return dm, true
			}
		}
	}
	return DateMatch{}, false
}

// ParseDateline reads a line that is only a date (with optional weekday,
// time, zone and label), as pages print under a headline: "09-03-2020",
// "5 Feb 2024 - 10:20", "Published: Monday, March 9, 2020 8:14 AM".
func ParseDateline(line string) (DateMatch, bool) {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 120 {
		return DateMatch{}, false
	}
	dm, ok := FindDate(line)
	if !ok {
		return DateMatch{}, false
	}
	rest := line[:dm.Start] + " " + line[dm.End:]
	if !dateResidue.MatchString(rest) {
		return DateMatch{}, false
	}
	return dm, true
}

func readDate(layout, s string, m []int) (DateMatch, bool) {
	g := func(i int) string { return s[m[2*i]:m[2*i+1]] }
	dm := DateMatch{Start: m[0], End: m[1], Layout: layout, Precision: article.PrecisionDay}
	var ok bool
	switch layout {
	case "ymd":
		dm.Time, ok = mkDate(atoi(g(1)), atoi(g(2)), atoi(g(3)))
		dm.End = m[7] // an ISO timestamp's "T" belongs to the time
	case "numeric":
		return readNumeric(dm, atoi(g(1)), atoi(g(2)), atoi(g(3)))
	case "dmy":
		dm.Time, ok = mkDate(atoi(g(3)), monthOf(g(2)), atoi(g(1)))
	case "mdy":
		dm.Time, ok = mkDate(atoi(g(3)), monthOf(g(1)), atoi(g(2)))
	case "my":
		dm.Time, ok = mkDate(atoi(g(2)), monthOf(g(1)), 1)
		dm.Precision = article.PrecisionMonth
	}
	return dm, ok
}

// readNumeric reads a-b-yyyy. When both a and b could be the month, the
// day-first reading comes first and the other is kept as an alternative.
func readNumeric(dm DateMatch, a, b, y int) (DateMatch, bool) {
	dayFirst, ok1 := mkDate(y, b, a)
	monthFirst, ok2 := mkDate(y, a, b)
	switch {
	case ok1 && ok2 && a != b:
		dm.Time, dm.Alternatives = dayFirst, []time.Time{monthFirst}
	case ok1:
		dm.Time = dayFirst
	case ok2:
		dm.Time, dm.Layout = monthFirst, "mdy-numeric"
	default:
		return dm, false
	}
	return dm, true
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func monthOf(s string) int { return monthWords[strings.ToLower(s)] }

// mkDate builds a UTC date and rejects impossible ones (31 April) and years
// outside the range news could carry.
func mkDate(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// forwardWords before a weekday make it a future reference ("next Monday").
var forwardWords = map[string]bool{"next": true, "coming": true, "until": true, "by": true, "prochain": true, "próximo": true}

var weekdayIndex = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday,
	"tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday,
	"dimanche": time.Sunday, "lundi": time.Monday, "mardi": time.Tuesday, "mercredi": time.Wednesday,
	"jeudi": time.Thursday, "vendredi": time.Friday, "samedi": time.Saturday,
	"domingo": time.Sunday, "lunes": time.Monday, "martes": time.Tuesday, "miércoles": time.Wednesday,
	"jueves": time.Thursday, "viernes": time.Friday, "sábado": time.Saturday}

// foreignWeekdays are weekday names a dateline may print, beyond those
// the reasoning above reads.
var foreignWeekdays = map[string]bool{"dimanche": true, "lundi": true, "mardi": true, "mercredi": true,
	"jeudi": true, "vendredi": true, "samedi": true, "domingo": true, "lunes": true, "martes": true,
	"miércoles": true, "jueves": true, "viernes": true, "sábado": true, "sonntag": true, "montag": true,
	"dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true, "samstag": true}

// mentionedWeekdays lists the distinct weekdays text refers back to, in
// order of first mention; forward-looking ones ("next Monday") are skipped.
// Words are runs of letters. It reads the body of every article with an
// ambiguous dateline, so it lower-cases only the words that could be
// weekdays, and then in a buffer on the stack when they are ASCII.
func mentionedWeekdays(text string) []time.Weekday {
	var out []time.Weekday
	var seen [7]bool
	prev := ""
	for i := 0; i < len(text); {
		if n := letterRun(text[i:]); n > 0 {
			w := text[i : i+n]
			if len(w) >= 5 && len(w) <= 10 {
				if d, ok := weekdayOf(w); ok && !forwardWords[strings.ToLower(prev)] && !seen[d] {
					seen[d] = true
					out = append(out, d)
				}
			}
			prev, i = w, i+n
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

// letterRun is the length in bytes of the run of letters s starts with (a
// byte that is not UTF-8 reads as U+FFFD, no letter).
func letterRun(s string) int {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += size
	}
	return i
}

// weekdayOf looks a word up in weekdayIndex as strings.ToLower would
// spell it, lower-casing an ASCII word on the stack (a map lookup with
// string(buf) does not allocate).
func weekdayOf(w string) (time.Weekday, bool) {
	var buf [16]byte
	if len(w) > len(buf) {
		d, ok := weekdayIndex[strings.ToLower(w)]
		return d, ok
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			d, ok := weekdayIndex[strings.ToLower(w)]
			return d, ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	d, ok := weekdayIndex[string(buf[:len(w)])]
	return d, ok
}

// lag is how many days before day t the most recent weekday w fell (0 when
// t is itself a w).
func lag(t time.Time, w time.Weekday) int { return (int(t.Weekday()) - int(w) + 7) % 7 }

// ResolveAmbiguous chooses among the readings of an ambiguous date with the
// weekdays the text mentions. News reports look back over the last few days,
// so every weekday a report names should fall on or shortly before its
// publication; the reading whose oldest mentioned weekday is most recent wins.
// It returns the index of the chosen reading and a note saying why.
func ResolveAmbiguous(raw string, readings []time.Time, text string) (int, string) {
	days := mentionedWeekdays(text)
	names := make([]string, len(days))
	for i, w := range days {
		names[i] = w.String()
	}
	if len(days) == 0 {
		return 0, fmt.Sprintf("%q is ambiguous (%s); the text names no weekday, so day-first was assumed", raw, describeReadings(readings))
	}
	best, bestLag, tie := 0, 8, false
	lags := make([][]int, len(readings))
	for i, t := range readings {
		worst := 0
		for _, w := range days {
			l := lag(t, w)
			lags[i] = append(lags[i], l)
			worst = max(worst, l)
		}
		switch {
		case worst < bestLag:
			best, bestLag, tie = i, worst, false
		case worst == bestLag:
			tie = true
		}
	}
	if tie {
		return 0, fmt.Sprintf("%q is ambiguous (%s); the weekdays mentioned (%s) fit all readings equally, so day-first was assumed", raw, describeReadings(readings), strings.Join(names, ", "))
	}
	var parts []string
	for i, t := range readings {
		parts = append(parts, fmt.Sprintf("%s days before %s", joinInts(lags[i]), t.Format("Mon 2 Jan 2006")))
	}
	return best, fmt.Sprintf("%q is ambiguous (%s); the text mentions %s, falling %s; chose %s, the reading on or soonest after every weekday the report looks back to", raw, describeReadings(readings), strings.Join(names, ", "), strings.Join(parts, " vs "), readings[best].Format("Monday 2 January 2006"))
}

// ResolveByPrintedWeekday settles an ambiguous date by a weekday printed
// on the dateline itself ("Monday 09-03-2020"): exactly one reading can fall
// on it. It returns -1 when the line names no weekday or none or several
// readings fit.
func ResolveByPrintedWeekday(line string, dateStart int, readings []time.Time) (int, string) {
	days := mentionedWeekdays(line)
	if len(days) != 1 {
		return -1, ""
	}
	found := -1
	for i, t := range readings {
		if t.Weekday() == days[0] {
			if found >= 0 {
				return -1, ""
			}
			found = i
		}
	}
	if found < 0 {
		return -1, ""
	}
	raw := strings.TrimSpace(line[dateStart:])
	return found, fmt.Sprintf("%q is ambiguous (%s); the dateline itself names %s, which only %s falls on", raw, describeReadings(readings), days[0], readings[found].Format("2 January 2006"))
}

func describeReadings(ts []time.Time) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.Format("Mon 2 Jan 2006"))
	}
	return strings.Join(s, " or ")
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}
