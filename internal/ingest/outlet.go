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
}

const minOutletScore = 2

const properName = `(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:of|and|for|the|al|&)?\s*\p{Lu}[\p{L}\p{N}&.'’-]*){0,5})`

var outletRules = []outletRule{
	{"home-page-promo", 3, regexp.MustCompile(`(?i)^visit\s+(?-i:the\s+)?(.{2,}?)(?:['’]s?)?\s+(?:home ?page|homepage|website|site)\b`), []string{"visit"}},
	{"original-article", 3, regexp.MustCompile(`(?i)^read the original article on\s+(.{2,60}?)\.?$`), []string{"original article"}},
	{"comment-policy", 3, regexp.MustCompile(`^(.{2,}?)\s+moderates all comments`), []string{"moderates"}},
	{"copyright-reserved", 3, regexp.MustCompile(`(?i)\b(?:copy)?rights(?: are)? reserved (?:to|by|for)\s+(?:the\s+)?(.{2,}?)\s*\.?$`), []string{"reserved"}},
	{"copyright", 3, regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?([^.|]{2,}?)\s*\.?\s*(?:[.|,-]?\s*all rights reserved\.?)?$`), []string{"©", "(c)", "copyright"}},
	{"wire-dateline", 2, regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{1,30}(?:,[^()]{1,40})?\s*\(([^()]{2,60})\)\s*[-–—]`), []string{")"}},
	{"agency-credit", 2, regexp.MustCompile(`^` + properName + `\s+\(\p{Lu}{2,8}\)\s*:`), []string{"):"}},
	{"told-outlet", 1, regexp.MustCompile(`\b(?:told|emailed to|sent to|said to|speaking to|in an interview with)\s+` + properName), []string{"told ", "emailed to", "sent to", "said to", "speaking to", "interview with"}},
}

// outletStop are words the weak rules capture that are not outlets.
var outletStop = map[string]bool{"The": true, "He": true, "She": true, "They": true, "We": true, "It": true, "Congress": true, "Parliament": true, "Police": true, "Officials": true, "Reporters": true, "Journalists": true}

// OutletFromText names the outlet a page names for itself, with the rule
// that decided, or "" when the page does not say clearly enough.
func OutletFromText(lines []string) (outlet, rule string) {
	score := map[string]int{}
	why := map[string]string{}
	var order []string
	for _, line := range lines {
		line = normalizeLine(line)
		lower := strings.ToLower(line)
		for _, r := range outletRules {
			if !containsAny(lower, r.hints) {
				continue
			}
			for _, m := range r.re.FindAllStringSubmatch(line, -1) {
				name := cleanOutletName(m[1])
				if name == "" || outletStop[name] {
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

func cleanOutletName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "’s")
	s = strings.TrimRight(s, " .,:;")
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
