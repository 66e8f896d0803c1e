package ingest

import (
	"regexp"

	"github.com/sitrep-org/sitrep/internal/article"
)

// lineRule is one pattern of page furniture or page structure. A line whose
// normalized text matches re gets kind, with name as the recorded reason.
// Rules are data: to teach the cleaner a new kind of furniture, add a row.
type lineRule struct {
	name string
	kind article.LineKind
	re   *regexp.Regexp
}

func rule(name string, kind article.LineKind, pattern string) lineRule {
	return lineRule{name: name, kind: kind, re: regexp.MustCompile(pattern)}
}

// Wire and photo agencies whose names appear in credits.
const agencies = `reuters|afp|ap|associated press|getty images|afp via getty images|getty|epa|epa-efe|efe|anadolu( agency)?|aa|xinhua|sipa|zuma( press)?|dpa|ansa|upi|shutterstock|alamy|ap photo|bloomberg|pool|handout|file`

// dropRules name page furniture that is never part of an article.
var dropRules = []lineRule{
	rule("template-debris", article.KindDropped, `^(\s*(\{\{[^{}]*\}\}|\{%[^%]*%\}|<%.*?%>|\$\{[^{}]*\}|\[\[[^\[\]]*\]\]))+\s*$`),
	rule("no-words", article.KindDropped, `^[^\p{L}\p{N}]*$`),
	rule("advertisement", article.KindDropped, `(?i)^(advertisements?|advert|ad|ads|sponsored( content| links?)?|promoted( content)?|paid (content|post)|(story|article) continues (below|after) (this )?(advertisement|ad)|continue reading( below| the main story)?|scroll (down )?to continue( with content| reading)?|skip advert(isement)?)$`),
	rule("qr-code", article.KindDropped, `(?i)^(qr\s*code\s*)+$`),
	rule("font-size-controls", article.KindDropped, `(?i)^(a\s*[+-]\s*){2,}$|^(font size|text size)\s*:?\s*(a\s*[+-]?\s*)*$`),
	rule("share-buttons", article.KindDropped, `(?i)^((share|share this( article| story| post| page)?|share on \w+|shares?|tweet|email|e-mail|print|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest|copy link|copy url|link copied|messenger|sms|bookmark|save|comment)(\s*[|/·•,:]?\s*))+$`),
	rule("home-page-promo", article.KindDropped, `(?i)^visit\b.{1,80}\b(home ?page|homepage|website|site)\b.{0,40}\bfor more\b.{0,40}$`),
	rule("follow-us", article.KindDropped, `(?i)^(follow (us|@\w+)|like us on|join (us|our channel) on|download (our|the) app|get (the|our) app)\b.{0,80}$`),
	rule("newsletter", article.KindDropped, `(?i)^(sign up|subscribe|get (our|the) .{0,30}newsletter|register now)\b.{0,100}(newsletter|updates|inbox|alerts|email|briefing|free).{0,60}$`),
	rule("comment-policy", article.KindDropped, `(?i)(moderates all comments|comments? (must|should) (meet|follow|comply with|respect)|community (guidelines|standards)|comments that do not meet|comments are (not edited|moderated|closed|reviewed)|will not tolerate the following|we welcome (constructive )?comments|comment policy|your email address will not be published|required fields are marked|save my name,? email|you must be (logged|signed) in to (post|comment)|views expressed in (the )?comments)`),
	rule("comment-form", article.KindDropped, `(?i)^(leave a (comment|reply)|post a comment|add (a|your) comment|write a comment|post comment|submit( comment)?|cancel reply|required|name\s*\*?|e-?mail( address)?\s*\*?|website|comment\s*\*?|\d+ comments?|comments? \(\d+\)|show comments|view comments|load comments)$`),
	rule("source-link", article.KindDropped, `(?i)^(source link|original (article|source|link)|read (the )?original (article|story)|source\s*:\s*https?://\S+|read more\s*:?\s*https?://\S+)$`),
	rule("story-code", article.KindDropped, `(?i)^(story|news|article|post) (code|id|no\.?|number)\s*[:#]?\s*[\w-]{1,20}$`),
	rule("news-link", article.KindDropped, `(?i)^(news|short|permanent|perma|page|story) ?link\s*:?\s*(https?://\S+)?$|^https?://\S+$`),
	rule("copyright", article.KindDropped, `(?i)^(©|\(c\)\s|copyright\b).{0,200}$|^.{0,120}\b(all|publishing) rights\b.{0,60}\breserved\b.{0,120}$`),
	rule("photo-credit", article.KindDropped, `(?i)^((photo|image|picture|photograph|video|graphic)s?( credit)?\s*[:：]\s*[^.]{1,60}|(credit|courtesy|source)\s*[:：]\s*[^.]{1,60}|[\p{L} .'’-]{2,40}\s*/\s*(`+agencies+`)(\s*(/|via)\s*[\p{L} ]{2,30})?|(`+agencies+`)( photos?)?(\s*/\s*[\p{L} .'’-]{2,40})?|\((`+agencies+`)( photos?)?\))$`),
	rule("related-link", article.KindDropped, `(?i)^(related|read more|read also|also read|see also|recommended|more on this|more from \S+|you (may|might) also (like|read)|watch|listen|read|more)\s*[:：|»>-]\s*.{1,200}$`),
	rule("tags", article.KindDropped, `(?i)^(tags?|topics?|keywords|categor(y|ies)|filed under)\s*:\s*.{1,200}$`),
	rule("navigation", article.KindDropped, `(?i)^(home|menu|search|skip to (main )?content|log ?in|sign ?in|sign ?up|register|back to top|next( article| story)?|previous( article| story)?|prev|close|toggle navigation|open menu|breaking( news)?|live|video|audio|gallery|loading\.*|click here|read more|see more|show more)$`),
}

// tailRules open a trailing block once the article body has begun: what
// follows (comments, other stories) is dropped with the rule's name.
var tailRules = []lineRule{
	rule("comments", article.KindDropped, `(?i)^(comments?|\d+ comments?|comments? \(\d+\)|reader comments|leave a (comment|reply)|post a comment|add (a|your) comment|join the (discussion|conversation)|discussion|what do you think\??)\s*:?$`),
	rule("related-stories", article.KindDropped, `(?i)^(the latest|latest( news| stories| articles| headlines)?|related( articles?| stories| news| posts| content| coverage| topics)?|more (stories|news|headlines|articles)( from .{1,40})?|more from .{1,40}|read (more|next)|you (may|might) (also )?like|recommended( for you| stories| reading)?|most (read|popular|viewed|shared)|trending( now| stories)?|top stories|editor'?s? picks?|what to read next|also in .{1,30}|more in .{1,30}|in other news|other news|popular (now|stories))\s*:?$`),
	rule("source-link", article.KindDropped, `(?i)^source link$`),
}

// markRules keep a line but mark it as background: bylines, captions and
// datelines. Datelines holding a date are found by the date parser.
var markRules = []lineRule{
	rule("byline-by", article.KindByline, `^(?i:by|written by|reported by|story by|words by|text by)\s+\p{Lu}[^.!?]{1,120}$`),
	rule("reporting-credit", article.KindByline, `(?i)^\(?(additional )?(reporting|writing|editing|compiled|edited|produced|translated) by\b.{1,200}$`),
	rule("author-label", article.KindByline, `(?i)^(author|authors|reporter|correspondent|posted by|published by|contributor)\s*:\s*[^.!?]{1,80}$`),
	rule("location-dateline", article.KindDateline, `^\p{Lu}[\p{Lu} .'’-]{1,30}(,\s*[\p{L} .'’-]{1,40})?(\s*\((`+agenciesTitle+`)\))?\s*[–—-]+$`),
	rule("caption-prefix", article.KindCaption, `(?i)^(photo|image|picture|file photo|file|pictured|caption|above|top|main image)\s*[:：–—-]\s*.{20,400}$`),
	rule("photo-credit-suffix", article.KindCaption, `(?i)^.{20,400}([.,]?\s*(photo|image|picture|credit)s?\s*[:：]\s*[^.]{1,60}\.?|\((photo|image|picture)[^)]{0,60}\)\.?|\s*/\s*(`+agencies+`)\.?)$`),
}

// agenciesTitle matches the wire credits that sit in a dateline, as in
// "CITY (Agency) –".
const agenciesTitle = `Reuters|AFP|AP|Xinhua|Anadolu|dpa|EFE|UPI|IANS|PTI|ANI|SANA|IRNA|KUNA|WAFA|Rudaw|AA`
