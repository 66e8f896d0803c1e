package timex

// rule is one temporal pattern and the resolver that dates it.
type rule struct {
	name    string
	pat     []elem
	resolve func(r *resolver, c *caps) result
}

// Literal word groups shared by several rules.
var (
	lastWords  = []string{"last", "past", "previous"}
	edgeWords  = []string{"end", "beginning", "start", "middle", "close"}
	spanWords  = []string{"early", "late", "mid", "mid-", "earlier", "later"}
	monthPreps = []string{"in", "since", "during", "until", "by", "of", "from", "before", "after", "through", "throughout", "last", "past", "previous", "this", "early", "late", "mid", "between", "and", "to"}
	yearPreps  = []string{"in", "since", "during", "until", "by", "of", "from", "before", "after", "through", "throughout", "early", "late", "mid", "between", "and", "to"}
)

// rules are tried at every token; the longest match wins, then the first.
// Patterns name the words; resolvers hold the calendar arithmetic.
var rules = []rule{
	// absolute dates
	{"date-numeric", seq(c(cNumDate)), resolveNumeric},
	{"date-mdy", seq(c(cMonth), ow("."), c(cDay), ow(","), c(cYear)), resolveDayYear},
	{"date-dmy", seq(c(cDay), ow("of"), c(cMonth), ow("."), ow(","), c(cYear)), resolveDayYear},
	{"date-md", seq(c(cMonth), ow("."), c(cDay)), resolveDayNoYear},
	{"date-dm", seq(ow("the"), c(cDay), ow("of"), c(cMonth)), resolveDayNoYear},
	{"month-year", seq(ow(edgeWords...), ow("of"), ow(spanWords...), c(cMonth), ow("of"), ow(","), c(cYear)), resolveMonthYear},
	{"season-year", seq(ow("the"), ow(spanWords...), c(cSeason), ow("of"), c(cYear)), resolveSeasonYear},
	{"year", seq(w(yearPreps...), c(cYear)), resolveYear},
	{"year", seq(w(yearPreps...), w("the"), w("year"), c(cYear)), resolveYear},
	// a month named without day or year, anchored by a word before it
	{"month-relative", seq(ow("at", "by", "in", "toward", "towards"), ow("the"), ow(edgeWords...), ow("of"), w(monthPreps...), c(cMonth)), resolveMonthRelative},
	{"season-relative", seq(ow("in", "during", "over", "since"), ow("the"), ow(spanWords...), w(append(append([]string{}, lastWords...), "this")...), c(cSeason)), resolveSeasonRelative},
	// weekdays
	{"weekday", seq(ow(append(append([]string{}, lastWords...), "this", "early", "late", "next", "coming", "since", "until", "by", "overnight")...), ow("on"), c(cWeekday), oc(cPart)), resolveWeekday},
	{"overnight", seq(w("overnight")), resolveOvernight},
	// days relative to publication
	{"day-relative", seq(ow("earlier", "early", "late", "later"), w("yesterday", "today", "tonight"), oc(cPart)), resolveDayWord},
	{"day-before-yesterday", seq(w("the"), w("day"), w("before"), w("yesterday")), resolveDayBeforeYesterday},
	{"last-night", seq(ow("late", "early"), w("last", "this"), c(cPart)), resolveLastNight},
	{"ago", seq(ow("about", "some", "nearly", "almost", "around", "roughly", "over", "just"), c(cCount), c(cUnit), w("ago")), resolveAgo},
	// anaphora: relative to another event, not to publication
	{"anaphoric", seq(ow("about", "some", "nearly", "almost", "around", "just"), c(cCount), c(cUnit), w("earlier", "later", "before", "after", "afterwards")), resolveAnaphoric},
	{"anaphoric-day", seq(w("the", "a"), w("next", "following", "previous", "day", "same"), w("day", "before", "earlier", "later", "after", "night", "morning", "week")), resolveAnaphoric},
	{"period-relative", seq(ow("over", "during", "in"), ow("the"), ow(spanWords...), w(append(append([]string{}, lastWords...), "this")...), w("week", "month", "year", "weekend")), resolvePeriod},
	{"past-n", seq(ow("in", "over", "during", "within", "for"), ow("the"), w("last", "past", "previous"), c(cCount), c(cUnit)), resolvePastN},
	{"recent", seq(ow("in", "over", "during", "within"), ow("the"), w("recent", "past", "last", "coming", "next"), ow("few", "several", "couple"), ow("of"), c(cUnit)), resolveRecent},
	{"the-weekend", seq(w("over", "at", "during"), w("the"), w("weekend")), resolveWeekend},
}
