package extract

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// build fills an incident's fields from its coding, each with evidence.
func (d *doc) build(c *cluster, k *coding) incident.Incident {
	anchor := c.anchor()
	in := incident.Incident{
		EventID:   eventID(d.a, anchor),
		Doc:       d.a.Source,
		ArticleID: d.a.ID,
		Evidence:  make([]incident.Evidence, 0, evidenceHint),
	}
	d.buildDate(&in, k)
	d.buildType(&in, k)
	d.buildActors(&in, k)
	d.buildPlace(&in, k)
	in.Fatalities = d.countField(&in, "fatalities", k.killed)
	in.Wounded = d.countField(&in, "wounded", k.wounded)
	in.Abducted = d.countField(&in, "abducted", k.abducted)
	in.Arrested = d.countField(&in, "arrested", k.arrested)
	if len(k.killed.bySide) > 0 {
		in.KilledBySide = k.killed.bySide
		for _, cm := range k.killed.used {
			d.evidence(&in, "killed_by_side", cm.Start, cm.End, "count:"+cm.Rule)
		}
	}
	if k.claim != nil {
		in.ClaimedBy = k.claim.actor.Name
		d.evidence(&in, "claimed_by", k.claim.first.m.Start, k.claimHit.end, "claim:"+k.claimHit.value)
	}
	d.buildSource(&in, k)
	in.Confidence = confidence(c, k)
	if d.headlineAgrees(k) {
		in.Confidence = min(0.95, float64(int(in.Confidence*100+5.5))/100)
		in.Tags = append(in.Tags, "headline-corroborates")
	}
	in.Notes = notes(&in, k)
	d.evidence(&in, "notes", anchor.start, anchor.end, "generated from the coded fields")
	d.evidence(&in, "confidence", anchor.start, anchor.end, fmt.Sprintf("evidence strength over %d statements", len(c.frames)))
	if len(in.Evidence) == 0 {
		in.Evidence = nil // as an incident built without the hint
	}
	return in
}

// evidenceHint is room for the evidence of a typical incident (16 to 32
// fields' worth), so that the list is not regrown from one entry up.
const evidenceHint = 24

func (d *doc) buildDate(in *incident.Incident, k *coding) {
	in.TimePrecision = 3
	if !k.hasDate || k.date.Date.IsZero() {
		return
	}
	in.EventDate = k.date.Date.Format("2006-01-02")
	in.TimePrecision = max(1, min(3, k.date.Precision))
	rule := k.date.rule + ":" + k.date.Rule
	if len(k.date.Flags) > 0 {
		rule += " (" + strings.Join(k.date.Flags, ", ") + ")"
	}
	d.evidence(in, "event_date", k.date.Start, k.date.End, rule)
	d.evidence(in, "time_precision", k.date.Start, k.date.End, rule)
}

func (d *doc) buildType(in *incident.Incident, k *coding) {
	in.SubEventType = k.sub.Name
	in.EventType = k.sub.EventType
	in.DisorderType = k.sub.Disorder
	for _, f := range []string{"sub_event_type", "event_type", "disorder_type"} {
		d.evidence(in, f, k.typeCue.Start, k.typeCue.End, k.typeRule)
	}
}

func (d *doc) buildActors(in *incident.Incident, k *coding) {
	cc := k.country.Code
	if k.a1 != nil {
		in.Actor1, in.Inter1 = k.a1.actor.Name, inter(k.a1.actor, cc)
		d.actorEvidence(in, "actor1", k.a1)
		d.actorEvidence(in, "inter1", k.a1)
	}
	if k.a2 != nil {
		in.Actor2, in.Inter2 = k.a2.actor.Name, inter(k.a2.actor, cc)
		d.actorEvidence(in, "actor2", k.a2)
		d.actorEvidence(in, "inter2", k.a2)
		if in.Inter2 == incident.InterCivilians {
			in.CivilianTargeting = "Civilian targeting"
			d.actorEvidence(in, "civilian_targeting", k.a2)
		}
	}
	in.AssocActor1 = d.assoc(in, "assoc_actor_1", k.as1)
	in.AssocActor2 = d.assoc(in, "assoc_actor_2", k.as2)
	in.Interaction = incident.Interaction(in.Inter1, in.Inter2)
	if in.Interaction != 0 {
		p := k.a1
		if p == nil {
			p = k.a2
		}
		d.actorEvidence(in, "interaction", p)
	}
}

func (d *doc) actorEvidence(in *incident.Incident, field string, p *party) {
	d.evidence(in, field, p.first.m.Start, p.first.m.End, "actors:"+p.first.rule)
}

func (d *doc) assoc(in *incident.Incident, field string, ps []*party) string {
	var names []string
	for _, p := range ps {
		names = append(names, p.actor.Name)
		d.actorEvidence(in, field, p)
	}
	return strings.Join(names, "; ")
}

func (d *doc) buildPlace(in *incident.Incident, k *coding) {
	in.Country, in.CountryCode, in.ISO, in.Region = k.country.Name, k.country.Code, k.country.ISONumeric, k.country.Region
	if !k.hasPlace {
		d.buildCountryOnly(in, k)
		return
	}
	pl := k.place.Place
	in.Admin1, in.Admin2, in.Location = pl.Admin1, pl.Admin2, pl.Name
	in.Latitude, in.Longitude = incident.Float(pl.Lat), incident.Float(pl.Lon)
	in.GeoPrecision = geoPrecision(k.place)
	rule := k.place.Rule
	if !strings.HasPrefix(rule, "gazetteer:") {
		rule = "gazetteer:" + rule
	}
	for _, f := range []string{"location", "country", "country_code", "iso", "region", "admin1", "admin2", "latitude", "longitude", "geo_precision"} {
		d.evidence(in, f, k.place.Start, k.place.End, rule)
	}
}

func (d *doc) buildSource(in *incident.Incident, k *coding) {
	var parts []string
	if d.a.Outlet != "" {
		parts = append(parts, d.a.Outlet)
		d.evidence(in, "source", 0, 0, "article:outlet:"+d.a.OutletFrom)
	}
	for _, h := range k.agencies {
		if strings.EqualFold(h.value, d.a.Outlet) {
			continue
		}
		parts = append(parts, h.value)
		d.evidence(in, "source", h.start, h.end, "agency")
	}
	in.Source = strings.Join(parts, "; ")
}

// headlineAgrees reports a title line that names the incident's place
// (its region or country) or one of its actors: the headline corroborates,
// though it never makes an incident by itself.
func (d *doc) headlineAgrees(k *coding) bool {
	for _, l := range d.a.Lines {
		if l.Kind != article.KindTitle || l.Start < 0 || l.End > len(d.text) || l.Start >= l.End {
			continue
		}
		for _, m := range d.places {
			if m.Start >= l.Start && m.End <= l.End && k.country.Code != "" && m.Place.CountryCode == k.country.Code &&
				(!k.hasPlace || m.Place.Admin1 == "" || m.Place.Admin1 == k.place.Place.Admin1) {
				return true
			}
		}
		for _, m := range d.actorsIn(l.Start, l.End) {
			if (k.a1 != nil && m.Actor.Name == k.a1.first.m.Actor.Name) || (k.a2 != nil && m.Actor.Name == k.a2.first.m.Actor.Name) {
				return true
			}
		}
	}
	return false
}

// countryFields are the place fields a country-level incident fills.
var countryFields = []string{"country", "country_code", "iso", "region", "location", "latitude", "longitude", "geo_precision"}

// buildCountryOnly places an incident its statements do not place: at the
// country of its actors or of the document (geo_precision 3), or nowhere.
func (d *doc) buildCountryOnly(in *incident.Incident, k *coding) {
	in.GeoPrecision = 3
	if k.country.Code == "" {
		in.Tags = append(in.Tags, "unplaced")
		return
	}
	in.Location = k.country.Name
	in.Latitude, in.Longitude = incident.Float(k.country.Lat), incident.Float(k.country.Lon)
	if k.fromDoc {
		in.Tags = append(in.Tags, "country-of-document")
		for _, f := range countryFields {
			d.evidence(in, f, k.docPlace.Start, k.docPlace.End, "country-of-document")
		}
		return
	}
	p := k.a2
	if p == nil {
		p = k.a1
	}
	if p != nil {
		for _, f := range countryFields {
			d.evidence(in, f, p.first.m.Start, p.first.m.End, "country-of-actor")
		}
	}
}

// unplacedConfidence caps the confidence of an incident in no known country.
const unplacedConfidence = 0.2

// confidence grows with the evidence behind the incident: a date of its
// own, a precise place, both sides named, casualty figures, and more than
// one statement reporting it; it is low when the country is unknown.
func confidence(c *cluster, k *coding) float64 {
	s := 0.35
	if k.hasDate && !k.date.Date.IsZero() {
		s += 0.05
		if k.date.rule == "event-date" {
			s += 0.1
		}
	}
	if k.hasPlace {
		s += 0.05 * float64(placeRank(k.place.Place))
	}
	if k.a1 != nil && k.a2 != nil {
		s += 0.1
	}
	if k.killed.known || k.wounded.known || k.abducted.known || k.arrested.known {
		s += 0.1
	}
	concrete := 0
	for i := range c.frames {
		if !c.support[i] {
			concrete++
		}
	}
	s += 0.05 * float64(min(concrete-1, 2))
	switch {
	case k.country.Code == "":
		s = min(s, unplacedConfidence) // where it happened is unknown
	case k.fromDoc:
		s -= 0.1 // the country is the story's, not the statement's
	}
	if s > 0.95 {
		s = 0.95
	}
	return float64(int(s*100+0.5)) / 100
}

// notes writes one plain sentence from the coded fields.
func notes(in *incident.Incident, k *coding) string {
	var b strings.Builder
	if in.EventDate != "" {
		fmt.Fprintf(&b, "On %s, ", in.EventDate)
	} else {
		b.WriteString("On an unreported date, ")
	}
	who := in.Actor1
	if who == "" {
		who = "an unidentified actor"
	}
	verb, ok := noteVerbs[in.SubEventType]
	if in.Actor2 == "" || !ok {
		fmt.Fprintf(&b, "%s was involved in an event of the type %s in %s", who, strings.ToLower(in.SubEventType), placeName(in))
	} else {
		fmt.Fprintf(&b, "%s %s %s in %s (%s)", who, verb, in.Actor2, placeName(in), strings.ToLower(in.EventType))
	}
	var tolls []string
	for _, t := range []struct {
		n    *int
		what string
	}{{in.Fatalities, "killed"}, {in.Wounded, "wounded"}, {in.Abducted, "abducted"}, {in.Arrested, "arrested"}} {
		if t.n != nil {
			tolls = append(tolls, describe(*t.n, t.what))
		}
	}
	if len(tolls) > 0 {
		fmt.Fprintf(&b, "; %s", strings.Join(tolls, ", "))
	}
	if in.ClaimedBy != "" {
		fmt.Fprintf(&b, "; claimed by %s", in.ClaimedBy)
	}
	for _, f := range k.date.Flags {
		if strings.Contains(f, "conflict") || strings.Contains(f, "corrected") {
			fmt.Fprintf(&b, "; the text's date was read as the consistent reading (%s)", f)
			break
		}
	}
	ranges := append(append([]string{}, k.killed.ranges...), k.wounded.ranges...)
	sort.Strings(ranges)
	if len(ranges) > 0 {
		fmt.Fprintf(&b, " (figures in the text range %s; the lowest is coded)", strings.Join(ranges, ", "))
	}
	b.WriteString(".")
	return b.String()
}

// noteVerbs say what actor 1 did to actor 2, per sub-event type.
var noteVerbs = map[string]string{
	"Armed clash":                         "clashed with",
	"Government regains territory":        "regained territory from",
	"Non-state actor overtakes territory": "took territory from",
	"Chemical weapon":                     "used a chemical weapon against",
	"Air/drone strike":                    "carried out an air or drone strike on",
	"Suicide bomb":                        "carried out a suicide bombing against",
	"Shelling/artillery/missile attack":   "shelled or fired missiles at",
	"Remote explosive/landmine/IED":       "used an explosive device against",
	"Grenade":                             "threw a grenade at",
	"Sexual violence":                     "committed sexual violence against",
	"Attack":                              "attacked",
	"Abduction/forced disappearance":      "abducted",
	"Peaceful protest":                    "protested, facing",
	"Protest with intervention":           "protested and met intervention by",
	"Excessive force against protesters":  "used excessive force against",
	"Violent demonstration":               "rioted, facing",
	"Mob violence":                        "took part in mob violence against",
	"Arrests":                             "arrested",
	"Disrupted weapons use":               "disrupted weapons use by",
	"Looting/property destruction":        "looted or destroyed property of",
	"Non-violent transfer of territory":   "took over territory from",
	"Headquarters or base established":    "established a base facing",
}

func placeName(in *incident.Incident) string {
	if in.Location == "" && in.Country == "" {
		return "an unreported place"
	}
	parts := []string{in.Location}
	for _, p := range []string{in.Admin1, in.Country} {
		if p != "" && p != parts[len(parts)-1] {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}
