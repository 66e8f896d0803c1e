package timex

import (
	"strings"
	"sync"
	"time"

	"github.com/sitrep-org/sitrep/internal/extract/quantity"
)

// feature is what one token can be, worked out once per token.
// It is kept small (one per token of an article).
type feature struct {
	classes                uint16 // bit per class
	weekday, month, season uint8
	day, numA, numB        uint8
	yearFirst, vague       bool
	year                   int16
	n, nEnd                int32
	mods                   uint32 // modifier bits the token carries ("mid-March": mid)
}

func (f *feature) is(k class) bool { return f.classes&(1<<k) != 0 }

// matcher runs patterns over one text's tokens.
type matcher struct {
	toks  []quantity.Token
	feats []feature
	ids   []int // vocabulary id of each token, -1 when none
}

// matcherInto builds a matcher over toks writing into feats and ids, which
// must be as long as toks; every element is overwritten.
func matcherInto(toks []quantity.Token, feats []feature, ids []int) matcher {
	for i := range toks {
		feats[i], ids[i] = featureOf(toks, i)
	}
	return matcher{toks: toks, feats: feats, ids: ids}
}

// scratch is Find's per-call working space. Find keeps none of it past
// its return (expressions copy what they need), so it is pooled.
type scratch struct {
	toks  []quantity.Token
	feats []feature
	ids   []int
	cands []found // matches before and after overlap resolution
	kept  []found // the matches that were dated
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// matcher builds a matcher over toks in the scratch's buffers.
func (s *scratch) matcher(toks []quantity.Token) matcher {
	if cap(s.feats) < len(toks) {
		s.feats = make([]feature, len(toks))
		s.ids = make([]int, len(toks))
	}
	return matcherInto(toks, s.feats[:len(toks)], s.ids[:len(toks)])
}

// featureOf classifies token i.
func featureOf(toks []quantity.Token, i int) (feature, int) {
	t := toks[i]
	var f feature
	switch t.Kind {
	case quantity.Punct, quantity.Word:
		info, ok := lookupWord(t.Lower)
		if !ok {
			return prefixedMonth(t), -1
		}
		if info.f.is(cWeekday) && masthead(toks, i) {
			info.f.classes &^= 1 << cWeekday
		}
		f = info.f
		if info.month != 0 {
			if mo, ok := monthOf(t); ok {
				f.month = uint8(mo)
				f.classes |= 1 << cMonth
			}
		}
		if info.count {
			f.countAt(toks, i)
		}
		return f, info.id
	}
	mark := func(k class, ok bool) {
		if ok {
			f.classes |= 1 << k
		}
	}
	d, ok := dayOf(t)
	f.day = uint8(d)
	mark(cDay, ok)
	if ok && strings.ContainsRune(t.Text, '-') {
		f.mods |= modIndex("range") // "3-4", read as its first day
	}
	y, ok := yearOf(t)
	f.year = int16(y)
	mark(cYear, ok)
	a, b, yy, yf, ok := numericDate(t)
	if ok {
		if yf {
			yy, a, b = a, b, yy
		}
		f.year, f.numA, f.numB, f.yearFirst = int16(yy), uint8(a), uint8(b), yf
	}
	mark(cNumDate, ok)
	f.countAt(toks, i)
	return f, -1
}

func (f *feature) countAt(toks []quantity.Token, i int) {
	n, end, vague, ok := countAt(toks, i)
	if ok {
		f.n, f.nEnd, f.vague = int32(n), int32(end), vague
		f.classes |= 1 << cCount
	}
}

// lookupWord is gram.words[w] behind a bit test on the word's shape (its
// first two letters and length): most words of a text are in no rule, and
// the test settles them without hashing.
func lookupWord(w string) (wordInfo, bool) {
	if i, ok := shapeIndex(w); ok {
		if wordShapes[i]&(1<<len(w)) == 0 {
			return wordInfo{}, false
		}
	} else if w != "" && otherShapes[w[0]]&(1<<min(len(w), 31)) == 0 {
		return wordInfo{}, false // punctuation and one-letter words, mostly
	}
	info, ok := gram.words[w]
	return info, ok
}

// otherShapes holds, for the grammar's words that shapeIndex does not
// place, a bit per length (31 for longer) under their first byte: the
// test for punctuation, numbers and one-letter words.
var otherShapes = func() (s [256]uint32) {
	for w := range gram.words {
		if _, ok := shapeIndex(w); !ok && w != "" {
			s[w[0]] |= 1 << min(len(w), 31)
		}
	}
	return s
}()

// wordShapes holds, for each pair of first letters a-z, a bit per length
// of the grammar's words that start with them.
var wordShapes = func() (s [26 * 26]uint32) {
	for w := range gram.words {
		if i, ok := shapeIndex(w); ok {
			s[i] |= 1 << len(w)
		}
	}
	return s
}()

// shapeIndex is the slot of w's first two letters, when both are a-z and
// w is shorter than 32 bytes; other words are looked up directly.
func shapeIndex(w string) (int, bool) {
	if len(w) < 2 || len(w) >= 32 || w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z' {
		return 0, false
	}
	return int(w[0]-'a')*26 + int(w[1]-'a'), true
}

// wordInfo is everything the grammar knows about one lower-case word.
type wordInfo struct {
	id    int        // vocabulary id, -1 when no rule names the word
	f     feature    // word classes (all but month)
	month time.Month // a month name, subject to monthOf's capital rule
	count bool       // may open a count
}

// wordTable builds the one-lookup lexicon of words.
func wordTable(vocab map[string]int) map[string]wordInfo {
	m := map[string]wordInfo{}
	get := func(w string) wordInfo {
		if info, ok := m[w]; ok {
			return info
		}
		return wordInfo{id: -1}
	}
	for w, id := range vocab {
		info := get(w)
		info.id = id
		m[w] = info
	}
	for w, d := range weekdays {
		info := get(w)
		info.f.weekday, info.f.classes = uint8(d), info.f.classes|1<<cWeekday
		m[w] = info
	}
	for w, s := range seasons {
		info := get(w)
		info.f.season, info.f.classes = uint8(s), info.f.classes|1<<cSeason
		m[w] = info
	}
	for w := range units {
		info := get(w)
		info.f.classes |= 1 << cUnit
		m[w] = info
	}
	for w := range dayParts {
		info := get(w)
		info.f.classes |= 1 << cPart
		m[w] = info
	}
	for w, mo := range months {
		info := get(w)
		info.month = mo
		m[w] = info
	}
	for w := range countWords {
		info := get(w)
		info.count = true
		m[w] = info
	}
	return m
}

// prefixedMonth reads "mid-March", "early-June", "late-May" as months and
// "mid-2019" as a year, carrying their part of the period.
func prefixedMonth(t quantity.Token) feature {
	var f feature
	pre, rest, ok := strings.Cut(t.Text, "-")
	if !ok || rest == "" {
		return f
	}
	mod := modIndex(strings.ToLower(pre))
	if mod == 0 || (pre != "mid" && pre != "Mid" && pre != "early" && pre != "Early" && pre != "late" && pre != "Late") {
		return f
	}
	if y, ok := yearOf(quantity.Token{Text: rest, Lower: rest, Kind: quantity.Num}); ok {
		f.year, f.mods = int16(y), mod // "mid-2019"
		f.classes |= 1 << cYear
		return f
	}
	mo, ok := monthOf(quantity.Token{Text: rest, Lower: strings.ToLower(rest), Kind: quantity.Word})
	if !ok || len(rest) < 4 {
		return f
	}
	f.month, f.mods = uint8(mo), mod
	f.classes |= 1 << cMonth
	return f
}

// mastheads are newspaper names that begin with a weekday.
var mastheads = set("Times", "Telegraph", "Express", "Mirror", "Post",
	"Herald", "Star", "Mail", "Observer", "Tribune", "Independent", "Sport",
	"People", "Journal", "Magazine", "Edition", "Show", "Review")

// namedDays are capitalised words that make a weekday the name of a day
// in history or the calendar ("Bloody Sunday", "Good Friday").
var namedDays = set("Bloody", "Easter", "Good", "Black", "Palm", "Ash", "Holy",
	"Super", "Cyber", "Maundy", "Shrove", "Whit", "Low")

// masthead reports whether weekday token i opens a title ("Sunday Times")
// or ends the name of a day ("Bloody Sunday").
func masthead(toks []quantity.Token, i int) bool {
	return (i+1 < len(toks) && mastheads[toks[i+1].Text]) || (i > 0 && namedDays[toks[i-1].Text])
}

// countWords can open the count of "N units ago".
var countWords = set("a", "an", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
	"thirty", "forty", "fifty", "sixty", "few", "several", "some", "many",
	"couple", "dozen", "dozens", "hundreds", "half", "thirteen", "fourteen",
	"sixteen", "seventeen", "eighteen", "nineteen")

// countAt reads "three", "a", "an", "a few", "several" before a unit.
func countAt(toks []quantity.Token, i int) (n, end int, vague, ok bool) {
	l := toks[i].Lower
	if (l == "a" || l == "an" || l == "one") && i+1 < len(toks) {
		if _, unit := units[toks[i+1].Lower]; unit {
			return 1, i + 1, false, true
		}
	}
	n, end, vague, ok = quantity.NumberAt(toks, i)
	if !ok || (!vague && (n <= 0 || n > 500)) {
		return 0, i, false, false
	}
	return n, end, vague, true
}
