package extract

import (
	"sort"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-org/sitrep/internal/extract/eventtype"
	"github.com/sitrep-org/sitrep/internal/extract/quantity"
	"github.com/sitrep-org/sitrep/internal/extract/timex"
	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// The default readers share one lower-cased copy of the article, and the
// date and casualty readers one tokenisation of it: the date reader takes the article's tokens whole, the
// casualty reader each sentence's share of them. Readers supplied by a
// caller are given text, as the interfaces say.

// lowerPlaces is a PlaceFinder that can take the text lower-cased already
// (the gazetteer).
type lowerPlaces interface {
	FindLower(text, lower string) []gazetteer.Mention
}

// findPlaces finds the article's places, handing the gazetteer the
// lower-cased copy the doc has.
func (d *doc) findPlaces() []gazetteer.Mention {
	if lp, ok := d.r.Places.(lowerPlaces); ok {
		return lp.FindLower(d.text, d.low)
	}
	return d.r.Places.Find(d.text)
}

// lowerEvents is an EventClassifier that can take the text folded already
// (the default classifier, with eventtype.Lower).
type lowerEvents interface {
	rankLower(text, lower string) []EventResult
}

// rank ranks the event types of text[start:end]. The default classifier
// is handed its share of one folded copy of the article, made at the
// first call, instead of folding every sentence and clause anew.
func (d *doc) rank(start, end int) []EventResult {
	lr, ok := d.r.Events.(lowerEvents)
	if !ok {
		return d.r.Events.Rank(d.text[start:end])
	}
	if len(d.evLow) != len(d.text) {
		d.evLow = eventLower(d.text, d.low)
	}
	lower := "" // a span that does not start and end at runes is folded alone
	if runeStart(d.text, start) && runeStart(d.text, end) {
		lower = d.evLow[start:end]
	}
	return lr.rankLower(d.text[start:end], lower)
}

// eventLower is eventtype.Lower(text); low is textfold.ASCIILower(text),
// which is the same for an ASCII text.
func eventLower(text, low string) string {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return eventtype.Lower(text)
		}
	}
	return low
}

// runeStart reports whether offset i of text is the start of a rune or
// the text's end.
func runeStart(text string, i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }

// tokenDates is a DateFinder that can read text already tokenized
// (quantity.Tokenize).
type tokenDates interface {
	findIn(text string, toks []quantity.Token, pub time.Time, pubPrecision int) []DateMention
}

// tokenCounts is a CountFinder that can read a sentence already tokenized.
type tokenCounts interface {
	casualtiesIn(sentence string, toks []quantity.Token) []CountMention
	isStatisticIn(toks []quantity.Token) bool
}

func (timexDates) findIn(text string, toks []quantity.Token, pub time.Time, pubPrecision int) []DateMention {
	return dateMentions(timex.FindIn(text, toks, pub, pubPrecision))
}

func (quantityCounts) casualtiesIn(sentence string, toks []quantity.Token) []CountMention {
	return countMentions(quantity.CasualtiesIn(sentence, toks))
}

func (quantityCounts) isStatisticIn(toks []quantity.Token) bool { return quantity.IsStatisticIn(toks) }

// scratch is the working memory of one Extract call that nothing keeps
// once it returns: the article's words and tokens and one sentence's
// tokens. It is reused from call to call through scratchPool.
type scratch struct {
	words  []word
	hits   []hit            // the lexicon's phrase hits
	qtoks  []quantity.Token // the article's tokens, when shared is set
	shared bool             // a default reader takes the article's tokens
	stoks  []quantity.Token // one sentence's tokens, offsets from its start
	ranks  []rankCache      // the spans ranked so far (see rankLive)
	evPl   []gazetteer.Mention
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledWords bounds the buffers kept for reuse, so that one very long
// article does not stay pinned in memory.
const maxPooledWords = 1 << 15

// maxPooledPlaces bounds the event places kept for reuse likewise.
const maxPooledPlaces = 1 << 10

func putScratch(sc *scratch) {
	if sc == nil || cap(sc.words) > maxPooledWords || cap(sc.qtoks) > maxPooledWords || cap(sc.evPl) > maxPooledPlaces {
		return
	}
	clear(sc.ranks) // the article's results and places go with it
	sc.ranks = sc.ranks[:0]
	clear(sc.evPl)
	sc.evPl = sc.evPl[:0]
	scratchPool.Put(sc)
}

// sentenceTokens returns the tokens of text[start:end] as quantity.Tokenize
// would cut that sentence alone, taken from the article's tokens, and
// false when the article was not tokenized or the sentence does not stand
// between spaces (where cutting it alone could join or split tokens
// differently). The result lives in the scratch until the next call.
func (d *doc) sentenceTokens(start, end int) ([]quantity.Token, bool) {
	if !d.sc.shared || !spaceBounded(d.text, start, end) {
		return nil, false
	}
	qt := d.sc.qtoks
	i := sort.Search(len(qt), func(i int) bool { return qt[i].Start >= start })
	j := i
	for j < len(qt) && qt[j].End <= end {
		j++
	}
	out := append(d.sc.stoks[:0], qt[i:j]...)
	for k := range out {
		out[k].Start -= start
		out[k].End -= start
	}
	d.sc.stoks = out
	return out, true
}

// spaceBounded reports whether text[start:end] has a space (or the text's
// edge) on both sides: no token crosses a space, and the tokenizer looks
// at most one rune past a token, so the sentence's tokens are then the
// same read alone or within the text.
func spaceBounded(text string, start, end int) bool {
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); !unicode.IsSpace(r) {
			return false
		}
	}
	if end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// casualties reads the casualty counts of one sentence.
func (d *doc) casualties(text string, start, end int) []CountMention {
	if tc, ok := d.r.Counts.(tokenCounts); ok {
		if toks, ok := d.sentenceTokens(start, end); ok {
			return tc.casualtiesIn(text, toks)
		}
	}
	return d.r.Counts.Casualties(text)
}

// isStatistic reports whether one sentence reads as an aggregate.
func (d *doc) isStatistic(text string, start, end int) bool {
	if tc, ok := d.r.Counts.(tokenCounts); ok {
		if toks, ok := d.sentenceTokens(start, end); ok {
			return tc.isStatisticIn(toks)
		}
	}
	return d.r.Counts.IsStatistic(text)
}
