package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/extract/quantity"
)

// weekdays are matched by full name only: "sat", "sun" and "wed" are words.
var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday,
}

// months holds full names and the usual abbreviations. "may" and the
// abbreviations that are also words ("mar", "jan") only count next to a day
// or a year, or with a capital letter after a preposition; see monthAt.
var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
	"december": 12,
	"jan":      1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// seasons start on the first day of a meteorological (northern) season.
var seasons = map[string]time.Month{
	"spring": time.March, "summer": time.June, "autumn": time.September,
	"fall": time.September, "winter": time.December,
}

// dayParts may follow a weekday or a relative day: "Monday night".
var dayParts = set("morning", "afternoon", "evening", "night", "dawn",
	"midday", "noon", "midnight", "daybreak", "overnight")

// units of "N units ago", with the precision a figure of them carries.
var units = map[string]int{
	"hour": 1, "hours": 1, "day": 1, "days": 1, "week": 2, "weeks": 2,
	"fortnight": 2, "month": 3, "months": 3, "year": 3, "years": 3,
	"decade": 3, "decades": 3,
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// monthOf reads a month token. Short forms and "May" need a capital letter
// so that "may", "mar" and "dec" in running text are not months.
func monthOf(t quantity.Token) (time.Month, bool) {
	m, ok := months[t.Lower]
	if !ok {
		return 0, false
	}
	full := len(t.Lower) > 3 && t.Lower != "sept"
	if t.Lower == "may" || !full {
		if t.Text[0] < 'A' || t.Text[0] > 'Z' {
			return 0, false
		}
	}
	return m, true
}

// dayOf reads a day of the month: "9", "09", "9th", "1st", "22nd".
func dayOf(t quantity.Token) (int, bool) {
	if t.Kind != quantity.Num || len(t.Lower) > 5 {
		return 0, false
	}
	s := t.Lower
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suf) {
			s = s[:len(s)-2]
			break
		}
	}
	if a, b, ok := strings.Cut(s, "-"); ok { // a range, "3-4"
		d2, err := strconv.Atoi(b)
		if err != nil || len(b) > 2 {
			return 0, false
		}
		if d, ok := dayOf(quantity.Token{Lower: a, Kind: quantity.Num}); ok && d < d2 && d2 <= 31 {
			return d, true
		}
		return 0, false
	}
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(s)
	if err != nil || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

// yearOf reads a four-digit year from 1900 to 2199.
func yearOf(t quantity.Token) (int, bool) {
	if t.Kind != quantity.Num || len(t.Lower) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.Lower)
	if err != nil || y < 1900 || y > 2199 {
		return 0, false
	}
	return y, true
}

// numericDate splits "2020-03-08", "09-03-2020", "9/3/2020" or "09.03.20"
// into its three parts and says whether the year comes first.
func numericDate(t quantity.Token) (a, b, c int, yearFirst, ok bool) {
	if t.Kind != quantity.Num || len(t.Text) < 6 || len(t.Text) > 24 {
		return 0, 0, 0, false, false
	}
	text := t.Text
	if len(text) > 10 && (text[10] == 'T' || text[10] == 't') {
		text = text[:10] // ISO 8601 with a time: "2015-01-07T10"
	}
	parts := strings.FieldsFunc(text, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) != 3 {
		return 0, 0, 0, false, false
	}
	var v [3]int
	for k, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || len(p) > 4 {
			return 0, 0, 0, false, false
		}
		v[k] = n
	}
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		return v[0], v[1], v[2], true, true
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && (len(parts[2]) == 4 || len(parts[2]) == 2):
		if len(parts[2]) == 2 {
			v[2] += 2000
		}
		return v[0], v[1], v[2], false, true
	}
	return 0, 0, 0, false, false
}
