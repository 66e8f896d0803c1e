package extract

import (
	"sort"
	"strings"

	"github.com/sitrep-org/sitrep/internal/extract/eventtype"
)

// frame is one statement about one event: a sentence, or the part of a
// sentence that reports one of several events, with what framing decided
// about it.
type frame struct {
	sent       int // index into doc.sents
	start, end int
	focus      [2]int      // the span whose places and counts count: the frame, or the clause of a back-reference
	ev         EventResult // cue offsets are absolute
	cue        Cue         // the strongest cue; absolute offsets
	allCues    []Cue       // the live cues of every type, for reading roles
	ranked     []EventResult
	counts     []CountMention
	event      bool     // an ACLED event or a casualty count is described
	flags      []string // why it is not a concrete event (history, modal, ...)
	concrete   bool
	timeAnchor bool
	coref      bool // refers back to an event already reported
	another    bool // announces a distinct event
	claim      bool
	lede       bool
}

// Framing reasons recorded in frame.flags.
const (
	reasonHistory   = "history"
	reasonStatistic = "statistic"
	reasonModal     = "modal"
	reasonNegated   = "negated"
	reasonGeneral   = "general"
	reasonNonACLED  = "non-acled"
)

// maxCueBytes is the longest cue read as a word-level cue (a verb or a
// weapon); longer ones are whole-clause patterns, poor for locating roles.
const maxCueBytes = 30

// minEventWords is the fewest words a statement needs to report an event
// ("We captured them." does not).
const minEventWords = 6

// inheritSentences is how many earlier sentences of its paragraph a
// statement borrows a missing date or place from.
const inheritSentences = 2

// ledeSentences is how many body sentences open a report: a place there
// anchors an event even without a date.
const ledeSentences = 3

// analyse frames one sentence: one frame, or one per event when the
// sentence reports events at different places or dates. The frames are
// valid until the next call (group copies what it keeps).
func (d *doc) analyse(si int) []frame {
	s := d.sents[si]
	text := d.text[s.start:s.end]
	raw := d.casualties(text, s.start, s.end)
	counts := shiftCounts(raw, s.start, s.end)
	ranked, veto := d.rankLive(s.start, s.end)
	ev := choose(ranked, s.start, s.end)
	if veto.Code != "" {
		ev, ranked = veto, nil
	}
	var cues []Cue
	for _, r := range ranked {
		cues = append(cues, r.Cues...)
	}
	stat := func() bool {
		if d.hasHit(catStatistic, s.start, s.end) || d.eventTally(s.start, s.end) {
			return true
		}
		if len(raw) > 0 { // Casualties has already read the sentence
			return hasFlag(raw[0].Flags, flagStatistic)
		}
		return d.isStatistic(text, s.start, s.end)
	}
	out := d.frameBuf[:0]
	for _, seg := range d.segments(s, EventResult{Cues: cues}) {
		f := frame{sent: si, start: seg[0], end: seg[1], focus: seg, ev: ev, allCues: cues, ranked: ranked, lede: s.index >= 0 && s.index < ledeSentences}
		if len(out) > 0 || seg[1] < s.end {
			own, _ := d.rankLive(seg[0], seg[1])
			if part := choose(own, seg[0], seg[1]); isACLED(part.Code) {
				f.ev, f.ranked = part, own
			} else if part := choose(ranked, seg[0], seg[1]); isACLED(part.Code) {
				f.ev = part
			}
		}
		for _, c := range counts {
			if c.Start >= f.start && c.Start < f.end && !d.boasted(c, f.start) {
				f.counts = append(f.counts, c)
			}
		}
		d.frameFlags(&f, stat)
		out = append(out, f)
	}
	d.frameBuf = out
	return out
}

// vetoCodes are classifier codes that, ranked first, say the text is not
// about political violence at all (a flood, a crime for money).
var vetoCodes = map[string]bool{"NATURAL_DISASTER": true, "MAN_MADE_DISASTER": true, "ORG_CRIME": true}

// weakCodes are ACLED types too vague to make an incident on their own in
// a news report (deployments, withdrawals, "other").
var weakCodes = map[string]bool{"CHANGE_TO_GROUP_ACT": true, "OTHER": true, "AGREEMENT": true, "HQ_ESTABLISHED": true, "NON_VIOL_TERRIT_TRANSFER": true}

// rankLive ranks the types of text[start:end] that can make an incident:
// ACLED types that are not weak, each with the cues that survive once cues
// inside actor names and dates are set aside ("Popular Mobilization
// Forces" is not a mobilisation, "March" is not a march). A veto code
// ranked first is returned apart: the text is not about political violence.
func (d *doc) rankLive(start, end int) (ranked []EventResult, veto EventResult) {
	for k := len(d.sc.ranks) - 1; k >= 0; k-- { // the spans of the sentence at hand are the last
		if c := &d.sc.ranks[k]; c.start == start && c.end == end {
			return c.ranked, c.veto
		}
	}
	defer func() { d.sc.ranks = append(d.sc.ranks, rankCache{start, end, ranked, veto}) }()
	rs := d.rank(start, end)
	shift := shiftEvent
	_, owned := d.r.Events.(classifier)
	if owned {
		shift = shiftOwnEvent // the default classifier's results are fresh copies
	}
	if len(rs) > 0 && (vetoCodes[rs[0].Code] || outweighs(rs)) {
		return nil, shift(rs[0], start, end)
	}
	if owned {
		ranked = rs[:0] // and so filtered in place
	}
	for _, r := range rs {
		if !isACLED(r.Code) || weakCodes[r.Code] {
			continue
		}
		r = shift(r, start, end)
		r.Cues = d.liveCues(r.Cues)
		if cueIn(r, start, end) {
			ranked = append(ranked, r)
		}
	}
	if len(ranked) == 0 {
		ranked = nil
	}
	return ranked, EventResult{}
}

// statementCodes are non-ACLED types for talk about violence: diplomacy.
// Ranked first by a wide margin they mean the text is a statement, not a
// report of an event ("imposed sanctions over missile launches").
var statementCodes = map[string]bool{"DIPLO": true}

// outweighs reports a statement type ranked first with more than twice
// the score of the best ACLED type.
func outweighs(rs []EventResult) bool {
	if !statementCodes[rs[0].Code] {
		return false
	}
	for _, r := range rs[1:] {
		if isACLED(r.Code) {
			return rs[0].Score > 2*r.Score
		}
	}
	return true
}

// rankCache keeps a span's ranked types: segments are ranked once.
type rankCache struct {
	start, end int
	ranked     []EventResult
	veto       EventResult
}

// choose picks the type of the span [start, end) from ranked types: the
// best with a cue inside the span, unless it is a generic attack or clash
// and a weapon type also has a cue there.
func choose(ranked []EventResult, start, end int) EventResult {
	var chosen EventResult
	for _, r := range ranked {
		if !cueIn(r, start, end) {
			continue
		}
		switch {
		case chosen.Code == "":
			chosen = r
			if !genericCodes[r.Code] {
				return chosen
			}
		case weaponCodes[r.Code]:
			return r // the weapon says how the violence was done
		}
	}
	return chosen
}

// genericCodes name violence without its means; weaponCodes name the
// means. ACLED codes an explosion as Explosions/Remote violence even when
// it targets civilians, so a weapon cue in the same statement wins.
var (
	genericCodes = map[string]bool{"ATTACK": true, "ARMED_CLASH": true}
	weaponCodes  = map[string]bool{"REM_EXPLOS": true, "SUIC_BOMB": true, "AIR_STRIKE": true, "ART_MISS_ATTACK": true, "GRENADE": true, "CHEM_WEAP": true}
)

// liveCues drops cues that lie inside an actor's name or a date.
func (d *doc) liveCues(cs []Cue) []Cue {
	out := cs[:0]
	for _, c := range cs {
		if !d.insideActor(c.Start, c.End) && !d.insideDate(c.Start, c.End) {
			out = append(out, c)
		}
	}
	return out
}

func (d *doc) insideDate(start, end int) bool {
	i := sort.Search(len(d.dates), func(i int) bool { return d.dates[i].Start > start })
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if m := d.dates[k]; m.Start <= start && end <= m.End {
			return true
		}
	}
	return false
}

func isACLED(code string) bool {
	if code == "" {
		return false
	}
	_, ok := eventtype.SubEvent(code)
	return ok
}

// boasted reports a count a party claims about its enemy ("the group
// claimed to have killed 40"): a claim, not a figure to code.
func (d *doc) boasted(c CountMention, from int) bool {
	return d.near(catBoast, d.clauseStart(from, c.Start), c.Start+1, 4)
}

// frameFlags decides whether a frame is a concrete event.
func (d *doc) frameFlags(f *frame, stat func() bool) {
	killed := casualtyCount(f.counts)
	f.event = isACLED(f.ev.Code)
	if f.ev.Code != "" && !isACLED(f.ev.Code) {
		f.flags = append(f.flags, reasonNonACLED)
	}
	f.cue = primaryCue(f)
	s := d.sents[f.sent]
	f.coref = d.hasHit(catCoref, f.start, f.end)
	f.another = d.hasHit(catAnother, f.start, f.end)
	// a group's own media arm reporting "the attack" is its claim for it
	f.claim = d.hasHit(catClaim, f.start, f.end) || d.hasHit(catChannel, f.start, f.end)
	if !f.event {
		return
	}
	if largeCount(f.counts) || stat() {
		f.flags = append(f.flags, reasonStatistic)
	}
	if d.historyAt(f) {
		f.flags = append(f.flags, reasonHistory)
	}
	if why := d.unasserted(f.start, f.cue); why != "" {
		if alt, ok := d.assertedAlternative(f); ok {
			f.ev, f.cue = alt, primaryCue(&frame{start: f.start, end: f.end, ev: alt})
		} else {
			f.flags = append(f.flags, why)
		}
	}
	if d.hasHit(catGeneral, s.start, f.cue.End) {
		f.flags = append(f.flags, reasonGeneral)
	}
	if len(f.flags) > 0 {
		d.narrowToCoref(f)
		return
	}
	if i, j := d.wordsIn(f.start, f.end); j-i < minEventWords {
		return
	}
	if f.claim && f.coref {
		return // a claim for "the attack" adds to it; it is not a new event
	}
	f.timeAnchor = d.timeAnchor(f)
	place := len(d.placesIn(f.focus[0], f.focus[1])) > 0 || d.inheritedPlace(f.sent)
	f.concrete = f.timeAnchor || (place && (killed || f.lede)) || (f.lede && killed)
}

// unasserted says why the action at cue is not asserted as having
// happened: a modal or purpose before it ("could attack", "to launch
// attacks"), or a negation ("did not attack"); "" when it is asserted.
func (d *doc) unasserted(from int, cue Cue) string {
	clause := d.clauseStart(from, cue.Start)
	switch {
	case d.near(catModal, clause, cue.Start, 8) || d.purpose(clause, cue.Start):
		return reasonModal
	case d.near(catNegation, clause, cue.Start, 4):
		return reasonNegated
	}
	return ""
}

// assertedAlternative finds another type of the frame whose cue is
// asserted: "Demonstrators marched ... to denounce violence" is a march,
// though "violence" ranked first.
func (d *doc) assertedAlternative(f *frame) (EventResult, bool) {
	for _, r := range f.ranked {
		if r.Code == f.ev.Code {
			continue
		}
		c := primaryCue(&frame{start: f.start, end: f.end, ev: r})
		if c.End > c.Start && c.Start >= f.start && c.End <= f.end && d.unasserted(f.start, c) == "" {
			return r, true
		}
	}
	return EventResult{}, false
}

// narrowToCoref keeps, of a frame that is not itself an event (history, a
// general remark), only the clause that refers back to an event: "The
// attack took place between Diyala and Salahuddin provinces, a rural area
// that remains a hotbed ..." adds its place and nothing else.
func (d *doc) narrowToCoref(f *frame) {
	hs := d.hitsIn(catCoref, f.start, f.end)
	if len(hs) == 0 {
		f.focus = [2]int{f.start, f.start}
		f.counts = nil
		return
	}
	end := f.end
	if i := strings.IndexAny(d.text[hs[0].end:f.end], ",;:—–"); i >= 0 {
		end = hs[0].end + i
	}
	f.focus = [2]int{hs[0].start, end}
	kept := f.counts[:0:0]
	for _, c := range f.counts {
		if c.Start >= f.focus[0] && c.End <= f.focus[1] {
			kept = append(kept, c)
		}
	}
	f.counts = kept
}

// primaryCue is the frame's strongest classifier cue, or its first
// casualty count when the classifier found no cue.
func primaryCue(f *frame) Cue {
	for _, short := range []bool{true, false} {
		for _, c := range f.ev.Cues {
			if c.Weight > 0 && c.Start >= f.start && c.End <= f.end && (!short || c.End-c.Start <= maxCueBytes) {
				return c
			}
		}
	}
	for _, c := range f.counts {
		return Cue{Start: c.Start, End: c.End, Text: c.Text, Rule: "count:" + c.Rule, Weight: 1}
	}
	return Cue{Start: f.start, End: f.start}
}

func casualtyCount(cs []CountMention) bool {
	for _, c := range cs {
		if c.N > 0 && !hasFlag(c.Flags, flagStatistic) {
			return true
		}
	}
	return false
}

// largeCount reports a casualty count in the thousands: a toll over a
// campaign or a period, not one event.
func largeCount(cs []CountMention) bool {
	for _, c := range cs {
		if c.N >= 1000 || hasFlag(c.Flags, flagLarge) {
			return true
		}
	}
	return false
}

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// clauseStart finds where the clause holding off begins, not before from.
func (d *doc) clauseStart(from, off int) int {
	if off <= from {
		return from
	}
	i := strings.LastIndexAny(d.text[from:off], ",;:()—–\"“”")
	if i < 0 {
		return from
	}
	return from + i + 1
}

// near reports a phrase of the category ending within n words before off
// and after from.
func (d *doc) near(cat string, from, off, n int) bool {
	i, _ := d.wordsIn(off, off+1)
	for _, h := range d.hitsIn(cat, from, off) {
		k, _ := d.wordsIn(h.end, off)
		if i-k <= n {
			return true
		}
	}
	return false
}

// purpose reports an infinitive of purpose before the cue: "to launch
// attacks", "to recapture".
func (d *doc) purpose(from, off int) bool {
	i, _ := d.wordsIn(off, off+1)
	for back := 1; back <= 2 && i-back >= 0; back++ {
		w := d.words[i-back]
		if w.start < from {
			return false
		}
		if w.lower == "to" {
			return true
		}
		if back == 1 && (w.lower == "the" || w.lower == "a" || w.lower == "an" || w.lower == "its" || w.lower == "their") {
			return false
		}
	}
	return false
}

// eventTally reports a number of events counted together ("139 attacks"):
// a statistic.
func (d *doc) eventTally(start, end int) bool {
	i, j := d.wordsIn(start, end)
	for k := i + 1; k < j; k++ {
		if isNumberWord(d.words[k-1].lower) && tallyNouns[d.words[k].lower] {
			return true
		}
	}
	return false
}

var tallyNouns = map[string]bool{
	"attacks": true, "operations": true, "incidents": true, "bombings": true, "raids": true,
	"strikes": true, "airstrikes": true, "clashes": true, "explosions": true, "killings": true,
	"assassinations": true, "kidnappings": true, "abductions": true, "ambushes": true,
}

func isNumberWord(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	switch w {
	case "dozens", "hundreds", "thousands", "scores", "tens", "numerous", "several", "many":
		return true
	}
	return false
}
