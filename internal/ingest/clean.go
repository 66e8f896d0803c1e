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
	return cleanLines(text, knownTitle).assemble()
}

// cleanLines classifies every line; the cleaner keeps what the outlet
// rules read afterwards (normalized lines and their hints).
func cleanLines(text, knownTitle string) *cleaner {
	c := newCleaner(text, knownTitle)
	for i := range c.lines {
		c.classify(i)
	}
	c.fixMasthead()
	c.markCaptions()
	return c
}

type cleaner struct {
	lines    []article.Line
	norm     []string   // normalized text of each line
	kept     []string   // the text each kept line contributes (a title loses its separators)
	hits     []hintBits // the rules whose hint words each line holds
	title    string     // normalized key of the title
	bodySeen bool       // a body paragraph has been seen: the header is over
	tail     string     // name of the trailing block being dropped, if any
	seen     map[string]bool
}

func newCleaner(text, knownTitle string) *cleaner {
	n := strings.Count(text, "\n") + 1
	if text == "" || text[len(text)-1] == '\n' {
		n-- // strings.Split's last, empty piece is not a line
	}
	c := &cleaner{lines: make([]article.Line, n), norm: make([]string, n), kept: make([]string, n),
		hits: make([]hintBits, n), seen: make(map[string]bool, n)}
	for i := range n {
		r, rest, _ := strings.Cut(text, "\n")
		text = rest
		r = strings.TrimRight(r, " \t\r")
		c.lines[i] = article.Line{Text: r, Source: i + 1, Start: -1, End: -1}
		c.norm[i] = normalizeLine(r)
		c.kept[i] = c.norm[i]
		c.hits[i] = book.hints.scan(c.norm[i])
	}
	if knownTitle != "" {
		c.title = lineKey(knownTitle)
	}
	return c
}

// bullets are list markers scraped along with list items; a dash counts
// only when a space follows it.
const bullets = "•·▪◦●○■□►▶➤✓✔*"

// normalizeLine trims a line, folds its runs of white space and removes a
// leading list marker.
func normalizeLine(s string) string {
	if plainSpacing(s) {
		return trimBullet(s)
	}
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
	}), " ")
	return trimBullet(s)
}

// plainSpacing reports a line with single ASCII spaces between words and
// none at its ends: most lines, which need no folding.
func plainSpacing(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); {
		switch spacingKind[s[i]] {
		case spacingOther:
			i++
		case spacingControl:
			return false
		case spacingSpace:
			if s[i+1] == ' ' { // s does not end in a space
				return false
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
				return false
			}
			i += size
		}
	}
	return true
}

// spacingKind sorts bytes for plainSpacing.
var spacingKind = func() (k [256]uint8) {
	for c := 0x80; c < 0x100; c++ {
		k[c] = spacingMultiByte
	}
	for _, c := range "\t\n\r\v\f" {
		k[c] = spacingControl
	}
	k[' '] = spacingSpace
	return k
}()

const (
	spacingOther = iota
	spacingControl
	spacingSpace
	spacingMultiByte
)

func trimBullet(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case strings.ContainsRune(bullets, r):
		rest := strings.TrimLeft(strings.TrimLeft(s, bullets), " ")
		if rest != "" {
			return rest
		}
	case (r == '-' || r == '–' || r == '—') && strings.HasPrefix(s[n:], " ") && len(s) > n+1:
		return strings.TrimLeft(s[n:], " ")
	}
	return s
}

// lineKey folds case and trailing punctuation so repeats are recognised.
func lineKey(s string) string { return keyOf(normalizeLine(s)) }

// keyOf is lineKey for a line already normalized.
func keyOf(norm string) string {
	return strings.TrimRight(trimTitleSeparators(strings.ToLower(norm)), " .:;,!")
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
		return
	case c.tailRule(i, s), c.matchRules(i, s, book.drop):
		if c.lines[i].Kind != article.KindDropped { // furniture rules drop, but they are data
			c.seen[keyOf(s)] = true
		}
		return
	}
	k := keyOf(s) // once: lower-casing a paragraph is not free
	switch {
	case c.repeated(i, s, k):
	case c.dateline(i, s):
	case c.matchRules(i, s, book.mark):
	case !c.bodySeen && c.nameInHeader(s):
		c.set(i, article.KindByline, "name-in-header")
	case c.title == "" && !c.bodySeen && titleLike(s):
		c.kept[i] = trimTitleSeparators(s)
		c.title = k
		c.set(i, article.KindTitle, "first-heading")
	default:
		c.set(i, article.KindBody, "")
		if bodyLike(s) {
			c.bodySeen = true
		}
	}
	if c.lines[i].Kind != article.KindDropped {
		c.seen[k] = true
	}
}

// tailRule drops everything after a trailing-block heading once the body
// has begun; a heading before the body only drops itself.
func (c *cleaner) tailRule(i int, s string) bool {
	for k := range book.tail {
		r := &book.tail[k]
		if r.matches(s, c.hits[i]) {
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
	for k := range rules {
		r := &rules[k]
		if r.matches(s, c.hits[i]) {
			c.set(i, r.kind, r.name)
			return true
		}
	}
	return false
}

func (c *cleaner) repeated(i int, s, k string) bool {
	switch {
	case c.title != "" && (k == c.title || withSiteSuffix(k, c.title)):
		if !c.knownTitleUnplaced(i) {
			c.set(i, article.KindDropped, "repeated-headline")
		}
	case c.seen[k] && (!c.bodySeen || countFieldsUpTo(s, 12) >= 12):
		// A repeat in the header (a byline printed twice) or a whole
		// paragraph printed twice; short repeats inside the body are list
		// items or table cells and stay.
		c.set(i, article.KindDropped, "repeated-line")
	default:
		return false
	}
	return true
}

// knownTitleUnplaced reports that a title given from outside has no line
// yet, so its first occurrence becomes the title line instead of a repeat.
// withSiteSuffix reports a line that is the title followed by a short
// " - Site" or " | Site", as page headings often are.
func withSiteSuffix(line, title string) bool {
	rest, ok := strings.CutPrefix(line, title)
	if !ok || len(rest) > 48 {
		return false
	}
	for _, sep := range []string{" - ", " | ", " — ", " – ", " :: "} {
		if strings.HasPrefix(rest, sep) {
			return true
		}
	}
	return false
}

// cutSiteSuffix removes the " - Site" withSiteSuffix found.
func cutSiteSuffix(norm, title string) string {
	for _, sep := range []string{" - ", " | ", " — ", " – ", " :: "} {
		if i := strings.LastIndex(norm, sep); i > 0 && keyOf(norm[:i]) == title {
			return norm[:i]
		}
	}
	return norm
}

func (c *cleaner) knownTitleUnplaced(i int) bool {
	for j := 0; j < i; j++ {
		if c.lines[j].Kind == article.KindTitle {
			return false
		}
	}
	c.kept[i] = trimTitleSeparators(cutSiteSuffix(c.norm[i], c.title))
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

// trimTitleSeparators removes the "|", ":" or dash a scraped headline can
// end with (where a site name was cut off).
func trimTitleSeparators(s string) string {
	return strings.TrimRight(s, " \t|–—:-")
}

// titleLike: a headline is a few words to a long sentence without final
// full stop.
func titleLike(s string) bool {
	s = trimTitleSeparators(s)
	n := utf8.RuneCountInString(s)
	if n < 12 || n > 250 || countFieldsUpTo(s, 3) < 3 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!;,", last) && !sentenceEnds(s, 2)
}

// bodyLike: a paragraph of prose, which ends the page header.
func bodyLike(s string) bool {
	words := countFieldsUpTo(s, 14)
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
