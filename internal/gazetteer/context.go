package gazetteer

import (
	"cmp"
	"math"
	"slices"
)

// docAgg sums a document's anchors once, so that the context for each name
// (which must leave that name's own mentions out) costs no more than the
// number of countries, regions and places the document names.
type docAgg struct {
	countries weighted
	regions   weighted
	named     weighted // regions named by their own name, not inferred from a town
	admin2    weighted
	cells     []cell
	cellAt    map[[2]int]int
	pointKeys map[string]bool // keys of the names counted in cells
	lazy      lazyVotes       // the document's region votes, for Resolve
	sport     bool            // the document reads as sports (see readsAsSport)
}

// weighted counts items overall and per name key. The per-key counts sit
// in one map keyed by (key, item) rather than a map per key, so a document
// costs three maps however many names it has.
type weighted struct {
	order []string
	total map[string]int
	byKey map[keyItem]int
	keys  map[string]bool // keys that counted an item
	// none is without for a key that counted nothing, once the document's
	// anchors are all in (sealed): most names leave some sums untouched.
	none   []string
	sealed bool
}

type keyItem struct{ key, item string }

func (w *weighted) add(item, key string, n int) {
	if item == "" {
		return
	}
	if w.total == nil {
		w.total, w.byKey, w.keys = map[string]int{}, map[keyItem]int{}, map[string]bool{}
	}
	if w.total[item] == 0 {
		w.order = append(w.order, item)
	}
	w.total[item] += n
	w.keys[key] = true
	w.byKey[keyItem{key, item}] += n
}

// has reports whether key counted any item.
func (w *weighted) has(key string) bool { return w.keys[key] }

// without lists the items still counted once key's own share is removed,
// heaviest first (first named on a tie).
func (w *weighted) without(key string) []string {
	if w.sealed && !w.keys[key] {
		return append(make([]string, 0, len(w.none)), w.none...)
	}
	return w.withoutKey(key, true)
}

// view is without for a reader that keeps nothing it may write to: a
// sealed sum's list for a key that counted nothing is shared, not copied.
func (w *weighted) view(key string) []string {
	if w.sealed && !w.keys[key] {
		return w.none
	}
	return w.withoutKey(key, true)
}

// seal fixes the sums: without no longer recounts them for keys that
// counted nothing.
func (w *weighted) seal() {
	w.none, w.sealed = w.withoutKey("", false), true
}

// withoutKey is without, which leaves key's share in when own is false.
func (w *weighted) withoutKey(key string, own bool) []string {
	type counted struct {
		item string
		n    int
	}
	var buf [16]counted
	items := buf[:0]
	for _, it := range w.order {
		n := w.total[it]
		if own {
			n -= w.byKey[keyItem{key, it}]
		}
		if n > 0 {
			items = append(items, counted{it, n})
		}
	}
	slices.SortStableFunc(items, func(a, b counted) int { return cmp.Compare(b.n, a.n) })
	out := make([]string, len(items))
	for i, c := range items {
		out[i] = c.item
	}
	return out
}

// cell is a 0.1-degree square holding places the document names.
type cell struct {
	lat, lon float64
	within   string
	key      string // the first name counted in the cell
	total    int
	byKey    map[string]int
}

func newDocAgg(anchors []anchor) *docAgg {
	a := &docAgg{cellAt: map[[2]int]int{}, pointKeys: map[string]bool{}}
	a.add(anchors)
	return a
}

// seal fixes the sums once every anchor is in; see weighted.seal.
func (a *docAgg) seal() {
	for _, w := range []*weighted{&a.countries, &a.regions, &a.named, &a.admin2} {
		w.seal()
	}
}

// add counts more anchors, as if they had been in newDocAgg's list after
// the others.
func (a *docAgg) add(anchors []anchor) {
	for _, x := range anchors {
		a.countries.add(x.country, x.key, x.weight)
		a.regions.add(x.admin1, x.key, 1)
		if !x.point && x.admin2 == "" && !x.inName {
			a.named.add(x.admin1, x.key, 1)
		}
		a.admin2.add(x.admin2, x.key, 1)
		if !x.point {
			continue
		}
		k := [2]int{int(math.Floor(x.lat * 10)), int(math.Floor(x.lon * 10))}
		i, ok := a.cellAt[k]
		if !ok {
			i = len(a.cells)
			a.cellAt[k] = i
			a.cells = append(a.cells, cell{lat: x.lat, lon: x.lon, within: x.within, key: x.key, byKey: map[string]int{}})
		}
		a.cells[i].total++
		a.cells[i].byKey[x.key]++
		a.pointKeys[x.key] = true
	}
}

// touches reports whether the name with normal form key counts in the
// aggregates, so that its own context must leave it out.
func (a *docAgg) touches(key string) bool {
	if a == nil {
		return false
	}
	return a.countries.has(key) || a.regions.has(key) || a.admin2.has(key) || a.pointKeys[key]
}

// fill sets the parts of st that come from the anchors, leaving key out.
func (a *docAgg) fill(st *resolveState, key string) ([]string, []string) {
	for _, r := range a.admin2.view(key) {
		st.admin2.add(r)
	}
	for _, r := range a.named.view(key) {
		st.named.add(r)
	}
	focusN := 0
	counted := a.pointKeys[key] // else no cell counted key: skip the look-ups
	for _, c := range a.cells {
		n := c.total
		if counted {
			n -= c.byKey[key]
		}
		if n > 0 {
			st.points = append(st.points, [2]float64{c.lat, c.lon})
			st.holding.add(c.within)
			if n > focusN && c.key != key {
				focusN, st.focus = n, focus{key: c.key, lat: c.lat, lon: c.lon}
			}
		}
	}
	// shared lists: the state compares its country list and reads the
	// regions, and writes to neither
	return a.countries.view(key), a.regions.view(key)
}

// focus is the place the document names most (first named on a tie): the
// best guess for a name the gazetteer cannot place.
type focus struct {
	key      string
	lat, lon float64
}
