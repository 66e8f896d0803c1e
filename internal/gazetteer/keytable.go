package gazetteer

import (
	"iter"
	"sort"
	"strings"
)

// keyTable is the data file's sorted key index (K lines) kept as offsets
// into the one decompressed data string instead of two string headers per
// key: a few hundred thousand fewer pointers for the garbage collector to
// follow on every cycle, for as long as the gazetteer lives.
type keyTable struct {
	blob string   // the data the keys and lists are substrings of
	refs []keyRef // one per key, in key order
}

// keyRef locates one K line's fields in blob: the key is blob[start:tab],
// its comma-separated entry list blob[tab+1:end].
type keyRef struct{ start, tab, end uint32 }

func (t *keyTable) len() int { return len(t.refs) }

func (t *keyTable) key(i int) string {
	r := t.refs[i]
	return t.blob[r.start:r.tab]
}

func (t *keyTable) list(i int) string {
	r := t.refs[i]
	return t.blob[r.tab+1 : r.end]
}

// search returns the position of the first key not less than p.
func (t *keyTable) search(p string) int {
	return sort.Search(len(t.refs), func(i int) bool { return t.key(i) >= p })
}

func (t *keyTable) sorted() bool {
	for i := 1; i < len(t.refs); i++ {
		if t.key(i) < t.key(i-1) {
			return false
		}
	}
	return true
}

// keysWithPrefix yields, in order, the data file's keys that begin with p
// and then the keys added at load that do.
func (g *Gazetteer) keysWithPrefix(p string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := g.keys.search(p); i < g.keys.len() && strings.HasPrefix(g.keys.key(i), p); i++ {
			if !yield(g.keys.key(i)) {
				return
			}
		}
		for i := sort.SearchStrings(g.extraKeys, p); i < len(g.extraKeys) && strings.HasPrefix(g.extraKeys[i], p); i++ {
			if !yield(g.extraKeys[i]) {
				return
			}
		}
	}
}
