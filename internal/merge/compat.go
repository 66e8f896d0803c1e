package merge

import "math"

// Options are the thresholds of the same-event test. The defaults follow
// ACLED's conventions; see DESIGN.md for why each value.
type Options struct {
	// LagDays is how far apart two day-precise dates may be: reports
	// published the next morning often date an attack by their own day.
	LagDays int
	// TownKm is how far apart two town-level (geo_precision 1) points may
	// be when one of them names no place (coordinates only).
	TownKm float64
	// NearKm is the distance allowed when either report is only "near a
	// town" (geo_precision 2).
	NearKm float64
	// SameSpotKm is the distance allowed between two town-level reports
	// that name different places. Two villages a few kilometres apart are
	// two places, but a city and the district of it one outlet names
	// ("Hodan" for Mogadishu) are one: 5 km covers a city's districts
	// around its centroid. A different name still counts as a soft
	// disagreement, so it cannot come with another day or another type.
	SameSpotKm float64
}

// DefaultOptions returns the thresholds used by sitrep.
func DefaultOptions() Options {
	return Options{LagDays: 1, TownKm: 10, NearKm: 25, SameSpotKm: 5}
}

// compatible reports whether two reports can describe one event, and how
// well they fit (higher is better) so that clustering tries the best pairs
// first.
func (o Options) compatible(a, b *report) (bool, float64) {
	if sharesArticle(a, b) {
		return false, 0
	}
	return o.sameEvent(a, b)
}

// sameEvent is the same-event test on dates, type, sides and place: all
// of compatible but the articles, so that it can run on a Sketch.
func (o Options) sameEvent(a, b *report) (bool, float64) {
	okD, sd := o.datesAgree(a, b)
	if !okD {
		return false, 0
	}
	okT, st := typesAgree(a, b)
	if !okT || softDisagreements(a, b) > 1 {
		return false, 0
	}
	okA, sa := actorsAgree(a, b)
	if !okA {
		return false, 0
	}
	okP, sp := o.placesAgree(a, b)
	if !okP {
		return false, 0
	}
	return true, sd + st + sa + sp
}

// sharesArticle: one article that tells of two attacks means two attacks.
func sharesArticle(a, b *report) bool {
	for _, x := range a.articles {
		for _, y := range b.articles {
			if x == y {
				return true
			}
		}
	}
	return false
}

// datesAgree: the windows the two dates stand for overlap, allowing the
// reporting lag.
func (o Options) datesAgree(a, b *report) (bool, float64) {
	if !a.dated || !b.dated {
		return false, 0
	}
	gap := max(a.lo-b.hi, b.lo-a.hi, 0)
	if gap > o.LagDays {
		return false, 0
	}
	if a.lo == a.hi && b.lo == b.hi {
		return true, 1 - float64(gap)/float64(o.LagDays+1)
	}
	return true, 0.3 // agreeing, but one date is vague
}

// softDisagreements counts the differences two retellings of one event
// commonly show: the next day's date (reporting lag), another event type
// within the family, another named town nearby. One is noise; two at once
// are more likely a second event, such as a new attack in the next village
// the following day.
func softDisagreements(a, b *report) int {
	n := 0
	if !sameDay(a, b) {
		n++
	}
	if a.evType != b.evType {
		n++
	}
	if a.geo == 1 && b.geo == 1 && a.location != "" && b.location != "" && a.location != b.location {
		n++
	}
	return n
}

// sameDay: both dates are day-precise and equal, or either is vague.
func sameDay(a, b *report) bool {
	if a.lo != a.hi || b.lo != b.hi {
		return true
	}
	return a.lo == b.lo
}

func typesAgree(a, b *report) (bool, float64) {
	switch {
	case a.group == "" || b.group == "":
		return true, 0.1
	case a.group != b.group:
		return false, 0
	case a.subType != "" && a.subType == b.subType:
		return true, 1
	case a.evType == b.evType:
		return true, 0.7
	default:
		return true, 0.3
	}
}

// actorsAgree pairs the two sides of one report with the two sides of the
// other, in either order (outlets disagree on who started it). Each pair must
// name the same actor, or one side must be unnamed, or one name must be an
// associated actor of the other side.
func actorsAgree(a, b *report) (bool, float64) {
	best, ok := -1, false
	for _, swap := range []bool{false, true} {
		b0, b1 := b.slots[0], b.slots[1]
		if swap {
			b0, b1 = b1, b0
		}
		m0, n0 := slotMatch(a.slots[0], b0)
		m1, n1 := slotMatch(a.slots[1], b1)
		if m0 && m1 {
			ok = true
			best = max(best, n0+n1)
		}
	}
	if !ok {
		return false, 0
	}
	return true, []float64{0.2, 0.6, 1}[best]
}

// slotMatch says whether two sides are compatible and whether they were
// matched on a name (1) or only because one was unnamed (0).
func slotMatch(x, y actorSlot) (bool, int) {
	switch {
	case x.name == "" || y.name == "":
		return true, 0
	case x.name == y.name, contains(y.assoc, x.name), contains(x.assoc, y.name):
		return true, 1
	}
	return false, 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// placesAgree: same country always; then the same named place, or a region
// report whose region holds the other, or two points close together in the
// same district.
func (o Options) placesAgree(a, b *report) (bool, float64) {
	if a.country == "" || a.country != b.country {
		return false, 0
	}
	if a.location != "" && a.location == b.location && a.admin1 == b.admin1 {
		// the strongest sign of one event: an outlet that lags a day still
		// names the right town, one that names another town rarely
		// means this one
		return true, 1.5
	}
	if a.geo == 3 || b.geo == 3 {
		return regionHolds(a, b)
	}
	if !a.hasPoint || !b.hasPoint {
		return false, 0
	}
	if a.admin2 != "" && b.admin2 != "" && a.admin2 != b.admin2 {
		return false, 0
	}
	if a.admin1 != "" && b.admin1 != "" && a.admin1 != b.admin1 {
		return false, 0
	}
	limit := o.TownKm
	switch {
	case a.geo != 1 || b.geo != 1:
		limit = o.NearKm
	case a.location != "" && b.location != "":
		// two places named, and not the same: a city and its district,
		// or two villages; only close points can be the first
		limit = o.SameSpotKm
	}
	d := haversineKm(a.lat, a.lon, b.lat, b.lon)
	if d > limit {
		return false, 0
	}
	return true, 0.9 - 0.4*d/limit
}

// regionHolds handles a region-level report (geo_precision 3): it can be
// the same event as anything in its first-level region, and when the region
// it names is a district, anything in that district.
func regionHolds(a, b *report) (bool, float64) {
	r, t := a, b
	if r.geo != 3 {
		r, t = b, a
	}
	if r.admin1 == "" || r.admin1 != t.admin1 {
		return false, 0
	}
	if r.location != "" && r.location == r.admin2 && t.admin2 != "" && t.admin2 != r.admin2 {
		return false, 0
	}
	return true, 0.4
}

// haversineKm is the great-circle distance between two points.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const earthKm = 6371.0
	rad := math.Pi / 180
	dLat := (lat2 - lat1) * rad
	dLon := (lon2 - lon1) * rad
	s := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthKm * math.Asin(math.Min(1, math.Sqrt(s)))
}
