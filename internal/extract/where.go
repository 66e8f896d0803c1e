package extract

import (
	"strings"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// placeRank orders places by how specific they are: a town or a named
// feature beats a district, which beats a province, which beats a country.
func placeRank(p gazetteer.Place) int {
	k := p.Kind
	switch {
	case strings.HasPrefix(k, "A.PCL"):
		return 1
	case k == "A.ADM1" || k == "A.ADM1H" || k == "A.REGION":
		return 2
	case strings.HasPrefix(k, "A."):
		return 3
	case k == "":
		return 1
	}
	return 4
}

// bestEventPlace is the mention that best locates an event: the most
// specific that is not a mere reference point, the earliest on a tie.
func (d *doc) bestEventPlace(ps []gazetteer.Mention) gazetteer.Mention {
	best := ps[0]
	for _, m := range ps[1:] {
		if d.eventRank(m) > d.eventRank(best) {
			best = m
		}
	}
	return best
}

// eventRank is placeRank lowered for a reference point, so "al-Tarmiyah
// district, north of Baghdad" places the event in al-Tarmiyah, and for a
// country named only by its adjective ("Turkish warplanes ... in northern
// Iraq" happens in Iraq).
func (d *doc) eventRank(m gazetteer.Mention) int {
	r := placeRank(m.Place) * 2
	if d.referencePoint(m) {
		r -= 3
	}
	if adjectival(m) {
		r--
	}
	return r
}

// adjectival reports a country named by another word than its name: a
// demonym ("Turkish", "an Iraqi") or an abbreviation.
func adjectival(m gazetteer.Mention) bool {
	if placeRank(m.Place) != 1 {
		return false
	}
	t := m.Text
	for _, p := range [...]string{"the ", "a ", "an "} {
		t, _ = lowerCut(t, p)
	}
	return !lowerEqual(t, m.Place.Name)
}

// framePlace is the most specific event place the frame names.
func (d *doc) framePlace(f *frame) (gazetteer.Mention, bool) {
	ps := d.placesIn(f.focus[0], f.focus[1])
	if len(ps) == 0 {
		return gazetteer.Mention{}, false
	}
	return d.bestEventPlace(ps), true
}

// clusterPlace is the incident's location: the best event place its
// concrete frames name, refined by a more specific place in the same
// country from its supporting frames.
func (d *doc) clusterPlace(c *cluster) (gazetteer.Mention, bool) {
	var best gazetteer.Mention
	found := false
	for pass := 0; pass < 2; pass++ {
		for i := range c.frames {
			if c.support[i] != (pass == 1) {
				continue
			}
			for _, m := range d.placesIn(c.frames[i].focus[0], c.frames[i].focus[1]) {
				switch {
				case !found:
					best, found = m, true
				case pass == 1 && m.Place.CountryCode != best.Place.CountryCode:
				case d.eventRank(m) > d.eventRank(best):
					best = m
				}
			}
		}
	}
	if !found {
		if m, ok := d.inheritedPlaceMention(c.anchor().sent); ok {
			return m, true
		}
		if c.anchor().lede {
			return d.framingPlace()
		}
	}
	return best, found
}

// framingPlace locates a lede event the body leaves unplaced: by the place
// the headline names, else by the dateline's place, read as "near" it.
func (d *doc) framingPlace() (gazetteer.Mention, bool) {
	var title, dateline []gazetteer.Mention
	for _, m := range d.places {
		switch {
		case d.inKind(m.Start, article.KindTitle) && d.eventPlace(m):
			title = append(title, m)
		case d.dateline(m) || d.inKind(m.Start, article.KindDateline):
			dateline = append(dateline, m)
		}
	}
	if len(title) > 0 {
		m := d.bestEventPlace(title)
		m.Rule += "+headline"
		return m, true
	}
	if len(dateline) > 0 {
		m := dateline[0]
		m.Rule += "+dateline"
		m.Precision = max(m.Precision, 2)
		return m, true
	}
	return gazetteer.Mention{}, false
}

// inKind reports whether offset off lies in a line of the given kind.
func (d *doc) inKind(off int, kind article.LineKind) bool {
	for _, l := range d.a.Lines {
		if l.Start <= off && off < l.End {
			return l.Kind == kind
		}
	}
	return false
}

// inheritedPlaceMention is the most specific place of the earlier
// sentences of the paragraph.
func (d *doc) inheritedPlaceMention(si int) (gazetteer.Mention, bool) {
	s := d.sents[si]
	for k := si - 1; k >= 0 && k >= si-inheritSentences && d.sents[k].para == s.para; k-- {
		if ps := d.placesIn(d.sents[k].start, d.sents[k].end); len(ps) > 0 {
			return d.bestEventPlace(ps), true
		}
	}
	return gazetteer.Mention{}, false
}

// dateChoice is a date picked for an incident and why.
type dateChoice struct {
	DateMention
	rule string
}

// frameDate is the date a frame gives its event: a date of its own near
// the cue, else the date it was reported, else one from earlier in the
// paragraph.
func (d *doc) frameDate(f *frame) (dateChoice, bool) {
	var ev, rep []DateMention
	for _, m := range d.datesIn(f.start, f.end) {
		if !d.anchors(m) {
			continue
		}
		if m.Date.IsZero() {
			var ok bool
			if m, ok = d.resolveAnaphor(m); !ok {
				continue
			}
		}
		if d.reportDate(m, f.start) {
			rep = append(rep, m)
		} else {
			ev = append(ev, m)
		}
	}
	if m, ok := nearest(ev, f.cue); ok {
		return dateChoice{m, "event-date"}, true
	}
	if m, ok := nearest(rep, f.cue); ok {
		return dateChoice{m, "reporting-date"}, true
	}
	if m, ok := d.inheritedDate(f.sent); ok {
		return dateChoice{m, "paragraph-date"}, true
	}
	return dateChoice{}, false
}

// clusterDate is the incident's date: the first event date of its
// concrete frames, else their first reporting or paragraph date, else one
// from a supporting frame.
func (d *doc) clusterDate(c *cluster) (dateChoice, bool) {
	var fallback dateChoice
	have := false
	for pass := 0; pass < 2; pass++ {
		for i := range c.frames {
			if c.support[i] != (pass == 1) {
				continue
			}
			dc, ok := d.frameDate(&c.frames[i])
			if !ok || (pass == 1 && dc.rule != "event-date") {
				continue
			}
			if dc.rule == "event-date" && pass == 0 {
				return dc, true
			}
			if !have {
				fallback, have = dc, true
			}
		}
	}
	return fallback, have
}

// reportDate reports whether a date belongs to a reporting verb ("Reuters
// reported Monday", "said in a statement on Tuesday", "claimed
// responsibility on Tuesday"): the verb ends at most three words before it.
func (d *doc) reportDate(m DateMention, from int) bool {
	i, _ := d.wordsIn(m.Start, m.Start+1)
	for _, h := range d.hitsIn(catReport, from, m.Start) {
		k, _ := d.wordsIn(h.end, m.Start)
		if i-k <= 3 {
			return true
		}
	}
	return false
}

// anaphorShift is how many days an anaphoric date lies from the date
// named before it, by phrase category; a slice, so that the first
// category found wins whatever the run.
var anaphorShift = []struct {
	cat   string
	shift int
}{{"sameday", 0}, {"dayafter", 1}, {"daybefore", -1}}

// resolveAnaphor dates "on the same day", "the next day" from the last
// dated expression before it.
func (d *doc) resolveAnaphor(m DateMention) (DateMention, bool) {
	shift, found := 0, false
	for _, a := range anaphorShift {
		if d.hasHit(a.cat, m.Start, m.End) || d.insideHit(a.cat, m.Start, m.End) {
			shift, found = a.shift, true
			break
		}
	}
	if !found {
		return m, false
	}
	for i := len(d.dates) - 1; i >= 0; i-- {
		p := d.dates[i]
		if p.End > m.Start || p.Date.IsZero() || !d.anchors(p) {
			continue
		}
		m.Date, m.Precision = p.Date.AddDate(0, 0, shift), p.Precision
		m.Flags = append(append([]string{}, m.Flags...), "anaphor-of:"+p.Text)
		return m, true
	}
	return m, false
}

func nearest(ms []DateMention, c Cue) (DateMention, bool) {
	best, dist := -1, 1<<30
	for i, m := range ms {
		dd := m.Start - c.End
		if dd < 0 {
			dd = c.Start - m.End
		}
		if dd < 0 {
			dd = 0
		}
		if dd < dist {
			best, dist = i, dd
		}
	}
	if best < 0 {
		return DateMention{}, false
	}
	return ms[best], true
}

// docCountry is the country the document's places name most often (the
// first named on a tie), with its first mention: the country of an
// incident that no place or actor of its own statements locates.
func (d *doc) docCountry() (gazetteer.Mention, bool) {
	count := map[string]int{}
	first := map[string]gazetteer.Mention{}
	var best string
	for _, m := range d.places {
		cc := m.Place.CountryCode
		if cc == "" {
			continue
		}
		if count[cc] == 0 {
			first[cc] = m
		}
		count[cc]++
		if best == "" || count[cc] > count[best] {
			best = cc
		}
	}
	if best == "" {
		return gazetteer.Mention{}, false
	}
	return first[best], true
}
