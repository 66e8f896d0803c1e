package extract

import (
	"fmt"
	"sort"

	"github.com/sitrep-org/sitrep/internal/actors"
)

// tally is one kind of casualty (killed, wounded ...) summed over sides.
type tally struct {
	n      int
	known  bool
	bySide map[string]int
	used   []CountMention // the counts the figure rests on
	ranges []string       // disagreements, for the notes
}

// sideCounts gathers the figures one side got for one kind.
type sideCounts struct {
	exact, floors []CountMention
}

// countCasualties sums the incident's counts of one kind: per side the
// figures are repeats of one fact, so each side contributes its
// conservative figure once; the sides add up ("two US service members ...
// twenty-five ISIS militants": 27).
func (d *doc) countCasualties(frames []frame, kind string, fill func(actors.Actor) actors.Actor) tally {
	per, names, order := d.bySide(frames, kind, fill)
	t := tally{}
	unknown := 0
	var unknownUsed []CountMention
	for _, side := range order {
		n, used, rng := conservative(per[side])
		if rng != "" {
			t.ranges = append(t.ranges, rng)
		}
		if side == "" {
			unknown, unknownUsed = n, used
			continue
		}
		if t.bySide == nil {
			t.bySide = map[string]int{}
		}
		t.bySide[names[side]] = n
		t.n += n
		t.used = append(t.used, used...)
		t.known = true
	}
	if unknown > t.n {
		t.n, t.used, t.known, t.bySide = unknown, unknownUsed, true, nil
	}
	sort.Slice(t.used, func(i, j int) bool { return t.used[i].Start < t.used[j].Start })
	return t
}

// bySide groups one kind of count by the side of the victims.
func (d *doc) bySide(frames []frame, kind string, fill func(actors.Actor) actors.Actor) (map[string]*sideCounts, map[string]string, []string) {
	per := map[string]*sideCounts{}
	names := map[string]string{}
	var order []string
	for _, f := range frames {
		for _, c := range f.counts {
			if c.Kind != kind || c.N <= 0 || hasFlag(c.Flags, flagStatistic) {
				continue
			}
			side, name := d.sideOf(c, fill)
			if names[side] == "" {
				names[side] = name
			}
			sc := per[side]
			if sc == nil {
				sc = &sideCounts{}
				per[side] = sc
				order = append(order, side)
			}
			if isFloor(c) {
				sc.floors = append(sc.floors, c)
			} else {
				sc.exact = append(sc.exact, c)
			}
		}
	}
	return per, names, order
}

// isFloor reports a figure that is only a lower bound: "at least", "more
// than", or a sum with a vague part ("a colonel and a number of others").
func isFloor(c CountMention) bool {
	return c.Qualifier == "at least" || c.Qualifier == "more than" || hasFlag(c.Flags, flagPartly)
}

// conservative picks one side's figure: the lowest exact figure when the
// text disagrees (with the range noted), else the highest lower bound.
func conservative(sc *sideCounts) (int, []CountMention, string) {
	if len(sc.exact) == 0 {
		best := sc.floors[0]
		for _, c := range sc.floors[1:] {
			if c.N > best.N {
				best = c
			}
		}
		return best.N, []CountMention{best}, ""
	}
	lo, hi := sc.exact[0], sc.exact[0]
	for _, c := range sc.exact[1:] {
		if c.N < lo.N {
			lo = c
		}
		if c.N > hi.N {
			hi = c
		}
	}
	used := []CountMention{lo}
	for _, c := range sc.exact {
		if c.N == lo.N && c.Start != lo.Start {
			used = append(used, c)
		}
	}
	rng := ""
	if hi.N != lo.N {
		rng = fmt.Sprintf("%d-%d %s", lo.N, hi.N, lo.Kind)
	}
	return lo.N, used, rng
}

// sideOf keys the side a count's victims belong to and names it; the key
// is "" when the text says only "people" or "others". State forces of one
// country are one side, whatever the text calls them (soldiers, police,
// security forces).
func (d *doc) sideOf(c CountMention, fill func(actors.Actor) actors.Actor) (key, name string) {
	if c.Who == "" {
		return "", ""
	}
	var ms []actors.Mention
	for _, m := range d.victims(c) {
		if !m.Weak {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return "", ""
	}
	a := fill(ms[len(ms)-1].Actor)
	if a.State() {
		return "state:" + a.Country, a.Name
	}
	return a.Name, a.Name
}
