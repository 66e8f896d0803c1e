// Package trend turns incidents into weekly series by actor and region and
// tests each series for resurgence: the HDX Signals rule on 30-day fatality
// sums and a one-sided Poisson CUSUM on weekly counts. Everything here is a
// pure function of its inputs, so the CLI, the API and the alerting loop
// compute the same numbers.
package trend

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// Grouping dimensions for By.
const (
	ByActor   = "actor"
	ByAdmin1  = "admin1"
	ByCountry = "country"
)

// ParseBy reads a comma-separated grouping such as "actor,admin1". An
// admin1 grouping always carries its country, since region names repeat
// across countries.
func ParseBy(s string) ([]string, error) {
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.ToLower(strings.TrimSpace(p))
		switch p {
		case ByActor, ByAdmin1, ByCountry:
			if slices.Contains(out, p) {
				return nil, fmt.Errorf("trend: grouping %q named twice: %w", p, incident.ErrInvalid)
			}
			out = append(out, p)
		default:
			return nil, fmt.Errorf("trend: unknown grouping %q (want actor, admin1, country): %w", p, incident.ErrInvalid)
		}
	}
	if slices.Contains(out, ByAdmin1) && slices.Contains(out, ByCountry) {
		return nil, fmt.Errorf("trend: admin1 already includes its country: %w", incident.ErrInvalid)
	}
	return out, nil
}

// Key names one series.
type Key struct {
	Actor   string `json:"actor,omitempty"`
	Country string `json:"country,omitempty"`
	Admin1  string `json:"admin1,omitempty"`
}

// String renders a key for tables and alert IDs.
func (k Key) String() string {
	var parts []string
	if k.Actor != "" {
		parts = append(parts, k.Actor)
	}
	place := k.Country
	if k.Admin1 != "" {
		place += " / " + k.Admin1
	}
	if place != "" {
		parts = append(parts, place)
	}
	if len(parts) == 0 {
		return "all"
	}
	return strings.Join(parts, " | ")
}

// Series is one weekly series; index i is the week starting Result.Weeks[i].
type Series struct {
	Key        Key    `json:"key"`
	Name       string `json:"name"`
	Incidents  []int  `json:"incidents"`
	Fatalities []int  `json:"fatalities"`
	// daily holds fatalities per day from Result.From, for 30-day sums.
	daily []int
}

// Result holds every series over one common range of weeks, so a group
// that appears late still has its quiet weeks as zeros.
type Result struct {
	From    time.Time `json:"from"` // Monday of the first week
	To      time.Time `json:"to"`   // last day covered (a Sunday)
	Weeks   []string  `json:"weeks"`
	Series  []Series  `json:"series"`
	Skipped int       `json:"skipped"` // incidents without a usable date
}

// Monday returns the start of the ISO week holding t.
func Monday(t time.Time) time.Time {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
	return t.AddDate(0, 0, -wd)
}

// Build groups incidents into weekly series. Zero from or to take the range
// of the incidents' dates. An incident counts once in each series it
// belongs to: with actor grouping, once for each named side, civilians
// excepted (they are the targets of violence, not a group that resurges).
func Build(incs []incident.Incident, by []string, from, to time.Time) Result {
	dates := make([]time.Time, len(incs))
	var res Result
	lo, hi := from, to
	for i := range incs {
		d, err := time.Parse(time.DateOnly, incs[i].EventDate)
		if err != nil {
			res.Skipped++
			continue
		}
		dates[i] = d
		if from.IsZero() && (lo.IsZero() || d.Before(lo)) {
			lo = d
		}
		if to.IsZero() && d.After(hi) {
			hi = d
		}
	}
	if lo.IsZero() || hi.IsZero() || hi.Before(lo) {
		return res
	}
	res.From = Monday(lo)
	res.To = Monday(hi).AddDate(0, 0, 6)
	nDays := int(res.To.Sub(res.From).Hours()/24) + 1
	for w := res.From; !w.After(res.To); w = w.AddDate(0, 0, 7) {
		res.Weeks = append(res.Weeks, w.Format(time.DateOnly))
	}
	index := map[Key]int{}
	for i := range incs {
		if dates[i].IsZero() || dates[i].Before(res.From) || dates[i].After(res.To) {
			continue
		}
		day := int(dates[i].Sub(res.From).Hours() / 24)
		for _, k := range keysOf(&incs[i], by) {
			j, ok := index[k]
			if !ok {
				j = len(res.Series)
				index[k] = j
				res.Series = append(res.Series, Series{
					Key: k, Name: k.String(), Incidents: make([]int, len(res.Weeks)),
					Fatalities: make([]int, len(res.Weeks)), daily: make([]int, nDays),
				})
			}
			s := &res.Series[j]
			s.Incidents[day/7]++
			if f := incs[i].Fatalities; f != nil && *f > 0 {
				s.Fatalities[day/7] += *f
				s.daily[day] += *f
			}
		}
	}
	slices.SortFunc(res.Series, func(a, b Series) int {
		if c := cmp.Compare(sum(b.Fatalities), sum(a.Fatalities)); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return res
}

func keysOf(in *incident.Incident, by []string) []Key {
	var place Key
	for _, b := range by {
		switch b {
		case ByCountry:
			place.Country = in.Country
		case ByAdmin1:
			place.Country, place.Admin1 = in.Country, in.Admin1
		}
	}
	if !slices.Contains(by, ByActor) {
		return []Key{place}
	}
	var out []Key
	for _, side := range []struct {
		name  string
		inter int
	}{{in.Actor1, in.Inter1}, {in.Actor2, in.Inter2}} {
		name := strings.TrimSpace(side.name)
		if name == "" || side.inter == incident.InterCivilians || strings.HasPrefix(name, "Civilians") {
			continue
		}
		k := place
		k.Actor = name
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
