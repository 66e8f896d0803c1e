package quantity

import "strings"

// maxNP bounds a counted noun phrase, in tokens.
const maxNP = 9

// item reads one counted noun phrase at token i: an optional qualifier, a
// figure (digits, words or a vague quantifier) and the noun phrase after it;
// or "a"/"an" and a phrase naming a person ("a commanding officer").
func (s *scanner) item(i int) (item, bool) {
	if i >= len(s.toks) {
		return item{}, false
	}
	qual, j := s.qualifier(i)
	if leadDeterminers[s.lower(j)] && s.startsNumber(j+1) {
		j++
	}
	np, ok := s.number(j, qual == "between")
	if !ok && j > i {
		// "some" is a qualifier before a figure and vague on its own
		qual, j = "", i
		np, ok = parseNumber(s.toks, j)
	}
	if ok && !s.yearLike(j, np) && !s.notACount(np.end) {
		ws := s.skipLead(np.end)
		we := s.nounPhrase(ws)
		if we > ws && thingNouns[s.toks[s.head(ws, we)].Lower] {
			return item{}, false
		}
		if qual == "between" {
			qual = ""
		}
		return item{start: i, end: we, n: np.n, vague: np.vague, round: np.round, rng: np.rng, qual: qual, whoStart: ws, whoEnd: we}, true
	}
	if n, ok := reflexives[s.lower(j)]; ok {
		return item{start: i, end: j + 1, n: n, vague: n < 0, whoStart: j, whoEnd: j + 1}, true
	}
	if (s.is(j, "a") || s.is(j, "an")) && s.is(j+1, "family") && s.is(j+2, "of") {
		if np, ok := parseNumber(s.toks, j+3); ok && !np.vague { // "a family of five"
			return item{start: i, end: np.end, n: np.n, qual: qual, whoStart: j + 1, whoEnd: j + 2}, true
		}
	}
	if singular[s.lower(j)] {
		we := s.nounPhrase(j + 1)
		for k := j + 1; k < we; k++ {
			if personNouns[s.toks[k].Lower] && s.personHead(k, we) {
				return item{start: i, end: we, n: 1, qual: qual, whoStart: j + 1, whoEnd: we}, true
			}
		}
	}
	return item{}, false
}

// objectItem is item, plus one person named by a definite phrase, which
// only counts as the object of a casualty word: "killed the village chief".
func (s *scanner) objectItem(k int) (item, bool) {
	if it, ok := s.item(k); ok {
		return it, true
	}
	if !s.is(k, "the") {
		return item{}, false
	}
	we := s.nounPhrase(k + 1)
	if we <= k+1 {
		return item{}, false
	}
	h := s.head(k+1, we)
	if w := s.toks[h].Lower; !personNouns[w] || pluralPersons[w] || !s.personHead(h, we) {
		return item{}, false
	}
	return item{start: k, end: we, n: 1, definite: true, whoStart: k + 1, whoEnd: we}, true
}

// pluralPersons are the plural words among personNouns.
var pluralPersons = set("people", "policemen", "peshmerga", "personnel")

// singular determiners count one person: "a soldier", "his brother".
var singular = set("a", "an", "his", "her", "their", "its")

// head returns the index of the head noun of the phrase [ws, we): the last
// word before "of", or the last word.
func (s *scanner) head(ws, we int) int {
	for k := ws; k < we; k++ {
		if s.toks[k].Lower == "of" && k > ws {
			return k - 1
		}
	}
	return we - 1
}

// personHead reports whether the person noun at k heads its phrase (ending
// at we) rather than modifying another noun: it ends the phrase, or "of",
// a possessive or a participle follows ("a man accused of ...") — not "a
// student demonstration".
func (s *scanner) personHead(k, we int) bool {
	if k+1 >= we {
		return true
	}
	next := s.toks[k+1].Lower
	return next == "of" || s.toks[k+1].Kind == Punct || strings.HasSuffix(next, "ed") || strings.HasSuffix(next, "ing")
}

// headOnly triggers are nouns that can end a counted phrase ("four
// hostages", "the bodies of three shepherds").
func headOnly(tr trigger) bool { return tr.head && !tr.passive && !tr.active }

// reflexives count the attacker among the dead ("blew himself up, killing
// himself and six others"); -1 is vague.
var reflexives = map[string]int{"himself": 1, "herself": 1, "themselves": -1}

// notCountWords after a figure make it a time, an age or a measure:
// "around 5 p.m.", "four years old", "3 km".
var notCountWords = set("p", "a", "am", "pm", "o'clock", "gmt", "utc",
	"hours", "hrs", "minutes", "km", "kilometres", "kilometers", "miles",
	"metres", "meters", "percent", "per", "%", "year", "years", "month",
	"months", "week", "weeks", "day", "days", "times", "degrees", ":")

// notACount reports whether the figure ending before token k is a time,
// an age or a measure rather than a number of people.
func (s *scanner) notACount(k int) bool {
	return k < len(s.toks) && notCountWords[s.toks[k].Lower]
}

// rangeWords join the two ends of a range of figures: "10 to 15", "10-15";
// "and" only after "between".
var rangeWords = set("to", "or", "-", "–")

// number reads a figure at j, or a range of two, which ACLED codes by its
// lower end ("between 10 and 15 people", "20-25 dead").
func (s *scanner) number(j int, between bool) (numPhrase, bool) {
	if j >= len(s.toks) {
		return numPhrase{}, false
	}
	if t := s.toks[j]; t.Kind == Num {
		if lo, hi, ok := strings.Cut(t.Text, "-"); ok {
			a, okA := Number(lo)
			b, okB := Number(hi)
			if okA && okB && a < b {
				return numPhrase{n: a, rng: true, end: j + 1}, true
			}
		}
	}
	np, ok := parseNumber(s.toks, j)
	if !ok || np.vague || np.end >= len(s.toks) {
		return np, ok
	}
	if w := s.toks[np.end].Lower; rangeWords[w] || (between && w == "and") {
		if hi, ok := parseNumber(s.toks, np.end+1); ok && !hi.vague && hi.n > np.n {
			np.end, np.rng = hi.end, true
		}
	}
	return np, true
}

// leadDeterminers may stand before a figure: "killing all five passengers".
var leadDeterminers = set("the", "all", "its", "their", "his", "her", "our")

func (s *scanner) startsNumber(k int) bool {
	_, ok := parseNumber(s.toks, k)
	return ok
}

// qualifier reads a bound such as "at least" at i and returns its canonical
// form and the index after it; i itself when there is none.
func (s *scanner) qualifier(i int) (string, int) {
	for _, q := range qualifiers {
		if hasWords(s.toks, i, q.words) {
			return q.canon, i + len(q.words)
		}
	}
	return "", i
}

// yearLike reports whether a lone four-digit figure is a year ("in 2019")
// rather than a count: years count only when a person noun or a casualty
// noun follows them.
func (s *scanner) yearLike(j int, np numPhrase) bool {
	t := s.toks[j]
	if np.end != j+1 || t.Kind != Num || len(t.Text) != 4 {
		return false
	}
	if t.Text < "1800" || t.Text > "2199" {
		return false
	}
	next := s.lower(j + 1)
	if personNouns[next] || next == "people" || next == "civilians" {
		return false
	}
	if tr, ok := triggers[next]; ok && tr.head {
		return false
	}
	return true
}

// skipLead passes over words like "additional" that open a noun phrase.
func (s *scanner) skipLead(k int) int {
	for k < len(s.toks) && npSkipLead[s.toks[k].Lower] && k+1 < len(s.toks) && s.toks[k+1].Kind == Word && !npStop[s.toks[k+1].Lower] {
		k++
	}
	return k
}

// nounPhrase returns the end of the noun phrase starting at token k: words
// up to a stop word, a casualty word, a figure or punctuation; "of" joins a
// following phrase ("members of the security forces", "two of them").
func (s *scanner) nounPhrase(k int) int {
	start := k
	for k < len(s.toks) && k-start < maxNP {
		t := s.toks[k]
		if t.Kind == Punct {
			if len(t.Lower) > 1 && k > start { // possessive 's
				k++
				continue
			}
			break
		}
		if (t.Kind == Num && !ageWord(t.Lower)) || npStop[t.Lower] || isWordNumber(t.Lower) || s.mannerAdverb(k) {
			break
		}
		if tr, ok := triggers[t.Lower]; ok && !headOnly(tr) {
			break
		}
		if t.Lower == "of" {
			nx := s.lower(k + 1)
			if k == start && nx == "" {
				break
			}
			if _, trig := triggers[nx]; trig || npStop[nx] || k+1 >= len(s.toks) || s.toks[k+1].Kind != Word {
				break
			}
		}
		k++
	}
	return k
}

// statCues are phrases that mark a sentence as an aggregate or an estimate.
var statCues = []struct {
	words []string
	name  string
}{
	{[]string{"so", "far", "this", "year"}, "year-to-date"},
	{[]string{"since", "the", "start", "of"}, "cumulative"},
	{[]string{"since", "the", "beginning", "of"}, "cumulative"},
	{[]string{"per", "year"}, "rate"},
	{[]string{"per", "month"}, "rate"},
	{[]string{"each", "year"}, "rate"},
	{[]string{"every", "year"}, "rate"},
	{[]string{"annually"}, "rate"},
	{[]string{"on", "average"}, "rate"},
	{[]string{"to", "date"}, "cumulative"},
	{[]string{"over", "the", "past"}, "cumulative"},
	{[]string{"over", "the", "last"}, "cumulative"},
	{[]string{"in", "the", "past"}, "cumulative"},
	{[]string{"at", "large"}, "estimate"},
	{[]string{"estimated"}, "estimate"},
	{[]string{"estimates"}, "estimate"},
	{[]string{"estimate"}, "estimate"},
	{[]string{"tally"}, "total"},
	{[]string{"statistics"}, "total"},
	{[]string{"figures"}, "total"},
}

// statStarters are the first words of statCues.
var statStarters = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range statCues {
		m[c.words[0]] = true
	}
	return m
}()

// aggregateNouns counted by a figure at least this large make a sentence an
// aggregate: "139 attacks", "18,000 members". Events count from ten on,
// people from a thousand, below which a single battle is plausible.
var aggregateNouns = map[string]int{
	"attacks": 10, "operations": 10, "incidents": 10, "raids": 10,
	"bombings": 10, "assaults": 10, "strikes": 10, "airstrikes": 10,
	"ambushes": 10, "clashes": 10, "explosions": 10, "killings": 10,
	"kidnappings": 10, "assassinations": 10, "executions": 10, "events": 10,
	"cases": 10, "detainees": 1000, "prisoners": 1000, "fighters": 1000,
	"members": 1000, "troops": 1000, "personnel": 1000, "militants": 1000,
	"soldiers": 1000, "recruits": 1000,
}

// periodPreps before a bare year make a span of time: "in 2019 alone",
// "since 2014", "throughout 2020".
var periodPreps = set("since", "throughout", "during")

// IsStatistic reports whether a sentence reads as a yearly or cumulative
// aggregate or an estimate ("in 2019 alone ... 274 people were killed",
// "139 attacks", "estimated at 18,000", "around 1,000 fighters at large"),
// so that its figures are not coded as one incident's casualties.
func IsStatistic(text string) bool {
	_, ok := StatisticCue(text)
	return ok
}

// StatisticCue is IsStatistic with the name of the cue that decided, for
// evidence ("year-aggregate", "estimate", "aggregate-count", ...).
func StatisticCue(text string) (string, bool) {
	buf := borrowTokens(text)
	defer returnTokens(buf)
	return statisticCue(*buf)
}

// IsStatisticIn is IsStatistic for a sentence already tokenized: toks
// must be Tokenize(text).
func IsStatisticIn(toks []Token) bool {
	_, ok := statisticCue(toks)
	return ok
}

func statisticCue(toks []Token) (string, bool) {
	cue := ""
	figure := false
	perfect, inYear := false, false // "has killed", "in 2009"
	for i := range toks {
		if toks[i].Kind == Punct {
			continue
		}
		if !perfect && perfectToll(toks, i) {
			perfect = true
		}
		if aggregateCount(toks, i) {
			return "aggregate-count", true
		}
		if !figure && isFigure(toks, i) {
			figure = true
		}
		if cue != "" {
			continue
		}
		if statShapes.may(toks[i].Lower) && statStarters[toks[i].Lower] {
			for _, c := range statCues {
				if hasWords(toks, i, c.words) {
					cue = c.name
					break
				}
			}
		}
		if isYearToken(toks[i]) && i > 0 {
			prev := toks[i-1].Lower
			if prev == "in" && i+1 < len(toks) && toks[i+1].Lower == "alone" {
				return "year-aggregate", true
			}
			if periodPreps[prev] {
				cue = "year-aggregate"
			}
			if prev == "in" {
				inYear = true
			}
		}
	}
	if cue == "" && perfect && inYear {
		// "the conflict, which began in 2009, has killed more than 40,000":
		// a toll in the present perfect counted from a year is cumulative
		cue = "toll-since-year"
	}
	// a cue alone ("the worst attack since 2017") says nothing about figures
	return cue, cue != "" && figure
}

// perfectTolls are the participles of a cumulative toll after has/have.
var perfectTolls = set("killed", "claimed", "left", "displaced")

// perfectToll reports "has killed" or "have claimed" at token i, with at
// most one adverb between ("has already killed").
func perfectToll(toks []Token, i int) bool {
	if w := toks[i].Lower; w != "has" && w != "have" {
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+2; k++ {
		if perfectTolls[toks[k].Lower] {
			return true
		}
		if toks[k].Kind == Punct {
			return false
		}
	}
	return false
}

// isFigure reports whether toks[i] starts a count other than a year or one.
func isFigure(toks []Token, i int) bool {
	if isYearToken(toks[i]) || !canStartItem(toks[i]) {
		return false
	}
	np, ok := parseNumber(toks, i)
	return ok && !np.vague && (np.n >= 2 || np.round)
}

func isYearToken(t Token) bool {
	return t.Kind == Num && len(t.Text) == 4 && t.Text >= "1900" && t.Text <= "2199"
}

// aggregateCount reports whether toks[i] starts a figure counting events or
// a force at the scale of aggregateNouns ("139 terrorist attacks").
func aggregateCount(toks []Token, i int) bool {
	if isYearToken(toks[i]) || !canStartItem(toks[i]) {
		return false
	}
	np, ok := parseNumber(toks, i)
	if !ok || np.vague || np.end >= len(toks) {
		return false
	}
	k := np.end
	if _, agg := aggregateNouns[toks[k].Lower]; !agg && k+1 < len(toks) {
		k++ // one modifier: "139 terrorist attacks"
	}
	min, agg := aggregateNouns[toks[k].Lower]
	return agg && np.n >= min
}

// mannerAdverb reports whether token k is an -ly adverb right before a
// casualty word ("two others heavily injured").
func (s *scanner) mannerAdverb(k int) bool {
	if !strings.HasSuffix(s.toks[k].Lower, "ly") {
		return false
	}
	_, ok := triggers[s.lower(k+1)]
	return ok
}

// ageWord reports whether a figure token is an age used as an adjective:
// "8-year-old", "21-year-old".
func ageWord(w string) bool {
	return strings.HasSuffix(w, "-year-old") || strings.HasSuffix(w, "-month-old")
}
