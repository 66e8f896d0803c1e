package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/article"
)

// Clean classifies every line of a plain-text page and returns the clean
// text with one record per input line. Kept lines (title, body, caption,
// byline, dateline) are joined by blank lines; each record carries the
// rule that decided and its offsets in the clean text (-1 when dropped).
func Clean(text string) (clean string, lines []article.Line) {
	return cleanWith(text, "")
}

// cleanWith is Clean with a title known from elsewhere (HTML metadata, a
// feed item, a JSONL field): lines repeating it are dropped.
func cleanWith(text, knownTitle string) (string, []article.Line) {
	c := newCleaner(text, knownTitle)
	for i := range c.lines {
		c.classify(i)
	}
	c.markCaptions()
	return c.assemble()
}

type cleaner struct {
	lines    []article.Line
	norm     []string // normalized text of each line, as kept
	title    string   // normalized key of the title
	bodySeen bool     // a body paragraph has been seen: the header is over
	tail     string   // name of the trailing block being dropped, if any
	seen     map[string]bool
}

func newCleaner(text, knownTitle string) *cleaner {
	raw := strings.Split(text, "\n")
	if len(raw) > 0 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	c := &cleaner{lines: make([]article.Line, len(raw)), norm: make([]string, len(raw)), seen: map[string]bool{}}
	for i, r := range raw {
		r = strings.TrimRight(r, " \t\r")
		c.lines[i] = article.Line{Text: r, Source: i + 1, Start: -1, End: -1}
		c.norm[i] = normalizeLine(r)
	}
	if knownTitle != "" {
		c.title = lineKey(knownTitle)
	}
	return c
}

// bulletPrefix matches list markers scraped along with list items.
var bulletPrefix = regexp.MustCompile(`^(?:[•·▪◦●○■□►▶➤✓✔*]+|[-–—]\s)\s*`)

// normalizeLine trims a line, folds its runs of white space and removes a
// leading list marker.
func normalizeLine(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
	}), " ")
	if loc := bulletPrefix.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		s = s[loc[1]:]
	}
	return s
}

// lineKey folds case and trailing punctuation so repeats are recognised.
func lineKey(s string) string {
	s = strings.ToLower(normalizeLine(s))
	return strings.TrimRight(trimTitleSeparators(s), " .:;,!")
}

func (c *cleaner) set(i int, kind article.LineKind, reason string) {
	c.lines[i].Kind, c.lines[i].Reason = kind, reason
}

// classify decides one line, in order of certainty: blanks, the trailing
// block, furniture, repeats, datelines and other marked lines, the title,
// and finally body text.
func (c *cleaner) classify(i int) {
	s := c.norm[i]
	switch {
	case s == "":
		c.set(i, article.KindDropped, "blank")
	case c.tailRule(i, s):
	case c.matchRules(i, s, dropRules):
	case c.repeated(i, s):
	case c.dateline(i, s):
	case c.matchRules(i, s, markRules):
	case !c.bodySeen && c.nameInHeader(s):
		c.set(i, article.KindByline, "name-in-header")
	case c.title == "" && !c.bodySeen && titleLike(s):
		c.norm[i] = trimTitleSeparators(s)
		c.title = lineKey(s)
		c.set(i, article.KindTitle, "first-heading")
	default:
		c.set(i, article.KindBody, "")
		if bodyLike(s) {
			c.bodySeen = true
		}
	}
	if c.lines[i].Kind != article.KindDropped {
		c.seen[lineKey(s)] = true
	}
}

// tailRule drops everything after a trailing-block heading once the body
// has begun; a heading before the body only drops itself.
func (c *cleaner) tailRule(i int, s string) bool {
	for _, r := range tailRules {
		if r.re.MatchString(s) {
			if c.bodySeen {
				c.tail = r.name
			}
			c.set(i, article.KindDropped, r.name)
			return true
		}
	}
	if c.tail != "" {
		c.set(i, article.KindDropped, c.tail)
		return true
	}
	return false
}

func (c *cleaner) matchRules(i int, s string, rules []lineRule) bool {
	if len(s) > 600 {
		return false // furniture and marks are short; long lines are prose
	}
	for _, r := range rules {
		if r.re.MatchString(s) {
			c.set(i, r.kind, r.name)
			return true
		}
	}
	return false
}

func (c *cleaner) repeated(i int, s string) bool {
	k := lineKey(s)
	switch {
	case c.title != "" && k == c.title:
		if !c.knownTitleUnplaced(i) {
			c.set(i, article.KindDropped, "repeated-headline")
		}
	case c.seen[k]:
		c.set(i, article.KindDropped, "repeated-line")
	default:
		return false
	}
	return true
}

// knownTitleUnplaced reports that a title given from outside has no line
// yet, so its first occurrence becomes the title line instead of a repeat.
func (c *cleaner) knownTitleUnplaced(i int) bool {
	for j := 0; j < i; j++ {
		if c.lines[j].Kind == article.KindTitle {
			return false
		}
	}
	c.norm[i] = trimTitleSeparators(c.norm[i])
	c.set(i, article.KindTitle, "known-title")
	return true
}

func (c *cleaner) dateline(i int, s string) bool {
	if _, ok := ParseDateline(s); ok {
		c.set(i, article.KindDateline, "date-line")
		return true
	}
	return false
}

// nameLike matches a short run of capitalised words: a reporter's name
// printed on its own line under the headline.
var nameLike = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]+(?: (?:\p{Lu}[\p{L}'’.-]*|al-\p{L}+|bin|ibn|de|van|von|da|el-\p{L}+)){1,3}$`)

func (c *cleaner) nameInHeader(s string) bool {
	return c.title != "" && len(s) <= 40 && nameLike.MatchString(s) && !strings.HasSuffix(s, ".")
}

var titleSeparators = regexp.MustCompile(`\s*[|–—:-]+\s*$`)

func trimTitleSeparators(s string) string { return titleSeparators.ReplaceAllString(s, "") }

// titleLike: a headline is a few words to a long sentence without final
// full stop.
func titleLike(s string) bool {
	s = trimTitleSeparators(s)
	n := utf8.RuneCountInString(s)
	if n < 12 || n > 250 || len(strings.Fields(s)) < 3 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!;,", last) && !sentenceEnds(s, 2)
}

// bodyLike: a paragraph of prose, which ends the page header.
func bodyLike(s string) bool {
	words := len(strings.Fields(s))
	last, _ := utf8.DecodeLastRuneInString(s)
	return words >= 14 || words >= 6 && strings.ContainsRune(".!?\"”’", last)
}

// sentenceEnds reports whether s holds at least n sentence ends.
func sentenceEnds(s string, n int) bool {
	count := 0
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			count++
		}
	}
	return count >= n
}
