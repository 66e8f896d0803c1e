package ingest

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/sitrep-org/sitrep/internal/article"
)

// outletRule reads an outlet's name from a line of the page. Strong rules
// (a site naming itself) decide alone; weak ones ("told Rudaw") only add up,
// because a report also quotes other outlets.
type outletRule struct {
	name   string
	weight int
	re     *regexp.Regexp // group 1 is the outlet
	hints  []string       // the lower-cased line must contain one of these
	title  bool           // only the page's first line (its headline) is read
	// starts, when set, are the words every match of re begins with, at a
	// word boundary (re starts with \b): the rule is then tried only where
	// one of them occurs instead of at every byte of a long paragraph.
	starts []string
	// sep, when set, is a word (between white space) every match holds
	// among the line's last sepWithin words: the title rules end in a
	// short site name after it, and their lazy headline prefix costs time
	// in proportion to the line, which on a page whose first line is a
	// long paragraph was most of the outlet rules' time.
	sep       []string
	sepWithin int
	need      hintBits       // this rule's bit in the hint index (set by newRuleBook)
	pre       *prefilter     // what an anchored re's match can begin with (set by newRuleBook)
	post      *prefilter     // what it can end with, read backwards (set by newRuleBook)
	at        *regexp.Regexp // re anchored at a start (set by newRuleBook)
}

const minOutletScore = 2

const properName = `(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:of|and|for|the|al|&)?\s*\p{Lu}[\p{L}\p{N}&.'’-]*){0,5})`

// siteNameWords is the most words properName spans when split at white
// space: a first word, then five more, each of which may be a connector
// and a word.
const siteNameWords = 1 + 5*2

// headline is a title before a site-name suffix: four words or more, so
// that a breadcrumb ("World News | Iraq") is not read as one.
const headline = `^\S+(?:\s+\S+){3,}?`

var outletRules = []outletRule{
	{name: "home-page-promo", weight: 3, re: regexp.MustCompile(`(?i)^visit\s+(?-i:the\s+)?(.{2,}?)(?:['’]s?)?\s+(?:home ?page|homepage|website|site)\b`), hints: []string{"visit"}},
	{name: "original-article", weight: 3, re: regexp.MustCompile(`(?i)^read the original article on\s+(.{2,60}?)\.?$`), hints: []string{"original article"}},
	{name: "comment-policy", weight: 3, re: regexp.MustCompile(`^(.{2,}?)\s+moderates all comments`), hints: []string{"moderates"}},
	{name: "copyright-reserved", weight: 3, re: regexp.MustCompile(`(?i)\b(?:copy)?rights(?: are)? reserved (?:to|by|for)\s+(?:the\s+)?(.{2,}?)\s*\.?$`), hints: []string{"reserved"}},
	{name: "copyright", weight: 3, re: regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?([^.|]{2,}?)\s*\.?\s*(?:[.|,-]?\s*all rights reserved\.?)?$`), hints: []string{"©", "(c)", "copyright"}},
	{name: "wire-dateline", weight: 2, re: regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{1,30}(?:,[^()]{1,40})?\s*\(([^()]{2,60})\)\s*[-–—]`), hints: []string{")"}},
	{name: "agency-credit", weight: 2, re: regexp.MustCompile(`^` + properName + `\s+\(\p{Lu}{2,8}\)\s*:`), hints: []string{"):"}},
	{name: "newsletter", weight: 3, re: regexp.MustCompile(`^(?:(?i:sign up (?:to|for)|subscribe to|get|receive)\s+)?(?:(?i:the)\s+)?` + properName + `(?:['’]s?)?\s+(?i:(?:daily|weekly|free|morning|evening|breaking news|top stories)\s+)*(?i:newsletters?)\b`), hints: []string{"newsletter"}},
	{name: "follow-us", weight: 2, re: regexp.MustCompile(`^(?i:follow|like)\s+(?:(?i:the)\s+)?` + properName + `\s+(?i:on)\s+(?i:social media|twitter|x|facebook|instagram|telegram|youtube|whatsapp|linkedin|tiktok)\b`), hints: []string{"follow", "like"}},
	{name: "byline", weight: 2, re: regexp.MustCompile(`^(?i:by)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*\s*[,|]\s*(?:(?i:the)\s+)?` + properName + `\s*\.?$`), hints: []string{"by "}},
	{name: "title-suffix", weight: 2, re: regexp.MustCompile(headline + `\s+\|\s+(?:(?i:the)\s+)?` + properName + `\s*$`), hints: []string{"|"}, title: true,
		sep: []string{"|"}, sepWithin: siteNameWords + 2},
	{name: "title-dash-suffix", weight: 1, re: regexp.MustCompile(headline + `\s+[-–—]\s+(?:(?i:the)\s+)?` + properName + `\s*$`), hints: []string{"-", "–", "—"}, title: true,
		sep: []string{"-", "–", "—"}, sepWithin: siteNameWords + 2},
	{name: "told-outlet", weight: 1, re: regexp.MustCompile(`\b(?:told|emailed to|sent to|said to|speaking to|in an interview with)\s+(?:the\s+)?` + properName), hints: []string{"told ", "emailed to", "sent to", "said to", "speaking to", "interview with"}, starts: []string{"told", "emailed to", "sent to", "said to", "speaking to", "in an interview with"}},
}

// outletRoles are words of a byline's second part that name a role, not an
// outlet ("By Ann Lee, Staff Writer").
var outletRoles = []string{"writer", "correspondent", "reporter", "editor", "contributor", "columnist", "staff", "bureau", "analyst", "in "}

// outletStop are words the weak rules capture that are not outlets.
var outletStop = map[string]bool{"The": true, "He": true, "She": true, "They": true, "We": true, "It": true, "Congress": true, "Parliament": true, "Police": true, "Officials": true, "Reporters": true, "Journalists": true}

// OutletFromText names the outlet a page names for itself, with the rule
// that decided, or "" when the page does not say clearly enough.
func OutletFromText(lines []string) (outlet, rule string) {
	norm := make([]string, len(lines))
	hits := make([]hintBits, len(lines))
	for i, l := range lines {
		norm[i] = normalizeLine(l)
		hits[i] = book.hints.scan(norm[i])
	}
	return outletFrom(norm, hits)
}

// outletFrom is OutletFromText on normalized lines whose hints are known,
// as the cleaner has them.
func outletFrom(lines []string, hits []hintBits) (outlet, rule string) {
	score := map[string]int{}
	why := map[string]string{}
	var order []string
	first := true
	for i, line := range lines {
		if line == "" {
			continue
		}
		for k := range book.outlet {
			r := &book.outlet[k]
			if (r.title && !first) || len(r.hints) == 0 || !hits[i].any(r.need) {
				continue
			}
			for _, m := range r.findAll(line) {
				name := cleanOutletName(m[1])
				if name == "" || outletStop[name] || (r.name == "byline" && containsAny(strings.ToLower(name), outletRoles)) {
					continue
				}
				if _, ok := score[name]; !ok {
					order = append(order, name)
				}
				score[name] += r.weight
				if r.weight >= score[name]-r.weight || why[name] == "" {
					why[name] = r.name
				}
			}
		}
		first = false
	}
	best := ""
	for _, n := range order {
		if score[n] > score[best] {
			best = n
		}
	}
	if score[best] < minOutletScore {
		return "", ""
	}
	return best, why[best]
}

// findAll is r.re.FindAllStringSubmatch(s, -1). A rule with starts is
// tried only where a start word begins after a non-word byte: every match
// begins there, so the leftmost match is the first start where the anchored
// pattern matches, and the search goes on after it as FindAll's does.
func (r *outletRule) findAll(s string) [][]string {
	if len(r.sep) > 0 && !sepNearEnd(s, r.sep, r.sepWithin) || !r.pre.mayMatch(s) || !r.post.mayEnd(s) {
		return nil
	}
	if r.at == nil {
		return r.re.FindAllStringSubmatch(s, -1)
	}
	var out [][]string
	var f startFinder
	f.reset(s, r.starts)
	for pos := 0; pos < len(s); {
		p := f.next(pos)
		if p < 0 {
			break
		}
		if m := r.at.FindStringSubmatch(s[p:]); m != nil {
			out = append(out, m)
			pos = p + max(len(m[0]), 1)
		} else {
			pos = p + 1
		}
	}
	return out
}

// startFinder finds where start words begin in s, left to right. It keeps
// each word's next occurrence, so a long paragraph is searched once per
// occurrence of each word rather than once per candidate.
type startFinder struct {
	s     string
	words []string
	at    []int // next offset of words[k] at or after the last search; -1 none, -2 not searched
}

func (f *startFinder) reset(s string, words []string) {
	f.s, f.words, f.at = s, words, make([]int, len(words))
	for k := range f.at {
		f.at[k] = -2
	}
}

// next is the first offset from pos where a start word begins at a word
// boundary (the byte before is not an ASCII word character, as for
// regexp's \b), or -1.
func (f *startFinder) next(pos int) int {
	for pos < len(f.s) {
		p := -1
		for k, w := range f.words {
			if f.at[k] == -2 || f.at[k] >= 0 && f.at[k] < pos {
				f.at[k] = -1
				if i := strings.Index(f.s[pos:], w); i >= 0 {
					f.at[k] = pos + i
				}
			}
			if f.at[k] >= 0 && (p < 0 || f.at[k] < p) {
				p = f.at[k]
			}
		}
		if p < 0 || p == 0 || !isWordByte(f.s[p-1]) {
			return p
		}
		pos = p + 1
	}
	return -1
}

// sepNearEnd reports whether one of the last n words of s (split at RE2's
// \s, which is ASCII) is one of seps.
func sepNearEnd(s string, seps []string, n int) bool {
	end := len(s)
	for k := 0; k < n; k++ {
		for end > 0 && isRE2Space(s[end-1]) {
			end--
		}
		if end == 0 {
			return false
		}
		start := end
		for start > 0 && !isRE2Space(s[start-1]) {
			start--
		}
		if slices.Contains(seps, s[start:end]) {
			return true
		}
		end = start
	}
	return false
}

func isRE2Space(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// trailingYear is a year after a name ("© Harbour Times 2024").
var trailingYear = regexp.MustCompile(`[\s,]+\d{4}(?:\s*[-–]\s*\d{4})?$`)

func cleanOutletName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "’s")
	s = strings.TrimRight(s, " .,:;'’")
	s = strings.TrimSpace(trailingYear.ReplaceAllString(s, ""))
	if len(s) < 2 || len(s) > 80 {
		return ""
	}
	return s
}

// OutletFromURL names the outlet by the page's host, without "www.".
func OutletFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// setOutlet fills the outlet if it is still unknown.
func setOutlet(a *article.Article, name, from string) {
	if a.Outlet == "" && strings.TrimSpace(name) != "" {
		a.Outlet, a.OutletFrom = strings.TrimSpace(name), from
	}
}
