package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/actors"
	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/extract/quantity"
	"github.com/sitrep-org/sitrep/internal/gazetteer"
	"github.com/sitrep-org/sitrep/internal/textfold"
)

// doc is everything read from one article once, before framing: its
// sentences, words, phrase hits, dates, places and actors, all with byte
// offsets into the article's clean text.
type doc struct {
	a        *article.Article
	text     string
	low      string // text with its ASCII letters lower-cased (textfold.ASCIILower)
	evLow    string // text folded for the event classifier (see rank), once needed
	r        *Resources
	pub      time.Time
	pubP     int
	sents    []sentence
	words    []word
	hits     []hit
	dates    []DateMention
	places   []gazetteer.Mention // every plausible place mention
	evPl     []gazetteer.Mention // those that can locate an event (see eventPlace)
	acts     []actors.Mention
	sc       *scratch // buffers nothing keeps after Extract; see release
	frameBuf []frame  // analyse's frames, reused from sentence to sentence
	segBuf   [][2]int // a whole sentence's one segment (see wholeSentence)
}

func newDoc(a *article.Article, r *Resources) *doc {
	sents := splitSentences(a)
	d := &doc{a: a, text: a.Text, r: r, sents: sents}
	if a.Published.Known() {
		d.pub, d.pubP = a.Published.Time, int(a.Published.Precision)
	}
	d.sc = scratchPool.Get().(*scratch)
	d.low = textfold.ASCIILower(d.text)
	d.sc.words = appendWords(d.sc.words[:0], d.text, d.low)
	d.words = d.sc.words
	d.sc.hits = r.rules.appendHits(d.sc.hits[:0], d.text, d.words)
	d.hits = d.sc.hits
	slices.SortStableFunc(d.hits, func(a, b hit) int { return cmp.Compare(a.start, b.start) })
	_, tc := r.Counts.(tokenCounts)
	td, ok := r.Dates.(tokenDates)
	d.sc.qtoks, d.sc.shared = d.sc.qtoks[:0], ok || tc
	if d.sc.shared {
		d.sc.qtoks = quantity.AppendTokensLower(d.sc.qtoks, d.text, d.low)
	}
	if ok {
		d.dates = validDates(td.findIn(d.text, d.sc.qtoks, d.pub, d.pubP), len(d.text))
	} else {
		d.dates = validDates(r.Dates.Find(d.text, d.pub, d.pubP), len(d.text))
	}
	slices.SortStableFunc(d.dates, func(a, b DateMention) int { return cmp.Compare(a.Start, b.Start) })
	d.acts = r.Actors.FindWords(d.text, wordList(d.words))
	d.places = d.plausiblePlaces(validPlaces(d.findPlaces(), len(d.text)))
	slices.SortStableFunc(d.places, func(a, b gazetteer.Mention) int { return cmp.Compare(a.Start, b.Start) })
	d.evPl = d.sc.evPl[:0]
	for _, m := range d.places {
		if d.eventPlace(m) {
			d.evPl = append(d.evPl, m)
		}
	}
	d.sc.evPl = d.evPl
	return d
}

// release gives the doc's scratch buffers back for the next article; the
// doc must not be used after.
func (d *doc) release() {
	putScratch(d.sc)
	d.sc, d.words, d.hits, d.evPl = nil, nil, nil, nil
}

// validDates keeps the date mentions whose spans lie inside the text, so a
// misbehaving finder cannot make evidence point outside it.
func validDates(in []DateMention, n int) []DateMention {
	out := in[:0] // filtered in place: the finder's slice is ours
	for _, m := range in {
		if m.Start >= 0 && m.Start < m.End && m.End <= n {
			out = append(out, m)
		}
	}
	return out
}

func validPlaces(in []gazetteer.Mention, n int) []gazetteer.Mention {
	out := in[:0] // filtered in place: the finder's slice is ours
	for _, m := range in {
		if m.Start >= 0 && m.Start < m.End && m.End <= n {
			out = append(out, m)
		}
	}
	return out
}

// hasHit reports a phrase hit of a category inside [start, end); it is
// hitsIn without the allocation.
func (d *doc) hasHit(cat string, start, end int) bool {
	i := d.firstHitFrom(start)
	for ; i < len(d.hits) && d.hits[i].start < end; i++ {
		if d.hits[i].cat == cat && d.hits[i].end <= end {
			return true
		}
	}
	return false
}

// hitsIn returns the phrase hits of a category inside [start, end).
func (d *doc) hitsIn(cat string, start, end int) []hit {
	var out []hit
	i := d.firstHitFrom(start)
	for ; i < len(d.hits) && d.hits[i].start < end; i++ {
		if d.hits[i].cat == cat && d.hits[i].end <= end {
			out = append(out, d.hits[i])
		}
	}
	return out
}

// wordsIn returns the index range [i, j) of the words inside [start, end).
func (d *doc) wordsIn(start, end int) (int, int) {
	i := firstWordFrom(d.words, start)
	if end < start {
		return i, firstWordFrom(d.words[:i], end)
	}
	j := i // most spans hold a few words (wordsIn(off, off+1) asks for one): step, then search
	for k := 0; k < 8 && j < len(d.words) && d.words[j].start < end; k++ {
		j++
	}
	if j < len(d.words) && d.words[j].start < end {
		j += firstWordFrom(d.words[j:], end)
	}
	return i, j
}

// firstHitFrom is sort.Search for the first phrase hit starting at off or
// later, without the call per step.
func (d *doc) firstHitFrom(off int) int {
	lo, hi := 0, len(d.hits)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if d.hits[h].start < off {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// firstWordFrom is sort.Search for the first word starting at off or
// later, without the call per step.
func firstWordFrom(ws []word, off int) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if ws[h].start < off {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// datesIn returns the dates inside [start, end).
// The result may share the doc's own slice: read it, never write it.
func (d *doc) datesIn(start, end int) []DateMention {
	return within(d.dates, start, end, func(m *DateMention) (int, int) { return m.Start, m.End })
}

// actorsIn returns the actor mentions inside [start, end).
// The result may share the doc's own slice: read it, never write it.
func (d *doc) actorsIn(start, end int) []actors.Mention {
	return within(d.acts, start, end, func(m *actors.Mention) (int, int) { return m.Start, m.End })
}

// historical reports whether a date lies well before publication: the
// background of a report rather than its news. With no publication date,
// a stated year (without a day) is read as background.
func (d *doc) historical(m DateMention) bool {
	if d.pub.IsZero() {
		return m.Year > 0 || (!m.Date.IsZero() && m.Precision > 1)
	}
	limit := d.pub.AddDate(-1, 0, 0)
	if !m.Date.IsZero() {
		return m.Date.Before(limit)
	}
	return m.Year > 0 && m.Year < d.pub.Year()-1
}

// placesIn returns the place mentions inside [start, end) that can be an
// event's location: not part of an actor's name ("Iraqi security forces"),
// not after a word that moves the place away from the event ("neighboring
// Syria"), and not a dateline ("ERBIL, Kurdistan Region –"). The result
// may share the doc's own slice: read it, never write it.
func (d *doc) placesIn(start, end int) []gazetteer.Mention {
	return within(d.evPl, start, end, func(m *gazetteer.Mention) (int, int) { return m.Start, m.End })
}

func (d *doc) eventPlace(m gazetteer.Mention) bool {
	return !d.insideActor(m.Start, m.End) && !d.skippedPlace(m.Start) && !d.dateline(m)
}

// insideActor reports whether [start, end) lies inside an actor's name
// (a generic actor matched on exactly that span does not count).
func (d *doc) insideActor(start, end int) bool {
	i := sort.Search(len(d.acts), func(i int) bool { return d.acts[i].Start > start }) - 1
	for ; i >= 0 && d.acts[i].End > start; i-- {
		a := d.acts[i]
		if a.Start <= start && end <= a.End && !(a.Start == start && a.End == end && a.Actor.Generic) {
			return true
		}
	}
	return false
}

// skippedPlace reports whether a "skipplace" phrase ends right before off
// (at most one word between, e.g. "neighboring northern Syria").
func (d *doc) skippedPlace(off int) bool {
	i, _ := d.wordsIn(off, off+1)
	for _, h := range d.hitsIn(catSkipPlace, max(0, off-40), off) {
		k, _ := d.wordsIn(h.end, off)
		if i-k <= 1 {
			return true
		}
	}
	return false
}

// dateline reports whether a place mention opens its line in capitals
// followed by a comma or a dash: the reporter's location, not the event's.
func (d *doc) dateline(m gazetteer.Mention) bool {
	lineStart := strings.LastIndexByte(d.text[:m.Start], '\n') + 1
	if strings.TrimSpace(d.text[lineStart:m.Start]) != "" {
		return false
	}
	name := d.text[m.Start:m.End]
	if strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return false
	}
	rest := strings.TrimLeft(d.text[m.End:], " ")
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "—")
}

// plausiblePlaces drops place mentions that are something else: an
// agency's, a claim channel's or an actor's name ("Al-Mayadeen", "AVA"), a
// government named by its seat ("the Kremlin said"), a phrase opening with
// "of", or the lone mention of a country in a report that keeps to other
// countries (a person's name read as a foreign town).
func (d *doc) plausiblePlaces(ps []gazetteer.Mention) []gazetteer.Mention {
	named := ps[:0] // filtered in place: ps is the doc's own
	for _, m := range ps {
		if d.insideHit(catAgency, m.Start, m.End) || d.insideHit(catChannel, m.Start, m.End) || hasLowerPrefix(m.Text, "of ") || d.mediaName(m) || d.seatMetonym(m) {
			continue
		}
		named = append(named, m)
	}
	perCountry := map[string]int{}
	most := 0
	for _, m := range named {
		perCountry[m.Place.CountryCode]++
		most = max(most, perCountry[m.Place.CountryCode])
	}
	out := named[:0]
	for _, m := range named {
		if perCountry[m.Place.CountryCode] == 1 && most >= outlierMajority {
			continue
		}
		out = append(out, m)
	}
	return out
}

// mediaName reports a place that begins an outlet's name: capitalised
// words up to a media word ("Tigris Wire Service", "Kabul Times").
func (d *doc) mediaName(m gazetteer.Mention) bool {
	_, j := d.wordsIn(m.Start, m.End)
	for k := j; k < len(d.words) && k < j+3; k++ {
		w := d.words[k]
		if r := d.text[w.start]; r < 'A' || r > 'Z' {
			return false
		}
		if d.hasHit(catMedia, w.start, w.end) {
			return true
		}
	}
	return false
}

// outlierMajority is how often another country must be named before a
// country named once is read as a misreading.
const outlierMajority = 3

func (d *doc) insideHit(cat string, start, end int) bool {
	for _, h := range d.hitsIn(cat, max(0, start-60), end+60) {
		if h.start <= start && end <= h.end {
			return true
		}
	}
	return false
}

// referencePoint reports a place named only to locate another ("north of
// Baghdad", "20 km west of Mosul").
func (d *doc) referencePoint(m gazetteer.Mention) bool {
	i, _ := d.wordsIn(m.Start, m.Start+1)
	if i < 2 || d.words[i-1].lower != "of" {
		return false
	}
	return compass[d.words[i-2].lower]
}

var compass = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "northern": true, "southern": true, "eastern": true, "western": true,
}

// within returns the mentions of xs (sorted by start) that lie inside
// [start, end). In the common case they form one run and the result shares
// xs: read it, never write it. span gives a mention's offsets (from a
// pointer: a place mention is too big to copy at every step).
func within[T any](xs []T, start, end int, span func(*T) (int, int)) []T {
	lo, hi := 0, len(xs) // sort.Search for the first mention starting at start or later
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if s, _ := span(&xs[h]); s < start {
			lo = h + 1
		} else {
			hi = h
		}
	}
	i := lo
	j := i
	for ; j < len(xs); j++ {
		if s, e := span(&xs[j]); s >= end || e > end {
			break
		}
	}
	if j == len(xs) {
		return xs[i:j:j]
	}
	if s, _ := span(&xs[j]); s >= end {
		return xs[i:j:j] // the common case: a run of the sorted mentions, shared
	}
	out := append([]T{}, xs[i:j]...)
	for ; j < len(xs); j++ {
		s, e := span(&xs[j])
		if s >= end {
			break
		}
		if e <= end {
			out = append(out, xs[j])
		}
	}
	return out
}
