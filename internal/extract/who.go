package extract

import (
	"sort"
	"strings"

	"github.com/sitrep-org/sitrep/internal/actors"
)

// vote is one piece of evidence that an actor took a side in an event:
// side 1 acted, side 2 was acted upon.
type vote struct {
	m      actors.Mention
	side   int
	weight float64
	rule   string
}

// Role words: what comes right before an actor and says its side.
var (
	targetWords = map[string]bool{"against": true, "targeting": true, "targeted": true, "targets": true, "on": true, "attacked": true, "ambushed": true, "killed": true, "killing": true, "kidnapped": true, "abducted": true, "struck": true, "hit": true, "stormed": true, "raided": true, "besieged": true}
	agentWords  = map[string]bool{"by": true}
	clashWords  = map[string]bool{"with": true, "between": true}
)

// sentenceSubject carries the acting side of a sentence into its later
// parts: in "ISIS staged an attack in Raqqa ..., and killed a dozen people
// in Karbala" the second event's actor is the sentence's subject.
func (d *doc) sentenceSubject(f *frame) []vote {
	s := d.sents[f.sent]
	if f.start == s.start {
		return nil
	}
	for _, m := range d.actorsIn(s.start, f.start) {
		if m.Actor.Armed() {
			return []vote{{m: m, side: 1, weight: 0.5, rule: "subject-of-sentence"}}
		}
	}
	return nil
}

// frameVotes reads who did what to whom in one frame.
func (d *doc) frameVotes(f *frame, support bool) []vote {
	var out []vote
	for _, c := range f.counts {
		if c.Who == "" {
			continue
		}
		for _, m := range d.victims(c) {
			w := 1.0
			if m.Weak {
				w = 0.5 // "people", "others": victims, but a weak sign of who they were
			}
			out = append(out, vote{m: m, side: 2, weight: w, rule: "victims"})
		}
	}
	if (support && !f.event && !f.claim) || len(f.flags) > 0 {
		return out
	}
	out = append(out, d.sentenceSubject(f)...)
	actorSide := false
	for _, m := range d.actorsIn(f.start, f.end) {
		if overlapsVote(out, m) {
			continue
		}
		if v, ok := d.role(f, m); ok {
			out = append(out, v)
			actorSide = actorSide || v.side == 1
		}
	}
	if !actorSide {
		out = append(out, d.leadingActor(f, out)...)
	}
	return out
}

// leadingActor is the fallback subject: the first armed actor named before
// the cue when none is in the cue's own clause ("ISIS gunmen who were
// hiding there, shot and killed ...").
func (d *doc) leadingActor(f *frame, votes []vote) []vote {
	for _, m := range d.actorsIn(f.start, f.cue.Start) {
		if m.Actor.Armed() && !overlapsVote(votes, m) && !d.follows(catReport, wordIndexAfter(d, m.End), 2, f.end) {
			return []vote{{m: m, side: 1, weight: 0.8, rule: "leading-subject"}}
		}
	}
	return nil
}

func wordIndexAfter(d *doc, off int) int {
	i, _ := d.wordsIn(off, off+1)
	return i
}

func overlapsVote(vs []vote, m actors.Mention) bool {
	for _, v := range vs {
		if v.m.Start < m.End && m.Start < v.m.End {
			return true
		}
	}
	return false
}

// role decides one actor mention's side from the words around it.
func (d *doc) role(f *frame, m actors.Mention) (vote, bool) {
	i, _ := d.wordsIn(m.Start, m.Start+1)
	_, j := d.wordsIn(m.Start, m.End)
	if d.follows(catClaim, j, 4, f.end) {
		return vote{m: m, side: 1, weight: 2, rule: "claimed"}, true
	}
	if d.selfReport(j) {
		return vote{m: m, side: 1, weight: 1.5, rule: "self-report"}, true
	}
	if d.follows(catReport, j, 2, f.end) || d.near(catFromRole, f.start, m.Start, 1) || backer(d.text, m.End) {
		return vote{}, false
	}
	before := d.prevWords(i, 2, d.clauseStart(f.start, m.Start))
	switch {
	case m.Start <= f.cue.Start && f.cue.Start < m.End:
		return vote{m: m, side: 1, weight: 1, rule: "agent-noun"}, true // "a suicide bomber blew himself up"
	case d.actsNext(f, d.skipConjoined(f, j)):
		return vote{m: m, side: 1, weight: 1.5, rule: "subject-of-verb"}, true
	case anyIn(before, agentWords) && m.Start >= f.cue.End && d.passiveBefore(f, m.Start):
		return vote{m: m, side: 1, weight: 2, rule: "agent"}, true
	case anyIn(before, targetWords):
		return vote{m: m, side: 2, weight: 2, rule: "target"}, true
	case len(before) > 0 && before[0] == "between":
		return vote{m: m, side: 1, weight: 1.5, rule: "first-party"}, true // "clashes between X and Y"
	case d.afterBetween(i, f.start):
		return vote{m: m, side: 2, weight: 1.5, rule: "second-party"}, true
	case anyIn(before, clashWords) && m.Start >= f.cue.End:
		return vote{m: m, side: 2, weight: 1.5, rule: "opponent"}, true
	case m.End <= f.cue.Start && m.Start >= d.clauseStart(f.start, f.cue.Start):
		return vote{m: m, side: 1, weight: 1, rule: "subject"}, true
	case m.Start >= f.cue.End && m.End <= d.clauseEnd(f.cue.End, f.end):
		return vote{m: m, side: 2, weight: 1, rule: "object"}, true
	}
	return vote{}, false
}

// selfReport reports an actor telling of its own action: "the SDF said it
// had arrested", "the army said its aircraft had struck".
func (d *doc) selfReport(j int) bool {
	k := j
	if k < len(d.words) && (d.words[k].lower == "said" || d.words[k].lower == "says" || d.words[k].lower == "announced") {
		k++
	} else {
		return false
	}
	for k < len(d.words) && (d.words[k].lower == "that" || d.words[k].lower == "on" || d.insideDate(d.words[k].start, d.words[k].end)) {
		k++ // "announced Thursday that it ..."
	}
	if k >= len(d.words) || (d.words[k].lower != "it" && d.words[k].lower != "its" && d.words[k].lower != "they" && d.words[k].lower != "their") {
		return false
	}
	hs := d.hitsIn(catActVerb, d.words[k].end, min(len(d.text), d.words[k].end+40))
	if len(hs) == 0 {
		return false
	}
	n, _ := d.wordsIn(hs[0].start, hs[0].start+1)
	return n-k <= 3
}

// backer reports an actor named as a backer in a compound adjective
// ("army-backed volunteers", "Iran-backed militia", "al-Qaeda-linked"):
// it is not a party to the event.
func backer(text string, end int) bool {
	rest := text[end:]
	for _, suf := range []string{"-backed", "-linked", "-affiliated", "-allied", "-aligned", "-supported", "-sponsored"} {
		if strings.HasPrefix(rest, suf) {
			return true
		}
	}
	return false
}

// passiveBefore reports a passive auxiliary in the clause before off, so
// that "by" introduces an agent ("were killed by the enemy") and not a
// modifier ("a convoy escorted by volunteers").
func (d *doc) passiveBefore(f *frame, off int) bool {
	i, j := d.wordsIn(d.clauseStart(f.start, off), off)
	for k := i; k < j; k++ {
		if passiveAux[d.words[k].lower] {
			return true
		}
	}
	return false
}

// afterBetween reports an actor after "between X and": the second party
// of a clash.
func (d *doc) afterBetween(i, from int) bool {
	if i < 1 || d.words[i-1].lower != "and" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-7 && d.words[k].start >= from; k-- {
		if d.words[k].lower == "between" {
			return true
		}
	}
	return false
}

// skipConjoined moves word index j past "and <actor>" so that both actors
// of "the Iraqi army and Popular Mobilization forces clashed" act.
func (d *doc) skipConjoined(f *frame, j int) int {
	for j < len(d.words) && d.words[j].lower == "and" && j+1 < len(d.words) {
		next := d.actorsIn(d.words[j+1].start, f.end)
		if len(next) == 0 {
			return j
		}
		if k, _ := d.wordsIn(next[0].Start, next[0].Start+1); k-(j+1) > 1 {
			return j // at most one word ("allied") between "and" and the actor
		}
		_, j = d.wordsIn(next[0].Start, next[0].End)
	}
	return j
}

// actsNext reports an active event verb right after the actor (word index
// j is the first word after it): "ISIS militants attacked a checkpoint".
// A passive ("were killed") makes the actor a victim instead.
func (d *doc) actsNext(f *frame, j int) bool {
	if j >= len(d.words) {
		return false
	}
	if passiveAux[d.words[j].lower] {
		return false
	}
	for _, h := range d.hitsIn(catActVerb, d.words[j].start, f.end) {
		k, _ := d.wordsIn(h.start, h.start+1)
		return k-j <= 1 && (k == j || !passiveAux[d.words[j].lower])
	}
	for _, c := range f.allCues {
		k, _ := d.wordsIn(c.Start, c.Start+1)
		if k >= j && k-j <= 1 && c.End-c.Start <= maxCueBytes {
			return true
		}
	}
	return false
}

var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "being": true, "be": true, "is": true, "are": true}

// clauseEnd finds where the clause holding off ends, not after end.
func (d *doc) clauseEnd(off, end int) int {
	if off >= end {
		return end
	}
	if i := strings.IndexAny(d.text[off:end], ",;:()—–\"“”"); i >= 0 {
		return off + i
	}
	return end
}

// follows reports a phrase of the category starting within n words after
// word index j, before offset end.
func (d *doc) follows(cat string, j, n, end int) bool {
	if j >= len(d.words) {
		return false
	}
	hs := d.hitsIn(cat, d.words[j].start, end)
	if len(hs) == 0 {
		return false
	}
	k, _ := d.wordsIn(hs[0].start, hs[0].start+1)
	return k-j < n
}

// prevWords returns up to n lower-case words before word index i, not
// before offset from.
func (d *doc) prevWords(i, n, from int) []string {
	var out []string
	for k := i - 1; k >= 0 && k >= i-n && d.words[k].start >= from; k-- {
		out = append(out, d.words[k].lower)
	}
	return out
}

func anyIn(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		if set[w] {
			return true
		}
	}
	return false
}

// camp groups actors that fight on the same side in most conflicts: state
// forces with their allies and pro-government militias; rebels and
// unidentified armed men; civilians; crowds.
func camp(a actors.Actor) string {
	switch a.Kind {
	case actors.KindState, actors.KindPolice, actors.KindExternal, actors.KindMilitia:
		return "gov"
	case actors.KindCivilians:
		return "civ"
	case actors.KindProtesters, actors.KindRioters:
		return "crowd"
	}
	return "armed"
}

// party is one actor of an incident with its evidence.
type party struct {
	actor  actors.Actor
	s1, s2 float64
	first  vote // earliest vote, for evidence
	n      int
	strong bool // named by more than a weak word ("people", "others")
}

// sides picks actor1, actor2 and the associated actors of each side from
// the votes of an incident's frames.
func sides(votes []vote, fill func(actors.Actor) actors.Actor) (a1, a2 *party, assoc1, assoc2 []*party) {
	byName := map[string]*party{}
	var order []*party
	for _, v := range votes {
		a := fill(v.m.Actor)
		p := byName[a.Name]
		if p == nil {
			p = &party{actor: a, first: v}
			byName[a.Name] = p
			order = append(order, p)
		}
		p.n++
		p.strong = p.strong || !v.m.Weak
		if v.side == 1 {
			p.s1 += v.weight
		} else {
			p.s2 += v.weight
		}
	}
	order = dropVagueDuplicates(order)
	best := -1e9
	for _, x := range append([]*party{nil}, order...) {
		for _, y := range append([]*party{nil}, order...) {
			if x != nil && x == y {
				continue
			}
			if sc := pairScore(x, y); sc > best {
				best, a1, a2 = sc, x, y
			}
		}
	}
	for _, p := range order {
		if p == a1 || p == a2 || !p.strong {
			continue
		}
		switch {
		case sameCamp(p, a2) && !sameCamp(p, a1):
			assoc2 = append(assoc2, p)
		case sameCamp(p, a1) && !sameCamp(p, a2):
			assoc1 = append(assoc1, p)
		case a1 != nil && p.s1 > p.s2 && camp(p.actor) != "civ":
			assoc1 = append(assoc1, p) // both camps alike: the side it took
		case a2 != nil && p.s2 > p.s1:
			assoc2 = append(assoc2, p)
		}
	}
	return a1, a2, assoc1, assoc2
}

func sameCamp(p, q *party) bool { return q != nil && camp(p.actor) == camp(q.actor) }

func pairScore(x, y *party) float64 {
	sc := 0.0
	if x != nil {
		sc += x.s1 + 0.1*float64(x.n)
	}
	if y != nil {
		sc += y.s2 + 0.1*float64(y.n)
	}
	if x != nil && y != nil {
		switch {
		case camp(x.actor) != camp(y.actor):
			sc += 0.3
		case camp(x.actor) != "armed":
			sc -= 3 // state forces rarely fight their allies, civilians never fight
		}
	}
	if x != nil && !x.actor.Armed() {
		sc -= 2 // civilians and crowds rarely initiate political violence
	}
	if x != nil && x.s1 == 0 {
		sc-- // nothing says it acted
	}
	if y != nil && y.s2 == 0 {
		sc-- // nothing says it was acted upon
	}
	return sc
}

// dropVagueDuplicates removes an unidentified armed group when a named
// armed group of the same camp is in the incident: "the attackers" are the
// group named elsewhere.
func dropVagueDuplicates(ps []*party) []*party {
	out := ps[:0:0]
	for _, p := range ps {
		if p.actor.Kind != actors.KindUnidentified || !namedOnSameSide(ps, p) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].first.m.Start < out[j].first.m.Start })
	return out
}

// namedOnSameSide reports a named rebel group in the incident: the
// unidentified armed men ("the attackers") are that group. Identity and
// pro-government militias do not count: they fight unnamed militants.
func namedOnSameSide(ps []*party, p *party) bool {
	for _, q := range ps {
		if q.actor.Kind == actors.KindRebel {
			return true
		}
	}
	return false
}

// victims names the actors a casualty count is about: those named in its
// noun phrase, weak words included ("people"), or an actor whose name the
// phrase cuts short ("members of the Volunteers" for the Volunteers for the
// Defence of the Homeland).
func (d *doc) victims(c CountMention) []actors.Mention {
	var out []actors.Mention
	for _, m := range d.findAllIn(c.WhoStart, c.WhoEnd) {
		m.Start += c.WhoStart
		m.End += c.WhoStart
		out = append(out, m)
	}
	for _, m := range d.actorsIn(c.WhoStart, min(len(d.text), c.WhoEnd+80)) {
		if m.Start < c.WhoEnd && m.End > c.WhoEnd {
			out = append(out, m)
		}
	}
	return out
}
