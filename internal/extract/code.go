package extract

import (
	"strings"

	"github.com/sitrep-org/sitrep/internal/actors"
	"github.com/sitrep-org/sitrep/internal/extract/eventtype"
	"github.com/sitrep-org/sitrep/internal/gazetteer"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// coding is what is decided about one incident before it becomes an
// incident.Incident.
type coding struct {
	place    gazetteer.Mention
	hasPlace bool
	country  gazetteer.CountryInfo // zero when no country is known
	docPlace gazetteer.Mention     // the document's place that gave the country
	fromDoc  bool
	a1, a2   *party
	as1, as2 []*party
	sub      incident.SubEventType
	typeCue  Cue
	typeRule string
	date     dateChoice
	hasDate  bool
	killed   tally
	wounded  tally
	abducted tally
	arrested tally
	claim    *party
	claimHit hit
	agencies []hit
}

// code turns a cluster into an incident. As ACLED never drops an event for
// a vague location, one its statements cannot place is kept at country
// level (by its actors, else by the country the document names most), or
// with no place at all when nothing tells the country.
func (d *doc) code(c *cluster) incident.Incident {
	var k coding
	var votes []vote
	for i := range c.frames {
		votes = append(votes, d.frameVotes(&c.frames[i], c.support[i])...)
	}
	k.place, k.hasPlace = d.clusterPlace(c)
	cc := k.place.Place.CountryCode
	if !k.hasPlace {
		cc = actorCountry(votes)
	}
	if cc == "" && !k.hasPlace {
		k.docPlace, k.fromDoc = d.docCountry()
		cc = k.docPlace.Place.CountryCode
	}
	name := ""
	if info, ok := d.r.Places.Country(cc); cc != "" && ok {
		k.country = info
		if name = d.r.Actors.CountryName(info.Code); name == "" {
			name = info.Name
		}
	}
	k.date, k.hasDate = d.clusterDate(c)
	when := d.pub
	if k.hasDate && !k.date.Date.IsZero() {
		when = k.date.Date
	}
	fill := func(a actors.Actor) actors.Actor { return d.r.Actors.AsOf(a.In(k.country.Code, name), when) }
	k.a1, k.a2, k.as1, k.as2 = sides(votes, fill)
	k.sub, k.typeCue, k.typeRule = d.eventType(c, k.a1, k.a2)
	d.crowdActor(&k, votes, fill)
	side := sideNamer(&k, fill)
	k.killed = d.countCasualties(c.frames, KindKilled, side)
	k.wounded = d.countCasualties(c.frames, KindWounded, side)
	k.abducted = d.countCasualties(c.frames, KindAbducted, side)
	k.arrested = d.countCasualties(c.frames, KindArrested, side)
	k.claim, k.claimHit = d.claimant(c, fill)
	if k.claim != nil && (k.a1 == nil || k.a1.actor.Kind == actors.KindUnidentified) && (k.a2 == nil || k.a2.actor.Name != k.claim.actor.Name) {
		k.a1 = k.claim // the claim names who acted
	}
	k.agencies = d.agencies(c)
	return d.build(c, &k)
}

// crowdNames are the generic actors ACLED codes as actor 1 of
// demonstrations, whoever marches: the group itself is an associated actor.
var crowdNames = map[string]string{incident.Protests: "Protesters", incident.Riots: "Rioters"}

// crowdActor makes protesters (or rioters) actor 1 of a demonstration,
// keeping the named group that marched as an associated actor.
func (d *doc) crowdActor(k *coding, votes []vote, fill func(actors.Actor) actors.Actor) {
	name, ok := crowdNames[k.sub.EventType]
	if !ok || (k.a1 != nil && (k.a1.actor.Kind == actors.KindProtesters || k.a1.actor.Kind == actors.KindRioters)) {
		return
	}
	crowd, ok := d.r.Actors.Lookup(name)
	if !ok {
		return
	}
	p := &party{actor: fill(crowd), first: vote{m: actors.Mention{Start: k.typeCue.Start, End: k.typeCue.End}, rule: "demonstration"}}
	for _, v := range votes {
		if !v.m.Actor.Armed() && !v.m.Weak && v.m.Actor.Kind == actors.KindCivilians {
			k.as1 = append(k.as1, &party{actor: fill(v.m.Actor), first: v})
			break
		}
	}
	if k.a1 != nil && !k.a1.actor.Armed() && k.a1.actor.Kind != actors.KindProtesters && k.a1.actor.Kind != actors.KindRioters {
		k.as1 = append(k.as1, k.a1)
	}
	if k.a2 != nil && !k.a2.actor.Armed() {
		k.a2 = nil // the marchers are not their own opponents
	}
	k.a1 = p
	k.as1 = uniqueParties(k.as1)
}

func uniqueParties(ps []*party) []*party {
	seen := map[string]bool{}
	out := ps[:0]
	for _, p := range ps {
		if !seen[p.actor.Name] {
			seen[p.actor.Name] = true
			out = append(out, p)
		}
	}
	return out
}

// sideNamer names the side of casualties: unnamed fighters ("five
// insurgents") belong to the one named rebel group of the incident.
func sideNamer(k *coding, fill func(actors.Actor) actors.Actor) func(actors.Actor) actors.Actor {
	var rebel *party
	n := 0
	for _, p := range append([]*party{k.a1, k.a2}, append(k.as1, k.as2...)...) {
		if p != nil && p.actor.Kind == actors.KindRebel {
			rebel = p
			n++
		}
	}
	return func(a actors.Actor) actors.Actor {
		if a.Kind == actors.KindUnidentified && n == 1 {
			return rebel.actor
		}
		return fill(a)
	}
}

// actorCountry places an incident without a place name by its actors: the
// home country of those acted upon first (foreign jets strike abroad),
// then of those who acted; state forces before groups.
func actorCountry(votes []vote) string {
	for _, side := range []int{2, 1} {
		for _, kind := range []string{actors.KindState, actors.KindPolice, actors.KindRebel, actors.KindMilitia, actors.KindIdentity} {
			for _, v := range votes {
				if v.side == side && v.m.Actor.Kind == kind && v.m.Actor.Country != "" {
					return v.m.Actor.Country
				}
			}
		}
	}
	return ""
}

// targetTypes adjusts a sub-event type to the target: ACLED codes an
// attack on armed forces as a battle and a "clash" with unarmed civilians
// as violence against civilians.
var targetTypes = map[string]map[string]string{
	"Attack":      {"gov": "Armed clash", "armed": "Armed clash"},
	"Armed clash": {"civ": "Attack"},
}

// eventType picks the incident's sub-event type: the anchoring statement's
// type, else the first typed statement, else one read from the target.
func (d *doc) eventType(c *cluster, a1, a2 *party) (incident.SubEventType, Cue, string) {
	var sub incident.SubEventType
	var cue Cue
	rule := ""
	for i := range c.frames {
		f := &c.frames[i]
		if c.support[i] || !isACLED(f.ev.Code) {
			continue
		}
		sub, _ = eventtype.SubEvent(f.ev.Code)
		cue, rule = f.cue, "eventtype:"+f.cue.Rule
		break
	}
	if sub.Name == "" {
		sub, _ = eventtype.SubEvent("Attack")
		cue, rule = c.anchor().cue, "casualties-without-cue"
	}
	if a2 != nil && (a1 == nil || a1.actor.Armed()) {
		if to, ok := targetTypes[sub.Name][camp(a2.actor)]; ok {
			sub, _ = eventtype.SubEvent(to)
			rule += "; target:" + camp(a2.actor)
		}
	}
	return sub, cue, rule
}

// claimant finds who claimed the incident: the actor named right before a
// claim of responsibility, or after "claimed by"; failing that, the group
// whose own media arm carried the report ("a statement carried by its Amaq
// news agency").
func (d *doc) claimant(c *cluster, fill func(actors.Actor) actors.Actor) (*party, hit) {
	for _, f := range c.frames {
		for _, h := range d.hitsIn(catClaim, f.start, f.end) {
			s := d.sents[f.sent]
			if d.near(catNegation, s.start, h.start, 3) {
				continue // "has not claimed responsibility"
			}
			if m, ok := d.claimingActor(s, h); ok {
				return &party{actor: fill(m.Actor), first: vote{m: m, rule: "claimed"}}, h
			}
		}
	}
	return d.channelClaimant(c, fill)
}

// channelClaimant is the group a claim channel speaks for, when one of the
// incident's statements cites it (rules/agencies.tsv, third column).
func (d *doc) channelClaimant(c *cluster, fill func(actors.Actor) actors.Actor) (*party, hit) {
	for _, f := range c.frames {
		for _, h := range d.hitsIn(catChannel, f.start, f.end) {
			if d.near(catNegation, d.sents[f.sent].start, h.start, 3) {
				continue // "did not appear on Amaq"
			}
			group, ok := d.r.Actors.Lookup(d.r.rules.speaker[h.value])
			if !ok {
				continue
			}
			m := actors.Mention{Start: h.start, End: h.end, Text: d.text[h.start:h.end], Actor: group}
			return &party{actor: fill(group), first: vote{m: m, rule: "claim-channel"}}, h
		}
	}
	return nil, hit{}
}

// claimingActor is the armed actor that makes a claim: the one after
// "claimed by", else the nearest before the claim with no comma between
// (not a possessive: "al-Qaeda's affiliate"), else the sentence's first.
func (d *doc) claimingActor(s sentence, h hit) (actors.Mention, bool) {
	var first, near *actors.Mention
	for _, m := range d.actorsIn(s.start, s.end) {
		if !m.Actor.Armed() {
			continue
		}
		mm := m
		if strings.HasSuffix(h.value, " by") && m.Start >= h.end {
			return mm, true
		}
		if m.End > h.start {
			break
		}
		if first == nil {
			first = &mm
		}
		between := d.text[m.End:h.start]
		if !strings.Contains(between, ",") && !strings.HasPrefix(between, "'s") && !strings.HasPrefix(between, "’s") {
			near = &mm
		}
	}
	switch {
	case near != nil:
		return *near, true
	case first != nil:
		return *first, true
	}
	return actors.Mention{}, false
}

// agencies lists the news agencies the incident's statements cite.
func (d *doc) agencies(c *cluster) []hit {
	var out []hit
	seen := map[string]bool{}
	for _, f := range c.frames {
		for _, h := range d.hitsIn(catAgency, f.start, f.end) {
			if !seen[h.value] {
				seen[h.value] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// geoPrecision is ACLED's geo_precision for a place mention.
func geoPrecision(m gazetteer.Mention) int {
	if m.Precision >= 1 && m.Precision <= 3 {
		return m.Precision
	}
	switch placeRank(m.Place) {
	case 4:
		return 1
	case 3:
		return 2
	}
	return 3
}

// inter is an actor's inter code in an incident: state forces operating
// outside their own country are external forces (8), as ACLED codes them.
func inter(a actors.Actor, cc string) int {
	if a.Inter == incident.InterStateForces && a.Country != "" && cc != "" && a.Country != cc {
		return incident.InterExternalOther
	}
	return a.Inter
}
