package ingest

import (
	"net/url"
	"regexp"
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
}

const minOutletScore = 2

const properName = `(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:of|and|for|the|al|&)?\s*\p{Lu}[\p{L}\p{N}&.'’-]*){0,5})`

// headline is a title before a site-name suffix: four words or more, so
// that a breadcrumb ("World News | Iraq") is not read as one.
const headline = `^\S+(?:\s+\S+){3,}?`

var outletRules = []outletRule{
	{"home-page-promo", 3, regexp.MustCompile(`(?i)^visit\s+(?-i:the\s+)?(.{2,}?)(?:['’]s?)?\s+(?:home ?page|homepage|website|site)\b`), []string{"visit"}, false},
	{"original-article", 3, regexp.MustCompile(`(?i)^read the original article on\s+(.{2,60}?)\.?$`), []string{"original article"}, false},
	{"comment-policy", 3, regexp.MustCompile(`^(.{2,}?)\s+moderates all comments`), []string{"moderates"}, false},
	{"copyright-reserved", 3, regexp.MustCompile(`(?i)\b(?:copy)?rights(?: are)? reserved (?:to|by|for)\s+(?:the\s+)?(.{2,}?)\s*\.?$`), []string{"reserved"}, false},
	{"copyright", 3, regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?([^.|]{2,}?)\s*\.?\s*(?:[.|,-]?\s*all rights reserved\.?)?$`), []string{"©", "(c)", "copyright"}, false},
	{"wire-dateline", 2, regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{1,30}(?:,[^()]{1,40})?\s*\(([^()]{2,60})\)\s*[-–—]`), []string{")"}, false},
	{"agency-credit", 2, regexp.MustCompile(`^` + properName + `\s+\(\p{Lu}{2,8}\)\s*:`), []string{"):"}, false},
	{"newsletter", 3, regexp.MustCompile(`^(?:(?i:sign up (?:to|for)|subscribe to|get|receive)\s+)?(?:(?i:the)\s+)?` + properName + `(?:['’]s?)?\s+(?i:(?:daily|weekly|free|morning|evening|breaking news|top stories)\s+)*(?i:newsletters?)\b`), []string{"newsletter"}, false},
	{"follow-us", 2, regexp.MustCompile(`^(?i:follow|like)\s+(?:(?i:the)\s+)?` + properName + `\s+(?i:on)\s+(?i:social media|twitter|x|facebook|instagram|telegram|youtube|whatsapp|linkedin|tiktok)\b`), []string{"follow", "like"}, false},
	{"byline", 2, regexp.MustCompile(`^(?i:by)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*\s*[,|]\s*(?:(?i:the)\s+)?` + properName + `\s*\.?$`), []string{"by "}, false},
	{"title-suffix", 2, regexp.MustCompile(headline + `\s+\|\s+(?:(?i:the)\s+)?` + properName + `\s*$`), []string{"|"}, true},
	{"title-dash-suffix", 1, regexp.MustCompile(headline + `\s+[-–—]\s+(?:(?i:the)\s+)?` + properName + `\s*$`), []string{"-", "–", "—"}, true},
	{"told-outlet", 1, regexp.MustCompile(`\b(?:told|emailed to|sent to|said to|speaking to|in an interview with)\s+(?:the\s+)?` + properName), []string{"told ", "emailed to", "sent to", "said to", "speaking to", "interview with"}, false},
}

// outletRoles are words of a byline's second part that name a role, not an
// outlet ("By Ann Lee, Staff Writer").
var outletRoles = []string{"writer", "correspondent", "reporter", "editor", "contributor", "columnist", "staff", "bureau", "analyst", "in "}

// outletStop are words the weak rules capture that are not outlets.
var outletStop = map[string]bool{"The": true, "He": true, "She": true, "They": true, "We": true, "It": true, "Congress": true, "Parliament": true, "Police": true, "Officials": true, "Reporters": true, "Journalists": true}

// OutletFromText names the outlet a page names for itself, with the rule
// that decided, or "" when the page does not say clearly enough.
func OutletFromText(lines []string) (outlet, rule string) {
	score := map[string]int{}
	why := map[string]string{}
	var order []string
	first := true
	for _, line := range lines {
		line = normalizeLine(line)
		if line == "" {
			continue
		}
		lower := strings.ToLower(line)
		for _, r := range outletRules {
			if (r.title && !first) || !containsAny(lower, r.hints) {
				continue
			}
			for _, m := range r.re.FindAllStringSubmatch(line, -1) {
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
