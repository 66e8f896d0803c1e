package timex

import "time"

// resolveAgo dates "three weeks ago", "two days ago", "a year ago". A
// vague count ("a few days ago") dates the start of the window it allows.
func resolveAgo(r *resolver, c *caps) result {
	prec := units[c.unit]
	res, ok := r.relative(prec, c)
	if !ok {
		return res
	}
	if c.vague {
		return r.vagueAgo(res, c.unit)
	}
	switch c.unit {
	case "hour", "hours":
		res.date = r.pub.AddDate(0, 0, -c.n/24)
	case "day", "days":
		res.date = r.pub.AddDate(0, 0, -c.n)
		if c.n > 6 {
			res.prec = 2
		}
	case "decade", "decades":
		res.year = r.pub.Year() - 10*c.n
		res.date = time.Date(res.year, 1, 1, 0, 0, 0, 0, time.UTC)
		res.flags = append(res.flags, FlagYearOnly)
	case "week", "weeks":
		res.date = r.pub.AddDate(0, 0, -7*c.n)
	case "fortnight":
		res.date = r.pub.AddDate(0, 0, -14*c.n)
	case "month", "months":
		d := r.pub.AddDate(0, -c.n, 0)
		res.date = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
	default: // years
		res.year = r.pub.Year() - c.n
		res.date = time.Date(res.year, 1, 1, 0, 0, 0, 0, time.UTC)
		res.flags = append(res.flags, FlagYearOnly)
	}
	return r.coarsen(res)
}

// vagueAgo dates "a few days ago" to a week before publication (precision
// 2) and "several weeks ago" to about a month before (precision 3); vaguer
// spans stay undated.
func (r *resolver) vagueAgo(res result, unit string) result {
	res.flags = append(res.flags, FlagVague)
	switch unit {
	case "day", "days":
		res.date, res.prec = r.pub.AddDate(0, 0, -7), 2
	case "week", "weeks", "fortnight":
		res.date, res.prec = r.pub.AddDate(0, -1, 0), 3
	default:
		res.prec = 3
	}
	return r.coarsen(res)
}

// resolveAnaphoric marks "two days later" and "the next day": they count
// from another event the caller must find, so no date is given here.
func resolveAnaphoric(_ *resolver, c *caps) result {
	prec := 1
	if p, ok := units[c.unit]; ok {
		prec = p
	}
	return result{prec: prec, flags: []string{FlagAnaphoric}}
}

// resolvePeriod dates "last week", "earlier this month", "late last year",
// "this past weekend" to the start of the period.
func resolvePeriod(r *resolver, c *caps) result {
	unit := "week"
	for _, u := range []string{"month", "year", "weekend"} {
		if c.mod(u) {
			unit = u
		}
	}
	prec := map[string]int{"week": 2, "weekend": 2, "month": 3, "year": 3}[unit]
	res, ok := r.relative(prec, c)
	if !ok {
		return res
	}
	back := 0
	if hasLast(c) {
		back = 1
	}
	switch unit {
	case "week":
		res.date = startOfWeek(r.pub.AddDate(0, 0, -7*back))
		if c.mod("past") || c.mod("previous") {
			res.date = r.pub.AddDate(0, 0, -7)
		}
	case "weekend":
		res.date = latestWeekday(r.pub.AddDate(0, 0, -2*back), time.Saturday)
	case "month":
		res.date = time.Date(r.pub.Year(), r.pub.Month()-time.Month(back), 1, 0, 0, 0, 0, time.UTC)
	case "year":
		res.year = r.pub.Year() - back
		res.date = time.Date(res.year, 1, 1, 0, 0, 0, 0, time.UTC)
		res.flags = append(res.flags, FlagYearOnly)
	}
	return r.coarsen(res)
}

// resolveWeekend dates "over the weekend" to the latest Saturday on or
// before publication.
func resolveWeekend(r *resolver, c *caps) result {
	res, ok := r.relative(2, c)
	if ok {
		res.date = latestWeekday(r.pub, time.Saturday)
	}
	return r.coarsen(res)
}

// startOfWeek is the Monday on or before t.
func startOfWeek(t time.Time) time.Time {
	return latestWeekday(t, time.Monday)
}

// resolveOvernight dates a bare "overnight" to the night before
// publication.
func resolveOvernight(r *resolver, c *caps) result {
	res, ok := r.relative(1, c)
	res.flags = append(res.flags, FlagOvernight)
	if ok {
		res.date = r.pub.AddDate(0, 0, -1)
	}
	return r.coarsen(res)
}

// resolveRecent dates "in recent days", "over the past few weeks" to the
// start of the window they open before publication, flagged vague; "the
// coming days" is after publication.
func resolveRecent(r *resolver, c *caps) result {
	if c.mod("coming") || c.mod("next") {
		return result{prec: 2, flags: []string{FlagAfterPub}}
	}
	res, ok := r.relative(2, c)
	res.flags = append(res.flags, FlagVague)
	if !ok {
		return res
	}
	switch c.unit {
	case "day", "hour", "hours": // "in the last day", "in recent hours"
		res.date, res.prec, res.flags = r.pub.AddDate(0, 0, -1), 1, partFlags(c)
		return r.coarsen(res)
	case "week":
		res.date, res.flags = r.pub.AddDate(0, 0, -7), partFlags(c)
		return r.coarsen(res)
	}
	switch units[c.unit] {
	case 3: // months, years
		res.date, res.prec = r.pub.AddDate(0, -3, 0), 3
	case 2:
		res.date, res.prec = r.pub.AddDate(0, -1, 0), 3
	default:
		res.date = r.pub.AddDate(0, 0, -7)
	}
	return r.coarsen(res)
}

// resolvePastN dates "in the last 24 hours", "over the past two weeks" to
// the start of the window, flagged FlagWindow.
func resolvePastN(r *resolver, c *caps) result {
	if c.vague { // "the past few weeks"
		return resolveRecent(r, c)
	}
	res, ok := r.relative(units[c.unit], c)
	res.flags = append(res.flags, FlagWindow)
	if !ok {
		return res
	}
	n := max(c.n, 1)
	switch c.unit {
	case "hour", "hours":
		res.date = r.pub.AddDate(0, 0, -max(1, (n+23)/24))
	case "day", "days":
		res.date = r.pub.AddDate(0, 0, -n)
		res.prec = 2
	case "week", "weeks", "fortnight":
		res.date, res.prec = r.pub.AddDate(0, 0, -7*n), 2
		if n > 2 {
			res.prec = 3
		}
	case "month", "months":
		res.date = r.pub.AddDate(0, -n, 0)
	default:
		res.date = r.pub.AddDate(-n, 0, 0)
	}
	return r.coarsen(res)
}
