package gazetteer

import (
	"math"
	"sort"
)

// docAgg sums a document's anchors once, so that the context for each name
// (which must leave that name's own mentions out) costs no more than the
// number of countries, regions and places the document names.
type docAgg struct {
	countries weighted
	regions   weighted
	admin2    weighted
	cells     []cell
	cellAt    map[[2]int]int
}

// weighted counts items overall and per name key.
type weighted struct {
	order []string
	total map[string]int
	byKey map[string]map[string]int
}

func (w *weighted) add(item, key string, n int) {
	if item == "" {
		return
	}
	if w.total == nil {
		w.total, w.byKey = map[string]int{}, map[string]map[string]int{}
	}
	if w.total[item] == 0 {
		w.order = append(w.order, item)
	}
	w.total[item] += n
	if w.byKey[key] == nil {
		w.byKey[key] = map[string]int{}
	}
	w.byKey[key][item] += n
}

// without lists the items still counted once key's own share is removed,
// heaviest first (first named on a tie).
func (w *weighted) without(key string) []string {
	own := w.byKey[key]
	var out []string
	for _, it := range w.order {
		if w.total[it]-own[it] > 0 {
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return w.total[out[i]]-own[out[i]] > w.total[out[j]]-own[out[j]]
	})
	return out
}

// cell is a 0.1-degree square holding places the document names.
type cell struct {
	lat, lon float64
	within   string
	total    int
	byKey    map[string]int
}

func newDocAgg(anchors []anchor) *docAgg {
	a := &docAgg{cellAt: map[[2]int]int{}}
	for _, x := range anchors {
		a.countries.add(x.country, x.key, x.weight)
		a.regions.add(x.admin1, x.key, 1)
		a.admin2.add(x.admin2, x.key, 1)
		if !x.point {
			continue
		}
		k := [2]int{int(math.Floor(x.lat * 10)), int(math.Floor(x.lon * 10))}
		i, ok := a.cellAt[k]
		if !ok {
			i = len(a.cells)
			a.cellAt[k] = i
			a.cells = append(a.cells, cell{lat: x.lat, lon: x.lon, within: x.within, byKey: map[string]int{}})
		}
		a.cells[i].total++
		a.cells[i].byKey[x.key]++
	}
	return a
}

// fill sets the parts of st that come from the anchors, leaving key out.
func (a *docAgg) fill(st *resolveState, key string) ([]string, []string) {
	for _, r := range a.admin2.without(key) {
		st.admin2[r] = true
	}
	for _, c := range a.cells {
		if c.total-c.byKey[key] > 0 {
			st.points = append(st.points, [2]float64{c.lat, c.lon})
			st.holding[c.within] = true
		}
	}
	return a.countries.without(key), a.regions.without(key)
}
