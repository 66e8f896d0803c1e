// Package merge decides which incidents, coded from different articles,
// describe the same event, and folds each group into one incident that keeps
// every source. GDELT counts each report of an attack as an event; sitrep
// counts the attack once. Everything here is a pure function over
// incident.Incident: no store, no clock, no network.
package merge

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// report is an incident prepared for fast comparison: dates as day numbers,
// names folded, the articles it comes from. It is built once per input.
type report struct {
	idx      int // position in the input, i.e. ingestion order
	lo, hi   int // the days the event may have happened on, inclusive
	dated    bool
	country  string
	admin1   string
	admin2   string
	location string
	lat, lon float64
	hasPoint bool
	geo      int
	group    string // event-type family; "" when the type is unknown
	evType   string
	subType  string
	slots    [2]actorSlot
	articles []string
}

// actorSlot is one side of an incident: its canonical name folded, and the
// associated actors that may stand in for it in another report's coding.
type actorSlot struct {
	name  string // "" = not named (unknown or unidentified)
	assoc []string
}

// epoch anchors day numbers; any fixed date would do.
var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// dayNumber converts YYYY-MM-DD to days since 1970-01-01.
func dayNumber(s string) (int, bool) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, false
	}
	return int(t.Sub(epoch).Hours() / 24), true
}

// dayRange is the window of days a coded date stands for, by ACLED's
// time_precision: 1 the day itself; 2 a week, recorded as some day in it, so
// anything within 6 days either side; 3 the calendar month of the date.
func dayRange(date string, precision int) (lo, hi int, ok bool) {
	d, ok := dayNumber(date)
	if !ok {
		return 0, 0, false
	}
	switch precision {
	case 2:
		return d - 6, d + 6, true
	case 3:
		t, _ := time.Parse(time.DateOnly, date)
		first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1)
		return int(first.Sub(epoch).Hours() / 24), int(last.Sub(epoch).Hours() / 24), true
	default: // 1, and 0 when an extractor gave a date without saying how sure
		return d, d, true
	}
}

// fold lower-cases a name and keeps only letters and digits, so "Salah
// ad-Din" and "salah ad din" compare equal.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// actorKey folds an actor name; unknown and unidentified actors become "",
// which matches any actor: "gunmen" in one report may be named in another.
func actorKey(s string) string {
	f := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	if f == "" || strings.HasPrefix(f, "unidentified") || strings.HasPrefix(f, "unknown") {
		return ""
	}
	return f
}

func assocKeys(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ";") {
		if k := actorKey(part); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// typeGroup puts event types into families that outlets confuse with one
// another: a roadside bomb followed by gunfire is a battle to one outlet and
// remote violence to another, but never a protest. Strategic developments are
// too varied to group, so each sub-event type is its own family.
func typeGroup(evType, sub string) string {
	switch evType {
	case "":
		return ""
	case incident.Battles, incident.ExplosionsRemote, incident.ViolenceAgainstCivs:
		return "violence"
	case incident.Protests, incident.Riots:
		return "demonstration"
	default:
		return "other:" + fold(evType) + "/" + fold(sub)
	}
}

// countryKey prefers the ISO code, which does not vary with spelling.
func countryKey(in *incident.Incident) string {
	if in.CountryCode != "" {
		return strings.ToUpper(in.CountryCode)
	}
	return fold(in.Country)
}

// articleKeys names the articles an incident comes from: its sources, its
// own article, or failing both its document, so that two incidents from one
// article are never merged.
func articleKeys(in *incident.Incident, idx int) []string {
	seen := map[string]bool{}
	var out []string
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	add(in.ArticleID)
	for _, s := range in.Sources {
		add(s.ArticleID)
	}
	if len(out) == 0 {
		add(in.Doc)
	}
	if len(out) == 0 {
		add("#" + strconv.Itoa(idx))
	}
	return out
}

func newReport(in *incident.Incident, idx int) report {
	r := report{
		idx:      idx,
		country:  countryKey(in),
		admin1:   fold(in.Admin1),
		admin2:   fold(in.Admin2),
		location: fold(in.Location),
		geo:      in.GeoPrecision,
		group:    typeGroup(in.EventType, in.SubEventType),
		evType:   in.EventType,
		subType:  in.SubEventType,
		articles: articleKeys(in, idx),
	}
	r.lo, r.hi, r.dated = dayRange(in.EventDate, in.TimePrecision)
	if in.Latitude != nil && in.Longitude != nil {
		r.lat, r.lon, r.hasPoint = *in.Latitude, *in.Longitude, true
	}
	r.slots[0] = actorSlot{name: actorKey(in.Actor1), assoc: assocKeys(in.AssocActor1)}
	r.slots[1] = actorSlot{name: actorKey(in.Actor2), assoc: assocKeys(in.AssocActor2)}
	return r
}
