package timex

import "time"

// Flags set on expressions.
const (
	FlagFutureCorrected = "future-corrected"    // the same-year reading was after publication
	FlagWeekdayConflict = "weekday-conflict"    // weekday and day of month disagree
	FlagNoPublication   = "no-publication-date" // relative, and publication is unknown
	FlagAfterPub        = "after-publication"   // the text names a later date: not dated
	FlagYearInferred    = "year-inferred"       // the year came from the publication date
	FlagNoYear          = "no-year"             // a day and month only, no way to infer the year
	FlagAmbiguousOrder  = "ambiguous-order"     // 03/04/2020: day-first and month-first both valid
	FlagImprecisePub    = "imprecise-publication-date"
	FlagVague           = "vague"      // "a few days ago"
	FlagSeason          = "season"     // precision 3 stands for a season
	FlagYearOnly        = "year-only"  // precision 3 stands for a whole year
	FlagAnaphoric       = "anaphoric"  // relative to another event ("two days later")
	FlagPartEarly       = "part:early" // "early", "beginning of"
	FlagPartMid         = "part:mid"
	FlagPartLate        = "part:late" // "late", "end of"
	FlagRange           = "range"     // "March 3-4": the first day
	FlagOvernight       = "overnight" // the night before publication
	FlagWindow          = "window"    // "in the last 24 hours": the start of a span up to publication
	// FlagNearFuture marks a day or month without a year whose reading in
	// the publication's year falls within three months after publication
	// ("set for April 14" in a March article): dated to the year before, as
	// a date never follows publication, but likely a scheduled event.
	FlagNearFuture = "near-future"
)

// result is what a resolver makes of one match. A zero date means the
// expression is recognised but cannot be dated.
type result struct {
	date  time.Time
	prec  int
	year  int
	flags []string
	drop  bool // not a date after all (e.g. 31 February)
}

// resolver dates matches against the publication date.
type resolver struct {
	pub   time.Time // midnight UTC; zero when unknown
	prec  int       // precision of pub
	limit time.Time // last day the article can have been written
}

func newResolver(pub time.Time, prec int) resolver {
	if pub.IsZero() {
		return resolver{}
	}
	p := midnight(pub)
	if prec < 1 || prec > 3 {
		prec = 1
	}
	limit := p
	switch prec {
	case 2:
		limit = p.AddDate(0, 0, 6)
	case 3:
		limit = time.Date(p.Year(), p.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return resolver{pub: p, prec: prec, limit: limit}
}

func (r *resolver) known() bool { return !r.pub.IsZero() }

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// civil returns the date y-m-d, or false when it does not exist.
func civil(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && t.Month() == m
}

// relative starts a result for an expression that needs the publication
// date; ok is false when it is unknown, and the result says so.
func (r *resolver) relative(prec int, c *caps) (result, bool) {
	res := result{prec: prec, flags: partFlags(c)}
	if !r.known() {
		res.flags = append(res.flags, FlagNoPublication)
		return res, false
	}
	return res, true
}

// coarsen widens a relative result to the publication date's precision:
// "on Monday" in an article dated only to a month is only that month.
func (r *resolver) coarsen(res result) result {
	if r.prec > res.prec && !res.date.IsZero() {
		res.prec = r.prec
		if res.date.After(r.pub) {
			res.date = r.pub
		}
		res.flags = append(res.flags, FlagImprecisePub)
	}
	return res
}

// absolute checks a fully given date against publication.
func (r *resolver) absolute(d time.Time, prec int, c *caps) result {
	res := result{date: d, prec: prec, flags: partFlags(c)}
	if r.known() && d.After(r.limit) {
		res.date = time.Time{}
		res.flags = append(res.flags, FlagAfterPub)
	}
	return res
}

// latestWeekday is the latest day on or before t that falls on wd.
func latestWeekday(t time.Time, wd time.Weekday) time.Time {
	back := (int(t.Weekday()) - int(wd) + 7) % 7
	return t.AddDate(0, 0, -back)
}

// partFlags reads "early", "mid", "late", "end of" from a match.
func partFlags(c *caps) []string {
	if c.mod("range") {
		return []string{FlagRange}
	}
	switch {
	case c.mod("early") || c.mod("beginning") || c.mod("start"):
		return []string{FlagPartEarly}
	case c.mod("mid") || c.mod("mid-") || c.mod("middle"):
		return []string{FlagPartMid}
	case c.mod("late") || c.mod("end") || c.mod("close"):
		return []string{FlagPartLate}
	}
	return nil
}

func hasLast(c *caps) bool { return c.mod("last") || c.mod("past") || c.mod("previous") }
