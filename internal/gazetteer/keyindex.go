package gazetteer

import "hash/maphash"

// keyIndex is an open-addressing hash table over the sorted key list: one
// probe (rarely a few) per look-up instead of a binary search across
// hundreds of thousands of keys.
type keyIndex struct {
	seed  maphash.Seed
	slots []int32 // key position + 1; 0 is empty
	mask  uint64
}

func newKeyIndex(keys *keyTable) keyIndex {
	size := 1
	for size < 2*keys.len() {
		size <<= 1
	}
	ix := keyIndex{seed: maphash.MakeSeed(), slots: make([]int32, size), mask: uint64(size - 1)}
	for i := range keys.len() {
		h := maphash.String(ix.seed, keys.key(i)) & ix.mask
		for ix.slots[h] != 0 {
			h = (h + 1) & ix.mask
		}
		ix.slots[h] = int32(i + 1)
	}
	return ix
}

// find returns the position of key in keys, or -1.
func (ix *keyIndex) find(keys *keyTable, key string) int {
	if len(ix.slots) == 0 {
		return -1
	}
	h := maphash.String(ix.seed, key) & ix.mask
	for {
		s := ix.slots[h]
		if s == 0 {
			return -1
		}
		if keys.key(int(s-1)) == key {
			return int(s - 1)
		}
		h = (h + 1) & ix.mask
	}
}
