package timex

import (
	"time"

	"github.com/sitrep-org/sitrep/internal/extract/quantity"
)

// glue may stand between a weekday and the date that names the same day:
// "Monday, March 9", "Saturday (April 3)", "Sunday - 8 March".
var glue = set("(", ",", "-", "–", "—", "the")

// mergeWeekdayDates joins a weekday with a date right after it into one
// expression. When both name the same day they support each other. When
// they disagree, a date with its own year, not after publication, wins;
// otherwise the weekday wins (it counts back from publication, so it cannot
// land after it) and the expression is flagged FlagWeekdayConflict.
func mergeWeekdayDates(text string, toks []quantity.Token, out []Expr, kept []found, r *resolver) []Expr {
	res := out[:0]
	for k := 0; k < len(out); k++ {
		if k+1 < len(out) && isWeekday(kept[k]) && isDay(kept[k+1]) && glued(toks, kept[k].to, kept[k+1].from) {
			res = append(res, joinWeekday(text, toks, out[k], out[k+1], kept[k], kept[k+1], r))
			k++
			continue
		}
		res = append(res, out[k])
	}
	return res
}

func isWeekday(f found) bool {
	return gram.rules[f.rule].name == "weekday" && !f.c.mod("next") && !f.c.mod("coming")
}

func isDay(f found) bool {
	switch gram.rules[f.rule].name {
	case "date-md", "date-dm", "date-mdy", "date-dmy", "date-numeric":
		return true
	}
	return false
}

// glued reports whether only glue (at most two tokens) separates the two.
func glued(toks []quantity.Token, from, to int) bool {
	if to-from > 2 {
		return false
	}
	for i := from; i < to; i++ {
		if !glue[toks[i].Lower] {
			return false
		}
	}
	return true
}

func joinWeekday(text string, toks []quantity.Token, wd, day Expr, fw, fd found, r *resolver) Expr {
	e := Expr{Start: wd.Start, End: day.End, Precision: 1, Rule: "weekday+date"}
	if fd.to < len(toks) && toks[fd.to].Lower == ")" {
		e.End = toks[fd.to].End
	}
	e.Text = text[e.Start:e.End]
	explicitYear := fd.c.year != 0
	switch {
	case !day.Date.IsZero() && day.Date.Weekday() == fw.c.weekday:
		e.Date, e.Flags = day.Date, day.Flags
	case explicitYear && !day.Date.IsZero():
		e.Date, e.Flags = day.Date, append(day.Flags, FlagWeekdayConflict)
	case !wd.Date.IsZero():
		e.Date, e.Precision = wd.Date, wd.Precision
		e.Flags = append(append([]string{}, wd.Flags...), FlagWeekdayConflict)
		if !explicitYear && sameYearAfter(r, fd.c.month, fd.c.day) {
			e.Flags = append(e.Flags, FlagFutureCorrected)
		}
		if day.HasFlag(FlagNearFuture) {
			e.Flags = append(e.Flags, FlagNearFuture)
		}
	default: // nothing to compare against: publication and year unknown
		e.Flags = day.Flags
	}
	return e
}

// sameYearAfter reports whether month-day in the publication's year would
// fall after publication.
func sameYearAfter(r *resolver, m time.Month, d int) bool {
	if !r.known() {
		return false
	}
	t, ok := civil(r.limit.Year(), m, d)
	return ok && t.After(r.limit)
}

// rangeGlue joins the two ends of a range: "June to December 2015".
var rangeGlue = set("and", "to", "through", "until", "till", "-", "–", "—")

// shareYears gives the first end of a range the year the second end states:
// in "between June and December of 2015" and "October 1 to December 31,
// 2019" both ends are in that year (the year before, when the range crosses
// New Year).
func shareYears(out []Expr, kept []found, toks []quantity.Token, r *resolver) {
	for k := 0; k+1 < len(out); k++ {
		a, b := kept[k], kept[k+1]
		if a.c.year != 0 || b.c.year == 0 || a.c.month == 0 || b.c.month == 0 || b.from-a.to != 1 || !rangeGlue[toks[a.to].Lower] {
			continue
		}
		name := gram.rules[a.rule].name
		if name != "date-md" && name != "date-dm" && name != "month-relative" {
			continue
		}
		y := b.c.year
		if a.c.month > b.c.month {
			y--
		}
		day := a.c.day
		if day == 0 {
			day = 1
		}
		d, ok := civil(y, a.c.month, day)
		if !ok {
			continue
		}
		e := &out[k]
		e.Date, e.Flags = d, []string{FlagRange}
		if r.known() && d.After(r.limit) {
			e.Date, e.Flags = time.Time{}, []string{FlagRange, FlagAfterPub}
		}
	}
}
