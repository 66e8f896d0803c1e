package ingest

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/article"
)

// lineRule is one pattern of page furniture or page structure. A line whose
// normalized text matches re gets kind, with name as the recorded reason.
// Rules are data: to teach the cleaner a new kind of furniture, add a row.
type lineRule struct {
	name  string
	kind  article.LineKind
	re    *regexp.Regexp
	max   int        // longest line (bytes) the rule is tried on
	hints []string   // when set, the lower-cased line must contain one of them
	need  hintBits   // this rule's bit in the hint index (set by newRuleBook)
	pre   *prefilter // what an anchored re's match can begin with (set by newRuleBook)
	post  *prefilter // what it can end with, read backwards (set by newRuleBook)
	// fn, when set, decides instead of re, which it must agree with
	// (matchers_test holds it to re); for a pattern run on most lines.
	fn func(string) bool
}

func rule(name string, kind article.LineKind, pattern string) lineRule {
	return lineRule{name: name, kind: kind, re: regexp.MustCompile(pattern), max: 100}
}

// phrases builds a rule that needs no pattern: the lower-cased line must
// contain one of the phrases.
func phrases(name string, kind article.LineKind, words ...string) lineRule {
	return lineRule{name: name, kind: kind, max: 100, hints: words}
}

// upTo lets a rule see longer lines than the default.
func (r lineRule) upTo(n int) lineRule { r.max = n; return r }

// by gives a rule a hand-written matcher equivalent to its pattern.
func (r lineRule) by(fn func(string) bool) lineRule { r.fn = fn; return r }

// when restricts a rule to lines containing one of the words, a cheap test
// that spares the regular expression most lines.
func (r lineRule) when(words ...string) lineRule { r.hints = words; return r }

// matches tests the rule on a normalized line, given the rules whose hints
// the line holds.
func (r *lineRule) matches(s string, hits hintBits) bool {
	if len(s) > r.max {
		return false
	}
	if len(r.hints) > 0 && !hits.any(r.need) {
		return false
	}
	if r.fn != nil {
		return r.fn(s)
	}
	return r.re == nil || r.pre.mayMatch(s) && r.post.mayEnd(s) && r.re.MatchString(s)
}

// noLettersOrDigits is ^[^\p{L}\p{N}]*$: the cleaner asks it of every line
// up to 300 bytes, and a line's first letter settles it.
func noLettersOrDigits(s string) bool {
	for _, r := range s { // a byte that is not UTF-8 reads as U+FFFD, as in regexp
		if r < utf8.RuneSelf {
			if 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' {
				return false
			}
		} else if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return false
		}
	}
	return true
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Wire and photo agencies whose names appear in credits.
const agencies = `reuters|afp|ap|associated press|getty images|afp via getty images|getty|epa|epa-efe|efe|anadolu( agency)?|aa|xinhua|sipa|zuma( press)?|dpa|ansa|upi|shutterstock|alamy|ap photo|bloomberg|pool|handout|file`

// dropRules name page furniture that is never part of an article.
var dropRules = []lineRule{
	rule("template-debris", article.KindDropped, `^(\s*(\{\{[^{}]*\}\}|\{%[^%]*%\}|<%.*?%>|\$\{[^{}]*\}|\[\[[^\[\]]*\]\]))+\s*$`).upTo(300).when("{{", "{%", "<%", "${", "[[", "}}"),
	rule("no-words", article.KindDropped, `^[^\p{L}\p{N}]*$`).upTo(300).by(noLettersOrDigits),
	rule("advertisement", article.KindDropped, `(?i)^(advertisements?|advert|ad|ads|publicité|anuncio|publicidad|werbung|anzeige|реклама|إعلان|اعلان|reklam|sponsored( content| links?)?|promoted( content)?|paid (content|post)|(story|article) continues (below|after) (this )?(advertisement|ad)|continue reading( below| the main story)?|scroll (down )?to continue( with content| reading)?|skip advert(isement)?)$`).when("ad", "sponsor", "promot", "paid", "continu", "scroll", "publicid", "publicit", "anuncio", "werbung", "anzeige", "реклама", "إعلان", "اعلان", "reklam"),
	rule("qr-code", article.KindDropped, `(?i)^(qr\s*code\s*)+$`),
	rule("font-size-controls", article.KindDropped, `(?i)^(?:(a\s*[+-]\s*){2,}$|(font size|text size)\s*:?\s*(a\s*[+-]?\s*)*$)`),
	rule("share-buttons", article.KindDropped, `(?i)^((share|share this( article| story| post| page)?|share on \w+|partager|compartir|teilen|поделиться|شارك|مشاركة|like this|shares?|tweet|email|e-mail|print|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest|copy link|copy url|link copied|messenger|sms|bookmark|save|comment)(\s*[|/·•,:]?\s*))+$`),
	rule("home-page-promo", article.KindDropped, `(?i)^visit\b.{1,}\b(home ?page|homepage|website|site)\b.{0,}\bfor more\b.{0,}$`).upTo(160).when("visit"),
	rule("follow-us", article.KindDropped, `(?i)^(follow (us|@\w+)|like us on|join (us|our channel) on|download (our|the) app|get (the|our) app)\b.{0,}$`).upTo(120).when("follow", "like us", "join", "download", "app"),
	rule("newsletter", article.KindDropped, `(?i)^(sign up|subscribe|get (our|the) .{0,}newsletter|register now)\b.{0,}(newsletter|updates|inbox|alerts|email|briefing|free).{0,}$`).upTo(240).when("sign up", "subscribe", "newsletter", "register"),
	phrases("comment-policy", article.KindDropped, "moderates all comments", "comments must meet", "comments should meet", "comments must follow",
		"comments must comply", "community guidelines", "community standards", "comments that do not meet", "comments are not edited",
		"comments are moderated", "comments are closed", "comments are reviewed", "will not tolerate the following", "we welcome comments",
		"we welcome constructive comments", "comment policy", "your email address will not be published", "required fields are marked",
		"save my name, email", "save my name and email", "must be logged in to post", "must be logged in to comment", "must be signed in to",
		"views expressed in the comments", "views expressed in comments").upTo(700),
	rule("comment-form", article.KindDropped, `(?i)^(leave a (comment|reply)|post a comment|add (a|your) comment|write a comment|post comment|submit( comment)?|cancel reply|required|name\s*\*?|e-?mail( address)?\s*\*?|website|comment\s*\*?|\d+ comments?|comments? \(\d+\)|show comments|view comments|load comments)$`),
	rule("source-link", article.KindDropped, `(?i)^(source link|original (article|source|link)|read (the )?original (article|story)( on .{2,60})?|source\s*:\s*https?://\S+|read more\s*:?\s*https?://\S+)$`).upTo(300).when("source", "original", "read"),
	rule("story-code", article.KindDropped, `(?i)^(story|news|article|post) (code|id|no\.?|number)\s*[:#]?\s*[\w-]{1,20}$`).upTo(60),
	rule("news-link", article.KindDropped, `(?i)^(?:(news|short|permanent|perma|page|story) ?link\s*:?\s*(https?://\S+)?$|https?://\S+$)`).upTo(300).when("link", "http"),
	rule("copyright", article.KindDropped, `(?i)^(?:(©|\(c\)\s|copyright\b).{0,}$|.{0,}\b(all|publishing) rights\b.{0,}\breserved\b.{0,}$)`).upTo(320).when("©", "(c)", "copyright", "rights"),
	rule("photo-credit", article.KindDropped, `(?i)^(photo|image|picture|photograph|video|graphic)s?( credit)?\s*[:：]\s*[^.]+$`).upTo(80).when("photo", "image", "picture", "video", "graphic"),
	rule("photo-credit", article.KindDropped, `(?i)^(credit|courtesy|source)\s*[:：]\s*[^.]+$`).upTo(80).when("credit", "courtesy", "source"),
	rule("photo-credit", article.KindDropped, `(?i)^(image|photo|picture|video) source\s*[,:：]\s*[^.]+$`).upTo(100).when("source"),
	rule("photo-credit", article.KindDropped, `(?i)^[\p{L} .'’-]{2,40}\s*/\s*(`+agencies+`)(\s*(/|via)\s*[\p{L} ]+)?$`).upTo(100).when("/"),
	rule("photo-credit", article.KindDropped, `(?i)^\(?(`+agencies+`)( photos?)?\)?(\s*/\s*[\p{L} .'’-]+)?\)?$`).upTo(60),
	rule("related-link", article.KindDropped, `(?i)^(related|read more|read also|also read|see also|recommended|more on this|more from \S+|you (may|might) also (like|read)|watch|listen|read|more)\s*[:：|»>-]\s*.{1,}$`).upTo(260),
	rule("tags", article.KindDropped, `(?i)^(tags?|topics?|keywords|categor(y|ies)|filed under)\s*:\s*.{1,}$`).upTo(260),
	rule("navigation", article.KindDropped, `(?i)^(home|menu|search|skip to (main )?content|log ?in|sign ?in|sign ?up|register|back to top|next( article| story)?|previous( article| story)?|prev|close|toggle navigation|open menu|breaking( news)?|live|video|audio|gallery|loading\.*|like loading\.*|click here|read more|see more|show more)$`),
	rule("relative-timestamp", article.KindDropped, `(?i)^((last )?(updated|published|posted)\s*:?\s*)?(about )?(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$`).when("ago"),
	rule("reading-time", article.KindDropped, `(?i)^((estimated )?reading time\s*:?\s*)?\d+\s*(-\s*\d+\s*)?(min|mins|minutes?)( read)?$`).upTo(40).when("min"),
	rule("breadcrumb", article.KindDropped, `(?i)^(home|accueil|inicio|startseite|главная|الرئيسية)\s*[»>/|›→]\s*\S.*$`).upTo(200),
	phrases("publisher-notice", article.KindDropped, "our standards:", "trust principles", "may not be published, broadcast, rewritten", "may not be reproduced", "this article was originally published", "originally appeared on", "originally published on", "this story was first published").upTo(300),
	phrases("newsletter", article.KindDropped, "delivered to your inbox", "straight to your inbox", "sign up for our", "subscribe to our", "subscribe now").upTo(200),
	phrases("site-links", article.KindDropped, "privacy policy", "terms of use", "terms of service", "cookie policy", "cookie settings", "accept cookies", "we use cookies", "listen to this article", "listen to this story"),
	rule("gallery-counter", article.KindDropped, `(?i)^((image|photo|slide|picture)s?\s*)?\d{1,3}\s*(of|/)\s*\d{1,3}$`).upTo(30),
}

// tailRules open a trailing block once the article body has begun: what
// follows (comments, other stories) is dropped with the rule's name.
var tailRules = []lineRule{
	rule("comments", article.KindDropped, `(?i)^(comments?|\d+ comments?|comments? \(\d+\)|reader comments|leave a (comment|reply)|post a comment|add (a|your) comment|join the (discussion|conversation)|discussion|what do you think\??)\s*:?$`),
	rule("comments", article.KindDropped, `(?i)^\d+ (thoughts?|responses?|repl(y|ies)|comments?) (on|to) .+$`).upTo(300),
	rule("related-stories", article.KindDropped, `(?i)^(the latest|latest( news| stories| articles| headlines)?|related( articles?| stories| news| posts| content| coverage| topics)?|more (stories|news|headlines|articles)( from .{1,})?|more from .{1,}|read (more|next)|you (may|might) (also )?like|recommended( for you| stories| reading)?|most (read|popular|viewed|shared)|trending( now| stories)?|top stories|editor'?s? picks?|what to read next|also in .{1,}|more in .{1,}|in other news|other news|popular (now|stories))\s*:?$`),
	rule("source-link", article.KindDropped, `(?i)^source link$`),
}

// markRules keep a line but mark it as background: bylines, captions and
// datelines. Datelines holding a date are found by the date parser.
var markRules = []lineRule{
	rule("byline-by", article.KindByline, `^(?i:by|written by|reported by|story by|words by|text by)\s+\p{Lu}[^.!?]{1,}$`).upTo(140),
	rule("reporting-credit", article.KindByline, `(?i)^\(?(additional )?(reporting|writing|editing|compiled|edited|produced|translated) by\b.{1,}$`).upTo(240).when(" by"),
	rule("author-label", article.KindByline, `(?i)^(author|authors|reporter|correspondent|posted by|published by|contributor)\s*:\s*[^.!?]{1,}$`).upTo(120).when(":"),
	rule("author-role", article.KindByline, `(?i)^\p{Lu}[\p{L} .'’-]{1,40}\s*[|,–—-]\s*(staff writer|staff reporter|senior correspondent|correspondent|reporter|editor|contributor|news ?desk|special to .{2,40})$`).upTo(120),
	rule("posted-on", article.KindDateline, `(?i)^(posted|published|updated)( on)?\s+\S.{3,40}?\s+by\s+\S.*$`).upTo(120).when("posted", "published", "updated"),
	rule("location-dateline", article.KindDateline, `^\p{Lu}[\p{Lu} .'’-]{1,30}(,\s*[\p{L}\p{N} .,'’-]{1,40})?(\s*\([^()]{2,60}\))?\s*[–—-]+$`).upTo(140),
	rule("caption-prefix", article.KindCaption, `(?i)^(photo|image|picture|file photo|file|pictured|caption|above|top|main image|(image|media|photo|video) caption)\s*[,:：–—-]\s*.{20,}$`).upTo(450).when("photo", "image", "picture", "file", "pictured", "caption", "above", "top"),
	rule("photo-credit-suffix", article.KindCaption, `(?i)^.{20,}([.,]?\s*(photo|image|picture|credit)s?\s*[:：]\s*[^.]{1,}\.?|\((photo|image|picture)[^)]{0,}\)\.?|\s*/\s*(`+agencies+`)\.?)$`).upTo(450).when("photo", "image", "picture", "credit", "/"),
}

// agenciesTitle matches the wire credits that sit in a dateline, as in
// "CITY (Agency) –".
const agenciesTitle = `Reuters|AFP|AP|Xinhua|Anadolu|dpa|EFE|UPI|IANS|PTI|ANI|SANA|IRNA|KUNA|WAFA|Rudaw|AA`

// ruleBook is every rule table with the hint index over their words. It
// is built once from the tables above and only read afterwards.
type ruleBook struct {
	drop, tail, mark []lineRule
	outlet           []outletRule
	hints            *hintIndex
}

var book = newRuleBook()

// newRuleBook copies the tables and gives every rule with hints its bit in
// one hint index, so a line is scanned once for all of them.
func newRuleBook() *ruleBook {
	b := &ruleBook{drop: slices.Clone(dropRules), tail: slices.Clone(tailRules),
		mark: slices.Clone(markRules), outlet: slices.Clone(outletRules)}
	var words [][]string
	need := func(hints []string) hintBits {
		var bits hintBits
		if len(hints) > 0 {
			bits.set(len(words))
			words = append(words, hints)
		}
		return bits
	}
	for _, t := range [][]lineRule{b.drop, b.tail, b.mark} {
		for i := range t {
			t[i].need = need(t[i].hints)
			if t[i].re != nil {
				t[i].pre, t[i].post = newFilters(t[i].re)
			}
		}
	}
	for i := range b.outlet {
		r := &b.outlet[i]
		r.need = need(r.hints)
		r.pre, r.post = newFilters(r.re)
		if len(r.starts) > 0 {
			src, ok := strings.CutPrefix(r.re.String(), `\b`)
			if !ok {
				panic("ingest: outlet rule " + r.name + " has starts but no leading \\b")
			}
			r.at = regexp.MustCompile(`^(?:` + src + `)`)
		}
	}
	b.hints = newHintIndex(words)
	return b
}
