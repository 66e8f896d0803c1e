package timex

import "time"

// resolveDayYear dates "March 8, 2020" and "5 Feb 2024".
func resolveDayYear(r *resolver, c *caps) result {
	d, ok := civil(c.year, c.month, c.day)
	if !ok {
		return result{drop: true}
	}
	return r.absolute(d, 1, c)
}

// resolveDayNoYear dates "Oct. 9" and "9 October": the latest such day
// not after publication.
func resolveDayNoYear(r *resolver, c *caps) result {
	if _, ok := civil(2000, c.month, c.day); !ok { // 2000 is a leap year
		return result{drop: true}
	}
	if !r.known() {
		return result{prec: 1, flags: append(partFlags(c), FlagNoYear, FlagNoPublication)}
	}
	d, corrected := inferYear(r.limit, c.month, c.day)
	flags := append(partFlags(c), FlagYearInferred)
	if corrected {
		flags = append(flags, FlagFutureCorrected)
		if same, ok := civil(r.limit.Year(), c.month, c.day); ok && nearFuture(same, r.limit) {
			flags = append(flags, FlagNearFuture)
		}
	}
	return result{date: d, prec: 1, flags: flags}
}

// nearFuture reports whether d falls within three months after limit: a
// date read that way is more likely a scheduled event than one a year old.
func nearFuture(d, limit time.Time) bool {
	return d.After(limit) && d.Sub(limit) <= 92*24*time.Hour
}

// inferYear finds the latest month-day on or before limit; corrected says
// the limit's own year would have been too late.
func inferYear(limit time.Time, m time.Month, day int) (time.Time, bool) {
	corrected := false
	for y := limit.Year(); y > limit.Year()-9; y-- {
		d, ok := civil(y, m, day)
		if !ok {
			continue // 29 February outside leap years
		}
		if d.After(limit) {
			corrected = true
			continue
		}
		return d, corrected
	}
	return time.Time{}, corrected
}

// resolveNumeric dates "2020-03-08" and "09-03-2020". When day-first and
// month-first are both valid, day-first (the world's majority) wins unless
// it is after publication, or only month-first is within a month of it.
func resolveNumeric(r *resolver, c *caps) result {
	if c.numYearFirst {
		d, ok := civil(c.year, time.Month(c.numA), c.numB)
		if !ok || c.numA > 12 {
			return result{drop: true}
		}
		return r.absolute(d, 1, c)
	}
	dmy, okD := civil(c.year, time.Month(c.numB), c.numA)
	okD = okD && c.numB <= 12
	mdy, okM := civil(c.year, time.Month(c.numA), c.numB)
	okM = okM && c.numA <= 12
	switch {
	case okD && okM && c.numA != c.numB:
		pick := dmy
		if r.known() && !mdy.After(r.limit) && (dmy.After(r.limit) || (near(mdy, r.pub) && !near(dmy, r.pub))) {
			pick = mdy
		}
		res := r.absolute(pick, 1, c)
		res.flags = append(res.flags, FlagAmbiguousOrder)
		return res
	case okD:
		return r.absolute(dmy, 1, c)
	case okM:
		return r.absolute(mdy, 1, c)
	}
	return result{drop: true}
}

// resolveMonthYear dates "December 2017" and "March of 2019".
func resolveMonthYear(r *resolver, c *caps) result {
	return r.absolute(time.Date(c.year, c.month, 1, 0, 0, 0, 0, time.UTC), 3, c)
}

// resolveSeasonYear dates "the summer of 2014" to the season's first day;
// a winter of a year is taken as that year's January.
func resolveSeasonYear(r *resolver, c *caps) result {
	m := c.season
	if m == time.December {
		m = time.January
	}
	res := r.absolute(time.Date(c.year, m, 1, 0, 0, 0, 0, time.UTC), 3, c)
	res.flags = append(res.flags, FlagSeason)
	return res
}

// resolveYear dates "in 2014" to the year's first day with precision 3.
func resolveYear(r *resolver, c *caps) result {
	res := r.absolute(time.Date(c.year, 1, 1, 0, 0, 0, 0, time.UTC), 3, c)
	res.year = c.year
	res.flags = append(res.flags, FlagYearOnly)
	return res
}

// resolveMonthRelative dates "last August", "in August", "at the end of
// last July": the latest such month not after publication, and for "last"
// strictly before publication's month.
func resolveMonthRelative(r *resolver, c *caps) result {
	res, ok := r.relative(3, c)
	if !ok {
		return res
	}
	y := r.limit.Year()
	d := time.Date(y, c.month, 1, 0, 0, 0, 0, time.UTC)
	thisMonth := time.Date(r.pub.Year(), r.pub.Month(), 1, 0, 0, 0, 0, time.UTC)
	if d.After(r.limit) || (hasLast(c) && !d.Before(thisMonth)) {
		if !hasLast(c) && nearFuture(d, r.limit) {
			res.flags = append(res.flags, FlagNearFuture)
		}
		d = d.AddDate(-1, 0, 0)
	}
	res.date = d
	res.flags = append(res.flags, FlagYearInferred)
	return r.coarsen(res)
}

// resolveSeasonRelative dates "last summer" (the latest one over before
// publication) and "this summer" (the latest one begun).
func resolveSeasonRelative(r *resolver, c *caps) result {
	res, ok := r.relative(3, c)
	res.flags = append(res.flags, FlagSeason)
	if !ok {
		return res
	}
	last := hasLast(c)
	for y := r.limit.Year(); y > r.limit.Year()-3; y-- {
		start := time.Date(y, c.season, 1, 0, 0, 0, 0, time.UTC)
		if (last && !start.AddDate(0, 3, 0).After(r.pub)) || (!last && !start.After(r.limit)) {
			res.date = start
			break
		}
	}
	return r.coarsen(res)
}

// resolveWeekday dates "on Monday", "late Sunday", "Monday night": the
// latest such day on or before publication (publication day allowed);
// "last Monday" is strictly before it; "next Monday" is not dated.
func resolveWeekday(r *resolver, c *caps) result {
	if c.mod("next") || c.mod("coming") {
		return result{prec: 1, flags: []string{FlagAfterPub}}
	}
	res, ok := r.relative(1, c)
	if !ok {
		return res
	}
	from := r.limit
	if hasLast(c) {
		from = r.pub.AddDate(0, 0, -1)
	}
	res.date = latestWeekday(from, c.weekday)
	return r.coarsen(res)
}

// resolveDayWord dates "yesterday", "today", "tonight", "earlier today".
func resolveDayWord(r *resolver, c *caps) result {
	res, ok := r.relative(1, c)
	if !ok {
		return res
	}
	res.date = r.pub
	if c.mod("yesterday") {
		res.date = r.pub.AddDate(0, 0, -1)
	}
	return r.coarsen(res)
}

func resolveDayBeforeYesterday(r *resolver, c *caps) result {
	res, ok := r.relative(1, c)
	if ok {
		res.date = r.pub.AddDate(0, 0, -2)
	}
	return r.coarsen(res)
}

// resolveLastNight dates "last night" to the day before publication and
// "this morning" to publication day.
func resolveLastNight(r *resolver, c *caps) result {
	res, ok := r.relative(1, c)
	if !ok {
		return res
	}
	res.date = r.pub
	if c.mod("last") {
		res.date = r.pub.AddDate(0, 0, -1)
	}
	return r.coarsen(res)
}

// near reports whether d is within 31 days before pub.
func near(d, pub time.Time) bool {
	return !d.After(pub) && pub.Sub(d) <= 31*24*time.Hour
}
