package extract

import (
	"math"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/extract/eventtype"
	"github.com/sitrep-org/sitrep/internal/gazetteer"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// cluster is the frames that describe one incident: the concrete ones
// that report it and the supporting ones that add detail ("The attack took
// place ...", "five others were wounded").
type cluster struct {
	frames   []frame
	support  []bool // parallel to frames: true for a supporting frame
	lastSent int
}

// adjacentSentences is how far (in sentences) a statement without its own
// anchor may follow an incident and still add to it.
const adjacentSentences = 2

// group frames every body sentence and gathers the frames into incidents.
func (d *doc) group() []*cluster {
	var out []*cluster
	for si, s := range d.sents {
		if s.kind != article.KindBody {
			continue
		}
		for _, f := range d.analyse(si) {
			switch {
			case f.concrete:
				if c := d.home(out, &f); c != nil {
					c.add(f, false)
					continue
				}
				c := &cluster{}
				c.add(f, false)
				out = append(out, c)
			case d.supports(&f):
				if c := d.supported(out, &f); c != nil {
					c.add(f, true)
				}
			}
		}
	}
	return out
}

func (c *cluster) add(f frame, support bool) {
	c.frames = append(c.frames, f)
	c.support = append(c.support, support)
	c.lastSent = f.sent
}

func (c *cluster) anchor() *frame { return &c.frames[0] }

// supports reports whether a frame that is not a concrete event may still
// add detail to one: it is not history, a statistic, a general statement,
// a possibility or a denial.
func (d *doc) supports(f *frame) bool {
	if f.another {
		return false
	}
	if len(f.flags) > 0 {
		return f.coref && f.focus[1] > f.focus[0]
	}
	return f.coref || f.claim || len(f.counts) > 0 || f.event
}

// home finds the incident a concrete frame belongs to, most recent first.
func (d *doc) home(cs []*cluster, f *frame) *cluster {
	if f.another {
		return nil
	}
	for i := len(cs) - 1; i >= 0; i-- {
		c := cs[i]
		if !d.compatible(c, f) || c.lastSent == f.sent || distinctKinds(c.anchor(), f) {
			continue // parts of one sentence split apart report different events
		}
		if f.coref || f.sent-c.lastSent <= adjacentSentences || d.samePlace(c, f) || d.sameDate(c, f) {
			return c
		}
	}
	return nil
}

// supported finds the incident a supporting frame adds to: the most
// recent one, when the frame refers back to it or follows it closely.
func (d *doc) supported(cs []*cluster, f *frame) *cluster {
	if len(cs) == 0 {
		return nil
	}
	c := cs[len(cs)-1]
	if !d.compatible(c, f) || (f.event && otherDisorder(c.anchor(), f)) {
		return nil
	}
	if f.coref || f.sent-c.lastSent <= adjacentSentences {
		return c
	}
	return nil
}

// distinctKinds reports two statements that cannot be one event by their
// types: a different disorder (an attack, then arrests over it) or two
// different remote weapons (shelling by one side, an air strike by the
// other).
func distinctKinds(a, b *frame) bool {
	if otherDisorder(a, b) {
		return true
	}
	fa, fb := weaponFamily[a.ev.Code], weaponFamily[b.ev.Code]
	return fa != "" && fb != "" && fa != fb
}

// weaponFamily groups the remote-violence types by the weapon: a suicide
// bomb and a "blast" are one explosion, an air strike is another kind.
var weaponFamily = map[string]string{
	"REM_EXPLOS": "explosive", "SUIC_BOMB": "explosive", "GRENADE": "explosive",
	"AIR_STRIKE": "air", "ART_MISS_ATTACK": "artillery", "CHEM_WEAP": "chemical",
}

// otherDisorder reports statements that ACLED codes as events of their
// own though reported together: arrests made after an act of political
// violence. Arrests at a protest are its intervention, and damage done in
// an attack is part of it.
func otherDisorder(a, b *frame) bool {
	x, ok1 := eventtype.SubEvent(a.ev.Code)
	y, ok2 := eventtype.SubEvent(b.ev.Code)
	if !ok1 || !ok2 {
		return false
	}
	return arrestsAfterViolence(x, y) || arrestsAfterViolence(y, x)
}

func arrestsAfterViolence(x, y incident.SubEventType) bool {
	return x.Code == "ARREST" && y.Disorder == incident.PoliticalViolence
}

// compatible reports whether a frame can describe the same incident as a
// cluster: no place in another country or region, no other day.
func (d *doc) compatible(c *cluster, f *frame) bool {
	if fp, ok := d.framePlace(f); ok {
		if cp, ok := d.clusterPlace(c); ok && !samePlaceArea(cp, fp, d.placesIn(f.focus[0], f.focus[1])) {
			return false
		}
	}
	fd, ok1 := d.frameDate(f)
	cd, ok2 := d.clusterDate(c)
	if ok1 && ok2 && !fd.Date.IsZero() && !cd.Date.IsZero() {
		diff := fd.Date.Sub(cd.Date).Hours() / 24
		if diff < 0 {
			diff = -diff
		}
		tol := tolerance(fd.Precision, cd.Precision)
		if fd.rule == "event-date" && cd.rule == "event-date" && tol == 1 {
			tol = 0 // two days a report names for its events are two events
		}
		if diff > float64(tol) {
			return false
		}
	}
	return true
}

// tolerance is how many days apart two dates of the given precisions may
// be and still name the same event.
func tolerance(p1, p2 int) int {
	switch max(p1, p2) {
	case 0, 1:
		return 1
	case 2:
		return 7
	default:
		return 31
	}
}

// sameEventKm is how far apart two named towns may be and still be the
// scene of one event (a town and the village beside it).
const sameEventKm = 30

// km is the great-circle distance between two places.
func km(a, b gazetteer.Place) float64 {
	const r = 6371.0
	la1, la2 := a.Lat*math.Pi/180, b.Lat*math.Pi/180
	dla, dlo := la2-la1, (b.Lon-a.Lon)*math.Pi/180
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// samePlaceArea reports whether place b (one of the frame's places fs) is
// in the area of place a: same country, and same first-level region when
// both have one or when the frame also names a's region.
func samePlaceArea(a, b gazetteer.Mention, fs []gazetteer.Mention) bool {
	if a.Place.CountryCode != b.Place.CountryCode {
		return false
	}
	if placeRank(a.Place) == 4 && placeRank(b.Place) == 4 && a.Place.Name != b.Place.Name && km(a.Place, b.Place) > sameEventKm {
		return false // two towns far apart: two events, whatever refers back
	}
	if a.Place.Admin1 == "" || b.Place.Admin1 == "" || a.Place.Admin1 == b.Place.Admin1 {
		return true
	}
	for _, m := range fs {
		if m.Place.Admin1 == a.Place.Admin1 {
			return true
		}
	}
	return false
}

func (d *doc) samePlace(c *cluster, f *frame) bool {
	fp, ok1 := d.framePlace(f)
	cp, ok2 := d.clusterPlace(c)
	return ok1 && ok2 && fp.Place.Admin1 != "" && fp.Place.Admin1 == cp.Place.Admin1
}

func (d *doc) sameDate(c *cluster, f *frame) bool {
	fd, ok1 := d.frameDate(f)
	cd, ok2 := d.clusterDate(c)
	return ok1 && ok2 && !fd.Date.IsZero() && fd.Date.Equal(cd.Date)
}
